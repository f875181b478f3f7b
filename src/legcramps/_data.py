"""The built-in knowledge: the five causes, their signs, the red flags, the medications.

Every threshold, weight, red flag and piece of advice is here, with its basis; the
engine knows none of them. The five causes, in the order of the source text, come
from ``causes-of-severe-leg-cramps.txt``. Every other fact names the public source it
was read in, with the address and the date it was read (2026-12-01, from the stored
copies the project's search tool holds). Where a page of a health service was not
stored under its own address, a copy that reproduces its text is cited by the copy's
address, and the citation says so. Where no source gives a number (the weights, most
thresholds), the basis is :data:`EXPERT_OPINION`.
"""

import attrs

from legcramps._model import (
    AdviceRule,
    AllOf,
    Cause,
    Code,
    Condition,
    DrugClass,
    FactorKind,
    Medication,
    RedFlag,
    RiskFactor,
    RiskNote,
    Sign,
    Source,
    Urgency,
)

#: Bump on every change to the data below, so stored results say which knowledge made them.
VERSION = "2026.12.8"

_READ = "2026-12-01"
_READ_2 = "2026-12-02"

# --- Sources -------------------------------------------------------------------------

SEED_TEXT = Source(
    "seed-text",
    "Here are the causes of severe leg cramps",
    "The source text of legcramps: causes-of-severe-leg-cramps.txt.",
)
ALLEN_KIRBY_2012 = Source(
    "allen-kirby-2012",
    "Nocturnal leg cramps",
    "Allen RE, Kirby KA. Nocturnal leg cramps. Am Fam Physician 2012;86(4):350-355 "
    "(PMID 22963024): the abstract, and the AAFP's patient handout for it; the medicines "
    "'strongly associated with leg cramps' are intravenous iron sucrose, conjugated "
    "estrogens, raloxifene, naproxen and teriparatide.",
    "https://www.aafp.org/afp/2012/0815/p350-s1.html",
    _READ,
)
GARRISON_2012 = Source(
    "garrison-2012",
    "Nocturnal leg cramps and prescription use that precedes them",
    "Garrison SR, Dormuth CR, Morrow RL, Carney GA, Khan KM. Nocturnal leg cramps and "
    "prescription use that precedes them: a sequence symmetry analysis. "
    "Arch Intern Med 2012;172(2):120-126 (PMID 22157068; the abstract, read in a copy).",
    "https://pubmed.ncbi.nlm.nih.gov/22157068/",
    _READ,
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
NHS_INFORM_LEG_CRAMPS = Source(
    "nhs-inform-leg-cramps",
    "Leg cramps",
    "NHS inform (NHS Scotland): speak to your GP urgently if cramps last longer than 10 "
    "minutes; see your GP for frequent cramps, numbness or swelling, or shrinking muscles.",
    "https://www.nhsinform.scot/illnesses-and-conditions/muscle-bone-and-joints/conditions/leg-cramps",
    _READ,
)
NHS_LEG_CRAMPS = Source(
    "nhs-leg-cramps",
    "Leg cramps",
    "NHS website text, as reproduced by a health site (the nhs.uk page itself was not "
    "stored): ask for an urgent appointment for cramps lasting longer than 10 minutes or "
    "after a wound that may carry tetanus; see a GP for cramps that disturb sleep; after "
    "a cramp the muscle may be tender for up to 24 hours.",
    "https://www.doctoori.net/health-information/health-resources-a-z/conditions/?condition=leg-cramps",
    _READ,
)
NHS_LEG_CRAMPS_IMMEDIATE = Source(
    "nhs-leg-cramps-immediate",
    "Symptoms of leg cramps: when to seek immediate medical advice",
    "The NHS website's earlier leg-cramps text ('Content supplied by the NHS Website'), in a "
    "copy: seek immediate medical help if the cramps last longer than 10 minutes and fail to "
    "improve, or follow contact with a poison, or a cut contaminated with soil; contact your "
    "GP immediately, or NHS 111; see a GP if cramps are so painful that they disturb your "
    "sleep and you cannot function normally the next day.",
    "https://zana.com/a/leg-cramps-symptoms-leg-cramps.1344",
    _READ,
)
MAYO_MUSCLE_CRAMP = Source(
    "mayo-muscle-cramp",
    "Muscle cramp",
    "Mayo Clinic patient information, as reproduced by Augusta Health: see your doctor "
    "for cramps that cause severe discomfort, with leg swelling, redness or skin changes, "
    "muscle weakness, frequent cramps, cramps that do not improve with self-care or have "
    "no obvious cause.",
    "https://augustahealth.com/disease/muscle-cramp",
    _READ,
)
MAYO_NIGHT_LEG_CRAMPS = Source(
    "mayo-night-leg-cramps",
    "Night leg cramps: when to see a doctor",
    "Mayo Clinic: seek immediate medical care for severe and persistent cramping, or night "
    "leg cramps after contact with a toxin such as lead; schedule an office visit for "
    "muscle weakness and atrophy with cramps, or sleep broken by cramps.",
    "http://www.mayoclinic.org/symptoms/night-leg-cramps/basics/when-to-see-doctor/sym-20050813",
    _READ,
)
MERCK_MUSCLE_CRAMPS = Source(
    "merck-home-muscle-cramps",
    "Muscle cramps (Quick Facts)",
    "Merck Manual, consumer version: see a doctor right away for cramps in the chest, "
    "arms or belly, weakness or losing feeling, muscle twitches, or cramps after losing a "
    "lot of fluid; call your doctor in 1 to 2 days for cramps on walking that go when you "
    "stop, cramps that began with a new medicine, or heavy drinking.",
    "https://www.merckmanuals.com/home/quick-facts-brain,-spinal-cord,-and-nerve-disorders/"
    "symptoms-of-brain-spinal-cord-and-nerve-disorders/muscle-cramps",
    _READ,
)
MERCK_CRAMP_CAUSES = Source(
    "merck-home-cramp-causes",
    "Conditions that cause or contribute to muscle cramps",
    "Merck Manual, consumer version, table: drugs, dialysis, low potassium, magnesium or "
    "calcium, hypothyroidism, exercise, sitting for a long time.",
    "https://www.merckmanuals.com/home/multimedia/table/v6592963",
    _READ,
)
NICE_CKS_LEG_CRAMPS = Source(
    "nice-cks-leg-cramps",
    "Leg cramps (Clinical Knowledge Summary)",
    "NICE CKS summary, revised September 2012: look for calf pain with exercise, numbness "
    "or weakness, wasting and fasciculations, pallor, calf swelling, an underlying "
    "condition, and medication (diuretics, salbutamol, nifedipine).",
    "http://cks.nice.org.uk/leg-cramps",
    _READ,
)
NHS_DVT = Source(
    "nhs-dvt",
    "Deep vein thrombosis",
    "University College London Hospitals NHS Foundation Trust: throbbing or cramping pain "
    "in one leg, swelling in one leg, warm, red or darkened skin, swollen veins.",
    "https://uclh.nhs.uk/patients-and-visitors/patient-information-pages/deep-vein-thrombosis",
    _READ,
)
NHS_DVT_URGENCY = Source(
    "nhs-dvt-urgency",
    "Deep vein thrombosis (DVT)",
    "NHS (an earlier beta.nhs.uk page): get an urgent GP appointment for DVT symptoms, "
    "swelling and pain in the leg like throbbing or cramping, more pain when you flex your "
    "foot, warm, red and tender skin; call 999 or go to A&E with breathlessness and chest "
    "pain.",
    "https://beta.nhs.uk/conditions/deep-vein-thrombosis-dvt/?WT.mc_id=organic_split",
    _READ,
)
NHS_DVT_RISKS = Source(
    "nhs-dvt-risks",
    "Deep vein thrombosis (DVT)",
    "NHS 111 Wales: ask for an urgent GP appointment or call 111 if you think you have DVT; "
    "more likely if you are over 60, have had DVT before, take the contraceptive pill or "
    "HRT, have cancer or heart failure, are staying in or recently left hospital, go on a "
    "journey of more than 3 hours, are pregnant or had a baby in the previous 6 weeks, or "
    "are dehydrated.",
    "https://111.wales.nhs.uk/encyclopaedia/d/article/deepveinthrombosis(dvt)",
    _READ,
)
NHS_PULMONARY_EMBOLISM = Source(
    "nhs-pulmonary-embolism",
    "Pulmonary embolism",
    "NHS factsheet, as published by AXA Health: call 999 or go to A&E for severe "
    "difficulty breathing, chest pain, a very fast heartbeat, or someone passing out.",
    "https://axahealth.co.uk/staying-healthy/nhs-factsheets/pulmonary-embolism",
    _READ,
)
NIDIRECT_PULMONARY_EMBOLISM = Source(
    "nidirect-pulmonary-embolism",
    "Pulmonary embolism",
    "nidirect (Northern Ireland): if your symptoms are severe, dial 999 immediately and ask "
    "for an ambulance; see your GP or out-of-hours service as soon as possible for a "
    "combination of the symptoms.",
    "https://www.nidirect.gov.uk/conditions/pulmonary-embolism",
    _READ,
)
HEALTH_NZ_LIMB_ISCHAEMIA = Source(
    "health-nz-acute-limb-ischaemia",
    "Acute limb ischaemia",
    "Health New Zealand: a medical emergency; go to an emergency department or call for an "
    "ambulance for a painful, pale, cold leg with pins and needles or that cannot move.",
    "https://info.health.nz/conditions-treatments/blood/peripheral-vascular-disease/acute-limb-ischaemia",
    _READ,
)
RCEM_SIX_PS = Source(
    "rcem-six-ps",
    "Acute limb ischaemia: the 6 Ps",
    "Royal College of Emergency Medicine learning module: pain, pallor, paraesthesia, "
    "paralysis, perishingly cold, pulselessness.",
    "https://www.rcemlearning.co.uk/modules/acute-limb-ischaemia/lessons/"
    "clinical-assessment-and-risk-stratification-18/topic/the-6-ps/",
    _READ,
)
NHS_PAD = Source(
    "nhs-pad",
    "Symptoms of peripheral arterial disease",
    "NHS (an older page): see your GP for leg pain on walking; see a doctor urgently if "
    "symptoms get suddenly worse or the leg pain is constant, even at rest.",
    "http://www.nhs.uk/Conditions/peripheralarterialdisease/Pages/Symptoms.aspx",
    _READ,
)
NIDIRECT_PAD = Source(
    "nidirect-pad",
    "Peripheral arterial disease (PAD)",
    "nidirect (Northern Ireland): leg pain on walking that eases with a few minutes' rest; "
    "see your GP; symptoms that come on quickly need immediate treatment.",
    "https://www.nidirect.gov.uk/conditions/peripheral-arterial-disease-pad",
    _READ,
)
CDC_NIOSH_HEAT = Source(
    "cdc-niosh-heat-illness",
    "Heat stress: heat related illness",
    "CDC / NIOSH: heat stroke (confusion, loss of consciousness, very high temperature) - "
    "call 911; heat exhaustion - a clinic or emergency room.",
    "https://www.cdc.gov/niosh/topics/heatstress/heatrelillness.html",
    _READ,
)
CDC_HEAT_CRAMPS = Source(
    "cdc-heat-cramps",
    "Heat-related illness: what to look for and what to do",
    "CDC's advice as reproduced by Cheshire Medical Center: for heat cramps stop, move to "
    "a cool place, drink water or a sports drink; get medical help right away if cramps "
    "last longer than 1 hour, or with heart problems or a low-sodium diet; heat stroke: "
    "a body temperature of 103 degrees F (39.4 C) or higher, hot, red, dry or damp skin.",
    "https://www.cheshiremed.org/health-wellness/article/heat-related-illness-what-look-and-what-do",
    _READ,
)
NIOSH_HEAT_CRAMPS = Source(
    "niosh-heat-cramps",
    "Heat cramps",
    "NIOSH first aid for heat cramps, as reproduced by Fit to Work: get medical help for "
    "heart problems, a low sodium diet, or cramps not subsiding within 1 hour.",
    "https://fittowork.net/index.php/healthy-life/70-heat/175-heat-cramps",
    _READ,
)
NHS_WALES_HEAT = Source(
    "nhs-wales-heat",
    "Heat exhaustion and heatstroke",
    "Public Health Wales (NHS text): call 999 if still unwell after 30 minutes of resting "
    "somewhere cool, for a very high temperature, hot skin that is not sweating, a fast "
    "heartbeat or fast breathing, confusion and lack of coordination, a seizure or fit, or "
    "losing consciousness; a high temperature alone is a sign of heat exhaustion.",
    "https://publichealthwales.nhs.wales/services-and-teams/environmental-public-health/"
    "extreme-hot-weather/extreme-hot-weather-accordion/heat-exhaustion-and-heatstroke/",
    _READ,
)
CDC_RHABDO = Source(
    "cdc-niosh-rhabdomyolysis",
    "Rhabdomyolysis",
    "CDC / NIOSH: a serious medical condition; get tested right away.",
    "https://www.cdc.gov/niosh/topics/rhabdo/default.html",
    _READ,
)
CDC_RHABDO_SIGNS = Source(
    "cdc-niosh-rhabdomyolysis-signs",
    "NIOSH update: rhabdomyolysis",
    "CDC / NIOSH, 21 August 2018: muscle cramps, aches or pain more severe than expected, "
    "tea- or cola-coloured urine, weakness; symptoms may appear days after exertion or heat.",
    "https://archive.cdc.gov/www_cdc_gov/niosh/updates/upd-08-21-18.html",
    _READ,
)
NHS_DEHYDRATION = Source(
    "nhs-dehydration-symptoms",
    "Symptoms of dehydration",
    "NHS Choices, as reproduced by Zana: severe dehydration is a medical emergency; contact "
    "your GP, out-of-hours service or NHS 111 straight away for dizziness when you stand up "
    "that doesn't go away after a few seconds, not passing urine for eight hours, feeling "
    "unusually tired or confused, a weak or rapid pulse, fits or a low level of "
    "consciousness.",
    "https://zana.com/a/dehydration-symptoms-dehydration.1454?lang=en",
    _READ_2,
)
NHS_SEPSIS = Source(
    "nhs-sepsis-symptoms",
    "Symptoms of sepsis",
    "NHS, as reproduced by Elispot: call 999 or go to A&E if an adult or older child has "
    "any of: acting confused, slurred speech or not making sense; blue, grey, pale or blotchy "
    "skin, lips or tongue (on brown or black skin, easier to see on the palms or soles); a "
    "rash that does not fade when you roll a glass over it; difficulty breathing, "
    "breathlessness or breathing very fast.",
    "https://elispot.biz/about-all/early-sepsis-rash-symptoms-of-sepsis-nhs.html",
    _READ_2,
)
NHS_COMPARTMENT = Source(
    "nhs-compartment-syndrome",
    "Compartment syndrome",
    "NHS, as reproduced by Not In Line: symptoms can start suddenly, such as after an injury "
    "(acute compartment syndrome); call 999 or go to A&E if you have sudden, severe pain in "
    "any part of your body; if compartment syndrome is causing it, you need surgery as soon "
    "as possible.",
    "https://notinline.org/health-conditions/compartment-syndrome",
    _READ_2,
)
BCUHB_STROKE = Source(
    "bcuhb-signs-of-stroke",
    "Signs of stroke (FAST)",
    "Betsi Cadwaladr University Health Board (NHS Wales): a stroke is a medical emergency; "
    "for sudden weakness or numbness of the face, arm or leg on one side of the body, phone "
    "999 immediately and ask for an ambulance.",
    "https://bcuhb.nhs.wales/services/hospital-services/stroke-service/signs-of-stroke-fast",
    _READ_2,
)
NHS_WALES_SCIATICA = Source(
    "nhs-111-wales-sciatica",
    "Sciatica",
    "NHS 111 Wales: go to A&E or call 999 if you have sciatica on both sides, weakness or "
    "numbness in both legs that is severe or getting worse, or numbness around or under your "
    "genitals, or around your bottom.",
    "http://111.wales.nhs.uk/encyclopaedia/s/article/sciatica/",
    _READ_2,
)
HEALTHIFY_SCIATICA = Source(
    "healthify-sciatica",
    "Sciatica",
    "Healthify He Puna Waiora (New Zealand): call 111 (the emergency number there) and ask "
    "for an ambulance for tingling or numbness in both legs and around the buttocks or "
    "genitals, weakness in both legs, or loss of bladder or bowel control: signs of cauda "
    "equina syndrome, which needs emergency surgery.",
    "https://healthify.nz/health-a-z/s/sciatica",
    _READ_2,
)
MAYO_STATIN_RHABDO = Source(
    "mayo-statin-rhabdomyolysis",
    "Rhabdomyolysis from statins: what's the risk?",
    "Mayo Clinic expert answer, 25 December 2025: mild muscle pain is common on statins; "
    '"if you notice mild muscle pain after you start to take a statin, contact your '
    'healthcare professional"; serious muscle pain, soreness and cramping, weakness and '
    "dark or cola-colored urine may be rhabdomyolysis: seek medical treatment right away.",
    "https://www.mayoclinic.org/diseases-conditions/high-blood-cholesterol/expert-answers/"
    "rhabdomyolysis/faq-20057817",
    _READ_2,
)
NHS_TETANUS = Source(
    "nhs-tetanus",
    "Tetanus",
    "NHS website content (the NHS API's condition widget): call 999 or go to A&E if you "
    "have a wound and it is large or deep, or you have a stiff jaw, painful muscle spasms "
    "or stiffness, difficulty breathing, a fast heartbeat or fits; symptoms usually start 4 "
    "to 21 days after infection.",
    "https://developer.api.nhs.uk/widgets/condition/?condition=/conditions/tetanus/",
    _READ,
)
MERCK_HYPOCALCEMIA = Source(
    "merck-home-hypocalcemia",
    "Hypocalcemia (low level of calcium in the blood)",
    "Merck Manual, consumer version: cramps, and tingling in the lips, fingers and feet.",
    "https://merckmanuals.com/home/hormonal-and-metabolic-disorders/electrolyte-balance/"
    "hypocalcemia-low-level-of-calcium-in-the-blood",
    _READ,
)
MAYO_HYPOKALEMIA = Source(
    "mayo-hypokalemia",
    "Hypokalemia",
    "Mayo Clinic health information, as published by St. Clair Health: see a health care "
    "professional immediately for an irregular heart rhythm.",
    "https://www.stclair.org/services/mayo-clinic-health-information/article/ABT-20334906",
    _READ,
)
MAYO_LOW_POTASSIUM = Source(
    "mayo-low-potassium",
    "Low potassium (hypokalemia): when to see a doctor",
    "Mayo Clinic: abnormal heart rhythms are the most worrisome complication of very low "
    "potassium levels, particularly in people with underlying heart disease.",
    "http://www.mayoclinic.org/symptoms/low-potassium/basics/when-to-see-doctor/sym-20050632",
    _READ,
)
NHS_FEVER = Source(
    "nhs-fever",
    "High temperature (fever) in adults",
    "NHS text, as published by an NHS practice: a high temperature is usually 38C or above; "
    "you may have one if you feel hot or shivery even if a thermometer says it is lower.",
    "https://limelighthealthhub.nhs.uk/health-a-to-z/high-temperature-fever-in-adults/",
    _READ,
)
NHS_PRE_ECLAMPSIA = Source(
    "nhs-pre-eclampsia",
    "Pre-eclampsia",
    "NHS website content, as published by Zana: swelling of the feet, ankles, face and "
    "hands is a symptom; seek medical advice immediately by calling your midwife, GP "
    "surgery or NHS 111.",
    "https://www.zana.com/c/pre-eclampsia.1213",
    _READ,
)
UK_CMO_ALCOHOL = Source(
    "uk-cmo-alcohol",
    "Low risk drinking guidelines",
    "UK Chief Medical Officers, as given by Drinkaware: to keep health risks from alcohol "
    "low, it is safest not to drink more than 14 units a week on a regular basis (a "
    "low-risk limit, used here as a conservative stand-in for heavy drinking).",
    "https://www.drinkaware.co.uk/low-risk-drinking-guidelines",
    _READ,
)
NICE_WELLS = Source(
    "nice-wells-score",
    "Two-level DVT Wells score",
    "NICE (CG144), as published by PubMed Health: recently bedridden for 3 days or more, or "
    "major surgery within 12 weeks, counts towards a DVT.",
    "https://www.ncbi.nlm.nih.gov/pubmedhealth/PMH0055213/table/appk.tu1/?report=objectonly",
    _READ,
)
NIDIRECT_OEDEMA = Source(
    "nidirect-oedema",
    "Oedema",
    "nidirect (Northern Ireland): see your GP if an oedema does not clear by itself; "
    "without waiting if you are also short of breath.",
    "https://www.nidirect.gov.uk/conditions/oedema",
    _READ,
)
HSE_PREGNANCY_CRAMPS = Source(
    "hse-pregnancy-leg-cramps",
    "Leg cramps during pregnancy",
    "HSE (Ireland): leg cramps are common in pregnancy; ask for an urgent GP appointment or "
    "call your maternity hospital if your leg is red and swollen.",
    "https://www2.hse.ie/conditions/leg-cramps-pregnancy/",
    _READ,
)
HEART_FAILURE_FLUIDS = Source(
    "heart-failure-matters-fluids",
    "Adjusting your diet: fluids",
    "Heart Failure Matters (Heart Failure Association of the ESC): your doctor or nurse "
    "may recommend how much to drink each day.",
    "http://www.heartfailurematters.org/en_GB/What-can-you-do/Adjusting-your-diet-Fluids",
    _READ,
)
KIDNEY_FLUIDS = Source(
    "kidney-health-australia-fluids",
    "Diet and nutrition",
    "Kidney Health Australia: speak with your healthcare team if you are unsure whether "
    "you have a fluid allowance.",
    "https://kidney.org.au/your-kidneys/living-with-kidney-disease/health-and-wellbeing/diet-nutrition",
    _READ,
)
EXPERT_OPINION = Source(
    "expert-opinion",
    "Expert opinion",
    "No published threshold: a judgement kept as data, documented, and easy to override.",
)

# --- Codes -----------------------------------------------------------------------------
# SNOMED CT concepts, each found in the SNOMED International Global Patient Set (July 2020);
# LOINC codes as docs/fhir.rst lists their sources. A cause or a red flag has a concept only
# where one means what it names (overuse and posture have none).

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"


def _snomed(code: str, display: str) -> tuple[Code, ...]:
    return (Code(SNOMED, code, display),)


def _loinc(code: str, display: str) -> tuple[Code, ...]:
    return (Code(LOINC, code, display),)


# --- Risk factors -----------------------------------------------------------------------

YES_NO = FactorKind.YES_NO
NUMBER = FactorKind.NUMBER
CHOICE = FactorKind.CHOICE

EXERCISED = Condition("exercise_minutes", above=0)
#: A hard workout in the last few days (4 days: expert opinion; CDC/NIOSH says muscle
#: breakdown may show "up to several days" after exertion or heat).
RECENT_HARD_WORKOUT = Condition("recovery_hours", below=96)
#: Exertion enough to make a very high temperature heat stroke, each as the conditions that
#: must all hold: an hour or more, vigorous effort, or half an hour or more of moderate
#: effort (expert opinion: Public Health Wales calls a very high temperature, or hot skin
#: that is not sweating, a heatstroke sign for 999; a 45-minute moderate run on a mild day
#: is exertion enough, a 30-minute light walk or 10 minutes of moderate effort is not).
HARD_EXERCISE = (
    (Condition("exercise_minutes", at_least=60),),
    (Condition("exercise_intensity", one_of=("vigorous",)),),
    (
        Condition("exercise_minutes", at_least=30),
        Condition("exercise_intensity", one_of=("moderate",)),
    ),
)


def _yes_no(factor_id: str, question: str, help_text: str = "") -> RiskFactor:
    return RiskFactor(factor_id, question, YES_NO, help=help_text)


FACTORS = (
    # The causes' inputs (the first 21 inputs keep their ids and meaning).
    RiskFactor(
        "exercise_minutes",
        "How many minutes did you exercise in the 24 hours before the cramp?",
        NUMBER,
        unit="minutes",
        minimum=0,
        maximum=1440,
        help="All exercise together: a run, a class, sport, a long walk. 0 if none.",
        codes=_loinc("55411-3", "Exercise duration"),
    ),
    RiskFactor(
        "exercise_intensity",
        "How hard was that exercise: light, moderate or vigorous?",
        CHOICE,
        choices=("light", "moderate", "vigorous"),
        help="Light: you can sing. Moderate: you can talk but not sing. Vigorous: you can "
        "say only a few words without a breath.",
        applies_when=(EXERCISED,),
    ),
    RiskFactor(
        "unaccustomed_exercise",
        "Was the exercise more than, or different from, what you are used to?",
        YES_NO,
        help="Longer, harder or new to you, such as a first long run or a boot camp.",
        applies_when=(EXERCISED,),
    ),
    _yes_no("overtired", "Have you been feeling overtired lately?"),
    RiskFactor(
        "recovery_hours",
        "How many hours had passed since your previous hard workout ended?",
        NUMBER,
        unit="hours",
        minimum=0,
        maximum=8760,  # a year: an upper bound on the answer, not a threshold
        help="From the end of your last hard workout to the cramp.",
    ),
    _yes_no("poor_diet", "Have you been eating less well than usual lately?"),
    RiskFactor(
        "medications",
        "Which medications do you take? (names, such as furosemide or Lasix)",
        FactorKind.MEDICATIONS,
        help="Every medicine you take now, prescribed or bought, inhalers and the pill "
        "included; none if you take none.",
    ),
    _yes_no(
        "new_medication",
        "Did you start a new medication around the time the cramps began?",
        "A medicine started, or its dose changed, in the weeks before the cramps began.",
    ),
    RiskFactor(
        "sitting_hours",
        "What was the longest stretch, in hours, that you sat without moving much?",
        NUMBER,
        unit="hours",
        minimum=0,
        maximum=24,
        help="At a desk, in a car, a plane or a train, or at a conference.",
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
        help="All drinks together; a mug or a can is about a third of a litre.",
        codes=_loinc("9108-2", "Fluid intake total 24 hour"),
    ),
    _yes_no("hot_weather", "Was the weather hot, or were you somewhere hot?"),
    _yes_no("heavy_sweating", "Were you sweating heavily?"),
    _yes_no(
        "leg_swelling",
        "Is one leg swollen, red or warm to the touch?",
        "Also if its skin has darkened, or its veins are swollen, hard or sore.",
    ),
    _yes_no(
        "chest_pain_or_breathlessness",
        "Do you have chest pain or are you short of breath?",
        "Any chest pain or tightness, or being out of breath more than the effort explains.",
    ),
    RiskFactor(
        "cramp_minutes",
        "How many minutes did the cramp last?",
        NUMBER,
        unit="minutes",
        minimum=0,
        maximum=1440,  # a day: an upper bound on the answer, not a threshold
    ),
    _yes_no(
        "dark_urine",
        "In the last few days, has your urine been brown, red or dark like tea or cola?",
        "Not the dark yellow of drinking too little: brown, red or cola-coloured, as it can "
        "be after hard exertion or heat, or on a statin.",
    ),
    _yes_no("muscle_weakness", "Is your leg weak, or can you not move it properly?"),
    _yes_no("numbness", "Do you have numbness, pins and needles or loss of feeling in the leg?"),
    _yes_no("frequent_cramps", "Do the cramps happen often, or wake you from sleep?"),
    _yes_no(
        "persists_despite_self_care",
        "Have the cramps gone on despite stretching, rest and drinking enough?",
    ),
    _yes_no(
        "very_painful",
        "Are the cramps so painful that they disturb your sleep, or stop you doing your usual "
        "things the next day?",
    ),
    # Warning signs.
    _yes_no(
        "one_leg_pain_or_tenderness",
        "Between cramps, is one calf or thigh still painful, throbbing or tender, more than "
        "the soreness a cramp can leave, or getting worse?",
        "A pain in one leg that stays between cramps, often worse when you walk, stand or "
        "pull your foot up: it can be the first sign of a blood clot, before any swelling. "
        "The ache a cramp leaves for up to a day does not count.",
    ),
    _yes_no("both_legs_swollen", "Are both of your legs or ankles swollen?"),
    _yes_no(
        "pain_on_walking_eased_by_rest",
        "Do you get pain in your calf, thigh or buttock when you walk, that eases when you "
        "rest for a few minutes?",
    ),
    _yes_no(
        "leg_cold_pale_or_blue",
        "Is your leg or foot cold, pale, white or blue?",
    ),
    _yes_no(
        "sudden_severe_leg_pain",
        "Apart from the cramp itself, did a severe pain in your leg come on suddenly and "
        "stay, not easing when you stretch or when the cramp passes?",
    ),
    RiskFactor(
        "pain_worse_than_expected",
        "Is the pain far worse than you would expect after exercise, heat or an injury in the "
        "last few days?",
        YES_NO,
        help="Much more pain than the effort or the injury explains, or you could not finish "
        "a workout you usually manage.",
        applies_when=(
            EXERCISED,
            RECENT_HARD_WORKOUT,
            Condition("hot_weather"),
            Condition("recent_leg_injury"),
        ),
    ),
    _yes_no("recent_leg_injury", "Have you injured your leg recently?"),
    _yes_no(
        "muscle_twitching",
        "Do your muscles twitch or flicker under the skin?",
    ),
    _yes_no("cramps_elsewhere", "Do you also get cramps in your chest, arms or belly?"),
    _yes_no(
        "tingling_around_mouth_or_fingers",
        "Do you have tingling or pins and needles around your mouth or in your fingers?",
    ),
    _yes_no(
        "palpitations",
        "While resting, is your heart racing, pounding or beating irregularly?",
    ),
    _yes_no(
        "severe_dehydration_signs",
        "Have you passed no urine for 8 hours, or do you feel dizzy when you stand up, in a "
        "way that does not pass after a few seconds?",
    ),
    _yes_no(
        "confusion_or_fainting",
        "Are you confused, unsteady or slurring your words, or have you fainted, passed out "
        "or had a fit (seizure)?",
    ),
    _yes_no(
        "skin_blotchy_or_rash",
        "Has your skin, or have your lips or tongue, turned blue, grey, pale or blotchy (not "
        "your usual colour), or do you have a rash that does not fade when you roll a glass "
        "over it?",
        "Anywhere on the body, not only the leg. On brown or black skin the colour may be "
        "easier to see on the palms of the hands or the soles of the feet.",
    ),
    _yes_no(
        "sudden_one_sided_weakness",
        "Did weakness or numbness come on suddenly in your face or an arm, or down one side of "
        "your body, even if it has passed?",
        "For example, one side of the face drooping, or an arm, or an arm and a leg on the same "
        "side, suddenly too weak to lift. Not the ache or stiffness a cramp leaves in the leg.",
    ),
    _yes_no(
        "cauda_equina_signs",
        "Are both of your legs weak or numb, badly or getting worse, or do you have numbness "
        "around your genitals or bottom, or new trouble passing urine or controlling your "
        "bladder or bowels?",
    ),
    _yes_no(
        "high_body_temperature",
        "Do you have a high temperature (you feel hot to the touch, or 38 degrees C or more)?",
    ),
    _yes_no(
        "very_high_temperature",
        "Is your temperature 39.4 degrees C (103 F) or more, or is your skin hot and dry, not "
        "sweating?",
    ),
    _yes_no("vomiting_or_diarrhoea", "Have you been vomiting or had diarrhoea?"),
    _yes_no(
        "muscle_wasting",
        "Have the muscles of your leg become thinner or smaller?",
    ),
    _yes_no(
        "recent_wound",
        "Have you had a cut, a bite, a burn or another wound in the last few weeks, above all "
        "one with soil or dirt in it?",
    ),
    _yes_no(
        "coughing_up_blood",
        "Are you coughing up blood?",
    ),
    _yes_no(
        "leg_pain_at_rest",
        "Is the pain in your leg or foot there all the time, even at rest, or has pain on "
        "walking suddenly got worse?",
    ),
    RiskFactor(
        "heat_exhaustion_not_better",
        "After 30 minutes resting somewhere cool and drinking, do you still feel dizzy, sick "
        "or weak, or have a headache, a fast heartbeat or fast breathing?",
        YES_NO,
        help="Signs of heat exhaustion that do not pass once you have cooled down.",
        applies_when=(EXERCISED, Condition("hot_weather"), Condition("heavy_sweating")),
    ),
    _yes_no(
        "toxin_exposure",
        "Have you been in contact with lead, mercury or another poison?",
    ),
    _yes_no(
        "wound_with_stiffness",
        "Since a wound, a cut, a bite or a burn, do you have a stiff jaw, painful spasms or "
        "stiffness in your muscles, or a fit; or is the wound large or deep?",
        "Spasms or stiffness beyond the cramping muscle, after a wound, above all one with "
        "soil in it.",
    ),
    # Who the person is, and what else they have.
    RiskFactor(
        "age_years",
        "How old are you?",
        NUMBER,
        unit="years",
        minimum=0,
        maximum=120,
        codes=_loinc("30525-0", "Age"),
    ),
    RiskFactor(
        "sex",
        "What was your sex at birth: female or male?",
        CHOICE,
        choices=("female", "male"),
        codes=_loinc("76689-9", "Sex assigned at birth"),
    ),
    RiskFactor(
        "pregnant_or_postpartum",
        "Are you pregnant, or did you give birth in the last 6 weeks?",
        YES_NO,
        applies_when=(Condition("sex", one_of=("female",)),),
    ),
    _yes_no(
        "recent_surgery_or_immobilisation",
        "In the last 12 weeks, have you had surgery, a stay in hospital, or a leg in plaster?",
    ),
    _yes_no(
        "estrogen_medicine",
        "Do you take the combined contraceptive pill or hormone replacement therapy (HRT)?",
    ),
    _yes_no("cancer", "Do you have cancer, or are you being treated for cancer?"),
    _yes_no("previous_clot", "Have you had a blood clot in a leg or in the lungs before?"),
    _yes_no(
        "kidney_disease_or_dialysis",
        "Do you have kidney disease, or are you on dialysis?",
    ),
    _yes_no("liver_disease", "Do you have liver disease, such as cirrhosis?"),
    _yes_no(
        "heart_failure_or_fluid_restriction",
        "Do you have heart failure, or has a doctor told you to limit how much you drink?",
    ),
    _yes_no(
        "heart_disease",
        "Do you have another heart problem, such as angina, a past heart attack or an irregular "
        "heartbeat?",
    ),
    _yes_no("low_sodium_diet", "Are you on a low-salt (low-sodium) diet?"),
    _yes_no("diabetes", "Do you have diabetes?"),
    _yes_no("thyroid_disease", "Do you have a thyroid problem, such as an underactive thyroid?"),
    _yes_no(
        "heavy_alcohol_use",
        "Do you drink a lot of alcohol (more than 14 units a week, or most days)?",
    ),
    # Screening questions: a "no" answers each member no; a "yes" has them asked.
    RiskFactor(
        "emergency_signs",
        "Do you have any of these now: chest pain or breathlessness; confusion, fainting or a "
        "fit; blue, grey, pale or blotchy skin, lips or tongue, or a rash that does not fade "
        "under a glass; sudden weakness or numbness in the face, an arm or one side of the "
        "body, even if it has passed; both legs badly weak or numb, or getting worse, "
        "numbness around the genitals or bottom, or new trouble passing urine or controlling "
        "the bladder or bowels; brown, red or cola-coloured urine; since a wound, a stiff "
        "jaw, spasms or stiffness, or a large or deep wound; after exertion or heat, still "
        "feeling unwell after 30 minutes of cooling down?",
        YES_NO,
        help="Answer yes if any one of them applies: you will be asked about each.",
        members=(
            "chest_pain_or_breathlessness",
            "confusion_or_fainting",
            "skin_blotchy_or_rash",
            "sudden_one_sided_weakness",
            "cauda_equina_signs",
            "dark_urine",
            "wound_with_stiffness",
            "heat_exhaustion_not_better",
        ),
    ),
    RiskFactor(
        "leg_signs",
        "Apart from the cramp itself and the ache it leaves, do you have any of these in a "
        "leg: pain, throbbing or tenderness that stays or gets worse; swelling, redness or "
        "warmth; weakness, numbness or pins and needles; a cold, pale or blue leg or foot; a "
        "sudden severe pain that stays; pain even at rest; pain far worse than expected after "
        "exercise, heat or an injury?",
        YES_NO,
        help="Answer yes if any one of them applies: you will be asked about each.",
        members=(
            "one_leg_pain_or_tenderness",
            "leg_swelling",
            "muscle_weakness",
            "numbness",
            "leg_cold_pale_or_blue",
            "sudden_severe_leg_pain",
            "leg_pain_at_rest",
            "pain_worse_than_expected",
        ),
    ),
    RiskFactor(
        "leg_changes",
        "Do you have any of these: both legs or ankles swollen; pain in the calf, thigh or "
        "buttock on walking that eases when you rest; leg muscles that have got thinner?",
        YES_NO,
        help="Answer yes if any one of them applies: you will be asked about each.",
        members=("both_legs_swollen", "pain_on_walking_eased_by_rest", "muscle_wasting"),
    ),
    RiskFactor(
        "body_signs",
        "Do you have any of these: vomiting or diarrhoea; no urine for 8 hours, or dizziness "
        "on standing that does not pass; a high temperature; a racing or irregular heartbeat "
        "at rest; coughing up blood; cramps in your chest, arms or belly; twitching muscles; "
        "tingling around your mouth or in your fingers; a recent wound or cut; contact with "
        "lead, mercury or another poison?",
        YES_NO,
        help="Answer yes if any one of them applies: you will be asked about each.",
        members=(
            "vomiting_or_diarrhoea",
            "severe_dehydration_signs",
            "high_body_temperature",
            "very_high_temperature",
            "palpitations",
            "coughing_up_blood",
            "cramps_elsewhere",
            "muscle_twitching",
            "tingling_around_mouth_or_fingers",
            "recent_wound",
            "toxin_exposure",
        ),
    ),
    RiskFactor(
        "health_conditions",
        "Do you have any of these: kidney disease or dialysis; liver disease; heart failure "
        "or a limit on how much to drink; another heart problem; a low-salt diet; diabetes; a "
        "thyroid problem; heavy drinking?",
        YES_NO,
        help="Answer yes if any one of them applies: you will be asked about each.",
        members=(
            "heart_failure_or_fluid_restriction",
            "heart_disease",
            "low_sodium_diet",
            "kidney_disease_or_dialysis",
            "liver_disease",
            "diabetes",
            "thyroid_disease",
            "heavy_alcohol_use",
        ),
    ),
    RiskFactor(
        "cramp_pattern",
        "Do the cramps happen often or wake you at night, go on despite stretching, rest and "
        "drinking, or hurt so much that they stop you doing your usual things?",
        YES_NO,
        help="Answer yes if any one of them applies: you will be asked about each.",
        members=("frequent_cramps", "persists_despite_self_care", "very_painful"),
    ),
    RiskFactor(
        "clot_risks",
        "Do any of these apply: surgery, a hospital stay or a leg in plaster in the last 12 "
        "weeks; the combined pill or HRT; cancer or its treatment; a blood clot before; "
        "pregnancy or a birth in the last 6 weeks?",
        YES_NO,
        help="These make a blood clot more likely; answer yes if any one applies.",
        members=(
            "recent_surgery_or_immobilisation",
            "estrogen_medicine",
            "cancer",
            "previous_clot",
            "pregnant_or_postpartum",
        ),
    ),
)

# --- Medications -------------------------------------------------------------------------
# ATC codes: the WHO ATC/DDD index, as crawled by the atcddd package (GitHub
# vanhungtran/atcddd, WHO_ATC_codes_2026-07-14.csv, read 2026-12-01), a secondary copy.
# atc_confirmed=True where a second source agrees (a regulator's product data, or a
# published table); False where that copy is the only source read.

LOOP = DrugClass.LOOP_DIURETIC
THIAZIDE = DrugClass.THIAZIDE_DIURETIC
THIAZIDE_LIKE = DrugClass.THIAZIDE_LIKE_DIURETIC
K_SPARING = DrugClass.POTASSIUM_SPARING_DIURETIC
LABA = DrugClass.LONG_ACTING_BETA_AGONIST
STATIN = DrugClass.STATIN
ESTROGEN = DrugClass.ESTROGEN
OTHER = DrugClass.OTHER_LINKED

_MEDICATIONS = (
    Medication("furosemide", LOOP, "C03CA01", ("Lasix",), ("frusemide", "furosemid")),
    Medication("bumetanide", LOOP, "C03CA02", ("Bumex", "Burinex"), atc_confirmed=False),
    Medication("torasemide", LOOP, "C03CA04", ("Demadex",), ("torsemide",), atc_confirmed=False),
    Medication(
        "etacrynic acid", LOOP, "C03CC01", ("Edecrin",), ("ethacrynic acid",), atc_confirmed=False
    ),
    Medication(
        "hydrochlorothiazide",
        THIAZIDE,
        "C03AA03",
        ("Microzide", "HydroDIURIL", "Esidrix"),
        ("HCTZ",),
        atc_confirmed=False,
    ),
    Medication("chlorothiazide", THIAZIDE, "C03AA04", ("Diuril",), atc_confirmed=False),
    Medication(
        "bendroflumethiazide",
        THIAZIDE,
        "C03AA01",
        ("Aprinox", "Neo-NaClex"),
        ("bendrofluazide",),
        atc_confirmed=False,
    ),
    Medication(
        "methyclothiazide", THIAZIDE, "C03AA08", ("Enduron", "Aquatensen"), atc_confirmed=False
    ),
    Medication(
        "chlortalidone", THIAZIDE_LIKE, "C03BA04", ("Hygroton", "Thalitone"), ("chlorthalidone",)
    ),
    Medication("indapamide", THIAZIDE_LIKE, "C03BA11", ("Lozol", "Natrilix")),
    Medication("metolazone", THIAZIDE_LIKE, "C03BA08", ("Zaroxolyn", "Xaqua")),
    Medication("xipamide", THIAZIDE_LIKE, "C03BA10", ("Diurexan",)),
    Medication("spironolactone", K_SPARING, "C03DA01", ("Aldactone",), atc_confirmed=False),
    Medication("eplerenone", K_SPARING, "C03DA04", ("Inspra",), atc_confirmed=False),
    Medication("amiloride", K_SPARING, "C03DB01", ("Midamor",)),
    Medication("triamterene", K_SPARING, "C03DB02", ("Dyrenium", "Dytac")),
    # A potassium-sparing diuretic with a thiazide or a loop diuretic (Garrison's strongest
    # diuretic subclass, and the partner's own).
    Medication(
        "triamterene/hydrochlorothiazide",
        K_SPARING,
        "C03EA01",
        ("Dyazide", "Maxzide"),
        ("hydrochlorothiazide/triamterene", "triamterene and hydrochlorothiazide"),
        also=(THIAZIDE,),
    ),
    Medication(
        "amiloride/hydrochlorothiazide",
        K_SPARING,
        "C03EA01",
        ("Moduretic", "Moduret"),
        ("co-amilozide", "hydrochlorothiazide/amiloride", "amiloride and hydrochlorothiazide"),
        also=(THIAZIDE,),
    ),
    Medication(
        "amiloride/furosemide",
        K_SPARING,
        "C03EB01",
        (),
        ("co-amilofruse", "furosemide/amiloride", "amiloride and furosemide"),
        atc_confirmed=False,
        also=(LOOP,),
    ),
    # Long-acting beta-agonists, alone and in combination inhalers.
    Medication("salmeterol", LABA, "R03AC12", ("Serevent",)),
    Medication("formoterol", LABA, "R03AC13", ("Foradil", "Oxis"), ("eformoterol",)),
    Medication("indacaterol", LABA, "R03AC18", atc_confirmed=False),
    Medication("olodaterol", LABA, "R03AC19", atc_confirmed=False),
    Medication(
        "fluticasone propionate/salmeterol",
        LABA,
        "R03AK06",
        ("Seretide", "Advair"),
        ("salmeterol/fluticasone", "fluticasone/salmeterol"),
    ),
    Medication(
        "budesonide/formoterol",
        LABA,
        "R03AK07",
        ("Symbicort",),
        ("formoterol/budesonide",),
    ),
    Medication(
        "beclometasone/formoterol",
        LABA,
        "R03AK08",
        ("Fostair",),
        ("formoterol/beclometasone", "beclomethasone/formoterol"),
    ),
    Medication(
        "fluticasone furoate/vilanterol",
        LABA,
        "R03AK10",
        ("Relvar", "Breo"),
        ("vilanterol/fluticasone", "fluticasone/vilanterol", "vilanterol"),
    ),
    Medication(
        "fluticasone furoate/umeclidinium/vilanterol",
        LABA,
        "R03AL08",
        ("Trelegy",),
        atc_confirmed=False,
    ),
    # Statins.
    Medication("atorvastatin", STATIN, "C10AA05", ("Lipitor",), atc_confirmed=False),
    Medication("simvastatin", STATIN, "C10AA01", ("Zocor",), atc_confirmed=False),
    Medication("rosuvastatin", STATIN, "C10AA07", ("Crestor",), atc_confirmed=False),
    Medication("pravastatin", STATIN, "C10AA03", ("Pravachol",), atc_confirmed=False),
    Medication("lovastatin", STATIN, "C10AA02", ("Mevacor",), atc_confirmed=False),
    Medication("fluvastatin", STATIN, "C10AA04", ("Lescol",), atc_confirmed=False),
    Medication("pitavastatin", STATIN, "C10AA08", ("Livalo",), atc_confirmed=False),
    # Other medicines linked to cramps (AAFP 2012; NICE CKS): a weaker link.
    Medication("iron sucrose", OTHER, "B03AC", atc_confirmed=False),
    Medication("conjugated estrogens", OTHER, "G03CA57", atc_confirmed=False, also=(ESTROGEN,)),
    Medication("raloxifene", OTHER, "G03XC01", atc_confirmed=False, also=(ESTROGEN,)),
    # Brand names as people write them (read 2026-12-02): Naprosyn, Aleve and Anaprox are
    # naproxen (Britannica, "Naproxen sodium", kids.britannica.com/students/article/312632).
    Medication("naproxen", OTHER, "M01AE02", ("Naprosyn", "Aleve", "Anaprox"), atc_confirmed=False),
    Medication("teriparatide", OTHER, "H05AA02", atc_confirmed=False),
    # Ventolin and Salamol are salbutamol inhalers (NHS practice pages, e.g.
    # trinityandbowthorpe.co.uk/practice_news/salbutamol-inhaler-change/), and Airomir is
    # one on the NHS Lancashire and South Cumbria formulary (read 2026-12-02).
    Medication("salbutamol", OTHER, "R03AC02", ("Ventolin", "Salamol", "Airomir"), ("albuterol",)),
    Medication("nifedipine", OTHER, "C08CA05", atc_confirmed=False),
)

#: The Spanish names (DCI) of the medications, for people who write them in Spanish
#: (accented and plain); the spellings are the usual Spanish forms of the WHO
#: international non-proprietary names (no source read: names, not clinical facts).
SPANISH_NAMES = {
    "furosemide": ("furosemida",),
    "bumetanide": ("bumetanida",),
    "torasemide": ("torasemida",),
    "etacrynic acid": ("ácido etacrínico", "acido etacrinico"),
    "hydrochlorothiazide": ("hidroclorotiazida",),
    "chlorothiazide": ("clorotiazida",),
    "bendroflumethiazide": ("bendroflumetiazida",),
    "methyclothiazide": ("meticlotiazida",),
    "chlortalidone": ("clortalidona",),
    "indapamide": ("indapamida",),
    "metolazone": ("metolazona",),
    "xipamide": ("xipamida",),
    "spironolactone": ("espironolactona",),
    "eplerenone": ("eplerenona",),
    "amiloride": ("amilorida",),
    "triamterene": ("triamtereno",),
    "triamterene/hydrochlorothiazide": ("triamtereno/hidroclorotiazida",),
    "amiloride/hydrochlorothiazide": ("amilorida/hidroclorotiazida",),
    "amiloride/furosemide": ("amilorida/furosemida",),
    "fluticasone propionate/salmeterol": ("fluticasona/salmeterol", "salmeterol/fluticasona"),
    "budesonide/formoterol": ("budesonida/formoterol", "formoterol/budesonida"),
    "beclometasone/formoterol": ("beclometasona/formoterol", "formoterol/beclometasona"),
    "fluticasone furoate/vilanterol": ("fluticasona/vilanterol", "vilanterol/fluticasona"),
    "atorvastatin": ("atorvastatina",),
    "simvastatin": ("simvastatina",),
    "rosuvastatin": ("rosuvastatina",),
    "pravastatin": ("pravastatina",),
    "lovastatin": ("lovastatina",),
    "fluvastatin": ("fluvastatina",),
    "pitavastatin": ("pitavastatina",),
    "iron sucrose": ("hierro sacarosa",),
    "conjugated estrogens": ("estrógenos conjugados", "estrogenos conjugados"),
    "raloxifene": ("raloxifeno",),
    "naproxen": ("naproxeno",),
    "teriparatide": ("teriparatida",),
    "nifedipine": ("nifedipino",),
}

MEDICATIONS = tuple(
    attrs.evolve(m, other_names=(*m.other_names, *SPANISH_NAMES.get(m.generic, ())))
    for m in _MEDICATIONS
)

DIURETICS = (LOOP.value, THIAZIDE.value, THIAZIDE_LIKE.value, K_SPARING.value)

# --- The five causes, in the source text's order ------------------------------------------

# One scale for all causes: a total of LIKELY_AT or more is likely, POSSIBLE_AT or more
# possible. The weights are expert opinion: no source gives one.
LIKELY_AT = 3
POSSIBLE_AT = 1

DOCTOR_ABOUT_MEDICATION = (
    "Talk to your doctor or pharmacist about your medications; do not stop or change a "
    "prescribed medicine without talking to the prescriber."
)
NEW_MEDICATION_ADVICE = (
    "Tell a doctor about the medicine you started around the time the cramps began; do not "
    "stop or change a prescribed medicine without talking to the prescriber."
)
DRINK_WHEN_TIRED = (
    "Keep drinking enough while you are tired, unless a doctor has told you to limit fluids."
)
DRINK_THROUGH_THE_DAY = (
    "Drink regularly through the day, and more in hot weather and when exercising, unless a "
    "doctor has told you to limit fluids."
)
HEAT_CRAMP_ADVICE = (
    "For a cramp in the heat: stop, move somewhere cool, and drink water or a sports drink, "
    "unless a doctor has told you to limit fluids; avoid salt tablets; once the cramp has "
    "passed, rest for a few hours before hard exercise again."
)


def _sign(  # noqa: PLR0913 - a sign's fields, the weight always expert opinion
    when: Condition,
    weight: int,
    reason: str,
    basis: Source,
    *,
    advice: str = "",
    min_urgency: Urgency | None = None,
) -> Sign:
    """Return a sign whose weight, as every weight here, is expert opinion."""
    return Sign(when, weight, reason, basis, advice, min_urgency, EXPERT_OPINION)


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
            _sign(
                Condition("exercise_minutes", at_least=60),
                1,
                "A long exercise session (60 minutes or more).",
                EXPERT_OPINION,
            ),
            _sign(
                Condition("exercise_minutes", at_least=90),
                1,
                "A very long exercise session (90 minutes or more).",
                EXPERT_OPINION,
            ),
            _sign(
                Condition("exercise_intensity", one_of=("vigorous",)),
                1,
                "Vigorous exercise.",
                SEED_TEXT,
            ),
            _sign(
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
            "Eat regular, balanced meals while you are tired.",
            DRINK_WHEN_TIRED,
        ),
        evidence_note=(
            "Muscle fatigue is among the best-supported explanations of leg cramps "
            "(Allen & Kirby 2012)."
        ),
        sources=(SEED_TEXT, ALLEN_KIRBY_2012),
        signs=(
            _sign(Condition("overtired"), 2, "Feeling overtired.", SEED_TEXT),
            _sign(
                Condition("recovery_hours", below=24),
                2,
                "Less than about 24 hours of recovery since the previous hard workout.",
                EXPERT_OPINION,
            ),
            _sign(Condition("poor_diet"), 1, "Eating less well than usual.", SEED_TEXT),
        ),
        codes=_snomed("84229001", "Fatigue"),
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
            "In prescribing data on the 4.2 million residents of British Columbia, among adults "
            "aged 50 and over, starting a long-acting beta-agonist or a diuretic was followed by "
            "more treated leg cramps (adjusted sequence ratios: long-acting beta-agonists 2.42, "
            "potassium-sparing diuretics 2.12, thiazide-like 1.48, all diuretics 1.47, loop "
            "1.20, not significant); statins showed only a small association (1.16). Of the "
            "classes the study looked at, long-acting beta-agonists were the most strongly "
            "linked (Garrison et al. 2012). Intravenous iron sucrose, conjugated estrogens, "
            "raloxifene, naproxen and teriparatide are strongly associated with leg cramps, "
            "though cramps on them are uncommon (Allen & Kirby 2012), and salbutamol and "
            "nifedipine are linked to them too (NICE CKS)."
        ),
        sources=(SEED_TEXT, GARRISON_2012, ALLEN_KIRBY_2012, NICE_CKS_LEG_CRAMPS),
        signs=(
            _sign(
                Condition("medications", one_of=DIURETICS),
                3,
                "A diuretic, which can deplete the body of fluid and salts.",
                SEED_TEXT,
                advice=DOCTOR_ABOUT_MEDICATION,
                # A doctor can check the salts (Merck: "doctors will do blood tests").
                min_urgency=Urgency.SEE_DOCTOR,
            ),
            _sign(
                Condition("medications", one_of=(LABA.value,)),
                3,
                "A long-acting beta-agonist, the most strongly linked to leg cramps of the "
                "classes studied.",
                GARRISON_2012,
                advice=DOCTOR_ABOUT_MEDICATION,
            ),
            _sign(
                Condition("medications", one_of=(STATIN.value,)),
                1,
                "A statin, which has a small association with leg cramps.",
                GARRISON_2012,
                advice=DOCTOR_ABOUT_MEDICATION,
                # Mayo: muscle pain on a statin, "contact your healthcare professional".
                # NHS medicines guidance (read in press copies only) says "straight away" for
                # cramps that are "unexplained"; the knowledge cannot tell explained from
                # unexplained, so it asks for a doctor, and the red flags (weakness, dark urine,
                # pain far worse than expected) raise it to the same day or an emergency.
                min_urgency=Urgency.SEE_DOCTOR,
            ),
            _sign(
                Condition("medications", one_of=(OTHER.value,)),
                1,
                "A medicine associated with leg cramps, though cramps on it are uncommon.",
                ALLEN_KIRBY_2012,
                advice=DOCTOR_ABOUT_MEDICATION,
                # Mayo: see a doctor for cramps with no obvious cause; a medicine that may
                # cause them is for the doctor to weigh (expert opinion).
                min_urgency=Urgency.SEE_DOCTOR,
            ),
            _sign(
                Condition("new_medication"),
                2,
                "A medication started around the time the cramps began.",
                SEED_TEXT,
                advice=NEW_MEDICATION_ADVICE,
                min_urgency=Urgency.SEE_DOCTOR,
            ),
        ),
        codes=_snomed("62014003", "Adverse reaction caused by drug"),
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
            "Rests on muscle fatigue, the best-supported explanation (Allen & Kirby 2012). The "
            "2- and 4-hour thresholds are expert opinion; they are not the NHS's threshold for "
            "blood clots, which names journeys of more than 3 hours (a red-flag risk factor)."
        ),
        sources=(SEED_TEXT, ALLEN_KIRBY_2012),
        signs=(
            _sign(
                Condition("sitting_hours", at_least=2),
                1,
                "Sitting for 2 hours or more at a stretch.",
                EXPERT_OPINION,
            ),
            _sign(
                Condition("sitting_hours", at_least=4),
                2,
                "Sitting for several hours (4 or more) at a stretch.",
                EXPERT_OPINION,
            ),
            _sign(
                Condition("standing_hours", at_least=2),
                1,
                "Standing still for 2 hours or more at a stretch.",
                EXPERT_OPINION,
            ),
            _sign(
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
        advice=(HEAT_CRAMP_ADVICE, DRINK_THROUGH_THE_DAY),
        evidence_note=(
            "Weaker evidence: the source text itself calls the mechanism largely theoretical, "
            "and reviews favour fatigue and nerve dysfunction over fluid and electrolytes."
        ),
        sources=(SEED_TEXT, ALLEN_KIRBY_2012, EFSA_2010, NASEM_2004, CDC_HEAT_CRAMPS),
        signs=(
            _sign(
                Condition("fluid_litres", below=1.6),
                2,
                "Less than about 1.6 litres of fluid in a day, below the adequate intake.",
                EFSA_2010,
            ),
            _sign(Condition("hot_weather"), 1, "Hot weather.", SEED_TEXT),
            _sign(Condition("heavy_sweating"), 1, "Heavy sweating.", SEED_TEXT),
            _sign(
                Condition("medications", one_of=DIURETICS),
                1,
                "A diuretic, which removes fluid and salts from the body.",
                SEED_TEXT,
            ),
            _sign(
                Condition("vomiting_or_diarrhoea"),
                2,
                "Vomiting or diarrhoea, which lose fluid and salts.",
                MERCK_MUSCLE_CRAMPS,
            ),
        ),
        codes=_snomed("34095006", "Dehydration"),
    ),
)

