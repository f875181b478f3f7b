"""``legcramps.assess_frame``: the columnar path gives what ``assess()`` gives, row by row.

Needs pandas (the ``frame`` extra); without it these tests are skipped, saying so.
"""

from __future__ import annotations

import decimal
import doctest
import math
import sys
import warnings
from typing import Any

import attrs
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st

import legcramps
import legcramps.batch
from helpers import NO_RED_FLAGS, NOTHING_RAISED
from legcramps import (
    Cause,
    Condition,
    FactorKind,
    Knowledge,
    RedFlag,
    RiskFactor,
    Sign,
    Source,
    Urgency,
)
from strategies import answer, hostile, json_values
from test_import import loaded_by

pd = pytest.importorskip("pandas", reason="assess_frame needs pandas: the 'frame' extra")
np = pytest.importorskip("numpy", reason="assess_frame needs numpy, which comes with pandas")

from legcramps import _columns  # noqa: E402 - only with pandas

K = legcramps.KNOWLEDGE
FLAT = list(legcramps.batch.flat_columns())
INTEGERS = {n for n, kind in legcramps.batch.flat_columns().items() if kind == "integer"}


def frame_of(rows: list[dict[str, Any]], *, objects: bool = False) -> Any:
    """A frame of *rows* (a row without a key has a gap there).

    Its columns' types are those pandas infers, or with *objects* the cells as they
    are, in columns of objects.
    """
    columns = list(dict.fromkeys(k for row in rows for k in row))
    if not objects:
        return pd.DataFrame(rows, columns=columns, index=range(len(rows)))
    data = {}
    for name in columns:
        cells = np.empty(len(rows), dtype=object)
        for n, row in enumerate(rows):
            cells[n] = row.get(name)
        data[name] = cells
    return pd.DataFrame(data, columns=columns, index=range(len(rows)), dtype=object)


def python(cell: Any, dtype: Any) -> Any:
    """The cell as the row path is given it: missing is None; a numpy number a Python one."""
    if not isinstance(cell, (list, tuple, np.ndarray)) and (
        cell is None or cell is pd.NA or (isinstance(cell, float) and math.isnan(cell))
    ):
        return None
    if dtype.kind != "O" and isinstance(cell, np.generic):
        return cell.item()
    return cell


def rows_of(frame: Any, names: list[str]) -> list[dict[str, Any]]:
    """Each row of *frame* as a dict of the columns *names*, as the row path reads it."""
    series = {n: frame[n].astype(object) for n in names}
    dtypes = {n: frame[n].dtype for n in names}
    return [{n: python(series[n].iloc[i], dtypes[n]) for n in names} for i in range(len(frame))]


def plain(result: Any) -> list[dict[str, Any]]:
    """The result frame's rows as flat records of plain values (None for null)."""
    records = []
    for i in range(len(result)):
        record: dict[str, Any] = {}
        for name in result.columns:
            value = result[name].iloc[i]
            if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
                record[name] = None
            else:
                record[name] = int(value) if name in INTEGERS else value
        records.append(record)
    return records


def expected(
    frame: Any, knowledge: Knowledge = K, *, cells: bool = False, fields: Any = None
) -> list[dict[str, Any]]:
    """What assess_many's flat records say of each row of *frame* (without their index)."""
    rows = rows_of(frame, list(frame.columns))
    records = legcramps.assess_many(
        rows, output="flat", on_error="record", knowledge=knowledge, cells=cells, fields=fields
    )
    return [{k: v for k, v in r.items() if k != "index"} for r in records]


def _one_shot(cell: object) -> bool:
    """Whether *cell* is an iterator, which can be read only once."""
    try:
        return iter(cell) is cell  # type: ignore[call-overload]
    except Exception:  # noqa: BLE001 - a hostile cell may fail in any way: not an iterator
        return False


