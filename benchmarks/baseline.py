"""A hand-written baseline for ``legcramps.assess()``: what the fastest plain code would do.

It validates the same inputs with type tests and range checks, recognises medications
with one dict lookup, and computes the five scores, the levels and the urgency rank
with if-statements: the screening questions, the questions that apply only sometimes
and every red flag of the built-in knowledge written out by hand. It builds no result
objects, explains nothing and keeps no knowledge as data: it is the floor that the
data-driven engine is measured against, not a replacement for it.
"""

from __future__ import annotations

from typing import Any

from legcramps import _data

# name (case-folded) -> drug classes; built once, as the engine does.
_MEDICATION_CLASSES: dict[str, frozenset[str]] = {}
for _med in _data.MEDICATIONS:
    for _name in (_med.generic, *_med.brands, *_med.other_names):
        _MEDICATION_CLASSES[_name.casefold()] = frozenset(c.value for c in _med.classes)
_DIURETICS = frozenset(_data.DIURETICS)
_NUMBERS = {f.id: (f.minimum, f.maximum) for f in _data.FACTORS if f.kind.value == "number"}
_YES_NO = frozenset(f.id for f in _data.FACTORS if f.kind.value == "yes_no")
_CHOICES = {f.id: frozenset(f.choices) for f in _data.FACTORS if f.kind.value == "choice"}
_SCREENS = {f.id: f.members for f in _data.FACTORS if f.members}
_KNOWN = frozenset({*_NUMBERS, *_YES_NO, *_CHOICES, "medications"})
#: The yes/no inputs a red flag is raised by alone, by the rank of its urgency.
_ALONE = {
    4: (
        "chest_pain_or_breathlessness",
        "confusion_or_fainting",
        "skin_blotchy_or_rash",
        "sudden_one_sided_weakness",
        "cauda_equina_signs",
        "sudden_severe_leg_pain",
        "heat_exhaustion_not_better",
        "dark_urine",
        "wound_with_stiffness",
    ),
    3: (
        "leg_swelling",
        "one_leg_pain_or_tenderness",
        "leg_cold_pale_or_blue",
        "leg_pain_at_rest",
        "pain_worse_than_expected",
        "vomiting_or_diarrhoea",
        "severe_dehydration_signs",
        "muscle_weakness",
        "numbness",
        "cramps_elsewhere",
        "muscle_twitching",
        "tingling_around_mouth_or_fingers",
        "palpitations",
        "recent_wound",
        "coughing_up_blood",
        "toxin_exposure",
        "high_body_temperature",
        "very_high_temperature",
    ),
    2: (
        "both_legs_swollen",
        "pain_on_walking_eased_by_rest",
        "muscle_wasting",
        "kidney_disease_or_dialysis",
        "liver_disease",
        "diabetes",
        "thyroid_disease",
        "heavy_alcohol_use",
        "frequent_cramps",
        "persists_despite_self_care",
        "very_painful",
    ),
}
#: The urgency rank a "yes" to a screening question sets while its members are open.
_SCREEN_RANK = {
    "emergency_signs": 4,
    "leg_signs": 3,
    "body_signs": 3,
    "leg_changes": 2,
    "cramp_pattern": 2,
}


_LEVEL_OF = {name: level for level, names in _ALONE.items() for name in names}


def _checked(answers: dict[str, Any]) -> tuple[dict[str, Any], set[str], bool]:
    """Return the known answers, the medications' drug classes, and if a name is unknown.

    :raises ValueError: naming every bad answer.
    """
    errors = [name for name in answers if name not in _KNOWN]
    known: dict[str, Any] = {}
    classes: set[str] = set()
    unrecognized = False
    for name, value in answers.items():
        if value is None or name not in _KNOWN:
            continue
        if name in _YES_NO:
            ok = value is True or value is False
        elif name in _NUMBERS:
            low, high = _NUMBERS[name]
            ok = not isinstance(value, bool) and isinstance(value, (int, float))
            ok = ok and low <= value <= high  # also rejects NaN
        elif name in _CHOICES:
            ok = value in _CHOICES[name]
        else:
            ok = isinstance(value, (list, tuple)) and all(isinstance(n, str) for n in value)
            for medication in value if ok else ():
                key = " ".join(medication.casefold().split())
                found = _MEDICATION_CLASSES.get(key)
                if found is None:  # drop a trailing strength such as "40 mg"
                    for n, char in enumerate(key):
                        if char.isdigit():
                            found = _MEDICATION_CLASSES.get(key[:n].rstrip(" -"))
                            break
                if found is not None:
                    classes |= found
                else:
                    unrecognized = True
        if ok:
            known[name] = value
        else:
            errors.append(name)
    if errors:
        raise ValueError(errors)
    for screen, members in _SCREENS.items():
        if known.get(screen) is False:
            for member in members:
                known.setdefault(member, False)
    return known, classes, unrecognized


def _screen_rank(known: dict[str, Any], applies: dict[str, bool]) -> int:
    """Return the rank a "yes" to a screen sets while none of its members is yes or all no."""
    rank = 0
    for screen, screen_rank in _SCREEN_RANK.items():
        if known.get(screen) is True:
            answers = [known.get(m) if applies.get(m, True) else False for m in _SCREENS[screen]]
            if True not in answers and None in answers:
                rank = max(rank, screen_rank)
    return rank


