"""Benchmark batches: ``legcramps batch`` and ``assess_many``, as ratios in one run.

Run from the repository root, in an environment where legcramps is installed::

    python benchmarks/batch.py                 # 200,000 rows; about two minutes
    python benchmarks/batch.py --rows 20000    # a smoke test

It writes a file of survey-like JSON Lines rows (seeded: the same rows every
run) and measures, in wall time, each the best of two alternating rounds so that
other work on the machine disturbs them little:

1. the floor: a child process that only reads each line with ``json.loads`` and
   writes it back with ``json.dumps``;
2. ``legcramps batch`` with full JSON Lines output, with one worker and with
   two (and, if orjson is installed, also without it);

and, in this process, ``assess_many`` over the same rows as dicts: with one
worker against a plain generator over ``assess()`` (CPU time, three alternating
rounds, medians), and with two workers against one, returning records
(``output="dict"`` and ``"flat"``) and ``Assessment`` objects (wall time).

Each ratio is printed with its target: batch at most 3x the floor, two workers
at least 1.7x faster than one, ``assess_many`` with one worker at least as fast
as the generator, and with two workers at least 1.5x faster than with one for
records. The ``Assessment`` figure has no target: the docstring of
``assess_many`` says what workers cost there.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import legcramps

FLOOR = """\
import json, sys
with open(sys.argv[1], "rb") as source, open(sys.argv[2], "w") as target:
    for line in source:
        target.write(json.dumps(json.loads(line)) + "\\n")
"""
#: legcramps batch in a child, with orjson hidden when asked.
BATCH = """\
import sys
if sys.argv[1] == "plain":
    sys.modules["orjson"] = None
from legcramps._cli import main
sys.exit(main(["batch", *sys.argv[2:]]))
"""

TARGET_FLOOR_RATIO = 3.0
TARGET_BATCH_WORKERS = 1.7
TARGET_MANY_VS_GENERATOR = 1.0
TARGET_MANY_WORKERS = 1.5


def _burn(seconds: float) -> None:
    started = time.process_time()
    while time.process_time() - started < seconds:
        pass


def parallel_capacity() -> float:
    """Return how many times the work of one process two processes do here in the same time.

    2.0 on two free cores; less when other work holds a core. The worker
    figures below can only be read against this.
    """
    import multiprocessing

    one = elapsed(lambda: _burn(0.5))
    processes = [multiprocessing.Process(target=_burn, args=(0.5,)) for _ in range(2)]
    started = time.perf_counter()
    for p in processes:
        p.start()
    for p in processes:
        p.join()
    return 2 * one / (time.perf_counter() - started)


def survey(count: int, seed: int = 1) -> list[dict[str, Any]]:
    """Rows as a survey export has them: a few answers each, some lists, a few warning signs."""
    rng = random.Random(seed)
    rows = []
    for _ in range(count):
        row: dict[str, Any] = {}
        if rng.random() < 0.5:
            row["exercise_minutes"] = rng.randint(0, 200)
        if rng.random() < 0.3:
            row["exercise_intensity"] = rng.choice(["light", "moderate", "vigorous"])
        if rng.random() < 0.3:
            row["fluid_litres"] = round(rng.uniform(0, 4), 1)
        if rng.random() < 0.3:
            row["hot_weather"] = rng.random() < 0.5
        if rng.random() < 0.2:
            row["medications"] = rng.choice([["Lasix 40 mg"], [], ["aspirin", "salbutamol"]])
        if rng.random() < 0.3:
            row["sitting_hours"] = rng.randint(0, 12)
        if rng.random() < 0.05:
            row["leg_swelling"] = True
        rows.append(row)
    return rows


def children_cpu() -> float:
    """Return the CPU time of this process's ended descendants (and of itself), in seconds."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime + time.process_time()


def wall(argv: list[str]) -> tuple[float, float]:
    """Run *argv* as a child process; return its wall time and its CPU time (with workers)."""
    cpu_before = children_cpu()
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started, children_cpu() - cpu_before


