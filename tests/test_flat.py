"""The flat layout, flat_columns(), parse_cells(), and assess_many's records and kept columns."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import legcramps
import legcramps.batch
from legcramps import Cause, Condition, InvalidInput, Sign, Source
from legcramps._errors import Problem, Problems
from legcramps._flat import GROUPS, Flattener, layout, problem_text, select
from strategies import answers

K = legcramps.KNOWLEDGE
CAUSES = [c.id for c in K.causes]


def sixth_cause() -> legcramps.Knowledge:
    note = Source("clinic-notes", "Our clinic's notes", "Internal, 2026.")
    cold = Cause(
        id="cold",
        name="Cold exposure",
        summary="Cramps after cold water.",
        mechanism="Cold muscles contract less smoothly.",
        advice=("Warm up first.",),
        evidence_note="Anecdotal.",
        sources=(note,),
        signs=(Sign(Condition("hot_weather"), 3, "Not hot at all.", note),),
    )
    return attrs.evolve(K, version="six-1", causes=(*K.causes, cold))


class TestLayout:
    def test_the_columns_in_order(self) -> None:
        """The layout: version, urgency, flags, per cause level/score/unanswered, then the rest."""
        assert [
            "knowledge_version",
            "urgency",
            "red_flags",
            *(f"{c}_level" for c in CAUSES),
            *(f"{c}_score" for c in CAUSES),
            *(f"{c}_unanswered" for c in CAUSES),
            "questions_left",
            "next_question",
            "unrecognized_medications",
            "problems",
        ] == [c.name for c in layout(K)]

    def test_generic_over_the_knowledge(self) -> None:
        """A sixth cause brings its own three columns; nothing else changes."""
        names = [c.name for c in layout(sixth_cause())]

        assert {"cold_level", "cold_score", "cold_unanswered"} == set(names) - {
            c.name for c in layout(K)
        }

    def test_every_group_has_columns(self) -> None:
        """Each group fields can name selects at least one column."""
        assert set(GROUPS) == {c.group for c in layout(K)} - {"problems"}

    def test_flat_columns_kinds(self) -> None:
        """flat_columns() names each column's kind: scores and counts are integers."""
        kinds = legcramps.batch.flat_columns()

        assert "integer" == kinds["overuse_score"] == kinds["questions_left"]
        assert "string" == kinds["urgency"] == kinds["problems"]

    def test_flat_columns_of_another_knowledge(self) -> None:
        """flat_columns(knowledge=...) follows that knowledge."""
        assert "cold_level" in legcramps.batch.flat_columns(["levels"], knowledge=sixth_cause())

    @pytest.mark.parametrize(
        ("fields", "received"),
        [("urgency", "'urgency' (str)"), ([3], "3 (int)"), (["levles"], "'levles' (str)")],
    )
    def test_flat_columns_refuses_bad_fields(self, fields: Any, received: str) -> None:
        """A field list that is a string, or names nothing of the layout, is InvalidInput."""
        with pytest.raises(InvalidInput) as e:
            legcramps.batch.flat_columns(fields)

        assert ("fields", received) == (e.value.problems[0].input, e.value.problems[0].received)

    def test_a_misspelt_field_gets_a_suggestion(self) -> None:
        """A field close to a group's name is suggested."""
        with pytest.raises(InvalidInput) as e:
            legcramps.batch.flat_columns(["levles"])

        assert "did you mean 'levels'?" == e.value.problems[0].hint


class TestSelect:
    def test_groups_and_columns_in_the_order_given(self) -> None:
        """Fields are taken in the order given, groups expanded, repeats once, problems last."""
        columns = select(K, ["urgency", "posture_level", "levels"], Problems(), "fields")

        assert [
            "urgency",
            "posture_level",
            *(f"{c}_level" for c in CAUSES if c != "posture"),
            "problems",
        ] == [c.name for c in columns]

    def test_problems_may_be_named(self) -> None:
        """Naming problems is allowed; it is there anyway, once, last."""
        columns = select(K, ["problems", "urgency"], Problems(), "fields")

        assert ["urgency", "problems"] == [c.name for c in columns]


