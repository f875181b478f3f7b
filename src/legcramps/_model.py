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


class _Ordered(enum.Enum):
    """An enum whose members compare by rank: ``<``, ``<=``, ``>`` and ``>=`` work."""

    @property
    def rank(self) -> int:
        """Return the member's place in the order: higher is more (more likely, more urgent)."""
        return _RANKS[self]

    def __lt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return _RANKS[self] < _RANKS[other]

    def __le__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return _RANKS[self] <= _RANKS[other]

    def __gt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return _RANKS[self] > _RANKS[other]

    def __ge__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return _RANKS[self] >= _RANKS[other]


class Level(_Ordered):
    """How likely a cause is to explain the cramps, given the answers so far.

    Levels compare by how likely they are: an unknown cause may yet turn out likely,
    so it ranks above an unlikely one.

    >>> Level.LIKELY > Level.POSSIBLE > Level.UNKNOWN > Level.UNLIKELY
    True
    """

    LIKELY = "likely"
    POSSIBLE = "possible"
    UNLIKELY = "unlikely"
    #: No input that speaks to the cause was answered: nothing can be said yet.
    UNKNOWN = "unknown"


class Urgency(_Ordered):
    """How soon to get medical help.

    Urgencies compare by how pressing they are. ``UNDETERMINED`` ranks above
    ``SELF_CARE``: not knowing enough is never safer than self-care, so an app that
    sorts by urgency never reads it as the calmer result.

    >>> Urgency.EMERGENCY > Urgency.URGENT > Urgency.SEE_DOCTOR > Urgency.UNDETERMINED
    True
    >>> Urgency.UNDETERMINED > Urgency.SELF_CARE
    True
    >>> max(Urgency.SEE_DOCTOR, Urgency.URGENT)
    <Urgency.URGENT: 'urgent'>
    >>> Urgency.URGENT.time_frame
    'today, the same day'
    """

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SEE_DOCTOR = "see_doctor"
    SELF_CARE = "self_care"
    #: Not enough is known to say; never read this as safe self-care.
    UNDETERMINED = "undetermined"

    @property
    def headline(self) -> str:
        """Return the one line a person should read first, for this urgency.

        >>> Urgency.EMERGENCY.headline
        'EMERGENCY: get emergency help now.'
        """
        return _HEADLINES[self]

    @property
    def time_frame(self) -> str:
        """Return, in words, how soon to get medical help at this urgency."""
        return _TIME_FRAMES[self]


_RANKS: MappingProxyType[_Ordered, int] = MappingProxyType(
    {
        Level.UNLIKELY: 0,
        Level.UNKNOWN: 1,
        Level.POSSIBLE: 2,
        Level.LIKELY: 3,
        Urgency.SELF_CARE: 0,
        Urgency.UNDETERMINED: 1,
        Urgency.SEE_DOCTOR: 2,
        Urgency.URGENT: 3,
        Urgency.EMERGENCY: 4,
    }
)

_HEADLINES = MappingProxyType(
    {
        Urgency.EMERGENCY: "EMERGENCY: get emergency help now.",
        Urgency.URGENT: "URGENT: get medical advice today.",
        Urgency.SEE_DOCTOR: "See a doctor.",
        Urgency.SELF_CARE: "Self-care, with the advice below.",
        Urgency.UNDETERMINED: (
            "Undetermined: not enough is known yet. This is not a self-care result."
        ),
    }
)

