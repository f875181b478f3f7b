"""legcramps.from_dict(): rebuilding an assessment from its to_dict() form."""

from __future__ import annotations

import contextlib
import copy
import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import legcramps
from helpers import TYPICAL, Unequal, Unreadable
from legcramps import Assessment, FactorKind, InvalidInput, RiskFactor
from strategies import answers, assessments, json_values


def typical() -> dict[str, Any]:
    return legcramps.assess(TYPICAL).to_dict()


class TestRoundTrip:
    @given(answers())
    def test_from_dict_of_to_dict_is_equal(self, given_answers: dict[str, Any]) -> None:
        """from_dict(a.to_dict()) == a for any valid answers."""
        a = legcramps.assess(given_answers)

        assert a == legcramps.from_dict(a.to_dict())

    @given(assessments())
    def test_survives_json(self, a: Assessment) -> None:
        """The dict can be stored as JSON text and rebuilt equal."""
        assert a == legcramps.from_dict(json.loads(json.dumps(a.to_dict())))

    def test_rebuilds_the_same_objects_as_the_knowledge(self) -> None:
        """Causes, red flags and medications are the knowledge's own objects."""
        b = legcramps.from_dict(typical())

        assert legcramps.KNOWLEDGE.cause("dehydration") is b.findings[0].cause
        assert legcramps.KNOWLEDGE.red_flag("fluid_loss") is b.red_flags[0].flag
        assert "furosemide" == b.medications[0].generic
        assert ("aspirin",) == b.unrecognized_medications

    def test_custom_knowledge(self) -> None:
        """A dict from custom knowledge rebuilds against that knowledge."""
        k = legcramps.KNOWLEDGE
        cold = RiskFactor("cold_water", "Did you swim in cold water?", FactorKind.YES_NO)
        mine = attrs.evolve(k, version="mine-1", factors=(*k.factors, cold))
        a = mine.assess(cold_water=True, sitting_hours=5)

        assert a == legcramps.from_dict(a.to_dict(), knowledge=mine)


