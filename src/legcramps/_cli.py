"""The ``legcramps`` command line (also ``python -m legcramps``), built on :mod:`argparse`.

The options of ``legcramps assess`` are generated from the knowledge's risk
factors, so a new factor appears without an edit here. Bad input never shows a
traceback: one line per problem on standard error, naming the option, and exit
status 2 (argparse's convention).

A subcommand kept in another module is wired in by adding that module's name to
:data:`SUBCOMMAND_MODULES`. Such a module has a function
``add_parser(subparsers) -> None`` that adds its parser and sets a ``func``
default: ``func(args: argparse.Namespace) -> int | None`` runs the command and
returns its exit status (``None`` for 0). It may raise :class:`CommandError`
or :class:`~legcramps.InvalidInput` for bad input: :func:`main` reports either
on one line per problem, with exit status 2.

Every command reads the knowledge to use from ``args.knowledge`` (a
:class:`~legcramps.Knowledge`): the one given to :func:`main` or
:func:`build_parser`, :data:`legcramps.KNOWLEDGE` by default. The parser sets it
as a default, and :func:`main` sets it again just before calling ``func``, so a
subcommand's own defaults cannot replace it; ``knowledge`` is therefore reserved
and no subcommand may use it as the ``dest`` of an option.
"""

from __future__ import annotations

import argparse
import functools
import io
import re
import sys
from typing import TYPE_CHECKING, Any, NoReturn

from legcramps._cli_parse import NotUnderstood, expected_text, parse_choice, parse_number
from legcramps._model import FactorKind, RiskFactor
from legcramps.exceptions import InvalidInput, Problem

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from legcramps._knowledge import Knowledge

__all__ = ["SUBCOMMAND_MODULES", "CommandError", "build_parser", "main"]

#: Modules with more subcommands, each with ``add_parser(subparsers) -> None``.
SUBCOMMAND_MODULES: tuple[str, ...] = ("legcramps._batch_cli",)

# The namespace attributes holding answers get this prefix, so that a factor's id
# can never clash with the command line's own attributes such as ``json``.
_ANSWER = "answer:"
_DESCRIPTION = (
    "Which known causes of severe leg cramps likely apply, why, what to do, and when to see"
    " a doctor. Information, not a diagnosis."
)


_ASSESS_EXAMPLE = (
    "example:\n  legcramps assess --exercise-minutes 120 --fluid-litres 0.5 --hot-weather"
)
_EXAMPLE_FACTORS = frozenset({"exercise_minutes", "fluid_litres", "hot_weather"})


class CommandError(Exception):
    """Bad input found after the options were parsed; each argument is one line to report."""

    def __init__(self, *lines: str) -> None:
        super().__init__(*lines)
        self.lines = lines


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


# --- the options generated from the factors -------------------------------------------


def option_name(factor: RiskFactor) -> str:
    """Return the command-line option of *factor*.

    >>> import legcramps
    >>> option_name(legcramps.KNOWLEDGE.factor("fluid_litres"))
    '--fluid-litres'
    """
    return "--" + factor.id.replace("_", "-")


def _singular_option(factor: RiskFactor) -> str:
    return option_name(factor).removesuffix("s")


def _metavar(factor: RiskFactor) -> str:
    return (factor.unit or "number").upper().replace(" ", "_")


def _escape(text: str) -> str:
    """Escape *text* for an argparse help string, which is %-formatted."""
    return text.replace("%", "%%")


def _number_type(factor: RiskFactor) -> Callable[[str], int | float]:
    def parse(text: str) -> int | float:
        try:
            return parse_number(text, factor)
        except NotUnderstood as e:
            msg = f"received {text!r}; expected {e}"
            raise argparse.ArgumentTypeError(msg) from None

    return parse


def _choice_type(factor: RiskFactor) -> Callable[[str], str]:
    return functools.partial(parse_choice, factor=factor)


