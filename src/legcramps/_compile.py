"""Compile a knowledge base into the lookup tables the validator and the evaluator read.

Compiling is done once, when a :class:`~legcramps.Knowledge` is built; every
per-call step then reads plain tuples and dicts. The medication lookup (names to
:class:`~legcramps.Medication`) lives here too: it is one of the tables.
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, NoReturn

import attrs

from legcramps._model import (
    AnswerValue,
    Cause,
    Condition,
    FactorKind,
    Level,
    Medication,
    RedFlag,
    RiskFactor,
    Sign,
)

if TYPE_CHECKING:
    from legcramps._model import KnowledgeFields
from legcramps._result import Evidence, Finding

_INF = float("inf")  # not math.inf: the math module is an extension, loaded at import

# What the engine does with the answers, compiled from the knowledge (plain tuples, so
# that the per-call loops unpack them instead of looking up attributes):
#: raising a sign: (cause index, weight, evidence, advice, minimum urgency rank)
Effect = tuple[int, int, Evidence, str, int]
#: what one answer raises: (sign effects, red flag indexes)
Outcome = tuple[tuple[Effect, ...], tuple[int, ...]]
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
#: a red flag tested per call: (comparison, bound, one_of, flag index)
FlagTest = tuple[Callable[[Any, Any], Any], float, frozenset[str], int]
#: per factor, in the knowledge's order: (id, kind, its causes as a bit mask, outcome of
#: a yes, outcome by choice, rules, flag tests, the factor)
Entry = tuple[
    str,
    FactorKind,
    int,
    Outcome,
    dict[str, Outcome],
    tuple[Rule, ...],
    tuple[FlagTest, ...],
    RiskFactor,
]
#: how to check an answer: (kind, lowest, highest, choices, the factor)
Check = tuple[FactorKind, float, float, frozenset[str], RiskFactor]

NOTHING: Outcome = ((), ())


class Tables:
    """A knowledge base as lookup tables; built once, never changed.

    Internal to the engine, compared by identity: two equal knowledge bases compile
    to equal tables, so comparing the knowledge is enough. A plain slotted class,
    not an attrs one: it is no value of the public face, and an attrs class costs
    import time.
    """

    __slots__ = (
        "cause_factors",
        "checks",
        "factors",
        "flag_order",
        "flag_rank",
        "medications",
        "plan",
        "question_order",
        "questions",
        "quiet_findings",
        "red_flag_questions",
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
    #: what each answer raises, in the knowledge's factor order
    plan: tuple[Entry, ...]
    #: per cause: its (factor id, factor) pairs
    cause_factors: tuple[tuple[tuple[str, RiskFactor], ...], ...]
    #: per cause: its finding if none of its inputs is answered
    unknown_findings: tuple[Finding, ...]
    #: per cause: its finding if all its inputs are answered and none raised a sign
    quiet_findings: tuple[Finding, ...]
    #: the red-flag questions, each with the rank of the most urgent flag it can raise
    red_flag_questions: tuple[tuple[str, int], ...]
    #: every factor in the order to ask them, as (id, factor), and as factors
    question_order: tuple[tuple[str, RiskFactor], ...]
    questions: tuple[RiskFactor, ...]
    #: the red flag indexes, most urgent first; and each flag's urgency rank
    flag_order: tuple[int, ...]
    flag_rank: tuple[int, ...]
    #: every name a medication goes by, normalised, to the medication
    medications: Mapping[str, Medication]


def normalize_medication_name(name: str) -> str:
    """Return the lookup key of a medication name: case-folded, single-spaced.

    >>> normalize_medication_name("  Lasix   40 MG ")
    'lasix 40 mg'
    """
    return " ".join(name.casefold().split())


def without_strength(key: str) -> str:
    """Return the lookup key *key* without a trailing strength: from its first digit on.

    Written out rather than as a regular expression, which costs more to compile at
    import than this costs per call.

    >>> without_strength("lasix 40 mg"), without_strength("zocor-20mg"), without_strength("x")
    ('lasix', 'zocor', 'x')
    """
    for n, char in enumerate(key):
        if char.isdecimal():  # any decimal digit, in any script
            return key[:n].rstrip(" -")
    return key


def lookup_medication(table: Mapping[str, Medication], name: str) -> Medication | None:
    """Return the medication *name* refers to in *table*, or ``None``."""
    found = table.get(name)  # the name may be a key already (the keys are normalised)
    if found is not None:
        return found
    key = normalize_medication_name(name)
    found = table.get(key)
    if found is None:
        stripped = without_strength(key)
        if stripped != key:
            found = table.get(stripped)
    return found


def medication_table(medications: tuple[Medication, ...]) -> dict[str, Medication]:
    """Return every name of *medications*, normalised, to its medication.

    The knowledge's checks have made sure that no name is used twice.
    """
    table: dict[str, Medication] = {}
    for med in medications:
        for name in (med.generic, *med.brands, *med.other_names):
            table.setdefault(normalize_medication_name(name), med)
    return table


def fill_factors(knowledge: KnowledgeFields) -> tuple[RiskFactor, ...]:
    """Return the knowledge's factors with ``causes`` and ``red_flags`` filled in."""
    speaks_to: dict[str, dict[str, None]] = {f.id: {} for f in knowledge.factors}
    flagged_by: dict[str, dict[str, None]] = {f.id: {} for f in knowledge.factors}
    for cause in knowledge.causes:
        for sign in cause.signs:
            speaks_to[sign.when.factor][cause.id] = None
    for flag in knowledge.red_flags:
        for cond in flag.when:
            flagged_by[cond.factor][flag.id] = None
    return tuple(
        attrs.evolve(f, causes=tuple(speaks_to[f.id]), red_flags=tuple(flagged_by[f.id]))
        for f in knowledge.factors
    )


