"""Compile a knowledge base into the lookup tables the validator and the evaluator read.

Compiling is done once, when a :class:`~legcramps.Knowledge` is built; every
per-call step then reads plain tuples and dicts. The medication lookup (names to
:class:`~legcramps.Medication`) lives here too: it is one of the tables.

Red flags are compiled to *alternatives*: each condition of a flag's ``when`` is
one alternative, and an :class:`~legcramps.AllOf` is one alternative of several
conditions. An alternative is raised when all its conditions hold, dead when one
is known not to, and open otherwise.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NoReturn

import attrs

from legcramps._medications import medication_table
from legcramps._model import (
    AllOf,
    AnswerValue,
    Condition,
    FactorKind,
    Level,
    Medication,
    RedFlag,
    RiskFactor,
    Sign,
)
from legcramps._order import min_rank, question_order
from legcramps._result import Evidence, Finding

if TYPE_CHECKING:
    from legcramps._model import KnowledgeFields

_INF = float("inf")  # not math.inf: the math module is an extension, loaded at import

# What the engine does with the answers, compiled from the knowledge (plain tuples, so
# that the per-call loops unpack them instead of looking up attributes):
#: raising a sign: (cause index, weight, evidence, advice, minimum urgency rank)
Effect = tuple[int, int, Evidence, str, int]
#: what one answer does: (sign effects, alternatives it helps raise, alternatives it kills
#: as a bit mask)
Outcome = tuple[tuple[Effect, ...], tuple[int, ...], int]
#: a sign tested per call: (comparison, bound, one_of, cause index, weight, reason,
#: advice, minimum urgency rank, evidence by the one medication that matches)
Rule = tuple[
    Callable[[Any, Any], Any],
    float,
    frozenset[str],
    int,
    int,
    str,
    str,
    int,
    Mapping[str, Evidence],
]
#: a condition of a red flag tested per call: (comparison, bound, one_of, alternative)
FlagTest = tuple[Callable[[Any, Any], Any], float, frozenset[str], int]
#: per factor, in the knowledge's order: (id, kind, its causes as a bit mask, outcome of a
#: yes, outcome of a no, outcome by choice, rules, flag tests, the alternatives its
#: conditions belong to, the factor)
Entry = tuple[
    str,
    FactorKind,
    int,
    Outcome,
    Outcome,
    dict[str, Outcome],
    tuple[Rule, ...],
    tuple[FlagTest, ...],
    tuple[int, ...],
    RiskFactor,
]
#: how to check an answer: (kind, lowest, highest, choices, the factor)
Check = tuple[FactorKind, float, float, frozenset[str], RiskFactor]
#: a condition tested where speed does not matter: (factor id, kind, comparison, bound,
#: one_of)
Test = tuple[str, FactorKind, Callable[[Any, Any], Any], float, frozenset[str]]

NOTHING: Outcome = ((), (), 0)


class Tables:
    """A knowledge base as lookup tables; built once, never changed.

    Internal to the engine, compared by identity: two equal knowledge bases compile
    to equal tables, so comparing the knowledge is enough. A plain slotted class,
    not an attrs one: it is no value of the public face, and an attrs class costs
    import time.
    """

    __slots__ = (
        "advice_rules",
        "alternative_flag",
        "alternative_size",
        "applicability",
        "cause_factors",
        "checks",
        "class_values",
        "escalators",
        "factors",
        "first_questions",
        "flag_alternatives",
        "flag_masks",
        "flag_order",
        "flag_rank",
        "flags_by_urgency",
        "medication_inputs",
        "medications",
        "open_masks",
        "plan",
        "question_order",
        "quiet_findings",
        "risk_notes",
        "screens",
        "unknown_findings",
    )

    def __init__(self, **tables: object) -> None:
        for name in self.__slots__:
            object.__setattr__(self, name, tables.pop(name))
        if tables:
            msg = f"no such table: {', '.join(tables)}"
            raise TypeError(msg)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = "the compiled tables of a knowledge cannot be changed"
        raise AttributeError(msg)

    #: the factors by id
    factors: Mapping[str, RiskFactor]
    #: how to check each answer, by factor id
    checks: Mapping[str, Check]
    #: what each answer does, in the knowledge's factor order
    plan: tuple[Entry, ...]
    #: per red-flag alternative: the flag it belongs to, and how many conditions it has
    alternative_flag: tuple[int, ...]
    alternative_size: tuple[int, ...]
    #: per red flag: its alternatives
    flag_alternatives: tuple[tuple[int, ...], ...]
    #: per red flag, most urgent first: (flag index, urgency rank, alternatives)
    flags_by_urgency: tuple[tuple[int, int, tuple[int, ...]], ...]
    #: per red flag: its alternatives as a bit mask
    flag_masks: tuple[int, ...]
    #: per urgency rank of some red flag, highest first: (rank, the alternatives of the
    #: flags of that urgency, as a bit mask)
    open_masks: tuple[tuple[int, int], ...]
    #: the inputs that are medication lists
    medication_inputs: tuple[str, ...]
    #: the red flag indexes, most urgent first; and each flag's urgency rank
    flag_order: tuple[int, ...]
    flag_rank: tuple[int, ...]
    #: per red flag: the risk factors it names when raised, as (test, text)
    risk_notes: tuple[tuple[tuple[Test, str], ...], ...]
    #: the factors that apply only sometimes: (factor id, its causes as a bit mask, its
    #: red-flag alternatives as a bit mask, the tests under which it applies)
    applicability: tuple[tuple[str, int, int, tuple[Test, ...]], ...]
    #: the screening questions: (screen id, its members)
    screens: tuple[tuple[str, tuple[str, ...]], ...]
    #: the inputs whose signs set a minimum urgency, with that urgency's rank
    escalators: tuple[tuple[str, int], ...]
    #: per cause: its (factor id, factor) pairs
    cause_factors: tuple[tuple[tuple[str, RiskFactor], ...], ...]
    #: per cause: its finding if none of its inputs is answered
    unknown_findings: tuple[Finding, ...]
    #: per cause: its finding if all its inputs are answered and none raised a sign
    quiet_findings: tuple[Finding, ...]
    #: every factor in the order to ask them, as (id, factor)
    question_order: tuple[tuple[str, RiskFactor], ...]
    #: the questions to ask when nothing is answered
    first_questions: tuple[RiskFactor, ...]
    #: every name a medication goes by, normalised, to the medication
    medications: Mapping[str, Medication]
    #: each medication's class values, by its generic name
    class_values: Mapping[str, frozenset[str]]
    #: the advice rules: (tests, any of which applies the rule; texts replaced; advice)
    advice_rules: tuple[tuple[tuple[Test, ...], frozenset[str], str], ...]


# --- conditions -------------------------------------------------------------------------


def fill_factors(knowledge: KnowledgeFields) -> tuple[RiskFactor, ...]:
    """Return the knowledge's factors with ``causes`` and ``red_flags`` filled in."""
    speaks_to: dict[str, dict[str, None]] = {f.id: {} for f in knowledge.factors}
    flagged_by: dict[str, dict[str, None]] = {f.id: {} for f in knowledge.factors}
    for cause in knowledge.causes:
        for sign in cause.signs:
            speaks_to[sign.when.factor][cause.id] = None
    for flag in knowledge.red_flags:
        for cond in flag.conditions:
            flagged_by[cond.factor][flag.id] = None
    return tuple(
        attrs.evolve(f, causes=tuple(speaks_to[f.id]), red_flags=tuple(flagged_by[f.id]))
        for f in knowledge.factors
    )


