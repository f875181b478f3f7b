"""Answers in a JSON file: read for ``--input``, written for ``--save``, reported in JSON's words.

A problem with answers read from JSON is said the way JSON says it: ``true``,
``false`` and ``null``, a string, a number, an array; not Python's ``True``,
``None`` or ``list``.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from legcramps import _texts
from legcramps._cli._io import (
    IO_FAILED,
    CommandError,
    DuplicateKey,
    object_without_duplicates,
    read_text,
    source_name,
)
from legcramps._model import FactorKind

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from legcramps._errors import Problem
    from legcramps._knowledge import Knowledge
    from legcramps._model import AnswerValue, RiskFactor


def read_answers(path: str, option: str = "--input") -> dict[str, Any]:
    """Return the answers in the JSON object in the file *path* (``-``: standard input).

    :raises CommandError: if the file cannot be read, holds no JSON object, or
        gives a key twice (at any depth).
    """
    import json

    text = read_text(path, option)
    where = source_name(path)
    try:
        data = json.loads(text, object_pairs_hook=object_without_duplicates)
    except DuplicateKey as e:
        twice = _texts.CLI_KEY_TWICE.format(source=where, key=json_text(e.key))
        raise _bad(option, twice) from None
    except ValueError as e:
        raise _bad(option, _texts.CLI_NOT_VALID_JSON.format(source=where, reason=e)) from None
    except RecursionError:
        deep = _texts.CLI_NOT_VALID_JSON.format(source=where, reason=_texts.CLI_TOO_DEEP)
        raise _bad(option, deep) from None
    if not isinstance(data, dict):
        kind = _KINDS.get(type(data), "value")
        raise _bad(option, _texts.CLI_HOLDS.format(source=where, kind=kind, example=EXAMPLE))
    return data


def _bad(option: str, message: str) -> CommandError:
    """Return the error that the file given to *option* is bad, as *message* says."""
    return CommandError(_texts.CLI_ARGUMENT.format(argument=option, message=message))


def validated(
    knowledge: Knowledge, answers: dict[str, Any], path: str, option: str = "--input"
) -> dict[str, AnswerValue]:
    """Return *answers*, read from the file *path*, checked by *knowledge*.

    :raises CommandError: with one line per problem, in JSON's words.
    """
    from legcramps._errors import InvalidInput

    try:
        return knowledge.validate(answers)
    except InvalidInput as e:
        lines = problem_lines(e.problems, answers, knowledge, path, option)
        if e.more:
            more = _texts.CLI_MORE_PROBLEMS.format(source=source_name(path), more=e.more)
            lines.append(_texts.CLI_ARGUMENT.format(argument=option, message=more))
        raise CommandError(*lines) from None


def write_answers(path: str, answers: Mapping[str, AnswerValue | None]) -> None:
    """Write *answers* to the file *path* as a JSON object that ``--input`` reads.

    The file is replaced whole, or left as it was: the answers go to a new file
    beside it first.

    :raises CommandError: with :data:`~legcramps._cli._io.IO_FAILED` if it cannot be written.
    """
    import json
    import os
    import tempfile

    data = {k: list(v) if isinstance(v, tuple) else v for k, v in answers.items()}
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    folder = os.path.dirname(os.path.abspath(path))  # noqa: PTH100, PTH120 - a str path
    temporary = None
    try:
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", dir=folder, prefix=".legcramps-", suffix=".json", delete=False
        ) as file:
            temporary = file.name
            file.write(text)
        Path(temporary).replace(path)
    except OSError as e:
        if temporary is not None:
            _remove(temporary)
        cannot = _texts.CLI_CANNOT_WRITE.format(path=repr(path), reason=e.strerror or e)
        msg = _texts.CLI_ARGUMENT.format(argument="--save", message=cannot)
        raise CommandError(msg, status=IO_FAILED) from None


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):  # already gone, or never made
        Path(path).unlink()


# --- problems in JSON's words -----------------------------------------------------------

_BOOLEAN, _NUMBER, _STRING, _ARRAY, _VALUE = _texts.CLI_JSON_KINDS
_KINDS = {
    bool: _BOOLEAN,
    int: _NUMBER,
    float: _NUMBER,
    str: _STRING,
    list: _ARRAY,
    dict: "object",
    type(None): "null",
}
#: A JSON object of answers, as messages and the help show one.
EXAMPLE = '{"fluid_litres": 0.5}'
# A problem's input that names one item of a list answer, such as ``medications[2]``.
_ITEM = re.compile(r"(?P<name>[^\[\]]+)\[(?P<index>[0-9]+)\]")
_MAX_SHOWN = 60
_MISSING = object()


def json_text(value: object) -> str:
    """Return *value* written as JSON, shortened to fit in a message.

    >>> json_text(True), json_text(None), json_text("Vigorous"), json_text([1, 2])
    ('true', 'null', '"Vigorous"', '[1, 2]')
    """
    import json

    try:
        text = json.dumps(value, ensure_ascii=False)
    except RecursionError:  # nested nearly as deep as json.loads reads, then a little more
        return _texts.CLI_DEEPLY_NESTED
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 3] + "..."


def json_value(value: object) -> str:
    """Describe *value*, read from JSON, in JSON's words: its text and its JSON type.

    >>> json_value(True), json_value(None), json_value("yes"), json_value(2.5)
    ('true (boolean)', 'null', '"yes" (string)', '2.5 (number)')
    """
    if value is None:
        return "null"
    return f"{json_text(value)} ({_KINDS.get(type(value), _VALUE)})"


def json_expected(factor: RiskFactor) -> str:
    """Say in JSON's words what *factor* takes.

    >>> import legcramps
    >>> json_expected(legcramps.KNOWLEDGE.factor("hot_weather"))
    'true, false or null (unknown)'
    >>> json_expected(legcramps.KNOWLEDGE.factor("sex"))
    'one of "female", "male", or null (unknown)'
    """
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        return _texts.CLI_JSON_YES_NO
    if kind is FactorKind.CHOICE:
        return _texts.CLI_JSON_ONE_OF.format(choices=", ".join(map(json_text, factor.choices)))
    if kind is FactorKind.MEDICATIONS:
        return _texts.CLI_JSON_NAMES
    return factor.expected.replace("None (unknown)", "null (unknown)")


def _json_hint(factor: RiskFactor | None, value: object, hint: str) -> str:
    """Return *hint* in JSON's quotes; for a choice in the wrong case, say what was meant."""
    if factor is not None and factor.kind is FactorKind.CHOICE and isinstance(value, str):
        same = [c for c in factor.choices if c.casefold() == value.strip().casefold()]
        if same:
            return _texts.CLI_EXACT_CHOICE.format(choice=json_text(same[0]))
    return re.sub(r"'([^']*)'", lambda m: json_text(m[1]), hint)


