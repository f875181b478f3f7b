"""The ``legcramps`` command line (also ``python -m legcramps``), built on :mod:`argparse`.

Each command lives in a module of its own (``assess``, ``interview``, ``listing``
for ``causes`` and ``factors``, ``batch``, ``completion``) that adds its parser
and sets a ``func``: ``func(args) -> int`` runs the command and returns its exit
status. What they share (streams, strict JSON, exit statuses) is in ``_io``, and
their parsers' conventions (one-line errors, "did you mean", options given once)
in ``_parser``. Bad input never shows a traceback: a command raises
:class:`~legcramps._cli._io.CommandError` (or :class:`~legcramps.InvalidInput`),
and :func:`main` reports it on one line per problem with its exit status (2,
argparse's convention, for bad input). A closed or full standard stream is
reported the same way, with its own status (4).

Every command reads the knowledge to use from ``args.knowledge``: the one given
to :func:`main`, :data:`legcramps.KNOWLEDGE` by default.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from legcramps import _texts
from legcramps._cli import assess, batch, completion, interview, listing, serve
from legcramps._cli._io import (
    BROKEN_PIPE,
    INTERRUPTED,
    IO_FAILED,
    USAGE,
    CommandError,
    error_line,
    setup_streams,
    silence,
    translate,
    warn,
    write,
)
from legcramps._cli._parser import Parser, add_language, epilog, language_of, suggestion
from legcramps._errors import InvalidInput
from legcramps._knowledge import KNOWLEDGE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from legcramps._knowledge import Knowledge

__all__ = ["build_parser", "main"]

_EPILOG = (
    _texts.CLI_SEE_HELP
    + "\n\n"
    + epilog(
        [(0, _texts.CLI_DONE), (USAGE, _texts.CLI_BAD_USAGE)],
        [
            "legcramps assess --exercise-minutes 2h --fluid-litres 500ml --hot-weather",
            "legcramps interview --save answers.json",
        ],
    )
)


class _VersionAction(argparse.Action):
    """Print the library and knowledge versions, looking the library's up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, knowledge_version: str) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help=_texts.CLI_VERSION_HELP,
        )
        self.knowledge_version = knowledge_version

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        import legcramps

        version = _texts.CLI_VERSION.format(
            version=legcramps.__version__, knowledge=self.knowledge_version
        )
        write(translate(version, getattr(parser, "language", "en")) + "\n")
        parser.exit()


def build_parser(knowledge: Knowledge, language: str = "en") -> Parser:
    """Return the parser of the whole command line, its options made from *knowledge*.

    The namespace it parses holds *knowledge* as ``knowledge``, and the command
    to run as ``func``. Its help and its errors are written in *language*.
    """
    parser = Parser(prog="legcramps", description=_texts.CLI_DESCRIPTION, epilog=_EPILOG)
    parser.add_argument(
        "-V", "--version", action=_VersionAction, knowledge_version=knowledge.version
    )
    add_language(parser, hidden=True)  # 'legcramps --language es assess --help'
    parser.set_defaults(knowledge=knowledge)
    subparsers = parser.add_subparsers(
        title=_texts.CLI_COMMANDS,
        dest="command",
        metavar="COMMAND",
        required=True,
        parser_class=Parser,
    )

    assess.add_parser(subparsers, knowledge)
    interview.add_parser(subparsers)
    listing.add_parsers(subparsers)
    batch.add_parser(subparsers)
    serve.add_parser(subparsers)
    completion.add_parser(subparsers, parser)
    _add_help(subparsers, parser)
    parser.speak(language)
    return parser


def _add_help(subparsers: argparse._SubParsersAction[Any], parser: Parser) -> None:
    """Add ``help [COMMAND]``, which prints the help of the program or of a command."""
    command = subparsers.add_parser(
        "help",
        help=_texts.CLI_HELP_HELP,
        description=_texts.CLI_HELP_DESCRIPTION,
        epilog=epilog(
            [(0, _texts.CLI_HELP_PRINTED), (2, _texts.CLI_NO_SUCH_COMMAND)],
            ["legcramps help assess"],
        ),
    )
    command.add_argument("topic", nargs="?", metavar="COMMAND", help=_texts.CLI_TOPIC_HELP)
    command.set_defaults(func=lambda args: _help(parser, args.topic))


def _help(parser: Parser, topic: str | None) -> int:
    commands = parser.commands()
    if topic is None:
        write(parser.format_help())
        return 0
    if topic not in commands:
        wrong = _texts.CLI_NOT_A_COMMAND.format(given=repr(topic)) + suggestion(topic, commands)
        raise CommandError(_texts.CLI_ARGUMENT.format(argument="COMMAND", message=wrong))
    write(commands[topic].format_help())
    return 0


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    warn(f"{code}\n")
    return 1


def main(argv: Sequence[str] | None = None, *, knowledge: Knowledge | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    *knowledge* defaults to :data:`legcramps.KNOWLEDGE`; another one brings
    its own factors as options, and every command finds it as ``args.knowledge``.
    With no arguments at all, it prints the help, as ``legcramps help`` does.

    >>> main(["factors"])  # doctest: +ELLIPSIS
    exercise_minutes (number): How many minutes did you exercise in the 24 hours before the cramp?
    ...
    0
    """
    if knowledge is None:
        knowledge = KNOWLEDGE
    setup_streams()
    argv = sys.argv[1:] if argv is None else list(argv)
    language = language_of(argv)
    parser = build_parser(knowledge, language)
    prog = parser.prog
    try:
        args = parser.parse_args(argv or ["help"])
        prog = f"{parser.prog} {args.command}"
        args.knowledge = knowledge  # whatever defaults a subcommand set, it runs on this one
        args.language = language  # the one the program's help and errors were written in
        status: int | None = args.func(args)
        if sys.stdout is not None:
            sys.stdout.flush()  # here, so that a full disk is reported, not ignored at exit
    except (SystemExit, CommandError, InvalidInput, KeyboardInterrupt, OSError) as e:
        return _report(e, prog, language)
    return 0 if status is None else status


def _report(error: BaseException, prog: str, language: str) -> int:
    """Report what ended the command *prog* on standard error, in *language*; return the status."""
    if isinstance(error, SystemExit):  # argparse's --help, --version and usage errors
        status = _exit_status(error.code)
        if status == 0 and sys.stdout is not None:  # the help, or the version, was printed
            try:
                sys.stdout.flush()
            except OSError as e:
                return _report(e, prog, language)
    elif isinstance(error, CommandError):
        warn("".join(error_line(prog, line, language) for line in error.lines))
        status = error.status
    elif isinstance(error, InvalidInput):
        from legcramps._catalog import catalog

        words = catalog(language)
        warn(
            "".join(
                words.text(_texts.CLI_ERROR, prog=prog, message=words.line(p)) + "\n"
                for p in error.problems
            )
        )
        status = USAGE
    elif isinstance(error, KeyboardInterrupt):
        warn("\n" + translate(_texts.CLI_INTERRUPTED, language) + "\n")
        status = INTERRUPTED
    elif isinstance(error, BrokenPipeError):  # the reader went away: exit as SIGPIPE would
        silence(sys.stdout)
        status = BROKEN_PIPE
    else:  # standard output failed: a full disk, an I/O error
        silence(sys.stdout)  # so that the flush at exit does not fail again
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        message = _texts.CLI_CANNOT_WRITE_STDOUT.format(reason=reason)
        warn(error_line(prog, message, language))
        status = IO_FAILED
    return status
