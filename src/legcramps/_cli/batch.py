"""``legcramps batch``: JSON Lines or CSV in; JSON Lines, CSV or Parquet out; streamed.

Every input record gives exactly one output record, in order, that says which
record it answers (``record``, 1 for the first, and ``line``, the input line
it starts on) and holds its result or its problems, so that nothing is lost or
invented. The parent process reads lines and writes finished output; the
records are parsed, assessed and encoded in chunks (in worker processes with
``--workers``), and each chunk comes back as the bytes to write.

Faults lose nothing silently: a write that fails, a signal, or a worker that
dies ends the run with its own exit status and a message, and the output is
left a clean prefix of whole records. A summary (rows, problems, time) goes to
standard error at the end, unless ``--quiet``.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from typing_extensions import Self

from legcramps import _flat, _texts
from legcramps._batch import MAX_CHUNKSIZE, MAX_WORKERS, Plan, check_keep, map_chunks
from legcramps._cli._encode import Job, encode_chunk
from legcramps._cli._io import (
    BROKEN_PIPE,
    INTERRUPTED,
    CommandError,
    binary,
    check_stdin_unused,
    error_line,
    silence,
    source_name,
)
from legcramps._cli._parser import Once, add_language, chosen_language
from legcramps._cli._records import (
    UNREADABLE,
    CellSplitter,
    Chunk,
    CsvRecords,
    Reader,
    ReadFailed,
    chunked,
    jsonl_records,
    sniff,
)
from legcramps._cli._sinks import WriteFailed, open_sink
from legcramps._cli.assess import input_path
from legcramps._errors import Problems
from legcramps._knowledge import KNOWLEDGE, checked_knowledge

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

    from legcramps._knowledge import Knowledge

#: Exit statuses: every row assessed and written; some rows written as problems; the run
#: could not start; a worker died; reading or writing failed; stopped by SIGTERM.
ALL_ASSESSED = 0
SOME_PROBLEMS = 1
USAGE = 2
WORKER_DIED = 3
IO_FAILED = 4
TERMINATED = 128 + signal.SIGTERM


_PROG = "legcramps batch"
_PROGRESS_SECONDS = 0.5
_EXAMPLES = (
    f"{_texts.CLI_EXAMPLES}\n  legcramps batch rows.jsonl -o results.jsonl --workers 2\n"
    "  legcramps batch survey.csv --id respondent -o results.csv"
)


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``batch`` to *subparsers*.

    The rows are assessed against the knowledge in the parsed namespace's
    ``knowledge`` attribute.
    """
    parser = subparsers.add_parser(
        "batch",
        help=_texts.CLI_BATCH_HELP,
        description=_texts.CLI_BATCH_DESCRIPTION,
        epilog=_EXAMPLES,
        allow_abbrev=False,
    )
    parser.add_argument("file", nargs="?", action=Once, metavar="PATH", help=_texts.CLI_BATCH_FILE)
    parser.add_argument("-i", "--input", action=Once, metavar="PATH", help=_texts.CLI_SAME_AS_PATH)
    parser.add_argument(
        "-o",
        "--output",
        action=Once,
        default="-",
        metavar="PATH",
        help=_texts.CLI_OUTPUT_HELP,
    )
    parser.add_argument(
        "--format",
        choices=("auto", "jsonl", "csv"),
        default="auto",
        help=_texts.CLI_FORMAT_HELP,
    )
    parser.add_argument(
        "--output-format",
        choices=("auto", "jsonl", "csv", "parquet"),
        default="auto",
        help=_texts.CLI_OUTPUT_FORMAT_HELP,
    )
    parser.add_argument(
        "--fields",
        action="append",
        metavar="LIST",
        help=_texts.CLI_FIELDS_HELP,
    )
    parser.add_argument(
        "--id",
        action="append",
        dest="keep",
        metavar="COLUMN",
        help=_texts.CLI_ID_HELP,
    )
    parser.add_argument(
        "--ignore-unknown",
        action="store_true",
        help=_texts.CLI_IGNORE_UNKNOWN_HELP,
    )
    parser.add_argument(
        "--delimiter",
        type=_delimiter,
        metavar="CHAR",
        help=_texts.CLI_DELIMITER_HELP,
    )
    parser.add_argument(
        "--workers",
        type=_workers,
        default=1,
        metavar="N",
        help=_texts.CLI_WORKERS_HELP.format(most=MAX_WORKERS),
    )
    parser.add_argument(
        "--chunksize",
        type=_chunksize,
        default=256,
        metavar="ROWS",
        help=_texts.CLI_CHUNKSIZE_HELP.format(most=f"{MAX_CHUNKSIZE:,}"),
    )
    parser.add_argument("-q", "--quiet", action="store_true", help=_texts.CLI_QUIET_HELP)
    add_language(parser)
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
        msg = _texts.CLI_WHOLE_NUMBER.format(most=most, given=repr(shown))
        raise argparse.ArgumentTypeError(msg)
    return value