def _comparison(condition: Condition) -> tuple[Callable[[Any, Any], Any], float, frozenset[str]]:
    """Return (comparison, bound, one_of) for a condition on a number or a medication list.

    On the medication list, *one_of* names drug classes, matched by the engine itself;
    a comparison there counts the names.
    """
    if condition.at_least is not None:
        return operator.ge, condition.at_least, frozenset()
    if condition.above is not None:
        return operator.gt, condition.above, frozenset()
    if condition.below is not None:
        return operator.lt, condition.below, frozenset()
    return operator.contains, 0.0, frozenset(condition.one_of)


def _holds(condition: Condition, value: AnswerValue) -> bool:
    """Return whether *condition*, on a yes/no or a choice, holds for *value*."""
    return value in condition.one_of if condition.one_of else value is True


def test_of(condition: Condition, factors: Mapping[str, RiskFactor]) -> Test:
    """Return *condition* compiled for :func:`legcramps._state.truth`.

    A condition on a choice has no bound, so its *one_of* comes out of
    :func:`_comparison` as the choices it names.
    """
    compare, bound, one_of = _comparison(condition)
    return (condition.factor, factors[condition.factor].kind, compare, bound, one_of)


def _alternatives(
    red_flags: tuple[RedFlag, ...],
) -> tuple[
    list[tuple[int, Condition]], tuple[int, ...], tuple[int, ...], tuple[tuple[int, ...], ...]
]:
    """Return the red flags' alternatives, numbered.

    That is (alternative, condition) for every condition, per alternative its flag and
    size, and per flag its alternatives.
    """
    conditions: list[tuple[int, Condition]] = []
    flag_of: list[int] = []
    size: list[int] = []
    per_flag: list[tuple[int, ...]] = []
    for j, flag in enumerate(red_flags):
        mine = []
        for alternative in flag.when:
            a = len(flag_of)
            parts = alternative.conditions if isinstance(alternative, AllOf) else (alternative,)
            conditions += [(a, c) for c in parts]
            flag_of.append(j)
            size.append(len(parts))
            mine.append(a)
        per_flag.append(tuple(mine))
    return conditions, tuple(flag_of), tuple(size), tuple(per_flag)


