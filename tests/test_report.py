"""The plain-text report (``legcramps._report``): ``Assessment.report()`` and ``str()``.

The report is a view of a result: the urgency first, what to do first when it is
pressing, then warning signs, causes, advice, questions and the disclaimer, in a
language, wrapped to a width without splitting a word.
"""

from __future__ import annotations

import re

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import legcramps
from helpers import NO_RED_FLAGS, NOTE, NOTHING_RAISED, TYPICAL, with_sign
from legcramps import Condition, Sign, Urgency, _texts
from strategies import assessments

K = legcramps.KNOWLEDGE
BOLD, PLAIN = "\x1b[1m", "\x1b[0m"

#: Every input answered, and nothing raised: no question is left to ask.
ALL_ANSWERED = {
    **NO_RED_FLAGS,
    **NOTHING_RAISED,
    "cramp_minutes": 2,
    "recent_leg_injury": False,
    "age_years": 40,
    "sex": "male",
    "clot_risks": False,
}


def lines(text: str) -> list[str]:
    return text.splitlines()


class TestContent:
    def test_names_the_urgency_causes_advice_and_disclaimer(self) -> None:
        """The report shows the title, the urgency, each cause, the advice and the disclaimer."""
        a = legcramps.assess(TYPICAL)
        text = a.report(width=None)

        assert f"Leg cramp assessment (knowledge {K.version})" == lines(text)[0]
        assert "Urgency: URGENT: get medical advice today." == lines(text)[1]
        assert "Warning signs:\n  - Cramps after losing a lot of fluid: " in text
        assert "  - Dehydration: likely (score 4)" in lines(text)
        assert "  - Prolonged sitting or standing: unknown (not asked yet)" in lines(text)
        assert "Medications not recognised: aspirin" in lines(text)
        assert text.endswith("\n\n" + a.disclaimer)

    def test_the_evidence_is_listed_under_its_cause(self) -> None:
        """Each reason that raised a cause's score follows the cause's line."""
        text = legcramps.assess(sitting_hours=5).report(width=None)

        at = lines(text).index("  - Prolonged sitting or standing: likely (score 3)")
        assert [
            "      - Sitting for 2 hours or more at a stretch.",
            "      - Sitting for several hours (4 or more) at a stretch.",
        ] == lines(text)[at + 1 : at + 3]

    def test_an_unlikely_cause_with_open_questions_is_unlikely_so_far(self) -> None:
        """A cause whose inputs are partly unanswered is "unlikely so far (N unanswered)"."""
        a = legcramps.assess(fluid_litres=2.5)
        finding = a.finding("dehydration")
        assert legcramps.Level.UNLIKELY == finding.level

        expected = f"  - Dehydration: unlikely so far ({len(finding.unanswered)} unanswered)"
        assert expected in lines(a.report(width=None))

    def test_an_unlikely_cause_with_every_input_answered_is_unlikely(self) -> None:
        """With nothing left to answer about it, a cause is plainly unlikely, with its score."""
        text = legcramps.assess(ALL_ANSWERED).report(width=None)

        assert "  - Dehydration: unlikely (score 0)" in lines(text)

    def test_a_possible_cause_with_open_questions_is_possible_so_far(self) -> None:
        """A possible cause with inputs still open says so, and how many."""
        a = legcramps.assess(overtired=False, poor_diet=True)
        open_ = len(a.finding("fatigue").unanswered)

        expected = (
            f"  - Fatigue and incomplete recovery: possible so far (score 1; {open_} unanswered)"
        )
        assert expected in lines(a.report(width=None))

    def test_a_possible_cause_with_every_input_answered_is_possible(self) -> None:
        """A possible cause whose inputs are all answered is plainly possible."""
        text = legcramps.assess({**ALL_ANSWERED, "poor_diet": True}).report(width=None)

        assert "  - Fatigue and incomplete recovery: possible (score 1)" in lines(text)

    def test_undetermined_reads_as_not_self_care(self) -> None:
        """An undetermined result says plainly that it is not a self-care result."""
        assert "This is not a self-care result." in legcramps.assess(hot_weather=True).report(
            width=None
        )

    def test_the_risk_factors_of_a_flag_follow_it(self) -> None:
        """A raised flag's risk factors, as the answers show them, are named under it."""
        text = legcramps.assess(leg_swelling=True, age_years=70).report(width=None)

        assert "    Risk factors in your answers: being over 60." in lines(text)

    def test_no_advice_section_when_there_is_no_advice(self) -> None:
        """A result with no advice at all (made by hand) has no Advice section."""
        a = attrs.evolve(legcramps.assess(dark_urine=True), advice=())

        assert "Advice:" not in lines(str(a))

    def test_no_questions_section_when_everything_is_answered(self) -> None:
        """With every input answered there is nothing still to ask, and the report says nothing."""
        a = legcramps.assess(ALL_ANSWERED)

        assert () == a.next_questions
        assert not any("ask" in line.lower() or "open" in line for line in lines(str(a)))

    def test_a_calm_result_lists_the_questions_still_to_ask(self) -> None:
        """Below urgent, every question still to ask is listed, in order, a screening
        question in place of the signs it stands for."""
        a = legcramps.assess(sitting_hours=1)
        text = a.report(width=None)

        screened = {m for q in a.next_questions for m in q.members}
        shown = [q for q in a.next_questions if q.id not in screened]
        at = lines(text).index("Still to ask:")
        expected = [f"  - {q.question}" for q in shown]
        assert expected == lines(text)[at + 1 : at + 1 + len(shown)]


