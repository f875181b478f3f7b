"""The English texts the library writes itself, and every text a person reads, by where it is.

A knowledge holds most of the texts (questions, advice, red flags); the library adds
the report's labels, the words of its error messages and the urgencies' headlines.
The English texts are the keys of every translation (:mod:`legcramps._catalog`), so
this module lists them all, in the order a reviewer reads them: :func:`texts_of`.

A text with ``{name}`` placeholders is a template, filled in with :meth:`str.format`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from legcramps._model import Urgency

if TYPE_CHECKING:
    from legcramps._model import KnowledgeFields

# --- the report -----------------------------------------------------------------------------

TITLE = "Leg cramp assessment (knowledge {version})"
URGENCY = "Urgency: {headline}"
FIRST = "Do this first:"
WARNING_SIGNS = "Warning signs:"
FLAG = "{name}: {why} {advice} ({time_frame})"
RISK_FACTORS = "Risk factors in your answers: {factors}."
CAUSES = "Causes:"
LIKELY = "{cause}: likely (score {score})"
POSSIBLE = "{cause}: possible (score {score})"
POSSIBLE_SO_FAR = "{cause}: possible so far (score {score}; {open} unanswered)"
UNLIKELY = "{cause}: unlikely (score {score})"
UNLIKELY_SO_FAR = "{cause}: unlikely so far ({open} unanswered)"
UNKNOWN = "{cause}: unknown (not asked yet)"
ADVICE = "Advice:"
UNRECOGNISED = "Medications not recognised: {names}"
STILL_TO_ASK = "Still to ask:"
CHECK_NOW = "Check this now, as it could make this an emergency:"
OPEN_LATER = "Questions still open: {count}. Get help first; answer them later."

REPORT = (
    TITLE,
    URGENCY,
    FIRST,
    WARNING_SIGNS,
    FLAG,
    RISK_FACTORS,
    CAUSES,
    LIKELY,
    POSSIBLE,
    POSSIBLE_SO_FAR,
    UNLIKELY,
    UNLIKELY_SO_FAR,
    UNKNOWN,
    ADVICE,
    UNRECOGNISED,
    STILL_TO_ASK,
    CHECK_NOW,
    OPEN_LATER,
)

# --- error messages -------------------------------------------------------------------------
# The message of an InvalidInput, and the words of its problems. The engine writes a
# problem's "expected" and "hint" from these forms (see legcramps._answers and
# RiskFactor.expected); a form that is not here stays in English.

ONE_PROBLEM = "1 problem with {what}:"
PROBLEMS = "{count} problems with {what}:"
THE_INPUT = "the input"
THE_KNOWLEDGE = "the knowledge"
PROBLEM = "{input}: received {received}; expected {expected}"
WITH_HINT = "{problem} ({hint})"
MORE = "and {more} more"

MESSAGE = (ONE_PROBLEM, PROBLEMS, THE_INPUT, THE_KNOWLEDGE, PROBLEM, WITH_HINT, MORE)

#: The forms of a problem's *expected* and *hint*: texts, or templates whose ``{unit}``
#: is translated too and whose other placeholders (ids, numbers, Python values) are not.
EXPECTED = (
    "True, False or None (unknown)",
    "True or False",
    "one of {choices}, or None (unknown)",
    "a number of {unit} from {low} to {high}, or None (unknown)",
    "a number from {low} to {high}, or None (unknown)",
    "a list of medication names (strings), or None (unknown)",
    "a list of medication names (strings), or None (unknown) in an order (not a set)",
    "a list of medication names (strings), or None (unknown) that can be read",
    "a medication name (a non-empty string)",
    "a medication name (a string)",
    "a mapping of answers by name (such as a dict)",
    "a mapping of answers by name (such as a dict), or None",
    "a mapping whose items can be read",
    "an input name (a string)",
    "each input given once",
    "the same value in both, or only one",
    "one of the inputs in legcramps.RISK_FACTORS",
    "a legcramps.Knowledge, or None for the built-in one",
    "a whole number of at least {minimum}, or None (no wrapping)",
    "a locale or an Accept-Language value (a string), or None",
    "one of {ids}, or a legcramps.Catalog",
    "one of {ids}",
    "did you mean {name}? legcramps.choose_language() reads tags like this one",
    "did you mean {name}?",
)

#: The forms of a problem's *received* that hold words: the rest is a value as given.
RECEIVED = (
    "{value} and {other} as a keyword",
    "{value} and {other} in the mapping",
    "{value} in the mapping and {other} as a keyword",
    "an integer of about {digits} digits ({type})",
    "an object of type {type} that cannot be shown",
)

#: The placeholders of :data:`EXPECTED` and :data:`RECEIVED` whose values are texts to
#: translate in turn; every other placeholder holds a value shown as it is.
TRANSLATED_PLACEHOLDERS = frozenset({"unit"})

# --- where each text is ---------------------------------------------------------------------

#: The library's own texts, by kind. A part of legcramps that writes texts of its own (a
#: view, the command line) names them here, so that every catalog must translate them.
LIBRARY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("report", REPORT),
    ("message", MESSAGE + EXPECTED + RECEIVED),
)

#: The kinds of text that may tell someone how soon to get help: a translation of one must
#: use the words of urgency that its English uses, no more and no fewer.
URGENCY_KINDS = frozenset(
    {"headline", "time_frame", "name", "why", "advice", "risk_factor", "knowledge", "report"}
)

#: The ideas of urgency, and the English words for each. A translation names the words of
#: its language for each idea (:attr:`legcramps.Catalog.words`).
URGENCY_WORDS = {
    "emergency": re.compile(r"\bemergenc", re.IGNORECASE),
    "urgent": re.compile(r"\burgent", re.IGNORECASE),
    "today": re.compile(r"\btoday\b|\bsame day\b", re.IGNORECASE),
    "now": re.compile(r"\bnow\b", re.IGNORECASE),
    "right away": re.compile(r"\bright away\b|\bimmediately\b|\bat once\b", re.IGNORECASE),
}


def texts_of(knowledge: KnowledgeFields) -> tuple[tuple[str, str, str], ...]:
    """Return every text a person reads, as ``(where, kind, text)``, in reading order.

    *where* names the text's place (``causes.overuse.name``); *kind* what it is
    (``question``, ``advice``, ``report``...). A text used in several places is listed
    at each.

    >>> import legcramps
    >>> texts_of(legcramps.KNOWLEDGE)[0]
    ('urgency.emergency.headline', 'headline', 'EMERGENCY: get emergency help now.')
    """
    found: list[tuple[str, str, str]] = []
    for u in sorted(Urgency, reverse=True):
        found.append((f"urgency.{u.value}.headline", "headline", u.headline))
        found.append((f"urgency.{u.value}.time_frame", "time_frame", u.time_frame))
    found += [(f"knowledge.{name}", "knowledge", text) for name, text in _advice(knowledge)]
    found += [
        (f"knowledge.advice_rules[{n}].advice", "advice", rule.advice)
        for n, rule in enumerate(knowledge.advice_rules)
    ]
    found += _red_flags(knowledge) + _causes(knowledge) + _factors(knowledge)
    for kind, texts in LIBRARY:
        found += [(f"{kind}[{n}]", kind, text) for n, text in enumerate(texts)]
    return tuple(found)


def _red_flags(knowledge: KnowledgeFields) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for flag in knowledge.red_flags:
        at = f"red_flags.{flag.id}"
        found += [(f"{at}.name", "name", flag.name), (f"{at}.why", "why", flag.why)]
        found.append((f"{at}.advice", "advice", flag.advice))
        if flag.time_frame:
            found.append((f"{at}.time_frame", "time_frame", flag.time_frame))
        found += [
            (f"{at}.risk_factors[{n}]", "risk_factor", note.text)
            for n, note in enumerate(flag.risk_factors)
        ]
    return found


def _causes(knowledge: KnowledgeFields) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for cause in knowledge.causes:
        at = f"causes.{cause.id}"
        found += [(f"{at}.name", "cause", cause.name), (f"{at}.summary", "cause", cause.summary)]
        found.append((f"{at}.mechanism", "cause", cause.mechanism))
        found += [(f"{at}.advice[{n}]", "advice", a) for n, a in enumerate(cause.advice)]
        found.append((f"{at}.evidence_note", "cause", cause.evidence_note))
        for n, sign in enumerate(cause.signs):
            found.append((f"{at}.signs[{n}].reason", "reason", sign.reason))
            if sign.advice:
                found.append((f"{at}.signs[{n}].advice", "advice", sign.advice))
    return found


def _factors(knowledge: KnowledgeFields) -> list[tuple[str, str, str]]:
    found: list[tuple[str, str, str]] = []
    for factor in knowledge.factors:
        at = f"factors.{factor.id}"
        found.append((f"{at}.question", "question", factor.question))
        if factor.help:
            found.append((f"{at}.help", "help", factor.help))
        if factor.unit:
            found.append((f"{at}.unit", "unit", factor.unit))
        found += [(f"{at}.choices[{n}]", "choice", c) for n, c in enumerate(factor.choices)]
    return found


def _advice(knowledge: KnowledgeFields) -> tuple[tuple[str, str], ...]:
    """Return the knowledge's own texts of advice, and its disclaimer, by field name."""
    return (
        ("disclaimer", knowledge.disclaimer),
        ("no_obvious_cause_advice", knowledge.no_obvious_cause_advice),
        ("unanswered_red_flags_advice", knowledge.unanswered_red_flags_advice),
        ("self_care_advice", knowledge.self_care_advice),
        ("undetermined_advice", knowledge.undetermined_advice),
        ("unrecognized_medications_advice", knowledge.unrecognized_medications_advice),
        ("worsening_advice", knowledge.worsening_advice),
    )