# --- Red flags (override every score) -----------------------------------------------------
# Where the sources disagree, the more urgent is taken; the flag's sources name both.

EMERGENCY = Urgency.EMERGENCY
URGENT = Urgency.URGENT
SEE_DOCTOR = Urgency.SEE_DOCTOR

NOW = (
    "now: call your local emergency number (such as 999, 911 or 112) or go to an emergency "
    "department"
)
TODAY = (
    "today: an urgent appointment with a doctor, or your local urgent advice line (NHS 111 "
    "in England)"
)
RIGHT_AWAY = "today, right away"
ONE_TO_TWO_DAYS = "within 1 to 2 days"
SOON = "soon, at an ordinary appointment"

#: The risk factors for a blood clot that the NHS names, as the answers can show them.
CLOT_RISKS = (
    RiskNote(Condition("pregnant_or_postpartum"), "pregnancy, or a birth in the last 6 weeks"),
    RiskNote(
        Condition("recent_surgery_or_immobilisation"),
        "surgery, a hospital stay or a leg in plaster in the last 12 weeks",
    ),
    RiskNote(Condition("estrogen_medicine"), "the combined pill or HRT"),
    RiskNote(Condition("medications", one_of=(ESTROGEN.value,)), "an estrogen-like medicine"),
    RiskNote(Condition("cancer"), "cancer or its treatment"),
    RiskNote(
        Condition("sitting_hours", above=3),
        "sitting for more than 3 hours, as on a long journey",
    ),
    RiskNote(Condition("age_years", above=60), "being over 60"),
    RiskNote(Condition("previous_clot"), "a blood clot before"),
    RiskNote(Condition("heart_failure_or_fluid_restriction"), "heart failure"),
    RiskNote(Condition("fluid_litres", below=1.6), "drinking little (dehydration)"),
)

