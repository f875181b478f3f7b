"""Clinical vignettes: short patient stories, each turned into answers to ``assess``.

Every story names the public source it rests on (the sources of ``legcramps.KNOWLEDGE``,
each with the address it was read at). A story the library does not yet handle as its
source says is marked ``xfail(strict=True)`` with the reason, so that it fails the day
the knowledge is fixed and the mark comes off; none is marked today.

The stories start from one person, :data:`WELL`: an adult who ran a long, hard, new
session and had an ordinary 3-minute calf cramp, and who answers every warning-sign
question "no". Each story changes only what it is about.
"""

from __future__ import annotations

from typing import Any

import pytest

import legcramps
from legcramps import KNOWLEDGE, Assessment, Level, Urgency

#: A fit 40-year-old woman after an unaccustomed 2-hour vigorous run: every screening
#: question, and every other input that could raise the urgency, answered "no".
WELL: dict[str, Any] = {
    "emergency_signs": False,
    "leg_signs": False,
    "leg_changes": False,
    "body_signs": False,
    "health_conditions": False,
    "cramp_pattern": False,
    "clot_risks": False,
    "medications": [],
    "new_medication": False,
    "cramp_minutes": 3,
    "exercise_minutes": 120,
    "exercise_intensity": "vigorous",
    "unaccustomed_exercise": True,
    "overtired": False,
    "recovery_hours": 48,
    "poor_diet": False,
    "sitting_hours": 0,
    "standing_hours": 0,
    "fluid_litres": 2,
    "hot_weather": False,
    "heavy_sweating": False,
    "recent_leg_injury": False,
    "age_years": 40,
    "sex": "female",
}

#: Someone who did not exercise, and whose cramp came after feeling overtired.
RESTING: dict[str, Any] = {
    "exercise_minutes": 0,
    "exercise_intensity": None,
    "unaccustomed_exercise": None,
    "recovery_hours": 240,
    "overtired": True,
}

OVERUSE_STRETCH = KNOWLEDGE.cause("overuse").advice[1]
HEAT_CRAMP_ADVICE = KNOWLEDGE.cause("dehydration").advice[0]
DRINK_THROUGH_THE_DAY = KNOWLEDGE.cause("dehydration").advice[1]
DRINK_WHEN_TIRED = KNOWLEDGE.cause("fatigue").advice[2]
ASK_HOW_MUCH_TO_DRINK = KNOWLEDGE.advice_rules[0].advice


def screen(screen_id: str, **members: bool | None) -> dict[str, Any]:
    """Return a screening question answered yes, its *members* as given, the rest no.

    A member given as ``None`` is left unanswered.
    """
    answers: dict[str, Any] = dict.fromkeys(KNOWLEDGE.factor(screen_id).members, False)
    answers.update(members)
    answers[screen_id] = True
    return answers


def story(*parts: dict[str, Any], **answers: Any) -> Assessment:
    """Assess :data:`WELL`, changed by *parts* and *answers* (``None``: not answered)."""
    merged = dict(WELL)
    for part in parts:
        merged.update(part)
    merged.update(answers)
    return legcramps.assess(**merged)


def flag_ids(result: Assessment) -> tuple[str, ...]:
    """Return the ids of the raised red flags."""
    return tuple(flag.id for flag in result.red_flags)


def raised(result: Assessment, flag_id: str) -> legcramps.RaisedFlag:
    """Return the raised red flag *flag_id* (the test fails if it is not raised)."""
    found = [flag for flag in result.red_flags if flag.id == flag_id]
    assert [flag_id] == [flag.id for flag in found]
    return found[0]


def asked(result: Assessment) -> tuple[str, ...]:
    """Return the ids of the next questions."""
    return tuple(q.id for q in result.next_questions)


# --- The baseline ------------------------------------------------------------------------


def test_runner_with_an_ordinary_cramp_gets_self_care() -> None:
    """A runner with a short calf cramp after a new, hard 2-hour session and no warning sign
    gets self-care (NHS Leg cramps, doctoori copy: most cramps go away; stretch and massage)."""
    assert Urgency.SELF_CARE == story().urgency


def test_self_care_says_what_to_do_if_it_gets_worse() -> None:
    """The same runner is told what to do if it gets worse, naming the warning signs
    (issue 11; NHS inform Leg cramps names the signs that need an urgent GP)."""
    assert KNOWLEDGE.worsening_advice in story().advice


# --- Emergency: chest pain or breathlessness -------------------------------------------


def test_breathless_after_a_long_flight_is_an_emergency() -> None:
    """A woman with a swollen calf after a 7-hour flight is now short of breath: possible
    pulmonary embolism (NHS Pulmonary embolism, AXA Health copy: call 999 or go to A&E)."""
    result = story(
        screen("emergency_signs", chest_pain_or_breathlessness=True),
        screen("leg_signs", leg_swelling=True),
        sitting_hours=7,
    )
    assert Urgency.EMERGENCY == result.urgency


def test_breathlessness_names_the_long_journey_as_a_clot_risk() -> None:
    """The same woman is told that the 7-hour journey makes a clot more likely (NHS DVT risk
    list, trustedhealth copy: a journey of more than 3 hours)."""
    result = story(
        screen("emergency_signs", chest_pain_or_breathlessness=True),
        sitting_hours=7,
    )
    flag = raised(result, "pulmonary_embolism")
    assert "sitting for more than 3 hours, as on a long journey" in flag.risk_factors


def test_chest_pain_reaches_emergency_on_the_second_question() -> None:
    """A man with cramps and chest pain starts the interview: the first question screens for
    emergencies and the second asks about chest pain, so he is sent to the emergency number
    after two answers (issue 11's interview target; NHS Pulmonary embolism)."""
    answers: dict[str, Any] = {}
    order = []
    for _ in range(2):
        question = legcramps.assess(**answers).next_questions[0].id
        order.append(question)
        answers[question] = True
    assert ["emergency_signs", "chest_pain_or_breathlessness"] == order
    assert Urgency.EMERGENCY == legcramps.assess(**answers).urgency


# --- Emergency: acute limb ischaemia ----------------------------------------------------


def test_cold_leg_with_sudden_severe_pain_is_acute_limb_ischaemia() -> None:
    """A 70-year-old's leg suddenly becomes very painful and cold and white: acute limb
    ischaemia, a medical emergency (Health New Zealand, Acute limb ischaemia)."""
    result = story(
        screen("emergency_signs", leg_cold_pale_or_blue=True, sudden_severe_leg_pain=True),
        age_years=70,
    )
    assert Urgency.EMERGENCY == raised(result, "acute_limb_ischaemia").urgency


def test_acute_limb_ischaemia_says_call_the_emergency_number_now() -> None:
    """The same leg's time frame is now, by the emergency number (Health New Zealand: go to
    an emergency department or call for an ambulance)."""
    result = story(
        screen("emergency_signs", leg_cold_pale_or_blue=True, sudden_severe_leg_pain=True)
    )
    assert raised(result, "acute_limb_ischaemia").time_frame.startswith("now:")


def test_cold_blue_leg_with_numbness_is_an_emergency() -> None:
    """A woman's foot is blue and cold and has gone numb (pins and needles), without a sudden
    pain: two of the 6 Ps (RCEM, The 6 Ps; Pulse: you do not need all six)."""
    result = story(
        screen("leg_signs", leg_cold_pale_or_blue=True, numbness=True),
    )
    assert "acute_limb_ischaemia" in flag_ids(result)


def test_cold_pale_leg_that_is_weak_is_an_emergency() -> None:
    """A man's leg is pale and cold and he can hardly move it: paralysis is a sign of
    advanced ischaemia (RCEM, The 6 Ps; NHS South Devon formulary, in clinical.md)."""
    result = story(
        screen("leg_signs", leg_cold_pale_or_blue=True, muscle_weakness=True),
    )
    assert Urgency.EMERGENCY == result.urgency


def test_cold_leg_on_its_own_is_urgent() -> None:
    """A woman notices one foot is cold and pale, with no sudden pain, numbness or weakness:
    see a doctor urgently, the same day (NHS, Symptoms of peripheral arterial disease, older
    page)."""
    result = story(screen("leg_signs", leg_cold_pale_or_blue=True))
    assert Urgency.URGENT == raised(result, "poor_blood_flow").urgency


def test_sudden_severe_pain_on_its_own_is_an_emergency() -> None:
    """A man's calf pain came on suddenly and severely and stays, the leg warm and
    normal-coloured: the NHS says see a doctor urgently for peripheral arterial disease, but
    999 for sudden, severe pain anywhere (NHS Compartment syndrome, Not In Line copy); the
    result takes the more urgent."""
    result = story(screen("leg_signs", sudden_severe_leg_pain=True))
    assert (result.urgency, "compartment_syndrome" in flag_ids(result)) == (
        Urgency.EMERGENCY,
        True,
    )


