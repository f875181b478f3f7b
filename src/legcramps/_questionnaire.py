"""A knowledge as an HL7 FHIR R4 ``Questionnaire``, and a ``QuestionnaireResponse`` read back.

The form follows the knowledge (``docs/fhir.rst`` describes it in full):

- one group per screening question: the screen, then its members in a group of their
  own that is hidden only when the screen is answered "no" (a "no" answers them all,
  so hidden members are implied "no", never unknown); then one group of the other
  questions;
- yes/no questions are ``choice`` items bound to a contained ``yesnodontknow`` value set
  (with its expansion, for renderers without a terminology server): "don't know" stays
  unknown; numbers are ``decimal`` items with a UCUM unit and their bounds; choices have
  coded options; the medication list is a repeating ``open-choice`` of ATC codes;
- a question that applies only sometimes gets ``enableWhen`` from ``applies_when``: it is
  shown while any of its conditions holds or is not known yet, hidden only when all are
  known not to hold, which is when the knowledge finds that it does not apply.

:func:`answers` reads a response back into the answers :func:`~legcramps.assess` takes,
and checks them itself (ranges, units, one answer per question), because renderers export
what a person typed. :func:`questionnaire_response` builds a response from answers.
"""

from collections.abc import Mapping
from fractions import Fraction
from html import escape
from typing import Any, NamedTuple

from legcramps._answers import number
from legcramps._errors import InvalidInput, Problems, describe
from legcramps._fhir import (
    ATC,
    DEFAULT_BASE_URL,
    ID,
    UCUM,
    Systems,
    check_base_url,
    check_reference,
    date_time,
    fhir_text,
    systems,
)
from legcramps._knowledge import Knowledge, checked_knowledge
from legcramps._model import AnswerValue, Condition, FactorKind, Medication, RiskFactor

YES_NO = "http://terminology.hl7.org/CodeSystem/v2-0136"
#: The code system terminology.hl7.org's v2-0136 value set now takes Y and N from.
YES_NO_EXPANDED = "http://terminology.hl7.org/CodeSystem/v2-0532"
ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"
UNIT_EXTENSION = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
#: When the contained value sets were expanded: they are written out with this library.
EXPANDED_AT = "2026-12-01T00:00:00Z"

#: The medication list's option for "I take none", in legcramps' choice code system.
NO_MEDICATIONS = ("none", "None: no medications")
YES = ("Y", "Yes")
NO = ("N", "No")
DONT_KNOW = ("asked-unknown", "Don't know")

#: The response statuses whose answers are read; ``entered-in-error`` is refused.
READABLE_STATUSES = ("in-progress", "completed", "amended", "stopped")
RESPONSE_STATUSES = (*READABLE_STATUSES, "entered-in-error")

#: A factor's unit, in the knowledge's words -> its UCUM code and display.
UNITS = {
    "minutes": ("min", "minutes"),
    "hours": ("h", "hours"),
    "litres": ("L", "litres"),
    "years": ("a", "years"),
}
#: UCUM units a response may give a number in, by dimension, in a base unit each
#: (seconds, litres); ``mo`` and ``a`` are UCUM's Julian month and year.
_UCUM = {
    "s": ("time", Fraction(1)),
    "min": ("time", Fraction(60)),
    "h": ("time", Fraction(3600)),
    "d": ("time", Fraction(86400)),
    "wk": ("time", Fraction(604800)),
    "mo": ("time", Fraction(2629800)),
    "a": ("time", Fraction(31557600)),
    "L": ("volume", Fraction(1)),
    "l": ("volume", Fraction(1)),
    "dL": ("volume", Fraction(1, 10)),
    "cL": ("volume", Fraction(1, 100)),
    "mL": ("volume", Fraction(1, 1000)),
}
OTHER_GROUP = "questions"
_MEMBERS = "-members"
_GROUP = "-group"


