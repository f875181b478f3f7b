"""Assess many rows of answers: lazily, in order, on one core or several.

The process pool keeps a bounded number of chunks in flight, so an iterable of
ten million rows is read as it is consumed, never held in memory at once.
"""

import contextlib
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypeVar, overload

import attrs

from legcramps import _flat, _texts
from legcramps._answers import read_items
from legcramps._errors import InvalidInput, Problem, Problems, describe
from legcramps._knowledge import KNOWLEDGE, Knowledge, checked_knowledge
from legcramps._parse import read_cells
from legcramps._public import publish
from legcramps._result import Assessment
from legcramps._shown import Shown

T = TypeVar("T")
R = TypeVar("R")
C = TypeVar("C")
K = TypeVar("K")

#: Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
_IN_FLIGHT_PER_WORKER = 2

#: The most worker processes :func:`assess_many` and ``legcramps batch`` start.
MAX_WORKERS = 64

#: The most rows in a chunk of :func:`assess_many` and ``legcramps batch``: with up to two
#: chunks per worker in flight, this bounds the rows held in memory, however long the input.
MAX_CHUNKSIZE = 10_000


@attrs.frozen(repr=False, weakref_slot=False)
class RowError(Shown):
    """A row that could not be assessed, in place of its result.

    *index* is the row's position in the input (0 for the first row);
    *problems* are the :class:`~legcramps.Problem` items of the
    :class:`~legcramps.InvalidInput` the row raised.

    >>> import legcramps
    >>> [err] = legcramps.assess_many([{"fluid_litres": -1}], on_error="record")
    >>> err.index, err.problems[0].input
    (0, 'fluid_litres')
    """

    index: int
    problems: tuple[Problem, ...]
    #: How many more problems the row had than :attr:`problems` lists.
    more: int = 0

    def to_dict(self) -> dict[str, Any]:
        """Return the error as a JSON-ready dict.

        >>> import legcramps
        >>> [err] = legcramps.assess_many([{"hot_weather": "yes"}], on_error="record")
        >>> err.to_dict()["problems"][0]["expected"]
        'True, False or None (unknown)'
        """
        return {"index": self.index, "problems": [p.to_dict() for p in self.problems]}


@overload
def assess_many(
    rows: Iterable[Mapping[str, Any]],
    *,
    workers: int = ...,
    on_error: Literal["raise", "record"] = ...,
    chunksize: int = ...,
    knowledge: Knowledge | None = ...,
    keep: Sequence[str] = ...,
    ignore_unknown: bool = ...,
    cells: bool = ...,
    output: Literal["assessment"] = ...,
    fields: Sequence[str] | None = ...,
    language: Literal["en"] = ...,
) -> Iterator[Assessment | RowError]: ...


@overload
def assess_many(
    rows: Iterable[Mapping[str, Any]],
    *,
    workers: int = ...,
    on_error: Literal["raise", "record"] = ...,
    chunksize: int = ...,
    knowledge: Knowledge | None = ...,
    keep: Sequence[str] = ...,
    ignore_unknown: bool = ...,
    cells: bool = ...,
    output: Literal["dict", "flat"],
    fields: Sequence[str] | None = ...,
    language: str = ...,
) -> Iterator[dict[str, Any]]: ...


