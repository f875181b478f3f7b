"""The engine's corners, pinned so that mutation testing (mutmut) finds no blind spot.

Each test states one behaviour of the compiled engine that the other tests leave
implicit: paths only custom knowledge reaches, exact boundaries, and the shortcuts
that the fast path takes.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

import legcramps
from _answer_strategies import sample_answers
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
    Source,
    Urgency,
    _data,
)

K = legcramps.KNOWLEDGE
NOTE = Source("test", "A test source", "Made up for the tests.")


def knowledge(**changes: Any) -> Knowledge:
    return attrs.evolve(K, version="test", **changes)


def with_sign(cause_id: str, sign: Sign) -> Knowledge:
    cause = K.cause(cause_id)
    return K.replace_cause(attrs.evolve(cause, signs=(*cause.signs, sign)), version="test")


class TestCustomKnowledgePaths:
    def test_a_number_sign_can_carry_advice_and_an_urgency(self) -> None:
        """A sign on a number adds its advice and raises the urgency to its minimum."""
        sign = Sign(
            Condition("fluid_litres", below=0.5),
            1,
            "Almost nothing to drink.",
            NOTE,
            advice="Drink something now.",
            min_urgency=Urgency.URGENT,
        )
        a = with_sign("dehydration", sign).assess(fluid_litres=0.2)
        assert Urgency.URGENT == a.urgency
        assert "Drink something now." in a.advice
        assert Urgency.UNDETERMINED == with_sign("dehydration", sign).assess(fluid_litres=1).urgency

    def test_a_medication_sign_can_raise_the_urgency(self) -> None:
        """A sign on the medication list raises the urgency to its minimum."""
        sign = Sign(
            Condition("medications", one_of=("statin",)),
            1,
            "A statin.",
            NOTE,
            min_urgency=Urgency.SEE_DOCTOR,
        )
        mine = with_sign("medication", sign)
        assert Urgency.SEE_DOCTOR == mine.assess(medications=["Zocor"]).urgency
        assert Urgency.UNDETERMINED == mine.assess(medications=["aspirin"]).urgency

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

    def test_an_input_that_speaks_to_nothing_is_accepted_and_left_out(self) -> None:
        """An input with no sign and no red flag is checked, accepted and left out of answers."""
        silent = RiskFactor("shoe_size", "What is your shoe size?", FactorKind.NUMBER, maximum=60)
        mine = knowledge(factors=(*K.factors, silent))
        a = mine.assess(shoe_size=42, hot_weather=True)
        assert {"hot_weather": True} == dict(a.answers)
        assert a == mine.assess({"shoe_size": 42, "hot_weather": True})
        with pytest.raises(InvalidInput, match="shoe_size: received 61"):
            mine.assess(shoe_size=61)

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

    def test_no_causes_at_all(self) -> None:
        """Knowledge with no cause gives no findings, and the no-obvious-cause advice."""
        mine = knowledge(causes=())
        a = mine.assess(leg_swelling=False)
        assert () == a.findings
        assert mine.no_obvious_cause_advice in a.advice

    def test_a_new_cause_with_a_choice_sign(self) -> None:
        """A sign on a choice is raised by that choice only."""
        cold = Cause(
            id="light",
            name="Light exercise",
            summary="s",
            mechanism="m",
            advice=("a",),
            evidence_note="e",
            sources=(NOTE,),
            signs=(Sign(Condition("exercise_intensity", one_of=("light",)), 3, "Light.", NOTE),),
        )
        mine = K.replace_cause(cold, version="test")
        assert Level.LIKELY == mine.assess(exercise_intensity="light").finding("light").level
        assert Level.UNLIKELY == mine.assess(exercise_intensity="moderate").finding("light").level


class TestCompiling:
    """The built-in knowledge is compiled at import; these compile it again, under test."""

    @staticmethod
    def fresh() -> Knowledge:
        return Knowledge(
            version=K.version,
            factors=_data.FACTORS,
            causes=_data.CAUSES,
            red_flags=_data.RED_FLAGS,
            medications=_data.MEDICATIONS,
        )

    def test_compiling_again_gives_the_same_tables(self) -> None:
        """Compiling the same knowledge twice gives equal lookup tables."""
        assert K._compiled == self.fresh()._compiled  # noqa: SLF001 - the tables are the point

    def test_a_fresh_copy_assesses_exactly_like_the_built_in_knowledge(self) -> None:
        """A knowledge compiled now gives the built-in knowledge's results, text and dict."""
        fresh = self.fresh()
        for given in sample_answers(300, seed=11):
            expected, actual = K.assess(**given), fresh.assess(**given)
            assert expected == actual
            assert str(expected) == str(actual)
            assert expected.to_dict() == actual.to_dict()

    def test_a_fresh_copy_reports_problems_exactly_like_the_built_in_knowledge(self) -> None:
        """A knowledge compiled now reports the same problems for the same bad answers."""
        fresh = self.fresh()
        for factor in K.factors:
            for bad in (-1, 10**6, "x", float("nan"), [1], b"no", 1.5 + 0j):
                with pytest.raises(InvalidInput) as expected:
                    K.assess(**{factor.id: bad, "sitting_hour": 1})
                with pytest.raises(InvalidInput) as actual:
                    fresh.assess(**{factor.id: bad, "sitting_hour": 1})
                assert expected.value.problems == actual.value.problems