class _Form(NamedTuple):
    """The shape of the form of one knowledge: its groups and where each factor sits."""

    #: (screen, members placed under it), in the knowledge's order
    screens: tuple[tuple[RiskFactor, tuple[RiskFactor, ...]], ...]
    #: the factors in no screen's group
    others: tuple[RiskFactor, ...]
    #: the linkIds of the groups
    groups: frozenset[str]


def _form(knowledge: Knowledge) -> _Form:
    # The knowledge's checks make sure that a member is a yes/no question in one screen
    # only, and no screen itself: each screen has a group of members of its own.
    factors = {f.id: f for f in knowledge.factors}
    screens = tuple(
        (f, tuple(factors[m] for m in f.members)) for f in knowledge.factors if f.members
    )
    grouped = {m.id for _, members in screens for m in members} | {s.id for s, _ in screens}
    groups = {OTHER_GROUP} | {s.id + _GROUP for s, _ in screens}
    groups |= {s.id + _MEMBERS for s, _ in screens}
    return _Form(
        screens=screens,
        others=tuple(f for f in knowledge.factors if f.id not in grouped),
        groups=frozenset(groups),
    )


def _coding(system: str, code_display: tuple[str, str]) -> dict[str, str]:
    return {"system": system, "code": code_display[0], "display": code_display[1]}


def _medication_options(knowledge: Knowledge) -> dict[str, Medication]:
    """Return one medication per ATC code, the first the knowledge lists, by its code."""
    options: dict[str, Medication] = {}
    for med in knowledge.medications:
        options.setdefault(med.atc, med)
    return options


# --- the Questionnaire ----------------------------------------------------------------


def questionnaire(
    knowledge: Knowledge | None = None, *, base_url: str = DEFAULT_BASE_URL
) -> dict[str, Any]:
    """Return the knowledge's questions as an HL7 FHIR R4 ``Questionnaire`` (a JSON-ready dict).

    Versioned with the knowledge, and canonical under *base_url* (default:
    :data:`DEFAULT_BASE_URL`). It renders with no terminology server: the value sets it
    binds are contained, with their expansions.

    :raises InvalidInput: if *knowledge* is not a :class:`~legcramps.Knowledge` or
        *base_url* is not an http(s) URL.

    >>> import legcramps.fhir
    >>> q = legcramps.fhir.questionnaire()
    >>> q["resourceType"], q["version"] == legcramps.KNOWLEDGE_VERSION
    ('Questionnaire', True)
    >>> [group["linkId"] for group in q["item"]][:2]
    ['emergency_signs-group', 'leg_signs-group']
    """
    problems = Problems()
    k = checked_knowledge(knowledge, problems)
    urls = systems(check_base_url(base_url, problems))
    if problems:
        raise problems.error()
    form = _form(k)
    kinds = {f.id: f.kind for f in k.factors}
    contained = []
    if any(f.kind is FactorKind.YES_NO for f in k.factors):
        contained.append(_yes_no_value_set())
    if any(f.kind is FactorKind.MEDICATIONS for f in k.factors):
        contained.append(_medication_value_set(k, urls.choice))
    items = []
    for screen, members in form.screens:
        children = [
            _item(screen, kinds, urls),
            {
                "linkId": screen.id + _MEMBERS,
                "text": "Each of these, one by one",
                "type": "group",
                "enableWhen": _unless_no(screen.id),
                "enableBehavior": "any",
                "item": [_item(m, kinds, urls) for m in members],
            },
        ]
        title = screen.id.replace("_", " ").capitalize()
        items.append(
            {"linkId": screen.id + _GROUP, "text": title, "type": "group", "item": children}
        )
    if form.others:
        items.append(
            {
                "linkId": OTHER_GROUP,
                "text": "The cramps, and what came before them",
                "type": "group",
                "item": [_item(f, kinds, urls) for f in form.others],
            }
        )
    resource: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": "legcramps",
        "text": {"status": "generated", "div": _questionnaire_narrative(items)},
    }
    if contained:
        resource["contained"] = contained
    resource.update(
        {
            "url": urls.questionnaire,
            "version": k.version,
            "name": "LegCramps",
            "title": "Severe leg cramps: causes and warning signs",
            "status": "active",
            "subjectType": ["Patient"],
            "publisher": "legcramps",
            "description": (
                "The questions of legcramps knowledge "
                f"{fhir_text(k.version) or 'unversioned'}. Every question is optional: one"
                ' left blank, or answered "don\'t know", is unknown, which is never the'
                " same as no. Information, not a diagnosis."
            ),
            "item": items,
        }
    )
    return resource


