"""The exceptions legcramps raises.

Every problem with what a caller passes in is reported as :class:`InvalidInput`
(a lookup by an unknown id as :class:`UnknownId`, which is also a
:class:`KeyError`); a knowledge base that is malformed or does not hold together
is reported as :class:`InvalidKnowledge`. Both list every :class:`Problem` found
and subclass :class:`ValueError`. The same names are in :mod:`legcramps` itself.
"""

from legcramps._errors import InvalidInput, InvalidKnowledge, Problem, UnknownId

__all__ = ["InvalidInput", "InvalidKnowledge", "Problem", "UnknownId"]


def __dir__() -> list[str]:
    return sorted(__all__)
