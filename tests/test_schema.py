"""legcramps.schema: JSON Schemas of the answers and of to_dict(), and strict JSON parsing.

Checked with two validators: ``jsonschema`` (Python's ``re``) and ``jsonschema-rs``, whose
regular expressions are ECMA-262's, as JSON Schema specifies.
"""

from __future__ import annotations

import json
import re
import sys
from typing import Any

import attrs
import jsonschema
import jsonschema_rs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import legcramps
import legcramps.schema
from legcramps import Assessment, FactorKind, InvalidInput, RiskFactor
from strategies import answers, any_answers, assessments, medication_names

ANSWERS = jsonschema.Draft202012Validator(legcramps.schema.answers())
RESULT = jsonschema.Draft202012Validator(legcramps.schema.result())
ECMA_ANSWERS = jsonschema_rs.validator_for(legcramps.schema.answers())
ECMA_RESULT = jsonschema_rs.validator_for(legcramps.schema.result())
#: Names that the two regex dialects read differently under \S: Python's white space that
#: ECMA-262 does not count (U+001C..U+001F, U+0085), ECMA-262's that Python does not (U+FEFF).
UNUSUAL_NAMES = ["\x1c", "\x1f", "\x85", "\ufeff", "a\x85", "\u3000x", "\u00a0"]


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


class TestTheNamePattern:
    def test_the_pattern_refuses_exactly_pythons_white_space(self) -> None:
        """One character fails the pattern exactly when str.isspace() says it is white space."""
        refused = {
            chr(c) for c in range(sys.maxunicode + 1)
            if not re.search(legcramps.schema.NAME_PATTERN, chr(c))
        }  # fmt: skip

        assert {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} == refused

    @pytest.mark.parametrize("name", UNUSUAL_NAMES)
    def test_both_dialects_agree_with_assess(self, name: str) -> None:
        """Python's and ECMA-262's validators accept a name exactly when assess() does."""
        given_answers = {"medications": [name]}

        assert accepted(given_answers) == ANSWERS.is_valid(given_answers)
        assert accepted(given_answers) == ECMA_ANSWERS.is_valid(given_answers)

    def test_a_thousand_results_with_unusual_names_validate_under_ecma(self) -> None:
        """1,000 to_dict() outputs with unusual medication names all fit the result schema."""
        import random

        rng = random.Random(14)  # noqa: S311 - test data, not secrets
        odd = [n for n in UNUSUAL_NAMES if n.strip()] + ["\x1c", "\x85", "x\ufeff"]
        failed = []
        for n in range(1000):
            names = [rng.choice(odd) + str(n), rng.choice(["Lasix", "aspirin", "\ufeff"])]
            d = legcramps.assess(medications=names).to_dict()
            if not ECMA_RESULT.is_valid(d) or not RESULT.is_valid(d):
                failed.append(names)

        assert [] == failed

    @given(st.lists(medication_names | st.text(max_size=3), max_size=3))
    def test_any_names_agree_in_both_dialects(self, names: list[str]) -> None:
        """For any names, both validators agree with assess() on the answers."""
        given_answers = {"medications": names}

        assert accepted(given_answers) == ECMA_ANSWERS.is_valid(given_answers)
        assert accepted(given_answers) == ANSWERS.is_valid(given_answers)


class TestEcma:
    @pytest.mark.parametrize("make", [legcramps.schema.answers, legcramps.schema.result])
    def test_is_a_valid_schema_under_jsonschema_rs(self, make: Any) -> None:
        """Each schema is valid under jsonschema-rs's draft 2020-12 meta-schema."""
        assert jsonschema_rs.meta.is_valid(make())

    @given(any_answers())
    def test_schema_agrees_with_assess(self, given_answers: dict[str, Any]) -> None:
        """Under ECMA-262 too, the schema accepts an answers object exactly when assess() does."""
        assert accepted(given_answers) == ECMA_ANSWERS.is_valid(given_answers)

    @given(assessments())
    def test_to_dict_validates(self, a: Assessment) -> None:
        """Every to_dict() output validates under jsonschema-rs."""
        assert ECMA_RESULT.is_valid(a.to_dict())

    @pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
    def test_nan_and_infinity(self, value: float) -> None:
        """NaN and infinity are refused by assess() and jsonschema-rs; jsonschema takes NaN."""
        given_answers = {"fluid_litres": value}

        assert (False, False) == (accepted(given_answers), ECMA_ANSWERS.is_valid(given_answers))
        assert (value != value) == ANSWERS.is_valid(given_answers)  # noqa: PLR0124 - NaN


class TestParseJson:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ('{"fluid_litres": 0.5}', {"fluid_litres": 0.5}),
            (b'{"medications": ["Lasix"]}', {"medications": ["Lasix"]}),
            (bytearray(b"[1, 2]"), [1, 2]),
            ("\ufeff1".encode(), 1),
            ('"\\ud83d\\ude00"', "\U0001f600"),
            ("-0.0", -0.0),
            ("1e308", 1e308),
            ('{"a": {"b": [null, true]}}', {"a": {"b": [None, True]}}),
        ],
    )
    def test_json_is_parsed(self, text: str | bytes, expected: Any) -> None:
        """A JSON text, as str or UTF-8 bytes, gives its value."""
        assert expected == legcramps.schema.parse_json(text)

    @pytest.mark.parametrize(
        ("text", "match"),
        [
            ('{"fluid_litres": NaN}', "received NaN; expected JSON numbers only"),
            ('{"fluid_litres": Infinity}', "received Infinity"),
            ("-Infinity", "received -Infinity"),
            ('{"fluid_litres": 1e999}', "received 1e999; expected a number a float can hold"),
            ("1" + "0" * 50 + ".5e999", r"received 1000.*\.\.\.; expected a number a float"),
            ('{"a": 1, "a": 2}', "received 'a' \\(str\\); expected each key of an object once"),
            ('"\\ud800"', "a string with a lone surrogate"),
            ('{"\\udfff": 1}', "a string with a lone surrogate"),
            ('[["\\ud800"]]', "a string with a lone surrogate"),
            ("{", r"not JSON \(line 1, column 2"),
            ("", "not JSON"),
            ("\ufeff{}", "not JSON"),
            ("[" * 100_000, "nested too deeply|not JSON"),
            ("9" * 5000, "a number that cannot be read"),
            (b"\xff", r"bytes that are not UTF-8 \(byte 0\)"),
            (None, "received None"),
        ],
    )
    def test_what_assess_would_not_take_is_refused(self, text: Any, match: str) -> None:
        """NaN, infinity, huge numbers, duplicate keys, lone surrogates, bad JSON: refused."""
        with pytest.raises(InvalidInput, match=match) as info:
            legcramps.schema.parse_json(text)

        assert ["json"] == [p.input for p in info.value.problems]

    def test_deep_nesting_is_refused(self) -> None:
        """Nesting past the interpreter's recursion limit is a problem, not a crash."""
        with pytest.raises(InvalidInput, match="nested too deeply"):
            legcramps.schema.parse_json("[" * 100_000 + "]" * 100_000)

    @given(st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
        | st.text(),
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
        max_leaves=10,
    ))  # fmt: skip
    def test_any_json_value_reads_back(self, value: Any) -> None:
        """Whatever json.dumps writes (without NaN), parse_json reads back equal."""
        text = json.dumps(value, allow_nan=False)

        assert json.loads(text) == legcramps.schema.parse_json(text)
