"""The OpenAPI 3.1 document of the service, made from the same JSON Schemas it serves."""

from __future__ import annotations

from typing import Any

from legcramps._schema import answers, result
from legcramps._service.config import ServiceConfig
from legcramps._version import VERSION

_JSON = "application/json"
_FHIR = "application/fhir+json"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _body(name: str, media: str = _JSON) -> dict[str, Any]:
    return {"content": {media: {"schema": _ref(name)}}}


def _fhir(kind: str) -> dict[str, Any]:
    return {
        "type": "object",
        "description": f"An HL7 FHIR R4 {kind} resource (https://hl7.org/fhir/R4/{kind.lower()}.html).",
        "properties": {"resourceType": {"const": kind}},
        "required": ["resourceType"],
    }


def _errors(*codes: str, fhir: bool = False) -> dict[str, Any]:
    what = {
        "400": "The body is not JSON as legcramps reads it (NaN, Infinity, 1e999, a key twice...).",
        "401": "No valid JWT from a trusted CDS Client (when the service requires one).",
        "404": "No such service.",
        "412": "Prefetched data is missing (the service does not query the FHIR server).",
        "413": "The body is larger than the service takes.",
        "415": "The body is not JSON.",
        "422": "The JSON is not acceptable: every problem is listed.",
    }
    out = {}
    for code in codes:
        schema = "OperationOutcome" if fhir or code == "412" else "Problems"
        out[code] = {
            "description": what[code],
            **_body(schema, _FHIR if schema == "OperationOutcome" else _JSON),
        }
    return out


def document(config: ServiceConfig) -> dict[str, Any]:
    """Return the OpenAPI document of a service with *config*."""
    k = config.knowledge
    plain = ("400", "413", "415", "422")
    cds = {
        "post": {
            "summary": "Call a CDS Hooks service",
            "parameters": [
                {
                    "name": "id",
                    "in": "path",
                    "required": True,
                    "schema": {"enum": ["legcramps-patient-view", "legcramps-order-select"]},
                }
            ],
            "requestBody": _body("CdsRequest"),
            "responses": {
                "200": {"description": "The cards.", **_body("CdsResponse")},
                **_errors("400", "401", "404", "412", "413", "415", "422"),
            },
        }
    }
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "legcramps",
            "version": VERSION,
            "summary": "Which causes of severe leg cramps likely apply; how soon to see a doctor.",
            "description": (
                f"Knowledge {k.version}. Information, not a diagnosis: every result carries a"
                " disclaimer, red flags override every score, and an unanswered question is"
                " never taken as no."
            ),
            "license": {"name": "MIT", "identifier": "MIT"},
        },
        "paths": {
            "/health": {
                "get": {
                    "summary": "Whether the service runs, and its versions",
                    "responses": {"200": {"description": "Running.", **_body("Health")}},
                }
            },
            "/assess": {
                "post": {
                    "summary": "Assess answers",
                    "requestBody": {"required": True, **_body("Answers")},
                    "responses": {
                        "200": {
                            "description": "The assessment (Assessment.to_dict()).",
                            **_body("Result"),
                        },
                        **_errors(*plain),
                    },
                }
            },
            "/factors": {
                "get": {
                    "summary": "The inputs, with their questions, kinds and bounds",
                    "responses": {"200": {"description": "The factors.", **_body("Factors")}},
                }
            },
            "/causes": {
                "get": {
                    "summary": "The causes, with their inputs and sources",
                    "responses": {"200": {"description": "The causes.", **_body("Causes")}},
                }
            },
            "/schema/answers": {
                "get": {
                    "summary": "The JSON Schema of the answers",
                    "responses": {
                        "200": {
                            "description": "A JSON Schema (draft 2020-12).",
                            **_body("JsonSchema"),
                        }
                    },
                }
            },
            "/schema/result": {
                "get": {
                    "summary": "The JSON Schema of a result",
                    "responses": {
                        "200": {
                            "description": "A JSON Schema (draft 2020-12).",
                            **_body("JsonSchema"),
                        }
                    },
                }
            },
            "/questionnaire": {
                "get": {
                    "summary": "The questions as an HL7 FHIR R4 Questionnaire",
                    "responses": {
                        "200": {
                            "description": "The Questionnaire.",
                            **_body("Questionnaire", _FHIR),
                        }
                    },
                }
            },
            "/questionnaire-response": {
                "post": {
                    "summary": "Assess a QuestionnaireResponse into a RiskAssessment",
                    "requestBody": {"required": True, **_body("QuestionnaireResponse", _FHIR)},
                    "responses": {
                        "200": {
                            "description": "The RiskAssessment.",
                            **_body("RiskAssessment", _FHIR),
                        },
                        **_errors(*plain, fhir=True),
                    },
                }
            },
            "/openapi.json": {
                "get": {
                    "summary": "This document",
                    "responses": {"200": {"description": "OpenAPI 3.1.", **_body("JsonSchema")}},
                }
            },
            "/cds-services": {
                "get": {
                    "summary": "CDS Hooks discovery",
                    "responses": {
                        "200": {"description": "The services.", **_body("CdsDiscovery")},
                        **_errors("401"),
                    },
                }
            },
            "/cds-services/{id}": cds,
            "/cds-services/{id}/feedback": {
                "post": {
                    "summary": "Feedback on the cards (checked, not kept)",
                    "parameters": cds["post"]["parameters"],
                    "requestBody": _body("CdsFeedback"),
                    "responses": {
                        "200": {
                            "description": "Received.",
                            "content": {_JSON: {"schema": {"type": "object"}}},
                        },
                        **_errors("400", "401", "404", "413", "415", "422"),
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Answers": answers(k),
                "Result": result(k),
                "Problems": {
                    "type": "object",
                    "required": ["error", "problems", "more"],
                    "properties": {
                        "error": {"type": "string"},
                        "problems": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["input", "received", "expected", "hint"],
                                "properties": {
                                    n: {"type": "string"}
                                    for n in ("input", "received", "expected", "hint")
                                },
                            },
                        },
                        "more": {"type": "integer", "minimum": 0},
                    },
                },
                "Health": {
                    "type": "object",
                    "required": ["status", "version", "knowledge_version"],
                    "properties": {
                        "status": {"const": "ok"},
                        "version": {"type": "string"},
                        "knowledge_version": {"type": "string"},
                    },
                },
                "Factors": {
                    "type": "array",
                    "items": {"type": "object", "required": ["id", "question", "kind"]},
                },
                "Causes": {
                    "type": "array",
                    "items": {"type": "object", "required": ["id", "name", "inputs"]},
                },
                "JsonSchema": {"type": "object"},
                "Questionnaire": _fhir("Questionnaire"),
                "QuestionnaireResponse": _fhir("QuestionnaireResponse"),
                "RiskAssessment": _fhir("RiskAssessment"),
                "OperationOutcome": _fhir("OperationOutcome"),
                "CdsDiscovery": {
                    "type": "object",
                    "required": ["services"],
                    "properties": {"services": {"type": "array"}},
                },
                "CdsRequest": {
                    "type": "object",
                    "required": ["hook", "hookInstance", "context"],
                    "properties": {
                        "hook": {"type": "string"},
                        "hookInstance": {"type": "string"},
                        "context": {"type": "object"},
                        "prefetch": {"type": "object"},
                    },
                },
                "CdsResponse": {
                    "type": "object",
                    "required": ["cards"],
                    "properties": {"cards": {"type": "array"}},
                },
                "CdsFeedback": {
                    "type": "object",
                    "required": ["feedback"],
                    "properties": {"feedback": {"type": "array"}},
                },
            }
        },
    }