def assess_many(  # noqa: PLR0913 - keyword-only options, each with a default
    rows: Iterable[Mapping[str, Any]],
    *,
    workers: int = 1,
    on_error: Literal["raise", "record"] = "raise",
    chunksize: int = 256,
    knowledge: Knowledge | None = None,
    keep: Sequence[str] = (),
    ignore_unknown: bool = False,
    cells: bool = False,
    output: Literal["assessment", "dict", "flat"] = "assessment",
    fields: Sequence[str] | None = None,
    language: str = "en",
) -> Iterator[Assessment | RowError] | Iterator[dict[str, Any]]:
    """Assess each mapping of answers in *rows*, yielding the results lazily and in order.

    Each row must be a mapping; anything else is a bad row. With *on_error*
    ``"raise"`` a bad row raises :class:`~legcramps.InvalidInput`, its problems
    named by path such as ``rows[3].fluid_litres``; with ``"record"`` it
    yields a record of its problems in the row's place (a :class:`RowError`),
    so that nothing is lost. *knowledge* defaults to :data:`legcramps.KNOWLEDGE`.

    *output* says what is yielded for each row:

    - ``"assessment"`` (the default): the :class:`~legcramps.Assessment`, or a
      :class:`RowError`;
    - ``"dict"``: a JSON-ready dict, ``{"index": 0, ..., "result": {...}}`` with
      the :meth:`~legcramps.Assessment.to_dict` form, or ``{"index": 0, ...,
      "problems": [...]}`` (and ``"more"``, the problems beyond the first 20,
      when there are any), the records ``legcramps batch`` writes;
    - ``"flat"``: ``{"index": 0, ..., <column>: value, ...}`` with the columns
      of the flat layout (see :func:`legcramps.batch.flat_columns`) that *fields*
      selects (groups such as ``"levels"``, or column names; all by default).

    *index* is the row's position (0 for the first). *keep* names columns that
    are not answers, such as a respondent's id, to take out of each row and
    copy into its record, after ``index`` (``None`` where a row lacks one);
    only the ``"dict"`` and ``"flat"`` outputs have records to copy them to.
    A key that is not an input is a problem of its row, unless
    *ignore_unknown* is true: then it is left out. With *cells* true, the
    answers are text cells, as read from a CSV file, and are read as
    ``legcramps batch`` reads them (see :func:`legcramps.batch.parse_cells`):
    ``"yes"``, ``"2 h"``, an empty cell or ``None`` for unknown.

    *language*, a code of :data:`~legcramps.LANGUAGES`, is the language of the
    texts of the ``"dict"`` records (each result is ``to_dict(language=...)``, and
    each problem's words are translated) and of the flat ``problems`` column;
    the flat layout's other columns are ids and numbers, the same in every
    language. An :class:`~legcramps.Assessment` holds no text of its own: use
    ``"en"`` with ``"assessment"`` and write its texts with ``to_dict(language=...)``
    or ``report(language=...)``. A :class:`~legcramps.Catalog` of your own is not
    taken here, as it would have to travel to every worker: translate the records with it.

    Rows are read only as results are consumed. With *workers* 1, each is
    assessed as it is taken, at the speed of a loop over
    :func:`~legcramps.assess`. With *workers* above 1 (at most 64), chunks of
    *chunksize* rows (1 to 10,000) are assessed in a pool of that many
    processes, with at most two chunks per worker in flight, so memory stays
    flat. What workers cost depends on what comes back (``python
    benchmarks/batch.py`` measures it):

    - ``"flat"`` records are made in the workers and come back as their plain
      values: two workers spend 1.1 to 1.3 times the CPU time of one, so on two
      free cores they give at most 1.5 to 1.8 times the rows a second;
    - ``"dict"`` records are made in the workers too, but this process must
      build each one again from what is sent (unpickling it costs about a
      third of assessing and making it): 1.45 to 1.65 times the CPU time, at
      most 1.25 to 1.4 times the rows a second on two cores;
    - an :class:`~legcramps.Assessment` comes back as its answers and is
      assessed again in this process (cheaper than sending all of it), so this
      process still does one assessment per row, plus the sending: two workers
      are slower than one (about 0.7 times the rows a second at best). Use one
      worker for Assessment objects, or ``"flat"``.

    :raises InvalidInput: if an argument is not acceptable (at once, not when
        iterating), or in ``"raise"`` mode for the first bad row.

    A worker process that dies (say, killed for lack of memory) is a fault of
    the machine, not of a row: iterating then raises
    ``concurrent.futures.process.BrokenProcessPool``.

    >>> import legcramps
    >>> rows = [{"sitting_hours": 8}, {"fluid_litres": "lots"}, {}]
    >>> for r in legcramps.assess_many(rows, on_error="record"):
    ...     print(r.urgency.value if isinstance(r, legcramps.Assessment) else r)
    undetermined
    RowError(index=1, problems=(Problem(input='fluid_litres', received="'lots' (str)", expected='a number of litres from 0 to 20, or None (unknown)', hint=''),), more=0)
    undetermined
    >>> survey = [{"id": "a7", "sitting_hours": 8, "age": 40}]
    >>> [record] = legcramps.assess_many(
    ...     survey, keep=["id"], ignore_unknown=True, output="flat", fields=["urgency", "levels"]
    ... )
    >>> record["id"], record["posture_level"], record["problems"]
    ('a7', 'likely', None)
    >>> [bad] = legcramps.assess_many(
    ...     [{"hot_weather": 1}], on_error="record", output="dict", language="es"
    ... )
    >>> bad["problems"][0]["expected"]
    'True, False o None (desconocido)'
    """  # noqa: E501 - a doctest's output is one line
    plan, knowledge = _plan(
        rows,
        workers=workers,
        on_error=on_error,
        chunksize=chunksize,
        knowledge=knowledge,
        keep=keep,
        ignore_unknown=ignore_unknown,
        cells=cells,
        output=output,
        fields=fields,
        language=language,
    )
    raising = on_error == "raise"
    if workers == 1:
        if plan.simple:
            return _assessed(rows, knowledge.assess, raising=raising)
        made: Iterable[Any] = _made_in_process(rows, plan)
    else:
        chunks = _chunks(enumerate(rows), chunksize)
        made = _flattened(
            map_chunks(_assess_chunk, plan, chunks, workers, _worker_started), Rows(plan)
        )
    return _finished(made, Rows(plan), raising=raising)