def _unless_no(screen_id: str) -> list[dict[str, Any]]:
    """Return the enableWhen of a screen's members: shown unless the screen is answered no."""
    return [
        {"question": screen_id, "operator": "=", "answerCoding": _coding(YES_NO, YES)},
        {"question": screen_id, "operator": "=", "answerCoding": _coding(ABSENT, DONT_KNOW)},
        {"question": screen_id, "operator": "exists", "answerBoolean": False},
    ]


def _item(factor: RiskFactor, kinds: Mapping[str, FactorKind], urls: Systems) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": factor.id}
    codes = [{"system": urls.factor, "code": factor.id}]
    codes += [{"system": c.system, "code": c.code, "display": c.display} for c in factor.codes]
    item["code"] = codes
    item["text"] = fhir_text(factor.question) or factor.id
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        item["type"] = "choice"
        item["answerValueSet"] = "#yesnodontknow"
    elif kind is FactorKind.NUMBER:
        item["type"] = "decimal"
        item["extension"] = _number_extensions(factor)
    elif kind is FactorKind.CHOICE:
        item["type"] = "choice"
        item["answerOption"] = [
            {"valueCoding": {"system": urls.choice, "code": c, "display": c}}
            for c in factor.choices
        ]
    else:
        item["type"] = "open-choice"
        item["repeats"] = True
        item["answerValueSet"] = "#medications"
    conditions = _enable_when(factor, kinds, urls)
    if conditions:  # a condition, and "not answered yet" for its question: two at least
        item["enableWhen"] = conditions
        item["enableBehavior"] = "any"
    return item


def _number_extensions(factor: RiskFactor) -> list[dict[str, Any]]:
    """Return the UCUM unit and the bounds of a number question, as item extensions.

    The knowledge's checks make sure that a number has both bounds.
    """
    extensions: list[dict[str, Any]] = []
    unit = UNITS.get(factor.unit)
    if unit is not None:
        extensions.append({"url": UNIT_EXTENSION, "valueCoding": _coding(UCUM, unit)})
    extensions.append({"url": MIN_VALUE, "valueDecimal": factor.minimum})
    extensions.append({"url": MAX_VALUE, "valueDecimal": factor.maximum})
    return extensions


def _enable_when(
    factor: RiskFactor, kinds: Mapping[str, FactorKind], urls: Systems
) -> list[dict[str, Any]]:
    """Return the enableWhen of *factor*: any condition holds, or a factor it tests is open.

    A condition that enableWhen cannot state (on the medication list) leaves the question
    always shown: showing a question that may not apply is safe; hiding one that may is not.
    """
    conditions: list[dict[str, Any]] = []
    opened: dict[str, None] = {}
    for condition in factor.applies_when:
        if kinds.get(condition.factor) is FactorKind.MEDICATIONS:
            return []
        stated = _condition(condition, urls)
        conditions += stated
        opened[condition.factor] = None
    conditions += [{"question": f, "operator": "exists", "answerBoolean": False} for f in opened]
    return conditions


def _condition(condition: Condition, urls: Systems) -> list[dict[str, Any]]:
    question = condition.factor
    for op, bound in ((">=", condition.at_least), (">", condition.above), ("<", condition.below)):
        if bound is not None:
            return [{"question": question, "operator": op, "answerDecimal": bound}]
    if condition.one_of:
        return [
            {
                "question": question,
                "operator": "=",
                "answerCoding": {"system": urls.choice, "code": c},
            }
            for c in condition.one_of
        ]
    # A "don't know" is an answer in the form's eyes, but unknown in the knowledge's.
    return [
        {"question": question, "operator": "=", "answerCoding": _coding(YES_NO, YES)},
        {"question": question, "operator": "=", "answerCoding": _coding(ABSENT, DONT_KNOW)},
    ]