COLD_LEG = Condition("leg_cold_pale_or_blue")

RED_FLAGS = (
    RedFlag(
        id="pulmonary_embolism",
        name="Chest pain or breathlessness",
        why=(
            "May be a blood clot in the lungs (pulmonary embolism), with or without a swollen "
            "leg, or another emergency of the heart or lungs."
        ),
        urgency=EMERGENCY,
        advice="Call your local emergency number now.",
        sources=(NHS_DVT_URGENCY, NHS_PULMONARY_EMBOLISM, NIDIRECT_PULMONARY_EMBOLISM),
        when=(
            Condition("chest_pain_or_breathlessness"),
            # A clot in the leg with a very fast heartbeat, or coughing up blood (NHS PE).
            AllOf((Condition("leg_swelling"), Condition("palpitations"))),
            AllOf((Condition("one_leg_pain_or_tenderness"), Condition("palpitations"))),
            AllOf((Condition("leg_swelling"), Condition("coughing_up_blood"))),
            AllOf((Condition("one_leg_pain_or_tenderness"), Condition("coughing_up_blood"))),
        ),
        time_frame=NOW,
        risk_factors=CLOT_RISKS,
        codes=_snomed("59282003", "Pulmonary embolism"),
    ),
    RedFlag(
        id="acute_limb_ischaemia",
        name="A cold, pale or blue leg, or sudden severe leg pain, with numbness or weakness",
        why=(
            "The blood supply to the leg may be blocked (acute limb ischaemia), a medical "
            "emergency: the leg can be saved only if it is treated quickly. Not all of its "
            "signs need be there."
        ),
        urgency=EMERGENCY,
        advice="Call your local emergency number now, or go straight to an emergency department.",
        sources=(HEALTH_NZ_LIMB_ISCHAEMIA, RCEM_SIX_PS, NHS_PAD),
        when=(
            AllOf((COLD_LEG, Condition("sudden_severe_leg_pain"))),
            AllOf((COLD_LEG, Condition("numbness"))),
            AllOf((COLD_LEG, Condition("muscle_weakness"))),
            AllOf((COLD_LEG, Condition("leg_pain_at_rest"))),
            AllOf((Condition("sudden_severe_leg_pain"), Condition("numbness"))),
            AllOf((Condition("sudden_severe_leg_pain"), Condition("muscle_weakness"))),
            # Pain even at rest, with pins and needles or paralysis (two of the 6 Ps).
            AllOf((Condition("leg_pain_at_rest"), Condition("numbness"))),
            AllOf((Condition("leg_pain_at_rest"), Condition("muscle_weakness"))),
        ),
        time_frame=NOW,
    ),
    RedFlag(
        id="heat_stroke_or_collapse",
        name="Confusion, fainting or a fit, or a very high temperature after exertion or heat",
        why=(
            "Confusion, fainting, passing out or a fit, or a very high temperature or hot, dry "
            "skin after exertion or heat, may be heat stroke, which can kill, or another "
            "emergency; so may still feeling unwell after 30 minutes of cooling down."
        ),
        urgency=EMERGENCY,
        advice=(
            "Call your local emergency number now. If you have been in the heat or exercising, "
            "move somewhere cool and cool the skin with water while you wait."
        ),
        sources=(CDC_NIOSH_HEAT, NHS_WALES_HEAT, CDC_HEAT_CRAMPS),
        when=(
            Condition("confusion_or_fainting"),
            Condition("heat_exhaustion_not_better"),
            AllOf((Condition("very_high_temperature"), Condition("hot_weather"))),
            *(AllOf((Condition("very_high_temperature"), *hard)) for hard in HARD_EXERCISE),
        ),
        time_frame=NOW,
    ),
    RedFlag(
        id="stroke_signs",
        name="Sudden weakness or numbness on one side of the body",
        why="Sudden weakness or numbness of the face, arm or leg on one side may be a stroke.",
        urgency=EMERGENCY,
        advice="Call your local emergency number now and ask for an ambulance.",
        sources=(BCUHB_STROKE,),
        when=(Condition("sudden_one_sided_weakness"),),
        time_frame=NOW,
        codes=_snomed("230690007", "Cerebrovascular accident"),
    ),
    RedFlag(
        id="cauda_equina",
        name=(
            "Both legs badly weak or numb, or getting worse, numbness around the genitals or "
            "bottom, or new bladder or bowel trouble"
        ),
        why=(
            "May be cauda equina syndrome, pressure on the nerves at the bottom of the spine, "
            "which needs emergency treatment to prevent lasting damage."
        ),
        urgency=EMERGENCY,
        advice="Go to an emergency department now, or call your local emergency number.",
        sources=(NHS_WALES_SCIATICA, HEALTHIFY_SCIATICA),
        when=(Condition("cauda_equina_signs"),),
        time_frame=NOW,
    ),
    RedFlag(
        id="compartment_syndrome",
        name="Sudden severe leg pain, or pain far worse than expected with a swollen or numb leg",
        why=(
            "Sudden, severe pain that stays may be compartment syndrome, a build-up of pressure "
            "in a muscle that needs surgery as soon as possible, or a blocked blood supply."
        ),
        # The NHS page: "call 999 or go to A&E if you have sudden, severe pain in any part of
        # your body"; its symptoms of compartment syndrome are pain, swelling or bulging of
        # the muscle, and numbness, weakness or pins and needles. Pain far worse than expected
        # counts as severe pain with a swollen or numb leg (with weakness it is already the
        # rhabdomyolysis emergency); alone it stays the same-day muscle_damage flag. Expert
        # opinion. (Pain far worse than expected after an injury, with nothing else, would
        # also fit, but it would make the injury question one of the first in every
        # interview, where it usually changes nothing.)
        urgency=EMERGENCY,
        advice="Call your local emergency number now, or go straight to an emergency department.",
        sources=(NHS_COMPARTMENT,),
        when=(
            Condition("sudden_severe_leg_pain"),
            AllOf((Condition("pain_worse_than_expected"), Condition("leg_swelling"))),
            AllOf((Condition("pain_worse_than_expected"), Condition("numbness"))),
        ),
        time_frame=NOW,
    ),
    RedFlag(
        id="sepsis_signs",
        name="Blue, grey, pale or blotchy skin, or a rash that does not fade",
        why=(
            "Blue, grey, pale or blotchy skin, lips or tongue, or a rash that does not fade "
            "when a glass is rolled over it, may be sepsis, a life-threatening reaction to an "
            "infection, or meningitis."
        ),
        # The NHS sepsis page lists these among the signs for which an adult should call 999
        # or go to A&E; its other signs are asked by confusion_or_fainting and
        # chest_pain_or_breathlessness. Its "call 111 now" signs (no urine all day) are asked
        # by severe_dehydration_signs.
        urgency=EMERGENCY,
        advice="Call your local emergency number now, or go straight to an emergency department.",
        sources=(NHS_SEPSIS,),
        when=(Condition("skin_blotchy_or_rash"),),
        time_frame=NOW,
        codes=_snomed("91302008", "Sepsis"),
    ),
    RedFlag(
        id="rhabdomyolysis",
        name="Dark urine, or weak muscles with pain far worse than expected",
        why=(
            "Tea- or cola-coloured urine (after exertion or heat, or on a statin, for example), "
            "or weakness with pain far worse than expected, may be rhabdomyolysis, a breakdown "
            "of muscle that can damage the kidneys."
        ),
        urgency=EMERGENCY,
        advice="Get emergency medical help now.",
        sources=(CDC_RHABDO, CDC_RHABDO_SIGNS, MAYO_STATIN_RHABDO),
        when=(
            Condition("dark_urine"),
            AllOf((Condition("pain_worse_than_expected"), Condition("muscle_weakness"))),
        ),
        time_frame=NOW,
        codes=_snomed("240131006", "Rhabdomyolysis"),
    ),
    RedFlag(
        id="tetanus",
        name="Stiffness, spasms, a fit or a fast heartbeat after a wound, or a deep wound",
        why="May be tetanus, an infection from a wound that needs treatment at once.",
        urgency=EMERGENCY,
        advice="Go to an emergency department now, or call your local emergency number.",
        sources=(NHS_TETANUS, NHS_LEG_CRAMPS),
        when=(
            Condition("wound_with_stiffness"),
            AllOf((Condition("recent_wound"), Condition("palpitations"))),
        ),
        time_frame=NOW,
        codes=_snomed("76902006", "Tetanus"),
    ),
    RedFlag(
        id="deep_vein_thrombosis",
        name="One leg painful, tender, swollen, red or warm",
        why=(
            "May be a blood clot in a leg vein (deep vein thrombosis); a throbbing pain in one "
            "leg can be its first sign, before any swelling."
        ),
        urgency=URGENT,
        advice=(
            "Get medical advice today: ask for an urgent appointment, or call your local urgent "
            "advice line; call your emergency number if you also get chest pain or "
            "breathlessness."
        ),
        sources=(NHS_DVT, NHS_DVT_URGENCY, NHS_DVT_RISKS, MAYO_MUSCLE_CRAMP, HSE_PREGNANCY_CRAMPS),
        when=(Condition("leg_swelling"), Condition("one_leg_pain_or_tenderness")),
        time_frame=TODAY,
        risk_factors=CLOT_RISKS,
        codes=_snomed("404223003", "Deep venous thrombosis of lower extremity"),
    ),
    RedFlag(
        id="poor_blood_flow",
        name="A cold, pale or blue leg, or pain even at rest",
        why=(
            "May mean the blood supply to the leg is poor; with numbness or weakness it would "
            "be an emergency."
        ),
        urgency=URGENT,
        advice=(
            "Get medical advice right away, today; call your emergency number if the leg "
            "becomes numb or weak, you cannot move it, or the pain becomes severe."
        ),
        sources=(NHS_PAD, NIDIRECT_PAD),
        # Sudden severe leg pain on its own is the compartment_syndrome emergency.
        when=(COLD_LEG, Condition("leg_pain_at_rest")),
        time_frame=RIGHT_AWAY,
        codes=_snomed("233958001", "Peripheral ischemia"),
    ),
    RedFlag(
        id="muscle_damage",
        name="Pain far worse than expected after exertion, heat or an injury",
        why=(
            "May be a breakdown of muscle (rhabdomyolysis) or an injury that needs to be "
            "looked at; dark urine would make it an emergency."
        ),
        urgency=URGENT,
        advice=(
            "Stop exercising and go to an urgent care centre or emergency department right "
            "away, today, and ask to be checked for muscle damage (a blood test)."
        ),
        sources=(CDC_RHABDO_SIGNS, CDC_RHABDO),
        when=(Condition("pain_worse_than_expected"),),
        time_frame=RIGHT_AWAY,
    ),
    RedFlag(
        id="fluid_loss",
        name="Cramps after losing a lot of fluid",
        why=(
            "Cramps after vomiting or diarrhoea, or while taking a diuretic with heavy "
            "sweating, heat or little to drink, may mean the body's water and salts are out "
            "of balance."
        ),
        # Merck also lists "sweating a lot" alone ("lost a lot of body fluids from ... sweating
        # a lot": right away). Without a diuretic, this knowledge follows the less urgent
        # CDC/NIOSH first aid for heat cramps, which is written for exactly that case (rest,
        # cool down, drink water or a sports drink; help if they last over an hour, on a
        # low-sodium diet or with heart problems), so that the dehydration cause's self-care
        # stays reachable; docs/safety.rst says so. Expert opinion.
        urgency=URGENT,
        advice="See a doctor right away, today.",
        sources=(MERCK_MUSCLE_CRAMPS, CDC_HEAT_CRAMPS),
        when=(
            Condition("vomiting_or_diarrhoea"),
            AllOf((Condition("medications", one_of=DIURETICS), Condition("heavy_sweating"))),
            AllOf((Condition("medications", one_of=DIURETICS), Condition("hot_weather"))),
            AllOf(
                (
                    Condition("medications", one_of=DIURETICS),
                    Condition("fluid_litres", below=1.6),
                )
            ),
        ),
        time_frame=RIGHT_AWAY,
    ),
    RedFlag(
        id="nerve_or_muscle_signs",
        name="Muscle weakness, numbness or loss of feeling",
        why="May point at a problem with the nerves or muscles rather than an ordinary cramp.",
        urgency=URGENT,
        advice="See a doctor right away, today, about the weakness or numbness.",
        sources=(MERCK_MUSCLE_CRAMPS, NHS_INFORM_LEG_CRAMPS, MAYO_MUSCLE_CRAMP),
        when=(Condition("muscle_weakness"), Condition("numbness")),
        time_frame=RIGHT_AWAY,
    ),
    RedFlag(
        id="cramps_elsewhere",
        name="Cramps in the chest, arms or belly",
        why="Cramps beyond the legs may come from a problem with the body's salts or nerves.",
        urgency=URGENT,
        advice="See a doctor right away, today.",
        sources=(MERCK_MUSCLE_CRAMPS,),
        when=(Condition("cramps_elsewhere"),),
        time_frame=RIGHT_AWAY,
    ),
    RedFlag(
        id="muscle_twitching",
        name="Muscle twitching",
        why="Twitching muscles with cramps may point at a problem with the nerves or the salts.",
        urgency=URGENT,
        advice="See a doctor right away, today.",
        sources=(MERCK_MUSCLE_CRAMPS, NICE_CKS_LEG_CRAMPS),
        when=(Condition("muscle_twitching"),),
        time_frame=RIGHT_AWAY,
        codes=_snomed("82470000", "Muscle fasciculation"),
    ),
    RedFlag(
        id="low_calcium_signs",
        name="Tingling around the mouth or in the fingers",
        why=("With cramps, may be a low level of calcium in the blood, which needs a blood test."),
        # The urgency is expert opinion: no source read gives one.
        urgency=URGENT,
        advice="See a doctor today.",
        sources=(MERCK_HYPOCALCEMIA, EXPERT_OPINION),
        when=(Condition("tingling_around_mouth_or_fingers"),),
        time_frame=TODAY,
    ),
    RedFlag(
        id="severe_dehydration",
        name="Signs of severe dehydration",
        why=(
            "Passing no urine for 8 hours, or dizziness on standing that does not pass, can mean "
            "severe dehydration, which needs treatment."
        ),
        # The NHS page calls severe dehydration a medical emergency and, for these signs, says
        # to contact a GP, an out-of-hours service or NHS 111 straight away: the same day,
        # right away. Its signs of an emergency (confusion, fits, a low level of
        # consciousness) are asked by confusion_or_fainting, a rapid pulse by palpitations.
        urgency=URGENT,
        advice="See a doctor right away, today.",
        sources=(NHS_DEHYDRATION,),
        when=(Condition("severe_dehydration_signs"),),
        time_frame=RIGHT_AWAY,
        codes=_snomed("34095006", "Dehydration"),
    ),
    RedFlag(
        id="palpitations",
        name="A racing, pounding or irregular heartbeat",
        why="With cramps, may be a low level of potassium, which can upset the heart's rhythm.",
        urgency=URGENT,
        advice="See a doctor right away, today; call your emergency number if you feel faint.",
        sources=(MAYO_HYPOKALEMIA, MAYO_LOW_POTASSIUM),
        when=(Condition("palpitations"),),
        time_frame=RIGHT_AWAY,
        codes=_snomed("80313002", "Palpitations"),
    ),
    RedFlag(
        id="tetanus_risk",
        name="Cramps after a wound",
        why=("Cramps after a wound, above all a dirty one, may be the start of tetanus."),
        # The NHS tetanus page counts painful spasms after a wound as a 999 sign, which the
        # emergency question asks about; the NHS leg-cramps page gives an urgent appointment
        # for cramps after a wound that may carry tetanus.
        urgency=URGENT,
        advice="Ask for an urgent appointment today, and mention the wound.",
        sources=(NHS_LEG_CRAMPS, NHS_TETANUS),
        when=(Condition("recent_wound"),),
        time_frame=TODAY,
    ),
    RedFlag(
        id="coughing_up_blood",
        name="Coughing up blood",
        why="Coughing up blood needs to be looked at the same day; with a painful or swollen "
        "leg it may be a clot in the lungs.",
        urgency=URGENT,
        advice="Get medical advice today; call your emergency number if you are short of breath.",
        sources=(NHS_PULMONARY_EMBOLISM,),
        when=(Condition("coughing_up_blood"),),
        time_frame=TODAY,
    ),
    RedFlag(
        id="toxin_exposure",
        name="Cramps after contact with lead, mercury or another poison",
        why="Some poisons cause cramps; a doctor needs to check for them.",
        urgency=URGENT,
        advice="Get medical help right away, and say what you were in contact with.",
        sources=(NHS_INFORM_LEG_CRAMPS, MAYO_NIGHT_LEG_CRAMPS, NHS_LEG_CRAMPS_IMMEDIATE),
        when=(Condition("toxin_exposure"),),
        time_frame=RIGHT_AWAY,
    ),
    RedFlag(
        id="high_temperature",
        name="A high temperature",
        why=("A fever with cramps may be an infection or heat illness that needs to be checked."),
        # The urgency is expert opinion; 38 degrees C is the NHS's high temperature.
        urgency=URGENT,
        advice=(
            "Get medical advice today. If you are hot from the heat or from exercise, cool "
            "down now, and call your emergency number if you are not better within 30 minutes."
        ),
        sources=(NHS_FEVER, NHS_WALES_HEAT, CDC_NIOSH_HEAT, EXPERT_OPINION),
        when=(Condition("high_body_temperature"), Condition("very_high_temperature")),
        time_frame=TODAY,
        codes=_snomed("386661006", "Fever"),
    ),
    RedFlag(
        id="heat_cramps_with_heart_or_salt",
        name="Heat cramps with heart problems or a low-salt diet",
        why=(
            "Cramps in the heat or with heavy sweating, in someone with a heart problem, a "
            "fluid limit, kidney disease or a low-salt diet, need a doctor's help rather than "
            "self-care."
        ),
        urgency=URGENT,
        advice="Get medical help right away, today.",
        sources=(CDC_HEAT_CRAMPS, NIOSH_HEAT_CRAMPS, EXPERT_OPINION),
        # CDC and NIOSH name heart problems and a low-sodium diet; kidney disease or dialysis,
        # with its fluid and salt limits, is added as expert opinion.
        when=tuple(
            AllOf((Condition(heat), Condition(condition)))
            for heat in ("hot_weather", "heavy_sweating")
            for condition in (
                "heart_failure_or_fluid_restriction",
                "heart_disease",
                "low_sodium_diet",
                "kidney_disease_or_dialysis",
            )
        ),
        time_frame=RIGHT_AWAY,
    ),
    RedFlag(
        id="long_cramp",
        name="A cramp lasting more than 10 minutes",
        why="Ordinary cramps pass within minutes; a very long one needs to be looked at.",
        urgency=URGENT,
        advice=(
            "Get medical help right away: contact a doctor now, or your local urgent advice line."
        ),
        sources=(NHS_INFORM_LEG_CRAMPS, NHS_LEG_CRAMPS, NHS_LEG_CRAMPS_IMMEDIATE),
        when=(Condition("cramp_minutes", above=10),),
        time_frame=RIGHT_AWAY,
    ),
    RedFlag(
        id="pregnancy_swelling",
        name="Swollen legs in pregnancy or after a birth",
        why=(
            "Swelling of the feet and ankles in pregnancy or soon after a birth can be a sign "
            "of pre-eclampsia, which needs to be checked at once."
        ),
        urgency=URGENT,
        advice=(
            "Call your midwife, your GP or your local urgent advice line now, above all if the "
            "swelling came on suddenly, or you have a bad headache, problems with your vision, "
            "or pain just below the ribs."
        ),
        sources=(NHS_PRE_ECLAMPSIA,),
        when=(AllOf((Condition("pregnant_or_postpartum"), Condition("both_legs_swollen"))),),
        time_frame=RIGHT_AWAY,
    ),
    RedFlag(
        id="both_legs_swollen",
        name="Both legs swollen",
        why="Swelling of both legs can come from the heart, kidneys, liver or veins.",
        urgency=SEE_DOCTOR,
        advice=(
            "See a doctor if the swelling does not go down by itself, and without waiting if "
            "you are also short of breath."
        ),
        sources=(NIDIRECT_OEDEMA,),
        when=(Condition("both_legs_swollen"),),
        time_frame=SOON,
        codes=_snomed("762898005", "Swelling of bilateral lower limbs"),
    ),
    RedFlag(
        id="claudication",
        name="Pain on walking that eases with rest",
        why=(
            "May be a narrowing of the leg arteries (peripheral arterial disease), above all in "
            "people who smoke or have diabetes."
        ),
        urgency=SEE_DOCTOR,
        advice="See a doctor about the pain on walking within 1 to 2 days.",
        sources=(MERCK_MUSCLE_CRAMPS, NIDIRECT_PAD, NHS_PAD),
        when=(Condition("pain_on_walking_eased_by_rest"),),
        time_frame=ONE_TO_TWO_DAYS,
        codes=_snomed("63491006", "Intermittent claudication"),
    ),
    RedFlag(
        id="muscle_wasting",
        name="Leg muscles getting thinner",
        why="Muscles that shrink with cramps need a doctor to look for a nerve or muscle cause.",
        urgency=SEE_DOCTOR,
        advice="See a doctor about the cramps and the thinner muscles.",
        sources=(NHS_INFORM_LEG_CRAMPS, MAYO_NIGHT_LEG_CRAMPS),
        when=(Condition("muscle_wasting"),),
        time_frame=SOON,
    ),
    RedFlag(
        id="underlying_condition",
        name="Cramps with kidney, liver, thyroid disease or diabetes",
        why=(
            "These conditions can cause cramps themselves; a doctor can check the blood salts, "
            "kidneys, liver, thyroid and sugar."
        ),
        urgency=SEE_DOCTOR,
        advice="See a doctor about the cramps, and mention your condition.",
        sources=(ALLEN_KIRBY_2012, MERCK_CRAMP_CAUSES, NICE_CKS_LEG_CRAMPS),
        when=(
            Condition("kidney_disease_or_dialysis"),
            Condition("liver_disease"),
            Condition("diabetes"),
            Condition("thyroid_disease"),
        ),
        time_frame=SOON,
    ),
    RedFlag(
        id="heavy_alcohol_use",
        name="Cramps with heavy drinking",
        why="Heavy drinking can upset the body's salts and damage nerves.",
        urgency=SEE_DOCTOR,
        advice="See a doctor about the cramps within 1 to 2 days.",
        sources=(MERCK_MUSCLE_CRAMPS, UK_CMO_ALCOHOL),
        when=(Condition("heavy_alcohol_use"),),
        time_frame=ONE_TO_TWO_DAYS,
    ),
    RedFlag(
        id="troublesome_cramps",
        name="Frequent, very painful or persistent cramps",
        why=(
            "Cramps that are frequent, disturb sleep, are very painful or do not improve with "
            "self-care need a doctor to look for an underlying cause."
        ),
        urgency=SEE_DOCTOR,
        advice="See a doctor about the cramps.",
        sources=(
            MAYO_MUSCLE_CRAMP,
            NHS_INFORM_LEG_CRAMPS,
            NHS_LEG_CRAMPS,
            NHS_LEG_CRAMPS_IMMEDIATE,
        ),
        when=(
            Condition("frequent_cramps"),
            Condition("persists_despite_self_care"),
            Condition("very_painful"),
        ),
        time_frame=SOON,
    ),
    # A "yes" to a screening question says that one of its signs applies, not which. Until
    # its signs are answered one by one, the flag below holds: its urgency is the lowest
    # that any one of the signs raises on its own (tests/test_data.py checks it), so that
    # an app that stops at the screen never shows self-care, and never over-states.
    RedFlag(
        id="emergency_sign_reported",
        name="One of the signs that need emergency help, not yet named",
        why=(
            "You said one of these applies: chest pain or breathlessness, confusion, fainting "
            "or a fit, brown or cola-coloured urine, stiffness or spasms after a wound or "
            "a large or deep wound, or feeling unwell after 30 minutes of cooling down."
        ),
        urgency=EMERGENCY,
        advice="Call your local emergency number now.",
        sources=(EXPERT_OPINION,),
        when=(Condition("emergency_signs"),),
        time_frame=NOW,
    ),
    RedFlag(
        id="leg_sign_reported",
        name="A warning sign in a leg, not yet named",
        why=(
            "You said one of the warning signs in a leg applies, but not which; each of them "
            "needs medical advice the same day."
        ),
        urgency=URGENT,
        advice=(
            "Get medical advice today, and say which of the signs you have; call your "
            "emergency number if the leg becomes cold, pale or blue and numb or weak, or you "
            "get chest pain or breathlessness."
        ),
        sources=(EXPERT_OPINION,),
        when=(Condition("leg_signs"),),
        time_frame=TODAY,
    ),
    RedFlag(
        id="leg_change_reported",
        name="A slower change in the legs, not yet named",
        why=(
            "You said both legs are swollen, walking brings on pain that eases with rest, or "
            "the leg muscles have got thinner: a doctor should look for the cause."
        ),
        urgency=SEE_DOCTOR,
        advice="See a doctor about it, and say which of these you have.",
        sources=(EXPERT_OPINION,),
        when=(Condition("leg_changes"),),
    ),
    RedFlag(
        id="body_sign_reported",
        name="A warning sign elsewhere in the body, not yet named",
        why="You said one of the other warning signs applies, but not which.",
        urgency=URGENT,
        advice="Say which of the signs you have, and get medical advice today.",
        sources=(EXPERT_OPINION,),
        when=(Condition("body_signs"),),
    ),
    RedFlag(
        id="cramp_pattern_reported",
        name="Frequent, night-time or persistent cramps",
        why=(
            "You said the cramps happen often, wake you at night, go on despite self-care or "
            "stop you doing things: a doctor can look for an underlying cause."
        ),
        urgency=SEE_DOCTOR,
        advice="See a doctor about the cramps.",
        sources=(MAYO_MUSCLE_CRAMP, NHS_INFORM_LEG_CRAMPS, NHS_LEG_CRAMPS),
        when=(Condition("cramp_pattern"),),
        time_frame=SOON,
    ),
)