_OUTPUTS = ("assessment", "dict", "flat")

#: The keys of every record, which a kept column may not take.
RESERVED = frozenset({"index", "record", "line", "result", "problems", "more"})


def read_names(names: object, problems: Problems, input_name: str) -> tuple[str, ...] | None:
    """Return *names* as a tuple of strings (None stays None), or add a problem (and ``()``)."""
    if names is None:
        return None
    if isinstance(names, (str, bytes)) or not isinstance(names, Iterable):
        problems.add(input_name, describe(names), "a list of names (strings)")
        return ()
    listed = tuple(names)
    if not all(type(n) is str for n in listed):
        problems.add(input_name, describe(names), "a list of names (strings)")
        return ()
    return listed


def check_keep(
    keep: Sequence[str],
    knowledge: Knowledge,
    taken: Iterable[str],
    problems: Problems,
    input_name: str,
) -> None:
    """Add a problem for each name in *keep* that is an input, a record's key, or repeated.

    *taken* names the other keys of the records (the flat columns, the position).
    """
    inputs = {f.id for f in knowledge.factors}
    reserved = RESERVED.union(taken)
    seen: set[str] = set()
    for name in keep:
        if name in inputs:
            hint = _texts.CLI_INPUT_ASSESSED
            problems.add(input_name, repr(name), _texts.CLI_NOT_AN_INPUT_KEPT, hint)
        elif name in reserved:
            problems.add(input_name, repr(name), _texts.CLI_RESERVED)
        elif name in seen:
            problems.add(input_name, repr(name), _texts.CLI_EACH_COLUMN_ONCE)
        seen.add(name)


@attrs.frozen(repr=False, weakref_slot=False)
class Plan(Shown):
    """What to do with each row; small, as it goes to the workers with every chunk.

    *knowledge* is ``None`` for the built-in one, which workers have already.
    """

    knowledge: Knowledge | None
    keep: tuple[str, ...] = ()
    ignore_unknown: bool = False
    output: str = "assessment"
    fields: tuple[str, ...] | None = None
    cells: bool = False
    #: The language of the records' texts: a code of :data:`legcramps.LANGUAGES`.
    language: str = "en"

    @property
    def simple(self) -> bool:
        """Whether rows go to ``assess()`` as they are, and results come back as they are."""
        return self.output == "assessment" and not self.ignore_unknown and not self.cells


@attrs.frozen(repr=False, weakref_slot=False)
class Failed(Shown):
    """A row that could not be assessed, with the columns it keeps: made into a record later."""

    error: RowError
    kept: dict[str, Any]


