"""The output of ``legcramps batch``: whole records, or a file cut back to them.

JSON Lines and CSV go straight to the file descriptor, a chunk at a time, so
that nothing waits in a buffer to be lost; a write that fails part way is cut
back (on a regular file) to the end of the last whole chunk. Parquet output is
gathered into row groups and closed, with its footer, on any stop.
"""

from __future__ import annotations

import contextlib
import os
from typing import IO, TYPE_CHECKING, Any

from legcramps import _flat, _texts
from legcramps._cli._records import reason
from legcramps._errors import Problems
from legcramps._knowledge import KNOWLEDGE

if TYPE_CHECKING:
    import argparse

    from legcramps._cli._encode import Job

#: Rows of Parquet output gathered into one row group.
ROW_GROUP = 65_536


class WriteFailed(Exception):
    """Writing the output failed; the message says why."""


def open_sink(args: argparse.Namespace, job: Job, stdout: IO[bytes]) -> Sink | ParquetSink:
    """Open the output and write its header, if it has one.

    :raises OSError: if the output file cannot be opened.
    """
    if job.target == "parquet":
        return ParquetSink(args.output, parquet_schema(job))
    if args.output == "-":
        sink = Sink(stdout, owned=False)
    else:
        flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0)
        fd = os.open(args.output, flags, 0o666)
        sink = Sink(os.fdopen(fd, "wb", buffering=0), owned=True)
    if job.target == "csv":
        sink.write(csv_header(job))
    return sink


class Sink:
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
        """Write *data* whole, or raise :class:`WriteFailed` with the output cut back.

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
            raise WriteFailed(reason(e)) from None

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
                    raise WriteFailed(reason(e)) from None

    def kept(self, rows: int) -> str:
        """Say what the output holds after a fault, *rows* having been written."""
        return _texts.CLI_KEPT.format(rows=f"{rows:,}")


def parquet_schema(job: Job) -> Any:
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


class ParquetSink:
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
        if len(self.rows) >= ROW_GROUP:
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
            raise WriteFailed(reason(e)) from None
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
                raise WriteFailed(reason(e)) from None

    def abandon(self) -> None:
        """Write the rows gathered so far and close, so that the file stays readable."""
        with contextlib.suppress(WriteFailed):
            self._flush()
        self.close(quietly=True)

    def kept(self, _: int) -> str:
        """Say what the output holds after a fault."""
        return _texts.CLI_KEPT_PARQUET.format(rows=f"{self.written:,}")


def csv_header(job: Job) -> bytes:
    import csv
    import io

    knowledge = KNOWLEDGE if job.plan.knowledge is None else job.plan.knowledge
    columns = _flat.select(knowledge, job.plan.fields, Problems(), "fields")
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow(
        ["record", "line", *job.plan.keep, *(c.name for c in columns)]
    )
    return out.getvalue().encode("utf-8")