def check_against_assess(frame: Any, knowledge: Knowledge = K) -> None:
    """Each row's evaluation, may_rise_to included, is that of assess() of the row."""
    tables = knowledge._tables  # noqa: SLF001 - what the columnar path reads
    names = list(frame.columns)
    found, _ = _columns.read(frame, knowledge, names, cells=False)
    results = _columns.evaluate(tables, knowledge, found)
    flags = [knowledge.red_flags[j].id for j, _, _ in tables.flags_by_urgency]
    for i, row in enumerate(rows_of(frame, names)):
        try:
            a = knowledge.assess(row)
        except legcramps.InvalidInput:
            assert found.bad[i]
            continue
        assert not found.bad[i]
        assert a.urgency.rank == results.urgency[i]
        rise = -1 if a.may_rise_to is None else a.may_rise_to.rank
        assert rise == results.may_rise_to[i]
        raised = [f for f, up in zip(flags, results.raised, strict=True) if up[i]]
        assert [r.id for r in a.red_flags] == raised
        for n, cause in enumerate(knowledge.causes):
            finding = a.finding(cause.id)
            assert finding.level is _columns._LEVELS[results.levels[n][i]]  # noqa: SLF001
            assert finding.score == results.scores[n][i]
            assert len(finding.unanswered) == results.unanswered[n][i]
        assert len(a.next_questions) == results.questions_left[i]
        question = results.next_question[i]
        assert (a.next_questions[0].id if a.next_questions else None) == (
            tables.question_order[question][0] if question >= 0 else None
        )


# --- strategies ---------------------------------------------------------------------------


@st.composite
def survey_rows(
    draw: st.DrawFn,
    factors: tuple[RiskFactor, ...] = K.factors,
    *,
    bad: bool = False,
    objects: bool = False,
) -> list[dict[str, Any]]:
    """1 to 6 rows of answers to the same few inputs, some left out, some None.

    With *bad*, some answers are any JSON value, and in columns of *objects* also
    objects written to break careless code (pandas itself breaks on some, when it
    infers a column's type).
    """
    chosen = draw(st.lists(st.sampled_from(factors), unique=True, max_size=12))
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        row = {}
        for f in chosen:
            if draw(st.booleans()):
                values = answer(f)
                if bad and draw(st.integers(0, 4)) == 0:
                    values = st.one_of(json_values, hostile) if objects else json_values
                row[f.id] = draw(st.one_of(st.none(), values))
        rows.append(row)
    return rows


#: Every red flag ruled out and every cause answered: the rows below start from here.
SETTLED = {**NOTHING_RAISED, **NO_RED_FLAGS}


@st.composite
def settled_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    """1 to 6 rows near :data:`SETTLED`: some of its answers left out, others changed.

    Mostly "no"s, so that red flags are ruled out, left open by one missing
    answer, or raised by one "yes": where the screens, the questions that
    cannot apply and the minimum urgencies of signs decide.
    """
    changed = draw(st.lists(st.sampled_from(K.factors), unique=True, max_size=8))
    dropped = draw(st.lists(st.sampled_from(sorted(SETTLED)), unique=True, max_size=8))
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        row = {k: v for k, v in SETTLED.items() if k not in dropped or draw(st.booleans())}
        for f in changed:
            if draw(st.booleans()):
                row[f.id] = draw(st.one_of(st.none(), answer(f)))
        rows.append(row)
    return rows


#: The screening questions, their members, and the inputs on which a member applies.
SCREENING = tuple(
    dict.fromkeys(
        f
        for screen in K.factors
        if screen.members
        for member in (K.factor(m) for m in screen.members)
        for f in (screen, member, *(K.factor(c.factor) for c in member.applies_when))
    )
)


@st.composite
def screening_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    """1 to 6 rows of answers to screens, their members and what the members apply on.

    Where a screen stands or is settled, a member cannot apply, or a screen is
    still to ask although a member is answered.
    """
    chosen = draw(st.lists(st.sampled_from(SCREENING), unique=True, max_size=16))
    return [
        {f.id: draw(st.one_of(st.none(), answer(f))) for f in chosen if draw(st.booleans())}
        for _ in range(draw(st.integers(1, 6)))
    ]


