"""The description of one problem with an input, as :class:`InvalidInput` reports it.

A module of its own so that it is loaded only when a problem is found: see
``legcramps.exceptions.__getattr__``.
"""

from __future__ import annotations

import attrs

from legcramps._model import ValueBase


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
