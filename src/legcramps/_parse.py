"""Read what a person types as the answer to a risk factor, by the factor's kind.

Used by the command line, its interview, and ``legcramps batch`` for CSV cells. It
turns text into the Python type the factor takes (a bool, a number, a choice, a
tuple of names) and leaves range checks to :meth:`~legcramps.Knowledge.validate`,
the one place that checks answers.
"""

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

from legcramps._errors import Problems, describe

# At run time too, so that typing.get_type_hints(parse_cells) resolves.
from legcramps._knowledge import Knowledge, checked_knowledge
from legcramps._model import AnswerValue, FactorKind, RiskFactor
from legcramps._public import publish

__all__ = [
    "NotUnderstood",
    "expected_text",
    "hint_text",
    "is_skip",
    "parse_answer",
    "parse_cells",
    "parse_choice",
    "parse_number",
    "read_cell",
    "read_cells",
]


class NotUnderstood(ValueError):
    """Text that cannot be read as an answer; the message says what was expected."""


#: Answers that leave a question unanswered (unknown, which is never "no").
_SKIP = frozenset(
    {
        "",
        "?",
        "skip",
        "pass",
        "unknown",
        "not sure",
        "unsure",
        "idk",
        "don't know",
        "dont know",
        "do not know",
        "i don't know",
        "i dont know",
        "i do not know",
    }
)
# 1 and 0 as well, as survey data read by ``legcramps batch`` writes yes and no.
_YES = frozenset({"y", "yes", "yeah", "yep", "true", "1"})
_NO = frozenset({"n", "no", "nope", "false", "0"})
_NO_MEDICATIONS = frozenset({"none", "no", "nothing", "no medications", "no medication"})

# The separators of a medication list. The look-behind makes a run of white space a match
# only from its start, so that a long run is tried once, not once per space (quadratic).
_MEDICATION_SEPARATOR = re.compile(r"[,;]|(?<!\s)\s+and\s+")

# A number, then optionally a unit word: "90", "1.5 l", "2h", "500 ml", "nan".
_NUMBER = re.compile(
    r"([-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[-+]?\d+)?|[-+]?(?:nan|inf(?:inity)?))\s*([^\W\d_]+)?\.?",
    re.IGNORECASE,
)
_INTEGER = re.compile(r"[-+]?\d+")

# Units people type, by what they measure and their size in that measure's first unit.
# A factor whose unit is one of these accepts all of its measure's units and converts.
_UNITS = MappingProxyType(
    {
        "m": ("time", 1),
        "min": ("time", 1),
        "mins": ("time", 1),
        "minute": ("time", 1),
        "minutes": ("time", 1),
        "h": ("time", 60),
        "hr": ("time", 60),
        "hrs": ("time", 60),
        "hour": ("time", 60),
        "hours": ("time", 60),
        "l": ("volume", 1),
        "ltr": ("volume", 1),
        "litre": ("volume", 1),
        "litres": ("volume", 1),
        "liter": ("volume", 1),
        "liters": ("volume", 1),
        "ml": ("volume", 0.001),
        "millilitre": ("volume", 0.001),
        "millilitres": ("volume", 0.001),
        "milliliter": ("volume", 0.001),
        "milliliters": ("volume", 0.001),
    }
)


def _words(text: str) -> str:
    """Return *text* case-folded, single-spaced, with typographic apostrophes made plain."""
    return " ".join(text.replace("\u2019", "'").casefold().split()).rstrip(".!")


def is_skip(text: str) -> bool:
    """Return whether *text* leaves the question unanswered ("skip", "don't know", nothing).

    >>> is_skip("  Don't know "), is_skip(""), is_skip("no")
    (True, True, False)
    """
    return _words(text) in _SKIP


def expected_text(factor: RiskFactor) -> str:
    """Describe the answers *factor* takes, for a command line (where unknown is left out).

    >>> import legcramps
    >>> expected_text(legcramps.KNOWLEDGE.factor("fluid_litres"))
    'a number of litres from 0 to 20'
    >>> expected_text(legcramps.KNOWLEDGE.factor("hot_weather"))
    'yes or no'
    """
    if factor.kind is FactorKind.YES_NO:
        return "yes or no"
    return factor.expected.removesuffix(", or None (unknown)")