def test_cold_leg_with_the_sudden_pain_question_open_asks_it() -> None:
    """A woman says her foot is cold and pale but skips the sudden-pain question: it could make
    this an emergency, so it is still asked (unknown is never "no"; Health New Zealand)."""
    result = story(screen("leg_signs", leg_cold_pale_or_blue=True, sudden_severe_leg_pain=None))
    assert "sudden_severe_leg_pain" in asked(result)


def test_cold_leg_with_the_sudden_pain_question_open_warns() -> None:
    """The same woman is warned that the result may be more urgent than it shows."""
    result = story(screen("leg_signs", leg_cold_pale_or_blue=True, sudden_severe_leg_pain=None))
    assert KNOWLEDGE.unanswered_red_flags_advice in result.advice


def test_sudden_severe_pain_with_numbness_is_an_emergency() -> None:
    """A 75-year-old with atrial fibrillation gets a sudden, severe calf pain and the foot goes
    numb; she has not noticed its colour: two of the 6 Ps (Pulse, Critical ischaemia of the
    foot/leg; Health New Zealand)."""
    result = story(
        screen("leg_signs", sudden_severe_leg_pain=True, numbness=True),
        age_years=75,
    )
    assert Urgency.EMERGENCY == result.urgency


def test_sudden_severe_pain_with_a_weak_leg_is_an_emergency() -> None:
    """A man's leg suddenly becomes very painful and he cannot lift the foot: pain and
    paralysis (RCEM, The 6 Ps; Health New Zealand, Acute limb ischaemia)."""
    result = story(
        screen("leg_signs", sudden_severe_leg_pain=True, muscle_weakness=True),
    )
    assert Urgency.EMERGENCY == result.urgency


# --- Emergency: heat stroke, collapse -----------------------------------------------------


def test_confused_after_a_hot_run_is_an_emergency() -> None:
    """A runner cramps in the heat and is now confused: heat stroke (CDC/NIOSH, Heat related
    illness: call 911; Public Health Wales, Heat exhaustion and heatstroke: call 999)."""
    result = story(
        screen("emergency_signs", confusion_or_fainting=True),
        hot_weather=True,
        heavy_sweating=True,
    )
    assert Urgency.EMERGENCY == raised(result, "heat_stroke_or_collapse").urgency


def test_fainting_with_cramps_is_an_emergency_even_without_heat() -> None:
    """A woman fainted after a night cramp on a cool day: passing out is an emergency whatever
    its cause (NHS Pulmonary embolism, AXA copy: call 999 if someone has passed out)."""
    result = story(
        screen("emergency_signs", confusion_or_fainting=True),
        **RESTING,
    )
    assert Urgency.EMERGENCY == result.urgency


def test_blotchy_skin_with_a_fever_and_aching_legs_is_sepsis() -> None:
    """A man with a fever and aching, cramping legs has blotchy, pale skin: sepsis (NHS
    Symptoms of sepsis, Elispot copy: blue, grey, pale or blotchy skin, call 999)."""
    result = story(
        screen("emergency_signs", skin_blotchy_or_rash=True),
        screen("body_signs", high_body_temperature=True),
        **RESTING,
    )
    assert Urgency.EMERGENCY == raised(result, "sepsis_signs").urgency


def test_a_no_to_the_emergency_screen_answers_the_skin_question() -> None:
    """The emergency screen names blotchy skin and a rash that does not fade, so its "no"
    answers that question too: it is not asked again, and does not keep the result from
    self-care (NHS Symptoms of sepsis)."""
    result = story()
    assert ("skin_blotchy_or_rash" in asked(result), result.urgency) == (False, Urgency.SELF_CARE)


def test_sudden_weakness_of_one_arm_and_leg_is_a_stroke() -> None:
    """A 71-year-old with a heart problem wakes from a night cramp and his left arm and leg
    are suddenly weak: a stroke (BCUHB, Signs of stroke: phone 999 immediately)."""
    result = story(
        screen("emergency_signs", sudden_one_sided_weakness=True),
        screen("leg_signs", muscle_weakness=True, numbness=True),
        screen("health_conditions", heart_disease=True),
        age_years=71,
        **RESTING,
    )
    assert Urgency.EMERGENCY == raised(result, "stroke_signs").urgency


def test_both_legs_numb_and_getting_worse_is_cauda_equina() -> None:
    """A man with sciatica has both legs going numb and weaker by the day: possible cauda
    equina syndrome (NHS 111 Wales, Sciatica: go to A&E or call 999)."""
    result = story(
        screen("emergency_signs", cauda_equina_signs=True),
        screen("leg_signs", numbness=True),
        **RESTING,
    )
    assert Urgency.EMERGENCY == raised(result, "cauda_equina").urgency


def test_leg_numbness_without_the_spine_signs_stays_same_day() -> None:
    """Numbness in one leg, with every emergency sign answered "no", is seen the same day,
    not an emergency (Merck Manual, Muscle cramps: see a doctor right away)."""
    result = story(screen("leg_signs", numbness=True), **RESTING)
    assert Urgency.URGENT == result.urgency


def test_very_high_temperature_in_hot_weather_is_heat_stroke() -> None:
    """A farm worker cramping on a hot day has hot, dry skin and a temperature of 40 degrees C:
    heat stroke until shown otherwise (Public Health Wales: call 999 for a very high
    temperature or hot skin that is not sweating; CDC: 103 F or higher)."""
    result = story(
        screen("body_signs", very_high_temperature=True),
        hot_weather=True,
    )
    assert "heat_stroke_or_collapse" in flag_ids(result)


def test_a_high_temperature_in_the_heat_is_urgent_and_says_cool_down() -> None:
    """A woman feels hot and shivery after gardening in the heat, 38.2 degrees C: heat
    exhaustion or a fever, same day, cooling down now (Public Health Wales: a high
    temperature is a sign of heat exhaustion; call 999 if not better after 30 minutes)."""
    result = story(screen("body_signs", high_body_temperature=True), hot_weather=True)
    assert Urgency.URGENT == result.urgency
    assert any("cool down now" in advice for advice in result.advice)


@pytest.mark.parametrize(
    ("minutes", "intensity", "heat_stroke"),
    [(45, "moderate", True), (60, "light", True), (5, "vigorous", True), (45, "light", False),
     (20, "moderate", False), (10, "light", False)],
)  # fmt: skip
def test_a_very_high_temperature_after_enough_exertion_is_heat_stroke(
    minutes: int, intensity: str, *, heat_stroke: bool
) -> None:
    """Hot, dry skin or 39.4 degrees C or more on a mild day is heat stroke after an hour of
    exercise, vigorous effort, or half an hour of moderate effort, such as a 45-minute run
    (Public Health Wales, Heat exhaustion and heatstroke: call 999), and an illness to be seen
    the same day after less (expert opinion on how much exertion counts)."""
    result = story(
        screen("body_signs", very_high_temperature=True, high_body_temperature=True),
        exercise_minutes=minutes,
        exercise_intensity=intensity,
        hot_weather=False,
    )
    assert ("heat_stroke_or_collapse" in flag_ids(result)) is heat_stroke


def test_a_fever_after_a_short_walk_is_not_heat_stroke() -> None:
    """A man with a fever of 38.5 degrees C took a 10-minute stroll on a cool day: not heat
    stroke, but an illness to be seen the same day (review O3; CDC: heat stroke at 103 F)."""
    result = story(
        screen("body_signs", high_body_temperature=True),
        exercise_minutes=10,
        exercise_intensity="light",
    )
    assert "heat_stroke_or_collapse" not in flag_ids(result)
    assert Urgency.URGENT == result.urgency


def test_high_temperature_on_a_cool_day_is_urgent() -> None:
    """A man with cramps and a fever on a cool day, not in the heat: an infection or illness to
    be seen the same day (CDC/NIOSH lists high temperature under heat illness; the urgency is
    the library's judgement)."""
    result = story(screen("body_signs", high_body_temperature=True), **RESTING)
    assert Urgency.URGENT == raised(result, "high_temperature").urgency


def test_high_temperature_after_a_hard_race_on_a_cool_day_is_an_emergency() -> None:
    """A marathon runner on a mild day, sweating heavily after a vigorous race, has a very high
    temperature and cramps: exertional heat stroke (CDC/NIOSH, Heat related illness)."""
    result = story(
        screen("body_signs", very_high_temperature=True),
        heavy_sweating=True,
        hot_weather=False,
    )
    assert Urgency.EMERGENCY == result.urgency


# --- Emergency: dark urine, tetanus ---------------------------------------------------------


