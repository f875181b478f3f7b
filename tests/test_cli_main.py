"""The command line's ``main()`` (``legcramps._cli``) and its shared I/O (``legcramps._cli._io``).

``main()`` parses, runs a command and maps what it returns or raises to an exit
status; ``_io`` reads files and standard input, and keeps the streams from failing.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from unittest import mock

import pytest

import legcramps
from helpers import run_in_process
from legcramps import Knowledge
from legcramps._cli import build_parser, main
from legcramps._cli._io import CommandError

K = legcramps.KNOWLEDGE


class TestEntryPoint:
    def test_console_script_runs_main(self) -> None:
        """The console script `legcramps` runs the same `main` as `python -m legcramps`."""
        (script,) = entry_points(group="console_scripts", name="legcramps")

        assert main is script.load()


class TestMain:
    """`main()` in-process: what the subprocess tests show, where it is cheaper."""

    def test_version(self) -> None:
        """`--version` prints the library and the knowledge versions."""
        expected = f"legcramps {legcramps.__version__} (knowledge {legcramps.KNOWLEDGE_VERSION})\n"

        status, out, err = run_in_process("--version")

        assert 0 == status
        assert expected == out
        assert "" == err

    def test_no_command_is_a_usage_error(self) -> None:
        """`legcramps` alone exits with 2 and says that a command is needed."""
        status, out, err = run_in_process()

        assert 2 == status
        assert "" == out
        assert "legcramps: error: the following arguments are required: command\n" == err


class TestReadingFiles:
    """Files and standard input are read as UTF-8 text, or refused with one line."""

    def test_file_with_a_byte_order_mark(self, tmp_path: Path) -> None:
        """A JSON file saved with a UTF-8 byte order mark is read."""
        path = tmp_path / "answers.json"
        path.write_text('{"overtired": true}', encoding="utf-8-sig")

        status, out, _ = run_in_process("assess", "--json", "--input", str(path))

        assert 0 == status
        assert {"overtired": True} == json.loads(out)["answers"]

    @pytest.mark.parametrize(
        ("content", "message"),
        [
            (b"\xff\xfe{}", "cannot read"),
            (b"[" * 100_000, "is not valid JSON"),
            (b'{"fluid_litres": NaN}', "fluid_litres: received nan (float)"),
        ],
    )
    def test_unreadable_files(self, tmp_path: Path, content: bytes, message: str) -> None:
        """A file that is not UTF-8, nested too deeply or holds NaN exits with 2 and a message."""
        path = tmp_path / "answers.json"
        path.write_bytes(content)

        status, out, err = run_in_process("assess", "--input", str(path))

        assert 2 == status
        assert "" == out
        assert 1 == err.count("\n")
        assert message in err

    def test_unreadable_standard_input(self) -> None:
        """Standard input that cannot be decoded exits with 2 and a message."""
        stdin = mock.Mock(read=mock.Mock(side_effect=UnicodeDecodeError("utf-8", b"", 0, 1, "x")))
        err = io.StringIO()

        with mock.patch.object(sys, "stdin", stdin), contextlib.redirect_stderr(err):
            status = main(["assess", "--input", "-"])

        assert 2 == status
        assert "argument --input: cannot read standard input" in err.getvalue()


class TestStreams:
    def test_setup_streams_never_fails_on_unencodable_output(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Text the output's encoding cannot hold is escaped instead of failing."""
        buffer = io.BytesIO()
        stdout = io.TextIOWrapper(buffer, encoding="ascii")
        monkeypatch.setattr(sys, "stdout", stdout)
        monkeypatch.setattr(sys, "__stdout__", stdout)

        assert 0 == main(["assess", "--medication=Lasix\u00e9"])

        stdout.flush()
        assert b"Medications not recognised: Lasix\\xe9\n" in buffer.getvalue()


def _raise(error: BaseException) -> None:
    raise error


#: What a command may do, and what `main()` makes of it: (exit status, standard error).
OUTCOMES: dict[str, tuple[Callable[[], object], tuple[int, str]]] = {
    "ok": (lambda: 0, (0, "")),
    "status": (lambda: 3, (3, "")),
    "exit": (lambda: _raise(SystemExit("bye")), (1, "bye\n")),
    "exit-none": (lambda: _raise(SystemExit()), (0, "")),
    "command": (
        lambda: _raise(CommandError("one", "two")),
        (2, "legcramps factors: error: one\nlegcramps factors: error: two\n"),
    ),
    "command-status": (
        lambda: _raise(CommandError("full", status=4)),
        (4, "legcramps factors: error: full\n"),
    ),
    "invalid": (
        lambda: legcramps.assess(fluid_litres=-1),
        (
            2,
            (
                "legcramps factors: error: fluid_litres: received -1 (int); expected a"
                " number of litres from 0 to 20, or None (unknown)\n"
            ),
        ),
    ),
    "interrupt": (lambda: _raise(KeyboardInterrupt()), (130, "\ninterrupted\n")),
    "pipe": (lambda: _raise(BrokenPipeError()), (141, "")),
}


class TestExitStatus:
    """What `main()` makes of a command's exit status and errors, the same for every command."""

    @pytest.mark.parametrize("what", list(OUTCOMES))
    def test_a_commands_outcome_becomes_the_exit_status(
        self, what: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A command's status and errors become the exit status and one line each."""
        command, (expected_status, expected_err) = OUTCOMES[what]
        monkeypatch.setattr("legcramps._cli.listing._factors", lambda _: command())

        status, _, err = run_in_process("factors")

        assert expected_status == status
        assert expected_err == err

    def test_a_command_gets_the_knowledge_given_to_main(
        self, monkeypatch: pytest.MonkeyPatch, other_version: Knowledge
    ) -> None:
        """`args.knowledge` is the knowledge given to `main()`."""
        seen: list[Knowledge] = []
        monkeypatch.setattr(
            "legcramps._cli.listing._factors", lambda args: seen.append(args.knowledge)
        )

        status, _, _ = run_in_process("factors", knowledge=other_version)

        assert 0 == status
        assert [other_version] == seen

    def test_the_parsed_arguments_hold_the_knowledge(self, other_version: Knowledge) -> None:
        """A namespace parsed by `build_parser(knowledge)` has that knowledge as `knowledge`."""
        args = build_parser(other_version).parse_args(["factors"])

        assert other_version is args.knowledge
