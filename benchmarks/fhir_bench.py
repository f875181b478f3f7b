"""Benchmark legcramps.fhir.risk_assessment() against the assess() call it follows.

Run from the repository root, in an environment where legcramps is installed::

    python benchmarks/fhir_bench.py           # about 30 seconds
    python benchmarks/fhir_bench.py --quick   # fewer rounds, for a smoke test

The target (issue 14): building the RiskAssessment costs at most as much as the
assessment itself (ratio <= 1.0). Both are timed over the same profiles (an empty one,
a typical full one, one with red flags, and 50 varied ones), in alternating rounds of
the same run, in CPU time, so that the ratio compares like with like. The figures are
medians of the rounds, with the range of the middle half (p25-p75). The cost of
``legcramps.__version__`` (looked up once, then a module attribute) is shown too.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import legcramps
import legcramps.fhir

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import TYPICAL

TARGET_RATIO = 1.0
RED_FLAGS = {"chest_pain_or_breathlessness": True, "leg_swelling": True, "sitting_hours": 9}


def varied(count: int, seed: int) -> list[dict[str, Any]]:
    """Return *count* valid answer sets, each input present or not at random."""
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        answers: dict[str, Any] = {}
        for f in legcramps.RISK_FACTORS:
            if rng.random() < 0.5:
                continue
            if f.kind is legcramps.FactorKind.YES_NO:
                answers[f.id] = rng.random() < 0.2
            elif f.kind is legcramps.FactorKind.CHOICE:
                answers[f.id] = rng.choice(f.choices)
            elif f.kind is legcramps.FactorKind.MEDICATIONS:
                answers[f.id] = rng.sample(["Lasix 40 mg", "atorvastatin", "aspirin"], 2)
            else:
                answers[f.id] = round(rng.uniform(f.minimum or 0, min(f.maximum or 24, 24)), 1)
        found.append(answers)
    return found


def per_call(func: Any, items: list[Any], repeat: int) -> float:
    """Return the CPU seconds per call of *func* over *items*, *repeat* times each."""
    start = time.process_time()
    for _ in range(repeat):
        for item in items:
            func(item)
    return (time.process_time() - start) / (repeat * len(items))


def figure(samples: list[float]) -> str:
    """Return the median of *samples* (seconds) and their middle half, in microseconds."""
    q = statistics.quantiles(samples, n=4) if len(samples) > 1 else [samples[0]] * 3
    return (
        f"{statistics.median(samples) * 1e6:7.1f} us  (p25-p75 {q[0] * 1e6:.1f}-{q[2] * 1e6:.1f})"
    )


def main() -> int:
    """Run the benchmark and print the table; exit 1 if the target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args()
    rounds, repeat = (5, 20) if args.quick else (15, 100)

    profiles = {
        "empty": [{}],
        "typical": [TYPICAL],
        "red flags": [RED_FLAGS],
        "50 varied": varied(50, seed=14),
    }
    when = "2026-12-01T10:00:00Z"

    def to_fhir(a: legcramps.Assessment) -> dict[str, Any]:
        return legcramps.fhir.risk_assessment(a, subject="Patient/1", occurrence=when)

    print(f"legcramps {legcramps.__version__}, knowledge {legcramps.KNOWLEDGE_VERSION}")
    print(f"Python {sys.version.split()[0]}; {rounds} rounds, CPU time per call\n")
    worst = 0.0
    for name, answers in profiles.items():
        assessments = [legcramps.assess(a) for a in answers]
        count = max(1, repeat * 50 // len(answers))
        assess_times, fhir_times = [], []
        for _ in range(rounds):
            assess_times.append(per_call(legcramps.assess, answers, count))
            fhir_times.append(per_call(to_fhir, assessments, count))
        ratio = statistics.median(fhir_times) / statistics.median(assess_times)
        worst = max(worst, ratio)
        print(f"{name}:")
        print(f"  assess()            {figure(assess_times)}")
        print(f"  risk_assessment()   {figure(fhir_times)}")
        print(f"  ratio               {ratio:.2f} (target <= {TARGET_RATIO})")

    start = time.process_time()
    for _ in range(100_000):
        _ = legcramps.__version__
    version_ns = (time.process_time() - start) / 100_000 * 1e9
    print(f"\nlegcramps.__version__: {version_ns:.0f} ns per access (a module attribute)")
    verdict = "met" if worst <= TARGET_RATIO else "MISSED"
    print(f"worst ratio {worst:.2f}: target {verdict}")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
