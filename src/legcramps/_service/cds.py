"""CDS Hooks 2.0: discovery, the ``patient-view`` and ``order-select`` services, feedback.

Plain functions of parsed JSON, with no web framework: :mod:`legcramps._service.app`
puts them on routes. A request the service cannot use raises
:class:`~legcramps.InvalidInput` (answered 422), and one without the prefetched data a
service needs raises :class:`MissingPrefetch` (answered 412, as the specification
requires of a service that does not query the FHIR server itself; this one never does).
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from legcramps._errors import InvalidInput, Problems, describe
from legcramps._fhir import ATC, SNOMED, check_date_time, fhir_text, risk_assessment, systems
from legcramps._model import DrugClass, Level, Medication, Urgency
from legcramps._questionnaire import answers
from legcramps._result import Assessment
from legcramps._service.config import ServiceConfig
from legcramps._version import VERSION

PATIENT_VIEW = "legcramps-patient-view"
ORDER_SELECT = "legcramps-order-select"
SERVICES = (PATIENT_VIEW, ORDER_SELECT)
#: The hook of each service.
HOOKS = {PATIENT_VIEW: "patient-view", ORDER_SELECT: "order-select"}
#: The classes of medication order-select warns about: diuretics, LABAs and statins.
WARNED_CLASSES = frozenset(
    {
        DrugClass.LOOP_DIURETIC,
        DrugClass.THIAZIDE_DIURETIC,
        DrugClass.THIAZIDE_LIKE_DIURETIC,
        DrugClass.POTASSIUM_SPARING_DIURETIC,
        DrugClass.LONG_ACTING_BETA_AGONIST,
        DrugClass.STATIN,
    }
)
#: SNOMED CT findings of leg cramps: a Condition with one of them says "reported cramps".
CRAMP_CODES = ("55300003", "424647005", "449917004", "449918009", "102549009")
#: The longest card summary the specification allows: "<140-character".
MAX_SUMMARY = 139
_NAMESPACE = uuid.UUID("7b3a3c52-6f7e-5d1c-9a47-1e5c0d1f2b14")
_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
_INDICATORS = {
    Urgency.EMERGENCY: "critical",
    Urgency.URGENT: "critical",
    Urgency.SEE_DOCTOR: "warning",
    Urgency.SELF_CARE: "info",
    Urgency.UNDETERMINED: "info",
}
_OUTCOMES = ("accepted", "overridden")
_RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})"
)


class MissingPrefetch(Exception):
    """The request lacks prefetched data the service needs, and the service will not fetch it."""

    def __init__(self, keys: tuple[str, ...]) -> None:
        super().__init__(", ".join(keys))
        self.keys = keys


# --- discovery --------------------------------------------------------------------------


def discovery(config: ServiceConfig) -> dict[str, Any]:
    """Return the discovery document: the two services, with the prefetch each needs."""
    canonical = f"{systems(config.base_url).questionnaire}|{config.knowledge.version}"
    response = (
        "QuestionnaireResponse?subject=Patient/{{context.patientId}}"
        f"&questionnaire={canonical}&status=completed,amended&_sort=-authored&_count=1"
    )
    cramps = ",".join(f"{SNOMED}|{c}" for c in CRAMP_CODES)
    return {
        "services": [
            {
                "hook": "patient-view",
                "id": PATIENT_VIEW,
                "title": "Severe leg cramps: causes, warning signs and urgency",
                "description": (
                    "Reads the patient's latest answers to the legcramps questionnaire, and"
                    " their active medication orders, and returns how urgently to see a"
                    " doctor, the warning signs, the likely causes and the advice, with a"
                    " suggestion that saves the RiskAssessment. Information, not a diagnosis."
                ),
                "prefetch": {
                    "questionnaireResponse": response,
                    "medications": "MedicationRequest?patient={{context.patientId}}&status=active",
                },
                "usageRequirements": (
                    "Send the prefetch: this service does not query the FHIR server. Without"
                    " a questionnaireResponse key it answers 412."
                ),
            },
            {
                "hook": "order-select",
                "id": ORDER_SELECT,
                "title": "Medications that can cause leg cramps",
                "description": (
                    "Warns when a diuretic, a long-acting beta-agonist or a statin is selected"
                    " for a patient who reported severe leg cramps (an answered legcramps"
                    " questionnaire, or a leg cramp Condition)."
                ),
                "prefetch": {
                    "questionnaireResponse": response,
                    "conditions": f"Condition?patient={{{{context.patientId}}}}&code={cramps}",
                },
                "usageRequirements": (
                    "Send the prefetch: this service does not query the FHIR server. Without"
                    " either key it answers 412."
                ),
            },
        ]
    }


# --- the request ------------------------------------------------------------------------


def _request(
    body: object, service: str, problems: Problems
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Return the request's context and prefetch, adding a problem for each required field."""
    if type(body) is not dict:
        problems.add("request", describe(body), "a CDS Hooks request: a JSON object")
        return {}, {}
    hook = body.get("hook")
    if hook != HOOKS[service]:
        problems.add("hook", describe(hook), repr(HOOKS[service]))
    instance = body.get("hookInstance")
    if not (type(instance) is str and instance.strip()):
        problems.add("hookInstance", describe(instance), "a UUID for this call (a string)")
    if "fhirAuthorization" in body and type(body.get("fhirServer")) is not str:
        problems.add(
            "fhirServer", describe(body.get("fhirServer")), "a URL, with fhirAuthorization"
        )
    context = body.get("context")
    if type(context) is not dict:
        problems.add("context", describe(context), "an object")
        context = {}
    for key in ("userId", "patientId"):
        value = context.get(key)
        if not (type(value) is str and value):
            problems.add(f"context.{key}", describe(value), "a string")
    patient = context.get("patientId")
    if type(patient) is str and patient and not _ID.fullmatch(patient):
        problems.add("context.patientId", describe(patient), "a FHIR id")
    prefetch = body.get("prefetch", {})
    if type(prefetch) is not dict:
        problems.add("prefetch", describe(prefetch), "an object")
        prefetch = {}
    return context, prefetch


