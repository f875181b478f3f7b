"""Evaluate checked answers against a knowledge's tables: scores, levels, urgency, advice.

The answers come from the validator (:mod:`legcramps._answers`) and are known to be
good: nothing here checks them again. The steps, each a small function:

1. a screening question answered "no" answers each of its members "no", unless the
   member is answered itself (:func:`_implied`);
2. the medication lists are recognised; a question that applies only sometimes is
   found not to apply when all the conditions under which it applies are known not to
   hold (:func:`_not_applicable`); a screening "yes" stands for its members only until
   they are answered (:func:`_settled_screens`);
3. one loop scores the answers and tells each red-flag alternative whether an answer
   holds or breaks it (:func:`score`, the hot path);
4. the findings are ranked and the urgency set; the advice and the next questions
   follow from them (:mod:`legcramps._followup`).

Every condition has three states: it holds, it does not, or it is not known (the
answer is missing). A question that does not apply is not unknown: its conditions do
not hold, and it is neither asked nor waited for.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING

from legcramps import _followup as followup
from legcramps._compile import NOTHING, Effect, FlagTest, Rule, Tables
from legcramps._medications import recognize
from legcramps._model import AnswerValue, FactorKind, Level, Medication, RiskFactor, Urgency
from legcramps._result import Assessment, Evidence, Finding, FrozenAnswers, RaisedFlag
from legcramps._state import State, truth

if TYPE_CHECKING:
    from legcramps._state import Source

_YES_NO = FactorKind.YES_NO
_NUMBER = FactorKind.NUMBER
_CHOICE = FactorKind.CHOICE
_BY_RANK = MappingProxyType({u.rank: u for u in Urgency})

# Findings are ranked by level (an unknown cause may yet turn out likely, so it comes
# before an unlikely one), then by score, then in the knowledge's order.
_LIKELY, _POSSIBLE, _UNKNOWN, _UNLIKELY = 0, 1, 2, 3


def evaluate(tables: Tables, knowledge: Source, values: dict[str, AnswerValue]) -> Assessment:
    """Return the assessment of the checked answers *values* against *knowledge*."""
    s = State(tables, _implied(tables, values))
    _recognize(tables, s)
    _not_applicable(tables, s)
    _settled_screens(tables, s, values)
    score(tables, s, values)
    ranked = _rank(tables, knowledge, s)
    raised_causes = sum(1 for order, _, _, _ in ranked if order <= _POSSIBLE)
    unknown = sum(1 for order, _, _, _ in ranked if order == _UNKNOWN)
    raised, open_rank = _flags(tables, s)
    flags = tuple(
        RaisedFlag(
            knowledge.red_flags[j],
            tuple(text for test, text in tables.risk_notes[j] if truth(test, s)),
        )
        for j in raised
    )
    if raised or s.floor:
        top = max([tables.flag_rank[j] for j in raised], default=0)
        urgency = _BY_RANK[max(top, s.floor)]
    elif raised_causes:
        urgency = Urgency.UNDETERMINED if open_rank else Urgency.SELF_CARE
    else:
        urgency = Urgency.UNDETERMINED if unknown else Urgency.SEE_DOCTOR
    recognized, unrecognized = _all_medications(s)
    advice = followup.advice(
        knowledge,
        flags,
        s.sign_advice,
        [r[3] for r in ranked[:raised_causes]],
        no_cause=not raised_causes and (unknown < len(ranked) or not ranked),
        unrecognized=bool(unrecognized),
        open_rank=open_rank,
        urgency=urgency,
    )
    return Assessment(
        findings=tuple([r[3] for r in ranked]),
        urgency=urgency,
        red_flags=flags,
        advice=followup.apply_rules(tables, s, advice),
        next_questions=followup.next_questions(tables, s, values),
        answers=FrozenAnswers(s.known),
        medications=recognized,
        unrecognized_medications=unrecognized,
        knowledge_version=knowledge.version,
        disclaimer=knowledge.disclaimer,
        may_rise_to=_BY_RANK[open_rank] if open_rank > urgency.rank else None,
        knowledge=knowledge,
    )


def _implied(tables: Tables, values: dict[str, AnswerValue]) -> dict[str, AnswerValue]:
    """Return *values* with the members of each screening question answered "no", implied.

    A member answered itself keeps its own answer: a "yes" to one question is never
    undone by a "no" to the group.
    """
    effective = values
    for screen, members in tables.screens:
        if values.get(screen) is False:
            for member in members:
                if member not in values:  # a form may answer every member anyway
                    if effective is values:
                        effective = dict(values)
                    effective[member] = False
    return effective


def _settled_screens(tables: Tables, s: State, values: dict[str, AnswerValue]) -> None:
    """Withdraw each screening "yes" that its members have settled.

    A screening "yes" says only that some member holds. Once a member is answered
    "yes", or every member is answered "no" or cannot apply, the members speak for
    themselves and the screen's "yes" holds no condition of its own.
    """
    effective, na = s.effective, s.na
    for screen, members in tables.screens:
        if values.get(screen) is True and (
            any(effective.get(m) is True and m not in na for m in members)
            or all(effective.get(m) is False or m in na for m in members)
        ):
            if effective is values:
                effective = s.effective = dict(values)
            effective[screen] = False


def _recognize(tables: Tables, s: State) -> None:
    """Recognise the medications of each medication list answered."""
    for fid in tables.medication_inputs:
        names = s.effective.get(fid)
        if names is not None:
            s.medications[fid] = recognize(tables.medications, names)  # type: ignore[arg-type]


def _all_medications(s: State) -> tuple[tuple[Medication, ...], tuple[str, ...]]:
    """Return the medications of every list, recognised and not, in the factors' order."""
    if len(s.medications) == 1:
        return next(iter(s.medications.values()))
    recognized: dict[int, Medication] = {}
    unrecognized: dict[str, None] = {}
    for meds, names in s.medications.values():
        for med in meds:
            recognized.setdefault(id(med), med)
        unrecognized.update(dict.fromkeys(names))
    return tuple(recognized.values()), tuple(unrecognized)