def add_factor_options(parser: argparse.ArgumentParser, knowledge: Knowledge) -> None:
    """Add one option per risk factor of *knowledge* to *parser*.

    An option left out leaves its answer unknown (absent from the namespace).
    """
    group = parser.add_argument_group(
        "answers", "Every answer is optional: one left out is unknown, never 'no'."
    )
    for factor in knowledge.factors:
        dest = _ANSWER + factor.id
        question = _escape(factor.question)
        kind = factor.kind
        if kind is FactorKind.YES_NO:
            group.add_argument(
                option_name(factor),
                dest=dest,
                action=argparse.BooleanOptionalAction,
                default=argparse.SUPPRESS,
                help=f"{question} (yes or no)",
            )
        elif kind is FactorKind.NUMBER:
            group.add_argument(
                option_name(factor),
                dest=dest,
                type=_number_type(factor),
                default=argparse.SUPPRESS,
                metavar=_metavar(factor),
                help=f"{question} ({_escape(expected_text(factor))})",
            )
        elif kind is FactorKind.CHOICE:
            group.add_argument(
                option_name(factor),
                dest=dest,
                type=_choice_type(factor),
                default=argparse.SUPPRESS,
                metavar="{" + ",".join(factor.choices) + "}",
                help=question,
            )
        else:
            names = dict.fromkeys((_singular_option(factor), option_name(factor)))
            exclusive = group.add_mutually_exclusive_group()
            exclusive.add_argument(
                *names,
                dest=dest,
                action="append",
                default=argparse.SUPPRESS,
                metavar="NAME",
                help=f"{question} Repeat the option for each one.",
            )
            exclusive.add_argument(
                "--no-" + option_name(factor).removeprefix("--"),
                dest=dest,
                action="store_const",
                const=[],
                default=argparse.SUPPRESS,
                help="takes no medication (known, unlike leaving the option out)",
            )


def answers_from_options(args: argparse.Namespace) -> dict[str, Any]:
    """Return the answers given as options in *args*, by factor id."""
    return {
        name.removeprefix(_ANSWER): value
        for name, value in vars(args).items()
        if name.startswith(_ANSWER)
    }


# --- reading answers from a file ----------------------------------------------------------


def _source(path: str) -> str:
    """Name the file *path* (``-``: standard input) in a message."""
    return "standard input" if path == "-" else repr(path)


def _read_text(path: str) -> str:
    if path == "-":
        try:
            return sys.stdin.read()
        except (OSError, UnicodeDecodeError) as e:
            msg = f"argument --input: cannot read standard input: {e}"
            raise CommandError(msg) from None
    try:
        with open(path, encoding="utf-8-sig") as file:  # noqa: PTH123 - pathlib is not needed for one read
            return file.read()
    except (OSError, UnicodeDecodeError) as e:
        reason = e.strerror if isinstance(e, OSError) and e.strerror else str(e)
        msg = f"argument --input: cannot read {path!r}: {reason}"
        raise CommandError(msg) from None


class _DuplicateKeyError(Exception):
    """A JSON object names the same key twice."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _object_without_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """Build a JSON object, refusing a key given twice (``json`` would keep the last)."""
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise _DuplicateKeyError(key)
        obj[key] = value
    return obj


def read_answers(path: str) -> dict[str, Any]:
    """Return the answers in the JSON object in the file *path* (``-``: standard input).

    :raises CommandError: if the file cannot be read, holds no JSON object, or
        gives a key twice (at any depth).
    """
    import json

    text = _read_text(path)
    where = _source(path)
    try:
        data = json.loads(text, object_pairs_hook=_object_without_duplicates)
    except _DuplicateKeyError as e:
        msg = (
            f"argument --input: in {where}: the key {e.key!r} is given more than once;"
            " expected each key once"
        )
        raise CommandError(msg) from None
    except ValueError as e:
        msg = f"argument --input: {where} is not valid JSON: {e}"
        raise CommandError(msg) from None
    except RecursionError:
        msg = f"argument --input: {where} is not valid JSON: nested too deeply"
        raise CommandError(msg) from None
    if not isinstance(data, dict):
        msg = (
            f"argument --input: {where} holds a JSON {type(data).__name__};"
            ' expected a JSON object of answers by name, such as {"fluid_litres": 0.5}'
        )
        raise CommandError(msg)
    return data


# --- reporting problems -------------------------------------------------------------------

# A problem's input that names one item of a list answer, such as ``medications[2]``.
_ITEM = re.compile(r"(?P<name>[^\[\]]+)\[(?P<index>[0-9]+)\]")


def _json_words(text: str) -> str:
    """Say *text* (written for Python callers) in JSON's words."""
    return text.replace("True, False or None", "true, false or null").replace(
        "None (unknown)", "null (unknown)"
    )


def _problems(knowledge: Knowledge, answers: dict[str, Any]) -> tuple[Problem, ...]:
    """Return the problems :meth:`~legcramps.Knowledge.assess` finds with *answers*."""
    try:
        knowledge.assess(answers)
    except InvalidInput as e:
        return e.problems
    return ()


