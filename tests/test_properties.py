"""Properties of assess() over generated answers, valid and hostile (Hypothesis)."""

from __future__ import annotations

import json
import math
import pickle
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import legcramps
from legcramps import AllOf, Assessment, Condition, FactorKind, InvalidInput, Level, RiskFactor
from strategies import MEDICATION_NAMES, answers, anything, arbitrary_answers

_LEVEL_RANK = {Level.LIKELY: 0, Level.POSSIBLE: 1, Level.UNKNOWN: 2, Level.UNLIKELY: 3}
#: How strongly a level points at a cause; UNKNOWN is not on this scale.
_STRENGTH = {Level.UNLIKELY: 0, Level.POSSIBLE: 1, Level.LIKELY: 2}
_CAUSE_ORDER = [c.id for c in legcramps.CAUSES]

_KEYS = st.one_of(
    st.sampled_from([f.id for f in legcramps.RISK_FACTORS]),
    st.text(max_size=30),
    st.integers(),
    st.floats(),
    st.none(),
    st.binary(max_size=5),
    st.tuples(st.integers()),
)
_HOSTILE_SETTINGS = settings(suppress_health_check=[HealthCheck.too_slow], deadline=None)


def assess_or_problem(*args: Any, **kwargs: Any) -> Assessment | InvalidInput:
    try:
        return legcramps.assess(*args, **kwargs)
    except InvalidInput as e:
        return e


def raising(condition: Condition, factor: RiskFactor) -> Any:
    """Return an answer to *factor* for which *condition* holds."""
    if factor.kind is FactorKind.YES_NO:
        return True
    if factor.kind is FactorKind.MEDICATIONS:
        wanted = set(condition.one_of)
        return [
            m.generic
            for m in legcramps.KNOWLEDGE.medications
            if wanted & {c.value for c in m.classes} or m.generic in wanted
        ][:1]
    if condition.at_least is not None:
        return condition.at_least
    if condition.above is not None:
        return condition.above + 1
    if condition.below is not None:
        return condition.below / 2
    return condition.one_of[0]


def scores(a: Assessment) -> dict[str, int]:
    return {f.cause.id: f.score for f in a.findings}


def containers(value: object) -> list[object]:
    """Every list and dict in *value*, recursively."""
    found: list[object] = []
    if isinstance(value, dict):
        found.append(value)
        for item in value.values():
            found.extend(containers(item))
    elif isinstance(value, list):
        found.append(value)
        for item in value:
            found.extend(containers(item))
    return found


# --- No input breaks it ---------------------------------------------------------
@_HOSTILE_SETTINGS
@given(arbitrary_answers())
def test_any_keyword_answers_give_a_result_or_invalid_input(given: dict[str, Any]) -> None:
    """Any object for any input gives an Assessment or InvalidInput, nothing else."""
    result = assess_or_problem(**given)
    assert isinstance(result, (Assessment, InvalidInput))


@_HOSTILE_SETTINGS
@given(st.dictionaries(_KEYS, anything, max_size=5))
def test_any_mapping_gives_a_result_or_invalid_input(given: dict[Any, Any]) -> None:
    """A mapping with any keys and values gives an Assessment or InvalidInput."""
    assert isinstance(assess_or_problem(given), (Assessment, InvalidInput))


@_HOSTILE_SETTINGS
@given(anything)
def test_any_object_as_the_mapping_gives_a_result_or_invalid_input(value: Any) -> None:
    """Any object in place of the mapping gives an Assessment or InvalidInput."""
    assert isinstance(assess_or_problem(value), (Assessment, InvalidInput))


@_HOSTILE_SETTINGS
@given(arbitrary_answers())
def test_every_problem_names_an_input_and_both_sides(given: dict[str, Any]) -> None:
    """Every reported problem names the input, what was received and what was expected."""
    result = assess_or_problem(**given)
    if isinstance(result, InvalidInput):
        assert result.problems
        for problem in result.problems:
            assert problem.input
            assert problem.received
            assert problem.expected
            assert str(problem) in str(result)