# --- Texts of the result ---------------------------------------------------------------------

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

WORSENING_ADVICE = (
    "If it gets worse: call your emergency number for chest pain or breathlessness, "
    "confusion, fainting or a fit, brown or cola-coloured urine, a stiff "
    "jaw or spasms after a wound, a cold, pale or blue leg that is numb or weak, or still "
    "feeling unwell after 30 minutes of cooling down; get medical advice the same day if "
    "one leg becomes painful, swollen, red or warm, the pain is far worse than the effort "
    "explains, a cramp lasts more than 10 minutes, you get a high temperature, you vomit "
    "or have diarrhoea, you cough up blood, or your leg feels weak or numb."
)

ADVICE_RULES = (
    AdviceRule(
        when=(
            Condition("heart_failure_or_fluid_restriction"),
            Condition("kidney_disease_or_dialysis"),
        ),
        replaces=(HEAT_CRAMP_ADVICE, DRINK_THROUGH_THE_DAY, DRINK_WHEN_TIRED),
        advice=(
            "Ask your doctor or nurse how much you should drink: with heart failure, a fluid "
            "limit or kidney disease, drinking more can do harm. In the heat, stop and move "
            "somewhere cool."
        ),
        sources=(HEART_FAILURE_FLUIDS, KIDNEY_FLUIDS),
    ),
    AdviceRule(
        when=(Condition("low_sodium_diet"),),
        replaces=(HEAT_CRAMP_ADVICE,),
        advice=(
            "For a cramp in the heat: stop and move somewhere cool. On a low-salt diet, ask "
            "your doctor what to drink (sports drinks and salt tablets contain salt), and get "
            "medical help for cramps in the heat."
        ),
        sources=(CDC_HEAT_CRAMPS, NIOSH_HEAT_CRAMPS),
    ),
)
