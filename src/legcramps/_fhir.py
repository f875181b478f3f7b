"""An :class:`~legcramps.Assessment` as a coded HL7 FHIR R4 ``RiskAssessment`` resource.

The mapping is documented in ``docs/fhir.rst``; in short:

- the codes of legcramps (causes, red flags, levels, the method) live in code systems
  under one canonical base URL, :data:`DEFAULT_BASE_URL` unless the caller gives its own;
- ``method`` is one coding, versioned with the knowledge; ``performer`` is the software,
  a contained ``Device``; ``code`` is SNOMED CT "Risk assessment";
- each raised red flag is a ``prediction`` (most urgent first), then each cause the
  answers speak to; causes and red flags carry SNOMED CT codes where a concept fits;
- ``qualitativeRisk``: likely -> ``high``, possible -> ``moderate``, unlikely -> ``low``,
  but an "unlikely" with most of its cause's questions unanswered gets no
  ``risk-probability`` code at all: it is not a firm "low";
- ``text`` is a generated narrative; ``note`` holds the urgency, the causes not yet
  assessed and the disclaimer.

The view is built to cost less than the assessment itself: every text of the built-in
knowledge is cleaned and escaped once, at import, and a call only looks them up.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from html import escape
from types import MappingProxyType
from typing import Any, NamedTuple, cast

import attrs

from legcramps import _texts
from legcramps._catalog import Catalog, resolve
from legcramps._errors import InvalidInput, Problems, describe
from legcramps._knowledge import KNOWLEDGE
from legcramps._model import Cause, Code, Level, RedFlag, Urgency
from legcramps._result import Assessment, Finding, RaisedFlag
from legcramps._version import VERSION

#: The canonical base URL of legcramps' code systems and Questionnaire when none is given.
#: ``example.org`` is reserved (RFC 2606): an organisation that deploys legcramps sets its
#: own base, where it publishes the definitions.
DEFAULT_BASE_URL = "https://legcramps.example.org/fhir"

SNOMED = "http://snomed.info/sct"
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
#: The WHO ATC classification (HL7 terminology: NamingSystem "WHO ATC").
ATC = "http://www.whocc.no/atc"
RISK_PROBABILITY = "http://terminology.hl7.org/CodeSystem/risk-probability"

#: The ``status`` value set of a RiskAssessment (ObservationStatus), in the spec's order.
STATUSES = (
    "registered",
    "preliminary",
    "final",
    "amended",
    "corrected",
    "cancelled",
    "entered-in-error",
    "unknown",
)

#: SNOMED CT 225338004 "Risk assessment (procedure)": the RiskAssessment's ``code``.
RISK_ASSESSMENT_CODE = ("225338004", "Risk assessment")

#: Level -> (risk-probability code, its display). UNKNOWN has no entry on purpose.
LEVEL_TO_RISK: Mapping[Level, tuple[str, str]] = MappingProxyType(
    {
        Level.LIKELY: ("high", "High likelihood"),
        Level.POSSIBLE: ("moderate", "Moderate likelihood"),
        Level.UNLIKELY: ("low", "Low likelihood"),
    }
)

#: The codes of legcramps' own level code system: (code, display, definition).
LEVEL_CODES = (
    ("likely", "Likely", "The answers point at the cause."),
    ("possible", "Possible", "Some answers point at the cause."),
    ("unlikely", "Unlikely", "Most of the cause's questions were answered; none points at it."),
    (
        "unlikely-so-far",
        "Unlikely so far",
        (
            "No answer points at the cause, but most of its questions are unanswered: not a"
            " firm low likelihood."
        ),
    ),
)

_URGENCY_NOTE = MappingProxyType(_texts.FHIR_URGENCY_NOTES)
#: The built-in English catalog: the texts as the knowledge and the library write them.
_ENGLISH = resolve("en")


def _as_written(text: str, /, **values: object) -> str:
    """Return *text*, a template filled with *values* if there are any: the English."""
    return text.format(**values) if values else text


def _words(catalog: Catalog) -> Callable[..., str]:
    """Return the function that gives a text in *catalog*'s language (quickly in English)."""
    return _as_written if catalog is _ENGLISH else catalog.text


def urgency_word(urgency: Urgency, catalog: Catalog) -> str:
    """Return *urgency* in a few words of *catalog*'s language; in English, its id.

    >>> urgency_word(Urgency.SEE_DOCTOR, resolve("en")), urgency_word(Urgency.URGENT, resolve("es"))
    ('see_doctor', 'urgente')
    """
    return catalog.texts.get(_texts.FHIR_URGENCY_WORDS[urgency]) or urgency.value