@_HOSTILE_SETTINGS
@given(arbitrary_answers())
def test_any_result_can_be_shown_and_serialised(given: dict[str, Any]) -> None:
    """Whatever is accepted can be printed, turned into JSON and pickled."""
    result = assess_or_problem(**given)
    if isinstance(result, Assessment):
        assert str(result)
        d = result.to_dict()
        assert d == json.loads(json.dumps(d, allow_nan=False))
        assert result == pickle.loads(pickle.dumps(result))  # noqa: S301 - our own data


# --- Determinism -----------------------------------------------------------------
@given(answers())
def test_same_answers_give_the_same_result(given: dict[str, Any]) -> None:
    """The same answers give equal results, dicts and texts, with equal hashes."""
    first, second = legcramps.assess(**given), legcramps.assess(**given)
    assert first == second
    assert hash(first) == hash(second)
    assert first.to_dict() == second.to_dict()
    assert json.dumps(first.to_dict()) == json.dumps(second.to_dict())
    assert str(first) == str(second)


@given(answers(), st.data())
def test_mapping_and_keyword_forms_agree(given: dict[str, Any], data: Any) -> None:
    """Answers by keyword, as one mapping, or split between the two give equal results."""
    by_keyword = legcramps.assess(**given)
    assert by_keyword == legcramps.assess(given)
    in_mapping = data.draw(st.sets(st.sampled_from(sorted(given) or ["x"])))
    mapping = {k: v for k, v in given.items() if k in in_mapping}
    keywords = {k: v for k, v in given.items() if k not in in_mapping}
    assert by_keyword == legcramps.assess(mapping, **keywords)


@given(answers())
def test_order_of_answers_does_not_matter(given: dict[str, Any]) -> None:
    """Giving the answers in reverse order gives an equal result."""
    reverse = dict(reversed(list(given.items())))
    assert legcramps.assess(**given).to_dict() == legcramps.assess(**reverse).to_dict()


# --- Order and urgency ---------------------------------------------------------
@given(answers())
def test_findings_are_ordered(given: dict[str, Any]) -> None:
    """Findings go by level, then by score (highest first), then in the knowledge's order."""
    findings = legcramps.assess(**given).findings
    keys = [(_LEVEL_RANK[f.level], -f.score, _CAUSE_ORDER.index(f.cause.id)) for f in findings]
    assert sorted(keys) == keys
    assert sorted(_CAUSE_ORDER) == sorted(f.cause.id for f in findings)


def raising_answers(alternative: Condition | AllOf) -> dict[str, Any]:
    """Return answers for which *alternative* holds, its factors applicable.

    A condition on a screening question holds while its members are not answered.
    """
    conditions = alternative.conditions if isinstance(alternative, AllOf) else (alternative,)
    raised: dict[str, Any] = {}
    for condition in conditions:
        factor = legcramps.KNOWLEDGE.factor(condition.factor)
        raised.update(dict.fromkeys(factor.members))
        for controller in factor.applies_when[:1]:
            raised.setdefault(
                controller.factor,
                raising(controller, legcramps.KNOWLEDGE.factor(controller.factor)),
            )
        raised[factor.id] = raising(condition, factor)
    return raised


@given(answers(), st.sampled_from(legcramps.RED_FLAGS), st.data())
def test_every_red_flag_raises_the_urgency(
    given: dict[str, Any], flag: legcramps.RedFlag, data: Any
) -> None:
    """Any red flag, on top of any answers, is reported and sets at least its urgency.

    Its advice is given when it is among the most urgent flags raised.
    """
    alternative = data.draw(st.sampled_from(flag.when))
    before = legcramps.assess(**given)
    after = legcramps.assess(**{**given, **raising_answers(alternative)})
    assert flag in [r.flag for r in after.red_flags]
    assert after.urgency >= flag.urgency
    if after.urgency is flag.urgency:
        assert flag.advice in after.advice
    if not before.red_flags:
        assert after.urgency >= before.urgency


@given(answers())
def test_self_care_only_without_red_flags_and_open_questions(given: dict[str, Any]) -> None:
    """Self-care is never the result while a red flag is raised or unanswered."""
    a = legcramps.assess(**given)
    if a.urgency is legcramps.Urgency.SELF_CARE:
        assert not a.red_flags
        flagged = {c.factor for r in legcramps.RED_FLAGS for c in r.conditions}
        assert all(a.answers.get(f) is not None for f in flagged)


