"""``legcramps batch`` in this process: ids, unknown columns, headers, delimiters, fields,
output formats, CSV records, over-long lines, and faults made to order."""

from __future__ import annotations

import argparse
import csv
import errno
import io
import json
import os
import signal
from pathlib import Path
from typing import Any

import pytest

import legcramps
import legcramps.batch
from legcramps._cli import _records, _sinks
from legcramps._cli import batch as batch_module
from legcramps._cli._records import MAX_RECORD_BYTES
from legcramps._cli.batch import add_parser, run


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="legcramps")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(["batch", *argv])


def batch(
    tmp_path: Path, content: bytes, *argv: str, name: str = "rows.jsonl", out: str = "out.jsonl"
) -> tuple[int, bytes, str]:
    """Run the batch over *content*: the status, the output's bytes, and stderr."""
    source = tmp_path / name
    source.write_bytes(content)
    target = tmp_path / out
    stderr = io.StringIO()
    args = parse("--input", str(source), "--output", str(target), *argv)
    status = run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr)
    return status, target.read_bytes() if target.exists() else b"", stderr.getvalue()


def lines(data: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in data.splitlines()]


def table(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8"))))


class TestIds:
    def test_jsonl_ids_are_copied_and_not_assessed(self, tmp_path: Path) -> None:
        """--id copies the key to each record, after record and line; a missing id is null."""
        content = b'{"rid": "a", "sitting_hours": 8}\n{"sitting_hours": 1}\n'

        status, out, _ = batch(tmp_path, content, "--id", "rid")

        assert 0 == status
        assert [
            {"record": 1, "line": 1, "rid": "a", "result": legcramps.assess(sitting_hours=8).to_dict()},  # noqa: E501
            {"record": 2, "line": 2, "rid": None, "result": legcramps.assess(sitting_hours=1).to_dict()},  # noqa: E501
        ] == lines(out)  # fmt: skip

    @pytest.mark.parametrize("value", ["[1, 2]", '{"a": 1}', "NaN", "Infinity"])
    def test_a_jsonl_id_must_be_a_plain_value(self, tmp_path: Path, value: str) -> None:
        """An id that is a list, an object or not finite is a problem of its row."""
        status, out, _ = batch(tmp_path, b'{"rid": ' + value.encode() + b"}\n", "--id", "rid")

        [record] = lines(out)
        assert (1, None, "rid") == (status, record["rid"], record["problems"][0]["input"])

    def test_csv_ids_match_any_case(self, tmp_path: Path) -> None:
        """A CSV --id column is found whatever its case; the record uses the name given."""
        content = b"Respondent,Sitting_Hours\nr1,8\n"

        status, out, _ = batch(tmp_path, content, "--id", "respondent", name="rows.csv")

        [record] = lines(out)
        assert (0, "r1") == (status, record["respondent"])
        assert legcramps.assess(sitting_hours=8).to_dict() == record["result"]

    def test_a_missing_id_column(self, tmp_path: Path) -> None:
        """An --id column not in the CSV header stops the run before any output."""
        status, out, err = batch(tmp_path, b"sitting_hours\n8\n", "--id", "rid", name="rows.csv")

        assert (2, b"") == (status, out)
        assert "argument --id: the CSV header has no column 'rid'" in err

    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("sitting_hours", "a column that is not an input"),
            ("Sitting_Hours", "a column that is not an input (in any case)"),
            ("record", "a name no record uses for its own keys"),
            ("urgency", "a name no record uses for its own keys"),
        ],
    )
    def test_an_id_that_would_clash(self, tmp_path: Path, name: str, expected: str) -> None:
        """An --id naming an input or a key of the records is refused, naming --id."""
        status, _, err = batch(tmp_path, b"{}\n", "--id", name, "--fields", "urgency")

        assert 2 == status
        assert f"error: argument --id: received '{name}'; expected {expected}" in err

    def test_ids_in_csv_output(self, tmp_path: Path) -> None:
        """Kept values go to CSV output as text: numbers and booleans as JSON writes them."""
        content = b'{"rid": 7, "ok": true}\n{"rid": "x", "ok": null}\n'

        _, out, _ = batch(tmp_path, content, "--id", "rid", "--id", "ok", out="out.csv")

        assert [("7", "true"), ("x", "")] == [(r["rid"], r["ok"]) for r in table(out)]


