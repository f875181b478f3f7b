"""The command line's parsers: one-line errors with "did you mean", options given once.

Every command's parser is a :class:`Parser`. Its help keeps the lines of an
indented section (the exit statuses, the examples) as they are written, and
fills the rest to the terminal's width. An option given twice with different
values is refused, as a JSON key given twice is; a mistyped option or command
gets the closest one suggested.

A parser speaks the language of the command line (:func:`language_of`, known
before the arguments are parsed): its help and its errors are written in English,
from the texts of :mod:`legcramps._texts`, and translated as they are written.
argparse's own words ("usage: ", "invalid choice: ...") pass through the standard
library's :mod:`gettext` as argparse writes them; routing that would mean replacing
``argparse._`` for the whole process (and every other parser in it) or installing a
gettext domain. Instead :class:`Parser` and :class:`Formatter` translate what argparse
hands them where they write it (the usage, section titles, help strings, error
messages), by the English templates of argparse's messages that ``_texts`` lists,
with :meth:`legcramps.Catalog.translate`. In English nothing is changed.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
from typing import TYPE_CHECKING, Any, NoReturn

from legcramps import _texts
from legcramps._cli._io import error_line, stdout, translate, warn

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Sequence

    from _typeshed import SupportsWrite

__all__ = ["Formatter", "Once", "Parser", "YesNo", "epilog", "language_of", "suggestion"]


def suggestion(wrong: str, possible: Iterable[str]) -> str:
    """Return "; did you mean X?" for the closest of *possible* to *wrong*, or ''.

    >>> suggestion("--exercise-minuts", ["--exercise-minutes", "--json"])
    "; did you mean '--exercise-minutes'?"
    """
    close = closest(wrong, possible)
    return "" if close is None else _texts.CLI_DID_YOU_MEAN.format(message="", close=repr(close))


def closest(wrong: str, possible: Iterable[str]) -> str | None:
    """Return the closest of *possible* to *wrong*, if one is close enough."""
    close = difflib.get_close_matches(wrong, list(possible), n=1, cutoff=0.6)
    return close[0] if close else None


class Formatter(argparse.HelpFormatter):
    """Fill paragraphs to the width; keep a paragraph with indented lines as it is.

    The commands are listed as options are, without argparse's line of their metavar.
    Every text is written in :attr:`language`, which the parser sets.
    """

    language = "en"

    def _text(self, text: str) -> str:
        return translate(text, self.language)

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        if prefix is None and self.language != "en":
            prefix = self._text(_texts.CLI_USAGE)
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        super().start_section(heading and self._text(heading))

    def _get_help_string(self, action: argparse.Action) -> str | None:
        return action.help and self._text(action.help)

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
                lines = _translated_lines(lines, self._text) if self.language != "en" else lines
                paragraphs.append("\n".join(indent + line for line in lines))
            else:
                paragraphs.append(super()._fill_text(self._text(paragraph), width, indent))
        return "\n\n".join(paragraphs)


def epilog(statuses: Sequence[tuple[int, str]], examples: Sequence[str]) -> str:
    """Return the end of a command's help: its exit statuses, then examples of its use."""
    lines = [_texts.CLI_EXIT_STATUS]
    for status, meaning in statuses:
        lines += _status_lines(status, meaning)
    lines += ["", _texts.CLI_EXAMPLES if len(examples) > 1 else _texts.CLI_EXAMPLE]
    lines += [f"  {example}" for example in examples]
    return "\n".join(lines)


def _status_lines(status: int | str, meaning: str) -> list[str]:
    """Return the lines of an exit status and its meaning, as :func:`epilog` writes them."""
    import textwrap

    return textwrap.wrap(meaning, 76, initial_indent=f"  {status:<4} ", subsequent_indent=" " * 7)


# An exit status in an epilog, and a line that goes on with its meaning.
_STATUS = re.compile(r"  (\d+) +(\S.*)")
_GOES_ON = " " * 7


def _translated_lines(lines: list[str], text: Callable[[str], str]) -> list[str]:
    """Return the lines of an epilog, written by :func:`epilog`, with their words in *text*.

    Headings are translated, and each status's meaning, wrapped again; examples stay.
    """
    done: list[str] = []
    status: list[str] = []  # the status being read, then the lines of its meaning

    def end_status() -> None:
        if status:
            done.extend(_status_lines(status[0], text(" ".join(status[1:]))))
            status.clear()

    for line in lines:
        match = _STATUS.fullmatch(line)
        if status and line.startswith(_GOES_ON) and match is None:
            status.append(line.strip())
            continue
        end_status()
        if match is not None:
            status.extend(match.groups())
        else:
            done.append(line if line.startswith(" ") or not line else text(line))
    end_status()
    return done


