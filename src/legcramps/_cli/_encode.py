"""The workers' side of ``legcramps batch``: a chunk of input records to the bytes to write.

Runs in each worker process (or in the parent with one worker): each record is
parsed (JSON, or CSV cells read by the batch's cell parser), its kept columns
taken out, assessed, and encoded as a full JSON Lines record, a flat JSON
record, a CSV row, or a row for Parquet. A good JSON Lines row without kept
columns takes a short way; anything else the long way, which reports every
problem.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import attrs

from legcramps import _texts
from legcramps._batch import Plan, Rows, problem_dicts
from legcramps._cli._io import DuplicateKey
from legcramps._cli._jsonio import decoder, encoder, plain
from legcramps._cli._records import UNREADABLE, CellSplitter, Chunk
from legcramps._cli._resultjson import result_writer
from legcramps._errors import InvalidInput, Problems, describe
from legcramps._knowledge import KNOWLEDGE
from legcramps._parse import read_cell

if TYPE_CHECKING:
    from legcramps._result import Assessment

#: One chunk of output: what to write (bytes, or rows for Parquet), its rows, how many
#: of them are problems, and the input's offset after them.
Out = tuple["bytes | list[list[Any]]", int, int, int]


#: What a JSON Lines line must be.
_ONE_OBJECT = _texts.ONE_OBJECT


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


def encode_chunk(job: Job, chunk: Chunk) -> Out:
    """Turn a chunk of input records into the output to write (in a worker, or here)."""
    return Encoder(job).chunk(chunk)


_SCALARS = (str, int, float, bool, type(None))
_NOTHING_KEPT: dict[str, Any] = {}


class Encoder:
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
        self.language = job.plan.language
        # Without orjson, a full English result is written from its pre-encoded parts.
        english = self.language == "en"
        self.write_result = (
            result_writer(knowledge) if self.full and english and self.encode is plain else None
        )
        self.read = self._jsonl if job.source == "jsonl" else self._csv
        self.quick = job.source == "jsonl" and not self.keep
        self.columns = [
            (kind, knowledge.factor(name) if kind == "input" else name)
            for kind, name in job.columns
        ]
        self.splitter = CellSplitter(job.delimiter) if job.source == "csv" else None
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
        problems.add("row", *UNREADABLE[payload])
        return dict.fromkeys(self.keep), None, problems

    def _jsonl(
        self, payload: bytes | str
    ) -> tuple[dict[str, Any], dict[str, Any] | None, Problems]:
        if type(payload) is str:
            return self._unreadable(payload)
        assert isinstance(payload, bytes)  # noqa: S101 - a str is handled above
        problems = Problems()
        kept = dict.fromkeys(self.keep)
        row = self._decoded(payload, problems)
        if problems:
            return kept, None, problems
        if type(row) is not dict:
            problems.add("row", describe(row), _ONE_OBJECT)
            return kept, None, problems
        for name in self.keep:
            value = row.get(name)
            if type(value) not in _SCALARS or (type(value) is float and value - value != 0):
                problems.add(name, describe(value), _texts.KEPT_VALUE)
            else:
                kept[name] = value
        return kept, self.rows.answers(row), problems

    def _decoded(self, payload: bytes, problems: Problems) -> Any:
        """Return the JSON value of a line, or add the problem that stops it being read."""
        if not payload.strip():
            problems.add("row", _texts.EMPTY_LINE, _ONE_OBJECT)
            return None
        try:
            return self.decode(payload)
        except UnicodeDecodeError:
            problems.add("row", _texts.NOT_UTF8, _texts.ONE_OBJECT_UTF8)
        except DuplicateKey as e:
            text = payload.decode("utf-8", "replace")
            hint = _texts.KEY_TWICE.format(key=repr(e.key))
            problems.add("row", describe(text), _texts.ONE_OBJECT_ONCE, hint)
        except (ValueError, RecursionError) as e:
            import json

            hint = _texts.NOT_JSON
            if isinstance(e, json.JSONDecodeError):
                hint = _texts.NOT_JSON_BECAUSE.format(reason=e.msg)
            text = describe(payload.decode("utf-8", "replace"))
            problems.add("row", text, _ONE_OBJECT, hint)
        return None

    def _csv(self, payload: bytes | str) -> tuple[dict[str, Any], dict[str, Any] | None, Problems]:
        if type(payload) is str:
            return self._unreadable(payload)
        assert isinstance(payload, bytes)  # noqa: S101 - a str is handled above
        problems = Problems()
        kept = dict.fromkeys(self.keep)
        cells = self.splitter.split(payload.decode("utf-8", "replace"))  # type: ignore[union-attr]
        if type(cells) is str:
            problems.add("row", _texts.REJECTED, _texts.CSV_RECORD, cells)
            return kept, None, problems
        columns = self.columns
        if len(cells) != len(columns) and not (cells == [] and len(columns) == 1):
            expected = _texts.CELLS_EXPECTED.format(count=len(columns))
            count = _texts.ONE_CELL if len(cells) == 1 else _texts.CELLS.format(count=len(cells))
            problems.add("row", count, expected)
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
            found = result.to_dict(language=self.language)
            record = {"record": number, "line": line, **kept, "result": found}
            # Every float of the record is an answer (evidence repeats it) or a kept value.
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
                "problems": problem_dicts(problems.found, self.language),
            }
            if problems.more:
                record["more"] = problems.more
            self.lines.append(self.encode(record, kept.values()))
        else:
            flattener = self.rows.flattener
            values = flattener.problem_values(problems.found, problems.more, self.language)  # type: ignore[union-attr]
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
