"""Hypothesis strategies for answers and assessments, built from the knowledge data."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

import legcramps
from legcramps import FactorKind, RiskFactor

_NO_MAXIMUM = 10_000

_KNOWN_NAMES = sorted(
    {
        name
        for med in legcramps.KNOWLEDGE.medications
        for name in (med.generic, *med.brands, *med.other_names)
    }
)

medication_names = st.one_of(
    st.sampled_from(_KNOWN_NAMES),
    st.builds(
        lambda name, mg: f"{name} {mg} mg", st.sampled_from(_KNOWN_NAMES), st.integers(1, 500)
    ),
    st.text(min_size=1, max_size=20).filter(str.strip),
)


def answer(factor: RiskFactor) -> st.SearchStrategy[Any]:
    """Return a strategy for valid, JSON-ready answers to *factor* (never ``None``)."""
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        return st.booleans()
    if kind is FactorKind.CHOICE:
        return st.sampled_from(factor.choices)
    if kind is FactorKind.MEDICATIONS:
        return st.lists(medication_names, max_size=4)
    low = 0 if factor.minimum is None else factor.minimum
    high = _NO_MAXIMUM if factor.maximum is None else factor.maximum
    return st.one_of(
        st.integers(int(low), int(high)),
        st.floats(low, high, allow_nan=False, allow_infinity=False),
    )


def answers(
    factors: tuple[RiskFactor, ...] = legcramps.RISK_FACTORS,
) -> st.SearchStrategy[dict[str, Any]]:
    """Return a strategy for valid answer mappings: any subset of *factors*, some ``None``."""
    return st.fixed_dictionaries(
        {}, optional={f.id: st.one_of(st.none(), answer(f)) for f in factors}
    )


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
    """Return a strategy for answer mappings that may be valid or not, keyed by input ids."""
    ids = [f.id for f in legcramps.RISK_FACTORS]
    return st.dictionaries(
        st.sampled_from([*ids, "not_an_input"]),
        st.one_of(json_values, *(answer(f) for f in legcramps.RISK_FACTORS)),
        max_size=6,
    )
