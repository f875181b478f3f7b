"""assess_many() and the batch command: lazy, ordered, error records, bounded memory."""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import os
import re
import subprocess
import sys
import types
from typing import TYPE_CHECKING, Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import legcramps
from helpers import Unequal, Unreadable
from legcramps import FactorKind, InvalidInput, RiskFactor, RowError
from legcramps._batch import MAX_CHUNKSIZE, map_chunks
from legcramps._cli import main as cli_main
from legcramps._cli._io import BROKEN_PIPE
from legcramps._cli.batch import _Tally, add_parser, run
from strategies import answers, any_answers

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

ROWS: list[dict[str, Any]] = [
    {"exercise_minutes": 120, "exercise_intensity": "vigorous"},
    {"fluid_litres": 0.5, "hot_weather": True, "medications": ["Lasix 40 mg"]},
    {},
    {"sitting_hours": 6, "leg_swelling": True},
]
BAD = {"fluid_litres": -1, "hot_weather": "yes"}
#: The longest field the CSV reader takes.
FIELD_LIMIT = csv.field_size_limit()


def counting(rows: list[dict[str, Any]], pulled: list[int]) -> Iterator[dict[str, Any]]:
    """Yield *rows* over and over, for ever, counting them in *pulled*."""
    for row in itertools.cycle(rows):
        pulled[0] += 1
        yield row


