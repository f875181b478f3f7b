"""``legcramps interview``: ask the next questions one at a time, then print the report.

Works on any pair of text streams, so a terminal, a pipe and a test drive it alike.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from legcramps._errors import InvalidInput
from legcramps._model import AnswerValue, Urgency
from legcramps._parse import NotUnderstood, expected_text, hint_text, is_skip, parse_answer

if TYPE_CHECKING:
    from typing import TextIO

    from legcramps._knowledge import Knowledge
    from legcramps._model import RiskFactor
    from legcramps._result import Assessment

INTRODUCTION = (
    "Answer each question, or type 'skip' (or just press Enter) if you don't know.\n"
    "An answer you skip stays unknown; it is never taken as 'no'.\n"
    "If you feel very unwell, stop here and get medical help now.\n"
)
_STOP = frozenset({"done", "quit", "stop", "exit"})
_END_OF_INPUT = "No more answers: the questions left stay unknown."
_EMERGENCY_STOP = "This needs emergency help now, so the questions stop here."


class _EndOfInput(Exception):
    """The person ended the interview (end of input, or 'done')."""


def _read(stdin: TextIO, stdout: TextIO, prompt: str, *, echo: bool) -> str:
    stdout.write(prompt)
    stdout.flush()
    line = stdin.readline()
    if not line:
        if echo:
            stdout.write("\n")
        raise _EndOfInput
    text = line.rstrip("\r\n")
    if echo:
        stdout.write(text + "\n")
    if text.strip().casefold() in _STOP:
        raise _EndOfInput
    return text


def _ask(
    knowledge: Knowledge,
    factor: RiskFactor,
    io: tuple[TextIO, TextIO],
    *,
    echo: bool,
) -> AnswerValue | None:
    """Ask *factor* until the answer is valid; return it, or ``None`` if skipped."""
    stdin, stdout = io
    prompt = f"{factor.question} [{hint_text(factor)}] "
    while True:
        text = _read(stdin, stdout, prompt, echo=echo)
        if is_skip(text):
            return None
        try:
            value = parse_answer(text, factor)
            knowledge.validate({factor.id: value})
        except NotUnderstood as e:
            reason = str(e)
        except InvalidInput as e:
            reason = "; ".join(
                expected_text(factor) if p.input == factor.id else p.expected for p in e.problems
            )
        else:
            return value
        stdout.write(f"  Sorry, {text.strip()!r} is not an answer I can use: expected {reason}.\n")
        stdout.write("  Please try again, or type 'skip'.\n")


def interview(
    knowledge: Knowledge, stdin: TextIO, stdout: TextIO, *, echo: bool = False
) -> Assessment:
    r"""Ask the person *knowledge*'s next questions one at a time; return the assessment.

    Red-flag questions come first (the order of ``next_questions``). An invalid
    answer is asked again with the reason; a skipped one stays unknown and is
    not asked again (a skipped screening question is followed by its members).
    The interview ends when no question is left, at end of input or on "done",
    and at once when a red flag calls for emergency help.
    An answer that raises a warning sign is followed at once by its advice.
    With *echo*, each answer read is written after its question, so that a
    transcript of piped input reads like a conversation.

    >>> import io, legcramps
    >>> out = io.StringIO()
    >>> a = interview(legcramps.KNOWLEDGE, io.StringIO("no\nskip\nmaybe\nyes\n"), out)
    >>> a.answers["emergency_signs"], a.answers["leg_swelling"]
    (False, True)
    >>> "leg_signs" in a.answers, a.urgency.value
    (False, 'urgent')
    """
    stdout.write(INTRODUCTION + "\n")
    answers: dict[str, AnswerValue] = {}
    skipped: set[str] = set()
    assessment = knowledge.assess(answers)
    while assessment.urgency is not Urgency.EMERGENCY:
        pending = [f for f in assessment.next_questions if f.id not in skipped]
        if not pending:
            break
        factor = pending[0]
        try:
            value = _ask(knowledge, factor, (stdin, stdout), echo=echo)
        except _EndOfInput:
            stdout.write(_END_OF_INPUT + "\n")
            break
        if value is None:
            skipped.add(factor.id)
            continue
        answers[factor.id] = value
        before = assessment.red_flags
        assessment = knowledge.assess(answers)
        # Say so at once when an answer raises a warning sign, not only in the final report.
        stdout.writelines(
            f"  Warning sign: {flag.name}. {flag.advice}\n"
            for flag in assessment.red_flags
            if flag not in before
        )
    else:
        stdout.write(_EMERGENCY_STOP + "\n")
    return assessment


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``interview`` to *subparsers*."""
    interview = subparsers.add_parser(
        "interview",
        help="ask the questions one at a time, then print the report",
        description="Ask the questions one at a time, warning signs first, then print the"
        " report. Answer yes/no, a number (a unit may follow, such as '1.5 l' or '90 min'),"
        " one of the choices, or medication names separated by commas. Type 'skip' or press"
        " Enter if you don't know (kept as unknown), 'done' or end the input to finish.",
        allow_abbrev=False,
    )
    interview.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run ``legcramps interview`` with the parsed *args*; return the exit status."""
    stdin = sys.stdin
    assessment = interview(args.knowledge, stdin, sys.stdout, echo=not stdin.isatty())
    sys.stdout.write(f"\n{assessment}\n")
    return 0
