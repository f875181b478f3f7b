"""The command line's ``main()`` (``legcramps._cli``) and its shared I/O (``legcramps._cli._io``).

``main()`` parses, runs a command and maps what it returns or raises to an exit
status; ``_io`` reads files and standard input, and keeps the streams from failing.
"""

from __future__ import annotations

import contextlib
import io
import json
import shlex
import subprocess
import sys
from collections.abc import Callable
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

import legcramps
from helpers import run_in_process
from legcramps import Knowledge
from legcramps._cli import _io, _parser, build_parser, main
from legcramps._cli._io import CommandError

K = legcramps.KNOWLEDGE


class TestEntryPoint:
    def test_console_script_runs_main(self) -> None:
        """The console script `legcramps` runs the same `main` as `python -m legcramps`."""
        (script,) = entry_points(group="console_scripts", name="legcramps")

        assert main is script.load()


class TestMain:
    """`main()` in-process: what the subprocess tests show, where it is cheaper."""

    @pytest.mark.parametrize("option", ["--version", "-V"])
    def test_version(self, option: str) -> None:
        """`--version` (or `-V`) prints the library and the knowledge versions."""
        expected = f"legcramps {legcramps.__version__} (knowledge {legcramps.KNOWLEDGE_VERSION})\n"

        status, out, err = run_in_process(option)

        assert 0 == status
        assert expected == out
        assert "" == err

    @pytest.mark.parametrize("args", [[], ["help"], ["--help"], ["-h"]])
    def test_bare_legcramps_and_help_print_the_help(self, args: list[str]) -> None:
        """`legcramps` alone, `legcramps help` and `--help` print the program's help, with 0."""
        expected = build_parser(K).format_help()

        status, out, err = run_in_process(*args)

        assert 0 == status
        assert expected == out
        assert "" == err

    def test_the_help_lists_every_command(self) -> None:
        """The program's help names each command with a line on what it does."""
        _, out, _ = run_in_process("help")

        for command in ("assess", "interview", "causes", "factors", "batch", "completion", "help"):
            assert f"\n  {command} " in out

    @pytest.mark.parametrize("command", ["assess", "interview", "batch", "completion", "help"])
    def test_help_of_a_command(self, command: str) -> None:
        """`legcramps help COMMAND` prints what `legcramps COMMAND --help` prints."""
        _, expected, _ = run_in_process(command, "--help")

        status, out, err = run_in_process("help", command)

        assert 0 == status
        assert expected == out
        assert "" == err

    def test_help_of_no_such_command(self) -> None:
        """`legcramps help asses` is an error that suggests the command meant."""
        status, out, err = run_in_process("help", "asses")

        assert 2 == status
        assert "" == out
        assert (
            "legcramps help: error: argument COMMAND: 'asses' is not a command;"
            " did you mean 'assess'?\n"
        ) == err

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (["asess"], "'asess' is not a command; did you mean 'assess'? (see 'legcramps help')"),
            (["frobnicate"], "'frobnicate' is not a command (see 'legcramps help')"),
            (["--versoin"], "unrecognized option '--versoin'; did you mean '--version'?"),
        ],
    )
    def test_a_mistyped_command_or_option_gets_a_suggestion(
        self, args: list[str], expected: str
    ) -> None:
        """A mistyped command or option exits with 2, naming the closest one."""
        status, out, err = run_in_process(*args)

        assert 2 == status
        assert "" == out
        assert f"legcramps: error: {expected}\n" == err

    @pytest.mark.parametrize("command", ["assess", "interview", "causes", "factors", "batch"])
    def test_every_command_lists_its_exit_statuses_and_an_example(self, command: str) -> None:
        """Each command's help says what its exit statuses mean, and shows its use."""
        _, out, _ = run_in_process(command, "--help")

        assert "\n  0 " in out or "Exit status: 0" in out
        assert f"\n  legcramps {command}" in out


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
            (b'{"fluid_litres": NaN}', "fluid_litres: received NaN (number)"),
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