_TIME_FRAMES = MappingProxyType(
    {
        Urgency.EMERGENCY: "now: call your local emergency number (such as 999, 911 or 112)",
        Urgency.URGENT: "today, the same day",
        Urgency.SEE_DOCTOR: "within a few days (within 1 to 2 days where a warning sign says so)",
        Urgency.SELF_CARE: "no appointment needed now; see a doctor if it gets worse",
        Urgency.UNDETERMINED: "not known yet: answer the remaining questions",
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
    #: An estrogen, or a medicine that acts like one on blood clotting (raloxifene).
    ESTROGEN = "estrogen or estrogen-like medicine"
    #: Another medicine the sources link to cramps, more weakly (AAFP 2012, NICE CKS).
    OTHER_LINKED = "other medicine linked to cramps"


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
    #: Where a reader can follow it, if it is public.
    url: str = ""
    #: When the project read it (ISO date), for a page that may change.
    read_on: str = ""


@attrs.frozen(weakref_slot=False)
class Code:
    """A concept of a code system that names an input, a cause or a red flag.

    *system* is the code system's URI (such as ``http://snomed.info/sct`` or
    ``http://loinc.org``), *code* the concept's code and *display* its name there. Health
    record views (:mod:`legcramps.fhir`) send the codes with the knowledge's own ids.

    >>> import legcramps
    >>> [c.code for c in legcramps.KNOWLEDGE.cause("dehydration").codes]
    ['34095006']
    """

    system: str
    code: str
    display: str


@attrs.frozen(weakref_slot=False)
class Medication:
    """A medication legcramps recognises by its generic name, brands or other spellings.

    *drug_class* is its main class; *also* lists the other classes a combination
    holds (a combination inhaler, a diuretic pair). *atc* is the WHO ATC code;
    *atc_confirmed* is ``False`` where the code was found only in secondary sources.

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
    also: tuple[DrugClass, ...] = ()

    @property
    def classes(self) -> tuple[DrugClass, ...]:
        """Return every class of the medication, its main class first.

        >>> import legcramps
        >>> [c.value for c in legcramps.recognize_medication("Dyazide").classes]
        ['potassium-sparing diuretic', 'thiazide diuretic']
        """
        return (self.drug_class, *self.also)


@attrs.frozen(weakref_slot=False)
class Condition:
    """A test on the answer to one factor, which raises a sign or a red flag when it holds.

    Give at most one of the comparisons. With none, a yes/no factor is raised
    by ``True``. *at_least* and *above* and *below* compare numbers; *one_of*
    holds choices, or :class:`DrugClass` values for the medication list; on the
    medication list, *at_least* counts the names given.

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
class RiskFactor:
    """One input that :func:`~legcramps.assess` accepts, by its keyword name *id*.

    *question* is how to ask a person for it, and *help* explains it. *unit*,
    *minimum* and *maximum* apply to numbers (bounds are inclusive); *choices* to
    choices.

    *applies_when* makes a question that applies only sometimes: it applies when
    any of these conditions holds, does not apply when all of them are known not
    to, and may apply while that is not known. A question that does not apply is
    not unknown: it neither blocks a self-care result nor is asked; an answer
    given to it anyway is kept but changes nothing.

    *members* makes a screening question ("Do you have any of these: ...?"), a
    yes/no input whose "no" answers each of these yes/no inputs no (unless an
    input is answered itself), and whose "yes" has them asked one by one.

    *causes* and *red_flags* name what the factor speaks to; a
    :class:`~legcramps.Knowledge` fills them in from its signs and red flags.

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
    help: str = ""
    applies_when: tuple[Condition, ...] = ()
    members: tuple[str, ...] = ()
    #: Concepts of other code systems that name the same question (LOINC).
    codes: tuple[Code, ...] = ()

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
class Sign:
    """A sign that points at a cause: when *when* holds, add *weight* to its score.

    *reason* explains the sign in plain language; *basis* is where its fact or
    threshold comes from, and *weight_basis* where its weight does (``None``: no
    source gives a weight, it is expert opinion). *advice*, if given, is added to
    the result when the sign is raised, and *min_urgency* raises the urgency to at
    least that level.
    """

    when: Condition
    weight: int
    reason: str
    basis: Source
    advice: str = ""
    min_urgency: Urgency | None = None
    weight_basis: Source | None = None


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
    #: Concepts of other code systems that name the cause (SNOMED CT).
    codes: tuple[Code, ...] = ()


@attrs.frozen(weakref_slot=False)
class AllOf:
    """Conditions that hold together: a red flag raised by a combination.

    >>> str(AllOf((Condition("leg_cold_pale_or_blue"), Condition("numbness"))))
    'leg_cold_pale_or_blue is yes and numbness is yes'
    """

    conditions: tuple[Condition, ...]

    def __str__(self) -> str:
        return " and ".join(map(str, self.conditions))


@attrs.frozen(weakref_slot=False)
class RiskNote:
    """A risk factor a raised red flag names when the answers show it, such as a recent birth.

    >>> str(RiskNote(Condition("cancer"), "active cancer or its treatment"))
    'active cancer or its treatment (cancer is yes)'
    """

    when: Condition
    text: str

    def __str__(self) -> str:
        return f"{self.text} ({self.when})"


@attrs.frozen(weakref_slot=False)
class RedFlag:
    """A warning sign that calls for medical help, whatever the scores say.

    The flag is raised when any of *when* holds: a :class:`Condition`, or an
    :class:`AllOf` whose conditions all hold. *time_frame* says in words how soon
    to get help (empty: the urgency's own time frame). When the flag is raised,
    each of its *risk_factors* that the answers show is named with it.

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
    when: tuple[Condition | AllOf, ...]
    time_frame: str = ""
    risk_factors: tuple[RiskNote, ...] = ()
    #: Concepts of other code systems for what the flag points to (SNOMED CT).
    codes: tuple[Code, ...] = ()

    @property
    def conditions(self) -> tuple[Condition, ...]:
        """Return every condition the flag tests, those inside combinations included."""
        found: list[Condition] = []
        for alternative in self.when:
            found += alternative.conditions if isinstance(alternative, AllOf) else (alternative,)
        return tuple(found)


@attrs.frozen(weakref_slot=False)
class AdviceRule:
    """Advice that replaces other advice when a condition holds.

    When any of *when* holds and the result's advice holds any of *replaces*,
    those are taken out and *advice* goes in their place: "drink more" becomes
    "ask your doctor how much to drink" for someone on a fluid limit.
    """

    when: tuple[Condition, ...]
    replaces: tuple[str, ...]
    advice: str
    sources: tuple[Source, ...]


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
        @property
        def worsening_advice(self) -> str: ...
        @property
        def advice_rules(self) -> tuple[AdviceRule, ...]: ...