def _not_applicable(tables: Tables, s: State) -> None:
    """Find the questions that cannot apply: all their conditions are known not to hold."""
    for fid, mask, alternatives, tests in tables.applicability:
        if all(truth(t, s) is False for t in tests):
            s.na.add(fid)
            s.answered |= mask  # a question that cannot apply is not unknown
            s.dead |= alternatives


def score(tables: Tables, s: State, values: dict[str, AnswerValue]) -> None:  # noqa: C901, PLR0912, PLR0915 - the scoring loop
    """Score the answers: one pass over the factors, in the knowledge's order."""
    scores, evidence, sign_advice = s.scores, s.evidence, s.sign_advice
    true_count, dead, known, na = s.true_count, s.dead, s.known, s.na
    effective = s.effective
    get = effective.get
    implied = effective is not values  # a screening "no" answered some members
    answered = s.answered
    floor = 0
    effects: tuple[Effect, ...]
    raised: tuple[int, ...]
    killed: int
    for fid, kind, mask, yes, no, by_choice, rules, tests, _, factor in tables.plan:
        value = get(fid)
        if value is None:
            continue
        if not implied or fid in values:
            known[fid] = values[fid]
        if na and fid in na:  # kept in the answers, but it changes nothing
            continue
        if kind is _YES_NO:
            outcome = yes if value is True else no
            if outcome is NOTHING:  # most yes/no answers: nothing to score or flag
                answered |= mask
                continue
            effects, raised, killed = outcome
        elif kind is _CHOICE:
            effects, raised, killed = by_choice[value]  # type: ignore[index]  # a checked choice
        elif kind is _NUMBER:
            answered |= mask
            for compare, bound, _, i, weight, reason, note, rank, _ in rules:
                if compare(value, bound):
                    scores[i] += weight
                    evidence[i].append(Evidence(factor, value, reason, weight))
                    if note:
                        sign_advice.append(note)
                    floor = max(floor, rank)
            for compare, bound, _, a in tests:
                if compare(value, bound):
                    true_count[a] += 1
                else:
                    dead |= 1 << a
            continue
        else:
            s.answered, s.dead = answered, dead
            _medications(s, fid, factor, mask, rules, tests)
            answered, dead = s.answered, s.dead
            continue
        answered |= mask
        for i, weight, shown, note, rank in effects:
            scores[i] += weight
            evidence[i].append(shown)
            if note:
                sign_advice.append(note)
            floor = max(floor, rank)
        for a in raised:
            true_count[a] += 1
        dead |= killed
    s.answered, s.dead = answered, dead
    s.floor = max(s.floor, floor)