def cell_text(value: Any) -> str:
    """A valid answer written as a CSV cell."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(value) if value else "none"
    return str(value)


@st.composite
def text_rows(draw: st.DrawFn) -> list[dict[str, Any]]:
    """1 to 6 rows of text cells, as read from CSV: answers, gaps, skips and nonsense."""
    chosen = draw(st.lists(st.sampled_from(K.factors), unique=True, max_size=12))
    rows = []
    for _ in range(draw(st.integers(1, 6))):
        row: dict[str, Any] = {}
        for f in chosen:
            row[f.id] = draw(
                st.one_of(
                    answer(f).map(cell_text),
                    st.sampled_from(["", "unknown", "?", "maybe", "-1", "2 h", "Yes", "vig"]),
                    st.text(max_size=8),
                    st.none(),
                )
            )
        rows.append(row)
    return rows


def custom_knowledge() -> Knowledge:
    """The built-in knowledge with sitting counting from 3 hours, a sixth cause, and more.

    The cause ``cold`` has its own inputs: ``cold_water``, which applies only after
    a swim (``swam``, which speaks to no cause), and ``swim_metres``, a number.
    ``statin_pain`` applies only with a statin; the red flag ``many_medicines``
    counts the medications.
    """
    note = Source("clinic-notes", "Our clinic's notes", "Internal, 2026.")
    posture = K.cause("posture")
    signs = tuple(
        attrs.evolve(s, when=Condition("sitting_hours", at_least=3))
        if s.when == Condition("sitting_hours", at_least=4)
        else s
        for s in posture.signs
    )
    cold = Cause(
        id="cold",
        name="Cold exposure",
        summary="Cramps after swimming in cold water.",
        mechanism="Cold muscles contract less smoothly.",
        advice=("Warm up first.",),
        evidence_note="Anecdotal.",
        sources=(note,),
        signs=(
            Sign(Condition("cold_water"), 3, "Swimming in cold water.", note),
            Sign(Condition("swim_metres", at_least=1000), 1, "A long swim.", note),
        ),
    )
    swam = RiskFactor("swam", "Did you swim today?", FactorKind.YES_NO)
    cold_water = RiskFactor(
        "cold_water",
        "Was the water cold?",
        FactorKind.YES_NO,
        applies_when=(Condition("swam"),),  # swam speaks to no cause: cold is answered by it
    )
    metres = RiskFactor(
        "swim_metres", "How far did you swim?", FactorKind.NUMBER, minimum=0, maximum=100_000
    )
    statin_pain = RiskFactor(
        "statin_pain",
        "Did the pain start with the statin?",
        FactorKind.YES_NO,
        applies_when=(Condition("medications", one_of=("statin",)),),
    )
    flags = (
        RedFlag(
            "many_medicines", "Many medicines", "Five or more.", Urgency.SEE_DOCTOR, "Ask.",
            (note,), (Condition("medications", at_least=5),),
        ),
        RedFlag(
            "statin_muscle_pain", "Statin pain", "Pain with a statin.", Urgency.URGENT, "Call.",
            (note,), (Condition("statin_pain"),),
        ),
    )  # fmt: skip
    mine = K.replace_cause(attrs.evolve(posture, signs=signs), version="frame-test-1")
    return attrs.evolve(
        mine,
        version="frame-test-2",
        factors=(*K.factors, swam, cold_water, metres, statin_pain),
        causes=(*mine.causes, cold),
        red_flags=(*K.red_flags, *flags),
    )


CUSTOM = custom_knowledge()


# --- the property -------------------------------------------------------------------------


class TestSameAsAssess:
    @settings(max_examples=300)
    @given(survey_rows(), st.booleans())
    def test_each_row_is_what_assess_gives(
        self,
        rows: list[dict[str, Any]],
        objects: bool,  # noqa: FBT001 - drawn by Hypothesis
    ) -> None:
        """Urgency, may_rise_to, flags, levels, scores, unanswered, next question: as assess()."""
        frame = frame_of(rows, objects=objects)

        check_against_assess(frame)
        assert expected(frame) == plain(legcramps.assess_frame(frame))

    @settings(max_examples=300)
    @given(settled_rows(), st.booleans())
    def test_rows_near_settled_are_what_assess_gives(
        self,
        rows: list[dict[str, Any]],
        objects: bool,  # noqa: FBT001 - drawn by Hypothesis
    ) -> None:
        """Red flags ruled out, left open or raised by one answer; screens; minimum urgencies."""
        frame = frame_of(rows, objects=objects)

        check_against_assess(frame)
        assert expected(frame) == plain(legcramps.assess_frame(frame))

    @settings(max_examples=300)
    @given(screening_rows(), st.booleans())
    def test_screens_and_their_members_are_what_assess_gives(
        self,
        rows: list[dict[str, Any]],
        objects: bool,  # noqa: FBT001 - drawn by Hypothesis
    ) -> None:
        """Screens raised, settled, implied or to ask, members that cannot apply: as assess()."""
        frame = frame_of(rows, objects=objects)

        check_against_assess(frame)
        assert expected(frame) == plain(legcramps.assess_frame(frame))

    @settings(max_examples=300)
    @given(st.data())
    def test_bad_cells_are_the_problems_assess_names(self, data: st.DataObject) -> None:
        """A row with a bad cell has the problems assess() raises; the other rows, results."""
        objects = data.draw(st.booleans())
        rows = data.draw(survey_rows(bad=True, objects=objects))
        # A one-shot iterator (a generator) in a cell is used up by whichever path reads it
        # first, so the two paths cannot be compared on it.
        assume(not any(_one_shot(cell) for row in rows for cell in row.values()))
        frame = frame_of(rows, objects=objects)

        check_against_assess(frame)
        assert expected(frame) == plain(legcramps.assess_frame(frame))

    @settings(max_examples=200)
    @given(text_rows())
    @example([{"exercise_intensity": ""}, {"exercise_intensity": "\x00"}])
    def test_text_cells_are_read_as_the_batch_reads_them(self, rows: list[dict[str, Any]]) -> None:
        """With cells=True each cell is read by the batch's cell parser, as assess_many does."""
        frame = frame_of(rows, objects=True)

        assert expected(frame, cells=True) == plain(legcramps.assess_frame(frame, cells=True))

    @settings(max_examples=200)
    @given(st.one_of(survey_rows(CUSTOM.factors, bad=True), settled_rows()), st.data())
    def test_custom_knowledge(self, rows: list[dict[str, Any]], data: st.DataObject) -> None:
        """A changed threshold and a sixth cause with its own input: as that knowledge assesses."""
        swim = data.draw(
            st.sampled_from([{}, {"swam": False}, {"swam": False, "cold_water": True}])
        )
        frame = frame_of([{**row, **swim} for row in rows])

        check_against_assess(frame, CUSTOM)
        assert expected(frame, CUSTOM) == plain(legcramps.assess_frame(frame, knowledge=CUSTOM))