def _workers(text: str) -> int:
    return _from_1_to(MAX_WORKERS, text)


def _chunksize(text: str) -> int:
    return _from_1_to(MAX_CHUNKSIZE, text)


def _delimiter(text: str) -> str:
    named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
    value = named.get(text.casefold(), text)
    if len(value) != 1 or value in '"\r\n' or value.isalnum():
        msg = _texts.CLI_ONE_CHARACTER.format(given=repr(text))
        raise argparse.ArgumentTypeError(msg)
    return value


def handle(args: argparse.Namespace) -> int:
    """Run the ``batch`` subcommand with the parsed *args*; return the exit status."""
    args.input = input_path(args)
    if args.input is None:
        check_stdin_unused(_texts.CLI_THE_ROWS)
        msg = _texts.CLI_ROWS_NEEDED
        raise CommandError(msg)
    _settle()
    return run(args, stdin=binary(sys.stdin), stdout=binary(sys.stdout), stderr=sys.stderr)


# --- the run -------------------------------------------------------------------------------


class _CannotStart(Exception):
    """The run cannot start: the message names the option at fault."""


def run(args: argparse.Namespace, *, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    """Run the batch with explicit streams, for tests.

    The output is opened only once everything that can stop the run before it
    starts has been checked (the options, the input, a CSV header), so that a
    run that cannot start leaves it as it was.
    """
    started = time.monotonic()
    language = chosen_language(args)
    try:
        source = _open_input(args, stdin, stdout)
    except _CannotStart as e:
        stderr.write(error_line(_PROG, str(e), language))
        return USAGE
    try:
        try:
            job, records, reader = _prepare(args, source)
        except _CannotStart as e:
            stderr.write(error_line(_PROG, str(e), language))
            return USAGE
        except ReadFailed as e:
            message = _texts.CLI_CANNOT_READ.format(path=source_name(args.input), reason=e)
            stderr.write(error_line(_PROG, message, language))
            return IO_FAILED
        tally = _Tally(started, stderr, _size(source), quiet=args.quiet, language=language)
        return _run(args, job, chunked(records, args.chunksize, reader), stdout, tally)
    finally:
        if source is not stdin:
            source.close()


def _open_input(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes]) -> IO[bytes]:
    checks = Problems()
    checked_knowledge(getattr(args, "knowledge", None), checks)
    if checks:
        raise _CannotStart(str(checks.found[0]))
    if _same_file(args.input, args.output, stdin, stdout):
        raise _CannotStart(_argument("--output", _texts.CLI_SAME_FILE))
    if args.input == "-":
        return stdin
    try:
        return Path(args.input).open("rb")
    except OSError as e:
        cannot = _texts.CLI_CANNOT_READ.format(path=repr(args.input), reason=e.strerror)
        raise _CannotStart(_argument("--input", cannot)) from None


def _argument(option: str, message: str) -> str:
    """Say *message* of the option *option*."""
    return _texts.CLI_ARGUMENT.format(argument=option, message=message)


def _same_file(a: str, b: str, stdin: IO[bytes], stdout: IO[bytes]) -> bool:
    """Whether the input *a* and the output *b* (``-``: the standard streams) are one file."""
    if a == b == "-":
        return False
    try:
        first = os.fstat(stdin.fileno()) if a == "-" else Path(a).stat()
        second = os.fstat(stdout.fileno()) if b == "-" else Path(b).stat()
    except (OSError, ValueError, AttributeError):  # no such file yet, or not a real stream
        return False
    return (first.st_dev, first.st_ino) == (second.st_dev, second.st_ino)


def _size(source: IO[bytes]) -> int | None:
    """Return the size of *source* in bytes, if it is a file whose size is known."""
    import stat

    try:
        status = os.fstat(source.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) and status.st_size else None


