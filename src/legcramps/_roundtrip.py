"""Rebuild an :class:`~legcramps.Assessment` from its :meth:`~legcramps.Assessment.to_dict` form.

A dict is trusted for nothing but its answers. The top level is checked for
the keys of :meth:`~legcramps.Assessment.to_dict`, the knowledge version, the
urgency and the answers; then the answers are assessed again, and every part of
the dict must equal what that assessment gives, so that an edited urgency,
advice or disclaimer is refused rather than carried on. Every problem is named
by its path (``findings[0].level``) and reported together in one
:class:`~legcramps.InvalidInput`.
"""

from __future__ import annotations

from typing import Any

from legcramps._answers import read_items
from legcramps._errors import InvalidInput, Problems, describe
from legcramps._knowledge import Knowledge, checked_knowledge
from legcramps._model import Urgency
from legcramps._public import publish
from legcramps._result import Assessment

_MISSING = "nothing (the key is missing)"
_URGENCIES = tuple(u.value for u in Urgency)
_MAX_SHOWN = 60


def from_dict(data: object, *, knowledge: Knowledge | None = None) -> Assessment:
    """Return the assessment that :meth:`Assessment.to_dict` turned into *data*.

    Only the answers are trusted: they are assessed again against
    *knowledge* (the built-in :data:`legcramps.KNOWLEDGE` by default, which
    must be the version that made *data*), and every other part of *data*
    must equal that assessment's :meth:`~Assessment.to_dict`. The assessment
    returned is the knowledge's own, so an edited urgency, advice or
    disclaimer can never come back as a result.

    :raises InvalidInput: if *data* comes from another knowledge version, is
        malformed, or differs from what its answers give; each problem is
        named by its path, such as ``findings[0].level``.

    >>> import json, legcramps
    >>> a = legcramps.assess(sitting_hours=6, medications=["Lasix"])
    >>> legcramps.from_dict(json.loads(json.dumps(a.to_dict()))) == a
    True
    """
    problems = Problems()
    k = checked_knowledge(knowledge, problems)
    if problems:
        raise problems.error()
    blank = k.assess().to_dict()
    top = _read(data, "data", "an object, as Assessment.to_dict() gives", problems)
    if top is None:
        raise problems.error()
    _keys(top, blank, "", problems)
    version = top.get("knowledge_version", k.version)
    other_version = not (type(version) is str and version == k.version)
    if other_version:
        expected = f"{k.version!r}, the version of the knowledge to rebuild against"
        problems.add("knowledge_version", describe(version), expected)
    urgency = top.get("urgency", _URGENCIES[0])
    if not (type(urgency) is str and urgency in _URGENCIES):
        expected = "one of " + ", ".join(map(repr, _URGENCIES))
        problems.add("urgency", describe(urgency), expected)
    if other_version:
        # Ids from another knowledge version mean nothing here: stop at the top level.
        raise problems.error()
    answers = _answers(top.get("answers", {}), k, problems)
    if answers is None:
        raise problems.error()
    assessment = k.assess(answers)
    reported = {p.input for p in problems.found}
    for key, value in assessment.to_dict().items():
        if key in top and key not in reported:
            _compare(top[key], value, key, k.version, problems)
    if problems:
        raise problems.error()
    return assessment


def _read(value: object, path: str, expected: str, problems: Problems) -> dict[str, Any] | None:
    """Return the items of the mapping *value* as a dict with string keys, or add a problem."""
    items = read_items(value, problems, path, expected)
    if items is None:
        return None
    bad = [key for key, _ in items if type(key) is not str]
    if bad:
        problems.add(path, f"the key {describe(bad[0])}", "keys that are strings")
        return None
    return dict(items)  # type: ignore[arg-type]  # the keys are strings


def _keys(given: dict[str, Any], want: dict[str, Any], path: str, problems: Problems) -> bool:
    """Add a problem for each key missing from *given*, or not in *want*; return if none."""
    before = len(problems)
    for key in want:
        if key not in given:
            problems.add(_join(path, key), _MISSING, "a value, as Assessment.to_dict() gives")
    keys = ", ".join(want)
    for key, value in given.items():
        if key not in want:
            problems.add(_join(path, key), describe(value), f"no such key: the keys are {keys}")
    return len(problems) == before


def _answers(value: object, k: Knowledge, problems: Problems) -> dict[str, Any] | None:
    """Return the answers in *value*, checked by the knowledge, or add problems."""
    given = _read(value, "answers", "an object of answers by input id", problems)
    if given is None:
        return None
    nulls = [key for key, answer in given.items() if answer is None]
    expected = "a known answer (Assessment.to_dict() leaves unknown ones out)"
    for key in nulls:
        problems.add(f"answers.{key}", "None", expected)
    try:
        k.validate(given)
    except InvalidInput as e:
        for p in e.problems:
            problems.add(f"answers.{p.input}", p.received, p.expected, p.hint)
        problems.more += e.more
        return None
    return None if nulls else given


def _compare(given: object, want: object, path: str, version: str, problems: Problems) -> None:
    """Add a problem for each part of *given* that differs from *want* (plain JSON values).

    Values are compared only when their types are the same JSON type, so that a
    caller's object is never asked whether it equals anything.
    """
    if isinstance(want, dict):
        d = _read(given, path or "data", "an object, as Assessment.to_dict() gives", problems)
        if d is not None and _keys(d, want, path, problems):
            for key, value in want.items():
                _compare(d[key], value, _join(path, key), version, problems)
        return
    expected = f"{_shown(want)}, as knowledge {version} gives for these answers"
    if isinstance(want, list):
        if not (type(given) is list or type(given) is tuple):
            problems.add(path, describe(given), expected)
        elif len(given) != len(want):
            received = f"a list of {len(given)} item" + ("" if len(given) == 1 else "s")
            problems.add(path, received, expected)
        else:
            for n, (item, value) in enumerate(zip(given, want, strict=True)):
                _compare(item, value, f"{path}[{n}]", version, problems)
        return
    if not (type(given) is type(want) and given == want):
        problems.add(path, describe(given), expected)


def _shown(value: object) -> str:
    if isinstance(value, list):
        return "a list of " + (f"{len(value)} items" if len(value) != 1 else "1 item")
    if isinstance(value, str) and len(value) > _MAX_SHOWN:
        return repr(value[: _MAX_SHOWN - 3] + "...")
    return repr(value)


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


publish(from_dict)
