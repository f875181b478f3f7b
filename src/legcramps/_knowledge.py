"""The knowledge base and the assessment engine that is generic over it.

A :class:`Knowledge` checks its data once, when it is built, and compiles it
into lookup tables; :meth:`Knowledge.assess` then does only per-answer work.
"""

from __future__ import annotations

import contextlib
import operator
from collections.abc import Callable, Iterable, Mapping
from collections.abc import Set as AbstractSet
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from legcramps import _data
from legcramps._answers import FrozenAnswers
from legcramps._assessment import Assessment
from legcramps._model import (
    AnswerValue,
    Cause,
    Condition,
    DrugClass,
    Evidence,
    FactorKind,
    Finding,
    Level,
    Medication,
    RedFlag,
    RiskFactor,
    Sign,
    Urgency,
    ValueBase,
)
from legcramps.exceptions import (
    InvalidInput,
    InvalidKnowledge,
    Problem,
    describe,
    unknown_id,
)

_YES_NO = FactorKind.YES_NO
_NUMBER = FactorKind.NUMBER
_CHOICE = FactorKind.CHOICE
_MEDICATIONS = FactorKind.MEDICATIONS

_LIKELY = Level.LIKELY
_POSSIBLE = Level.POSSIBLE
_UNLIKELY = Level.UNLIKELY
_UNKNOWN = Level.UNKNOWN

_BY_RANK = MappingProxyType({u.rank: u for u in Urgency})


_INF = float("inf")  # not math.inf: the math module is an extension, loaded at import


def _isfinite(value: float) -> bool:
    """Return whether *value* is finite: ``inf - inf`` and ``nan - nan`` are NaN.

    >>> [_isfinite(v) for v in (1.5, -0.0, 1e308, float("inf"), float("-inf"), float("nan"))]
    [True, True, True, False, False, False]
    """
    return value - value == 0.0


def normalize_medication_name(name: str) -> str:
    """Return the lookup key of a medication name: case-folded, single-spaced."""
    return " ".join(name.casefold().split())


def _without_strength(key: str) -> str:
    """Return the lookup key *key* without a trailing strength: from its first digit on.

    Written out rather than as a regular expression, which costs more to compile at
    import than this costs per call.

    >>> _without_strength("lasix 40 mg"), _without_strength("zocor-20mg"), _without_strength("x")
    ('lasix', 'zocor', 'x')
    """
    for n, char in enumerate(key):
        if char.isdecimal():  # any decimal digit, in any script
            return key[:n].rstrip(" -")
    return key


