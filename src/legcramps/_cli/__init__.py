"""The ``legcramps`` command line (also ``python -m legcramps``), built on :mod:`argparse`.

Each command lives in a module of its own (``assess``, ``interview``, ``listing``
for ``causes`` and ``factors``, ``batch``) that adds its parser and sets a
``func``: ``func(args) -> int`` runs the command and returns its exit status.
What they share (streams, strict JSON, exit statuses) is in ``_io``. Bad input
never shows a traceback: a command raises :class:`~legcramps._cli._io.CommandError`
(or :class:`~legcramps.InvalidInput`), and :func:`main` reports it on one line
per problem with its exit status (2, argparse's convention, for bad input).

Every command reads the knowledge to use from ``args.knowledge``: the one given
to :func:`main`, :data:`legcramps.KNOWLEDGE` by default.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, NoReturn

from legcramps._cli import assess, batch, interview, listing, serve
from legcramps._cli._io import (
    BROKEN_PIPE,
    INTERRUPTED,
    USAGE,
    CommandError,
    setup_streams,
    silence,
)
from legcramps._errors import InvalidInput
from legcramps._knowledge import KNOWLEDGE

if TYPE_CHECKING:
    from collections.abc import Sequence

    from legcramps._knowledge import Knowledge

__all__ = ["build_parser", "main"]

_DESCRIPTION = (
    "Which known causes of severe leg cramps likely apply, why, what to do, and when to see"
    " a doctor. Information, not a diagnosis."
)


class _Parser(argparse.ArgumentParser):
    """An argument parser that reports an error on one line, without the usage text."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


class _VersionAction(argparse.Action):
    """Print the library and knowledge versions, looking the library's up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, knowledge_version: str) -> None:
        super().__init__(
            option_strings,
            dest,
            nargs=0,
            default=argparse.SUPPRESS,
            help="print the library and knowledge versions and exit",
        )
        self.knowledge_version = knowledge_version

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> NoReturn:
        import legcramps

        sys.stdout.write(
            f"legcramps {legcramps.__version__} (knowledge {self.knowledge_version})\n"
        )
        parser.exit()


def build_parser(knowledge: Knowledge) -> argparse.ArgumentParser:
    """Return the parser of the whole command line, its options made from *knowledge*.

    The namespace it parses holds *knowledge* as ``knowledge``, and the command
    to run as ``func``.
    """
    parser = _Parser(prog="legcramps", description=_DESCRIPTION, allow_abbrev=False)
    parser.add_argument("--version", action=_VersionAction, knowledge_version=knowledge.version)
    parser.set_defaults(knowledge=knowledge)
    subparsers = parser.add_subparsers(title="commands", dest="command", required=True)

    assess.add_parser(subparsers, knowledge)
    interview.add_parser(subparsers)
    listing.add_parsers(subparsers)
    batch.add_parser(subparsers)
    serve.add_parser(subparsers)
    return parser


def _exit_status(code: object) -> int:
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stderr.write(f"{code}\n")
    return 1


def main(argv: Sequence[str] | None = None, *, knowledge: Knowledge | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    *knowledge* defaults to :data:`legcramps.KNOWLEDGE`; another one brings
    its own factors as options, and every command (including one from
    :data:`SUBCOMMAND_MODULES`) finds it as ``args.knowledge``.

    >>> main(["factors"])  # doctest: +ELLIPSIS
    exercise_minutes (number): How many minutes did you exercise in the 24 hours before the cramp?
    ...
    0
    """
    if knowledge is None:
        knowledge = KNOWLEDGE
    setup_streams()
    parser = build_parser(knowledge)
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse's --help, --version and usage errors
        return _exit_status(e.code)
    prog = f"{parser.prog} {args.command}"
    args.knowledge = knowledge  # whatever defaults a subcommand set, it runs on this one
    try:
        status: int | None = args.func(args)
    except (SystemExit, CommandError, InvalidInput, KeyboardInterrupt, BrokenPipeError) as e:
        return _report(e, prog)
    return 0 if status is None else status


def _report(error: BaseException, prog: str) -> int:
    """Report what ended the command *prog* on standard error; return the exit status."""
    if isinstance(error, SystemExit):
        status = _exit_status(error.code)
    elif isinstance(error, CommandError):
        sys.stderr.writelines(f"{prog}: error: {line}\n" for line in error.lines)
        status = error.status
    elif isinstance(error, InvalidInput):
        sys.stderr.writelines(f"{prog}: error: {p}\n" for p in error.problems)
        status = USAGE
    elif isinstance(error, KeyboardInterrupt):
        sys.stderr.write("\ninterrupted\n")
        status = INTERRUPTED
    else:  # the reader went away: exit as a process killed by SIGPIPE would
        silence(sys.stdout)
        status = BROKEN_PIPE
    return status
