"""Languages (``legcramps._catalog``, ``legcramps._texts``, ``legcramps/locales``).

Every text a person reads has a Spanish translation that keeps its placeholders, its
numbers and its urgency, names no dose, and is written to a person as "usted"; results
stay language-free, and a language is chosen where text is produced.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import legcramps
import legcramps.schema
from helpers import NO_RED_FLAGS, TYPICAL, Unreadable
from legcramps import Catalog, InvalidInput, Problem, Urgency, _catalog, _texts
from strategies import any_answers, arbitrary_answers, assessments
from test_import import loaded_by

K = legcramps.KNOWLEDGE
ES = legcramps.catalog("es")
LOCALES = Path(legcramps.__file__).with_name("locales")
#: The Spanish catalog as the file holds it, read here without legcramps' own reader.
RAW = json.loads((LOCALES / "es.json").read_text(encoding="utf-8"))
#: Every English text once, in reading order.
ENGLISH = tuple(dict.fromkeys(text for _, _, text in _texts.texts_of(K)))
PLACEHOLDER = re.compile(r"\{(\w*)\}")
#: The texts that Spanish writes as English does: the answer "No" (a Yes/No/Don't know option).
#: Texts whose words are Spanish too ("error" in "legcramps assess: error: ...").
SAME_IN_SPANISH = frozenset({"No", "{prog}: error: {message}"})
NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)?(?!\w)")


def with_text(english: str, text: str) -> dict[str, Any]:
    """Return the raw Spanish catalog with the translation of *english* replaced by *text*."""
    return {**RAW, "texts": {**RAW["texts"], english: text}}


class TestTheSpanishTexts:
    def test_every_english_text_has_a_translation(self) -> None:
        """Each text of the knowledge and of the library has a non-empty Spanish text."""
        assert [] == [t for t in ENGLISH if not RAW["texts"].get(t)]
        assert () == ES.missing(K)

    def test_no_translation_is_left_over(self) -> None:
        """The file translates no English text that legcramps no longer has."""
        assert [] == [t for t in RAW["texts"] if t not in ENGLISH]
        assert () == ES.unused(K)

    @pytest.mark.parametrize("english", ENGLISH)
    def test_a_translation_keeps_the_placeholders(self, english: str) -> None:
        """Each translation has exactly the {placeholders} of its English text."""
        expected = Counter(PLACEHOLDER.findall(english))

        assert expected == Counter(PLACEHOLDER.findall(RAW["texts"][english]))

    @pytest.mark.parametrize("english", ENGLISH)
    def test_a_translation_keeps_the_numbers(self, english: str) -> None:
        """Each translation has exactly the numbers of its English text: thresholds match."""
        assert Counter(NUMBER.findall(english)) == Counter(NUMBER.findall(RAW["texts"][english]))

    @pytest.mark.parametrize("english", ENGLISH)
    def test_a_translation_names_no_dose(self, english: str) -> None:
        """No translation holds a dose: a number with a unit of a medicine."""
        dose = re.compile(
            r"\d\s*(mg|mcg|µg|g|ml|UI|comprimidos?|pastillas?|tabletas?|cápsulas?|gotas?|dosis)\b",
            re.IGNORECASE,
        )
        assert dose.search(RAW["texts"][english]) is None

    @pytest.mark.parametrize("english", ENGLISH)
    def test_a_translation_is_not_the_english(self, english: str) -> None:
        """Each text is translated, unless it holds nothing but placeholders and marks."""
        if re.fullmatch(r"[\W\d]*", PLACEHOLDER.sub("", english)):
            return
        if english in SAME_IN_SPANISH:
            assert english == RAW["texts"][english]
            return
        assert english != RAW["texts"][english]

    def test_the_texts_address_the_reader_as_usted(self) -> None:
        """No translation uses the familiar "tú" forms: every text says "usted".

        Only forms that "usted" never takes are looked for ("descansa" is both).
        """
        familiar = re.compile(
            r"\b(tú|tu|tus|te|ti|contigo|tienes|puedes|estás|eres|has|sientes|sabes|quieres|"
            r"debes|haces|vas|llámate|díselo)\b",
            re.IGNORECASE,
        )
        assert [] == [t for t in RAW["texts"].values() if familiar.search(t)]

    def test_the_catalog_says_it_is_not_reviewed(self) -> None:
        """The Spanish texts are marked as not reviewed by a clinician, in the data itself."""
        assert RAW["reviewed"] is False
        assert "NO ha sido revisada por un profesional clínico" in RAW["about"]

    def test_the_locale_files_are_the_languages(self) -> None:
        """There is one catalog file per language other than English, the source."""
        files = sorted(p.stem for p in LOCALES.glob("*.json"))

        assert [lang for lang in legcramps.LANGUAGES if lang != "en"] == files
        assert ("en", "es") == legcramps.LANGUAGES


#: Phrases on which safety rests, and the one way each is said in Spanish, wherever it is.
GLOSSARY = {
    "do not stop or change a prescribed medicine without talking to the prescriber": (
        "no deje de tomar ni cambie un medicamento recetado sin hablar antes con quien se lo recetó"
    ),
    "unless a doctor has told you to limit fluids": (
        "salvo que un médico le haya dicho que limite los líquidos"
    ),
    "This is not a self-care result.": "Este resultado no significa que baste con cuidarse",
    "not a diagnosis": "no es un diagnóstico",
    "avoid salt tablets": "evite las pastillas de sal",
    "call your local emergency number": "llame a su número local de emergencias",
    "Call your local emergency number": "número local de emergencias",
    "call your emergency number": "llame a su número de emergencias",
}


class TestSafety:
    @pytest.mark.parametrize("phrase", GLOSSARY)
    def test_a_safety_phrase_is_always_said_the_same_way(self, phrase: str) -> None:
        """Wherever the English says it, the Spanish says the glossary's words for it."""
        holding = [t for t in ENGLISH if phrase in t]
        assert holding

        assert [] == [t for t in holding if GLOSSARY[phrase] not in RAW["texts"][t]]

    @pytest.mark.parametrize("urgency", list(Urgency))
    def test_a_headline_names_its_own_urgency(self, urgency: Urgency) -> None:
        """Each urgency's Spanish headline starts with its own word, and no other's."""
        words = {
            Urgency.EMERGENCY: "EMERGENCIA:",
            Urgency.URGENT: "URGENTE:",
            Urgency.SEE_DOCTOR: "Consulte a un médico.",
            Urgency.SELF_CARE: "Cuidados en casa",
            Urgency.UNDETERMINED: "Sin determinar:",
        }
        headline = ES.text(urgency.headline)

        assert headline.startswith(words[urgency])
        assert [] == [w for u, w in words.items() if u is not urgency and w in headline]

    @pytest.mark.parametrize("flag", K.red_flags, ids=lambda f: f.id)
    def test_a_flag_s_time_frame_says_how_soon_as_its_level_does(self, flag: Any) -> None:
        """An emergency's time frame says "ahora", an urgent one "hoy", a calmer one neither."""
        time_frame = ES.text(flag.time_frame or flag.urgency.time_frame)
        now, today = "ahora" in time_frame, re.search(r"\bhoy\b", time_frame) is not None

        assert (flag.urgency is Urgency.EMERGENCY) == now
        assert (flag.urgency is Urgency.URGENT) == (today and not now)
        if flag.urgency < Urgency.URGENT:
            assert "emergencia" not in ES.text(flag.advice)
            assert not today

    def test_the_catalog_passes_its_own_check(self) -> None:
        """Every text is translated and keeps each idea of urgency of its English."""
        assert () == ES.check(K)

    @pytest.mark.parametrize(
        ("english", "spanish", "idea"),
        [
            # An emergency that loses its "now" and its emergency number.
            ("Call your local emergency number now.", "Llame a su médico mañana.", "now"),
            # A calmer flag that gains the words of an emergency.
            ("See a doctor about the cramps.", "Vaya ahora a un servicio de urgencias.", "now"),
            # "Today" lost from an urgent headline.
            ("URGENT: get medical advice today.", "URGENTE: pida consejo médico.", "today"),
        ],
    )
    def test_a_translation_that_changes_the_urgency_fails_the_check(
        self, english: str, spanish: str, idea: str
    ) -> None:
        """A translation that adds or drops a word of urgency is named by check()."""
        problems = Catalog.from_dict(with_text(english, spanish)).check(K)

        assert any(repr(idea) in p.expected and repr(spanish) in p.received for p in problems)

    def test_a_catalog_without_words_of_urgency_cannot_pass_its_check(self) -> None:
        """The words of each idea of urgency must be given, or the check says so once each."""
        bare = Catalog.from_dict({**RAW, "words": {}})

        problems = [p for p in bare.check(K) if p.input == "words"]
        assert len(_texts.URGENCY_WORDS) == len(problems)

    def test_a_missing_translation_fails_the_check(self) -> None:
        """A text with no translation is named, where it is used."""
        texts = {k: v for k, v in RAW["texts"].items() if k != "Hot weather."}
        problems = Catalog.from_dict({**RAW, "texts": texts}).check(K)

        assert [
            Problem(
                "causes.dehydration.signs[1].reason",
                "none",
                "a translation into es of 'Hot weather.'",
            )
        ] == list(problems)

    def test_english_passes_every_check(self) -> None:
        """English, the source, misses nothing and has no urgency to keep."""
        english = legcramps.catalog("en")

        assert ((), ()) == (english.missing(K), english.check(K))


