"""What every command of the command line shares: streams, strict JSON, exit statuses.

A command reports bad input by raising :class:`CommandError` with the lines to
print and its exit status; :func:`legcramps._cli.main` maps it, once, for all.
A standard stream may be closed (``legcramps assess >&-``) or full (``> /dev/full``):
writing to it raises :class:`CommandError` or :class:`OSError`, which ``main()``
reports on one line, never as a traceback.
"""

from __future__ import annotations

import io
import os
import sys
from typing import IO, TYPE_CHECKING, Any, TextIO

from legcramps import _texts

if TYPE_CHECKING:
    from legcramps._result import Assessment

#: The exit status of bad input or a usage error (argparse's convention).
USAGE = 2
#: The exit status when reading or writing failed: a standard stream closed, a full disk.
IO_FAILED = 4
#: The exit status when interrupted by Ctrl-C: 128 + SIGINT, as a shell reports.
INTERRUPTED = 130
#: The exit status when the reader of the output went away: 128 + SIGPIPE.
BROKEN_PIPE = 141


def translate(text: str, language: str) -> str:
    """Return *text*, written in English by the command line, in *language*.

    See :meth:`legcramps.Catalog.translate`; in English, *text* itself.
    """
    if language == "en":
        return text
    from legcramps._catalog import catalog

    return catalog(language).translate(text)


def error_line(prog: str, message: str, language: str = "en") -> str:
    """Return the line that reports *message*, an error of the command *prog*, in *language*."""
    return translate(_texts.CLI_ERROR.format(prog=prog, message=message), language) + "\n"


class CommandError(Exception):
    """Bad input found after the options were parsed: the lines to report, and the status."""

    def __init__(self, *lines: str, status: int = USAGE) -> None:
        super().__init__(*lines)
        self.lines = lines
        self.status = status


class DuplicateKey(ValueError):
    """A JSON object names the same key twice: which value is meant cannot be known."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object, refusing a key given twice (``json`` would keep the last).

    Give it to ``json.loads`` as ``object_pairs_hook``.

    :raises DuplicateKey: naming the key.
    """
    made: dict[str, Any] = {}
    for key, value in pairs:
        if key in made:
            raise DuplicateKey(key)
        made[key] = value
    return made


def source_name(path: str) -> str:
    """Name the file *path* (``-``: standard input) in a message."""
    return _texts.CLI_STANDARD_INPUT if path == "-" else repr(path)


def read_text(path: str, option: str) -> str:
    """Return the text of the file *path* (``-``: standard input), given to *option*.

    :raises CommandError: if it cannot be read, or is not UTF-8.
    """
    if path == "-":
        if sys.stdin is None:
            raise _unreadable(option, _texts.CLI_CANNOT_READ_STDIN, reason=_texts.CLI_CLOSED)
        try:
            return sys.stdin.read()
        except (OSError, UnicodeDecodeError) as e:
            raise _unreadable(option, _texts.CLI_CANNOT_READ_STDIN, reason=str(e)) from None
    try:
        with open(path, encoding="utf-8-sig") as file:  # noqa: PTH123 - one read, no pathlib needed
            return file.read()
    except (OSError, ValueError) as e:  # ValueError: not UTF-8, or a NUL in the name
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        raise _unreadable(option, _texts.CLI_CANNOT_READ, path=repr(path), reason=reason) from None


def _unreadable(option: str, form: str, **values: str) -> CommandError:
    """Return the error of a file given to *option* that cannot be read, said by *form*."""
    return CommandError(_texts.CLI_ARGUMENT.format(argument=option, message=form.format(**values)))


def stdout() -> TextIO:
    """Return standard output, to print to.

    :raises CommandError: with :data:`IO_FAILED`, if it is closed.
    """
    stream = sys.stdout
    if stream is None:
        msg = _texts.CLI_CANNOT_WRITE_STDOUT.format(reason=_texts.CLI_CLOSED)
        raise CommandError(msg, status=IO_FAILED)
    return stream


def write(text: str) -> None:
    """Print *text* on standard output."""
    stdout().write(text)


def print_json(data: object) -> None:
    """Print *data* as indented JSON."""
    import json

    write(json.dumps(data, indent=2) + "\n")