class TestAssessMany:
    @given(st.lists(answers(), max_size=10))
    def test_equals_assess_in_order(self, rows: list[dict[str, Any]]) -> None:
        """assess_many gives assess() of each row, in order."""
        assert [legcramps.assess(r) for r in rows] == list(legcramps.assess_many(rows))

    @pytest.mark.parametrize("output", ["assessment", "dict", "flat"])
    def test_is_lazy(self, output: str) -> None:
        """With one worker, each row is read only as its result is taken."""
        pulled = [0]
        results = legcramps.assess_many(counting(ROWS, pulled), chunksize=10, output=output)  # type: ignore[call-overload]

        first = list(itertools.islice(results, 3))

        assert (3, 3) == (len(first), pulled[0])

    def test_workers_give_the_same_results(self) -> None:
        """A process pool gives the same results in the same order."""
        rows = ROWS * 10

        assert list(legcramps.assess_many(rows)) == list(
            legcramps.assess_many(rows, workers=2, chunksize=3)
        )

    def test_workers_keep_a_bounded_number_of_rows_in_flight(self) -> None:
        """With a pool, an endless input is read only a few chunks ahead."""
        pulled = [0]
        results = legcramps.assess_many(counting(ROWS, pulled), workers=2, chunksize=5)

        first = list(itertools.islice(results, 7))
        results.close()  # type: ignore[attr-defined]

        assert legcramps.assess(ROWS[6 % 4]) == first[6]
        # The two chunks the 7 results come from, and two chunks per worker in flight beyond.
        assert 2 * 5 + (2 * 2) * 5 == pulled[0]

    def test_raise_mode_names_the_row(self) -> None:
        """By default the first bad row raises, its problems named rows[N].input."""
        with pytest.raises(InvalidInput) as info:
            list(legcramps.assess_many([{}, BAD, BAD]))

        assert ["rows[1].fluid_litres", "rows[1].hot_weather"] == [
            p.input for p in info.value.problems
        ]

    @pytest.mark.parametrize("workers", [1, 2])
    def test_record_mode_keeps_every_row(self, workers: int) -> None:
        """With on_error="record" a bad row becomes a RowError in its place."""
        rows: list[Any] = [ROWS[0], BAD, ROWS[1], "not a mapping"]

        results = list(legcramps.assess_many(rows, workers=workers, chunksize=1, on_error="record"))

        assert legcramps.assess(ROWS[0]) == results[0]
        assert RowError(1, _problems(BAD)) == results[1]
        assert legcramps.assess(ROWS[1]) == results[2]
        assert isinstance(results[3], RowError)
        assert (3, "mapping") == (results[3].index, results[3].problems[0].input)

    def test_a_row_that_cannot_go_to_a_worker(self) -> None:
        """A row that cannot be pickled for a worker is still assessed, as a RowError."""
        rows: list[Any] = [ROWS[0], {"hot_weather": lambda: True}, ROWS[1]]

        results = list(legcramps.assess_many(rows, workers=2, chunksize=1, on_error="record"))

        assert [legcramps.assess(ROWS[0]), legcramps.assess(ROWS[1])] == results[::2]
        assert (1, "hot_weather") == (results[1].index, results[1].problems[0].input)  # type: ignore[union-attr]

    @given(st.lists(any_answers(), max_size=8))
    @settings(max_examples=30)
    def test_record_mode_never_raises(self, rows: list[dict[str, Any]]) -> None:
        """In record mode every row gives a result or a RowError, never an exception."""
        results = list(legcramps.assess_many(rows, on_error="record"))

        assert len(rows) == len(results)

    @pytest.mark.parametrize("row", [None, 5, Unreadable(fluid_litres=1)])
    def test_a_row_that_is_not_a_readable_mapping(self, row: Any) -> None:
        """None, a number or a mapping that cannot be read is a bad row, not an empty one."""
        [result] = legcramps.assess_many([row], on_error="record")

        assert isinstance(result, RowError)
        assert (0, "mapping") == (result.index, result.problems[0].input)

    @pytest.mark.parametrize("output", ["assessment", "dict"])
    def test_a_mapping_that_is_not_a_dict_is_read_as_one(self, output: str) -> None:
        """A read-only mapping (not a dict) is a row like the dict it holds."""
        row = types.MappingProxyType({"sitting_hours": 8})

        [result] = legcramps.assess_many([row], output=output)  # type: ignore[call-overload]

        expected = legcramps.assess(sitting_hours=8)
        assert (expected if output == "assessment" else expected.to_dict()) == (
            result if output == "assessment" else result["result"]
        )

    def test_a_none_row_raises_in_raise_mode(self) -> None:
        """In raise mode a None row raises InvalidInput naming the row."""
        with pytest.raises(InvalidInput, match=r"rows\[1\]\.mapping: received None"):
            list(legcramps.assess_many([{}, None]))  # type: ignore[list-item]

    def test_custom_knowledge_in_workers(self) -> None:
        """Custom knowledge is sent to the workers."""
        k = legcramps.KNOWLEDGE
        cold = RiskFactor("cold_water", "Did you swim in cold water?", FactorKind.YES_NO)
        mine = attrs.evolve(k, version="mine-1", factors=(*k.factors, cold))
        rows = [{"cold_water": True}] * 3

        results = list(legcramps.assess_many(rows, workers=2, chunksize=1, knowledge=mine))

        assert ["mine-1"] * 3 == [r.knowledge_version for r in results]  # type: ignore[union-attr]

    def test_custom_knowledge_in_this_process(self) -> None:
        """With one worker, custom knowledge assesses the rows in this process."""
        rows: list[dict[str, Any]] = [{"cold_water": True}, {"cold_water": "very"}]

        results = list(
            legcramps.assess_many(rows, knowledge=_cold_water_knowledge(), on_error="record")
        )

        assert "mine-1" == results[0].knowledge_version  # type: ignore[union-attr]
        assert (1, "cold_water") == (results[1].index, results[1].problems[0].input)  # type: ignore[union-attr]

    def test_the_largest_chunksize_is_taken(self) -> None:
        """A chunksize of 10,000, the most, is accepted."""
        assert [legcramps.assess(ROWS[0])] == list(
            legcramps.assess_many(ROWS[:1], chunksize=MAX_CHUNKSIZE)
        )

    @pytest.mark.parametrize(
        ("options", "match"),
        [
            ({"rows": {"fluid_litres": 1}}, "rows: received {'fluid_litres': 1}"),
            ({"rows": "rows.jsonl"}, "rows: received 'rows.jsonl'"),
            ({"workers": 0}, "workers: received 0"),
            ({"workers": True}, "workers: received True"),
            ({"workers": 65}, "workers: received 65 .*from 1 to 64"),
            ({"workers": 10**400}, "workers: received 1000"),
            ({"on_error": Unequal()}, "on_error: received <"),
            ({"on_error": "skip"}, "on_error: received 'skip'"),
            ({"chunksize": 0}, "chunksize: received 0"),
            ({"chunksize": 10_001}, "chunksize: received 10001 .*from 1 to 10000"),
            ({"chunksize": 2.5}, "chunksize: received 2.5"),
            ({"knowledge": "v1"}, "knowledge: received 'v1'"),
        ],
    )
    def test_bad_arguments_raise_at_the_call(self, options: dict[str, Any], match: str) -> None:
        """Bad arguments raise InvalidInput at once, before any row is read."""
        options.setdefault("rows", ROWS)

        with pytest.raises(InvalidInput, match=match):
            legcramps.assess_many(**options)


