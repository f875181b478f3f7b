"""Assess a survey file with Dask, as ``legcramps batch`` would: flat results, joinable by id.

JSON Lines are read as lines of text and parsed by ``json.loads``, row by row,
so that rows may omit any key (``dd.read_json`` needs the same keys in every
block). CSV is read with every cell as text and no missing-value guessing, and
the cells are read by ``legcramps batch``'s cell parser (``cells=True``), so
that a yes/no column with gaps stays yes/no. Each result keeps the id column;
extra columns are left out. Partitions run in processes: the assessment is
pure Python, which threads do not run in parallel.
"""

from __future__ import annotations

import json
from typing import Any

import dask
import dask.bag as db
import dask.dataframe as dd
import pandas as pd

import legcramps
import legcramps.batch

ID = "respondent_id"
FIELDS = ["urgency", "red_flags", "levels", "scores"]
#: The results' columns, and their pandas types (integers that may be missing).
COLUMNS = {ID: "object"} | {
    name: "Int64" if kind == "integer" else "object"
    for name, kind in legcramps.batch.flat_columns(FIELDS).items()
}


def _flat(rows: list[Any], *, cells: bool) -> list[dict[str, Any]]:
    records = legcramps.assess_many(
        rows, keep=[ID], ignore_unknown=True, cells=cells,
        output="flat", fields=FIELDS, on_error="record",
    )  # fmt: skip
    return [{k: r[k] for k in COLUMNS} for r in records]  # without assess_many's "index"


def _row(line: str) -> Any:
    """One line of JSON Lines: its object, or the line itself (a problems record)."""
    try:
        return json.loads(line)
    except ValueError:
        return line


def assess_jsonl(path: str) -> pd.DataFrame:
    """Assess a JSON Lines file; one row of results per line."""
    lines = db.read_text(path, blocksize="64MiB").map(str.rstrip).filter(bool)
    results = lines.map(_row).map_partitions(_flat, cells=False)
    frame = results.to_dataframe(meta=pd.DataFrame(columns=list(COLUMNS)).astype(COLUMNS))
    return frame.compute(scheduler="processes").astype(COLUMNS)


def _assess_frame(frame: pd.DataFrame) -> pd.DataFrame:
    rows = frame.to_dict(orient="records")
    return pd.DataFrame(_flat(rows, cells=True), columns=list(COLUMNS), index=frame.index).astype(
        COLUMNS
    )


def assess_csv(path: str) -> pd.DataFrame:
    """Assess a CSV file (cells as text, empty means unknown); one row of results per row."""
    with dask.config.set({"dataframe.convert-string": False}):
        survey = dd.read_csv(path, dtype=str, keep_default_na=False, blocksize="64MiB")
        meta = pd.DataFrame(columns=list(COLUMNS)).astype(COLUMNS)
        return survey.map_partitions(_assess_frame, meta=meta).compute(scheduler="processes")