class TestUnknownColumns:
    def test_an_unknown_csv_column_names_a_fix(self, tmp_path: Path) -> None:
        """An unknown header cell stops the run: named, with the closest input and the options."""
        status, _, err = batch(tmp_path, b"sitting_hourz,age\n1,2\n", name="rows.csv")

        assert 2 == status
        assert (
            "legcramps batch: error: argument --input: the column 'sitting_hourz' is not an "
            "input (did you mean 'sitting_hours'? use --id sitting_hourz to copy it to the "
            "output, or --ignore-unknown to leave it out); the column 'age' is not an input "
            "(use --id age to copy it to the output, or --ignore-unknown to leave it out)\n"
        ) == err

    def test_many_unknown_columns_are_counted(self, tmp_path: Path) -> None:
        """Past five, the problems with the header are counted, not listed."""
        header = ",".join(f"q{n}" for n in range(8)).encode()

        _, _, err = batch(tmp_path, header + b"\n", name="rows.csv")

        assert err.rstrip().endswith("; and 3 more")

    def test_a_column_given_twice(self, tmp_path: Path) -> None:
        """An input named twice (in any case) stops the run."""
        _, _, err = batch(tmp_path, b"sitting_hours,SITTING_HOURS\n1,2\n", name="rows.csv")

        assert "the column 'SITTING_HOURS' appears more than once" in err

    def test_ignore_unknown_csv(self, tmp_path: Path) -> None:
        """--ignore-unknown leaves unknown columns out of a CSV's answers."""
        status, out, _ = batch(
            tmp_path, b"age,sitting_hours\n40,8\n", "--ignore-unknown", name="rows.csv"
        )

        assert (0, legcramps.assess(sitting_hours=8).to_dict()) == (status, lines(out)[0]["result"])

    def test_ignore_unknown_jsonl(self, tmp_path: Path) -> None:
        """--ignore-unknown leaves unknown keys out of a JSON row's answers."""
        status, out, _ = batch(tmp_path, b'{"age": 40, "sitting_hours": 8}\n', "--ignore-unknown")

        assert (0, legcramps.assess(sitting_hours=8).to_dict()) == (status, lines(out)[0]["result"])

    def test_an_unknown_jsonl_key_is_the_rows_problem(self, tmp_path: Path) -> None:
        """Without --ignore-unknown, an unknown key makes its row a problems record."""
        status, out, _ = batch(tmp_path, b'{"age": 40}\n{}\n')

        assert (1, "age") == (status, lines(out)[0]["problems"][0]["input"])


class TestDelimiters:
    @pytest.mark.parametrize("delimiter", [";", "\t", "|"])
    def test_found_from_the_header(self, tmp_path: Path, delimiter: str) -> None:
        """The delimiter is the header's most frequent of , ; tab |."""
        content = delimiter.join(["sitting_hours", "hot_weather"]).encode() + b"\n"
        content += delimiter.join(["8", "yes"]).encode() + b"\n"

        status, out, _ = batch(tmp_path, content, name="rows.csv")

        expected = legcramps.assess(sitting_hours=8, hot_weather=True).to_dict()
        assert (0, expected) == (status, lines(out)[0]["result"])

    def test_given(self, tmp_path: Path) -> None:
        """--delimiter overrides what the header suggests."""
        content = b"medications\nLasix;aspirin\n"

        _, out, _ = batch(tmp_path, content, "--delimiter", "tab", name="rows.csv")

        assert ["Lasix", "aspirin"] == lines(out)[0]["result"]["answers"]["medications"]

    @pytest.mark.parametrize("text", ["ab", "a", '"', ""])
    def test_a_bad_delimiter(self, text: str, capsys: pytest.CaptureFixture[str]) -> None:
        """--delimiter takes one character that is not a letter, digit or quote."""
        with pytest.raises(SystemExit):
            parse("--input", "x", "--delimiter", text)

        assert "argument --delimiter: expected one character" in capsys.readouterr().err


