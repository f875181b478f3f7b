"""Answers, knowledge and awkward objects that several test modules share."""

from __future__ import annotations

from typing import Any

import attrs

import legcramps
from legcramps import Knowledge, Source

#: Every red-flag question answered "no".
NO_RED_FLAGS = {
    "leg_swelling": False,
    "chest_pain_or_breathlessness": False,
    "cramp_minutes": 2,
    "dark_urine": False,
    "muscle_weakness": False,
    "numbness": False,
    "frequent_cramps": False,
    "persists_despite_self_care": False,
}

#: Answers that raise several causes and a red flag, with a known and an unknown medication.
TYPICAL = {
    "exercise_minutes": 120,
    "exercise_intensity": "vigorous",
    "medications": ["Lasix 40 mg", "aspirin"],
    "fluid_litres": 0.5,
    "hot_weather": True,
    "numbness": True,
}

#: A source for made-up signs and red flags.
NOTE = Source("test", "A test source", "Made up for the tests.")


def knowledge(**changes: Any) -> Knowledge:
    """Return the built-in knowledge with *changes*, under the version "test" unless given."""
    return attrs.evolve(legcramps.KNOWLEDGE, **{"version": "test", **changes})


class Unequal:
    """A value that refuses to be compared."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError

    __hash__ = object.__hash__


class Unreadable(dict[str, Any]):
    """A mapping whose items cannot be read."""

    def items(self) -> Any:
        raise RuntimeError

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError
