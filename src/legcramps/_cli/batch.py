"""``legcramps batch``: JSON Lines or CSV in, JSON Lines out, streamed.

Every input row gives exactly one output line, in order: either
``{"line": N, "result": {...}}`` (the :meth:`~legcramps.Assessment.to_dict` form)
or ``{"line": N, "problems": [...]}``, so that nothing is lost. *N* is the line
of the input the row starts on. Exit status: 0 when every row was assessed, 1
when some rows became error lines, 2 when the run could not start.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from legcramps._batch import MAX_CHUNKSIZE, MAX_WORKERS, map_ordered
from legcramps._cli._io import BROKEN_PIPE, DuplicateKey, object_without_duplicates, silence
from legcramps._errors import InvalidInput, Problem, Problems, describe
from legcramps._knowledge import KNOWLEDGE, checked_knowledge
from legcramps._parse import NotUnderstood, is_skip, parse_answer

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from legcramps._knowledge import Knowledge
    from legcramps._model import RiskFactor

_PROGRESS_SECONDS = 0.5
#: The exit status when a worker process died, so that the output is incomplete.
WORKER_DIED = 3

#: One row's output: whether it was assessed, and its output line (without the newline).
Output = tuple[bool, str]


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``batch`` to *subparsers*.

    The rows are assessed against the knowledge in the parsed namespace's
    ``knowledge`` attribute.
    """
    parser = subparsers.add_parser(
        "batch",
        help="assess a JSON Lines or CSV file of answers, one result line per row",
        description=(
            "Assess every row of a JSON Lines file (one object of answers per line) or a CSV "
            "file (a header of input names, then one row per person; an empty cell is "
            "unknown). Writes one JSON line per row, in order: the result, or the problems "
            "with the row. Exit status: 0 if every row was assessed, 1 if some rows had "
            "problems, 2 if the run could not start."
        ),
        allow_abbrev=False,
    )
    parser.add_argument(
        "--input", required=True, metavar="PATH", help="the rows to assess ('-' for stdin)"
    )
    parser.add_argument(
        "--output", default="-", metavar="PATH", help="where to write results (default: stdout)"
    )
    parser.add_argument(
        "--format",
        choices=("auto", "jsonl", "csv"),
        default="auto",
        help="the input format (default: csv for a .csv file, else jsonl)",
    )
    parser.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help=f"processes to assess in, 1 to {MAX_WORKERS} (default: 1)",
    )
    parser.add_argument(
        "--chunksize",
        type=_chunksize,
        default=256,
        metavar="ROWS",
        help=f"rows read and assessed at a time, 1 to {MAX_CHUNKSIZE:,} (default: 256)",
    )
    parser.set_defaults(func=handle)


def _whole_number(text: str) -> int:
    try:
        return int(text)
    except ValueError:  # not a number, or more digits than int() reads
        return 0


def _from_1_to(most: int, text: str) -> int:
    value = _whole_number(text)
    if not 1 <= value <= most:
        shown = text if len(text) <= 20 else text[:17] + "..."
        msg = f"expected a whole number from 1 to {most}; received {shown!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _workers(text: str) -> int:
    return _from_1_to(MAX_WORKERS, text)


def _chunksize(text: str) -> int:
    return _from_1_to(MAX_CHUNKSIZE, text)


def handle(args: argparse.Namespace) -> int:
    """Run the ``batch`` subcommand with the parsed *args*; return the exit status."""
    return run(args, stdin=sys.stdin.buffer, stdout=sys.stdout, stderr=sys.stderr)


