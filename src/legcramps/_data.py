"""The built-in knowledge: the five causes, their signs, the red flags, the medications.

Every threshold and weight is here, with its basis; the engine in
``_knowledge.py`` knows none of them. The causes, in the order of the source
text, come from ``causes-of-severe-leg-cramps.txt``; the rest from the
project's domain reference (DOMAIN.md), which names the published sources.
"""

from __future__ import annotations

from legcramps._model import (
    Cause,
    Condition,
    DrugClass,
    FactorKind,
    Medication,
    RedFlag,
    RiskFactor,
    Sign,
    Source,
    Urgency,
)

#: Bump on every change to the data below, so stored results say which knowledge made them.
VERSION = "2026.12.1"

# --- Sources -------------------------------------------------------------------------

SEED_TEXT = Source(
    "seed-text",
    "Here are the causes of severe leg cramps",
    "The source text of legcramps: causes-of-severe-leg-cramps.txt.",
)
ALLEN_KIRBY_2012 = Source(
    "allen-kirby-2012",
    "Nocturnal leg cramps",
    "Allen RE, Kirby KA. Nocturnal leg cramps. Am Fam Physician 2012;86(4):350-355.",
)
GARRISON_2012 = Source(
    "garrison-2012",
    "Nocturnal leg cramps and prescription use that precedes them",
    "Garrison SR, Dormuth CR, Morrow RL, Carney GA, Khan KM. Nocturnal leg cramps and "
    "prescription use that precedes them: a sequence symmetry analysis. "
    "Arch Intern Med 2012;172(2):120-126.",
)
KATZBERG_2010 = Source(
    "katzberg-2010",
    "Assessment: symptomatic treatment for muscle cramps (an evidence-based review)",
    "Katzberg HD, Khan AH, So YT. Report of the Therapeutics and Technology Assessment "
    "Subcommittee of the American Academy of Neurology. Neurology 2010;74:691-696.",
)
EFSA_2010 = Source(
    "efsa-2010",
    "Scientific Opinion on Dietary Reference Values for water",
    "EFSA Panel on Dietetic Products, Nutrition and Allergies. EFSA Journal 2010;8(3):1459: "
    "adequate intake of total water 2.0 L (women) and 2.5 L (men) a day, about 80% from drinks.",
)
NASEM_2004 = Source(
    "nasem-2004",
    "Dietary Reference Intakes for Water, Potassium, Sodium, Chloride, and Sulfate",
    "Institute of Medicine of the US National Academies, 2004: adequate intake of total "
    "water 2.7 L (women) and 3.7 L (men) a day.",
)
MAYO_CRAMP = Source("mayo-muscle-cramp", "Muscle cramp", "Mayo Clinic, patient information.")
NHS_DVT = Source("nhs-dvt", "DVT (deep vein thrombosis)", "NHS, health A to Z.")
NHS_LEG_CRAMPS = Source("nhs-leg-cramps", "Leg cramps", "NHS, health A to Z.")
CDC_RHABDO = Source(
    "cdc-niosh-rhabdomyolysis",
    "Rhabdomyolysis",
    "CDC / NIOSH, heat stress and rhabdomyolysis information for workers.",
)
MERCK_CRAMPS = Source(
    "merck-home-muscle-cramps",
    "Muscle cramps",
    "Merck Manual, consumer version (home edition).",
)
EXPERT_OPINION = Source(
    "expert-opinion",
    "Expert opinion",
    "No published threshold: a judgement kept as data, documented, and easy to override.",
)

# --- Risk factors, in the order a person would be asked about a cause -------------------

YES_NO = FactorKind.YES_NO
NUMBER = FactorKind.NUMBER

