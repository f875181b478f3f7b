"""The built-in knowledge (``legcramps._data``): what it holds, and what it never says."""

from __future__ import annotations

import re

import pytest

import legcramps
from legcramps import Condition, RiskFactor, Urgency

K = legcramps.KNOWLEDGE


#: The inputs of the first knowledge (2026.11): their ids and meaning are a contract.
FIRST_INPUTS = [
    "exercise_minutes",
    "exercise_intensity",
    "unaccustomed_exercise",
    "overtired",
    "recovery_hours",
    "poor_diet",
    "medications",
    "new_medication",
    "sitting_hours",
    "standing_hours",
    "fluid_litres",
    "hot_weather",
    "heavy_sweating",
    "leg_swelling",
    "chest_pain_or_breathlessness",
    "cramp_minutes",
    "dark_urine",
    "muscle_weakness",
    "numbness",
    "frequent_cramps",
    "persists_despite_self_care",
]


class TestBuiltInKnowledge:
    def test_five_causes_in_the_source_texts_order(self) -> None:
        """CAUSES holds the five causes of the source text, in its order."""
        assert ["overuse", "fatigue", "medication", "posture", "dehydration"] == [
            c.id for c in legcramps.CAUSES
        ]

    def test_every_cause_is_fully_described(self) -> None:
        """Every cause has a name, summary, mechanism, advice, evidence note and sources."""
        for cause in legcramps.CAUSES:
            for field in ("name", "summary", "mechanism", "evidence_note"):
                assert getattr(cause, field), f"{cause.id}.{field}"
            assert cause.advice
            assert cause.sources[0].id == "seed-text"
            assert cause.signs

    def test_the_inputs_are_the_documented_ones(self) -> None:
        """RISK_FACTORS holds one factor per input of assess(), in a fixed order."""
        assert [
            "exercise_minutes",
            "exercise_intensity",
            "unaccustomed_exercise",
            "overtired",
            "recovery_hours",
            "poor_diet",
            "medications",
            "new_medication",
            "sitting_hours",
            "standing_hours",
            "fluid_litres",
            "hot_weather",
            "heavy_sweating",
            "leg_swelling",
            "chest_pain_or_breathlessness",
            "cramp_minutes",
            "dark_urine",
            "muscle_weakness",
            "numbness",
            "frequent_cramps",
            "persists_despite_self_care",
            "very_painful",
            "one_leg_pain_or_tenderness",
            "both_legs_swollen",
            "pain_on_walking_eased_by_rest",
            "leg_cold_pale_or_blue",
            "sudden_severe_leg_pain",
            "pain_worse_than_expected",
            "recent_leg_injury",
            "muscle_twitching",
            "cramps_elsewhere",
            "tingling_around_mouth_or_fingers",
            "palpitations",
            "severe_dehydration_signs",
            "confusion_or_fainting",
            "skin_blotchy_or_rash",
            "sudden_one_sided_weakness",
            "cauda_equina_signs",
            "high_body_temperature",
            "very_high_temperature",
            "vomiting_or_diarrhoea",
            "muscle_wasting",
            "recent_wound",
            "coughing_up_blood",
            "leg_pain_at_rest",
            "heat_exhaustion_not_better",
            "toxin_exposure",
            "wound_with_stiffness",
            "age_years",
            "sex",
            "pregnant_or_postpartum",
            "recent_surgery_or_immobilisation",
            "estrogen_medicine",
            "cancer",
            "previous_clot",
            "kidney_disease_or_dialysis",
            "liver_disease",
            "heart_failure_or_fluid_restriction",
            "heart_disease",
            "low_sodium_diet",
            "diabetes",
            "thyroid_disease",
            "heavy_alcohol_use",
            "emergency_signs",
            "leg_signs",
            "leg_changes",
            "body_signs",
            "health_conditions",
            "cramp_pattern",
            "clot_risks",
        ] == [f.id for f in legcramps.RISK_FACTORS]

    def test_the_first_21_inputs_keep_their_ids(self) -> None:
        """The inputs of the first knowledge keep their ids, first and in their order."""
        assert FIRST_INPUTS == [f.id for f in legcramps.RISK_FACTORS][: len(FIRST_INPUTS)]

    def test_every_factor_is_used(self) -> None:
        """Each factor speaks to a cause or a red flag, screens others, decides whether another
        applies, or names a risk factor a red flag shows."""
        k = legcramps.KNOWLEDGE
        used = {f.id for f in k.factors if f.causes or f.red_flags or f.members}
        used |= {m for f in k.factors for m in f.members}
        used |= {c.factor for f in k.factors for c in f.applies_when}
        used |= {note.when.factor for r in k.red_flags for note in r.risk_factors}
        assert [] == [f.id for f in k.factors if f.id not in used]

    def test_every_question_is_a_question(self) -> None:
        """Every factor asks a plain-language question."""
        assert all(f.question.endswith(("?", ")")) for f in legcramps.RISK_FACTORS)

    def test_every_medication_has_a_class_and_an_atc_code(self) -> None:
        """Every recognised medication carries its class and a well-formed ATC code."""
        meds = legcramps.KNOWLEDGE.medications

        assert all(re.fullmatch(r"[A-Z]\d\d[A-Z]{2}(\d\d)?", m.atc) for m in meds)
        # Only combinations may share a code: the WHO codes a kind of combination once.
        shared = {m.atc for m in meds if [n.atc for n in meds].count(m.atc) > 1}
        assert all(m.also for m in meds if m.atc in shared)

    def test_no_advice_tells_anyone_to_stop_a_medication_or_take_a_dose(self) -> None:
        """No advice in the knowledge says to stop a medicine or names a dose or drug to take."""
        k = legcramps.KNOWLEDGE
        texts = [a for c in k.causes for a in c.advice]
        texts += [s.advice for c in k.causes for s in c.signs]
        texts += [r.advice for r in k.red_flags]
        texts += [k.no_obvious_cause_advice, k.unanswered_red_flags_advice, k.self_care_advice]
        forbidden = re.compile(
            r"\bstop (taking|using)\b|\b\d+\s*(mg|g|ml|mcg)\b|quinine|magnesium|take (a|an|some) ",
            re.IGNORECASE,
        )

        assert [] == [t for t in texts if forbidden.search(t)]


