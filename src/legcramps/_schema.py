"""The JSON Schemas of answers and results, made from a knowledge: see :mod:`legcramps.schema`."""

from __future__ import annotations

from typing import Any

from legcramps._errors import Problems
from legcramps._knowledge import Knowledge, checked_knowledge
from legcramps._model import FactorKind, Level, RiskFactor, Urgency

#: The JSON Schema dialect of every schema here.
DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: Python's white space, as ``str.strip()`` and ``str.isspace()`` know it, written out:
#: ``\S`` means one thing in ECMA-262 (JSON Schema's regular expressions) and another in
#: Python's ``re``, so the class is explicit, and means the same in both.
WHITE_SPACE = r"\t-\r\u001c-\u0020\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
#: A medication name: a string with something other than white space in it, as
#: :func:`~legcramps.assess` accepts it.
NAME_PATTERN = f"[^{WHITE_SPACE}]"

_NAME = {"type": "string", "pattern": NAME_PATTERN}


def _knowledge(knowledge: Knowledge | None) -> Knowledge:
    problems = Problems()
    k = checked_knowledge(knowledge, problems)
    if problems:
        raise problems.error()
    return k


def _factor_schema(factor: RiskFactor) -> dict[str, Any]:
    described: dict[str, Any] = {"description": factor.question}
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        described["type"] = ["boolean", "null"]
    elif kind is FactorKind.NUMBER:
        described["type"] = ["number", "null"]
        if factor.unit:
            described["description"] += f" (in {factor.unit})"
        # The knowledge's checks make sure that a number has both bounds.
        described["minimum"] = factor.minimum
        described["maximum"] = factor.maximum
    elif kind is FactorKind.CHOICE:
        described["enum"] = [*factor.choices, None]
    else:
        described["type"] = ["array", "null"]
        described["items"] = dict(_NAME)
    return described


def answers(knowledge: Knowledge | None = None) -> dict[str, Any]:
    """Return the JSON Schema of the answers object that :func:`~legcramps.assess` accepts.

    Every input is optional and may be ``null`` (unknown); an input that is not
    in the knowledge is rejected, as :func:`~legcramps.assess` rejects it.

    :raises InvalidInput: if *knowledge* is not a :class:`~legcramps.Knowledge`.

    >>> import legcramps.schema
    >>> fluid = legcramps.schema.answers()["properties"]["fluid_litres"]
    >>> fluid["type"], fluid["minimum"], fluid["maximum"]
    (['number', 'null'], 0, 20)
    """
    k = _knowledge(knowledge)
    return {
        "$schema": DIALECT,
        "$id": f"urn:legcramps:schema:answers:{k.version}",
        "title": "legcramps answers",
        "description": (
            "What is known about a person's leg cramps. Every input is optional; "
            "a missing or null input is unknown, which is never the same as no."
        ),
        "type": "object",
        "properties": {f.id: _factor_schema(f) for f in k.factors},
        "additionalProperties": False,
    }


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


def _ids(values: list[str]) -> dict[str, Any]:
    return {"enum": values}


def result(knowledge: Knowledge | None = None) -> dict[str, Any]:
    """Return the JSON Schema of :meth:`Assessment.to_dict() <legcramps.Assessment.to_dict>`.

    Causes, factors, red flags and medications are restricted to the ids in
    the knowledge, and ``knowledge_version`` to its version.

    :raises InvalidInput: if *knowledge* is not a :class:`~legcramps.Knowledge`.

    >>> import legcramps.schema
    >>> s = legcramps.schema.result()
    >>> s["$defs"]["urgency"]["enum"]
    ['emergency', 'urgent', 'see_doctor', 'self_care', 'undetermined']
    >>> s["$defs"]["cause"]["enum"]
    ['overuse', 'fatigue', 'medication', 'posture', 'dehydration']
    """
    k = _knowledge(knowledge)
    urgency = "#/$defs/urgency"
    factor = "#/$defs/factor"
    evidence = _object(
        {
            "factor": {"$ref": factor},
            "value": {
                "description": "The answer that raised the score (generic names for medications).",
                "anyOf": [
                    {"type": ["boolean", "number", "string"]},
                    {"type": "array", "items": {"type": "string"}},
                ],
            },
            "reason": {"type": "string"},
            "weight": {"type": "integer"},
        }
    )
    finding = _object(
        {
            "cause": {"$ref": "#/$defs/cause"},
            "level": _ids([level.value for level in Level]),
            "score": {"type": "integer"},
            "evidence": {"type": "array", "items": evidence},
            "unanswered": {"type": "array", "items": {"$ref": factor}, "uniqueItems": True},
        }
    )
    red_flag = _object(
        {
            "id": _ids([r.id for r in k.red_flags]),
            "name": {"type": "string"},
            "why": {"type": "string"},
            "urgency": {"$ref": urgency},
            "time_frame": {"type": "string", "description": "How soon to act on it."},
            "risk_factors": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Answers that make the condition behind the flag more likely.",
            },
        }
    )
    medication = _object(
        {
            "generic": _ids([m.generic for m in k.medications]),
            "class": _ids(sorted({m.drug_class.value for m in k.medications})),
            "atc": {"type": "string"},
        }
    )
    return {
        "$schema": DIALECT,
        "$id": f"urn:legcramps:schema:result:{k.version}",
        "title": "legcramps assessment",
        "description": "The output of legcramps.Assessment.to_dict().",
        **_object(
            {
                "knowledge_version": {"const": k.version},
                "urgency": {"$ref": urgency},
                "may_rise_to": {
                    "description": (
                        "The most urgent level an unanswered warning-sign question could "
                        "raise the result to, or null."
                    ),
                    "anyOf": [{"$ref": urgency}, {"type": "null"}],
                },
                "findings": {
                    "type": "array",
                    "items": finding,
                    "minItems": len(k.causes),
                    "maxItems": len(k.causes),
                },
                "red_flags": {"type": "array", "items": red_flag},
                "advice": {"type": "array", "items": {"type": "string"}, "uniqueItems": True},
                "next_questions": {
                    "type": "array",
                    "items": {"$ref": factor},
                    "uniqueItems": True,
                },
                "answers": {"$ref": "#/$defs/answers"},
                "medications": {"type": "array", "items": medication},
                "unrecognized_medications": {"type": "array", "items": dict(_NAME)},
                "disclaimer": {"type": "string", "minLength": 1},
            }
        ),
        "$defs": {
            "cause": _ids([c.id for c in k.causes]),
            "factor": _ids([f.id for f in k.factors]),
            "urgency": _ids([u.value for u in Urgency]),
            "answers": _result_answers(k),
        },
    }


def _result_answers(k: Knowledge) -> dict[str, Any]:
    """Return the schema of the normalised answers: like :func:`answers` but never null."""
    properties = {}
    for f in k.factors:
        described = _factor_schema(f)
        if f.kind is FactorKind.CHOICE:
            described["enum"] = list(f.choices)
        else:
            described["type"] = described["type"][0]
        properties[f.id] = described
    return {"type": "object", "properties": properties, "additionalProperties": False}