FACTORS = (
    RiskFactor(
        "exercise_minutes",
        "How many minutes did you exercise in the 24 hours before the cramp?",
        NUMBER,
        unit="minutes",
        minimum=0,
        maximum=1440,
    ),
    RiskFactor(
        "exercise_intensity",
        "How hard was that exercise: light, moderate or vigorous?",
        FactorKind.CHOICE,
        choices=("light", "moderate", "vigorous"),
    ),
    RiskFactor(
        "unaccustomed_exercise",
        "Was the exercise more than, or different from, what you are used to?",
        YES_NO,
    ),
    RiskFactor("overtired", "Have you been feeling overtired lately?", YES_NO),
    RiskFactor(
        "recovery_hours",
        "How many hours had passed since your previous hard workout ended?",
        NUMBER,
        unit="hours",
        minimum=0,
        maximum=8760,  # a year: an upper bound on the answer, not a threshold
    ),
    RiskFactor(
        "poor_diet",
        "Have you been eating less well than usual lately?",
        YES_NO,
    ),
    RiskFactor(
        "medications",
        "Which medications do you take? (names, such as furosemide or Lasix)",
        FactorKind.MEDICATIONS,
    ),
    RiskFactor(
        "new_medication",
        "Did you start a new medication around the time the cramps began?",
        YES_NO,
    ),
    RiskFactor(
        "sitting_hours",
        "What was the longest stretch, in hours, that you sat without moving much?",
        NUMBER,
        unit="hours",
        minimum=0,
        maximum=24,
    ),
    RiskFactor(
        "standing_hours",
        "What was the longest stretch, in hours, that you stood still or in line?",
        NUMBER,
        unit="hours",
        minimum=0,
        maximum=24,
    ),
    RiskFactor(
        "fluid_litres",
        "How many litres of fluid did you drink in the 24 hours before the cramp?",
        NUMBER,
        unit="litres",
        minimum=0,
        maximum=20,
    ),
    RiskFactor("hot_weather", "Was the weather hot, or were you somewhere hot?", YES_NO),
    RiskFactor("heavy_sweating", "Were you sweating heavily?", YES_NO),
    RiskFactor(
        "leg_swelling",
        "Is one leg swollen, red or warm to the touch?",
        YES_NO,
    ),
    RiskFactor(
        "chest_pain_or_breathlessness",
        "Do you have chest pain or are you short of breath?",
        YES_NO,
    ),
    RiskFactor(
        "cramp_minutes",
        "How many minutes did the cramp last?",
        NUMBER,
        unit="minutes",
        minimum=0,
        maximum=1440,  # a day: an upper bound on the answer, not a threshold
    ),
    RiskFactor(
        "dark_urine",
        "Is your urine dark, like tea or cola, after exertion or heat?",
        YES_NO,
    ),
    RiskFactor(
        "muscle_weakness",
        "Do you have muscle weakness in the leg?",
        YES_NO,
    ),
    RiskFactor(
        "numbness",
        "Do you have numbness or loss of feeling in the leg?",
        YES_NO,
    ),
    RiskFactor(
        "frequent_cramps",
        "Do the cramps happen often, or wake you from sleep?",
        YES_NO,
    ),
    RiskFactor(
        "persists_despite_self_care",
        "Have the cramps gone on despite stretching, rest and drinking enough?",
        YES_NO,
    ),
)

# --- Medications (DOMAIN.md medication table; ATC from the WHO ATC/DDD index) -----------

LOOP = DrugClass.LOOP_DIURETIC
THIAZIDE = DrugClass.THIAZIDE_DIURETIC
THIAZIDE_LIKE = DrugClass.THIAZIDE_LIKE_DIURETIC
K_SPARING = DrugClass.POTASSIUM_SPARING_DIURETIC
LABA = DrugClass.LONG_ACTING_BETA_AGONIST
STATIN = DrugClass.STATIN