def language_of(language: object, problems: Problems) -> Catalog:
    """Return the catalog *language* names (see :func:`legcramps._catalog.resolve`).

    A *language* that names none adds its problem, and English is returned.
    """
    try:
        return resolve(language)
    except InvalidInput as e:
        problems.extend(e.problems, e.more)
        return _ENGLISH


# --- FHIR primitives ------------------------------------------------------------------

_DATE_TIME = re.compile(
    r"(?P<y>[0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)"
    r"(-(?P<m>0[1-9]|1[0-2])(-(?P<d>0[1-9]|[1-2][0-9]|3[0-1])"
    r"(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?"
    r"(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?"
)
#: A FHIR ``id``.
ID = re.compile(r"[A-Za-z0-9\-.]{1,64}")
#: The characters a FHIR string may not hold, as the R4 JSON Schema's ``[ \r\n\t\S]``
#: reads in ECMA-262 and in Python alike, and the control characters XHTML refuses.
_UNFIT = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
    "\u3000\ufeff\ufffe\uffff\ud800-\udfff]"
)
_BASE_URL = re.compile(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?(?::[0-9]{1,5})?"
    r"(?:/[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*)?"
)
#: An absolute URI (a FHIR ``uri`` here never holds a space, nor any character above).
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[!-~]+")
_RESOURCE_TYPE = re.compile(r"[A-Z][A-Za-z]{1,63}")
_LITERAL = re.compile(
    r"(?:https?://[!-~]+/)?(?P<type>[A-Z][A-Za-z]{1,63})/[A-Za-z0-9\-.]{1,64}"
    r"(?:/_history/[A-Za-z0-9\-.]{1,64})?"
)
_BUNDLE_LOCAL = re.compile(
    r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    r"|urn:oid:[0-2](?:\.(?:0|[1-9][0-9]*))+"
)
#: A problem's input that reads as a FHIRPath expression, such as ``item[0].answer[1]``.
_PATH = re.compile(
    r"[A-Za-z_][A-Za-z0-9_]*(?:\[[0-9]+\])*(?:\.[A-Za-z_][A-Za-z0-9_]*(?:\[[0-9]+\])*)*"
)
_IDENTIFIER_USES = ("usual", "official", "temp", "secondary", "old")
_REFERENCE_KEYS = frozenset({"reference", "type", "identifier", "display"})
_IDENTIFIER_KEYS = frozenset({"use", "system", "value"})
_SUBJECT_TYPES = ("Patient", "Group")
_STRUCTURE = "http://hl7.org/fhir/StructureDefinition/"
_FHIR_STRING = (
    "a non-empty string, without spaces at either end, control characters or other"
    " white space than spaces, tabs and line breaks"
)


def fhir_text(text: str) -> str:
    r"""Return *text* as a FHIR string holds it: unfit characters as spaces, trimmed.

    May return ``""``, which FHIR forbids: the caller leaves the element out.

    >>> fhir_text(" 38\xa0°C\ufeff ")
    '38 °C'
    """
    return _UNFIT.sub(" ", text).strip()


def is_fhir_string(value: object) -> bool:
    """Return whether *value* is a plain, non-empty FHIR string with no space at either end."""
    return (
        type(value) is str and value != "" and value.strip() == value and not _UNFIT.search(value)
    )


def check_base_url(base_url: object, problems: Problems) -> str:
    """Return *base_url* if it is an http(s) URL without a query, fragment or final slash."""
    if type(base_url) is str and base_url == DEFAULT_BASE_URL:
        return DEFAULT_BASE_URL
    if type(base_url) is str and _BASE_URL.fullmatch(base_url) and not base_url.endswith("/"):
        return base_url
    problems.add(
        "base_url",
        describe(base_url),
        "an http or https URL without a query, a fragment or a final '/', such as"
        " 'https://fhir.example.org/legcramps'",
    )
    return DEFAULT_BASE_URL


class Systems(NamedTuple):
    """The canonical URLs under one base: code systems, value sets and the Questionnaire."""

    base: str
    cause: str
    red_flag: str
    level: str
    method: str
    factor: str
    choice: str
    questionnaire: str


def systems(base_url: str) -> Systems:
    """Return the canonical URLs under *base_url* (a checked one)."""
    if base_url == DEFAULT_BASE_URL:
        return _DEFAULT_SYSTEMS
    return _make_systems(base_url)