class Rows:
    """A :class:`Plan` made ready: splits rows, assesses them, and makes their records.

    Built once per chunk in a worker (and once in this process), so that nothing
    but the small plan travels.
    """

    __slots__ = ("assess", "factors", "flattener", "keep", "known", "language", "output")

    def __init__(self, plan: Plan) -> None:
        knowledge = KNOWLEDGE if plan.knowledge is None else plan.knowledge
        self.assess = knowledge.assess
        self.factors = {f.id: f for f in knowledge.factors} if plan.cells else None
        self.keep = plan.keep
        self.known = frozenset(f.id for f in knowledge.factors) if plan.ignore_unknown else None
        self.output = plan.output
        self.language = plan.language
        self.flattener: _flat.Flattener | None = None
        if plan.output == "flat":
            columns = _flat.select(knowledge, plan.fields, Problems(), "fields")
            self.flattener = _flat.Flattener(knowledge, columns)

    def answers(self, row: dict[Any, Any]) -> dict[Any, Any]:
        """Return the answers in *row*: without the kept columns, nor unknown keys if ignored."""
        keep = self.keep
        known = self.known
        if not keep and known is None:
            return row
        return {k: v for k, v in row.items() if k not in keep and (known is None or k in known)}

    def made(self, index: int, row: object) -> Any:
        """Return what *row* (at *index*) gives: its result or record, or :class:`Failed`."""
        kept: dict[str, Any] = dict.fromkeys(self.keep)
        try:
            mapping = read_row(row)
            kept = {k: mapping.get(k) for k in self.keep}
            answers = self.answers(mapping)
            if self.factors is not None:
                problems = Problems()
                answers = read_cells(self.factors, answers.items(), problems)
                if problems:
                    raise problems.error()
            result = self.assess(answers)
        except InvalidInput as e:
            return Failed(RowError(index, e.problems, e.more), kept)
        if self.output == "assessment":
            return result
        flattener = self.flattener
        if flattener is not None:
            return {
                "index": index,
                **kept,
                **dict(zip(flattener.names, flattener.values(result), strict=True)),
            }
        return {"index": index, **kept, "result": result.to_dict(language=self.language)}

    def flat_row(self, index: int, row: object) -> tuple[Any, ...] | Failed:
        """Return the flat record of *row* as a tuple of its values (see :attr:`flat_names`)."""
        made = self.made(index, row)
        return made if type(made) is Failed else tuple(made.values())

    @property
    def flat_names(self) -> tuple[str, ...]:
        """The keys of a flat record, in order."""
        names = () if self.flattener is None else self.flattener.names
        return ("index", *self.keep, *names)

    def failed(self, failed: Failed) -> RowError | dict[str, Any]:
        """Return the record of a row that could not be assessed."""
        error = failed.error
        if self.output == "assessment":
            return error
        head = {"index": error.index, **failed.kept}
        flattener = self.flattener
        if flattener is not None:
            values = flattener.problem_values(error.problems, error.more, self.language)
            return {**head, **dict(zip(flattener.names, values, strict=True))}
        record = {**head, "problems": problem_dicts(error.problems, self.language)}
        if error.more:
            record["more"] = error.more
        return record


def problem_dicts(problems: Iterable[Problem], language: str) -> list[dict[str, str]]:
    """Return *problems* as JSON-ready dicts, their words in *language* (a built-in code)."""
    if language == "en":
        return [p.to_dict() for p in problems]
    from legcramps._catalog import catalog

    translate = catalog(language).problem
    return [translate(p).to_dict() for p in problems]


def _assessed(
    rows: Iterable[Any], assess: Callable[[Mapping[str, Any]], Assessment], *, raising: bool
) -> Iterator[Assessment | RowError]:
    """Assess each row as it is taken: no chunks, no records, as fast as a plain loop."""
    for index, row in enumerate(rows):
        try:
            yield assess(row if type(row) is dict else read_row(row))
        except InvalidInput as e:  # noqa: PERF203 - a bad row is the exception, not the rule
            error = RowError(index, e.problems, e.more)
            if raising:
                raise _renamed(error) from None
            yield error


def _finished(made: Iterable[Any], rows: Rows, *, raising: bool) -> Iterator[Any]:
    """Yield each result or record in *made*, raising for a bad row or making its record."""
    with contextlib.closing(iter(made)) as results:  # type: ignore[type-var]  # a generator
        for result in results:
            if type(result) is Failed:
                if raising:
                    raise _renamed(result.error)
                yield rows.failed(result)
            else:
                yield result