def _die(context: object, chunk: int) -> list[int]:  # noqa: ARG001 - map_chunks's signature
    """Stand for a worker killed while assessing (say, by the out-of-memory killer)."""
    import os

    os._exit(1)


def test_the_command_says_when_a_worker_died(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker that dies ends the batch command with exit 3, a message and the summary."""
    from concurrent.futures.process import BrokenProcessPool

    def broken(*_: object, **__: object) -> Iterator[Any]:
        raise BrokenProcessPool
        yield  # unreachable: makes this a generator, as map_chunks is

    monkeypatch.setattr("legcramps._cli.batch.map_chunks", broken)
    stderr = io.StringIO()

    status, _ = batch(tmp_path, jsonl([{}]), stderr=stderr)

    first, summary = stderr.getvalue().splitlines()
    message = (
        "legcramps batch: error: a worker process died (out of memory?); the output holds the "
        "first 0 records, each whole"
    )
    assert (3, message) == (status, first)
    assert summary.startswith("legcramps batch: 0 rows written, 0 with problems, in ")


class TestMapChunks:
    def test_a_dead_worker_stops_the_run(self) -> None:
        """A worker that dies is an error, not a chunk to redo in this process."""
        from concurrent.futures.process import BrokenProcessPool

        with pytest.raises(BrokenProcessPool):
            list(map_chunks(_die, None, [1, 2], 2))

    def test_a_worker_of_assess_many(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """assess_many's workers leave Ctrl-C to the caller and freeze what they inherit."""
        import gc
        import signal

        from legcramps._batch import _worker_started

        calls: list[tuple[Any, ...]] = []
        monkeypatch.setattr(signal, "signal", lambda *a: calls.append(a))
        monkeypatch.setattr(gc, "freeze", lambda: calls.append(("freeze",)))

        _worker_started()

        assert [(signal.SIGINT, signal.SIG_IGN), ("freeze",)] == calls


def _problems(row: dict[str, Any]) -> tuple[legcramps.Problem, ...]:
    try:
        legcramps.assess(row)
    except InvalidInput as e:
        return e.problems
    raise AssertionError(row)


class TestRowError:
    def test_to_dict(self) -> None:
        """A RowError is JSON-ready, with every field of each problem."""
        err = RowError(4, _problems({"fluid_litres": -1}))

        assert {
            "index": 4,
            "problems": [
                {
                    "input": "fluid_litres",
                    "received": "-1 (int)",
                    "expected": "a number of litres from 0 to 20, or None (unknown)",
                    "hint": "",
                }
            ],
        } == err.to_dict()


# --- the batch command ----------------------------------------------------------------------


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="legcramps")
    add_parser(parser.add_subparsers(dest="command", required=True))
    return parser.parse_args(argv)


class TtyStream(io.StringIO):
    def isatty(self) -> bool:
        return True


def batch(
    tmp_path: Path,
    content: bytes,
    *argv: str,
    name: str = "rows.jsonl",
    stderr: io.StringIO | None = None,
) -> tuple[int, list[dict[str, Any]]]:
    """Run the batch command over *content*; return the exit status and the output lines."""
    source = tmp_path / name
    source.write_bytes(content)
    target = tmp_path / "out.jsonl"
    args = parse("batch", "--input", str(source), "--output", str(target), *argv)
    status = run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr or io.StringIO())
    return status, [json.loads(line) for line in target.read_text("utf-8").splitlines()]


def jsonl(rows: list[Any]) -> bytes:
    return "".join(json.dumps(r) + "\n" for r in rows).encode()


