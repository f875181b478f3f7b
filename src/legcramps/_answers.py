"""The one answer validator: a caller's raw answers to plain, checked values, or ``InvalidInput``.

Every public entry point that takes answers (``assess()``, ``Knowledge.validate()``,
the command line, the interview, the round trip, batches) goes through
:func:`validate`, once. What comes out is known to be good, so the evaluator
checks nothing again.

A caller's objects are never trusted to behave: a mapping may fail to give its
items, a key may be a ``str`` subclass with another hash, a number an ``int`` or
``float`` subclass whose conversions lie. Each is read by its true value or
refused, and no exception of the caller's escapes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from typing import Any

from legcramps._compile import Check
from legcramps._errors import Problems, describe
from legcramps._model import AnswerValue, FactorKind

_YES_NO = FactorKind.YES_NO
_NUMBER = FactorKind.NUMBER
_CHOICE = FactorKind.CHOICE

_MAPPING = "a mapping of answers by name (such as a dict)"
_NAMES = "a list of medication names (strings), or None (unknown)"


def read_items(
    value: object, problems: Problems, input_name: str = "mapping", expected: str = _MAPPING
) -> list[tuple[object, object]] | None:
    """Return the items of the mapping *value*, read once; or add a problem and return None.

    A caller's mapping may fail in any way while its items are read: that is a problem
    with the input, never an exception of the caller's.
    """
    if type(value) is dict:
        return list(value.items())
    if isinstance(value, Mapping):
        try:
            return list(value.items())
        except Exception:  # noqa: BLE001 - a caller's object may fail in any way; report it
            expected = "a mapping whose items can be read"
    problems.add(input_name, describe(value), expected)
    return None


def plain_key(key: object) -> str | None:
    """Return *key* as a plain ``str`` (a subclass may hash or compare oddly); None if no str."""
    if type(key) is str:
        return key
    if isinstance(key, str):
        return str.__str__(key)
    return None


def validate(
    checks: Mapping[str, Check], mapping: object, answers: dict[str, Any]
) -> dict[str, AnswerValue]:
    """Return the known answers in *mapping* and the keywords *answers*, checked and plain.

    Unknown answers (``None``) are left out. *mapping* is ``None`` when the answers
    came as keywords only.

    :raises InvalidInput: listing every problem, in the order given: the mapping's
        first, then the keywords', then any input given differently in both.
    """
    problems = Problems()
    if mapping is None:
        values, _ = _check(checks, answers.items(), problems, "as a keyword")
    else:
        items = read_items(mapping, problems, expected=_MAPPING + ", or None")
        values, given = _check(checks, items or (), problems, "in the mapping")
        if answers:
            keywords, _ = _check(checks, answers.items(), problems, "as a keyword")
            _conflicts(given, values, answers, keywords, problems)
            values.update(keywords)
    if problems:
        raise problems.error()
    return values


def _check(
    checks: Mapping[str, Check],
    items: Iterable[tuple[object, object]],
    problems: Problems,
    where: str,
) -> tuple[dict[str, AnswerValue], dict[str, object]]:
    """Return the valid known answers among *items*, and every item by its plain name.

    Adds a problem for each bad item.
    """
    values: dict[str, AnswerValue] = {}
    given: dict[str, object] = {}
    get = checks.get
    for key, raw in items:
        if problems.found and problems.full:  # enough to report: count the rest
            problems.more += 1
            continue
        name = key if type(key) is str else plain_key(key)
        if name is None:
            problems.add("mapping key", describe(key), "an input name (a string)")
            continue
        if name in given:  # two keys that are one name as a plain str
            received = f"{describe(given[name])} and {describe(raw)} {where}"
            problems.add(name, received, "each input given once")
            values.pop(name, None)
            continue
        given[name] = raw
        check = get(name)
        if check is None:
            problems.add(*_unknown_name(name, raw, checks))
            continue
        if raw is None:
            continue
        # The usual answers, a plain bool, number or choice, are taken here; anything
        # else (a subclass, a list, a problem) the long way, by _value().
        kind, low, high, choices, _ = check
        usual = type(raw)
        if (
            (usual is bool and kind is _YES_NO)
            or (usual is str and raw in choices)  # only a choice has choices
            or ((usual is int or usual is float) and kind is _NUMBER and low <= raw <= high)  # type: ignore[operator]
        ):
            values[name] = raw  # type: ignore[assignment]  # a bool, a number or a choice
            continue
        value = _value(check, name, raw, problems)
        if value is not None:
            values[name] = value
    return values, given


def _value(check: Check, name: str, raw: object, problems: Problems) -> AnswerValue | None:
    """Return the answer *raw* to the input *name* as a plain value, or add its problems."""
    kind, low, high, choices, factor = check
    value: AnswerValue | None
    if kind is _YES_NO:
        value = raw if raw is True or raw is False else None
    elif kind is _NUMBER:
        value = number(raw, low, high)
    elif kind is _CHOICE:
        text = plain_key(raw)
        value = text if text in choices else None
    else:
        return medication_names(name, raw, problems)  # it adds its own problems
    if value is None:
        problems.add(name, describe(raw), factor.expected)
    return value


def _conflicts(
    given: dict[str, object],
    values: dict[str, AnswerValue],
    answers: dict[str, Any],
    keywords: dict[str, AnswerValue],
    problems: Problems,
) -> None:
    """Add a problem for each input the mapping and the keywords both give, differently.

    Only inputs that are valid on both sides are compared; ``None`` (unknown) on one
    side and a value on the other differ too.
    """
    for name, raw in answers.items():
        if name not in given:
            continue
        both_valid = (name in values or given[name] is None) and (name in keywords or raw is None)
        if both_valid and values.get(name) != keywords.get(name):
            received = f"{describe(given[name])} in the mapping and {describe(raw)} as a keyword"
            problems.add(name, received, "the same value in both, or only one")


def number(raw: object, low: float, high: float) -> int | float | None:
    """Return *raw* as a plain number from *low* to *high*, or ``None`` if it is not one.

    An ``int`` or ``float`` subclass is read by its true value, whatever its own
    conversion methods say; ``bool``, NaN and infinity are not numbers here.

    >>> number(3, 0, 10), number(2.5, 0, 10), number(True, 0, 10), number(float("nan"), 0, 10)
    (3, 2.5, None, None)
    """
    value: int | float
    if type(raw) is int or type(raw) is float:
        value = raw
    elif type(raw) is bool:
        return None
    elif isinstance(raw, int):
        value = int.__int__(raw)
    elif isinstance(raw, float):
        value = float.__float__(raw)
    else:
        return None
    # inf - inf and nan - nan are NaN, and NaN fails every comparison: not finite.
    if value - value != 0 or not low <= value <= high:
        return None
    return value


def medication_names(name: str, raw: object, problems: Problems) -> tuple[str, ...] | None:
    """Return the medication names in *raw*, or add to *problems* and return ``None``.

    *name* is the input's name, for the problems.
    """
    if type(raw) is list or type(raw) is tuple:
        items: tuple[object, ...] = tuple(raw)
    elif isinstance(raw, (str, bytes, bytearray, Mapping)) or not isinstance(raw, Iterable):
        problems.add(name, describe(raw), _NAMES)
        return None
    elif isinstance(raw, AbstractSet):
        # A set has no order of its own, so results would change from run to run.
        problems.add(name, describe(raw), _NAMES + " in an order (not a set)")
        return None
    else:
        try:  # a caller's iterable, even a list subclass, may fail in any way
            items = tuple(raw)
        except Exception:  # noqa: BLE001 - report it, whatever it is
            problems.add(name, describe(raw), _NAMES + " that can be read")
            return None
    names: list[str] = []
    bad = False
    for n, item in enumerate(items):
        # str.strip, not item.strip: a subclass may override it; the result is a plain str.
        text = str.strip(item) if isinstance(item, str) else ""
        if text:
            names.append(text)
        elif problems.full:  # enough to report: count the rest, describe none
            bad = True
            problems.more += 1
        else:
            bad = True
            problems.add(f"{name}[{n}]", describe(item), "a medication name (a non-empty string)")
    return None if bad else tuple(names)


def _unknown_name(name: str, raw: object, checks: Mapping[str, object]) -> tuple[str, ...]:
    import difflib  # only on the error path, to keep import cheap

    close = difflib.get_close_matches(name, checks, n=1)
    hint = f"did you mean {close[0]!r}?" if close else ""
    return (name, describe(raw), "one of the inputs in legcramps.RISK_FACTORS", hint)