def _option_line(problem: Problem, options: dict[str, Any], knowledge: Knowledge) -> str | None:
    """Return the line reporting *problem* against its option, or None if it names none.

    A problem names an option only when its input is a factor given as an option,
    or ``id[n]``, an item of the list that option gave. (*problem* comes from
    answers whose list for ``id`` is the option's, so *n* is an index into it.)
    """
    name = problem.input
    if name in options:
        factor = knowledge.factor(name)
        received = repr(options[name])
        return (
            f"argument {option_name(factor)}: received {received}; expected {expected_text(factor)}"
        )
    item = _ITEM.fullmatch(name)
    if item is None or item["name"] not in options:
        return None
    received = options[item["name"]][int(item["index"])]
    option = _singular_option(knowledge.factor(item["name"]))
    return f"argument {option}: received {received!r}; expected {problem.expected}"


def _problem_lines(
    problems: Sequence[Problem],
    file_answers: dict[str, Any],
    options: dict[str, Any],
    knowledge: Knowledge,
    where: str | None,
) -> list[str]:
    """Return one line per problem, naming the option or the file (*where*) it came from.

    *options* are the answers given as options, which override *file_answers*.
    A problem is put down to an option only if the options alone have it too.
    """
    from_options = set(_problems(knowledge, options)) if options and file_answers else None
    lines = []
    for p in problems:
        line = None
        if from_options is None or p in from_options:
            line = _option_line(p, options, knowledge)
        if line is None:
            line = (
                f"{p}" if where is None else f"argument --input: in {where}: {_json_words(str(p))}"
            )
        lines.append(line)
    return lines


# --- the commands ---------------------------------------------------------------------------


def _print_json(data: object) -> None:
    import json

    sys.stdout.write(json.dumps(data, indent=2) + "\n")


def _assess(args: argparse.Namespace) -> int:
    knowledge: Knowledge = args.knowledge
    file_answers = {} if args.input is None else read_answers(args.input)
    options = answers_from_options(args)
    try:
        assessment = knowledge.assess({**file_answers, **options})
    except InvalidInput as e:
        where = None if args.input is None else _source(args.input)
        lines = _problem_lines(e.problems, file_answers, options, knowledge, where)
        raise CommandError(*lines) from None
    if args.json:
        _print_json(assessment.to_dict())
    else:
        sys.stdout.write(f"{assessment}\n")
    return 0


def _interview(args: argparse.Namespace) -> int:
    from legcramps._cli_interview import interview

    stdin = sys.stdin
    assessment = interview(args.knowledge, stdin, sys.stdout, echo=not stdin.isatty())
    sys.stdout.write(f"\n{assessment}\n")
    return 0


def _causes(args: argparse.Namespace) -> int:
    knowledge: Knowledge = args.knowledge
    if args.json:
        _print_json(
            [
                {
                    "id": c.id,
                    "name": c.name,
                    "summary": c.summary,
                    "mechanism": c.mechanism,
                    "advice": list(c.advice),
                    "evidence_note": c.evidence_note,
                    "inputs": [f.id for f in knowledge.factors if c.id in f.causes],
                    "sources": [
                        {"id": s.id, "title": s.title, "citation": s.citation} for s in c.sources
                    ],
                }
                for c in knowledge.causes
            ]
        )
        return 0
    blocks = []
    for c in knowledge.causes:
        inputs = ", ".join(f.id for f in knowledge.factors if c.id in f.causes)
        blocks.append(
            f"{c.id}: {c.name}\n  {c.summary}\n  Evidence: {c.evidence_note}\n  Inputs: {inputs}"
        )
    sys.stdout.write("\n\n".join(blocks) + "\n")
    return 0


def _factor_options(factor: RiskFactor) -> str:
    if factor.kind is FactorKind.YES_NO:
        return f"{option_name(factor)} / --no-{factor.id.replace('_', '-')}"
    if factor.kind is FactorKind.NUMBER:
        return f"{option_name(factor)} {_metavar(factor)}"
    if factor.kind is FactorKind.CHOICE:
        return f"{option_name(factor)} {{{','.join(factor.choices)}}}"
    return f"{_singular_option(factor)} NAME (repeatable) / --no-{factor.id.replace('_', '-')}"


def _factors(args: argparse.Namespace) -> int:
    knowledge: Knowledge = args.knowledge
    if args.json:
        _print_json(
            [
                {
                    "id": f.id,
                    "question": f.question,
                    "kind": f.kind.value,
                    "unit": f.unit or None,
                    "minimum": f.minimum,
                    "maximum": f.maximum,
                    "choices": list(f.choices),
                    "causes": list(f.causes),
                    "red_flags": list(f.red_flags),
                    "option": option_name(f),
                }
                for f in knowledge.factors
            ]
        )
        return 0
    blocks = []
    for f in knowledge.factors:
        lines = [f"{f.id} ({f.kind.value}): {f.question}", f"  expects: {expected_text(f)}"]
        if f.causes:
            lines.append(f"  speaks to: {', '.join(f.causes)}")
        if f.red_flags:
            lines.append(f"  red flags: {', '.join(f.red_flags)}")
        lines.append(f"  option: {_factor_options(f)}")
        blocks.append("\n".join(lines))
    sys.stdout.write("\n\n".join(blocks) + "\n")
    return 0


