"""``legcramps interview``: ask the next questions one at a time, then print the report.

The questions come in the order of the assessment's ``next_questions`` (warning
signs first; a follow-up only when it applies; the medications before "a new
one?"). Each answer is read by :meth:`~legcramps.Knowledge.parse_answer`. At
any question, ``?`` explains it, ``back`` changes the last answer, ``skip``
leaves it unknown and ``done`` ends the interview. Works on any pair of text
streams (:class:`~legcramps._cli._talk.Talk`), so a terminal, a pipe and a test
drive it alike.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from legcramps import _texts
from legcramps._cli._answerfile import read_answers, validated, write_answers
from legcramps._cli._io import (
    BROKEN_PIPE,
    INTERRUPTED,
    IO_FAILED,
    USAGE,
    CommandError,
    print_json,
    print_report,
    source_name,
    stdout,
)
from legcramps._cli._parser import Once, add_language, chosen_language, epilog
from legcramps._cli._talk import Talk, TerminalTalk
from legcramps._cli.assess import add_input, input_path
from legcramps._errors import InvalidInput
from legcramps._model import AnswerValue, FactorKind, Urgency
from legcramps._parse import accepted_text, close_choice, expected_text, hint_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping
    from typing import TextIO

    from legcramps._knowledge import Knowledge
    from legcramps._model import RiskFactor
    from legcramps._result import Assessment

INTRODUCTION = (
    _texts.INTRO_SKIP,
    _texts.INTRO_UNKNOWN,
    _texts.INTRO_COMMANDS,
    _texts.INTRO_UNWELL,
)
#: How many answers to one question that cannot be used before it is left unknown.
TRIES = 3
_STOP = frozenset({"done", "quit", "stop", "exit", "fin", "terminar", "salir"})
_HELP = frozenset({"?", "help", "ayuda"})
_BACK = frozenset({"back", "undo", "atrás", "atras", "deshacer"})
#: The words of another language read as the English that parse_answer reads, by language.
_WORDS = {
    "es": {
        "sí": "yes",
        "si": "yes",
        "s": "yes",
        "no": "no",
        "no sé": "skip",
        "no se": "skip",
        "no lo sé": "skip",
        "no lo se": "skip",
        "saltar": "skip",
        "omitir": "skip",
        "ninguno": "none",
        "ninguna": "none",
    }
}
#: The exit statuses of ``interview``, for its help.
STATUSES = (
    (0, _texts.CLI_PRINTED),
    (USAGE, _texts.CLI_INTERVIEW_BAD_INPUT),
    (IO_FAILED, _texts.CLI_INTERVIEW_IO),
    (INTERRUPTED, _texts.CLI_INTERVIEW_CTRL_C),
    (BROKEN_PIPE, _texts.CLI_READER_GONE),
)
_EXAMPLES = (
    "legcramps interview",
    "legcramps interview --input case.json --save case.json",
    "legcramps interview --json > result.json",
)


class _End(Exception):
    """The person ended the interview (end of input, or 'done')."""


class _Back(Exception):
    """The person asked to change the last answer."""


class Interview:
    """One interview: the answers so far, what was left unknown, and the order they came in.

    *answers* and *unknown* (inputs already asked and left unknown) may come
    from a file; ``back`` goes back only over the answers given here.
    """

    def __init__(
        self,
        knowledge: Knowledge,
        talk: Talk,
        *,
        answers: Mapping[str, AnswerValue] | None = None,
        unknown: Iterable[str] = (),
        language: str = "en",
    ) -> None:
        from legcramps._catalog import catalog

        self.knowledge = knowledge
        self.language = language
        self.catalog = catalog(language)
        self.talk = talk
        self.answers: dict[str, AnswerValue] = dict(answers or {})
        self.unknown: set[str] = set(unknown) - set(self.answers)
        self.history: list[str] = []

    def saved(self) -> dict[str, AnswerValue | None]:
        """Return the answers to save: each one given, then ``None`` for each left unknown."""
        return {**self.answers, **dict.fromkeys(sorted(self.unknown))}

    def run(self) -> Assessment:
        """Ask the questions until none is left, the person stops, or it is an emergency."""
        talk = self.talk
        text = self.catalog.text
        talk.say("".join(talk.wrap(text(line)) for line in INTRODUCTION) + "\n")
        assessment = self.knowledge.assess(self.answers)
        again: str | None = None
        while assessment.urgency is not Urgency.EMERGENCY:
            pending = [f for f in assessment.next_questions if f.id not in self.unknown]
            if not pending:
                break
            factor = next((f for f in pending if f.id == again), pending[0])
            try:
                value = self._ask(factor)
            except _End:
                talk.say(text(_texts.END_OF_INPUT) + "\n")
                break
            except _Back:
                again = self._back()
                assessment = self.knowledge.assess(self.answers)
                continue
            self.history.append(factor.id)
            if value is None:
                self.unknown.add(factor.id)
                continue
            self.answers[factor.id] = value
            before = assessment.red_flags
            assessment = self.knowledge.assess(self.answers)
            # Say so at once when an answer raises a warning sign, not only in the report.
            for flag in assessment.red_flags:
                if flag not in before:
                    name, advice = text(flag.name), text(flag.advice)
                    talk.say(talk.wrap(text(_texts.WARNING_SIGN, name=name, advice=advice), "  "))
        else:
            talk.say(text(_texts.EMERGENCY_STOP) + "\n")
        return assessment

    def _back(self) -> str | None:
        """Forget the last answer given here; return its input, to ask again."""
        if not self.history:
            self.talk.say(f"  {self.catalog.text(_texts.NO_BACK)}\n")
            return None
        last = self.history.pop()
        self.answers.pop(last, None)
        self.unknown.discard(last)
        return last

    def _ask(self, factor: RiskFactor) -> AnswerValue | None:
        """Ask *factor* until the answer can be used; return it, or ``None`` if unknown.

        :raises _End: when the person stops. :raises _Back: on 'back'.
        """
        talk = self.talk
        text = self.catalog.text
        talk.say(talk.wrap(text(factor.question)))
        prompt = f"[{hint_text(factor, text)}] > "
        tries = 0
        while True:
            try:
                reply = talk.ask(prompt)
            except EOFError:
                raise _End from None
            words = reply.strip().casefold()
            if words in _STOP:
                raise _End
            if words in _BACK:
                raise _Back
            if words in _HELP:
                talk.say(self._explain(factor))
                continue
            try:
                return self.knowledge.parse_answer(factor.id, self._read(factor, words, reply))
            except InvalidInput:  # said below, in this language's words
                pass
            tries += 1
            shown = repr(reply.strip())
            if tries == TRIES:
                talk.say(talk.wrap(text(_texts.GIVE_UP, shown=shown), "  "))
                return None
            hint = self._hint(factor, words)
            # What the factor takes, in this language's words (its choices too).
            expected = expected_text(factor, text)
            said = text(_texts.TRY_AGAIN, shown=shown, expected=expected, hint=hint)
            talk.say(talk.wrap(said, "  ") + f"  {text(_texts.PLEASE_RETRY)}\n")

    def _hint(self, factor: RiskFactor, words: str) -> str:
        """Return " (did you mean ...?)" for a misspelt choice, in this language, or ''.

        The answer is compared with the choices as this language shows them (only a
        choice has answers close to others).
        """
        hint = close_choice(factor, words, self.catalog.text)
        return f" ({self.catalog.translate(hint)})" if hint else ""

    def _read(self, factor: RiskFactor, words: str, reply: str) -> str:
        """Return the text for ``parse_answer`` that *reply* (case-folded: *words*) gives.

        A word of this language becomes its English; a choice, or the start of one, as
        this language shows it becomes the choice's id. Anything else stays as typed.
        """
        if factor.kind is FactorKind.CHOICE and words and self.language != "en":
            text = self.catalog.text
            shown = [c for c in factor.choices if text(c).casefold().startswith(words)]
            exact = [c for c in shown if text(c).casefold() == words]
            if exact or len(shown) == 1:
                return (exact or shown)[0]
        return _WORDS.get(self.language, {}).get(words, reply)

    def _explain(self, factor: RiskFactor) -> str:
        """Return what ``?`` shows: the question's help, and the answers it takes."""
        text = self.catalog.text
        parts = [text(factor.help)] if factor.help else []
        parts += [accepted_text(factor, text), text(_texts.COMMANDS)]
        return "".join(self.talk.wrap(part, "  ") for part in parts)


