"""An :class:`~legcramps.Assessment` as an HL7 FHIR R4 ``RiskAssessment`` resource.

The mapping (documented in ``docs/fhir.rst``):

- one ``prediction`` per cause the answers speak to; a cause at
  :attr:`Level.UNKNOWN <legcramps.Level.UNKNOWN>` is not a prediction (nothing was
  asked about it) and is listed in a ``note`` instead;
- ``qualitativeRisk`` from the ``risk-probability`` code system:
  likely -> ``high``, possible -> ``moderate``, unlikely -> ``low``
  (never ``negligible`` or ``certain``: the library cannot rule a cause out or in);
- ``rationale`` from the evidence, ``mitigation`` from the advice;
- ``note``: the urgency first, then each red flag, the causes not yet assessed,
  and the disclaimer last;
- ``method``: the library and the knowledge, each with its version.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from legcramps._errors import Problems, describe
from legcramps._model import Level, Urgency
from legcramps._result import Assessment, Finding

RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability"
CAUSE_SYSTEM = "urn:legcramps:cause"
METHOD_SYSTEM = "urn:legcramps:method"

#: Level -> (risk-probability code, its display). UNKNOWN has no entry on purpose.
LEVEL_TO_RISK = MappingProxyType(
    {
        Level.LIKELY: ("high", "High likelihood"),
        Level.POSSIBLE: ("moderate", "Moderate likelihood"),
        Level.UNLIKELY: ("low", "Low likelihood"),
    }
)

STATUSES = ("registered", "preliminary", "final", "amended")

_URGENCY_NOTE = MappingProxyType(
    {
        Urgency.EMERGENCY: "Urgency: emergency. Get emergency help now.",
        Urgency.URGENT: "Urgency: urgent. Get medical advice today, the same day.",
        Urgency.SEE_DOCTOR: "Urgency: see a doctor.",
        Urgency.SELF_CARE: "Urgency: self-care, with the advice given.",
        Urgency.UNDETERMINED: (
            "Urgency: undetermined. Not enough is known yet; this is not a self-care result."
        ),
    }
)

_DATE_TIME = re.compile(
    r"([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
    r"(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])"
    r"(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?"
    r"(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?"
)
_ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
_REFERENCE_KEYS = ("reference", "type", "identifier", "display")
_FHIR_STRING = "a non-empty string, without spaces at either end"


def risk_assessment(
    assessment: Assessment,
    *,
    subject: object,
    occurrence: object = None,
    status: object = "final",
    resource_id: object = None,
) -> dict[str, Any]:
    """Return *assessment* as an HL7 FHIR R4 ``RiskAssessment`` resource (a JSON-ready dict).

    *subject* is the person, as a reference string such as ``"Patient/123"``
    or a FHIR ``Reference`` dict. *occurrence* is when the assessment was
    made: a timezone-aware ``datetime.datetime``, a ``datetime.date`` or a
    FHIR ``dateTime`` string. See the FHIR page of the docs for the
    mapping of each part.

    :raises InvalidInput: if *assessment*, *subject*, *occurrence*, *status* or
        *resource_id* is not acceptable.

    >>> import legcramps, legcramps.fhir
    >>> a = legcramps.assess(fluid_litres=0.5)
    >>> r = legcramps.fhir.risk_assessment(a, subject="Patient/1")
    >>> r["resourceType"], r["subject"]
    ('RiskAssessment', {'reference': 'Patient/1'})
    >>> r["prediction"][0]["qualitativeRisk"]["coding"][0]["code"]
    'moderate'
    """
    problems = Problems()
    if not isinstance(assessment, Assessment):
        expected = "a legcramps.Assessment, as legcramps.assess() returns"
        problems.add("assessment", describe(assessment), expected)
    reference = _subject(subject, problems)
    when = _occurrence(occurrence, problems)
    if not (type(status) is str and status in STATUSES):
        problems.add("status", describe(status), "one of " + ", ".join(STATUSES))
    if resource_id is not None and not (
        isinstance(resource_id, str) and _ID.fullmatch(resource_id)
    ):
        expected = "a FHIR id (1 to 64 letters, digits, '-' or '.'), or None"
        problems.add("resource_id", describe(resource_id), expected)
    if problems:
        raise problems.error()

    library = _library_version()
    resource: dict[str, Any] = {"resourceType": "RiskAssessment"}
    if resource_id is not None:
        resource["id"] = resource_id
    resource["status"] = status
    resource["method"] = {
        "coding": [
            {
                "system": METHOD_SYSTEM,
                "code": "legcramps",
                "version": library,
                "display": "legcramps.assess",
            },
            {
                "system": METHOD_SYSTEM,
                "code": "knowledge",
                "version": assessment.knowledge_version,
                "display": "legcramps knowledge",
            },
        ],
        "text": f"legcramps {library}, knowledge {assessment.knowledge_version}",
    }
    resource["code"] = {"text": "Causes of severe leg cramps"}
    resource["subject"] = reference
    if when is not None:
        resource["occurrenceDateTime"] = when
    predictions = [_prediction(f) for f in assessment.findings if f.level in LEVEL_TO_RISK]
    if predictions:
        resource["prediction"] = predictions
    if assessment.advice:
        resource["mitigation"] = "\n".join(assessment.advice)
    resource["note"] = [{"text": text} for text in _notes(assessment)]
    return resource


def _library_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("legcramps")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "unknown"


def _subject(subject: object, problems: Problems) -> dict[str, Any]:
    expected = (
        "a reference such as 'Patient/123', or a FHIR Reference dict with a "
        "'reference', 'identifier' or 'display'"
    )
    if _is_fhir_string(subject):
        return {"reference": subject}
    if isinstance(subject, Mapping):
        try:
            items = dict(subject.items())
        except Exception:  # noqa: BLE001 - a caller's object may fail in any way; report it
            problems.add("subject", describe(subject), expected + " that can be read")
            return {}
        keys = set(items)
        if keys and keys <= set(_REFERENCE_KEYS) and keys & {"reference", "identifier", "display"}:
            before = len(problems)
            for key, value in items.items():
                if key == "identifier":
                    if type(value) is not dict or not value:
                        expected_id = "a FHIR Identifier dict, such as {'value': '123'}"
                        problems.add("subject.identifier", describe(value), expected_id)
                elif not _is_fhir_string(value):
                    problems.add(f"subject.{key}", describe(value), _FHIR_STRING)
            return items if len(problems) == before else {}
    problems.add("subject", describe(subject), expected)
    return {}


def _is_fhir_string(value: object) -> bool:
    """Return whether *value* is a FHIR string: not empty, no space at either end."""
    return type(value) is str and value != "" and value.strip() == value


def _occurrence(occurrence: object, problems: Problems) -> str | None:
    if occurrence is None:
        return None
    if isinstance(occurrence, dt.datetime):
        if occurrence.utcoffset() is not None:
            return occurrence.isoformat()
    elif isinstance(occurrence, dt.date):
        return occurrence.isoformat()
    elif isinstance(occurrence, str) and _DATE_TIME.fullmatch(occurrence):
        return occurrence
    expected = (
        "a timezone-aware datetime, a date, a FHIR dateTime string "
        "such as '2026-11-25T10:00:00Z', or None"
    )
    problems.add("occurrence", describe(occurrence), expected)
    return None


def _prediction(finding: Finding) -> dict[str, Any]:
    code, display = LEVEL_TO_RISK[finding.level]
    cause = finding.cause
    return {
        "outcome": {
            "coding": [{"system": CAUSE_SYSTEM, "code": cause.id, "display": cause.name}],
            "text": cause.name,
        },
        "qualitativeRisk": {
            "coding": [{"system": RISK_PROBABILITY, "code": code, "display": display}],
            "text": f"{finding.level.value} (legcramps score {finding.score})",
        },
        "rationale": _rationale(finding),
    }


def _rationale(finding: Finding) -> str:
    if finding.evidence:
        parts = [e.reason for e in finding.evidence]
    else:
        parts = ["No answer so far points at this cause."]
    if finding.unanswered:
        parts.append("Not yet answered: " + ", ".join(f.id for f in finding.unanswered) + ".")
    return " ".join(parts)


def _notes(assessment: Assessment) -> list[str]:
    notes = [_URGENCY_NOTE[assessment.urgency]]
    notes.extend(
        f"Warning sign ({flag.urgency.value}): {flag.name}. {flag.why} {flag.advice}"
        for flag in assessment.red_flags
    )
    unknown = [f.cause.name for f in assessment.findings if f.level is Level.UNKNOWN]
    if unknown:
        notes.append(
            "Not assessed, because no question about them was answered (not a prediction): "
            + ", ".join(unknown)
            + "."
        )
    notes.append(assessment.disclaimer)
    return [n for n in notes if n]  # a FHIR string is never empty