class TestTheRulesOfACatalog:
    @pytest.mark.parametrize(
        ("english", "text", "expected"),
        [
            ("Causes:", "Causas {x}:", "the placeholders of the English text (none)"),
            ("Urgency: {headline}", "Urgencia:", "the placeholders of the English text"),
            ("Sitting for 2 hours or more at a stretch.", "Sentado 3 horas.", "the numbers"),
            ("Sitting for 2 hours or more at a stretch.", "Estar sentado.", "the numbers"),
            ("Hot weather.", "Tome 500 mg de sal.", "no dose of a medicine"),
            ("Hot weather.", "Tome 2 comprimidos.", "no dose of a medicine"),
        ],
    )
    def test_a_translation_that_breaks_a_rule_is_refused(
        self, english: str, text: str, expected: str
    ) -> None:
        """A dropped or added placeholder or number, or a dose, makes the catalog refused."""
        with pytest.raises(InvalidInput) as info:
            Catalog.from_dict(with_text(english, text))

        assert any(expected in p.expected for p in info.value.problems)
        assert {f"texts[{english!r}]"} == {p.input for p in info.value.problems}

    def test_a_decimal_comma_is_the_same_number(self) -> None:
        """A language that writes 1,6 for 1.6 keeps the number."""
        english = "Less than about 1.6 litres of fluid in a day, below the adequate intake."
        text = "Moins de 1,6 litre de liquide par jour, sous l'apport adéquat."

        assert text == Catalog("fr", "Français", {english: text}).text(english)

    @given(st.sampled_from(ENGLISH), st.integers(0, 10_000))
    def test_any_number_added_to_any_translation_is_refused(self, english: str, n: int) -> None:
        """Whatever the text, a number its English does not have is refused."""
        with pytest.raises(InvalidInput, match="the numbers of the English text"):
            Catalog.from_dict(with_text(english, f"{RAW['texts'][english]} ({n})"))

    def test_an_empty_translation_is_shown_in_english(self) -> None:
        """A translation left empty, as in a template to fill in, falls back to the English."""
        c = Catalog("fr", "Français", {"Hot weather.": ""})

        assert "Hot weather." == c.text("Hot weather.")
        assert "Hot weather." in c.missing(K)

    @pytest.mark.parametrize(
        ("fields", "input_name"),
        [
            ({"language": "e s"}, "language"),
            ({"language": 7}, "language"),
            ({"name": " "}, "name"),
            ({"texts": ["Hot weather."]}, "texts"),
            ({"texts": {3: "x"}}, "texts[3]"),
            ({"texts": {"Hot weather.": None}}, "texts['Hot weather.']"),
            ({"words": "ahora"}, "words"),
            ({"words": {"soon": ["pronto"]}}, "words['soon']"),
            ({"words": {"now": []}}, "words['now']"),
            ({"words": {"now": [""]}}, "words['now']"),
            ({"reviewed": "no"}, "reviewed"),
            ({"about": None}, "about"),
        ],
    )
    def test_a_malformed_catalog_is_refused(self, fields: dict[str, Any], input_name: str) -> None:
        """Each field of a catalog is checked, and a bad one named."""
        given = {"language": "es", "name": "Español", **fields}

        with pytest.raises(InvalidInput) as info:
            Catalog(**given)

        assert [input_name] == [p.input for p in info.value.problems]

    def test_the_catalog_s_mappings_cannot_be_changed(self) -> None:
        """A catalog is a value: its texts and words are read-only."""
        with pytest.raises(TypeError):
            ES.texts["Hot weather."] = "x"  # type: ignore[index]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            ES.language = "fr"  # type: ignore[misc]

    def test_equal_catalogs_hash_alike(self) -> None:
        """Catalogs compare by their fields and can be set members."""
        copy = Catalog.from_dict(ES.to_dict())

        assert (ES, hash(ES)) == (copy, hash(copy))


