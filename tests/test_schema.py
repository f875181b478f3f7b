"""legcramps.schema: JSON Schemas for the answers and for to_dict(), checked with jsonschema."""

from __future__ import annotations

from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given

import legcramps
import legcramps.schema
from legcramps import Assessment, FactorKind, InvalidInput, RiskFactor
from strategies import answers, any_answers, assessments

ANSWERS = jsonschema.Draft202012Validator(legcramps.schema.answers())
RESULT = jsonschema.Draft202012Validator(legcramps.schema.result())


def accepted(given_answers: dict[str, Any]) -> bool:
    try:
        legcramps.assess(given_answers)
    except InvalidInput:
        return False
    return True


class TestSchemas:
    @pytest.mark.parametrize("make", [legcramps.schema.answers, legcramps.schema.result])
    def test_is_a_valid_draft_2020_12_schema(self, make: Any) -> None:
        """Each schema is itself valid under the draft 2020-12 meta-schema."""
        schema = make()

        assert legcramps.schema.DIALECT == schema["$schema"]
        jsonschema.Draft202012Validator.check_schema(schema)

    def test_answers_lists_every_input(self) -> None:
        """The answers schema has one property per risk factor."""
        assert [f.id for f in legcramps.RISK_FACTORS] == list(
            legcramps.schema.answers()["properties"]
        )

    def test_is_a_new_dict_each_call(self) -> None:
        """Changing a returned schema does not change the next one."""
        legcramps.schema.answers()["properties"].clear()

        assert legcramps.schema.answers()["properties"]

    def test_is_reachable_as_an_attribute(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """legcramps.schema is served on first use, even before the submodule is bound."""
        import sys

        monkeypatch.delattr(legcramps, "schema")

        assert sys.modules["legcramps.schema"] is legcramps.schema
        assert "answers" in dir(legcramps.schema)

    def test_a_number_without_unit_is_described_by_its_question_and_bounds(self) -> None:
        """A number input without a unit is described by its question alone."""
        k = legcramps.KNOWLEDGE
        laps = RiskFactor(
            "laps", "How many laps did you swim?", FactorKind.NUMBER, minimum=0, maximum=500
        )
        mine = attrs.evolve(k, version="mine-1", factors=(*k.factors, laps))

        assert {
            "description": "How many laps did you swim?",
            "type": ["number", "null"],
            "minimum": 0,
            "maximum": 500,
        } == legcramps.schema.answers(mine)["properties"]["laps"]

    def test_custom_knowledge(self) -> None:
        """A schema generated from custom knowledge has its inputs and version."""
        k = legcramps.KNOWLEDGE
        cold = RiskFactor("cold_water", "Did you swim in cold water?", FactorKind.YES_NO)
        mine = attrs.evolve(k, version="mine-1", factors=(*k.factors, cold))

        assert "cold_water" in legcramps.schema.answers(mine)["properties"]
        assert {"const": "mine-1"} == legcramps.schema.result(mine)["properties"][
            "knowledge_version"
        ]

    @pytest.mark.parametrize("make", [legcramps.schema.answers, legcramps.schema.result])
    def test_knowledge_must_be_knowledge(self, make: Any) -> None:
        """Something other than a Knowledge is refused."""
        with pytest.raises(InvalidInput, match="knowledge: received 'v1'"):
            make("v1")


class TestAnswers:
    @given(answers())
    def test_valid_answers_validate(self, given_answers: dict[str, Any]) -> None:
        """Every valid answers object validates against the answers schema."""
        assert ANSWERS.is_valid(given_answers)

    @given(any_answers())
    def test_schema_agrees_with_assess(self, given_answers: dict[str, Any]) -> None:
        """The schema accepts a JSON answers object exactly when assess() does."""
        assert accepted(given_answers) == ANSWERS.is_valid(given_answers)

    @pytest.mark.parametrize(
        "bad",
        [
            {"fluid_litres": 21},
            {"fluid_litres": True},
            {"exercise_intensity": "extreme"},
            {"hot_weather": "yes"},
            {"medications": "Lasix"},
            {"medications": ["  "]},
            {"thirst": True},
        ],
    )
    def test_refuses_what_assess_refuses(self, bad: dict[str, Any]) -> None:
        """Out of range, wrong type, unknown choice or name: invalid, as assess() says."""
        assert (False, False) == (ANSWERS.is_valid(bad), accepted(bad))


class TestResult:
    @given(assessments())
    def test_to_dict_validates(self, a: Assessment) -> None:
        """Every to_dict() output validates against the result schema."""
        assert RESULT.is_valid(a.to_dict())

    def test_refuses_another_version(self) -> None:
        """A result from another knowledge version is invalid."""
        d = dict(legcramps.assess().to_dict(), knowledge_version="1999.1.1")

        assert not RESULT.is_valid(d)

    def test_refuses_an_unknown_cause(self) -> None:
        """A finding for a cause the knowledge does not have is invalid."""
        d = legcramps.assess().to_dict()
        d["findings"][0]["cause"] = "gout"

        assert not RESULT.is_valid(d)