def run(args: argparse.Namespace, *, stdin: IO[bytes], stdout: IO[str], stderr: IO[str]) -> int:
    """Run the batch with explicit streams, for tests.

    The output is opened only once the input is known to be readable (and, for
    CSV, its header good), so that a run that cannot start leaves it as it was.
    """

    def fail(message: str) -> int:
        stderr.write(f"legcramps batch: error: {message}\n")
        return 2

    problems = Problems()
    knowledge = checked_knowledge(getattr(args, "knowledge", None), problems)
    if problems:
        return fail(str(problems.found[0]))
    if args.input != "-" and args.output != "-" and _same_file(args.input, args.output):
        return fail("argument --output: must not be the --input file")
    fmt = args.format
    if fmt == "auto":
        fmt = "csv" if args.input.lower().endswith(".csv") else "jsonl"
    try:
        # closed below
        source = stdin if args.input == "-" else Path(args.input).open("rb")  # noqa: SIM115
    except OSError as e:
        return fail(f"argument --input: cannot read {args.input!r}: {e.strerror}")
    try:
        outputs: Iterator[Output]
        if fmt == "csv":
            try:
                outputs = _csv_outputs(source, args, knowledge)
            except _BadHeader as e:
                return fail(f"argument --input: {e}")
        else:
            outputs = map_ordered(
                _jsonl_chunk,
                _context(knowledge),
                _lines(source),
                workers=args.workers,
                chunksize=args.chunksize,
            )
        return _run_into(outputs, args.output, stdout, stderr, fail)
    finally:
        if source is not stdin:
            source.close()


def _run_into(
    outputs: Iterator[Output],
    output: str,
    stdout: IO[str],
    stderr: IO[str],
    fail: Callable[[str], int],
) -> int:
    try:
        # closed below
        sink = stdout if output == "-" else Path(output).open("w", encoding="utf-8", newline="\n")  # noqa: SIM115
    except OSError as e:
        return fail(f"argument --output: cannot write {output!r}: {e.strerror}")
    from concurrent.futures.process import BrokenProcessPool

    try:
        return _write(outputs, sink, stderr)
    except BrokenPipeError:
        if sink is stdout:
            silence(stdout)
        return BROKEN_PIPE
    except BrokenProcessPool:
        stderr.write(
            "legcramps batch: error: a worker process died (out of memory?); "
            "the output is incomplete\n"
        )
        return WORKER_DIED
    finally:
        close = getattr(outputs, "close", None)
        if close is not None:
            close()
        if sink is not stdout:
            sink.close()


def _context(knowledge: Knowledge) -> Knowledge | None:
    """Return what the workers need to know of *knowledge*: nothing for the built-in one."""
    return None if knowledge is KNOWLEDGE else knowledge


def _resolve(context: Knowledge | None) -> Knowledge:
    return KNOWLEDGE if context is None else context


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve() or Path(a).samefile(b)
    except OSError:
        return False


def _write(outputs: Iterator[Output], sink: IO[str], stderr: IO[str]) -> int:
    import time

    show = stderr.isatty()
    rows = errors = 0
    shown_at = time.monotonic()
    for ok, line in outputs:
        sink.write(line)
        sink.write("\n")
        rows += 1
        errors += not ok
        if show and time.monotonic() - shown_at >= _PROGRESS_SECONDS:
            stderr.write(f"\r{rows:,} rows, {errors:,} with problems")
            stderr.flush()
            shown_at = time.monotonic()
    sink.flush()
    if show:
        stderr.write(f"\r{rows:,} rows, {errors:,} with problems: done\n")
    return 1 if errors else 0


# --- JSON Lines --------------------------------------------------------------------------


def _lines(source: IO[bytes]) -> Iterator[tuple[int, bytes]]:
    for number, raw in enumerate(source, 1):
        line = raw.rstrip(b"\r\n") if raw.endswith(b"\n") else raw
        if number == 1 and line.startswith(b"\xef\xbb\xbf"):
            line = line[3:]
        yield number, line


def _jsonl_chunk(context: Knowledge | None, chunk: Sequence[tuple[int, bytes]]) -> list[Output]:
    import json

    assess = _resolve(context).assess
    expected = "one JSON object of answers per line"
    outputs: list[Output] = []
    for number, raw in chunk:
        problems: tuple[Problem, ...]
        try:
            row = (
                json.loads(raw.decode("utf-8"), object_pairs_hook=object_without_duplicates)
                if raw.strip()
                else None
            )
        except UnicodeDecodeError:
            problems = (Problem("row", "bytes that are not UTF-8", expected + ", in UTF-8"),)
        except DuplicateKey as e:
            text = raw.decode("utf-8", "replace")
            hint = f"the key {e.key!r} appears more than once"
            problems = (Problem("row", describe(text), expected + ", each key once", hint),)
        except (ValueError, RecursionError) as e:
            hint = f"not JSON: {e.msg}" if isinstance(e, json.JSONDecodeError) else "not JSON"
            text = raw.decode("utf-8", "replace")
            problems = (Problem("row", describe(text), expected, hint),)
        else:
            if isinstance(row, dict):
                try:
                    result = assess(row)
                except InvalidInput as e:
                    problems = e.problems
                else:
                    outputs.append((True, _dumps({"line": number, "result": result.to_dict()})))
                    continue
            else:
                received = "an empty line" if row is None and not raw.strip() else describe(row)
                problems = (Problem("row", received, expected),)
        outputs.append((False, _error(number, problems)))
    return outputs