class TestReadingAndWriting:
    def test_a_catalog_survives_a_json_round_trip(self, tmp_path: Path) -> None:
        """to_dict() written as JSON and read back by load() gives an equal catalog."""
        path = tmp_path / "es.json"
        path.write_text(json.dumps(ES.to_dict(), ensure_ascii=False), encoding="utf-8")

        assert ES == Catalog.load(path)
        assert ES == Catalog.load(str(path))

    def test_a_file_that_is_not_json_is_refused(self, tmp_path: Path) -> None:
        """A file that is not JSON is an InvalidInput naming it."""
        path = tmp_path / "broken.json"
        path.write_text("{", encoding="utf-8")

        with pytest.raises(InvalidInput, match=r"broken\.json"):
            Catalog.load(path)

    @pytest.mark.parametrize("data", [[], "es", None])
    def test_a_catalog_is_an_object(self, data: object) -> None:
        """Anything but a JSON object is refused."""
        with pytest.raises(InvalidInput, match="an object with a language, a name and texts"):
            Catalog.from_dict(data)

    def test_an_unknown_key_is_refused(self) -> None:
        """A misspelt key is named, with the keys there are."""
        with pytest.raises(InvalidInput, match="the keys are about, language"):
            Catalog.from_dict({**RAW, "reveiwed": True})

    def test_extend_adds_texts_for_custom_knowledge(self) -> None:
        """extend() returns a new catalog with the texts added and the old ones kept."""
        mine = ES.extend({"Cold exposure": "Exposición al frío", "Hot weather.": "Calor."})

        assert ("Exposición al frío", "Calor.", "Deshidratación") == (
            mine.text("Cold exposure"),
            mine.text("Hot weather."),
            mine.text("Dehydration"),
        )
        assert "Tiempo caluroso." == ES.text("Hot weather.")

    def test_the_built_in_catalog_is_read_once(self) -> None:
        """The Spanish texts are read the first time they are asked for, and kept."""
        assert legcramps.catalog("es") is legcramps.catalog("es")

    @pytest.mark.parametrize("language", ["fr", "ES", "es-ES", None, 1])
    def test_an_unknown_language_is_refused(self, language: object) -> None:
        """A language legcramps has no texts for is an InvalidInput listing those it has."""
        with pytest.raises(InvalidInput, match=r"one of 'en', 'es', or a legcramps\.Catalog"):
            legcramps.catalog(language)  # type: ignore[arg-type]