def _entry(
    factor: RiskFactor,
    cause_index: Mapping[str, int],
    signs: list[tuple[int, Sign]],
    conditions: list[tuple[int, Condition]],
    medications: tuple[Medication, ...],
) -> Entry:
    """Return what the answers to *factor* do: its *signs* and its red flags' *conditions*."""

    def outcome(value: AnswerValue) -> Outcome:
        # For a yes, a no or a choice the evidence is fixed: build it once, here.
        effects = tuple(
            (i, s.weight, Evidence(factor, value, s.reason, s.weight), s.advice, min_rank(s))
            for i, s in signs
            if _holds(s.when, value)
        )
        raised = tuple(a for a, cond in conditions if _holds(cond, value))
        killed = sum({1 << a for a, cond in conditions if not _holds(cond, value)})
        return (effects, raised, killed) if effects or raised or killed else NOTHING

    kind = factor.kind
    yes = no = NOTHING
    if kind is FactorKind.YES_NO:
        yes, no = outcome(True), outcome(False)  # noqa: FBT003 - a yes and a no
    by_choice = {c: outcome(c) for c in factor.choices} if kind is FactorKind.CHOICE else {}
    rules: list[Rule] = []
    tests: list[FlagTest] = []
    if kind is FactorKind.NUMBER or kind is FactorKind.MEDICATIONS:
        for i, s in signs:
            compare, bound, one_of = _comparison(s.when)
            # The evidence for one matching medication is fixed: build it once, here.
            by_medication = {
                m.generic: Evidence(factor, (m.generic,), s.reason, s.weight)
                for m in medications
                if any(c.value in one_of for c in m.classes)
            }
            rules.append(
                (
                    compare,
                    bound,
                    one_of,
                    i,
                    s.weight,
                    s.reason,
                    s.advice,
                    min_rank(s),
                    by_medication,
                )
            )
        tests = [(*_comparison(cond), a) for a, cond in conditions]
    mask = sum(1 << cause_index[c] for c in factor.causes)
    alternatives = tuple(dict.fromkeys(a for a, _ in conditions))
    return (
        factor.id,
        kind,
        mask,
        yes,
        no,
        by_choice,
        tuple(rules),
        tuple(tests),
        alternatives,
        factor,
    )


# --- the order of the questions ----------------------------------------------------------


# --- compiling ---------------------------------------------------------------------------