class TestParser:
    def test_add_parser_registers_batch(self) -> None:
        """add_parser adds the batch subcommand with its defaults and a handler."""
        args = parse("batch", "--input", "rows.jsonl")

        assert ("rows.jsonl", "-", "auto", 1, 256) == (
            args.input,
            args.output,
            args.format,
            args.workers,
            args.chunksize,
        )
        assert callable(args.func)

    def test_plugs_into_the_legcramps_command_line(self, tmp_path: Path) -> None:
        """The legcramps command line runs batch once the module is in its subcommand list."""
        from legcramps._cli import build_parser

        source = tmp_path / "rows.jsonl"
        source.write_bytes(jsonl(ROWS))
        parser = build_parser(legcramps.KNOWLEDGE)
        args = parser.parse_args(["batch", "--input", str(source), "--output", str(tmp_path / "o")])

        assert (0, 4) == (args.func(args), len((tmp_path / "o").read_text().splitlines()))

    @pytest.mark.parametrize(
        ("workers", "shown"),
        [
            ("0", "'0'"),
            ("65", "'65'"),
            ("500000", "'500000'"),
            ("99999999999999999999999", "'99999999999999999...'"),
            ("two", "'two'"),
        ],
    )
    def test_workers_from_1_to_64(
        self, workers: str, shown: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--workers outside 1 to 64 is a usage error naming the option."""
        with pytest.raises(SystemExit):
            parse("batch", "--input", "x", "--workers", workers)

        expected = f"argument --workers: expected a whole number from 1 to 64; received {shown}"
        assert expected in capsys.readouterr().err

    @pytest.mark.parametrize(
        ("chunksize", "shown"),
        [("0", "'0'"), ("10001", "'10001'"), ("1e9", "'1e9'"), ("", "''")],
    )
    def test_chunksize_from_1_to_10000(
        self, chunksize: str, shown: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """--chunksize outside 1 to 10,000 is a usage error naming the option."""
        with pytest.raises(SystemExit):
            parse("batch", "--input", "x", "--chunksize", chunksize)

        expected = (
            f"argument --chunksize: expected a whole number from 1 to 10000; received {shown}"
        )
        assert expected in capsys.readouterr().err

    def test_the_largest_chunksize_is_taken(self) -> None:
        """--chunksize 10000, the most, is accepted."""
        assert MAX_CHUNKSIZE == parse("batch", "--input", "x", "--chunksize", "10000").chunksize

    def test_no_abbreviations(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An abbreviated option is not taken for the full one."""
        with pytest.raises(SystemExit):
            parse("batch", "--inp", "x")

        assert "the following arguments are required: --input" in capsys.readouterr().err

    def test_uses_the_knowledge_in_the_namespace(self, tmp_path: Path) -> None:
        """The knowledge the parent parser puts in the namespace assesses the rows."""
        mine = _cold_water_knowledge()
        source = tmp_path / "rows.jsonl"
        source.write_bytes(jsonl([{"cold_water": True}]))
        parser = argparse.ArgumentParser(prog="legcramps")
        parser.set_defaults(knowledge=mine)
        add_parser(parser.add_subparsers(dest="command", required=True))
        args = parser.parse_args(["batch", "--input", str(source), "--output", "-"])
        stdout = io.BytesIO()

        status = run(args, stdin=io.BytesIO(), stdout=stdout, stderr=io.StringIO())

        assert (0, "mine-1") == (
            status,
            json.loads(stdout.getvalue())["result"]["knowledge_version"],
        )

    @pytest.mark.parametrize("name", ["rows.jsonl", "rows.csv"])
    @pytest.mark.parametrize("workers", ["1", "2"])
    def test_batch_main_with_knowledge(self, tmp_path: Path, name: str, workers: str) -> None:
        """The module's own main() takes knowledge=, for JSON Lines and CSV, in workers too."""
        mine = _cold_water_knowledge()
        source = tmp_path / name
        source.write_bytes(
            b"cold_water\nyes\n" if name.endswith(".csv") else jsonl([{"cold_water": True}])
        )
        target = tmp_path / "out.jsonl"

        status = cli_main(
            ["batch", "--input", str(source), "--output", str(target), "--workers", workers],
            knowledge=mine,
        )

        # The built-in knowledge would refuse cold_water, as an unknown input or column.
        result = json.loads(target.read_text("utf-8"))["result"]
        assert (0, "mine-1") == (status, result["knowledge_version"])

    def test_the_legcramps_command_line_passes_its_knowledge(self, tmp_path: Path) -> None:
        """legcramps._cli.main(["batch", ...], knowledge=mine) assesses with mine."""
        from legcramps._cli import main

        source = tmp_path / "rows.jsonl"
        source.write_bytes(jsonl([{"cold_water": True}]))
        target = tmp_path / "out.jsonl"

        status = main(
            ["batch", "--input", str(source), "--output", str(target)],
            knowledge=_cold_water_knowledge(),
        )

        assert (0, "mine-1") == (
            status,
            json.loads(target.read_text("utf-8"))["result"]["knowledge_version"],
        )


def _cold_water_knowledge() -> legcramps.Knowledge:
    k = legcramps.KNOWLEDGE
    cold = RiskFactor("cold_water", "Did you swim in cold water?", FactorKind.YES_NO)
    return attrs.evolve(k, version="mine-1", factors=(*k.factors, cold))


class BrokenPipe(io.BytesIO):
    def write(self, b: Any, /) -> int:  # noqa: ARG002 - a pipe whose reader went away
        raise BrokenPipeError


class TestRunCannotStart:
    def test_a_bad_csv_header_leaves_the_output_alone(self, tmp_path: Path) -> None:
        """An existing output is not truncated when the run cannot start."""
        source = tmp_path / "rows.csv"
        source.write_bytes(b"thirst\n1\n")
        target = tmp_path / "out.jsonl"
        target.write_text("keep me\n")
        stderr = io.StringIO()
        args = parse("batch", "--input", str(source), "--output", str(target))

        assert 2 == run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr)
        assert "keep me\n" == target.read_text()
        assert stderr.getvalue().startswith(
            "legcramps batch: error: argument --input: the column 'thirst' is not an input"
        )

    def test_knowledge_that_is_not_knowledge(self) -> None:
        """Something other than a Knowledge in the namespace stops the run, naming it."""
        stderr = io.StringIO()
        args = parse("batch", "--input", "-")
        args.knowledge = "v1"

        assert 2 == run(args, stdin=io.BytesIO(jsonl(ROWS)), stdout=io.BytesIO(), stderr=stderr)
        assert stderr.getvalue().startswith("legcramps batch: error: knowledge: received 'v1'")

    def test_a_missing_input_names_the_option(self, tmp_path: Path) -> None:
        """A missing input is reported as a problem with --input."""
        stderr = io.StringIO()
        missing = str(tmp_path / "nope.jsonl")
        args = parse("batch", "--input", missing)

        assert 2 == run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr)
        assert (
            f"legcramps batch: error: argument --input: cannot read {missing!r}: "
            "No such file or directory\n"
        ) == stderr.getvalue()

    def test_an_output_that_cannot_be_written_names_the_option(self, tmp_path: Path) -> None:
        """An output in a missing folder is reported as a problem with --output."""
        source = tmp_path / "rows.jsonl"
        source.write_bytes(jsonl(ROWS))
        stderr = io.StringIO()
        args = parse("batch", "--input", str(source), "--output", str(tmp_path / "no" / "o"))

        assert 2 == run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr)
        assert "legcramps batch: error: argument --output: cannot write" in stderr.getvalue()

    def test_a_broken_pipe_is_not_the_bad_rows_status(self) -> None:
        """When the reader of the output goes away, the status is 141, not 1."""
        args = parse("batch", "--input", "-")

        status = run(args, stdin=io.BytesIO(jsonl(ROWS)), stdout=BrokenPipe(), stderr=io.StringIO())

        assert BROKEN_PIPE == status == 141

    @pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a named pipe (POSIX)")
    def test_a_broken_pipe_on_an_output_file(self, tmp_path: Path) -> None:
        """When the reader of an --output pipe goes away, the status is 141, with no message."""
        fifo = tmp_path / "out"
        os.mkfifo(fifo)
        reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)

        class ClosesTheReader(io.BytesIO):
            """Standard input that closes the output's reader once the rows are read."""

            def readline(self, size: int | None = -1, /) -> bytes:
                if self.tell() == 0:
                    os.close(reader)
                return super().readline(size)

        stderr = io.StringIO()
        args = parse("batch", "--input", "-", "--output", str(fifo))
        stdin = ClosesTheReader(jsonl(ROWS * 1000))

        assert (BROKEN_PIPE, "") == (
            run(args, stdin=stdin, stdout=io.BytesIO(), stderr=stderr),
            stderr.getvalue(),
        )


