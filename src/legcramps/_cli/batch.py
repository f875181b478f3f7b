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
import contextlib
import os
import signal
import sys
import time
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import attrs
from typing_extensions import Self

from legcramps import _flat
from legcramps._batch import MAX_CHUNKSIZE, MAX_WORKERS, Plan, Rows, check_keep, map_chunks
from legcramps._cli._io import BROKEN_PIPE, INTERRUPTED, DuplicateKey, silence
from legcramps._cli._jsonio import decoder, encoder, plain
from legcramps._cli._resultjson import result_writer
from legcramps._errors import InvalidInput, Problems, describe
from legcramps._knowledge import KNOWLEDGE, checked_knowledge
from legcramps._parse import read_cell

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from legcramps._knowledge import Knowledge
    from legcramps._result import Assessment

#: Exit statuses: every row assessed and written; some rows written as problems; the run
#: could not start; a worker died; reading or writing failed; stopped by SIGTERM.
ALL_ASSESSED = 0
SOME_PROBLEMS = 1
USAGE = 2
WORKER_DIED = 3
IO_FAILED = 4
TERMINATED = 128 + signal.SIGTERM

#: The longest record read (a line of JSON Lines, or a CSV record with its quoted lines).
MAX_RECORD_BYTES = 1 << 20

_PROGRESS_SECONDS = 0.5
#: Rows of Parquet output gathered into one row group.
_ROW_GROUP = 65_536
_PARQUET_SUFFIXES = (".parquet", ".pq")

#: One chunk of input: the first record's number, its ``(line, record)`` items, and the
#: input's offset after them. A record is its bytes, or the name of why it could not be
#: read (:data:`_UNREADABLE`).
Chunk = tuple[int, list[tuple[int, "bytes | str"]], int]
#: One chunk of output: what to write (bytes, or rows for Parquet), its rows, how many
#: of them are problems, and the input's offset after them.
Out = tuple["bytes | list[list[Any]]", int, int, int]

_UNREADABLE = {
    "long": (
        f"a record of more than {MAX_RECORD_BYTES:,} bytes",
        f"a record of at most {MAX_RECORD_BYTES:,} bytes",
        "",
    ),
    "quote": (
        'a " that opens a quoted cell no later line closes',
        "a CSV record",
        "the lines after it are read as records of their own",
    ),
}


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
            "unknown). Writes one record per row, in order, with its record and line "
            "numbers: the result, or the problems with the row. Exit status: 0 if every row "
            "was assessed, 1 if some rows had problems (all rows are written), 2 if the run "
            "could not start, 3 if a worker process died, 4 if reading or writing failed, "
            "130 or 143 if interrupted (SIGINT, SIGTERM), 141 if the reader of the output "
            "went away; after 3, 4, 130, 141 and 143 the output is a clean prefix of whole "
            "records."
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
        "--output-format",
        choices=("auto", "jsonl", "csv", "parquet"),
        default="auto",
        help=(
            "the output format (default: by the --output file's extension, .csv or .parquet;"
            " else jsonl). CSV and Parquet hold the flat layout; Parquet needs pyarrow"
        ),
    )
    parser.add_argument(
        "--fields",
        action="append",
        metavar="LIST",
        help=(
            "the flat columns each record holds, separated by commas: groups (urgency, "
            "red_flags, levels, scores, unanswered, next_question, knowledge_version, "
            "unrecognized_medications) or column names; for JSON Lines, flat records "
            "instead of the full result (default: every column)"
        ),
    )
    parser.add_argument(
        "--id",
        action="append",
        dest="keep",
        metavar="COLUMN",
        help="a column (or key) that is not an input, such as an id, to copy to each record",
    )
    parser.add_argument(
        "--ignore-unknown",
        action="store_true",
        help="leave out columns (and keys) that are not inputs, instead of refusing them",
    )
    parser.add_argument(
        "--delimiter",
        type=_delimiter,
        metavar="CHAR",
        help="the CSV delimiter, such as ';' or 'tab' (default: found from the header)",
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
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress and no summary on stderr"
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


def _delimiter(text: str) -> str:
    named = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}
    value = named.get(text.casefold(), text)
    if len(value) != 1 or value in '"\r\n' or value.isalnum():
        msg = f"expected one character that is not a letter, digit or quote; received {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def handle(args: argparse.Namespace) -> int:
    """Run the ``batch`` subcommand with the parsed *args*; return the exit status."""
    _settle()
    return run(args, stdin=sys.stdin.buffer, stdout=sys.stdout.buffer, stderr=sys.stderr)