def _renamed(error: RowError) -> InvalidInput:
    return InvalidInput(
        tuple(attrs.evolve(p, input=f"rows[{error.index}].{p.input}") for p in error.problems),
        error.more,
    )


def _plan(  # noqa: PLR0913 - assess_many's options, checked together
    rows: Iterable[Mapping[str, Any]],
    *,
    workers: int,
    on_error: str,
    chunksize: int,
    knowledge: Knowledge | None,
    keep: Sequence[str],
    ignore_unknown: bool,
    cells: bool,
    output: str,
    fields: Sequence[str] | None,
    language: str,
) -> tuple[Plan, Knowledge]:
    """Return the plan of :func:`assess_many` and its knowledge, its options checked.

    :raises InvalidInput: naming every option that is not acceptable.
    """
    problems = Problems()
    _check_running(rows, workers, on_error, chunksize, problems)
    for name, flag in (("ignore_unknown", ignore_unknown), ("cells", cells)):
        if type(flag) is not bool:
            problems.add(name, describe(flag), "True or False")
    if not (type(output) is str and output in _OUTPUTS):
        problems.add("output", describe(output), "'assessment', 'dict' or 'flat'")
    checked = checked_knowledge(knowledge, problems)
    kept = _check_records(checked, output, keep, fields, problems)
    _check_language(language, output, problems)
    if problems:
        raise problems.error()
    # The built-in knowledge is not sent to workers: they have their own copy.
    plan = Plan(
        None if checked is KNOWLEDGE else checked,
        kept,
        ignore_unknown,
        output,
        None if fields is None else tuple(fields),
        cells,
        language,
    )
    return plan, checked


def _check_language(language: object, output: str, problems: Problems) -> None:
    """Add a problem if *language* is not a built-in code, or is not English for Assessments."""
    from legcramps._catalog import LANGUAGES

    if not (type(language) is str and language in LANGUAGES):
        problems.add("language", describe(language), "one of " + ", ".join(map(repr, LANGUAGES)))
    elif language != "en" and output == "assessment":
        hint = "an Assessment holds no texts: use output='dict' or 'flat', or to_dict(language=)"
        problems.add(
            "language", describe(language), "'en', unless output is 'dict' or 'flat'", hint
        )


def _check_running(
    rows: object, workers: object, on_error: object, chunksize: object, problems: Problems
) -> None:
    """Add a problem for rows that are not an iterable, or a bad way of running."""
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        problems.add("rows", describe(rows), "an iterable of mappings of answers")
    if type(workers) is not int or not 1 <= workers <= MAX_WORKERS:
        expected = f"a whole number from 1 to {MAX_WORKERS}"
        problems.add("workers", describe(workers), expected)
    if not (type(on_error) is str and on_error in ("raise", "record")):
        problems.add("on_error", describe(on_error), "'raise' or 'record'")
    if type(chunksize) is not int or not 1 <= chunksize <= MAX_CHUNKSIZE:
        expected = f"a whole number from 1 to {MAX_CHUNKSIZE}"
        problems.add("chunksize", describe(chunksize), expected)


def _check_records(
    knowledge: Knowledge,
    output: str,
    keep: object,
    fields: object,
    problems: Problems,
) -> tuple[str, ...]:
    """Return the kept columns; add a problem for fields or kept columns that do not fit."""
    columns: tuple[_flat.Column, ...] = ()
    if output == "flat":
        columns = _flat.select(
            knowledge, read_names(fields, problems, "fields"), problems, "fields"
        )
    elif fields is not None:
        problems.add("fields", describe(fields), "None, unless output is 'flat'")
    kept = read_names(keep, problems, "keep") or ()
    if kept and output == "assessment":
        hint = "an Assessment has no place for them: use output='dict' or 'flat'"
        problems.add("keep", describe(keep), "no columns, unless output is 'dict' or 'flat'", hint)
    check_keep(kept, knowledge, {"index", *(c.name for c in columns)}, problems, "keep")
    return kept