class TestFlattener:
    @settings(max_examples=50, deadline=None)
    @given(answers())
    def test_values_are_the_results(self, given_answers: dict[str, Any]) -> None:
        """Every flat column holds what the Assessment says, for any answers."""
        result = legcramps.assess(given_answers)
        flat = Flattener(K, layout(K))

        values = dict(zip(flat.names, flat.values(result), strict=True))

        assert result.urgency.value == values["urgency"]
        assert ";".join(r.id for r in result.red_flags) == values["red_flags"]
        for f in result.findings:
            assert (f.level.value, f.score, len(f.unanswered)) == (
                values[f"{f.cause.id}_level"],
                values[f"{f.cause.id}_score"],
                values[f"{f.cause.id}_unanswered"],
            )
        assert len(result.next_questions) == values["questions_left"]
        expected_next = result.next_questions[0].id if result.next_questions else ""
        assert expected_next == values["next_question"]
        assert ";".join(result.unrecognized_medications) == values["unrecognized_medications"]
        assert (K.version, None) == (values["knowledge_version"], values["problems"])

    def test_only_the_columns_asked_for(self) -> None:
        """A flattener of two columns gives two values and problems."""
        flat = Flattener(K, select(K, ["next_question", "questions_left"], Problems(), "f"))

        assert [legcramps.assess().next_questions[0].id, len(K.factors), None] == flat.values(
            legcramps.assess()
        )

    def test_problem_values(self) -> None:
        """A row with problems fills only the problems column."""
        flat = Flattener(K, select(K, ["urgency"], Problems(), "f"))

        values = flat.problem_values([Problem("fluid_litres", "-1 (int)", "a number")])

        assert [None, "fluid_litres: received -1 (int); expected a number"] == values

    def test_problem_text_with_more(self) -> None:
        """Problems are joined by ' | ', with the count of those not listed."""
        problems = [Problem("a", "1", "2", "hint"), Problem("b", "3", "4")]

        assert "a: received 1; expected 2 (hint) | b: received 3; expected 4 | and 5 more" == (
            problem_text(problems, 5)
        )