def _yes_no_value_set() -> dict[str, Any]:
    return {
        "resourceType": "ValueSet",
        "id": "yesnodontknow",
        "name": "YesNoDontKnow",
        "title": "Yes/No/Don't Know",
        "status": "active",
        "compose": {
            "include": [
                {"system": YES_NO, "concept": [{"code": c, "display": d} for c, d in (YES, NO)]},
                {"system": ABSENT, "concept": [{"code": DONT_KNOW[0], "display": DONT_KNOW[1]}]},
            ]
        },
        "expansion": {
            "timestamp": EXPANDED_AT,
            "contains": [_coding(YES_NO, YES), _coding(YES_NO, NO), _coding(ABSENT, DONT_KNOW)],
        },
    }


def _medication_value_set(knowledge: Knowledge, choice: str) -> dict[str, Any]:
    options = _medication_options(knowledge)
    concepts = [{"code": atc, "display": med.generic} for atc, med in options.items()]
    none = {"code": NO_MEDICATIONS[0], "display": NO_MEDICATIONS[1]}
    return {
        "resourceType": "ValueSet",
        "id": "medications",
        "name": "LegCrampsMedications",
        "title": "Medications legcramps recognises, by WHO ATC code",
        "status": "active",
        "compose": {
            "include": [{"system": ATC, "concept": concepts}, {"system": choice, "concept": [none]}]
        },
        "expansion": {
            "timestamp": EXPANDED_AT,
            "contains": [*({"system": ATC, **c} for c in concepts), {"system": choice, **none}],
        },
    }


def _questionnaire_narrative(items: list[dict[str, Any]]) -> str:
    parts = ['<div xmlns="http://www.w3.org/1999/xhtml"><ol>']
    for group in items:
        parts += ("<li>", escape(group["text"], quote=False), "<ul>")
        questions: list[dict[str, Any]] = []
        for child in group["item"]:
            questions += child["item"] if child["type"] == "group" else [child]
        parts += (f"<li>{escape(q['text'], quote=False)}</li>" for q in questions)
        parts.append("</ul></li>")
    parts.append("</ol></div>")
    return "".join(parts)


# --- a QuestionnaireResponse read back ------------------------------------------------

_VALUE_KEYS_ALLOWED = frozenset({"id", "extension"})


def answers(
    questionnaire_response: object,
    knowledge: Knowledge | None = None,
    *,
    base_url: str = DEFAULT_BASE_URL,
) -> dict[str, AnswerValue]:
    """Return the answers in a ``QuestionnaireResponse`` to :func:`questionnaire`'s form.

    The response is a JSON-ready dict (parsed JSON). Items may nest as the form does;
    "don't know" and a question left out are unknown (left out of the result), and a
    question the form hid is absent, which the assessment reads as not applicable or,
    under a screen answered "no", as "no". Numbers are read in the question's unit, or
    converted from a UCUM quantity (1200 mL to 1.2 litres); ATC codes name medications.
    What comes back is what :meth:`Knowledge.validate() <legcramps.Knowledge.validate>`
    returns, ready for :func:`~legcramps.assess`.

    :raises InvalidInput: naming each problem by its path in the response: not a
        response to this version of the form, ``entered-in-error``, an unknown linkId,
        an item given twice, several answers to a single-answer question, an answer of
        the wrong type, an unknown code or unit, or a number out of range.

    >>> import legcramps, legcramps.fhir
    >>> response = legcramps.fhir.questionnaire_response({"fluid_litres": 1.2})
    >>> legcramps.fhir.answers(response)
    {'fluid_litres': 1.2}
    """
    problems = Problems()
    k = checked_knowledge(knowledge, problems)
    urls = systems(check_base_url(base_url, problems))
    if problems:
        raise problems.error()
    response = _mapping(questionnaire_response, "questionnaire_response", problems)
    if response is None:
        raise problems.error()
    _header(response, k, urls, problems)
    reader = _Reader(k, urls, problems)
    reader.read(response.get("item"), "item")
    if problems:
        raise problems.error()
    return k.validate(reader.values)


