"""What every command of the command line shares: streams, strict JSON, exit statuses.

A command reports bad input by raising :class:`CommandError` with the lines to
print and its exit status; :func:`legcramps._cli.main` maps it, once, for all.
"""

from __future__ import annotations

import io
import os
import sys
from typing import Any

#: The exit status of bad input or a usage error (argparse's convention).
USAGE = 2
#: The exit status when interrupted by Ctrl-C: 128 + SIGINT, as a shell reports.
INTERRUPTED = 130
#: The exit status when the reader of the output went away: 128 + SIGPIPE.
BROKEN_PIPE = 141


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
    return "standard input" if path == "-" else repr(path)


def read_text(path: str, option: str) -> str:
    """Return the text of the file *path* (``-``: standard input), given to *option*.

    :raises CommandError: if it cannot be read, or is not UTF-8.
    """
    if path == "-":
        try:
            return sys.stdin.read()
        except (OSError, UnicodeDecodeError) as e:
            msg = f"argument {option}: cannot read standard input: {e}"
            raise CommandError(msg) from None
    try:
        with open(path, encoding="utf-8-sig") as file:  # noqa: PTH123 - one read, no pathlib needed
            return file.read()
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        msg = f"argument {option}: cannot read {path!r}: {reason}"
        raise CommandError(msg) from None


def print_json(data: object) -> None:
    """Print *data* as indented JSON."""
    import json

    sys.stdout.write(json.dumps(data, indent=2) + "\n")


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
