"""``legcramps interview --language es``: hints, help, retries, choices and saving in Spanish.

Each test plays the interview as a real process with piped answers. Answers known already
come from an ``--input`` file, so that the one question a test is about is asked first.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import legcramps
from helpers import run
from legcramps import _texts
from legcramps._parse import accepted_text

if TYPE_CHECKING:
    from pathlib import Path

ES = legcramps.catalog("es")
K = legcramps.KNOWLEDGE


def known_but(factor_id: str) -> dict[str, Any]:
    """Return answers to every question but *factor_id*, none of them a warning sign."""
    answers: dict[str, Any] = {}
    for f in K.factors:
        if f.kind is legcramps.FactorKind.YES_NO:
            answers[f.id] = False
        elif f.kind is legcramps.FactorKind.NUMBER:
            answers[f.id] = f.minimum
        elif f.kind is legcramps.FactorKind.CHOICE:
            answers[f.id] = f.choices[0]
        else:
            answers[f.id] = []
    answers["exercise_minutes"] = 60  # so that the intensity is asked
    del answers[factor_id]
    return answers


def ask(tmp_path: Path, factor_id: str, typed: str, *save: str) -> str:
    """Play the Spanish interview of *factor_id* alone with *typed*; return what it wrote."""
    known = tmp_path / "known.json"
    known.write_text(json.dumps(known_but(factor_id)), encoding="utf-8")
    done = run("interview", "-l", "es", "--input", str(known), *save, stdin=typed)
    assert 0 == done.returncode, done.stderr
    return done.stdout


def flat(text: str) -> str:
    """Return *text* with its lines joined, as wrapping leaves it."""
    return " ".join(text.split())


def saved(tmp_path: Path, factor_id: str, typed: str) -> object:
    """Return the answer to *factor_id* that the Spanish interview saves for *typed*."""
    path = tmp_path / "saved.json"
    ask(tmp_path, factor_id, typed, "--save", str(path))
    return json.loads(path.read_text(encoding="utf-8")).get(factor_id)


class TestHints:
    """The reminder of the answers a question takes, after it, in Spanish."""

    def test_a_number(self, tmp_path: Path) -> None:
        """A number's hint names its unit and bounds in Spanish."""
        assert "[minutos, 0 a 1440] > " in ask(tmp_path, "cramp_minutes", "")

    def test_medications(self, tmp_path: Path) -> None:
        """The medications' hint is in Spanish."""
        assert "[nombres separados por comas, o ninguno] > " in ask(tmp_path, "medications", "")

    def test_a_choice(self, tmp_path: Path) -> None:
        """A choice's hint shows the choices as Spanish words, not their ids."""
        assert "[ligera/moderada/intensa] > " in ask(tmp_path, "exercise_intensity", "")


class TestHelp:
    """What '?' says of the answers a question takes."""

    def test_a_number_with_units(self, tmp_path: Path) -> None:
        """'?' at a number says in Spanish what it takes, and the units it converts."""
        out = ask(tmp_path, "fluid_litres", "?\n")

        expected = accepted_text(K.factor("fluid_litres"), ES.text)
        assert "Responda un número de litros de 0 a 20; puede añadir una unidad" in expected
        assert flat(expected) in flat(out)

    def test_a_choice(self, tmp_path: Path) -> None:
        """'?' at a choice names the Spanish words."""
        out = ask(tmp_path, "sex", "?\n")

        assert "Responda uno de estos: 'femenino', 'masculino'" in flat(out)


class TestRetry:
    """An answer that cannot be used: the retry says in Spanish what was expected."""

    def test_a_number(self, tmp_path: Path) -> None:
        """A word at a number: expected a number of minutes, in Spanish."""
        out = ask(tmp_path, "cramp_minutes", "mucho\n")

        said = ES.text(_texts.TRY_AGAIN, shown="'mucho'", expected="", hint="")
        assert said.split(":")[0] in flat(out)
        assert "se esperaba un número de minutos de 0 a 1440." in flat(out)

    def test_a_choice(self, tmp_path: Path) -> None:
        """A word that is no choice: expected one of the Spanish words."""
        out = ask(tmp_path, "exercise_intensity", "xyz\n")

        assert "se esperaba uno de estos: 'ligera', 'moderada', 'intensa'." in flat(out)

    def test_yes_or_no(self, tmp_path: Path) -> None:
        """A word that is no yes or no: expected "sí o no"."""
        out = ask(tmp_path, "hot_weather", "quizás\n")

        assert "se esperaba sí o no." in flat(out)


