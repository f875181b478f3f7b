"""Example people, and an interview played through the library's public API for each.

The docs show how many questions each one takes to reach a determined result, and
``tests/test_interview.py`` holds the library to its targets with them: a person with
no warning sign is determined within 20 questions; a person with chest pain reaches
an emergency on the first or second.

>>> play(PROFILES["chest pain"].answers).questions
1
"""

from __future__ import annotations

from typing import Any

import attrs

import legcramps
from legcramps import FactorKind, RiskFactor, Urgency


@attrs.frozen
class Profile:
    """An example person: what they would answer, and whether they have a warning sign."""

    story: str
    answers: dict[str, Any]
    warning_sign: bool = False


@attrs.frozen
class Interview:
    """How an interview went: the questions asked, and the result it ended with."""

    questions: int
    urgency: Urgency
    asked: tuple[str, ...]


#: The documented example people. A question a person's answers leave out is answered
#: the way most people would: no, none, or the least; but 2 litres to drink (see USUAL).
PROFILES = {
    "long run in the heat": Profile(
        "A two-hour vigorous run on a hot day, sweating, little to drink.",
        {
            "exercise_minutes": 120,
            "exercise_intensity": "vigorous",
            "unaccustomed_exercise": True,
            "fluid_litres": 1.0,
            "hot_weather": True,
            "heavy_sweating": True,
        },
    ),
    "conference day": Profile(
        "Eight hours sitting at a conference, no exercise.",
        {"sitting_hours": 8, "exercise_minutes": 0},
    ),
    "theme park queue": Profile(
        "Standing in line for five hours on a warm day.",
        {"standing_hours": 5, "hot_weather": True},
    ),
    "new diuretic": Profile(
        "Started furosemide last month; cramps since.",
        {"medications": ["Lasix 40 mg"], "new_medication": True},
    ),
    "inhaler": Profile(
        "Uses a Symbicort inhaler every day.",
        {"medications": ["Symbicort Turbohaler"]},
    ),
    "overtired": Profile(
        "Sleeping badly, back at the gym after twelve hours.",
        {"overtired": True, "recovery_hours": 12, "exercise_minutes": 45},
    ),
    "no obvious cause": Profile("Nothing in the answers explains the cramps.", {}),
    "chest pain": Profile(
        "Calf cramps, and now chest pain.",
        {"chest_pain_or_breathlessness": True},
        warning_sign=True,
    ),
    "cold pale leg": Profile(
        "A sudden severe pain in a leg that has gone cold and pale.",
        {"leg_cold_pale_or_blue": True, "sudden_severe_leg_pain": True},
        warning_sign=True,
    ),
    "one painful calf": Profile(
        "A throbbing, tender calf on one side, six weeks after giving birth.",
        {"one_leg_pain_or_tenderness": True, "sex": "female", "pregnant_or_postpartum": True},
        warning_sign=True,
    ),
    "heat and heart failure": Profile(
        "Cramps on a hot day, in someone with heart failure.",
        {"hot_weather": True, "heart_failure_or_fluid_restriction": True},
        warning_sign=True,
    ),
    "vomiting": Profile(
        "Cramps after a day of vomiting and diarrhoea.",
        {"vomiting_or_diarrhoea": True},
        warning_sign=True,
    ),
}


#: The usual answers that are not the least: drinking nothing at all is not usual.
USUAL: dict[str, Any] = {"fluid_litres": 2.0}


def _usual(factor: RiskFactor) -> Any:
    """Return what most people would answer to *factor*: no, none, the least, or USUAL's."""
    if factor.id in USUAL:
        return USUAL[factor.id]
    if factor.kind is FactorKind.YES_NO:
        return False
    if factor.kind is FactorKind.CHOICE:
        return factor.choices[0]
    if factor.kind is FactorKind.MEDICATIONS:
        return []
    return factor.minimum


def play(answers: dict[str, Any], *, to_the_end: bool = False) -> Interview:
    """Ask the next question until the result is determined; answer from *answers*.

    Determined means that the urgency is not undetermined, and that no question still
    open could raise it (``may_rise_to`` is ``None``).

    With *to_the_end*, go on until no question is left. A screening question is
    answered yes if any of its members is yes in *answers*. Only public API:
    ``assess()``, ``next_questions`` and the factors' ``members``.
    """
    given: dict[str, Any] = {}
    asked: list[str] = []
    while True:
        a = legcramps.assess(given)
        # Determined: the urgency is known, and no open question could raise it.
        determined = a.urgency is not Urgency.UNDETERMINED and a.may_rise_to is None
        if (determined and not to_the_end) or not a.next_questions:
            return Interview(len(asked), a.urgency, tuple(asked))
        question = a.next_questions[0]
        if question.members:
            value: Any = any(answers.get(m) is True for m in question.members)
        else:
            value = answers.get(question.id, _usual(question))
        given[question.id] = value
        asked.append(question.id)