class Parser(argparse.ArgumentParser):
    """An argument parser that reports an error on one line, suggesting what was meant."""

    #: The language of the help and the errors (see :func:`language_of`).
    language = "en"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["formatter_class"] = Formatter
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)

    def speak(self, language: str) -> None:
        """Write the help and the errors of this parser and of its commands in *language*."""
        self.language = language
        for command in self.commands().values():
            command.speak(language)

    def error(self, message: str) -> NoReturn:
        self.exit(2, error_line(self.prog, message, self.language))

    def _get_formatter(self) -> argparse.HelpFormatter:
        formatter = Formatter(prog=self.prog)  # the formatter_class, in this language
        formatter.language = self.language
        return formatter

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
            given = self._command_given(args)
            if given is not None and given not in commands:
                close = closest(given, commands)
                values = {"given": repr(given), "prog": self.prog}
                if close is None:
                    self.error(_texts.CLI_NOT_A_COMMAND_SEE.format(**values))
                self.error(_texts.CLI_NOT_A_COMMAND_CLOSE.format(close=repr(close), **values))
            before = args if given is None else args[: list(args).index(given)]
            options = self.option_strings()
            unknown = [a for a in before if a.startswith("-") and a.split("=", 1)[0] not in options]
            if unknown:  # said before argparse says that a command is missing
                self.error(_unexpected(unknown[0], self))
        return super().parse_known_args(args, namespace)

    def _command_given(self, args: Sequence[str]) -> str | None:
        """Return the first of *args* that is neither an option nor an option's value."""
        value_next = False
        for arg in args:
            if value_next or arg.startswith("-"):
                action = self._option_string_actions.get(arg)
                value_next = not value_next and action is not None and action.nargs != 0
                continue
            return arg
        return None

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
        unrecognized = _texts.CLI_UNRECOGNIZED_OPTION.format(name=repr(name))
        return unrecognized + suggestion(name, parser.option_strings())
    return _texts.CLI_UNEXPECTED.format(given=repr(extra))


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
            twice = _texts.CLI_GIVEN_TWICE.format(
                first=first,
                before=repr(value),
                second=option_string or self.metavar,
                after=repr(values),
            )
            raise argparse.ArgumentError(self, twice)
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
            both = _texts.CLI_GIVEN_AS_BOTH.format(first=previous[0], second=option_string)
            raise argparse.ArgumentError(self, both)
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


def add_language(parser: argparse.ArgumentParser, *, hidden: bool = False) -> None:
    """Add ``-l/--language``: the language of the texts a person reads.

    *hidden* leaves it out of the help (the program's own, which its commands list).
    """
    from legcramps._catalog import LANGUAGES

    parser.add_argument(
        "-l",
        "--language",
        action=Once,
        choices=LANGUAGES,
        metavar="LANG",
        help=argparse.SUPPRESS
        if hidden
        else _texts.CLI_LANGUAGE_HELP.format(languages=", ".join(LANGUAGES)),
    )


def chosen_language(args: argparse.Namespace) -> str:
    """Return the language ``--language`` gives, or the locale's, or English."""
    given = getattr(args, "language", None)
    return str(given) if given is not None else _locale_language()


def language_of(argv: Sequence[str]) -> str:
    """Return the language *argv* asks for, before it is parsed: the last ``-l/--language``.

    Without one (or with one legcramps has no texts in, which parsing then refuses),
    the locale's language (``LC_ALL``, ``LC_MESSAGES``, ``LANG``), else English.

    >>> language_of(["assess", "--language", "es"]), language_of(["--language=en", "-les"])
    ('es', 'es')
    """
    from legcramps._catalog import LANGUAGES

    given = None
    for n, arg in enumerate(argv):
        if arg == "--":
            break
        if arg in {"-l", "--language"}:
            given = argv[n + 1] if n + 1 < len(argv) else None
        elif arg.startswith("--language="):
            given = arg.partition("=")[2]
        elif arg.startswith("-l"):  # -les
            given = arg[2:]
    return given if given in LANGUAGES else _locale_language()


def _locale_language() -> str:
    from legcramps._catalog import choose_language

    env = os.environ
    return choose_language(env.get("LC_ALL"), env.get("LC_MESSAGES"), env.get("LANG"))