# --- the run -------------------------------------------------------------------------------


class _CannotStart(Exception):
    """The run cannot start: the message names the option at fault."""


@attrs.frozen(weakref_slot=False)
class Job:
    """What the workers need to turn a chunk of input into output; sent with every chunk.

    *columns* (CSV) says what each cell of a record is: ``("input", id)``,
    ``("keep", name)`` or ``("skip", name)``.
    """

    plan: Plan
    source: str
    target: str
    columns: tuple[tuple[str, str], ...] = ()
    delimiter: str = ","
    accelerate: bool = True


def run(args: argparse.Namespace, *, stdin: IO[bytes], stdout: IO[bytes], stderr: IO[str]) -> int:
    """Run the batch with explicit streams, for tests.

    The output is opened only once everything that can stop the run before it
    starts has been checked (the options, the input, a CSV header), so that a
    run that cannot start leaves it as it was.
    """
    started = time.monotonic()
    try:
        source = _open_input(args, stdin, stdout)
    except _CannotStart as e:
        stderr.write(f"legcramps batch: error: {e}\n")
        return USAGE
    try:
        try:
            job, records, reader = _prepare(args, source)
        except _CannotStart as e:
            stderr.write(f"legcramps batch: error: {e}\n")
            return USAGE
        except _ReadFailed as e:
            stderr.write(f"legcramps batch: error: cannot read {_name(args.input)}: {e}\n")
            return IO_FAILED
        tally = _Tally(started, stderr, _size(source), quiet=args.quiet)
        return _run(args, job, _chunked(records, args.chunksize, reader), stdout, tally)
    finally:
        if source is not stdin:
            source.close()


def _name(path: str) -> str:
    return "standard input" if path == "-" else repr(path)


def _open_input(args: argparse.Namespace, stdin: IO[bytes], stdout: IO[bytes]) -> IO[bytes]:
    checks = Problems()
    checked_knowledge(getattr(args, "knowledge", None), checks)
    if checks:
        raise _CannotStart(str(checks.found[0]))
    if _same_file(args.input, args.output, stdin, stdout):
        msg = "argument --output: must not be the --input file"
        raise _CannotStart(msg)
    if args.input == "-":
        return stdin
    try:
        return Path(args.input).open("rb")
    except OSError as e:
        msg = f"argument --input: cannot read {args.input!r}: {e.strerror}"
        raise _CannotStart(msg) from None


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
) -> tuple[Job, Iterator[tuple[int, bytes | str]], _Reader]:
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
    if problems:
        msg = f"argument {problems.found[0]}"
        raise _CannotStart(msg)
    if target == "parquet":
        _check_parquet(args)
    plan = Plan(
        None if knowledge is KNOWLEDGE else knowledge,
        keep,
        args.ignore_unknown,
        "dict" if target == "jsonl" and fields is None else "flat",
        None if fields is None else tuple(fields),
    )
    reader = _Reader(source)
    if source_format == "jsonl":
        return Job(plan, "jsonl", target), _jsonl_records(reader), reader
    records = _CsvRecords(reader)
    header = next(iter(records), None)
    if header is None:  # an empty file: no header, no rows
        return Job(plan, "csv", target), iter(()), reader
    _, payload = header
    if type(payload) is str:
        received, _, _ = _UNREADABLE[payload]
        msg = f"argument --input: cannot read the CSV header: {received}"
        raise _CannotStart(msg)
    assert isinstance(payload, bytes)  # noqa: S101 - a str is handled above
    text = payload.decode("utf-8", "replace")
    delimiter = args.delimiter or _sniff(text)
    cells = _CellSplitter(delimiter).split(text)
    if type(cells) is str:
        msg = f"argument --input: cannot read the CSV header: {cells}"
        raise _CannotStart(msg)
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
        msg = "argument --output-format: parquet needs --output FILE (not standard output)"
        raise _CannotStart(msg)
    try:
        import pyarrow.parquet  # noqa: F401 - only checking that it is there
    except ImportError:
        msg = "argument --output-format: parquet needs pyarrow: pip install 'legcramps[parquet]'"
        raise _CannotStart(msg) from None