def _make_systems(base: str) -> Systems:
    code_system = f"{base}/CodeSystem/"
    return Systems(
        base=base,
        cause=code_system + "cause",
        red_flag=code_system + "red-flag",
        level=code_system + "level",
        method=code_system + "method",
        factor=code_system + "factor",
        choice=code_system + "choice",
        questionnaire=f"{base}/Questionnaire/legcramps",
    )


_DEFAULT_SYSTEMS = _make_systems(DEFAULT_BASE_URL)


def check_reference(
    value: object, where: str, problems: Problems, types: tuple[str, ...] = ()
) -> dict[str, Any] | None:
    """Return *value* as a FHIR ``Reference`` dict, or add its problems and return None.

    *value* is a reference string (``"Patient/123"``, an absolute URL, a ``urn:uuid:``)
    or a ``Reference`` dict with ``reference``, ``type``, ``identifier`` and ``display``
    (at least one but ``type``). *types*, if given, are the resource types it may point at.
    """
    if type(value) is str:
        before = len(problems)
        _reference_string(value, where, problems, types)
        return {"reference": value} if len(problems) == before else None
    expected = (
        f"a reference such as '{(types or ('Patient',))[0]}/123', or a FHIR Reference dict"
        " with a 'reference', 'identifier' or 'display'"
    )
    if not isinstance(value, Mapping):
        problems.add(where, describe(value), expected)
        return None
    try:
        items = dict(value.items())
    except Exception:  # noqa: BLE001 - a caller's object may fail in any way; report it
        problems.add(where, describe(value), expected + " that can be read")
        return None
    keys = set(items)
    if not (keys and keys <= _REFERENCE_KEYS and keys & {"reference", "identifier", "display"}):
        problems.add(where, describe(value), expected + ", and no other key")
        return None
    before = len(problems)
    kind = None
    if "type" in items:
        kind = _short_type(items["type"])
        if kind is None or (types and kind not in types):
            what = " or ".join(map(repr, types)) if types else "a FHIR resource type"
            problems.add(f"{where}.type", describe(items["type"]), f"{what}, such as 'Patient'")
            kind = None
    if "reference" in items:
        _reference_string(items["reference"], f"{where}.reference", problems, types, kind)
    if "identifier" in items:
        check_identifier(items["identifier"], f"{where}.identifier", problems)
    if "display" in items and not is_fhir_string(items["display"]):
        problems.add(f"{where}.display", describe(items["display"]), _FHIR_STRING)
    return items if len(problems) == before else None


def _short_type(kind: object) -> str | None:
    """Return the resource type that a Reference's ``type`` names, or None if it names none."""
    if type(kind) is not str:
        return None
    short = kind.removeprefix(_STRUCTURE)
    return short if _RESOURCE_TYPE.fullmatch(short) else None


def _reference_string(
    value: object, where: str, problems: Problems, types: tuple[str, ...], kind: str | None = None
) -> None:
    """Add a problem unless *value* is a literal reference to one of *types* (any if none).

    *kind* is the resource type the Reference's ``type`` names, which the reference must
    agree with.
    """
    if type(value) is str:
        literal = _LITERAL.fullmatch(value)
        if literal is not None:
            target = literal.group("type")
            if (not types or target in types) and (kind is None or kind == target):
                return
        elif _BUNDLE_LOCAL.fullmatch(value):
            return
    shown = " or ".join(types) if types else "Patient"
    problems.add(
        where,
        describe(value),
        f"a reference to a {shown} ('{shown.split()[0]}/123', an absolute URL to one, or a"
        " 'urn:uuid:'), agreeing with 'type' if that is given",
    )


def check_identifier(value: object, where: str, problems: Problems) -> dict[str, Any] | None:
    """Return *value* if it is a FHIR Identifier dict of ``use``, ``system`` and ``value``."""
    expected = (
        "a FHIR Identifier dict, such as {'system': 'urn:example:mrn', 'value': '123'}, with"
        " only 'use', 'system' and 'value'"
    )
    if type(value) is not dict or not value or not set(value) <= _IDENTIFIER_KEYS:
        problems.add(where, describe(value), expected)
        return None
    if not ({"system", "value"} & set(value)):
        problems.add(where, describe(value), expected + ", a 'system' or a 'value' at least")
        return None
    before = len(problems)
    if "value" in value and not is_fhir_string(value["value"]):
        problems.add(f"{where}.value", describe(value["value"]), _FHIR_STRING)
    system = value.get("system")
    if "system" in value and not (type(system) is str and _URI.fullmatch(system)):
        problems.add(
            f"{where}.system", describe(system), "an absolute URI, such as 'urn:oid:1.2.3'"
        )
    use = value.get("use")
    if "use" in value and not (type(use) is str and use in _IDENTIFIER_USES):
        problems.add(
            f"{where}.use", describe(value["use"]), "one of " + ", ".join(_IDENTIFIER_USES)
        )
    return value if len(problems) == before else None


