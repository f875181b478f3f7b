r"""JSON in and out of batches: the standard library, or ``orjson`` when installed, alike.

``orjson`` (the ``fast`` extra) reads and writes JSON several times faster than
:mod:`json`. It is only an accelerator: whatever it reads or writes is exactly
what :mod:`json` would, byte for byte, and anything it would do differently
goes the standard library's way:

- Output is compact ASCII JSON (non-ASCII characters as ``\uXXXX``), as
  ``json.dumps(record, separators=(",", ":"))`` writes it. ``orjson`` writes
  UTF-8 and DEL as they are, a float of exponent -5 without an exponent
  (``0.00001`` for ``1e-05``), one of exponent -6 to -9 with one digit in its
  exponent (``1e-7`` for ``1e-07``), and NaN and the infinities as ``null``
  (:mod:`json`: ``NaN``, ``Infinity``); every other float as :func:`repr`
  does. A record that holds a float below 1e-4 (but 0) or not finite, at any
  depth of the values it took from the input, is written by :mod:`json`; so is
  one where the rest shows in what ``orjson`` wrote, or that ``orjson``
  refuses (a lone surrogate, an integer beyond 64 bits).
- Input must be one JSON object per line, each key once. ``orjson`` is strict
  where :mod:`json` is lenient (``NaN``, huge numbers, lone surrogates), reads
  an integer beyond 64 bits as a float, and keeps the last of two equal keys
  without a word; a line it refuses, that is
  not an object, or whose keys it cannot be seen to have read once each, is
  read by :mod:`json`, which reports the problem the same way.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from legcramps._cli._io import object_without_duplicates

#: Encodes a record as one JSON line, given the values it took from the input (answers and
#: kept values), which hold every float it has.
Encoder = Callable[[dict[str, Any], Iterable[object]], bytes]
#: Decodes one line of JSON; raises as :func:`json.loads` with duplicate keys refused.
Decoder = Callable[[bytes], object]

#: orjson writes a float as repr() does if it is 0, or from 1e-4 up, short of infinity.
_SMALLEST_ALIKE = 1e-4
_INFINITY = float("inf")
_NOT_FLOATS = frozenset({str, int, bool, type(None)})
# Twenty digits in a row: perhaps an integer beyond 64 bits (or digits in a string).
_LONG_NUMBER = re.compile(rb"\d{20}")


def plain(record: dict[str, Any], _: Iterable[object] = ()) -> bytes:
    """Write *record* with :mod:`json` (the :data:`Encoder` without ``orjson``)."""
    return _DUMPS(record).encode("ascii")


_DUMPS = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode


def _strict_loads(raw: bytes) -> object:
    return json.loads(raw.decode("utf-8"), object_pairs_hook=object_without_duplicates)


def _keys_read_once(raw: bytes, row: dict[str, Any]) -> bool:
    """Whether *row*, read from *raw*, has every key of *raw* once: no duplicate, no nesting.

    Every key ends with ``":`` unless white space follows its quote; so when no
    quote is followed by white space, ``":`` occurs at least once per key, at
    any depth. If it occurs exactly as often as *row* has keys, every key is a
    top-level key, read once.
    """
    return (
        b'" ' not in raw
        and b'"\t' not in raw
        and b'"\n' not in raw
        and b'"\r' not in raw
        and raw.count(b'":') == len(row)
    )


def _quick_loads(raw: bytes) -> object:
    """Read *raw* with :mod:`json`'s C reader, redoing it strictly if a key may repeat."""
    row = json.loads(raw.decode("utf-8"))
    if type(row) is dict and _keys_read_once(raw, row):
        return row
    return _strict_loads(raw)


def encoder(*, accelerate: bool = True) -> Encoder:
    r"""Return the function that writes a record as one JSON line (bytes, no newline).

    It takes the record and the values in it taken from the input (the
    answers' values and the kept columns), which must hold every float of the
    record: ``orjson`` may write one of those otherwise, at any depth, so a
    record holding one is written by :mod:`json`.

    >>> encode = encoder(accelerate=False)
    >>> encode({"line": 1, "name": "caf\u00e9"}, [])
    b'{"line":1,"name":"caf\\u00e9"}'
    """
    if accelerate:
        try:
            import orjson
        except ImportError:
            pass
        else:
            return _orjson_encoder(orjson.dumps, orjson.JSONEncodeError)
    return plain


def _orjson_encoder(dumps: Callable[[Any], bytes], refused: type[Exception]) -> Encoder:
    def encode(record: dict[str, Any], numbers: Iterable[object]) -> bytes:
        if not _floats_alike(numbers):
            return plain(record)
        try:
            out = dumps(record)
        except refused:
            return plain(record)
        if out.isascii() and b"\x7f" not in out:
            return out
        return plain(record)

    return encode


def _floats_alike(values: Iterable[object]) -> bool:
    """Whether ``orjson`` writes each float among *values*, at any depth, as :mod:`json` does.

    >>> _floats_alike([0.0, 1e-4, 1e16, 5, "x"]), _floats_alike([{"x": [1e-7]}])
    (True, False)
    """
    for x in values:
        if type(x) is float:
            if x and not _SMALLEST_ALIKE <= abs(x) < _INFINITY:  # tiny, NaN or infinite
                return False
        elif type(x) in _NOT_FLOATS:
            continue
        elif isinstance(x, dict):
            if not _floats_alike(x.values()):
                return False
        elif isinstance(x, (list, tuple)) and not _floats_alike(x):
            return False
    return True


def decoder(*, accelerate: bool = True) -> Decoder:
    """Return the function that reads one line of JSON, refusing a key given twice.

    It raises what :func:`json.loads` raises (:class:`UnicodeDecodeError`,
    :class:`json.JSONDecodeError`, :class:`RecursionError`), and
    :class:`~legcramps._cli._io.DuplicateKey` for a key given twice.

    >>> loads = decoder(accelerate=False)
    >>> loads(b'{"sitting_hours": 5}')
    {'sitting_hours': 5}
    >>> loads(b'{"a": 1, "a": 2}')
    Traceback (most recent call last):
    ...
    legcramps._cli._io.DuplicateKey: a
    """
    if accelerate:
        try:
            import orjson
        except ImportError:
            pass
        else:
            return _orjson_decoder(orjson.loads, orjson.JSONDecodeError)
    return _quick_loads


def _orjson_decoder(loads: Callable[[bytes], Any], refused: type[Exception]) -> Decoder:
    def decode(raw: bytes) -> object:
        if _LONG_NUMBER.search(raw):  # orjson reads an integer past 64 bits as a float
            return _strict_loads(raw)
        try:
            row = loads(raw)
        except refused:
            return _strict_loads(raw)  # raises as json does, or reads what orjson would not
        if type(row) is dict and _keys_read_once(raw, row):
            return row
        return _strict_loads(raw)

    return decode