def best_of(rounds: int, runs: dict[str, list[str]]) -> dict[str, tuple[float, float]]:
    """Run each command *rounds* times, alternating; return the best wall and CPU time of each."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for _ in range(rounds):
        for name, argv in runs.items():
            times[name].append(wall(argv))
    return {name: (min(w for w, _ in t), min(c for _, c in t)) for name, t in times.items()}


def cpu_bound(one_cpu: float, two_cpu: float) -> None:
    """Print what two workers cost in CPU, and the speed-up that bounds on two free cores."""
    print(
        f"  {'2 workers spend this much CPU time of 1 (all processes)':<58} "
        f"{two_cpu / one_cpu:6.2f}x   so on two free cores at most {2 * one_cpu / two_cpu:.2f}x"
    )


def cpu(fn: Any) -> float:
    """Return the CPU time of this process that *fn()* takes, in seconds."""
    started = time.process_time()
    fn()
    return time.process_time() - started


def elapsed(fn: Any) -> float:
    """Return the wall time *fn()* takes, in seconds (for work done in other processes)."""
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def timed(fn: Any) -> tuple[float, float]:
    """Return the wall time and the CPU time (this process and its ended children) of *fn()*."""
    cpu_before = children_cpu()
    wall_time = elapsed(fn)
    return wall_time, children_cpu() - cpu_before


def drain(results: Any) -> None:
    """Take every result of an iterator."""
    for _ in results:
        pass


def line(name: str, value: float, target: str, *, met: bool | None) -> None:
    """Print one ratio with its target, and whether it is met."""
    verdict = "" if met is None else ("  met" if met else "  NOT MET")
    print(f"  {name:<58} {value:6.2f}x   target {target}{verdict}")


def main() -> int:
    """Run the benchmark; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=200_000, help="rows to run (default 200,000)")
    args = parser.parse_args()
    count = args.rows
    try:
        import orjson  # noqa: F401 - only whether it is there
    except ImportError:
        has_orjson = False
    else:
        has_orjson = True

    print(
        f"legcramps {legcramps.__version__}, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores; {count:,} rows; orjson "
        + ("installed" if has_orjson else "not installed")
    )
    capacity = parallel_capacity()
    print(
        f"two processes do {capacity:.2f}x the work of one here"
        + ("" if capacity > 1.9 else ": another program holds a core, worker figures are low")
    )
    rows = survey(count)
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "rows.jsonl"
        source.write_text("".join(json.dumps(r) + "\n" for r in rows))
        out = str(Path(folder) / "out.jsonl")
        python = sys.executable
        runs = {"floor": [python, "-c", FLOOR, str(source), out]}
        ways = ["fast", "plain"] if has_orjson else ["plain"]
        for way in ways:
            for workers in ("1", "2"):
                runs[f"{way} {workers}"] = [
                    python, "-c", BATCH, way, "--input", str(source), "--output", out,
                    "--workers", workers, "-q",
                ]  # fmt: skip
        times = best_of(2, runs)
    floor = times["floor"][0]
    print(f"\nlegcramps batch, full JSON Lines output (wall time, best of 2; floor {floor:.2f} s)")
    for way in ways:
        (one, one_cpu), (two, two_cpu) = times[f"{way} 1"], times[f"{way} 2"]
        label = "with orjson" if way == "fast" else "standard library"
        print(f"  {label}: 1 worker {one:.2f} s, 2 workers {two:.2f} s")
        line(
            f"1 worker / json.loads+json.dumps floor ({label})",
            one / floor,
            f"<= {TARGET_FLOOR_RATIO}",
            met=one / floor <= TARGET_FLOOR_RATIO,
        )
        line(
            f"2 workers / floor ({label})",
            two / floor,
            f"<= {TARGET_FLOOR_RATIO}",
            met=two / floor <= TARGET_FLOOR_RATIO,
        )
        line(
            f"speed-up of 2 workers over 1 ({label})",
            one / two,
            f">= {TARGET_BATCH_WORKERS}",
            met=one / two >= TARGET_BATCH_WORKERS,
        )
        cpu_bound(one_cpu, two_cpu)

    lines = [json.dumps(r) for r in rows[: max(count // 4, 1)]]
    assess = legcramps.KNOWLEDGE.assess
    floor_cpu, engine_cpu = [], []
    for _ in range(3):
        floor_cpu.append(cpu(lambda: drain(json.dumps(json.loads(x)) for x in lines)))
        engine_cpu.append(cpu(lambda: drain(assess(json.loads(x)) for x in lines)))
    engine = statistics.median(engine_cpu) / statistics.median(floor_cpu)
    print(
        f"  for scale: json.loads + assess() alone is {engine:.2f}x the floor "
        "(CPU time in this process, no output): one worker cannot go below that"
    )

    many = rows[: max(count // 2, 1)]
    print(f"\nassess_many, {len(many):,} rows as dicts, in this process")
    generator, one_worker = [], []
    for _ in range(3):
        generator.append(cpu(lambda: drain(legcramps.assess(r) for r in many)))
        one_worker.append(cpu(lambda: drain(legcramps.assess_many(many))))
    g, m = statistics.median(generator), statistics.median(one_worker)
    print(
        f"  generator over assess() {len(many) / g:,.0f} rows/s, assess_many {len(many) / m:,.0f}"
    )
    line(
        "assess_many (1 worker) vs a generator over assess()",
        g / m,
        f">= {TARGET_MANY_VS_GENERATOR}",
        met=g / m >= TARGET_MANY_VS_GENERATOR,
    )
    for output in ("dict", "flat", "assessment"):
        measured = {
            workers: [
                timed(lambda w=workers: drain(
                    legcramps.assess_many(many, output=output, workers=w, chunksize=512)  # noqa: B023
                ))
                for _ in range(2)
            ]
            for workers in (1, 2)
        }  # fmt: skip
        one, one_cpu = (min(x) for x in zip(*measured[1], strict=True))
        two, two_cpu = (min(x) for x in zip(*measured[2], strict=True))
        records = output != "assessment"
        line(
            f"speed-up of 2 workers over 1, output={output!r}",
            one / two,
            f">= {TARGET_MANY_WORKERS}" if records else "none (see the docstring)",
            met=one / two >= TARGET_MANY_WORKERS if records else None,
        )
        cpu_bound(one_cpu, two_cpu)
    return 0


if __name__ == "__main__":
    sys.exit(main())
