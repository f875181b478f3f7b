"""The input of ``legcramps batch``: lines and CSV records, bounded, none lost or invented.

The parent process reads here: physical lines of at most :data:`MAX_RECORD_BYTES`
(a longer one is read past and reported), CSV records made of the lines a quoted
cell spans, and chunks of records with the input's offset, for the workers
(:mod:`legcramps._cli._encode`) to parse, assess and encode.
"""

from __future__ import annotations

from typing import IO, TYPE_CHECKING

from legcramps import _texts

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

#: The longest record read (a line of JSON Lines, or a CSV record with its quoted lines).
MAX_RECORD_BYTES = 1 << 20

#: One chunk of input: the first record's number, its ``(line, record)`` items, and the
#: input's offset after them. A record is its bytes, or the name of why it could not be
#: read (:data:`UNREADABLE`).
Chunk = tuple[int, list[tuple[int, "bytes | str"]], int]

UNREADABLE = {
    "long": (
        _texts.MORE_BYTES.format(count=f"{MAX_RECORD_BYTES:,}"),
        _texts.AT_MOST_BYTES.format(count=f"{MAX_RECORD_BYTES:,}"),
        "",
    ),
    "quote": (_texts.OPEN_QUOTE, _texts.CSV_RECORD, _texts.READ_APART),
}


class ReadFailed(Exception):
    """Reading the input failed; the message says why."""


def reason(error: OSError) -> str:
    """Return why *error* happened, in words."""
    return error.strerror or str(error)


def sniff(header: str) -> str:
    """Return the delimiter of a CSV *header*: the most frequent of , ; tab | (a comma if none)."""
    counts = {d: header.count(d) for d in ",;\t|"}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class Reader:
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
                raise ReadFailed(reason(e)) from None
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
                raise ReadFailed(reason(e)) from None
            self.offset += len(part)
            if not part or part.endswith(b"\n"):
                return


def jsonl_records(reader: Reader) -> Iterator[tuple[int, bytes | str]]:
    for number, raw in reader:
        if raw is None:
            yield number, "long"
        else:
            yield number, raw.rstrip(b"\r\n") if raw.endswith(b"\n") else raw


class CsvRecords:
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

    def __init__(self, reader: Reader) -> None:
        self._lines = iter(reader)
        self._back: list[tuple[int, bytes | None]] = []  # lines read ahead, last first
        self._cells: int | None = None
        self._splitter = CellSplitter(",")

    def expect(self, cells: int, delimiter: str) -> None:
        """After the header: records have *cells* cells, separated by *delimiter*."""
        self._cells = cells
        self._splitter = CellSplitter(delimiter)

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


class CellSplitter:
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

    def __iter__(self) -> CellSplitter:
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
            return _texts.QUOTE_OPEN
        return cells


def chunked(
    records: Iterable[tuple[int, bytes | str]], size: int, reader: Reader
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
