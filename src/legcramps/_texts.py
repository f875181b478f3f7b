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

# --- the FHIR resources ---------------------------------------------------------------------
# What legcramps.fhir writes itself: the RiskAssessment's notes, rationales, risk texts and
# narrative, and the Questionnaire's titles and the labels of its options (an
# OperationOutcome, for developers, is English for now). A code's display in a code system
# stays in that system's language (see docs/fhir.rst); these are the texts a person reads.

#: The RiskAssessment's note on the urgency, by urgency.
FHIR_URGENCY_NOTES = {
    Urgency.EMERGENCY: "Urgency: emergency. Get emergency help now.",
    Urgency.URGENT: "Urgency: urgent. Get medical advice today, the same day.",
    Urgency.SEE_DOCTOR: "Urgency: see a doctor.",
    Urgency.SELF_CARE: "Urgency: self-care, with the advice given.",
    Urgency.UNDETERMINED: (
        "Urgency: undetermined. Not enough is known yet; this is not a self-care result."
    ),
}
#: An urgency in a few words, as the rationale of a red flag and the narrative name it.
FHIR_URGENCY_WORDS = {
    Urgency.EMERGENCY: "emergency",
    Urgency.URGENT: "urgent",
    Urgency.SEE_DOCTOR: "see a doctor",
    Urgency.SELF_CARE: "self-care",
    Urgency.UNDETERMINED: "undetermined",
}
FHIR_MAY_RISE = "A question still open could raise it to {urgency}."
FHIR_NOT_ASSESSED = (
    "Not assessed, because no question about them was answered (not a prediction): {causes}."
)
FHIR_WARNING_SIGN = "Warning sign ({urgency}): {name}."
FHIR_WARNING_SIGN_UNNAMED = "Warning sign ({urgency})."
FHIR_WHEN = "When: {time_frame}."
FHIR_RISK_FACTORS = "Risk factors in the answers: {factors}."
FHIR_NO_EVIDENCE = "No answer so far points at this cause."
FHIR_NOT_YET_ANSWERED = "Not yet answered: {inputs}."
#: A cause's level as the text of its qualitativeRisk (legcramps' own score shown).
FHIR_RISK_LIKELY = "likely (legcramps score {score})"
FHIR_RISK_POSSIBLE = "possible (legcramps score {score})"
FHIR_RISK_UNLIKELY = "unlikely (legcramps score {score})"
#: The displays of legcramps' own level codes, by code.
FHIR_LEVEL_DISPLAYS = {
    "likely": "Likely",
    "possible": "Possible",
    "unlikely": "Unlikely",
    "unlikely-so-far": "Unlikely so far",
}
FHIR_RISK_SO_FAR = (
    "unlikely so far (legcramps score {score}; {open} of {inputs} questions unanswered):"
    " not a low likelihood"
)
#: A cause's level in the narrative.
FHIR_LIKELY = "likely"
FHIR_POSSIBLE = "possible"
FHIR_UNLIKELY = "unlikely"
FHIR_SO_FAR = "unlikely so far"
FHIR_NOT_ASSESSED_WORDS = "not assessed (no question about it was answered)"
FHIR_CODE = "Risk assessment: causes of severe leg cramps"
FHIR_METHOD = "legcramps knowledge {version}"
FHIR_METHOD_DISPLAY = "legcramps assessment of the causes of severe leg cramps"
FHIR_DEVICE = "Software"
FHIR_SOFTWARE_VERSION = "software"
FHIR_KNOWLEDGE_VERSION = "knowledge"
# The Questionnaire.
FHIR_TITLE = "Severe leg cramps: causes and warning signs"
FHIR_DESCRIPTION = (
    "The questions of legcramps knowledge {version}. Every question is optional: one left"
    ' blank, or answered "don\'t know", is unknown, which is never the same as no.'
    " Information, not a diagnosis."
)
FHIR_UNVERSIONED = "unversioned"
FHIR_MEMBERS = "Each of these, one by one"
FHIR_OTHERS = "The cramps, and what came before them"
FHIR_YES = "Yes"
FHIR_NO = "No"
FHIR_DONT_KNOW = "Don't know"
FHIR_YES_NO_TITLE = "Yes/No/Don't Know"
FHIR_NO_MEDICATIONS = "None: no medications"
FHIR_MEDICATIONS_TITLE = "Medications legcramps recognises, by WHO ATC code"

