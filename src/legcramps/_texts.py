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
# narrative, the Questionnaire's titles and the labels of its options, and an
# OperationOutcome's details. A code's display in a code system
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
# The OperationOutcome of a request the service refuses (its issues' details).
FHIR_EXPECTED = "expected {expected}"
FHIR_MORE_PROBLEMS = "and {more} more problems"
FHIR_NOT_ACCEPTABLE = "the input is not acceptable"

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
    FHIR_EXPECTED,
    FHIR_MORE_PROBLEMS,
    FHIR_NOT_ACCEPTABLE,
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
TRANSLATED_PLACEHOLDERS = frozenset({"unit", "reason"})

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

# --- the command line (legcramps ...) ------------------------------------------------------
# What the command line writes itself: its help, its usage errors and its messages. It
# writes them in English, from these texts, and translates them where it writes them
# (legcramps._cli._io.translate): a text whole, or by the template it was made from, whose
# placeholders in CLI_TRANSLATED are translated in turn (the rest are ids, option names,
# file names, numbers and values, shown as they are).

# argparse's own words: Python's argparse writes them through gettext (see legcramps._cli._parser).
CLI_USAGE = "usage: "
CLI_POSITIONALS = "positional arguments"
CLI_OPTIONS = "options"
CLI_SHOW_HELP = "show this help message and exit"
CLI_ARGUMENT = "argument {argument}: {message}"
CLI_UNRECOGNIZED_ARGUMENTS = "unrecognized arguments: {arguments}"
CLI_NOT_ALLOWED = "not allowed with argument {argument}"
CLI_IGNORED = "ignored explicit argument {given}"
CLI_REQUIRED = "the following arguments are required: {arguments}"
CLI_ONE_REQUIRED = "one of the arguments {arguments} is required"
CLI_EXPECTED_ONE = "expected one argument"
CLI_EXPECTED_AT_MOST_ONE = "expected at most one argument"
CLI_EXPECTED_AT_LEAST_ONE = "expected at least one argument"
CLI_INVALID_VALUE = "invalid {type} value: {given}"
CLI_INVALID_CHOICE = "invalid choice: {given} (choose from {choices})"
ARGPARSE = (
    CLI_USAGE,
    CLI_POSITIONALS,
    CLI_OPTIONS,
    CLI_SHOW_HELP,
    CLI_ARGUMENT,
    CLI_UNRECOGNIZED_ARGUMENTS,
    CLI_NOT_ALLOWED,
    CLI_IGNORED,
    CLI_REQUIRED,
    CLI_ONE_REQUIRED,
    CLI_EXPECTED_ONE,
    CLI_EXPECTED_AT_MOST_ONE,
    CLI_EXPECTED_AT_LEAST_ONE,
    CLI_INVALID_VALUE,
    CLI_INVALID_CHOICE,
)

