"""Benchmark legcramps against a hand-written baseline and print a table.

Run from the repository root, in an environment where legcramps is installed::

    python benchmarks/bench.py           # about 20 seconds
    python benchmarks/bench.py --quick   # fewer rounds, for a smoke test

Every figure is a median over several rounds, with the spread (the range of the
middle half of the rounds, p25-p75), in CPU time of the measuring process, so that
other work on the machine disturbs them little. The per-call timings of ``assess()`` and of
the baseline are taken in alternating rounds of the same run, so that the ratio
compares like with like. Import times are taken in fresh interpreters, each child
timing its own import, with bytecode cached as for an installed package.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import timeit
from pathlib import Path
from typing import Any

import legcramps
from legcramps import Urgency

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baseline import baseline_assess

#: A typical full profile, as a form sends it: every input answered, a few signs raised
#: (overuse, fatigue's recovery, a diuretic and a statin, hot weather), no red flag.
TYPICAL: dict[str, Any] = {
    **{f.id: False for f in legcramps.RISK_FACTORS if f.kind is legcramps.FactorKind.YES_NO},
    "exercise_minutes": 75,
    "exercise_intensity": "vigorous",
    "unaccustomed_exercise": True,
    "recovery_hours": 36.0,
    "medications": ["Lasix 40 mg", "atorvastatin"],
    "sitting_hours": 3.0,
    "standing_hours": 1,
    "fluid_litres": 1.2,
    "hot_weather": True,
    "cramp_minutes": 3,
    "age_years": 54,
    "sex": "male",
}

TARGET_ASSESS_RATIO = 3.5
TARGET_IMPORT_MS = 6.0
TARGET_TO_DICT_RATIO = 0.25


class Figure:
    """A list of samples, with its median and interquartile spread."""

    def __init__(self, samples: list[float]) -> None:
        self.samples = sorted(samples)

    @property
    def median(self) -> float:
        """The median sample."""
        return statistics.median(self.samples)

    @property
    def spread(self) -> tuple[float, float]:
        """The 25th and 75th percentiles."""
        if len(self.samples) < 2:
            return self.samples[0], self.samples[0]
        q = statistics.quantiles(self.samples, n=4)
        return q[0], q[2]


def check_baseline_agrees() -> None:
    """Make sure the baseline computes what assess() computes, or the ratio means nothing."""
    a = legcramps.assess(**TYPICAL)
    order = [c.id for c in legcramps.CAUSES]
    scores = tuple(a.finding(c).score for c in order)
    levels = tuple(a.finding(c).level.value for c in order)
    expected = (scores, levels, a.urgency.rank)
    actual = baseline_assess(**TYPICAL)
    if actual != expected:
        msg = f"the baseline disagrees with assess(): {actual} != {expected}"
        raise SystemExit(msg)
    empty = legcramps.assess()
    if baseline_assess()[2] != empty.urgency.rank or Urgency.UNDETERMINED.rank != 1:
        msg = "the baseline disagrees with assess() on the empty profile"
        raise SystemExit(msg)


def per_call(rounds: int, number: int) -> dict[str, Figure]:
    """Time the calls in alternating rounds; return microseconds per call."""
    typical = legcramps.assess(**TYPICAL)
    cases = {
        "baseline, typical": lambda: baseline_assess(**TYPICAL),
        "assess(), typical": lambda: legcramps.assess(**TYPICAL),
        "baseline, empty": baseline_assess,
        "assess(), empty": legcramps.assess,
        "to_dict(), typical": typical.to_dict,
    }
    # CPU time of this process, not wall time: the figures stay meaningful when other
    # work shares the machine (the ratios hold either way; they come from the same rounds).
    timers = {name: timeit.Timer(fn, timer=time.process_time) for name, fn in cases.items()}
    for timer in timers.values():
        timer.timeit(number)  # warm up
    samples: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(rounds):
        for name, timer in timers.items():
            samples[name].append(timer.timeit(number) / number * 1e6)
    figures = {name: Figure(s) for name, s in samples.items()}
    figures["ratio assess()/baseline, typical"] = Figure(
        [
            a / b
            for a, b in zip(samples["assess(), typical"], samples["baseline, typical"], strict=True)
        ]
    )
    figures["ratio to_dict()/assess(), typical"] = Figure(
        [
            a / b
            for a, b in zip(
                samples["to_dict(), typical"], samples["assess(), typical"], strict=True
            )
        ]
    )
    return figures


_CHILD = (
    "import time; t = time.process_time(); import {modules}; "
    "print((time.process_time() - t) * 1000)"
)


# Run in a fresh interpreter: the shape of every attrs class and enum that
# ``import legcramps`` defines, as JSON.
_SHAPES = """
import enum, json, sys, attrs, legcramps
shapes, seen = [], set()
for name, module in sorted(sys.modules.items()):
    if name == "legcramps" or name.startswith("legcramps."):
        for value in vars(module).values():
            mine = isinstance(value, type) and value.__module__.startswith("legcramps")
            if mine and value not in seen:
                seen.add(value)
                if attrs.has(value):
                    shapes.append(["attrs", [a.name for a in attrs.fields(value)]])
                elif issubclass(value, enum.Enum) and value.__members__:
                    shapes.append(["enum", list(value.__members__)])