class TestJsonLines:
    def test_one_result_per_row_in_order(self, tmp_path: Path) -> None:
        """Each row gives its line number and the to_dict() of its assessment."""
        status, out = batch(tmp_path, jsonl(ROWS))

        assert 0 == status
        assert [
            {"record": n, "line": n, "result": legcramps.assess(r).to_dict()}
            for n, r in enumerate(ROWS, 1)
        ] == out

    def test_bad_rows_give_exactly_one_line_each(self, tmp_path: Path) -> None:
        """Bad rows of every kind give one problems line each; exit status 1."""
        content = b"\n".join(
            [
                json.dumps(ROWS[0]).encode(),
                b"",
                b"not json",
                b"[1, 2]",
                json.dumps(BAD).encode(),
                b"\xff\xfe",
                b"null",
                b"[" * 100_000,
                json.dumps(ROWS[1]).encode(),
            ]
        )

        status, out = batch(tmp_path, content)

        assert 1 == status
        assert list(range(1, 10)) == [o["line"] for o in out]
        assert [True] + [False] * 7 + [True] == ["result" in o for o in out]
        assert ["fluid_litres", "hot_weather"] == [p["input"] for p in out[4]["problems"]]
        assert "an empty line" == out[1]["problems"][0]["received"]
        assert "bytes that are not UTF-8" == out[5]["problems"][0]["received"]

    def test_a_key_given_twice_is_a_problem(self, tmp_path: Path) -> None:
        """An object with a duplicate key is a problems line naming the key."""
        status, out = batch(tmp_path, b'{"hot_weather": true, "hot_weather": false}\n{}\n')

        assert 1 == status
        assert ("row", "the key 'hot_weather' appears more than once") == (
            out[0]["problems"][0]["input"],
            out[0]["problems"][0]["hint"],
        )
        assert "result" in out[1]

    def test_workers_give_the_same_output(self, tmp_path: Path) -> None:
        """--workers 2 writes the same lines as one worker."""
        content = jsonl([*ROWS, BAD] * 20)

        assert batch(tmp_path, content) == batch(
            tmp_path, content, "--workers", "2", "--chunksize", "7"
        )

    def test_reads_stdin_and_writes_stdout(self) -> None:
        """--input - and the default output stream JSON Lines through."""
        stdout = io.BytesIO()
        args = parse("batch", "--input", "-")

        status = run(args, stdin=io.BytesIO(jsonl(ROWS)), stdout=stdout, stderr=io.StringIO())

        assert (0, 4) == (status, len(stdout.getvalue().splitlines()))

    def test_crlf_and_bom(self, tmp_path: Path) -> None:
        """Windows line ends and a UTF-8 byte order mark are read."""
        content = b"\xef\xbb\xbf" + jsonl(ROWS).replace(b"\n", b"\r\n")

        assert (0, legcramps.assess(ROWS[0]).to_dict()) == (
            batch(tmp_path, content)[0],
            batch(tmp_path, content)[1][0]["result"],
        )

    def test_output_must_not_be_the_input(self, tmp_path: Path) -> None:
        """Writing over the input is refused before the input is touched."""
        source = tmp_path / "rows.jsonl"
        source.write_bytes(jsonl(ROWS))
        stderr = io.StringIO()
        args = parse(
            "batch", "--input", str(source), "--output", str(tmp_path / "." / "rows.jsonl")
        )

        assert 2 == run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr)
        assert jsonl(ROWS) == source.read_bytes()
        assert "error: argument --output: must not be the --input" in stderr.getvalue()

    def test_missing_input_file(self, tmp_path: Path) -> None:
        """An input that cannot be opened is exit status 2, with a message."""
        stderr = io.StringIO()
        args = parse("batch", "--input", str(tmp_path / "nope.jsonl"))

        assert 2 == run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr)
        assert "cannot read" in stderr.getvalue()


