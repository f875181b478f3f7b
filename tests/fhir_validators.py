"""Three FHIR validators, and the invariants none of them checks, for the tests of FHIR output.

- ``fhirclient`` (R4 4.0.1 models): element names, cardinality and JSON types.
- ``fhir.resources`` (its R4B models, pydantic 2): stricter on primitives (ids, codes,
  dates, empty strings); R4B's RiskAssessment, Questionnaire, QuestionnaireResponse,
  OperationOutcome and ValueSet are R4's.
- HL7's own R4 JSON Schema (``tests/data/fhir.schema.json.gz``, the official
  ``http://hl7.org/fhir/json-schema/4.0``, draft-06) under ``jsonschema-rs``, whose
  regular expressions are ECMA-262's, as JSON Schema specifies: the string, uri, code,
  id and dateTime patterns exactly as HL7 wrote them.

None of them checks value sets, narratives, references or the Questionnaire's rules, so
:func:`invariants` does: the R4 Schematron rules txt-1 and txt-2 (the XHTML narrative),
dom-2 and dom-3 (contained resources), que-1, que-2, que-4, que-5 and que-12, enableWhen
targets and types, the status value sets, the reference targets of a RiskAssessment,
and, for a response, that every answer fits its item and no disabled item is answered.
"""

from __future__ import annotations

import functools
import gzip
import json
import operator
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema_rs

SCHEMA = Path(__file__).with_name("data") / "fhir.schema.json.gz"
XHTML = "{http://www.w3.org/1999/xhtml}"

#: txt-1: the only elements and attributes a narrative may hold (R4 Schematron).
NARRATIVE_ELEMENTS = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "b",
        "big",
        "blockquote",
        "br",
        "caption",
        "cite",
        "code",
        "col",
        "colgroup",
        "dd",
        "dfn",
        "div",
        "dl",
        "dt",
        "em",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "i",
        "img",
        "li",
        "ol",
        "p",
        "pre",
        "q",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "tt",
        "ul",
        "var",
    ]
)
NARRATIVE_ATTRIBUTES = frozenset(
    [
        "abbr",
        "accesskey",
        "align",
        "alt",
        "axis",
        "bgcolor",
        "border",
        "cellhalign",
        "cellpadding",
        "cellspacing",
        "cellvalign",
        "char",
        "charoff",
        "charset",
        "cite",
        "class",
        "colspan",
        "compact",
        "coords",
        "dir",
        "frame",
        "headers",
        "height",
        "href",
        "hreflang",
        "hspace",
        "id",
        "lang",
        "longdesc",
        "name",
        "nowrap",
        "rel",
        "rev",
        "rowspan",
        "rules",
        "scope",
        "shape",
        "span",
        "src",
        "start",
        "style",
        "summary",
        "tabindex",
        "title",
        "type",
        "valign",
        "value",
        "vspace",
        "width",
    ]
)

RISK_ASSESSMENT_STATUSES = frozenset(
    [
        "registered",
        "preliminary",
        "final",
        "amended",
        "corrected",
        "cancelled",
        "entered-in-error",
        "unknown",
    ]
)
RESPONSE_STATUSES = frozenset(
    ["in-progress", "completed", "amended", "entered-in-error", "stopped"]
)
PUBLICATION_STATUSES = frozenset(["draft", "active", "retired", "unknown"])
ISSUE_SEVERITIES = frozenset(["fatal", "error", "warning", "information"])
ISSUE_CODES = frozenset(
    [
        "invalid",
        "structure",
        "required",
        "value",
        "invariant",
        "security",
        "login",
        "unknown",
        "expired",
        "forbidden",
        "suppressed",
        "processing",
        "not-supported",
        "duplicate",
        "multiple-matches",
        "not-found",
        "deleted",
        "too-long",
        "code-invalid",
        "extension",
        "too-costly",
        "business-rule",
        "conflict",
        "transient",
        "lock-error",
        "no-store",
        "exception",
        "timeout",
        "incomplete",
        "throttled",
        "informational",
    ]
)
RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability"
RISK_PROBABILITY_CODES = frozenset(["negligible", "low", "moderate", "high", "certain"])
ENABLE_OPERATORS = frozenset({"exists", "=", "!=", ">", "<", ">=", "<="})
#: The answer type each question type takes, in enableWhen and in a response.
ANSWER_TYPES = {
    "boolean": "Boolean",
    "decimal": "Decimal",
    "integer": "Integer",
    "date": "Date",
    "dateTime": "DateTime",
    "time": "Time",
    "string": "String",
    "text": "String",
    "url": "Uri",
    "choice": "Coding",
    "quantity": "Quantity",
    "reference": "Reference",
    "attachment": "Attachment",
}
COMPARISONS = {">": operator.gt, "<": operator.lt, ">=": operator.ge, "<=": operator.le}
UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"