def print_report(assessment: Assessment, language: str = "en") -> None:
    """Print the plain-text report of *assessment* in *language*, for a person to read.

    On a terminal the lines are wrapped to its width and an emergency stands out
    in bold, unless ``NO_COLOR`` is set; elsewhere the lines are wrapped at 80
    columns, without emphasis.
    """
    out = stdout()
    terminal = _isatty(out)
    width = os.get_terminal_size(out.fileno()).columns if terminal else 80
    emphasis = terminal and not os.environ.get("NO_COLOR")
    write(assessment.report(language=language, width=max(width, 20), emphasis=emphasis) + "\n")


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty() and stream.fileno() >= 0
    except (OSError, ValueError):  # closed, or no file under it
        return False


def warn(text: str) -> None:
    """Write *text* on standard error, if there is one to write to."""
    stream = sys.stderr
    if stream is not None:
        try:
            stream.write(text)
            stream.flush()
        except OSError:  # nowhere to say it: the exit status still says it
            pass


def stdin_has_data() -> bool:
    """Return whether standard input is a pipe or file with data in it, that no one reads.

    Reads nothing from a terminal and waits for nothing: a pipe whose writer has
    not written yet counts as empty. A byte is consumed from a pipe to tell
    data from its end, so call this only when standard input is not used.
    """
    import select
    import stat

    stream = sys.stdin
    if isinstance(stream, io.StringIO):  # in memory (main() run in-process): read at once
        return stream.read(1) != ""
    try:
        fd = stream.fileno()  # None (closed) has no fileno: caught below
        mode = os.fstat(fd).st_mode
        if stat.S_ISREG(mode):
            return os.lseek(fd, 0, os.SEEK_CUR) < os.fstat(fd).st_size
        if not (stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)):
            return False  # a terminal, /dev/null or another device
        ready, _, _ = select.select([fd], [], [], 0.05)
        return bool(ready) and os.read(fd, 1) != b""
    except (AttributeError, OSError, ValueError):  # closed, or not a real file
        return False


def check_stdin_unused(what: str) -> None:
    """Refuse to run when data is piped in that the command would silently not read.

    *what* says what the command reads from a file (``"the answers"``).

    :raises CommandError: naming ``-`` and ``--input -``, the ways to read it.
    """
    if stdin_has_data():
        raise CommandError(_texts.CLI_STDIN_UNREAD.format(what=what))


class _Closed(io.RawIOBase):
    """A standard stream that was closed when the program started: using it fails."""

    def readinto(self, buffer: Any) -> int:  # noqa: ARG002 - the signature of RawIOBase
        raise self._error()

    def write(self, data: Any) -> int:  # noqa: ARG002 - the signature of RawIOBase
        raise self._error()

    def fileno(self) -> int:
        raise self._error()

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    @staticmethod
    def _error() -> OSError:
        import errno

        return OSError(errno.EBADF, _texts.CLI_CLOSED)


class _TextBytes(io.RawIOBase):
    """The bytes of a text stream with none under it (a StringIO, when main() runs in-process)."""

    def __init__(self, text: TextIO) -> None:
        super().__init__()
        self._text = text
        self._read: io.BytesIO | None = None

    def readable(self) -> bool:
        return True

    def writable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._read is None:  # in memory: all of it at once
            self._read = io.BytesIO(self._text.read().encode("utf-8"))
        return self._read.readinto(buffer)

    def write(self, data: Any) -> int:
        self._text.write(bytes(data).decode("utf-8", "replace"))
        return len(data)


def binary(stream: TextIO | None) -> IO[bytes]:
    """Return the bytes under the text stream *stream*, or a stream that fails if it is closed."""
    if stream is None:
        return _Closed()  # type: ignore[return-value]  # a RawIOBase: reads and writes bytes
    buffer: IO[bytes] | None = getattr(stream, "buffer", None)
    if buffer is None:
        return _TextBytes(stream)  # type: ignore[return-value]  # ditto
    return buffer


def setup_streams() -> None:
    """Never fail on text that the terminal's encoding cannot hold, either way."""
    for stream, errors in ((sys.stdin, "replace"), (sys.stdout, "backslashreplace")):
        # Only the process's own streams: a caller's replacement is left as it is.
        if isinstance(stream, io.TextIOWrapper) and stream in (sys.__stdin__, sys.__stdout__):
            stream.reconfigure(errors=errors)


def silence(stream: object) -> None:
    """After the reader of *stream* went away, let the flush at exit go nowhere."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())  # type: ignore[attr-defined]  # a file, or not
    except (AttributeError, OSError, ValueError):  # not a real file: nothing to flush at exit
        pass
