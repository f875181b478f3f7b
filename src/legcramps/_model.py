"""The values of a knowledge base: causes, factors, signs, red flags, medications, sources.

The bottom of the package: these classes import nothing of legcramps. The results
(:mod:`legcramps._result`) are built from them; the engine reads them.
"""

import enum
from types import MappingProxyType
from typing import TYPE_CHECKING, Protocol

import attrs

#: A normalised answer: a yes/no, a number, a choice or a tuple of medication names.
AnswerValue = bool | int | float | str | tuple[str, ...]


class Level(enum.Enum):
    """How likely a cause is to explain the cramps, given the answers so far."""

    LIKELY = "likely"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"
    #: No input that speaks to the cause was answered: nothing can be said yet.
    UNKNOWN = "unknown"


class Urgency(enum.Enum):
    """How soon to get medical help, most urgent first."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SEE_DOCTOR = "see_doctor"
    SELF_CARE = "self_care"
    #: Not enough is known to say; never read this as safe self-care.
    UNDETERMINED = "undetermined"

    @property
    def rank(self) -> int:
        """Return how pressing this urgency is: higher is more urgent.

        >>> Urgency.EMERGENCY.rank > Urgency.URGENT.rank > Urgency.SEE_DOCTOR.rank
        True
        """
        return _URGENCY_RANK[self]


_URGENCY_RANK = MappingProxyType(
    {
        Urgency.EMERGENCY: 4,
        Urgency.URGENT: 3,
        Urgency.SEE_DOCTOR: 2,
        Urgency.SELF_CARE: 1,
        Urgency.UNDETERMINED: 0,
    }
)


class FactorKind(enum.Enum):
    """What kind of answer a :class:`RiskFactor` takes."""

    #: ``True``, ``False`` or ``None`` (unknown).
    YES_NO = "yes_no"
    #: An ``int`` or ``float`` within the factor's bounds, in its unit.
    NUMBER = "number"
    #: One string out of the factor's ``choices``.
    CHOICE = "choice"
    #: An iterable of medication names (not a bare string).
    MEDICATIONS = "medications"


class DrugClass(enum.Enum):
    """The medication classes legcramps recognises."""

    LOOP_DIURETIC = "loop diuretic"
    THIAZIDE_DIURETIC = "thiazide diuretic"
    THIAZIDE_LIKE_DIURETIC = "thiazide-like diuretic"
    POTASSIUM_SPARING_DIURETIC = "potassium-sparing diuretic"
    LONG_ACTING_BETA_AGONIST = "long-acting beta-agonist"
    STATIN = "statin"


@attrs.frozen(weakref_slot=False)
class Source:
    """A reference that a fact in the knowledge base rests on.

    >>> import legcramps
    >>> legcramps.CAUSES[0].sources[0].id
    'seed-text'
    """

    id: str
    title: str
    citation: str


@attrs.frozen(weakref_slot=False)
class Medication:
    """A medication legcramps recognises by its generic name, brands or other spellings.

    *atc* is the WHO ATC code; *atc_confirmed* is ``False`` where the code was
    found only in secondary sources.

    >>> import legcramps
    >>> med = legcramps.recognize_medication("Lasix 40 mg")
    >>> med.generic, med.drug_class, med.atc, med.brands
    ('furosemide', <DrugClass.LOOP_DIURETIC: 'loop diuretic'>, 'C03CA01', ('Lasix',))
    """

    generic: str
    drug_class: DrugClass
    atc: str
    brands: tuple[str, ...] = ()
    other_names: tuple[str, ...] = ()
    atc_confirmed: bool = True


@attrs.frozen(weakref_slot=False)
class RiskFactor:
    """One input that :func:`~legcramps.assess` accepts, by its keyword name *id*.

    *question* is how to ask a person for it. *unit*, *minimum* and *maximum*
    apply to numbers (bounds are inclusive, ``None`` means unbounded);
    *choices* to choices. *causes* and *red_flags* name what the factor speaks
    to; a :class:`~legcramps.Knowledge` fills them in from its signs and red flags.

    >>> import legcramps
    >>> f = legcramps.KNOWLEDGE.factor("fluid_litres")
    >>> f.kind, f.unit, f.minimum, f.maximum, f.causes
    (<FactorKind.NUMBER: 'number'>, 'litres', 0, 20, ('dehydration',))
    """

    id: str
    question: str
    kind: FactorKind
    unit: str = ""
    minimum: float | None = None
    maximum: float | None = None
    choices: tuple[str, ...] = ()
    causes: tuple[str, ...] = ()
    red_flags: tuple[str, ...] = ()

    @property
    def bounds(self) -> str:
        """Describe the bounds of a number in words ('' when it has none).

        >>> import legcramps
        >>> [legcramps.KNOWLEDGE.factor(i).bounds for i in ("fluid_litres", "cramp_minutes")]
        ['0 to 20', '0 to 1440']
        """
        low, high = self.minimum, self.maximum
        if low is not None and high is not None:
            return f"{low:g} to {high:g}"
        if low is not None:
            return f"{low:g} or more"
        if high is not None:
            return f"{high:g} or less"
        return ""

    @property
    def expected(self) -> str:
        """Describe, in words, the answers this factor accepts.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.factor("cramp_minutes").expected
        'a number of minutes from 0 to 1440, or None (unknown)'
        """
        kind = self.kind
        if kind is FactorKind.YES_NO:
            return "True, False or None (unknown)"
        if kind is FactorKind.CHOICE:
            return "one of " + ", ".join(map(repr, self.choices)) + ", or None (unknown)"
        if kind is FactorKind.MEDICATIONS:
            return "a list of medication names (strings), or None (unknown)"
        what = f"a number of {self.unit}" if self.unit else "a number"
        bounds = self.bounds
        if self.minimum is not None and self.maximum is not None:
            what = f"{what} from {bounds}"
        elif bounds:
            what = f"{what}, {bounds}"
        return f"{what}, or None (unknown)"


@attrs.frozen(weakref_slot=False)
class Condition:
    """A test on the answer to one factor, which raises a sign or a red flag when it holds.

    Give at most one of the comparisons. With none, a yes/no factor is raised
    by ``True``. *at_least* and *above* and *below* compare numbers; *one_of*
    holds choices, or :class:`DrugClass` values for the medication list.

    >>> str(Condition("sitting_hours", at_least=4))
    'sitting_hours >= 4'
    >>> str(Condition("hot_weather"))
    'hot_weather is yes'
    """

    factor: str
    at_least: float | None = None
    above: float | None = None
    below: float | None = None
    one_of: tuple[str, ...] = ()

    def __str__(self) -> str:
        if self.at_least is not None:
            return f"{self.factor} >= {self.at_least:g}"
        if self.above is not None:
            return f"{self.factor} > {self.above:g}"
        if self.below is not None:
            return f"{self.factor} < {self.below:g}"
        if self.one_of:
            return f"{self.factor} in {{{', '.join(self.one_of)}}}"
        return f"{self.factor} is yes"


@attrs.frozen(weakref_slot=False)
class Sign:
    """A sign that points at a cause: when *when* holds, add *weight* to its score.

    *reason* explains the sign in plain language; *basis* is where its
    threshold or weight comes from. *advice*, if given, is added to the result
    when the sign is raised, and *min_urgency* raises the urgency to at least
    that level.
    """

    when: Condition
    weight: int
    reason: str
    basis: Source
    advice: str = ""
    min_urgency: Urgency | None = None


@attrs.frozen(weakref_slot=False)
class Cause:
    """A known cause of severe leg cramps, with the signs that point at it.

    >>> import legcramps
    >>> [c.id for c in legcramps.CAUSES]
    ['overuse', 'fatigue', 'medication', 'posture', 'dehydration']
    """

    id: str
    name: str
    summary: str
    mechanism: str
    advice: tuple[str, ...]
    evidence_note: str
    sources: tuple[Source, ...]
    signs: tuple[Sign, ...]


@attrs.frozen(weakref_slot=False)
class RedFlag:
    """A warning sign that calls for medical help, whatever the scores say.

    The flag is raised when any of its conditions *when* holds.

    >>> import legcramps
    >>> flag = legcramps.KNOWLEDGE.red_flag("pulmonary_embolism")
    >>> flag.urgency
    <Urgency.EMERGENCY: 'emergency'>
    """

    id: str
    name: str
    why: str
    urgency: Urgency
    advice: str
    sources: tuple[Source, ...]
    when: tuple[Condition, ...]


if TYPE_CHECKING:  # a protocol for the type checker only: it costs import time

    class KnowledgeFields(Protocol):
        """What the engine reads of a knowledge base: the fields of :class:`~legcramps.Knowledge`.

        The engine's modules (checks, compile) sit below the ``Knowledge`` class, which
        uses them; they are typed against this protocol so that they need not import it.
        """

        @property
        def version(self) -> str: ...
        @property
        def factors(self) -> tuple[RiskFactor, ...]: ...
        @property
        def causes(self) -> tuple[Cause, ...]: ...
        @property
        def red_flags(self) -> tuple[RedFlag, ...]: ...
        @property
        def medications(self) -> tuple[Medication, ...]: ...
        @property
        def likely_at(self) -> int: ...
        @property
        def possible_at(self) -> int: ...
        @property
        def disclaimer(self) -> str: ...
        @property
        def no_obvious_cause_advice(self) -> str: ...
        @property
        def unanswered_red_flags_advice(self) -> str: ...
        @property
        def self_care_advice(self) -> str: ...
        @property
        def undetermined_advice(self) -> str: ...
        @property
        def unrecognized_medications_advice(self) -> str: ...