def check_date_time(value: str) -> bool:
    """Return whether *value* is a FHIR ``dateTime`` string of a date that exists."""
    match = _DATE_TIME.fullmatch(value)
    if match is None:
        return False
    day = match.group("d")
    if day is None:
        return True
    try:
        dt.date(int(match.group("y")), int(match.group("m")), int(day))
    except ValueError:  # February 31st
        return False
    return True


def date_time(value: object, where: str, problems: Problems) -> str | None:
    """Return *value* (a datetime, a date or a FHIR dateTime string) as a FHIR dateTime."""
    hint = ""
    if isinstance(value, dt.datetime):
        try:
            offset = value.utcoffset()
        except Exception:  # noqa: BLE001 - a caller's tzinfo may fail in any way; report it
            offset = None
        if offset is not None:
            seconds = offset.total_seconds()
            if seconds % 60 == 0 and abs(seconds) <= 14 * 3600:
                return dt.datetime.isoformat(value)
            hint = "FHIR offsets are whole minutes up to 14 hours: convert it to UTC first"
    elif isinstance(value, dt.date):
        return dt.date.isoformat(value)
    elif type(value) is str and check_date_time(value):
        return value
    expected = (
        "a timezone-aware datetime, a date, a FHIR dateTime string "
        "such as '2026-11-25T10:00:00Z', or None"
    )
    problems.add(where, describe(value), expected, hint)
    return None


# --- the texts of the knowledge, cleaned and escaped ----------------------------------


def _strings(value: object, found: dict[str, None]) -> None:
    """Add every string inside *value* (attrs instances, tuples) to *found*."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is str:
            found[item] = None
        elif isinstance(item, tuple):
            stack.extend(item)
        elif attrs.has(type(item)):
            stack.extend(getattr(item, a.name) for a in attrs.fields(cast("Any", type(item))))


def _cleaned_texts() -> tuple[Mapping[str, str], Mapping[str, str]]:
    """Return every text of the built-in knowledge, cleaned, and cleaned and escaped."""
    found: dict[str, None] = {}
    _strings(KNOWLEDGE, found)
    found.update(dict.fromkeys(_URGENCY_NOTE.values()))
    found.update(dict.fromkeys(u.headline for u in Urgency))
    found.update(dict.fromkeys(u.value for u in Urgency))
    found.update(dict.fromkeys(_texts.FHIR))
    clean = {text: fhir_text(text) for text in found}
    return MappingProxyType(clean), MappingProxyType(
        {text: escape(c, quote=False) for text, c in clean.items()}
    )


_CLEAN, _HTML = _cleaned_texts()


def _text(text: str) -> str:
    found = _CLEAN.get(text)
    return fhir_text(text) if found is None else found


def _html(text: str) -> str:
    found = _HTML.get(text)
    return escape(fhir_text(text), quote=False) if found is None else found


class _CauseView(NamedTuple):
    """What the resource says of one cause, made once for the built-in knowledge."""

    cause: Cause
    name: str
    html: str
    #: the cause's concepts in other code systems, as codings
    codes: tuple[dict[str, str], ...]
    inputs: int


class _FlagView(NamedTuple):
    """What the resource says of one red flag, made once for the built-in knowledge."""

    flag: RedFlag
    name: str
    html: str
    #: the flag's concepts in other code systems, as codings
    codes: tuple[dict[str, str], ...]
    #: the rationale: its urgency, why and what to do
    rationale: str


def _cause_view(cause: Cause, catalog: Catalog = _ENGLISH) -> _CauseView:
    shown = catalog.text(cause.name)
    inputs = len({s.when.factor for s in cause.signs})
    return _CauseView(cause, _text(shown), _html(shown), _codings(cause.codes), inputs)


def _flag_view(flag: RedFlag, catalog: Catalog = _ENGLISH) -> _FlagView:
    tr = _words(catalog)
    shown = tr(flag.name)
    name = _text(shown)
    word = urgency_word(flag.urgency, catalog)
    if name:
        parts = [tr(_texts.FHIR_WARNING_SIGN, urgency=word, name=name)]
    else:
        parts = [tr(_texts.FHIR_WARNING_SIGN_UNNAMED, urgency=word)]
    parts += [t for t in (_text(tr(flag.why)), _text(tr(flag.advice))) if t]
    return _FlagView(flag, name, _html(shown), _codings(flag.codes), " ".join(parts))


def _codings(codes: tuple[Code, ...]) -> tuple[dict[str, str], ...]:
    """Return the knowledge's *codes* as FHIR codings (copied into each resource)."""
    return tuple({"system": c.system, "code": c.code, "display": c.display} for c in codes)