def interview(
    knowledge: Knowledge,
    stdin: TextIO,
    stdout: TextIO,
    *,
    echo: bool = False,
    width: int = 80,
) -> Assessment:
    r"""Ask the person *knowledge*'s next questions one at a time; return the assessment.

    Red-flag questions come first (the order of ``next_questions``). An invalid
    answer is asked again with the reason, up to :data:`TRIES` times, and then
    left unknown; a skipped one stays unknown and is not asked again (a skipped
    screening question is followed by its members). The interview ends when no
    question is left, at end of input or on "done", and at once when a red flag
    calls for emergency help. An answer that raises a warning sign is followed
    at once by its advice. With *echo*, each answer read is written after its
    question. Questions and notes are wrapped to *width* columns.

    >>> import io, legcramps
    >>> out = io.StringIO()
    >>> a = interview(legcramps.KNOWLEDGE, io.StringIO("no\nskip\nmaybe\nyes\n"), out)
    >>> a.answers["emergency_signs"], a.answers["leg_swelling"]
    (False, True)
    >>> "leg_signs" in a.answers, a.urgency.value
    (False, 'urgent')
    """
    talk = Talk(stdin, stdout, echo=echo, width=width)
    return Interview(knowledge, talk).run()


# --- the command ----------------------------------------------------------------------------


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``interview`` to *subparsers*."""
    parser = subparsers.add_parser(
        "interview",
        help=_texts.CLI_INTERVIEW_HELP,
        description=_texts.CLI_INTERVIEW_DESCRIPTION,
        epilog=epilog(STATUSES, _EXAMPLES),
    )
    add_input(parser, _texts.CLI_KNOWN_ANSWERS)
    parser.add_argument(
        "-s",
        "--save",
        action=Once,
        metavar="FILE",
        help=_texts.CLI_SAVE_HELP,
    )
    parser.add_argument(
        "-j",
        "--json",
        action="store_true",
        help=_texts.CLI_INTERVIEW_JSON_HELP,
    )
    add_language(parser)
    parser.set_defaults(func=run)


def _talk(args: argparse.Namespace) -> Talk:
    """Return where to talk: the terminal with line editing, or the streams as they are.

    The questions go to standard output when it is a terminal, or when the
    answers are piped in (a transcript), unless ``--json`` needs it for itself;
    otherwise to standard error, so that standard output holds only the result.
    """
    stdin = sys.stdin
    if stdin is None:
        msg = _texts.CLI_NO_STDIN
        raise CommandError(msg, status=IO_FAILED)
    person = stdin.isatty()
    out = sys.stdout
    on_terminal = out is not None and out.isatty()
    if on_terminal or not (person or args.json):
        out = stdout()
        if person and on_terminal:
            return TerminalTalk(stdin, out)
        return Talk(stdin, out, echo=not person)
    if sys.stderr is None:
        msg = _texts.CLI_NO_STDERR
        raise CommandError(msg, status=IO_FAILED)
    return Talk(stdin, sys.stderr, echo=not person)


def _known(args: argparse.Namespace, path: str | None) -> tuple[dict[str, AnswerValue], set[str]]:
    """Return the answers in the ``--input`` file, and the inputs it leaves unknown (null)."""
    if path is None:
        return {}, set()
    if path == "-":
        msg = _texts.CLI_ARGUMENT.format(argument="--input", message=_texts.CLI_INPUT_NOT_STDIN)
        raise CommandError(msg)
    raw = read_answers(path)
    answers = validated(args.knowledge, raw, path)
    return answers, {k for k, v in raw.items() if v is None}


def _check_save(path: str | None) -> None:
    """Refuse a ``--save`` file that cannot be written, before the first question."""
    import os

    if path is None:
        return
    folder = os.path.dirname(os.path.abspath(path))  # noqa: PTH100, PTH120 - a str path
    named = path != "-" and "\0" not in path and not os.path.isdir(path)  # noqa: PTH112
    if not (named and os.access(folder, os.W_OK)):
        cannot = _texts.CLI_CANNOT_SAVE.format(path=repr(path))
        msg = _texts.CLI_ARGUMENT.format(argument="--save", message=cannot)
        raise CommandError(msg)


def run(args: argparse.Namespace) -> int:
    """Run ``legcramps interview`` with the parsed *args*; return the exit status."""
    path = input_path(args)
    answers, unknown = _known(args, path)
    _check_save(args.save)
    talk = _talk(args)
    language = chosen_language(args)
    session = Interview(args.knowledge, talk, answers=answers, unknown=unknown, language=language)
    text = session.catalog.text
    if path is not None:
        count = len(answers) + len(session.unknown)
        talk.say(text(_texts.READ_ANSWERS, count=count, source=source_name(path)) + "\n")
    try:
        assessment = session.run()
    except KeyboardInterrupt:
        return _interrupted(session, args.save)
    if args.save is not None:
        write_answers(args.save, session.saved())
        talk.say(text(_texts.SAVED, path=repr(args.save)) + "\n")
    if args.json:
        print_json(assessment.to_dict(language=language))
    else:
        if talk.stdout is sys.stdout:  # after the questions, a blank line
            talk.say("\n")
        print_report(assessment, language)
    return 0


def _interrupted(session: Interview, path: str | None) -> int:
    """After Ctrl-C: offer to save the answers so far; return the exit status."""
    import shlex

    talk = session.talk
    text = session.catalog.text
    talk.say("\n")
    saved = session.saved()
    if not saved:
        talk.say(text(_texts.NOTHING_TO_SAVE) + "\n")
        return INTERRUPTED
    count = text(_texts.ONE_SO_FAR) if len(saved) == 1 else text(_texts.SO_FAR, count=len(saved))
    try:
        if talk.interactive and path is not None:
            reply = talk.ask(text(_texts.SAVE_TO, count=count, path=repr(path)))
            words = reply.strip().casefold()
            yes = words in {"", "y", "yes"} or _WORDS.get(session.language, {}).get(words) == "yes"
            path = path if yes else None
        elif talk.interactive:
            reply = talk.ask(text(_texts.SAVE_AS, count=count))
            path = reply.strip() or None
    except (EOFError, KeyboardInterrupt):
        path = None
        talk.say("\n")
    if path is None:
        talk.say(text(_texts.NOT_SAVED) + "\n")
        return INTERRUPTED
    write_answers(path, saved)
    quoted = shlex.quote(path)
    command = f"legcramps interview --input {quoted} --save {quoted}"
    talk.say(text(_texts.SAVED_GO_ON, path=repr(path), command=command) + "\n")
    return INTERRUPTED