def _prefetched(prefetch: dict[str, Any], key: str) -> Any:
    """Return the prefetched data under *key* (None: the client has none).

    :raises MissingPrefetch: if the key is missing, or holds an OperationOutcome (the
        client could not get the data).
    """
    if key not in prefetch:
        raise MissingPrefetch((key,))
    value = prefetch[key]
    if type(value) is dict and value.get("resourceType") == "OperationOutcome":
        raise MissingPrefetch((key,))
    return value


def _resources(value: object, kind: str, where: str, problems: Problems) -> list[dict[str, Any]]:
    """Return the resources of type *kind* in a prefetched resource or Bundle."""
    if value is None:
        return []
    if type(value) is not dict:
        problems.add(where, describe(value), f"a {kind} or a Bundle of them, or null")
        return []
    if value.get("resourceType") == kind:
        return [value]
    entries = value.get("entry", [])
    if value.get("resourceType") != "Bundle" or type(entries) is not list:
        problems.add(where, describe(value), f"a {kind} or a Bundle of them, or null")
        return []
    found = []
    for entry in entries:
        resource = entry.get("resource") if type(entry) is dict else None
        if type(resource) is dict and resource.get("resourceType") == kind:
            found.append(resource)
    return found


def _latest_response(
    value: object, config: ServiceConfig, problems: Problems
) -> dict[str, Any] | None:
    """Return the latest response to this version of the form in the prefetch, if any."""
    canonical = f"{systems(config.base_url).questionnaire}|{config.knowledge.version}"
    responses = [
        r
        for r in _resources(
            value, "QuestionnaireResponse", "prefetch.questionnaireResponse", problems
        )
        if r.get("questionnaire") == canonical and r.get("status") != "entered-in-error"
    ]
    dated = [(str(r.get("authored", "")), n, r) for n, r in enumerate(responses)]
    return max(dated)[2] if dated else None


