"""``legcramps assess``: the answers given as options or in a JSON file, assessed.

The options are generated from the knowledge's risk factors, so a new factor
appears without an edit here. A problem is reported against the option or the
file it came from, in the words of that source.
"""

from __future__ import annotations

import argparse
import functools
import re
import sys
from typing import TYPE_CHECKING, Any

from legcramps._cli._io import (
    CommandError,
    DuplicateKey,
    object_without_duplicates,
    print_json,
    read_text,
    source_name,
)
from legcramps._errors import InvalidInput, Problem
from legcramps._model import FactorKind, RiskFactor
from legcramps._parse import NotUnderstood, expected_text, parse_choice, parse_number

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from legcramps._knowledge import Knowledge

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


# --- the options generated from the factors -------------------------------------------


def option_name(factor: RiskFactor) -> str:
    """Return the command-line option of *factor*.

    >>> import legcramps
    >>> option_name(legcramps.KNOWLEDGE.factor("fluid_litres"))
    '--fluid-litres'
    """
    return "--" + factor.id.replace("_", "-")


def singular_option(factor: RiskFactor) -> str:
    return option_name(factor).removesuffix("s")


def metavar(factor: RiskFactor) -> str:
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
                metavar=metavar(factor),
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
            names = dict.fromkeys((singular_option(factor), option_name(factor)))
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


def read_answers(path: str) -> dict[str, Any]:
    """Return the answers in the JSON object in the file *path* (``-``: standard input).

    :raises CommandError: if the file cannot be read, holds no JSON object, or
        gives a key twice (at any depth).
    """
    import json

    text = read_text(path, "--input")
    where = source_name(path)
    try:
        data = json.loads(text, object_pairs_hook=object_without_duplicates)
    except DuplicateKey as e:
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
    """Return the problems :meth:`~legcramps.Knowledge.validate` finds with *answers*."""
    try:
        knowledge.validate(answers)
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
    option = singular_option(knowledge.factor(item["name"]))
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


# --- the command ----------------------------------------------------------------------------


def add_parser(subparsers: argparse._SubParsersAction[Any], knowledge: Knowledge) -> None:
    """Add ``assess`` to *subparsers*, its options made from *knowledge*."""
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
    assess.add_argument(
        "--json", action="store_true", help="print the assessment (Assessment.to_dict()) as JSON"
    )
    add_factor_options(assess, knowledge)
    assess.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``legcramps assess`` with the parsed *args*; return the exit status."""
    knowledge: Knowledge = args.knowledge
    file_answers = {} if args.input is None else read_answers(args.input)
    options = answers_from_options(args)
    try:
        assessment = knowledge.assess({**file_answers, **options})
    except InvalidInput as e:
        where = None if args.input is None else source_name(args.input)
        lines = _problem_lines(e.problems, file_answers, options, knowledge, where)
        raise CommandError(*lines) from None
    if args.json:
        print_json(assessment.to_dict())
    else:
        sys.stdout.write(f"{assessment}\n")
    return 0