def _sniff(header: str) -> str:
    """Return the delimiter of a CSV *header*: the most frequent of , ; tab | (a comma if none)."""
    counts = {d: header.count(d) for d in ",;\t|"}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


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
                hint = f"did you mean {inputs[close[0]]!r}? " if close else ""
                problems.append(
                    f"the column {name!r} is not an input ({hint}use --id {name} to copy it to "
                    "the output, or --ignore-unknown to leave it out)"
                )
        if column[0] != "skip":
            if column[1] in seen:
                problems.append(f"the column {name!r} appears more than once")
            seen.add(column[1])
        columns.append(column)
    problems.extend(
        f"argument --id: the CSV header has no column {k!r}" for k in keep if k not in seen
    )
    if problems:
        shown = problems[:5]
        if len(problems) > len(shown):
            shown.append(f"and {len(problems) - len(shown)} more")
        raise _CannotStart("argument --input: " + "; ".join(shown))
    return tuple(columns)


def _run(
    args: argparse.Namespace, job: Job, chunks: Iterator[Chunk], stdout: IO[bytes], tally: _Tally
) -> int:
    try:
        sink = _sink(args, job, stdout)
    except OSError as e:
        tally.stderr.write(
            f"legcramps batch: error: argument --output: cannot write {args.output!r}: "
            f"{e.strerror}\n"
        )
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
        message = f"stopped by {signal.Signals(e.signum).name}"
    except _WriteFailed as e:
        status = IO_FAILED
        message = f"cannot write {_name(args.output)}: {e}"
    except _ReadFailed as e:
        status = IO_FAILED
        message = f"cannot read {_name(args.input)}: {e}"
    except BrokenProcessPool:
        status = WORKER_DIED
        message = "a worker process died (out of memory?)"
    except BrokenPipeError:
        sink.abandon()
        if args.output == "-":
            silence(stdout)
        return BROKEN_PIPE
    if status > SOME_PROBLEMS:
        sink.abandon()
        tally.fail(f"{message}; {sink.kept(tally.rows)}")
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

    def __init__(self, started: float, stderr: IO[str], size: int | None, *, quiet: bool) -> None:
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
        text = f"{self.rows:,} rows, {self.problems:,} with problems, {rate:,.0f} rows/s"
        if self.size:
            share = min(self.offset / self.size, 1.0)
            left = seconds * (1 - share) / share if share else None
            text = f"{share:4.0%} {text}" + (f", {_clock(left)} left" if left is not None else "")
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
        self.stderr.write(f"legcramps batch: error: {message}\n")

    def done(self) -> None:
        """Write the summary: rows written, problems, time, rate."""
        if self.quiet:
            return
        seconds = time.monotonic() - self.started
        rate = f" ({self.rows / seconds:,.0f} rows/s)" if seconds > 0 and self.rows else ""
        text = (
            f"legcramps batch: {self.rows:,} rows written, {self.problems:,} with problems, "
            f"in {seconds:.1f} s{rate}"
        )
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


# --- writing -------------------------------------------------------------------------------


class _WriteFailed(Exception):
    """Writing the output failed; the message says why."""


class _ReadFailed(Exception):
    """Reading the input failed; the message says why."""


def _reason(error: OSError) -> str:
    return error.strerror or str(error)