def compile_tables(knowledge: KnowledgeFields) -> Tables:
    """Return the lookup tables of *knowledge*, whose factors are filled in.

    The knowledge has passed its checks: every condition names a factor and fits its kind.
    """
    factors, causes, red_flags = knowledge.factors, knowledge.causes, knowledge.red_flags
    by_id = {f.id: f for f in factors}
    cause_index = {c.id: i for i, c in enumerate(causes)}
    # Per factor, the signs and red-flag conditions on it, in the knowledge's order.
    signs: dict[str, list[tuple[int, Sign]]] = {f.id: [] for f in factors}
    for i, cause in enumerate(causes):
        for sign in cause.signs:
            signs[sign.when.factor].append((i, sign))
    conditions, flag_of, size, per_flag = _alternatives(red_flags)
    on_factor: dict[str, list[tuple[int, Condition]]] = {f.id: [] for f in factors}
    for a, cond in conditions:
        on_factor[cond.factor].append((a, cond))
    plan = tuple(
        _entry(f, cause_index, signs[f.id], on_factor[f.id], knowledge.medications) for f in factors
    )
    checks = {
        f.id: (
            f.kind,
            -_INF if f.minimum is None else f.minimum,
            _INF if f.maximum is None else f.maximum,
            frozenset(f.choices),
            f,
        )
        for f in factors
    }
    cause_factors = tuple(tuple((f.id, f) for f in factors if c.id in f.causes) for c in causes)
    questions = question_order(factors, causes, red_flags)
    flag_rank = tuple(r.urgency.rank for r in red_flags)
    flag_order = tuple(sorted(range(len(flag_rank)), key=lambda j: (-flag_rank[j], j)))
    flag_masks = tuple(sum(1 << a for a in alternatives) for alternatives in per_flag)
    open_masks = tuple(
        (rank, sum(m for m, r in zip(flag_masks, flag_rank, strict=True) if r == rank))
        for rank in sorted(set(flag_rank), reverse=True)
    )
    escalators: dict[str, int] = {}
    for cause in causes:
        for sign in cause.signs:
            if sign.min_urgency is not None:
                fid = sign.when.factor
                escalators[fid] = max(escalators.get(fid, 0), sign.min_urgency.rank)
    return Tables(
        factors=by_id,
        checks=checks,
        plan=plan,
        alternative_flag=flag_of,
        alternative_size=size,
        flag_alternatives=per_flag,
        flag_order=flag_order,
        flag_rank=flag_rank,
        flags_by_urgency=tuple((j, flag_rank[j], per_flag[j]) for j in flag_order),
        flag_masks=flag_masks,
        open_masks=open_masks,
        medication_inputs=tuple(f.id for f in factors if f.kind is FactorKind.MEDICATIONS),
        risk_notes=tuple(
            tuple((test_of(note.when, by_id), note.text) for note in flag.risk_factors)
            for flag in red_flags
        ),
        applicability=tuple(
            (
                f.id,
                sum(1 << cause_index[c] for c in f.causes),
                sum({1 << a for a, _ in on_factor[f.id]}),
                tuple(test_of(c, by_id) for c in f.applies_when),
            )
            for f in factors
            if f.applies_when
        ),
        screens=tuple((f.id, f.members) for f in factors if f.members),
        escalators=tuple(escalators.items()),
        cause_factors=cause_factors,
        unknown_findings=tuple(
            Finding(c, Level.UNKNOWN, 0, (), tuple(f for _, f in cause_factors[i]))
            for i, c in enumerate(causes)
        ),
        quiet_findings=tuple(Finding(c, Level.UNLIKELY, 0, (), ()) for c in causes),
        question_order=tuple((f.id, f) for f in questions),
        first_questions=questions,
        medications=medication_table(knowledge.medications),
        class_values={
            m.generic: frozenset(c.value for c in m.classes) for m in knowledge.medications
        },
        advice_rules=tuple(
            (tuple(test_of(c, by_id) for c in rule.when), frozenset(rule.replaces), rule.advice)
            for rule in knowledge.advice_rules
        ),
    )