def _shell(command: str, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """Run *command* in sh, with ``legcramps`` as this interpreter's ``-m legcramps``."""
    program = f"{shlex.quote(sys.executable)} -m legcramps"
    return subprocess.run(  # noqa: S603 - the test's own shell command
        ["/bin/sh", "-c", command.replace("legcramps", program, 1)],
        capture_output=kwargs.pop("capture_output", True),
        text=True,
        check=False,
        timeout=60,
        **kwargs,
    )


class TestClosedAndFullStreams:
    """A closed or full standard stream ends a command with a message and status 4."""

    @pytest.mark.parametrize(
        "command",
        [
            "legcramps assess --hot-weather >&-",
            "legcramps assess --json >&-",
            "legcramps factors >&-",
            "legcramps --help >&-",
            "legcramps -V >&-",
            "legcramps completion bash >&-",
            "legcramps interview < /dev/null >&-",
        ],
    )
    def test_closed_standard_output(self, command: str) -> None:
        """With standard output closed, the error says so: no traceback."""
        result = _shell(command)

        assert 4 == result.returncode
        assert result.stderr.endswith("error: cannot write to standard output: it is closed\n")
        assert 1 == result.stderr.count("\n")

    @pytest.mark.parametrize(
        "command",
        [
            "legcramps assess --hot-weather",
            "legcramps causes",
            "legcramps help",
            "legcramps --help",
            "legcramps interview",
        ],
    )
    def test_full_disk(self, command: str) -> None:
        """Writing to a full disk (/dev/full) ends with one line and status 4."""
        with Path("/dev/full").open("w") as full:
            result = _shell(
                command + " < /dev/null", stdout=full, stderr=subprocess.PIPE, capture_output=False
            )

        assert 4 == result.returncode
        assert result.stderr.endswith(
            "error: cannot write to standard output: No space left on device\n"
        )
        assert 1 == result.stderr.count("\n")

    def test_closed_standard_input_for_the_interview(self) -> None:
        """`interview <&-` says it has nothing to read the answers from."""
        result = _shell("legcramps interview <&-")

        assert 4 == result.returncode
        assert "" == result.stdout
        assert (
            "legcramps interview: error: cannot read the answers: standard input is closed\n"
        ) == result.stderr

    def test_closed_standard_input_named_as_the_input(self) -> None:
        """`assess - <&-` says standard input is closed: a bad argument, status 2."""
        result = _shell("legcramps assess - <&-")

        assert 2 == result.returncode
        assert (
            "legcramps assess: error: argument --input: cannot read standard input: it is closed\n"
        ) == result.stderr

    def test_closed_standard_error_still_gives_the_status(self) -> None:
        """With standard error closed too, a bad option still exits with 2, silently."""
        result = _shell("legcramps assess --nope 2>&-")

        assert 2 == result.returncode
        assert "" == result.stdout

    def test_batch_to_a_closed_standard_output(self, tmp_path: Path) -> None:
        """`batch rows.jsonl >&-` fails to write, with its own message and status 4."""
        rows = tmp_path / "rows.jsonl"
        rows.write_text("{}\n", encoding="utf-8")

        result = _shell(f"legcramps batch {shlex.quote(str(rows))} -q >&-")

        assert 4 == result.returncode
        assert "Traceback" not in result.stderr
        assert "it is closed" in result.stderr


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
    "full": (
        lambda: _raise(OSError(28, "No space left on device")),
        (4, "legcramps factors: error: cannot write to standard output: No space left on device\n"),
    ),
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


class _FullOnFlush(io.StringIO):
    """A stream that takes writes but fails to flush them, as a full disk does."""

    def flush(self) -> None:
        raise OSError(28, "No space left on device")


class TestStreamsInProcess:
    """The stream handling of `main()` and `_io`, in this process."""

    def test_help_to_a_disk_that_fills_on_flush(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Help written, then the flush fails: reported, with 4."""
        monkeypatch.setattr(sys, "stdout", _FullOnFlush())
        err = io.StringIO()

        with contextlib.redirect_stderr(err):
            status = main(["--help"])

        assert 4 == status
        assert "legcramps: error: cannot write to standard output: No space left on device\n" == (
            err.getvalue()
        )

    def test_a_command_that_needs_no_standard_output(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """With standard output closed, a batch writing to a file still runs."""
        rows, results = tmp_path / "rows.jsonl", tmp_path / "out.jsonl"
        rows.write_text("{}\n", encoding="utf-8")
        monkeypatch.setattr(sys, "stdout", None)

        assert 0 == main(["batch", str(rows), "-o", str(results), "-q"])
        assert 1 == len(results.read_text(encoding="utf-8").splitlines())

    def test_standard_output_closed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Printing to a closed standard output is CommandError with status 4."""
        monkeypatch.setattr(sys, "stdout", None)

        with pytest.raises(CommandError) as info:
            _io.write("report")

        assert 4 == info.value.status
        assert ("cannot write to standard output: it is closed",) == info.value.lines

    def test_standard_input_closed_as_the_input(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Reading '-' from a closed standard input is a bad argument."""
        monkeypatch.setattr(sys, "stdin", None)

        with pytest.raises(CommandError, match="cannot read standard input: it is closed"):
            _io.read_text("-", "--input")

    def test_standard_input_that_fails(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """An I/O error reading standard input is reported, naming the option."""
        stdin = mock.Mock(read=mock.Mock(side_effect=OSError(5, "Input/output error")))
        monkeypatch.setattr(sys, "stdin", stdin)

        with pytest.raises(CommandError, match="argument -i: cannot read standard input"):
            _io.read_text("-", "-i")

    def test_warn_with_standard_error_closed(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A warning with nowhere to go is dropped: the exit status still tells."""
        monkeypatch.setattr(sys, "stderr", None)

        _io.warn("lost\n")

    def test_warn_to_a_failing_standard_error(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A warning that cannot be written is dropped, never raised."""
        monkeypatch.setattr(sys, "stderr", _FullOnFlush())

        _io.warn("lost\n")

    def test_a_closed_stream_fails_when_used(self) -> None:
        """The bytes of a closed standard stream fail on every use, as a closed file does."""
        closed = _io.binary(None)

        for use in (lambda: closed.read(1), lambda: closed.write(b"x"), closed.fileno):
            with pytest.raises(OSError, match="it is closed"):
                use()
        assert closed.readable()
        assert closed.writable()

    def test_the_bytes_of_an_open_stream(self) -> None:
        """An open text stream gives the bytes under it."""
        stream = io.TextIOWrapper(io.BytesIO())

        assert stream.buffer is _io.binary(stream)

    def test_the_bytes_of_a_text_stream_in_memory(self) -> None:
        """A text stream with no bytes under it (a StringIO) reads and writes as UTF-8 bytes."""
        stream = io.StringIO("s\u00ed\n")
        raw = _io.binary(stream)

        assert b"s\xc3\xad\n" == raw.read()
        assert 2 == raw.write(b"\xc3\xad")
        assert "s\u00ed\n\u00ed" == stream.getvalue()
        assert raw.readable()
        assert raw.writable()


class TestStdinHint:
    """`stdin_has_data`: data piped in or redirected that a command would not read."""

    def _stdin(self, monkeypatch: pytest.MonkeyPatch, stream: object) -> None:
        monkeypatch.setattr(sys, "stdin", stream)

    def test_a_file_with_data(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """A redirected file with data in it holds data."""
        path = tmp_path / "case.json"
        path.write_text("{}", encoding="utf-8")
        with path.open(encoding="utf-8") as stdin:
            self._stdin(monkeypatch, stdin)

            assert _io.stdin_has_data()

    def test_an_empty_file(self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        """An empty file holds none."""
        path = tmp_path / "empty"
        path.write_text("", encoding="utf-8")
        with path.open(encoding="utf-8") as stdin:
            self._stdin(monkeypatch, stdin)

            assert not _io.stdin_has_data()

    @pytest.mark.parametrize(("data", "expected"), [(b"{}", True), (b"", False)])
    def test_a_pipe(self, monkeypatch: pytest.MonkeyPatch, data: bytes, expected: bool) -> None:  # noqa: FBT001
        """A pipe with data holds data; one closed with none written holds none."""
        import os

        read, write = os.pipe()
        os.write(write, data)
        os.close(write)
        with open(read, encoding="utf-8") as stdin:  # noqa: PTH123 - a descriptor
            self._stdin(monkeypatch, stdin)

            assert expected is _io.stdin_has_data()

    def test_a_pipe_not_written_yet(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A pipe whose writer has written nothing yet is not waited for."""
        import os

        read, write = os.pipe()
        try:
            with open(read, encoding="utf-8") as stdin:  # noqa: PTH123 - a descriptor
                self._stdin(monkeypatch, stdin)

                assert not _io.stdin_has_data()
        finally:
            os.close(write)

    def test_a_device(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """/dev/null (or a terminal) is not data to read."""
        with Path("/dev/null").open(encoding="utf-8") as stdin:
            self._stdin(monkeypatch, stdin)

            assert not _io.stdin_has_data()

    @pytest.mark.parametrize("stream", [None, mock.Mock(fileno=mock.Mock(side_effect=OSError))])
    def test_no_real_file(self, monkeypatch: pytest.MonkeyPatch, stream: object) -> None:
        """Closed, or not a file at all: nothing to say."""
        self._stdin(monkeypatch, stream)

        assert not _io.stdin_has_data()

    @pytest.mark.parametrize(("text", "expected"), [("{}", True), ("", False)])
    def test_in_memory(self, monkeypatch: pytest.MonkeyPatch, text: str, expected: bool) -> None:  # noqa: FBT001
        """Text in memory (main() called in-process) is read at once."""
        self._stdin(monkeypatch, io.StringIO(text))

        assert expected is _io.stdin_has_data()

    def test_assess_refuses_in_process(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """`assess < case.json`, without '-', exits with 2 and the hint."""
        path = tmp_path / "case.json"
        path.write_text("{}", encoding="utf-8")
        err = io.StringIO()
        with path.open(encoding="utf-8") as stdin, contextlib.redirect_stderr(err):
            monkeypatch.setattr(sys, "stdin", stdin)
            status = main(["assess"])

        assert 2 == status
        assert "give '-' (or '--input -')" in err.getvalue()


class TestParser:
    """The conventions every command's parser follows (`legcramps._cli._parser`)."""

    def test_an_empty_usage_message_prints_nothing(
        self, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """argparse's empty messages are not written."""
        build_parser(K)._print_message("")  # noqa: SLF001 - what argparse calls

        assert ("", "") == capsys.readouterr()

    def test_an_option_given_twice_the_same_is_fine(self) -> None:
        """The same value twice (spacing aside) is one value."""
        args = build_parser(K).parse_args(["assess", "-i", "a.json", "--input", " a.json"])

        assert " a.json" == args.input

    def test_epilog_wraps_a_long_meaning(self) -> None:
        """An exit status whose meaning is long wraps under it, indented."""
        text = _parser.epilog([(2, "word " * 30)], ["legcramps"])

        assert all(len(line) <= 76 for line in text.splitlines())
        assert text.splitlines()[2].startswith("       word")


class TestBatchFiles:
    """`legcramps batch` takes its rows by position, as `--input` or `-i`, or from `-`."""

    @pytest.mark.parametrize("how", [[], ["--input"], ["-i"]])
    def test_rows_by_position_or_by_name(self, tmp_path: Path, how: list[str]) -> None:
        """`batch rows.jsonl`, `batch --input rows.jsonl` and `batch -i rows.jsonl` agree."""
        rows, out = tmp_path / "rows.jsonl", tmp_path / "out.jsonl"
        rows.write_text('{"sitting_hours": 5}\n', encoding="utf-8")

        status, _, _ = run_in_process("batch", *how, str(rows), "-o", str(out), "-q")

        assert 0 == status
        record = json.loads(out.read_text(encoding="utf-8"))
        assert {"sitting_hours": 5} == record["result"]["answers"]

    def test_no_rows_given(self) -> None:
        """Without a file or '-', batch says what it needs, with 2."""
        status, _, err = run_in_process("batch")

        assert 2 == status
        assert "the rows to assess are needed: give a file (PATH, or --input PATH), or '-'" in err

    def test_piped_rows_without_a_dash(self) -> None:
        """Rows piped in without '-' are not read silently: the hint says how."""
        status, _, err = run_in_process("batch", stdin='{"sitting_hours": 5}\n')

        assert 2 == status
        assert "to read the rows from it, give '-'" in err

    def test_two_different_files(self) -> None:
        """A file by position and another by --input is an error, not a choice."""
        status, _, err = run_in_process("batch", "a.jsonl", "--input", "b.jsonl")

        assert 2 == status
        assert "the file is given twice, differently: 'a.jsonl' and --input 'b.jsonl'" in err

    def test_in_memory_streams(self) -> None:
        """In-process, with text streams in memory, batch reads '-' and writes to them."""
        status, out, _ = run_in_process("batch", "-", "-q", stdin='{"sitting_hours": 5}\n')

        assert 0 == status
        assert {"sitting_hours": 5} == json.loads(out)["result"]["answers"]
