"""Where the interview talks: its questions and notes go out, the person's answers come in.

:class:`Talk` works on any pair of text streams, so that a pipe and a test drive
the interview alike; :class:`TerminalTalk` reads through :func:`input`, with
line editing and history by :mod:`readline` where the platform has it (arrow
keys move in the line, up brings back an earlier answer).
"""

from __future__ import annotations

import contextlib
import shutil
import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

__all__ = ["Talk", "TerminalTalk"]

#: The width to wrap at when the output is not a terminal.
WIDTH = 80


class Talk:
    """The person at the other end of two text streams.

    With *echo*, each answer read is written after its prompt, so that a
    transcript of piped input reads like a conversation. Text is wrapped to
    *width* columns.
    """

    #: Whether a person is typing (and can be asked a question of another kind).
    interactive = False

    def __init__(
        self, stdin: TextIO, stdout: TextIO, *, echo: bool = False, width: int = WIDTH
    ) -> None:
        self.stdin = stdin
        self.stdout = stdout
        self.echo = echo
        self.width = width

    def say(self, text: str) -> None:
        """Write *text*, at once."""
        self.stdout.write(text)
        self.stdout.flush()

    def wrap(self, text: str, indent: str = "") -> str:
        """Return *text* filled to the width, each line after *indent*, ending in a newline."""
        width = max(self.width, 40)
        return textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent) + "\n"

    def ask(self, prompt: str) -> str:
        """Write *prompt* and return the line typed, without its end.

        :raises EOFError: at the end of the input.
        """
        self.say(prompt)
        line = self.stdin.readline()
        if not line:
            if self.echo:
                self.say("\n")
            raise EOFError
        text = line.rstrip("\r\n")
        if self.echo:
            self.say(text + "\n")
        return text


class TerminalTalk(Talk):
    """A person at a terminal: lines read by :func:`input`, edited with readline if there.

    Only when standard input and output are both the terminal does :func:`input`
    use readline.
    """

    interactive = True

    def __init__(self, stdin: TextIO, stdout: TextIO) -> None:
        super().__init__(stdin, stdout)
        with contextlib.suppress(ImportError):  # not on every platform: lines read unedited
            import readline  # noqa: F401 - importing it gives input() line editing
        self.width = shutil.get_terminal_size((WIDTH, 24)).columns

    def ask(self, prompt: str) -> str:
        self.stdout.flush()
        return input(prompt)
