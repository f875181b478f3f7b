"""legcramps: which known causes of severe leg cramps likely apply, and when to see a doctor.

Information, not a diagnosis: every result carries a disclaimer, red flags
override every score, and an unanswered question is never taken as "no".

>>> import legcramps
>>> a = legcramps.assess(exercise_minutes=120, exercise_intensity="vigorous", fluid_litres=2.5)
>>> [(f.cause.id, f.level.value) for f in a.findings][:2]
[('overuse', 'likely'), ('fatigue', 'unknown')]
"""

from __future__ import annotations

import typing

# At run time too, so that typing.get_type_hints(assess) resolves; already loaded by attrs.
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from legcramps._errors import InvalidInput, InvalidKnowledge, Problem, UnknownId
from legcramps._inputs import Answers
from legcramps._knowledge import KNOWLEDGE, Knowledge
from legcramps._model import (
    AdviceRule,
    AllOf,
    AnswerValue,
    Cause,
    Code,
    Condition,
    DrugClass,
    FactorKind,
    Level,
    Medication,
    RedFlag,
    RiskFactor,
    RiskNote,
    Sign,
    Source,
    Urgency,
)
from legcramps._public import publish
from legcramps._result import Assessment, Evidence, Finding, RaisedFlag

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from legcramps._batch import RowError, assess_many
    from legcramps._catalog import LANGUAGES, Catalog, catalog, choose_language
    from legcramps._frame import assess_frame
    from legcramps._roundtrip import from_dict

__all__ = [
    "CAUSES",
    "KNOWLEDGE",
    "KNOWLEDGE_VERSION",
    "LANGUAGES",
    "RED_FLAGS",
    "RISK_FACTORS",
    "AdviceRule",
    "AllOf",
    "AnswerValue",
    "Answers",
    "Assessment",
    "Catalog",
    "Cause",
    "Code",
    "Condition",
    "DrugClass",
    "Evidence",
    "FactorKind",
    "Finding",
    "InvalidInput",
    "InvalidKnowledge",
    "Knowledge",
    "Level",
    "Medication",
    "Problem",
    "RaisedFlag",
    "RedFlag",
    "RiskFactor",
    "RiskNote",
    "RowError",
    "Sign",
    "Source",
    "UnknownId",
    "Urgency",
    "__version__",
    "assess",
    "assess_frame",
    "assess_many",
    "catalog",
    "choose_language",
    "fhir",
    "from_dict",
    "parse_answer",
    "recognize_medication",
    "schema",
]

#: The five causes of the built-in knowledge, in the source text's order.
CAUSES: tuple[Cause, ...] = KNOWLEDGE.causes
#: One risk factor per input that :func:`assess` accepts.
RISK_FACTORS: tuple[RiskFactor, ...] = KNOWLEDGE.factors
#: The warning signs that call for medical help whatever the scores.
RED_FLAGS: tuple[RedFlag, ...] = KNOWLEDGE.red_flags
#: The version of the built-in knowledge; every result carries it.
KNOWLEDGE_VERSION: str = KNOWLEDGE.version


def assess(mapping: Mapping[str, Any] | None = None, /, **answers: Unpack[Answers]) -> Assessment:
    """Assess what is known about a person's leg cramps against the five causes.

    Give the answers by keyword, or as one *mapping* (such as parsed JSON), or
    both; the forms give equal results. Every input is optional: an input left
    out or given as ``None`` is *unknown*, which is never the same as "no".
    The inputs are listed in :data:`RISK_FACTORS`; the keywords are typed by
    :class:`Answers`, so that a type checker refuses a misspelt name or a wrong
    type, and an editor completes the names. A mapping is checked when the call
    runs, as every answer is. A choice must be given exactly (``"vigorous"``);
    text as a person types it (``"Vigorous"``, ``"2 h"``) is read by
    :func:`parse_answer`.

    :raises InvalidInput: listing every problem with the answers: an unknown
        name, a wrong type, a number out of range, NaN or infinity, a choice not
        in the list, or one input given twice with different values.

    >>> import legcramps
    >>> a = legcramps.assess(medications=["Lasix 40 mg"], new_medication=True)
    >>> a.findings[0].cause.id, a.findings[0].level.value
    ('medication', 'likely')
    >>> a.urgency.value
    'see_doctor'
    >>> a == legcramps.assess({"medications": ["Lasix 40 mg"], "new_medication": True})
    True
    >>> legcramps.assess().urgency.value, legcramps.assess().findings[0].level.value
    ('undetermined', 'unknown')
    """
    return KNOWLEDGE.assess(mapping, **answers)