MEDICATIONS = (
    Medication("furosemide", LOOP, "C03CA01", ("Lasix",)),
    Medication("bumetanide", LOOP, "C03CA02", ("Bumex", "Burinex")),
    Medication("torasemide", LOOP, "C03CA04", ("Demadex",), ("torsemide",), atc_confirmed=False),
    Medication(
        "etacrynic acid", LOOP, "C03CC01", ("Edecrin",), ("ethacrynic acid",), atc_confirmed=False
    ),
    Medication("hydrochlorothiazide", THIAZIDE, "C03AA03", ("Microzide", "HydroDIURIL", "Esidrix")),
    Medication("chlorothiazide", THIAZIDE, "C03AA04", ("Diuril",), atc_confirmed=False),
    Medication(
        "bendroflumethiazide", THIAZIDE, "C03AA01", ("Aprinox", "Neo-NaClex"), atc_confirmed=False
    ),
    Medication(
        "methyclothiazide", THIAZIDE, "C03AA08", ("Enduron", "Aquatensen"), atc_confirmed=False
    ),
    Medication(
        "chlortalidone", THIAZIDE_LIKE, "C03BA04", ("Hygroton", "Thalitone"), ("chlorthalidone",)
    ),
    Medication("indapamide", THIAZIDE_LIKE, "C03BA11", ("Lozol", "Natrilix")),
    Medication("metolazone", THIAZIDE_LIKE, "C03BA08", ("Zaroxolyn", "Xaqua")),
    Medication("xipamide", THIAZIDE_LIKE, "C03BA10", ("Diurexan",), atc_confirmed=False),
    Medication("spironolactone", K_SPARING, "C03DA01", ("Aldactone",)),
    Medication("eplerenone", K_SPARING, "C03DA04", ("Inspra",), atc_confirmed=False),
    Medication("amiloride", K_SPARING, "C03DB01", ("Midamor",)),
    Medication("triamterene", K_SPARING, "C03DB02", ("Dyrenium", "Dytac")),
    Medication("salmeterol", LABA, "R03AC12", ("Serevent",), atc_confirmed=False),
    Medication("formoterol", LABA, "R03AC13", ("Foradil", "Oxis"), atc_confirmed=False),
    Medication("atorvastatin", STATIN, "C10AA05", ("Lipitor",), atc_confirmed=False),
    Medication("simvastatin", STATIN, "C10AA01", ("Zocor",), atc_confirmed=False),
    Medication("rosuvastatin", STATIN, "C10AA07", ("Crestor",), atc_confirmed=False),
    Medication("pravastatin", STATIN, "C10AA03", ("Pravachol",), atc_confirmed=False),
    Medication("lovastatin", STATIN, "C10AA02", ("Mevacor",), atc_confirmed=False),
)

DIURETICS = (LOOP.value, THIAZIDE.value, THIAZIDE_LIKE.value, K_SPARING.value)

# --- The five causes, in the source text's order ------------------------------------------

# One scale for all causes: a total of LIKELY_AT or more is likely, POSSIBLE_AT or more possible.
LIKELY_AT = 3
POSSIBLE_AT = 1

DOCTOR_ABOUT_MEDICATION = (
    "Talk to your doctor or pharmacist about your medications; do not stop or change a "
    "prescribed medicine without talking to the prescriber."
)

