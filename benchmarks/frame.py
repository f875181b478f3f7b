"""Benchmark the columnar path: ``assess_frame`` against the row path, as ratios in one run.

Run from the repository root, in an environment with the ``frame`` extra::

    python benchmarks/frame.py                 # 200,000 rows; about two minutes
    python benchmarks/frame.py --rows 20000    # a smoke test

The rows are the survey-like rows of ``benchmarks/batch.py`` (seeded: the same
rows every run; a few answers each, some medication lists, a few warning signs).
Measured in this process, each the best of alternating rounds so that other
work on the machine disturbs them little, in rows a second:

1. the row path: ``assess()`` of each row (a plain loop), and
   ``assess_many(rows, output="flat")``, the flat records ``legcramps batch``
   writes as CSV;
2. ``assess_frame(frame)`` of the same rows as a data frame, with the column
   types pandas gives them (gaps as NaN);
3. with text cells, as ``pandas.read_csv(..., dtype=str, keep_default_na=False)``
   reads a CSV file: ``assess_many(..., cells=True, output="flat")`` against
   ``assess_frame(text, cells=True)``.

Each ratio is printed with its target: the columnar path at least 10x faster than
the row path per row. Then the memory that ``assess_frame`` takes at its peak,
beyond the frame it is given (Python's and numpy's allocations, by tracemalloc),
and the sizes of the frame and of the result.
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pandas as pd

import legcramps

sys.path.insert(0, str(Path(__file__).parent))
from batch import survey

TARGET = 10.0


def elapsed(fn: Any) -> float:
    """Return the wall time *fn* takes, in seconds."""
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def best_of(rounds: int, runs: dict[str, Any]) -> dict[str, float]:
    """Return the best wall time of each of *runs*, run in alternating *rounds*."""
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, fn in runs.items():
            best[name] = min(best[name], elapsed(fn))
    return best


def text_cell(value: Any) -> str:
    """Return *value* as a CSV cell holds it (an empty cell for a gap)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return "; ".join(value) if value else "none"
    return str(value)


def drain(results: Any) -> None:
    """Take every result of *results*."""
    for _ in results:
        pass


def peak_megabytes(fn: Any) -> float:
    """Return the peak of the memory *fn* allocates (Python's and numpy's), in MB."""
    tracemalloc.start()
    try:
        fn()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / 1e6


def line(name: str, rate: float, base: float | None = None) -> None:
    """Print one measure, and its ratio to *base*."""
    ratio = "" if base is None else f"  {rate / base:6.1f}x the row path"
    print(f"  {name:<46} {rate:>12,.0f} rows/s{ratio}")


def main() -> int:
    """Measure, print the figures, and return 0 if the target is met (1 if not)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    count = args.rows
    rows = survey(count)
    frame = pd.DataFrame(rows)
    columns = list(frame.columns)
    text_rows = [{c: text_cell(row.get(c)) for c in columns} for row in rows]
    text = pd.DataFrame(text_rows, columns=columns, dtype=str)

    def by_assess() -> None:
        assess = legcramps.assess
        for row in rows:
            assess(row)

    def by_many() -> None:
        drain(legcramps.assess_many(rows, output="flat", on_error="record"))

    def by_many_cells() -> None:
        drain(legcramps.assess_many(text_rows, output="flat", on_error="record", cells=True))

    print(
        f"legcramps {legcramps.__version__}, pandas {pd.__version__}, "
        f"Python {platform.python_version()}, {count:,} rows, best of {args.rounds} rounds"
    )
    best = best_of(
        args.rounds,
        {
            "assess": by_assess,
            "many": by_many,
            "frame": lambda: legcramps.assess_frame(frame),
            "many_cells": by_many_cells,
            "frame_cells": lambda: legcramps.assess_frame(text, cells=True),
        },
    )
    rate = {name: count / seconds for name, seconds in best.items()}
    print("typed columns:")
    line("assess() per row", rate["assess"])
    line('assess_many(output="flat")', rate["many"])
    line("assess_frame(frame)", rate["frame"], max(rate["assess"], rate["many"]))
    print("text cells:")
    line('assess_many(cells=True, output="flat")', rate["many_cells"])
    line("assess_frame(text, cells=True)", rate["frame_cells"], rate["many_cells"])
    worst = min(
        rate["frame"] / max(rate["assess"], rate["many"]), rate["frame_cells"] / rate["many_cells"]
    )
    verdict = "met" if worst >= TARGET else "NOT met"
    print(
        f"columnar / row path, the lower: {worst:.1f}x (target at least {TARGET:.0f}x: {verdict})"
    )

    peak = peak_megabytes(lambda: legcramps.assess_frame(frame))
    result = legcramps.assess_frame(frame)
    given = frame.memory_usage(deep=True).sum() / 1e6
    made = result.memory_usage(deep=True).sum() / 1e6
    print(
        f"memory: assess_frame's peak {peak:,.0f} MB ({peak * 1e6 / count:,.0f} bytes a row), "
        f"beyond the frame ({given:,.0f} MB); the result {made:,.0f} MB"
    )
    return 0 if worst >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
