"""The result of an assessment: its findings, and its JSON-ready and plain-text forms.

A result is a value: it imports nothing of the engine that makes it, nor of the
views above it (FHIR, schemas, the round trip), but for the report
(:mod:`legcramps._report`), which its :meth:`Assessment.report` loads on first use.
It holds the knowledge that made it only as an object with an ``assess`` method, to
pickle itself small.
"""

# At run time too, so that typing.get_type_hints(Assessment) resolves; attrs loads both.
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, NoReturn, Protocol

import attrs

from legcramps._errors import unknown_id
from legcramps._model import (
    AnswerValue,
    Cause,
    Level,
    Medication,
    RedFlag,
    RiskFactor,
    Source,
    Urgency,
)
from legcramps._shown import Shown

if TYPE_CHECKING:
    from legcramps._catalog import Catalog


@attrs.frozen(repr=False, weakref_slot=False)
class Evidence(Shown):
    """One answer that raised a cause's score: the *factor*, the *value* and why.

    For the medication list, *value* holds the generic names that matched.
    """

    factor: RiskFactor
    value: AnswerValue
    reason: str
    weight: int


@attrs.frozen(repr=False, weakref_slot=False)
class Finding(Shown):
    """What the answers say about one cause.

    *unanswered* lists the cause's inputs not yet answered, so that "unlikely
    so far" can be told apart from "ruled out".
    """

    cause: Cause
    level: Level
    score: int
    evidence: tuple[Evidence, ...]
    unanswered: tuple[RiskFactor, ...]


@attrs.frozen(repr=False, weakref_slot=False)
class RaisedFlag(Shown):
    """A red flag the answers raised, with the risk factors for it that they show.

    Reads like its :class:`~legcramps.RedFlag` (``id``, ``name``, ``why``,
    ``urgency``, ``advice``, ``sources``); *time_frame* is the flag's own, or its
    urgency's.

    >>> import legcramps
    >>> a = legcramps.assess(one_leg_pain_or_tenderness=True, pregnant_or_postpartum=True,
    ...                      sex="female")
    >>> flag = a.red_flags[0]
    >>> flag.id, flag.urgency.value, flag.risk_factors
    ('deep_vein_thrombosis', 'urgent', ('pregnancy, or a birth in the last 6 weeks',))
    """

    flag: RedFlag
    risk_factors: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        """The flag's id."""
        return self.flag.id

    @property
    def name(self) -> str:
        """The flag's name."""
        return self.flag.name

    @property
    def why(self) -> str:
        """Why the flag matters, in plain language."""
        return self.flag.why

    @property
    def urgency(self) -> Urgency:
        """How soon to get help for it."""
        return self.flag.urgency

    @property
    def advice(self) -> str:
        """What to do."""
        return self.flag.advice

    @property
    def time_frame(self) -> str:
        """How soon to get help, in words."""
        return self.flag.time_frame or self.flag.urgency.time_frame

    @property
    def sources(self) -> tuple[Source, ...]:
        """Where the flag comes from."""
        return self.flag.sources


class FrozenAnswers(Mapping[str, AnswerValue]):
    """The answers an assessment was made from, in the knowledge's factor order.

    Compares equal to any mapping with the same items, such as a dict. A plain
    class rather than an attrs one: it is built on every call and created at
    import, where each attrs class costs a fraction of a millisecond.

    >>> answers = FrozenAnswers({"hot_weather": True})
    >>> answers == {"hot_weather": True}, answers["hot_weather"]
    (True, True)
    """

    __slots__ = ("_values",)
    _values: dict[str, AnswerValue]

    def __init__(self, values: dict[str, AnswerValue]) -> None:
        # Takes the dict over without a copy (the engine builds a fresh one per call):
        # nothing else may change it.
        object.__setattr__(self, "_values", values)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        msg = "the answers of an assessment cannot be changed"
        raise AttributeError(msg)

    def __getitem__(self, key: str) -> AnswerValue:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, key: object) -> bool:
        return key in self._values

    def __hash__(self) -> int:
        return hash(frozenset(self._values.items()))

    def __reduce__(self) -> "tuple[type[FrozenAnswers], tuple[dict[str, AnswerValue]]]":
        return (FrozenAnswers, (self._values,))

    def __repr__(self) -> str:
        return repr(self._values)

    def copy(self) -> dict[str, AnswerValue]:
        """Return the answers as a new dict, as :meth:`types.MappingProxyType.copy` does.

        >>> FrozenAnswers({"sitting_hours": 3}).copy()
        {'sitting_hours': 3}
        """
        return self._values.copy()


class Assessor(Protocol):
    """What made a result: anything that assesses answers, such as a ``Knowledge``."""

    def assess(self, mapping: Mapping[str, Any], /) -> "Assessment":
        """Return the assessment of the answers in *mapping*."""
        ...