CAUSES = (
    Cause(
        id="overuse",
        name="Exercise overuse",
        summary="Cramps after a long or hard session, such as a long run or a boot camp.",
        mechanism=(
            "The nerves running from the brain and spinal cord down to the muscle become "
            "over-excited and fire an involuntary cramp."
        ),
        advice=(
            (
                "Build up the length and intensity of exercise gradually, and rest between "
                "hard sessions."
            ),
            "Gently stretch and massage the cramped muscle.",
        ),
        evidence_note=(
            "Muscle fatigue and nerve dysfunction are the best-supported explanation of leg "
            "cramps (Allen & Kirby 2012)."
        ),
        sources=(SEED_TEXT, ALLEN_KIRBY_2012),
        signs=(
            Sign(
                Condition("exercise_minutes", at_least=60),
                1,
                "A long exercise session (60 minutes or more).",
                EXPERT_OPINION,
            ),
            Sign(
                Condition("exercise_minutes", at_least=90),
                1,
                "A very long exercise session (90 minutes or more).",
                EXPERT_OPINION,
            ),
            Sign(
                Condition("exercise_intensity", one_of=("vigorous",)),
                1,
                "Vigorous exercise.",
                SEED_TEXT,
            ),
            Sign(
                Condition("unaccustomed_exercise"),
                2,
                "Exercise beyond what you are used to.",
                SEED_TEXT,
            ),
        ),
    ),
    Cause(
        id="fatigue",
        name="Fatigue and incomplete recovery",
        summary="Cramps when you are overtired, or back at it before your muscles recovered.",
        mechanism=(
            "Overtired people tend to be laxer with diet and fluids, and a fatigued muscle is "
            "less synchronised in using nutrients: it loses more nutrients than it uses."
        ),
        advice=(
            "Allow at least a day of recovery after a hard workout, and get enough sleep.",
            "Eat regular, balanced meals and keep drinking enough while you are tired.",
        ),
        evidence_note=(
            "Muscle fatigue is among the best-supported explanations of leg cramps "
            "(Allen & Kirby 2012)."
        ),
        sources=(SEED_TEXT, ALLEN_KIRBY_2012),
        signs=(
            Sign(Condition("overtired"), 2, "Feeling overtired.", SEED_TEXT),
            Sign(
                Condition("recovery_hours", below=24),
                2,
                "Less than about 24 hours of recovery since the previous hard workout.",
                EXPERT_OPINION,
            ),
            Sign(Condition("poor_diet"), 1, "Eating less well than usual.", SEED_TEXT),
        ),
    ),
    Cause(
        id="medication",
        name="Medication side effects",
        summary=(
            "Cramps as a side effect of a medication, above all diuretics; look at recent "
            "additions to the medication list."
        ),
        mechanism=(
            "Diuretics, a class of medications used to lower blood pressure, may trigger cramps "
            "because they deplete the body of fluid and salts."
        ),
        advice=(
            "Look at recent additions to your medication list.",
            DOCTOR_ABOUT_MEDICATION,
        ),
        evidence_note=(
            "In 4.2 million people aged 50 and over, starting a long-acting beta-agonist or a "
            "diuretic was followed by more treated leg cramps (adjusted sequence ratios: "
            "long-acting beta-agonists 2.42, potassium-sparing diuretics 2.12, thiazide-like "
            "1.48, all diuretics 1.47, loop 1.20, not significant); statins showed only a small "
            "association (1.16) (Garrison et al. 2012)."
        ),
        sources=(SEED_TEXT, GARRISON_2012),
        signs=(
            Sign(
                Condition("medications", one_of=DIURETICS),
                3,
                "A diuretic, which can deplete the body of fluid and salts.",
                SEED_TEXT,
                advice=DOCTOR_ABOUT_MEDICATION,
            ),
            Sign(
                Condition("medications", one_of=(LABA.value,)),
                3,
                "A long-acting beta-agonist, the class most strongly linked to leg cramps.",
                GARRISON_2012,
                advice=DOCTOR_ABOUT_MEDICATION,
            ),
            Sign(
                Condition("medications", one_of=(STATIN.value,)),
                1,
                "A statin, which has a small association with leg cramps.",
                GARRISON_2012,
                advice=DOCTOR_ABOUT_MEDICATION,
            ),
            Sign(
                Condition("new_medication"),
                2,
                "A medication started around the time the cramps began.",
                SEED_TEXT,
                advice=(
                    "See a doctor within 1-2 days about the new medication, and keep taking it "
                    "until then unless a doctor tells you otherwise."
                ),
                min_urgency=Urgency.SEE_DOCTOR,
            ),
        ),
    ),
    Cause(
        id="posture",
        name="Prolonged sitting or standing",
        summary=(
            "Cramps after hours without moving: a day sitting at a conference, or standing in line."
        ),
        mechanism=(
            "Muscles are made to move, contract and rest; sitting or standing still for a long "
            "time fatigues them, which in turn can cause cramping."
        ),
        advice=(
            (
                "Get up, walk and stretch your calves every hour or so when sitting or "
                "standing for long."
            ),
        ),
        evidence_note=(
            "Rests on muscle fatigue, the best-supported explanation (Allen & Kirby 2012); the "
            "4-hour threshold is expert opinion, also used in travel advice about blood clots."
        ),
        sources=(SEED_TEXT, ALLEN_KIRBY_2012),
        signs=(
            Sign(
                Condition("sitting_hours", at_least=2),
                1,
                "Sitting for 2 hours or more at a stretch.",
                EXPERT_OPINION,
            ),
            Sign(
                Condition("sitting_hours", at_least=4),
                2,
                "Sitting for several hours (4 or more) at a stretch.",
                EXPERT_OPINION,
            ),
            Sign(
                Condition("standing_hours", at_least=2),
                1,
                "Standing still for 2 hours or more at a stretch.",
                EXPERT_OPINION,
            ),
            Sign(
                Condition("standing_hours", at_least=4),
                2,
                "Standing still for several hours (4 or more) at a stretch.",
                EXPERT_OPINION,
            ),
        ),
    ),
    Cause(
        id="dehydration",
        name="Dehydration",
        summary="Cramps in heat or heavy sweating without enough to drink.",
        mechanism=(
            "Largely theoretical: fluid depletion may sensitise nerve endings, triggering "
            "contractions and increasing pressure on motor nerve endings."
        ),
        advice=("Drink regularly through the day, and more in hot weather and when exercising.",),
        evidence_note=(
            "Weaker evidence: the source text itself calls the mechanism largely theoretical, "
            "and reviews favour fatigue and nerve dysfunction over fluid and electrolytes."
        ),
        sources=(SEED_TEXT, ALLEN_KIRBY_2012, EFSA_2010, NASEM_2004),
        signs=(
            Sign(
                Condition("fluid_litres", below=1.6),
                2,
                "Less than about 1.6 litres of fluid in a day, below the adequate intake.",
                EFSA_2010,
            ),
            Sign(Condition("hot_weather"), 1, "Hot weather.", SEED_TEXT),
            Sign(Condition("heavy_sweating"), 1, "Heavy sweating.", SEED_TEXT),
            Sign(
                Condition("medications", one_of=DIURETICS),
                1,
                "A diuretic, which removes fluid and salts from the body.",
                SEED_TEXT,
            ),
        ),
    ),
)

