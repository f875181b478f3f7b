"""``legcramps batch`` under faults, as real processes: nothing is lost silently.

A full disk, a file-size limit, SIGTERM and SIGINT with workers, the output
named as the input, broken CSV quotes and over-long records: each run ends with
its documented exit status and a message, the output is a clean prefix of whole
records, and no process is left behind.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import legcramps

ROWS: list[dict[str, Any]] = [
    {"exercise_minutes": 120, "exercise_intensity": "vigorous"},
    {"fluid_litres": 0.5, "hot_weather": True, "medications": ["Lasix 40 mg"]},
    {},
    {"sitting_hours": 6, "leg_swelling": True},
]

needs_proc = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc (Linux)")


def command(*argv: str) -> list[str]:
    return [sys.executable, "-m", "legcramps", "batch", *argv]


def batch(*argv: str, **options: Any) -> subprocess.CompletedProcess[str]:
    """Run ``legcramps batch`` in a new process; return how it ended."""
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        command(*argv), capture_output=True, text=True, check=False, timeout=120, **options
    )


def write_rows(path: Path, count: int) -> None:
    lines = [json.dumps(r).encode() + b"\n" for r in ROWS]
    with path.open("wb") as f:
        f.writelines(lines[n % len(lines)] for n in range(count))


def records(path: Path) -> list[dict[str, Any]]:
    """The output's records; every line must be whole JSON, ending with a newline."""
    data = path.read_bytes()
    assert data == b"" or data.endswith(b"\n")
    return [json.loads(line) for line in data.splitlines()]