def test_dark_urine_after_a_boot_camp_is_an_emergency() -> None:
    """A man's urine is cola-coloured the day after his first boot camp: rhabdomyolysis (CDC/
    NIOSH update, 21 August 2018: tea- or cola-coloured urine)."""
    result = story(screen("emergency_signs", dark_urine=True))
    assert Urgency.EMERGENCY == raised(result, "rhabdomyolysis").urgency


def test_stiff_jaw_after_a_garden_cut_is_tetanus() -> None:
    """A gardener cut her shin on a rusty fork two weeks ago and now has a stiff jaw and
    cramps: tetanus (NHS Tetanus, Travel Clinic Glasgow copy: go to A&E or call 999)."""
    result = story(screen("emergency_signs", wound_with_stiffness=True))
    assert Urgency.EMERGENCY == raised(result, "tetanus").urgency


def test_cramps_after_a_dirty_leg_wound_are_urgent() -> None:
    """A gardener cut her calf on a muddy spade three days ago and now has cramps, no stiffness
    yet: ask for an urgent appointment (NHS Leg cramps, doctoori copy)."""
    result = story(recent_wound=True)
    assert Urgency.URGENT == result.urgency


# --- The emergency result says only what to do now ---------------------------------------


def test_emergency_for_a_new_statin_with_dark_urine_has_no_self_care_tips() -> None:
    """A man who started a statin a month ago has cramps and dark urine after the gym: the
    result says get help now, with no stretching tips (issue 11; CDC/NIOSH Rhabdomyolysis)."""
    result = story(
        screen("emergency_signs", dark_urine=True),
        medications=["atorvastatin 40 mg"],
        new_medication=True,
    )
    assert OVERUSE_STRETCH not in result.advice


def test_emergency_for_a_new_statin_with_dark_urine_says_nothing_of_days() -> None:
    """The same man is not told to see a doctor within 1 to 2 days, nor to keep taking the
    statin (issue 11: an emergency drops advice for slower paths)."""
    result = story(
        screen("emergency_signs", dark_urine=True),
        medications=["atorvastatin 40 mg"],
        new_medication=True,
    )
    assert [] == [a for a in result.advice if "1 to 2 days" in a or "keep taking" in a.lower()]


def test_emergency_has_no_if_it_gets_worse_advice() -> None:
    """The same man is not told what to do "if it gets worse": it already is an emergency
    (issue 11)."""
    result = story(screen("emergency_signs", dark_urine=True))
    assert KNOWLEDGE.worsening_advice not in result.advice


def test_emergency_with_claudication_says_nothing_of_1_to_2_days() -> None:
    """A smoker with known pain on walking that eases with rest has dark urine after a hot day's
    work: the result is an emergency and must not also say "within 1 to 2 days" (CDC/NIOSH
    Rhabdomyolysis; Merck Muscle cramps)."""
    result = story(
        screen("emergency_signs", dark_urine=True),
        screen("leg_changes", pain_on_walking_eased_by_rest=True),
    )
    assert [] == [a for a in result.advice if "1 to 2 days" in a]


def test_heat_stroke_result_does_not_also_say_get_advice_today() -> None:
    """A worker with a very high temperature on a hot day has heat stroke: every piece of
    advice is about getting help now, none says "today" (CDC/NIOSH: call 911; Public Health
    Wales)."""
    result = story(screen("body_signs", very_high_temperature=True), hot_weather=True)
    assert [] == [a for a in result.advice if "today" in a]


# --- Urgent: deep vein thrombosis -------------------------------------------------------------


def test_throbbing_pain_in_one_calf_without_swelling_is_urgent() -> None:
    """A woman has a throbbing, tender pain in one calf between cramps, without swelling: it
    can be the first sign of a DVT (UCLH NHS, Deep vein thrombosis; NHS DVT, BritBrief copy:
    urgent GP appointment or NHS 111)."""
    result = story(screen("leg_signs", one_leg_pain_or_tenderness=True))
    assert Urgency.URGENT == raised(result, "deep_vein_thrombosis").urgency


def test_dvt_time_frame_is_an_urgent_appointment_today() -> None:
    """The same woman is told to get an urgent appointment or call the urgent advice line today
    (NHS DVT, BritBrief copy: ask for an urgent GP appointment or get help from NHS 111)."""
    result = story(screen("leg_signs", one_leg_pain_or_tenderness=True))
    assert "urgent appointment" in raised(result, "deep_vein_thrombosis").time_frame


def test_dvt_names_a_recent_birth() -> None:
    """Four weeks after giving birth, a woman's calf is sore and red: the DVT flag names the
    recent birth (NHS DVT risk list: had a baby in the previous 6 weeks; HSE Leg cramps during
    pregnancy: urgent GP if your leg is red and swollen)."""
    result = story(
        screen("leg_signs", leg_swelling=True),
        screen("clot_risks", pregnant_or_postpartum=True),
    )
    flag = raised(result, "deep_vein_thrombosis")
    assert "pregnancy, or a birth in the last 6 weeks" in flag.risk_factors


def test_dvt_names_recent_surgery() -> None:
    """Three weeks after a knee operation, a man's calf aches and is tender: the flag names the
    operation (NHS DVT risk list: recently left hospital, like after an operation)."""
    result = story(
        screen("leg_signs", one_leg_pain_or_tenderness=True),
        screen("clot_risks", recent_surgery_or_immobilisation=True),
        sex="male",
    )
    flag = raised(result, "deep_vein_thrombosis")
    assert "surgery, a hospital stay or a leg in plaster in the last 12 weeks" in flag.risk_factors


def test_dvt_names_the_combined_pill() -> None:
    """A 25-year-old on the combined pill has a painful, tender calf: the flag names the pill
    (NHS DVT risk list: take the contraceptive pill or HRT)."""
    result = story(
        screen("leg_signs", one_leg_pain_or_tenderness=True),
        screen("clot_risks", estrogen_medicine=True),
        age_years=25,
    )
    assert "the combined pill or HRT" in raised(result, "deep_vein_thrombosis").risk_factors


def test_dvt_names_cancer() -> None:
    """A man having chemotherapy has a swollen, warm calf: the flag names the cancer (NHS DVT
    risk list: have cancer)."""
    result = story(
        screen("leg_signs", leg_swelling=True),
        screen("clot_risks", cancer=True),
        sex="male",
    )
    assert "cancer or its treatment" in raised(result, "deep_vein_thrombosis").risk_factors


def test_dvt_names_a_long_car_journey() -> None:
    """After a 5-hour drive, a woman's calf is tender on one side: the flag names the journey
    (NHS DVT risk list: a long journey, more than 3 hours, by plane, car or train)."""
    result = story(screen("leg_signs", one_leg_pain_or_tenderness=True), sitting_hours=5)
    flag = raised(result, "deep_vein_thrombosis")
    assert "sitting for more than 3 hours, as on a long journey" in flag.risk_factors


def test_dvt_does_not_name_a_journey_of_exactly_3_hours() -> None:
    """After a 3-hour train ride the journey is not named: the NHS says more than 3 hours (NHS
    DVT risk list, trustedhealth copy)."""
    result = story(screen("leg_signs", one_leg_pain_or_tenderness=True), sitting_hours=3)
    assert () == raised(result, "deep_vein_thrombosis").risk_factors


def test_dvt_names_raloxifene_as_estrogen_like() -> None:
    """A woman taking raloxifene for her bones has a tender calf: the flag names an
    estrogen-like medicine (issue 11; Allen & Kirby 2012 for raloxifene and cramps)."""
    result = story(
        screen("leg_signs", one_leg_pain_or_tenderness=True),
        medications=["raloxifene 60 mg"],
    )
    assert "an estrogen-like medicine" in raised(result, "deep_vein_thrombosis").risk_factors


def test_dvt_names_being_over_60() -> None:
    """A 72-year-old has a painful swollen calf: the flag names his age (NHS DVT risk list:
    are over 60)."""
    result = story(screen("leg_signs", leg_swelling=True), age_years=72, sex="male")
    assert "being over 60" in raised(result, "deep_vein_thrombosis").risk_factors


def test_dvt_in_a_man_does_not_name_pregnancy_though_the_form_said_yes() -> None:
    """A web form sends "pregnant: yes" for a man with a tender calf: the question does not
    apply to him, so the flag does not name it (issue 11: questions that apply only
    sometimes)."""
    result = story(
        screen("leg_signs", one_leg_pain_or_tenderness=True),
        clot_risks=None,
        pregnant_or_postpartum=True,
        sex="male",
    )
    assert () == raised(result, "deep_vein_thrombosis").risk_factors