def _prepare(
    args: argparse.Namespace, source: IO[bytes]
) -> tuple[Job, Iterator[tuple[int, bytes | str]], Reader]:
    """Check the options against the knowledge, read a CSV header; return the job.

    :raises _CannotStart: naming the option at fault.
    """
    knowledge: Knowledge = args.knowledge if getattr(args, "knowledge", None) else KNOWLEDGE
    source_format = args.format
    if source_format == "auto":
        source_format = "csv" if args.input.lower().endswith(".csv") else "jsonl"
    target = _target(args)
    problems = Problems()
    fields = None
    if args.fields is not None:
        fields = [f.strip() for given in args.fields for f in given.split(",") if f.strip()]
    columns = _flat.select(knowledge, fields, problems, "--fields")
    keep = tuple(args.keep or ())
    check_keep(keep, knowledge, {"record", *(c.name for c in columns)}, problems, "--id")
    inputs = {f.id.casefold() for f in knowledge.factors}
    for name in keep:  # CSV headers are matched ignoring case: so are inputs here
        if name.casefold() in inputs and name not in inputs:
            problems.add("--id", repr(name), _texts.CLI_NOT_AN_INPUT_ANY_CASE)
    if problems:
        problem = problems.found[0]
        raise _CannotStart(
            _argument(problem.input, str(problem).removeprefix(problem.input + ": "))
        )
    if target == "parquet":
        _check_parquet(args)
    plan = Plan(
        None if knowledge is KNOWLEDGE else knowledge,
        keep,
        args.ignore_unknown,
        "dict" if target == "jsonl" and fields is None else "flat",
        None if fields is None else tuple(fields),
        language=chosen_language(args),
    )
    reader = Reader(source)
    if source_format == "jsonl":
        return Job(plan, "jsonl", target), jsonl_records(reader), reader
    return _csv_job(args, plan, target, reader)


def _csv_job(
    args: argparse.Namespace, plan: Plan, target: str, reader: Reader
) -> tuple[Job, Iterator[tuple[int, bytes | str]], Reader]:
    """Read the CSV header; return the job of a CSV input.

    :raises _CannotStart: if the header cannot be read.
    """
    knowledge: Knowledge = args.knowledge if getattr(args, "knowledge", None) else KNOWLEDGE
    keep = plan.keep
    records = CsvRecords(reader)
    header = next(iter(records), None)
    if header is None:  # an empty file: no header, no rows
        return Job(plan, "csv", target), iter(()), reader
    _, payload = header
    if type(payload) is str:
        received, _, _ = UNREADABLE[payload]
        raise _CannotStart(_argument("--input", _texts.CLI_HEADER.format(reason=received)))
    assert isinstance(payload, bytes)  # noqa: S101 - a str is handled above
    text = payload.decode("utf-8", "replace")
    delimiter = args.delimiter or sniff(text)
    cells = CellSplitter(delimiter).split(text)
    if type(cells) is str:
        raise _CannotStart(_argument("--input", _texts.CLI_HEADER.format(reason=cells)))
    assert isinstance(cells, list)  # noqa: S101 - a str is handled above
    header_columns = _header_columns(cells, knowledge, keep, ignore_unknown=args.ignore_unknown)
    records.expect(len(header_columns), delimiter)
    return Job(plan, "csv", target, header_columns, delimiter), iter(records), reader


def _target(args: argparse.Namespace) -> str:
    target: str = args.output_format
    if target == "auto":
        suffix = Path(args.output).suffix.lower() if args.output != "-" else ""
        target = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet"}.get(suffix, "jsonl")
    return target


def _check_parquet(args: argparse.Namespace) -> None:
    if args.output == "-":
        raise _CannotStart(_argument("--output-format", _texts.CLI_PARQUET_STDOUT))
    try:
        import pyarrow.parquet  # noqa: F401 - only checking that it is there
    except ImportError:
        raise _CannotStart(_argument("--output-format", _texts.CLI_PARQUET_PYARROW)) from None