class TestAssessManyRecords:
    ROWS: tuple[dict[str, Any], ...] = (
        {"id": "a1", "sitting_hours": 8, "age": 30},
        {"id": "a2", "fluid_litres": -1},
        {"sitting_hours": 1},
    )

    @pytest.mark.parametrize("workers", [1, 2])
    def test_dict_records_keep_the_id(self, workers: int) -> None:
        """output='dict' gives the index, the kept id, and the result or the problems."""
        out = list(
            legcramps.assess_many(
                self.ROWS,
                keep=["id"],
                ignore_unknown=True,
                output="dict",
                on_error="record",
                workers=workers,
                chunksize=1,
            )
        )

        assert [
            {"index": 0, "id": "a1", "result": legcramps.assess(sitting_hours=8).to_dict()},
            {
                "index": 1,
                "id": "a2",
                "problems": [
                    {
                        "input": "fluid_litres",
                        "received": "-1 (int)",
                        "expected": "a number of litres from 0 to 20, or None (unknown)",
                        "hint": "",
                    }
                ],
            },
            {"index": 2, "id": None, "result": legcramps.assess(sitting_hours=1).to_dict()},
        ] == out

    @pytest.mark.parametrize("workers", [1, 2])
    def test_flat_records(self, workers: int) -> None:
        """output='flat' gives the flat columns chosen by fields."""
        out = list(
            legcramps.assess_many(
                self.ROWS,
                keep=["id"],
                ignore_unknown=True,
                output="flat",
                fields=["urgency", "posture_level"],
                on_error="record",
                workers=workers,
            )
        )

        problems = "fluid_litres: received -1 (int); expected a number of litres from 0 to 20"
        assert [
            {"index": 0, "id": "a1", "urgency": "undetermined", "posture_level": "likely",
             "problems": None},
            {"index": 1, "id": "a2", "urgency": None, "posture_level": None,
             "problems": problems + ", or None (unknown)"},
            {"index": 2, "id": None, "urgency": "undetermined", "posture_level": "unlikely",
             "problems": None},
        ] == out  # fmt: skip

    def test_what_a_worker_sends(self) -> None:
        """A worker sends a flat record as the tuple of its values, a bad row as Failed."""
        from legcramps._batch import Failed, Plan, Rows, _assess_chunk

        plan = Plan(None, ("id",), ignore_unknown=True, output="flat", fields=("urgency",))

        sent = _assess_chunk(plan, list(enumerate(self.ROWS)))

        assert ("index", "id", "urgency", "problems") == Rows(plan).flat_names
        assert (0, "a1", "undetermined", None) == sent[0]
        assert Failed is type(sent[1])

    def test_an_unknown_key_is_a_problem_unless_ignored(self) -> None:
        """Without ignore_unknown, an extra key is the row's problem, named with a hint."""
        [record] = legcramps.assess_many([{"sitting_hourz": 1}], output="dict", on_error="record")

        assert ("sitting_hourz", "did you mean 'sitting_hours'?") == (
            record["problems"][0]["input"],
            record["problems"][0]["hint"],
        )

    def test_text_cells(self) -> None:
        """cells=True reads text cells as the batch reads CSV; a bad cell is a problem."""
        out = list(
            legcramps.assess_many(
                [{"sitting_hours": "8 h", "hot_weather": ""}, {"hot_weather": "maybe"}],
                cells=True,
                on_error="record",
            )
        )

        assert legcramps.assess(sitting_hours=8) == out[0]
        assert isinstance(out[1], legcramps.RowError)
        assert "hot_weather" == out[1].problems[0].input

    def test_ignore_unknown_with_assessments(self) -> None:
        """ignore_unknown works for Assessment output too."""
        [result] = legcramps.assess_many([{"sitting_hours": 8, "age": 40}], ignore_unknown=True)

        assert legcramps.assess(sitting_hours=8) == result

    def test_raise_mode_with_records(self) -> None:
        """In raise mode a bad row raises, named by its index, whatever the output."""
        with pytest.raises(InvalidInput) as e:
            list(legcramps.assess_many(self.ROWS, keep=["id"], output="flat"))

        assert "rows[0].age" == e.value.problems[0].input

    def test_a_row_that_is_not_a_mapping_keeps_its_columns_empty(self) -> None:
        """A bad row still has every kept column (None), so that records line up."""
        rows: list[Any] = [None]
        [record] = legcramps.assess_many(rows, keep=["id"], output="dict", on_error="record")

        assert (0, None, "mapping") == (
            record["index"],
            record["id"],
            record["problems"][0]["input"],
        )

    def test_more_problems_are_counted(self) -> None:
        """A row with more than 20 problems says how many more in its record."""
        row = {f"x{n}": 1 for n in range(25)}

        [record] = legcramps.assess_many([row], output="dict", on_error="record")

        assert (20, 5) == (len(record["problems"]), record["more"])

    @pytest.mark.parametrize("output", ["assessment", "dict"])
    def test_any_mapping_is_a_row(self, output: str) -> None:
        """A row may be any mapping, not only a dict."""
        from types import MappingProxyType

        [made] = legcramps.assess_many([MappingProxyType({"sitting_hours": 8})], output=output)  # type: ignore[call-overload]

        expected = legcramps.assess(sitting_hours=8)
        assert (expected if output == "assessment" else expected.to_dict()) == (
            made if output == "assessment" else made["result"]
        )

    def test_rows_are_not_changed(self) -> None:
        """Kept columns are copied, not taken out of the caller's rows."""
        row = {"id": 1, "sitting_hours": 2}

        list(legcramps.assess_many([row], keep=["id"], output="dict"))

        assert {"id": 1, "sitting_hours": 2} == row

    @pytest.mark.parametrize(
        ("options", "name"),
        [
            ({"keep": ["id"]}, "keep"),
            ({"keep": "id", "output": "dict"}, "keep"),
            ({"keep": [1], "output": "dict"}, "keep"),
            ({"keep": ["sitting_hours"], "output": "dict"}, "keep"),
            ({"keep": ["index"], "output": "dict"}, "keep"),
            ({"keep": ["urgency"], "output": "flat"}, "keep"),
            ({"keep": ["id", "id"], "output": "dict"}, "keep"),
            ({"output": "csv"}, "output"),
            ({"fields": ["urgency"]}, "fields"),
            ({"fields": ["nope"], "output": "flat"}, "fields"),
            ({"ignore_unknown": 1}, "ignore_unknown"),
        ],
    )
    def test_bad_options(self, options: dict[str, Any], name: str) -> None:
        """Bad keep, output, fields and ignore_unknown raise at the call, named."""
        with pytest.raises(InvalidInput) as e:
            legcramps.assess_many([{}], **options)

        assert name == e.value.problems[0].input


