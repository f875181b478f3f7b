"""``legcramps assess``: the answers given as options or in a JSON file, assessed.

The options are generated from the knowledge's risk factors, so a new factor
appears without an edit here. Their values are text, read by
:meth:`~legcramps.Knowledge.parse_answer` as a person types them (``2h``,
``500 ml``, ``Vigorous``); a JSON file holds values, checked as ``assess()``
checks them. A problem is reported against the option or the file it came
from, in the words of that source.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from legcramps import _texts
from legcramps._cli._answerfile import EXAMPLE, read_answers, validated
from legcramps._cli._io import (
    BROKEN_PIPE,
    INTERRUPTED,
    IO_FAILED,
    USAGE,
    CommandError,
    check_stdin_unused,
    print_json,
    print_report,
)
from legcramps._cli._parser import Once, YesNo, add_language, chosen_language, epilog
from legcramps._errors import InvalidInput
from legcramps._model import FactorKind, RiskFactor
from legcramps._parse import expected_text, unit_examples

if TYPE_CHECKING:
    from legcramps._knowledge import Knowledge
    from legcramps._model import AnswerValue

# The namespace attributes holding answers get this prefix, so that a factor's id
# can never clash with the command line's own attributes such as ``json``.
_ANSWER = "answer:"

_EXAMPLES = (
    "legcramps assess --exercise-minutes 2h --fluid-litres 500ml --hot-weather",
    "legcramps assess case.json --json",
    "legcramps assess --medication 'Lasix 40 mg' --medication aspirin --no-leg-signs",
)
_EXAMPLE_FACTORS = frozenset(
    {"exercise_minutes", "fluid_litres", "hot_weather", "medications", "leg_signs"}
)
#: The exit statuses of ``assess``, for its help.
STATUSES = (
    (0, _texts.CLI_PRINTED),
    (USAGE, _texts.CLI_ASSESS_BAD_INPUT),
    (IO_FAILED, _texts.CLI_NOT_WRITTEN),
    (INTERRUPTED, _texts.CLI_CTRL_C),
    (BROKEN_PIPE, _texts.CLI_READER_GONE),
)

_ANSWERS_HELP = _texts.CLI_ANSWERS_HELP.format(
    times=_texts.EXAMPLES.format(first="'2h'", second="'90 min'"),
    volumes=_texts.EXAMPLES.format(first="'500 ml'", second="'1.5 l'"),
)


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


def _number_help(factor: RiskFactor) -> str:
    units = unit_examples(factor)
    values = {"question": factor.question, "expected": expected_text(factor), "units": units}
    form = _texts.CLI_NUMBER_UNIT_HELP if units else _texts.CLI_NUMBER_HELP
    return _escape(form.format(**values))


def add_factor_options(parser: argparse.ArgumentParser, knowledge: Knowledge) -> None:
    """Add one option per risk factor of *knowledge* to *parser*.

    An option left out leaves its answer unknown (absent from the namespace).
    """
    group = parser.add_argument_group(_texts.CLI_ANSWERS, _ANSWERS_HELP)
    for factor in knowledge.factors:
        dest = _ANSWER + factor.id
        question = _escape(factor.question)
        kind = factor.kind
        if kind is FactorKind.YES_NO:
            group.add_argument(
                option_name(factor),
                dest=dest,
                action=YesNo,
                default=argparse.SUPPRESS,
                help=_texts.CLI_YES_OR_NO_HELP.format(question=question),
            )
        elif kind is FactorKind.NUMBER:
            group.add_argument(
                option_name(factor),
                dest=dest,
                action=Once,
                default=argparse.SUPPRESS,
                metavar=metavar(factor),
                help=_number_help(factor),
            )
        elif kind is FactorKind.CHOICE:
            group.add_argument(
                option_name(factor),
                dest=dest,
                action=Once,
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
                help=_texts.CLI_NAMES_HELP.format(question=question),
            )
            exclusive.add_argument(
                "--no-" + option_name(factor).removeprefix("--"),
                dest=dest,
                action="store_const",
                const=[],
                default=argparse.SUPPRESS,
                help=_texts.CLI_NO_NAMES_HELP,
            )


def answers_from_options(
    args: argparse.Namespace, knowledge: Knowledge
) -> tuple[dict[str, AnswerValue], list[str]]:
    """Return the answers given as options in *args*, by factor id, each text read.

    Also returns a line for each option whose text cannot be read (none: all good).
    """
    answers: dict[str, AnswerValue] = {}
    lines: list[str] = []
    for name, given in vars(args).items():
        if not name.startswith(_ANSWER):
            continue
        factor = knowledge.factor(name.removeprefix(_ANSWER))
        if isinstance(given, bool):
            answers[factor.id] = given
        elif isinstance(given, list):  # medication names, one option each, or --no-...
            names: list[str] = []
            known = not given
            for text in given:
                value = _read(knowledge, factor, singular_option(factor), text, lines)
                if isinstance(value, tuple):
                    names += value
                    known = True
            if known:
                answers[factor.id] = tuple(names)
        else:
            value = _read(knowledge, factor, option_name(factor), given, lines)
            if value is not None:
                answers[factor.id] = value
    return answers, lines


def _read(
    knowledge: Knowledge, factor: RiskFactor, option: str, text: str, lines: list[str]
) -> AnswerValue | None:
    """Return the answer the option's *text* gives, or add a line saying why there is none."""
    try:
        return knowledge.parse_answer(factor.id, text)
    except InvalidInput as e:
        (problem,) = e.problems
        received = _texts.CLI_RECEIVED.format(given=repr(text), expected=problem.expected)
        if problem.hint.startswith("did you mean"):
            received = f"{received}; {problem.hint}"
        lines.append(_texts.CLI_ARGUMENT.format(argument=option, message=received))
        return None