def _mapping(value: object, where: str, problems: Problems) -> dict[str, Any] | None:
    """Return the JSON object *value* as a dict, or add a problem."""
    if type(value) is dict:
        return value
    expected = "a JSON object"
    if isinstance(value, Mapping):
        try:
            return dict(value.items())
        except Exception:  # noqa: BLE001 - a caller's object may fail in any way; report it
            expected = "a JSON object whose items can be read"
    problems.add(where, describe(value), expected)
    return None


def _header(response: dict[str, Any], k: Knowledge, urls: Systems, problems: Problems) -> None:
    kind = response.get("resourceType")
    if kind != "QuestionnaireResponse":
        problems.add("resourceType", describe(kind), "'QuestionnaireResponse'")
    status = response.get("status")
    if status == "entered-in-error":
        problems.add(
            "status", describe(status), "a response not entered in error: its answers are void"
        )
    elif not (type(status) is str and status in READABLE_STATUSES):
        problems.add("status", describe(status), "one of " + ", ".join(READABLE_STATUSES))
    canonical = f"{urls.questionnaire}|{k.version}"
    given = response.get("questionnaire")
    if given != canonical:
        hint = ""
        if type(given) is str and given.partition("|")[0] == urls.questionnaire:
            hint = "a response to another version of the form: answer this version's form"
        problems.add("questionnaire", describe(given), repr(canonical), hint)