class TestScreenFlags:
    @pytest.mark.parametrize("screen", [f for f in legcramps.RISK_FACTORS if f.members])
    def test_a_screens_flag_has_the_lowest_urgency_of_its_signs(self, screen: RiskFactor) -> None:
        """A flag on a screen says as much as its least urgent sign alone, and no more.

        A "yes" to the screen means some sign holds, not which; with no flag of its own
        the screen's signs raise nothing alone.
        """
        alone = [legcramps.assess({m: True}).urgency for m in screen.members]
        own = [r for r in legcramps.RED_FLAGS if r.conditions == (Condition(screen.id),)]
        if any(u is Urgency.UNDETERMINED for u in alone):
            assert [] == own
        else:
            assert [min(alone)] == [r.urgency for r in own]


class TestSpanishMedicationNames:
    def test_every_spanish_name_belongs_to_a_known_medication(self) -> None:
        """The table of Spanish names names only medications of the knowledge."""
        from legcramps import _data

        assert set(_data.SPANISH_NAMES) <= {m.generic for m in K.medications}

    @pytest.mark.parametrize(
        ("written", "generic"),
        [
            ("Furosemida 40 mg", "furosemide"),
            ("espironolactona", "spironolactone"),
            ("ácido etacrínico", "etacrynic acid"),
            ("budesonida/formoterol", "budesonide/formoterol"),
        ],
    )
    def test_a_diuretic_written_in_spanish_is_recognised(self, written: str, generic: str) -> None:
        """A medication written by its Spanish name is the same medication (issue 15)."""
        found = legcramps.recognize_medication(written)
        assert found is not None
        assert generic == found.generic
