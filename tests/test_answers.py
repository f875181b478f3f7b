"""The one answer validator (``legcramps._answers``): raw answers to good values, or InvalidInput.

Every problem names the input, what was received and what was expected.
"""

from __future__ import annotations

import math
from types import MappingProxyType
from typing import Any

import pytest

import legcramps
from helpers import Unreadable
from legcramps import (
    FactorKind,
    InvalidInput,
    Problem,
    RiskFactor,
)
from legcramps._answers import medication_names
from legcramps._errors import Problems, describe

K = legcramps.KNOWLEDGE


def problems(*args: Any, **kwargs: Any) -> tuple[Problem, ...]:
    with pytest.raises(InvalidInput) as info:
        legcramps.assess(*args, **kwargs)
    return info.value.problems


def exact(*args: Any, **kwargs: Any) -> list[tuple[str, str, str, str]]:
    """Return the problems that assess() finds, each as (input, received, expected, hint)."""
    return [(p.input, p.received, p.expected, p.hint) for p in problems(*args, **kwargs)]


class TestNames:
    def test_unknown_name_without_a_close_match_has_no_hint(self) -> None:
        """A name like no input is rejected without a hint."""
        (problem,) = problems(zzz=1)

        assert "" == problem.hint
        assert "one of the inputs in legcramps.RISK_FACTORS" == problem.expected

    def test_unknown_name_is_rejected_even_when_none(self) -> None:
        """An unknown name is an error even with the value None."""
        assert ["hot"] == [p.input for p in problems(hot=None)]

    def test_an_unknown_name_with_a_hint(self) -> None:
        """An unknown name is named, with its value, and the closest input as a hint."""
        assert [
            (
                "fluid_litre",
                "1 (int)",
                "one of the inputs in legcramps.RISK_FACTORS",
                "did you mean 'fluid_litres'?",
            )
        ] == exact(fluid_litre=1)

    def test_every_problem_after_an_unknown_name_or_a_bad_list(self) -> None:
        """An unknown name or a bad medication list does not stop the check of the rest."""
        assert ["xyz", "fluid_litres"] == [p[0] for p in exact(xyz=1, fluid_litres=-1)]
        assert ["medications", "numbness"] == [
            p[0] for p in exact(medications="Lasix", numbness="no")
        ]


class TestYesNo:
    @pytest.mark.parametrize("value", [0, 1, "yes", "true", 1.0, [True]])
    def test_only_true_false_or_none(self, value: object) -> None:
        """Yes/no inputs take only True, False or None."""
        assert ["hot_weather"] == [p.input for p in problems(hot_weather=value)]


class TestNumbers:
    @pytest.mark.parametrize(
        "value",
        [True, False, "1.5", b"1", math.nan, math.inf, -math.inf, 1j, [1.0], None.__class__],
    )
    def test_rejects_what_is_not_a_finite_number(self, value: object) -> None:
        """Bools, strings, NaN, infinities and other objects are not numbers."""
        assert ["fluid_litres"] == [p.input for p in problems(fluid_litres=value)]

    @pytest.mark.parametrize("value", [-0.001, 20.5, 10**400, -(10**400)])
    def test_rejects_out_of_range(self, value: float) -> None:
        """Numbers outside the factor's bounds are rejected, however large."""
        (problem,) = problems(fluid_litres=value)

        assert "a number of litres from 0 to 20, or None (unknown)" == problem.expected

    def test_accepts_the_bounds(self) -> None:
        """The bounds themselves are accepted."""
        assert 20 == legcramps.assess(fluid_litres=20).answers["fluid_litres"]
        assert 0 == legcramps.assess(fluid_litres=0).answers["fluid_litres"]

    @pytest.mark.parametrize(
        "factor",
        [f for f in legcramps.RISK_FACTORS if f.kind is FactorKind.NUMBER],
        ids=lambda f: f.id,
    )
    def test_every_number_has_a_maximum(self, factor: RiskFactor) -> None:
        """No number input is open-ended: a huge number is refused, not kept."""
        assert factor.maximum is not None
        assert [factor.id] == [p.input for p in problems(**{factor.id: factor.maximum + 1})]

    def test_a_huge_integer_is_refused_and_described(self) -> None:
        """A 5,000-digit integer is out of range, and the problem still describes it."""
        [problem] = problems(recovery_hours=10**5000)
        assert "an integer of about 5000 digits (int)" == problem.received

    def test_huge_int_is_described_without_crashing(self) -> None:
        """An integer too long to print is still described in the error."""
        (problem,) = problems(cramp_minutes=-(10**5000))

        assert "an integer of about 5000 digits (int)" == problem.received

    def test_int_and_float_subclasses_are_normalised(self) -> None:
        """Subclasses of int and float are kept as plain int and float values."""

        class Minutes(int):
            pass

        class Litres(float):
            pass

        answers = legcramps.assess(exercise_minutes=Minutes(30), fluid_litres=Litres(1.5)).answers

        assert int is type(answers["exercise_minutes"])
        assert float is type(answers["fluid_litres"])

    def test_the_bounds_of_a_number_are_inclusive_for_every_number_type(self) -> None:
        """A number exactly at either bound is accepted, as an int, a float or a subclass."""

        class Minutes(int):
            pass

        for value in (0, 0.0, 1440, 1440.0, Minutes(0), Minutes(1440)):
            assert (
                int(value) == legcramps.assess(exercise_minutes=value).answers["exercise_minutes"]
            )
        for value in (-1, 1441, Minutes(1441), -0.5):
            with pytest.raises(InvalidInput, match="exercise_minutes"):
                legcramps.assess(exercise_minutes=value)