def test_the_answer_that_does_not_apply_is_still_kept() -> None:
    """The same man's "pregnant: yes" is kept in the answers as given (issue 11: forms send
    every field)."""
    result = story(pregnant_or_postpartum=True, sex="male", clot_risks=None)
    assert True is result.answers["pregnant_or_postpartum"]


def test_swollen_calf_after_a_flight_with_a_racing_heart_is_an_emergency() -> None:
    """After a 9-hour flight a woman's calf is swollen and her heart is racing, though she has
    no chest pain: possible pulmonary embolism (NHS Pulmonary embolism, AXA Health copy)."""
    result = story(
        screen("leg_signs", leg_swelling=True),
        screen("body_signs", palpitations=True),
        sitting_hours=9,
    )
    assert Urgency.EMERGENCY == result.urgency


# --- Urgent: muscle damage ----------------------------------------------------------------------


def test_pain_far_worse_than_expected_after_a_workout_is_urgent() -> None:
    """After his first CrossFit class a man's thighs hurt far more than the effort explains:
    possible rhabdomyolysis (CDC/NIOSH update 2018: pain more severe than expected)."""
    result = story(screen("leg_signs", pain_worse_than_expected=True))
    assert Urgency.URGENT == raised(result, "muscle_damage").urgency


def test_pain_far_worse_than_expected_after_an_injury_is_urgent() -> None:
    """A woman who did no exercise bruised her calf in a fall, and the pain is far worse than
    the knock explains (CDC/NIOSH update 2018; the question applies after an injury)."""
    result = story(
        screen("leg_signs", pain_worse_than_expected=True),
        RESTING,
        recent_leg_injury=True,
    )
    assert Urgency.URGENT == raised(result, "muscle_damage").urgency


def test_pain_far_worse_than_expected_with_a_swollen_calf_after_a_blow_is_an_emergency() -> None:
    """After a kick to the shin a footballer's calf is swollen and the pain far worse than the
    knock explains: possible acute compartment syndrome (NHS Compartment syndrome, Not In
    Line copy: pain, swelling of the muscle; 999 for sudden, severe pain)."""
    result = story(
        screen("leg_signs", pain_worse_than_expected=True, leg_swelling=True),
        recent_leg_injury=True,
    )
    assert Urgency.EMERGENCY == raised(result, "compartment_syndrome").urgency


def test_pain_far_worse_than_expected_is_seen_right_away() -> None:
    """The same man after CrossFit should be checked right away, not at an appointment later
    in the day (CDC/NIOSH Rhabdomyolysis: get tested right away)."""
    result = story(screen("leg_signs", pain_worse_than_expected=True))
    assert "today, right away" == raised(result, "muscle_damage").time_frame


# --- Urgent: fluid loss, salts, nerves --------------------------------------------------------


def test_cramps_after_a_stomach_bug_are_urgent() -> None:
    """A woman has had diarrhoea and vomiting for two days and now has leg cramps (Merck
    Manual consumer, Muscle cramps: see a doctor right away after losing a lot of fluid)."""
    result = story(screen("body_signs", vomiting_or_diarrhoea=True), **RESTING)
    assert "today, right away" == raised(result, "fluid_loss").time_frame


def test_diuretic_with_heavy_sweating_is_fluid_loss() -> None:
    """A man on furosemide sweated heavily mowing the lawn and cramped (Merck Manual consumer,
    Muscle cramps: cramps after losing fluid by sweating or taking diuretics)."""
    result = story(medications=["furosemide 40 mg"], heavy_sweating=True)
    assert Urgency.URGENT == raised(result, "fluid_loss").urgency


def test_diuretic_without_heavy_sweating_is_not_fluid_loss() -> None:
    """A woman on bendroflumethiazide who did not sweat heavily has no fluid-loss flag; the
    medication cause is likely instead (Merck Manual table: diuretics; Garrison 2012)."""
    result = story(medications=["bendroflumethiazide 2.5 mg"], heavy_sweating=False)
    assert "fluid_loss" not in flag_ids(result)


def test_unrecognised_tablet_with_heavy_sweating_is_not_self_care() -> None:
    """A man sweating heavily takes a "water tablet" whose name the library does not know: it
    may be a diuretic, so the result is not self-care (unknown is never "no"; Merck)."""
    result = story(medications=["Zyxelor"], heavy_sweating=True)
    assert Urgency.UNDETERMINED == result.urgency


def test_numbness_in_the_leg_is_seen_right_away() -> None:
    """A man's foot stays numb after his night cramps: see a doctor right away (Merck Manual
    consumer, Muscle cramps: weakness or losing feeling; NHS inform says see a GP, Merck is
    more urgent)."""
    result = story(screen("leg_signs", numbness=True))
    assert Urgency.URGENT == raised(result, "nerve_or_muscle_signs").urgency


def test_cramps_in_the_belly_and_arms_are_urgent() -> None:
    """A woman gets cramps in her arms and belly as well as her calves (Merck Manual consumer,
    Muscle cramps: see a doctor right away)."""
    result = story(screen("body_signs", cramps_elsewhere=True))
    assert Urgency.URGENT == raised(result, "cramps_elsewhere").urgency


def test_twitching_muscles_are_urgent() -> None:
    """A man's calf muscles flicker under the skin between cramps (Merck Manual consumer,
    Muscle cramps: muscle twitches, see a doctor right away; NICE CKS: fasciculations)."""
    result = story(screen("body_signs", muscle_twitching=True))
    assert Urgency.URGENT == raised(result, "muscle_twitching").urgency


def test_tingling_around_the_mouth_is_urgent_today() -> None:
    """A woman after thyroid surgery has cramps and tingling around her lips and in her
    fingers: low calcium (Merck Manual consumer, Hypocalcemia; the urgency is expert
    opinion)."""
    result = story(screen("body_signs", tingling_around_mouth_or_fingers=True))
    assert Urgency.URGENT == raised(result, "low_calcium_signs").urgency


def test_palpitations_on_a_diuretic_are_urgent() -> None:
    """A man on a water tablet has cramps and a pounding, irregular heartbeat: low potassium
    (Mayo Clinic Hypokalemia, St. Clair copy: see a health care professional immediately)."""
    result = story(
        screen("body_signs", palpitations=True),
        medications=["indapamide"],
    )
    assert Urgency.URGENT == raised(result, "palpitations").urgency


# --- Urgent: heat cramps with heart failure or a low-salt diet -------------------------------


def test_heat_cramps_with_heart_failure_need_help_right_away() -> None:
    """A man with heart failure cramps while gardening in hot weather (CDC heat-related illness,
    Cheshire Medical Center copy: get medical help right away if the person has heart
    problems)."""
    result = story(
        screen("health_conditions", heart_failure_or_fluid_restriction=True),
        hot_weather=True,
    )
    assert Urgency.URGENT == raised(result, "heat_cramps_with_heart_or_salt").urgency


def test_heat_cramps_with_a_low_salt_diet_need_help_right_away() -> None:
    """A woman on a low-sodium diet sweated heavily at a summer fair and cramped (NIOSH heat
    cramps, Fit to Work copy: get medical help if on a low sodium diet)."""
    result = story(
        screen("health_conditions", low_sodium_diet=True),
        heavy_sweating=True,
    )
    assert "heat_cramps_with_heart_or_salt" in flag_ids(result)


def test_heart_failure_without_heat_or_sweating_is_not_a_heat_cramp() -> None:
    """A woman with heart failure has a night cramp on a cool evening, without sweating: the
    heat-cramp flag needs the heat or the sweat too (CDC heat cramps, Cheshire copy)."""
    result = story(
        screen("health_conditions", heart_failure_or_fluid_restriction=True),
        RESTING,
    )
    assert "heat_cramps_with_heart_or_salt" not in flag_ids(result)


# --- Urgent: a long cramp ---------------------------------------------------------------------


def test_cramp_lasting_a_quarter_of_an_hour_is_urgent() -> None:
    """A man's calf cramp lasted 15 minutes (NHS inform, Leg cramps: speak to your GP urgently
    if cramps last longer than 10 minutes)."""
    result = story(cramp_minutes=15)
    assert Urgency.URGENT == raised(result, "long_cramp").urgency


def test_cramp_of_exactly_10_minutes_is_not_long() -> None:
    """A 10-minute cramp is within the ordinary: NHS inform's threshold is longer than 10
    minutes (NICE CKS: usually several minutes, up to 10)."""
    result = story(cramp_minutes=10)
    assert "long_cramp" not in flag_ids(result)


# --- See a doctor -----------------------------------------------------------------------------


def test_both_ankles_swollen_is_see_a_doctor() -> None:
    """A woman's ankles are both puffy by the evening and the swelling does not clear (nidirect,
    Oedema: see your GP if an oedema does not clear by itself)."""
    result = story(screen("leg_signs", both_legs_swollen=True))
    assert Urgency.SEE_DOCTOR == raised(result, "both_legs_swollen").urgency