class TestRejects:
    def test_another_knowledge_version(self) -> None:
        """A dict made by another knowledge version is refused."""
        d = dict(typical(), knowledge_version="1999.1.1")

        with pytest.raises(InvalidInput, match=r"knowledge_version: received '1999\.1\.1'"):
            legcramps.from_dict(d)

    def test_custom_knowledge_result_against_the_built_in(self) -> None:
        """A dict from custom knowledge is refused by the built-in knowledge."""
        mine = attrs.evolve(legcramps.KNOWLEDGE, version="mine-1")

        with pytest.raises(InvalidInput, match="knowledge_version: received 'mine-1'"):
            legcramps.from_dict(mine.assess().to_dict())

    def test_not_a_mapping(self) -> None:
        """Something other than a dict is refused, naming what was received."""
        with pytest.raises(InvalidInput, match=r"received \[\] \(list\); expected an object"):
            legcramps.from_dict([])

    def test_knowledge_that_is_not_knowledge(self) -> None:
        """knowledge= must be a Knowledge."""
        with pytest.raises(InvalidInput, match="knowledge: received 'v1'"):
            legcramps.from_dict(typical(), knowledge="v1")  # type: ignore[arg-type]

    def test_names_a_bad_level_by_its_path(self) -> None:
        """A bad level is named as findings[N].level."""
        d = typical()
        d["findings"][2]["level"] = "certain"

        with pytest.raises(InvalidInput, match=r"findings\[2\]\.level: received 'certain'"):
            legcramps.from_dict(d)

    def test_reports_every_problem_at_once(self) -> None:
        """All differences from the assessment of the answers are listed together, by path."""
        d = typical()
        d["urgency"] = "soon"
        d["findings"][0]["evidence"][0]["factor"] = "thirst"
        d["medications"][0]["generic"] = "aspirin"

        with pytest.raises(InvalidInput) as info:
            legcramps.from_dict(d)

        assert [
            "urgency",
            "findings[0].evidence[0].factor",
            "medications[0].generic",
        ] == [p.input for p in info.value.problems]

    def test_bad_answers_are_reported_with_the_top_level(self) -> None:
        """Bad answers are named under answers, together with a bad urgency."""
        d = typical()
        d["urgency"] = "soon"
        d["answers"]["fluid_litres"] = -1

        with pytest.raises(InvalidInput) as info:
            legcramps.from_dict(d)

        assert ["urgency", "answers.fluid_litres"] == [p.input for p in info.value.problems]

    def test_missing_key(self) -> None:
        """A missing key is named by its path."""
        d = typical()
        del d["findings"][1]["score"]

        with pytest.raises(InvalidInput, match=r"findings\[1\]\.score: received nothing"):
            legcramps.from_dict(d)

    def test_extra_key(self) -> None:
        """A key that to_dict() never gives is refused."""
        d = dict(typical(), comment="hello")

        with pytest.raises(InvalidInput, match="comment: received 'hello'"):
            legcramps.from_dict(d)

    def test_a_red_flag_changed_from_the_knowledge(self) -> None:
        """A red flag whose text differs from the knowledge's is refused."""
        d = typical()
        d["red_flags"][0]["name"] = "Pins and needles"

        with pytest.raises(InvalidInput, match=r"red_flags\[0\]\.name: received 'Pins"):
            legcramps.from_dict(d)

    def test_a_missing_finding(self) -> None:
        """Every cause must have its finding."""
        d = typical()
        del d["findings"][-1]

        with pytest.raises(InvalidInput, match="findings: received a list of 4 items; expected a"):
            legcramps.from_dict(d)

    def test_a_list_that_is_not_a_list(self) -> None:
        """Where to_dict() gives a list, anything but a list or tuple is refused, described."""
        d = dict(typical(), red_flags="numbness")

        expected = r"red_flags: received 'numbness' \(str\); expected a list of 2 items, as"
        with pytest.raises(InvalidInput, match=expected):
            legcramps.from_dict(d)

    def test_a_null_answer(self) -> None:
        """An unknown answer is left out by to_dict(), so null is refused."""
        d = typical()
        d["answers"]["overtired"] = None

        with pytest.raises(InvalidInput, match=r"answers\.overtired: received None"):
            legcramps.from_dict(d)

    def test_a_bool_score(self) -> None:
        """A score must be an integer, not a yes/no."""
        d = typical()
        d["findings"][0]["score"] = True

        with pytest.raises(InvalidInput, match=r"findings\[0\]\.score: received True"):
            legcramps.from_dict(d)


class TestTrustsOnlyTheAnswers:
    """Everything but the answers must be what the knowledge makes of them."""

    def test_an_edited_result_is_refused(self) -> None:
        """Self-care, drug advice and no disclaimer cannot be smuggled in."""
        d = legcramps.assess(sitting_hours=8).to_dict()
        edited = dict(
            d,
            urgency="self_care",
            disclaimer="",
            advice=["Take quinine 300 mg at night.", "Stop your diuretic."],
            next_questions=[],
        )

        with pytest.raises(InvalidInput) as info:
            legcramps.from_dict(edited)

        assert ["urgency", "advice", "next_questions", "disclaimer"] == [
            p.input.partition("[")[0] for p in info.value.problems
        ]

    def test_an_edited_advice_line_is_named_by_its_path(self) -> None:
        """One changed advice line is named advice[N], with the knowledge's line expected."""
        d = typical()
        d["advice"][1] = "Take quinine 300 mg at night."

        with pytest.raises(InvalidInput, match=r"advice\[1\]: received 'Take quinine"):
            legcramps.from_dict(d)

    def test_an_edited_score_is_refused(self) -> None:
        """A score that the answers do not give is refused."""
        d = typical()
        d["findings"][0]["score"] += 1

        with pytest.raises(InvalidInput, match=r"findings\[0\]\.score: received \d+ \(int\)"):
            legcramps.from_dict(d)

    def test_a_number_of_another_type_is_refused(self) -> None:
        """A score of 2.0 where to_dict() gives 2 is not the same JSON."""
        d = typical()
        d["findings"][0]["score"] = float(d["findings"][0]["score"])

        with pytest.raises(InvalidInput, match=r"findings\[0\]\.score: received [\d.]+ \(float\)"):
            legcramps.from_dict(d)

    def test_returns_the_assessment_of_the_answers(self) -> None:
        """The result is the knowledge's own assessment of the answers."""
        assert legcramps.assess(TYPICAL) == legcramps.from_dict(typical())


