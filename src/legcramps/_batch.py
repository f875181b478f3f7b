"""Assess many rows of answers: lazily, in order, on one core or several.

The process pool keeps a bounded number of chunks in flight, so an iterable of
ten million rows is read as it is consumed, never held in memory at once.
"""

import contextlib
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypeVar

import attrs

from legcramps._answers import read_items
from legcramps._errors import InvalidInput, Problem, Problems, describe
from legcramps._knowledge import KNOWLEDGE, Knowledge, checked_knowledge
from legcramps._public import publish
from legcramps._result import Assessment

T = TypeVar("T")
R = TypeVar("R")

#: Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
_IN_FLIGHT_PER_WORKER = 2

#: The most worker processes :func:`assess_many` and ``legcramps batch`` start.
MAX_WORKERS = 64

#: The most rows in a chunk of :func:`assess_many` and ``legcramps batch``: with up to two
#: chunks per worker in flight, this bounds the rows held in memory, however long the input.
MAX_CHUNKSIZE = 10_000


@attrs.frozen(weakref_slot=False)
class RowError:
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


def assess_many(
    rows: Iterable[Mapping[str, Any]],
    *,
    workers: int = 1,
    on_error: Literal["raise", "record"] = "raise",
    chunksize: int = 256,
    knowledge: Knowledge | None = None,
) -> Iterator[Assessment | RowError]:
    """Assess each mapping of answers in *rows*, yielding the results lazily and in order.

    Rows are read only as results are consumed, a chunk of *chunksize* rows
    (1 to 10,000) at a time. With *workers* above 1 (at most 64), the chunks are
    assessed in a pool of that many processes, with at most two chunks per
    worker in flight. Each row must be a
    mapping; anything else is a bad row. With *on_error* ``"raise"`` a bad row
    raises :class:`~legcramps.InvalidInput`, its problems named by path such as
    ``rows[3].fluid_litres``; with ``"record"`` it yields a :class:`RowError`
    in the row's place, so that nothing is lost. *knowledge* defaults to
    :data:`legcramps.KNOWLEDGE`.

    :raises InvalidInput: if an argument is not acceptable (at once, not when
        iterating), or in ``"raise"`` mode for the first bad row.

    Workers do not make this function faster: each result comes back as its
    answers and is assessed again in this process, so the caller still does
    one ``assess()`` per row, plus the sending. They pay off in ``legcramps
    batch``, whose workers write the output lines (see the Batch docs page).

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
    """  # noqa: E501 - a doctest's output is one line
    problems = Problems()
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
    knowledge = checked_knowledge(knowledge, problems)
    if problems:
        raise problems.error()
    # The built-in knowledge is not sent to workers: they have their own copy.
    custom = None if knowledge is KNOWLEDGE else knowledge
    results = map_ordered(
        _assess_chunk, custom, _numbered(rows), workers=workers, chunksize=chunksize
    )
    if on_error == "record":
        return results
    return _raising(results)


def _numbered(rows: Iterable[T]) -> Iterator[tuple[int, T]]:
    return enumerate(rows)


def _raising(
    results: Generator[Assessment | RowError, None, None],
) -> Iterator[Assessment | RowError]:
    with contextlib.closing(results):
        for result in results:
            if isinstance(result, RowError):
                raise InvalidInput(
                    tuple(
                        attrs.evolve(p, input=f"rows[{result.index}].{p.input}")
                        for p in result.problems
                    ),
                    result.more,
                )
            yield result


def _assess_chunk(
    knowledge: Knowledge | None, chunk: Sequence[tuple[int, Any]]
) -> list[Assessment | RowError]:
    assess = (KNOWLEDGE if knowledge is None else knowledge).assess
    results: list[Assessment | RowError] = []
    for index, row in chunk:
        try:
            results.append(assess(read_row(row)))
        except InvalidInput as e:  # noqa: PERF203 - a bad row is the exception, not the rule
            results.append(RowError(index, e.problems, e.more))
    return results


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


def map_ordered(
    fn: Callable[[Any, Sequence[T]], list[R]],
    context: Any,
    items: Iterable[T],
    *,
    workers: int,
    chunksize: int,
) -> Generator[R, None, None]:
    """Yield ``fn(context, chunk)`` over chunks of *items*, flattened, in order.

    With *workers* above 1, *fn* and *context* must be picklable and the
    chunks run in a process pool with a bounded number in flight.
    """
    chunks = _chunks(items, chunksize)
    if workers == 1:
        for chunk in chunks:
            yield from fn(context, chunk)
        return
    import collections
    from concurrent.futures import Future, ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    def done(future: Future[list[R]], chunk: Sequence[T]) -> list[R]:
        try:
            return future.result()
        except BrokenProcessPool:
            raise
        except Exception:  # noqa: BLE001 - e.g. a row that cannot be pickled: redo it here
            return fn(context, chunk)

    with ProcessPoolExecutor(max_workers=workers) as pool:
        pending: collections.deque[tuple[Future[list[R]], Sequence[T]]] = collections.deque()
        try:
            for chunk in chunks:
                if len(pending) >= workers * _IN_FLIGHT_PER_WORKER:
                    yield from done(*pending.popleft())
                pending.append((pool.submit(fn, context, chunk), chunk))
            while pending:
                yield from done(*pending.popleft())
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
