"""Hypothesis strategies for the answers to assess(): valid ones, JSON ones, and anything at all.

Built from the knowledge data, so a new input, choice, medication or threshold is fuzzed
without a change here.
"""

from __future__ import annotations

import math
import random
from typing import Any

from hypothesis import strategies as st

import legcramps
from legcramps import FactorKind, RiskFactor

#: The largest number tried for an input that has no maximum.
_NO_MAXIMUM = 1e6

#: Names that assess() recognises, in several spellings, and some it does not.
MEDICATION_NAMES = (
    "furosemide",
    "Lasix 40 mg",
    "HYDROCHLOROTHIAZIDE 25mg",
    "  spironolactone ",
    "Serevent",
    "atorvastatin",
    "Zocor",
    "torsemide",
    "aspirin",
    "ibuprofen 200 mg",
    "vitamin D",
    "-odd name",  # reads like a command-line option
)

#: Every name the knowledge knows a medication by.
_KNOWN_NAMES = sorted(
    {
        name
        for med in legcramps.KNOWLEDGE.medications
        for name in (med.generic, *med.brands, *med.other_names)
    }
)

medication_names = st.one_of(
    st.sampled_from(MEDICATION_NAMES),
    st.sampled_from(_KNOWN_NAMES),
    st.builds(
        lambda name, mg: f"{name} {mg} mg", st.sampled_from(_KNOWN_NAMES), st.integers(1, 500)
    ),
    st.text(min_size=1, max_size=20).filter(str.strip),
)
"""A valid medication name: odd spellings, every known name, with a strength, or any text."""


def _thresholds(factor_id: str) -> list[float]:
    """The numbers at which some sign or red flag on *factor_id* changes."""
    found: list[float] = []
    conditions = [s.when for c in legcramps.CAUSES for s in c.signs]
    conditions += [c for r in legcramps.RED_FLAGS for c in r.conditions]
    for cond in conditions:
        if cond.factor == factor_id:
            found.extend(b for b in (cond.at_least, cond.above, cond.below) if b is not None)
    return found


def answer(factor: RiskFactor) -> st.SearchStrategy[Any]:
    """Return a strategy for valid, JSON-ready answers to *factor* (never ``None``).

    Numbers include the input's bounds and every threshold of a sign or red flag on it.
    """
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        return st.booleans()
    if kind is FactorKind.CHOICE:
        return st.sampled_from(factor.choices)
    if kind is FactorKind.MEDICATIONS:
        return st.lists(medication_names, max_size=4)
    low = 0.0 if factor.minimum is None else factor.minimum
    high = _NO_MAXIMUM if factor.maximum is None else factor.maximum
    boundaries = [b for b in (low, high, *_thresholds(factor.id)) if low <= b <= high]
    return st.one_of(
        st.sampled_from(boundaries),
        st.integers(math.ceil(low), math.floor(high)),
        st.floats(low, high, allow_nan=False, allow_infinity=False),
    )


@st.composite
def answers(
    draw: st.DrawFn, factors: tuple[RiskFactor, ...] = legcramps.RISK_FACTORS
) -> dict[str, Any]:
    """Valid answers: any subset of *factors*, in any order, some ``None`` (unknown)."""
    chosen = draw(st.lists(st.sampled_from(factors), unique=True))
    return {f.id: draw(st.one_of(st.none(), answer(f))) for f in chosen}


def assessments() -> st.SearchStrategy[legcramps.Assessment]:
    """Return a strategy for assessments of valid answers."""
    return answers().map(legcramps.assess)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=5), children, max_size=3)
    ),
    max_leaves=8,
)
"""Any JSON value."""


def any_answers() -> st.SearchStrategy[dict[str, Any]]:
    """Return a strategy for JSON answer objects that may be valid or not, keyed by input ids."""
    ids = [f.id for f in legcramps.RISK_FACTORS]
    return st.dictionaries(
        st.sampled_from([*ids, "not_an_input"]),
        st.one_of(json_values, *(answer(f) for f in legcramps.RISK_FACTORS)),
        max_size=6,
    )


class _BrokenRepr:
    def __repr__(self) -> str:
        raise RuntimeError


