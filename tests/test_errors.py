"""The library's exceptions and problems (``legcramps._errors``)."""

from __future__ import annotations

from typing import Any

import pytest

import legcramps
from legcramps import InvalidInput, Problem


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
            legcramps.assess(fluid_litres=-1, hot_weather="yes")

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