class _Reader:
    """Reads the items of a response into answers by factor id, adding problems."""

    def __init__(self, knowledge: Knowledge, urls: Systems, problems: Problems) -> None:
        self.factors = {f.id: f for f in knowledge.factors}
        self.groups = _form(knowledge).groups
        self.urls = urls
        self.problems = problems
        self.values: dict[str, Any] = {}
        self.seen: set[str] = set()
        self.options = _medication_options(knowledge)

    def read(self, items: object, where: str) -> None:
        """Read the list of items *items* at the path *where*, and those nested in them."""
        stack: list[tuple[object, str]] = [(items, where)]
        while stack:
            items, where = stack.pop()
            if items is None:
                continue
            if type(items) is not list:
                self.problems.add(where, describe(items), "a list of items")
                continue
            nested = []
            for n, raw in enumerate(items):
                at = f"{where}[{n}]"
                item = _mapping(raw, at, self.problems)
                if item is not None:
                    nested += self._item(item, at)
            stack.extend(reversed(nested))

    def _item(self, item: dict[str, Any], at: str) -> list[tuple[object, str]]:
        link = item.get("linkId")
        if type(link) is not str or not (link in self.groups or link in self.factors):
            self.problems.add(f"{at}.linkId", describe(link), "a linkId of the form's items")
            return []
        if link in self.seen:
            self.problems.add(f"{at}.linkId", describe(link), "each item once")
            return []
        self.seen.add(link)
        if link in self.groups:
            if "answer" in item:
                self.problems.add(f"{at}.answer", describe(item["answer"]), "no answer: a group")
            return [(item.get("item"), f"{at}.item")]
        if item.get("item") is not None:
            self.problems.add(f"{at}.item", describe(item["item"]), "no nested items: a question")
        self._answers(self.factors[link], item.get("answer"), f"{at}.answer")
        return []

    def _answers(self, factor: RiskFactor, answers: object, at: str) -> None:
        if answers is None:
            return
        if type(answers) is not list:
            self.problems.add(at, describe(answers), "a list of answers")
            return
        repeats = factor.kind is FactorKind.MEDICATIONS
        if len(answers) > 1 and not repeats:
            self.problems.add(at, f"{len(answers)} answers", "one answer: the question takes one")
            return
        values = [self._answer(factor, raw, f"{at}[{n}]") for n, raw in enumerate(answers)]
        values = [v for v in values if v is not _INVALID]
        if repeats:
            if len(values) == len(answers):
                self._names(factor, values, at)
        elif values and values[0] is not None:
            self.values[factor.id] = values[0]

    def _answer(self, factor: RiskFactor, raw: object, at: str) -> object:
        """Return the value of the answer *raw*, or add a problem and return ``_INVALID``."""
        answer = _mapping(raw, at, self.problems)
        if answer is None:
            return _INVALID
        keys = [key for key in answer if type(key) is str and key.startswith("value")]
        others = [key for key in answer if key not in _VALUE_KEYS_ALLOWED and key not in keys]
        if len(keys) != 1 or others:
            expected = "an answer with one value[x] (and no nested items)"
            self.problems.add(at, describe(answer), expected)
            return _INVALID
        key = keys[0]
        return self._value(factor, key, answer[key], f"{at}.{key}")

    def _names(self, factor: RiskFactor, values: list[object], at: str) -> None:
        """Keep the medication names *values*; "none" only alone, for an empty list."""
        names = [v for v in values if v is not _NONE]
        if names and len(names) < len(values):
            expected = "either medication names or 'none', not both"
            self.problems.add(at, f"{len(values)} answers, 'none' among them", expected)
            return
        self.values[factor.id] = names

    def _value(self, factor: RiskFactor, key: str, value: object, at: str) -> object:
        kind = factor.kind
        if kind is FactorKind.YES_NO:
            return self._yes_no(key, value, at)
        if kind is FactorKind.NUMBER:
            return self._number(factor, key, value, at)
        if kind is FactorKind.CHOICE:
            coding = _mapping(value, at, self.problems) if key == "valueCoding" else None
            code = None if coding is None else coding.get("code")
            system = None if coding is None else coding.get("system", self.urls.choice)
            if type(code) is str and code in factor.choices and system == self.urls.choice:
                return code
            expected = "a valueCoding of " + ", ".join(map(repr, factor.choices))
            self.problems.add(at, describe(value), expected + f" in {self.urls.choice}")
            return _INVALID
        return self._medication(key, value, at)

    def _yes_no(self, key: str, value: object, at: str) -> object:
        coding = _mapping(value, at, self.problems) if key == "valueCoding" else None
        if coding is not None:
            pair = (coding.get("system"), coding.get("code"))
            if pair in {(YES_NO, "Y"), (YES_NO_EXPANDED, "Y")}:
                return True
            if pair in {(YES_NO, "N"), (YES_NO_EXPANDED, "N")}:
                return False
            if pair == (ABSENT, DONT_KNOW[0]):
                return None
        expected = "a valueCoding from the yesnodontknow value set: Y, N or asked-unknown"
        self.problems.add(at, describe(value), expected)
        return _INVALID

    def _number(self, factor: RiskFactor, key: str, value: object, at: str) -> object:
        low = float("-inf") if factor.minimum is None else factor.minimum
        high = float("inf") if factor.maximum is None else factor.maximum
        if key in {"valueDecimal", "valueInteger"}:
            found = number(value, -float("inf"), float("inf"))
            if found is None or (key == "valueInteger" and type(found) is not int):
                self.problems.add(at, describe(value), "a finite number, in " + _in(factor))
                return _INVALID
        elif key == "valueQuantity":
            found = self._quantity(factor, value, at)
            if found is None:
                return _INVALID
        else:
            self.problems.add(at, describe(value), "a valueDecimal or a valueQuantity")
            return _INVALID
        if not low <= found <= high:
            self.problems.add(at, describe(value), factor.expected, "out of range")
            return _INVALID
        return found

    def _quantity(self, factor: RiskFactor, value: object, at: str) -> int | float | None:
        quantity = _mapping(value, at, self.problems)
        if quantity is None:
            return None
        amount = number(quantity.get("value"), -float("inf"), float("inf"))
        code = quantity.get("code", quantity.get("unit"))
        system = quantity.get("system", UCUM)
        target = UNITS.get(factor.unit)
        if amount is None:
            self.problems.add(f"{at}.value", describe(quantity.get("value")), "a finite number")
            return None
        if code is None or (target is not None and code == target[0] and system == UCUM):
            return amount
        source = _UCUM.get(code) if type(code) is str and system == UCUM else None
        wanted = None if target is None else _UCUM[target[0]]
        if source is None or wanted is None or source[0] != wanted[0]:
            expected = "a UCUM unit convertible to " + _in(factor)
            self.problems.add(f"{at}.code", describe(code), expected)
            return None
        converted = Fraction(amount) * source[1] / wanted[1]
        return int(converted) if converted.denominator == 1 else float(converted)

    def _medication(self, key: str, value: object, at: str) -> object:
        if key == "valueString":
            if type(value) is str and value.strip():
                return value
            self.problems.add(at, describe(value), "a medication name (a non-empty string)")
            return _INVALID
        coding = _mapping(value, at, self.problems) if key == "valueCoding" else None
        found = None if coding is None else self._coded_medication(coding)
        if found is not None:
            return found
        expected = "a valueString (a name), or a valueCoding with an ATC code or a display"
        self.problems.add(at, describe(value), expected)
        return _INVALID

    def _coded_medication(self, coding: dict[str, Any]) -> object:
        """Return the name a medication coding gives, ``_NONE`` for "none", or None."""
        code, display, system = coding.get("code"), coding.get("display"), coding.get("system")
        if type(code) is str and system == ATC and code in self.options:
            return self.options[code].generic
        if system == self.urls.choice and code == NO_MEDICATIONS[0]:
            return _NONE
        if type(display) is str and display.strip():
            return display
        if type(code) is str and system == ATC and code.strip():
            return code
        return None


