"""The service over real HTTP: ``legcramps serve`` in a subprocess, on 127.0.0.1, port 0.

Every endpoint and every error, the CDS Hooks cards against the fields the specification
requires, and every FHIR resource through the strict validators. Skipped, saying so,
when the ``service`` extra is not installed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

pytest.importorskip("starlette", reason="the service extra is not installed")
pytest.importorskip("uvicorn", reason="the service extra is not installed")

import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st

import legcramps
import legcramps.fhir
import legcramps.schema
from fhir_validators import validate
from helpers import NO_RED_FLAGS, NOTHING_RAISED
from service_process import Service, running

Q = legcramps.fhir.questionnaire()
ATC = "http://www.whocc.no/atc"
SNOMED = "http://snomed.info/sct"
INSTANCE = "d1577c69-dfbe-44ad-ba6d-3e05e953b2ea"
CALM = {**NOTHING_RAISED, **NO_RED_FLAGS, "clot_risks": False}


@pytest.fixture(scope="module")
def service() -> Iterator[Service]:
    """One real service for the module's tests (it keeps no state between requests)."""
    with running("--max-body-bytes", "200000") as s:
        yield s


def response_to(answers: dict[str, Any], **options: Any) -> dict[str, Any]:
    options.setdefault("subject", "Patient/p1")
    options.setdefault("resource_id", "qr-1")
    options.setdefault("authored", "2026-12-01T10:00:00Z")
    return legcramps.fhir.questionnaire_response(answers, **options)


def hook(name: str, prefetch: dict[str, Any] | None = None, **context: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "hook": name,
        "hookInstance": INSTANCE,
        "context": {"userId": "Practitioner/7", "patientId": "p1", **context},
    }
    if prefetch is not None:
        body["prefetch"] = prefetch
    return body


def medication_request(
    order_id: str, coding: dict[str, Any] | None = None, text: str = ""
) -> dict[str, Any]:
    concept: dict[str, Any] = {}
    if coding:
        concept["coding"] = [coding]
    if text:
        concept["text"] = text
    return {
        "resourceType": "MedicationRequest",
        "id": order_id,
        "status": "draft",
        "intent": "order",
        "subject": {"reference": "Patient/p1"},
        "medicationCodeableConcept": concept,
    }


def bundle(*resources: dict[str, Any]) -> dict[str, Any]:
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "entry": [{"resource": r} for r in resources],
    }


def check_card(card: dict[str, Any]) -> None:
    """Check a card against the fields CDS Hooks 2.0 requires, and their values."""
    assert {"summary", "indicator", "source"} <= set(card)
    assert len(card["summary"]) < 140
    assert card["indicator"] in {"info", "warning", "critical"}
    assert card["source"]["label"]
    for suggestion in card.get("suggestions", []):
        assert card["selectionBehavior"] in {"at-most-one", "any"}
        assert suggestion["label"]
        for action in suggestion["actions"]:
            assert action["type"] in {"create", "update", "delete"}
            assert action["description"]
    assert [] == [k for k, v in card.items() if v in (None, "", [], {})]


