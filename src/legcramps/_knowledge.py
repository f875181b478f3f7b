"""The :class:`Knowledge` value: a knowledge base, its lookups, and ``assess()``.

The top of the engine: building a knowledge checks it (:mod:`legcramps._checks`)
and compiles it (:mod:`legcramps._compile`); assessing validates the answers once
(:mod:`legcramps._answers`) and evaluates them (:mod:`legcramps._evaluate`).
"""

# At run time too, so that typing.get_type_hints(Knowledge.assess) resolves.
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, TypeVar

import attrs

from legcramps import _data
from legcramps._answers import validate
from legcramps._compile import Tables, compile_tables, fill_factors
from legcramps._errors import (
    InvalidInput,
    InvalidKnowledge,
    Problem,
    Problems,
    describe,
    unknown_id,
)
from legcramps._evaluate import evaluate
from legcramps._medications import lookup_medication
from legcramps._model import AdviceRule, AnswerValue, Cause, Medication, RedFlag, RiskFactor
from legcramps._result import Assessment
from legcramps._shown import Shown


# A knowledge base is large (hashing it walks every cause, sign and medication) and a
# natural cache key, so attrs caches its hash.
@attrs.frozen(cache_hash=True, repr=False, weakref_slot=False)
class Knowledge(Shown):
    """A knowledge base: the factors, causes, red flags and medications to assess against.

    :data:`legcramps.KNOWLEDGE` is the built-in one. Build your own from it
    with :func:`attrs.evolve` to change a threshold or add a cause; the
    engine is generic, so nothing else needs to change. The knowledge is
    checked when it is built (:class:`~legcramps.InvalidKnowledge` lists every
    inconsistency) and compiled into lookup tables once. Each factor's
    ``causes`` and ``red_flags`` are filled in from the signs and red flags.

    Change a threshold: sitting counts from 3 hours instead of 4.

    >>> import attrs, legcramps
    >>> from legcramps import Condition
    >>> k = legcramps.KNOWLEDGE
    >>> posture = k.cause("posture")
    >>> signs = tuple(
    ...     attrs.evolve(s, when=Condition("sitting_hours", at_least=3),
    ...                  reason="Sitting for 3 hours or more at a stretch.")
    ...     if s.when == Condition("sitting_hours", at_least=4) else s
    ...     for s in posture.signs
    ... )
    >>> mine = k.replace_cause(attrs.evolve(posture, signs=signs), version="my-clinic-1")
    >>> legcramps.assess(sitting_hours=3.5).finding("posture").level
    <Level.POSSIBLE: 'possible'>
    >>> mine.assess(sitting_hours=3.5).finding("posture").level
    <Level.LIKELY: 'likely'>

    Add a sixth cause with a new input:

    >>> from legcramps import Cause, FactorKind, RiskFactor, Sign, Source
    >>> note = Source("clinic-notes", "Our clinic's notes", "Internal, 2026.")
    >>> cold = Cause(
    ...     id="cold", name="Cold exposure", summary="Cramps after swimming in cold water.",
    ...     mechanism="Cold muscles contract less smoothly.", advice=("Warm up first.",),
    ...     evidence_note="Anecdotal.", sources=(note,),
    ...     signs=(Sign(Condition("cold_water"), 3, "Swimming in cold water.", note),),
    ... )
    >>> mine = attrs.evolve(
    ...     k, version="my-clinic-2",
    ...     factors=k.factors + (RiskFactor("cold_water", "Did you swim in cold water?",
    ...                                     FactorKind.YES_NO),),
    ...     causes=k.causes + (cold,),
    ... )
    >>> a = mine.assess(cold_water=True)
    >>> a.findings[0].cause.id, a.findings[0].level.value, a.knowledge_version
    ('cold', 'likely', 'my-clinic-2')
    """

    version: str
    factors: tuple[RiskFactor, ...]
    causes: tuple[Cause, ...]
    red_flags: tuple[RedFlag, ...]
    medications: tuple[Medication, ...]
    #: A cause whose score reaches ``likely_at`` is likely; ``possible_at``, possible.
    likely_at: int = _data.LIKELY_AT
    possible_at: int = _data.POSSIBLE_AT
    disclaimer: str = _data.DISCLAIMER
    no_obvious_cause_advice: str = _data.NO_OBVIOUS_CAUSE_ADVICE
    unanswered_red_flags_advice: str = _data.UNANSWERED_RED_FLAGS_ADVICE
    self_care_advice: str = _data.SELF_CARE_ADVICE
    undetermined_advice: str = _data.UNDETERMINED_ADVICE
    unrecognized_medications_advice: str = _data.UNRECOGNIZED_MEDICATIONS_ADVICE
    worsening_advice: str = _data.WORSENING_ADVICE
    advice_rules: tuple[AdviceRule, ...] = _data.ADVICE_RULES
    _tables: Tables = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        if not _is_builtin_data(self):
            from legcramps._checks import check  # custom knowledge only: a rare path

            problems = check(self)
            if problems:
                raise InvalidKnowledge(tuple(problems.found), problems.more)
        object.__setattr__(self, "factors", fill_factors(self))
        builtin = globals().get("KNOWLEDGE")  # None while the built-in one itself is built
        if builtin is not None and self.version == builtin.version and self != builtin:
            expected = "a version of its own: this knowledge differs from the built-in one"
            raise InvalidKnowledge((Problem("version", describe(self.version), expected),))
        object.__setattr__(self, "_tables", compile_tables(self))

    def __reduce__(self) -> tuple[Any, ...]:
        # The built-in knowledge pickles as a reference to itself, with its version; another
        # is rebuilt (and compiled again) from its fields.
        if self is KNOWLEDGE:
            return (_builtin_knowledge, (self.version,))
        fields = {a.alias: getattr(self, a.name) for a in attrs.fields(Knowledge) if a.init}
        return (_rebuild_knowledge, (fields,))

    # --- lookups ---------------------------------------------------------------------

    def factor(self, factor_id: str) -> RiskFactor:
        """Return the risk factor *factor_id*.

        :raises ~legcramps.UnknownId: (an :class:`~legcramps.InvalidInput` and a
            :class:`KeyError`)
            if there is none.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.factor("sitting_hours").unit
        'hours'
        """
        found = self._tables.factors.get(factor_id) if isinstance(factor_id, str) else None
        if found is None:
            raise unknown_id(
                input_name="factor_id", received=factor_id, ids=tuple(f.id for f in self.factors)
            )
        return found

    def cause(self, cause_id: str) -> Cause:
        """Return the cause *cause_id*.

        :raises ~legcramps.UnknownId: (an :class:`~legcramps.InvalidInput` and a
            :class:`KeyError`)
            if there is none.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.cause("dehydration").name
        'Dehydration'
        """
        return _by_id(self.causes, "cause_id", cause_id)

    def red_flag(self, flag_id: str) -> RedFlag:
        """Return the red flag *flag_id*.

        :raises ~legcramps.UnknownId: (an :class:`~legcramps.InvalidInput` and a
            :class:`KeyError`)
            if there is none.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.red_flag("long_cramp").urgency.value
        'urgent'
        """
        return _by_id(self.red_flags, "flag_id", flag_id)

    def replace_cause(self, cause: Cause, *, version: str) -> "Knowledge":
        """Return a copy with *cause* in place of the cause with its id, or added last.

        A changed knowledge needs its own *version*, so its results can be told apart.

        >>> import attrs, legcramps
        >>> k = legcramps.KNOWLEDGE
        >>> quiet = attrs.evolve(k.cause("overuse"), name="Too much exercise")
        >>> [c.name for c in k.replace_cause(quiet, version="v2").causes][:2]
        ['Too much exercise', 'Fatigue and incomplete recovery']
        """
        causes = tuple(cause if c.id == cause.id else c for c in self.causes)
        if cause not in causes:
            causes += (cause,)
        return attrs.evolve(self, causes=causes, version=version)

    def recognize_medication(self, name: str) -> Medication | None:
        """Return the medication *name* refers to, or ``None`` if it is not recognised.

        Matches generic names, brands and other spellings, ignoring case and a
        trailing strength such as ``"40 mg"``.

        :raises InvalidInput: if *name* is not a string.

        >>> import legcramps
        >>> legcramps.recognize_medication("HYDROCHLOROTHIAZIDE 25mg").atc
        'C03AA03'
        >>> legcramps.recognize_medication("aspirin") is None
        True
        """
        if not isinstance(name, str):
            raise InvalidInput((Problem("name", describe(name), "a medication name (a string)"),))
        return lookup_medication(self._tables.medications, name)

    def inputs_of(self, cause_id: str) -> tuple[RiskFactor, ...]:
        """Return the factors that speak to the cause *cause_id*, in the knowledge's order.

        :raises ~legcramps.UnknownId: if no cause has that id.

        >>> import legcramps
        >>> [f.id for f in legcramps.KNOWLEDGE.inputs_of("posture")]
        ['sitting_hours', 'standing_hours']
        """
        cause = self.cause(cause_id)
        return tuple(f for f in self.factors if cause.id in f.causes)

    def parse_answer(self, factor_id: str, text: str) -> AnswerValue | None:
        """Return the answer that *text*, as a person typed it, gives to the input *factor_id*.

        See :func:`legcramps.parse_answer`; this one reads the answers of this
        knowledge's own inputs too.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.parse_answer("sitting_hours", "90 min")
        1.5
        """
        from legcramps._parse import NotUnderstood, close_choice, expected_text, read_answer

        factor = self.factor(factor_id)
        if not isinstance(text, str):
            expected = "the text of an answer (a str)"
            raise InvalidInput((Problem("text", describe(text), expected),))
        text = str.__str__(text)
        try:
            value = read_answer(factor, text)
        except NotUnderstood:
            pass
        else:
            if value is None:
                return None
            try:
                return self.validate({factor.id: value})[factor.id]
            except InvalidInput:  # out of range, or NaN: said below, in the words of text
                pass
        hint = close_choice(factor, text) or "or 'skip' if not known"
        raise InvalidInput((Problem(factor.id, describe(text), expected_text(factor), hint),))

    # --- assessment ------------------------------------------------------------------

    def validate(
        self, mapping: Mapping[str, Any] | None = None, /, **answers: Any
    ) -> dict[str, AnswerValue]:
        """Return the known answers, checked and normalised, as :meth:`assess` reads them.

        The one check of answers that every entry point uses: ``assess()``, the
        command line, the interview and the round trip. Unknown answers (``None``)
        are left out; a medication list becomes a tuple of names; an ``int`` or
        ``float`` subclass becomes the plain number it holds.

        :raises InvalidInput: listing every problem, as :meth:`assess` does.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.validate({"medications": [" Lasix "], "hot_weather": None})
        {'medications': ('Lasix',)}
        """
        return validate(self._tables.checks, mapping, answers)

    def assess(self, mapping: Mapping[str, Any] | None = None, /, **answers: Any) -> Assessment:
        """Assess the answers against this knowledge; see :func:`legcramps.assess`.

        >>> import legcramps
        >>> legcramps.KNOWLEDGE.assess(sitting_hours=8).likely[0].cause.id
        'posture'
        """
        tables = self._tables
        return evaluate(tables, self, validate(tables.checks, mapping, answers))