class _BrokenEq:
    def __eq__(self, other: object) -> bool:
        raise RuntimeError

    def __hash__(self) -> int:
        raise RuntimeError


class _BrokenIter:
    def __iter__(self) -> Any:
        raise RuntimeError


class _BrokenList(list[str]):
    def __iter__(self) -> Any:
        raise RuntimeError


class _BrokenInt(int):
    def __repr__(self) -> str:
        raise RuntimeError

    def __lt__(self, other: object) -> bool:
        raise RuntimeError


class _BrokenStr(str):
    __slots__ = ()

    def __hash__(self) -> int:
        raise RuntimeError

    def __eq__(self, other: object) -> bool:
        raise RuntimeError


def _view(data: bytes) -> memoryview:
    return memoryview(data)


def _generator() -> Any:
    yield "furosemide"
    raise RuntimeError


#: Objects written to break careless code (built fresh: Hypothesis shows how it built them).
hostile = st.one_of(
    st.builds(_BrokenRepr),
    st.builds(_BrokenEq),
    st.builds(_BrokenIter),
    st.builds(_BrokenList, st.just(["furosemide"])),
    st.builds(_BrokenInt, st.integers(0, 100)),
    st.builds(_BrokenStr, st.sampled_from(["vigorous", "furosemide"])),
    st.builds(_generator),
    st.builds(bytearray, st.binary(max_size=3)),
    st.builds(_view, st.binary(max_size=3)),
    st.builds(range, st.integers(0, 3)),
    st.builds(object),
    st.builds(pow, st.sampled_from([10, -10]), st.just(5001)),  # too long to print
    st.sampled_from(
        [
            float("nan"),
            float("inf"),
            -float("inf"),
            5e-324,
            1.7976931348623157e308,
            object,
            NotImplemented,
            Ellipsis,
            b"furosemide",
            1 + 2j,
            frozenset(),
        ]
    ),
)

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(),
    st.floats(width=16),
    st.complex_numbers(),
    st.decimals(),
    st.fractions(),
    st.text(),
    st.sampled_from(["vigorous", "light", "furosemide", "", " ", "True", "1"]),
    st.binary(),
    hostile,
)
"""Any single value: numbers of every kind, strings, bytes, ``None`` and hostile objects."""

#: Anything at all: scalars, hostile objects, and containers of them.
anything = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=5), inner, max_size=3),
        st.frozensets(st.one_of(st.integers(), st.text(max_size=5)), max_size=3),
        st.iterables(inner, max_size=3),
    ),
    max_leaves=8,
)


@st.composite
def arbitrary_answers(draw: st.DrawFn) -> dict[str, Any]:
    """Answers that may be anything: valid ones, and any object for any input."""
    valid = draw(answers())
    for factor in draw(st.lists(st.sampled_from(legcramps.RISK_FACTORS), unique=True)):
        valid[factor.id] = draw(anything)
    if draw(st.booleans()):
        valid[draw(st.text(min_size=1, max_size=12))] = draw(anything)
    return valid


def sample_answers(count: int, seed: int) -> list[dict[str, Any]]:
    """Return *count* varied, valid answer sets, the same ones for the same *seed*.

    For tests that need many answer sets quickly and without Hypothesis.
    """
    rnd = random.Random(seed)  # noqa: S311 - test data, not secrets
    found = []
    for _ in range(count):
        given: dict[str, Any] = {}
        for factor in legcramps.RISK_FACTORS:
            if rnd.random() < 0.3:
                continue
            if rnd.random() < 0.05:
                given[factor.id] = None
            elif factor.kind is FactorKind.YES_NO:
                given[factor.id] = rnd.random() < 0.4
            elif factor.kind is FactorKind.CHOICE:
                given[factor.id] = rnd.choice(factor.choices)
            elif factor.kind is FactorKind.MEDICATIONS:
                given[factor.id] = rnd.sample(MEDICATION_NAMES, rnd.randint(0, 3))
            else:
                high = factor.maximum if factor.maximum is not None else 30
                thresholds = [t for t in _thresholds(factor.id) if t <= high]
                given[factor.id] = rnd.choice(
                    [rnd.uniform(0, high), rnd.randint(0, int(high)), *thresholds]
                )
        found.append(given)
    return found