class TestPressingResults:
    def test_an_emergency_says_what_to_do_first(self) -> None:
        """At an emergency, the advice of the emergency flags comes right after the urgency."""
        text = legcramps.assess(dark_urine=True).report(width=None)

        assert ["Do this first:", "  - Get emergency medical help now."] == lines(text)[2:4]

    def test_advice_shown_first_is_not_repeated(self) -> None:
        """What to do first is not said again under Advice; the other advice is."""
        a = legcramps.assess(dark_urine=True)
        assert ("Get emergency medical help now.",) == a.advice
        assert "Advice:" not in lines(a.report(width=None))

        b = legcramps.assess(TYPICAL)
        assert "Advice:" in lines(b.report(width=None))
        assert [1] * len(b.advice) == [
            lines(b.report(width=None)).count(f"  - {x}") for x in b.advice
        ]

    def test_an_emergency_counts_the_questions_and_lists_none(self) -> None:
        """At an emergency the questions still open are counted, not listed."""
        a = legcramps.assess(dark_urine=True)
        text = a.report(width=None)

        count = len(a.next_questions)
        assert count > 10
        assert f"Questions still open: {count}. Get help first; answer them later." in lines(text)
        assert "Still to ask:" not in lines(text)
        assert all(q.question not in text for q in a.next_questions)

    def test_an_urgent_result_names_the_question_that_could_make_it_an_emergency(self) -> None:
        """At urgent, the one question that could raise an emergency is shown; the rest counted."""
        a = legcramps.assess(cramp_minutes=30)
        assert (Urgency.URGENT, Urgency.EMERGENCY) == (a.urgency, a.may_rise_to)
        text = a.report(width=None)

        at = lines(text).index("Check this now, as it could make this an emergency:")
        assert f"  - {a.next_questions[0].question}" == lines(text)[at + 1]
        count = len(a.next_questions) - 1
        expected = f"Questions still open: {count}. Get help first; answer them later."
        assert expected == lines(text)[at + 2]

    def test_an_urgent_result_that_cannot_become_an_emergency_only_counts(self) -> None:
        """When no open question could make it an emergency, nothing is singled out."""
        a = legcramps.assess({**NO_RED_FLAGS, "cramp_minutes": 30}, sitting_hours=1)
        assert Urgency.URGENT == a.urgency
        assert a.may_rise_to is None
        text = a.report(width=None)

        assert "Check this now, as it could make this an emergency:" not in text
        assert f"Questions still open: {len(a.next_questions)}." in text

    def test_an_urgent_result_with_one_question_left_shows_it_and_counts_none(self) -> None:
        """When the only open question is the one that matters, there is nothing to count."""
        a = legcramps.assess(cramp_minutes=30)
        last = attrs.evolve(a, next_questions=a.next_questions[:1])
        text = last.report(width=None)

        assert f"  - {a.next_questions[0].question}" in lines(text)
        assert "Questions still open" not in text

    def test_an_urgency_raised_by_a_sign_gives_the_urgency_s_time_frame_first(self) -> None:
        """With no flag at the result's urgency, what to do first is the urgency's time frame."""
        sign = Sign(Condition("hot_weather"), 1, "Heat.", NOTE, min_urgency=Urgency.URGENT)
        a = with_sign("dehydration", sign).assess(hot_weather=True)
        assert (Urgency.URGENT, ()) == (a.urgency, a.red_flags)

        assert ["Do this first:", f"  - {Urgency.URGENT.time_frame}"] == lines(
            a.report(width=None)
        )[2:4]

    @given(assessments())
    def test_only_a_pressing_result_says_what_to_do_first(self, a: legcramps.Assessment) -> None:
        """ "Do this first" shows exactly when the urgency is emergency or urgent."""
        pressing = a.urgency in (Urgency.EMERGENCY, Urgency.URGENT)

        assert pressing == ("Do this first:" in lines(a.report(width=None)))

    @given(assessments())
    def test_a_pressing_result_lists_no_more_than_one_question(
        self, a: legcramps.Assessment
    ) -> None:
        """An emergency or urgent report never holds the long list of questions."""
        if a.urgency not in (Urgency.EMERGENCY, Urgency.URGENT):
            return
        text = a.report(width=None)

        assert sum(q.question in text for q in a.next_questions) <= 1

    @given(assessments())
    def test_the_question_singled_out_can_raise_an_emergency(self, a: legcramps.Assessment) -> None:
        """The question shown at an urgent result speaks to an emergency red flag."""
        if not (a.urgency is Urgency.URGENT and a.may_rise_to is Urgency.EMERGENCY):
            return
        first = a.next_questions[0]
        emergencies = {r.id for r in K.red_flags if r.urgency is Urgency.EMERGENCY}

        assert emergencies & set(first.red_flags) or first.members