if TYPE_CHECKING:
    # What the engine does with the answers, compiled from the knowledge (plain tuples, so
    # that the per-call loops unpack them instead of looking up attributes):
    #: raising a sign: (cause index, weight, evidence, advice, minimum urgency rank)
    _Effect = tuple[int, int, Evidence, str, int]
    #: what one answer raises: (sign effects, red flag indexes)
    _Outcome = tuple[tuple[_Effect, ...], tuple[int, ...]]
    #: a sign tested per call: (comparison, bound, one_of, cause index, weight, reason,
    #: advice, minimum urgency rank, evidence by the one medication that matches)
    _Rule = tuple[
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
    _FlagTest = tuple[Callable[[Any, Any], Any], float, frozenset[str], int]
    #: per factor, in the knowledge's order: (id, kind, its causes as a bit mask, outcome of
    #: a yes, outcome by choice, rules, flag tests, the factor, lowest and highest number)
    _Entry = tuple[
        str,
        FactorKind,
        int,
        _Outcome,
        dict[str, _Outcome],
        tuple[_Rule, ...],
        tuple[_FlagTest, ...],
        RiskFactor,
        float,
        float,
    ]
    #: how to check an answer: (kind, lowest, highest, choices, the factor)
    _Check = tuple[FactorKind, float, float, frozenset[str], RiskFactor]

_NOTHING: _Outcome = ((), ())


class _Compiled:
    """The knowledge as lookup tables; never changed once built.

    A plain class, not a ``NamedTuple``, which takes longer to create at import. The
    tables are plain dicts, not read-only proxies: dicts are a little faster, and nothing
    outside this module sees them.
    """

    __slots__ = (
        "cause_factors",
        "checks",
        "factors",
        "flag_order",
        "flag_rank",
        "hash",
        "list_inputs",
        "medications",
        "plan",
        "question_order",
        "questions",
        "quiet_findings",
        "red_flag_questions",
        "unknown_findings",
    )

    def __init__(  # noqa: PLR0913 - one keyword per table, all required
        self,
        *,
        factors: Mapping[str, RiskFactor],
        checks: dict[str, _Check],
        plan: tuple[_Entry, ...],
        cause_factors: tuple[tuple[tuple[str, RiskFactor], ...], ...],
        unknown_findings: tuple[Finding, ...],
        quiet_findings: tuple[Finding, ...],
        red_flag_questions: tuple[tuple[str, int], ...],
        question_order: tuple[tuple[str, RiskFactor], ...],
        questions: tuple[RiskFactor, ...],
        flag_order: tuple[int, ...],
        flag_rank: tuple[int, ...],
        medications: dict[str, Medication],
        list_inputs: tuple[str, ...],
    ) -> None:
        self.factors = factors
        self.checks = checks
        self.plan = plan
        #: per cause: its (factor id, factor) pairs, and its finding if none is answered
        self.cause_factors = cause_factors
        self.unknown_findings = unknown_findings
        #: per cause: its finding if all its inputs are answered and none raised a sign
        self.quiet_findings = quiet_findings
        #: the red-flag questions, each with the rank of the most urgent flag it can raise
        self.red_flag_questions = red_flag_questions
        self.question_order = question_order
        self.questions = questions
        self.flag_order = flag_order
        self.flag_rank = flag_rank
        self.medications = medications
        #: the inputs whose answers are tuples (medication lists), for Assessment.to_dict
        self.list_inputs = list_inputs
        #: the knowledge's hash, set as it is built (None if a field cannot be hashed)
        self.hash: int | None = None


class _Recheck(Exception):
    """An answer needs the full check, which reports every problem in the order given."""


_MISSING = object()


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


def _check_condition(condition: Condition, factors: Mapping[str, RiskFactor], where: str) -> str:
    """Return what is wrong with *condition* ('' if nothing)."""
    factor = factors.get(condition.factor)
    if factor is None:
        return f"{where}: unknown factor {condition.factor!r}"
    bounds = [b for b in (condition.at_least, condition.above, condition.below) if b is not None]
    comparisons = len(bounds) + bool(condition.one_of)
    kind = factor.kind
    if kind is _YES_NO:
        ok = comparisons == 0
        expected = "no comparison (raised by yes)"
    elif kind is _NUMBER:
        ok = len(bounds) == 1 and not condition.one_of
        expected = "exactly one of at_least, above, below"
    elif kind is _CHOICE:
        ok = not bounds and bool(condition.one_of) and set(condition.one_of) <= set(factor.choices)
        expected = f"one_of with choices from {factor.choices}"
    else:
        classes = {c.value for c in DrugClass}
        ok = not bounds and bool(condition.one_of) and set(condition.one_of) <= classes
        expected = "one_of with DrugClass values"
    if ok:
        return ""
    return f"{where}: condition {condition} on {kind.value} factor {factor.id!r} needs {expected}"


def _medication_table(
    medications: tuple[Medication, ...], problems: list[str]
) -> dict[str, Medication]:
    table: dict[str, Medication] = {}
    for med in medications:
        for name in (med.generic, *med.brands, *med.other_names):
            key = normalize_medication_name(name)
            other = table.setdefault(key, med)
            if other is not med:
                problems.append(
                    f"medication name {name!r} names both {other.generic} and {med.generic}"
                )
    return table


@attrs.frozen(repr=False, eq=False)
class Knowledge(ValueBase):
    """A knowledge base: the factors, causes, red flags and medications to assess against.

    :data:`legcramps.KNOWLEDGE` is the built-in one. Build your own from it
    with :func:`attrs.evolve` to change a threshold or add a cause; the
    engine is generic, so nothing else needs to change. The knowledge is
    checked when it is built (:class:`~legcramps.InvalidKnowledge` lists every
    inconsistency) and compiled into lookup tables once. Each factor's
    ``causes`` and ``red_flags`` are filled in from the signs and red flags.

    Change a threshold: sitting counts from 3 hours instead of 4.

    >>> import attrs, legcramps
    >>> from legcramps import Condition
    >>> k = legcramps.KNOWLEDGE
    >>> posture = k.cause("posture")
    >>> signs = tuple(
    ...     attrs.evolve(s, when=Condition("sitting_hours", at_least=3),
    ...                  reason="Sitting for 3 hours or more at a stretch.")
    ...     if s.when == Condition("sitting_hours", at_least=4) else s
    ...     for s in posture.signs
    ... )
    >>> mine = k.replace_cause(attrs.evolve(posture, signs=signs), version="my-clinic-1")
    >>> legcramps.assess(sitting_hours=3.5).finding("posture").level
    <Level.POSSIBLE: 'possible'>
    >>> mine.assess(sitting_hours=3.5).finding("posture").level
    <Level.LIKELY: 'likely'>

    Add a sixth cause with a new input:

    >>> from legcramps import Cause, FactorKind, RiskFactor, Sign, Source
    >>> note = Source("clinic-notes", "Our clinic's notes", "Internal, 2026.")
    >>> cold = Cause(
    ...     id="cold", name="Cold exposure", summary="Cramps after swimming in cold water.",
    ...     mechanism="Cold muscles contract less smoothly.", advice=("Warm up first.",),
    ...     evidence_note="Anecdotal.", sources=(note,),
    ...     signs=(Sign(Condition("cold_water"), 3, "Swimming in cold water.", note),),
    ... )
    >>> mine = attrs.evolve(
    ...     k, version="my-clinic-2",
    ...     factors=k.factors + (RiskFactor("cold_water", "Did you swim in cold water?",
    ...                                     FactorKind.YES_NO),),
    ...     causes=k.causes + (cold,),
    ... )
    >>> a = mine.assess(cold_water=True)
    >>> a.findings[0].cause.id, a.findings[0].level.value, a.knowledge_version
    ('cold', 'likely', 'my-clinic-2')
    """

    version: str
    factors: tuple[RiskFactor, ...]
    causes: tuple[Cause, ...]
    red_flags: tuple[RedFlag, ...]
    medications: tuple[Medication, ...]
    #: A cause whose score reaches ``likely_at`` is likely; ``possible_at``, possible.
    likely_at: int = _data.LIKELY_AT
    possible_at: int = _data.POSSIBLE_AT
    disclaimer: str = _data.DISCLAIMER
    no_obvious_cause_advice: str = _data.NO_OBVIOUS_CAUSE_ADVICE
    unanswered_red_flags_advice: str = _data.UNANSWERED_RED_FLAGS_ADVICE
    self_care_advice: str = _data.SELF_CARE_ADVICE
    undetermined_advice: str = _data.UNDETERMINED_ADVICE
    unrecognized_medications_advice: str = _data.UNRECOGNIZED_MEDICATIONS_ADVICE
    _compiled: _Compiled = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        problems = self._type_problems()
        if problems:
            raise InvalidKnowledge(
                "the knowledge does not hold together:\n- " + "\n- ".join(problems)
            )
        factors: dict[str, RiskFactor] = {}
        for f in self.factors:
            if not f.id.isidentifier():
                problems.append(f"factor id {f.id!r} is not a valid keyword name")
            if f.id in factors:
                problems.append(f"factor {f.id!r} is defined twice")
            factors[f.id] = f
        for kind, ids in (
            ("cause", [c.id for c in self.causes]),
            ("red flag", [r.id for r in self.red_flags]),
        ):
            problems.extend(
                f"{kind} {i!r} is defined twice"
                for i in sorted({i for i in ids if ids.count(i) > 1})
            )
        if not 0 < self.possible_at <= self.likely_at:
            problems.append(
                f"need 0 < possible_at <= likely_at, got {self.possible_at} and {self.likely_at}"
            )
        for cause in self.causes:
            for n, sign in enumerate(cause.signs):
                problems.append(
                    _check_condition(sign.when, factors, f"cause {cause.id!r} sign {n}")
                )
        for flag in self.red_flags:
            if not flag.when:
                problems.append(f"red flag {flag.id!r} has no condition")
            problems.extend(
                _check_condition(cond, factors, f"red flag {flag.id!r}") for cond in flag.when
            )
        if not self.red_flags:
            problems.append("there must be at least one red flag: they override every score")
        medications = _medication_table(self.medications, problems)
        problems = [p for p in problems if p]
        if problems:
            raise InvalidKnowledge(
                "the knowledge does not hold together:\n- " + "\n- ".join(problems)
            )

        speaks_to: dict[str, list[str]] = {f: [] for f in factors}
        flagged_by: dict[str, list[str]] = {f: [] for f in factors}
        for cause in self.causes:
            for sign in cause.signs:
                if cause.id not in speaks_to[sign.when.factor]:
                    speaks_to[sign.when.factor].append(cause.id)
        for flag in self.red_flags:
            for cond in flag.when:
                if flag.id not in flagged_by[cond.factor]:
                    flagged_by[cond.factor].append(flag.id)
        filled = tuple(
            attrs.evolve(f, causes=tuple(speaks_to[f.id]), red_flags=tuple(flagged_by[f.id]))
            for f in self.factors
        )
        object.__setattr__(self, "factors", filled)
        compiled = self._compile(filled, medications)
        object.__setattr__(self, "_compiled", compiled)
        # A knowledge base is large (hashing it walks every cause, sign and medication)
        # and a natural cache key, so its hash is computed once, here. A field that
        # cannot be hashed (a list where a tuple belongs) leaves it to __hash__ to fail.
        with contextlib.suppress(TypeError):
            compiled.hash = super().__hash__()

    def _type_problems(self) -> list[str]:
        """Return what is of the wrong type in the fields, so the rest can be checked."""
        problems = [
            f"{name} must be a tuple of {kind.__name__}, got {describe(value)}"
            for name, value, kind in (
                ("factors", self.factors, RiskFactor),
                ("causes", self.causes, Cause),
                ("red_flags", self.red_flags, RedFlag),
                ("medications", self.medications, Medication),
            )
            if type(value) is not tuple or not all(type(v) is kind for v in value)
        ]
        problems.extend(
            f"{name} must be a non-empty string, got {describe(value)}"
            for name, value in (
                ("version", self.version),
                ("disclaimer", self.disclaimer),
                ("no_obvious_cause_advice", self.no_obvious_cause_advice),
                ("unanswered_red_flags_advice", self.unanswered_red_flags_advice),
                ("self_care_advice", self.self_care_advice),
                ("undetermined_advice", self.undetermined_advice),
                ("unrecognized_medications_advice", self.unrecognized_medications_advice),
            )
            if type(value) is not str or not value.strip()
        )
        problems.extend(
            f"{name} must be a whole number, got {describe(value)}"
            for name, value in (("likely_at", self.likely_at), ("possible_at", self.possible_at))
            if type(value) is not int
        )
        return problems

    def _compile(
        self, factors: tuple[RiskFactor, ...], medications: dict[str, Medication]
    ) -> _Compiled:
        by_id = {f.id: f for f in factors}
        cause_index = {c.id: i for i, c in enumerate(self.causes)}
        # Per factor, the signs and red flags it can raise, in the knowledge's order.
        signs: dict[str, list[tuple[int, Sign]]] = {f.id: [] for f in factors}
        flags: dict[str, list[tuple[int, Condition]]] = {f.id: [] for f in factors}
        potential: dict[str, int] = dict.fromkeys(by_id, 0)
        escalates: dict[str, int] = dict.fromkeys(by_id, 0)
        for i, cause in enumerate(self.causes):
            for sign in cause.signs:
                signs[sign.when.factor].append((i, sign))
                potential[sign.when.factor] += sign.weight
                escalates[sign.when.factor] = max(escalates[sign.when.factor], _min_rank(sign))
        flag_urgency: dict[str, int] = dict.fromkeys(by_id, 0)
        for j, flag in enumerate(self.red_flags):
            for cond in flag.when:
                flags[cond.factor].append((j, cond))
                flag_urgency[cond.factor] = max(flag_urgency[cond.factor], flag.urgency.rank)

        def outcome(factor: RiskFactor, value: AnswerValue) -> _Outcome:
            # For a yes or a choice the evidence is fixed: build it once, here.
            effects = tuple(
                (i, s.weight, Evidence(factor, value, s.reason, s.weight), s.advice, _min_rank(s))
                for i, s in signs[factor.id]
                if _holds(s.when, value)
            )
            raised = tuple(j for j, cond in flags[factor.id] if _holds(cond, value))
            return (effects, raised) if effects or raised else _NOTHING

        plan: list[_Entry] = []
        for f in factors:  # all of them: one that speaks to nothing is still kept
            kind = f.kind
            yes = outcome(f, True) if kind is _YES_NO else _NOTHING  # noqa: FBT003
            by_choice = {c: outcome(f, c) for c in f.choices} if kind is _CHOICE else {}
            per_call = kind is _NUMBER or kind is _MEDICATIONS
            rules: list[_Rule] = []
            tests: list[_FlagTest] = []
            if per_call:
                for i, s in signs[f.id]:
                    compare, bound, one_of = _compile_test(s.when)
                    # The evidence for one matching medication is fixed: build it once, here.
                    by_medication = (
                        {
                            m.generic: Evidence(f, (m.generic,), s.reason, s.weight)
                            for m in self.medications
                            if m.drug_class.value in one_of
                        }
                        if kind is _MEDICATIONS
                        else {}
                    )
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
                for j, cond in flags[f.id]:
                    compare, bound, one_of = _compile_test(cond)
                    tests.append((compare, bound, one_of, j))
            mask = sum(1 << cause_index[c] for c in f.causes)
            low = -_INF if f.minimum is None else f.minimum
            high = _INF if f.maximum is None else f.maximum
            plan.append(
                (f.id, kind, mask, yes, by_choice, tuple(rules), tuple(tests), f, low, high)
            )

        inf = _INF
        checks = {
            f.id: (
                f.kind,
                -inf if f.minimum is None else f.minimum,
                inf if f.maximum is None else f.maximum,
                frozenset(f.choices),
                f,
            )
            for f in factors
        }
        cause_factors = tuple(
            tuple((f.id, f) for f in factors if c.id in f.causes) for c in self.causes
        )
        position = {f.id: n for n, f in enumerate(factors)}
        # Red-flag questions first, the most urgent first; then the inputs whose signs
        # raise the urgency (a new medication); then those that can add the most to the
        # scores; ties in the order the factors are defined.
        questions = tuple(
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
        flag_rank = tuple(r.urgency.rank for r in self.red_flags)
        return _Compiled(
            factors=by_id,
            checks=checks,
            plan=tuple(plan),
            cause_factors=cause_factors,
            unknown_findings=tuple(
                Finding(c, _UNKNOWN, 0, (), tuple(f for _, f in cause_factors[i]))
                for i, c in enumerate(self.causes)
            ),
            quiet_findings=tuple(Finding(c, _UNLIKELY, 0, (), ()) for c in self.causes),
            red_flag_questions=tuple((f.id, flag_urgency[f.id]) for f in factors if f.red_flags),
            question_order=tuple((f.id, f) for f in questions),
            questions=questions,
            flag_order=tuple(sorted(range(len(flag_rank)), key=lambda j: (-flag_rank[j], j))),
            flag_rank=flag_rank,
            medications=medications,
            list_inputs=tuple(f.id for f in factors if f.kind is _MEDICATIONS),
        )

    def __hash__(self) -> int:
        known = self._compiled.hash  # computed when the knowledge was built
        return super().__hash__() if known is None else known

    def __reduce__(self) -> tuple[Any, ...]:
        # The built-in knowledge pickles as a reference to itself; another is rebuilt
        # (and compiled again) from its fields.
        if self is KNOWLEDGE:
            return (_builtin_knowledge, ())
        fields = {a.alias: getattr(self, a.name) for a in attrs.fields(Knowledge) if a.init}
        return (_rebuild_knowledge, (fields,))

    # --- lookups ---------------------------------------------------------------------

    def factor(self, factor_id: str) -> RiskFactor:
        """Return the risk factor *factor_id*.

        :raises ~legcramps.UnknownId: (an :class:`~legcramps.InvalidInput` and a
            :class:`KeyError`)
            if there is none.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.factor("sitting_hours").unit
        'hours'
        """
        found = self._compiled.factors.get(factor_id) if isinstance(factor_id, str) else None
        if found is None:
            raise unknown_id(
                input_name="factor_id", received=factor_id, ids=tuple(f.id for f in self.factors)
            )
        return found

    def cause(self, cause_id: str) -> Cause:
        """Return the cause *cause_id*.

        :raises ~legcramps.UnknownId: (an :class:`~legcramps.InvalidInput` and a
            :class:`KeyError`)
            if there is none.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.cause("dehydration").name
        'Dehydration'
        """
        return _by_id(self.causes, "cause_id", cause_id)

    def red_flag(self, flag_id: str) -> RedFlag:
        """Return the red flag *flag_id*.

        :raises ~legcramps.UnknownId: (an :class:`~legcramps.InvalidInput` and a
            :class:`KeyError`)
            if there is none.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.red_flag("long_cramp").urgency.value
        'urgent'
        """
        return _by_id(self.red_flags, "flag_id", flag_id)

    def replace_cause(self, cause: Cause, *, version: str) -> Knowledge:
        """Return a copy with *cause* in place of the cause with its id, or added last.

        A changed knowledge needs its own *version*, so its results can be told apart.

        >>> import attrs, legcramps
        >>> k = legcramps.KNOWLEDGE
        >>> quiet = attrs.evolve(k.cause("overuse"), name="Too much exercise")
        >>> [c.name for c in k.replace_cause(quiet, version="v2").causes][:2]
        ['Too much exercise', 'Fatigue and incomplete recovery']
        """
        causes = tuple(cause if c.id == cause.id else c for c in self.causes)
        if cause not in causes:
            causes += (cause,)
        return attrs.evolve(self, causes=causes, version=version)

    def recognize_medication(self, name: str) -> Medication | None:
        """Return the medication *name* refers to, or ``None`` if it is not recognised.

        Matches generic names, brands and other spellings, ignoring case and a
        trailing strength such as ``"40 mg"``.

        :raises InvalidInput: if *name* is not a string.

        >>> import legcramps
        >>> legcramps.recognize_medication("HYDROCHLOROTHIAZIDE 25mg").atc
        'C03AA03'
        >>> legcramps.recognize_medication("aspirin") is None
        True
        """
        if not isinstance(name, str):
            raise InvalidInput((Problem("name", describe(name), "a medication name (a string)"),))
        return self._lookup_medication(name)

    def _lookup_medication(self, name: str) -> Medication | None:
        table = self._compiled.medications
        found = table.get(name)  # the name may be a key already (the keys are normalised)
        if found is not None:
            return found
        key = normalize_medication_name(name)
        found = table.get(key)
        if found is None:
            stripped = _without_strength(key)
            if stripped != key:
                found = table.get(stripped)
        return found

    # --- assessment ------------------------------------------------------------------

    def assess(self, mapping: Mapping[str, Any] | None = None, /, **answers: Any) -> Assessment:
        """Assess the answers against this knowledge; see :func:`legcramps.assess`.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.assess(sitting_hours=8).likely[0].cause.id
        'posture'
        """
        given: Mapping[str, Any]
        if mapping is None:
            given = answers
        elif not answers and type(mapping) is dict:
            try:
                given = dict(**mapping)  # checks, in C, that every key is a string
            except TypeError:
                given = self._validate_both(mapping, answers)
        else:
            given = self._validate_both(mapping, answers)
        try:
            return self._evaluate(given)
        except _Recheck:
            values = self._validate(given)  # raises InvalidInput, listing every problem
        return self._evaluate(values)

    def _validate_both(self, mapping: object, answers: dict[str, Any]) -> dict[str, AnswerValue]:
        """Check the mapping and the keywords together; return the known answers of both."""
        problems: list[Problem] = []
        given: dict[str, Any] = {}
        if not isinstance(mapping, Mapping):
            expected = "a mapping of answers by name (such as a dict), or None"
            problems.append(Problem("mapping", describe(mapping), expected))
        else:
            try:
                items = list(mapping.items())
            except Exception:  # noqa: BLE001 - a caller's mapping may fail in any way; report it
                expected = "a mapping whose items can be read"
                problems.append(Problem("mapping", describe(mapping), expected))
                items = []
            for key, raw in items:
                if isinstance(key, str):
                    given[str.__str__(key)] = raw  # a plain str: a subclass may compare oddly
                else:
                    expected = "an input name (a string)"
                    problems.append(Problem("mapping key", describe(key), expected))
        bad: set[str] = set()
        values = self._check(given, problems, bad)
        extra = self._check(answers, problems, bad)
        for name in answers.keys() & given.keys() - bad:
            # None (unknown) on one side and a value on the other differ too.
            if values.get(name) != extra.get(name):
                received = (
                    f"{describe(given[name])} in the mapping and {describe(answers[name])} "
                    "as a keyword"
                )
                problems.append(Problem(name, received, "the same value in both, or only one"))
        if problems:
            raise InvalidInput(tuple(problems))
        values.update(extra)
        return values

    def _validate(self, given: Mapping[str, Any]) -> dict[str, AnswerValue]:
        """Return the known (non-``None``) answers, normalised; raise on any problem.

        The full check, off the fast path: it reports every problem, in the order given.
        """
        problems: list[Problem] = []
        values = self._check(given, problems, set())
        if problems:
            raise InvalidInput(tuple(problems))
        return values

    def _check(
        self, given: Mapping[str, Any], problems: list[Problem], bad: set[str]
    ) -> dict[str, AnswerValue]:
        """Return the valid known answers in *given*; add the problems and the bad names."""
        checks = self._compiled.checks
        values: dict[str, AnswerValue] = {}
        for key, raw in given.items():
            name = str.__str__(key)  # a plain str: a subclass may hash or compare oddly
            check = checks.get(name)
            if check is None:
                problems.append(_unknown_name(name, raw, checks))
                bad.add(name)
                continue
            if raw is None:
                continue
            kind, low, high, choices, factor = check
            value: AnswerValue | None
            if kind is _YES_NO:
                value = raw if raw is True or raw is False else None
            elif kind is _NUMBER:
                value = _number(raw, low, high)
            elif kind is _CHOICE:
                value = raw if type(raw) is str and raw in choices else None
            else:
                value = _medication_names(name, raw, problems)
                if value is None:
                    bad.add(name)
                    continue
            if value is None:
                problems.append(Problem(name, describe(raw), factor.expected))
                bad.add(name)
            else:
                values[name] = value
        return values

    def _evaluate(self, given: Mapping[str, Any]) -> Assessment:
        """Assess *given* in one pass, checking each answer on the way.

        :raises _Recheck: if an answer is not valid or not an input of the plan,
            so that the caller can report the problems in the order given.
        """
        c = self._compiled
        yes_no, choice, number = _YES_NO, _CHOICE, _NUMBER
        get = given.get
        missing = _MISSING
        seen = 0
        count = len(c.cause_factors)
        scores = [0] * count
        evidence: list[list[Evidence]] = [[] for _ in range(count)]
        answered = 0  # a bit per cause
        raised_flags: set[int] = set()
        sign_advice: list[str] = []
        floor = 0
        known: dict[str, AnswerValue] = {}  # the inputs answered, in the plan's order
        recognized: tuple[Medication, ...] = ()
        unrecognized: tuple[str, ...] = ()
        effects: tuple[_Effect, ...]
        raised: tuple[int, ...]
        value: AnswerValue | None
        for fid, kind, mask, yes, by_choice, rules, tests, factor, low, high in c.plan:
            raw = get(fid, missing)
            if raw is missing:
                continue
            seen += 1
            if raw is None:
                continue
            if kind is yes_no:
                if raw is True:
                    effects, raised = yes
                elif raw is False:
                    known[fid] = False
                    answered |= mask
                    continue
                else:
                    raise _Recheck
                value = True
            elif kind is choice:
                if type(raw) is not str or raw not in by_choice:
                    raise _Recheck
                effects, raised = by_choice[raw]
                value = raw
            elif kind is number:
                # _isfinite(), inline: no function call on the hot path
                if type(raw) is int or (type(raw) is float and raw - raw == 0.0):
                    if not low <= raw <= high:
                        raise _Recheck
                    value = raw
                else:
                    value = _number(raw, low, high)
                    if value is None:
                        raise _Recheck
                known[fid] = value
                answered |= mask
                for compare, bound, _, i, weight, reason, note, rank, _ in rules:
                    if compare(value, bound):
                        scores[i] += weight
                        evidence[i].append(Evidence(factor, value, reason, weight))
                        if note:
                            sign_advice.append(note)
                        if rank > floor:  # noqa: PLR1730 - a max() call per sign costs more
                            floor = rank
                for compare, bound, _, j in tests:
                    if compare(value, bound):
                        raised_flags.add(j)
                continue
            else:
                # Only a plain list or tuple here: another iterable may be read only once,
                # and the full check must be able to read it.
                if type(raw) is not list and type(raw) is not tuple:
                    raise _Recheck
                value = _medication_names(fid, raw, [])
                if value is None:
                    raise _Recheck
                known[fid] = value
                recognized, unrecognized = self._recognize(value)
                # An unrecognised name may be anything: it answers a cause only through a
                # sign that a recognised medication raised, never as a "no".
                hit = 0
                classes = [(m.generic, m.drug_class._value_) for m in recognized]
                for _, _, one_of, i, weight, reason, note, rank, by_medication in rules:
                    matched: tuple[str, ...] = ()
                    for generic, k in classes:
                        if k in one_of:
                            matched += (generic,)
                    if matched:
                        hit |= 1 << i
                        scores[i] += weight
                        evidence[i].append(
                            by_medication[matched[0]]
                            if len(matched) == 1
                            else Evidence(factor, matched, reason, weight)
                        )
                        if note:
                            sign_advice.append(note)
                        if rank > floor:  # noqa: PLR1730 - a max() call per sign costs more
                            floor = rank
                for _, _, one_of, j in tests:
                    for _, k in classes:
                        if k in one_of:
                            raised_flags.add(j)
                answered |= hit if unrecognized else mask
                continue
            known[fid] = value
            answered |= mask
            for i, weight, shown, note, rank in effects:
                scores[i] += weight
                evidence[i].append(shown)
                if note:
                    sign_advice.append(note)
                if rank > floor:  # noqa: PLR1730 - a max() call per sign costs more
                    floor = rank
            raised_flags.update(raised)
        if seen != len(given):
            raise _Recheck
        all_answered = len(known) == len(c.plan)

        likely_at = self.likely_at
        possible_at = self.possible_at
        # Ranked by level (likely 0, possible 1, unknown 2, unlikely 3: an unknown cause
        # may yet turn out likely), then by score, then in the knowledge's order.
        ranked: list[tuple[int, int, int, Finding]] = []
        raised_causes = 0
        unknown = 0
        causes = self.causes
        unknown_findings = c.unknown_findings
        for i, cause_factors in enumerate(c.cause_factors):
            if not answered >> i & 1:
                unknown += 1
                finding = unknown_findings[i]
                if unrecognized:  # the medication list was answered, but says nothing sure
                    unanswered = tuple([f for fid, f in cause_factors if fid not in known])
                    finding = Finding(causes[i], _UNKNOWN, 0, (), unanswered)
                ranked.append((2, 0, i, finding))
                continue
            score = scores[i]
            shown_evidence = evidence[i]
            unanswered = (
                () if all_answered else tuple([f for fid, f in cause_factors if fid not in known])
            )
            if score >= likely_at:
                order, level = 0, _LIKELY
                raised_causes += 1
            elif score >= possible_at:
                order, level = 1, _POSSIBLE
                raised_causes += 1
            elif not shown_evidence and not unanswered:
                ranked.append((3, -score, i, c.quiet_findings[i]))
                continue
            else:
                order, level = 3, _UNLIKELY
            finding = Finding(causes[i], level, score, tuple(shown_evidence), unanswered)
            ranked.append((order, -score, i, finding))
        ranked.sort()
        findings = tuple([r[3] for r in ranked])

        # How urgent a flag an unanswered red-flag question could still raise.
        open_rank = 0
        if not all_answered:
            for fid, rank in c.red_flag_questions:
                if rank > open_rank and fid not in known:
                    open_rank = rank
        if raised_flags:
            red_flags = self.red_flags
            order_raised = [j for j in c.flag_order if j in raised_flags]
            flags = tuple([red_flags[j] for j in order_raised])
            top = c.flag_rank[order_raised[0]]
            urgency = _BY_RANK[max(top, floor)]
        elif floor:
            flags = ()
            urgency = _BY_RANK[floor]
        elif raised_causes:
            flags = ()
            urgency = Urgency.UNDETERMINED if open_rank else Urgency.SELF_CARE
        else:
            flags = ()
            urgency = Urgency.UNDETERMINED if unknown else Urgency.SEE_DOCTOR

        advice = [r.advice for r in flags] if flags else []
        advice += sign_advice
        if raised_causes:
            for r in ranked[:raised_causes]:
                advice += r[3].cause.advice
        elif unknown < count or not count:
            advice.append(self.no_obvious_cause_advice)
        if unrecognized:
            advice.append(self.unrecognized_medications_advice)
        if open_rank > urgency.rank:
            advice.append(self.unanswered_red_flags_advice)
        if urgency is Urgency.UNDETERMINED:
            advice.append(self.undetermined_advice)
        elif urgency is Urgency.SELF_CARE:
            advice.append(self.self_care_advice)
        return Assessment(
            findings=findings,
            urgency=urgency,
            red_flags=flags,
            advice=tuple(dict.fromkeys(advice)),
            next_questions=()
            if all_answered
            else tuple([f for fid, f in c.question_order if fid not in known])
            if known
            else c.questions,
            answers=FrozenAnswers(known),
            medications=recognized,
            unrecognized_medications=unrecognized,
            knowledge_version=self.version,
            disclaimer=self.disclaimer,
            knowledge=self,
        )

    def _recognize(self, names: tuple[str, ...]) -> tuple[tuple[Medication, ...], tuple[str, ...]]:
        # Keyed by identity: the table holds one object per medication, and comparing
        # or hashing a Medication by value costs more.
        recognized: dict[int, Medication] = {}
        unrecognized: list[str] = []
        for name in names:
            med = self._lookup_medication(name)
            if med is None:
                if name not in unrecognized:
                    unrecognized.append(name)
            else:
                recognized.setdefault(id(med), med)
        return tuple(recognized.values()), tuple(unrecognized)


_WithId = TypeVar("_WithId", Cause, RedFlag)


def _by_id(items: tuple[_WithId, ...], input_name: str, wanted: object) -> _WithId:
    """Return the item of *items* whose id is *wanted*, or raise :class:`UnknownId`."""
    if isinstance(wanted, str):
        for item in items:
            if item.id == wanted:
                return item
    raise unknown_id(input_name, wanted, tuple(i.id for i in items))


def _number(raw: object, low: float, high: float) -> int | float | None:
    """Return *raw* as a number from *low* to *high*, or ``None`` if it is not one."""
    value: int | float
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        return None
    if isinstance(raw, int):
        value = int(raw)
    else:
        value = float(raw)
        if not _isfinite(value):
            return None
    if value < low or value > high:
        return None
    return value


def _medication_names(name: str, raw: object, problems: list[Problem]) -> tuple[str, ...] | None:
    """Return the medication names in *raw*, or add to *problems* and return ``None``.

    *name* is the input's name, for the problems.
    """
    expected = "a list of medication names (strings), or None (unknown)"
    if type(raw) is list or type(raw) is tuple:
        items: tuple[object, ...] = tuple(raw)
    elif isinstance(raw, (str, bytes, bytearray, Mapping)) or not isinstance(raw, Iterable):
        problems.append(Problem(name, describe(raw), expected))
        return None
    elif isinstance(raw, AbstractSet):
        # A set has no order of its own, so results would change from run to run.
        problems.append(Problem(name, describe(raw), expected + " in an order (not a set)"))
        return None
    else:
        try:  # a caller's iterable, even a list subclass, may fail in any way
            items = tuple(raw)
        except Exception:  # noqa: BLE001 - report it, whatever it is
            problems.append(Problem(name, describe(raw), expected + " that can be read"))
            return None
    names: list[str] = []
    for n, item in enumerate(items):
        # str.strip, not item.strip: a subclass may override it; the result is a plain str.
        text = str.strip(item) if isinstance(item, str) else ""
        if text:
            names.append(text)
        else:
            problems.append(
                Problem(f"{name}[{n}]", describe(item), "a medication name (a non-empty string)")
            )
    return tuple(names) if len(names) == len(items) else None


def _unknown_name(name: str, raw: object, factors: Mapping[str, object]) -> Problem:
    import difflib  # only on the error path, to keep import cheap

    close = difflib.get_close_matches(name, factors, n=1)
    hint = f"did you mean {close[0]!r}?" if close else ""
    return Problem(name, describe(raw), "one of the inputs in legcramps.RISK_FACTORS", hint)


def _builtin_knowledge() -> Knowledge:
    return KNOWLEDGE


def _rebuild_knowledge(fields: dict[str, Any]) -> Knowledge:
    return Knowledge(**fields)


def reassess(knowledge: Knowledge, answers: dict[str, AnswerValue]) -> Assessment:
    """Return what *knowledge* makes of *answers*: how a pickled result is restored."""
    return knowledge.assess(answers)


KNOWLEDGE = Knowledge(
    version=_data.VERSION,
    factors=_data.FACTORS,
    causes=_data.CAUSES,
    red_flags=_data.RED_FLAGS,
    medications=_data.MEDICATIONS,
)
