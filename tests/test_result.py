"""The result values (``legcramps._result``): Assessment, Finding, Evidence, the frozen answers.

A result is an immutable, hashable, picklable value with a JSON-ready dict form and a
plain-text report.
"""

from __future__ import annotations

import json
import pickle

import attrs
import pytest

import legcramps
from helpers import NO_RED_FLAGS, NOTHING_RAISED, TYPICAL
from legcramps import (
    Urgency,
)

K = legcramps.KNOWLEDGE


class TestFindings:
    def test_likely_lists_only_likely_findings(self) -> None:
        """`likely` holds the likely findings and nothing else."""
        assessment = legcramps.assess(sitting_hours=8, hot_weather=True)

        assert ["posture"] == [f.cause.id for f in assessment.likely]

    def test_finding_rejects_an_unknown_cause(self) -> None:
        """Looking up a cause that does not exist raises a KeyError that is an InvalidInput."""
        with pytest.raises(KeyError, match="cause_id: received 'gout'") as info:
            legcramps.assess().finding("gout")

        assert isinstance(info.value, legcramps.InvalidInput)

    def test_finding_rejects_a_non_string(self) -> None:
        """Looking up a finding by something other than a string is an InvalidInput."""
        with pytest.raises(legcramps.InvalidInput, match=r"cause_id: received \[\] \(list\)"):
            legcramps.assess().finding([])  # type: ignore[arg-type]


class TestResultValues:
    def test_same_answers_same_result(self) -> None:
        """Assessing the same answers twice gives equal results."""
        answers = {**NOTHING_RAISED, "sitting_hours": 9, "medications": ["Lasix"]}

        assert legcramps.assess(answers) == legcramps.assess(answers)

    def test_results_are_immutable(self) -> None:
        """An assessment cannot be changed after it is made."""
        assessment = legcramps.assess(hot_weather=True)

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            assessment.urgency = Urgency.SELF_CARE  # type: ignore[misc]
        with pytest.raises(TypeError):
            assessment.answers["hot_weather"] = False  # type: ignore[index]

    def test_results_survive_pickling(self) -> None:
        """An assessment pickles and unpickles to an equal one."""
        assessment = legcramps.assess(
            {**NO_RED_FLAGS, "medications": ["Lasix", "x"]}, sitting_hours=6
        )

        assert assessment == pickle.loads(pickle.dumps(assessment))  # noqa: S301

    def test_a_pickled_result_holds_its_answers_not_its_findings(self) -> None:
        """A result pickles as its knowledge and answers: small, and restored equal."""
        assessment = legcramps.assess(NOTHING_RAISED, **NO_RED_FLAGS)

        data = pickle.dumps(assessment)

        assert len(data) < 1000
        assert assessment == pickle.loads(data)  # noqa: S301

    def test_a_result_of_custom_knowledge_pickles_with_it(self) -> None:
        """A result of custom knowledge is restored by that knowledge, not the built-in one."""
        mine = attrs.evolve(legcramps.KNOWLEDGE, version="mine", likely_at=2)
        assessment = mine.assess(hot_weather=True, heavy_sweating=True)

        copy = pickle.loads(pickle.dumps(assessment))  # noqa: S301

        assert assessment == copy
        assert "mine" == copy.knowledge_version

    def test_a_result_without_its_knowledge_pickles_field_by_field(self) -> None:
        """A result built without a knowledge still pickles, field by field."""
        assessment = attrs.evolve(legcramps.assess(hot_weather=True), knowledge=None)

        assert assessment == pickle.loads(pickle.dumps(assessment))  # noqa: S301

    def test_answers_cannot_be_replaced(self) -> None:
        """The answers mapping of a result cannot be changed in place."""
        answers = legcramps.assess(hot_weather=True).answers

        with pytest.raises(AttributeError, match="cannot be changed"):
            answers.pairs = ()  # type: ignore[attr-defined]

    def test_a_raised_flag_reads_as_its_flag(self) -> None:
        """A raised flag gives its flag's id, name, urgency, advice and sources."""
        raised = legcramps.assess(dark_urine=True).red_flags[0]

        flag = raised.flag
        assert (flag.id, flag.name, flag.why, flag.urgency, flag.advice, flag.sources) == (
            raised.id,
            raised.name,
            raised.why,
            raised.urgency,
            raised.advice,
            raised.sources,
        )

    def test_ipython_shows_the_short_repr(self) -> None:
        """IPython's pretty printer shows a result as its short repr."""
        a = legcramps.assess(dark_urine=True)
        shown: list[str] = []

        class Printer:
            def text(self, text: str) -> None:
                shown.append(text)

        a._repr_pretty_(Printer(), cycle=False)
        assert [repr(a)] == shown

    def test_results_are_hashable(self) -> None:
        """Equal assessments hash alike, so they can be deduplicated."""
        assert hash(legcramps.assess(hot_weather=True)) == hash(legcramps.assess(hot_weather=True))

    def test_results_carry_the_knowledge_version(self) -> None:
        """Every result names the version of the knowledge that produced it."""
        assert legcramps.KNOWLEDGE_VERSION == legcramps.assess().knowledge_version


