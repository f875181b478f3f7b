"""The command line in Spanish: ``--language``, and the default from the locale."""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import jsonschema
import pytest

import legcramps
from helpers import run, run_in_process, run_with

ES = legcramps.catalog("es")
K = legcramps.KNOWLEDGE
CASE = ("--hot-weather", "--fluid-litres", "0.5", "--exercise-minutes", "2h")


class TestAssess:
    """`legcramps assess --language es`, run as a real process."""

    def test_the_report_is_in_spanish(self) -> None:
        """The report is the Spanish report of the same answers, at 80 columns."""
        done = run("assess", "--language", "es", *CASE)

        expected = legcramps.assess(hot_weather=True, fluid_litres=0.5, exercise_minutes=120)
        assert 0 == done.returncode
        assert expected.report(language="es") + "\n" == done.stdout
        assert "" == done.stderr

    def test_the_spanish_json_validates_against_the_result_schema(self) -> None:
        """`--json` in Spanish is to_dict(language="es"), valid against the result schema."""
        done = run("assess", "-l", "es", "--json", *CASE)

        data = json.loads(done.stdout)
        jsonschema.Draft202012Validator(legcramps.schema.result()).validate(data)
        expected = legcramps.assess(hot_weather=True, fluid_litres=0.5, exercise_minutes=120)
        assert expected.to_dict(language="es") == data
        assert ES.text(K.disclaimer) == data["disclaimer"]

    def test_an_unknown_language_is_a_usage_error(self) -> None:
        """A language legcramps has no texts in ends with status 2 and says which it has."""
        done = run("assess", "--language", "fr", *CASE)

        assert 2 == done.returncode
        assert "" == done.stdout
        assert (
            "legcramps assess: error: argument -l/--language: invalid choice: 'fr'"
            " (choose from 'en', 'es')"
        ) in done.stderr

    def test_the_language_given_twice_differently_is_refused(self) -> None:
        """`--language` given twice with different values is an error, as any option is."""
        status, out, err = run_in_process("assess", "-l", "es", "-l", "en")

        assert 2 == status
        assert "" == out
        assert "--language" in err


class TestDefault:
    """Without `--language`, the language comes from the locale, English otherwise."""

    def test_lang_es_gives_spanish(self) -> None:
        """LANG=es_ES.UTF-8 alone gives the Spanish report."""
        done = run_with({"LANG": "es_ES.UTF-8"}, "assess", *CASE)

        assert done.stdout.startswith("Evaluación de calambres en las piernas")

    def test_lc_all_decides_over_lang(self) -> None:
        """LC_ALL=C asks for no translation, whatever LANG says."""
        done = run_with({"LC_ALL": "C", "LANG": "es_ES.UTF-8"}, "assess", *CASE)

        assert done.stdout.startswith("Leg cramp assessment")

    def test_an_unknown_locale_falls_back_to_english(self) -> None:
        """A locale legcramps has no texts for gives English, not an error."""
        done = run_with({"LANG": "fr_FR.UTF-8"}, "assess", *CASE)

        assert 0 == done.returncode
        assert done.stdout.startswith("Leg cramp assessment")

    def test_the_option_decides_over_the_locale(self) -> None:
        """`--language en` gives English under a Spanish locale."""
        done = run_with({"LANG": "es_ES.UTF-8"}, "assess", "--language", "en", *CASE)

        assert done.stdout.startswith("Leg cramp assessment")


