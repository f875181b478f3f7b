"""An interview played through the library stays short: the targets of the knowledge's design.

Each example person (``docs/_ext/legcramps_profiles.py``) answers the next question
until the result is determined, as an app or chatbot would.
"""

from __future__ import annotations

import pytest
from legcramps_profiles import PROFILES, play

from legcramps import Urgency

CALM = [name for name, p in PROFILES.items() if not p.warning_sign]
WARNED = [name for name, p in PROFILES.items() if p.warning_sign]


@pytest.mark.parametrize("name", CALM)
def test_a_person_with_no_warning_sign_is_determined_within_20_questions(name: str) -> None:
    interview = play(PROFILES[name].answers)
    assert interview.urgency is not Urgency.UNDETERMINED
    assert interview.questions <= 20


@pytest.mark.parametrize("name", WARNED)
def test_a_person_with_a_warning_sign_is_not_sent_to_self_care(name: str) -> None:
    interview = play(PROFILES[name].answers)
    assert interview.urgency > Urgency.SELF_CARE
    assert interview.urgency is not Urgency.UNDETERMINED


def test_chest_pain_reaches_an_emergency_on_the_first_or_second_question() -> None:
    interview = play(PROFILES["chest pain"].answers)
    assert Urgency.EMERGENCY == interview.urgency
    assert interview.questions <= 2


def test_the_first_question_screens_for_the_emergency_signs() -> None:
    assert "emergency_signs" == play({}).asked[0]


def test_a_medication_list_is_asked_before_a_new_medication() -> None:
    asked = play(PROFILES["new diuretic"].answers, to_the_end=True).asked
    assert asked.index("medications") < asked.index("new_medication")


def test_exercise_follow_ups_are_not_asked_after_no_exercise() -> None:
    asked = play(PROFILES["conference day"].answers, to_the_end=True).asked
    assert "exercise_minutes" in asked
    assert "exercise_intensity" not in asked
    assert "unaccustomed_exercise" not in asked


def test_exercise_follow_ups_are_asked_after_exercise() -> None:
    asked = play(PROFILES["long run in the heat"].answers, to_the_end=True).asked
    assert asked.index("exercise_minutes") < asked.index("exercise_intensity")


def test_playing_to_the_end_leaves_no_question() -> None:
    interview = play({}, to_the_end=True)
    assert 20 < interview.questions
