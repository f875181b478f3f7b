"""legcramps: which known causes of severe leg cramps likely apply, and when to see a doctor.

Information, not a diagnosis: every result carries a disclaimer, red flags
override every score, and an unanswered question is never taken as "no".

>>> import legcramps
>>> a = legcramps.assess(exercise_minutes=120, exercise_intensity="vigorous", fluid_litres=2.5)
>>> [(f.cause.id, f.level.value) for f in a.findings][:2]
[('overuse', 'likely'), ('fatigue', 'unknown')]
"""

from __future__ import annotations

# At run time too, so that typing.get_type_hints(assess) resolves; already loaded by attrs.
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from legcramps._errors import InvalidInput, InvalidKnowledge, Problem, UnknownId
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


def assess(mapping: Mapping[str, Any] | None = None, /, **answers: Any) -> Assessment:
    """Assess what is known about a person's leg cramps against the five causes.

    Give the answers by keyword, or as one *mapping* (such as parsed JSON), or
    both; the forms give equal results. Every input is optional: an input left
    out or given as ``None`` is *unknown*, which is never the same as "no".
    The inputs are listed in :data:`RISK_FACTORS`.

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
