"""The command line's parsers: one-line errors with "did you mean", options given once.

Every command's parser is a :class:`Parser`. Its help keeps the lines of an
indented section (the exit statuses, the examples) as they are written, and
fills the rest to the terminal's width. An option given twice with different
values is refused, as a JSON key given twice is; a mistyped option or command
gets the closest one suggested.
"""

from __future__ import annotations

import argparse
import difflib
import os
from typing import TYPE_CHECKING, Any, NoReturn

from legcramps._cli._io import stdout, warn

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from _typeshed import SupportsWrite

__all__ = ["Formatter", "Once", "Parser", "YesNo", "epilog", "suggestion"]


def suggestion(wrong: str, possible: Iterable[str]) -> str:
    """Return "; did you mean X?" for the closest of *possible* to *wrong*, or ''.

    >>> suggestion("--exercise-minuts", ["--exercise-minutes", "--json"])
    "; did you mean '--exercise-minutes'?"
    """
    close = difflib.get_close_matches(wrong, list(possible), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


class Formatter(argparse.HelpFormatter):
    """Fill paragraphs to the width; keep a paragraph with indented lines as it is.

    The commands are listed as options are, without argparse's line of their metavar.
    """

    def _format_action(self, action: argparse.Action) -> str:
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001 - no public name
            subactions = action._get_subactions()  # noqa: SLF001 - ditto
            return "".join(super(Formatter, self)._format_action(a) for a in subactions)
        return super()._format_action(action)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        paragraphs = []
        for paragraph in text.split("\n\n"):
            lines = paragraph.splitlines()
            if any(line.startswith("  ") for line in lines[1:]):
                paragraphs.append("\n".join(indent + line for line in lines))
            else:
                paragraphs.append(super()._fill_text(paragraph, width, indent))
        return "\n\n".join(paragraphs)


def epilog(statuses: Sequence[tuple[int, str]], examples: Sequence[str]) -> str:
    """Return the end of a command's help: its exit statuses, then examples of its use."""
    import textwrap

    lines = ["exit status:"]
    for status, meaning in statuses:
        lines += textwrap.wrap(
            meaning, 76, initial_indent=f"  {status:<4} ", subsequent_indent=" " * 7
        )
    lines += ["", "examples:" if len(examples) > 1 else "example:"]
    lines += [f"  {example}" for example in examples]
    return "\n".join(lines)


class Parser(argparse.ArgumentParser):
    """An argument parser that reports an error on one line, suggesting what was meant."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Formatter)
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")

    def print_help(self, file: SupportsWrite[str] | None = None) -> None:
        # argparse would write to standard error when standard output is closed, and
        # would ignore a failed write: here both are reported, with their exit status.
        (file or stdout()).write(self.format_help())

    def _print_message(self, message: str, file: object = None) -> None:  # noqa: ARG002
        if message:  # argparse's usage errors: to standard error, if there is one
            warn(message)

    def _commands(self) -> argparse._SubParsersAction[Parser] | None:
        for action in self._actions:
            if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001 - no public name
                return action
        return None

    def commands(self) -> dict[str, Parser]:
        """Return the parsers of this parser's commands, by name (none if it has none)."""
        action = self._commands()
        return {} if action is None else dict(action.choices)

    def command_helps(self) -> dict[str, str]:
        """Return the one-line help of each command, by name, as the program's help shows it."""
        action = self._commands()
        listed = [] if action is None else action._get_subactions()  # noqa: SLF001 - ditto
        return {a.dest: a.help or "" for a in listed}

    def arguments(self) -> list[argparse.Action]:
        """Return the arguments and options of this parser, but not its commands."""
        return [a for a in self._actions if a is not self._commands()]

    def option_strings(self) -> list[str]:
        """Return every option this parser takes, such as ``--input`` and ``-i``."""
        return [s for action in self._actions for s in action.option_strings]

    def parse_known_args(  # type: ignore[override]  # the same, with a check first
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        commands = self.commands()
        if commands and args:
            given = next((a for a in args if not a.startswith("-")), None)
            if given is not None and given not in commands:
                self.error(
                    f"{given!r} is not a command{suggestion(given, commands)}"
                    f" (see '{self.prog} help')"
                )
            before = args if given is None else args[: list(args).index(given)]
            unknown = [a for a in before if a.split("=", 1)[0] not in self.option_strings()]
            if unknown:  # said before argparse says that a command is missing
                self.error(_unexpected(unknown[0], self))
        return super().parse_known_args(args, namespace)

    def parse_args(  # type: ignore[override]  # the same, with better errors
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> argparse.Namespace:
        parsed, extras = self.parse_known_args(args, namespace)
        if extras:
            command = self.commands().get(getattr(parsed, "command", None) or "", self)
            command.error(_unexpected(extras[0], command))
        return parsed


def _unexpected(extra: str, parser: Parser) -> str:
    """Say what is wrong with the argument *extra*, which *parser* did not expect."""
    if extra.startswith("-") and extra != "-":
        name = extra.split("=", 1)[0]
        return f"unrecognized option {name!r}{suggestion(name, parser.option_strings())}"
    return f"unexpected argument {extra!r}"


def _same(a: str, b: str) -> bool:
    """Whether two values of an option are the same, but for spacing."""
    return " ".join(a.split()) == " ".join(b.split())


class Once(argparse.Action):
    """Store the option's value; given again with another value, it is an error.

    As a JSON key given twice is refused, an option given twice with different
    values is: which one is meant cannot be known. The same value twice is fine.
    Options that share a destination (such as ``--input`` and a positional file)
    are checked against each other too.
    """

    def __call__(
        self,
        parser: argparse.ArgumentParser,  # noqa: ARG002 - argparse's signature
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        if values is None and option_string is None:  # a positional left out: its default
            return
        previous = _given(namespace).get(self.dest)
        if previous is not None and not _same(previous[1], values):
            first, value = previous
            raise argparse.ArgumentError(
                self,
                f"given twice with different values: {first} {value!r} and"
                f" {option_string or self.metavar} {values!r}; expected one value",
            )
        _given(namespace)[self.dest] = (option_string or str(self.metavar), values)
        setattr(namespace, self.dest, values)


class YesNo(argparse.BooleanOptionalAction):
    """``--name`` for yes, ``--no-name`` for no; both together are an error."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,  # noqa: ARG002 - argparse's signature
        namespace: argparse.Namespace,
        values: Any,  # noqa: ARG002 - a flag has none: its name says yes or no
        option_string: str | None = None,
    ) -> None:
        value = not (option_string or "").startswith("--no-")
        previous = _given(namespace).get(self.dest)
        if previous is not None and previous[1] != value:
            raise argparse.ArgumentError(
                self, f"given as both {previous[0]} and {option_string}; expected one of them"
            )
        _given(namespace)[self.dest] = (option_string or "", value)
        setattr(namespace, self.dest, value)


_GIVEN = "given:"


def _given(namespace: argparse.Namespace) -> dict[str, tuple[str, Any]]:
    """Return the options already given in *namespace*, by destination, with their values."""
    given: dict[str, tuple[str, Any]] | None = getattr(namespace, _GIVEN, None)
    if given is None:
        given = {}
        setattr(namespace, _GIVEN, given)
    return given


def add_language(parser: argparse.ArgumentParser) -> None:
    """Add ``-l/--language``: the language of the texts a person reads."""
    from legcramps._catalog import LANGUAGES

    parser.add_argument(
        "-l",
        "--language",
        action=Once,
        choices=LANGUAGES,
        metavar="LANG",
        help=f"the language of the texts: {', '.join(LANGUAGES)} (default: from LC_ALL,"
        " LC_MESSAGES or LANG, else en)",
    )


def chosen_language(args: argparse.Namespace) -> str:
    """Return the language ``--language`` gives, or the locale's, or English."""
    if args.language is not None:
        return str(args.language)
    from legcramps._catalog import choose_language

    env = os.environ
    return choose_language(env.get("LC_ALL"), env.get("LC_MESSAGES"), env.get("LANG"))
