"""What one assessment found so far, and whether a condition holds for it.

:class:`State` is made anew for each call of :func:`legcramps._evaluate.evaluate` and
filled in by its steps; :func:`truth` tells, for a compiled condition, whether the
answers make it hold, fail, or leave it unknown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from legcramps._model import AnswerValue, FactorKind, Medication

if TYPE_CHECKING:
    from typing import Protocol

    from legcramps._compile import Tables, Test
    from legcramps._model import KnowledgeFields
    from legcramps._result import Assessor, Evidence

    class Source(KnowledgeFields, Assessor, Protocol):
        """A knowledge base that assesses: what a result is made from, and holds."""


_YES_NO = FactorKind.YES_NO
_NUMBER = FactorKind.NUMBER
_CHOICE = FactorKind.CHOICE


class State:
    """What one assessment found so far; made anew for each call."""

    __slots__ = (
        "answered",
        "class_values",
        "dead",
        "effective",
        "evidence",
        "floor",
        "known",
        "medications",
        "na",
        "scores",
        "sign_advice",
        "true_count",
    )

    def __init__(self, tables: Tables, effective: dict[str, AnswerValue]) -> None:
        causes = len(tables.cause_factors)
        self.scores = [0] * causes
        self.evidence: list[list[Evidence]] = [[] for _ in range(causes)]
        #: a bit per cause: whether an answer speaks to it (or a question of it cannot apply)
        self.answered = 0
        #: per red-flag alternative: how many of its conditions hold
        self.true_count = [0] * len(tables.alternative_flag)
        #: a bit per red-flag alternative that cannot be raised: one of its conditions fails
        self.dead = 0
        self.sign_advice: list[str] = []
        #: the highest minimum urgency rank a raised sign sets
        self.floor = 0
        #: the answers given, and those a screening "no" implies
        self.effective = effective
        #: the answers given, in the knowledge's factor order
        self.known: dict[str, AnswerValue] = {}
        #: the questions that cannot apply
        self.na: set[str] = set()
        #: per medication list: its recognised medications and the names not recognised
        self.medications: dict[str, tuple[tuple[Medication, ...], tuple[str, ...]]] = {}
        #: each medication's classes, by its generic name
        self.class_values = tables.class_values


def truth(test: Test, s: State) -> bool | None:
    """Return whether the condition *test* holds for the answers: yes, no, or ``None``.

    ``None`` means not known: the answer is missing, or a medication list holds names
    not recognised and no recognised one matches. A question that does not apply
    holds nothing.
    """
    fid, kind, compare, bound, one_of = test
    value = None if fid in s.na else s.effective.get(fid)
    held: bool | None
    if value is None:
        held = False if fid in s.na else None
    elif kind is _YES_NO:
        held = value is True
    elif kind is _CHOICE:
        held = value in one_of
    elif kind is _NUMBER or not one_of:  # a number, or how many medications are taken
        held = bool(compare(len(value) if kind is FactorKind.MEDICATIONS else value, bound))  # type: ignore[arg-type]
    else:
        recognized, unrecognized = s.medications[fid]
        if any(not one_of.isdisjoint(s.class_values[m.generic]) for m in recognized):
            held = True
        else:
            held = None if unrecognized else False
    return held