print(json.dumps(sorted(shapes)))
"""


def value_classes_source() -> tuple[str, str]:
    """Return code defining classes shaped as legcramps's, and what it defines, in words.

    The attrs classes come out frozen and slotted with the same field names, and
    the enums with the same members: the cost of the value classes alone, without
    the data, the engine or the tables that ``import legcramps`` also builds.
    """
    out = subprocess.run(
        [sys.executable, "-I", "-c", _SHAPES], check=True, capture_output=True, text=True
    ).stdout
    shapes: list[tuple[str, list[str]]] = json.loads(out)
    lines = ["import enum, attrs, typing_extensions"]
    for n, (kind, names) in enumerate(shapes):
        if kind == "attrs":
            lines.append("@attrs.frozen(repr=False, weakref_slot=False)")
            lines.append(f"class C{n}:")
            lines += [f"    {name.lstrip('_') or 'f'}_: object = None" for name in names]
        else:
            lines.append(f"class E{n}(enum.Enum):")
            lines += [f"    {name} = {i}" for i, name in enumerate(names)]
    counts = [sum(1 for kind, _ in shapes if kind == k) for k in ("attrs", "enum")]
    return "\n".join(lines), f"{counts[0]} attrs classes, {counts[1]} enums"


def import_times(runs: int) -> dict[str, Figure]:
    """Time the imports in fresh interpreters, alternating; return milliseconds.

    Besides legcramps, a module that defines only classes shaped as legcramps's
    value classes (:func:`value_classes_source`) shows what they cost on their own.
    """
    source, defined = value_classes_source()
    with tempfile.TemporaryDirectory(prefix="legcramps-bench-") as folder:
        # A module of its own, so that its bytecode is cached as legcramps's is.
        (Path(folder) / "value_classes.py").write_text(source, encoding="utf-8")
        classes = f"import sys; sys.path.insert(0, {folder!r}); " + _CHILD.format(
            modules="value_classes"
        )
        # -I: isolated (no PYTHONDONTWRITEBYTECODE, no user site), so bytecode is cached
        # as it is for an installed package; the first run of each writes it.
        commands = {
            "import attrs, typing_extensions": _CHILD.format(modules="attrs, typing_extensions"),
            "import legcramps": _CHILD.format(modules="legcramps"),
            f"+ {defined}, no data": classes,
        }
        for code in commands.values():
            subprocess.run([sys.executable, "-I", "-c", code], check=True, capture_output=True)
        samples: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, code in commands.items():
                out = subprocess.run(
                    [sys.executable, "-I", "-c", code], check=True, capture_output=True, text=True
                ).stdout
                samples[name].append(float(out))
    figures = {name: Figure(s) for name, s in samples.items()}
    base = samples["import attrs, typing_extensions"]
    figures["difference (ms)"] = Figure(
        [a - b for a, b in zip(samples["import legcramps"], base, strict=True)]
    )
    figures["of it, value classes alone (ms)"] = Figure(
        [a - b for a, b in zip(samples[f"+ {defined}, no data"], base, strict=True)]
    )
    return figures


def batch_rates(rows: int, rounds: int) -> dict[str, Figure] | None:
    """Rows per second through ``legcramps.assess_many``, or ``None`` if it does not exist."""
    assess_many = getattr(legcramps, "assess_many", None)
    if assess_many is None:
        return None
    parameters = inspect.signature(assess_many).parameters
    workers_name = next(
        (n for n in ("workers", "max_workers", "processes", "jobs") if n in parameters), None
    )
    if workers_name is None:
        return None
    data = [TYPICAL] * rows
    figures = {}
    for workers in (1, 2):
        samples = []
        for _ in range(rounds):
            start = time.perf_counter()
            for _result in assess_many(data, **{workers_name: workers}):
                pass
            samples.append(rows / (time.perf_counter() - start))
        figures[f"assess_many, {workers} worker{'s' if workers > 1 else ''}"] = Figure(samples)
    return figures


def _row(name: str, figure: Figure, unit: str, digits: int = 2) -> str:
    low, high = figure.spread
    return (
        f"  {name:<36} {figure.median:>11.{digits}f} {unit:<7}"
        f" (p25-p75 {low:.{digits}f}-{high:.{digits}f})"
    )


def _verdict(ok: bool) -> str:  # noqa: FBT001
    return "PASS" if ok else "FAIL"


def main() -> int:
    """Run the benchmarks, print the table; return 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke test)")
    args = parser.parse_args()
    rounds, number, runs, rows = (5, 500, 10, 2000) if args.quick else (25, 2000, 60, 20000)

    check_baseline_agrees()
    print("legcramps benchmarks")
    print(f"  machine: {platform.platform()}, {platform.machine()}, {os.cpu_count()} CPUs")
    print(f"  python:  {platform.python_implementation()} {platform.python_version()}")
    print(f"  legcramps {legcramps.__version__}, knowledge {legcramps.KNOWLEDGE_VERSION}")
    print(f"  {rounds} rounds of {number} calls; {runs} fresh interpreters per import")
    print()

    calls = per_call(rounds, number)
    print("Per call (microseconds):")
    for name in (
        "baseline, typical",
        "assess(), typical",
        "baseline, empty",
        "assess(), empty",
        "to_dict(), typical",
    ):
        print(_row(name, calls[name], "us"))
    print()

    imports = import_times(runs)
    print("Import in a fresh interpreter (milliseconds):")
    for name, figure in imports.items():
        print(_row(name, figure, "ms"))
    print()

    rates = batch_rates(rows, max(3, rounds // 5))
    print(f"Batches (rows per second, {rows} typical rows):")
    if rates is None:
        print("  assess_many                          n/a (legcramps.assess_many does not exist)")
    else:
        for name, figure in rates.items():
            print(_row(name, figure, "rows/s", 0))
    print()

    assess_ratio = calls["ratio assess()/baseline, typical"]
    to_dict_ratio = calls["ratio to_dict()/assess(), typical"]
    import_delta = imports["difference (ms)"]
    targets = [
        (
            "assess() / baseline, typical",
            assess_ratio,
            f"<= {TARGET_ASSESS_RATIO:g}x",
            assess_ratio.median <= TARGET_ASSESS_RATIO,
        ),
        (
            "import legcramps - attrs, t_e (ms)",
            import_delta,
            f"<= {TARGET_IMPORT_MS:g} ms",
            import_delta.median <= TARGET_IMPORT_MS,
        ),
        (
            "to_dict() / assess(), typical",
            to_dict_ratio,
            f"<= {TARGET_TO_DICT_RATIO:g}x",
            to_dict_ratio.median <= TARGET_TO_DICT_RATIO,
        ),
    ]
    print("Targets (issue 10):")
    for name, figure, target, ok in targets:
        print(f"{_row(name, figure, '')}  target {target:<8} {_verdict(ok)}")
    return 0 if all(ok for *_, ok in targets) else 1


if __name__ == "__main__":
    raise SystemExit(main())