class TestRest:
    def test_health(self, service: Service) -> None:
        """GET /health gives the library and knowledge versions."""
        status, _, body = service.call("GET", "/health")

        assert (
            200,
            {
                "status": "ok",
                "version": legcramps.__version__,
                "knowledge_version": legcramps.KNOWLEDGE_VERSION,
            },
        ) == (status, body)

    def test_assess(self, service: Service) -> None:
        """POST /assess gives what to_dict() gives, which fits the result schema."""
        answers = {"fluid_litres": 0.5, "hot_weather": True, "medications": ["Lasix 40 mg"]}
        status, headers, body = service.call("POST", "/assess", answers)

        assert (200, "application/json") == (status, headers["content-type"])
        assert legcramps.assess(answers).to_dict() == body
        jsonschema.Draft202012Validator(legcramps.schema.result()).validate(body)

    def test_the_same_request_gives_the_same_answer(self, service: Service) -> None:
        """Nothing is kept between requests: a request twice gives one answer."""
        first = service.call("POST", "/assess", {"sitting_hours": 6})
        assert first == service.call("POST", "/assess", {"sitting_hours": 6})

    @pytest.mark.parametrize(
        ("raw", "match"),
        [
            (b'{"fluid_litres": NaN}', "NaN"),
            (b'{"fluid_litres": 1e999}', "1e999"),
            (b'{"hot_weather": true, "hot_weather": false}', "each key of an object once"),
            (b'{"fluid', "not JSON"),
            (b"\xff", "not UTF-8"),
        ],
    )
    def test_json_assess_would_refuse_is_a_400(
        self, service: Service, raw: bytes, match: str
    ) -> None:
        """A body that is not JSON as legcramps reads it is a 400 with the problem."""
        status, _, body = service.call("POST", "/assess", raw=raw)

        assert 400 == status
        assert match in body["problems"][0]["received"] + body["problems"][0]["expected"]

    def test_bad_answers_are_a_422_listing_every_problem(self, service: Service) -> None:
        """Answers assess() refuses are a 422 with each problem, as the library gives them."""
        status, _, body = service.call(
            "POST", "/assess", {"fluid_litres": -1, "hot_weather": "yes"}
        )

        assert 422 == status
        assert ["fluid_litres", "hot_weather"] == [p["input"] for p in body["problems"]]
        assert {"error", "problems", "more"} == set(body)

    def test_json_that_is_not_an_object_is_a_422(self, service: Service) -> None:
        """A JSON list is not answers."""
        status, _, body = service.call("POST", "/assess", [1])

        assert (422, "mapping") == (status, body["problems"][0]["input"])

    def test_a_body_that_is_not_json_is_a_415(self, service: Service) -> None:
        """A form-encoded body (curl's default) is refused, naming the content type."""
        status, _, body = service.call(
            "POST",
            "/assess",
            raw=b"a=1",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )

        assert (415, "content-type") == (status, body["problems"][0]["input"])

    def test_a_body_over_the_limit_is_a_413(self, service: Service) -> None:
        """A body larger than --max-body-bytes is refused before it is read."""
        raw = json.dumps({"medications": ["x" * 300_000]}).encode()
        status, _, body = service.call("POST", "/assess", raw=raw)

        assert (413, "body") == (status, body["problems"][0]["input"])

    def test_a_streamed_body_over_the_limit_is_a_413(self, service: Service) -> None:
        """A chunked body, without a length, is counted as it comes and cut at the limit."""
        import http.client

        connection = http.client.HTTPConnection("127.0.0.1", service.port, timeout=30)
        chunks = (b"[" + b"1," * 50_000 + b"1]" for _ in range(3))
        connection.request(
            "POST",
            "/assess",
            body=chunks,
            headers={"Content-Type": "application/json"},
            encode_chunked=True,
        )
        response = connection.getresponse()
        response.read()
        connection.close()

        assert 413 == response.status

    def test_factors_and_causes(self, service: Service) -> None:
        """GET /factors and /causes list the knowledge's inputs and causes."""
        _, _, factors = service.call("GET", "/factors")
        _, _, causes = service.call("GET", "/causes")

        assert [f.id for f in legcramps.RISK_FACTORS] == [f["id"] for f in factors]
        assert [c.id for c in legcramps.CAUSES] == [c["id"] for c in causes]
        assert ["sitting_hours", "standing_hours"] == causes[3]["inputs"]

    @pytest.mark.parametrize("name", ["answers", "result"])
    def test_schemas(self, service: Service, name: str) -> None:
        """GET /schema/answers and /schema/result are the library's schemas."""
        _, _, body = service.call("GET", f"/schema/{name}")

        assert getattr(legcramps.schema, name)() == body

    def test_not_found_and_wrong_method(self, service: Service) -> None:
        """An unknown path is a 404, a wrong method a 405 with Allow, both as problems."""
        missing = service.call("GET", "/nowhere")
        wrong = service.call("GET", "/assess")

        assert (404, "path") == (missing[0], missing[2]["problems"][0]["input"])
        assert (405, "POST") == (wrong[0], wrong[1]["allow"])


class TestFhir:
    def test_questionnaire(self, service: Service) -> None:
        """GET /questionnaire is the Questionnaire, as FHIR JSON, and it validates."""
        status, headers, body = service.call("GET", "/questionnaire")

        assert (200, "application/fhir+json") == (status, headers["content-type"])
        assert Q == body
        validate(body)

    def test_a_response_becomes_a_risk_assessment(self, service: Service) -> None:
        """POST /questionnaire-response gives the RiskAssessment, basis the response, valid."""
        qr = response_to({"chest_pain_or_breathlessness": True, "emergency_signs": True})
        validate(qr, Q)
        status, _, body = service.call("POST", "/questionnaire-response", qr)

        assert 200 == status
        assert [{"reference": "QuestionnaireResponse/qr-1"}] == body["basis"]
        assert ("final", "Patient/p1") == (body["status"], body["subject"]["reference"])
        assert "2026-12-01T10:00:00Z" == body["occurrenceDateTime"]
        assert "pulmonary_embolism" == body["prediction"][0]["outcome"]["coding"][0]["code"]
        validate(body)

    def test_a_response_in_progress_is_preliminary(self, service: Service) -> None:
        """A response still in progress gives a preliminary RiskAssessment."""
        qr = response_to({"sitting_hours": 6}, status="in-progress", resource_id=None)
        _, _, body = service.call("POST", "/questionnaire-response", qr)

        assert ("preliminary", False) == (body["status"], "basis" in body)

    def test_a_response_without_a_subject_is_a_422_outcome(self, service: Service) -> None:
        """A RiskAssessment needs a subject: its absence is an OperationOutcome."""
        qr = legcramps.fhir.questionnaire_response({"sitting_hours": 6})
        status, headers, body = service.call("POST", "/questionnaire-response", qr)

        assert (422, "application/fhir+json") == (status, headers["content-type"])
        assert ["subject"] == [i["expression"][0] for i in body["issue"]]
        validate(body)

    def test_a_void_response_is_a_422_outcome(self, service: Service) -> None:
        """A response entered in error is refused, with the reason as an issue."""
        qr = response_to({"sitting_hours": 6}, status="entered-in-error")
        status, _, body = service.call("POST", "/questionnaire-response", qr)

        assert (422, ["status"]) == (status, body["issue"][0]["expression"])

    @pytest.mark.parametrize(
        ("raw", "status", "code"),
        [(b"{NaN}", 400, "structure"), (b"[" + b"1," * 120_000 + b"1]", 413, "too-costly")],
    )
    def test_errors_of_the_body_are_outcomes(
        self, service: Service, raw: bytes, status: int, code: str
    ) -> None:
        """On the FHIR endpoint, a bad or too large body is an OperationOutcome too."""
        found, _, body = service.call("POST", "/questionnaire-response", raw=raw)

        assert (status, code) == (found, body["issue"][0]["code"])
        validate(body)