_CAUSES = MappingProxyType({c.id: _cause_view(c) for c in KNOWLEDGE.causes})
_FLAGS = MappingProxyType({r.id: _flag_view(r) for r in KNOWLEDGE.red_flags})


def _view_of_cause(cause: Cause, catalog: Catalog) -> _CauseView:
    if catalog is not _ENGLISH:
        return _cause_view(cause, catalog)
    view = _CAUSES.get(cause.id)
    return view if view is not None and view.cause is cause else _cause_view(cause)


def _view_of_flag(flag: RedFlag, catalog: Catalog) -> _FlagView:
    if catalog is not _ENGLISH:
        return _flag_view(flag, catalog)
    view = _FLAGS.get(flag.id)
    return view if view is not None and view.flag is flag else _flag_view(flag)


# --- the resource ---------------------------------------------------------------------


def risk_assessment(  # noqa: PLR0913 - the elements a caller sets, each by keyword
    assessment: Assessment,
    *,
    subject: object,
    occurrence: object = None,
    status: object = "final",
    resource_id: object = None,
    basis: object = None,
    identifier: object = None,
    base_url: object = DEFAULT_BASE_URL,
    language: object = None,
) -> dict[str, Any]:
    """Return *assessment* as a coded HL7 FHIR R4 ``RiskAssessment`` (a JSON-ready dict).

    *subject* is the person, as a reference string such as ``"Patient/123"`` or a
    FHIR ``Reference`` dict (to a Patient or a Group). *occurrence* is when the
    assessment was made: a timezone-aware ``datetime.datetime``, a ``datetime.date``
    or a FHIR ``dateTime`` string. *status* is one of :data:`STATUSES`. *basis* is
    what the answers came from, such as ``"QuestionnaireResponse/1"``: a reference or
    a list of them. *identifier* is a FHIR ``Identifier`` dict for the resource, and
    *base_url* the canonical base of legcramps' code systems. The FHIR page of the
    docs gives the mapping of each part.

    *language* is a code of :data:`~legcramps.LANGUAGES` or a
    :class:`~legcramps.Catalog`: every text a person reads is in it, and the resource's
    ``language`` says which. The default, None, writes English and leaves ``language``
    out, as earlier releases did. The displays of SNOMED CT, LOINC, ATC and HL7 codes
    stay those code systems' own English terms.

    :raises InvalidInput: listing every argument that is not acceptable.

    >>> import legcramps, legcramps.fhir
    >>> a = legcramps.assess(fluid_litres=0.5)
    >>> r = legcramps.fhir.risk_assessment(a, subject="Patient/1")
    >>> r["resourceType"], r["subject"], r["performer"]["reference"]
    ('RiskAssessment', {'reference': 'Patient/1'}, '#legcramps')
    >>> r["prediction"][0]["qualitativeRisk"]["coding"][1]["code"]
    'moderate'
    >>> es = legcramps.fhir.risk_assessment(a, subject="Patient/1", language="es")
    >>> es["language"], es["prediction"][0]["outcome"]["text"]
    ('es', 'Deshidratación')
    """
    problems = Problems()
    if not isinstance(assessment, Assessment):
        expected = "a legcramps.Assessment, as legcramps.assess() returns"
        problems.add("assessment", describe(assessment), expected)
    reference = check_reference(subject, "subject", problems, _SUBJECT_TYPES)
    when = None if occurrence is None else date_time(occurrence, "occurrence", problems)
    if not (type(status) is str and status in STATUSES):
        problems.add("status", describe(status), "one of " + ", ".join(STATUSES))
    if resource_id is not None and not (type(resource_id) is str and ID.fullmatch(resource_id)):
        expected = "a FHIR id (1 to 64 letters, digits, '-' or '.'), or None"
        problems.add("resource_id", describe(resource_id), expected)
    bases = _basis(basis, problems)
    ident = None if identifier is None else check_identifier(identifier, "identifier", problems)
    urls = systems(check_base_url(base_url, problems))
    catalog = _ENGLISH if language is None else language_of(language, problems)
    if problems or reference is None:
        raise problems.error()
    return _resource(
        assessment,
        urls=urls,
        subject=reference,
        when=when,
        status=cast("str", status),
        resource_id=cast("str | None", resource_id),
        bases=bases,
        identifier=ident,
        catalog=catalog,
        language=None if language is None else catalog.language,
    )


