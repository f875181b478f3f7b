"""Read what a person types as the answer to a risk factor: the one text parser.

:meth:`~legcramps.Knowledge.parse_answer` (and :func:`legcramps.parse_answer`) serve it to
apps and chatbots; the command line reads its options and the interview's answers with
it, and ``legcramps batch`` its CSV cells. It turns text into the Python type the factor
takes (a bool, a number, a choice, a tuple of names) and leaves range checks to
:meth:`~legcramps.Knowledge.validate`, the one place that checks answers.

Text is read ignoring case and extra spaces: ``"Yes"``, ``"VIGOROUS"`` and ``"2 H"``
are understood. Values given to ``assess()`` as values (keywords, a mapping, JSON)
are not text, and must be exact: ``exercise_intensity="Vigorous"`` is refused there.
"""

import re
from collections.abc import Callable, Iterable, Mapping
from types import MappingProxyType

from legcramps import _texts
from legcramps._errors import Problems, describe
from legcramps._model import AnswerValue, FactorKind, RiskFactor

__all__ = [
    "NotUnderstood",
    "accepted_text",
    "close_choice",
    "expected_text",
    "hint_text",
    "is_skip",
    "parse_choice",
    "parse_medications",
    "parse_number",
    "read_answer",
    "read_cell",
    "read_cells",
    "unit_examples",
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

#: Examples of the units a person may type, by measure, for help texts.
_UNIT_EXAMPLES = MappingProxyType({"time": ("90 min", "2 h"), "volume": ("500 ml", "1.5 l")})


def _words(text: str) -> str:
    """Return *text* case-folded, single-spaced, with typographic apostrophes made plain."""
    return " ".join(text.replace("\u2019", "'").casefold().split()).rstrip(".!")


def is_skip(text: str) -> bool:
    """Return whether *text* leaves the question unanswered ("skip", "don't know", nothing).

    >>> is_skip("  Don't know "), is_skip(""), is_skip("no")
    (True, True, False)
    """
    return _words(text) in _SKIP


def _as_is(english: str, /, **values: object) -> str:
    """Return *english* itself, filled with *values*: the English of a text (no catalog)."""
    return english.format(**values) if values else english


def expected_text(factor: RiskFactor, text: Callable[..., str] = _as_is) -> str:
    """Describe the text answers *factor* takes (where "skip" for unknown is left out).

    *text* gives each text in a language, as :meth:`legcramps.Catalog.text` does (a
    choice is shown as its translation); English by default.

    >>> import legcramps
    >>> expected_text(legcramps.KNOWLEDGE.factor("fluid_litres"))
    'a number of litres from 0 to 20'
    >>> expected_text(legcramps.KNOWLEDGE.factor("hot_weather"))
    'yes or no'
    >>> expected_text(legcramps.KNOWLEDGE.factor("medications"))
    "medication names separated by commas, or 'none'"
    >>> expected_text(legcramps.KNOWLEDGE.factor("sex"), legcramps.catalog("es").text)
    "uno de estos: 'femenino', 'masculino'"

    A number with one bound, or none, is described in English, whatever *text* is:

    >>> import attrs
    >>> age = attrs.evolve(legcramps.KNOWLEDGE.factor("age_years"), maximum=None)
    >>> expected_text(age, legcramps.catalog("es").text)
    'a number of years, 0 or more'
    """
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        return text(_texts.YES_OR_NO)
    if kind is FactorKind.CHOICE:
        return text(_texts.ONE_OF, ids=", ".join(repr(text(c)) for c in factor.choices))
    if kind is FactorKind.MEDICATIONS:
        return text(_texts.MEDICATION_NAMES)
    low, high = factor.minimum, factor.maximum
    if low is None or high is None:  # one bound or none: said in English
        return factor.expected.removesuffix(", or None (unknown)")
    if factor.unit:
        return text(_texts.NUMBER_OF, unit=text(factor.unit), low=f"{low:g}", high=f"{high:g}")
    return text(_texts.NUMBER_FROM, low=f"{low:g}", high=f"{high:g}")


def unit_examples(factor: RiskFactor, text: Callable[..., str] = _as_is) -> str:
    """Return examples of the units *factor* converts from ('' if it converts none).

    >>> import legcramps
    >>> unit_examples(legcramps.KNOWLEDGE.factor("sitting_hours"))
    "'90 min' or '2 h'"
    >>> unit_examples(legcramps.KNOWLEDGE.factor("age_years"))
    ''
    """
    unit = _UNITS.get(factor.unit.casefold()) if factor.kind is FactorKind.NUMBER else None
    if unit is None:
        return ""
    first, second = _UNIT_EXAMPLES[unit[0]]
    return text(_texts.EXAMPLES, first=repr(first), second=repr(second))


def accepted_text(factor: RiskFactor, text: Callable[..., str] = _as_is) -> str:
    """Say in a sentence which text answers *factor* takes, for a person asking for help.

    >>> import legcramps
    >>> accepted_text(legcramps.KNOWLEDGE.factor("exercise_minutes"))
    "Answer a number of minutes from 0 to 1440; a unit may follow, such as '90 min' or '2 h'."
    >>> accepted_text(legcramps.KNOWLEDGE.factor("exercise_intensity"))
    "Answer one of 'light', 'moderate', 'vigorous' (in any case; the start of one is enough)."
    """
    expected = expected_text(factor, text)
    if factor.kind is FactorKind.CHOICE:
        return text(_texts.ANSWER_CHOICE, expected=expected)
    units = unit_examples(factor, text)
    if units:
        return text(_texts.ANSWER_UNIT, expected=expected, units=units)
    return text(_texts.ANSWER, expected=expected)


def hint_text(factor: RiskFactor, text: Callable[..., str] = _as_is) -> str:
    """Return a short reminder of the answers *factor* takes, to show after its question.

    >>> import legcramps
    >>> [hint_text(legcramps.KNOWLEDGE.factor(i)) for i in ("hot_weather", "fluid_litres")]
    ['yes/no', 'litres, 0 to 20']
    >>> hint_text(legcramps.KNOWLEDGE.factor("exercise_minutes"), legcramps.catalog("es").text)
    'minutos, 0 a 1440'
    """
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        return text(_texts.YES_NO)
    if kind is FactorKind.CHOICE:
        return "/".join(text(c) for c in factor.choices)
    if kind is FactorKind.MEDICATIONS:
        return text(_texts.NAMES_OR_NONE)
    low, high = factor.minimum, factor.maximum
    bounds = factor.bounds  # one bound: said in English
    if low is not None and high is not None:
        bounds = text(_texts.RANGE, low=f"{low:g}", high=f"{high:g}")
    unit = text(factor.unit) if factor.unit else ""
    return ", ".join(part for part in (unit, bounds) if part) or text(_texts.A_NUMBER)


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

    :raises NotUnderstood: if *text* names no choice, or starts more than one.

    >>> import legcramps
    >>> intensity = legcramps.KNOWLEDGE.factor("exercise_intensity")
    >>> parse_choice("Vigorous", intensity), parse_choice("mod", intensity)
    ('vigorous', 'moderate')
    >>> parse_choice("hard", intensity)
    Traceback (most recent call last):
    ...
    legcramps._parse.NotUnderstood: one of 'light', 'moderate', 'vigorous'
    """
    words = _words(text)
    exact = [c for c in factor.choices if c.casefold() == words]
    starts = [c for c in factor.choices if words and c.casefold().startswith(words)]
    found = exact or starts
    if len(found) != 1:
        raise NotUnderstood(expected_text(factor))
    return found[0]


def parse_medications(text: str) -> tuple[str, ...]:
    """Return the medication names in *text*, separated by commas, semicolons or "and".

    "none" is an empty list: known to take no medication.

    :raises NotUnderstood: if *text* holds no name (only separators).

    >>> parse_medications("Lasix 40 mg, aspirin and salmeterol")
    ('Lasix 40 mg', 'aspirin', 'salmeterol')
    >>> parse_medications("None")
    ()
    """
    if _words(text) in _NO_MEDICATIONS:
        return ()
    names = tuple(n for n in (n.strip() for n in _MEDICATION_SEPARATOR.split(text)) if n)
    if not names:  # only separators: not "none", which must be said
        msg = "medication names separated by commas, or 'none'"
        raise NotUnderstood(msg)
    return names


def read_answer(factor: RiskFactor, text: str) -> AnswerValue | None:
    """Return *text* read as an answer to *factor*, by its kind; ``None`` if it is unknown.

    Text that says it is not known ("skip", "don't know", "?", nothing) is unknown.

    :raises NotUnderstood: if *text* cannot be read as that kind of answer.

    >>> import legcramps
    >>> hot, fluid = map(legcramps.KNOWLEDGE.factor, ("hot_weather", "fluid_litres"))
    >>> read_answer(hot, "Yes"), read_answer(hot, "n"), read_answer(fluid, "0.5 l")
    (True, False, 0.5)
    >>> read_answer(fluid, "skip"), read_answer(fluid, "Don't know"), read_answer(fluid, "")
    (None, None, None)
    >>> read_answer(hot, "maybe")
    Traceback (most recent call last):
    ...
    legcramps._parse.NotUnderstood: yes or no
    """
    words = _words(text)
    if words in _SKIP:
        return None
    kind = factor.kind
    if kind is FactorKind.YES_NO:
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


def close_choice(factor: RiskFactor, text: str, shown: Callable[[str], str] = _as_is) -> str:
    """Return the hint "did you mean ...?" for a misspelt choice of *factor*, or ''.

    *shown* gives each choice as the person sees it (in their language), to compare
    *text* with and to suggest.

    >>> import legcramps
    >>> close_choice(legcramps.KNOWLEDGE.factor("exercise_intensity"), "vigourous")
    "did you mean 'vigorous'?"
    >>> close_choice(legcramps.KNOWLEDGE.factor("exercise_intensity"), "Intensia",
    ...              legcramps.catalog("es").text)
    "did you mean 'intensa'?"
    """
    if factor.kind is not FactorKind.CHOICE:
        return ""
    import difflib  # only on the error path

    choices = {shown(c).casefold(): shown(c) for c in factor.choices}
    close = difflib.get_close_matches(_words(text), list(choices), n=1)
    return f"did you mean {choices[close[0]]!r}?" if close else ""


def _cell(text: str) -> str:
    """Describe the CSV cell *text* in an error message: its text, without a Python type."""
    return "the cell " + describe(text).removesuffix(" (str)")


def read_cell(factor: RiskFactor, text: str, problems: Problems) -> AnswerValue | None:
    """Return the answer to *factor* in the cell *text*; ``None`` if it is unknown.

    An empty cell, or one that says it is not known ("unknown", "?"), is
    unknown. A cell that cannot be read adds a problem named by the factor, in
    the words of CSV (a cell, an empty cell).
    """
    try:
        return read_answer(factor, text)
    except NotUnderstood as e:
        problems.add(
            factor.id, _cell(text), f"{e}, or an empty cell (unknown)", close_choice(factor, text)
        )
        return None


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