def hint_text(factor: RiskFactor) -> str:
    """Return a short reminder of the answers *factor* takes, to show after its question.

    >>> import legcramps
    >>> [hint_text(legcramps.KNOWLEDGE.factor(i)) for i in ("hot_weather", "fluid_litres")]
    ['yes/no', 'litres, 0 to 20']
    """
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        return "yes/no"
    if kind is FactorKind.CHOICE:
        return "/".join(factor.choices)
    if kind is FactorKind.MEDICATIONS:
        return "names separated by commas, or none"
    return ", ".join(part for part in (factor.unit, factor.bounds) if part) or "a number"


def _convert(value: float, unit: str, factor: RiskFactor) -> float:
    given = _UNITS.get(unit.casefold())
    wanted = _UNITS.get(factor.unit.casefold())
    if given is not None and wanted is not None and given[0] == wanted[0]:
        result = value * given[1] / wanted[1]
        if isinstance(value, int) and result.is_integer():
            return int(result)
        return result
    if wanted is None and unit.casefold() in {
        factor.unit.casefold(),
        factor.unit.casefold().removesuffix("s"),
    }:
        return value
    msg = expected_text(factor)
    raise NotUnderstood(msg)


def parse_number(text: str, factor: RiskFactor) -> int | float:
    """Return the number in *text*, in the factor's unit; whole numbers become ``int``.

    A unit may follow the number; units of the same measure are converted. NaN
    and infinity are returned as they are, for the assessment to reject.

    :raises NotUnderstood: if *text* is not a number, or has a unit of another measure.

    >>> import legcramps
    >>> minutes = legcramps.KNOWLEDGE.factor("exercise_minutes")
    >>> parse_number("90", minutes), parse_number("1.5 hours", minutes), parse_number("2h", minutes)
    (90, 90.0, 120)
    >>> parse_number("500 ml", legcramps.KNOWLEDGE.factor("fluid_litres"))
    0.5
    >>> parse_number("lots", minutes)
    Traceback (most recent call last):
    ...
    legcramps._parse.NotUnderstood: a number of minutes from 0 to 1440
    """
    match = _NUMBER.fullmatch(text.strip())
    if match is None:
        raise NotUnderstood(expected_text(factor))
    number, unit = match.groups()
    value: int | float
    if _INTEGER.fullmatch(number):
        try:
            value = int(number)
        except ValueError:  # more digits than int() reads: as a float, it is infinite
            value = float(number)
    else:
        value = float(number)
    return value if unit is None else _convert(value, unit, factor)


def parse_choice(text: str, factor: RiskFactor) -> str:
    """Return the choice *text* names, ignoring case; a unique start of a choice is enough.

    Text that names no choice is returned stripped, for the assessment to reject.

    >>> import legcramps
    >>> intensity = legcramps.KNOWLEDGE.factor("exercise_intensity")
    >>> parse_choice("Vigorous", intensity), parse_choice("mod", intensity)
    ('vigorous', 'moderate')
    >>> parse_choice("hard", intensity)
    'hard'
    """
    words = _words(text)
    exact = [c for c in factor.choices if c.casefold() == words]
    starts = [c for c in factor.choices if words and c.casefold().startswith(words)]
    found = exact or starts
    return found[0] if len(found) == 1 else text.strip()


def parse_medications(text: str) -> tuple[str, ...]:
    """Return the medication names in *text*, separated by commas, semicolons or "and".

    "none" is an empty list: known to take no medication.

    >>> parse_medications("Lasix 40 mg, aspirin and salmeterol")
    ('Lasix 40 mg', 'aspirin', 'salmeterol')
    >>> parse_medications("None")
    ()
    """
    if _words(text) in _NO_MEDICATIONS:
        return ()
    names = (n.strip() for n in _MEDICATION_SEPARATOR.split(text))
    return tuple(n for n in names if n)


