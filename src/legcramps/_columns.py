"""The columnar path: the engine's rules applied to whole columns of answers at once.

:func:`assess_columns` is :func:`legcramps.assess_frame` once its arguments are
checked. It reads a pandas data frame column by column (:func:`read`), evaluates
every row at once against a knowledge's compiled tables (:func:`evaluate`), and
lays the results out in the flat layout of :mod:`legcramps._flat`. Nothing here
knows a cause, an input or a red flag by name: the tables say what each answer
does, as they do for :mod:`legcramps._evaluate`, whose steps :func:`evaluate`
follows one for one, each on arrays over the rows.

Every condition has three states in each row: it holds, it fails, or it is not
known. Here a condition is two boolean arrays, the rows where it holds and the
rows where it fails; in the other rows it is unknown. A question that cannot
apply fails, and is neither unknown nor asked.

The cells of a column are checked by the one validator (:mod:`legcramps._answers`)
and, for text, read by the batch's cell parser (:mod:`legcramps._parse`): once
per distinct value (a column of a million yes/no cells has two), never by a
second set of rules. A row with a bad cell is assessed by the row path instead
(as ``assess_many(..., output="flat")`` does it), so that its problems are
exactly those ``assess()`` reports.

Imported only by :func:`legcramps.assess_frame`, on first use: it needs numpy
and pandas (the ``frame`` extra).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, TypeAlias, cast

from legcramps import _batch, _flat
from legcramps._answers import plain_key, validate
from legcramps._compile import NOTHING, Outcome, Tables, Test
from legcramps._errors import InvalidInput, Problems
from legcramps._knowledge import KNOWLEDGE, Knowledge
from legcramps._medications import recognize
from legcramps._model import FactorKind, Level, Medication, RiskFactor, Urgency
from legcramps._parse import read_cell

#: A numpy array over the rows (of booleans, whole numbers or floats); numpy is loaded only
#: when the columnar path runs, so its types are not named here.
Array: TypeAlias = Any

_YES_NO = FactorKind.YES_NO
_NUMBER = FactorKind.NUMBER
_CHOICE = FactorKind.CHOICE
_MEDICATIONS = FactorKind.MEDICATIONS

#: What a cell holds: nothing (unknown), a checked answer, or something that is no answer.
MISSING, GIVEN, BAD = 0, 1, 2

#: The exact types of cell whose equal values are the same answer (and numpy's float64,
#: see :func:`_hashed`).
_PLAIN = frozenset({bool, int, float, str})

#: The numpy kinds of a column read as numbers (or yes/no): bool, int, unsigned, float.
_NUMERIC_KINDS = frozenset("biuf")

#: Levels in the order of their codes here; the urgencies by rank.
_LEVELS = (Level.LIKELY, Level.POSSIBLE, Level.UNLIKELY, Level.UNKNOWN)
_LIKELY, _POSSIBLE, _UNLIKELY, _UNKNOWN = range(4)
_BY_RANK = {u.rank: u for u in Urgency}
_SELF_CARE = Urgency.SELF_CARE.rank
_UNDETERMINED = Urgency.UNDETERMINED.rank
_SEE_DOCTOR = Urgency.SEE_DOCTOR.rank

#: Ordered categories: the calmest first, so that ``max()`` is the most pressing.
URGENCIES = tuple(u.value for u in sorted(Urgency))
LEVELS = tuple(level.value for level in sorted(Level))


def numpy() -> Any:
    """Return the numpy module, loaded on first use (it comes with pandas)."""
    import numpy as np  # type: ignore[import-not-found, unused-ignore]  # the frame extra

    return np


def _hashed() -> tuple[frozenset[type], frozenset[type]]:
    """Return the types of cell read once per distinct value, and those of a missing cell.

    An object column whose cells (those not missing) are all of the first types is
    checked once per distinct value (pandas' factorize finds them). ``True == 1 ==
    1.0`` in Python, so a column with more than one of them is told apart by type as
    well. A str subclass, any other numpy scalar, a list or any other object is read
    cell by cell.
    """
    import pandas as pd

    floats = {float, numpy().float64}
    return _PLAIN | floats, frozenset({type(None), type(pd.NA), *floats})


# --- reading ----------------------------------------------------------------------------


def is_missing(cell: object, na: object) -> bool:
    """Return whether *cell* is a missing value: ``None``, *na* (``pandas.NA``) or a float NaN.

    A float NaN is how pandas marks a gap in a column of numbers (numpy's float64
    is a float). Anything else is a value, to be checked.

    >>> is_missing(None, None), is_missing(float("nan"), None), is_missing(0.0, None)
    (True, True, False)
    """
    # math.isnan reads a float subclass by its true value, whatever it says of itself.
    return cell is None or cell is na or (isinstance(cell, float) and math.isnan(cell))


class MedicationLists:
    """The distinct medication lists of one input, each recognised once.

    *lists* holds, per list: its names, the medications recognised, and the
    names not recognised; :meth:`code` numbers a list by its names.
    """

    __slots__ = ("codes", "lists")

    def __init__(self) -> None:
        self.lists: list[tuple[tuple[str, ...], tuple[Medication, ...], tuple[str, ...]]] = []
        self.codes: dict[tuple[str, ...], int] = {}

    def code(self, table: Tables, names: tuple[str, ...]) -> int:
        """Return the number of the list *names*, recognising it if it is new."""
        found = self.codes.get(names)
        if found is None:
            found = self.codes[names] = len(self.lists)
            self.lists.append((names, *recognize(table.medications, names)))
        return found


class Answers:
    """The answers of a frame, column by column: what each row gives, checked.

    For each input with a column: *given*, the rows that answer it (with a
    good answer); *coded*, the answers as floats: 1 or 0 (yes/no), the number,
    the index of the choice, or the number of the list in *lists* (medications),
    0 where there is no answer. *bad* marks the rows with a cell that is not an
    answer.
    """

    __slots__ = ("bad", "coded", "given", "lists", "rows")

    def __init__(self, rows: int) -> None:
        np = numpy()
        self.rows = rows
        self.given: dict[str, Array] = {}
        self.coded: dict[str, Array] = {}
        self.lists: dict[str, MedicationLists] = {}
        self.bad = np.zeros(rows, dtype=bool)


class Reader:
    """Reads one column's cells into checked answers, each distinct cell once."""

    __slots__ = ("cells", "checks", "factor", "hashed", "lists", "na", "none", "tables")

    def __init__(self, tables: Tables, factor: RiskFactor, *, cells: bool) -> None:
        import pandas as pd

        self.hashed, self.none = _hashed()
        self.na = pd.NA
        self.tables = tables
        self.checks = tables.checks
        self.factor = factor
        self.cells = cells
        self.lists = MedicationLists()

    def outcome(self, raw: object) -> tuple[int, float]:
        """Return what the cell *raw* (not missing) holds: (state, the answer as a number).

        The answer is the yes/no (1 or 0), the number, the index of the choice, or
        the number of the medication list.
        """
        state, value = self._checked(raw)
        return (GIVEN, self._coded(value)) if state == GIVEN else (state, 0.0)

    def _checked(self, raw: object) -> tuple[int, Any]:
        """Return (state, the checked answer) of the cell *raw*, read as text with *cells*."""
        factor = self.factor
        if self.cells:  # text, read as legcramps batch reads a CSV cell
            text = plain_key(raw)
            if text is None:
                return BAD, None
            problems = Problems()
            raw = read_cell(factor, text, problems)
            if problems:
                return BAD, None
            if raw is None:  # an empty cell, "unknown", "?"
                return MISSING, None
        try:
            return GIVEN, validate(self.checks, {factor.id: raw}, {})[factor.id]
        except InvalidInput:
            return BAD, None

    def _coded(self, value: Any) -> float:
        """Return the checked answer *value* as a number (see :attr:`Answers.coded`)."""
        factor = self.factor
        kind = factor.kind
        if kind is _YES_NO:
            return float(value is True)
        if kind is _NUMBER:  # from its minimum to its maximum, both floats: it is one too
            return float(value)
        if kind is _CHOICE:
            return float(factor.choices.index(value))
        return float(self.lists.code(self.tables, value))

    def read(self, series: Any) -> tuple[Array, Array, Array, Any]:
        """Return the column *series* read: (state, answers, missing, its cells).

        The cells are what the row path is given for a row with a bad cell.
        """
        np = numpy()
        dtype = series.dtype
        if getattr(dtype, "kind", "O") in _NUMERIC_KINDS:
            return self._numeric(series)
        cells = series.to_numpy(dtype=object)
        missing = self._missing(cells)
        where = np.flatnonzero(~missing)
        present = cells[where]
        kinds = set(map(type, present))
        if kinds <= self.hashed:
            codes, distinct = _distinct(present, tagged=len(kinds) > 1)
            outcomes = [self.outcome(cell) for cell in distinct]
            states = np.array([s for s, _ in outcomes], dtype=np.int8)[codes]
            answers = np.array([v for _, v in outcomes])[codes]
        else:
            states, answers = self._one_by_one(present)
        all_states = np.zeros(len(cells), dtype=np.int8)  # MISSING
        all_answers = np.zeros(len(cells))
        all_states[where] = states
        all_answers[where] = answers
        return all_states, all_answers, missing, cells

    def _missing(self, cells: Array) -> Array:
        """Return which *cells* are missing (see :func:`is_missing`).

        pandas finds them at once; it also takes ``NaT`` and a decimal NaN for
        missing, and may fail on a caller's object: then each cell is looked at.
        """
        np = numpy()
        import pandas as pd

        try:
            missing = pd.isna(cells)
            if set(map(type, cells[missing])) <= self.none:
                return missing
        except Exception:  # noqa: BLE001, S110 - a caller's object: look at each cell instead
            pass
        na = self.na
        return np.fromiter((is_missing(c, na) for c in cells), dtype=bool, count=len(cells))

    def _one_by_one(self, cells: Array) -> tuple[Array, Array]:
        """Read cells of any type one by one: lists, numpy scalars, a caller's objects."""
        np = numpy()
        rows = len(cells)
        states = np.zeros(rows, dtype=np.int8)
        answers = np.zeros(rows)
        seen: dict[tuple[object, ...], tuple[int, float]] = {}
        hashed = self.hashed
        for n, cell in enumerate(cells):
            key = _key(cell, hashed, np.ndarray)
            found = None if key is None else seen.get(key)
            if found is None:
                found = self.outcome(cell)
                if key is not None:
                    seen[key] = found
            states[n], answers[n] = found
        return states, answers

    def _numeric(self, series: Any) -> tuple[Array, Array, Array, Any]:
        """Read a column of booleans or numbers (numpy's, or pandas' nullable ones)."""
        np = numpy()
        dtype = series.dtype
        missing = series.isna().to_numpy(dtype=bool)
        kind = dtype.kind
        zero = {"b": False, "f": np.nan}.get(kind, 0)
        cells = series.to_numpy(dtype=getattr(dtype, "numpy_dtype", dtype), na_value=zero)
        factor = self.factor
        present = ~missing
        if self.cells:  # text is wanted: a number or a boolean is not a cell's text
            good = np.zeros(len(cells), dtype=bool)
        elif factor.kind is _YES_NO:
            good = present if kind == "b" else np.zeros(len(cells), dtype=bool)
        elif factor.kind is _NUMBER and kind != "b":
            low, high = self.checks[factor.id][1:3]
            numbers = cells.astype(np.float64)
            good = present & np.isfinite(numbers) & (low <= numbers) & (numbers <= high)
            return _states(good, present), numbers, missing, cells
        else:
            good = np.zeros(len(cells), dtype=bool)
        return _states(good, present), cells.astype(np.float64), missing, cells


def _states(good: Array, present: Array) -> Array:
    """Return GIVEN where *good*, BAD where *present* but not good, else MISSING."""
    np = numpy()
    return np.where(good, GIVEN, np.where(present, BAD, MISSING)).astype(np.int8)


def _distinct(cells: Array, *, tagged: bool) -> tuple[Array, Array]:
    """Return each cell's number among the distinct *cells* (none missing), and those cells.

    *tagged*: the cells are of more than one type, so two equal cells are the same
    only if of the same type (``True`` and ``1`` are not).
    """
    import pandas as pd

    np = numpy()
    values, distinct = pd.factorize(cells)
    if any(type(d) is str for d in distinct) and not (cells == distinct[values]).all():
        # pandas' hash table reads a string only up to a NUL: "" and "\x00" come out as one
        numbers: dict[object, int] = {}
        values = np.fromiter(
            (numbers.setdefault(c, len(numbers)) for c in cells), dtype=np.int64, count=len(cells)
        )
        distinct = np.array(list(numbers), dtype=object)
    if not tagged:
        return values, distinct
    types, _ = pd.factorize(np.fromiter(map(type, cells), dtype=object, count=len(cells)))
    codes, firsts = combine([values, types])
    return codes, cells[firsts]


def combine(columns: Sequence[Array]) -> tuple[Array, Array]:
    """Return each row's number among the distinct rows of *columns*, and each's first row.

    The columns hold whole numbers; the time is linear in the rows (hashing, not
    sorting).

    >>> codes, firsts = combine([numpy().array([1, 2, 1, 2]), numpy().array([0, 5, 0, 0])])
    >>> codes.tolist(), firsts.tolist()
    ([0, 1, 0, 2], [0, 1, 3])
    """
    import pandas as pd

    np = numpy()
    codes, distinct = pd.factorize(columns[0])
    for column in columns[1:]:
        other, more = pd.factorize(column)
        codes, distinct = pd.factorize(codes.astype(np.int64) * len(more) + other)
    firsts = np.zeros(len(distinct), dtype=np.int64)
    firsts[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)
    return codes, firsts


def _key(cell: Any, hashed: frozenset[type], array: type) -> tuple[object, ...] | None:
    """Return a key under which *cell* is read as every cell with that key; None if none is.

    A cell of a *hashed* type is read by its type and value; a list, tuple or
    *array* (numpy's) of plain strings by its strings.
    """
    kind = type(cell)
    if kind in hashed:
        return (kind, cell)
    if kind is list or kind is tuple or kind is array:
        items = tuple(cell)
        if all(type(item) is str for item in items):
            return (list, items)
    return None


def read(
    frame: Any, knowledge: Knowledge, names: Sequence[str], *, cells: bool
) -> tuple[Answers, dict[str, tuple[Array, Any]]]:
    """Return the answers in the columns *names* of *frame*, and each column's raw cells.

    The raw cells are (missing, cells), for the rows assessed by the row path.
    """
    np = numpy()
    tables = knowledge._tables  # noqa: SLF001 - the engine's tables, read only
    answers = Answers(len(frame))
    raw: dict[str, tuple[Array, Any]] = {}
    for name in names:
        factor = tables.factors[name]
        reader = Reader(tables, factor, cells=cells)
        states, values, missing, column = reader.read(frame[name])
        given = answers.given[name] = states == GIVEN
        answers.coded[name] = np.where(given, values, 0.0)  # nothing but answers
        answers.bad |= states == BAD
        if factor.kind is _MEDICATIONS:
            answers.lists[name] = reader.lists
        raw[name] = (missing, column)
    return answers, raw


# --- evaluating -------------------------------------------------------------------------


class Results:
    """What :func:`evaluate` finds for each row, as arrays over the rows.

    *urgency* and *may_rise_to* are urgency ranks (-1: none); *raised* holds a
    boolean array per red flag, most urgent first (``tables.flags_by_urgency``);
    per cause *levels* (codes into ``_LEVELS``), *scores* and *unanswered*;
    *questions_left*; *next_question*, an index into ``tables.question_order``
    (-1: none); *unrecognized*, per row the medication names not recognised.
    """

    __slots__ = (
        "levels",
        "may_rise_to",
        "next_question",
        "questions_left",
        "raised",
        "scores",
        "unanswered",
        "unrecognized",
        "urgency",
    )

    levels: list[Array]
    may_rise_to: Array
    next_question: Array
    questions_left: Array
    raised: list[Array]
    scores: list[Array]
    unanswered: list[Array]
    unrecognized: tuple[Array, list[str]]
    urgency: Array


class _State:
    """What the assessment of every row found so far: :class:`legcramps._state.State`, columnar.

    *known* and *yes* are per input: the rows whose (effective) answer is known,
    and, for a yes/no, the rows where it is yes; *na* the rows where the input
    cannot apply. Inputs without a column are known in no row.
    """

    __slots__ = (
        "answered",
        "answers",
        "count",
        "dead",
        "floor",
        "known",
        "na",
        "no",
        "rows",
        "scores",
        "tables",
        "yes",
    )

    def __init__(self, tables: Tables, answers: Answers) -> None:
        np = numpy()
        rows = self.rows = answers.rows
        self.tables = tables
        self.answers = answers
        self.no = np.zeros(rows, dtype=bool)
        self.known = {fid: answers.given.get(fid, self.no) for fid in tables.factors}
        self.yes = {
            fid: (answers.coded[fid] == 1) & answers.given[fid]
            for fid, f in tables.factors.items()
            if f.kind is _YES_NO and fid in answers.given
        }
        self.na: dict[str, Array] = {}
        causes = len(tables.cause_factors)
        self.answered = [np.zeros(rows, dtype=bool) for _ in range(causes)]
        self.scores = [np.zeros(rows, dtype=np.int64) for _ in range(causes)]
        alternatives = len(tables.alternative_flag)
        self.count = [np.zeros(rows, dtype=np.int16) for _ in range(alternatives)]
        self.dead = [np.zeros(rows, dtype=bool) for _ in range(alternatives)]
        self.floor = np.zeros(rows, dtype=np.int8)

    def not_applicable(self, fid: str) -> Array:
        return self.na.get(fid, self.no)

    def is_yes(self, fid: str) -> Array:
        return self.yes.get(fid, self.no)

    def unsure(self, fid: str) -> Array:
        """Return the rows where *fid* is a medication list with a name not recognised."""
        lists = self.answers.lists.get(fid)
        if lists is None:
            return self.no
        np = numpy()
        per_list = np.array([bool(u) for _, _, u in lists.lists] + [False])
        return self.known[fid] & per_list[_codes(self.answers.coded[fid])]

    def truth(self, test: Test) -> tuple[Array, Array]:
        """Return the rows where the condition *test* holds, and those where it fails.

        As :func:`legcramps._state.truth`: a question that cannot apply fails.
        """
        np = numpy()
        fid, kind, compare, bound, one_of = test
        na = self.not_applicable(fid)
        known = self.known[fid] & ~na
        if not known.any():
            return self.no, na
        values = self.answers.coded[fid]
        if kind is _YES_NO:
            held = self.is_yes(fid)
        elif kind is _CHOICE:
            choices = self.tables.factors[fid].choices
            held = np.isin(values, [choices.index(c) for c in one_of])
        elif kind is _NUMBER:
            held = compare(values, bound)
        else:
            lists = self.answers.lists[fid].lists
            per_list = [_list_truth(compare, bound, one_of, m, self.tables) for m in lists]
            table = np.array([*per_list, 0], dtype=np.int8)[_codes(values)]
            return known & (table == 1), (known & (table == 0)) | na
        return known & held, (known & ~held) | na


def _list_truth(
    compare: Any, bound: float, one_of: frozenset[str], meds: Any, tables: Tables
) -> int:
    """Return whether a condition holds for one medication list: 1, 0, or -1 (unknown)."""
    names, recognized, unrecognized = meds
    if not one_of:  # how many medications are taken
        return int(bool(compare(len(names), bound)))
    if any(not one_of.isdisjoint(tables.class_values[m.generic]) for m in recognized):
        return 1
    return -1 if unrecognized else 0


def _codes(values: Array) -> Array:
    """Return the numbers of the medication lists in *values* (floats) as indexes."""
    np = numpy()
    return values.astype(np.int64)


def evaluate(tables: Tables, knowledge: Knowledge, answers: Answers) -> Results:
    """Return what every row's answers give, as :func:`legcramps._evaluate.evaluate` would."""
    np = numpy()
    s = _State(tables, answers)
    _implied(s)
    _not_applicable(s)
    _settled_screens(s)
    _score(s)
    results = Results()
    raised, open_rank = _flags(s)
    results.raised = raised
    levels, raised_causes, unknown = _rank(s, knowledge, results)
    any_raised = np.zeros(s.rows, dtype=bool)
    top = np.zeros(s.rows, dtype=np.int8)
    for (_, rank, _), flag in zip(tables.flags_by_urgency, raised, strict=True):
        any_raised |= flag
        top = np.where(flag, np.maximum(top, rank), top)
    urgency = np.where(
        any_raised | (s.floor != 0),
        np.maximum(top, s.floor),
        np.where(
            raised_causes > 0,
            np.where(open_rank != 0, _UNDETERMINED, _SELF_CARE),
            np.where(unknown > 0, _UNDETERMINED, _SEE_DOCTOR),
        ),
    ).astype(np.int8)
    results.urgency = urgency
    results.may_rise_to = np.where(open_rank > urgency, open_rank, -1).astype(np.int8)
    results.levels = levels
    _questions(s, results)
    results.unrecognized = _unrecognized(s)
    return results


def _implied(s: _State) -> None:
    """Answer "no" each member, not answered itself, of a screen answered "no" (``_implied``)."""
    for screen, members in s.tables.screens:
        given = s.answers.given.get(screen)
        if given is None:
            continue
        no = given & ~s.is_yes(screen)
        for member in members:
            s.known[member] = s.known[member] | (no & ~s.answers.given.get(member, s.no))


def _not_applicable(s: _State) -> None:
    """Find the rows where a question cannot apply (as ``_not_applicable``)."""
    np = numpy()
    for fid, mask, alternatives, tests in s.tables.applicability:
        na = np.ones(s.rows, dtype=bool)
        for test in tests:
            na &= s.truth(test)[1]
        if not na.any():
            continue
        s.na[fid] = na
        for i in _bits(mask):
            s.answered[i] |= na
        for a in _bits(alternatives):
            s.dead[a] |= na


def _settled_screens(s: _State) -> None:
    """Withdraw each screening "yes" that its members have settled (as ``_settled_screens``)."""
    np = numpy()
    for screen, members in s.tables.screens:
        given_yes = s.is_yes(screen)
        if not given_yes.any():
            continue
        some = np.zeros(s.rows, dtype=bool)
        every = np.ones(s.rows, dtype=bool)
        for m in members:
            na = s.not_applicable(m)
            yes = s.is_yes(m)
            some |= yes & ~na
            every &= (s.known[m] & ~yes) | na
        s.yes[screen] = given_yes & ~(some | every)


def _bits(mask: int) -> list[int]:
    return [i for i in range(mask.bit_length()) if mask >> i & 1]


def _apply(s: _State, outcome: Outcome, rows: Array) -> None:
    """Apply what one answer does (its signs, the alternatives it raises or kills) to *rows*."""
    np = numpy()
    if outcome is NOTHING or not rows.any():
        return
    effects, raised, killed = outcome
    for i, weight, _, _, rank in effects:
        s.scores[i] += np.where(rows, weight, 0)
        s.floor = np.where(rows, np.maximum(s.floor, rank), s.floor)
    for a in raised:
        s.count[a] += rows
    for a in _bits(killed):
        s.dead[a] |= rows


def _score(s: _State) -> None:
    """Score the answers: one pass over the factors, as ``score``, each over all rows."""
    np = numpy()
    for fid, kind, mask, yes, no, by_choice, rules, tests, _, _ in s.tables.plan:
        rows = s.known[fid] & ~s.not_applicable(fid)
        if not rows.any():
            continue
        if kind is _MEDICATIONS:
            _medications(s, fid, rows, mask, rules, tests)
            continue
        for i in _bits(mask):
            s.answered[i] |= rows
        if kind is _YES_NO:
            is_yes = s.is_yes(fid)
            _apply(s, yes, rows & is_yes)
            _apply(s, no, rows & ~is_yes)
        elif kind is _CHOICE:
            values = s.answers.coded[fid]
            for n, choice in enumerate(s.tables.factors[fid].choices):
                _apply(s, by_choice[choice], rows & (values == n))
        else:
            values = s.answers.coded[fid]
            for compare, bound, _, i, weight, _, _, rank, _ in rules:
                hit = rows & compare(values, bound)
                s.scores[i] += np.where(hit, weight, 0)
                s.floor = np.where(hit, np.maximum(s.floor, rank), s.floor)
            for compare, bound, _, a in tests:
                held = compare(values, bound)
                s.count[a] += rows & held
                s.dead[a] |= rows & ~held


def _medications(  # noqa: PLR0913, PLR0917 - the parts of one plan entry
    s: _State, fid: str, rows: Array, mask: int, rules: Any, tests: Any
) -> None:
    """Score the medication lists (as ``_medications``), each distinct list once."""
    np = numpy()
    lists = s.answers.lists[fid].lists
    codes = _codes(s.answers.coded[fid])
    class_values = s.tables.class_values
    unrecognized = np.array([bool(u) for _, _, u in lists] + [False])[codes]
    hit = [np.zeros(s.rows, dtype=bool) for _ in s.answered]
    for _, _, one_of, i, weight, _, _, rank, _ in rules:
        per_list = [
            any(not one_of.isdisjoint(class_values[m.generic]) for m in recognized)
            for _, recognized, _ in lists
        ]
        matched = rows & np.array([*per_list, False])[codes]
        hit[i] |= matched
        s.scores[i] += np.where(matched, weight, 0)
        s.floor = np.where(matched, np.maximum(s.floor, rank), s.floor)
    for compare, bound, one_of, a in tests:
        table = np.array(
            [*(_list_truth(compare, bound, one_of, m, s.tables) for m in lists), 0], dtype=np.int8
        )[codes]
        s.count[a] += rows & (table == 1)
        s.dead[a] |= rows & (table == 0)
    # An unrecognised name answers a cause only through a sign a recognised one raised.
    for i in _bits(mask):
        s.answered[i] |= rows & (~unrecognized | hit[i])


def _flags(s: _State) -> tuple[list[Array], Array]:
    """Return per red flag (most urgent first) its raised rows, and the open rank per row."""
    np = numpy()
    tables = s.tables
    size = tables.alternative_size
    raised: list[Array] = []
    open_rank = np.zeros(s.rows, dtype=np.int8)
    for _, rank, alternatives in tables.flags_by_urgency:
        up = np.zeros(s.rows, dtype=bool)
        alive = np.zeros(s.rows, dtype=bool)
        for a in alternatives:
            up |= s.count[a] == size[a]
            alive |= ~s.dead[a]
        raised.append(up)
        open_rank = np.where(alive & ~up, np.maximum(open_rank, rank), open_rank)
    for fid, rank in tables.escalators:
        waiting = (~s.known[fid] | s.unsure(fid)) & ~s.not_applicable(fid)
        open_rank = np.where(waiting, np.maximum(open_rank, rank), open_rank)
    return raised, open_rank


def _rank(s: _State, knowledge: Knowledge, results: Results) -> tuple[list[Array], Array, Array]:
    """Set each cause's level, score and unanswered count; return the levels and two counts.

    The counts, per row: the causes likely or possible, and those unknown.
    """
    np = numpy()
    likely_at, possible_at = knowledge.likely_at, knowledge.possible_at
    unrecognized = np.zeros(s.rows, dtype=bool)
    for fid in s.answers.lists:
        unrecognized |= s.unsure(fid)
    levels: list[Array] = []
    results.scores = []
    results.unanswered = []
    raised_causes = np.zeros(s.rows, dtype=np.int64)
    unknown = np.zeros(s.rows, dtype=np.int64)
    for i, cause_factors in enumerate(s.tables.cause_factors):
        answered = s.answered[i]
        score = s.scores[i]
        level = np.where(
            ~answered,
            _UNKNOWN,
            np.where(
                score >= likely_at, _LIKELY, np.where(score >= possible_at, _POSSIBLE, _UNLIKELY)
            ),
        )
        levels.append(level)
        results.scores.append(np.where(answered, score, 0))
        waiting = np.zeros(s.rows, dtype=np.int64)  # not known and able to apply
        not_known = np.zeros(s.rows, dtype=np.int64)
        for fid, _ in cause_factors:
            missing = ~s.known[fid]
            not_known += missing
            waiting += missing & ~s.not_applicable(fid)
        results.unanswered.append(
            np.where(answered, waiting, np.where(unrecognized, not_known, len(cause_factors)))
        )
        raised_causes += level <= _POSSIBLE
        unknown += level == _UNKNOWN
    return levels, raised_causes, unknown


def _questions(s: _State, results: Results) -> None:
    """Set the count of questions left and the next one (as ``next_questions``).

    A screen is pending where it is not answered and no member is answered
    (an answer to a member that cannot apply aside).
    """
    np = numpy()
    tables = s.tables
    pending = {}
    for screen, members in tables.screens:
        some = np.zeros(s.rows, dtype=bool)
        for m in members:
            some |= s.known[m] & ~s.not_applicable(m)
        pending[screen] = ~s.answers.given.get(screen, s.no) & ~some
    left = np.zeros(s.rows, dtype=np.int64)
    first = np.full(s.rows, -1, dtype=np.int64)
    for q in range(len(tables.question_order) - 1, -1, -1):
        fid, factor = tables.question_order[q]
        ask = ~s.known[fid] & ~s.not_applicable(fid)
        if factor.members:
            ask &= pending[fid]
        left += ask
        first = np.where(ask, q, first)
    results.questions_left = left
    results.next_question = first


def _unrecognized(s: _State) -> tuple[Array, list[str]]:
    """Return per row the code of its unrecognised names' text, and the texts.

    As ``_all_medications``: the names of every list, in the inputs' order, each once.
    """
    np = numpy()
    inputs = list(s.answers.lists.items())
    columns = [np.where(s.known[fid], _codes(s.answers.coded[fid]), -1) for fid, _ in inputs]
    codes, firsts = combine([np.zeros(s.rows, dtype=np.int64), *columns])
    texts = []
    for row in firsts.tolist():
        names: dict[str, None] = {}
        for (_, lists), column in zip(inputs, columns, strict=True):
            code = column[row]
            if code >= 0:
                names.update(dict.fromkeys(lists.lists[code][2]))
        texts.append(";".join(names))
    return codes, texts


# --- the flat layout --------------------------------------------------------------------


class _Text:
    """A text column being filled: a code per row into its categories (-1: null)."""

    __slots__ = ("categories", "codes", "ordered", "where")

    def __init__(self, codes: Array, categories: Sequence[str], *, ordered: bool = False) -> None:
        np = numpy()
        self.codes = codes.astype(np.int32)
        self.categories = list(categories)
        self.where = {c: n for n, c in enumerate(self.categories)}
        self.ordered = ordered

    def put(self, row: int, value: str | None) -> None:
        """Set the cell at *row* to *value*."""
        self.codes[row] = -1 if value is None else self.code_of(value)

    def empty(self, rows: int) -> _Text:
        """Return a column of *rows* nulls, with no categories yet, ordered as this one."""
        np = numpy()
        return _Text(np.full(rows, -1, dtype=np.int32), (), ordered=self.ordered)

    def add(self, part: _Text | _Number, start: int) -> None:
        """Set the rows from *start* on to the cells of *part*, its categories added to these."""
        np = numpy()
        text = cast("_Text", part)
        renumber = np.array([self.code_of(c) for c in text.categories] + [-1], dtype=np.int32)
        self.codes[start : start + len(text.codes)] = renumber[text.codes]

    def code_of(self, value: str) -> int:
        """Return the code of the category *value*, adding it if it is new."""
        code = self.where.get(value)
        if code is None:
            code = self.where[value] = len(self.categories)
            self.categories.append(value)
        return code

    def column(self) -> Any:
        """Return the column: an ordered ``Categorical``, or text and ``None`` for a null.

        An ordered column (an urgency, a level) has the same categories in every frame,
        so the frames of the chunks of one file concatenate as one categorical column.
        Free text (problems, red flags, medication names) differs from frame to frame:
        it is plain text (the texts shared, not copied).
        """
        if self.ordered:
            import pandas as pd

            return pd.Categorical.from_codes(self.codes, self.categories, ordered=True)
        np = numpy()
        texts = np.array([*self.categories, None], dtype=object)
        return texts[self.codes]  # a code of -1 picks the last: None


class _Number:
    """A column of whole numbers being filled, with nulls."""

    __slots__ = ("null", "numbers")

    def __init__(self, values: Array) -> None:
        np = numpy()
        self.numbers = values.astype(np.int64)
        self.null = np.zeros(len(values), dtype=bool)

    def put(self, row: int, value: int | None) -> None:
        """Set the cell at *row* to *value*."""
        self.null[row] = value is None
        self.numbers[row] = 0 if value is None else value

    def empty(self, rows: int) -> _Number:
        """Return a column of *rows* zeros."""
        np = numpy()
        return _Number(np.zeros(rows, dtype=np.int64))

    def add(self, part: _Text | _Number, start: int) -> None:
        """Set the rows from *start* on to the cells of *part*."""
        number = cast("_Number", part)
        end = start + len(number.numbers)
        self.numbers[start:end] = number.numbers
        self.null[start:end] = number.null

    def column(self) -> Any:
        import pandas as pd

        return pd.arrays.IntegerArray(self.numbers, self.null)


def _texts(codes: Array, texts: list[str]) -> _Text:
    """Return the column of *texts* chosen by *codes*, each text once among its categories."""
    np = numpy()
    numbers: dict[str, int] = {}
    where = np.array([numbers.setdefault(t, len(numbers)) for t in texts], dtype=np.int64)
    distinct = list(numbers)
    return _Text(where[codes] if len(texts) else codes, distinct)


def _columns(knowledge: Knowledge, results: Results, rows: int) -> dict[str, _Text | _Number]:
    """Return the columns of the flat layout (and ``may_rise_to``) for *results*."""
    np = numpy()
    tables = knowledge._tables  # noqa: SLF001 - the engine's tables, read only
    by_rank = np.full(max(_BY_RANK) + 2, -1)  # an urgency's code by its rank; the last: none
    for rank, urgency in _BY_RANK.items():
        by_rank[rank] = URGENCIES.index(urgency.value)
    by_level = np.array([LEVELS.index(level.value) for level in _LEVELS])
    flags = [knowledge.red_flags[j].id for j, _, _ in tables.flags_by_urgency]
    # Each row's raised flags as bits, eight bytes (64 flags) to a whole number.
    raised = np.column_stack([*results.raised, np.zeros(rows, dtype=bool)])
    packed = np.packbits(raised, axis=1)
    packed = np.pad(packed, ((0, 0), (0, -packed.shape[1] % 8))).view(np.uint64)
    which, firsts = combine(list(packed.T))
    ids = [";".join(f for f, up in zip(flags, raised[row], strict=False) if up) for row in firsts]
    questions = [fid for fid, _ in tables.question_order]
    found: dict[str, _Text | _Number] = {
        "knowledge_version": _Text(np.zeros(rows), [knowledge.version]),
        "urgency": _Text(by_rank[results.urgency], URGENCIES, ordered=True),
        # Not in the flat layout (yet): ready for when it is.
        "may_rise_to": _Text(by_rank[results.may_rise_to], URGENCIES, ordered=True),
        "red_flags": _texts(which, ids),
        "questions_left": _Number(results.questions_left),
        "next_question": _Text(
            np.where(results.next_question < 0, len(questions), results.next_question),
            [*questions, ""],
        ),
        "unrecognized_medications": _texts(*results.unrecognized),
        _flat.PROBLEMS: _Text(np.full(rows, -1), []),
    }
    for n, cause in enumerate(knowledge.causes):
        found[f"{cause.id}_level"] = _Text(by_level[results.levels[n]], LEVELS, ordered=True)
        found[f"{cause.id}_score"] = _Number(results.scores[n])
        found[f"{cause.id}_unanswered"] = _Number(results.unanswered[n])
    return found


#: The rows assessed at once: the work takes about 600 bytes a row of a chunk, so that the
#: memory beyond the result stays about 40 MB however long the frame is.
CHUNK = 65_536


def assess_columns(  # noqa: PLR0913 - assess_frame's arguments, checked
    frame: Any,
    knowledge: Knowledge,
    names: Sequence[str],
    keep: Sequence[str],
    fields: tuple[str, ...] | None,
    *,
    cells: bool,
) -> Any:
    """Return the flat results of every row of *frame* (see :func:`legcramps.assess_frame`).

    *names* are the columns to read as answers; *keep* those to copy; the
    arguments are checked. The rows are assessed :data:`CHUNK` at a time.
    """
    import pandas as pd

    selected = _flat.select(knowledge, fields, Problems(), "fields")
    plan = _batch.Plan(
        knowledge=None if knowledge is KNOWLEDGE else knowledge,
        output="flat",
        fields=fields,
        cells=cells,
    )
    rows = _batch.Rows(plan)
    total = len(frame)
    joined: list[_Text | _Number] = []
    for start in range(0, max(total, 1), CHUNK):  # one chunk at least, if empty
        part = frame.iloc[start : start + CHUNK]
        chosen = _assess_chunk(part, knowledge, names, selected, rows, cells=cells)
        if not joined:
            joined = [c.empty(total) for c in chosen]
        for whole, column in zip(joined, chosen, strict=True):
            whole.add(column, start)
    data = {name: frame[name].array.copy() for name in keep}  # the result's own
    for c, column in zip(selected, joined, strict=True):
        data[c.name] = column.column()
    return pd.DataFrame(data, index=frame.index, copy=False)  # made here: not copied again


def _assess_chunk(  # noqa: PLR0913 - the parts of a run
    frame: Any,
    knowledge: Knowledge,
    names: Sequence[str],
    selected: Sequence[_flat.Column],
    rows: _batch.Rows,
    *,
    cells: bool,
) -> list[_Text | _Number]:
    """Return the *selected* columns of the results of the rows of *frame*."""
    np = numpy()
    tables = knowledge._tables  # noqa: SLF001 - the engine's tables, read only
    answers, raw = read(frame, knowledge, names, cells=cells)
    found = _columns(knowledge, evaluate(tables, knowledge, answers), answers.rows)
    chosen = [found[c.name] for c in selected]
    # A row with a bad cell goes the row path, which names its problems as assess() does.
    for row in np.flatnonzero(answers.bad).tolist():
        made = rows.made(row, {name: _cell(*raw[name], row) for name in names})
        # A flat record: a dict, whether the row was assessed or failed.
        record = cast("dict[str, Any]", rows.failed(made) if type(made) is _batch.Failed else made)
        for column, c in zip(chosen, selected, strict=True):
            column.put(row, record[c.name])
    return chosen


def _cell(missing: Array, cells: Any, row: int) -> object:
    """Return the cell at *row* as the row path is given it: ``None`` if missing."""
    if missing[row]:
        return None
    cell = cells[row]
    return cell.item() if cells.dtype != object else cell