class TestOpenApi:
    def test_the_language_is_documented_where_it_is_honoured(self, service: Service) -> None:
        """Each operation that honours Accept-Language documents it and its two headers."""
        _, _, body = service.call("GET", "/openapi.json")
        documented = sorted(
            (path, method)
            for path, item in body["paths"].items()
            for method, operation in item.items()
            if any(p["name"] == "Accept-Language" for p in operation.get("parameters", []))
            and {"Content-Language", "Vary"} <= set(operation["responses"]["200"]["headers"])
        )

        assert (
            sorted(
                [
                    ("/assess", "post"),
                    ("/causes", "get"),
                    ("/cds-services/{id}", "post"),
                    ("/factors", "get"),
                    ("/questionnaire", "get"),
                    ("/questionnaire-response", "post"),
                ]
            )
            == documented
        )

    def test_the_document_is_made_from_the_same_schemas(self, service: Service) -> None:
        """The OpenAPI components are the library's own JSON Schemas."""
        _, _, body = service.call("GET", "/openapi.json")

        assert "3.1.0" == body["openapi"]
        assert legcramps.schema.answers() == body["components"]["schemas"]["Answers"]
        assert legcramps.schema.result() == body["components"]["schemas"]["Result"]

    def test_every_route_is_documented_and_every_ref_resolves(self, service: Service) -> None:
        """Each path of the service is in the document, and each $ref points at a schema."""
        _, _, body = service.call("GET", "/openapi.json")
        refs: list[str] = []

        def walk(node: Any) -> None:
            if isinstance(node, dict):
                refs.extend(
                    v for k, v in node.items() if k == "$ref" and v.startswith("#/components")
                )
                for v in node.values():
                    walk(v)
            elif isinstance(node, list):
                for v in node:
                    walk(v)

        walk(body["paths"])

        assert {
            "/health",
            "/assess",
            "/factors",
            "/causes",
            "/schema/answers",
            "/schema/result",
            "/questionnaire",
            "/questionnaire-response",
            "/openapi.json",
            "/cds-services",
            "/cds-services/{id}",
            "/cds-services/{id}/feedback",
        } == set(body["paths"])
        assert set() == {r.rsplit("/", 1)[1] for r in refs} - set(body["components"]["schemas"])

    def test_an_error_fits_the_documented_problems_schema(self, service: Service) -> None:
        """A 422's body fits the Problems schema of the document."""
        _, _, document = service.call("GET", "/openapi.json")
        _, _, body = service.call("POST", "/assess", {"fluid_litres": -1})

        jsonschema.Draft202012Validator(document["components"]["schemas"]["Problems"]).validate(
            body
        )