_WithId = TypeVar("_WithId", Cause, RedFlag)


def _by_id(items: tuple[_WithId, ...], input_name: str, wanted: object) -> _WithId:
    """Return the item of *items* whose id is *wanted*, or raise :class:`UnknownId`."""
    if isinstance(wanted, str):
        for item in items:
            if item.id == wanted:
                return item
    raise unknown_id(input_name, wanted, tuple(i.id for i in items))


def checked_knowledge(knowledge: object, problems: Problems) -> Knowledge:
    """Return *knowledge*, or the built-in knowledge for ``None``.

    Anything else adds a problem to *problems* (and the built-in knowledge is
    returned, so that the caller can go on collecting problems).
    """
    if knowledge is None:
        return KNOWLEDGE
    if not isinstance(knowledge, Knowledge):
        expected = "a legcramps.Knowledge, or None for the built-in one"
        problems.add("knowledge", describe(knowledge), expected)
        return KNOWLEDGE
    return knowledge


def _is_builtin_data(knowledge: Knowledge) -> bool:
    """Return whether every field of *knowledge* is the very object the built-in data holds.

    The built-in data is immutable, and the tests check it as they check any other
    knowledge (``tests/test_checks.py``), so building it at import skips the checks.
    """
    return all(
        getattr(knowledge, a.name) is _BUILTIN_FIELDS.get(a.name, a.default)
        for a in attrs.fields(Knowledge)
        if a.init
    )


_BUILTIN_FIELDS = MappingProxyType(
    {
        "version": _data.VERSION,
        "factors": _data.FACTORS,
        "causes": _data.CAUSES,
        "red_flags": _data.RED_FLAGS,
        "medications": _data.MEDICATIONS,
    }
)


def _builtin_knowledge(version: str) -> Knowledge:
    """Return the built-in knowledge, if it is still the *version* that was pickled.

    A result pickled under another version would be assessed again by a different
    knowledge and come back different: refuse it rather than change it silently.
    """
    if version != KNOWLEDGE.version:
        received = f"a pickle made with the built-in knowledge {version!r}"
        expected = (
            f"one made with the installed knowledge {KNOWLEDGE.version!r}; keep results "
            "across versions with Assessment.to_dict()"
        )
        raise InvalidInput((Problem("pickle", received, expected),))
    return KNOWLEDGE


def _rebuild_knowledge(fields: dict[str, Any]) -> Knowledge:
    return Knowledge(**fields)


KNOWLEDGE = Knowledge(
    version=_data.VERSION,
    factors=_data.FACTORS,
    causes=_data.CAUSES,
    red_flags=_data.RED_FLAGS,
    medications=_data.MEDICATIONS,
)
