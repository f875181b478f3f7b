"""A result's :meth:`~legcramps.Assessment.to_dict` form, written straight to JSON text.

Most of a result's JSON is the same on every line: the knowledge's ids, names,
reasons and advice, the disclaimer. :class:`ResultWriter` encodes each of
those once, and per result joins the pieces, without building the dict or
escaping the same text again: the standard library's encoder does per line
what this does once per run. The text is exactly what
``json.dumps(result.to_dict(), separators=(",", ":"))`` gives; the writer
checks that on sample results of its knowledge when it is made, and
:func:`result_writer` gives ``None`` (use ``to_dict()``) if the form of a
result has changed under it.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring_ascii
from typing import TYPE_CHECKING, Any

from legcramps._knowledge import KNOWLEDGE
from legcramps._model import FactorKind
from legcramps._result import FrozenAnswers

if TYPE_CHECKING:
    from collections.abc import Callable

    from legcramps._knowledge import Knowledge
    from legcramps._result import Assessment

_DUMPS = json.JSONEncoder(separators=(",", ":"), check_circular=False).encode
#: The most distinct texts remembered: the knowledge's, and a few the engine adds.
_MAX_TEXTS = 4096


def result_writer(knowledge: Knowledge) -> Callable[[Assessment], str] | None:
    """Return a function writing a result of *knowledge* as JSON text, or ``None``.

    ``None`` if the writer does not give exactly ``to_dict()``'s JSON for sample
    results (the form of a result has changed): then write ``to_dict()``.
    Checked once at import for the built-in knowledge, and on each call for
    another.
    """
    writer = ResultWriter(knowledge)
    if knowledge is KNOWLEDGE:
        return writer.write if _BUILT_IN_WRITTEN_RIGHT else None
    return writer.write if _written_right(writer, knowledge) else None


def _written_right(writer: ResultWriter, knowledge: Knowledge) -> bool:
    for answers in _samples(knowledge):
        result = knowledge.assess(answers)
        if writer.write(result) != _DUMPS(result.to_dict()):
            return False
    return True


def _samples(knowledge: Knowledge) -> list[dict[str, Any]]:
    """Answers that raise every sign and flag they can, and none: a result of each shape."""
    high: dict[str, Any] = {}
    low: dict[str, Any] = {}
    generic = knowledge.medications[0].generic if knowledge.medications else "x"
    for f in knowledge.factors:
        if f.kind is FactorKind.YES_NO:
            high[f.id], low[f.id] = True, False
        elif f.kind is FactorKind.NUMBER:
            high[f.id] = f.maximum if f.maximum is not None else 1
            low[f.id] = f.minimum if f.minimum is not None else 0
        elif f.kind is FactorKind.CHOICE:
            high[f.id], low[f.id] = f.choices[-1], f.choices[0]
        else:
            high[f.id], low[f.id] = [generic, "not-a-medication"], []
    return [{}, high, low]


class ResultWriter:
    """Writes results of one knowledge as JSON text, its constant parts encoded once."""

    def __init__(self, knowledge: Knowledge) -> None:
        e = encode_basestring_ascii
        self._texts: dict[str, str] = {}
        self._ids = {f.id: e(f.id) for f in knowledge.factors}
        # By identity: results hold the knowledge's own objects.
        self._causes = {id(c): '{"cause":' + e(c.id) + ',"level":' for c in knowledge.causes}
        # A raised flag's own part, up to the risk factors its answers show.
        self._flags = {
            id(r): _DUMPS(
                {
                    "id": r.id,
                    "name": r.name,
                    "why": r.why,
                    "urgency": r.urgency.value,
                    "time_frame": r.time_frame or r.urgency.time_frame,
                }
            )[:-1]
            + ',"risk_factors":['
            for r in knowledge.red_flags
        }
        self._medications = {
            id(m): _DUMPS({"generic": m.generic, "class": m.drug_class.value, "atc": m.atc})
            for m in knowledge.medications
        }
        self._evidence = {f.id: '{"factor":' + e(f.id) + ',"value":' for f in knowledge.factors}
        self._keys = {f.id: e(f.id) + ":" for f in knowledge.factors}

    def _text(self, text: str) -> str:
        """Return *text* encoded, remembered (up to a bound) as it is likely to recur."""
        found = self._texts.get(text)
        if found is None:
            found = encode_basestring_ascii(text)
            if len(self._texts) < _MAX_TEXTS:
                self._texts[text] = found
        return found

    def write(self, result: Assessment) -> str:
        """Return ``json.dumps(result.to_dict(), separators=(",", ":"))``, made faster."""
        try:
            return self._write(result)
        except KeyError:  # a cause, flag or medication of another knowledge
            return _DUMPS(result.to_dict())

    def _write(self, result: Assessment) -> str:
        text = self._text
        ids = self._ids
        value = self._value
        findings = []
        for f in result.findings:  # enums' _value_, as to_dict() reads it: .value is slower
            evidence = ",".join(
                [
                    self._evidence[e.factor.id]
                    + value(e.value)
                    + ',"reason":'
                    + text(e.reason)
                    + ',"weight":'
                    + int.__repr__(e.weight)
                    + "}"
                    for e in f.evidence
                ]
            )
            unanswered = ",".join([ids[u.id] for u in f.unanswered])
            findings.append(
                f'{self._causes[id(f.cause)]}"{f.level._value_}","score":{int.__repr__(f.score)},'
                f'"evidence":[{evidence}],"unanswered":[{unanswered}]}}'
            )
        flags = ",".join(
            [
                self._flags[id(r.flag)] + ",".join([text(n) for n in r.risk_factors]) + "]}"
                for r in result.red_flags
            ]
        )
        rise = result.may_rise_to
        may_rise_to = "null" if rise is None else f'"{rise._value_}"'
        advice = ",".join([text(a) for a in result.advice])
        questions = ",".join([ids[q.id] for q in result.next_questions])
        keys = self._keys
        given = result.answers
        # A FrozenAnswers' own copy is a plain dict, read far faster than the mapping.
        items = (given.copy() if isinstance(given, FrozenAnswers) else given).items()
        answers = ",".join([keys[k] + value(v) for k, v in items])
        medications = ",".join([self._medications[id(m)] for m in result.medications])
        unrecognized = ",".join([text(n) for n in result.unrecognized_medications])
        return (
            f'{{"knowledge_version":{text(result.knowledge_version)},'
            f'"urgency":"{result.urgency._value_}","may_rise_to":{may_rise_to},'
            f'"findings":[{",".join(findings)}],'
            f'"red_flags":[{flags}],"advice":[{advice}],"next_questions":[{questions}],'
            f'"answers":{{{answers}}},"medications":[{medications}],'
            f'"unrecognized_medications":[{unrecognized}],"disclaimer":{text(result.disclaimer)}}}'
        )

    def _value(self, value: Any) -> str:
        """Return an answer's value as JSON: a yes/no, a number, a choice, a list of names."""
        kind = type(value)
        if kind is bool:
            return "true" if value else "false"
        if kind is int:
            text: str = int.__repr__(value)
            return text
        if kind is str:
            return self._text(value)
        if kind is tuple:
            return "[" + ",".join([self._text(n) for n in value]) + "]"
        return _DUMPS(value)  # a float, and anything else: as json writes it


#: Whether the writer gives ``to_dict()``'s JSON for the built-in knowledge (checked once).
_BUILT_IN_WRITTEN_RIGHT = _written_right(ResultWriter(KNOWLEDGE), KNOWLEDGE)