def test_smoker_with_calf_pain_on_walking_on_a_hot_day_is_not_self_care() -> None:
    """A smoker's calf hurts when he walks and eases after a few minutes' rest, on a hot day:
    claudication, not dehydration (Merck Manual consumer, Muscle cramps: call your doctor in 1
    to 2 days; nidirect PAD)."""
    result = story(
        screen("leg_changes", pain_on_walking_eased_by_rest=True),
        hot_weather=True,
    )
    assert Urgency.SEE_DOCTOR == result.urgency


def test_claudication_is_seen_within_1_to_2_days() -> None:
    """The same smoker is told within 1 to 2 days (Merck Manual consumer, Muscle cramps: call
    your doctor in 1 to 2 days)."""
    result = story(screen("leg_changes", pain_on_walking_eased_by_rest=True))
    assert "within 1 to 2 days" == raised(result, "claudication").time_frame


def test_see_a_doctor_result_says_what_to_do_if_it_gets_worse() -> None:
    """The same smoker is told what to do if it gets worse (issue 11)."""
    result = story(screen("leg_changes", pain_on_walking_eased_by_rest=True))
    assert KNOWLEDGE.worsening_advice in result.advice


def test_thinner_calf_muscles_are_see_a_doctor() -> None:
    """A man's calf has got visibly thinner over months of cramps (NHS inform, Leg cramps: your
    leg muscles are shrinking; Mayo Clinic, Night leg cramps: atrophy)."""
    result = story(screen("leg_signs", muscle_wasting=True))
    assert Urgency.SEE_DOCTOR == raised(result, "muscle_wasting").urgency


def test_cramps_on_dialysis_are_see_a_doctor() -> None:
    """A woman on haemodialysis cramps during and after her sessions (Allen & Kirby, AAFP 2012:
    associated with hemodialysis; Merck Manual table: effects of dialysis)."""
    result = story(screen("health_conditions", kidney_disease_or_dialysis=True))
    assert Urgency.SEE_DOCTOR == raised(result, "underlying_condition").urgency


def test_cramps_with_cirrhosis_are_see_a_doctor() -> None:
    """A man with cirrhosis has frequent calf cramps (Allen & Kirby, AAFP 2012: associated with
    cirrhosis)."""
    result = story(screen("health_conditions", liver_disease=True))
    assert "underlying_condition" in flag_ids(result)


def test_cramps_with_diabetes_are_see_a_doctor() -> None:
    """A woman with type 2 diabetes has cramps: a doctor can check her sugar and nerves (NICE
    CKS, Leg cramps: an underlying condition; Allen & Kirby 2012)."""
    result = story(screen("health_conditions", diabetes=True))
    assert Urgency.SEE_DOCTOR == result.urgency


def test_cramps_with_an_underactive_thyroid_are_see_a_doctor() -> None:
    """A woman with an underactive thyroid has cramps (Merck Manual table: hypothyroidism; NICE
    CKS: history of thyroid disease)."""
    result = story(screen("health_conditions", thyroid_disease=True))
    assert "underlying_condition" in flag_ids(result)


def test_cramps_with_heavy_drinking_are_seen_within_1_to_2_days() -> None:
    """A man who drinks most days has cramps (Merck Manual consumer, Muscle cramps: call your
    doctor in 1 to 2 days if you drink a lot of alcohol)."""
    result = story(screen("health_conditions", heavy_alcohol_use=True))
    assert "within 1 to 2 days" == raised(result, "heavy_alcohol_use").time_frame


def test_cramps_that_wake_her_every_night_are_see_a_doctor() -> None:
    """A woman's cramps wake her most nights (NHS Leg cramps, doctoori copy: see a GP if leg
    cramps are disturbing your sleep; NHS inform)."""
    result = story(screen("cramp_pattern", frequent_cramps=True))
    assert Urgency.SEE_DOCTOR == raised(result, "troublesome_cramps").urgency


# --- Pregnancy ----------------------------------------------------------------------------------


def test_pregnancy_alone_raises_no_red_flag() -> None:
    """A woman 30 weeks pregnant has ordinary night cramps and no warning sign: common in the
    later stages, not a warning sign (HSE, Leg cramps during pregnancy; NCT)."""
    result = story(screen("clot_risks", pregnant_or_postpartum=True), **RESTING)
    assert () == flag_ids(result)


def test_pregnancy_alone_does_not_change_the_urgency() -> None:
    """The same woman gets the urgency she would get were she not pregnant (HSE, Leg cramps
    during pregnancy: leg cramps are common during pregnancy)."""
    pregnant = story(screen("clot_risks", pregnant_or_postpartum=True), **RESTING)
    assert story(RESTING).urgency == pregnant.urgency


# --- Questions that apply only sometimes -----------------------------------------------------


def test_no_exercise_means_no_question_on_its_intensity() -> None:
    """A woman who did no exercise is not asked how hard it was, nor whether it was new to her
    (issue 11: intensity applies only when exercise minutes are not 0)."""
    result = story(RESTING)
    assert set() == {"exercise_intensity", "unaccustomed_exercise"} & set(asked(result))


def test_intensity_given_after_no_exercise_changes_nothing() -> None:
    """A form sends "vigorous" and "new to me" for a woman who did 0 minutes: the overuse cause
    is as it would be without them (issue 11)."""
    with_answers = story(RESTING, exercise_intensity="vigorous", unaccustomed_exercise=True)
    assert story(RESTING).finding("overuse").level == with_answers.finding("overuse").level


def test_pain_worse_than_expected_does_not_apply_without_exertion_heat_or_injury() -> None:
    """A woman who did not exercise, was not in the heat and has no injury is not asked whether
    the pain is worse than expected, and the open question does not block self-care
    (issue 11)."""
    result = story(screen("leg_signs", pain_worse_than_expected=None), RESTING)
    assert Urgency.SELF_CARE == result.urgency


def test_pain_worse_than_expected_is_awaited_after_exercise() -> None:
    """The same question, left open after a 30-minute walk, is asked, and with the leg
    screen's "yes" standing for it the result is same-day (CDC/NIOSH update 2018; unknown is
    never "no")."""
    result = story(
        screen("leg_signs", pain_worse_than_expected=None),
        RESTING,
        exercise_minutes=30,
    )
    assert "pain_worse_than_expected" in asked(result)
    assert Urgency.URGENT == result.urgency


def test_pain_worse_than_expected_two_days_after_a_workout_is_urgent() -> None:
    """A man did a hard workout two days ago and rested since; his calf pain is far worse
    than that explains: muscle breakdown can show days later (CDC/NIOSH update 2018:
    symptoms may not appear for up to several days; review U1)."""
    result = story(
        screen("leg_signs", pain_worse_than_expected=True),
        exercise_minutes=0,
        exercise_intensity=None,
        unaccustomed_exercise=None,
        recovery_hours=48,
    )
    assert Urgency.URGENT == raised(result, "muscle_damage").urgency


def test_a_yes_to_the_leg_screen_alone_is_urgent() -> None:
    """A man says yes to "any of these in a leg" and stops there: every sign the screen names
    needs advice the same day, so the result does (a screening "yes" means one of the signs
    holds; NHS DVT: get an urgent GP appointment; review U2)."""
    result = story(leg_signs=True, **dict.fromkeys(KNOWLEDGE.factor("leg_signs").members))
    assert ("leg_sign_reported",) == flag_ids(result)
    assert Urgency.URGENT == result.urgency
    assert Urgency.EMERGENCY == result.may_rise_to


def test_a_yes_to_the_slower_leg_changes_alone_is_see_a_doctor() -> None:
    """A woman says yes to "both legs swollen, pain on walking, thinner muscles" and stops
    there: see a doctor (nidirect Oedema; nidirect PAD; NHS inform Leg cramps)."""
    result = story(leg_changes=True, **dict.fromkeys(KNOWLEDGE.factor("leg_changes").members))
    assert ("leg_change_reported",) == flag_ids(result)
    assert Urgency.SEE_DOCTOR == result.urgency


def test_a_yes_to_the_emergency_screen_alone_is_an_emergency() -> None:
    """A woman says yes to "any of these now: chest pain, ...": each sign it names needs
    emergency help, so the result does (NHS pulmonary embolism: call 999; review U2)."""
    result = story(
        emergency_signs=True, **dict.fromkeys(KNOWLEDGE.factor("emergency_signs").members)
    )
    assert Urgency.EMERGENCY == result.urgency
    assert "Call your local emergency number now." in result.advice


