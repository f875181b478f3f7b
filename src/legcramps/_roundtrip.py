"""Rebuild an :class:`~legcramps.Assessment` from its :meth:`~legcramps.Assessment.to_dict` form.

Everything the dict names by id (causes, factors, red flags, medications) is
looked up in the knowledge, which must be the version that made the dict.
Every problem is collected, named by its path (``findings[0].level``), and
reported together in one :class:`~legcramps.InvalidInput`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from legcramps._model import (
    AnswerValue,
    Evidence,
    Finding,
    Level,
    Medication,
    RedFlag,
    RiskFactor,
    Urgency,
)
from legcramps.exceptions import InvalidInput, Problem, describe

if TYPE_CHECKING:
    from legcramps._assessment import Assessment
    from legcramps._knowledge import Knowledge

T = TypeVar("T")

_MISSING = "nothing (the key is missing)"


class _Reader:
    """Reads values out of nested dicts and lists, collecting problems by path."""

    def __init__(self, knowledge: Knowledge) -> None:
        self.knowledge = knowledge
        self.problems: list[Problem] = []

    def fail(self, path: str, received: str, expected: str) -> None:
        self.problems.append(Problem(path, received, expected))

    def mapping(self, value: object, path: str, keys: tuple[str, ...]) -> Mapping[str, Any] | None:
        """Return *value* if it is a mapping with exactly *keys*, else ``None``."""
        expected = "an object with the keys " + ", ".join(keys)
        if not isinstance(value, Mapping):
            self.fail(path, describe(value), expected)
            return None
        ok = True
        for key in keys:
            if key not in value:
                self.fail(_join(path, key), _MISSING, "a value, as to_dict() gives")
                ok = False
        for key in value:
            if key not in keys:
                self.fail(_join(path, str(key)), describe(value[key]), "no such key: " + expected)
                ok = False
        return value if ok else None

    def items(self, value: object, path: str) -> list[tuple[str, Any]]:
        """Return ``(path, item)`` for each item of the list *value*."""
        if not isinstance(value, (list, tuple)):
            self.fail(path, describe(value), "a list")
            return []
        return [(f"{path}[{n}]", item) for n, item in enumerate(value)]

    def string(self, value: object, path: str) -> str | None:
        if isinstance(value, str):
            return value
        self.fail(path, describe(value), "a string")
        return None

    def integer(self, value: object, path: str) -> int | None:
        if type(value) is int:
            return value
        self.fail(path, describe(value), "an integer")
        return None

    def enum(
        self, kind: Callable[[str], T], values: list[str], value: object, path: str
    ) -> T | None:
        if isinstance(value, str) and value in values:
            return kind(value)
        self.fail(path, describe(value), "one of " + ", ".join(map(repr, values)))
        return None

    def factor(self, value: object, path: str) -> RiskFactor | None:
        if isinstance(value, str):
            try:
                return self.knowledge.factor(value)
            except KeyError:
                pass
        self.fail(path, describe(value), f"an input id of knowledge {self.knowledge.version}")
        return None

    def each(
        self, read: Callable[[_Reader, Any, str], T | None], value: object, path: str
    ) -> tuple[T, ...]:
        """Return what *read* makes of each item of the list *value*, leaving out failures."""
        made = (read(self, item, p) for p, item in self.items(value, path))
        return tuple(x for x in made if x is not None)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


_TOP = (
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
)
_FINDING = ("cause", "level", "score", "evidence", "unanswered")
_EVIDENCE = ("factor", "value", "reason", "weight")
_RED_FLAG = ("id", "name", "why", "urgency")
_MEDICATION = ("generic", "class", "atc")
_LEVELS = [level.value for level in Level]
_URGENCIES = [u.value for u in Urgency]


def from_dict(data: object, knowledge: Knowledge | None = None) -> Assessment:
    """Return the assessment that :meth:`~legcramps.Assessment.to_dict` turned into *data*.

    :raises InvalidInput: naming every problem by its path.
    """
    from legcramps._answers import FrozenAnswers
    from legcramps._assessment import Assessment
    from legcramps._knowledge import KNOWLEDGE, Knowledge

    if knowledge is None:
        knowledge = KNOWLEDGE
    elif not isinstance(knowledge, Knowledge):
        expected = "a legcramps.Knowledge, or None for the built-in one"
        raise InvalidInput((Problem("knowledge", describe(knowledge), expected),))
    r = _Reader(knowledge)
    top = r.mapping(data, "", _TOP)
    if top is None:
        raise InvalidInput(tuple(r.problems))
    version = top["knowledge_version"]
    if version != knowledge.version:
        r.fail(
            "knowledge_version",
            describe(version),
            f"{knowledge.version!r}, the version of the knowledge to rebuild against",
        )
        # Ids from another knowledge version mean nothing here: stop at this problem.
        raise InvalidInput(tuple(r.problems))
    urgency = r.enum(Urgency, _URGENCIES, top["urgency"], "urgency")
    before = len(r.problems)
    findings = r.each(_finding, top["findings"], "findings")
    causes = [f.cause.id for f in findings]
    if len(r.problems) == before and sorted(causes) != sorted(c.id for c in knowledge.causes):
        expected = "one finding for each cause of the knowledge"
        r.fail("findings", f"findings for {', '.join(causes) or 'no cause'}", expected)
    red_flags = r.each(_red_flag, top["red_flags"], "red_flags")
    advice = r.each(_Reader.string, top["advice"], "advice")
    questions = r.each(_Reader.factor, top["next_questions"], "next_questions")
    answers = _answers(r, top["answers"])
    medications = r.each(_medication, top["medications"], "medications")
    unrecognized = r.each(
        _Reader.string, top["unrecognized_medications"], "unrecognized_medications"
    )
    disclaimer = r.string(top["disclaimer"], "disclaimer")
    if r.problems or urgency is None or disclaimer is None:
        raise InvalidInput(tuple(r.problems))
    return Assessment(
        findings=findings,
        urgency=urgency,
        red_flags=red_flags,
        advice=advice,
        next_questions=questions,
        answers=FrozenAnswers(answers),
        medications=medications,
        unrecognized_medications=unrecognized,
        knowledge_version=knowledge.version,
        disclaimer=disclaimer,
    )


def _finding(r: _Reader, value: object, path: str) -> Finding | None:
    d = r.mapping(value, path, _FINDING)
    if d is None:
        return None
    before = len(r.problems)
    cause = None
    cause_id = d["cause"]
    try:
        cause = r.knowledge.cause(cause_id) if isinstance(cause_id, str) else None
    except KeyError:
        cause = None
    if cause is None:
        r.fail(
            f"{path}.cause", describe(cause_id), f"a cause id of knowledge {r.knowledge.version}"
        )
    level = r.enum(Level, _LEVELS, d["level"], f"{path}.level")
    score = r.integer(d["score"], f"{path}.score")
    evidence = r.each(_evidence, d["evidence"], f"{path}.evidence")
    unanswered = r.each(_Reader.factor, d["unanswered"], f"{path}.unanswered")
    if len(r.problems) > before or cause is None or level is None or score is None:
        return None
    return Finding(cause, level, score, evidence, unanswered)


def _evidence(r: _Reader, value: object, path: str) -> Evidence | None:
    d = r.mapping(value, path, _EVIDENCE)
    if d is None:
        return None
    factor = r.factor(d["factor"], f"{path}.factor")
    shown = _evidence_value(r, d["value"], f"{path}.value")
    reason = r.string(d["reason"], f"{path}.reason")
    weight = r.integer(d["weight"], f"{path}.weight")
    if factor is None or shown is None or reason is None or weight is None:
        return None
    return Evidence(factor, shown, reason, weight)


def _evidence_value(r: _Reader, value: object, path: str) -> AnswerValue | None:
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return tuple(value)
    r.fail(path, describe(value), "a yes/no, a number, a string or a list of strings")
    return None


def _red_flag(r: _Reader, value: object, path: str) -> RedFlag | None:
    d = r.mapping(value, path, _RED_FLAG)
    if d is None:
        return None
    flag_id = d["id"]
    flag = None
    try:
        flag = r.knowledge.red_flag(flag_id) if isinstance(flag_id, str) else None
    except KeyError:
        flag = None
    if flag is None:
        r.fail(f"{path}.id", describe(flag_id), f"a red flag id of knowledge {r.knowledge.version}")
        return None
    ok = True
    for key, known in (("name", flag.name), ("why", flag.why), ("urgency", flag.urgency.value)):
        if d[key] != known:
            r.fail(f"{path}.{key}", describe(d[key]), f"{known!r}, as the knowledge has it")
            ok = False
    return flag if ok else None


def _medication(r: _Reader, value: object, path: str) -> Medication | None:
    d = r.mapping(value, path, _MEDICATION)
    if d is None:
        return None
    generic = d["generic"]
    med = next((m for m in r.knowledge.medications if m.generic == generic), None)
    if med is None:
        expected = f"the generic name of a medication in knowledge {r.knowledge.version}"
        r.fail(f"{path}.generic", describe(generic), expected)
        return None
    ok = True
    for key, known in (("class", med.drug_class.value), ("atc", med.atc)):
        if d[key] != known:
            r.fail(f"{path}.{key}", describe(d[key]), f"{known!r}, as the knowledge has it")
            ok = False
    return med if ok else None


def _answers(r: _Reader, value: object) -> tuple[tuple[str, AnswerValue], ...]:
    if not isinstance(value, Mapping):
        r.fail("answers", describe(value), "an object of answers by input id")
        return ()
    given: dict[str, Any] = {}
    for key, v in value.items():
        if not isinstance(key, str):
            r.fail("answers", f"the key {describe(key)}", "input ids (strings) as keys")
        elif v is None:
            r.fail(f"answers.{key}", "None", "a known answer (to_dict() leaves unknown ones out)")
        else:
            given[key] = v
    try:
        values = r.knowledge._validate(given)  # noqa: SLF001 - the engine's own validation
    except InvalidInput as e:
        r.problems.extend(
            Problem(f"answers.{p.input}", p.received, p.expected, p.hint) for p in e.problems
        )
        return ()
    return tuple((f.id, values[f.id]) for f in r.knowledge.factors if f.id in values)