class TestChoices:
    @pytest.mark.parametrize("value", ["Vigorous", "hard", "", 3, ["light"]])
    def test_rejects_a_value_not_in_the_list(self, value: object) -> None:
        """A choice must be one of the listed strings, exactly."""
        (problem,) = problems(exercise_intensity=value)

        assert "one of 'light', 'moderate', 'vigorous', or None (unknown)" == problem.expected


class TestMedicationList:
    @pytest.mark.parametrize("value", ["furosemide", b"furosemide", {"furosemide": 1}, 3])
    def test_rejects_what_is_not_a_list_of_names(self, value: object) -> None:
        """A bare string, bytes, a mapping or a number is not a list of medications."""
        assert ["medications"] == [p.input for p in problems(medications=value)]

    def test_names_each_bad_item(self) -> None:
        """Each bad item is reported by its position in the list."""
        assert ["medications[1]", "medications[2]"] == [
            p.input for p in problems(medications=["Lasix", 3, "  "])
        ]

    def test_accepts_any_iterable_of_names(self) -> None:
        """Tuples and generators of names are accepted like lists."""
        assert legcramps.assess(medications=["Lasix"]) == legcramps.assess(
            medications=(name for name in ["Lasix"])  # type: ignore[arg-type]  # typed: list, tuple
        )

    def test_a_str_subclass_is_read_as_plain_text(self) -> None:
        """A str subclass is read as its text, whatever its methods do."""

        class Odd(str):
            __slots__ = ()

            def strip(self, chars: str | None = None) -> str:  # noqa: ARG002
                raise RuntimeError

        assert ("Lasix",) == legcramps.assess(medications=[Odd(" Lasix ")]).answers["medications"]

    def test_an_iterable_that_fails_is_reported(self) -> None:
        """An iterable that raises while being read is reported, not propagated."""

        def failing() -> Any:
            yield "Lasix"
            raise OSError

        assert ["medications"] == [p.input for p in problems(medications=failing())]

    def test_the_medication_list_problems(self) -> None:
        """A string, a list with a bad item and an unreadable iterable are named exactly."""
        expected = "a list of medication names (strings), or None (unknown)"
        assert [("medications", "'Lasix' (str)", expected, "")] == exact(medications="Lasix")
        assert [
            ("medications[1]", "'' (str)", "a medication name (a non-empty string)", "")
        ] == exact(medications=["Lasix", ""])

        class Unreadable:
            def __iter__(self) -> Any:
                raise OSError

            def __repr__(self) -> str:
                return "<unreadable>"

        assert [
            ("medications", "<unreadable> (Unreadable)", expected + " that can be read", "")
        ] == exact(medications=Unreadable())

    def test_a_set_of_medications(self) -> None:
        """A set of medication names is refused for having no order, describing the set."""
        with pytest.raises(InvalidInput) as info:
            K.assess(medications={"Lasix"})
        expected = "a list of medication names (strings), or None (unknown) in an order (not a set)"
        assert (Problem("medications", "{'Lasix'} (set)", expected),) == info.value.problems

    def test_past_twenty_bad_items_the_rest_are_counted(self) -> None:
        """A list of 25 bad names gives 20 problems, one per item, and counts the other 5."""
        with pytest.raises(InvalidInput) as info:
            legcramps.assess(medications=[""] * 25)

        assert [f"medications[{n}]" for n in range(20)] == [p.input for p in info.value.problems]
        assert 5 == info.value.more