class TestInterview:
    """`legcramps interview --language es`, played as a real process with piped answers."""

    def test_asks_in_spanish_and_takes_spanish_words(self, tmp_path: Path) -> None:
        """Spanish questions and prompts; "no", "sí" and "no sé" are read as no, yes, unknown."""
        path = tmp_path / "answers.json"
        done = run("interview", "-l", "es", "--save", str(path), stdin="no\nsí\nno sé\n")

        assert 0 == done.returncode
        first = K.factor("emergency_signs")
        assert ES.text(first.question).split()[0] in done.stdout
        assert "[sí/no] > " in done.stdout
        assert "Señal de alarma: " in done.stdout
        saved = json.loads(path.read_text(encoding="utf-8"))
        assert saved["emergency_signs"] is False
        assert saved["leg_signs"] is True
        assert [None] == [v for k, v in saved.items() if k not in {"emergency_signs", "leg_signs"}]
        assert "Evaluación de calambres en las piernas" in done.stdout

    def test_si_without_accent_is_yes(self, tmp_path: Path) -> None:
        """ "si", as typed without the accent, is yes too."""
        path = tmp_path / "answers.json"
        run("interview", "-l", "es", "--save", str(path), stdin="no\nsi\n")

        assert json.loads(path.read_text(encoding="utf-8"))["leg_signs"] is True

    def test_an_answer_it_cannot_use_is_asked_again_in_spanish(self) -> None:
        """A reply that cannot be read gets the Spanish reason and the way to go on."""
        done = run("interview", "--language", "es", stdin="quizás\n")

        said = " ".join(done.stdout.split())  # as read, whatever the wrapping
        assert "Lo siento, 'quizás' no es una respuesta que pueda usar: se esperaba" in said
        assert "Inténtelo de nuevo, escriba '?' para ver ayuda, o 'saltar'." in said

    def test_help_is_in_spanish(self) -> None:
        """`?` explains the question in Spanish."""
        done = run("interview", "--language", "es", stdin="?\n")

        said = " ".join(done.stdout.split())  # as read, whatever the wrapping
        assert "Responda sí o no." in said
        assert "'atrás' para cambiar la última respuesta" in said

    def test_json_in_spanish_validates(self) -> None:
        """`interview --json -l es` prints the Spanish result, valid against the schema."""
        done = run("interview", "--json", "-l", "es", stdin="no\nno\n")

        data = json.loads(done.stdout)
        jsonschema.Draft202012Validator(legcramps.schema.result()).validate(data)
        assert ES.text(K.disclaimer) == data["disclaimer"]

    @pytest.mark.parametrize("word", ["fin", "terminar"])
    def test_spanish_stop_words_end_the_questions(self, word: str) -> None:
        """ "fin" ends the interview as "done" does."""
        done = run("interview", "-l", "es", stdin=f"{word}\n")

        assert 0 == done.returncode
        assert ES.text("No more answers: the questions left stay unknown.") in done.stdout


def _on_a_terminal(columns: int, *argv: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run main() with standard output on a pseudo-terminal *columns* wide; return what it shows."""
    import fcntl
    import struct
    import termios

    from legcramps._cli import main

    leader, follower = os.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, columns, 0, 0))
    with open(follower, "w", encoding="utf-8", closefd=True) as out:  # noqa: PTH123 - a fd
        monkeypatch.setattr(sys, "stdout", out)
        assert 0 == main(list(argv))
        out.flush()
    shown = b""
    while chunk := _read_ready(leader):
        shown += chunk
    os.close(leader)
    return shown.decode("utf-8").replace("\r\n", "\n")


def _read_ready(fd: int) -> bytes:
    import select

    if not select.select([fd], [], [], 0.5)[0]:
        return b""
    try:
        return os.read(fd, 65536)
    except OSError:  # the other end is closed: all was read
        return b""


@pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")
class TestOnATerminal:
    """The report printed on a terminal: its width, and bold for an emergency."""

    def test_wrapped_to_the_terminal_and_bold_for_an_emergency(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """On a terminal 50 columns wide, the report is wrapped at 50, the emergency in bold."""
        monkeypatch.delenv("NO_COLOR", raising=False)

        shown = _on_a_terminal(
            50, "assess", "-l", "es", "--emergency-signs", monkeypatch=monkeypatch
        )

        expected = legcramps.assess(emergency_signs=True).report(
            language="es", width=50, emphasis=True
        )
        assert expected + "\n" == shown

    def test_no_color_turns_the_emphasis_off(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """With NO_COLOR set, a terminal gets the report without bold."""
        monkeypatch.setenv("NO_COLOR", "1")

        shown = _on_a_terminal(60, "assess", "--emergency-signs", monkeypatch=monkeypatch)

        expected = legcramps.assess(emergency_signs=True).report(width=60, emphasis=False)
        assert expected + "\n" == shown


def test_a_stream_that_cannot_say_is_not_a_terminal() -> None:
    """A closed stream, which cannot say whether it is a terminal, is taken as not one."""
    from legcramps._cli import _io

    closed = io.StringIO()
    closed.close()

    assert _io._isatty(closed) is False  # noqa: SLF001 - the helper under test


def test_help_for_a_yes_no_question_in_spanish() -> None:
    """In process: `?` at a yes/no question says, in Spanish, to answer yes or no."""
    _, out, _ = run_in_process("interview", "-l", "es", stdin="?\n")

    assert "Responda sí o no." in out