def test_pain_worse_than_expected_given_where_it_cannot_apply_raises_nothing() -> None:
    """A form says "pain worse than expected: yes" for a woman with no exertion, heat or injury:
    no flag is raised by it (issue 11)."""
    result = story(screen("leg_signs", pain_worse_than_expected=True), RESTING)
    assert () == flag_ids(result)


def test_pregnancy_question_is_not_asked_of_a_man() -> None:
    """A man who said yes to the clot-risk screen is asked about surgery, the pill and cancer,
    but not pregnancy (issue 11: pregnancy does not apply to a male)."""
    result = story(clot_risks=True, sex="male")
    assert "pregnant_or_postpartum" not in asked(result)


# --- Screening questions --------------------------------------------------------------------


def test_no_to_the_leg_screen_answers_its_members() -> None:
    """A woman says no to "any of these in your legs": she is not asked about each (issue 11:
    screening questions keep the interview short)."""
    result = story(muscle_weakness=None, numbness=None)
    assert set() == {"muscle_weakness", "numbness"} & set(asked(result))


def test_own_yes_wins_over_the_screens_no() -> None:
    """A man says no to the leg screen but then yes to numbness: the numbness counts (issue 11;
    Merck Manual consumer, Muscle cramps: losing feeling, see a doctor right away)."""
    result = story(leg_signs=False, numbness=True)
    assert "nerve_or_muscle_signs" in flag_ids(result)


def test_yes_to_the_body_screen_asks_each_of_its_signs() -> None:
    """A woman says yes to "any of these: vomiting, a high temperature, ...": each is asked next
    (issue 11)."""
    result = story(body_signs=True)
    assert set(KNOWLEDGE.factor("body_signs").members) == set(asked(result))


def test_a_screen_left_open_leaves_the_result_undetermined() -> None:
    """A man skips the body-signs screen: vomiting or a high temperature could make it urgent,
    so it is not self-care (unknown is never "no"; Merck Manual consumer, Muscle cramps)."""
    result = story(body_signs=None)
    assert Urgency.UNDETERMINED == result.urgency


# --- Advice rules: fluids -----------------------------------------------------------------------


def test_heart_failure_in_the_heat_is_not_told_to_drink() -> None:
    """A man with heart failure on a fluid limit cramps in the heat: he is not told to drink
    water or a sports drink (Heart Failure Matters, Adjusting your diet: fluids)."""
    result = story(
        screen("health_conditions", heart_failure_or_fluid_restriction=True),
        hot_weather=True,
    )
    assert [] == [a for a in result.advice if a in (HEAT_CRAMP_ADVICE, DRINK_THROUGH_THE_DAY)]


def test_heart_failure_in_the_heat_is_told_to_ask_how_much_to_drink() -> None:
    """The same man is told to ask his doctor or nurse how much he should drink (Heart Failure
    Matters: your doctor or nurse may recommend an amount)."""
    result = story(
        screen("health_conditions", heart_failure_or_fluid_restriction=True),
        hot_weather=True,
    )
    assert ASK_HOW_MUCH_TO_DRINK in result.advice


def test_kidney_disease_in_the_heat_is_told_to_ask_how_much_to_drink() -> None:
    """A woman with kidney disease cramps on a hot day: she is told to ask how much to drink,
    not to drink more (Kidney Health Australia, Diet and nutrition: fluid allowance)."""
    result = story(
        screen("health_conditions", kidney_disease_or_dialysis=True),
        hot_weather=True,
    )
    assert HEAT_CRAMP_ADVICE not in result.advice


def test_tired_person_on_a_fluid_limit_is_not_told_to_keep_drinking() -> None:
    """An overtired woman with heart failure is not told to keep drinking enough (Heart Failure
    Matters: your doctor or nurse may recommend an amount)."""
    result = story(
        screen("health_conditions", heart_failure_or_fluid_restriction=True),
        RESTING,
    )
    assert DRINK_WHEN_TIRED not in result.advice


def test_heart_failure_with_muscle_pain_after_exercise_is_not_told_to_drink_water() -> None:
    """A man with heart failure on a 1.5-litre limit has thigh pain far worse than expected
    after cardiac rehab: he is not told to drink water, but to ask how much (Heart Failure
    Matters)."""
    result = story(
        screen("health_conditions", heart_failure_or_fluid_restriction=True),
        screen("leg_signs", pain_worse_than_expected=True),
    )
    assert [] == [a for a in result.advice if "drink water" in a]


# --- New medication ---------------------------------------------------------------------------


def test_unanswered_new_medication_blocks_self_care() -> None:
    """The runner skips "did you start a new medicine?": a yes would mean seeing a doctor, so
    the result is not self-care (Merck Manual consumer, Muscle cramps: cramps after a new
    medicine, call your doctor in 1 to 2 days)."""
    assert Urgency.UNDETERMINED == story(new_medication=None).urgency


def test_unanswered_new_medication_is_asked() -> None:
    """The same runner is asked about a new medicine next (issue 11)."""
    assert ("new_medication",) == asked(story(new_medication=None))


def test_new_medication_is_see_a_doctor() -> None:
    """A woman started a new tablet a week before her cramps began (Merck Manual consumer,
    Muscle cramps: your cramps started after you began taking a new medicine)."""
    assert Urgency.SEE_DOCTOR == story(new_medication=True).urgency


def test_new_medication_advice_never_says_to_stop_it() -> None:
    """The same woman is told to talk to a doctor and not to stop or change a prescribed
    medicine on her own; no advice says to stop it or keep taking it (issue 11)."""
    result = story(new_medication=True)
    risky = [
        a
        for a in result.advice
        if "keep taking" in a.lower() or ("stop taking" in a.lower() and "do not" not in a.lower())
    ]
    assert [] == risky


# --- Medication names as people write them ------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Lasix (furosemide) 20 mg",
        "furosemide/spironolactone",
        "HCTZ",
        "frusemide",
        "bendrofluazide",
        "Furosemid",
        "Symbicort Turbohaler",
        "Seretide",
        "Relvar",
        "Dyazide",
        "co-amilofruse",
        "Lasix, aspirin",
    ],
)
def test_medicine_as_written_on_the_box_raises_the_medication_cause(name: str) -> None:
    """A person types a medicine as it is written on the box or a discharge letter: a
    diuretic or a long-acting beta-agonist inhaler makes the medication cause likely (Garrison
    2012; NHS Leg cramps, doctoori copy: diuretics)."""
    result = story(medications=[name])
    assert Level.LIKELY == result.finding("medication").level


def test_strength_after_a_bracketed_name_is_not_an_unknown_medicine() -> None:
    """A man writes "Lasix (furosemide) 20 mg": nothing in it is an unknown medicine (issue 11:
    strengths ignored)."""
    assert () == story(medications=["Lasix (furosemide) 20 mg"]).unrecognized_medications


def test_salbutamol_alone_makes_the_medication_cause_only_possible() -> None:
    """A woman uses a salbutamol reliever inhaler only: a weaker link than a long-acting one
    (NICE CKS, Leg cramps: salbutamol; Garrison 2012 studied long-acting ones)."""
    result = story(medications=["salbutamol inhaler"])
    assert Level.POSSIBLE == result.finding("medication").level


def test_co_amilofruse_counts_as_a_diuretic_with_heavy_sweating() -> None:
    """A man on co-amilofruse sweated heavily at work and cramped: a diuretic with fluid loss
    (Merck Manual consumer, Muscle cramps; NI formulary: amiloride with furosemide)."""
    result = story(medications=["co-amilofruse 5/40"], heavy_sweating=True)
    assert "fluid_loss" in flag_ids(result)


# --- Every result carries the disclaimer ------------------------------------------------------


def test_emergency_still_carries_the_disclaimer() -> None:
    """Even the heat-stroke result says it is information, not a diagnosis (the project's
    standards; CDC/NIOSH)."""
    result = story(screen("emergency_signs", confusion_or_fainting=True), hot_weather=True)
    assert KNOWLEDGE.disclaimer == result.disclaimer


# --- Warning signs added after the clinical review ------------------------------------------


def test_still_dizzy_after_cooling_down_from_heat_is_an_emergency() -> None:
    """After a hot afternoon's hike, a man still feels dizzy and sick after 30 minutes in the
    shade with a drink: call 999 (Public Health Wales, heat exhaustion and heatstroke)."""
    result = story(screen("emergency_signs", heat_exhaustion_not_better=True), hot_weather=True)
    assert Urgency.EMERGENCY == raised(result, "heat_stroke_or_collapse").urgency


def test_coughing_up_blood_is_seen_today() -> None:
    """A woman with cramps is coughing up blood: an urgent appointment or NHS 111 the same day
    (NHS Pulmonary embolism, AXA Health copy)."""
    result = story(screen("body_signs", coughing_up_blood=True))
    assert Urgency.URGENT == raised(result, "coughing_up_blood").urgency