class TestLoadedOnFirstUse:
    def test_import_and_assess_load_no_language(self) -> None:
        """Neither `import legcramps` nor an English result loads the languages or the report."""
        loaded = loaded_by(
            "import legcramps; legcramps.assess(fluid_litres=0.5).to_dict(); legcramps.LANGUAGES"
        )

        assert "legcramps._report" not in loaded
        assert "json" not in loaded
        assert "legcramps._catalog" in loaded  # asked for by name, last

    def test_an_english_result_loads_no_catalog(self) -> None:
        """to_dict() in English needs no catalog: nothing more than the core is loaded."""
        loaded = loaded_by("import legcramps; legcramps.assess(fluid_litres=0.5).to_dict()")

        assert not {"legcramps._catalog", "legcramps._texts", "json"} & set(loaded)

    def test_spanish_loads_the_catalog_once_asked(self) -> None:
        """A Spanish result reads the catalog: the languages are loaded on first use."""
        loaded = loaded_by("import legcramps; legcramps.assess().to_dict(language='es')")

        assert {"legcramps._catalog", "json"} <= set(loaded)

    def test_the_language_names_are_served_on_first_use(self) -> None:
        """LANGUAGES, Catalog, catalog and choose_language are not in the package at import."""
        names = {"LANGUAGES", "Catalog", "catalog", "choose_language"}

        assert not names & set(vars(legcramps))
        assert legcramps.Catalog is _catalog.Catalog
        assert "legcramps" == legcramps.Catalog.__module__


