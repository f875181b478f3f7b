"""Evaluate checked answers against a knowledge's tables: scores, levels, urgency, advice.

The answers come from the validator (:mod:`legcramps._answers`) and are known to be
good: nothing here checks them again. One loop scores them (the hot path); small
functions then rank the findings, set the urgency and gather the advice.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

from legcramps._compile import Effect, FlagTest, Rule, Tables, lookup_medication
from legcramps._model import (
    AnswerValue,
    FactorKind,
    Level,
    Medication,
    RiskFactor,
    Urgency,
)
from legcramps._result import Assessment, Assessor, Evidence, Finding, FrozenAnswers

if TYPE_CHECKING:
    from legcramps._model import KnowledgeFields

    class Source(KnowledgeFields, Assessor, Protocol):
        """A knowledge base that assesses: what a result is made from, and holds."""


_YES_NO = FactorKind.YES_NO
_NUMBER = FactorKind.NUMBER
_CHOICE = FactorKind.CHOICE
_BY_RANK = MappingProxyType({u.rank: u for u in Urgency})

# Findings are ranked by level (an unknown cause may yet turn out likely, so it comes
# before an unlikely one), then by score, then in the knowledge's order.
_LIKELY, _POSSIBLE, _UNKNOWN, _UNLIKELY = 0, 1, 2, 3


class _Scores:
    """What one pass over the answers found; made anew for each assessment."""

    __slots__ = (
        "answered",
        "evidence",
        "flags",
        "floor",
        "known",
        "recognized",
        "scores",
        "sign_advice",
        "unrecognized",
    )

    def __init__(self, causes: int) -> None:
        self.scores = [0] * causes
        self.evidence: list[list[Evidence]] = [[] for _ in range(causes)]
        #: a bit per cause: whether an answer speaks to it
        self.answered = 0
        #: the indexes of the red flags raised
        self.flags: set[int] = set()
        self.sign_advice: list[str] = []
        #: the highest minimum urgency rank a raised sign sets
        self.floor = 0
        #: the answers, in the knowledge's factor order
        self.known: dict[str, AnswerValue] = {}
        self.recognized: tuple[Medication, ...] = ()
        self.unrecognized: tuple[str, ...] = ()


def evaluate(tables: Tables, knowledge: Source, values: dict[str, AnswerValue]) -> Assessment:
    """Return the assessment of the checked answers *values* against *knowledge*."""
    s = score(tables, values)
    all_answered = len(s.known) == len(tables.plan)
    ranked = _rank(tables, knowledge, s, all_answered=all_answered)
    raised_causes = sum(1 for order, _, _, _ in ranked if order <= _POSSIBLE)
    unknown = sum(1 for order, _, _, _ in ranked if order == _UNKNOWN)
    open_rank = 0 if all_answered else _open_rank(tables, s.known)
    flags = tuple([knowledge.red_flags[j] for j in tables.flag_order if j in s.flags])
    urgency = _urgency(tables, s, (raised_causes, unknown), open_rank)
    advice = [r.advice for r in flags]
    advice += s.sign_advice
    if raised_causes:
        for r in ranked[:raised_causes]:
            advice += r[3].cause.advice
    elif unknown < len(ranked) or not ranked:
        advice.append(knowledge.no_obvious_cause_advice)
    if s.unrecognized:
        advice.append(knowledge.unrecognized_medications_advice)
    if open_rank > urgency.rank:
        advice.append(knowledge.unanswered_red_flags_advice)
    if urgency is Urgency.UNDETERMINED:
        advice.append(knowledge.undetermined_advice)
    elif urgency is Urgency.SELF_CARE:
        advice.append(knowledge.self_care_advice)
    return Assessment(
        findings=tuple([r[3] for r in ranked]),
        urgency=urgency,
        red_flags=flags,
        advice=tuple(dict.fromkeys(advice)),
        next_questions=_next_questions(tables, s.known, all_answered=all_answered),
        answers=FrozenAnswers(s.known),
        medications=s.recognized,
        unrecognized_medications=s.unrecognized,
        knowledge_version=knowledge.version,
        disclaimer=knowledge.disclaimer,
        knowledge=knowledge,
    )


def score(tables: Tables, values: dict[str, AnswerValue]) -> _Scores:
    """Score the answers: one pass over the factors, in the knowledge's order."""
    s = _Scores(len(tables.cause_factors))
    scores, evidence, sign_advice, flags, known = (
        s.scores,
        s.evidence,
        s.sign_advice,
        s.flags,
        s.known,
    )
    get = values.get
    effects: tuple[Effect, ...]
    raised: tuple[int, ...]
    for fid, kind, mask, yes, by_choice, rules, tests, factor in tables.plan:
        value = get(fid)
        if value is None:
            continue
        known[fid] = value
        if kind is _YES_NO:
            if value is False:
                s.answered |= mask
                continue
            effects, raised = yes
        elif kind is _CHOICE:
            effects, raised = by_choice[value]  # type: ignore[index]  # a checked choice
        elif kind is _NUMBER:
            s.answered |= mask
            for compare, bound, _, i, weight, reason, note, rank, _ in rules:
                if compare(value, bound):
                    scores[i] += weight
                    evidence[i].append(Evidence(factor, value, reason, weight))
                    if note:
                        sign_advice.append(note)
                    s.floor = max(s.floor, rank)
            for compare, bound, _, j in tests:
                if compare(value, bound):
                    flags.add(j)
            continue
        else:
            _medications(tables, s, value, factor, mask, rules, tests)  # type: ignore[arg-type]
            continue
        s.answered |= mask
        for i, weight, shown, note, rank in effects:
            scores[i] += weight
            evidence[i].append(shown)
            if note:
                sign_advice.append(note)
            s.floor = max(s.floor, rank)
        flags.update(raised)
    return s