def _header_columns(
    cells: list[str], knowledge: Knowledge, keep: Sequence[str], *, ignore_unknown: bool
) -> tuple[tuple[str, str], ...]:
    """Return what each header cell is: an input, a kept column, or one to skip.

    Names are matched ignoring case and surrounding spaces.

    :raises _CannotStart: naming every unknown, repeated or missing column.
    """
    import difflib

    inputs = {f.id.casefold(): f.id for f in knowledge.factors}
    kept = {k.casefold(): k for k in keep}
    problems: list[str] = []
    columns: list[tuple[str, str]] = []
    seen: set[str] = set()
    for cell in cells:
        name = cell.strip()
        folded = name.casefold()
        if folded in kept:
            column = ("keep", kept[folded])
        elif folded in inputs:
            column = ("input", inputs[folded])
        else:
            column = ("skip", name)
            if not ignore_unknown:
                close = difflib.get_close_matches(folded, inputs, n=1)
                values = {"name": repr(name), "id": name}
                if close:
                    problems.append(
                        _texts.CLI_NOT_AN_INPUT_CLOSE.format(close=repr(inputs[close[0]]), **values)
                    )
                else:
                    problems.append(_texts.CLI_NOT_AN_INPUT_COLUMN.format(**values))
        if column[0] != "skip":
            if column[1] in seen:
                problems.append(_texts.CLI_COLUMN_TWICE.format(name=repr(name)))
            seen.add(column[1])
        columns.append(column)
    problems.extend(
        _argument("--id", _texts.CLI_NO_COLUMN.format(name=repr(k))) for k in keep if k not in seen
    )
    if problems:
        shown = problems[:5]
        if len(problems) > len(shown):
            shown.append(_texts.MORE.format(more=len(problems) - len(shown)))
        raise _CannotStart(_argument("--input", "; ".join(shown)))
    return tuple(columns)


def _run(
    args: argparse.Namespace, job: Job, chunks: Iterator[Chunk], stdout: IO[bytes], tally: _Tally
) -> int:
    try:
        sink = open_sink(args, job, stdout)
    except OSError as e:
        cannot = _texts.CLI_CANNOT_WRITE.format(path=repr(args.output), reason=e.strerror)
        tally.stderr.write(error_line(_PROG, _argument("--output", cannot), tally.language))
        return USAGE
    from concurrent.futures.process import BrokenProcessPool

    initializer = _worker_started if args.workers > 1 else None
    outs = map_chunks(encode_chunk, job, chunks, args.workers, initializer)
    signals = _Signals()
    status = ALL_ASSESSED
    message = ""
    try:
        with signals:
            try:
                for data, rows, problems, offset in outs:
                    # Written and counted as one step: a signal waits for both, so that
                    # the count is always that of the records the output holds.
                    with signals.deferred():
                        sink.write(data)
                        tally.add(rows, problems, offset)
                sink.close()
            finally:
                signals.stop()
                outs.close()  # stops the workers and waits for them
            status = SOME_PROBLEMS if tally.problems else ALL_ASSESSED
    except _Stopped as e:
        status = INTERRUPTED if e.signum == signal.SIGINT else TERMINATED
        message = _texts.CLI_STOPPED.format(signal=signal.Signals(e.signum).name)
    except WriteFailed as e:
        status = IO_FAILED
        message = _texts.CLI_CANNOT_WRITE.format(path=source_name(args.output), reason=e)
    except ReadFailed as e:
        status = IO_FAILED
        message = _texts.CLI_CANNOT_READ.format(path=source_name(args.input), reason=e)
    except BrokenProcessPool:
        status = WORKER_DIED
        message = _texts.CLI_WORKER_DIED
    except BrokenPipeError:
        sink.abandon()
        if args.output == "-":
            silence(stdout)
        return BROKEN_PIPE
    if status > SOME_PROBLEMS:
        sink.abandon()
        tally.fail(_texts.CLI_LIST.format(item=message, items=sink.kept(tally.rows)))
    tally.done()
    return status


def _worker_started() -> None:
    """In a worker: leave SIGINT and SIGTERM to the parent, which stops the workers itself.

    Ctrl-C at a terminal (and ``kill`` of a process group) reaches every process;
    the parent then stops reading, and the pool ends each worker once its chunk
    is done, so that no worker is left and none dies with a traceback.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _settle()


def _settle() -> None:
    """Spare the garbage collector what was loaded: it is never garbage, and results are many.

    Each result makes dozens of short-lived containers, and every few hundred
    results the collector would walk everything the process holds (the
    knowledge, the modules); frozen, it walks only what is new. Only in a
    process of its own: the command line's, or a worker's.
    """
    import gc

    gc.freeze()


class _Stopped(BaseException):
    """A SIGINT or SIGTERM: stop reading, keep what is written whole, and exit 130 or 143."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _Signals:
    """SIGINT and SIGTERM stop the run, but never in the middle of a write.

    While a write is under way (:meth:`deferred`) a signal is only noted, and
    the run stops right after it. Once the run is stopping (a first signal, or
    :meth:`stop` at its end), another signal is noted and changes nothing, so
    that the workers are stopped in peace.
    """

    def __init__(self) -> None:
        self._deferring = False
        self._stopping = False
        self._pending: int | None = None
        self._saved: list[tuple[int, Any]] = []

    def __enter__(self) -> Self:
        import threading

        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self._saved.append((signum, signal.signal(signum, self._handle)))
        return self

    def __exit__(self, *_: object) -> None:
        for signum, handler in self._saved:
            signal.signal(signum, handler)

    def _handle(self, signum: int, _: object) -> None:
        if self._pending is None:
            self._pending = signum
        if self._deferring or self._stopping:
            return
        self._stopping = True
        raise _Stopped(signum)

    def deferred(self) -> _Deferred:
        """Return a context in which a signal waits for the end of the block."""
        return _Deferred(self)

    def stop(self) -> None:
        """Note that the run is ending: later signals are only noted."""
        self._stopping = True