class TestCdsHooks:
    def test_discovery(self, service: Service) -> None:
        """Discovery lists both services with their required fields and prefetch templates."""
        status, _, body = service.call("GET", "/cds-services")
        services = {s["id"]: s for s in body["services"]}

        assert 200 == status
        assert {
            "legcramps-patient-view": "patient-view",
            "legcramps-order-select": "order-select",
        } == {i: s["hook"] for i, s in services.items()}
        assert all(s["description"] and s["title"] for s in services.values())
        assert (
            "{{context.patientId}}"
            in services["legcramps-patient-view"]["prefetch"]["questionnaireResponse"]
        )

    @pytest.mark.parametrize(
        ("answers", "indicator"),
        [
            ({"chest_pain_or_breathlessness": True, "emergency_signs": True}, "critical"),
            ({"leg_swelling": True, "leg_signs": True}, "critical"),
            ({**CALM, "pain_on_walking_eased_by_rest": True, "leg_changes": True}, "warning"),
            ({**CALM, "exercise_minutes": 120, "exercise_intensity": "vigorous"}, "info"),
            ({"sitting_hours": 6}, "info"),
        ],
        ids=["emergency", "urgent", "see-doctor", "self-care", "undetermined"],
    )
    def test_patient_view_card(
        self, service: Service, answers: dict[str, Any], indicator: str
    ) -> None:
        """patient-view gives one card, its indicator by urgency, with a valid RiskAssessment."""
        status, _, body = service.call(
            "POST",
            "/cds-services/legcramps-patient-view",
            hook("patient-view", {"questionnaireResponse": bundle(response_to(answers))}),
        )
        (card,) = body["cards"]
        resource = card["suggestions"][0]["actions"][0]["resource"]

        assert (200, indicator) == (status, card["indicator"])
        check_card(card)
        assert (
            legcramps.assess(legcramps.fhir.answers(response_to(answers))).urgency.headline
            in card["summary"]
        )
        assert ("RiskAssessment", "Patient/p1") == (
            resource["resourceType"],
            resource["subject"]["reference"],
        )
        validate(resource)

    def test_patient_view_adds_the_medication_orders(self, service: Service) -> None:
        """Active MedicationRequests join the answered medications: a diuretic counts."""
        prefetch = {
            "questionnaireResponse": response_to({"sitting_hours": 1}),
            "medications": bundle(
                medication_request("m1", {"system": ATC, "code": "C03CA01"}),
                medication_request("m2", text="aspirin"),
            ),
        }
        _, _, body = service.call(
            "POST", "/cds-services/legcramps-patient-view", hook("patient-view", prefetch)
        )
        detail = body["cards"][0]["detail"]

        assert "Medication side effects: likely" in detail

    def test_the_latest_response_is_read(self, service: Service) -> None:
        """Of several responses, the one authored last speaks."""
        old = response_to(
            {"chest_pain_or_breathlessness": True, "emergency_signs": True},
            authored="2026-01-01",
            resource_id="old",
        )
        new = response_to({"sitting_hours": 6}, authored="2026-12-01", resource_id="new")
        prefetch = {"questionnaireResponse": bundle(old, new)}
        _, _, body = service.call(
            "POST", "/cds-services/legcramps-patient-view", hook("patient-view", prefetch)
        )

        assert "info" == body["cards"][0]["indicator"]

    def test_cards_are_the_same_for_the_same_call(self, service: Service) -> None:
        """Card and suggestion uuids come from the hookInstance: no state, the same twice."""
        request = hook("patient-view", {"questionnaireResponse": response_to({"sitting_hours": 6})})
        first = service.call("POST", "/cds-services/legcramps-patient-view", request)

        assert first == service.call("POST", "/cds-services/legcramps-patient-view", request)

    @pytest.mark.parametrize(
        "prefetch",
        [
            None,
            {},
            {"medications": None},
            {"questionnaireResponse": {"resourceType": "OperationOutcome", "issue": []}},
        ],
        ids=["no-prefetch", "empty", "other-key", "outcome"],
    )
    def test_missing_prefetch_is_a_412_outcome(
        self, service: Service, prefetch: dict[str, Any] | None
    ) -> None:
        """Without the prefetched response, the service answers 412 with an OperationOutcome."""
        status, headers, body = service.call(
            "POST", "/cds-services/legcramps-patient-view", hook("patient-view", prefetch)
        )

        assert (412, "application/fhir+json") == (status, headers["content-type"])
        assert ["prefetch.questionnaireResponse"] == [i["expression"][0] for i in body["issue"]]
        validate(body)

    @pytest.mark.parametrize(
        "value",
        [None, bundle(), bundle(response_to({"sitting_hours": 6}, status="entered-in-error"))],
        ids=["null", "empty-bundle", "void-only"],
    )
    def test_no_response_gives_no_card(self, service: Service, value: Any) -> None:
        """With no usable response, patient-view says nothing: {"cards": []}."""
        _, _, body = service.call(
            "POST",
            "/cds-services/legcramps-patient-view",
            hook("patient-view", {"questionnaireResponse": value}),
        )

        assert {"cards": []} == body

    @pytest.mark.parametrize(
        ("change", "where"),
        [
            ({"hook": "order-select"}, "hook"),
            ({"hookInstance": ""}, "hookInstance"),
            ({"context": {"userId": "Practitioner/7"}}, "context.patientId"),
            ({"context": {"userId": "Practitioner/7", "patientId": "a b"}}, "context.patientId"),
            ({"context": []}, "context"),
            ({"prefetch": []}, "prefetch"),
            ({"fhirAuthorization": {"access_token": "x"}}, "fhirServer"),
            (
                {"prefetch": {"questionnaireResponse": "QuestionnaireResponse/1"}},
                "prefetch.questionnaireResponse",
            ),
            (
                {"prefetch": {"questionnaireResponse": {"resourceType": "Patient"}}},
                "prefetch.questionnaireResponse",
            ),
            (
                {"prefetch": {"questionnaireResponse": None, "medications": 5}},
                "prefetch.medications",
            ),
        ],
    )
    def test_bad_requests_are_a_422(
        self, service: Service, change: dict[str, Any], where: str
    ) -> None:
        """A request the specification would not send is a 422 naming the field."""
        body = {**hook("patient-view", {"questionnaireResponse": None}), **change}
        status, _, found = service.call("POST", "/cds-services/legcramps-patient-view", body)

        assert (422, where) == (status, found["problems"][0]["input"])

    def test_a_request_that_is_not_an_object_is_a_422(self, service: Service) -> None:
        """A JSON list is not a CDS Hooks request."""
        status, _, found = service.call("POST", "/cds-services/legcramps-patient-view", [])

        assert (422, "request") == (status, found["problems"][0]["input"])

    def test_a_bad_response_in_the_prefetch_is_a_422_with_its_path(self, service: Service) -> None:
        """A response that cannot be read is refused, its problems under its prefetch key."""
        qr = response_to({"sitting_hours": 6})
        qr["item"][0]["item"][0]["answer"] = [{"valueDecimal": 99}]
        _, _, body = service.call(
            "POST",
            "/cds-services/legcramps-patient-view",
            hook("patient-view", {"questionnaireResponse": qr}),
        )

        assert body["problems"][0]["input"].startswith("prefetch.questionnaireResponse.item[0]")

    @pytest.mark.parametrize(
        ("order", "name"),
        [
            (
                medication_request("o1", {"system": ATC, "code": "C03CA01"}),
                "Furosemide (loop diuretic)",
            ),
            (
                medication_request(
                    "o1", {"system": "urn:rxnorm", "code": "1", "display": "Lipitor"}
                ),
                "Atorvastatin (statin)",
            ),
            (medication_request("o1", text="Serevent"), "Salmeterol (long-acting beta-agonist)"),
            (
                dict(medication_request("o1"), medicationReference={"display": "Dyazide"}),
                "Triamterene/hydrochlorothiazide",
            ),
            (
                {
                    "resourceType": "MedicationRequest",
                    "id": "o1",
                    "medicationReference": {"display": "Zocor"},
                },
                "Simvastatin (statin)",
            ),
            (
                medication_request("o1", {"system": ATC, "code": "C03CA01", "display": "Lasix"}),
                "Furosemide (loop diuretic)",
            ),
        ],
    )
    def test_order_select_warns_of_a_diuretic_laba_or_statin(
        self, service: Service, order: dict[str, Any], name: str
    ) -> None:
        """A selected order of a diuretic, a LABA or a statin, after reported cramps, warns."""
        request = hook(
            "order-select",
            {"questionnaireResponse": response_to({"sitting_hours": 6})},
            selections=["MedicationRequest/o1"],
            draftOrders=bundle(order),
        )
        status, _, body = service.call("POST", "/cds-services/legcramps-order-select", request)
        (card,) = body["cards"]

        assert (200, "warning") == (status, card["indicator"])
        assert card["summary"].startswith(name)
        assert "not a recommendation to change the order" in card["detail"]
        check_card(card)

    def test_a_cramp_condition_is_a_report_too(self, service: Service) -> None:
        """A leg cramp Condition on the record counts as reported cramps."""
        condition = {
            "resourceType": "Condition",
            "code": {"coding": [{"system": SNOMED, "code": "449917004"}]},
            "subject": {"reference": "Patient/p1"},
        }
        request = hook(
            "order-select",
            {"conditions": bundle(condition)},
            selections=["MedicationRequest/o1"],
            draftOrders=bundle(medication_request("o1", {"system": ATC, "code": "C10AA05"})),
        )
        _, _, body = service.call("POST", "/cds-services/legcramps-order-select", request)

        assert 1 == len(body["cards"])

    @pytest.mark.parametrize(
        ("prefetch", "order", "selected"),
        [
            (
                {"questionnaireResponse": None, "conditions": None},
                {"system": ATC, "code": "C03CA01"},
                "o1",
            ),
            (
                {
                    "conditions": bundle(
                        {
                            "resourceType": "Condition",
                            "code": {"coding": [{"system": SNOMED, "code": "1"}]},
                        }
                    )
                },
                {"system": ATC, "code": "C03CA01"},
                "o1",
            ),
            (
                {"questionnaireResponse": response_to({"sitting_hours": 6})},
                {"system": ATC, "code": "C03CA01"},
                "o2",
            ),
            (
                {"questionnaireResponse": response_to({"sitting_hours": 6})},
                {"system": ATC, "code": "B01AC06"},
                "o1",
            ),
            (
                {"questionnaireResponse": response_to({"sitting_hours": 6})},
                {"system": ATC, "code": "R03AC02"},
                "o1",
            ),
            ({"questionnaireResponse": None}, {"system": ATC, "code": "C03CA01"}, "o1"),
        ],
        ids=[
            "no-report",
            "other-condition",
            "not-selected",
            "unknown-drug",
            "not-a-warned-class",
            "null-only",
        ],
    )
    def test_order_select_is_quiet_otherwise(
        self, service: Service, prefetch: dict[str, Any], order: dict[str, Any], selected: str
    ) -> None:
        """No report, another order selected, or a drug of no warned class: no card."""
        request = hook(
            "order-select",
            prefetch,
            selections=[f"MedicationRequest/{selected}"],
            draftOrders=bundle(medication_request("o1", order)),
        )
        _, _, body = service.call("POST", "/cds-services/legcramps-order-select", request)

        assert {"cards": []} == body

    def test_order_select_without_prefetch_is_a_412(self, service: Service) -> None:
        """Without either prefetch key, order-select answers 412."""
        request = hook(
            "order-select", {}, selections=["MedicationRequest/o1"], draftOrders=bundle()
        )
        status, _, body = service.call("POST", "/cds-services/legcramps-order-select", request)

        assert 412 == status
        assert 2 == len(body["issue"])

    @pytest.mark.parametrize(
        ("context", "where"),
        [
            ({"draftOrders": bundle()}, "context.selections"),
            ({"selections": ["MedicationRequest/o1"]}, "context.draftOrders"),
            (
                {
                    "selections": ["MedicationRequest/o1"],
                    "draftOrders": {"resourceType": "Patient"},
                },
                "context.draftOrders",
            ),
        ],
    )
    def test_order_select_bad_context_is_a_422(
        self, service: Service, context: dict[str, Any], where: str
    ) -> None:
        """order-select needs its selections and draft orders."""
        request = hook(
            "order-select", {"questionnaireResponse": None, "conditions": None}, **context
        )
        status, _, body = service.call("POST", "/cds-services/legcramps-order-select", request)

        assert (422, where) == (status, body["problems"][0]["input"])

    def test_a_bad_conditions_prefetch_is_a_422(self, service: Service) -> None:
        """A conditions prefetch that is no Condition nor Bundle is refused, naming the key."""
        request = hook(
            "order-select",
            {"conditions": 5},
            selections=["MedicationRequest/o1"],
            draftOrders=bundle(),
        )
        status, _, body = service.call("POST", "/cds-services/legcramps-order-select", request)

        assert (422, "prefetch.conditions") == (status, body["problems"][0]["input"])

    def test_order_select_odd_orders_and_prefetch_are_skipped(self, service: Service) -> None:
        """Entries that are no MedicationRequest, codings that are no objects: nothing breaks."""
        order = medication_request("o1")
        order["medicationCodeableConcept"] = {
            "coding": ["C03CA01", {"system": ATC, "code": "C03CA01"}]
        }
        drafts = {
            "resourceType": "Bundle",
            "entry": [5, {"resource": {"resourceType": "Patient"}}, {"resource": order}],
        }
        condition = {"resourceType": "Condition", "code": {"coding": "not a list"}}
        request = hook(
            "order-select",
            {"conditions": bundle(condition)},
            selections=["MedicationRequest/o1"],
            draftOrders=drafts,
        )

        assert {"cards": []} == service.call(
            "POST", "/cds-services/legcramps-order-select", request
        )[2]

    def test_feedback(self, service: Service) -> None:
        """Feedback that follows the specification is received: 200, nothing kept."""
        body = {
            "feedback": [
                {
                    "card": "c1",
                    "outcome": "accepted",
                    "acceptedSuggestions": [{"id": "s1"}],
                    "outcomeTimestamp": "2026-12-01T10:00:00Z",
                },
                {
                    "card": "c1",
                    "outcome": "overridden",
                    "overrideReason": {"userComment": "seen"},
                    "outcomeTimestamp": "2026-12-01T10:00:00.52+01:00",
                },
            ]
        }

        assert (200, {}) == service.call(
            "POST", "/cds-services/legcramps-patient-view/feedback", body
        )[::2]

    def test_bad_feedback_is_a_422(self, service: Service) -> None:
        """Each item's missing or wrong field is named."""
        body = {
            "feedback": [
                5,
                {"card": "", "outcome": "accepted", "outcomeTimestamp": "yesterday"},
                {"card": "c", "outcome": "ignored", "outcomeTimestamp": "2026-12-01T10:00:00Z"},
            ]
        }
        status, _, found = service.call(
            "POST", "/cds-services/legcramps-order-select/feedback", body
        )

        assert 422 == status
        assert [
            "feedback[0]",
            "feedback[1].card",
            "feedback[1].acceptedSuggestions",
            "feedback[1].outcomeTimestamp",
            "feedback[2].outcome",
        ] == [p["input"] for p in found["problems"]]

    def test_feedback_without_items_is_a_422(self, service: Service) -> None:
        """A feedback request needs a list of items."""
        status, _, found = service.call("POST", "/cds-services/legcramps-order-select/feedback", {})

        assert (422, "feedback") == (status, found["problems"][0]["input"])

    @pytest.mark.parametrize("path", ["/cds-services/nope", "/cds-services/nope/feedback"])
    def test_an_unknown_service_is_a_404(self, service: Service, path: str) -> None:
        """A service id that does not exist is a 404 naming it."""
        status, _, body = service.call("POST", path, {"feedback": []})

        assert (404, "id") == (status, body["problems"][0]["input"])