def json_problem(problem: Problem, answers: Mapping[str, Any], knowledge: Knowledge) -> str:
    """Say *problem*, found with *answers* read from JSON, in JSON's words."""
    name = problem.input
    value: object = answers.get(name, _MISSING)
    item = _ITEM.fullmatch(name)
    if value is _MISSING and item is not None:  # an item of a list the file gave
        value = answers[item["name"]][int(item["index"])]
    factors = {f.id: f for f in knowledge.factors}
    factor = factors.get(name)
    received = problem.received if value is _MISSING else json_value(value)
    if factor is not None:
        expected = json_expected(factor)
    elif name in answers:  # not an input
        expected = _texts.CLI_NOT_AN_INPUT
    else:
        expected = problem.expected
    hint = _json_hint(factor, value, problem.hint)
    text = _texts.PROBLEM.format(input=name, received=received, expected=expected)
    return _texts.WITH_HINT.format(problem=text, hint=hint) if hint else text


def problem_lines(
    problems: Sequence[Problem],
    answers: Mapping[str, Any],
    knowledge: Knowledge,
    path: str,
    option: str = "--input",
) -> list[str]:
    """Return one line per problem with *answers*, read from *path*, naming the file."""
    where = source_name(path)
    return [
        _texts.CLI_ARGUMENT.format(
            argument=option,
            message=_texts.CLI_IN.format(source=where, problem=json_problem(p, answers, knowledge)),
        )
        for p in problems
    ]