class _Deferred:
    def __init__(self, signals: _Signals) -> None:
        self._signals = signals

    def __enter__(self) -> None:
        self._signals._deferring = True  # noqa: SLF001 - one mechanism, two classes

    def __exit__(self, *_: object) -> None:
        signals = self._signals
        signals._deferring = False  # noqa: SLF001
        pending = signals._pending  # noqa: SLF001
        if pending is not None and not signals._stopping:  # noqa: SLF001
            signals._stopping = True  # noqa: SLF001
            raise _Stopped(pending)


class _Tally:
    """Counts what was written; shows progress on a terminal, and the summary at the end."""

    def __init__(
        self,
        started: float,
        stderr: IO[str],
        size: int | None,
        *,
        quiet: bool,
        language: str = "en",
    ) -> None:
        from legcramps._catalog import catalog

        self.language = language
        self.text = catalog(language).text
        self.started = started
        self.stderr = stderr
        self.size = size
        self.quiet = quiet
        self.show = not quiet and stderr.isatty()
        self.rows = 0
        self.problems = 0
        self.offset = 0
        self._shown_at = started
        self._width = 0

    def add(self, rows: int, problems: int, offset: int) -> None:
        """Count a chunk written; show the progress at most every half second."""
        self.rows += rows
        self.problems += problems
        self.offset = offset
        if self.show and time.monotonic() - self._shown_at >= _PROGRESS_SECONDS:
            self._shown_at = time.monotonic()
            self._line(self.progress(self._shown_at - self.started))

    def progress(self, seconds: float) -> str:
        """Return the progress line after *seconds*: rows, problems, rate; share and time left."""
        rate = self.rows / seconds if seconds > 0 else 0.0
        text = self.text(
            _texts.CLI_PROGRESS,
            rows=f"{self.rows:,}",
            problems=f"{self.problems:,}",
            rate=f"{rate:,.0f}",
        )
        if self.size:
            share = min(self.offset / self.size, 1.0)
            left = seconds * (1 - share) / share if share else None
            text = f"{share:4.0%} {text}"
            if left is not None:
                text = self.text(_texts.CLI_PROGRESS_LEFT, progress=text, clock=_clock(left))
        return text

    def _line(self, text: str) -> None:
        self.stderr.write("\r" + text.ljust(self._width))
        self.stderr.flush()
        self._width = len(text)

    def fail(self, message: str) -> None:
        """Report the fault that ended the run (even with ``--quiet``)."""
        if self._width:
            self.stderr.write("\n")
            self._width = 0
        self.stderr.write(error_line(_PROG, message, self.language))

    def done(self) -> None:
        """Write the summary: rows written, problems, time, rate."""
        if self.quiet:
            return
        seconds = time.monotonic() - self.started
        values = {
            "rows": f"{self.rows:,}",
            "problems": f"{self.problems:,}",
            "seconds": f"{seconds:.1f}",
        }
        if seconds > 0 and self.rows:
            text = self.text(_texts.CLI_SUMMARY_RATE, rate=f"{self.rows / seconds:,.0f}", **values)
        else:
            text = self.text(_texts.CLI_SUMMARY, **values)
        if self._width:
            self.stderr.write("\r" + text.ljust(self._width) + "\n")
        else:
            self.stderr.write(text + "\n")


def _clock(seconds: float) -> str:
    """Return *seconds* as ``m:ss`` or ``h:mm:ss``.

    >>> _clock(75), _clock(3725.2)
    ('1:15', '1:02:05')
    """
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"