# --- the command ----------------------------------------------------------------------------


def add_input(parser: argparse.ArgumentParser, what: str) -> None:
    """Add the file of answers, given by position (``FILE``) or as ``-i/--input FILE``."""
    parser.add_argument(
        "file",
        nargs="?",
        action=Once,
        metavar="FILE",
        help=_texts.CLI_FILE_HELP.format(what=what, example=EXAMPLE),
    )
    parser.add_argument("-i", "--input", action=Once, metavar="FILE", help=_texts.CLI_SAME_AS_FILE)


def input_path(args: argparse.Namespace) -> str | None:
    """Return the file of answers given by position or by ``--input`` (at most one of them).

    :raises CommandError: if both name files, different ones.
    """
    if args.file is not None and args.input is not None and args.file != args.input:
        msg = _texts.CLI_FILE_TWICE.format(file=repr(args.file), input=repr(args.input))
        raise CommandError(msg)
    path: str | None = args.input if args.input is not None else args.file
    return path


def add_parser(subparsers: argparse._SubParsersAction[Any], knowledge: Knowledge) -> None:
    """Add ``assess`` to *subparsers*, its options made from *knowledge*."""
    ids = {f.id for f in knowledge.factors}
    examples = _EXAMPLES if ids >= _EXAMPLE_FACTORS else ("legcramps assess case.json",)
    assess = subparsers.add_parser(
        "assess",
        help=_texts.CLI_ASSESS_HELP,
        description=_texts.CLI_ASSESS_DESCRIPTION,
        epilog=epilog(STATUSES, examples),
    )
    add_input(assess, _texts.CLI_THE_ANSWERS)
    assess.add_argument("-j", "--json", action="store_true", help=_texts.CLI_JSON_HELP)
    add_language(assess)
    add_factor_options(assess, knowledge)
    assess.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``legcramps assess`` with the parsed *args*; return the exit status."""
    knowledge: Knowledge = args.knowledge
    language = chosen_language(args)
    path = input_path(args)
    if path is None:
        check_stdin_unused(_texts.CLI_THE_ANSWERS)
        file_answers: dict[str, Any] = {}
    else:
        file_answers = read_answers(path)
    options, lines = answers_from_options(args, knowledge)
    if path is not None:
        try:  # the file's answers that no option replaces
            validated(knowledge, {k: v for k, v in file_answers.items() if k not in options}, path)
        except CommandError as e:
            lines = [*e.lines, *lines]
    if lines:
        raise CommandError(*lines)
    assessment = knowledge.assess({**file_answers, **options})
    if args.json:
        print_json(assessment.to_dict(language=language))
    else:
        print_report(assessment, language)
    return 0