class TestWrapping:
    def test_str_is_the_report_at_80_columns(self) -> None:
        """str() of a result is its report with the defaults: English, 80 columns."""
        a = legcramps.assess(TYPICAL)

        assert a.report(language="en", width=80, emphasis=False) == str(a)
        assert max(map(len, lines(str(a)))) <= 80

    def test_a_long_line_wraps_under_its_bullet(self) -> None:
        """A wrapped item goes on under its text, indented past its bullet."""
        a = legcramps.assess(medications=["Lasix"])
        text = a.report(width=40)

        advice = next(n for n, line in enumerate(lines(text)) if line.startswith("  - Talk to"))
        assert lines(text)[advice + 1].startswith("    ")
        assert not lines(text)[advice + 1].startswith("    -")

    def test_no_wrapping_with_width_none(self) -> None:
        """width=None keeps each item on one line, however long."""
        a = legcramps.assess(TYPICAL)

        assert f"  - {K.worsening_advice}" not in lines(a.report())
        assert a.disclaimer == lines(a.report(width=None))[-1]

    @given(assessments(), st.integers(20, 200))
    def test_lines_fit_the_width_and_no_word_is_split(
        self, a: legcramps.Assessment, width: int
    ) -> None:
        """Every line fits the width unless it is one word; the words are those of the text."""
        text = a.report(width=width)

        for line in lines(text):
            if len(line) > width:  # only an indent, a bullet and one word too long to fit
                assert 1 == len(re.sub(r"^ *(- )?", "", line).split())
        assert a.report(width=None).split() == text.split()

    @pytest.mark.parametrize("name", ["a\x1b[2Jb", "two\nlines", "tab\there"])
    def test_a_name_with_control_characters_is_shown_quoted(self, name: str) -> None:
        """A medication name is echoed safely: a terminal never acts on what a person typed."""
        text = legcramps.assess(medications=[name]).report(width=None)

        assert f"Medications not recognised: {name!r}" in lines(text)