# The parsers' conventions (legcramps._cli._parser) and the program (legcramps._cli).
CLI_ERROR = "{prog}: error: {message}"
CLI_DID_YOU_MEAN = "{message}; did you mean {close}?"
CLI_NOT_A_COMMAND = "{given} is not a command"
CLI_NOT_A_COMMAND_SEE = "{given} is not a command (see '{prog} help')"
CLI_NOT_A_COMMAND_CLOSE = "{given} is not a command; did you mean {close}? (see '{prog} help')"
CLI_UNRECOGNIZED_OPTION = "unrecognized option {name}"
CLI_UNEXPECTED = "unexpected argument {given}"
CLI_GIVEN_TWICE = (
    "given twice with different values: {first} {before} and {second} {after}; expected one value"
)
CLI_GIVEN_AS_BOTH = "given as both {first} and {second}; expected one of them"
CLI_LANGUAGE_HELP = (
    "the language of the texts: {languages} (default: from LC_ALL, LC_MESSAGES or LANG, else en)"
)
CLI_EXIT_STATUS = "exit status:"
CLI_EXAMPLES = "examples:"
CLI_EXAMPLE = "example:"
CLI_DESCRIPTION = (
    "Which known causes of severe leg cramps likely apply, why, what to do, and when to see"
    " a doctor. Information, not a diagnosis."
)
CLI_SEE_HELP = (
    "Run 'legcramps help COMMAND' (or 'legcramps COMMAND --help') for a command's options,"
    " its exit statuses and examples."
)
CLI_DONE = "done"
CLI_BAD_USAGE = "bad input or usage: the error says which option or file"
CLI_VERSION_HELP = "print the library and knowledge versions and exit"
CLI_VERSION = CDS_SOURCE
CLI_COMMANDS = "commands"
CLI_HELP_HELP = "print the help of the program, or of a command"
CLI_HELP_DESCRIPTION = "Print the help of the program, or of COMMAND (as 'COMMAND --help' does)."
CLI_HELP_PRINTED = "the help was printed"
CLI_NO_SUCH_COMMAND = "no such command"
CLI_TOPIC_HELP = "the command to explain"
CLI_INTERRUPTED = "interrupted"
CLI_CANNOT_WRITE_STDOUT = "cannot write to standard output: {reason}"
# Reading and writing files and the standard streams (legcramps._cli._io).
CLI_STANDARD_INPUT = "standard input"
CLI_CLOSED = "it is closed"
CLI_CANNOT_READ_STDIN = "cannot read standard input: {reason}"
CLI_CANNOT_READ = "cannot read {path}: {reason}"
CLI_CANNOT_WRITE = "cannot write {path}: {reason}"
CLI_STDIN_UNREAD = (
    "standard input holds data, which is not read: to read {what} from it, give '-'"
    " (or '--input -'); to leave it unread, redirect it (< /dev/null)"
)
CLI_THE_ANSWERS = "the answers"
CLI_THE_ROWS = "the rows"
# What a command's exit statuses mean, in its help.
CLI_PRINTED = "the report (or the JSON) was printed"
CLI_NOT_WRITTEN = "the output could not be written (standard output closed, a full disk)"
CLI_CTRL_C = "interrupted (Ctrl-C)"
CLI_READER_GONE = "the reader of the output went away"
# legcramps assess, and the answers of a file (legcramps._cli.assess, _cli._answerfile).
CLI_ASSESS_HELP = "assess the answers given as options or in a JSON file"
CLI_ASSESS_DESCRIPTION = (
    "Assess the answers given as options, or in a JSON file, and print the report."
    " Information, not a diagnosis. Options given as well as a file override its answers."
)
CLI_ASSESS_BAD_INPUT = (
    "bad input: an option or the input file; nothing is printed on standard output"
)
CLI_ANSWERS = "answers"
CLI_ANSWERS_HELP = (
    "Every answer is optional: one left out is unknown, never 'no'. A number may carry its"
    " unit, or another of the same measure, which is converted: {times} for a time,"
    " {volumes} for an amount to drink. A choice is read ignoring case, and its"
    " start is enough ('vig'). 'skip' or 'unknown' leaves an answer unknown."
)
CLI_YES_OR_NO_HELP = "{question} (yes or no)"
CLI_NUMBER_HELP = "{question} ({expected})"
CLI_NUMBER_UNIT_HELP = "{question} ({expected}; or with a unit, such as {units})"
CLI_NAMES_HELP = "{question} Repeat the option for each one, or separate them by commas."
CLI_NO_NAMES_HELP = "takes no medication (known, unlike leaving the option out)"
CLI_RECEIVED = "received {given}; expected {expected}"
CLI_FILE_HELP = (
    "{what}: a JSON object such as {example}, as 'legcramps assess --json' shows under"
    " \"answers\", or 'interview --save' writes ('-' for standard input)"
)
CLI_SAME_AS_FILE = "the same as FILE, by name"
CLI_JSON_HELP = "print the assessment (to_dict()) as JSON"
CLI_FILE_TWICE = "the file is given twice, differently: {file} and --input {input}; expected one"
CLI_KEY_TWICE = "in {source}: the key {key} is given more than once; expected each key once"
CLI_NOT_VALID_JSON = "{source} is not valid JSON: {reason}"
CLI_TOO_DEEP = "nested too deeply"
CLI_HOLDS = (
    "{source} holds a JSON {kind}; expected a JSON object of answers by name, such as {example}"
)
CLI_MORE_PROBLEMS = "in {source}: and {more} more problems"
CLI_IN = "in {source}: {problem}"
CLI_JSON_KINDS = ("boolean", "number", "string", "array", "value")
CLI_JSON_YES_NO = "true, false or null (unknown)"
CLI_JSON_ONE_OF = "one of {choices}, or null (unknown)"
CLI_JSON_NAMES = "an array of medication names (strings), or null (unknown)"
CLI_JSON_NUMBER_OF = "a number of {unit} from {low} to {high}, or null (unknown)"
CLI_JSON_NUMBER_FROM = "a number from {low} to {high}, or null (unknown)"
CLI_NOT_AN_INPUT = "one of the inputs, as 'legcramps factors' lists them"
CLI_EXACT_CHOICE = "did you mean {choice}? In JSON a choice is exact"
CLI_DEEPLY_NESTED = "a deeply nested value"
#: What Python's json says is wrong with a text, as a message of the command line cites it.
CLI_JSON_REASONS = (
    "Expecting value",
    "Expecting ',' delimiter",
    "Expecting ':' delimiter",
    "Expecting property name enclosed in double quotes",
    "Extra data",
    "Unterminated string starting at",
    "Invalid control character at",
    "Invalid \\escape",
    "Invalid \\uXXXX escape",
    "Illegal trailing comma before end of object",
    "Illegal trailing comma before end of array",
)
CLI_JSON_AT = "{reason}: line {line} column {column} (char {char})"
# legcramps interview (legcramps._cli.interview).
CLI_INTERVIEW_HELP = "ask the questions one at a time, then print the report"
CLI_INTERVIEW_DESCRIPTION = (
    "Ask the questions one at a time, warning signs first, then print the"
    " report. Answer yes/no, a number (a unit may follow, such as '1.5 l' or '90 min'),"
    " one of the choices, or medication names separated by commas. Type 'skip' or press"
    " Enter if you don't know (kept as unknown), '?' for help with a question, 'back' to"
    " change the last answer, and 'done' (or end the input) to finish. On a terminal,"
    " the arrow keys edit the line and bring back earlier answers. Ctrl-C offers to save"
    " the answers so far."
)
CLI_INTERVIEW_BAD_INPUT = "bad input: an option or the --input file"
CLI_INTERVIEW_IO = "reading or writing failed: standard input closed, --save or the output"
CLI_INTERVIEW_CTRL_C = "interrupted (Ctrl-C), after offering to save the answers"
CLI_KNOWN_ANSWERS = "answers known already, which are not asked (a null: asked, unknown)"
CLI_SAVE_HELP = (
    "write the answers to FILE as JSON at the end (or on Ctrl-C), for 'assess FILE'"
    " or 'interview --input FILE'"
)
CLI_INTERVIEW_JSON_HELP = (
    "print the assessment (to_dict()) as JSON; the questions go to standard error"
    " unless standard output is a terminal"
)
CLI_NO_STDIN = "cannot read the answers: standard input is closed"
CLI_NO_STDERR = "cannot ask the questions: standard error is closed"
CLI_INPUT_NOT_STDIN = "cannot be standard input, which holds the answers typed"
CLI_CANNOT_SAVE = "cannot write {path}; expected a file in a folder you can write"
# legcramps causes and factors (legcramps._cli.listing).
CLI_LIST_PRINTED = "the list was printed"
CLI_CAUSES_HELP = "list the causes assessed"
CLI_CAUSES_DESCRIPTION = (
    "List the causes assessed, with their evidence and the inputs that speak to them."
)
CLI_CAUSES_JSON = "print the causes as JSON"
CLI_FACTORS_HELP = "list every input with its question, kind and bounds"
CLI_FACTORS_DESCRIPTION = (
    "List every input (risk factor) with its question, kind, bounds and command-line option."
)
CLI_FACTORS_JSON = "print the inputs as JSON"
CLI_EVIDENCE = "Evidence: {note}"
CLI_INPUTS = "Inputs: {inputs}"
CLI_EXPECTS = "expects: {expected}"
CLI_SPEAKS_TO = "speaks to: {causes}"
CLI_RED_FLAGS = "red flags: {flags}"
CLI_OPTION = "option: {options}"
CLI_REPEATABLE = "{option} NAME (repeatable) / {no}"
# legcramps batch (legcramps._cli.batch, _cli._sinks).
CLI_BATCH_HELP = "assess a JSON Lines or CSV file of answers, one result line per row"
CLI_BATCH_DESCRIPTION = (
    "Assess every row of a JSON Lines file (one object of answers per line) or a CSV "
    "file (a header of input names, then one row per person; an empty cell is "
    "unknown). Writes one record per row, in order, with its record and line "
    "numbers: the result, or the problems with the row. Exit status: 0 if every row "
    "was assessed, 1 if some rows had problems (all rows are written), 2 if the run "
    "could not start, 3 if a worker process died, 4 if reading or writing failed, "
    "130 or 143 if interrupted (SIGINT, SIGTERM), 141 if the reader of the output "
    "went away; after 3, 4, 130 and 143 the output is a clean prefix of whole "
    "records."
)
CLI_BATCH_FILE = "the rows to assess ('-' for stdin)"
CLI_SAME_AS_PATH = "the same as PATH, by name"
CLI_OUTPUT_HELP = "where to write results (default: stdout)"
CLI_FORMAT_HELP = "the input format (default: csv for a .csv file, else jsonl)"
CLI_OUTPUT_FORMAT_HELP = (
    "the output format (default: by the --output file's extension, .csv or .parquet;"
    " else jsonl). CSV and Parquet hold the flat layout; Parquet needs pyarrow"
)
CLI_FIELDS_HELP = (
    "the flat columns each record holds, separated by commas: groups (urgency, "
    "red_flags, levels, scores, unanswered, next_question, knowledge_version, "
    "unrecognized_medications) or column names; for JSON Lines, flat records "
    "instead of the full result (default: every column)"
)
CLI_ID_HELP = "a column (or key) that is not an input, such as an id, to copy to each record"
CLI_IGNORE_UNKNOWN_HELP = (
    "leave out columns (and keys) that are not inputs, instead of refusing them"
)
CLI_DELIMITER_HELP = "the CSV delimiter, such as ';' or 'tab' (default: found from the header)"
CLI_WORKERS_HELP = "processes to assess in, 1 to {most} (default: 1)"
CLI_CHUNKSIZE_HELP = "rows read and assessed at a time, 1 to {most} (default: 256)"
CLI_QUIET_HELP = "no progress and no summary on stderr"
CLI_WHOLE_NUMBER = "expected a whole number from 1 to {most}; received {given}"
CLI_ONE_CHARACTER = "expected one character that is not a letter, digit or quote; received {given}"
CLI_ROWS_NEEDED = "the rows to assess are needed: give a file (PATH, or --input PATH), or '-'"
CLI_SAME_FILE = "must not be the --input file"
CLI_HEADER = "cannot read the CSV header: {reason}"
CLI_PARQUET_STDOUT = "parquet needs --output FILE (not standard output)"
CLI_PARQUET_PYARROW = "parquet needs pyarrow: pip install 'legcramps[parquet]'"
CLI_NOT_AN_INPUT_COLUMN = (
    "the column {name} is not an input (use --id {id} to copy it to the output, or"
    " --ignore-unknown to leave it out)"
)
CLI_NOT_AN_INPUT_CLOSE = (
    "the column {name} is not an input (did you mean {close}? use --id {id} to copy it to"
    " the output, or --ignore-unknown to leave it out)"
)
CLI_COLUMN_TWICE = "the column {name} appears more than once"
# The problems of --fields and --id (legcramps._flat.select, legcramps._batch.check_keep).
CLI_A_FIELD = "a group ({groups}) or a column of the flat layout"
CLI_NOT_AN_INPUT_KEPT = "a column that is not an input"
CLI_INPUT_ASSESSED = "an input is assessed, and the result holds its answer"
CLI_RESERVED = "a name no record uses for its own keys"
CLI_EACH_COLUMN_ONCE = "each column once"
CLI_NOT_AN_INPUT_ANY_CASE = "a column that is not an input (in any case)"
CLI_NO_COLUMN = "the CSV header has no column {name}"
CLI_LIST = "{item}; {items}"
CLI_STOPPED = "stopped by {signal}"
CLI_WORKER_DIED = "a worker process died (out of memory?)"
CLI_KEPT = "the output holds the first {rows} records, each whole"
CLI_KEPT_PARQUET = "the Parquet file holds the first {rows} records"
CLI_PROGRESS = "{rows} rows, {problems} with problems, {rate} rows/s"
CLI_PROGRESS_LEFT = "{progress}, {clock} left"
CLI_SUMMARY = "legcramps batch: {rows} rows written, {problems} with problems, in {seconds} s"
CLI_SUMMARY_RATE = (
    "legcramps batch: {rows} rows written, {problems} with problems, in {seconds} s ({rate} rows/s)"
)
# legcramps serve (legcramps._cli.serve).
CLI_SERVE_HELP = "serve legcramps over HTTP: REST, FHIR and CDS Hooks (needs legcramps[service])"
CLI_SERVE_DESCRIPTION = (
    "Serve legcramps over HTTP with uvicorn: POST /assess, the FHIR Questionnaire and"
    " RiskAssessment, CDS Hooks 2.0 services, and an OpenAPI document at"
    " /openapi.json. Nothing is logged that identifies a person unless --access-log"
    " is given."
)
CLI_HOST_HELP = "the address to listen on (default: 127.0.0.1)"
CLI_PORT_HELP = "the port (default: 8000; 0: any free one)"
CLI_BASE_URL_HELP = "the canonical base of the FHIR codes and the form (default: {url})"
CLI_JWT_HELP = "a JSON file of trusted CDS Clients, {issuer: JWK Set}: CDS Hooks calls need a JWT"
CLI_PUBLIC_URL_HELP = (
    "the URL clients reach the service at (a JWT's audience: the endpoint's URL under it)"
)
CLI_MAX_BODY_HELP = "the largest request body taken (default: {most})"
CLI_ACCESS_LOG_HELP = "log every request with the client's address (personal data: off by default)"
CLI_NOT_A_PORT = "{given} is not a port (0 to 65535; 0 picks a free one)"
CLI_SERVICE_EXTRA = (
    "the service needs the 'service' extra ({name} is missing): pip install 'legcramps[service]'"
)
CLI_CANNOT_LISTEN = "cannot listen on {host} port {port}: {reason}"
CLI_LISTENING = "legcramps serve: listening on {url} (Ctrl-C to stop)"
# legcramps completion (legcramps._cli.completion).
CLI_COMPLETION_HELP = "print a shell completion script (bash, zsh or fish)"
CLI_COMPLETION_DESCRIPTION = (
    "Print the script that completes legcramps commands, options, choices and"
    " file names in SHELL. Load it in the shell (the script's first lines say how, for"
    " this shell and for every new one)."
)
CLI_SCRIPT_PRINTED = "the script was printed"
CLI_NO_SUCH_SHELL = "no such shell"
CLI_OUTPUT_FAILED = "the output could not be written"
CLI_SHELL_HELP = "bash, zsh or fish"