# The answer's type is spelt out, AnswerValue | None, so that the docs show it.
def parse_answer(factor_id: str, text: str) -> bool | int | float | str | tuple[str, ...] | None:
    """Return the answer that *text*, as a person typed it, gives to the input *factor_id*.

    For chatbots and forms of free text: the reply is read by the kind of the
    input, the way the command line and ``legcramps batch`` read text, and
    checked as :func:`assess` checks it, so that what comes back can be given
    to :func:`assess` as it is. Text is read ignoring case and extra spaces.

    - yes or no: ``yes``, ``y``, ``yeah``, ``yep``, ``true``, ``1``; ``no``, ``n``,
      ``nope``, ``false``, ``0``;
    - a number, optionally followed by its unit or another unit of the same
      measure, converted: ``90``, ``"2 h"``, ``"90 min"``, ``"500 ml"``, ``"1.5 l"``;
    - a choice, or the start of one: ``"Vigorous"``, ``"mod"``;
    - medication names separated by commas, semicolons or "and"; ``none`` for
      no medication (an empty tuple, which is known, unlike unknown).

    Text that says it is not known (``skip``, ``don't know``, ``not sure``,
    ``?``, or nothing) returns ``None``: unknown, never "no".

    :raises InvalidInput: if *text* cannot be read as an answer to *factor_id*,
        or is out of range, naming the input, what was received and what is
        expected (a choice misspelt gets a "did you mean"); :class:`UnknownId`
        (an :class:`InvalidInput`) if no input has that id.

    >>> import legcramps
    >>> from legcramps import parse_answer
    >>> parse_answer("hot_weather", "Yes"), parse_answer("fluid_litres", "500 ml")
    (True, 0.5)
    >>> parse_answer("exercise_minutes", "2 h"), parse_answer("sex", "F")
    (120, 'female')
    >>> parse_answer("medications", "Lasix 40 mg, aspirin and salmeterol")
    ('Lasix 40 mg', 'aspirin', 'salmeterol')
    >>> parse_answer("medications", "none"), parse_answer("cramp_minutes", "don't know")
    ((), None)
    >>> try:
    ...     legcramps.parse_answer("fluid_litres", "30 l")
    ... except legcramps.InvalidInput as e:
    ...     print(e.problems[0].input, e.problems[0].received, e.problems[0].expected, sep="; ")
    fluid_litres; '30 l' (str); a number of litres from 0 to 20
    >>> try:
    ...     legcramps.parse_answer("exercise_intensity", "vigourous")
    ... except legcramps.InvalidInput as e:
    ...     print(e.problems[0].expected, e.problems[0].hint, sep="; ")
    one of 'light', 'moderate', 'vigorous'; did you mean 'vigorous'?
    """
    return KNOWLEDGE.parse_answer(factor_id, text)


def recognize_medication(name: str) -> Medication | None:
    """Return the medication *name* refers to, or ``None`` if it is not recognised.

    Matches generic names, brands and other spellings, ignoring case and a
    trailing strength such as ``"40 mg"``.

    :raises InvalidInput: if *name* is not a string.

    >>> import legcramps
    >>> med = legcramps.recognize_medication("Aldactone 25 mg")
    >>> med.generic, med.drug_class.value, med.atc
    ('spironolactone', 'potassium-sparing diuretic', 'C03DA01')
    """
    return KNOWLEDGE.recognize_medication(name)


for _public in (
    AdviceRule,
    AllOf,
    Answers,
    Assessment,
    Cause,
    Code,
    Condition,
    DrugClass,
    Evidence,
    FactorKind,
    Finding,
    InvalidInput,
    InvalidKnowledge,
    Knowledge,
    Level,
    Medication,
    Problem,
    RaisedFlag,
    RedFlag,
    RiskFactor,
    RiskNote,
    Sign,
    Source,
    UnknownId,
    Urgency,
):
    publish(_public)
del _public


# Served lazily, below. Type checkers see the names declared here instead of a
# module __getattr__, so that a misspelt ``legcramps.<name>`` is still an error for them.
if TYPE_CHECKING:
    from legcramps import fhir as fhir
    from legcramps import schema as schema

    __version__: str
else:
    # In typing from Python 3.11; on 3.10 from typing_extensions (a dependency), imported
    # only there, as it costs import time.
    Unpack = getattr(typing, "Unpack", None) or __import__("typing_extensions").Unpack

    def __getattr__(name: str) -> Any:
        # Served lazily so that ``import legcramps`` does not pay for importlib.metadata,
        # and looked up once: the module attribute set here answers every later access.
        if name == "__version__":
            from legcramps._version import VERSION

            globals()["__version__"] = VERSION
            return VERSION
        if name in {"assess_many", "RowError"}:
            # Batches are not every program's business; load them on first use.
            from legcramps import _batch

            return getattr(_batch, name)
        if name == "assess_frame":
            # Data frames need pandas (the frame extra), loaded only when assess_frame runs.
            from legcramps._frame import assess_frame

            return assess_frame
        if name in {"LANGUAGES", "Catalog", "catalog", "choose_language"}:
            # Languages other than English are not every program's business either.
            from legcramps import _catalog

            return getattr(_catalog, name)
        if name == "from_dict":
            from legcramps._roundtrip import from_dict

            return from_dict
        if name in {"fhir", "schema"}:
            # Rarely needed submodules: load them on first use.
            import importlib

            return importlib.import_module(f"legcramps.{name}")
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)


def __dir__() -> list[str]:
    return sorted(__all__)