def _medications(  # noqa: PLR0913, PLR0917 - the parts of one plan entry
    s: State,
    fid: str,
    factor: RiskFactor,
    mask: int,
    rules: tuple[Rule, ...],
    tests: tuple[FlagTest, ...],
) -> None:
    """Score a medication list: the signs and red-flag conditions its medications meet."""
    names = s.effective[fid]
    recognized, unrecognized = s.medications[fid]
    # An unrecognised name may be anything: it answers a cause only through a sign
    # that a recognised medication raised, never as a "no".
    hit = 0
    class_values = s.class_values
    classes = [(m.generic, class_values[m.generic]) for m in recognized]
    for _, _, one_of, i, weight, reason, note, rank, by_medication in rules:
        matched = tuple([generic for generic, ks in classes if not one_of.isdisjoint(ks)])
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
    for compare, bound, one_of, a in tests:
        if not one_of:  # how many medications are taken
            held: bool | None = bool(compare(len(names), bound))  # type: ignore[arg-type]
        elif any(not one_of.isdisjoint(ks) for _, ks in classes):
            held = True
        else:
            held = None if unrecognized else False
        if held:
            s.true_count[a] += 1
        elif held is False:
            s.dead |= 1 << a
    s.answered |= hit if unrecognized else mask


def _flags(tables: Tables, s: State) -> tuple[list[int], int]:
    """Return the raised red flags, most urgent first, and the rank of the most urgent open.

    A flag is raised when one of its alternatives holds whole; open when none does but
    one is not dead yet. A sign that sets a minimum urgency, on an input not yet
    answered, keeps that urgency open too; so does one on a medication list that holds
    a name not recognised (it may name a diuretic: unknown is never "no").
    """
    size, true_count = tables.alternative_size, s.true_count
    whole = (
        {tables.alternative_flag[a] for a, held in enumerate(true_count) if held == size[a]}
        if any(true_count)  # most often no condition of any flag holds
        else ()
    )
    raised = [j for j in tables.flag_order if j in whole] if whole else []
    alive = ~s.dead  # a bit per alternative that may still be raised
    for j in whole:
        alive &= ~tables.flag_masks[j]
    open_rank = next((rank for rank, mask in tables.open_masks if alive & mask), 0)
    for fid, rank in tables.escalators:
        if rank > open_rank and fid not in s.na and (fid not in s.effective or _unsure(s, fid)):
            open_rank = rank
    return raised, open_rank


def _unsure(s: State, fid: str) -> bool:
    """Return whether *fid* is a medication list that holds a name not recognised."""
    listed = s.medications.get(fid)
    return listed is not None and bool(listed[1])


def _rank(tables: Tables, knowledge: Source, s: State) -> list[tuple[int, int, int, Finding]]:
    """Return (order, -score, position, finding) per cause, sorted: most likely first."""
    likely_at, possible_at = knowledge.likely_at, knowledge.possible_at
    causes = knowledge.causes
    effective, na = s.effective, s.na
    unrecognized = any(names for _, names in s.medications.values())
    ranked: list[tuple[int, int, int, Finding]] = []
    for i, cause_factors in enumerate(tables.cause_factors):
        if not s.answered >> i & 1:
            finding = tables.unknown_findings[i]
            if unrecognized:  # the medication list was answered, but says nothing sure
                unanswered = tuple([f for fid, f in cause_factors if fid not in effective])
                finding = Finding(causes[i], Level.UNKNOWN, 0, (), unanswered)
            ranked.append((_UNKNOWN, 0, i, finding))
            continue
        score = s.scores[i]
        evidence = s.evidence[i]
        unanswered = tuple(
            [f for fid, f in cause_factors if fid not in effective and fid not in na]
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
        finding = Finding(causes[i], level, score, tuple(evidence), unanswered)
        ranked.append((order, -score, i, finding))
    ranked.sort()
    return ranked