# --- Monotonicity ----------------------------------------------------------------
@given(answers(), st.sampled_from(legcramps.CAUSES), st.data())
def test_adding_a_risk_sign_never_lowers_a_cause(
    given: dict[str, Any], cause: legcramps.Cause, data: Any
) -> None:
    """Making any sign hold never lowers any cause's score or (known) level.

    The sign's question is made to apply first (some exercise, for how hard it was).
    """
    sign = data.draw(st.sampled_from(cause.signs))
    factor = legcramps.KNOWLEDGE.factor(sign.when.factor)
    for controller in factor.applies_when[:1]:
        given = {
            **given,
            controller.factor: raising(controller, legcramps.KNOWLEDGE.factor(controller.factor)),
        }
    before = legcramps.assess(**given)
    if factor.kind is FactorKind.MEDICATIONS:
        matching = [
            m.generic
            for m in legcramps.KNOWLEDGE.medications
            if m.drug_class.value in sign.when.one_of
        ]
        extra = data.draw(st.sampled_from(matching))
        value: Any = [*(given.get(factor.id) or []), extra]
    elif factor.kind is FactorKind.NUMBER:
        old = given.get(factor.id)
        value = raising(sign.when, factor)
        if old is not None and any(
            s.when.factor == factor.id and s.when.below is not None
            for c in legcramps.CAUSES
            for s in c.signs
        ):
            value = min(old, value)
        elif old is not None:
            value = max(old, value)
    else:
        value = raising(sign.when, factor)
    after = legcramps.assess(**{**given, factor.id: value})
    assert sign.reason in [e.reason for f in after.findings for e in f.evidence]
    for cause_id, score in scores(before).items():
        assert score <= scores(after)[cause_id]
        was, now = before.finding(cause_id).level, after.finding(cause_id).level
        if was is not Level.UNKNOWN:
            assert _STRENGTH[was] <= _STRENGTH[now]


@given(answers(), st.lists(st.sampled_from(MEDICATION_NAMES), max_size=3))
def test_more_medications_never_lower_a_score(given: dict[str, Any], more: list[str]) -> None:
    """Adding medication names never lowers any cause's score."""
    before = scores(legcramps.assess(**given))
    names = [*(given.get("medications") or []), *more]
    after = scores(legcramps.assess(**{**given, "medications": names}))
    assert all(before[c] <= after[c] for c in before)


# --- to_dict() ------------------------------------------------------------------
@given(answers())
def test_to_dict_builds_fresh_containers_every_time(given: dict[str, Any]) -> None:
    """Two calls to to_dict() share no list or dict, so callers may change the result."""
    a = legcramps.assess(**given)
    first, second = a.to_dict(), a.to_dict()
    assert not {id(c) for c in containers(first)} & {id(c) for c in containers(second)}


@given(answers())
def test_changing_a_to_dict_result_changes_nothing_else(given: dict[str, Any]) -> None:
    """Emptying every list and dict of one to_dict() result leaves the next intact."""
    a = legcramps.assess(**given)
    expected = json.dumps(a.to_dict())
    for container in containers(a.to_dict()):
        container.clear()  # type: ignore[attr-defined]
    assert expected == json.dumps(a.to_dict())
    assert a == legcramps.assess(**given)


@given(answers())
def test_to_dict_holds_only_json_types(given: dict[str, Any]) -> None:
    """to_dict() holds only dicts, lists, strings, finite numbers and booleans.

    The one null is ``may_rise_to`` when no unanswered question could raise the urgency.
    """

    def check(value: object) -> None:
        if isinstance(value, dict):
            assert all(isinstance(k, str) for k in value)
            for key, item in value.items():
                if not (key == "may_rise_to" and item is None):
                    check(item)
        elif isinstance(value, list):
            for item in value:
                check(item)
        else:
            assert isinstance(value, (str, int, float, bool))
            assert not isinstance(value, float) or math.isfinite(value)

    check(legcramps.assess(**given).to_dict())