def children(pid: int) -> list[int]:
    """The processes whose parent is *pid* (Linux)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:  # ended meanwhile
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


class TestFullDisk:
    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
    def test_dev_full(self, tmp_path: Path) -> None:
        """Writing to a full device is exit 4 with the reason, never "all written" (0 or 1)."""
        source = tmp_path / "rows.jsonl"
        write_rows(source, 100)

        done = batch("--input", str(source), "--output", "/dev/full")

        assert 4 == done.returncode
        assert (
            "legcramps batch: error: cannot write '/dev/full': No space left on device; "
            "the output holds the first 0 records, each whole"
        ) == done.stderr.splitlines()[0]

    @pytest.mark.skipif(sys.platform == "win32", reason="needs RLIMIT_FSIZE (POSIX)")
    @pytest.mark.parametrize("fmt", ["jsonl", "csv"])
    def test_a_file_that_cannot_grow_keeps_whole_records(self, tmp_path: Path, fmt: str) -> None:
        """When the file cannot grow, it is cut back to its last whole record; exit 4."""
        import resource

        source = tmp_path / "rows.jsonl"
        write_rows(source, 2000)
        target = tmp_path / f"out.{fmt}"
        limit = 50_000  # bytes: a chunk of 10 records breaks off part way

        def limited() -> None:
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

        done = batch(
            "--input", str(source), "--output", str(target), "--chunksize", "10",
            preexec_fn=limited,
        )  # fmt: skip

        assert 4 == done.returncode
        assert "File too large" in done.stderr
        data = target.read_bytes()
        assert 0 < len(data) <= limit
        assert data.endswith(b"\n")
        if fmt == "jsonl":
            written: list[dict[str, Any]] = records(target)
        else:
            import csv

            written = list(csv.DictReader(data.decode().splitlines()))
        assert list(range(1, len(written) + 1)) == [int(r["record"]) for r in written]
        assert f"the output holds the first {len(written):,} records" in done.stderr


@needs_proc
class TestSignals:
    @pytest.mark.parametrize("workers", ["1", "2"])
    def test_sigterm(self, tmp_path: Path, workers: str) -> None:
        """SIGTERM: exit 143, whole records in order, the summary, and no worker left running."""
        source = tmp_path / "rows.jsonl"
        write_rows(source, 300_000)
        target = tmp_path / "out.jsonl"
        child = subprocess.Popen(  # noqa: S603 - our own interpreter and code
            command("--input", str(source), "--output", str(target), "--workers", workers),
            stderr=subprocess.PIPE,
            text=True,
        )
        workers_seen = self._wait_for_output(child, target, int(workers))

        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=60)

        assert 143 == child.returncode
        written = records(target)
        assert 0 < len(written) < 300_000
        assert list(range(1, len(written) + 1)) == [r["record"] for r in written]
        first, summary = err.splitlines()
        assert first == (
            f"legcramps batch: error: stopped by SIGTERM; the output holds the first "
            f"{len(written):,} records, each whole"
        )
        assert summary.startswith(f"legcramps batch: {len(written):,} rows written")
        assert [] == [pid for pid in workers_seen if alive(pid)]

    @pytest.mark.parametrize("workers", ["1", "2"])
    def test_sigterm_as_the_first_output_appears(self, tmp_path: Path, workers: str) -> None:
        """SIGTERM the moment output appears, in the first write: the summary counts its lines.

        With chunks of 10,000 records the first write (about 20 MB) takes long
        enough that the signal almost always lands while it is under way.
        """
        source = tmp_path / "rows.jsonl"
        write_rows(source, 40_000)
        target = tmp_path / "out.jsonl"
        argv = ("--input", str(source), "--output", str(target), "--chunksize", "10000")
        for _ in range(2):
            target.unlink(missing_ok=True)
            child = subprocess.Popen(  # noqa: S603 - our own interpreter and code
                command(*argv, "--workers", workers),
                stderr=subprocess.PIPE,
                text=True,
            )
            deadline = time.monotonic() + 60
            while not target.exists() or not target.stat().st_size:
                assert child.poll() is None, "the run ended before it could be stopped"
                assert time.monotonic() < deadline

            child.send_signal(signal.SIGTERM)
            _, err = child.communicate(timeout=60)

            written = target.read_bytes().count(b"\n")
            summary = err.splitlines()[-1].removeprefix("legcramps batch: ")
            assert f"{written:,}" == summary.split(" rows written")[0]

    def test_sigint_to_the_process_group(self, tmp_path: Path) -> None:
        """Ctrl-C (SIGINT to every process of the group): exit 130, no traceback, none left."""
        source = tmp_path / "rows.jsonl"
        write_rows(source, 300_000)
        target = tmp_path / "out.jsonl"
        child = subprocess.Popen(  # noqa: S603 - our own interpreter and code
            command("--input", str(source), "--output", str(target), "--workers", "2"),
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )
        workers_seen = self._wait_for_output(child, target, 2)

        os.killpg(child.pid, signal.SIGINT)
        _, err = child.communicate(timeout=60)

        assert 130 == child.returncode
        assert "Traceback" not in err
        assert "stopped by SIGINT" in err
        written = records(target)
        assert list(range(1, len(written) + 1)) == [r["record"] for r in written]
        assert [] == [pid for pid in workers_seen if alive(pid)]

    def test_sigterm_while_waiting_for_input(self, tmp_path: Path) -> None:
        """A run waiting on a pipe that sends nothing stops at once on SIGTERM, writing all."""
        target = tmp_path / "out.jsonl"
        child = subprocess.Popen(  # noqa: S603 - our own interpreter and code
            command("--input", "-", "--output", str(target), "--chunksize", "1"),
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        assert child.stdin is not None
        child.stdin.write(b"{}\n{}\n")
        child.stdin.flush()
        deadline = time.monotonic() + 30
        while not target.exists() or len(records(target)) < 2:
            assert time.monotonic() < deadline
            time.sleep(0.05)

        child.send_signal(signal.SIGTERM)
        _, err = child.communicate(timeout=30)

        assert (143, 2) == (child.returncode, len(records(target)))
        assert b"the output holds the first 2 records" in err

    @staticmethod
    def _wait_for_output(child: subprocess.Popen[str], target: Path, workers: int) -> list[int]:
        """Wait until the run has written something; return its workers (with 2 or more)."""
        deadline = time.monotonic() + 60
        seen: list[int] = []
        while not target.exists() or target.stat().st_size < 100_000 or len(seen) < workers:
            assert child.poll() is None, "the run ended before it could be stopped"
            assert time.monotonic() < deadline
            seen = children(child.pid) if workers > 1 else [child.pid]
            time.sleep(0.02)
        return seen if workers > 1 else []


class TestSameFile:
    def test_output_named_as_the_input(self, tmp_path: Path) -> None:
        """--output equal to --input is refused (exit 2) and the file is left as it was."""
        source = tmp_path / "rows.jsonl"
        write_rows(source, 10)
        before = source.read_bytes()

        done = batch("--input", str(source), "--output", str(tmp_path / "." / "rows.jsonl"))

        assert (2, before) == (done.returncode, source.read_bytes())
        assert "argument --output: must not be the --input file" in done.stderr

    def test_standard_input_redirected_from_the_output(self, tmp_path: Path) -> None:
        """``--input - --output F < F`` is refused too, and F is left as it was."""
        source = tmp_path / "rows.jsonl"
        write_rows(source, 10)
        before = source.read_bytes()

        with source.open("rb") as stdin:
            done = batch("--input", "-", "--output", str(source), stdin=stdin)

        assert (2, before) == (done.returncode, source.read_bytes())

    def test_standard_output_appending_to_the_input(self, tmp_path: Path) -> None:
        """``--input F >> F`` would read its own output for ever: refused."""
        source = tmp_path / "rows.jsonl"
        write_rows(source, 10)
        before = source.read_bytes()

        with source.open("ab") as stdout:
            done = subprocess.run(  # noqa: S603 - our own interpreter and code
                command("--input", str(source)), stdout=stdout, stderr=subprocess.PIPE, check=False
            )

        assert (2, before) == (done.returncode, source.read_bytes())


class TestBadCsv:
    def test_an_unterminated_quote_costs_one_record(self, tmp_path: Path) -> None:
        """3 rows with an unclosed quote in the first: 3 records out, the first a problem."""
        source = tmp_path / "rows.csv"
        source.write_bytes(b'sitting_hours,hot_weather\n"5,yes\n6,no\n7,yes\n')
        target = tmp_path / "out.jsonl"

        done = batch("--input", str(source), "--output", str(target))

        written = records(target)
        assert (1, [1, 2, 3], [2, 3, 4]) == (
            done.returncode,
            [r["record"] for r in written],
            [r["line"] for r in written],
        )
        assert "problems" in written[0]
        assert [legcramps.assess(sitting_hours=6, hot_weather=False).to_dict()] == [
            written[1]["result"]
        ]

    def test_an_over_long_quoted_cell_invents_no_rows(self, tmp_path: Path) -> None:
        """A quoted cell over the CSV field limit, with lines inside: one problem, no rows."""
        import csv

        limit = csv.field_size_limit()
        inside = (b"5,yes\n" * (limit // 6 + 10))[: limit + 100]
        source = tmp_path / "rows.csv"
        source.write_bytes(b'sitting_hours,medications\n1,"' + inside + b'"\n2,none\n')
        target = tmp_path / "out.jsonl"

        done = batch("--input", str(source), "--output", str(target))

        written = records(target)
        assert (1, 2) == (done.returncode, len(written))
        assert "field larger than field limit" in written[0]["problems"][0]["hint"]
        assert (2, legcramps.assess(sitting_hours=2, medications=[]).to_dict()) == (
            written[1]["record"],
            written[1]["result"],
        )