class TestParseCells:
    def test_reads_as_the_command_line_does(self) -> None:
        """Cells are read by kind: yes/no, numbers with units, choices, medication lists."""
        assert {
            "hot_weather": False,
            "fluid_litres": 0.5,
            "exercise_intensity": "moderate",
            "medications": ("Lasix 40 mg", "aspirin"),
        } == legcramps.batch.parse_cells(
            {
                "hot_weather": "No",
                "fluid_litres": "500 ml",
                "exercise_intensity": "Mod",
                "medications": "Lasix 40 mg; aspirin",
                "sitting_hours": "",
                "overtired": None,
                "leg_swelling": "don't know",
            }
        )

    def test_every_problem_is_listed(self) -> None:
        """Bad cells, cells that are not text, unknown names: all in one InvalidInput."""
        with pytest.raises(InvalidInput) as e:
            legcramps.batch.parse_cells(
                {"hot_weather": "maybe", "sitting_hours": 5, "sitting_hourz": "1", 3: "x"}  # type: ignore[dict-item]
            )

        assert [
            ("hot_weather", ""),
            ("sitting_hours", ""),
            ("sitting_hourz", "did you mean 'sitting_hours'?"),
            ("3", ""),
        ] == [(p.input, p.hint) for p in e.value.problems]

    def test_not_a_mapping(self) -> None:
        """Something other than a mapping is InvalidInput, not a crash."""
        with pytest.raises(InvalidInput) as e:
            legcramps.batch.parse_cells(["hot_weather"])  # type: ignore[arg-type]

        assert "cells" == e.value.problems[0].input

    def test_with_knowledge(self) -> None:
        """knowledge= reads the cells of that knowledge's inputs."""
        k = sixth_cause()

        assert {"hot_weather": True} == legcramps.batch.parse_cells(
            {"hot_weather": "y"}, knowledge=k
        )

    def test_knowledge_that_is_not_knowledge(self) -> None:
        """A knowledge argument that is not a Knowledge is InvalidInput."""
        with pytest.raises(InvalidInput):
            legcramps.batch.parse_cells({}, knowledge="v1")  # type: ignore[arg-type]

    @settings(max_examples=50, deadline=None)
    @given(st.text(alphabet=" \t,;and", max_size=200))
    def test_medication_lists_split_as_before(self, text: str) -> None:
        """The linear split gives what the original regular expression gave."""
        import re

        from legcramps._parse import parse_medications

        if text.strip() in {"", "no", "none"}:
            return
        names = [n.strip() for n in re.split(r"[,;]|\s+and\s+", text)]
        assert tuple(n for n in names if n) == parse_medications(text)

    def test_a_long_run_of_spaces_is_linear(self) -> None:
        """500,000 spaces in a medication list split at once (quadratic would take minutes).

        Run in a child with a generous time-out, so that a regression fails rather than hangs.
        """
        import subprocess
        import sys

        code = (
            "from legcramps._parse import parse_medications;"
            "print(parse_medications('a' + ' ' * 500_000 + 'and b'))"
        )
        done = subprocess.run(  # noqa: S603 - our own interpreter and code
            [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
        )

        assert "('a', 'b')\n" == done.stdout