_INVALID = object()
_NONE = object()


def _in(factor: RiskFactor) -> str:
    unit = UNITS.get(factor.unit)
    return f"{factor.unit} (UCUM {unit[0]!r})" if unit else "the question's unit"


# --- a QuestionnaireResponse built from answers ---------------------------------------


def questionnaire_response(  # noqa: PLR0913 - the elements a caller sets, each by keyword
    answers: Mapping[str, Any],
    knowledge: Knowledge | None = None,
    *,
    subject: object = None,
    authored: object = None,
    status: str = "completed",
    resource_id: object = None,
    base_url: str = DEFAULT_BASE_URL,
) -> dict[str, Any]:
    """Return *answers* as a ``QuestionnaireResponse`` to :func:`questionnaire`'s form.

    The response holds what the form would: it leaves out a question the form hides,
    that is a screen's member answered "no" under a screen answered "no" (implied), and
    an answer to a question that does not apply (it changes nothing). :func:`answers`
    reads it back. *subject* is a reference to a Patient or Group, *authored* a
    datetime, date or FHIR dateTime string, *status* a QuestionnaireResponse status.

    :raises InvalidInput: if the answers are not valid (as :func:`~legcramps.assess`
        says), a sign is answered "yes" under its screening question answered "no" (a
        response to the form cannot hold it: answer the screen "yes"), or an option is
        not acceptable.

    >>> import legcramps.fhir
    >>> r = legcramps.fhir.questionnaire_response({"hot_weather": True}, subject="Patient/7")
    >>> r["status"], r["item"][0]["item"][0]["answer"][0]["valueCoding"]["code"]
    ('completed', 'Y')
    """
    problems = Problems()
    k = checked_knowledge(knowledge, problems)
    urls = systems(check_base_url(base_url, problems))
    reference = (
        None
        if subject is None
        else check_reference(subject, "subject", problems, ("Patient", "Group"))
    )
    when = None if authored is None else date_time(authored, "authored", problems)
    if not (type(status) is str and status in RESPONSE_STATUSES):
        problems.add("status", describe(status), "one of " + ", ".join(RESPONSE_STATUSES))
    if resource_id is not None and not (type(resource_id) is str and ID.fullmatch(resource_id)):
        problems.add("resource_id", describe(resource_id), "a FHIR id, or None")
    values: dict[str, AnswerValue] = {}
    try:
        values = k.validate(answers)
    except InvalidInput as e:
        problems.extend(e.problems, e.more)
    form = _form(k)
    _contradictions(form, values, problems)
    if problems:
        raise problems.error()
    groups = _response_items(form, values, urls, k)
    resource: dict[str, Any] = {"resourceType": "QuestionnaireResponse"}
    if resource_id is not None:
        resource["id"] = resource_id
    resource["questionnaire"] = f"{urls.questionnaire}|{k.version}"
    resource["status"] = status
    if reference is not None:
        resource["subject"] = reference
    if when is not None:
        resource["authored"] = when
    if groups:
        resource["item"] = groups
    return resource


