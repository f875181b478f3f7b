"""Compiling a knowledge into lookup tables (``legcramps._compile``, ``_order``)."""

from __future__ import annotations

import attrs
import pytest

import legcramps
from helpers import NO_RED_FLAGS, NOTE, knowledge
from legcramps import (
    Cause,
    Condition,
    FactorKind,
    InvalidInput,
    Knowledge,
    Level,
    RedFlag,
    RiskFactor,
    Sign,
    Urgency,
)
from legcramps._compile import Tables
from strategies import sample_answers

K = legcramps.KNOWLEDGE


class TestFactorLinks:
    def test_factor_links_are_filled_in_from_the_signs(self) -> None:
        """The medication list speaks to both the medication and dehydration causes."""
        assert ("medication", "dehydration") == K.factor("medications").causes
        assert (
            "acute_limb_ischaemia",
            "compartment_syndrome",
            "nerve_or_muscle_signs",
        ) == K.factor("numbness").red_flags

    def test_a_flag_with_two_conditions_on_one_factor_is_listed_once(self) -> None:
        """A red flag that tests one factor twice is named once in that factor's red_flags."""
        flag = RedFlag(
            "odd_cramp",
            "An odd cramp",
            "Made up.",
            Urgency.SEE_DOCTOR,
            "See a doctor.",
            (NOTE,),
            (Condition("cramp_minutes", below=0.5), Condition("cramp_minutes", above=60)),
        )
        mine = knowledge(red_flags=(*K.red_flags, flag))
        assert ("long_cramp", "odd_cramp") == mine.factor("cramp_minutes").red_flags
        assert "odd_cramp" in [r.id for r in mine.assess(cramp_minutes=0.1).red_flags]


class TestConditions:
    def test_a_new_cause_with_a_choice_sign(self) -> None:
        """A sign on a choice is raised by that choice only."""
        light = Cause(
            id="light",
            name="Light exercise",
            summary="s",
            mechanism="m",
            advice=("a",),
            evidence_note="e",
            sources=(NOTE,),
            signs=(Sign(Condition("exercise_intensity", one_of=("light",)), 3, "Light.", NOTE),),
        )
        mine = K.replace_cause(light, version="test")
        assert Level.LIKELY == mine.assess(exercise_intensity="light").finding("light").level
        assert Level.UNLIKELY == mine.assess(exercise_intensity="moderate").finding("light").level

    def test_a_red_flag_on_the_medication_list(self) -> None:
        """A red flag on a drug class is raised by any medication of that class."""
        flag = RedFlag(
            "laba",
            "A long-acting beta-agonist",
            "Made up.",
            Urgency.URGENT,
            "Ask today.",
            (NOTE,),
            (Condition("medications", one_of=("long-acting beta-agonist",)),),
        )
        mine = knowledge(red_flags=(*K.red_flags, flag))
        assert ("laba",) == tuple(
            r.id for r in mine.assess(medications=["aspirin", "Serevent"]).red_flags
        )
        assert () == mine.assess(medications=["Lasix", "aspirin"]).red_flags


class TestCompiling:
    """The built-in knowledge is compiled at import; these compile it again, under test."""

    def test_compiling_again_gives_the_same_tables(self, fresh_knowledge: Knowledge) -> None:
        """Compiling the same knowledge twice gives equal lookup tables."""
        tables, fresh = K._tables, fresh_knowledge._tables  # noqa: SLF001 - the tables are the point
        assert [getattr(tables, t) for t in tables.__slots__] == [
            getattr(fresh, t) for t in fresh.__slots__
        ]

    def test_a_fresh_copy_assesses_exactly_like_the_built_in_knowledge(
        self, fresh_knowledge: Knowledge
    ) -> None:
        """A knowledge compiled now gives the built-in knowledge's results, text and dict."""
        for given in sample_answers(300, seed=11):
            expected, actual = K.assess(**given), fresh_knowledge.assess(**given)
            assert expected == actual
            assert str(expected) == str(actual)
            assert expected.to_dict() == actual.to_dict()

    def test_a_fresh_copy_reports_problems_exactly_like_the_built_in_knowledge(
        self, fresh_knowledge: Knowledge
    ) -> None:
        """A knowledge compiled now reports the same problems for the same bad answers."""
        for factor in K.factors:
            for bad in (-1, 10**6, "x", float("nan"), [1], b"no", 1.5 + 0j):
                with pytest.raises(InvalidInput) as expected:
                    K.assess(**{factor.id: bad, "sitting_hour": 1})
                with pytest.raises(InvalidInput) as actual:
                    fresh_knowledge.assess(**{factor.id: bad, "sitting_hour": 1})
                assert expected.value.problems == actual.value.problems

    def test_the_tables_cannot_be_changed(self) -> None:
        """The compiled tables of a knowledge are read-only."""
        tables = K._tables  # noqa: SLF001 - the tables are the point

        with pytest.raises(AttributeError, match="cannot be changed"):
            tables.checks = {}

    def test_the_tables_take_only_the_tables_there_are(self) -> None:
        """Building tables with a table that does not exist is refused, naming it."""
        tables = K._tables  # noqa: SLF001 - the tables are the point
        given = {name: getattr(tables, name) for name in Tables.__slots__}

        with pytest.raises(TypeError, match="no such table: extra"):
            Tables(**given, extra=1)