class TestProgress:
    def test_the_summary_always(self, tmp_path: Path) -> None:
        """Off a terminal, one summary line goes to stderr: rows, problems, time."""
        stderr = io.StringIO()

        batch(tmp_path, jsonl([*ROWS, BAD]), stderr=stderr)

        [line] = stderr.getvalue().splitlines()
        assert line.startswith("legcramps batch: 5 rows written, 1 with problems, in ")
        assert line.endswith(" rows/s)")

    def test_quiet(self, tmp_path: Path) -> None:
        """--quiet writes nothing on stderr when nothing goes wrong."""
        stderr = TtyStream()

        batch(tmp_path, jsonl([*ROWS, BAD]), "--quiet", stderr=stderr)

        assert "" == stderr.getvalue()

    def test_progress_while_running(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """On a terminal, progress is shown as chunks are written: share, rows, rate, time left."""
        monkeypatch.setattr("legcramps._cli.batch._PROGRESS_SECONDS", 0)
        stderr = TtyStream()

        batch(tmp_path, jsonl([BAD, *ROWS[:2]]), "--chunksize", "1", stderr=stderr)

        shown = stderr.getvalue().split("\r")[1:]
        assert 4 == len(shown)
        progress = r" *\d+% 1 rows, 1 with problems, [\d,]+ rows/s, \d+:\d\d left *"
        assert re.fullmatch(progress, shown[0]), shown[0]
        assert shown[2].startswith("100% 3 rows, 1 with problems, ")
        assert shown[3].startswith("legcramps batch: 3 rows written, 1 with problems, in ")
        assert shown[3].endswith("\n")

    def test_progress_without_a_size(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        """When the input's size is not known (a pipe), progress shows rows and rate only."""
        monkeypatch.setattr("legcramps._cli.batch._PROGRESS_SECONDS", 0)
        stderr = TtyStream()
        args = parse("batch", "--input", "-", "--output", str(tmp_path / "out.jsonl"))

        run(args, stdin=io.BytesIO(jsonl(ROWS)), stdout=io.BytesIO(), stderr=stderr)

        first = stderr.getvalue().split("\r")[1]
        assert first.startswith("4 rows, 0 with problems, ")
        assert first.endswith(" rows/s")

    def test_the_progress_line_is_wiped(self) -> None:
        """The summary overwrites a longer progress line, leaving none of it behind."""
        import time

        stderr = TtyStream()
        tally = _Tally(time.monotonic(), stderr, None, quiet=False)
        tally._line("x" * 100)  # noqa: SLF001 - as a long progress line would be

        tally.done()

        assert 100 <= len(stderr.getvalue().split("\r")[2].rstrip("\n"))

    def test_time_left(self) -> None:
        """Progress with a known size shows the share done and the time left, as m:ss."""
        tally = _Tally(0.0, io.StringIO(), 1000, quiet=False)
        tally.add(10, 0, 250)

        assert " 25% 10 rows, 0 with problems, 1 rows/s, 0:30 left" == tally.progress(10.0)

    def test_no_time_left_before_any_progress(self) -> None:
        """Before any of the input is written there is no time left to show."""
        tally = _Tally(0.0, io.StringIO(), 1000, quiet=False)

        assert "  0% 0 rows, 0 with problems, 0 rows/s" == tally.progress(0.0)


class TestCsv:
    def test_an_empty_file_gives_no_lines(self, tmp_path: Path) -> None:
        """A CSV file without even a header has no rows: nothing is written, status 0."""
        assert (0, []) == batch(tmp_path, b"", name="rows.csv")

    def test_a_header_the_reader_rejects(self, tmp_path: Path) -> None:
        """A header the CSV reader cannot read stops the run before any row, naming --input."""
        source = tmp_path / "rows.csv"
        source.write_bytes(b"x" * (FIELD_LIMIT + 1) + b"\n")
        stderr = io.StringIO()
        args = parse("batch", "--input", str(source))

        assert 2 == run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr)
        assert (
            "legcramps batch: error: argument --input: cannot read the CSV header: "
            f"field larger than field limit ({FIELD_LIMIT})\n"
        ) == stderr.getvalue()

    def test_a_record_the_reader_rejects(self, tmp_path: Path) -> None:
        """A record the CSV reader cannot read is a problems line; the next record is read."""
        content = b"overtired\n" + b"x" * (FIELD_LIMIT + 1) + b"\nyes\n"

        status, out = batch(tmp_path, content, name="rows.csv")

        assert 1 == status
        assert [
            {
                "record": 1,
                "line": 2,
                "problems": [
                    {
                        "input": "row",
                        "received": "a record the CSV reader rejects",
                        "expected": "a CSV record",
                        "hint": f"field larger than field limit ({FIELD_LIMIT})",
                    }
                ],
            },
            {"record": 2, "line": 3, "result": legcramps.assess(overtired=True).to_dict()},
        ] == out

    def test_typed_cells(self, tmp_path: Path) -> None:
        """Cells become typed answers by the kind of their input; empty is unknown."""
        content = (
            b"exercise_minutes,exercise_intensity,hot_weather,medications,sitting_hours\n"
            b"120,vigorous,Yes,Lasix 40 mg; aspirin,\n"
            b",,,none,2.5\n"
        )

        status, out = batch(tmp_path, content, name="rows.csv")

        assert 0 == status
        assert [
            {
                "record": 1,
                "line": 2,
                "result": legcramps.assess(
                    exercise_minutes=120,
                    exercise_intensity="vigorous",
                    hot_weather=True,
                    medications=["Lasix 40 mg", "aspirin"],
                ).to_dict(),
            },
            {
                "record": 2,
                "line": 3,
                "result": legcramps.assess(medications=[], sitting_hours=2.5).to_dict(),
            },
        ] == out

    def test_cells_are_read_as_the_command_line_reads_answers(self, tmp_path: Path) -> None:
        """The CSV reader and the command line share one vocabulary."""
        content = (
            b"hot_weather,overtired,leg_swelling,medications,fluid_litres,exercise_intensity\n"
            b"yeah,nope,1,no,500 ml,Vig\n"
            b"0,unknown,?,nothing,1.5 l,\n"
        )

        status, out = batch(tmp_path, content, name="rows.csv")

        assert 0 == status
        assert [
            legcramps.assess(
                hot_weather=True,
                overtired=False,
                leg_swelling=True,
                medications=[],
                fluid_litres=0.5,
                exercise_intensity="vigorous",
            ).to_dict(),
            legcramps.assess(hot_weather=False, medications=[], fluid_litres=1.5).to_dict(),
        ] == [o["result"] for o in out]

    def test_bad_cells_become_problems(self, tmp_path: Path) -> None:
        """A bad cell is a problem named by its column, with the row's other problems."""
        content = b"fluid_litres,hot_weather,sitting_hours\nlots,maybe,30\n1,no,1\n"

        status, out = batch(tmp_path, content, name="rows.csv")

        assert 1 == status
        assert ["fluid_litres", "hot_weather", "sitting_hours"] == [
            p["input"] for p in out[0]["problems"]
        ]
        assert "result" in out[1]

    def test_one_line_per_record_whatever_its_shape(self, tmp_path: Path) -> None:
        """Short, long and empty records each give one problems line."""
        content = b"fluid_litres,hot_weather\n1\n1,yes,3\n\n2,no\n"

        status, out = batch(tmp_path, content, "--format", "csv")

        assert 1 == status
        assert [2, 3, 4, 5] == [o["line"] for o in out]
        assert ["1 cell", "3 cells", "0 cells"] == [o["problems"][0]["received"] for o in out[:3]]

    def test_unknown_column_stops_before_any_row(self, tmp_path: Path) -> None:
        """A header naming an unknown input is exit status 2, and no output is written."""
        stderr = io.StringIO()
        source = tmp_path / "rows.csv"
        source.write_bytes(b"thirst\n1\n")
        args = parse("batch", "--input", str(source), "--output", str(tmp_path / "out.jsonl"))

        status = run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=stderr)

        assert (2, False) == (status, (tmp_path / "out.jsonl").exists())
        assert "'thirst'" in stderr.getvalue()

    def test_workers(self, tmp_path: Path) -> None:
        """--workers 2 writes the same lines as one worker."""
        content = b"sitting_hours,hot_weather\n" + b"5,yes\nx,\n" * 20

        assert batch(tmp_path, content, name="rows.csv") == batch(
            tmp_path, content, "--workers", "2", "--chunksize", "3", name="rows.csv"
        )