def _dumps(value: object) -> str:
    import json

    return json.dumps(value, separators=(",", ":"))


def _error(number: int, problems: tuple[Problem, ...]) -> str:
    return _dumps({"line": number, "problems": [p.to_dict() for p in problems]})


# --- CSV -----------------------------------------------------------------------------------


class _BadHeader(Exception):
    """The CSV header names no usable columns; the run cannot start."""


def _csv_outputs(
    source: IO[bytes], args: argparse.Namespace, knowledge: Knowledge
) -> Iterator[Output]:
    """Read the CSV header at once, then return the outputs of the records, streamed.

    :raises _BadHeader: if the header cannot be read or names an unknown input.
    """
    import codecs
    import csv

    reader = csv.reader(codecs.iterdecode(source, "utf-8-sig", errors="replace"))
    try:
        header = next(reader)
    except StopIteration:
        return iter(())
    except csv.Error as e:
        msg = f"cannot read the CSV header: {e}"
        raise _BadHeader(msg) from None
    known = {f.id for f in knowledge.factors}
    columns = tuple(name.strip() for name in header)
    if any(name not in known for name in columns) or len(set(columns)) != len(columns):
        msg = (
            "the CSV header must name each column once, by an input of the knowledge "
            f"(legcramps.RISK_FACTORS); received {', '.join(map(repr, columns))}"
        )
        raise _BadHeader(msg)
    return map_ordered(
        _csv_chunk,
        (_context(knowledge), columns),
        _csv_rows(reader, csv.Error),
        workers=args.workers,
        chunksize=args.chunksize,
    )


def _csv_rows(reader: Any, error: type[Exception]) -> Iterator[tuple[int, list[str] | str]]:
    """Yield ``(line, cells)`` per record, or ``(line, message)`` for one the reader rejects."""
    while True:
        start = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except error as e:
            yield start, str(e)
            continue
        yield start, cells


def _csv_chunk(
    context: tuple[Knowledge | None, tuple[str, ...]],
    chunk: Sequence[tuple[int, list[str] | str]],
) -> list[Output]:
    knowledge = _resolve(context[0])
    factors = [knowledge.factor(c) for c in context[1]]
    outputs: list[Output] = []
    for number, cells in chunk:
        problems: list[Problem] = []
        if isinstance(cells, str):
            problems.append(
                Problem("row", "a record the CSV reader rejects", "a CSV record", cells)
            )
        elif len(cells) != len(factors) and not (cells == [] and len(factors) == 1):
            expected = f"{len(factors)} cells, one per column of the header"
            received = f"{len(cells)} cell" + ("" if len(cells) == 1 else "s")
            problems.append(Problem("row", received, expected))
        else:
            row = {}
            for factor, cell in zip(factors, cells or [""], strict=True):
                value = _cell(factor, cell, problems)
                if value is not None:
                    row[factor.id] = value
            try:
                result = knowledge.assess(row)
            except InvalidInput as e:
                problems.extend(e.problems)
            else:
                if not problems:
                    outputs.append((True, _dumps({"line": number, "result": result.to_dict()})))
                    continue
        outputs.append((False, _error(number, tuple(problems))))
    return outputs


def _cell(factor: RiskFactor, cell: str, problems: list[Problem]) -> object:
    """Return the answer in *cell*, read as the command line reads it; ``None`` for unknown.

    An empty cell, or one that says it is not known ("unknown", "?"), is unknown.
    A cell that cannot be read adds to *problems*.
    """
    if is_skip(cell):
        return None
    try:
        return parse_answer(cell, factor)
    except NotUnderstood as e:
        problems.append(Problem(factor.id, describe(cell), f"{e}, or an empty cell (unknown)"))
        return None