def _basis(basis: object, problems: Problems) -> list[dict[str, Any]]:
    if basis is None:
        return []
    if type(basis) is str or isinstance(basis, Mapping):
        found = check_reference(basis, "basis", problems)
        return [] if found is None else [found]
    if type(basis) not in (list, tuple) or not basis:
        expected = "a reference, such as 'QuestionnaireResponse/1', a list of them, or None"
        problems.add("basis", describe(basis), expected)
        return []
    listed: list[object] = list(cast("list[object]", basis))
    found_all = [check_reference(b, f"basis[{n}]", problems) for n, b in enumerate(listed)]
    return [b for b in found_all if b is not None]


def _resource(  # noqa: PLR0913 - the checked arguments of risk_assessment()
    assessment: Assessment,
    *,
    urls: Systems,
    subject: dict[str, Any],
    when: str | None,
    status: str,
    resource_id: str | None,
    bases: list[dict[str, Any]],
    identifier: dict[str, Any] | None,
    catalog: Catalog,
    language: str | None,
) -> dict[str, Any]:
    tr = _words(catalog)
    knowledge_version = assessment.knowledge_version
    flags = [(raised, _view_of_flag(raised.flag, catalog)) for raised in assessment.red_flags]
    findings = [(f, _view_of_cause(f.cause, catalog)) for f in assessment.findings]
    resource: dict[str, Any] = {"resourceType": "RiskAssessment"}
    if resource_id is not None:
        resource["id"] = resource_id
    if language is not None:
        resource["language"] = language
    narrative = _narrative(assessment, flags, findings, catalog)
    resource["text"] = {"status": "generated", "div": narrative}
    resource["contained"] = [
        {
            "resourceType": "Device",
            "id": "legcramps",
            "deviceName": [{"name": "legcramps", "type": "model-name"}],
            "type": {"text": tr(_texts.FHIR_DEVICE)},
            "version": [
                {"type": {"text": tr(_texts.FHIR_SOFTWARE_VERSION)}, "value": VERSION},
                {"type": {"text": tr(_texts.FHIR_KNOWLEDGE_VERSION)}, "value": knowledge_version},
            ],
        }
    ]
    if identifier is not None:
        resource["identifier"] = [dict(identifier)]
    resource["status"] = status
    resource["method"] = {
        "coding": [
            {
                "system": urls.method,
                "version": knowledge_version,
                "code": "legcramps",
                "display": tr(_texts.FHIR_METHOD_DISPLAY),
            }
        ],
        "text": tr(_texts.FHIR_METHOD, version=knowledge_version),
    }
    code, display = RISK_ASSESSMENT_CODE
    resource["code"] = {
        "coding": [{"system": SNOMED, "code": code, "display": display}],
        "text": tr(_texts.FHIR_CODE),
    }
    resource["subject"] = dict(subject)
    if when is not None:
        resource["occurrenceDateTime"] = when
    resource["performer"] = {"reference": "#legcramps", "display": f"legcramps {VERSION}"}
    if bases:
        resource["basis"] = [dict(b) for b in bases]
    predictions = [_flag_prediction(raised, view, urls, catalog) for raised, view in flags]
    predictions += [
        _cause_prediction(f, view, urls, catalog)
        for f, view in findings
        if f.level is not Level.UNKNOWN
    ]
    if predictions:
        resource["prediction"] = predictions
    advice = [t for t in (_text(tr(a)) for a in assessment.advice) if t]
    if advice:
        resource["mitigation"] = "\n".join(advice)
    resource["note"] = [{"text": t} for t in _notes(assessment, findings, catalog)]
    return resource


