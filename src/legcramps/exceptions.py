"""The exceptions legcramps raises.

Every problem with what a caller passes in is reported as :class:`InvalidInput`;
a knowledge base that does not hold together is reported as
:class:`InvalidKnowledge`. Both subclass :class:`ValueError`.
"""

from __future__ import annotations

import attrs

from legcramps._model import ValueBase

__all__ = ["InvalidInput", "InvalidKnowledge", "Problem", "UnknownId"]

_MAX_REPR = 80


def describe(value: object) -> str:
    """Return a short, safe description of *value* for an error message.

    Never raises: a broken ``__repr__`` or an integer too long to print is
    described by its type instead.

    >>> describe(-1.5)
    '-1.5 (float)'
    >>> describe("x" * 200)[:12], len(describe("x" * 200)) < 100
    ("'xxxxxxxxxxx", True)
    """
    kind = type(value).__name__
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - any object may be passed in; describe it anyway
        if isinstance(value, int):  # too many digits to print
            return f"an integer of about {int(value.bit_length() * 0.30103)} digits ({kind})"
        return f"an object of type {kind} that cannot be shown"
    if len(text) > _MAX_REPR:
        text = text[: _MAX_REPR - 3] + "..."
    return f"{text} ({kind})"


@attrs.frozen(repr=False, eq=False)
class Problem(ValueBase):
    """One thing wrong with the input to a public function.

    *input* names the offending input (an answer's keyword, or a path such as
    ``medications[2]``), *received* describes what was given, *expected* says
    what would have been accepted, and *hint* is an optional suggestion.

    >>> p = Problem("fluid_litres", "-1 (int)", "a number of litres from 0 to 20")
    >>> str(p)
    'fluid_litres: received -1 (int); expected a number of litres from 0 to 20'
    """

    input: str
    received: str
    expected: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.input}: received {self.received}; expected {self.expected}"
        return f"{text} ({self.hint})" if self.hint else text


class InvalidInput(ValueError):
    """The answers given to a public function are not acceptable.

    All problems found in one call are reported together, in :attr:`problems`
    (a tuple of :class:`Problem`), and in the message, one line each.

    >>> import legcramps
    >>> try:
    ...     legcramps.assess(fluid_litres=-1, hot_weather="yes")
    ... except legcramps.InvalidInput as e:
    ...     print(e)
    ...     print([p.input for p in e.problems])
    2 problems with the input:
    - fluid_litres: received -1 (int); expected a number of litres from 0 to 20, or None (unknown)
    - hot_weather: received 'yes' (str); expected True, False or None (unknown)
    ['fluid_litres', 'hot_weather']
    """

    problems: tuple[Problem, ...]

    def __init__(self, problems: tuple[Problem, ...]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        head = "1 problem" if count == 1 else f"{count} problems"
        lines = "\n".join(f"- {p}" for p in self.problems)
        super().__init__(f"{head} with the input:\n{lines}")

    def __reduce__(self) -> tuple[type[InvalidInput], tuple[tuple[Problem, ...]]]:
        return (type(self), (self.problems,))


class UnknownId(InvalidInput, KeyError):
    """No cause, factor or red flag has the id asked for.

    An :class:`InvalidInput` that is also a :class:`KeyError`, so lookups by id
    can be caught either way.

    >>> import legcramps
    >>> try:
    ...     legcramps.KNOWLEDGE.cause("gout")
    ... except KeyError as e:
    ...     print(e.problems[0].input, e.problems[0].received)
    cause_id 'gout' (str)
    """

    __str__ = BaseException.__str__  # not KeyError's, which would quote the message


def unknown_id(input_name: str, received: object, ids: tuple[str, ...]) -> UnknownId:
    """Return the error for a lookup of *received* among *ids*."""
    expected = "one of " + ", ".join(map(repr, ids))
    return UnknownId((Problem(input_name, describe(received), expected),))


class InvalidKnowledge(ValueError):
    """A :class:`~legcramps.Knowledge` base refers to something it does not define.

    Raised when building custom knowledge, never by :func:`~legcramps.assess`.
    The message lists every inconsistency found.
    """