# --- the parser and the program ---------------------------------------------------------------


def _json_option(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument("--json", action="store_true", help=f"print {what} as JSON")


def build_parser(
    knowledge: Knowledge, subcommand_modules: Sequence[str] | None = None
) -> argparse.ArgumentParser:
    """Return the parser of the whole command line, its options made from *knowledge*.

    The namespace it parses holds *knowledge* as ``knowledge``, for the command's
    ``func``. *subcommand_modules* defaults to :data:`SUBCOMMAND_MODULES`.
    """
    import importlib

    parser = _Parser(prog="legcramps", description=_DESCRIPTION, allow_abbrev=False)
    parser.add_argument("--version", action=_VersionAction, knowledge_version=knowledge.version)
    parser.set_defaults(knowledge=knowledge)
    subparsers = parser.add_subparsers(title="commands", dest="command", required=True)

    assess = subparsers.add_parser(
        "assess",
        help="assess the answers given as options or in a JSON file",
        description="Assess the answers given as options, or in a JSON file, and print the\n"
        "report. Information, not a diagnosis.",
        epilog=_ASSESS_EXAMPLE if {f.id for f in knowledge.factors} >= _EXAMPLE_FACTORS else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    assess.add_argument(
        "--input",
        metavar="FILE",
        help='read the answers from FILE, a JSON object such as {"fluid_litres": 0.5}'
        " ('-' for standard input); options given as well override it",
    )
    _json_option(assess, "the assessment (Assessment.to_dict())")
    add_factor_options(assess, knowledge)
    assess.set_defaults(func=_assess)

    interview = subparsers.add_parser(
        "interview",
        help="ask the questions one at a time, then print the report",
        description="Ask the questions one at a time, warning signs first, then print the"
        " report. Answer yes/no, a number (a unit may follow, such as '1.5 l' or '90 min'),"
        " one of the choices, or medication names separated by commas. Type 'skip' or press"
        " Enter if you don't know (kept as unknown), 'done' or end the input to finish.",
        allow_abbrev=False,
    )
    interview.set_defaults(func=_interview)

    causes = subparsers.add_parser(
        "causes",
        help="list the causes assessed",
        description="List the causes assessed, with their evidence and the inputs that speak"
        " to them.",
        allow_abbrev=False,
    )
    _json_option(causes, "the causes")
    causes.set_defaults(func=_causes)

    factors = subparsers.add_parser(
        "factors",
        help="list every input with its question, kind and bounds",
        description="List every input (risk factor) with its question, kind, bounds and"
        " command-line option.",
        allow_abbrev=False,
    )
    _json_option(factors, "the inputs")
    factors.set_defaults(func=_factors)

    for module in SUBCOMMAND_MODULES if subcommand_modules is None else subcommand_modules:
        importlib.import_module(module).add_parser(subparsers)
    return parser


def _setup_streams() -> None:
    """Never fail on text that the terminal's encoding cannot hold, either way."""
    for stream, errors in ((sys.stdin, "replace"), (sys.stdout, "backslashreplace")):
        # Only the process's own streams: a caller's replacement is left as it is.
        if isinstance(stream, io.TextIOWrapper) and stream in (sys.__stdin__, sys.__stdout__):
            stream.reconfigure(errors=errors)


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
        from legcramps._knowledge import KNOWLEDGE

        knowledge = KNOWLEDGE
    _setup_streams()
    parser = build_parser(knowledge)
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:  # argparse's --help, --version and usage errors
        return _exit_status(e.code)
    prog = f"{parser.prog} {args.command}"
    args.knowledge = knowledge  # whatever defaults a subcommand set, it runs on this one
    try:
        status: int | None = args.func(args)
    except SystemExit as e:
        return _exit_status(e.code)
    except CommandError as e:
        sys.stderr.writelines(f"{prog}: error: {line}\n" for line in e.lines)
        return 2
    except InvalidInput as e:
        sys.stderr.writelines(f"{prog}: error: {p}\n" for p in e.problems)
        return 2
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return 130
    except BrokenPipeError:  # the reader went away: exit as a process killed by SIGPIPE would
        _silence_stdout()
        return 141
    return 0 if status is None else status


def _silence_stdout() -> None:
    """After the reader of standard output went away, let the exit flush go nowhere."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # not a real file: nothing to flush at exit
        pass