def _so_far(finding: Finding, view: _CauseView) -> bool:
    """Return whether an unlikely *finding* has most of its cause's questions unanswered."""
    return finding.level is Level.UNLIKELY and 2 * len(finding.unanswered) > view.inputs


def _cause_prediction(
    finding: Finding, view: _CauseView, urls: Systems, catalog: Catalog
) -> dict[str, Any]:
    tr = _words(catalog)
    cause = finding.cause
    level = finding.level
    if _so_far(finding, view):
        open_count = len(finding.unanswered)
        so_far = "unlikely-so-far"
        risk = {
            "coding": [
                {
                    "system": urls.level,
                    "code": so_far,
                    "display": tr(_texts.FHIR_LEVEL_DISPLAYS[so_far]),
                }
            ],
            "text": tr(
                _texts.FHIR_RISK_SO_FAR, score=finding.score, open=open_count, inputs=view.inputs
            ),
        }
    else:
        code, display = LEVEL_TO_RISK[level]
        risk = {
            "coding": [
                {
                    "system": urls.level,
                    "code": level.value,
                    "display": tr(_texts.FHIR_LEVEL_DISPLAYS[level.value]),
                },
                {"system": RISK_PROBABILITY, "code": code, "display": display},
            ],
            "text": tr(_RISK_TEXTS[level], score=finding.score),
        }
    return {
        "outcome": _concept(urls.cause, cause.id, view.name, view.codes),
        "qualitativeRisk": risk,
        "rationale": _rationale(finding, catalog),
    }


_RISK_TEXTS = MappingProxyType(
    {
        Level.LIKELY: _texts.FHIR_RISK_LIKELY,
        Level.POSSIBLE: _texts.FHIR_RISK_POSSIBLE,
        Level.UNLIKELY: _texts.FHIR_RISK_UNLIKELY,
    }
)


def _flag_prediction(
    raised: RaisedFlag, view: _FlagView, urls: Systems, catalog: Catalog
) -> dict[str, Any]:
    tr = _words(catalog)
    flag = raised.flag
    rationale = view.rationale
    time_frame = _text(tr(raised.time_frame))
    if time_frame:
        rationale += " " + tr(_texts.FHIR_WHEN, time_frame=time_frame)
    notes = [t for t in (_text(tr(r)) for r in raised.risk_factors) if t]
    if notes:
        rationale += " " + tr(_texts.FHIR_RISK_FACTORS, factors="; ".join(notes))
    return {
        "outcome": _concept(urls.red_flag, flag.id, view.name, view.codes),
        "rationale": rationale,
    }


def _concept(
    system: str, code: str, name: str, codes: tuple[dict[str, str], ...]
) -> dict[str, Any]:
    """Return the CodeableConcept of one of the project's codes, its other codings after it."""
    own: dict[str, Any] = {"system": system, "code": code}
    if name:
        own["display"] = name
    return {"coding": [own, *(dict(c) for c in codes)], "text": name or code}


def _rationale(finding: Finding, catalog: Catalog) -> str:
    tr = _words(catalog)
    parts = [t for t in (_text(tr(e.reason)) for e in finding.evidence) if t]
    if not parts:
        parts = [tr(_texts.FHIR_NO_EVIDENCE)]
    if finding.unanswered:
        inputs = ", ".join(f.id for f in finding.unanswered)
        parts.append(tr(_texts.FHIR_NOT_YET_ANSWERED, inputs=inputs))
    return " ".join(parts)


def _urgency_note(assessment: Assessment, catalog: Catalog) -> str:
    tr = _words(catalog)
    note = tr(_URGENCY_NOTE[assessment.urgency])
    rise = assessment.may_rise_to
    if rise is not None:
        note += " " + tr(_texts.FHIR_MAY_RISE, urgency=urgency_word(rise, catalog))
    return note


def _notes(
    assessment: Assessment, findings: list[tuple[Finding, _CauseView]], catalog: Catalog
) -> list[str]:
    tr = _words(catalog)
    notes = [_urgency_note(assessment, catalog)]
    unknown = [v.name or v.cause.id for f, v in findings if f.level is Level.UNKNOWN]
    if unknown:
        notes.append(tr(_texts.FHIR_NOT_ASSESSED, causes=", ".join(unknown)))
    disclaimer = _text(tr(assessment.disclaimer))
    if disclaimer:
        notes.append(disclaimer)
    return notes


