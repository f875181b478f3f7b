"""The ``legcramps batch`` command: JSON Lines or CSV in, JSON Lines out, streamed.

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

from legcramps._batch import map_ordered, problem_dict
from legcramps._model import FactorKind, RiskFactor
from legcramps.exceptions import InvalidInput, Problem, describe

if TYPE_CHECKING:
    from collections.abc import Generator, Iterator, Sequence

_YES = frozenset({"true", "yes", "y", "1"})
_NO = frozenset({"false", "no", "n", "0"})
_NO_MEDICATIONS = "none"
_PROGRESS_SECONDS = 0.5

#: One row's output: whether it was assessed, and its output line (without the newline).
Output = tuple[bool, str]


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Register the ``batch`` subcommand on *subparsers*."""
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
        type=_positive,
        default=1,
        metavar="N",
        help="processes to assess in (default: 1)",
    )
    parser.add_argument(
        "--chunksize",
        type=_positive,
        default=256,
        metavar="ROWS",
        help="rows sent to a worker at a time (default: 256)",
    )
    parser.set_defaults(func=handle)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        msg = f"expected a whole number, 1 or more; received {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``legcramps batch`` from *argv* (which starts with ``batch``); return the exit status."""
    parser = argparse.ArgumentParser(prog="legcramps")
    add_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    status: int = args.func(args)
    return status


def handle(args: argparse.Namespace) -> int:
    """Run the ``batch`` subcommand with the parsed *args*; return the exit status."""
    return run(args, stdin=sys.stdin.buffer, stdout=sys.stdout, stderr=sys.stderr)


def run(args: argparse.Namespace, *, stdin: IO[bytes], stdout: IO[str], stderr: IO[str]) -> int:
    """Run the batch with explicit streams, for tests."""
    if args.input != "-" and args.output != "-" and _same_file(args.input, args.output):
        stderr.write("legcramps batch: --output must not be the --input file\n")
        return 2
    fmt = args.format
    if fmt == "auto":
        fmt = "csv" if args.input.lower().endswith(".csv") else "jsonl"
    try:
        source = stdin if args.input == "-" else Path(args.input).open("rb")  # noqa: SIM115 - closed below
    except OSError as e:
        stderr.write(f"legcramps batch: cannot read {args.input}: {e.strerror}\n")
        return 2
    try:
        outputs: Generator[Output, None, None]
        if fmt == "csv":
            outputs = _csv_outputs(source, args)
        else:
            outputs = map_ordered(
                _jsonl_chunk, None, _lines(source), workers=args.workers, chunksize=args.chunksize
            )
        try:
            sink = (
                stdout
                if args.output == "-"
                else Path(args.output).open(  # noqa: SIM115 - closed below
                    "w", encoding="utf-8", newline="\n"
                )
            )
        except OSError as e:
            stderr.write(f"legcramps batch: cannot write {args.output}: {e.strerror}\n")
            return 2
        try:
            return _write(outputs, sink, stderr)
        except _BadHeader as e:
            stderr.write(f"legcramps batch: {e}\n")
            return 2
        finally:
            outputs.close()
            if sink is not stdout:
                sink.close()
    finally:
        if source is not stdin:
            source.close()


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


def _jsonl_chunk(_context: None, chunk: Sequence[tuple[int, bytes]]) -> list[Output]:
    import json

    from legcramps._knowledge import KNOWLEDGE

    expected = "one JSON object of answers per line"
    outputs: list[Output] = []
    for number, raw in chunk:
        problems: tuple[Problem, ...]
        try:
            row = json.loads(raw.decode("utf-8")) if raw.strip() else None
        except UnicodeDecodeError:
            problems = (Problem("row", "bytes that are not UTF-8", expected + ", in UTF-8"),)
        except (ValueError, RecursionError) as e:
            hint = f"not JSON: {e.msg}" if isinstance(e, json.JSONDecodeError) else "not JSON"
            text = raw.decode("utf-8", "replace")
            problems = (Problem("row", describe(text), expected, hint),)
        else:
            if isinstance(row, dict):
                try:
                    result = KNOWLEDGE.assess(row)
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
    return _dumps({"line": number, "problems": [problem_dict(p) for p in problems]})


# --- CSV -----------------------------------------------------------------------------------


class _BadHeader(Exception):
    """The CSV header names no usable columns; the run cannot start."""


def _csv_outputs(source: IO[bytes], args: argparse.Namespace) -> Generator[Output, None, None]:
    import csv
    import io

    text = io.TextIOWrapper(source, encoding="utf-8-sig", errors="replace", newline="")
    try:
        yield from _csv_records(csv.reader(text), csv.Error, args)
    finally:
        text.detach()  # the caller closes the source


def _csv_records(reader: Any, error: type[Exception], args: argparse.Namespace) -> Iterator[Output]:
    from legcramps._knowledge import KNOWLEDGE

    try:
        header = next(reader)
    except StopIteration:
        return
    except error as e:
        msg = f"cannot read the CSV header: {e}"
        raise _BadHeader(msg) from None
    known = {f.id: f for f in KNOWLEDGE.factors}
    columns = [name.strip() for name in header]
    unknown = [name for name in columns if name not in known]
    if unknown or len(set(columns)) != len(columns):
        msg = (
            f"the CSV header must name each column once, by an input of legcramps.RISK_FACTORS; "
            f"received {', '.join(map(repr, columns))}"
        )
        raise _BadHeader(msg)
    yield from map_ordered(
        _csv_chunk,
        tuple(columns),
        _csv_rows(reader, error),
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
    columns: tuple[str, ...], chunk: Sequence[tuple[int, list[str] | str]]
) -> list[Output]:
    from legcramps._knowledge import KNOWLEDGE

    factors = [KNOWLEDGE.factor(c) for c in columns]
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
                result = KNOWLEDGE.assess(row)
            except InvalidInput as e:
                problems.extend(e.problems)
            else:
                if not problems:
                    outputs.append((True, _dumps({"line": number, "result": result.to_dict()})))
                    continue
        outputs.append((False, _error(number, tuple(problems))))
    return outputs


def _cell(factor: RiskFactor, cell: str, problems: list[Problem]) -> object:
    """Return the typed answer in *cell*, ``None`` for unknown, or add to *problems*."""
    text = cell.strip()
    if not text:
        return None
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        folded = text.casefold()
        if folded in _YES:
            return True
        if folded in _NO:
            return False
        expected = "yes, no, true, false, 1 or 0, or an empty cell (unknown)"
        problems.append(Problem(factor.id, describe(cell), expected))
        return None
    if kind is FactorKind.NUMBER:
        try:
            return int(text)
        except ValueError:
            pass
        try:
            return float(text)
        except ValueError:
            expected = f"a number of {factor.unit or 'units'}, or an empty cell (unknown)"
            problems.append(Problem(factor.id, describe(cell), expected))
            return None
    if kind is FactorKind.MEDICATIONS:
        if text.casefold() == _NO_MEDICATIONS:
            return []
        return [name.strip() for name in text.split(";") if name.strip()]
    return text