class TestToDict:
    def test_is_json_ready(self) -> None:
        """to_dict() survives a JSON round trip unchanged."""
        d = legcramps.assess(TYPICAL).to_dict()

        assert d == json.loads(json.dumps(d))

    def test_names_things_by_id_and_enums_by_value(self) -> None:
        """Causes, factors and red flags appear by id, enums as their values."""
        d = legcramps.assess(TYPICAL).to_dict()

        assert "urgent" == d["urgency"]
        assert "dehydration" == d["findings"][0]["cause"]
        assert "likely" == d["findings"][0]["level"]
        assert ["fluid_loss", "nerve_or_muscle_signs"] == [r["id"] for r in d["red_flags"]]
        assert "emergency_signs" == d["next_questions"][0]

    def test_holds_everything_the_assessment_does(self) -> None:
        """The dict has every part of the assessment."""
        assert {
            "knowledge_version",
            "urgency",
            "may_rise_to",
            "findings",
            "red_flags",
            "advice",
            "next_questions",
            "answers",
            "medications",
            "unrecognized_medications",
            "disclaimer",
        } == set(legcramps.assess().to_dict())

    def test_medications_carry_generic_class_and_atc(self) -> None:
        """Each recognised medication has its generic name, class and ATC code."""
        d = legcramps.assess(TYPICAL).to_dict()

        assert [{"generic": "furosemide", "class": "loop diuretic", "atc": "C03CA01"}] == d[
            "medications"
        ]
        assert ["aspirin"] == d["unrecognized_medications"]

    def test_evidence_values_are_json_types(self) -> None:
        """Evidence values become JSON types: the medication match is a list."""
        finding = legcramps.assess(TYPICAL).to_dict()["findings"][0]

        assert {"factor": "medications", "value": ["furosemide"], "weight": 1} == {
            k: v for k, v in finding["evidence"][0].items() if k != "reason"
        }

    def test_answers_are_the_normalised_inputs(self) -> None:
        """The answers in the dict are the normalised inputs, lists for tuples."""
        d = legcramps.assess(medications=("Lasix",), hot_weather=False).to_dict()

        assert {"medications": ["Lasix"], "hot_weather": False} == d["answers"]

    def test_each_call_gives_an_independent_dict(self) -> None:
        """Changing one to_dict() result does not change the next."""
        assessment = legcramps.assess(TYPICAL)
        first = assessment.to_dict()
        first["findings"][0]["evidence"].clear()
        first["advice"].append("x")

        assert assessment.to_dict() != first

    def test_a_result_without_its_knowledge_gives_the_same_dict(self) -> None:
        """to_dict() of a result that lost its knowledge, or holds a plain dict, is the same."""
        a = legcramps.assess(medications=["Lasix", "aspirin"], hot_weather=True)
        expected = a.to_dict()
        assert ["Lasix", "aspirin"] == expected["answers"]["medications"]
        assert expected == attrs.evolve(a, knowledge=None).to_dict()
        assert expected == attrs.evolve(a, answers=dict(a.answers)).to_dict()

    def test_the_answers_of_the_dict_are_fresh_lists(self) -> None:
        """Medication lists in the dict's answers are new lists, whoever made the result."""
        a = legcramps.assess(medications=["Lasix"])
        for result in (a, attrs.evolve(a, knowledge=None)):
            first, second = result.to_dict(), result.to_dict()
            first["answers"]["medications"].append("x")
            assert ["Lasix"] == second["answers"]["medications"]