@attrs.frozen(repr=False, weakref_slot=False)
class Assessment:
    """What the answers say about the causes of someone's leg cramps.

    Made by :func:`~legcramps.assess`; immutable, comparable and picklable.

    *findings* holds one :class:`~legcramps.Finding` per cause, most likely
    first (by level: likely, possible, unknown, unlikely; then by score; then in
    the knowledge's order). *urgency* says how soon to get medical help; raised
    *red_flags* (:class:`~legcramps.RaisedFlag`, most urgent first) decide it
    whatever the scores, and *may_rise_to* is the more urgent level that a
    question still open could raise it to (``None`` when none can). *advice* is
    ordered and has no duplicates.

    *next_questions* lists the questions to ask, in order: red-flag questions
    first, the most urgent first, a screening question in place of its members;
    then the inputs whose signs raise the urgency (a medication started around the
    onset); then the inputs that can add the most to the scores (the sum of their
    signs' weights); ties in the knowledge's factor order. A question that cannot
    apply is not listed, and one that applies only sometimes comes after those
    that decide whether it does.

    *answers* holds the normalised inputs as given (a read-only mapping);
    *medications* the recognised ones, in the order given, and
    *unrecognized_medications* the names, or parts of names, not recognised.

    >>> import legcramps
    >>> a = legcramps.assess(exercise_minutes=120, exercise_intensity="vigorous")
    >>> a.findings[0].cause.id, a.findings[0].level
    ('overuse', <Level.LIKELY: 'likely'>)
    >>> a.urgency, a.may_rise_to
    (<Urgency.UNDETERMINED: 'undetermined'>, <Urgency.EMERGENCY: 'emergency'>)
    >>> a.next_questions[0].id
    'emergency_signs'
    """

    findings: tuple[Finding, ...]
    urgency: Urgency
    red_flags: tuple[RaisedFlag, ...]
    advice: tuple[str, ...]
    next_questions: tuple[RiskFactor, ...]
    answers: Mapping[str, AnswerValue]
    medications: tuple[Medication, ...]
    unrecognized_medications: tuple[str, ...]
    knowledge_version: str
    disclaimer: str
    may_rise_to: Urgency | None = None
    #: The knowledge that made this result, if known; not compared, not shown.
    _knowledge: Assessor | None = attrs.field(default=None, eq=False, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        # A result pickles as its knowledge and answers, and is assessed again when
        # unpickled: far smaller and faster than its findings, which matters when a
        # process pool sends results back. assess() is deterministic, so the copy is equal.
        if self._knowledge is None:
            return (_rebuild, tuple(getattr(self, a.name) for a in attrs.fields(Assessment)))
        return (self._knowledge.assess, (dict(self.answers),))

    def __repr__(self) -> str:
        """Return a short repr: the urgency, the raised flags and each cause's level.

        The whole result is in :meth:`to_dict`; a repr of every finding, factor and cause
        would run to tens of thousands of characters.

        >>> import legcramps
        >>> legcramps.assess(sitting_hours=6, dark_urine=True)
        <Assessment emergency, flags: rhabdomyolysis; posture likely, overuse unknown, fatigue unknown, medication unknown, dehydration unknown>
        """  # noqa: E501 - a doctest's output is one line
        flags = ", ".join(r.id for r in self.red_flags) or "none"
        levels = ", ".join(f"{f.cause.id} {f.level.value}" for f in self.findings)
        return f"<Assessment {self.urgency.value}, flags: {flags}; {levels}>"

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:  # noqa: ARG002, FBT001 - the protocol's
        """Show the short repr in IPython and in Hypothesis's reports too."""
        printer.text(repr(self))

    def finding(self, cause_id: str) -> Finding:
        """Return the finding for the cause *cause_id*.

        :raises ~legcramps.UnknownId: (an :class:`~legcramps.InvalidInput` and a
            :class:`KeyError`) if no cause has that id.

        >>> import legcramps
        >>> legcramps.assess(overtired=True).finding("fatigue").level
        <Level.POSSIBLE: 'possible'>
        """
        if isinstance(cause_id, str):
            for finding in self.findings:
                if finding.cause.id == cause_id:
                    return finding
        ids = tuple(f.cause.id for f in self.findings)
        raise unknown_id(input_name="cause_id", received=cause_id, ids=ids)

    @property
    def likely(self) -> tuple[Finding, ...]:
        """Return the findings at :attr:`Level.LIKELY <legcramps.Level.LIKELY>`.

        >>> import legcramps
        >>> [f.cause.id for f in legcramps.assess(medications=["Lasix"]).likely]
        ['medication']
        """
        return tuple(f for f in self.findings if f.level is Level.LIKELY)

    def to_dict(self, *, language: "str | Catalog" = "en") -> dict[str, Any]:
        """Return the assessment as a JSON-ready dict.

        Enums become their string values; causes, factors and red flags are
        named by id; recognised medications carry their generic name, class and
        ATC code. The texts (reasons, red flags, advice, the disclaimer) are in
        *language*: a code of :data:`~legcramps.LANGUAGES` or a
        :class:`~legcramps.Catalog`; ids and values are the same in every language.

        :raises InvalidInput: if *language* is neither.

        >>> import json, legcramps
        >>> a = legcramps.assess(fluid_litres=0.5, hot_weather=True)
        >>> d = a.to_dict()
        >>> d["findings"][0]["cause"], d["findings"][0]["level"], d["urgency"]
        ('dehydration', 'likely', 'undetermined')
        >>> json.loads(json.dumps(d)) == d
        True
        >>> a.to_dict(language="es")["findings"][0]["evidence"][1]["reason"]
        'Tiempo caluroso.'
        """
        # Written out by hand for speed: one plain loop per level, no helper calls, and
        # every container built fresh, so that callers may change the result freely.
        findings = []
        for f in self.findings:
            evidence = []
            for e in f.evidence:
                value = e.value
                evidence.append(
                    {
                        "factor": e.factor.id,
                        # A tuple only for a medication list, and always a plain one:
                        # cheaper to test than isinstance().
                        "value": list(value) if type(value) is tuple else value,
                        "reason": e.reason,
                        "weight": e.weight,
                    }
                )
            findings.append(
                {
                    "cause": f.cause.id,
                    "level": f.level._value_,
                    "score": f.score,
                    "evidence": evidence,
                    "unanswered": [u.id for u in f.unanswered] if f.unanswered else [],
                }
            )
        answers = {}
        for name, value in self.answers.items():  # a loop: a comprehension costs a call
            answers[name] = list(value) if type(value) is tuple else value
        medications = []
        for m in self.medications:
            med = {"generic": m.generic, "class": m.drug_class._value_, "atc": m.atc}
            medications.append(med)  # a loop: a comprehension costs a call before 3.12
        result = {
            "knowledge_version": self.knowledge_version,
            "urgency": self.urgency._value_,
            "may_rise_to": None if self.may_rise_to is None else self.may_rise_to._value_,
            "findings": findings,
            "red_flags": [
                {
                    "id": r.id,
                    "name": r.name,
                    "why": r.why,
                    "urgency": r.urgency._value_,
                    "time_frame": r.time_frame,
                    "risk_factors": list(r.risk_factors),
                }
                for r in self.red_flags
            ]
            if self.red_flags
            else [],
            "advice": list(self.advice),
            "next_questions": [q.id for q in self.next_questions] if self.next_questions else [],
            "answers": answers,
            "medications": medications,
            "unrecognized_medications": list(self.unrecognized_medications),
            "disclaimer": self.disclaimer,
        }
        if language == "en":
            return result
        from legcramps._catalog import translated_dict  # a rare path: load it on first use

        return translated_dict(result, language)

    def report(
        self, *, language: "str | Catalog" = "en", width: int | None = 80, emphasis: bool = False
    ) -> str:
        """Return the plain-text report of the assessment, for a person to read.

        The urgency comes first; at an emergency or an urgent result, what to do
        first, and the questions still open are only counted (but for one that could
        make an urgent result an emergency). Then the warning signs, each cause with
        how likely it is ("unlikely so far (3 unanswered)" while its questions are
        open), the advice, the questions still to ask and the disclaimer.

        *language* is a code of :data:`~legcramps.LANGUAGES` or a
        :class:`~legcramps.Catalog`. Lines are wrapped to *width* characters (at least
        20; ``None`` does not wrap), and a word is never split: a line is longer only
        when one word is. *emphasis* marks an emergency with bold (ANSI) text, for a
        terminal that shows it; the caller decides (say, not when ``NO_COLOR`` is set).
        ``str(assessment)`` is ``assessment.report()``.

        :raises InvalidInput: if *language*, *width* or *emphasis* is not one of those.

        >>> import legcramps
        >>> a = legcramps.assess(dark_urine=True)
        >>> print(a.report(width=60))  # doctest: +ELLIPSIS
        Leg cramp assessment (knowledge ...)
        Urgency: EMERGENCY: get emergency help now.
        Do this first:
          - Get emergency medical help now.
        Warning signs:
          - Dark urine, or weak muscles with pain far worse than
            expected: Tea- or cola-coloured urine (after exertion or
            heat, or on a statin, for example), or weakness with
            pain far worse than expected, may be rhabdomyolysis, a
            breakdown of muscle that can damage the kidneys. Get
            emergency medical help now. (now: call your local
            emergency number (such as 999, 911 or 112) or go to an
            emergency department)
        Causes:
        ...
        >>> print(a.report(language="es").splitlines()[1])
        Urgencia: EMERGENCIA: pida ayuda de emergencia ahora.
        >>> str(a) == a.report()
        True
        """
        # The report is a view of the result: it is loaded on first use, and nothing
        # else here depends on it (tests/test_layers.py allows this one lazy import).
        from legcramps._report import report

        return report(self, language=language, width=width, emphasis=emphasis)

    def __str__(self) -> str:
        """Return the plain-text report, as :meth:`report` gives it with its defaults."""
        return self.report()


def _rebuild(*values: Any) -> Assessment:
    return Assessment(*values)
