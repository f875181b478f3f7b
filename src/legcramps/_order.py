"""The order to ask a knowledge's questions in, computed once when it is built."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from legcramps._model import Cause, RedFlag, RiskFactor, Sign


def min_rank(sign: Sign) -> int:
    """Return the rank of the urgency that *sign* sets at least (0: none)."""
    return 0 if sign.min_urgency is None else sign.min_urgency.rank


def flag_urgency_by_factor(
    factors: tuple[RiskFactor, ...], red_flags: tuple[RedFlag, ...]
) -> dict[str, int]:
    """Return, per factor id, the rank of the most urgent red flag it can raise (0: none).

    A screening question ranks as its most urgent member.
    """
    urgency = {f.id: 0 for f in factors}
    for flag in red_flags:
        for cond in flag.conditions:
            urgency[cond.factor] = max(urgency[cond.factor], flag.urgency.rank)
    for f in factors:
        for member in f.members:
            urgency[f.id] = max(urgency[f.id], urgency[member])
    return urgency


def question_order(
    factors: tuple[RiskFactor, ...], causes: tuple[Cause, ...], red_flags: tuple[RedFlag, ...]
) -> tuple[RiskFactor, ...]:
    """Return every factor in the order to ask them.

    Red-flag questions first, the most urgent first, and at each urgency the screening
    questions first (each in place of its members, which follow it); then the inputs
    whose signs raise the urgency (a new medication); then those that can add the most
    to the scores; ties in the order the factors are defined. A question that applies
    only sometimes comes after the questions that say whether it applies.
    """
    flag_urgency = flag_urgency_by_factor(factors, red_flags)
    escalates: dict[str, int] = dict.fromkeys(flag_urgency, 0)
    potential: dict[str, int] = dict.fromkeys(flag_urgency, 0)
    for cause in causes:
        for sign in cause.signs:
            escalates[sign.when.factor] = max(escalates[sign.when.factor], min_rank(sign))
            potential[sign.when.factor] += sign.weight
    position = {f.id: n for n, f in enumerate(factors)}
    ranked = sorted(
        factors,
        key=lambda f: (
            -flag_urgency[f.id],
            not (f.members and flag_urgency[f.id]),
            -escalates[f.id],
            -potential[f.id],
            position[f.id],
        ),
    )
    by_id = {f.id: f for f in factors}
    screened = {m for f in factors for m in f.members}
    order: dict[str, RiskFactor] = {}

    def place(f: RiskFactor) -> None:
        if f.id in order:
            return
        for cond in f.applies_when:  # the questions that say whether it applies, first
            place(by_id[cond.factor])
        order[f.id] = f
        for member in (m for m in ranked if m.id in f.members):
            order.setdefault(member.id, member)

    for f in ranked:
        if f.id not in screened:
            place(f)
    return tuple(order.values())
