"""Assess a survey file with Spark, as ``legcramps batch`` would: flat results, joinable by id.

Local mode here, the driver on 127.0.0.1; on a cluster, only the session
changes. JSON Lines are read as text, one line a row, and parsed by
``json.loads`` in the Python workers, so that rows may omit any key and keep
their JSON types. CSV is read with every column as text (Spark makes an empty
cell null), and the cells are read by ``legcramps batch``'s cell parser
(``cells=True``). ``mapInPandas`` hands each partition to ``assess_many`` in
Spark's Python worker processes; the id column comes through, extra columns
are left out.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pandas as pd
from pyspark.sql import DataFrame, SparkSession

import legcramps
import legcramps.batch

ID = "respondent_id"
FIELDS = ["urgency", "red_flags", "levels", "scores"]
FLAT = legcramps.batch.flat_columns(FIELDS)
#: The results' Spark schema: the id, then the flat layout's columns.
SCHEMA = ", ".join(
    [f"{ID} string", *(f"{n} {'long' if k == 'integer' else 'string'}" for n, k in FLAT.items())]
)


def session(cores: int = 2) -> SparkSession:
    """A local Spark session on this machine only."""
    return (
        SparkSession.builder.master(f"local[{cores}]")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )


def _flat(rows: list[Any], *, cells: bool) -> pd.DataFrame:
    records = legcramps.assess_many(
        rows, keep=[ID], ignore_unknown=True, cells=cells,
        output="flat", fields=FIELDS, on_error="record",
    )  # fmt: skip
    frame = pd.DataFrame([{k: r[k] for k in [ID, *FLAT]} for r in records])
    frame[ID] = frame[ID].map(lambda v: None if v is None else str(v))
    return frame


def _row(line: str) -> Any:
    try:
        return json.loads(line)
    except ValueError:
        return line  # not JSON: a problems record


def _jsonl_batches(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for frame in frames:
        yield _flat([_row(line) for line in frame["value"] if line.strip()], cells=False)


def _csv_batches(frames: Iterator[pd.DataFrame]) -> Iterator[pd.DataFrame]:
    for frame in frames:
        rows = frame.astype(object).where(frame.notna(), None).to_dict(orient="records")
        yield _flat(rows, cells=True)


def assess_jsonl(spark: SparkSession, path: str) -> DataFrame:
    """Assess a JSON Lines file: one row of results per line, with its id."""
    return spark.read.text(path).mapInPandas(_jsonl_batches, schema=SCHEMA)


def assess_csv(spark: SparkSession, path: str) -> DataFrame:
    """Assess a CSV file (a header, then rows; empty cells are unknown), with its ids."""
    survey = spark.read.csv(path, header=True, multiLine=True, escape='"')
    return survey.mapInPandas(_csv_batches, schema=SCHEMA)
