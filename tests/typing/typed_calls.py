# ruff: noqa: INP001 - checked by mypy, beside its test; not a package
"""Calls of ``legcramps.assess()`` that a type checker accepts, and some it refuses.

``mypy --strict`` (the project's ``python -m mypy``) checks this file: each refused
call carries ``# type: ignore[code]``, and strict mode reports an ignore that is not
needed, so the file passes only if each of those calls is refused with that code.
``test_typed_inputs.py`` runs mypy on it without the comments as well, and checks
that exactly the marked lines are refused.
"""

from __future__ import annotations

from typing import Any

import legcramps


def accepted() -> list[legcramps.Assessment]:
    """Calls with the inputs named and typed right, by keyword or from typed answers."""
    answers: legcramps.Answers = {"fluid_litres": 0.5, "hot_weather": True}
    parsed: dict[str, Any] = {"exercise_minuts": 120}  # a mapping is checked at run time
    return [
        legcramps.assess(exercise_minutes=120, exercise_intensity="vigorous"),
        legcramps.assess(fluid_litres=1, hot_weather=None, medications=["Lasix 40 mg"]),
        legcramps.assess(medications=("furosemide",), sex="female", age_years=70.5),
        legcramps.assess(**answers),
        legcramps.assess(parsed),
        # Custom knowledge takes any inputs: it may have its own.
        legcramps.KNOWLEDGE.assess(cold_water=True),
    ]


def refused() -> list[legcramps.Assessment]:
    """A misspelt input, a value of the wrong type, a choice not in the list."""
    return [
        legcramps.assess(exercise_minuts=120),  # type: ignore[call-arg]
        legcramps.assess(fluid_litres="lots"),  # type: ignore[arg-type]
        legcramps.assess(hot_weather="yes"),  # type: ignore[arg-type]
        legcramps.assess(exercise_intensity="hard"),  # type: ignore[arg-type]
        legcramps.assess(medications="Lasix"),  # type: ignore[arg-type]
    ]


def typed_answers() -> legcramps.Answers:
    """A dict typed as Answers refuses a key that is not an input."""
    return {"fluid_litre": 0.5}  # type: ignore[typeddict-unknown-key]