class TestToDict:
    def test_english_is_the_default(self) -> None:
        """to_dict() is in English; naming English, or its catalog, changes nothing."""
        a = legcramps.assess(TYPICAL)

        assert (
            a.to_dict() == a.to_dict(language="en") == a.to_dict(language=legcramps.catalog("en"))
        )

    def test_a_spanish_dict_has_spanish_texts(self) -> None:
        """The reasons, flags, advice and disclaimer are in Spanish."""
        d = legcramps.assess(TYPICAL).to_dict(language="es")

        reasons = {e["factor"]: e["reason"] for f in d["findings"] for e in f["evidence"]}
        assert (
            "Menos de unos 1.6 litros de líquido en un día, por debajo de la ingesta adecuada."
            == (reasons["fluid_litres"])
        )
        assert "Calambres después de perder mucho líquido" == d["red_flags"][0]["name"]
        assert "hoy, de inmediato" == d["red_flags"][0]["time_frame"]
        assert ES.text(K.disclaimer) == d["disclaimer"]

    def test_risk_factors_are_translated(self) -> None:
        """The risk factors a flag names are in Spanish too."""
        d = legcramps.assess(leg_swelling=True, age_years=70).to_dict(language="es")

        assert ["tener más de 60 años"] == d["red_flags"][0]["risk_factors"]

    @given(assessments())
    def test_only_the_texts_change(self, a: legcramps.Assessment) -> None:
        """Ids, values, levels, scores and the shape are those of the English dict."""
        english, spanish = a.to_dict(), a.to_dict(language="es")

        def ids(d: dict[str, Any]) -> dict[str, Any]:
            d = json.loads(json.dumps(d))
            for f in d["findings"]:
                for e in f["evidence"]:
                    e["reason"] = None
            for r in d["red_flags"]:
                r.update(name=None, why=None, time_frame=None, risk_factors=len(r["risk_factors"]))
            d.update(advice=len(d["advice"]), disclaimer=None)
            return d

        assert ids(english) == ids(spanish)
        assert [ES.text(t) for t in english["advice"]] == spanish["advice"]

    @given(assessments())
    def test_every_spanish_text_is_a_translation(self, a: legcramps.Assessment) -> None:
        """No text of a Spanish dict is left in English."""
        d = a.to_dict(language="es")
        texts = [e["reason"] for f in d["findings"] for e in f["evidence"]]
        texts += [r[k] for r in d["red_flags"] for k in ("name", "why", "time_frame")]
        texts += [t for r in d["red_flags"] for t in r["risk_factors"]]
        texts += [*d["advice"], d["disclaimer"]]
        spanish = set(RAW["texts"].values())

        assert [] == [t for t in texts if t not in spanish]

    @given(assessments())
    def test_a_spanish_dict_validates_against_the_result_schema(
        self, a: legcramps.Assessment
    ) -> None:
        """A Spanish to_dict() is a valid result, by the same JSON Schema as an English one."""
        jsonschema = pytest.importorskip("jsonschema")

        jsonschema.Draft202012Validator(legcramps.schema.result()).validate(
            a.to_dict(language="es")
        )

    def test_an_unknown_language_is_refused(self) -> None:
        """to_dict() in a language legcramps does not have raises InvalidInput."""
        with pytest.raises(InvalidInput, match="language: received 'fr'"):
            legcramps.assess().to_dict(language="fr")


class TestChooseLanguage:
    @pytest.mark.parametrize(
        ("preferences", "expected"),
        [
            (("es",), "es"),
            (("es_ES.UTF-8",), "es"),
            (("es_MX@euro",), "es"),
            (("es-419",), "es"),
            (("EN-gb",), "en"),
            (("fr_FR.UTF-8",), "en"),
            (("C",), "en"),
            (("POSIX",), "en"),
            (("C.UTF-8", "es_ES.UTF-8"), "en"),
            ((None, "", "es_ES"), "es"),
            (("de:es:en",), "es"),
            (("fr-CH, fr;q=0.9, es;q=0.8, en;q=0.7, *;q=0.5",), "es"),
            (("en;q=0.2, es",), "es"),
            (("es;q=0, en;q=0.1",), "en"),
            (("es;q=oops, en;q=0.5",), "en"),
            (("es;level=1, en;q=0.5",), "es"),
            (("*",), "en"),
            ((), "en"),
        ],
    )
    def test_picks_the_language_asked_for(
        self, preferences: tuple[str | None, ...], expected: str
    ) -> None:
        """Locales, LANGUAGE lists and Accept-Language headers give the language to use."""
        assert expected == legcramps.choose_language(*preferences)

    def test_a_fallback_and_languages_of_one_s_own(self) -> None:
        """*available* may hold a deployer's languages, and *fallback* is given when none fits."""
        available = ("en", "es", "pt-BR")

        assert "pt-BR" == legcramps.choose_language("pt-br,pt;q=0.9", available=available)
        assert "es" == legcramps.choose_language("de", available=available, fallback="es")

    def test_a_parameter_other_than_q_is_ignored(self) -> None:
        """An Accept-Language parameter that is not ``q`` (``level=1``) leaves the weight at 1."""
        assert "es" == legcramps.choose_language("es;level=1, en;q=0.9")

    def test_a_preference_must_be_a_string(self) -> None:
        """A preference that is not a string or None is refused."""
        with pytest.raises(InvalidInput, match="preferences: received 1 \\(int\\)"):
            legcramps.choose_language(1)  # type: ignore[arg-type]

    @given(st.text())
    def test_any_text_gives_a_language_legcramps_has(self, text: str) -> None:
        """Whatever a header or an environment variable holds, the result is usable."""
        assert legcramps.choose_language(text) in legcramps.LANGUAGES