def test_coughing_up_blood_with_a_painful_calf_is_an_emergency() -> None:
    """Coughing up blood with a painful, tender calf may be a clot that has reached the lungs:
    call 999 (NHS Pulmonary embolism, AXA Health copy; NHS DVT)."""
    result = story(
        screen("body_signs", coughing_up_blood=True),
        screen("leg_signs", one_leg_pain_or_tenderness=True),
    )
    assert Urgency.EMERGENCY == result.urgency
    assert "pulmonary_embolism" in flag_ids(result)


def test_cramps_after_contact_with_lead_are_urgent() -> None:
    """A man stripping old paint has night cramps: speak to a GP urgently, phone 111 if closed
    (NHS inform Leg cramps; Mayo Clinic Night leg cramps: seek immediate care)."""
    result = story(screen("body_signs", toxin_exposure=True))
    assert Urgency.URGENT == raised(result, "toxin_exposure").urgency


def test_leg_pain_even_at_rest_is_urgent() -> None:
    """A smoker's calf now hurts all the time, even sitting still: see a doctor urgently (NHS,
    Symptoms of peripheral arterial disease)."""
    result = story(screen("leg_signs", leg_pain_at_rest=True))
    assert Urgency.URGENT == raised(result, "poor_blood_flow").urgency


def test_heat_cramps_with_angina_need_a_doctor_right_away() -> None:
    """A man with angina has calf cramps on a hot day: get medical help right away (CDC heat
    cramps, Cheshire Medical Center copy: 'heart problems')."""
    result = story(screen("health_conditions", heart_disease=True), hot_weather=True)
    assert Urgency.URGENT == raised(result, "heat_cramps_with_heart_or_salt").urgency


def test_an_emergency_gives_only_the_most_urgent_flags_advice() -> None:
    """Dark urine and pain on walking: the emergency advice only, not the 1-to-2-day advice of
    the walking pain (issue 11: a more urgent result drops slower advice)."""
    result = story(
        screen("emergency_signs", dark_urine=True),
        screen("leg_changes", pain_on_walking_eased_by_rest=True),
    )
    assert [KNOWLEDGE.red_flag("rhabdomyolysis").advice] == list(result.advice)


# --- Clinical review 2 (review2.md): the gaps it found ------------------------------------


def test_cold_pale_leg_with_pain_at_rest_is_an_emergency() -> None:
    """A man's foot is cold and pale and hurts even at rest: acute limb ischaemia, an
    emergency (Health New Zealand: painful even at rest, pale, perishing cold; review U3)."""
    result = story(screen("leg_signs", leg_cold_pale_or_blue=True, leg_pain_at_rest=True))
    assert Urgency.EMERGENCY == raised(result, "acute_limb_ischaemia").urgency


def test_a_wound_with_a_racing_heart_is_an_emergency() -> None:
    """A gardener cut her hand on a rusty fork a week ago; now she has cramps and her heart
    races at rest: call 999 (NHS tetanus: a wound and a fast heartbeat; review U4)."""
    result = story(screen("body_signs", recent_wound=True, palpitations=True))
    assert Urgency.EMERGENCY == raised(result, "tetanus").urgency


def test_swollen_legs_in_pregnancy_are_checked_at_once() -> None:
    """A woman 34 weeks pregnant has cramps and both ankles have swollen: call the midwife or
    NHS 111 now (NHS pre-eclampsia: seek medical advice immediately; review U5)."""
    result = story(
        screen("clot_risks", pregnant_or_postpartum=True),
        screen("leg_changes", both_legs_swollen=True),
    )
    flag = raised(result, "pregnancy_swelling")
    assert Urgency.URGENT == flag.urgency
    assert "today, right away" == flag.time_frame


def test_a_diuretic_in_the_heat_is_urgent() -> None:
    """A man on furosemide cramps on a hot day: possible loss of fluid and salts, see a doctor
    right away (Merck Manual consumer, Muscle cramps: after taking diuretics; review U6)."""
    result = story(medications=["furosemide"], hot_weather=True)
    assert Urgency.URGENT == raised(result, "fluid_loss").urgency


def test_a_diuretic_with_little_to_drink_is_urgent() -> None:
    """A woman on bendroflumethiazide drank under a litre yesterday and has cramps: see a
    doctor right away (Merck Manual consumer, Muscle cramps; review U6)."""
    result = story(medications=["bendroflumethiazide"], fluid_litres=0.9)
    assert Urgency.URGENT == raised(result, "fluid_loss").urgency


def test_a_diuretic_alone_is_never_self_care() -> None:
    """A man on a diuretic with no other sign is told to see a doctor, who can check his salts,
    and not to stop the medicine (Merck: doctors will do blood tests; seed text)."""
    result = story(medications=["Lasix"])
    assert Urgency.SEE_DOCTOR == result.urgency
    assert any("do not stop or change a prescribed medicine" in a for a in result.advice)


def test_a_cramp_over_10_minutes_needs_help_right_away() -> None:
    """A woman's calf cramp has lasted 15 minutes despite stretching: seek immediate medical
    help, the GP or NHS 111 (NHS leg cramps, earlier text; nidirect; review U7)."""
    result = story(cramp_minutes=15)
    assert "today, right away" == raised(result, "long_cramp").time_frame


def test_cramps_that_stop_her_sleeping_need_a_doctor() -> None:
    """A woman's cramps are so painful she cannot sleep and is wrecked the next day: see a GP
    (NHS leg cramps, earlier text; Mayo Clinic: severe discomfort; review U8)."""
    result = story(screen("cramp_pattern", very_painful=True))
    assert Urgency.SEE_DOCTOR == raised(result, "troublesome_cramps").urgency


def test_a_low_salt_diet_in_the_heat_is_not_told_to_drink_sports_drinks() -> None:
    """A man on a low-salt diet cramps in the heat: he is not told to drink a sports drink, and
    is told to get medical help (CDC heat cramps: low-sodium diet; review A2)."""
    result = story(screen("health_conditions", low_sodium_diet=True), hot_weather=True)
    assert HEAT_CRAMP_ADVICE not in result.advice
    assert Urgency.URGENT == raised(result, "heat_cramps_with_heart_or_salt").urgency


def test_a_previous_clot_is_named_with_a_swollen_leg() -> None:
    """A man who had a DVT five years ago has a swollen calf: the warning names the earlier clot
    as a risk factor (NHS 111 Wales, DVT: more likely if you have had DVT before)."""
    result = story(screen("leg_signs", leg_swelling=True), screen("clot_risks", previous_clot=True))
    assert "a blood clot before" in raised(result, "deep_vein_thrombosis").risk_factors


def test_fainting_without_heat_is_not_told_to_cool_down_first() -> None:
    """A woman fainted after a night cramp on a cool day: the emergency advice leads with the
    call, and cooling is only for someone who was in the heat (review A1)."""
    result = story(screen("emergency_signs", confusion_or_fainting=True), **RESTING)
    assert result.advice[0].startswith("Call your local emergency number now.")


def test_leg_pain_at_rest_with_numbness_is_an_emergency() -> None:
    """A diabetic man's foot hurts even at rest and has gone numb, with pins and needles: two
    of the 6 Ps, pain and paraesthesia (Health New Zealand; RCEM, The 6 Ps)."""
    result = story(screen("leg_signs", leg_pain_at_rest=True, numbness=True))
    assert Urgency.EMERGENCY == raised(result, "acute_limb_ischaemia").urgency


# --- Medicines as a floor (clinical audit of 2026-12-02) ---------------------------------


def test_night_cramps_on_a_long_standing_statin_see_a_doctor() -> None:
    """A 68-year-old man on atorvastatin for years has night cramps and no other cause: see a
    doctor, not self-care (Mayo Clinic, statins: muscle pain, "contact your healthcare
    professional"; NHS statin guidance says straight away for unexplained cramps)."""
    result = story(RESTING, overtired=False, medications=["Lipitor 20mg"], age_years=68)
    assert Urgency.SEE_DOCTOR == result.urgency


def test_a_runner_on_a_statin_is_not_given_self_care() -> None:
    """A 58-year-old runner on a statin cramps after a new long run: the run explains it, and
    the statin still sends him to a doctor (Mayo Clinic, statins)."""
    result = story(medications=["atorvastatin 40 mg"], age_years=58, sex="male")
    assert Urgency.SEE_DOCTOR == result.urgency


def test_cramps_on_naproxen_see_a_doctor() -> None:
    """A woman taking naproxen has night cramps: a medicine linked to cramps is for a doctor
    to weigh (Allen & Kirby 2012; Mayo Clinic: cramps with no obvious cause)."""
    result = story(RESTING, overtired=False, medications=["naproxen"])
    assert Urgency.SEE_DOCTOR == result.urgency