_LEVEL_WORDS = MappingProxyType(
    {
        Level.LIKELY: _texts.FHIR_LIKELY,
        Level.POSSIBLE: _texts.FHIR_POSSIBLE,
        Level.UNLIKELY: _texts.FHIR_UNLIKELY,
        Level.UNKNOWN: _texts.FHIR_NOT_ASSESSED_WORDS,
    }
)


def _narrative(
    assessment: Assessment,
    flags: list[tuple[RaisedFlag, _FlagView]],
    findings: list[tuple[Finding, _CauseView]],
    catalog: Catalog,
) -> str:
    """Return the XHTML ``div`` that a person reads: urgency, warnings, causes, advice."""
    tr = _words(catalog)
    parts = [
        '<div xmlns="http://www.w3.org/1999/xhtml"><p><b>',
        _html(tr(assessment.urgency.headline)),
        "</b></p>",
    ]
    if flags:
        parts += ("<p>", _html(tr(_texts.WARNING_SIGNS)), "</p><ul>")
        for raised, shown in flags:
            name = shown.html or escape(shown.flag.id)
            word = _html(urgency_word(raised.urgency, catalog))
            parts += ("<li>", name, " (", word, ")</li>")
        parts.append("</ul>")
    parts += ("<p>", _html(tr(_texts.CAUSES)), "</p><ul>")
    for finding, view in findings:
        words = _texts.FHIR_SO_FAR if _so_far(finding, view) else _LEVEL_WORDS[finding.level]
        parts += ("<li>", view.html or view.cause.id, ": ", _html(tr(words)), "</li>")
    parts.append("</ul>")
    advice = [t for t in (_html(tr(a)) for a in assessment.advice) if t]
    if advice:
        parts += ("<p>", _html(tr(_texts.ADVICE)), "</p><ul><li>")
        parts += ("</li><li>".join(advice), "</li></ul>")
    disclaimer = _html(tr(assessment.disclaimer))
    if disclaimer:
        parts += ("<p>", disclaimer, "</p>")
    parts.append("</div>")
    return "".join(parts)


def operation_outcome(
    error: InvalidInput, code: str = "invalid", language: object = None
) -> dict[str, Any]:
    """Return *error* as a FHIR R4 ``OperationOutcome``: one issue per problem.

    *code* is the issue type (``invalid``, ``structure``, ``required``...). *language*
    is a code of :data:`~legcramps.LANGUAGES` or a :class:`~legcramps.Catalog`: the
    issues' ``diagnostics`` and ``details`` are in it (ids and values as they are), and
    the resource's ``language`` says which. The default, None, writes English and leaves
    ``language`` out.

    :raises InvalidInput: if *language* is neither.

    >>> import legcramps, legcramps.fhir
    >>> try:
    ...     legcramps.assess(fluid_litres=-1)
    ... except legcramps.InvalidInput as e:
    ...     outcome = legcramps.fhir.operation_outcome(e)
    ...     spanish = legcramps.fhir.operation_outcome(e, language="es")
    >>> outcome["issue"][0]["severity"], outcome["issue"][0]["expression"]
    ('error', ['fluid_litres'])
    >>> spanish["language"], spanish["issue"][0]["details"]["text"]
    ('es', 'se esperaba un número de litros de 0 a 20, o None (desconocido)')
    """
    words = resolve("en" if language is None else language)
    issues: list[dict[str, Any]] = []
    for problem in error.problems:
        expected = words.text(_texts.FHIR_EXPECTED, expected=words.problem(problem).expected)
        issue: dict[str, Any] = {
            "severity": "error",
            "code": code,
            "details": {"text": fhir_text(expected) or "invalid"},
            "diagnostics": fhir_text(words.line(problem)) or "invalid",
        }
        if _PATH.fullmatch(problem.input):
            issue["expression"] = [problem.input]
        issues.append(issue)
    if error.more or not issues:
        if error.more:
            more = words.text(_texts.FHIR_MORE_PROBLEMS, more=error.more)
        else:
            more = words.text(_texts.FHIR_NOT_ACCEPTABLE)
        issues.append({"severity": "error", "code": code, "diagnostics": more})
    outcome: dict[str, Any] = {"resourceType": "OperationOutcome"}
    if language is not None:
        outcome["language"] = words.language
    outcome["text"] = {
        "status": "generated",
        "div": '<div xmlns="http://www.w3.org/1999/xhtml"><ul><li>'
        + "</li><li>".join(escape(i["diagnostics"], quote=False) for i in issues)
        + "</li></ul></div>",
    }
    outcome["issue"] = issues
    return outcome