class TestFields:
    def test_flat_json_lines(self, tmp_path: Path) -> None:
        """--fields makes JSON Lines records flat: the columns asked for, and problems."""
        status, out, _ = batch(
            tmp_path, b'{"sitting_hours": 8}\n{"fluid_litres": -1}\n', "--fields", "urgency"
        )

        assert 1 == status
        assert [
            {"record": 1, "line": 1, "urgency": "undetermined", "problems": None},
            {"record": 2, "line": 2, "urgency": None, "problems": "fluid_litres: received -1 "
             "(int); expected a number of litres from 0 to 20, or None (unknown)"},
        ] == lines(out)  # fmt: skip

    def test_repeated_and_comma_separated(self, tmp_path: Path) -> None:
        """--fields may be repeated and hold lists; names are taken in the order given."""
        _, out, _ = batch(tmp_path, b"{}\n", "--fields", "posture_score, urgency", "--fields", ",")

        assert ["record", "line", "posture_score", "urgency", "problems"] == list(lines(out)[0])

    def test_a_bad_field(self, tmp_path: Path) -> None:
        """An unknown field stops the run, naming --fields and the closest name."""
        status, _, err = batch(tmp_path, b"{}\n", "--fields", "levles")

        assert 2 == status
        assert "error: argument --fields: received 'levles' (str)" in err
        assert "did you mean 'levels'?" in err


class TestOutputFormats:
    def test_csv_by_extension(self, tmp_path: Path) -> None:
        """An --output ending in .csv gets flat CSV: a header, then one row per record."""
        status, out, _ = batch(tmp_path, b'{"sitting_hours": 8}\n', out="out.CSV")

        [row] = table(out)
        assert (0, "1", "1", "likely", "") == (
            status,
            row["record"],
            row["line"],
            row["posture_level"],
            row["problems"],
        )
        assert ["record", "line", *legcramps.batch.flat_columns()] == list(row)

    def test_csv_output_of_an_empty_input(self, tmp_path: Path) -> None:
        """An empty input still gets the CSV header, so the columns are known."""
        status, out, _ = batch(tmp_path, b"", "--output-format", "csv", "--fields", "urgency")

        assert (0, b"record,line,urgency,problems\n") == (status, out)

    def test_a_lone_surrogate_in_csv_output(self, tmp_path: Path) -> None:
        """Text UTF-8 cannot hold (a lone surrogate from JSON) is written escaped, not lost."""
        content = b'{"medications": ["\\ud800x"]}\n'

        status, out, _ = batch(
            tmp_path, content, "--fields", "unrecognized_medications", out="out.csv"
        )

        assert (0, "\\ud800x") == (status, table(out)[0]["unrecognized_medications"])

    def test_parquet(self, tmp_path: Path) -> None:
        """Parquet output has the flat layout, typed, and the kept columns as text."""
        pq = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs pyarrow")
        content = b'{"rid": 1, "sitting_hours": 8}\n{"rid": "\\ud800", "fluid_litres": -1}\n'

        status, _, _ = batch(tmp_path, content, "--id", "rid", out="out.parquet")

        got = pq.read_table(tmp_path / "out.parquet")
        assert (1, 2) == (status, got.num_rows)
        assert "int64" == str(got.schema.field("posture_score").type)
        assert [1, 2] == got.column("record").to_pylist()
        assert ["1", "\\ud800"] == got.column("rid").to_pylist()
        posture = legcramps.assess(sitting_hours=8).finding("posture").score
        assert [posture, None] == got.column("posture_score").to_pylist()
        assert got.column("problems")[1].as_py().startswith("fluid_litres: received -1")

    def test_parquet_row_groups(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Rows are written in row groups as they come, the rest at the end."""
        pq = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs pyarrow")
        monkeypatch.setattr(_sinks, "ROW_GROUP", 3)

        batch(tmp_path, b"{}\n" * 7, "--chunksize", "2", out="out.pq")

        assert 7 == pq.read_table(tmp_path / "out.pq").num_rows

    def test_parquet_needs_a_file(self, tmp_path: Path) -> None:
        """Parquet cannot go to standard output."""
        source = tmp_path / "rows.jsonl"
        source.write_bytes(b"{}\n")
        stderr = io.StringIO()
        args = parse("--input", str(source), "--output-format", "parquet")

        assert 2 == run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr)
        assert "parquet needs --output FILE" in stderr.getvalue()

    def test_parquet_needs_pyarrow(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pyarrow, Parquet output says which extra to install, and nothing is written."""
        import sys

        monkeypatch.setitem(sys.modules, "pyarrow", None)
        monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)

        status, out, err = batch(tmp_path, b"{}\n", out="out.parquet")

        assert (2, b"") == (status, out)
        assert "pip install 'legcramps[parquet]'" in err