class InvalidResource(AssertionError):
    """A resource that one of the validators refused; the message says which and why."""


@functools.cache
def _definitions() -> dict[str, Any]:
    with gzip.open(SCHEMA, "rt", encoding="utf-8") as file:
        definitions: dict[str, Any] = json.load(file)["definitions"]
    return definitions


@functools.cache
def _schema_validator(resource_type: str) -> Any:
    return jsonschema_rs.Draft6Validator(
        {
            "$schema": "http://json-schema.org/draft-06/schema#",
            "definitions": _definitions(),
            "allOf": [{"$ref": f"#/definitions/{resource_type}"}],
        }
    )


def by_hl7_schema(resource: dict[str, Any]) -> list[str]:
    """Return the errors HL7's R4 JSON Schema finds in *resource* (ECMA-262 patterns)."""
    validator = _schema_validator(resource["resourceType"])
    return [str(e).splitlines()[0] for e in validator.iter_errors(resource)]


def by_fhirclient(resource: dict[str, Any]) -> dict[str, Any]:
    """Return *resource* as the fhirclient R4 models read it back (strict)."""
    from fhirclient.models.fhirelementfactory import FHIRElementFactory

    model = FHIRElementFactory.instantiate(resource["resourceType"], resource)
    as_json: dict[str, Any] = model.as_json()
    return as_json


def by_fhir_resources(resource: dict[str, Any]) -> None:
    """Validate *resource* with the fhir.resources R4B models (pydantic 2)."""
    from fhir.resources.R4B import get_fhir_model_class

    get_fhir_model_class(resource["resourceType"]).model_validate(resource)


def validate(resource: dict[str, Any], questionnaire: dict[str, Any] | None = None) -> None:
    """Validate *resource* with every validator and :func:`invariants`; raise if any refuses.

    A response is checked against *questionnaire* too, if given.
    """
    plain = json.loads(json.dumps(resource, allow_nan=False))
    if plain != resource:
        msg = "the resource does not survive a JSON round trip"
        raise InvalidResource(msg)
    errors = by_hl7_schema(plain)
    if errors:
        raise InvalidResource("HL7 R4 JSON Schema: " + "; ".join(errors[:5]))
    try:
        read_back = by_fhirclient(json.loads(json.dumps(plain)))
    except Exception as e:
        msg_0 = f"fhirclient: {e}"
        raise InvalidResource(msg_0) from e
    if read_back != plain:
        msg = "fhirclient reads the resource back differently"
        raise InvalidResource(msg)
    try:
        by_fhir_resources(json.loads(json.dumps(plain)))
    except Exception as e:
        msg_0 = f"fhir.resources R4B: {e}"
        raise InvalidResource(msg_0) from e
    problems = invariants(plain, questionnaire)
    if problems:
        raise InvalidResource("invariants: " + "; ".join(problems))


# --- the invariants -----------------------------------------------------------------


def invariants(resource: dict[str, Any], questionnaire: dict[str, Any] | None = None) -> list[str]:
    """Return the rules *resource* breaks that no schema or model checks."""
    found: list[str] = []
    _domain_resource(resource, found)
    kind = resource["resourceType"]
    if kind == "RiskAssessment":
        _risk_assessment(resource, found)
    elif kind == "Questionnaire":
        _questionnaire(resource, found)
    elif kind == "QuestionnaireResponse":
        _response(resource, questionnaire, found)
    elif kind == "OperationOutcome":
        found += [
            f"OperationOutcome issue {issue} outside its value sets"
            for issue in resource["issue"]
            if issue["severity"] not in ISSUE_SEVERITIES or issue["code"] not in ISSUE_CODES
        ]
    return found


def _domain_resource(resource: dict[str, Any], found: list[str]) -> None:
    if "text" in resource:
        _narrative(resource["text"]["div"], found)
    references: set[str] = set()
    _collect_references(resource, references)
    for contained in resource.get("contained", []):
        if "contained" in contained:
            found.append("dom-2: a contained resource holds contained resources")
        if f"#{contained['id']}" not in references:
            found.append(f"dom-3: the contained {contained['id']!r} is not referenced")
        if "meta" in contained:
            found.append("dom-4/dom-5: a contained resource has meta")
        if contained["resourceType"] == "ValueSet":
            _value_set(contained, found)


