"""The result of an assessment, and its JSON-ready and plain-text forms."""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any, cast

import attrs

from legcramps._answers import FrozenAnswers
from legcramps._model import (
    AnswerValue,
    Finding,
    Level,
    Medication,
    RedFlag,
    RiskFactor,
    Urgency,
    ValueBase,
)
from legcramps.exceptions import unknown_id

if TYPE_CHECKING:
    import datetime  # noqa: ICN001 - the docs show annotations as written: datetime.date reads best
    from collections.abc import Mapping

    from legcramps._knowledge import Knowledge

_URGENCY_TEXT = MappingProxyType(
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


@attrs.frozen(repr=False, eq=False)
class Assessment(ValueBase):
    """What the answers say about the causes of someone's leg cramps.

    Made by :func:`~legcramps.assess`; immutable, comparable and picklable.

    *findings* holds one :class:`~legcramps.Finding` per cause, most likely
    first (by level: likely, possible, unknown, unlikely; then by score; then in
    the knowledge's order). *urgency* says how soon to get medical help; raised
    *red_flags* decide it whatever the scores. *advice* is ordered and has no
    duplicates. *next_questions* lists the unanswered inputs: red-flag questions
    first, the most urgent flag's first; then the inputs whose signs raise the
    urgency (a medication started around the onset); then the inputs that can
    add the most to the scores (the sum of their signs' weights); ties in the
    knowledge's factor order. The order is computed once per knowledge, so producing it
    costs a filter per call. *answers* holds the normalised inputs (a read-only
    mapping); *medications* the recognised ones, in the order given, and
    *unrecognized_medications* the names that were not recognised.

    >>> import legcramps
    >>> a = legcramps.assess(exercise_minutes=120, exercise_intensity="vigorous")
    >>> a.findings[0].cause.id, a.findings[0].level
    ('overuse', <Level.LIKELY: 'likely'>)
    >>> a.urgency
    <Urgency.UNDETERMINED: 'undetermined'>
    >>> a.next_questions[0].id
    'chest_pain_or_breathlessness'
    """

    findings: tuple[Finding, ...]
    urgency: Urgency
    red_flags: tuple[RedFlag, ...]
    advice: tuple[str, ...]
    next_questions: tuple[RiskFactor, ...]
    answers: Mapping[str, AnswerValue]
    medications: tuple[Medication, ...]
    unrecognized_medications: tuple[str, ...]
    knowledge_version: str
    disclaimer: str
    #: The knowledge that made this result, if known; not compared, not shown.
    _knowledge: Knowledge | None = attrs.field(default=None, eq=False, repr=False)

    def __reduce__(self) -> tuple[Any, ...]:
        # A result pickles as its knowledge and answers, and is assessed again when
        # unpickled: far smaller and faster than its findings, which matters when a
        # process pool sends results back. assess() is deterministic, so the copy is equal.
        if self._knowledge is None:
            return (_rebuild, tuple(getattr(self, a.name) for a in attrs.fields(Assessment)))
        from legcramps._knowledge import reassess

        return (reassess, (self._knowledge, dict(self.answers)))

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

    def to_dict(self) -> dict[str, Any]:
        """Return the assessment as a JSON-ready dict.

        Enums become their string values; causes, factors and red flags are
        named by id; recognised medications carry their generic name, class and
        ATC code.

        >>> import json, legcramps
        >>> d = legcramps.assess(fluid_litres=0.5, hot_weather=True).to_dict()
        >>> d["findings"][0]["cause"], d["findings"][0]["level"], d["urgency"]
        ('dehydration', 'likely', 'undetermined')
        >>> json.loads(json.dumps(d)) == d
        True
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
        answers = self.answers
        knowledge = self._knowledge
        answers_dict: dict[str, Any]
        if knowledge is not None and type(answers) is FrozenAnswers:
            # The engine's answers: only its medication lists are tuples, so convert just
            # those instead of testing every answer.
            answers_dict = cast("dict[str, Any]", answers.copy())
            for name in knowledge._compiled.list_inputs:  # noqa: SLF001 - its own engine
                if name in answers_dict:
                    answers_dict[name] = list(answers_dict[name])
        else:
            answers_dict = {
                name: list(value) if isinstance(value, tuple) else value
                for name, value in answers.items()
            }
        medications = []
        for m in self.medications:
            med = {"generic": m.generic, "class": m.drug_class._value_, "atc": m.atc}
            medications.append(med)  # a loop: a comprehension costs a call before 3.12
        return {
            "knowledge_version": self.knowledge_version,
            "urgency": self.urgency._value_,
            "findings": findings,
            "red_flags": [
                {"id": r.id, "name": r.name, "why": r.why, "urgency": r.urgency._value_}
                for r in self.red_flags
            ]
            if self.red_flags
            else [],
            "advice": list(self.advice),
            "next_questions": [q.id for q in self.next_questions] if self.next_questions else [],
            "answers": answers_dict,
            "medications": medications,
            "unrecognized_medications": list(self.unrecognized_medications),
            "disclaimer": self.disclaimer,
        }

    def __str__(self) -> str:
        """Return a plain-text report for a person to read."""
        lines = [
            f"Leg cramp assessment (knowledge {self.knowledge_version})",
            f"Urgency: {_URGENCY_TEXT[self.urgency]}",
        ]
        if self.red_flags:
            lines.append("Warning signs:")
            lines.extend(f"  - {r.name}: {r.why} {r.advice}" for r in self.red_flags)
        lines.append("Causes:")
        for f in self.findings:
            if f.level is Level.UNKNOWN:
                lines.append(f"  {f.level.value:<9} {f.cause.name} (not asked yet)")
                continue
            lines.append(f"  {f.level.value:<9} {f.cause.name} (score {f.score})")
            lines.extend(f"              - {e.reason}" for e in f.evidence)
        if self.advice:
            lines.append("Advice:")
            lines.extend(f"  - {a}" for a in self.advice)
        if self.unrecognized_medications:
            names = ", ".join(self.unrecognized_medications)
            lines.append(f"Medications not recognised: {names}")
        if self.next_questions:
            lines.append("Still to ask:")
            lines.extend(f"  - {q.question}" for q in self.next_questions)
        lines.extend(("", self.disclaimer))
        return "\n".join(lines)

    # --- interoperability (logic in _fhir.py and _roundtrip.py) ---------------------------

    def to_fhir(
        self,
        *,
        subject: str | Mapping[str, Any],
        occurrence: datetime.datetime | datetime.date | str | None = None,
        status: str = "final",
        resource_id: str | None = None,
    ) -> dict[str, Any]:
        """Return the assessment as an HL7 FHIR R4 ``RiskAssessment`` resource (a JSON-ready dict).

        *subject* is the person, as a reference string such as ``"Patient/123"``
        or a FHIR ``Reference`` dict. *occurrence* is when the assessment was
        made: a timezone-aware ``datetime.datetime``, a ``datetime.date`` or a
        FHIR ``dateTime`` string. See the FHIR page of the docs for the
        mapping of each part.

        :raises InvalidInput: if *subject*, *occurrence*, *status* or
            *resource_id* is not acceptable.

        >>> import legcramps
        >>> r = legcramps.assess(fluid_litres=0.5).to_fhir(subject="Patient/1")
        >>> r["resourceType"], r["subject"]
        ('RiskAssessment', {'reference': 'Patient/1'})
        >>> r["prediction"][0]["qualitativeRisk"]["coding"][0]["code"]
        'moderate'
        """
        from legcramps._fhir import to_fhir

        return to_fhir(
            self, subject=subject, occurrence=occurrence, status=status, resource_id=resource_id
        )

    @classmethod
    def from_dict(
        cls, data: Mapping[str, Any], *, knowledge: Knowledge | None = None
    ) -> Assessment:
        """Return the assessment that :meth:`to_dict` turned into *data*.

        Only the answers are trusted: they are assessed again against
        *knowledge* (the built-in :data:`legcramps.KNOWLEDGE` by default, which
        must be the version that made *data*), and every other part of *data*
        must equal that assessment's :meth:`to_dict`. The assessment returned
        is the knowledge's own, so an edited urgency, advice or disclaimer can
        never come back as a result.

        :raises InvalidInput: if *data* comes from another knowledge version, is
            malformed, or differs from what its answers give; each problem is
            named by its path, such as ``findings[0].level``.

        >>> import json, legcramps
        >>> a = legcramps.assess(sitting_hours=6, medications=["Lasix"])
        >>> legcramps.Assessment.from_dict(json.loads(json.dumps(a.to_dict()))) == a
        True
        """
        from legcramps._roundtrip import from_dict

        return from_dict(data, knowledge)


def _rebuild(*values: Any) -> Assessment:
    return Assessment(*values)