class TestCompiledOrder:
    def test_red_flags_go_most_urgent_first_whatever_the_order_defined(self) -> None:
        """Raised red flags are listed most urgent first, even if defined the other way round."""
        mine = knowledge(red_flags=tuple(reversed(K.red_flags)))
        a = mine.assess(numbness=True, leg_swelling=True, dark_urine=True)
        assert ["rhabdomyolysis", "nerve_or_muscle_signs", "deep_vein_thrombosis"] == [
            r.id for r in a.red_flags
        ]
        assert Urgency.EMERGENCY == a.urgency

    def test_a_low_urgency_red_flag_still_puts_its_question_first(self) -> None:
        """A red-flag question goes before every other question, however mild the flag."""
        mild = RedFlag(
            "mild",
            "Mild",
            "Made up.",
            Urgency.SEE_DOCTOR,
            "Rest.",
            (NOTE,),
            (Condition("overtired"),),
        )
        mine = knowledge(red_flags=(mild,))
        assert "overtired" == mine.assess().next_questions[0].id

    def test_an_input_that_speaks_to_nothing_is_checked_and_kept(self) -> None:
        """An input with no sign and no red flag is checked, and kept in the answers."""
        silent = RiskFactor(
            "shoe_size", "What is your shoe size?", FactorKind.NUMBER, minimum=0, maximum=60
        )
        mine = knowledge(factors=(*K.factors, silent))
        a = mine.assess(shoe_size=42, hot_weather=True)
        assert {"hot_weather": True, "shoe_size": 42} == a.answers
        assert "shoe_size" == mine.assess().next_questions[-1].id
        assert a == mine.assess({"shoe_size": 42, "hot_weather": True})
        with pytest.raises(InvalidInput, match="shoe_size: received 61"):
            mine.assess(shoe_size=61)

    def test_an_input_that_speaks_to_nothing_may_come_first(self) -> None:
        """An input with no sign and no red flag, defined first, does not hide the others."""
        silent = RiskFactor(
            "shoe_size", "What is your shoe size?", FactorKind.NUMBER, minimum=0, maximum=60
        )
        mine = knowledge(factors=(silent, *K.factors))
        a = mine.assess(shoe_size=40, fluid_litres=0.5, hot_weather=True)
        assert Level.LIKELY == a.finding("dehydration").level
        assert "shoe_size" not in [q.id for q in a.next_questions]

    def test_a_screen_without_red_flags_is_not_asked_before_the_scoring_questions(self) -> None:
        """A screening question whose members raise no red flag is ranked by its own weight,
        after the scoring questions defined before it (only red-flag screens go first)."""
        screen = RiskFactor(
            "other_troubles", "Any other troubles?", FactorKind.YES_NO,
            members=("poor_diet", "unaccustomed_exercise"),
        )  # fmt: skip
        mine = knowledge(factors=(*K.factors, screen))
        asked = [q.id for q in mine.assess().next_questions]
        assert asked.index("overtired") < asked.index("other_troubles")


class TestCompiledTables:
    def test_every_table_that_does_not_exist_is_named(self) -> None:
        """Building tables with two tables that do not exist names both, in the order given."""
        tables = K._tables  # noqa: SLF001 - the tables are the point
        given = {name: getattr(tables, name) for name in Tables.__slots__}

        with pytest.raises(TypeError, match=r"no such table: extra, more$"):
            Tables(**given, extra=1, more=2)

    def test_the_most_urgent_minimum_of_an_unanswered_input_stays_open(self) -> None:
        """Two signs on one input set minimum urgencies: unanswered, it may rise to the higher."""
        rash = RiskFactor("rash", "Do you have a rash?", FactorKind.YES_NO)
        urgent = Sign(Condition("rash"), 1, "A rash.", NOTE, min_urgency=Urgency.URGENT)
        doctor = Sign(Condition("rash"), 1, "A rash.", NOTE, min_urgency=Urgency.SEE_DOCTOR)
        overuse, fatigue = K.cause("overuse"), K.cause("fatigue")
        mine = knowledge(
            factors=(*K.factors, rash),
            causes=(
                attrs.evolve(overuse, signs=(*overuse.signs, urgent)),
                attrs.evolve(fatigue, signs=(*fatigue.signs, doctor)),
                *K.causes[2:],
            ),
        )
        assert Urgency.URGENT == mine.assess(**NO_RED_FLAGS).may_rise_to
        assert Urgency.URGENT == mine.assess(rash=True).urgency

    def test_a_question_that_cannot_apply_answers_a_later_cause(self) -> None:
        """A question that cannot apply answers its cause, wherever the cause is listed, and
        whatever questions that cannot apply follow it."""
        swam = RiskFactor("swam", "Did you swim?", FactorKind.YES_NO)
        cold_water = RiskFactor(
            "cold_water", "Was the water cold?", FactorKind.YES_NO,
            applies_when=(Condition("swam"),),
        )  # fmt: skip
        cold = Cause(
            "cold", "Cold", "Cramps in cold water.", "Cold muscles.", ("Warm up.",), "Anecdotal.",
            (NOTE,), (Sign(Condition("cold_water"), 3, "Cold water.", NOTE),),
        )  # fmt: skip
        # Another question that cannot apply, of no cause, after it: it takes nothing away.
        goggles = RiskFactor(
            "goggles", "Did you wear goggles?", FactorKind.YES_NO,
            applies_when=(Condition("swam"),),
        )  # fmt: skip
        mine = knowledge(factors=(*K.factors, swam, cold_water, goggles), causes=(*K.causes, cold))
        assert Level.UNKNOWN == mine.assess().finding("cold").level
        assert Level.UNLIKELY == mine.assess(swam=False).finding("cold").level