def _sink(args: argparse.Namespace, job: Job, stdout: IO[bytes]) -> _Sink | _ParquetSink:
    """Open the output and write its header, if it has one.

    :raises OSError: if the output file cannot be opened.
    """
    if job.target == "parquet":
        return _ParquetSink(args.output, _parquet_schema(job))
    if args.output == "-":
        sink = _Sink(stdout, owned=False)
    else:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        fd = os.open(args.output, flags, 0o666)
        sink = _Sink(os.fdopen(fd, "wb", buffering=0), owned=True)
    if job.target == "csv":
        sink.write(_csv_header(job))
    return sink


class _Sink:
    """Where whole records go: every write is complete, or cut back to the last whole record.

    Writes go straight to the file descriptor (no buffer to lose): a chunk is
    written in full, or, if the disk fills or a write fails on the way, a
    regular file is truncated back to the end of the last whole chunk.
    """

    def __init__(self, stream: IO[bytes], *, owned: bool) -> None:
        import stat

        self.stream = stream
        self.owned = owned
        self.fd: int | None = None
        self.regular = False
        #: The offset after the last whole record, if the output is a file we can cut back.
        self.good: int | None = None
        try:
            fd = stream.fileno()
            status = os.fstat(fd)
        except (OSError, ValueError, AttributeError):  # not a real file, such as BytesIO
            return
        self.fd = fd
        self.regular = stat.S_ISREG(status.st_mode)
        if self.regular:
            here = os.lseek(fd, 0, os.SEEK_CUR)
            # Appending (>>) starts at offset 0 on Linux, and the first write moves it to
            # the end: unknown until then.
            self.good = here if owned or here or not status.st_size else None

    def write(self, data: bytes | list[list[Any]]) -> None:
        """Write *data* whole, or raise :class:`_WriteFailed` with the output cut back.

        :raises BrokenPipeError: if the reader of the output went away.
        """
        assert isinstance(data, bytes)  # noqa: S101 - rows are for the Parquet sink
        fd = self.fd
        if fd is None:
            self.stream.write(data)
            return
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(fd, view) :]
            if self.regular:
                self.good = os.lseek(fd, 0, os.SEEK_CUR)
        except BrokenPipeError:
            raise
        except OSError as e:
            self.abandon()
            raise _WriteFailed(_reason(e)) from None

    def abandon(self) -> None:
        """Cut the output back to its last whole record (a write may have stopped half way)."""
        if self.good is not None and self.fd is not None:
            try:
                os.ftruncate(self.fd, self.good)
            except OSError:  # not a regular file after all: nothing to cut
                self.good = None
        self.close(quietly=True)

    def close(self, *, quietly: bool = False) -> None:
        """Close the file we opened (a failed close is a failed write, unless *quietly*)."""
        if self.owned and not self.stream.closed:
            try:
                self.stream.close()
            except OSError as e:
                if not quietly:
                    raise _WriteFailed(_reason(e)) from None

    def kept(self, rows: int) -> str:
        """Say what the output holds after a fault, *rows* having been written."""
        return f"the output holds the first {rows:,} records, each whole"


def _parquet_schema(job: Job) -> Any:
    import pyarrow as pa

    knowledge = KNOWLEDGE if job.plan.knowledge is None else job.plan.knowledge
    columns = _flat.select(knowledge, job.plan.fields, Problems(), "fields")
    kinds = {_flat.STRING: pa.string(), _flat.INTEGER: pa.int64()}
    return pa.schema(
        [
            ("record", pa.int64()),
            ("line", pa.int64()),
            *((k, pa.string()) for k in job.plan.keep),
            *((c.name, kinds[c.kind]) for c in columns),
        ]
    )