def bad_calls() -> list[tuple[str, Any]]:
    """Calls that raise an InvalidInput, one for each form of problem the library writes."""

    class Huge(int):
        def __repr__(self) -> str:
            raise ValueError

    class Opaque:
        def __repr__(self) -> str:
            raise RuntimeError

    return [
        ("yes/no", lambda: legcramps.assess({"hot_weather": "yes"})),
        ("choice", lambda: legcramps.assess({"exercise_intensity": "hard"})),
        ("number", lambda: legcramps.assess(fluid_litres=-1, age_years=500)),
        ("list", lambda: legcramps.assess({"medications": "Lasix"})),
        ("set", lambda: legcramps.assess({"medications": {"Lasix"}})),
        ("unreadable", lambda: legcramps.assess(medications=iter_fails())),
        ("empty name", lambda: legcramps.assess(medications=[""])),
        ("unknown", lambda: legcramps.assess({"hot_wether": True})),
        ("unknown, no hint", lambda: legcramps.assess({"zzzz": True})),
        ("mapping", lambda: legcramps.assess(["x"])),  # type: ignore[arg-type]
        ("unreadable mapping", lambda: legcramps.assess(Unreadable())),
        ("key", lambda: legcramps.assess({1: True})),  # type: ignore[dict-item]
        ("both", lambda: legcramps.assess({"hot_weather": True}, hot_weather=False)),
        ("huge", lambda: legcramps.assess({"hot_weather": Huge(1)})),
        ("opaque", lambda: legcramps.assess({"hot_weather": Opaque()})),
        ("cause id", lambda: K.cause("gout")),
        ("name", lambda: legcramps.recognize_medication(1)),  # type: ignore[arg-type]
        ("knowledge", lambda: legcramps.schema.answers(knowledge=1)),  # type: ignore[arg-type]
        ("report", lambda: legcramps.assess().report(language="es_ES", width=3, emphasis=0)),  # type: ignore[arg-type]
        ("choose", lambda: legcramps.choose_language(1)),  # type: ignore[arg-type]
    ]


def iter_fails() -> Any:
    class Fails:
        def __iter__(self) -> Any:
            raise RuntimeError

    return Fails()


def english_words(problem: Problem) -> list[str]:
    """Return the parts of *problem* still in English once translated into Spanish."""
    spanish = ES.problem(problem)
    left = []
    if spanish.expected == problem.expected:
        left.append(problem.expected)
    if problem.hint and spanish.hint == problem.hint:
        left.append(problem.hint)
    forms = [_catalog._pattern(f) for f in _texts.RECEIVED]  # noqa: SLF001 - the forms' own
    if any(f.fullmatch(problem.received) for f in forms) and spanish.received == problem.received:
        left.append(problem.received)
    return left