def parse_answer(text: str, factor: RiskFactor) -> AnswerValue:
    """Return *text* read as an answer to *factor*, by its kind.

    :raises NotUnderstood: if *text* cannot be read as that kind of answer.

    >>> import legcramps
    >>> k = legcramps.KNOWLEDGE
    >>> parse_answer("Yes", k.factor("hot_weather")), parse_answer("n", k.factor("hot_weather"))
    (True, False)
    >>> parse_answer("0.5 l", k.factor("fluid_litres"))
    0.5
    >>> parse_answer("maybe", k.factor("hot_weather"))
    Traceback (most recent call last):
    ...
    legcramps._parse.NotUnderstood: yes or no
    """
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        words = _words(text)
        if words in _YES:
            return True
        if words in _NO:
            return False
        msg = "yes or no"
        raise NotUnderstood(msg)
    if kind is FactorKind.NUMBER:
        return parse_number(text, factor)
    if kind is FactorKind.CHOICE:
        return parse_choice(text, factor)
    return parse_medications(text)


def read_cell(factor: RiskFactor, text: str, problems: Problems) -> AnswerValue | None:
    """Return the answer to *factor* in the cell *text*; ``None`` if it is unknown.

    An empty cell, or one that says it is not known ("unknown", "?"), is
    unknown. A cell that cannot be read adds a problem named by the factor.
    """
    if not text or is_skip(text):
        return None
    try:
        return parse_answer(text, factor)
    except NotUnderstood as e:
        problems.add(factor.id, describe(text), f"{e}, or an empty cell (unknown)")
        return None


def parse_cells(
    cells: Mapping[str, str | None], *, knowledge: Knowledge | None = None
) -> dict[str, AnswerValue]:
    """Return the answers in one row of text cells (as read from CSV), for ``assess()``.

    This is how ``legcramps batch`` reads a CSV row, for tools that read the
    file themselves (pandas, Dask, Spark). Each key names an input; each cell
    is read as the command line reads an answer, by the kind of its input (see
    the Batch page of the docs): ``yes``/``no``, a number with an optional
    unit, a choice, medication names separated by ``;``. An empty cell, one
    that says it is not known (``unknown``, ``?``), or ``None`` (a missing
    value) is unknown, and left out. *knowledge* defaults to
    :data:`legcramps.KNOWLEDGE`.

    :raises InvalidInput: listing every problem: a key that is not an input,
        a cell that is not text, a cell that cannot be read.

    >>> import legcramps.batch
    >>> cells = {"sitting_hours": "2 h", "hot_weather": "Yes", "medications": "",
    ...          "exercise_intensity": "vig"}
    >>> legcramps.batch.parse_cells(cells)
    {'sitting_hours': 2, 'hot_weather': True, 'exercise_intensity': 'vigorous'}
    >>> answers = legcramps.batch.parse_cells({"fluid_litres": "500 ml", "hot_weather": "y"})
    >>> legcramps.assess(answers).finding("dehydration").level.value
    'likely'
    >>> legcramps.batch.parse_cells({"hot_weather": "maybe", "thirst": "yes"})
    Traceback (most recent call last):
    ...
    legcramps.InvalidInput: 2 problems with the input:
    - hot_weather: received 'maybe' (str); expected yes or no, or an empty cell (unknown)
    - thirst: received 'yes' (str); expected one of the inputs in legcramps.RISK_FACTORS
    """
    problems = Problems()
    knowledge = checked_knowledge(knowledge, problems)
    if not isinstance(cells, Mapping):
        problems.add("cells", describe(cells), "a mapping of input names to text cells")
        raise problems.error()
    answers = read_cells({f.id: f for f in knowledge.factors}, cells.items(), problems)
    if problems:
        raise problems.error()
    return answers


def read_cells(
    factors: Mapping[str, RiskFactor], cells: Iterable[tuple[object, object]], problems: Problems
) -> dict[str, AnswerValue]:
    """Return the answers in *cells* (name and text pairs), adding a problem for each bad one.

    *factors* are the inputs by id. ``None`` is an unknown cell.
    """
    answers: dict[str, AnswerValue] = {}
    for name, text in cells:
        factor = factors.get(name) if type(name) is str else None
        if factor is None:
            import difflib

            close = difflib.get_close_matches(str(name), factors, n=1)
            hint = f"did you mean {close[0]!r}?" if close else ""
            expected = "one of the inputs in legcramps.RISK_FACTORS"
            problems.add(str(name), describe(text), expected, hint)
        elif text is None:
            continue
        elif not isinstance(text, str):
            problems.add(factor.id, describe(text), "a cell's text (str), or None (unknown)")
        else:
            value = read_cell(factor, str.__str__(text), problems)
            if value is not None:
                answers[factor.id] = value
    return answers


publish(parse_cells, "legcramps.batch")