def _compile_test(condition: Condition) -> tuple[Callable[[Any, Any], Any], float, frozenset[str]]:
    """Return (comparison, bound, one_of) for a condition tested per call.

    Only conditions on numbers and on the medication list are tested per call;
    the medication list is matched against *one_of* by the engine itself.
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


def _min_rank(sign: Sign) -> int:
    return 0 if sign.min_urgency is None else sign.min_urgency.rank


def _entry(
    factor: RiskFactor,
    cause_index: Mapping[str, int],
    signs: list[tuple[int, Sign]],
    flags: list[tuple[int, Condition]],
    medications: tuple[Medication, ...],
) -> Entry:
    """Return what the answers to *factor* raise: its *signs* and its red flags' *flags*."""

    def outcome(value: AnswerValue) -> Outcome:
        # For a yes or a choice the evidence is fixed: build it once, here.
        effects = tuple(
            (i, s.weight, Evidence(factor, value, s.reason, s.weight), s.advice, _min_rank(s))
            for i, s in signs
            if _holds(s.when, value)
        )
        raised = tuple(j for j, cond in flags if _holds(cond, value))
        return (effects, raised) if effects or raised else NOTHING

    kind = factor.kind
    yes = outcome(True) if kind is FactorKind.YES_NO else NOTHING  # noqa: FBT003 - a yes
    by_choice = {c: outcome(c) for c in factor.choices} if kind is FactorKind.CHOICE else {}
    rules: list[Rule] = []
    tests: list[FlagTest] = []
    if kind is FactorKind.NUMBER or kind is FactorKind.MEDICATIONS:
        for i, s in signs:
            compare, bound, one_of = _compile_test(s.when)
            # The evidence for one matching medication is fixed: build it once, here.
            by_medication = {
                m.generic: Evidence(factor, (m.generic,), s.reason, s.weight)
                for m in medications
                if m.drug_class.value in one_of
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
                    _min_rank(s),
                    by_medication,
                )
            )
        for j, cond in flags:
            compare, bound, one_of = _compile_test(cond)
            tests.append((compare, bound, one_of, j))
    mask = sum(1 << cause_index[c] for c in factor.causes)
    return (factor.id, kind, mask, yes, by_choice, tuple(rules), tuple(tests), factor)