# --- examples -----------------------------------------------------------------------------


def one(frame: Any, **options: Any) -> dict[str, Any]:
    """The first row of assess_frame's result, as plain values."""
    return plain(legcramps.assess_frame(frame, **options))[0]


class TestExamples:
    def test_a_yes_that_cannot_apply_leaves_the_screen_standing(self) -> None:
        """A screening "yes" is not settled by a member's "yes" to a question that cannot apply."""
        row = {
            "emergency_signs": True,
            "heat_exhaustion_not_better": True,  # cannot apply: no exercise, heat or sweating
            "exercise_minutes": 0,
            "hot_weather": False,
            "heavy_sweating": False,
        }
        frame = frame_of([row])

        check_against_assess(frame)
        assert "emergency_sign_reported" in one(frame)["red_flags"].split(";")
        assert expected(frame) == plain(legcramps.assess_frame(frame))

    def test_a_screen_is_asked_when_its_only_answered_member_cannot_apply(self) -> None:
        """A member answered that cannot apply leaves its screen to ask, as next_questions does."""
        row = {"sex": "male", "pregnant_or_postpartum": False}  # cannot apply to a male
        frame = frame_of([row])
        asked = legcramps.assess(row).next_questions

        assert "clot_risks" in [q.id for q in asked]
        assert len(asked) == one(frame)["questions_left"]
        assert expected(frame) == plain(legcramps.assess_frame(frame))

    @pytest.mark.parametrize(
        "medications",
        [
            pytest.param(None, id="medications unknown"),
            pytest.param(["water tablet"], id="a name not recognised"),
        ],
    )
    def test_an_open_minimum_urgency_is_may_rise_to(self, medications: list[str] | None) -> None:
        """Red flags ruled out, a cause likely, the medications unknown or not all
        recognised: may rise to see_doctor, as in assess()."""
        row = {**SETTLED, "sitting_hours": 8, "medications": medications}
        frame = frame_of([row])
        found, _ = _columns.read(frame, K, list(frame.columns), cells=False)
        results = _columns.evaluate(K._tables, K, found)  # noqa: SLF001 - the tables

        assert legcramps.Urgency.SEE_DOCTOR == legcramps.assess(row).may_rise_to
        assert legcramps.Urgency.SEE_DOCTOR.rank == results.may_rise_to[0]

    def test_a_nan_in_a_yes_no_column_is_unknown_not_no(self) -> None:
        """A gap in a yes/no column (NaN, None or pandas.NA) is unknown, whatever the dtype."""
        for column in (
            [np.nan],
            pd.Series([None], dtype=object),
            pd.Series([pd.NA], dtype="boolean"),
        ):
            frame = pd.DataFrame({"leg_signs": column})

            assert one(frame)["next_question"] == "emergency_signs"
            assert plain(legcramps.assess_frame(pd.DataFrame({"leg_signs": [True]}))) != plain(
                legcramps.assess_frame(frame)
            )
            assert expected(pd.DataFrame(index=[0])) == plain(legcramps.assess_frame(frame))

    def test_a_one_or_zero_in_a_yes_no_column_is_a_problem(self) -> None:
        """1 and 0 are not yes and no: a problem, as in assess(), never coerced."""
        frame = pd.DataFrame({"hot_weather": [1, 0]})

        assert [
            "hot_weather: received 1 (int); expected True, False or None (unknown)",
            "hot_weather: received 0 (int); expected True, False or None (unknown)",
        ] == legcramps.assess_frame(frame)["problems"].tolist()

    def test_true_and_one_in_one_column_are_told_apart(self) -> None:
        """True == 1 in Python, but True is a yes and 1 is a problem, in the same column."""
        frame = pd.DataFrame({"hot_weather": pd.Series([True, 1, 1.0, None], dtype=object)})
        problems = legcramps.assess_frame(frame)["problems"]

        assert [False, True, True, False] == problems.notna().tolist()

    def test_nullable_and_numpy_columns(self) -> None:
        """boolean, Int64, Float64, int and float columns read as assess() reads their values."""
        frame = pd.DataFrame(
            {
                "hot_weather": pd.Series([True, pd.NA, False], dtype="boolean"),
                "sitting_hours": pd.Series([8, pd.NA, 30], dtype="Int64"),
                "fluid_litres": pd.Series([0.5, pd.NA, 2.0], dtype="Float64"),
                "exercise_minutes": np.array([10, 0, 5], dtype=np.int16),
                "standing_hours": np.array([1.5, np.nan, np.inf]),
            }
        )

        problems = legcramps.assess_frame(frame)["problems"]

        assert expected(frame) == plain(legcramps.assess_frame(frame))
        assert [False, False, True] == problems.notna().tolist()
        assert problems[2].startswith("sitting_hours: received 30 (int)")
        assert "standing_hours: received inf (float)" in problems[2]

    def test_medication_lists_as_lists_tuples_and_arrays(self) -> None:
        """A list, a tuple or a numpy array of names (as Arrow gives) reads as the same list."""
        cells = [["Lasix 40 mg", "aspirin"], ("Lasix 40 mg", "aspirin"), None, []]
        frame = frame_of([{"medications": c} for c in cells], objects=True)
        frame.loc[2, "medications"] = np.array(["Lasix 40 mg", "aspirin"], dtype=object)
        results = plain(legcramps.assess_frame(frame))

        assert ["aspirin", "aspirin", "aspirin", ""] == [
            r["unrecognized_medications"] for r in results
        ]
        assert expected(frame) == results

    def test_a_number_too_large_for_a_float(self) -> None:
        """A whole number past any float is a problem, as for assess(), never an overflow."""
        frame = frame_of([{"swim_metres": 10**400}, {"swim_metres": 2000}], objects=True)

        assert expected(frame, CUSTOM) == plain(legcramps.assess_frame(frame, knowledge=CUSTOM))
        assert [None, 1] == [
            r["cold_score"] for r in plain(legcramps.assess_frame(frame, knowledge=CUSTOM))
        ]

    def test_names_that_read_the_same_are_one_list(self) -> None:
        """Cells whose names differ only by spaces around them are the same list."""
        frame = frame_of([{"medications": [" Lasix "]}, {"medications": ["Lasix"]}], objects=True)

        assert expected(frame) == plain(legcramps.assess_frame(frame))

    def test_text_cells_that_are_not_text(self) -> None:
        """With cells=True, a number, a boolean or a list is no cell's text: a problem."""
        frame = pd.DataFrame(
            {
                "hot_weather": [True, False, True],
                "sitting_hours": [2.0, np.nan, np.nan],
                "medications": pd.Series([["Lasix"], None, "Lasix"], dtype=object),
            }
        )
        problems = legcramps.assess_frame(frame, cells=True)["problems"].tolist()

        assert expected(frame, cells=True) == plain(legcramps.assess_frame(frame, cells=True))
        assert "expected a cell's text (str), or None (unknown)" in problems[0]
        assert 3 == problems[0].count("expected a cell's text")


