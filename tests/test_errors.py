"""The library's exceptions and problems (``legcramps._errors``)."""

from __future__ import annotations

import pickle
from typing import Any

import pytest

import legcramps
from legcramps import InvalidInput, Problem
from legcramps._errors import Problems


def problems(*args: Any, **kwargs: Any) -> tuple[Problem, ...]:
    with pytest.raises(InvalidInput) as info:
        legcramps.assess(*args, **kwargs)
    return info.value.problems


class BrokenRepr:
    def __repr__(self) -> str:
        raise RuntimeError


class TestInvalidInput:
    def test_is_a_value_error(self) -> None:
        """InvalidInput can be caught as ValueError."""
        assert issubclass(InvalidInput, ValueError)

    def test_message_lists_every_problem(self) -> None:
        """The message names each problem on its own line."""
        with pytest.raises(InvalidInput) as info:
            legcramps.assess(fluid_litres=-1, hot_weather="yes")  # type: ignore[arg-type]

        assert (
            "2 problems with the input:\n"
            "- fluid_litres: received -1 (int); expected a number of litres from 0 to 20, "
            "or None (unknown)\n"
            "- hot_weather: received 'yes' (str); expected True, False or None (unknown)"
        ) == str(info.value)

    def test_problems_are_structured(self) -> None:
        """Each problem carries the input, what was received and what was expected."""
        assert (
            Problem(
                "sitting_hours", "25 (int)", "a number of hours from 0 to 24, or None (unknown)"
            ),
        ) == problems(sitting_hours=25)

    def test_pickles_with_its_problems(self) -> None:
        """InvalidInput survives pickling, for process pools."""
        import pickle

        error = InvalidInput((Problem("x", "1 (int)", "a string"),))

        assert error.problems == pickle.loads(pickle.dumps(error)).problems  # noqa: S301


class TestDescribe:
    def test_broken_repr_is_described_by_type(self) -> None:
        """A value whose repr fails is described by its type."""
        (problem,) = problems(hot_weather=BrokenRepr())

        assert "an object of type BrokenRepr that cannot be shown" == problem.received

    def test_long_values_are_shortened(self) -> None:
        """A long value is cut short in the message."""
        (problem,) = problems(exercise_intensity="x" * 1000)

        assert len(problem.received) < 100


class TestTheCap:
    def test_an_error_lists_twenty_problems_and_counts_the_rest(self) -> None:
        """However much is wrong, an error lists 20 problems and counts the rest in `more`."""
        with pytest.raises(InvalidInput) as info:
            legcramps.assess({f"nope_{n}": 1 for n in range(25)})

        assert 20 == len(info.value.problems)
        assert 5 == info.value.more
        assert str(info.value).startswith("25 problems with the input:\n")
        assert str(info.value).endswith("\n- and 5 more")

    def test_an_error_given_more_than_twenty_keeps_twenty(self) -> None:
        """An error built from 23 problems lists the first 20 and counts 3 more."""
        error = InvalidInput(tuple(Problem(f"x{n}", "1 (int)", "a string") for n in range(23)))

        assert ["x0", "x19"] == [error.problems[0].input, error.problems[-1].input]
        assert 3 == error.more

    def test_pickles_with_its_count_of_the_rest(self) -> None:
        """An error that counts problems beyond the first 20 keeps the count through pickling."""
        error = InvalidInput((Problem("x", "1 (int)", "a string"),), more=7)

        copy = pickle.loads(pickle.dumps(error))  # noqa: S301 - our own data

        assert 7 == copy.more
        assert str(error) == str(copy)

    def test_problems_extend_keeps_the_cap_and_adds_the_count(self) -> None:
        """Problems from another error are added up to the cap; the rest, and its more, counted."""
        found = Problems()
        found.add("first", "1 (int)", "a string")

        found.extend(tuple(Problem(f"x{n}", "1 (int)", "a string") for n in range(25)), more=2)

        assert 20 == len(found.found)
        assert 8 == found.more
        assert 28 == len(found)


class TestUnknownId:
    def test_is_a_key_error_whose_message_is_not_quoted(self) -> None:
        """UnknownId is a KeyError, but its message reads as the other errors', unquoted."""
        with pytest.raises(KeyError) as info:
            legcramps.KNOWLEDGE.red_flag("gout")

        assert isinstance(info.value, legcramps.UnknownId)
        assert str(info.value).startswith("1 problem with the input:\n- flag_id: received 'gout'")