def test_an_unnamed_water_tablet_is_never_self_care() -> None:
    """A 66-year-old runner takes "a water tablet" but does not know its name: it may be a
    diuretic, which means see a doctor, so the result is not self-care (Merck: "diuretics
    (water pills)"; unknown is never "no")."""
    result = story(medications=["water tablet"], age_years=66)
    assert Urgency.UNDETERMINED == result.urgency


def test_an_unnamed_water_tablet_may_mean_a_doctor() -> None:
    """The same runner is told the result could rise to at least "see a doctor"."""
    result = story(medications=["water tablet"], age_years=66)
    assert result.may_rise_to is not None
    assert result.may_rise_to >= Urgency.SEE_DOCTOR


def test_the_dark_urine_question_is_not_only_about_exertion_or_heat() -> None:
    """A woman on rosuvastatin has had cola-coloured urine for two days without exertion or
    heat: the question asks about any brown or cola-coloured urine, so she answers yes (Mayo
    Clinic, statins: dark or cola-colored urine, seek treatment right away)."""
    question = KNOWLEDGE.factor("dark_urine").question
    assert "after exertion or heat" not in question


def test_cola_coloured_urine_on_a_statin_at_rest_is_an_emergency() -> None:
    """Her "yes" makes it an emergency, without any exertion (Mayo Clinic; CDC/NIOSH)."""
    result = story(
        RESTING, screen("emergency_signs", dark_urine=True), medications=["Crestor"], age_years=60
    )
    assert Urgency.EMERGENCY == raised(result, "rhabdomyolysis").urgency


def test_no_urine_for_eight_hours_in_the_heat_is_urgent() -> None:
    """A 79-year-old woman drank half a litre on a hot day and has passed no urine for 8
    hours: severe dehydration, see a doctor right away (NHS, Symptoms of dehydration: contact
    a GP, out-of-hours service or NHS 111 straight away)."""
    result = story(
        RESTING,
        screen("body_signs", severe_dehydration_signs=True),
        hot_weather=True,
        fluid_litres=0.5,
        age_years=79,
    )
    assert Urgency.URGENT == raised(result, "severe_dehydration").urgency


def test_dizziness_that_does_not_pass_is_asked_before_self_care() -> None:
    """A runner who has not said whether she is dizzy on standing is not given self-care: the
    severe-dehydration question is still open (unknown is never "no")."""
    result = story(screen("body_signs", severe_dehydration_signs=None))
    assert "severe_dehydration_signs" in asked(result)


@pytest.mark.parametrize("name", ["Ventolin Evohaler", "Salamol", "Airomir"])
def test_a_reliever_inhaler_by_its_brand_is_salbutamol(name: str) -> None:
    """A blue reliever inhaler written by its brand is salbutamol, linked to cramps (NICE CKS
    Leg cramps; NHS practice pages name Ventolin, Salamol and Airomir)."""
    assert ("salbutamol",) == tuple(m.generic for m in story(medications=[name]).medications)


@pytest.mark.parametrize("name", ["Aleve", "Naprosyn 500mg", "Anaprox"])
def test_naproxen_by_its_brand_sees_a_doctor(name: str) -> None:
    """Naproxen written by its brand is recognised, and sends the person to a doctor (Allen &
    Kirby 2012; Mayo Clinic)."""
    result = story(RESTING, overtired=False, medications=[name])
    assert (Urgency.SEE_DOCTOR, ("naproxen",)) == (
        result.urgency,
        tuple(m.generic for m in result.medications),
    )


def test_an_unnamed_water_tablet_in_the_heat_may_be_urgent() -> None:
    """A 70-year-old takes "a water tablet" and cramps on a hot day: a diuretic in the heat
    is a warning sign (Merck: fluid lost "taking diuretics"), so the result may still rise to
    urgent, not only to see a doctor (an unrecognised name never counts as "no diuretic")."""
    result = story(medications=["water tablet"], hot_weather=True, age_years=70)
    assert (Urgency.UNDETERMINED, Urgency.URGENT) == (result.urgency, result.may_rise_to)


# --- Stories of the clinical audit of 2026-12-02 that legcramps already handled ---------------

#: Someone who did not exercise and is not overtired (the audit's resting person).
AT_REST: dict[str, Any] = {
    "exercise_minutes": 0,
    "exercise_intensity": None,
    "unaccustomed_exercise": None,
    "recovery_hours": 240,
}


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        pytest.param(  # Merck "weakness"; NHS statins: weakness, straight away
            {
                **AT_REST,
                **screen("leg_signs", muscle_weakness=True),
                "medications": ["atorvastatin"],
            },
            (Urgency.URGENT, None),
            id="weak legs on a statin: urgent",
        ),
        pytest.param(  # CDC/NIOSH rhabdomyolysis: pain more severe than expected
            {**screen("leg_signs", pain_worse_than_expected=True), "medications": ["rosuvastatin"]},
            (Urgency.URGENT, None),
            id="pain far worse than expected on a statin after the gym: urgent",
        ),
        pytest.param(  # Merck: fluid lost taking diuretics; a misspelt diuretic is unknown
            {**AT_REST, "medications": ["bendroflumethazide 2.5mg"], "hot_weather": True},
            (Urgency.UNDETERMINED, Urgency.URGENT),
            id="a misspelt diuretic in a heatwave: never self-care",
        ),
        pytest.param(  # unknown is never "no": a diuretic in the heat is a warning sign
            {"hot_weather": True, "medications": None},
            (Urgency.UNDETERMINED, Urgency.URGENT),
            id="medications not given on a hot day: never self-care",
        ),
        pytest.param(  # NHS leg cramps: an urgent appointment for cramps over 10 minutes
            {"cramp_minutes": None},
            (Urgency.UNDETERMINED, Urgency.URGENT),
            id="how long the cramp lasted not given: never self-care",
        ),
        pytest.param(  # CDC heat cramps: medical help right away after more than an hour
            {"hot_weather": True, "heavy_sweating": True, "cramp_minutes": 70},
            (Urgency.URGENT, None),
            id="a heat cramp of 70 minutes: urgent",
        ),
        pytest.param(  # HSE: an urgent appointment today for a red, swollen leg in pregnancy
            {
                **AT_REST,
                **screen("clot_risks", pregnant_or_postpartum=True),
                **screen("leg_signs", leg_swelling=True),
            },
            (Urgency.URGENT, None),
            id="pregnant with one red swollen leg: urgent",
        ),
        pytest.param(  # NHS PAD: see a doctor urgently if symptoms suddenly get worse
            {
                **AT_REST,
                **screen("leg_changes", pain_on_walking_eased_by_rest=True),
                **screen("leg_signs", leg_cold_pale_or_blue=True),
            },
            (Urgency.URGENT, None),
            id="claudication with a foot now cold and pale: urgent",
        ),
        pytest.param(  # Mayo hypokalaemia: immediate care for an irregular heartbeat
            {**AT_REST, **screen("body_signs", palpitations=True), "medications": ["HCTZ 25"]},
            (Urgency.URGENT, None),
            id="a racing heart at rest on a thiazide: urgent",
        ),
        pytest.param(  # NHS dehydration: GP or NHS 111 straight away for a rapid pulse
            {
                **AT_REST,
                **screen("body_signs", vomiting_or_diarrhoea=True, palpitations=True),
                "fluid_litres": 0.3,
            },
            (Urgency.URGENT, None),
            id="vomiting with a racing pulse: urgent",
        ),
        pytest.param(  # NHS leg cramps: help at once after exposure to lead or mercury
            {**AT_REST, **screen("body_signs", toxin_exposure=True)},
            (Urgency.URGENT, None),
            id="a painter exposed to lead: urgent",
        ),
        pytest.param(  # CDC/NIOSH heat stroke: confusion in the heat is an emergency
            {
                **AT_REST,
                **screen("emergency_signs", confusion_or_fainting=True),
                "medications": ["Lasix"],
                "hot_weather": True,
                "age_years": 84,
            },
            (Urgency.EMERGENCY, None),
            id="confused in a heatwave on furosemide: emergency",
        ),
        pytest.param(  # Mayo Clinic: see a doctor for cramps with no obvious cause
            {**AT_REST, "age_years": 50},
            (Urgency.SEE_DOCTOR, None),
            id="night cramps with no cause at all: see a doctor",
        ),
    ],
)
def test_an_audited_story_gets_its_sources_urgency(
    answers: dict[str, Any], expected: tuple[Urgency, Urgency | None]
) -> None:
    """Each story of the audit gets the urgency its source gives, and may rise no further
    than the questions still open allow (the source is named beside each story)."""
    result = story(answers)
    assert expected == (result.urgency, result.may_rise_to)