class TestEmphasis:
    def test_an_emergency_is_bold_with_emphasis(self) -> None:
        """With emphasis, the urgency line of an emergency is bold (ANSI)."""
        text = legcramps.assess(dark_urine=True).report(emphasis=True)

        assert f"{BOLD}Urgency: EMERGENCY: get emergency help now.{PLAIN}" == lines(text)[1]
        assert 1 == text.count(BOLD)

    def test_no_escape_codes_without_emphasis(self) -> None:
        """Without emphasis (the default) the report is plain text."""
        assert "\x1b" not in str(legcramps.assess(dark_urine=True))

    def test_only_an_emergency_is_emphasised(self) -> None:
        """An urgent result is not bold, even with emphasis."""
        assert "\x1b" not in legcramps.assess(cramp_minutes=30).report(emphasis=True)

    def test_emphasis_leaves_the_width_to_the_text(self) -> None:
        """The escape codes do not count towards the width: each wrapped line is bold."""
        text = legcramps.assess(dark_urine=True).report(width=20, emphasis=True)
        urgency = [line for line in lines(text) if BOLD in line]

        assert len(urgency) > 1
        assert all(len(line.removeprefix(BOLD).removesuffix(PLAIN)) <= 20 for line in urgency)


class TestLanguage:
    def test_the_spanish_report_has_spanish_labels_and_texts(self) -> None:
        """report(language="es") writes every label and text of the knowledge in Spanish."""
        a = legcramps.assess(TYPICAL)
        text = a.report(language="es", width=None)
        es = legcramps.catalog("es")

        assert es.text(_texts.TITLE, version=K.version) == lines(text)[0]
        assert "Urgencia: URGENTE: pida consejo médico hoy." == lines(text)[1]
        assert "  - Deshidratación: probable (puntuación 4)" in lines(text)
        assert text.endswith(es.text(a.disclaimer))

    @given(assessments())
    def test_a_spanish_report_holds_no_english_text_of_the_library(
        self, a: legcramps.Assessment
    ) -> None:
        """No English label, cause, reason, flag, advice or question shows in Spanish."""
        text = a.report(language="es", width=None)
        english = {t for _, kind, t in _texts.texts_of(K) if kind not in {"unit", "choice"}}
        fixed = [re.split(r"\{\w+\}", t) for t in english]

        for parts in fixed:
            longest = max(parts, key=len).strip(" :.;()")
            if len(longest) > 12:
                assert longest not in text

    def test_a_catalog_of_one_s_own_is_used(self) -> None:
        """A Catalog passed as the language gives its texts, and English for the rest."""
        mine = legcramps.Catalog("en-x-clinic", "Clinic English", {"Causes:": "Possible causes:"})

        text = legcramps.assess().report(language=mine, width=None)

        assert "Possible causes:" in lines(text)
        assert "Advice:" in lines(text)


class TestBadArguments:
    def test_every_bad_argument_is_reported_at_once(self) -> None:
        """A bad language, width and emphasis are one InvalidInput with three problems."""
        with pytest.raises(legcramps.InvalidInput) as info:
            legcramps.assess().report(language="fr", width=5, emphasis=1)  # type: ignore[arg-type]

        assert ["width", "emphasis", "language"] == [p.input for p in info.value.problems]

    @pytest.mark.parametrize("width", [19, 0, -1, 80.0, True, "80"])
    def test_a_width_must_be_a_whole_number_of_at_least_20(self, width: object) -> None:
        """A width below 20, or not an int, is refused."""
        with pytest.raises(legcramps.InvalidInput, match="at least 20, or None"):
            legcramps.assess().report(width=width)  # type: ignore[arg-type]

    def test_a_language_tag_is_refused_with_a_hint(self) -> None:
        """A locale such as es_ES is not a language code: the hint names the code to use."""
        with pytest.raises(legcramps.InvalidInput) as info:
            legcramps.assess().report(language="es_ES.UTF-8")

        assert "did you mean 'es'?" in info.value.problems[0].hint

    def test_the_report_prints_nothing(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The library never prints: the report is returned."""
        legcramps.assess(dark_urine=True).report(emphasis=True)

        assert ("", "") == capsys.readouterr()


def test_a_screen_still_to_ask_stands_for_its_signs() -> None:
    """The report lists a pending screening question, not each sign it stands for."""
    text = legcramps.assess(exercise_minutes=20).report(width=None)
    k = legcramps.KNOWLEDGE

    assert k.factor("leg_signs").question in text
    assert k.factor("leg_swelling").question not in text
