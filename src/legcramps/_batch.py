"""Assess many rows of answers: lazily, in order, on one core or several.

The process pool keeps a bounded number of chunks in flight, so an iterable of
ten million rows is read as it is consumed, never held in memory at once.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from typing import Any, Literal, TypeVar

import attrs

# At run time too, so that typing.get_type_hints(assess_many) resolves: by the time this
# module is loaded, legcramps has loaded both.
from legcramps._assessment import Assessment  # noqa: TC001
from legcramps._knowledge import Knowledge  # noqa: TC001
from legcramps.exceptions import InvalidInput, Problem, describe

T = TypeVar("T")
R = TypeVar("R")

#: Chunks in flight per worker: enough to keep every worker busy, few enough to bound memory.
_IN_FLIGHT_PER_WORKER = 2

#: The most worker processes :func:`assess_many` and ``legcramps batch`` start.
MAX_WORKERS = 64

#: The most rows in a chunk of :func:`assess_many` and ``legcramps batch``: with up to two
#: chunks per worker in flight, this bounds the rows held in memory, however long the input.
MAX_CHUNKSIZE = 10_000


def checked_knowledge(knowledge: object, problems: list[Problem]) -> Knowledge:
    """Return *knowledge*, or the built-in knowledge for ``None``.

    Anything else adds a problem to *problems* (and the built-in knowledge is
    returned, so that the caller can go on collecting problems).
    """
    from legcramps._knowledge import KNOWLEDGE, Knowledge

    if knowledge is None:
        return KNOWLEDGE
    if not isinstance(knowledge, Knowledge):
        expected = "a legcramps.Knowledge, or None for the built-in one"
        problems.append(Problem("knowledge", describe(knowledge), expected))
        return KNOWLEDGE
    return knowledge


def read_mapping(value: object) -> dict[str, Any]:
    """Return a plain dict of the items of the mapping *value*, read once.

    :raises InvalidInput: (input ``mapping``) if *value* is not a mapping, or
        reading its items fails in any way.
    """
    expected = "a mapping of answers by name (such as a dict)"
    if type(value) is dict:
        return value
    if isinstance(value, Mapping):
        try:
            return dict(value.items())
        except Exception:  # noqa: BLE001 - a caller's mapping may fail in any way; report it
            expected += " whose items can be read"
    raise InvalidInput((Problem("mapping", describe(value), expected),))


@attrs.frozen
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

    def to_dict(self) -> dict[str, Any]:
        """Return the error as a JSON-ready dict.

        >>> import legcramps
        >>> [err] = legcramps.assess_many([{"hot_weather": "yes"}], on_error="record")
        >>> err.to_dict()["problems"][0]["expected"]
        'True, False or None (unknown)'
        """
        return {"index": self.index, "problems": [problem_dict(p) for p in self.problems]}


def problem_dict(problem: Problem) -> dict[str, str]:
    """Return *problem* as a JSON-ready dict."""
    return {
        "input": problem.input,
        "received": problem.received,
        "expected": problem.expected,
        "hint": problem.hint,
    }


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
    RowError(index=1, problems=(Problem(input='fluid_litres', received="'lots' (str)", expected='a number of litres from 0 to 20, or None (unknown)', hint=''),))
    undetermined
    """  # noqa: E501 - a doctest's output is one line
    from legcramps._knowledge import KNOWLEDGE

    problems: list[Problem] = []
    if isinstance(rows, (str, bytes, Mapping)) or not isinstance(rows, Iterable):
        problems.append(Problem("rows", describe(rows), "an iterable of mappings of answers"))
    if type(workers) is not int or not 1 <= workers <= MAX_WORKERS:
        expected = f"a whole number from 1 to {MAX_WORKERS}"
        problems.append(Problem("workers", describe(workers), expected))
    if not (type(on_error) is str and on_error in ("raise", "record")):
        problems.append(Problem("on_error", describe(on_error), "'raise' or 'record'"))
    if type(chunksize) is not int or not 1 <= chunksize <= MAX_CHUNKSIZE:
        expected = f"a whole number from 1 to {MAX_CHUNKSIZE}"
        problems.append(Problem("chunksize", describe(chunksize), expected))
    knowledge = checked_knowledge(knowledge, problems)
    if problems:
        raise InvalidInput(tuple(problems))
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
                    )
                )
            yield result


def _assess_chunk(
    knowledge: Knowledge | None, chunk: Sequence[tuple[int, Any]]
) -> list[Assessment | RowError]:
    if knowledge is None:
        from legcramps._knowledge import KNOWLEDGE

        knowledge = KNOWLEDGE
    assess = knowledge.assess
    results: list[Assessment | RowError] = []
    for index, row in chunk:
        try:
            results.append(assess(read_mapping(row)))
        except InvalidInput as e:  # noqa: PERF203 - a bad row is the exception, not the rule
            results.append(RowError(index, e.problems))
    return results


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
