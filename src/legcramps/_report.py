"""The plain-text report of an assessment, for a person to read: see :meth:`Assessment.report`.

A view of a result: it reads the result's values and writes text, in the language
of a :class:`~legcramps.Catalog`, wrapped to a width. It never prints.
"""

from __future__ import annotations

import textwrap

from legcramps import _texts
from legcramps._catalog import Catalog, resolve
from legcramps._errors import InvalidInput, Problems, describe
from legcramps._model import Level, Urgency
from legcramps._result import Assessment, Finding

#: The narrowest width a report is wrapped to: a word or two a line is no longer readable.
MIN_WIDTH = 20

_BOLD, _PLAIN = "\x1b[1m", "\x1b[0m"
#: The urgencies at which the report says what to do first and leaves the questions for later.
_PRESSING = (Urgency.EMERGENCY, Urgency.URGENT)

#: A line of the report: the indent of its first line, of the lines it wraps to, and its text.
_Line = tuple[str, str, str]


def report(
    assessment: Assessment,
    *,
    language: str | Catalog = "en",
    width: int | None = 80,
    emphasis: bool = False,
) -> str:
    """Return the plain-text report of *assessment*; see :meth:`Assessment.report`."""
    problems = Problems()
    if not (width is None or (type(width) is int and width >= MIN_WIDTH)):
        expected = f"a whole number of at least {MIN_WIDTH}, or None (no wrapping)"
        problems.add("width", describe(width), expected)
    if type(emphasis) is not bool:
        problems.add("emphasis", describe(emphasis), "True or False")
    try:
        catalog = resolve(language)
    except InvalidInput as e:
        problems.extend(e.problems)
    if problems:
        raise problems.error()
    lines = _lines(assessment, catalog)
    bold = emphasis and assessment.urgency is Urgency.EMERGENCY
    shown: list[str] = []
    for n, (first, rest, text) in enumerate(lines):
        wrapped = _wrap(first, rest, text, width)
        if bold and n == 1:  # the urgency line
            wrapped = [f"{_BOLD}{line}{_PLAIN}" for line in wrapped]
        shown += wrapped
    return "\n".join(shown)


def _wrap(first: str, rest: str, text: str, width: int | None) -> list[str]:
    """Return *text* as lines of at most *width* characters, never splitting a word."""
    if not text:
        return [""]
    if width is None:
        return [first + text]
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _lines(a: Assessment, catalog: Catalog) -> list[_Line]:
    """Return the report's lines, before wrapping, in *catalog*'s language."""
    t = catalog.text
    lines: list[_Line] = [
        ("", "", t(_texts.TITLE, version=a.knowledge_version)),
        ("", "  ", t(_texts.URGENCY, headline=t(a.urgency.headline))),
    ]
    pressing = a.urgency in _PRESSING
    first: dict[str, None] = {}  # what to do first, in order, once each
    if pressing:
        lines.append(("", "", t(_texts.FIRST)))
        first = dict.fromkeys(r.advice for r in a.red_flags if r.urgency is a.urgency)
        if not first:  # raised by a sign, not a flag: the urgency's own time frame
            first = {a.urgency.time_frame: None}
        lines += [("  - ", "    ", t(advice)) for advice in first]
    if a.red_flags:
        lines.append(("", "", t(_texts.WARNING_SIGNS)))
        for r in a.red_flags:
            flag = t(
                _texts.FLAG,
                name=t(r.name),
                why=t(r.why),
                advice=t(r.advice),
                time_frame=t(r.time_frame),
            )
            lines.append(("  - ", "    ", flag))
            if r.risk_factors:
                factors = "; ".join(t(f) for f in r.risk_factors)
                lines.append(("    ", "    ", t(_texts.RISK_FACTORS, factors=factors)))
    lines.append(("", "", t(_texts.CAUSES)))
    for f in a.findings:
        lines.append(("  - ", "    ", _finding(f, catalog)))
        lines += [("      - ", "        ", t(e.reason)) for e in f.evidence]
    advice = [text for text in a.advice if text not in first]  # not said twice
    if advice:
        lines.append(("", "", t(_texts.ADVICE)))
        lines += [("  - ", "    ", t(text)) for text in advice]
    if a.unrecognized_medications:
        names = ", ".join(map(_shown, a.unrecognized_medications))
        lines.append(("", "  ", t(_texts.UNRECOGNISED, names=names)))
    lines += _questions(a, catalog, pressing=pressing)
    lines += [("", "", ""), ("", "", t(a.disclaimer))]
    return lines


def _shown(name: str) -> str:
    """Return *name*, as given by a person, safe to print: quoted if it holds control characters.

    A terminal would act on an escape sequence or a line break in a name.
    """
    return name if name.isprintable() else repr(name)


def _finding(f: Finding, catalog: Catalog) -> str:
    """Return the line that says how likely the cause of *f* is, and how sure that is."""
    t = catalog.text
    cause, score, unanswered = t(f.cause.name), f.score, len(f.unanswered)
    if f.level is Level.UNKNOWN:
        return t(_texts.UNKNOWN, cause=cause)
    if f.level is Level.LIKELY:
        return t(_texts.LIKELY, cause=cause, score=score)
    if f.level is Level.POSSIBLE:
        if unanswered:
            return t(_texts.POSSIBLE_SO_FAR, cause=cause, score=score, open=unanswered)
        return t(_texts.POSSIBLE, cause=cause, score=score)
    if unanswered:
        return t(_texts.UNLIKELY_SO_FAR, cause=cause, open=unanswered)
    return t(_texts.UNLIKELY, cause=cause, score=score)


def _questions(a: Assessment, catalog: Catalog, *, pressing: bool) -> list[_Line]:
    """Return the lines on the questions still to ask.

    A screening question stands for its signs, which are not listed with it. When the
    result is pressing, help comes first: the questions are counted, not listed, but
    for the one that could still make an urgent result an emergency.
    """
    t = catalog.text
    questions = a.next_questions
    if not questions:
        return []
    if not pressing:
        # A screening question still to ask stands for its signs: list it, not them.
        listed = {q.id for q in questions}
        screened = {m for q in questions if q.id in listed for m in q.members}
        return [("", "", t(_texts.STILL_TO_ASK))] + [
            ("  - ", "    ", t(q.question)) for q in questions if q.id not in screened
        ]
    lines: list[_Line] = []
    if a.may_rise_to is Urgency.EMERGENCY:
        lines += [("", "", t(_texts.CHECK_NOW)), ("  - ", "    ", t(questions[0].question))]
        questions = questions[1:]
    if questions:
        lines.append(("", "", t(_texts.OPEN_LATER, count=len(questions))))
    return lines