def _questions(
    factors: tuple[RiskFactor, ...], causes: tuple[Cause, ...], red_flags: tuple[RedFlag, ...]
) -> tuple[RiskFactor, ...]:
    """Return every factor in the order to ask them.

    Red-flag questions first, the most urgent first; then the inputs whose signs raise
    the urgency (a new medication); then those that can add the most to the scores;
    ties in the order the factors are defined.
    """
    flag_urgency = flag_urgency_by_factor(factors, red_flags)
    escalates: dict[str, int] = dict.fromkeys(flag_urgency, 0)
    potential: dict[str, int] = dict.fromkeys(flag_urgency, 0)
    for cause in causes:
        for sign in cause.signs:
            escalates[sign.when.factor] = max(escalates[sign.when.factor], _min_rank(sign))
            potential[sign.when.factor] += sign.weight
    position = {f.id: n for n, f in enumerate(factors)}
    return tuple(
        sorted(
            factors,
            key=lambda f: (
                -flag_urgency[f.id],
                -escalates[f.id],
                -potential[f.id],
                position[f.id],
            ),
        )
    )


def flag_urgency_by_factor(
    factors: tuple[RiskFactor, ...], red_flags: tuple[RedFlag, ...]
) -> dict[str, int]:
    """Return, per factor id, the rank of the most urgent red flag it can raise (0: none)."""
    urgency = {f.id: 0 for f in factors}
    for flag in red_flags:
        for cond in flag.when:
            urgency[cond.factor] = max(urgency[cond.factor], flag.urgency.rank)
    return urgency


def compile_tables(knowledge: KnowledgeFields) -> Tables:
    """Return the lookup tables of *knowledge*, whose factors are filled in.

    The knowledge has passed its checks: every condition names a factor and fits its kind.
    """
    factors, causes, red_flags = knowledge.factors, knowledge.causes, knowledge.red_flags
    cause_index = {c.id: i for i, c in enumerate(causes)}
    # Per factor, the signs and red flags it can raise, in the knowledge's order.
    signs: dict[str, list[tuple[int, Sign]]] = {f.id: [] for f in factors}
    flags: dict[str, list[tuple[int, Condition]]] = {f.id: [] for f in factors}
    for i, cause in enumerate(causes):
        for sign in cause.signs:
            signs[sign.when.factor].append((i, sign))
    for j, flag in enumerate(red_flags):
        for cond in flag.when:
            flags[cond.factor].append((j, cond))
    plan = tuple(
        _entry(f, cause_index, signs[f.id], flags[f.id], knowledge.medications) for f in factors
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
    questions = _questions(factors, causes, red_flags)
    flag_urgency = flag_urgency_by_factor(factors, red_flags)
    flag_rank = tuple(r.urgency.rank for r in red_flags)
    return Tables(
        factors={f.id: f for f in factors},
        checks=checks,
        plan=plan,
        cause_factors=cause_factors,
        unknown_findings=tuple(
            Finding(c, Level.UNKNOWN, 0, (), tuple(f for _, f in cause_factors[i]))
            for i, c in enumerate(causes)
        ),
        quiet_findings=tuple(Finding(c, Level.UNLIKELY, 0, (), ()) for c in causes),
        red_flag_questions=tuple((f.id, flag_urgency[f.id]) for f in factors if f.red_flags),
        question_order=tuple((f.id, f) for f in questions),
        questions=questions,
        flag_order=tuple(sorted(range(len(flag_rank)), key=lambda j: (-flag_rank[j], j))),
        flag_rank=flag_rank,
        medications=medication_table(knowledge.medications),
    )