#: The placeholders of the command line's templates that hold words, translated in turn;
#: every other placeholder holds an id, an option, a file name, a number or a value.
CLI_TRANSLATED = frozenset(
    {
        "message",
        "problem",
        "question",
        "expected",
        "hint",
        "unit",
        "reason",
        "what",
        "source",
        "kind",
        "item",
        "items",
        "progress",
    }
)

#: The placeholders that hold examples of answers (``'90 min' or '2 h'``), translated by
#: :data:`EXAMPLES`.
CLI_EXAMPLES_IN = frozenset({"units", "times", "volumes"})

#: Every text of the command line, in the order of the sections above.
CLI = (
    *ARGPARSE,
    CLI_ERROR,
    CLI_DID_YOU_MEAN,
    CLI_NOT_A_COMMAND,
    CLI_NOT_A_COMMAND_SEE,
    CLI_NOT_A_COMMAND_CLOSE,
    CLI_UNRECOGNIZED_OPTION,
    CLI_UNEXPECTED,
    CLI_GIVEN_TWICE,
    CLI_GIVEN_AS_BOTH,
    CLI_LANGUAGE_HELP,
    CLI_EXIT_STATUS,
    CLI_EXAMPLES,
    CLI_EXAMPLE,
    CLI_DESCRIPTION,
    CLI_SEE_HELP,
    CLI_DONE,
    CLI_BAD_USAGE,
    CLI_VERSION_HELP,
    CLI_VERSION,
    CLI_COMMANDS,
    CLI_HELP_HELP,
    CLI_HELP_DESCRIPTION,
    CLI_HELP_PRINTED,
    CLI_NO_SUCH_COMMAND,
    CLI_TOPIC_HELP,
    CLI_INTERRUPTED,
    CLI_CANNOT_WRITE_STDOUT,
    CLI_STANDARD_INPUT,
    CLI_CLOSED,
    CLI_CANNOT_READ_STDIN,
    CLI_CANNOT_READ,
    CLI_CANNOT_WRITE,
    CLI_STDIN_UNREAD,
    CLI_THE_ANSWERS,
    CLI_THE_ROWS,
    CLI_PRINTED,
    CLI_NOT_WRITTEN,
    CLI_CTRL_C,
    CLI_READER_GONE,
    CLI_ASSESS_HELP,
    CLI_ASSESS_DESCRIPTION,
    CLI_ASSESS_BAD_INPUT,
    CLI_ANSWERS,
    CLI_ANSWERS_HELP,
    CLI_YES_OR_NO_HELP,
    CLI_NUMBER_HELP,
    CLI_NUMBER_UNIT_HELP,
    CLI_NAMES_HELP,
    CLI_NO_NAMES_HELP,
    CLI_RECEIVED,
    CLI_FILE_HELP,
    CLI_SAME_AS_FILE,
    CLI_JSON_HELP,
    CLI_FILE_TWICE,
    CLI_KEY_TWICE,
    CLI_NOT_VALID_JSON,
    CLI_TOO_DEEP,
    CLI_HOLDS,
    CLI_MORE_PROBLEMS,
    CLI_IN,
    *CLI_JSON_KINDS,
    CLI_JSON_YES_NO,
    CLI_JSON_ONE_OF,
    CLI_JSON_NAMES,
    CLI_JSON_NUMBER_OF,
    CLI_JSON_NUMBER_FROM,
    CLI_NOT_AN_INPUT,
    CLI_EXACT_CHOICE,
    CLI_DEEPLY_NESTED,
    *CLI_JSON_REASONS,
    CLI_JSON_AT,
    CLI_INTERVIEW_HELP,
    CLI_INTERVIEW_DESCRIPTION,
    CLI_INTERVIEW_BAD_INPUT,
    CLI_INTERVIEW_IO,
    CLI_INTERVIEW_CTRL_C,
    CLI_KNOWN_ANSWERS,
    CLI_SAVE_HELP,
    CLI_INTERVIEW_JSON_HELP,
    CLI_NO_STDIN,
    CLI_NO_STDERR,
    CLI_INPUT_NOT_STDIN,
    CLI_CANNOT_SAVE,
    CLI_LIST_PRINTED,
    CLI_CAUSES_HELP,
    CLI_CAUSES_DESCRIPTION,
    CLI_CAUSES_JSON,
    CLI_FACTORS_HELP,
    CLI_FACTORS_DESCRIPTION,
    CLI_FACTORS_JSON,
    CLI_EVIDENCE,
    CLI_INPUTS,
    CLI_EXPECTS,
    CLI_SPEAKS_TO,
    CLI_RED_FLAGS,
    CLI_OPTION,
    CLI_REPEATABLE,
    CLI_BATCH_HELP,
    CLI_BATCH_DESCRIPTION,
    CLI_BATCH_FILE,
    CLI_SAME_AS_PATH,
    CLI_OUTPUT_HELP,
    CLI_FORMAT_HELP,
    CLI_OUTPUT_FORMAT_HELP,
    CLI_FIELDS_HELP,
    CLI_ID_HELP,
    CLI_IGNORE_UNKNOWN_HELP,
    CLI_DELIMITER_HELP,
    CLI_WORKERS_HELP,
    CLI_CHUNKSIZE_HELP,
    CLI_QUIET_HELP,
    CLI_WHOLE_NUMBER,
    CLI_ONE_CHARACTER,
    CLI_ROWS_NEEDED,
    CLI_SAME_FILE,
    CLI_HEADER,
    CLI_PARQUET_STDOUT,
    CLI_PARQUET_PYARROW,
    CLI_NOT_AN_INPUT_COLUMN,
    CLI_NOT_AN_INPUT_CLOSE,
    CLI_COLUMN_TWICE,
    CLI_A_FIELD,
    CLI_NOT_AN_INPUT_KEPT,
    CLI_INPUT_ASSESSED,
    CLI_RESERVED,
    CLI_EACH_COLUMN_ONCE,
    CLI_NOT_AN_INPUT_ANY_CASE,
    CLI_NO_COLUMN,
    CLI_LIST,
    CLI_STOPPED,
    CLI_WORKER_DIED,
    CLI_KEPT,
    CLI_KEPT_PARQUET,
    CLI_PROGRESS,
    CLI_PROGRESS_LEFT,
    CLI_SUMMARY,
    CLI_SUMMARY_RATE,
    CLI_SERVE_HELP,
    CLI_SERVE_DESCRIPTION,
    CLI_HOST_HELP,
    CLI_PORT_HELP,
    CLI_BASE_URL_HELP,
    CLI_JWT_HELP,
    CLI_PUBLIC_URL_HELP,
    CLI_MAX_BODY_HELP,
    CLI_ACCESS_LOG_HELP,
    CLI_NOT_A_PORT,
    CLI_SERVICE_EXTRA,
    CLI_CANNOT_LISTEN,
    CLI_LISTENING,
    CLI_COMPLETION_HELP,
    CLI_COMPLETION_DESCRIPTION,
    CLI_SCRIPT_PRINTED,
    CLI_NO_SUCH_SHELL,
    CLI_OUTPUT_FAILED,
    CLI_SHELL_HELP,
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
    ("cli", CLI),
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
        "cli",
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
