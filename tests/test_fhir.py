"""legcramps.fhir.risk_assessment(): a FHIR R4 RiskAssessment resource, checked with fhirclient."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from fhirclient.models.riskassessment import RiskAssessment
from hypothesis import given

import legcramps
import legcramps.fhir
from helpers import Unreadable
from legcramps import Assessment, InvalidInput, Level
from strategies import assessments

RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability"
WHEN = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.timezone.utc)

EMPTY: dict[str, Any] = {}
TYPICAL = {
    "exercise_minutes": 120,
    "exercise_intensity": "vigorous",
    "unaccustomed_exercise": False,
    "medications": ["Lasix 40 mg"],
    "fluid_litres": 2.5,
    "overtired": False,
    "sitting_hours": 1,
}
RED_FLAG = {"chest_pain_or_breathlessness": True, "leg_swelling": True, "sitting_hours": 9}


def validated(resource: dict[str, Any]) -> dict[str, Any]:
    """Validate *resource* against the FHIR R4 models and return it as they read it."""
    model = RiskAssessment(json.loads(json.dumps(resource)), strict=True)
    as_json: dict[str, Any] = model.as_json()
    return as_json


def fhir(answers: dict[str, Any], **options: Any) -> dict[str, Any]:
    options.setdefault("subject", "Patient/123")
    return legcramps.fhir.risk_assessment(legcramps.assess(answers), **options)


class TestValidR4:
    @pytest.mark.parametrize("answers", [EMPTY, TYPICAL, RED_FLAG], ids=["empty", "typical", "red"])
    def test_validates_as_r4_risk_assessment(self, answers: dict[str, Any]) -> None:
        """The resource is a valid R4 RiskAssessment that reads back unchanged."""
        resource = fhir(answers, occurrence=WHEN, resource_id="a-1")

        assert resource == validated(resource)

    @given(assessments())
    def test_any_assessment_validates(self, a: Assessment) -> None:
        """Every assessment gives a valid R4 RiskAssessment."""
        resource = legcramps.fhir.risk_assessment(a, subject="Patient/1")

        assert resource == validated(resource)

    def test_the_validator_can_fail(self) -> None:
        """The validator used above does refuse a resource without its subject."""
        resource = fhir(TYPICAL)
        del resource["subject"]

        with pytest.raises(Exception, match='Non-optional property "subject"'):
            validated(resource)


class TestContent:
    def test_resource_header(self) -> None:
        """Type, status, subject, time and method with both versions."""
        r = fhir(TYPICAL, occurrence=WHEN)

        assert ("RiskAssessment", "final") == (r["resourceType"], r["status"])
        assert {"reference": "Patient/123"} == r["subject"]
        assert "2026-11-25T09:30:00+00:00" == r["occurrenceDateTime"]
        assert [
            ("legcramps", legcramps.__version__),
            ("knowledge", legcramps.KNOWLEDGE_VERSION),
        ] == [(c["code"], c["version"]) for c in r["method"]["coding"]]

    def test_one_prediction_per_assessed_cause(self) -> None:
        """Each cause that is not unknown is a prediction, in the findings' order."""
        a = legcramps.assess(TYPICAL)
        r = legcramps.fhir.risk_assessment(a, subject="Patient/123")

        assert [f.cause.id for f in a.findings if f.level is not Level.UNKNOWN] == [
            p["outcome"]["coding"][0]["code"] for p in r["prediction"]
        ]
        assert "Exercise overuse" == r["prediction"][0]["outcome"]["text"]

    def test_level_mapping(self) -> None:
        """likely -> high, possible -> moderate, unlikely -> low."""
        a = legcramps.assess(TYPICAL)
        r = legcramps.fhir.risk_assessment(a, subject="Patient/123")

        pairs = {
            (f.level.value, p["qualitativeRisk"]["coding"][0]["code"])
            for f, p in zip(a.findings, r["prediction"], strict=False)
        }

        assert {("likely", "high"), ("possible", "moderate"), ("unlikely", "low")} == pairs
        assert {RISK_PROBABILITY} == {
            p["qualitativeRisk"]["coding"][0]["system"] for p in r["prediction"]
        }

    def test_rationale_from_the_evidence(self) -> None:
        """The rationale gives each evidence reason and the unanswered inputs."""
        r = fhir(TYPICAL)

        assert (
            "A long exercise session (60 minutes or more). "
            "A very long exercise session (90 minutes or more). Vigorous exercise."
        ) == r["prediction"][0]["rationale"]
        by_cause = {p["outcome"]["coding"][0]["code"]: p["rationale"] for p in r["prediction"]}
        assert (
            "No answer so far points at this cause. Not yet answered: recovery_hours, poor_diet."
        ) == by_cause["fatigue"]

    def test_mitigation_is_the_advice(self) -> None:
        """mitigation holds the advice, one item a line."""
        a = legcramps.assess(TYPICAL)

        assert (
            list(a.advice)
            == legcramps.fhir.risk_assessment(a, subject="Patient/1")["mitigation"].splitlines()
        )

    def test_empty_assessment_has_no_prediction(self) -> None:
        """With nothing answered, no cause is a prediction; a note says they are not assessed."""
        r = fhir(EMPTY)

        assert "prediction" not in r
        assert [
            "Urgency: undetermined. Not enough is known yet; this is not a self-care result.",
            (
                "Not assessed, because no question about them was answered (not a prediction): "
                "Exercise overuse, Fatigue and incomplete recovery, Medication side effects, "
                "Prolonged sitting or standing, Dehydration."
            ),
            legcramps.KNOWLEDGE.disclaimer,
        ] == [n["text"] for n in r["note"]]

    def test_red_flags_in_the_notes_after_the_urgency(self) -> None:
        """The urgency comes first, then each red flag; the disclaimer comes last."""
        notes = [n["text"] for n in fhir(RED_FLAG)["note"]]

        assert notes[0].startswith("Urgency: emergency.")
        assert notes[1].startswith("Warning sign (emergency): Chest pain or breathlessness.")
        assert notes[2].startswith("Warning sign (urgent): One leg painful, tender, swollen, red")
        assert legcramps.KNOWLEDGE.disclaimer == notes[-1]

    def test_red_flag_advice_leads_the_mitigation(self) -> None:
        """The most urgent red flag's advice is the first line of the mitigation."""
        assert (
            "Call your local emergency number now."
            == (fhir(RED_FLAG)["mitigation"].splitlines()[0])
        )

    def test_no_mitigation_without_advice(self) -> None:
        """An assessment without advice has no mitigation (FHIR forbids an empty string)."""
        import attrs

        a = attrs.evolve(legcramps.assess(dark_urine=True), advice=())

        assert () == a.advice
        assert "mitigation" not in validated(legcramps.fhir.risk_assessment(a, subject="Patient/1"))

    def test_method_version_from_a_source_tree(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Run from a source tree that was never installed, the library version is 'unknown'."""
        import importlib.metadata

        def not_installed(name: str) -> str:
            raise importlib.metadata.PackageNotFoundError(name)

        monkeypatch.setattr(importlib.metadata, "version", not_installed)

        method = fhir(EMPTY)["method"]

        assert "unknown" == method["coding"][0]["version"]
        assert method["text"].startswith("legcramps unknown, knowledge ")


class TestOptions:
    def test_subject_as_a_reference_dict(self) -> None:
        """A Reference dict is used as given."""
        ref = {"identifier": {"system": "urn:example:mrn", "value": "1"}, "display": "A. N. Other"}

        assert ref == fhir(TYPICAL, subject=ref)["subject"]

    @pytest.mark.parametrize(
        ("occurrence", "expected"),
        [
            (dt.date(2026, 11, 25), "2026-11-25"),
            ("2026-11", "2026-11"),
            ("2026-11-25T10:00:00Z", "2026-11-25T10:00:00Z"),
        ],
    )
    def test_occurrence_forms(self, occurrence: object, expected: str) -> None:
        """A date or a FHIR dateTime string gives occurrenceDateTime."""
        r = fhir(TYPICAL, occurrence=occurrence)

        assert expected == r["occurrenceDateTime"]
        assert r == validated(r)

    def test_status_and_id(self) -> None:
        """status and resource_id are used as given."""
        r = fhir(TYPICAL, status="preliminary", resource_id="cramps.1")

        assert ("preliminary", "cramps.1") == (r["status"], r["id"])

    @pytest.mark.parametrize(
        ("options", "match"),
        [
            ({"subject": ""}, "subject: received ''"),
            ({"subject": {"name": "x"}}, "subject: received {'name': 'x'}"),
            ({"subject": 123}, "subject: received 123"),
            ({"occurrence": dt.datetime(2026, 11, 25)}, "occurrence: received datetime"),  # noqa: DTZ001 - a naive datetime is the point
            ({"occurrence": "25/11/2026"}, "occurrence: received '25/11/2026'"),
            ({"subject": {"reference": ""}}, "subject.reference: received ''"),
            ({"subject": {"reference": 5}}, r"subject.reference: received 5 \(int\)"),
            ({"subject": {"display": object()}}, "subject.display: received <object"),
            ({"subject": {"display": " x"}}, "subject.display: received ' x'"),
            ({"subject": {"reference": "P/1", "type": ""}}, "subject.type: received ''"),
            ({"subject": {"identifier": "123"}}, "subject.identifier: received '123'"),
            ({"subject": Unreadable(reference="P/1")}, "subject: received .*can be read"),
            ({"status": "done"}, "status: received 'done'"),
            ({"resource_id": "no spaces"}, "resource_id: received 'no spaces'"),
        ],
    )
    def test_bad_options_are_refused(self, options: dict[str, Any], match: str) -> None:
        """Each bad option raises InvalidInput naming it."""
        with pytest.raises(InvalidInput, match=match):
            fhir(TYPICAL, **options)

    def test_only_an_assessment_is_converted(self) -> None:
        """Anything but an Assessment, such as its dict, is refused, naming the argument."""
        with pytest.raises(InvalidInput, match=r"assessment: received .*; expected a legcramps"):
            legcramps.fhir.risk_assessment(
                legcramps.assess().to_dict(),  # type: ignore[arg-type]
                subject="Patient/1",
            )

    def test_a_reference_dict_with_an_identifier(self) -> None:
        """An identifier is a dict; it is kept as given."""
        ref = {"identifier": {"system": "urn:example", "value": "42"}, "display": "A. Person"}

        assert ref == fhir(TYPICAL, subject=ref)["subject"]

    def test_every_problem_at_once(self) -> None:
        """All bad options are reported together."""
        with pytest.raises(InvalidInput) as info:
            fhir(TYPICAL, subject=None, occurrence=1, status=None)

        assert ["subject", "occurrence", "status"] == [p.input for p in info.value.problems]