class TestTopLevel:
    def test_not_a_mapping_is_named_data(self) -> None:
        """Something other than a mapping is reported as the input data."""
        with pytest.raises(InvalidInput) as info:
            legcramps.from_dict(5)

        assert ("data", "5 (int)") == (
            info.value.problems[0].input,
            info.value.problems[0].received,
        )

    def test_missing_keys_a_bad_version_and_a_bad_urgency_together(self) -> None:
        """A bad version and urgency are reported with the missing keys."""
        with pytest.raises(InvalidInput) as info:
            legcramps.from_dict({"knowledge_version": "old", "urgency": "bad"})

        inputs = [p.input for p in info.value.problems]
        assert {"knowledge_version", "urgency", "findings", "disclaimer"} <= set(inputs)

    def test_a_key_that_is_not_a_string(self) -> None:
        """A mapping with a key that is not a string is refused."""
        d: dict[Any, Any] = dict(typical())
        d[1] = "one"

        with pytest.raises(InvalidInput, match=r"data: received the key 1 \(int\)"):
            legcramps.from_dict(d)


class TestHostileValues:
    @pytest.mark.parametrize(
        "path",
        [
            ("knowledge_version",),
            ("urgency",),
            ("red_flags", 0, "name"),
            ("red_flags", 0, "urgency"),
            ("medications", 0, "generic"),
            ("medications", 0, "atc"),
            ("findings", 0, "cause"),
            ("advice", 0),
        ],
    )
    def test_a_value_that_cannot_be_compared(self, path: tuple[Any, ...]) -> None:
        """A value whose == raises is reported as a problem, by its path."""
        d = typical()
        parent: Any = d
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = Unequal()
        name = ".".join(str(p) for p in path).replace(".0", "[0]")

        with pytest.raises(InvalidInput, match=rf"{re.escape(name)}: received <"):
            legcramps.from_dict(d)

    @pytest.mark.parametrize("where", ["data", "answers", "findings"])
    def test_a_mapping_that_cannot_be_read(self, where: str) -> None:
        """A mapping whose items() raises is reported as a problem."""
        d = typical()
        if where == "data":
            data: Any = Unreadable(d)
        elif where == "answers":
            data = dict(d, answers=Unreadable(d["answers"]))
        else:
            d["findings"][0] = Unreadable(d["findings"][0])
            data = d
        name = {"data": "data", "answers": "answers", "findings": r"findings\[0\]"}[where]

        with pytest.raises(InvalidInput, match=rf"{name}: received .*can be read"):
            legcramps.from_dict(data)


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Return the path of every value nested in *value*."""
    found = [path] if path else []
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            found += _paths(item, (*path, n))
    return found


@given(st.data(), assessments(), json_values)
def test_a_corrupted_dict_raises_only_invalid_input(
    data: st.DataObject, a: Assessment, replacement: Any
) -> None:
    """Replacing any part of the dict gives an equal assessment or InvalidInput, nothing else."""
    d = copy.deepcopy(a.to_dict())
    path = data.draw(st.sampled_from(_paths(d)))
    parent = d
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = replacement

    with contextlib.suppress(InvalidInput):
        legcramps.from_dict(d)