class TestChoices:
    """A choice is taken as its Spanish word, the start of it, or its id; the id is saved."""

    def test_the_spanish_word(self, tmp_path: Path) -> None:
        """ "intensa" is the choice "vigorous"."""
        assert "vigorous" == saved(tmp_path, "exercise_intensity", "intensa\n")

    def test_the_start_of_the_spanish_word(self, tmp_path: Path) -> None:
        """ "fem" is the choice "female"."""
        assert "female" == saved(tmp_path, "sex", "fem\n")

    def test_the_spanish_word_in_capitals(self, tmp_path: Path) -> None:
        """ "MASCULINO" is the choice "male"."""
        assert "male" == saved(tmp_path, "sex", "MASCULINO\n")

    def test_the_id(self, tmp_path: Path) -> None:
        """The id itself, "light", is still taken."""
        assert "light" == saved(tmp_path, "exercise_intensity", "light\n")


class TestFiles:
    """The lines about answers read from a file and saved to one."""

    def test_answers_read(self, tmp_path: Path) -> None:
        """The count of answers read from --input is said in Spanish."""
        out = ask(tmp_path, "hot_weather", "")

        count = len(known_but("hot_weather"))
        known = repr(str(tmp_path / "known.json"))
        assert f"Se leyeron {count} respuestas de {known}." in out

    def test_answers_saved(self, tmp_path: Path) -> None:
        """The answers saved with --save are said to be saved, in Spanish."""
        path = tmp_path / "saved.json"
        out = ask(tmp_path, "hot_weather", "no\n", "--save", str(path))

        assert f"Las respuestas se guardaron en {str(path)!r}.\n" in out


class TestChoicesRead:
    """How the Spanish interview reads a reply to a choice, in this process."""

    @staticmethod
    def read(typed: str, factor_id: str = "exercise_intensity") -> str:
        """Return the text the Spanish interview gives `parse_answer` for *typed*."""
        import io

        from legcramps._cli._talk import Talk
        from legcramps._cli.interview import Interview

        talk = Talk(io.StringIO(), io.StringIO())
        session = Interview(K, talk, language="es")
        return session._read(K.factor(factor_id), typed.casefold(), typed)  # noqa: SLF001

    def test_a_spanish_word_is_its_id(self) -> None:
        """The Spanish word of a choice is read as its id."""
        assert "moderate" == self.read("Moderada")

    def test_the_start_of_one_spanish_word_is_its_id(self) -> None:
        """The start of exactly one Spanish word is read as that choice's id."""
        assert "light" == self.read("lig")

    def test_anything_else_stays_as_typed(self) -> None:
        """A reply that starts no Spanish word goes on as typed, for the ids to be tried."""
        assert "vig" == self.read("vig")

    def test_a_yes_or_no_word_is_its_english(self) -> None:
        """At a yes/no question, "sí" is read as "yes"."""
        assert "yes" == self.read("sí", "hot_weather")

    def test_an_empty_reply_stays_empty(self) -> None:
        """An empty reply is not taken as the start of every choice."""
        assert "" == self.read("")

    def test_a_start_shared_by_two_words_stays_as_typed(self) -> None:
        """A start that two Spanish words share is no choice of them: it goes on as typed."""
        esk = legcramps.catalog("es").extend({"light": "media", "moderate": "mediana"})
        import io

        from legcramps._cli._talk import Talk
        from legcramps._cli.interview import Interview

        session = Interview(K, Talk(io.StringIO(), io.StringIO()), language="es")
        session.catalog = esk
        assert "med" == session._read(K.factor("exercise_intensity"), "med", "med")  # noqa: SLF001
