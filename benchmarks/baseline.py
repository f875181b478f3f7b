"""A hand-written baseline for ``legcramps.assess()``: what the fastest plain code would do.

It validates the same 21 inputs with ``isinstance`` and range checks, recognises
medications with one dict lookup, and computes the five scores, the levels and the
urgency with if-statements. It builds no result objects, explains nothing and keeps
no knowledge as data: it is the floor that the data-driven engine is measured against,
not a replacement for it.
"""

from __future__ import annotations

import math
from typing import Any

from legcramps import _data

# name (case-folded) -> drug class value; built once, as the engine does.
_MEDICATION_CLASS: dict[str, str] = {}
for _med in _data.MEDICATIONS:
    for _name in (_med.generic, *_med.brands, *_med.other_names):
        _MEDICATION_CLASS[_name.casefold()] = _med.drug_class.value
_DIURETICS = frozenset(_data.DIURETICS)
_YES_NO = frozenset(
    (
        "unaccustomed_exercise",
        "overtired",
        "poor_diet",
        "new_medication",
        "hot_weather",
        "heavy_sweating",
        "leg_swelling",
        "chest_pain_or_breathlessness",
        "dark_urine",
        "muscle_weakness",
        "numbness",
        "frequent_cramps",
        "persists_despite_self_care",
    )
)
_NUMBERS = {
    "exercise_minutes": (0.0, 1440.0),
    "recovery_hours": (0.0, math.inf),
    "sitting_hours": (0.0, 24.0),
    "standing_hours": (0.0, 24.0),
    "fluid_litres": (0.0, 20.0),
    "cramp_minutes": (0.0, math.inf),
}
_INTENSITIES = ("light", "moderate", "vigorous")
_RED_FLAG_INPUTS = (
    "chest_pain_or_breathlessness",
    "dark_urine",
    "leg_swelling",
    "muscle_weakness",
    "numbness",
    "frequent_cramps",
    "persists_despite_self_care",
)


def _number(answers: dict[str, Any], name: str, errors: list[str]) -> float | None:
    value = answers.get(name)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        errors.append(name)
        return None
    low, high = _NUMBERS[name]
    if not (low <= value <= high):  # also rejects NaN
        errors.append(name)
        return None
    return value


def baseline_assess(**answers: Any) -> tuple[tuple[int, ...], tuple[str, ...], int]:
    """Return the five scores, the five levels and the urgency rank for *answers*.

    :raises ValueError: naming every bad input.
    """
    errors = [name for name in answers if name not in _NUMBERS and name not in _YES_NO]
    errors = [n for n in errors if n not in {"exercise_intensity", "medications"}]
    yes: dict[str, bool | None] = {}
    for name in _YES_NO:
        value = answers.get(name)
        if value is not None and not isinstance(value, bool):
            errors.append(name)
            value = None
        yes[name] = value
    exercise = _number(answers, "exercise_minutes", errors)
    recovery = _number(answers, "recovery_hours", errors)
    sitting = _number(answers, "sitting_hours", errors)
    standing = _number(answers, "standing_hours", errors)
    fluid = _number(answers, "fluid_litres", errors)
    cramp = _number(answers, "cramp_minutes", errors)
    intensity = answers.get("exercise_intensity")
    if intensity is not None and intensity not in _INTENSITIES:
        errors.append("exercise_intensity")
    classes: set[str] = set()
    medications = answers.get("medications")
    if medications is not None:
        if isinstance(medications, (str, bytes)) or not isinstance(medications, (list, tuple)):
            errors.append("medications")
        else:
            for name in medications:
                if not isinstance(name, str):
                    errors.append("medications")
                    break
                key = " ".join(name.casefold().split())
                found = _MEDICATION_CLASS.get(key)
                if found is None:  # drop a trailing strength such as "40 mg"
                    words = key.split(" ")
                    for n in range(1, len(words)):
                        if words[n][:1].isdigit():
                            found = _MEDICATION_CLASS.get(" ".join(words[:n]))
                            break
                if found is not None:
                    classes.add(found)
    if errors:
        raise ValueError(errors)

    overuse = 0
    if exercise is not None:
        overuse += (exercise >= 60) + (exercise >= 90)
    if intensity == "vigorous":
        overuse += 1
    if yes["unaccustomed_exercise"]:
        overuse += 2
    fatigue = 0
    if yes["overtired"]:
        fatigue += 2
    if recovery is not None and recovery < 24:
        fatigue += 2
    if yes["poor_diet"]:
        fatigue += 1
    medication = 0
    if classes & _DIURETICS:
        medication += 3
    if "long-acting beta-agonist" in classes:
        medication += 3
    if "statin" in classes:
        medication += 1
    if yes["new_medication"]:
        medication += 2
    posture = 0
    if sitting is not None:
        posture += (sitting >= 2) + 2 * (sitting >= 4)
    if standing is not None:
        posture += (standing >= 2) + 2 * (standing >= 4)
    dehydration = 0
    if fluid is not None and fluid < 1.6:
        dehydration += 2
    if yes["hot_weather"]:
        dehydration += 1
    if yes["heavy_sweating"]:
        dehydration += 1
    if classes & _DIURETICS:
        dehydration += 1

    answered = (
        exercise is not None or intensity is not None or yes["unaccustomed_exercise"] is not None,
        yes["overtired"] is not None or recovery is not None or yes["poor_diet"] is not None,
        medications is not None or yes["new_medication"] is not None,
        sitting is not None or standing is not None,
        fluid is not None
        or yes["hot_weather"] is not None
        or yes["heavy_sweating"] is not None
        or medications is not None,
    )
    scores = (overuse, fatigue, medication, posture, dehydration)
    levels = tuple(
        "unknown"
        if not known
        else "likely"
        if score >= 3
        else "possible"
        if score >= 1
        else "unlikely"
        for score, known in zip(scores, answered, strict=True)
    )

    urgency = 0
    if yes["chest_pain_or_breathlessness"] or yes["dark_urine"]:
        urgency = 4
    elif yes["leg_swelling"] or (cramp is not None and cramp > 10):
        urgency = 3
    elif (
        yes["muscle_weakness"]
        or yes["numbness"]
        or yes["frequent_cramps"]
        or yes["persists_despite_self_care"]
        or yes["new_medication"]
    ):
        urgency = 2
    elif "likely" in levels or "possible" in levels:
        if all(yes[name] is not None for name in _RED_FLAG_INPUTS) and cramp is not None:
            urgency = 1
    elif "unknown" not in levels:
        urgency = 2
    return scores, levels, urgency