def _contradictions(form: _Form, values: Mapping[str, AnswerValue], problems: Problems) -> None:
    """Add a problem for each sign answered "yes" under its screen answered "no"."""
    for screen, members in form.screens:
        if values.get(screen.id) is False:
            for member in members:
                if values.get(member.id) is True:
                    problems.add(
                        member.id,
                        f"True with {screen.id} False",
                        f"no 'yes' under the screening question {screen.id} answered no",
                        f"answer {screen.id} True: a form hides its signs after a no",
                    )


def _response_items(
    form: _Form, values: Mapping[str, AnswerValue], urls: Systems, k: Knowledge
) -> list[dict[str, Any]]:
    """Return the response's groups: those of the form with an answer the form shows."""
    coded = {med.generic: atc for atc, med in _medication_options(k).items()}
    groups = []
    for screen, members in form.screens:
        children = _answered([screen], values, urls, coded)
        if values.get(screen.id) is not False:
            inner = _answered(members, values, urls, coded)
            if inner:
                children.append({"linkId": screen.id + _MEMBERS, "item": inner})
        if children:
            groups.append({"linkId": screen.id + _GROUP, "item": children})
    others = _answered(form.others, values, urls, coded)
    if others:
        groups.append({"linkId": OTHER_GROUP, "item": others})
    return groups


def _applies(factor: RiskFactor, values: Mapping[str, AnswerValue]) -> bool:
    """Return whether the form shows *factor*: a condition holds, or one is not known."""
    if not factor.applies_when:
        return True
    for condition in factor.applies_when:
        value = values.get(condition.factor)
        if value is None or isinstance(value, tuple) or _holds(condition, value):
            return True
    return False


def _holds(condition: Condition, value: AnswerValue) -> bool:
    if condition.at_least is not None:
        return value >= condition.at_least  # type: ignore[operator]
    if condition.above is not None:
        return value > condition.above  # type: ignore[operator]
    if condition.below is not None:
        return value < condition.below  # type: ignore[operator]
    if condition.one_of:
        return value in condition.one_of
    return value is True


def _answered(
    factors: tuple[RiskFactor, ...] | list[RiskFactor],
    values: Mapping[str, AnswerValue],
    urls: Systems,
    coded: Mapping[str, str],
) -> list[dict[str, Any]]:
    """Return the response items of the *factors* that have an answer and that the form shows.

    *coded* gives the ATC code of each medication name that is an option of the form.
    """
    items = []
    for factor in factors:
        value = values.get(factor.id)
        if value is None or not _applies(factor, values):
            continue
        items.append({"linkId": factor.id, "answer": _answer_values(factor, value, urls, coded)})
    return items


def _answer_values(
    factor: RiskFactor, value: AnswerValue, urls: Systems, coded: Mapping[str, str]
) -> list[dict[str, Any]]:
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        return [{"valueCoding": _coding(YES_NO, YES if value else NO)}]
    if kind is FactorKind.NUMBER:
        return [{"valueDecimal": value}]
    if kind is FactorKind.CHOICE:
        return [{"valueCoding": {"system": urls.choice, "code": value, "display": value}}]
    names: tuple[str, ...] = value  # type: ignore[assignment]  # a medication list
    if not names:
        return [{"valueCoding": _coding(urls.choice, NO_MEDICATIONS)}]
    return [
        {"valueCoding": {"system": ATC, "code": coded[name], "display": name}}
        if name in coded
        else {"valueString": name}
        for name in names
    ]
