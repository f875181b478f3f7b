"""The flat layout of a result: one row of plain columns, named from the knowledge.

Shared by ``legcramps batch`` (CSV and Parquet output, and JSON Lines with
``--fields``), :func:`legcramps.assess_many` with ``output="flat"``, and any
columnar view of results: one place says which columns there are, in which
order, of which type, and how an :class:`~legcramps.Assessment` or a row's
problems fill them. The causes and red flags come from the knowledge, so a
knowledge with a sixth cause has three more columns and nothing here changes.

Columns, in order (``<cause>`` stands for each cause id of the knowledge):

- ``knowledge_version`` (string): the knowledge that made the result;
- ``urgency`` (string): how soon to get medical help;
- ``red_flags`` (string): the raised red flags' ids, most urgent first,
  separated by ``;`` (empty when none is raised);
- ``<cause>_level`` (string) and ``<cause>_score`` (integer) for each cause;
- ``<cause>_unanswered`` (integer): how many of the cause's inputs are not
  answered yet, and ``questions_left`` (integer): how many questions are left;
- ``next_question`` (string): the id of the question to ask next (empty when
  none is left);
- ``unrecognized_medications`` (string): the names not recognised, by ``;``;
- ``problems`` (string), always present: empty (null) for an assessed row; for
  a row that could not be assessed, its problems, separated by `` | ``, and
  every other column empty (null).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from legcramps import _texts
from legcramps._errors import Problem, Problems, describe

# At run time too, so that typing.get_type_hints(flat_columns) resolves.
from legcramps._knowledge import Knowledge, checked_knowledge
from legcramps._public import publish

if TYPE_CHECKING:
    from legcramps._result import Assessment

#: The kinds of column: text, or a whole number.
STRING = "string"
INTEGER = "integer"

#: The column that says what was wrong with a row; in every flat record.
PROBLEMS = "problems"

#: The groups of columns ``fields`` can name, in the layout's order.
GROUPS = (
    "knowledge_version",
    "urgency",
    "red_flags",
    "levels",
    "scores",
    "unanswered",
    "next_question",
    "unrecognized_medications",
)

_SEPARATOR = ";"
_PROBLEM_SEPARATOR = " | "


@attrs.frozen(weakref_slot=False)
class Column:
    """One column of the flat layout: its *name*, *kind* (string or integer), and *group*."""

    name: str
    kind: str
    group: str


def layout(knowledge: Knowledge) -> tuple[Column, ...]:
    """Return every column of the flat layout for *knowledge*, in order (``problems`` last).

    >>> import legcramps
    >>> [c.name for c in layout(legcramps.KNOWLEDGE)][:6]
    ['knowledge_version', 'urgency', 'red_flags', 'overuse_level', 'fatigue_level', 'medication_level']
    """  # noqa: E501 - a doctest's output is one line
    causes = [c.id for c in knowledge.causes]
    return (
        Column("knowledge_version", STRING, "knowledge_version"),
        Column("urgency", STRING, "urgency"),
        Column("red_flags", STRING, "red_flags"),
        *(Column(f"{c}_level", STRING, "levels") for c in causes),
        *(Column(f"{c}_score", INTEGER, "scores") for c in causes),
        *(Column(f"{c}_unanswered", INTEGER, "unanswered") for c in causes),
        Column("questions_left", INTEGER, "unanswered"),
        Column("next_question", STRING, "next_question"),
        Column("unrecognized_medications", STRING, "unrecognized_medications"),
        Column(PROBLEMS, STRING, PROBLEMS),
    )


def select(
    knowledge: Knowledge, fields: Iterable[str] | None, problems: Problems, input_name: str
) -> tuple[Column, ...]:
    """Return the columns *fields* names (groups or columns), in that order, then ``problems``.

    ``None`` selects every column. A name that is neither a group nor a column
    adds a problem (as *input_name*), with the closest name as a hint.
    """
    columns = layout(knowledge)
    if fields is None:
        return columns
    by_name = {c.name: (c,) for c in columns if c.name != PROBLEMS}
    by_group = {g: tuple(c for c in columns if c.group == g) for g in GROUPS}
    chosen: dict[str, Column] = {}
    for field in fields:
        if field == PROBLEMS:  # always there
            continue
        found = (by_group.get(field) or by_name.get(field)) if type(field) is str else None
        if found is None:
            import difflib

            names = [*by_group, *by_name]
            close = difflib.get_close_matches(field, names, n=1) if type(field) is str else []
            hint = f"did you mean {close[0]!r}?" if close else ""
            expected = _texts.CLI_A_FIELD.format(groups=", ".join(GROUPS))
            problems.add(input_name, describe(field), expected, hint)
            continue
        for column in found:
            chosen.setdefault(column.name, column)
    return (*chosen.values(), columns[-1])


def flat_columns(
    fields: Sequence[str] | None = None, *, knowledge: Knowledge | None = None
) -> dict[str, str]:
    """Return the columns of the flat layout, name to kind (``"string"`` or ``"integer"``).

    The flat layout is the one row of plain columns a result becomes in CSV
    and Parquet output of ``legcramps batch``, and in :func:`~legcramps.assess_many`
    with ``output="flat"``; it is made from the knowledge (each cause has its
    ``_level``, ``_score`` and ``_unanswered`` columns), so it grows with it.
    *fields* selects groups (``"knowledge_version"``, ``"urgency"``,
    ``"red_flags"``, ``"levels"``, ``"scores"``, ``"unanswered"``,
    ``"next_question"``, ``"unrecognized_medications"``) or single columns, in
    the order given; ``None`` selects all. ``problems`` always comes last.
    *knowledge* defaults to :data:`legcramps.KNOWLEDGE`.

    :raises InvalidInput: if a field names neither a group nor a column.

    >>> import legcramps.batch
    >>> legcramps.batch.flat_columns(["urgency", "scores"])
    {'urgency': 'string', 'overuse_score': 'integer', 'fatigue_score': 'integer', 'medication_score': 'integer', 'posture_score': 'integer', 'dehydration_score': 'integer', 'problems': 'string'}
    """  # noqa: E501 - a doctest's output is one line
    problems = Problems()
    knowledge = checked_knowledge(knowledge, problems)
    if fields is not None and (
        isinstance(fields, (str, bytes)) or not isinstance(fields, Iterable)
    ):
        problems.add("fields", describe(fields), "a list of names (strings), or None")
        fields = ()
    columns = select(knowledge, fields, problems, "fields")
    if problems:
        raise problems.error()
    return {c.name: c.kind for c in columns}


class Flattener:
    """Fills the chosen *columns* from an assessment, or from a row's problems.

    Built once per run (it names each cause's columns once); then
    :meth:`values` and :meth:`problem_values` cost one pass over a result.

    >>> import legcramps
    >>> k = legcramps.KNOWLEDGE
    >>> flat = Flattener(k, select(k, ["urgency", "overuse_level"], Problems(), "fields"))
    >>> flat.names
    ('urgency', 'overuse_level', 'problems')
    >>> flat.values(legcramps.assess(exercise_minutes=120, exercise_intensity="vigorous"))
    ['undetermined', 'likely', None]
    """

    __slots__ = ("_cause_names", "_groups", "_positions", "names")

    def __init__(self, knowledge: Knowledge, columns: Sequence[Column]) -> None:
        self.names = tuple(c.name for c in columns)
        self._positions = {name: n for n, name in enumerate(self.names)}
        self._groups = frozenset(c.group for c in columns)
        self._cause_names = {
            c.id: (f"{c.id}_level", f"{c.id}_score", f"{c.id}_unanswered") for c in knowledge.causes
        }

    def values(self, result: Assessment) -> list[Any]:
        """Return the columns' values for *result*, in the order of :attr:`names`."""
        groups = self._groups
        found: dict[str, Any] = {
            "knowledge_version": result.knowledge_version,
            "urgency": result.urgency.value,
            PROBLEMS: None,
        }
        if "red_flags" in groups:
            found["red_flags"] = _SEPARATOR.join([r.id for r in result.red_flags])
        if "levels" in groups or "scores" in groups or "unanswered" in groups:
            names = self._cause_names
            for f in result.findings:
                level, score, unanswered = names[f.cause.id]
                found[level] = f.level.value
                found[score] = f.score
                found[unanswered] = len(f.unanswered)
        questions = result.next_questions
        found["questions_left"] = len(questions)
        found["next_question"] = questions[0].id if questions else ""
        if "unrecognized_medications" in groups:
            found["unrecognized_medications"] = _SEPARATOR.join(result.unrecognized_medications)
        return [found[name] for name in self.names]

    def problem_values(
        self, problems: Sequence[Problem], more: int = 0, language: str = "en"
    ) -> list[Any]:
        """Return the columns' values for a row with *problems*: only ``problems`` is filled.

        The problems are written in *language* (a code of :data:`legcramps.LANGUAGES`).
        """
        values: list[Any] = [None] * len(self.names)
        values[self._positions[PROBLEMS]] = problem_text(problems, more, language)
        return values


def problem_text(problems: Sequence[Problem], more: int = 0, language: str = "en") -> str:
    """Return *problems* as one line of text, separated by `` | ``, in *language*.

    >>> problem_text([Problem("fluid_litres", "-1 (int)", "a number")], more=2)
    'fluid_litres: received -1 (int); expected a number | and 2 more'
    >>> problem_text([Problem("hot_weather", "1 (int)", "True or False")], 2, "es")
    'hot_weather: se recibió 1 (int); se esperaba True o False | y 2 más'
    """
    if language == "en":
        parts = [str(p) for p in problems]
        if more:
            parts.append(f"and {more} more")
        return _PROBLEM_SEPARATOR.join(parts)
    from legcramps._catalog import catalog
    from legcramps._texts import MORE

    translated = catalog(language)
    parts = [translated.line(p) for p in problems]
    if more:
        parts.append(translated.text(MORE, more=more))
    return _PROBLEM_SEPARATOR.join(parts)


publish(flat_columns, "legcramps.batch")