class _ParquetSink:
    """Parquet output: rows gathered into row groups; closed (with its footer) on any stop."""

    def __init__(self, path: str, schema: Any) -> None:
        import pyarrow.parquet as pq

        self.schema = schema
        self.writer = pq.ParquetWriter(path, schema)
        self.rows: list[list[Any]] = []
        self.written = 0

    def write(self, data: bytes | list[list[Any]]) -> None:
        """Gather the rows of a chunk; write a row group when enough are in."""
        assert isinstance(data, list)  # noqa: S101 - bytes are for the other sink
        self.rows.extend(data)
        if len(self.rows) >= _ROW_GROUP:
            self._flush()

    def _flush(self) -> None:
        import pyarrow as pa

        if not self.rows:
            return
        columns = list(zip(*self.rows, strict=True))
        table = pa.Table.from_arrays(
            [pa.array(c, type=f.type) for c, f in zip(columns, self.schema, strict=True)],
            schema=self.schema,
        )
        try:
            self.writer.write_table(table)
        except OSError as e:
            raise _WriteFailed(_reason(e)) from None
        self.written += len(self.rows)
        self.rows = []

    def close(self, *, quietly: bool = False) -> None:
        """Write what is gathered and the footer."""
        try:
            if not quietly:
                self._flush()
            self.writer.close()
        except OSError as e:
            if not quietly:
                raise _WriteFailed(_reason(e)) from None

    def abandon(self) -> None:
        """Write the rows gathered so far and close, so that the file stays readable."""
        with contextlib.suppress(_WriteFailed):
            self._flush()
        self.close(quietly=True)

    def kept(self, _: int) -> str:
        """Say what the output holds after a fault."""
        return f"the Parquet file holds the first {self.written:,} records"


def _csv_header(job: Job) -> bytes:
    import csv
    import io

    knowledge = KNOWLEDGE if job.plan.knowledge is None else job.plan.knowledge
    columns = _flat.select(knowledge, job.plan.fields, Problems(), "fields")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(
        ["record", "line", *job.plan.keep, *(c.name for c in columns)]
    )
    return out.getvalue().encode("utf-8")


# --- reading -------------------------------------------------------------------------------


class _Reader:
    """The lines of the input, each at most :data:`MAX_RECORD_BYTES`, counted in bytes.

    Yields ``(line number, line)``, the line with its line end; or ``None`` for
    a line too long, whose rest is read and dropped, so that memory stays
    bounded whatever the input.
    """

    def __init__(self, source: IO[bytes]) -> None:
        self.source = source
        #: The bytes read so far.
        self.offset = 0

    def __iter__(self) -> Iterator[tuple[int, bytes | None]]:
        readline = self.source.readline
        limit = MAX_RECORD_BYTES
        number = 0
        while True:
            try:
                raw = readline(limit + 1)
            except OSError as e:
                raise _ReadFailed(_reason(e)) from None
            if not raw:
                return
            number += 1
            self.offset += len(raw)
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if len(raw) > limit and not raw.endswith(b"\n"):
                self._skip_rest()
                yield number, None
                continue
            yield number, raw

    def _skip_rest(self) -> None:
        while True:
            try:
                part = self.source.readline(1 << 16)
            except OSError as e:
                raise _ReadFailed(_reason(e)) from None
            self.offset += len(part)
            if not part or part.endswith(b"\n"):
                return


def _jsonl_records(reader: _Reader) -> Iterator[tuple[int, bytes | str]]:
    for number, raw in reader:
        if raw is None:
            yield number, "long"
        else:
            yield number, raw.rstrip(b"\r\n") if raw.endswith(b"\n") else raw