FHIR = (
    *FHIR_URGENCY_NOTES.values(),
    *FHIR_URGENCY_WORDS.values(),
    FHIR_MAY_RISE,
    FHIR_NOT_ASSESSED,
    FHIR_WARNING_SIGN,
    FHIR_WARNING_SIGN_UNNAMED,
    FHIR_WHEN,
    FHIR_RISK_FACTORS,
    FHIR_NO_EVIDENCE,
    FHIR_NOT_YET_ANSWERED,
    FHIR_RISK_LIKELY,
    FHIR_RISK_POSSIBLE,
    FHIR_RISK_UNLIKELY,
    *FHIR_LEVEL_DISPLAYS.values(),
    FHIR_RISK_SO_FAR,
    WARNING_SIGNS,
    CAUSES,
    FHIR_LIKELY,
    FHIR_POSSIBLE,
    FHIR_UNLIKELY,
    FHIR_SO_FAR,
    FHIR_NOT_ASSESSED_WORDS,
    ADVICE,
    FHIR_CODE,
    FHIR_METHOD,
    FHIR_METHOD_DISPLAY,
    FHIR_DEVICE,
    FHIR_SOFTWARE_VERSION,
    FHIR_KNOWLEDGE_VERSION,
    FHIR_TITLE,
    FHIR_DESCRIPTION,
    FHIR_UNVERSIONED,
    FHIR_MEMBERS,
    FHIR_OTHERS,
    FHIR_YES,
    FHIR_NO,
    FHIR_DONT_KNOW,
    FHIR_YES_NO_TITLE,
    FHIR_NO_MEDICATIONS,
    FHIR_MEDICATIONS_TITLE,
)


# --- the service's CDS Hooks cards ----------------------------------------------------------
# What the cards of legcramps serve say to a clinician (see legcramps._service.cds); the
# report's labels, the urgencies' headlines and the knowledge's texts are reused.

CDS_SUMMARY = "Leg cramps: {headline}"
CDS_SUMMARY_FLAG = "Leg cramps: {headline} Warning sign: {name}."
CDS_CAUSES = "Causes the answers point at:"
CDS_SAVE = "Save the leg cramp risk assessment to the record"
CDS_CREATE = "Create the RiskAssessment of the patient's answers."
CDS_SOURCE = "legcramps {version} (knowledge {knowledge})"
CDS_ORDER_SUMMARY = "{medication} ({drug_class}) can cause leg cramps, which this patient reported."
CDS_ORDER_DETAIL = (
    "The medication ordered, {medication}, is a {drug_class}; the legcramps knowledge lists"
    " {drug_class}s among the medications linked to severe leg cramps, and the patient"
    " reported such cramps ({reported}). Consider this when choosing or reviewing the order."
    " This is information, not a recommendation to change the order: a prescribed medicine"
    " is changed only by its prescriber."
)
CDS_ANSWERED = "answered the legcramps questionnaire"
CDS_ON_RECORD = "a leg cramp condition is on the record"
#: The classes of medication an order-select card may name, as it names them.
CDS_DRUG_CLASSES = (
    "loop diuretic",
    "thiazide diuretic",
    "thiazide-like diuretic",
    "potassium-sparing diuretic",
    "long-acting beta-agonist",
    "statin",
)

CDS = (
    CDS_SUMMARY,
    CDS_SUMMARY_FLAG,
    WARNING_SIGNS,
    FLAG,
    CDS_CAUSES,
    ADVICE,
    CDS_SAVE,
    CDS_CREATE,
    CDS_SOURCE,
    CDS_ORDER_SUMMARY,
    CDS_ORDER_DETAIL,
    CDS_ANSWERED,
    CDS_ON_RECORD,
    *CDS_DRUG_CLASSES,
)


def group_title(screen_id: str) -> str:
    """Return the title of the Questionnaire's group of a screening question, from its id.

    >>> group_title("clot_risks")
    'Clot risks'
    """
    return screen_id.replace("_", " ").capitalize()


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

# The problems legcramps batch finds with a line itself, before its answers are read.
ONE_OBJECT = "one JSON object of answers per line"
ONE_OBJECT_UTF8 = "one JSON object of answers per line, in UTF-8"
ONE_OBJECT_ONCE = "one JSON object of answers per line, each key once"
KEPT_VALUE = "a string, a finite number, true, false or null (kept by --id)"
CELLS_EXPECTED = "{count} cells, one per column of the header"
CSV_RECORD = "a CSV record"
AT_MOST_BYTES = "a record of at most {count} bytes"
NOT_JSON = "not JSON"
NOT_JSON_BECAUSE = "not JSON: {reason}"
KEY_TWICE = "the key {key} appears more than once"
READ_APART = "the lines after it are read as records of their own"
QUOTE_OPEN = "a quoted cell is not closed"
EMPTY_LINE = "an empty line"
NOT_UTF8 = "bytes that are not UTF-8"
REJECTED = "a record the CSV reader rejects"
ONE_CELL = "1 cell"
CELLS = "{count} cells"
MORE_BYTES = "a record of more than {count} bytes"
OPEN_QUOTE = 'a " that opens a quoted cell no later line closes'

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
    # What a text answer must be (legcramps._parse), as an error and the interview say it.
    "yes or no",
    "a number of {unit} from {low} to {high}",
    "a number from {low} to {high}",
    "medication names separated by commas, or 'none'",
    ONE_OBJECT,
    ONE_OBJECT_UTF8,
    ONE_OBJECT_ONCE,
    KEPT_VALUE,
    CELLS_EXPECTED,
    CSV_RECORD,
    AT_MOST_BYTES,
    NOT_JSON,
    NOT_JSON_BECAUSE,
    KEY_TWICE,
    READ_APART,
    QUOTE_OPEN,
)
#: The forms of :data:`EXPECTED` that say what a text answer must be, by kind of answer.
YES_OR_NO = "yes or no"
ONE_OF = "one of {ids}"
NUMBER_OF = "a number of {unit} from {low} to {high}"
NUMBER_FROM = "a number from {low} to {high}"
MEDICATION_NAMES = "medication names separated by commas, or 'none'"

