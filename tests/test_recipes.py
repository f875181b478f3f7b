"""The Dask and Spark recipes of the Batch page, run on real files: the same as legcramps batch.

Each needs its optional extra (``frame`` for Dask, ``spark`` for Spark, with
Java); without it the tests are skipped, saying which.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import random
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from legcramps._cli.batch import add_parser, run

RECIPES = Path(__file__).resolve().parent.parent / "docs" / "recipes"
FIELDS = "urgency,red_flags,levels,scores"


def recipe(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, RECIPES / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def survey(count: int = 300) -> list[dict[str, Any]]:
    """Rows as a survey export has them: ids, gaps, extra columns, and some bad answers."""
    rng = random.Random(7)  # noqa: S311 - test data, not secrets
    rows = []
    for n in range(count):
        row: dict[str, Any] = {"respondent_id": f"r{n:04}", "age": rng.randint(18, 90)}
        if rng.random() < 0.6:
            row["sitting_hours"] = rng.randint(0, 12)
        if rng.random() < 0.4:
            row["hot_weather"] = rng.random() < 0.5
        if rng.random() < 0.3:
            row["fluid_litres"] = rng.choice([0.5, 1.5, 2.5, 25])  # 25 is out of range
        if rng.random() < 0.2:
            row["medications"] = rng.choice([["Lasix 40 mg"], [], ["aspirin", "salbutamol"]])
        if rng.random() < 0.05:
            row["leg_swelling"] = True
        rows.append(row)
    return rows


def cell(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(value) if value else "none"
    return str(value)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same survey as JSON Lines (keys left out) and CSV (empty cells), and one bad line."""
    folder = tmp_path_factory.mktemp("survey")
    rows = survey()
    jsonl = folder / "survey.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows) + "not json\n")
    names = ["respondent_id", "age", "sitting_hours", "hot_weather", "fluid_litres",
             "medications", "leg_swelling"]  # fmt: skip
    with (folder / "survey.csv").open("w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(names)
        writer.writerows([[cell(r[k]) if k in r else "" for k in names] for r in rows])
    return {"jsonl": jsonl, "csv": folder / "survey.csv"}


def by_batch(path: Path) -> dict[str, dict[str, str]]:
    """What ``legcramps batch`` writes for *path*, flat, by respondent id (text)."""
    import argparse

    parser = argparse.ArgumentParser(prog="legcramps")
    add_parser(parser.add_subparsers(dest="command", required=True))
    target = path.with_suffix(".out.csv")
    args = parser.parse_args(
        ["batch", "--input", str(path), "--output", str(target), "--id", "respondent_id",
         "--ignore-unknown", "--fields", FIELDS, "-q"]
    )  # fmt: skip
    run(args, stdin=io.BytesIO(), stdout=io.BytesIO(), stderr=io.StringIO())
    with target.open() as f:
        return {r["respondent_id"]: without_position(r) for r in csv.DictReader(f)}


def without_position(record: dict[str, Any]) -> dict[str, str]:
    return {
        k: "" if v is None or v != v else str(v)  # noqa: PLR0124 - v != v: a missing value (NaN)
        for k, v in record.items()
        if k not in {"record", "line", "index"}
    }


def as_text(records: list[dict[str, Any]]) -> dict[str, dict[str, str]]:
    return {without_position(r)["respondent_id"]: without_position(r) for r in records}


def same_as_batch(path: Path, records: list[dict[str, Any]]) -> None:
    """The records are the batch's, by id; the line that is not JSON is a problems record."""
    expected = by_batch(path)
    actual = as_text(records)
    expected_bad, actual_bad = expected.pop("", None), actual.pop("", None)
    assert expected == actual
    assert (expected_bad is None) == (actual_bad is None)
    if actual_bad is not None:  # its problem is worded by each reader, as it sees it
        assert "" != actual_bad["problems"]


class TestDask:
    @pytest.fixture(autouse=True)
    def _needs_dask(self) -> None:
        pytest.importorskip("dask.dataframe", reason="the Dask recipe needs the 'frame' extra")

    def test_json_lines_as_the_batch_reads_them(self, files: dict[str, Path]) -> None:
        """JSON Lines with keys left out: the same results as legcramps batch, by id."""
        results = recipe("cramps_dask").assess_jsonl(str(files["jsonl"]))

        same_as_batch(files["jsonl"], results.to_dict(orient="records"))

    def test_csv_as_the_batch_reads_it(self, files: dict[str, Path]) -> None:
        """CSV with empty cells: the same results as legcramps batch, joinable by id."""
        dask_recipe = recipe("cramps_dask")
        results = dask_recipe.assess_csv(str(files["csv"]))

        same_as_batch(files["csv"], results.to_dict(orient="records"))
        assert "Int64" == str(results["posture_score"].dtype)

    def test_results_join_back(self, files: dict[str, Path]) -> None:
        """The results join back to the survey on the id, one to one."""
        import pandas as pd

        results = recipe("cramps_dask").assess_csv(str(files["csv"]))
        source = pd.read_csv(files["csv"], dtype=str, keep_default_na=False)

        joined = source.merge(results, on="respondent_id", validate="one_to_one")
        assert len(source) == len(joined)


@pytest.fixture(scope="module")
def spark() -> Any:
    """A local Spark session (driver on 127.0.0.1), for the tests of the Spark recipe."""
    pytest.importorskip("pyspark", reason="the Spark recipe needs the 'spark' extra")
    if shutil.which("java") is None:
        pytest.skip("the Spark recipe needs Java")
    session = recipe("cramps_spark").session()
    yield session
    session.stop()


class TestSpark:
    def test_json_lines_as_the_batch_reads_them(self, spark: Any, files: dict[str, Path]) -> None:
        """JSON Lines read as text and parsed in Python: the same as legcramps batch, by id."""
        results = recipe("cramps_spark").assess_jsonl(spark, str(files["jsonl"]))

        same_as_batch(files["jsonl"], [r.asDict() for r in results.collect()])

    def test_csv_as_the_batch_reads_it(self, spark: Any, files: dict[str, Path]) -> None:
        """CSV as text, empty cells unknown: the same results, and they join back on the id."""
        spark_recipe = recipe("cramps_spark")
        results = spark_recipe.assess_csv(spark, str(files["csv"]))
        survey_frame = spark.read.csv(str(files["csv"]), header=True)

        same_as_batch(files["csv"], [r.asDict() for r in results.collect()])
        assert survey_frame.count() == survey_frame.join(results, "respondent_id").count()