class _CsvRecords:
    """The records of a CSV file, each with the line it starts on, none lost or invented.

    A record is one line, unless a quote opens a cell that a later line closes
    (an odd number of ``"`` on the line). Such a record is taken only if it
    closes within :data:`MAX_RECORD_BYTES` and reads as a record of the
    header's length, or as one whose cell is longer than the CSV reader takes
    (then it is one record with that problem, its lines never rows);
    otherwise its first line is a record that cannot be read (an unterminated
    quote) and the next line starts a record of its own. So an unterminated
    quote costs one record, never the rows after it, and every line belongs
    to exactly one record.
    """

    def __init__(self, reader: _Reader) -> None:
        self._lines = iter(reader)
        self._back: list[tuple[int, bytes | None]] = []  # lines read ahead, last first
        self._cells: int | None = None
        self._splitter = _CellSplitter(",")

    def expect(self, cells: int, delimiter: str) -> None:
        """After the header: records have *cells* cells, separated by *delimiter*."""
        self._cells = cells
        self._splitter = _CellSplitter(delimiter)

    def _next(self) -> tuple[int, bytes | None] | None:
        if self._back:
            return self._back.pop()
        return next(self._lines, None)

    def __iter__(self) -> Iterator[tuple[int, bytes | str]]:
        while True:
            item = self._next()
            if item is None:
                return
            number, raw = item
            if raw is None:
                yield number, "long"
            elif raw.count(b'"') % 2 == 0:
                yield number, raw
            else:
                yield number, self._quoted(raw)

    def _quoted(self, first: bytes) -> bytes | str:
        """Return the record that *first* opens, or ``"quote"`` (and put back its lines)."""
        parts = [first]
        taken: list[tuple[int, bytes | None]] = []
        size = len(first)
        while True:
            item = self._next()
            if item is None:
                break
            taken.append(item)
            raw = item[1]
            if raw is None or size + len(raw) > MAX_RECORD_BYTES:
                break
            parts.append(raw)
            size += len(raw)
            if raw.count(b'"') % 2:
                record = b"".join(parts)
                cells = self._splitter.split(record.decode("utf-8", "replace"))
                if type(cells) is list and (self._cells is None or len(cells) == self._cells):
                    return record
                if type(cells) is str and cells.startswith("field larger"):
                    return record  # one record, its lines in a quoted cell: refused as a whole
                break
        self._back.extend(reversed(taken))
        return "quote"


class _CellSplitter:
    """Splits the text of one record into cells, with one :mod:`csv` reader for many records.

    The reader is fed one record at a time; if it asks for more, the record
    ended inside a quoted cell, and is refused rather than joined to the next.
    """

    def __init__(self, delimiter: str) -> None:
        import csv

        self._text: str | None = None
        self._overran = False
        self._reader = csv.reader(self, delimiter=delimiter)
        self._error = csv.Error

    def __iter__(self) -> _CellSplitter:
        return self

    def __next__(self) -> str:
        text = self._text
        if text is None:
            self._overran = True
            raise StopIteration
        self._text = None
        return text

    def split(self, text: str) -> list[str] | str:
        """Return the cells of the record *text*, or why the CSV reader refuses it."""
        self._text = text
        self._overran = False
        try:
            cells: list[str] | None = next(self._reader, None)
        except self._error as e:
            self._text = None
            return str(e)
        if cells is None or self._overran:  # the reader wanted more: a quoted cell is open
            return "a quoted cell is not closed"
        return cells


def _chunked(
    records: Iterable[tuple[int, bytes | str]], size: int, reader: _Reader
) -> Iterator[Chunk]:
    items: list[tuple[int, bytes | str]] = []
    first = 1
    for item in records:
        items.append(item)
        if len(items) == size:
            yield first, items, reader.offset
            first += size
            items = []
    if items:
        yield first, items, reader.offset


# --- in the workers: records to output -----------------------------------------------------


def encode_chunk(job: Job, chunk: Chunk) -> Out:
    """Turn a chunk of input records into the output to write (in a worker, or here)."""
    return _Encoder(job).chunk(chunk)


_SCALARS = (str, int, float, bool, type(None))
_NOTHING_KEPT: dict[str, Any] = {}