# --- Red flags (override every score) -----------------------------------------------------

RED_FLAGS = (
    RedFlag(
        id="pulmonary_embolism",
        name="Chest pain or breathlessness",
        why="May be a blood clot in the lungs (pulmonary embolism), with or without a swollen leg.",
        urgency=Urgency.EMERGENCY,
        advice="Call your local emergency number now.",
        sources=(NHS_DVT,),
        when=(Condition("chest_pain_or_breathlessness"),),
    ),
    RedFlag(
        id="rhabdomyolysis",
        name="Dark urine",
        why=(
            "Tea- or cola-coloured urine after exertion or heat may be rhabdomyolysis, a "
            "breakdown of muscle that can damage the kidneys."
        ),
        urgency=Urgency.EMERGENCY,
        advice="Get emergency medical help now.",
        sources=(CDC_RHABDO,),
        when=(Condition("dark_urine"),),
    ),
    RedFlag(
        id="deep_vein_thrombosis",
        name="One leg swollen, red or warm",
        why=(
            "May be a blood clot in a leg vein (deep vein thrombosis), above all after long "
            "sitting or travel."
        ),
        urgency=Urgency.URGENT,
        advice="Get medical advice today, the same day.",
        sources=(MAYO_CRAMP, NHS_DVT),
        when=(Condition("leg_swelling"),),
    ),
    RedFlag(
        id="long_cramp",
        name="A cramp lasting more than 10 minutes",
        why="Ordinary cramps pass within minutes; a very long one needs to be looked at.",
        urgency=Urgency.URGENT,
        advice="Get medical advice today, the same day.",
        sources=(NHS_LEG_CRAMPS,),
        when=(Condition("cramp_minutes", above=10),),
    ),
    RedFlag(
        id="nerve_or_muscle_signs",
        name="Muscle weakness, numbness or loss of feeling",
        why="May point at a problem with the nerves or muscles rather than an ordinary cramp.",
        urgency=Urgency.SEE_DOCTOR,
        advice="See a doctor about the weakness or numbness.",
        sources=(MAYO_CRAMP, NHS_LEG_CRAMPS, MERCK_CRAMPS),
        when=(Condition("muscle_weakness"), Condition("numbness")),
    ),
    RedFlag(
        id="troublesome_cramps",
        name="Frequent, sleep-disturbing or persistent cramps",
        why="Cramps that are frequent, disturb sleep or do not improve with self-care need a "
        "doctor to look for an underlying cause.",
        urgency=Urgency.SEE_DOCTOR,
        advice="See a doctor about the cramps.",
        sources=(MAYO_CRAMP, NHS_LEG_CRAMPS),
        when=(Condition("frequent_cramps"), Condition("persists_despite_self_care")),
    ),
)

DISCLAIMER = (
    "This is general information, not a diagnosis or medical advice. It cannot rule out a "
    "serious condition; if you are worried, or the cramps are severe or unusual, see a doctor."
)

NO_OBVIOUS_CAUSE_ADVICE = (
    "No cause stands out from the answers so far: look at recent additions to your medication "
    "list, and see a doctor if the cramps have no obvious cause."
)

UNANSWERED_RED_FLAGS_ADVICE = (
    "Some warning-sign questions are still unanswered, and the result may be more urgent than it "
    "shows: answer them, and get medical help if any applies."
)

UNDETERMINED_ADVICE = (
    "Not enough is known yet to say how soon to see a doctor: answer the remaining questions. "
    "This is not a self-care result."
)

UNRECOGNIZED_MEDICATIONS_ADVICE = (
    "Some medications were not recognised: ask your doctor or pharmacist whether any of them "
    "can cause cramps."
)

SELF_CARE_ADVICE = (
    "See a doctor if the cramps become frequent, disturb your sleep or do not improve with "
    "self-care."
)