class TestMappingForm:
    def test_accepts_one_input_given_twice_with_equal_values(self) -> None:
        """The same value in the mapping and as a keyword is fine."""
        assert legcramps.assess(hot_weather=True) == legcramps.assess(
            {"hot_weather": True}, hot_weather=True
        )

    def test_none_in_the_mapping_and_a_value_as_a_keyword_conflict(self) -> None:
        """Unknown in the mapping and a value as a keyword are two different answers."""
        assert ["fluid_litres"] == [
            p.input for p in problems({"fluid_litres": None}, fluid_litres=1)
        ]

    def test_keyword_problems_are_reported_when_the_mapping_is_no_mapping(self) -> None:
        """A bad mapping does not hide the problems of the keywords."""
        assert ["mapping", "hot_weather", "bogus"] == [
            p.input for p in problems([("fluid_litres", 1)], hot_weather="yes", bogus=1)
        ]

    def test_keyword_adds_to_the_mapping(self) -> None:
        """Keywords add to the answers in the mapping."""
        assert legcramps.assess(hot_weather=True, overtired=True) == legcramps.assess(
            {"hot_weather": True}, overtired=True
        )

    def test_reports_problems_from_both_forms_together(self) -> None:
        """Problems in the mapping and in the keywords are reported in one error."""
        assert ["fluid_litres", "overtired"] == [
            p.input for p in problems({"fluid_litres": "a lot"}, overtired=1)
        ]

    def test_a_mapping_that_is_not_one(self) -> None:
        """Something other than a mapping is named, with what it is and what was expected."""
        assert [
            ("mapping", "5 (int)", "a mapping of answers by name (such as a dict), or None", "")
        ] == exact(5)

    def test_a_key_that_is_not_a_string(self) -> None:
        """A mapping key that is not a string is named exactly."""
        assert [("mapping key", "1 (int)", "an input name (a string)", "")] == exact({1: 2})

    def test_mapping_problems_and_keywords_together(self) -> None:
        """Problems in the mapping are reported even when keywords are given too."""
        assert [
            ("mapping key", "1 (int)", "an input name (a string)", ""),
        ] == exact({1: 2, "fluid_litres": 1}, hot_weather=True)
        assert ["fluid_litres"] == [p[0] for p in exact({"fluid_litres": -1}, numbness=True)]

    def test_one_input_given_two_ways(self) -> None:
        """An input given differently in the mapping and as a keyword is named exactly."""
        assert [
            (
                "hot_weather",
                "True (bool) in the mapping and False (bool) as a keyword",
                "the same value in both, or only one",
                "",
            )
        ] == exact({"hot_weather": True}, hot_weather=False)

    def test_a_mapping_whose_items_cannot_be_read(self) -> None:
        """A mapping that fails when read is one problem, describing the mapping."""
        expected = "a mapping whose items can be read"

        assert (Problem("mapping", "{} (Unreadable)", expected),) == problems(
            Unreadable(), overtired=True
        )

    @pytest.mark.parametrize(
        ("name", "good", "bad"), [("hot_weather", True, "yes"), ("medications", ["Lasix"], "Lasix")]
    )
    def test_a_bad_value_one_way_is_not_also_a_disagreement(
        self, name: str, good: object, bad: object
    ) -> None:
        """An input valid in the mapping and invalid as a keyword is one problem, not two."""
        with pytest.raises(InvalidInput) as info:
            K.assess({name: good}, **{name: bad})
        assert [(name, describe(bad))] == [(p.input, p.received) for p in info.value.problems]