def _collect_references(value: Any, into: set[str]) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key in {"reference", "answerValueSet"} and isinstance(item, str):
                into.add(item)
            else:
                _collect_references(item, into)
    elif isinstance(value, list):
        for item in value:
            _collect_references(item, into)


def _narrative(div: str, found: list[str]) -> None:
    try:
        root = ET.fromstring(div)  # noqa: S314 - our own output
    except ET.ParseError as e:
        found.append(f"txt: the narrative is not well-formed XML: {e}")
        return
    if root.tag != XHTML + "div":
        found.append(f"txt: the narrative's root is {root.tag}, not an XHTML div")
    for element in root.iter():
        name = element.tag.removeprefix(XHTML)
        if not element.tag.startswith(XHTML) or name not in NARRATIVE_ELEMENTS:
            found.append(f"txt-1: element {element.tag} is not allowed")
        found += [
            f"txt-1: attribute {a} is not allowed"
            for a in element.attrib
            if a not in NARRATIVE_ATTRIBUTES
        ]
    if not "".join(root.itertext()).strip():
        found.append("txt-2: the narrative has no text")


def _risk_assessment(resource: dict[str, Any], found: list[str]) -> None:
    if resource["status"] not in RISK_ASSESSMENT_STATUSES:
        found.append(f"status {resource['status']!r} is not an ObservationStatus")
    subject = resource["subject"]
    if "reference" in subject:
        target = subject["reference"].split("/_history/")[0].split("/")[-2:]
        if not subject["reference"].startswith("urn:") and target[0] not in {"Patient", "Group"}:
            found.append(f"subject {subject['reference']!r} is not a Patient or a Group")
    if "type" in subject and subject["type"].rpartition("/")[2] not in {"Patient", "Group"}:
        found.append(f"subject type {subject['type']!r} is not Patient or Group")
    performer = resource.get("performer", {}).get("reference", "")
    if performer.startswith("#"):
        devices = [c for c in resource.get("contained", []) if c["id"] == performer[1:]]
        if [c["resourceType"] for c in devices] != ["Device"]:
            found.append("performer does not point at a contained Device")
    for prediction in resource.get("prediction", []):
        for coding in prediction.get("qualitativeRisk", {}).get("coding", []):
            is_risk = coding["system"] == RISK_PROBABILITY
            if is_risk and coding["code"] not in RISK_PROBABILITY_CODES:
                found.append(f"risk-probability has no code {coding['code']!r}")


def _value_set(value_set: dict[str, Any], found: list[str]) -> None:
    if value_set["status"] not in PUBLICATION_STATUSES:
        found.append(f"ValueSet status {value_set['status']!r}")
    contains = value_set.get("expansion", {}).get("contains", [])
    if not contains:
        found.append(f"ValueSet {value_set['id']!r} has no expansion: renderers need one")
    pairs = [(c["system"], c["code"]) for c in contains]
    if len(set(pairs)) != len(pairs):
        found.append(f"ValueSet {value_set['id']!r} expands a code twice")