class _Encoder:
    """A :class:`Job` made ready for one chunk: parses, assesses and encodes its records."""

    def __init__(self, job: Job) -> None:
        self.rows = Rows(job.plan)
        self.keep = job.plan.keep
        self.target = job.target
        self.full = job.plan.output == "dict"
        self.names = self.rows.flattener.names if self.rows.flattener is not None else ()
        self.encode = encoder(accelerate=job.accelerate)
        self.decode = decoder(accelerate=job.accelerate)
        knowledge = KNOWLEDGE if job.plan.knowledge is None else job.plan.knowledge
        # Without orjson, a full result is written from its pre-encoded parts.
        self.write_result = result_writer(knowledge) if self.full and self.encode is plain else None
        self.read = self._jsonl if job.source == "jsonl" else self._csv
        self.quick = job.source == "jsonl" and not self.keep
        self.columns = [
            (kind, knowledge.factor(name) if kind == "input" else name)
            for kind, name in job.columns
        ]
        self.splitter = _CellSplitter(job.delimiter) if job.source == "csv" else None
        self.lines: list[bytes] = []
        self.table: list[list[Any]] = []
        self.csv_out: Any = None
        if job.target == "csv":
            import csv
            import io

            self.csv_out = io.StringIO()
            self.writer = csv.writer(self.csv_out, lineterminator="\n")

    def chunk(self, chunk: Chunk) -> Out:
        """Return the output of *chunk*: each record's result or problems, in order."""
        first, items, offset = chunk
        bad = 0
        quick = self.quick
        for number, (line, payload) in enumerate(items, first):
            if quick and type(payload) is bytes and self._quick(number, line, payload):
                continue
            kept, answers, problems = self.read(payload)
            result = None
            if answers is not None:
                try:
                    result = self.rows.assess(answers)
                except InvalidInput as e:
                    problems.extend(e.problems, e.more)
            if problems or result is None:
                bad += 1
                self._problems(number, line, kept, problems)
            else:
                self._result(number, line, kept, result)
        if self.target == "parquet":
            return self.table, len(items), bad, offset
        if self.target == "csv":
            data = self.csv_out.getvalue().encode("utf-8", "backslashreplace")
        else:
            data = b"\n".join(self.lines) + b"\n" if self.lines else b""
        return data, len(items), bad, offset

    def _quick(self, number: int, line: int, payload: bytes) -> bool:
        """Write a good JSON Lines row without kept columns at once; False for any other."""
        try:
            row = self.decode(payload)
        except (ValueError, RecursionError):  # the long way round reports it
            return False
        if type(row) is not dict:
            return False
        try:
            result = self.rows.assess(self.rows.answers(row))
        except InvalidInput:
            return False
        self._result(number, line, _NOTHING_KEPT, result)
        return True

    # Reading: each returns the kept values, the answers (None if there are none to
    # assess), and the problems found so far.

    def _unreadable(self, payload: str) -> tuple[dict[str, Any], None, Problems]:
        problems = Problems()
        problems.add("row", *_UNREADABLE[payload])
        return dict.fromkeys(self.keep), None, problems

    def _jsonl(
        self, payload: bytes | str
    ) -> tuple[dict[str, Any], dict[str, Any] | None, Problems]:
        if type(payload) is str:
            return self._unreadable(payload)
        assert isinstance(payload, bytes)  # noqa: S101 - a str is handled above
        problems = Problems()
        kept = dict.fromkeys(self.keep)
        expected = "one JSON object of answers per line"
        if not payload.strip():
            problems.add("row", "an empty line", expected)
            return kept, None, problems
        try:
            row = self.decode(payload)
        except UnicodeDecodeError:
            problems.add("row", "bytes that are not UTF-8", expected + ", in UTF-8")
            return kept, None, problems
        except DuplicateKey as e:
            text = payload.decode("utf-8", "replace")
            hint = f"the key {e.key!r} appears more than once"
            problems.add("row", describe(text), expected + ", each key once", hint)
            return kept, None, problems
        except (ValueError, RecursionError) as e:
            import json

            hint = f"not JSON: {e.msg}" if isinstance(e, json.JSONDecodeError) else "not JSON"
            problems.add("row", describe(payload.decode("utf-8", "replace")), expected, hint)
            return kept, None, problems
        if type(row) is not dict:
            problems.add("row", describe(row), expected)
            return kept, None, problems
        for name in self.keep:
            value = row.get(name)
            if type(value) not in _SCALARS or (type(value) is float and value - value != 0):
                expected_id = "a string, a finite number, true, false or null (kept by --id)"
                problems.add(name, describe(value), expected_id)
            else:
                kept[name] = value
        return kept, self.rows.answers(row), problems

    def _csv(self, payload: bytes | str) -> tuple[dict[str, Any], dict[str, Any] | None, Problems]:
        if type(payload) is str:
            return self._unreadable(payload)
        assert isinstance(payload, bytes)  # noqa: S101 - a str is handled above
        problems = Problems()
        kept = dict.fromkeys(self.keep)
        cells = self.splitter.split(payload.decode("utf-8", "replace"))  # type: ignore[union-attr]
        if type(cells) is str:
            problems.add("row", "a record the CSV reader rejects", "a CSV record", cells)
            return kept, None, problems
        columns = self.columns
        if len(cells) != len(columns) and not (cells == [] and len(columns) == 1):
            expected = f"{len(columns)} cells, one per column of the header"
            problems.add("row", f"{len(cells)} cell" + ("" if len(cells) == 1 else "s"), expected)
            return kept, None, problems
        answers: dict[str, Any] = {}
        for (kind, what), cell in zip(columns, cells or [""], strict=True):
            if kind == "input":
                value = read_cell(what, cell, problems)  # type: ignore[arg-type]  # a factor
                if value is not None:
                    answers[what.id] = value  # type: ignore[union-attr]  # a factor
            elif kind == "keep":
                kept[what] = cell  # type: ignore[index]  # a name
        return kept, answers, problems

    # Writing

    def _result(self, number: int, line: int, kept: dict[str, Any], result: Assessment) -> None:
        if self.write_result is not None:
            head = f'{{"record":{number},"line":{line},'
            if kept:
                head += plain(kept)[1:-1].decode("ascii") + ","
            self.lines.append(f'{head}"result":{self.write_result(result)}}}'.encode("ascii"))
        elif self.full:
            found = result.to_dict()
            record = {"record": number, "line": line, **kept, "result": found}
            # Only the answers (and kept values) hold floats, which orjson may write otherwise.
            numbers = found["answers"].values()
            self.lines.append(self.encode(record, [*numbers, *kept.values()] if kept else numbers))
        else:
            self._flat(number, line, kept, self.rows.flattener.values(result))  # type: ignore[union-attr]

    def _problems(self, number: int, line: int, kept: dict[str, Any], problems: Problems) -> None:
        if self.full:
            record: dict[str, Any] = {
                "record": number,
                "line": line,
                **kept,
                "problems": [p.to_dict() for p in problems.found],
            }
            if problems.more:
                record["more"] = problems.more
            self.lines.append(self.encode(record, kept.values()))
        else:
            values = self.rows.flattener.problem_values(problems.found, problems.more)  # type: ignore[union-attr]
            self._flat(number, line, kept, values)

    def _flat(self, number: int, line: int, kept: dict[str, Any], values: list[Any]) -> None:
        if self.target == "jsonl":
            record = {"record": number, "line": line, **kept}
            record.update(zip(self.names, values, strict=True))
            self.lines.append(self.encode(record, kept.values()))
            return
        cells = [_text(v) for v in kept.values()]
        if self.target == "csv":
            self.writer.writerow([number, line, *cells, *values])
        else:
            self.table.append([number, line, *cells, *(_valid(v) for v in values)])


def _text(value: object) -> str | None:
    """Return a kept value as text, for CSV and Parquet: as it is, or as JSON writes it."""
    if value is None:
        return None
    if type(value) is str:
        return _clean(value)
    import json

    text: str = json.dumps(value)
    return text


def _valid(value: object) -> object:
    """Return *value*, a string made one that UTF-8 can hold."""
    return _clean(value) if type(value) is str else value


def _clean(text: str) -> str:
    r"""Return *text* as UTF-8 can hold it: a lone surrogate (from JSON input) as ``\udXXX``."""
    return text if text.isascii() else text.encode("utf-8", "backslashreplace").decode("utf-8")