class _Decimal(decimal.Decimal):
    """A decimal that refuses to be compared (pandas compares a decimal to find NaN)."""

    def __ne__(self, other: object) -> bool:
        raise RuntimeError


class TestMissing:
    def test_only_none_na_and_nan_are_missing(self) -> None:
        """NaT and a decimal NaN are no gaps (pandas takes them for some): they are problems."""
        frame = frame_of(
            [{"hot_weather": c} for c in [pd.NaT, decimal.Decimal("NaN"), None, np.nan, pd.NA]],
            objects=True,
        )

        assert [True, True, False, False, False] == (
            legcramps.assess_frame(frame)["problems"].notna().tolist()
        )
        assert expected(frame) == plain(legcramps.assess_frame(frame))

    def test_a_cell_that_breaks_pandas_missing_check(self) -> None:
        """A decimal that cannot be compared makes pandas fail; it is a problem of its row."""
        frame = frame_of([{"sitting_hours": _Decimal("1")}, {"sitting_hours": None}], objects=True)

        assert [True, False] == legcramps.assess_frame(frame)["problems"].notna().tolist()


class TestEdges:
    def test_an_empty_frame(self) -> None:
        """No rows: no results, with every column of the layout, typed."""
        result = legcramps.assess_frame(pd.DataFrame({"sitting_hours": pd.Series([], dtype=float)}))

        assert 0 == len(result)
        assert FLAT == list(result.columns)
        assert "Int64" == str(result["posture_score"].dtype)

    def test_an_empty_frame_without_columns(self) -> None:
        """No rows and no columns: still the layout's columns."""
        assert FLAT == list(legcramps.assess_frame(pd.DataFrame()).columns)

    def test_one_row(self) -> None:
        """One row: the result of assess() for it."""
        frame = pd.DataFrame({"sitting_hours": [8], "leg_swelling": [True]})

        assert expected(frame) == plain(legcramps.assess_frame(frame))
        assert "urgent" == one(frame)["urgency"]

    def test_all_unknown(self) -> None:
        """A row whose every cell is a gap is assessed as assess() with nothing known."""
        frame = pd.DataFrame({f.id: [None] for f in K.factors}, dtype=object)

        assert expected(pd.DataFrame(index=[0])) == plain(legcramps.assess_frame(frame))

    def test_no_input_columns(self) -> None:
        """A frame with only an id column: every row is assess() with nothing known."""
        frame = pd.DataFrame({"id": ["a", "b"]})
        result = legcramps.assess_frame(frame, keep=["id"])

        assert ["a", "b"] == result["id"].tolist()
        assert [legcramps.assess().urgency.value] * 2 == result["urgency"].tolist()

    def test_extra_columns_kept_and_ignored(self) -> None:
        """keep copies a column, dtype and all; ignore_unknown leaves the others out."""
        frame = pd.DataFrame(
            {"id": [7, 8], "wave": ["w1", "w2"], "sitting_hours": [8, 1]}, index=["x", "y"]
        )
        result = legcramps.assess_frame(frame, keep=["id"], ignore_unknown=True)

        assert ["id", *FLAT] == list(result.columns)
        assert [7, 8] == result["id"].tolist()
        assert frame["id"].dtype == result["id"].dtype
        assert ["x", "y"] == list(result.index)

    def test_rows_in_chunks(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """A frame longer than a chunk is assessed a chunk at a time, into one result."""
        monkeypatch.setattr(_columns, "CHUNK", 3)
        rows: list[dict[str, Any]] = [
            {"sitting_hours": 8, "medications": ["aspirin"]},
            {"sitting_hours": -1},
            {"leg_swelling": True},
            {"medications": ["Lasix", "ibuprofen"]},
            {"sitting_hours": 2, "medications": []},
            {"fluid_litres": "lots"},
            {"leg_swelling": True, "sitting_hours": 25},
        ]
        frame = frame_of(rows, objects=True)
        result = legcramps.assess_frame(frame)

        assert expected(frame) == plain(result)
        assert 7 == len(result)
        assert "Int64" == str(result["posture_score"].dtype)

    def test_a_repeated_index_is_kept(self) -> None:
        """The result has the frame's index, repeated labels and all: it joins back."""
        frame = pd.DataFrame({"sitting_hours": [8, 1]}, index=[3, 3])

        assert [3, 3] == list(legcramps.assess_frame(frame).index)

    def test_fields_select_columns(self) -> None:
        """fields selects groups or columns, as for assess_many; problems comes last."""
        frame = pd.DataFrame({"sitting_hours": [8, -1]})
        result = legcramps.assess_frame(frame, fields=["urgency", "posture_level"])

        assert ["urgency", "posture_level", "problems"] == list(result.columns)
        assert expected(frame, fields=["urgency", "posture_level"]) == plain(result)

    def test_ordered_urgency_and_levels(self) -> None:
        """urgency and the levels are ordered categories: max() is the most pressing."""
        frame = pd.DataFrame({"sitting_hours": [8, 1], "leg_swelling": [True, False]})
        result = legcramps.assess_frame(frame)

        assert "urgent" == result["urgency"].max()
        assert "likely" == result["posture_level"].max()

    def test_hostile_cells_are_problems(self) -> None:
        """Objects that break careless code are problems of their rows, never a crash."""
        cells: list[Any] = [_columns, object(), float("inf"), b"yes", {"a": 1}, {1, 2}]
        frame = frame_of([{"medications": c, "sitting_hours": c} for c in cells], objects=True)

        assert expected(frame) == plain(legcramps.assess_frame(frame))
        assert all(legcramps.assess_frame(frame)["problems"].notna())

    def test_an_arrow_table(self) -> None:
        """A pyarrow Table is assessed as its pandas frame, list columns and gaps included."""
        pa = pytest.importorskip("pyarrow", reason="Arrow tables need pyarrow")
        table = pa.table(
            {
                "hot_weather": pa.array([True, None, False]),
                "sitting_hours": pa.array([8, None, 2]),
                "medications": pa.array([["Lasix 40 mg"], None, []]),
            }
        )

        result = plain(legcramps.assess_frame(table))

        assert expected(table.to_pandas()) == result
        assert ["likely", "unknown", "unlikely"] == [r["medication_level"] for r in result]


def test_the_example_of_assess_frame_runs() -> None:
    """The example in assess_frame's docstring runs (here, as it needs pandas)."""
    finder = doctest.DocTestFinder()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    for test in finder.find(legcramps.assess_frame, "assess_frame"):
        runner.run(test)

    assert 0 == runner.failures
    assert runner.tries >= 5  # the examples were found


class TestArguments:
    def test_an_unknown_column_is_named_with_a_hint(self) -> None:
        """A column that is not an input stops the call, with the closest input and both fixes."""
        with pytest.raises(legcramps.InvalidInput) as raised:
            legcramps.assess_frame(pd.DataFrame({"siting_hours": [1]}))

        assert (
            "frame: received the column 'siting_hours'; expected a column named by an input (one "
            "of legcramps.RISK_FACTORS) (did you mean 'sitting_hours'? keep=['siting_hours'] "
            "copies it to the results; ignore_unknown=True leaves it out)"
        ) == str(raised.value.problems[0])

    def test_every_bad_argument_at_once(self) -> None:
        """Every bad argument is named, in one InvalidInput."""
        with pytest.raises(legcramps.InvalidInput) as raised:
            legcramps.assess_frame(
                [{"sitting_hours": 1}],
                knowledge="mine",  # type: ignore[arg-type]
                keep="id",
                ignore_unknown=1,  # type: ignore[arg-type]
                cells="yes",  # type: ignore[arg-type]
                fields=["levles"],
            )

        assert ["knowledge", "ignore_unknown", "cells", "keep", "fields", "frame"] == [
            p.input for p in raised.value.problems
        ]

    def test_bad_columns(self) -> None:
        """A column twice, a kept column missing or naming an input, a label not a string."""
        frame = pd.DataFrame([[1, 2, 3]], columns=["sitting_hours", "sitting_hours", 0])
        with pytest.raises(legcramps.InvalidInput) as raised:
            legcramps.assess_frame(frame, keep=["id", "fluid_litres"])

        assert [
            (
                "keep: received 'fluid_litres'; expected a column that is not an input (an input "
                "is assessed, and the result holds its answer)"
            ),
            "frame: received the column 'sitting_hours' twice; expected each column once",
            (
                "frame: received the column 0; expected a column named by an input (one of "
                "legcramps.RISK_FACTORS) (keep=[0] copies it to the results; ignore_unknown=True "
                "leaves it out)"
            ),
            "keep: received 'id'; expected a column of the frame",
            "keep: received 'fluid_litres'; expected a column of the frame",
        ] == [str(p) for p in raised.value.problems]

    def test_fields_must_be_a_list_of_names(self) -> None:
        """fields as one string, or with a name that is not a string, is refused."""
        for fields in ("urgency", [3]):
            with pytest.raises(legcramps.InvalidInput, match="fields: received"):
                legcramps.assess_frame(pd.DataFrame(), fields=fields)  # type: ignore[arg-type]

    def test_without_pandas(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Without pandas, assess_frame says which extra to install."""
        monkeypatch.setitem(sys.modules, "pandas", None)
        monkeypatch.delitem(sys.modules, "legcramps._columns")

        with pytest.raises(ImportError, match=r"pip install 'legcramps\[frame\]'"):
            legcramps.assess_frame(None)

    def test_pandas_is_loaded_only_when_assess_frame_runs(self) -> None:
        """``legcramps.assess_frame`` is there without loading pandas or numpy."""
        loaded = loaded_by("import legcramps; legcramps.assess_frame")

        assert [] == [m for m in loaded if m.split(".")[0] in {"pandas", "numpy"}]


class TestChunks:
    def test_the_frames_of_chunks_concatenate_without_a_warning(self) -> None:
        """Chunks with and without problems concatenate into one frame, pandas warning of
        nothing (free-text columns are plain text, not categoricals of their own)."""
        chunks = [
            pd.DataFrame({"sitting_hours": [8, 2]}),
            pd.DataFrame({"sitting_hours": [-1]}, index=[2]),
        ]
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            joined = pd.concat([legcramps.assess_frame(c) for c in chunks])
        assert [None, None] == joined["problems"].iloc[:2].tolist()

    def test_ordered_columns_stay_ordered_categoricals_across_chunks(self) -> None:
        """The urgency of concatenated chunks is still an ordered categorical."""
        chunks = [pd.DataFrame({"dark_urine": [True]}), pd.DataFrame({"dark_urine": [False]})]
        joined = pd.concat([legcramps.assess_frame(c, fields=["urgency"]) for c in chunks])
        assert "emergency" == joined["urgency"].max()


class TestNul:
    def test_a_string_with_a_nul_is_not_taken_for_its_prefix(self) -> None:
        """ "light\\x00" beside "light" is a bad choice, not "light" (pandas' factorize reads a
        string only up to a NUL)."""
        frame = pd.DataFrame({"exercise_intensity": ["light", "light\x00"]}, dtype=object)
        problems = legcramps.assess_frame(frame)["problems"].tolist()
        assert [None, True] == [problems[0], "light\\x00" in problems[1]]

    def test_a_nul_cell_beside_an_empty_cell_is_a_problem(self) -> None:
        """With cells=True, a cell "\\x00" beside an empty one is a bad answer, not unknown."""
        frame = pd.DataFrame({"exercise_intensity": ["", "\x00"]}, dtype=object)
        problems = legcramps.assess_frame(frame, cells=True)["problems"].tolist()
        assert [None, True] == [problems[0], problems[1] is not None]
