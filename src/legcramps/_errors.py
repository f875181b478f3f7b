"""The exceptions of legcramps, and the one way problems are collected and described.

Public through :mod:`legcramps.exceptions` and the package itself; this module is
private so that its helpers (:func:`describe`, :class:`Problems`) do not leak.
"""

import attrs

from legcramps._shown import Shown

#: The most problems one error lists; the rest are counted ("and 5 more").
MAX_PROBLEMS = 20

_MAX_REPR = 80


def describe(value: object) -> str:
    """Return a short, safe description of *value* for an error message.

    Never raises: a broken ``__repr__`` or an integer too long to print is
    described by its type instead.

    >>> describe(-1.5)
    '-1.5 (float)'
    >>> describe("x" * 200)[:12], len(describe("x" * 200)) < 100
    ("'xxxxxxxxxxx", True)
    >>> describe(10**5000)
    'an integer of about 5000 digits (int)'
    """
    kind = type(value).__name__
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - any object may be passed in; describe it anyway
        if isinstance(value, int):  # too many digits to print
            digits = int.bit_length(value) * 0.30103
            return f"an integer of about {round(digits)} digits ({kind})"
        return f"an object of type {kind} that cannot be shown"
    if len(text) > _MAX_REPR:
        text = text[: _MAX_REPR - 3] + "..."
    return f"{text} ({kind})"


@attrs.frozen(repr=False, weakref_slot=False)
class Problem(Shown):
    """One thing wrong with the input to a public function, or with a knowledge base.

    *input* names the offending input (an answer's keyword, or a path such as
    ``medications[2]`` or ``causes[1].signs[0].weight``), *received* describes
    what was given, *expected* says what would have been accepted, and *hint*
    is an optional suggestion.

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

    def to_dict(self) -> dict[str, str]:
        """Return the problem as a JSON-ready dict.

        >>> Problem("hot_weather", "'yes' (str)", "True, False or None (unknown)").to_dict()
        {'input': 'hot_weather', 'received': "'yes' (str)", 'expected': 'True, False or None (unknown)', 'hint': ''}
        """  # noqa: E501 - a doctest's output is one line
        return {
            "input": self.input,
            "received": self.received,
            "expected": self.expected,
            "hint": self.hint,
        }


class _Reported(ValueError):
    """An error that reports every problem found, up to :data:`MAX_PROBLEMS`."""

    #: What the problems are with, for the message.
    _WITH = "the input"

    #: The problems found, at most 20, in the order they were found.
    problems: tuple[Problem, ...]
    #: How many more problems were found than :attr:`problems` lists.
    more: int

    def __init__(self, problems: tuple[Problem, ...], more: int = 0) -> None:
        listed = tuple(problems)
        self.problems = listed[:MAX_PROBLEMS]
        self.more = more + len(listed) - len(self.problems)
        count = len(self.problems) + self.more
        head = "1 problem" if count == 1 else f"{count} problems"
        lines = [f"- {p}" for p in self.problems]
        if self.more:
            lines.append(f"- and {self.more} more")
        super().__init__(f"{head} with {self._WITH}:\n" + "\n".join(lines))

    def __reduce__(self) -> "tuple[type[_Reported], tuple[tuple[Problem, ...], int]]":
        return (type(self), (self.problems, self.more))


class InvalidInput(_Reported):
    """The answers given to a public function are not acceptable.

    All problems found in one call are reported together, in :attr:`problems`
    (a tuple of :class:`Problem`, at most 20), and in the message, one line
    each; :attr:`more` counts those beyond the first 20.

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


class InvalidKnowledge(_Reported):
    """A :class:`~legcramps.Knowledge` base is malformed or does not hold together.

    Raised when building custom knowledge, never by :func:`~legcramps.assess`.
    Like :class:`InvalidInput`, it lists every problem in :attr:`problems`, each
    named by its path in the knowledge, such as ``causes[2].signs[0].weight``.

    >>> import attrs, legcramps
    >>> try:
    ...     attrs.evolve(legcramps.KNOWLEDGE, version="mine", likely_at=0)
    ... except legcramps.InvalidKnowledge as e:
    ...     print(e.problems[0])
    likely_at: received 0 (int); expected a whole number of at least possible_at (1)
    """

    _WITH = "the knowledge"


class Problems:
    """A collector of problems that keeps the first :data:`MAX_PROBLEMS` and counts the rest.

    However much is wrong with an input, collecting costs bounded memory.

    >>> found = Problems()
    >>> for n in range(25):
    ...     found.add(f"medications[{n}]", "0 (int)", "a medication name")
    >>> error = found.error()
    >>> len(error.problems), error.more, str(error).splitlines()[-1]
    (20, 5, '- and 5 more')
    """

    __slots__ = ("found", "more")

    def __init__(self) -> None:
        self.found: list[Problem] = []
        self.more = 0

    def __bool__(self) -> bool:
        return bool(self.found)

    def __len__(self) -> int:
        return len(self.found) + self.more

    @property
    def full(self) -> bool:
        """Whether as many problems are listed as an error shows: more are only counted."""
        return len(self.found) >= MAX_PROBLEMS

    def add(self, input_name: str, received: str, expected: str, hint: str = "") -> None:
        """Add a problem (or, past the cap, count it)."""
        if len(self.found) < MAX_PROBLEMS:
            self.found.append(Problem(input_name, received, expected, hint))
        else:
            self.more += 1

    def extend(self, problems: tuple[Problem, ...], more: int = 0) -> None:
        """Add *problems* and *more* counted ones, as from another error."""
        for p in problems:
            self.add(p.input, p.received, p.expected, p.hint)
        self.more += more

    def error(self) -> InvalidInput:
        """Return the :class:`InvalidInput` listing the problems."""
        return InvalidInput(tuple(self.found), self.more)


def unknown_id(input_name: str, received: object, ids: tuple[str, ...]) -> UnknownId:
    """Return the error for a lookup of *received* among *ids*."""
    expected = "one of " + ", ".join(map(repr, ids))
    return UnknownId((Problem(input_name, describe(received), expected),))