class TestProblems:
    @pytest.mark.parametrize("call", [c for _, c in bad_calls()], ids=[n for n, _ in bad_calls()])
    def test_every_form_of_problem_is_translated(self, call: Any) -> None:
        """Each problem's expected, hint and worded received are in Spanish; values stay."""
        with pytest.raises(InvalidInput) as info:
            call()

        assert [] == [w for p in info.value.problems for w in english_words(p)]
        assert [p.input for p in info.value.problems] == [
            ES.problem(p).input for p in info.value.problems
        ]

    @given(st.one_of(any_answers(), arbitrary_answers()))
    def test_any_problem_with_answers_is_translated(self, answers: dict[str, Any]) -> None:
        """Whatever is wrong with the answers, the Spanish message leaves no English words."""
        problems: tuple[Problem, ...] = ()
        try:
            legcramps.assess(answers)
        except InvalidInput as e:
            problems = e.problems

        assert [] == [w for p in problems for w in english_words(p)]

    @pytest.mark.parametrize("factor", K.factors, ids=lambda f: f.id)
    def test_what_each_input_expects_is_translated(self, factor: Any) -> None:
        """Each input's `expected` has a Spanish form, its unit translated and its ids kept."""
        spanish = ES.problem(Problem(factor.id, "x", factor.expected)).expected

        assert spanish != factor.expected
        if factor.unit:
            assert ES.text(factor.unit) in spanish
        for choice in factor.choices:
            assert repr(choice) in spanish

    def test_the_message_is_in_spanish(self) -> None:
        """message() gives what str() says, in Spanish: a count, then one line a problem."""
        with pytest.raises(InvalidInput) as info:
            legcramps.assess({"fluid_litres": -1, "hot_wether": True})

        assert [
            "2 problemas con la entrada:",
            (
                "- fluid_litres: se recibió -1 (int); se esperaba un número de litros de 0 a 20, "
                "o None (desconocido)"
            ),
            (
                "- hot_wether: se recibió True (bool); se esperaba una de las entradas de "
                "legcramps.RISK_FACTORS (¿quiso decir 'hot_weather'?)"
            ),
        ] == ES.message(info.value).splitlines()

    def test_an_english_message_is_the_error_s_own(self) -> None:
        """In English, message() is exactly str() of the error."""
        with pytest.raises(InvalidInput) as info:
            legcramps.assess({"fluid_litres": -1, "hot_wether": True, "medications": [1, 2]})

        assert str(info.value) == legcramps.catalog("en").message(info.value)

    def test_problems_past_the_cap_are_counted(self) -> None:
        """More than 20 problems: the count and the last line are in Spanish."""
        with pytest.raises(InvalidInput) as info:
            legcramps.assess({"medications": list(range(25))})

        lines = ES.message(info.value).splitlines()
        assert ("25 problemas con la entrada:", "- y 5 más") == (lines[0], lines[-1])

    def test_knowledge_problems_say_so(self) -> None:
        """An InvalidKnowledge's message speaks of the knowledge, in Spanish."""
        with pytest.raises(legcramps.InvalidKnowledge) as info:
            attrs.evolve(K, version="mine", likely_at=0)

        assert "1 problema con la base de conocimiento:" == ES.message(info.value).splitlines()[0]

    def test_a_value_that_looks_like_words_is_kept_whole(self) -> None:
        """A value whose text holds the words of a form is still shown as it was given."""

        class Key(str):
            """An input name that hashes and compares unlike the text it holds."""

            __slots__ = ()

            def __hash__(self) -> int:
                return 1

            def __eq__(self, other: object) -> bool:
                return False

        with pytest.raises(InvalidInput) as info:
            legcramps.assess({"hot_weather": "p and q (r)", Key("hot_weather"): "s and t"})

        both = next(p for p in info.value.problems if p.received.endswith("in the mapping"))
        assert "'p and q (r)' (str) y 's and t' (str) en el mapping" == ES.problem(both).received

    def test_a_problem_in_no_known_form_stays_as_it_is(self) -> None:
        """A problem no form matches (from custom code) is left in English, not garbled."""
        p = Problem("x", "1 (int)", "something new", "a hint of its own")

        assert p == ES.problem(p)


def test_an_assessment_with_no_red_flags_translates_fully() -> None:
    """A calm, complete result is all Spanish, its advice included."""
    d = legcramps.assess(NO_RED_FLAGS, sitting_hours=6).to_dict(language="es")

    assert all(a in RAW["texts"].values() for a in d["advice"])


#: The public names served on first use: pytest's doctest collection of the package
#: cannot see them (they are not in it at import), so their examples are run here.
SERVED_LAZILY = ("Catalog", "catalog", "choose_language")


@pytest.mark.parametrize("name", SERVED_LAZILY)
def test_the_examples_of_a_name_served_on_first_use_run(name: str) -> None:
    """The docstring examples of Catalog, catalog() and choose_language() pass."""
    import doctest

    found = doctest.DocTestFinder().find(getattr(legcramps, name), name, module=False, globs={})
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in found:
        runner.run(test)

    assert sum(len(t.examples) for t in found) > 0
    assert (0, sum(len(t.examples) for t in found)) == (runner.failures, runner.tries)