class TestNormalised:
    def test_keyword_order_does_not_matter(self) -> None:
        """The order in which answers are given does not change the result."""
        assert legcramps.assess(hot_weather=True, sitting_hours=5) == legcramps.assess(
            sitting_hours=5, hot_weather=True
        )

    def test_mapping_and_keywords_agree(self) -> None:
        """Answers as a mapping and as keywords give equal results."""
        answers: legcramps.Answers = {
            "fluid_litres": 0.5,
            "hot_weather": True,
            "medications": ("Lasix",),
        }

        assert legcramps.assess(answers) == legcramps.assess(**answers)

    def test_answers_hold_the_normalised_inputs(self) -> None:
        """`answers` holds the known inputs, medications as a tuple, in factor order."""
        assessment = legcramps.assess(hot_weather=True, medications=["Lasix "], overtired=None)

        assert {"medications": ("Lasix",), "hot_weather": True} == assessment.answers
        assert ["medications", "hot_weather"] == list(assessment.answers)


class OddKey(str):
    """An input name that hashes and compares unlike the text it holds."""

    __slots__ = ()

    def __hash__(self) -> int:
        return 1

    def __eq__(self, other: object) -> bool:
        return False


class TestStringSubclassKeys:
    def test_a_str_subclass_key_is_read_by_its_text(self) -> None:
        """A key that is a str subclass names the input its text names."""
        assert {"hot_weather": True} == legcramps.assess({OddKey("hot_weather"): True}).answers

    def test_one_input_cannot_be_given_twice_through_an_odd_key(self) -> None:
        """A str-subclass key with another hash cannot give an input a second time."""
        assert (
            Problem(
                "hot_weather",
                "True (bool) and False (bool) in the mapping",
                "each input given once",
            ),
        ) == problems({"hot_weather": True, OddKey("hot_weather"): False})

    def test_one_keyword_cannot_be_given_twice_through_an_odd_key(self) -> None:
        """Keywords, too, cannot give one input twice through a str-subclass key."""
        twice = {"hot_weather": True, OddKey("hot_weather"): False}
        expected = (
            Problem(
                "hot_weather", "True (bool) and False (bool) as a keyword", "each input given once"
            ),
        )
        assert expected == problems(**twice)
        assert expected == problems({"overtired": True}, **twice)

    def test_an_input_given_twice_unknown_first_is_one_problem(self) -> None:
        """An input given twice, first as unknown (None), is refused like any other."""
        assert (
            Problem(
                "hot_weather",
                "None (NoneType) and True (bool) in the mapping",
                "each input given once",
            ),
        ) == problems({"hot_weather": None, OddKey("hot_weather"): True})

    def test_the_check_goes_on_after_an_input_given_twice(self) -> None:
        """An input given twice does not stop the check of the answers after it."""
        given = {"hot_weather": True, OddKey("hot_weather"): False, "fluid_litres": -1}
        assert ["hot_weather", "fluid_litres"] == [p.input for p in problems(given)]


class TestReading:
    """A caller's mapping, keys and values are read by their true value."""

    def test_any_mapping_is_read(self) -> None:
        """A mapping that is not a dict, such as a read-only view, gives its answers."""
        assert {"hot_weather": True} == K.assess(MappingProxyType({"hot_weather": True})).answers

    def test_the_check_goes_on_after_a_key_that_is_no_string(self) -> None:
        """A key that is not a string does not stop the check of the answers after it."""
        assert ["mapping key", "fluid_litres"] == [
            p.input for p in problems({1: True, "fluid_litres": -1})
        ]

    def test_a_choice_given_as_a_str_subclass_is_its_plain_text(self) -> None:
        """A choice given as a str subclass is kept as the plain str it holds."""
        answers = K.assess(exercise_intensity=OddKey("vigorous")).answers
        assert "vigorous" == answers["exercise_intensity"]
        assert str is type(answers["exercise_intensity"])

    def test_every_input_given_two_ways_is_compared(self) -> None:
        """Keywords not in the mapping do not stop the comparison of those that are."""
        assert [
            (
                "hot_weather",
                "True (bool) in the mapping and False (bool) as a keyword",
                "the same value in both, or only one",
                "",
            )
        ] == exact({"hot_weather": True}, overtired=True, hot_weather=False)


def test_medication_names_gives_none_for_a_bad_name_past_the_cap() -> None:
    """A bad name found once the problems are full still makes the list fail (None)."""
    problems = Problems()
    while not problems.full:
        problems.add("x", "y", "z")
    assert medication_names("medications", ["Lasix", ""], problems) is None
    assert 1 == problems.more


def test_medication_names_gives_none_for_a_bad_name() -> None:
    """A list with a bad name fails (None), besides naming the problem."""
    problems = Problems()
    assert medication_names("medications", ["Lasix", ""], problems) is None
    assert 1 == len(problems)