#: The forms of a problem's *received* that hold words: the rest is a value as given.
RECEIVED = (
    "{value} and {other} as a keyword",
    "{value} and {other} in the mapping",
    "{value} in the mapping and {other} as a keyword",
    "an integer of about {digits} digits ({type})",
    "an object of type {type} that cannot be shown",
    EMPTY_LINE,
    NOT_UTF8,
    REJECTED,
    ONE_CELL,
    CELLS,
    MORE_BYTES,
    OPEN_QUOTE,
)

#: The placeholders of :data:`EXPECTED` and :data:`RECEIVED` whose values are texts to
#: translate in turn; every other placeholder holds a value shown as it is.
TRANSLATED_PLACEHOLDERS = frozenset({"unit"})

# --- the interview (legcramps interview) ----------------------------------------------------

INTRO_SKIP = "Answer each question, or type 'skip' (or just press Enter) if you don't know."
INTRO_UNKNOWN = "An answer you skip stays unknown; it is never taken as 'no'."
INTRO_COMMANDS = "Type '?' for help, 'back' to change your last answer, 'done' to stop."
INTRO_UNWELL = "If you feel very unwell, stop here and get medical help now."
END_OF_INPUT = "No more answers: the questions left stay unknown."
EMERGENCY_STOP = "This needs emergency help now, so the questions stop here."
COMMANDS = (
    "Or type 'skip' (or press Enter) if you don't know, 'back' to change the last answer,"
    " or 'done' to stop here."
)
WARNING_SIGN = "Warning sign: {name}. {advice}"
NO_BACK = "There is no answer to go back to."
GIVE_UP = (
    "Sorry, {shown} is not an answer I can use either. Moving on: this question stays"
    " unknown ('back' asks it again)."
)
TRY_AGAIN = "Sorry, {shown} is not an answer I can use: expected {expected}{hint}."
PLEASE_RETRY = "Please try again, type '?' for help, or 'skip'."
YES_NO = "yes/no"
# The reminder after a question of the answers it takes, and what '?' says of them.
NAMES_OR_NONE = "names separated by commas, or none"
RANGE = "{low} to {high}"
A_NUMBER = "a number"
ANSWER = "Answer {expected}."
ANSWER_CHOICE = "Answer {expected} (in any case; the start of one is enough)."
ANSWER_UNIT = "Answer {expected}; a unit may follow, such as {units}."
EXAMPLES = "{first} or {second}"
# Answers read from a file, and saving them.
READ_ANSWERS = "Read {count} answers from {source}."
SAVED = "The answers are saved in {path}."
SAVED_GO_ON = "The answers are saved in {path}. To go on later: {command}"
NOT_SAVED = "The answers were not saved."
NOTHING_TO_SAVE = "Interrupted, before any answer: there is nothing to save."
ONE_SO_FAR = "1 answer so far"
SO_FAR = "{count} answers so far"
SAVE_TO = "Interrupted. Save the {count} to {path}? [Y/n] "
SAVE_AS = "Interrupted. Save the {count}? File name (Enter: no): "

INTERVIEW = (
    INTRO_SKIP,
    INTRO_UNKNOWN,
    INTRO_COMMANDS,
    INTRO_UNWELL,
    END_OF_INPUT,
    EMERGENCY_STOP,
    COMMANDS,
    WARNING_SIGN,
    NO_BACK,
    GIVE_UP,
    TRY_AGAIN,
    PLEASE_RETRY,
    YES_NO,
    NAMES_OR_NONE,
    RANGE,
    A_NUMBER,
    ANSWER,
    ANSWER_CHOICE,
    ANSWER_UNIT,
    EXAMPLES,
    READ_ANSWERS,
    SAVED,
    SAVED_GO_ON,
    NOT_SAVED,
    NOTHING_TO_SAVE,
    ONE_SO_FAR,
    SO_FAR,
    SAVE_TO,
    SAVE_AS,
)

# --- where each text is ---------------------------------------------------------------------

#: The library's own texts, by kind. A part of legcramps that writes texts of its own (a
#: view, the command line) names them here, so that every catalog must translate them.
LIBRARY: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("report", REPORT),
    ("fhir", FHIR),
    ("cds", CDS),
    ("message", MESSAGE + EXPECTED + RECEIVED),
    ("interview", INTERVIEW),
)

#: The kinds of text that may tell someone how soon to get help: a translation of one must
#: use the words of urgency that its English uses, no more and no fewer.
URGENCY_KINDS = frozenset(
    {
        "headline",
        "time_frame",
        "name",
        "why",
        "advice",
        "risk_factor",
        "knowledge",
        "report",
        "fhir",
        "cds",
        "interview",
    }
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
    found += [
        (f"factors.{f.id}.group", "fhir", group_title(f.id)) for f in knowledge.factors if f.members
    ]
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
