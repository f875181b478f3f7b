"""Is a knowledge base well formed and consistent? Every problem, named by its path.

Two passes. The first (:mod:`legcramps._typecheck`) walks every field of the knowledge
down to the last string, against the field's declared type. The second, on a
knowledge whose types are right, checks that its parts fit together: every
condition names a factor and fits its kind, ids are unique, weights are positive,
red flags are urgent enough to override a score.

Each problem is a :class:`~legcramps.Problem` whose input is the path of the bad
part, such as ``causes[2].signs[0].weight``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Literal

from legcramps._errors import Problems, describe
from legcramps._medications import normalize_medication_name
from legcramps._typecheck import check_types

if TYPE_CHECKING:
    from legcramps._model import KnowledgeFields
from legcramps._model import (
    AllOf,
    Condition,
    DrugClass,
    FactorKind,
    RiskFactor,
    Source,
    Urgency,
)

#: What a factor, cause or red flag id looks like: it is a keyword and a JSON key.
ID = re.compile(r"[a-z][a-z0-9_]*")
#: What a source id looks like: a slug.
SOURCE_ID = re.compile(r"[a-z0-9][a-z0-9._-]*")

#: The urgencies a red flag or a sign's minimum may set: self-care or undetermined
#: would let a result read as safe while the flag is raised.
OVERRIDING = (Urgency.EMERGENCY, Urgency.URGENT, Urgency.SEE_DOCTOR)


def check(knowledge: KnowledgeFields) -> Problems:
    """Return every problem with *knowledge*: first its types, then how its parts fit."""
    problems = Problems()
    check_types(knowledge, problems)
    if not problems:
        _consistency(knowledge, problems)
    return problems


def _consistency(k: KnowledgeFields, problems: Problems) -> None:
    """Add a problem for each part of *k* (whose types are right) that does not fit the rest."""
    _thresholds(k, problems)
    factors = _factors(k.factors, problems)
    _unique("causes", [c.id for c in k.causes], problems)
    _unique("red_flags", [r.id for r in k.red_flags], problems)
    _causes(k, factors, problems)
    if not k.red_flags:
        problems.add(
            "red_flags", "an empty tuple", "at least one red flag: they override every score"
        )
    _red_flags(k, factors, problems)
    for n, rule in enumerate(k.advice_rules):
        where = f"advice_rules[{n}]"
        _not_empty(where, "when", rule.when, problems)
        _not_empty(where, "replaces", rule.replaces, problems)
        _not_empty(where, "sources", rule.sources, problems)
        for m, cond in enumerate(rule.when):
            _condition(cond, factors, f"{where}.when[{m}]", problems)
    _links(k.factors, factors, problems)
    _sources(k, problems)
    _medications(k, problems)


def _causes(k: KnowledgeFields, factors: dict[str, RiskFactor], problems: Problems) -> None:
    """Add a problem for each cause, or sign of one, that does not fit the rest."""
    for n, cause in enumerate(k.causes):
        where = f"causes[{n}]"
        _id(f"{where}.id", cause.id, ID, problems)
        _not_empty(where, "advice", cause.advice, problems)
        _not_empty(where, "sources", cause.sources, problems)
        _not_empty(where, "signs", cause.signs, problems)
        for m, sign in enumerate(cause.signs):
            at = f"{where}.signs[{m}]"
            if sign.weight <= 0:
                problems.add(f"{at}.weight", describe(sign.weight), "a whole number above 0")
            if sign.min_urgency is not None and sign.min_urgency not in OVERRIDING:
                expected = "None, or " + ", ".join(u.name for u in OVERRIDING)
                problems.add(f"{at}.min_urgency", describe(sign.min_urgency), expected)
            _condition(sign.when, factors, f"{at}.when", problems, "sign")


def _red_flags(k: KnowledgeFields, factors: dict[str, RiskFactor], problems: Problems) -> None:
    """Add a problem for each red flag, or condition of one, that does not fit the rest."""
    for n, flag in enumerate(k.red_flags):
        where = f"red_flags[{n}]"
        _id(f"{where}.id", flag.id, ID, problems)
        if flag.urgency not in OVERRIDING:
            expected = "one of " + ", ".join(u.name for u in OVERRIDING)
            problems.add(f"{where}.urgency", describe(flag.urgency), expected)
        _not_empty(where, "sources", flag.sources, problems)
        _not_empty(where, "when", flag.when, problems)
        for m, alternative in enumerate(flag.when):
            at = f"{where}.when[{m}]"
            if isinstance(alternative, AllOf):
                _not_empty(at, "conditions", alternative.conditions, problems)
                for c, cond in enumerate(alternative.conditions):
                    _condition(cond, factors, f"{at}.conditions[{c}]", problems)
            else:
                _condition(alternative, factors, at, problems, "flag")
        for m, note in enumerate(flag.risk_factors):
            _condition(note.when, factors, f"{where}.risk_factors[{m}].when", problems)


def _thresholds(k: KnowledgeFields, problems: Problems) -> None:
    if k.possible_at <= 0:
        problems.add("possible_at", describe(k.possible_at), "a whole number above 0")
    elif k.likely_at < k.possible_at:
        expected = f"a whole number of at least possible_at ({k.possible_at})"
        problems.add("likely_at", describe(k.likely_at), expected)


def _factors(factors: tuple[RiskFactor, ...], problems: Problems) -> dict[str, RiskFactor]:
    """Check each factor on its own; return them by id."""
    by_id: dict[str, RiskFactor] = {}
    _unique("factors", [f.id for f in factors], problems)
    for n, f in enumerate(factors):
        where = f"factors[{n}]"
        _id(f"{where}.id", f.id, ID, problems)
        by_id.setdefault(f.id, f)
        number = f.kind is FactorKind.NUMBER
        if number and (f.minimum is None or f.maximum is None):
            bounds = f"minimum {describe(f.minimum)}, maximum {describe(f.maximum)}"
            problems.add(where, bounds, "a number factor with a minimum and a maximum")
        elif number and f.minimum > f.maximum:  # type: ignore[operator]  # both set
            bounds = f"minimum {describe(f.minimum)}, maximum {describe(f.maximum)}"
            problems.add(where, bounds, "a minimum no greater than the maximum")
        elif not number and (f.minimum is not None or f.maximum is not None or f.unit):
            problems.add(where, f"a {f.kind.value} factor with a unit or bounds", "neither")
        if f.kind is FactorKind.CHOICE:
            _not_empty(where, "choices", f.choices, problems)
            _unique(f"{where}.choices", list(f.choices), problems, field="")
        elif f.choices:
            problems.add(f"{where}.choices", describe(f.choices), "() for a factor without choices")
    return by_id


def _condition(
    condition: Condition,
    factors: dict[str, RiskFactor],
    where: str,
    problems: Problems,
    role: Literal["sign", "flag", ""] = "",
) -> None:
    """Add a problem if *condition* names no factor or does not fit its factor's kind.

    A *sign*'s condition on the medication list names drug classes: a sign scores the
    medications that match, so counting them means nothing there. A condition on a
    screening question is allowed only as a red *flag*'s alternative on its own (it
    holds while the screen's "yes" stands for its unanswered members). The *role*
    says which the condition is: "sign", "flag" (alone) or neither.
    """
    factor = factors.get(condition.factor)
    if factor is None:
        expected = "the id of one of the knowledge's factors"
        problems.add(f"{where}.factor", describe(condition.factor), expected)
        return
    bounds = [b for b in (condition.at_least, condition.above, condition.below) if b is not None]
    kind = factor.kind
    if factor.members:
        ok = role == "flag" and not bounds and not condition.one_of
        expected = (
            "no condition on a screening question (conditions go on its members), but for "
            "a red flag's alternative of its own"
        )
    elif kind is FactorKind.YES_NO:
        ok = not bounds and not condition.one_of
        expected = "no comparison (raised by yes)"
    elif kind is FactorKind.NUMBER:
        ok = len(bounds) == 1 and not condition.one_of
        expected = "exactly one of at_least, above, below"
    elif kind is FactorKind.CHOICE:
        ok = not bounds and bool(condition.one_of) and set(condition.one_of) <= set(factor.choices)
        expected = f"one_of with choices from {factor.choices}"
    else:
        classes = {c.value for c in DrugClass}
        by_class = not bounds and bool(condition.one_of) and set(condition.one_of) <= classes
        by_count = condition.at_least is not None and len(bounds) == 1 and not condition.one_of
        ok = by_class or (by_count and role != "sign")
        expected = "one_of with DrugClass values" + (
            "" if role == "sign" else ", or at_least (a number of medications)"
        )
    if not ok:
        received = f"{condition} on {kind.value} factor {factor.id!r}"
        problems.add(where, received, expected)


def _links(
    listed: tuple[RiskFactor, ...], factors: dict[str, RiskFactor], problems: Problems
) -> None:
    """Add a problem for each screening or applicability link between factors that breaks."""
    screened: dict[str, str] = {}
    for n, f in enumerate(listed):
        where = f"factors[{n}]"
        for m, cond in enumerate(f.applies_when):
            at = f"{where}.applies_when[{m}]"
            _condition(cond, factors, at, problems)
            controller = factors.get(cond.factor)
            if controller is not None and (controller.applies_when or controller is f):
                expected = (
                    "a factor that always applies (not this one, nor one that applies sometimes)"
                )
                problems.add(f"{at}.factor", describe(cond.factor), expected)
        if f.members and f.kind is not FactorKind.YES_NO:
            problems.add(
                f"{where}.members",
                f"members on a {f.kind.value} factor",
                "a yes/no screening question",
            )
        for m, member in enumerate(f.members):
            at = f"{where}.members[{m}]"
            found = factors.get(member)
            if found is None or found.kind is not FactorKind.YES_NO or found.members:
                problems.add(
                    at, describe(member), "the id of a yes/no factor that is no screening question"
                )
            elif screened.setdefault(member, f.id) != f.id:
                problems.add(
                    at,
                    describe(member),
                    f"a factor in one screening question only (it is in {screened[member]!r})",
                )


def _sources(k: KnowledgeFields, problems: Problems) -> None:
    """Add a problem for a source id that is not a slug, or that names two different sources."""
    cited: list[tuple[str, Source]] = []
    for n, cause in enumerate(k.causes):
        cited += [(f"causes[{n}].sources[{m}]", s) for m, s in enumerate(cause.sources)]
        cited += [(f"causes[{n}].signs[{m}].basis", s.basis) for m, s in enumerate(cause.signs)]
    for n, flag in enumerate(k.red_flags):
        cited += [(f"red_flags[{n}].sources[{m}]", s) for m, s in enumerate(flag.sources)]
    for n, rule in enumerate(k.advice_rules):
        cited += [(f"advice_rules[{n}].sources[{m}]", s) for m, s in enumerate(rule.sources)]
    seen: dict[str, Source] = {}
    for where, source in cited:
        _id(f"{where}.id", source.id, SOURCE_ID, problems)
        if seen.setdefault(source.id, source) != source:
            problems.add(f"{where}.id", describe(source.id), "an id that names one source only")


def _medications(k: KnowledgeFields, problems: Problems) -> None:
    """Add a problem for each name that two medications go by."""
    owner: dict[str, int] = {}
    for n, med in enumerate(k.medications):
        for name in (med.generic, *med.brands, *med.other_names):
            other = owner.setdefault(normalize_medication_name(name), n)
            if other != n:
                received = f"{name!r}, also a name of {k.medications[other].generic}"
                problems.add(f"medications[{n}]", received, "names of this medication only")


def _id(where: str, value: str, pattern: re.Pattern[str], problems: Problems) -> None:
    if not pattern.fullmatch(value):
        problems.add(where, describe(value), f"an id matching {pattern.pattern}")


def _unique(where: str, ids: list[str], problems: Problems, field: str = ".id") -> None:
    """Add a problem for each of *ids*, the *field* of the items of *where*, seen before."""
    seen: set[str] = set()
    for n, i in enumerate(ids):
        if i in seen:
            problems.add(f"{where}[{n}]{field}", describe(i), "a value not used before")
        seen.add(i)


def _not_empty(where: str, name: str, value: tuple[object, ...], problems: Problems) -> None:
    if not value:
        problems.add(f"{where}.{name}", "an empty tuple", "at least one")
