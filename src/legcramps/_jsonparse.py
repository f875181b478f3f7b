"""Strict JSON: parse a text exactly as the answers to :func:`~legcramps.assess` must be.

Python's :func:`json.loads` takes ``NaN``, ``Infinity`` and ``-Infinity`` (not JSON), turns
``1e999`` into infinity, keeps the last of a key given twice, and gives strings with
lone surrogates; a JSON Schema validator sees none of that, because it validates the
parsed value. :func:`parse_json` refuses each of these with :class:`~legcramps.InvalidInput`,
as it refuses a text that is not JSON, not UTF-8, or nested too deeply to read.
"""

from __future__ import annotations

import json
import re
from typing import Any

from legcramps._errors import InvalidInput, Problem, describe

_SURROGATE = re.compile("[\ud800-\udfff]")
_INPUT = "json"


class _Refused(ValueError):
    """A JSON text that parses, but not to what legcramps accepts: the reason, as a problem."""

    def __init__(self, received: str, expected: str) -> None:
        super().__init__(received)
        self.problem = Problem(_INPUT, received, expected)


def _constant(name: str) -> float:
    expected = "JSON numbers only: NaN and Infinity are not JSON"
    raise _Refused(name, expected)


def _float(text: str) -> float:
    value = float(text)
    if value - value != 0:  # only an overflow gives infinity here
        shown = text if len(text) <= 40 else text[:37] + "..."
        raise _Refused(shown, "a number a float can hold (1e999 becomes infinity)")
    return value


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    made: dict[str, Any] = {}
    for key, value in pairs:
        if key in made:
            raise _Refused(describe(key), "each key of an object once")
        made[key] = value
    return made


def parse_json(text: str | bytes | bytearray) -> Any:
    """Return the value of the JSON *text*, parsed as strictly as legcramps reads answers.

    *text* is a ``str``, or UTF-8 ``bytes`` (a leading byte order mark is skipped).
    Refused, with :class:`~legcramps.InvalidInput` naming the input ``json``: a text that
    is not JSON, ``NaN``, ``Infinity`` and ``-Infinity``, a number too large for a float
    (``1e999``) or with more digits than Python converts, a key given twice in an object,
    a string with a lone surrogate, nesting too deep to read, and bytes that are not
    UTF-8.

    >>> import legcramps.schema
    >>> legcramps.schema.parse_json('{"fluid_litres": 0.5}')
    {'fluid_litres': 0.5}
    >>> legcramps.schema.parse_json('{"fluid_litres": NaN}')
    Traceback (most recent call last):
    ...
    legcramps.InvalidInput: 1 problem with the input:
    - json: received NaN; expected JSON numbers only: NaN and Infinity are not JSON
    """
    if isinstance(text, (bytes, bytearray)):
        try:
            decoded = bytes(text).decode("utf-8")
        except UnicodeDecodeError as e:
            received = f"bytes that are not UTF-8 (byte {e.start})"
            raise InvalidInput((Problem(_INPUT, received, "a JSON text in UTF-8"),)) from None
        text = decoded.removeprefix("\ufeff")
    elif type(text) is not str:
        expected = "a JSON text (a str, or UTF-8 bytes)"
        raise InvalidInput((Problem(_INPUT, describe(text), expected),))
    try:
        value = json.loads(
            text, parse_constant=_constant, parse_float=_float, object_pairs_hook=_object
        )
    except _Refused as e:
        raise InvalidInput((e.problem,)) from None
    except json.JSONDecodeError as e:
        received = f"a text that is not JSON (line {e.lineno}, column {e.colno}: {e.msg})"
        raise InvalidInput((Problem(_INPUT, received, "a JSON text"),)) from None
    except RecursionError:
        received = "arrays or objects nested too deeply to read"
        raise InvalidInput((Problem(_INPUT, received, "a JSON text"),)) from None
    except ValueError as e:  # an integer with more digits than int() converts
        received = f"a number that cannot be read ({e})"
        raise InvalidInput((Problem(_INPUT, received, "a JSON text"),)) from None
    # A string can hold a surrogate only from a \u escape, or from a text that is not ASCII:
    # the usual text has neither, and its strings need no look.
    if ("\\u" in text or not text.isascii()) and _has_surrogate(value):
        expected = "strings of Unicode characters (no lone surrogate, such as \\ud800)"
        received = "a string with a lone surrogate"
        raise InvalidInput((Problem(_INPUT, received, expected),))
    return value


def _has_surrogate(value: object) -> bool:
    """Return whether a string inside the parsed JSON *value* holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if type(item) is str:
            if _SURROGATE.search(item):
                return True
        elif type(item) is list:
            stack.extend(item)
        elif type(item) is dict:
            stack.extend(item)
            stack.extend(item.values())
    return False
