"""The forms an assessment takes: a JSON-ready dict and a plain-text report."""

from __future__ import annotations

import json

import legcramps
from helpers import TYPICAL


class TestToDict:
    def test_is_json_ready(self) -> None:
        """to_dict() survives a JSON round trip unchanged."""
        d = legcramps.assess(TYPICAL).to_dict()

        assert d == json.loads(json.dumps(d))

    def test_names_things_by_id_and_enums_by_value(self) -> None:
        """Causes, factors and red flags appear by id, enums as their values."""
        d = legcramps.assess(TYPICAL).to_dict()

        assert "see_doctor" == d["urgency"]
        assert ("dehydration", "likely") == (d["findings"][0]["cause"], d["findings"][0]["level"])
        assert ["nerve_or_muscle_signs"] == [r["id"] for r in d["red_flags"]]
        assert "chest_pain_or_breathlessness" == d["next_questions"][0]

    def test_holds_everything_the_assessment_does(self) -> None:
        """The dict has every part of the assessment."""
        assert {
            "knowledge_version",
            "urgency",
            "findings",
            "red_flags",
            "advice",
            "next_questions",
            "answers",
            "medications",
            "unrecognized_medications",
            "disclaimer",
        } == set(legcramps.assess().to_dict())

    def test_medications_carry_generic_class_and_atc(self) -> None:
        """Each recognised medication has its generic name, class and ATC code."""
        d = legcramps.assess(TYPICAL).to_dict()

        assert [{"generic": "furosemide", "class": "loop diuretic", "atc": "C03CA01"}] == d[
            "medications"
        ]
        assert ["aspirin"] == d["unrecognized_medications"]

    def test_evidence_values_are_json_types(self) -> None:
        """Evidence values become JSON types: the medication match is a list."""
        finding = legcramps.assess(TYPICAL).to_dict()["findings"][0]

        assert {"factor": "medications", "value": ["furosemide"], "weight": 1} == {
            k: v for k, v in finding["evidence"][0].items() if k != "reason"
        }

    def test_answers_are_the_normalised_inputs(self) -> None:
        """The answers in the dict are the normalised inputs, lists for tuples."""
        d = legcramps.assess(medications=("Lasix",), hot_weather=False).to_dict()

        assert {"medications": ["Lasix"], "hot_weather": False} == d["answers"]

    def test_each_call_gives_an_independent_dict(self) -> None:
        """Changing one to_dict() result does not change the next."""
        assessment = legcramps.assess(TYPICAL)
        first = assessment.to_dict()
        first["findings"][0]["evidence"].clear()
        first["advice"].append("x")

        assert assessment.to_dict() != first


class TestReport:
    def test_names_the_urgency_causes_advice_and_disclaimer(self) -> None:
        """The plain-text report shows urgency, each cause, advice and the disclaimer."""
        text = str(legcramps.assess(TYPICAL))

        assert text.startswith("Leg cramp assessment (knowledge ")
        assert "Urgency: See a doctor." in text
        assert "Warning signs:\n  - Muscle weakness, numbness or loss of feeling" in text
        assert "  likely    Dehydration (score 4)" in text
        assert "  unknown   Prolonged sitting or standing (not asked yet)" in text
        assert "Medications not recognised: aspirin" in text
        assert text.endswith(legcramps.KNOWLEDGE.disclaimer)

    def test_undetermined_reads_as_not_self_care(self) -> None:
        """An undetermined result says plainly that it is not a self-care result."""
        assert "This is not a self-care result." in str(legcramps.assess(hot_weather=True))

    def test_lists_the_questions_still_to_ask(self) -> None:
        """The report lists the unanswered questions."""
        text = str(legcramps.assess())

        assert "Still to ask:\n  - Do you have chest pain or are you short of breath?" in text