def test_the_log_holds_nothing_personal() -> None:
    """After requests with personal data, the service's log is empty (access log off)."""
    with running() as s:
        s.call("POST", "/assess", {"medications": ["secret-drug-9"]})
        s.call(
            "POST",
            "/cds-services/legcramps-patient-view",
            hook("patient-view", {"questionnaireResponse": None}, patientId="secret-patient-9"),
        )

    assert 0 == s.process.returncode
    assert "secret" not in s.stderr
    assert "" == s.stderr.strip()


ES = legcramps.catalog("es")
SPANISH = {"Accept-Language": "es-ES,es;q=0.9,en;q=0.8"}
URGENT = {"leg_swelling": True, "sitting_hours": 8}


class TestLanguage:
    @pytest.mark.parametrize(
        ("header", "expected"),
        [
            ("es-ES,es;q=0.9,en;q=0.8", "es"),
            ("es", "es"),
            ("ES-mx", "es"),
            ("en-GB,en;q=0.9,es;q=0.8", "en"),
            ("fr-CH, fr;q=0.9, es;q=0.8, *;q=0.5", "es"),
            ("en;q=0.2, es;q=0.7", "es"),
            ("es;q=0, en", "en"),
            ("fr, de", "en"),
            ("*", "en"),
        ],
    )
    def test_accept_language_picks_the_language(
        self, service: Service, header: str, expected: str
    ) -> None:
        """The most preferred language legcramps has wins, by q-value; none is English."""
        status, headers, _ = service.call(
            "POST", "/assess", {"fluid_litres": 0.5}, headers={"Accept-Language": header}
        )

        assert (200, expected) == (status, headers["content-language"])

    @pytest.mark.parametrize(
        "header",
        ["", ";;;", "es;q=abc", "es;q=", ",,,;q=1", "q=0.9", "\u00e9s", "es;q=nan", "x" * 4000],
    )
    def test_a_malformed_header_is_english_never_an_error(
        self, service: Service, header: str
    ) -> None:
        """An Accept-Language that cannot be read gives English, never a 4xx or 500."""
        status, headers, body = service.call(
            "POST", "/assess", {"fluid_litres": 0.5}, headers={"Accept-Language": header}
        )

        assert (200, "en") == (status, headers["content-language"])
        assert legcramps.assess(fluid_litres=0.5).to_dict() == body

    def test_a_header_that_is_not_text_is_english(self, service: Service) -> None:
        """Bytes that are not ASCII in the header are read as English, not an error."""
        status, headers, _ = service.call(
            "POST", "/assess", {"fluid_litres": 0.5}, headers={"Accept-Language": "es;q=\xff"}
        )

        assert (200, "en") == (status, headers["content-language"])

    def test_the_result_is_spanish(self, service: Service) -> None:
        """/assess with Spanish asked for answers to_dict(language="es")."""
        status, _, body = service.call("POST", "/assess", URGENT, headers=SPANISH)

        assert 200 == status
        assert legcramps.assess(URGENT).to_dict(language="es") == body

    def test_the_spanish_result_fits_the_result_schema(self, service: Service) -> None:
        """The Spanish result validates against legcramps.schema.result()."""
        _, _, body = service.call("POST", "/assess", URGENT, headers=SPANISH)

        jsonschema.Draft202012Validator(legcramps.schema.result()).validate(body)

    @pytest.mark.parametrize(
        ("method", "path", "body"),
        [
            ("POST", "/assess", {"fluid_litres": 0.5}),
            ("GET", "/questionnaire", None),
            ("POST", "/questionnaire-response", None),
            ("POST", "/cds-services/legcramps-patient-view", None),
        ],
    )
    def test_a_response_says_it_varies_by_language(
        self, service: Service, method: str, path: str, body: object
    ) -> None:
        """Each response that has a language names it, and varies by Accept-Language."""
        if path == "/questionnaire-response":
            body = response_to(URGENT)
        elif path.startswith("/cds"):
            body = hook("patient-view", {"questionnaireResponse": response_to(URGENT)})
        status, headers, _ = service.call(method, path, body, headers=SPANISH)

        assert (200, "es", "Accept-Language") == (
            status,
            headers["content-language"],
            headers["vary"],
        )

    def test_the_questionnaire_is_spanish(self, service: Service) -> None:
        """/questionnaire in Spanish is legcramps.fhir.questionnaire(language="es")."""
        _, _, body = service.call("GET", "/questionnaire", headers=SPANISH)

        assert legcramps.fhir.questionnaire(language="es") == body

    def test_a_refused_response_is_a_spanish_outcome(self, service: Service) -> None:
        """On a FHIR endpoint, Accept-Language es gives the OperationOutcome in Spanish."""
        qr = legcramps.fhir.questionnaire_response({"sitting_hours": 6})
        status, headers, body = service.call("POST", "/questionnaire-response", qr, headers=SPANISH)

        assert (422, "es", "es") == (status, headers["content-language"], body["language"])
        assert body["issue"][0]["diagnostics"].startswith("subject: se recibió ")
        validate(body)

    def test_a_refused_response_is_english_by_default(self, service: Service) -> None:
        """Without Accept-Language the OperationOutcome is English, without a language."""
        qr = legcramps.fhir.questionnaire_response({"sitting_hours": 6})
        _, headers, body = service.call("POST", "/questionnaire-response", qr)

        assert "language" not in body
        assert "content-language" not in headers
        assert body["issue"][0]["diagnostics"].startswith("subject: received ")

    def test_the_questionnaire_is_english_by_default(self, service: Service) -> None:
        """/questionnaire without the header is the default English Questionnaire."""
        _, headers, body = service.call("GET", "/questionnaire")

        assert (Q, "en") == (body, headers["content-language"])

    def test_the_risk_assessment_is_spanish_and_valid(self, service: Service) -> None:
        """/questionnaire-response in Spanish gives a Spanish RiskAssessment that validates."""
        status, _, resource = service.call(
            "POST", "/questionnaire-response", response_to(URGENT), headers=SPANISH
        )

        assert (200, "es") == (status, resource["language"])
        assert resource["text"]["div"].find(ES.text(legcramps.Urgency.URGENT.headline)) > 0
        validate(resource)

    def test_the_patient_view_card_is_spanish(self, service: Service) -> None:
        """The card's summary, detail, suggestion and resource are Spanish, and valid."""
        request = hook("patient-view", {"questionnaireResponse": response_to(URGENT)})
        _, _, body = service.call(
            "POST", "/cds-services/legcramps-patient-view", request, headers=SPANISH
        )
        (card,) = body["cards"]
        suggestion = card["suggestions"][0]
        resource = suggestion["actions"][0]["resource"]
        flag = legcramps.assess(URGENT).red_flags[0]

        check_card(card)
        assert card["summary"].startswith("Calambres en las piernas: URGENTE")
        assert ES.text(flag.why) in card["detail"]
        assert "Señales de alarma:" in card["detail"]
        assert ES.text("Save the leg cramp risk assessment to the record") == suggestion["label"]
        assert "es" == resource["language"]
        validate(resource)

    def test_the_order_select_card_is_spanish(self, service: Service) -> None:
        """The order-select card names the class and the report in Spanish."""
        request = hook(
            "order-select",
            {"questionnaireResponse": response_to({"sitting_hours": 6})},
            selections=["MedicationRequest/o1"],
            draftOrders=bundle(medication_request("o1", {"system": ATC, "code": "C03CA01"})),
        )
        _, headers, body = service.call(
            "POST", "/cds-services/legcramps-order-select", request, headers=SPANISH
        )
        (card,) = body["cards"]

        check_card(card)
        assert "Furosemide (diurético del asa)" == card["summary"].partition(" puede")[0]
        assert "respondió el cuestionario de legcramps" in card["detail"]
        assert "es" == headers["content-language"]

    def test_every_warned_class_has_a_text(self) -> None:
        """Each class order-select warns of is a text of the catalog, so it is translated."""
        from legcramps import _texts
        from legcramps._service import cds

        assert {c.value for c in cds.WARNED_CLASSES} == set(_texts.CDS_DRUG_CLASSES)

    def test_the_factors_and_causes_are_spanish(self, service: Service) -> None:
        """/factors gives the Spanish questions, /causes the Spanish names, ids unchanged."""
        _, _, factors = service.call("GET", "/factors", headers=SPANISH)
        _, headers, causes = service.call("GET", "/causes", headers=SPANISH)

        assert [(f.id, ES.text(f.question)) for f in legcramps.RISK_FACTORS] == [
            (f["id"], f["question"]) for f in factors
        ]
        assert [(c.id, ES.text(c.name)) for c in legcramps.CAUSES] == [
            (c["id"], c["name"]) for c in causes
        ]
        assert ("es", "Accept-Language") == (headers["content-language"], headers["vary"])


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_any_accept_language_gives_a_language_of_legcramps(header: bytes) -> None:
    """Whatever bytes the header holds, the service picks English or Spanish, and never fails."""
    from starlette.requests import Request

    from legcramps._service.app import language

    request = Request({"type": "http", "headers": [(b"accept-language", header)]})

    assert language(request).language in legcramps.LANGUAGES