# --- end to end, in a child process -------------------------------------------------------

CHILD = """\
import resource, sys
from legcramps._cli import main
status = main(sys.argv[1:])
sys.stderr.write(f"maxrss_kb={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}\\n")
sys.exit(status)
"""


def run_child(*argv: str) -> tuple[int, int]:
    """Run ``legcramps batch`` (the real command line) in a new process: status, peak RSS (KB)."""
    done = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", CHILD, "batch", *argv],
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, int(done.stderr.rsplit("maxrss_kb=", 1)[1])


def write_rows(path: Path, count: int) -> None:
    line = [json.dumps(r).encode() + b"\n" for r in ROWS]
    with path.open("wb") as f:
        f.writelines(line[n % len(line)] for n in range(count))


def test_end_to_end_with_bad_rows(tmp_path: Path) -> None:
    """In a child process, a file with bad rows gives exactly one output line per input line."""
    source = tmp_path / "rows.jsonl"
    source.write_bytes(jsonl([*ROWS, BAD, "x", *ROWS]) + b"{broken\n")
    target = tmp_path / "out.jsonl"

    status, _ = run_child("--input", str(source), "--output", str(target), "--workers", "2")

    lines = target.read_text("utf-8").splitlines()
    assert (1, list(range(1, 12))) == (status, [json.loads(x)["line"] for x in lines])


def test_memory_stays_flat_from_10k_to_100k_rows(tmp_path: Path) -> None:
    """100,000 rows through the batch command peak at the memory of 10,000 (within 5 MB)."""
    peaks = []
    for count in (10_000, 100_000):
        source = tmp_path / f"rows{count}.jsonl"
        target = tmp_path / f"out{count}.jsonl"
        write_rows(source, count)
        status, peak_kb = run_child(
            "--input", str(source), "--output", str(target), "--workers", "2"
        )
        assert 0 == status
        with target.open("rb") as f:
            assert count == sum(1 for _ in f)
        peaks.append(peak_kb)

    assert peaks[1] - peaks[0] < 5 * 1024, peaks