def _card_id(instance: str, what: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{instance}:{what}"))


# --- patient-view ----------------------------------------------------------------------


def patient_view(body: object, config: ServiceConfig) -> dict[str, Any]:
    """Return the cards of the ``patient-view`` service for the request *body*.

    :raises MissingPrefetch: without the ``questionnaireResponse`` prefetch.
    :raises InvalidInput: if the request, or the response it holds, cannot be read.
    """
    problems = Problems()
    context, prefetch = _request(body, PATIENT_VIEW, problems)
    if problems:
        raise problems.error()
    value = _prefetched(prefetch, "questionnaireResponse")
    response = _latest_response(value, config, problems)
    orders = _resources(
        prefetch.get("medications"), "MedicationRequest", "prefetch.medications", problems
    )
    if problems:
        raise problems.error()
    if response is None:
        return {"cards": []}
    given: dict[str, Any]
    try:
        given = answers(response, config.knowledge, base_url=config.base_url)
    except InvalidInput as e:
        problems.extend(tuple(_under("prefetch.questionnaireResponse", e)), e.more)
        raise problems.error() from None
    ordered = [n for n in (_order_name(order, config) for order in orders) if n is not None]
    if ordered:
        own: list[str] = list(given.get("medications", ()))  # type: ignore[arg-type]
        given = {**given, "medications": own + [n for n in ordered if n not in own]}
    assessment = config.knowledge.assess(given)
    instance: str = body["hookInstance"]  # type: ignore[index]  # checked by _request
    return {"cards": [_urgency_card(assessment, response, context, instance, config)]}


def _under(prefix: str, error: InvalidInput) -> list[Any]:
    from legcramps._errors import Problem

    return [Problem(f"{prefix}.{p.input}", p.received, p.expected, p.hint) for p in error.problems]


def _summary(assessment: Assessment) -> str:
    summary = f"Leg cramps: {assessment.urgency.headline}"
    if assessment.red_flags:
        summary += f" Warning sign: {fhir_text(assessment.red_flags[0].name)}."
    if len(summary) > MAX_SUMMARY:
        summary = summary[: MAX_SUMMARY - 3].rstrip() + "..."
    return summary


def _detail(assessment: Assessment) -> str:
    lines = [f"**{assessment.urgency.headline}**", ""]
    if assessment.red_flags:
        lines.append("Warning signs:")
        lines += [f"- {r.name}: {r.why} {r.advice} ({r.time_frame})" for r in assessment.red_flags]
        lines.append("")
    found = [f for f in assessment.findings if f.level in {Level.LIKELY, Level.POSSIBLE}]
    if found:
        lines.append("Causes the answers point at:")
        lines += [f"- {f.cause.name}: {f.level.value}" for f in found]
        lines.append("")
    if assessment.advice:
        lines.append("Advice:")
        lines += [f"- {a}" for a in assessment.advice]
        lines.append("")
    lines.append(f"_{assessment.disclaimer}_")
    return "\n".join(lines)


def _urgency_card(
    assessment: Assessment,
    response: dict[str, Any],
    context: dict[str, Any],
    instance: str,
    config: ServiceConfig,
) -> dict[str, Any]:
    """Return the one card of patient-view: urgency, warning signs, causes, and a suggestion."""
    response_id = response.get("id")
    basis = (
        f"QuestionnaireResponse/{response_id}"
        if type(response_id) is str and _ID.fullmatch(response_id)
        else None
    )
    authored = response.get("authored")
    status = "final" if response.get("status") in {"completed", "amended"} else "preliminary"
    resource = risk_assessment(
        assessment,
        subject=f"Patient/{context['patientId']}",
        occurrence=authored if type(authored) is str and check_date_time(authored) else None,
        status=status,
        basis=basis,
        base_url=config.base_url,
    )
    return {
        "uuid": _card_id(instance, "urgency"),
        "summary": _summary(assessment),
        "detail": _detail(assessment),
        "indicator": _INDICATORS[assessment.urgency],
        "source": _source(config),
        "suggestions": [
            {
                "label": "Save the leg cramp risk assessment to the record",
                "uuid": _card_id(instance, "save"),
                "actions": [
                    {
                        "type": "create",
                        "description": "Create the RiskAssessment of the patient's answers.",
                        "resource": resource,
                    }
                ],
            }
        ],
        "selectionBehavior": "at-most-one",
    }


def _source(config: ServiceConfig) -> dict[str, Any]:
    return {
        "label": f"legcramps {VERSION} (knowledge {config.knowledge.version})",
        "topic": {
            "system": systems(config.base_url).method,
            "code": "legcramps",
            "display": "legcramps assessment of the causes of severe leg cramps",
        },
    }


# --- order-select ----------------------------------------------------------------------


def order_select(body: object, config: ServiceConfig) -> dict[str, Any]:
    """Return the cards of the ``order-select`` service for the request *body*.

    One warning card per selected order of a diuretic, a long-acting beta-agonist or a
    statin, when the patient reported severe leg cramps.

    :raises MissingPrefetch: without the ``questionnaireResponse`` and ``conditions`` keys.
    :raises InvalidInput: if the request cannot be read.
    """
    problems = Problems()
    context, prefetch = _request(body, ORDER_SELECT, problems)
    selections = context.get("selections")
    if not (type(selections) is list and selections and all(type(s) is str for s in selections)):
        problems.add(
            "context.selections",
            describe(selections),
            "a list of references, such as 'MedicationRequest/1'",
        )
        selections = []
    drafts = context.get("draftOrders")
    orders = (
        _resources(drafts, "MedicationRequest", "context.draftOrders", problems)
        if drafts is not None
        else []
    )
    if drafts is None:
        problems.add("context.draftOrders", "None", "a Bundle of the draft orders")
    if problems:
        raise problems.error()
    missing = tuple(k for k in ("questionnaireResponse", "conditions") if k not in prefetch)
    if len(missing) == 2:
        raise MissingPrefetch(missing)
    reported = _reported_cramps(prefetch, config, problems)
    if problems:
        raise problems.error()
    if not reported:
        return {"cards": []}
    instance: str = body["hookInstance"]  # type: ignore[index]  # checked by _request
    selected = {s.removeprefix("MedicationRequest/") for s in selections}
    cards = []
    for order in orders:
        if order.get("id") not in selected:
            continue
        med = _medication(order, config)
        classes = [] if med is None else [c for c in med.classes if c in WARNED_CLASSES]
        if med is not None and classes:
            card_id = _card_id(instance, f"order:{order.get('id')}:{med.generic}")
            cards.append(_order_card(med, classes[0], reported, card_id, config))
    return {"cards": cards}


def _reported_cramps(prefetch: dict[str, Any], config: ServiceConfig, problems: Problems) -> str:
    """Return how the patient reported cramps ('' if the prefetch shows no report)."""
    if "questionnaireResponse" in prefetch:
        value = _prefetched(prefetch, "questionnaireResponse")
        url = systems(config.base_url).questionnaire
        found = _resources(
            value, "QuestionnaireResponse", "prefetch.questionnaireResponse", problems
        )
        if any(str(r.get("questionnaire", "")).partition("|")[0] == url for r in found):
            return "answered the legcramps questionnaire"
    if "conditions" in prefetch:
        value = _prefetched(prefetch, "conditions")
        for condition in _resources(value, "Condition", "prefetch.conditions", problems):
            codings = (condition.get("code") or {}).get("coding") or []
            for coding in codings if type(codings) is list else []:
                if (
                    type(coding) is dict
                    and coding.get("system") == SNOMED
                    and coding.get("code") in CRAMP_CODES
                ):
                    return "a leg cramp condition is on the record"
    return ""


def _names(order: dict[str, Any]) -> list[str]:
    """Return the names a MedicationRequest gives its medication: displays and text."""
    names: list[str] = []
    concept = order.get("medicationCodeableConcept")
    if type(concept) is dict:
        codings = concept.get("coding")
        for coding in codings if type(codings) is list else []:
            display = coding.get("display") if type(coding) is dict else None
            if type(display) is str and display.strip():
                names.append(display.strip())
        text = concept.get("text")
        if type(text) is str and text.strip():
            names.append(text.strip())
    reference = order.get("medicationReference")
    display = reference.get("display") if type(reference) is dict else None
    if type(display) is str and display.strip():
        names.append(display.strip())
    return names


def _by_atc(order: dict[str, Any], config: ServiceConfig) -> Medication | None:
    """Return the knowledge's medication that an order codes in ATC, if any."""
    concept = order.get("medicationCodeableConcept")
    codings = concept.get("coding") if type(concept) is dict else None
    for coding in codings if type(codings) is list else []:
        if type(coding) is dict and coding.get("system") == ATC:
            for med in config.knowledge.medications:
                if med.atc == coding.get("code"):
                    return med
    return None


def _order_name(order: dict[str, Any], config: ServiceConfig) -> str | None:
    """Return the one name to assess an order's medication by: its ATC generic, or its name."""
    med = _by_atc(order, config)
    if med is not None:
        return med.generic
    names = _names(order)
    return names[0] if names else None


def _medication(order: dict[str, Any], config: ServiceConfig) -> Medication | None:
    """Return the knowledge's medication a MedicationRequest orders, if it knows it."""
    med = _by_atc(order, config)
    for name in _names(order):
        if med is not None:
            break
        med = config.knowledge.recognize_medication(name)
    return med


def _order_card(
    med: Medication, drug_class: DrugClass, reported: str, card_id: str, config: ServiceConfig
) -> dict[str, Any]:
    """Return the warning card for an order of *med*, of the warned class *drug_class*."""
    summary = (
        f"{med.generic.capitalize()} ({drug_class.value}) can cause leg cramps, which this"
        " patient reported."
    )
    if len(summary) > MAX_SUMMARY:
        summary = summary[: MAX_SUMMARY - 3].rstrip() + "..."
    detail = (
        f"The medication ordered, {med.generic}, is a {drug_class.value}; the legcramps"
        f" knowledge lists {drug_class.value}s among the medications linked to severe leg"
        f" cramps, and the patient reported such cramps ({reported}). Consider this when"
        " choosing or reviewing the order. This is information, not a recommendation to"
        " change the order: a prescribed medicine is changed only by its prescriber."
    )
    return {
        "uuid": card_id,
        "summary": summary,
        "detail": detail,
        "indicator": "warning",
        "source": _source(config),
    }


# --- feedback --------------------------------------------------------------------------


def feedback(body: object) -> dict[str, Any]:
    """Check a feedback request; return the (empty) answer. Nothing is kept.

    :raises InvalidInput: listing what is wrong with each item.
    """
    problems = Problems()
    items = body.get("feedback") if type(body) is dict else None
    if not (type(items) is list and items):
        problems.add("feedback", describe(items), "a list of feedback items")
        items = []
    for n, item in enumerate(items):
        where = f"feedback[{n}]"
        if type(item) is not dict:
            problems.add(where, describe(item), "an object")
            continue
        if not (type(item.get("card")) is str and item["card"]):
            problems.add(f"{where}.card", describe(item.get("card")), "the card's uuid")
        outcome = item.get("outcome")
        if outcome not in _OUTCOMES:
            problems.add(f"{where}.outcome", describe(outcome), "'accepted' or 'overridden'")
        accepted = item.get("acceptedSuggestions")
        if outcome == "accepted" and not (
            type(accepted) is list
            and accepted
            and all(type(a) is dict and type(a.get("id")) is str for a in accepted)
        ):
            problems.add(
                f"{where}.acceptedSuggestions",
                describe(accepted),
                "a list of {'id': suggestion uuid}, for an accepted card",
            )
        stamp = item.get("outcomeTimestamp")
        if not (type(stamp) is str and _RFC3339.fullmatch(stamp)):
            problems.add(
                f"{where}.outcomeTimestamp",
                describe(stamp),
                "an RFC 3339 time, such as '2026-12-01T10:00:00Z'",
            )
    if problems:
        raise problems.error()
    return {}