def items_of(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return every item under *items*, nested ones (and those under answers) included."""
    out: list[dict[str, Any]] = []
    stack = list(reversed(items))
    while stack:
        item = stack.pop()
        out.append(item)
        children = list(item.get("item", []))
        for answer in item.get("answer", []):
            children += answer.get("item", [])
        stack.extend(reversed(children))
    return out


def _questionnaire(q: dict[str, Any], found: list[str]) -> None:
    if q["status"] not in PUBLICATION_STATUSES:
        found.append(f"Questionnaire status {q['status']!r}")
    items = items_of(q.get("item", []))
    link_ids = [i["linkId"] for i in items]
    if len(set(link_ids)) != len(link_ids):
        found.append("que-2: link ids are not unique")
    by_id = {i["linkId"]: i for i in items}
    value_sets = {f"#{c['id']}" for c in q.get("contained", []) if c["resourceType"] == "ValueSet"}
    for item in items:
        _structure(item, value_sets, found)
        _enable_when(item, by_id, found)


def _structure(item: dict[str, Any], value_sets: set[str], found: list[str]) -> None:
    """Check que-1, que-3, que-4 and que-5, the bound value sets and the extensions."""
    kind, link = item["type"], item["linkId"]
    if kind == "group" and not item.get("item"):
        found.append(f"que-1: group {link} has no items")
    if kind == "display" and (item.get("item") or item.get("code")):
        found.append(f"que-1/que-3: display {link} has items or a code")
    if "answerOption" in item and "answerValueSet" in item:
        found.append(f"que-4: {link} has both answerOption and answerValueSet")
    if "answerValueSet" in item:
        if kind not in {"choice", "open-choice"}:
            found.append(f"que-5: {link} of type {kind} has an answerValueSet")
        if item["answerValueSet"] not in value_sets:
            found.append(f"{link}: answerValueSet {item['answerValueSet']} is not contained")
    for extension in item.get("extension", []):
        if extension["url"] == UNIT and kind not in {"decimal", "integer"}:
            found.append(f"{link}: questionnaire-unit on a {kind} item")
        bound = extension["url"] in {MIN_VALUE, MAX_VALUE}
        if bound and f"value{kind.capitalize()}" not in extension:
            found.append(f"{link}: minValue/maxValue of another type than the item")


def _enable_when(item: dict[str, Any], by_id: dict[str, dict[str, Any]], found: list[str]) -> None:
    """Check que-12, and each enableWhen's question, operator and answer type."""
    link = item["linkId"]
    conditions = item.get("enableWhen", [])
    if len(conditions) > 1 and "enableBehavior" not in item:
        found.append(f"que-12: {link} has several enableWhen and no enableBehavior")
    for condition in conditions:
        target = by_id.get(condition["question"])
        if target is None:
            found.append(f"{link}: enableWhen on a missing question {condition['question']}")
            continue
        if condition["operator"] not in ENABLE_OPERATORS:
            found.append(f"{link}: enableWhen operator {condition['operator']}")
        answer = next(k for k in condition if k.startswith("answer"))
        wanted = "Boolean" if condition["operator"] == "exists" else _answer_type(target)
        if answer != f"answer{wanted}":
            found.append(f"{link}: enableWhen {answer} on a {target['type']} question")


def _answer_type(item: dict[str, Any]) -> str:
    return "Coding" if item["type"] == "open-choice" else ANSWER_TYPES.get(item["type"], "?")


def _response(
    response: dict[str, Any], questionnaire: dict[str, Any] | None, found: list[str]
) -> None:
    if response["status"] not in RESPONSE_STATUSES:
        found.append(f"QuestionnaireResponse status {response['status']!r}")
    if questionnaire is None:
        return
    canonical = f"{questionnaire['url']}|{questionnaire['version']}"
    if response.get("questionnaire") != canonical:
        found.append(f"the response is to {response.get('questionnaire')}, not {canonical}")
    questions = {i["linkId"]: i for i in items_of(questionnaire["item"])}
    answered = items_of(response.get("item", []))
    values = {i["linkId"]: [_value(a) for a in i.get("answer", [])] for i in answered}
    for item in answered:
        question = questions.get(item["linkId"])
        if question is None:
            found.append(f"the response answers a missing item {item['linkId']}")
        else:
            _answers_fit(item, question, found)
            if not _enabled(question, values):
                found.append(f"{item['linkId']} is answered but not enabled")


def _answers_fit(item: dict[str, Any], question: dict[str, Any], found: list[str]) -> None:
    """Check that *item*'s answers are as many, and of the type, as *question* takes."""
    answers = item.get("answer", [])
    if len(answers) > 1 and not question.get("repeats"):
        found.append(f"{item['linkId']} has several answers")
    allowed = {f"value{_answer_type(question)}"}
    if question["type"] == "open-choice":
        allowed.add("valueString")
    for answer in answers:
        kind = next(k for k in answer if k.startswith("value"))
        if kind not in allowed:
            found.append(f"{item['linkId']}: {kind} for a {question['type']} item")


def _value(answer: dict[str, Any]) -> Any:
    kind = next(k for k in answer if k.startswith("value"))
    value = answer[kind]
    return (value.get("system"), value["code"]) if kind == "valueCoding" else value


def _enabled(question: dict[str, Any], values: dict[str, list[Any]]) -> bool:
    """Return whether *question* is enabled by the answers *values* (R5 wording of !=)."""
    conditions = question.get("enableWhen", [])
    if not conditions:
        return True
    results = []
    for condition in conditions:
        given = values.get(condition["question"], [])
        key = next(k for k in condition if k.startswith("answer"))
        wanted = condition[key]
        if key == "answerCoding":
            wanted = (wanted.get("system"), wanted["code"])
        op = condition["operator"]
        if op == "exists":
            results.append(bool(given) == wanted)
        elif op == "=":
            results.append(wanted in given)
        elif op == "!=":
            results.append(wanted not in given)
        else:
            compare = COMPARISONS[op]
            results.append(any(compare(g, wanted) for g in given))
    return all(results) if question.get("enableBehavior") == "all" else any(results)