def _medications(  # noqa: PLR0913, PLR0917 - the parts of one plan entry
    tables: Tables,
    s: _Scores,
    names: tuple[str, ...],
    factor: RiskFactor,
    mask: int,
    rules: tuple[Rule, ...],
    tests: tuple[FlagTest, ...],
) -> None:
    """Score a medication list: the signs and red flags its recognised medications raise."""
    s.recognized, s.unrecognized = recognize(tables, names)
    # An unrecognised name may be anything: it answers a cause only through a sign
    # that a recognised medication raised, never as a "no".
    hit = 0
    classes = [(m.generic, m.drug_class._value_) for m in s.recognized]
    for _, _, one_of, i, weight, reason, note, rank, by_medication in rules:
        matched = tuple(generic for generic, k in classes if k in one_of)
        if not matched:
            continue
        hit |= 1 << i
        s.scores[i] += weight
        s.evidence[i].append(
            by_medication[matched[0]]
            if len(matched) == 1
            else Evidence(factor, matched, reason, weight)
        )
        if note:
            s.sign_advice.append(note)
        s.floor = max(s.floor, rank)
    for _, _, one_of, j in tests:
        if any(k in one_of for _, k in classes):
            s.flags.add(j)
    s.answered |= hit if s.unrecognized else mask


def recognize(
    tables: Tables, names: tuple[str, ...]
) -> tuple[tuple[Medication, ...], tuple[str, ...]]:
    """Return the medications *names* refer to, and the names not recognised, each once."""
    # Keyed by identity: the table holds one object per medication, and comparing
    # or hashing a Medication by value costs more.
    recognized: dict[int, Medication] = {}
    unrecognized: dict[str, None] = {}
    table = tables.medications
    for name in names:
        med = lookup_medication(table, name)
        if med is None:
            unrecognized[name] = None
        else:
            recognized.setdefault(id(med), med)
    return tuple(recognized.values()), tuple(unrecognized)


def _rank(
    tables: Tables, knowledge: Source, s: _Scores, *, all_answered: bool
) -> list[tuple[int, int, int, Finding]]:
    """Return (order, -score, position, finding) per cause, sorted: most likely first."""
    likely_at, possible_at = knowledge.likely_at, knowledge.possible_at
    causes = knowledge.causes
    known = s.known
    ranked: list[tuple[int, int, int, Finding]] = []
    for i, cause_factors in enumerate(tables.cause_factors):
        if not s.answered >> i & 1:
            finding = tables.unknown_findings[i]
            if s.unrecognized:  # the medication list was answered, but says nothing sure
                unanswered = tuple([f for fid, f in cause_factors if fid not in known])
                finding = Finding(causes[i], Level.UNKNOWN, 0, (), unanswered)
            ranked.append((_UNKNOWN, 0, i, finding))
            continue
        score = s.scores[i]
        evidence = s.evidence[i]
        unanswered = (
            () if all_answered else tuple([f for fid, f in cause_factors if fid not in known])
        )
        if score >= likely_at:
            order, level = _LIKELY, Level.LIKELY
        elif score >= possible_at:
            order, level = _POSSIBLE, Level.POSSIBLE
        elif not evidence and not unanswered:
            ranked.append((_UNLIKELY, -score, i, tables.quiet_findings[i]))
            continue
        else:
            order, level = _UNLIKELY, Level.UNLIKELY
        ranked.append(
            (order, -score, i, Finding(causes[i], level, score, tuple(evidence), unanswered))
        )
    ranked.sort()
    return ranked


def _open_rank(tables: Tables, known: dict[str, AnswerValue]) -> int:
    """Return the rank of the most urgent flag an unanswered red-flag question could raise."""
    open_rank = 0
    for fid, rank in tables.red_flag_questions:
        if rank > open_rank and fid not in known:
            open_rank = rank
    return open_rank


def _urgency(tables: Tables, s: _Scores, causes: tuple[int, int], open_rank: int) -> Urgency:
    """Return the urgency set by the raised red flags and signs, and by the *causes*.

    *causes* counts the raised causes and the unknown ones. Raised red flags decide;
    then a sign that sets a minimum (a new medication); then a raised cause means
    self-care unless a red-flag question is open; no cause at all means see a doctor,
    unless some cause is still unknown.
    """
    if s.flags:
        top = max(tables.flag_rank[j] for j in s.flags)
        return _BY_RANK[max(top, s.floor)]
    if s.floor:
        return _BY_RANK[s.floor]
    raised_causes, unknown = causes
    if raised_causes:
        return Urgency.UNDETERMINED if open_rank else Urgency.SELF_CARE
    return Urgency.UNDETERMINED if unknown else Urgency.SEE_DOCTOR


def _next_questions(
    tables: Tables, known: dict[str, AnswerValue], *, all_answered: bool
) -> tuple[RiskFactor, ...]:
    """Return the unanswered factors in the order to ask them."""
    if all_answered:
        return ()
    if not known:
        return tables.questions
    return tuple([f for fid, f in tables.question_order if fid not in known])