def _made_in_process(rows: Iterable[Any], plan: Plan) -> Iterator[Any]:
    compiled = Rows(plan)
    for index, row in enumerate(rows):
        yield compiled.made(index, row)


def _flattened(chunks: Generator[list[Any], None, None], rows: Rows) -> Iterator[Any]:
    """Yield each result of each chunk (see _assess_chunk), made whole only as it is taken."""
    import pickle

    loads = pickle.loads
    names = rows.flat_names
    with contextlib.closing(chunks):
        for results in chunks:
            for result in results:
                kind = type(result)
                if kind is bytes:
                    yield loads(result)
                elif kind is tuple:
                    yield dict(zip(names, result, strict=True))
                else:
                    yield result


def _worker_started() -> None:
    """In a worker of :func:`assess_many`: spare the collector, and leave Ctrl-C to the caller.

    A worker is a fork of the caller's process, with all its data; the results
    of a chunk pile up until it is sent, and each pile-up makes the garbage
    collector walk everything the process holds. Frozen, what was inherited is
    never walked again. Ctrl-C reaches every process at a terminal; the
    caller's ``KeyboardInterrupt`` closes the pool, so the workers ignore it.
    """
    import gc
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    gc.freeze()


def _assess_chunk(plan: Plan, chunk: Sequence[tuple[int, Any]]) -> list[Any]:
    """In a worker: each row's result, in the form cheapest to send and to take.

    A flat record goes as the tuple of its values (plain values, which the
    garbage collector soon stops tracking). Anything else is pickled on its
    own, as bytes (never tracked), and unpickled only when the caller takes it,
    so that it dies young: a chunk of results unpickled at once would outlive
    enough collections to make the collector walk the caller's whole heap,
    again and again.
    """
    compiled = Rows(plan)
    if plan.output == "flat":
        return [compiled.flat_row(index, row) for index, row in chunk]
    import pickle

    dumps = pickle.dumps
    highest = pickle.HIGHEST_PROTOCOL
    return [dumps(compiled.made(index, row), highest) for index, row in chunk]


def read_row(row: object) -> dict[str, Any]:
    """Return the items of the mapping *row* as a plain dict, read once.

    :raises InvalidInput: (input ``mapping``) if *row* is not a mapping, or reading
        its items fails in any way.
    """
    if type(row) is dict:
        return row
    problems = Problems()
    items = read_items(row, problems)
    if items is None:
        raise problems.error()
    return dict(items)  # type: ignore[arg-type]  # the validator checks the keys


def map_chunks(
    fn: Callable[[C, K], R],
    context: C,
    chunks: Iterable[K],
    workers: int,
    initializer: Callable[[], object] | None = None,
) -> Generator[R, None, None]:
    """Yield ``fn(context, chunk)`` for each of *chunks*, in order.

    With *workers* above 1, *fn* and *context* must be picklable; the chunks
    run in a pool of that many processes (each first running *initializer*),
    at most two per worker in flight. A chunk that fails in its worker for
    any reason but the worker's death (say, a row that cannot be pickled) is
    done again here. Closing the generator drops the chunks in flight and
    waits for the workers to end.
    """
    if workers == 1:
        for chunk in chunks:
            yield fn(context, chunk)
        return
    import collections
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def done(future: Future[R], chunk: K) -> R:
        try:
            return future.result()
        except BrokenProcessPool:
            raise
        except Exception:  # noqa: BLE001 - e.g. a row that cannot be pickled: redo it here
            return fn(context, chunk)

    with ProcessPoolExecutor(max_workers=workers, initializer=initializer) as pool:
        pending: collections.deque[tuple[Future[R], K]] = collections.deque()
        try:
            for chunk in chunks:
                if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                    yield done(*pending.popleft())
                pending.append((pool.submit(fn, context, chunk), chunk))
            while pending:
                yield done(*pending.popleft())
        finally:
            # Stopped early (an error, or the consumer closed the generator): drop the rest.
            for future, _ in pending:
                future.cancel()


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    chunk: list[T] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


publish(RowError)
publish(assess_many)

# Published as legcramps.*, they are not found in this module by doctest, nor in the package
# (which serves them lazily): name them, so that their examples run.
__test__ = {"assess_many": assess_many, "RowError": RowError}