def baseline_assess(**answers: Any) -> tuple[tuple[int, ...], tuple[str, ...], int]:
    """Return the five scores, the five levels and the urgency rank for *answers*.

    :raises ValueError: naming every bad input.
    """
    known, classes, unrecognized = _checked(answers)
    get = known.get
    exercise = get("exercise_minutes")
    exercised = None if exercise is None else exercise > 0
    overuse = 0
    if exercise is not None:
        overuse += (exercise >= 60) + (exercise >= 90)
    if exercised is not False:  # intensity and unaccustomed exercise apply only then
        overuse += get("exercise_intensity") == "vigorous"
        overuse += 2 * (get("unaccustomed_exercise") is True)
    recovery = get("recovery_hours")
    fatigue = 2 * (get("overtired") is True) + (get("poor_diet") is True)
    if recovery is not None and recovery < 24:
        fatigue += 2
    medications = get("medications")
    diuretic = bool(classes & _DIURETICS)
    medication = 3 * diuretic + 3 * ("long-acting beta-agonist" in classes)
    medication += ("statin" in classes) + ("other medicine linked to cramps" in classes)
    medication += 2 * (get("new_medication") is True)
    sitting, standing = get("sitting_hours"), get("standing_hours")
    posture = 0
    if sitting is not None:
        posture += (sitting >= 2) + 2 * (sitting >= 4)
    if standing is not None:
        posture += (standing >= 2) + 2 * (standing >= 4)
    fluid = get("fluid_litres")
    dehydration = (get("hot_weather") is True) + (get("heavy_sweating") is True) + diuretic
    dehydration += 2 * (get("vomiting_or_diarrhoea") is True)
    if fluid is not None and fluid < 1.6:
        dehydration += 2

    # A list with a name not recognised answers a cause only through a sign it raised.
    medication_says = medications is not None and not unrecognized
    answered = (
        exercise is not None
        or get("exercise_intensity") is not None
        or get("unaccustomed_exercise") is not None,
        get("overtired") is not None or recovery is not None or get("poor_diet") is not None,
        medication_says or medication > 0 or get("new_medication") is not None,
        sitting is not None or standing is not None,
        fluid is not None
        or get("hot_weather") is not None
        or get("heavy_sweating") is not None
        or get("vomiting_or_diarrhoea") is not None
        or medication_says
        or diuretic,
    )
    scores = (overuse, fatigue, medication, posture, dehydration)
    levels = tuple(
        "unknown"
        if not was_answered
        else "likely"
        if score >= 3
        else "possible"
        if score >= 1
        else "unlikely"
        for score, was_answered in zip(scores, answered, strict=True)
    )

    heat = get("hot_weather")
    sweat = get("heavy_sweating")
    injured = get("recent_leg_injury")
    recent_workout = None if recovery is None else recovery < 96
    worse_applies = not (
        exercised is False and recent_workout is False and heat is False and injured is False
    )
    exhaustion_applies = not (exercised is False and heat is False and sweat is False)
    applies = {
        "pain_worse_than_expected": worse_applies,
        "heat_exhaustion_not_better": exhaustion_applies,
    }
    rank = max(
        (_LEVEL_OF[name] for name in _LEVEL_OF if get(name) is True and applies.get(name, True)),
        default=0,
    )
    rank = max(rank, _screen_rank(known, applies))
    weak = get("numbness") is True or get("muscle_weakness") is True
    clot = get("leg_swelling") is True or get("one_leg_pain_or_tenderness") is True
    cold, sudden = get("leg_cold_pale_or_blue") is True, get("sudden_severe_leg_pain") is True
    rest = get("leg_pain_at_rest") is True
    intensity = get("exercise_intensity") if exercised is not False else None
    hard = (
        (exercise or 0) >= 60
        or intensity == "vigorous"
        or ((exercise or 0) >= 30 and intensity == "moderate")
    )
    if (cold and (sudden or weak or rest)) or ((sudden or rest) and weak):
        rank = 4
    if get("very_high_temperature") is True and (heat is True or hard):
        rank = 4
    if clot and (get("palpitations") is True or get("coughing_up_blood") is True):
        rank = 4
    if (
        worse_applies
        and get("pain_worse_than_expected") is True
        and (
            get("muscle_weakness") is True or get("leg_swelling") is True or get("numbness") is True
        )
    ):
        rank = 4
    if get("recent_wound") is True and get("palpitations") is True:
        rank = 4
    pregnant = get("pregnant_or_postpartum") is True and get("sex") != "male"
    if rank < 3:
        hearts = any(
            get(n) is True
            for n in (
                "heart_failure_or_fluid_restriction",
                "heart_disease",
                "low_sodium_diet",
                "kidney_disease_or_dialysis",
            )
        )
        if (
            (hearts and (heat is True or sweat is True))
            or (diuretic and (sweat is True or heat is True or (fluid is not None and fluid < 1.6)))
            or (get("cramp_minutes") or 0) > 10
            or (pregnant and get("both_legs_swollen") is True)
        ):
            rank = 3
    linked = diuretic or bool(classes & {"statin", "other medicine linked to cramps"})
    floor = 2 if get("new_medication") is True or linked else 0
    if rank or floor:
        return scores, levels, max(rank, floor)
    # Self-care only when nothing that could raise the urgency is open.
    open_inputs = [
        n for names in _ALONE.values() for n in names if get(n) is None and applies.get(n, True)
    ]
    settled = (
        not open_inputs
        and get("cramp_minutes") is not None
        and get("new_medication") is not None
        and medications is not None
        and not (
            get("both_legs_swollen") is True
            and get("pregnant_or_postpartum") is None
            and get("sex") != "male"
        )
    )
    if "likely" in levels or "possible" in levels:
        return scores, levels, 0 if settled else 1
    return scores, levels, 1 if "unknown" in levels else 2