class TestCsvRecords:
    def test_a_quoted_cell_over_lines(self, tmp_path: Path) -> None:
        """A quoted cell may hold line breaks: one record, numbered by the line it starts on."""
        content = b'medications,sitting_hours\n"Lasix;\naspirin",8\n"none",1\n'

        status, out, _ = batch(tmp_path, content, name="rows.csv")

        records = lines(out)
        assert (0, [2, 4]) == (status, [r["line"] for r in records])
        assert ["Lasix", "aspirin"] == records[0]["result"]["answers"]["medications"]

    def test_a_quote_closed_by_a_record_of_the_wrong_shape(self, tmp_path: Path) -> None:
        """A quote that a later line closes into a record of the wrong length costs one line."""
        content = b'sitting_hours,hot_weather\n"5,yes\n6,no\n7,"yes\n8,no\n'

        status, out, _ = batch(tmp_path, content, name="rows.csv")

        records = lines(out)
        assert (1, [2, 3, 4, 5]) == (status, [r["line"] for r in records])
        assert [False, True, False, True] == ["result" in r for r in records]

    def test_a_quote_that_runs_past_the_limit(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A quote still open after MAX_RECORD_BYTES costs its first line only."""
        monkeypatch.setattr(_records, "MAX_RECORD_BYTES", 30)
        content = b'sitting_hours\n"1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15"\n'

        _, out, _ = batch(tmp_path, content, name="rows.csv")

        records = lines(out)
        assert list(range(2, 17)) == [r["line"] for r in records]
        assert [False, *[True] * 13, False] == ["result" in r for r in records]

    def test_a_record_the_reader_refuses(self, tmp_path: Path) -> None:
        """A line the CSV reader refuses (a bare quote mid-line) is that record's problem."""
        content = b'sitting_hours,hot_weather\n1,ye"s"\n2,no\n'

        status, out, _ = batch(tmp_path, content, name="rows.csv")

        assert (1, 2) == (status, len(lines(out)))

    def test_a_quoted_cell_left_open_on_an_even_line(self, tmp_path: Path) -> None:
        """A line whose quotes leave a cell open (x"y,"z) is refused, not joined to the next."""
        content = b'medications,sitting_hours\nx"y,"z\n1,2\n'

        _, out, _ = batch(tmp_path, content, name="rows.csv")

        records = lines(out)
        assert ("a quoted cell is not closed", True) == (
            records[0]["problems"][0]["hint"],
            "result" in records[1],
        )

    @pytest.mark.parametrize("header", [b'"sitting_hours\n', b"x" * 200_000 + b"\n"])
    def test_a_header_that_cannot_be_read(self, tmp_path: Path, header: bytes) -> None:
        """A header with an open quote, or over the field limit, stops the run."""
        status, _, err = batch(tmp_path, header + b"1\n", name="rows.csv")

        assert 2 == status
        assert "argument --input: cannot read the CSV header: " in err

    def test_a_header_over_the_record_limit(self, tmp_path: Path) -> None:
        """A header line over MAX_RECORD_BYTES stops the run."""
        status, _, err = batch(tmp_path, b"x" * (MAX_RECORD_BYTES + 1), name="rows.csv")

        assert 2 == status
        assert "cannot read the CSV header: a record of more than 1,048,576 bytes" in err

    def test_a_header_over_lines(self, tmp_path: Path) -> None:
        """A quoted header cell may span lines (rare, but valid CSV)."""
        content = b'"sitting_hours",\n"hot_weather"\n8,yes\n'

        status, _, err = batch(tmp_path, content, name="rows.csv")

        assert 2 == status
        assert "the column 'hot_weather' is not" not in err  # one header of two cells

    def test_one_column_and_an_empty_line(self, tmp_path: Path) -> None:
        """With one column, an empty line is an empty cell: unknown."""
        status, out, _ = batch(tmp_path, b"sitting_hours\n\n3\n", name="rows.csv")

        assert (0, [{}, {"sitting_hours": 3}]) == (
            status,
            [r["result"]["answers"] for r in lines(out)],
        )


class TestLongLines:
    @pytest.mark.parametrize("name", ["rows.jsonl", "rows.csv"])
    def test_a_line_over_the_limit(self, tmp_path: Path, name: str) -> None:
        """A line over MAX_RECORD_BYTES is one problems record; the next line is read."""
        header = b"sitting_hours\n" if name.endswith(".csv") else b""
        row = b"1\n" if name.endswith(".csv") else b"{}\n"
        content = header + b"x" * (3 * MAX_RECORD_BYTES) + b"\n" + row

        status, out, _ = batch(tmp_path, content, name=name)

        records = lines(out)
        first_line = 2 if header else 1
        assert (1, [first_line, first_line + 1]) == (status, [r["line"] for r in records])
        assert "a record of more than 1,048,576 bytes" == records[0]["problems"][0]["received"]

    def test_a_long_last_line_without_a_newline(self, tmp_path: Path) -> None:
        """A last line over the limit, without a line end, is a problems record too."""
        status, out, _ = batch(tmp_path, b"{}\n" + b"x" * (MAX_RECORD_BYTES + 5))

        assert (1, 2) == (status, len(lines(out)))


class Failing(io.BytesIO):
    """Standard input that fails to read after *good* lines."""

    def __init__(self, data: bytes, good: int) -> None:
        super().__init__(data)
        self.good = good

    def readline(self, size: int | None = -1, /) -> bytes:
        if self.good == 0:
            raise OSError(errno.EIO, "Input/output error")
        self.good -= 1
        return super().readline(size)


class TestReadFaults:
    @pytest.mark.parametrize(("fmt", "written"), [("jsonl", 6), ("csv", 4)])
    def test_a_read_error_mid_way(self, tmp_path: Path, fmt: str, written: int) -> None:
        """A read error ends the run with exit 4; what was read before is written, whole."""
        data = b"sitting_hours\n" + b"1\n" * 10 if fmt == "csv" else b"{}\n" * 10
        target = tmp_path / "out.jsonl"
        stderr = io.StringIO()
        args = parse("--input", "-", "--output", str(target), "--format", fmt, "--chunksize", "2")

        status = run(args, stdin=Failing(data, 6), stdout=io.BytesIO(), stderr=stderr)

        assert 4 == status
        assert "cannot read standard input: Input/output error" in stderr.getvalue()
        # Six lines read: for CSV a header and five rows, of which two whole chunks.
        assert written == len(lines(target.read_bytes()))

    def test_a_read_error_in_a_long_line(self, tmp_path: Path) -> None:
        """A read error while skipping an over-long line is a read error too."""
        stderr = io.StringIO()
        args = parse("--input", "-", "--output", str(tmp_path / "o"))

        status = run(
            args,
            stdin=Failing(b"x" * (MAX_RECORD_BYTES + 10), 1),
            stdout=io.BytesIO(),
            stderr=stderr,
        )

        assert 4 == status

    def test_a_read_error_in_the_header(self, tmp_path: Path) -> None:
        """A read error before the CSV header is read: exit 4, and no output made."""
        target = tmp_path / "out.jsonl"
        stderr = io.StringIO()
        args = parse("--input", "-", "--output", str(target), "--format", "csv")

        status = run(args, stdin=Failing(b"a\n", 0), stdout=io.BytesIO(), stderr=stderr)

        assert (4, False) == (status, target.exists())


class FakeOs:
    """The os module, but writes fail (or signal) as told."""

    def __init__(self, fail_after: int, error: int = errno.ENOSPC, *, partial: bool = True) -> None:
        self.calls = 0
        self.fail_after = fail_after
        self.error = error
        self.partial = partial

    def __getattr__(self, name: str) -> Any:
        return getattr(os, name)

    def write(self, fd: int, data: Any) -> int:
        self.calls += 1
        if self.calls > self.fail_after:
            if self.partial and self.calls == self.fail_after + 1:
                return os.write(fd, bytes(data[:10]))  # half a record, as a full disk does
            raise OSError(self.error, os.strerror(self.error))
        return os.write(fd, data)


class TestWriteFaults:
    def test_a_failed_write_cuts_back_to_whole_records(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A write that fails part way: exit 4, the file cut back to the last whole chunk."""
        monkeypatch.setattr(_sinks, "os", FakeOs(fail_after=2))

        status, out, err = batch(tmp_path, b"{}\n" * 10, "--chunksize", "2")

        assert 4 == status
        assert 4 == len(lines(out))
        assert out.endswith(b"\n")
        assert "No space left on device; the output holds the first 4 records, each whole" in err

    def test_a_broken_pipe_mid_way(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """EPIPE on an output file is the broken-pipe status, 141, without a message."""
        monkeypatch.setattr(_sinks, "os", FakeOs(0, errno.EPIPE, partial=False))

        status, _, err = batch(tmp_path, b"{}\n" * 3)

        assert (141, "") == (status, err)

    def test_a_failed_close(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A close that fails (as on a full network disk) is a failed write."""

        class Unclosable(io.FileIO):
            def close(self) -> None:
                super().close()
                raise OSError(errno.EDQUOT, "Disk quota exceeded")

        def fdopen(fd: int, *_: Any, **__: Any) -> Any:
            return Unclosable(fd, "wb")

        fake = FakeOs(fail_after=100)
        fake.fdopen = fdopen  # type: ignore[attr-defined]
        monkeypatch.setattr(_sinks, "os", fake)

        status, out, err = batch(tmp_path, b"{}\n" * 3)

        assert (4, 3) == (status, len(lines(out)))
        assert "Disk quota exceeded" in err

    def test_standard_output_to_a_file(self, tmp_path: Path) -> None:
        """Standard output that is a file is written straight to its descriptor."""
        source = tmp_path / "rows.jsonl"
        source.write_bytes(b"{}\n" * 3)
        target = tmp_path / "out.jsonl"
        args = parse("--input", str(source), "-q")

        with target.open("wb") as stdout:
            status = run(args, stdin=io.BytesIO(), stdout=stdout, stderr=io.StringIO())

        assert (0, 3) == (status, len(lines(target.read_bytes())))

    def test_appending_to_a_file_that_fails(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Appending (>>) to a file: a failed first write leaves what was there before."""
        source = tmp_path / "rows.jsonl"
        source.write_bytes(b"{}\n" * 3)
        target = tmp_path / "out.jsonl"
        target.write_bytes(b"before\n")
        monkeypatch.setattr(_sinks, "os", FakeOs(fail_after=0))
        args = parse("--input", str(source))

        fd = os.open(target, os.O_WRONLY | os.O_APPEND)
        with os.fdopen(fd, "ab") as stdout:
            status = run(args, stdin=io.BytesIO(), stdout=stdout, stderr=io.StringIO())

        assert 4 == status
        assert target.read_bytes().startswith(b"before\n")


def _signal_on_read(signum: int, after: int) -> type[io.BytesIO]:
    class Signalling(io.BytesIO):
        reads = 0

        def readline(self, size: int | None = -1, /) -> bytes:
            Signalling.reads += 1
            if Signalling.reads == after:
                os.kill(os.getpid(), signum)
            return super().readline(size)

    return Signalling


class TestSignalsHere:
    @pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
    def test_a_signal_while_reading(self, tmp_path: Path, signum: int, status: int) -> None:
        """A signal stops the run: 143 or 130, what was written kept whole, a message."""
        target = tmp_path / "out.jsonl"
        stderr = io.StringIO()
        args = parse("--input", "-", "--output", str(target), "--chunksize", "2")
        stdin = _signal_on_read(signum, 6)(b"{}\n" * 10)

        assert status == run(args, stdin=stdin, stdout=io.BytesIO(), stderr=stderr)
        assert 4 == len(lines(target.read_bytes()))
        name = signal.Signals(signum).name
        assert (
            f"error: stopped by {name}; the output holds the first 4 records" in stderr.getvalue()
        )

    def test_a_signal_during_a_write_waits_for_it(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A signal in the middle of a write lets it finish, then stops the run."""

        class SignallingOs(FakeOs):
            def write(self, fd: int, data: Any) -> int:
                os.kill(os.getpid(), signal.SIGTERM)
                os.kill(os.getpid(), signal.SIGTERM)  # a second one changes nothing
                return os.write(fd, bytes(data[:5]))  # and a short write, to be completed

        monkeypatch.setattr(_sinks, "os", SignallingOs(0))

        status, out, _ = batch(tmp_path, b"{}\n" * 10, "--chunksize", "3")

        assert (143, 3) == (status, len(lines(out)))

    def test_a_signal_during_a_write_counts_it(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The records of a write that a signal waited for are counted in the summary."""

        class SignallingOs(FakeOs):
            def write(self, fd: int, data: Any) -> int:
                os.kill(os.getpid(), signal.SIGTERM)
                return os.write(fd, data)

        monkeypatch.setattr(_sinks, "os", SignallingOs(0))

        _, out, err = batch(tmp_path, b"{}\n" * 10, "--chunksize", "3")

        count = len(lines(out))
        assert [
            f"error: stopped by SIGTERM; the output holds the first {count} records",
            f"{count} rows written",
        ] == [line.removeprefix("legcramps batch: ").split(", ")[0] for line in err.splitlines()]

    def test_a_signal_after_the_end_changes_nothing(self) -> None:
        """Once the run is ending, a signal is only noted."""
        from legcramps._cli.batch import _Signals

        signals = _Signals()
        signals.stop()

        signals._handle(signal.SIGTERM, None)  # noqa: SLF001 - as the signal would call it

        assert signal.SIGTERM == signals._pending  # noqa: SLF001

    def test_handlers_only_in_the_main_thread(self) -> None:
        """In another thread the run installs no signal handler (Python allows none there)."""
        import threading

        from legcramps._cli.batch import _Signals

        installed: list[int] = []

        def enter() -> None:
            with _Signals() as signals:
                installed.append(len(signals._saved))  # noqa: SLF001

        thread = threading.Thread(target=enter)
        thread.start()
        thread.join()

        assert [0] == installed

    def test_the_handlers_are_put_back(self, tmp_path: Path) -> None:
        """After a run, SIGINT and SIGTERM are handled as before."""
        before = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)

        batch(tmp_path, b"{}\n")

        assert before == (signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM))


class TestMore:
    def test_a_worker_leaves_signals_to_the_parent(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A worker ignores SIGINT and SIGTERM (the parent stops it) and freezes what it loaded."""
        import gc

        calls: list[tuple[Any, ...]] = []
        monkeypatch.setattr(signal, "signal", lambda *a: calls.append(a))
        monkeypatch.setattr(gc, "freeze", lambda: calls.append(("freeze",)))

        batch_module._worker_started()  # noqa: SLF001 - as the pool runs it in each worker

        assert [
            (signal.SIGINT, signal.SIG_IGN),
            (signal.SIGTERM, signal.SIG_IGN),
            ("freeze",),
        ] == calls

    def test_the_command_line_freezes_what_it_loaded(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """The command (its own process) spares the collector what is loaded before it runs."""
        import gc

        frozen: list[bool] = []
        monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
        monkeypatch.setattr(batch_module, "run", lambda *_, **__: 0)

        assert (0, [True]) == (batch_module.handle(parse("--input", "-")), frozen)

    def test_a_fault_after_progress_starts_a_new_line(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """On a terminal, the message of a fault starts on a line of its own."""

        class Tty(io.StringIO):
            def isatty(self) -> bool:
                return True

        monkeypatch.setattr(batch_module, "_PROGRESS_SECONDS", 0)
        monkeypatch.setattr(_sinks, "os", FakeOs(fail_after=1, partial=False))
        source = tmp_path / "rows.jsonl"
        source.write_bytes(b"{}\n" * 4)
        stderr = Tty()
        args = parse("--input", str(source), "--output", str(tmp_path / "o"), "--chunksize", "2")

        assert 4 == run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr)
        assert "\nlegcramps batch: error: cannot write" in stderr.getvalue()

    def test_standard_output_that_is_not_a_file(self, tmp_path: Path) -> None:
        """Output to a device (here /dev/null) is written whole, with nothing to cut back."""
        source = tmp_path / "rows.jsonl"
        source.write_bytes(b"{}\n" * 3)

        with Path(os.devnull).open("wb") as stdout:
            status = run(
                parse("--input", str(source)),
                stdin=io.BytesIO(),
                stdout=stdout,
                stderr=io.StringIO(),
            )

        assert 0 == status

    def test_a_failed_write_then_a_failed_close(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """After a failed write, a failed close adds nothing: the write's reason is reported."""

        class Unclosable(io.FileIO):
            def close(self) -> None:
                super().close()
                raise OSError(errno.EIO, "Input/output error")

        fake = FakeOs(fail_after=0, partial=False)
        fake.fdopen = lambda fd, *_, **__: Unclosable(fd, "wb")  # type: ignore[attr-defined]
        monkeypatch.setattr(_sinks, "os", fake)

        status, _, err = batch(tmp_path, b"{}\n")

        assert 4 == status
        assert "No space left on device" in err
        assert "Input/output error" not in err

    def test_an_over_long_quoted_cell(self, tmp_path: Path) -> None:
        """A quoted cell over the CSV field limit, with lines inside, is one problems record."""
        inside = b"5,yes\n" * (csv.field_size_limit() // 6 + 10)
        content = b'sitting_hours,medications\n1,"' + inside + b'"\n2,none\n'

        status, out, _ = batch(tmp_path, content, name="rows.csv")

        records = lines(out)
        assert (1, [1, 2]) == (status, [r["record"] for r in records])
        assert "field larger than field limit" in records[0]["problems"][0]["hint"]


class TestParquetFaults:
    def test_a_failed_write(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A Parquet row group that cannot be written: exit 4, saying how many records it holds."""
        pq = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs pyarrow")

        def full(*_: Any, **__: Any) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(pq.ParquetWriter, "write_table", full)

        status, _, err = batch(tmp_path, b"{}\n" * 3, out="out.parquet")

        assert 4 == status
        assert "No space left on device; the Parquet file holds the first 0 records" in err

    def test_a_failed_close(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """A Parquet file that cannot be closed (its footer) is a failed write."""
        pq = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs pyarrow")
        real_close = pq.ParquetWriter.close

        def close(self: Any) -> None:
            real_close(self)
            raise OSError(errno.EIO, "Input/output error")

        monkeypatch.setattr(pq.ParquetWriter, "close", close)

        status, _, err = batch(tmp_path, b"{}\n" * 3, out="out.parquet")

        assert (4, True) == (status, "Input/output error" in err)

    def test_a_signal_keeps_a_readable_file(self, tmp_path: Path) -> None:
        """Stopped by a signal, the Parquet file is closed with the rows gathered: readable."""
        pq = pytest.importorskip("pyarrow.parquet", reason="Parquet output needs pyarrow")
        target = tmp_path / "out.parquet"
        args = parse("--input", "-", "--output", str(target), "--chunksize", "2")
        stdin = _signal_on_read(signal.SIGTERM, 6)(b"{}\n" * 10)

        assert 143 == run(args, stdin=stdin, stdout=io.BytesIO(), stderr=io.StringIO())
        assert 4 == pq.read_table(target).num_rows
