"""The inputs of :func:`legcramps.assess` as a ``TypedDict``, for type checkers and editors.

Generated from the built-in knowledge by ``python tests/typing/test_typed_inputs.py
--regenerate``; ``tests/typing/test_typed_inputs.py`` fails when it is out of date.
"""

from typing import Literal, TypedDict

__all__ = ["Answers"]


class Answers(TypedDict, total=False):
    """Every input of :func:`legcramps.assess`, each optional; ``None`` is unknown.

    A type checker refuses a misspelt input name or a value of the wrong type
    given to ``assess()`` by keyword, and an editor completes the names. Bounds
    and choices are checked when the call runs (:class:`~legcramps.InvalidInput`).

    >>> import legcramps
    >>> answers: legcramps.Answers = {"fluid_litres": 0.5, "hot_weather": True}
    >>> legcramps.assess(**answers).finding("dehydration").level.value
    'likely'
    """

    #: How many minutes did you exercise in the 24 hours before the cramp?
    exercise_minutes: float | None  # minutes, 0 to 1440

    #: How hard was that exercise: light, moderate or vigorous?
    exercise_intensity: Literal["light", "moderate", "vigorous"] | None

    #: Was the exercise more than, or different from, what you are used to?
    unaccustomed_exercise: bool | None

    #: Have you been feeling overtired lately?
    overtired: bool | None

    #: How many hours had passed since your previous hard workout ended?
    recovery_hours: float | None  # hours, 0 to 8760

    #: Have you been eating less well than usual lately?
    poor_diet: bool | None

    #: Which medications do you take? (names, such as furosemide or Lasix)
    medications: list[str] | tuple[str, ...] | None

    #: Did you start a new medication around the time the cramps began?
    new_medication: bool | None

    #: What was the longest stretch, in hours, that you sat without moving much?
    sitting_hours: float | None  # hours, 0 to 24

    #: What was the longest stretch, in hours, that you stood still or in line?
    standing_hours: float | None  # hours, 0 to 24

    #: How many litres of fluid did you drink in the 24 hours before the cramp?
    fluid_litres: float | None  # litres, 0 to 20

    #: Was the weather hot, or were you somewhere hot?
    hot_weather: bool | None

    #: Were you sweating heavily?
    heavy_sweating: bool | None

    #: Is one leg swollen, red or warm to the touch?
    leg_swelling: bool | None

    #: Do you have chest pain or are you short of breath?
    chest_pain_or_breathlessness: bool | None

    #: How many minutes did the cramp last?
    cramp_minutes: float | None  # minutes, 0 to 1440

    #: In the last few days, has your urine been brown, red or dark like tea or cola?
    dark_urine: bool | None

    #: Is your leg weak, or can you not move it properly?
    muscle_weakness: bool | None

    #: Do you have numbness, pins and needles or loss of feeling in the leg?
    numbness: bool | None

    #: Do the cramps happen often, or wake you from sleep?
    frequent_cramps: bool | None

    #: Have the cramps gone on despite stretching, rest and drinking enough?
    persists_despite_self_care: bool | None

    #: Are the cramps so painful that they disturb your sleep, or stop you doing your usual
    #: things the next day?
    very_painful: bool | None

    #: Between cramps, is one calf or thigh still painful, throbbing or tender, more than the
    #: soreness a cramp can leave, or getting worse?
    one_leg_pain_or_tenderness: bool | None

    #: Are both of your legs or ankles swollen?
    both_legs_swollen: bool | None

    #: Do you get pain in your calf, thigh or buttock when you walk, that eases when you rest
    #: for a few minutes?
    pain_on_walking_eased_by_rest: bool | None

    #: Is your leg or foot cold, pale, white or blue?
    leg_cold_pale_or_blue: bool | None

    #: Apart from the cramp itself, did a severe pain in your leg come on suddenly and stay, not
    #: easing when you stretch or when the cramp passes?
    sudden_severe_leg_pain: bool | None

    #: Is the pain far worse than you would expect after exercise, heat or an injury in the last
    #: few days?
    pain_worse_than_expected: bool | None

    #: Have you injured your leg recently?
    recent_leg_injury: bool | None

    #: Do your muscles twitch or flicker under the skin?
    muscle_twitching: bool | None

    #: Do you also get cramps in your chest, arms or belly?
    cramps_elsewhere: bool | None

    #: Do you have tingling or pins and needles around your mouth or in your fingers?
    tingling_around_mouth_or_fingers: bool | None

    #: While resting, is your heart racing, pounding or beating irregularly?
    palpitations: bool | None

    #: Have you passed no urine for 8 hours, or do you feel dizzy when you stand up, in a way
    #: that does not pass after a few seconds?
    severe_dehydration_signs: bool | None

    #: Are you confused, unsteady or slurring your words, or have you fainted, passed out or had
    #: a fit (seizure)?
    confusion_or_fainting: bool | None

    #: Has your skin, or have your lips or tongue, turned blue, grey, pale or blotchy (not your
    #: usual colour), or do you have a rash that does not fade when you roll a glass over it?
    skin_blotchy_or_rash: bool | None

    #: Did weakness or numbness come on suddenly in your face or an arm, or down one side of
    #: your body, even if it has passed?
    sudden_one_sided_weakness: bool | None

    #: Are both of your legs weak or numb, badly or getting worse, or do you have numbness
    #: around your genitals or bottom, or new trouble passing urine or controlling your bladder
    #: or bowels?
    cauda_equina_signs: bool | None

    #: Do you have a high temperature (you feel hot to the touch, or 38 degrees C or more)?
    high_body_temperature: bool | None

    #: Is your temperature 39.4 degrees C (103 F) or more, or is your skin hot and dry, not
    #: sweating?
    very_high_temperature: bool | None

    #: Have you been vomiting or had diarrhoea?
    vomiting_or_diarrhoea: bool | None

    #: Have the muscles of your leg become thinner or smaller?
    muscle_wasting: bool | None

    #: Have you had a cut, a bite, a burn or another wound in the last few weeks, above all one
    #: with soil or dirt in it?
    recent_wound: bool | None

    #: Are you coughing up blood?
    coughing_up_blood: bool | None

    #: Is the pain in your leg or foot there all the time, even at rest, or has pain on walking
    #: suddenly got worse?
    leg_pain_at_rest: bool | None

    #: After 30 minutes resting somewhere cool and drinking, do you still feel dizzy, sick or
    #: weak, or have a headache, a fast heartbeat or fast breathing?
    heat_exhaustion_not_better: bool | None

    #: Have you been in contact with lead, mercury or another poison?
    toxin_exposure: bool | None

    #: Since a wound, a cut, a bite or a burn, do you have a stiff jaw, painful spasms or
    #: stiffness in your muscles, or a fit; or is the wound large or deep?
    wound_with_stiffness: bool | None

    #: How old are you?
    age_years: float | None  # years, 0 to 120

    #: What was your sex at birth: female or male?
    sex: Literal["female", "male"] | None

    #: Are you pregnant, or did you give birth in the last 6 weeks?
    pregnant_or_postpartum: bool | None

    #: In the last 12 weeks, have you had surgery, a stay in hospital, or a leg in plaster?
    recent_surgery_or_immobilisation: bool | None

    #: Do you take the combined contraceptive pill or hormone replacement therapy (HRT)?
    estrogen_medicine: bool | None

    #: Do you have cancer, or are you being treated for cancer?
    cancer: bool | None

    #: Have you had a blood clot in a leg or in the lungs before?
    previous_clot: bool | None

    #: Do you have kidney disease, or are you on dialysis?
    kidney_disease_or_dialysis: bool | None

    #: Do you have liver disease, such as cirrhosis?
    liver_disease: bool | None

    #: Do you have heart failure, or has a doctor told you to limit how much you drink?
    heart_failure_or_fluid_restriction: bool | None

    #: Do you have another heart problem, such as angina, a past heart attack or an irregular
    #: heartbeat?
    heart_disease: bool | None

    #: Are you on a low-salt (low-sodium) diet?
    low_sodium_diet: bool | None

    #: Do you have diabetes?
    diabetes: bool | None

    #: Do you have a thyroid problem, such as an underactive thyroid?
    thyroid_disease: bool | None

    #: Do you drink a lot of alcohol (more than 14 units a week, or most days)?
    heavy_alcohol_use: bool | None

    #: Do you have any of these now: chest pain or breathlessness; confusion, fainting or a fit;
    #: blue, grey, pale or blotchy skin, lips or tongue, or a rash that does not fade under a
    #: glass; sudden weakness or numbness in the face, an arm or one side of the body, even if
    #: it has passed; both legs badly weak or numb, or getting worse, numbness around the
    #: genitals or bottom, or new trouble passing urine or controlling the bladder or bowels;
    #: brown, red or cola-coloured urine; since a wound, a stiff jaw, spasms or stiffness, or a
    #: large or deep wound; after exertion or heat, still feeling unwell after 30 minutes of
    #: cooling down?
    emergency_signs: bool | None

    #: Apart from the cramp itself and the ache it leaves, do you have any of these in a leg:
    #: pain, throbbing or tenderness that stays or gets worse; swelling, redness or warmth;
    #: weakness, numbness or pins and needles; a cold, pale or blue leg or foot; a sudden severe
    #: pain that stays; pain even at rest; pain far worse than expected after exercise, heat or
    #: an injury?
    leg_signs: bool | None

    #: Do you have any of these: both legs or ankles swollen; pain in the calf, thigh or buttock
    #: on walking that eases when you rest; leg muscles that have got thinner?
    leg_changes: bool | None

    #: Do you have any of these: vomiting or diarrhoea; no urine for 8 hours, or dizziness on
    #: standing that does not pass; a high temperature; a racing or irregular heartbeat at rest;
    #: coughing up blood; cramps in your chest, arms or belly; twitching muscles; tingling
    #: around your mouth or in your fingers; a recent wound or cut; contact with lead, mercury
    #: or another poison?
    body_signs: bool | None

    #: Do you have any of these: kidney disease or dialysis; liver disease; heart failure or a
    #: limit on how much to drink; another heart problem; a low-salt diet; diabetes; a thyroid
    #: problem; heavy drinking?
    health_conditions: bool | None

    #: Do the cramps happen often or wake you at night, go on despite stretching, rest and
    #: drinking, or hurt so much that they stop you doing your usual things?
    cramp_pattern: bool | None

    #: Do any of these apply: surgery, a hospital stay or a leg in plaster in the last 12 weeks;
    #: the combined pill or HRT; cancer or its treatment; a blood clot before; pregnancy or a
    #: birth in the last 6 weeks?
    clot_risks: bool | None
