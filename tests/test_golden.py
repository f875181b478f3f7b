"""Golden outputs: a few hundred fixed profiles give exactly the results recorded for them.

A refactoring must not change a single byte of what ``assess()`` returns. The profiles
are drawn at random, but from a seed per profile and input, so that adding an input to
the knowledge leaves the other inputs' answers as they were. For each one the file
``tests/golden/assessments.jsonl`` holds the answers and three outputs: ``to_dict()``,
the plain-text report and, for every fourth profile, the FHIR ``RiskAssessment``.

When a change to the results is intended (a knowledge change, a new field), regenerate
the file and read its diff before committing it::

    python tests/test_golden.py --regenerate
    git diff --stat tests/golden/
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest

import legcramps
import legcramps.fhir
from legcramps import FactorKind, RiskFactor

GOLDEN = Path(__file__).with_name("golden") / "assessments.jsonl"
PROFILES = 200
#: Every how many profiles the FHIR resource is recorded too (it is the largest output).
FHIR_EVERY = 4

#: Medication names drawn for the lists: recognised ones in several spellings, and others.
MEDICATIONS = (
    "furosemide",
    "Lasix 40 mg",
    "HYDROCHLOROTHIAZIDE 25mg",
    "spironolactone",
    "Serevent",
    "formoterol",
    "atorvastatin",
    "Zocor 20 mg",
    "torsemide",
    "aspirin",
    "ibuprofen 200 mg",
    "vitamin D",
)


def _answer(factor: RiskFactor, rng: random.Random) -> Any:
    """Return a valid answer to *factor*, often at or near one of its thresholds."""
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        return rng.random() < 0.3
    if kind is FactorKind.CHOICE:
        return rng.choice(factor.choices)
    if kind is FactorKind.MEDICATIONS:
        return rng.sample(MEDICATIONS, rng.randint(0, 3))
    low = 0.0 if factor.minimum is None else factor.minimum
    high = low + 240 if factor.maximum is None else min(factor.maximum, low + 240)
    value = rng.uniform(low, high)
    return round(value) if rng.random() < 0.5 else round(value, 1)


def _benign(factor: RiskFactor) -> Any:
    """Return the answer to *factor* that raises nothing: no, none, the least or the first."""
    kind = factor.kind
    if kind is FactorKind.YES_NO:
        return False
    if kind is FactorKind.CHOICE:
        return factor.choices[0]
    if kind is FactorKind.MEDICATIONS:
        return []
    return factor.minimum


def profile(n: int) -> dict[str, Any]:
    """Return the answers of profile *n*: each input present or not by its own seed.

    In every third profile each warning-sign question is answered and raises nothing, so
    that self-care results are among the profiles too.
    """
    answers: dict[str, Any] = {}
    for factor in legcramps.KNOWLEDGE.factors:
        rng = random.Random(f"{n}:{factor.id}")  # noqa: S311 - test data, not secrets
        if n % 3 == 0 and factor.red_flags:
            answers[factor.id] = _benign(factor)
        elif rng.random() < 0.5:
            answers[factor.id] = None if rng.random() < 0.1 else _answer(factor, rng)
    return answers


def outputs(n: int) -> dict[str, Any]:
    """Return the recorded outputs of profile *n*."""
    answers = profile(n)
    a = legcramps.assess(answers)
    recorded = {"answers": answers, "to_dict": a.to_dict(), "report": str(a)}
    if n % FHIR_EVERY == 0:
        recorded["fhir"] = legcramps.fhir.risk_assessment(
            a, subject="Patient/golden", occurrence="2026-12-01T10:00:00Z"
        )
    return recorded


def _dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _recorded() -> list[str]:
    return GOLDEN.read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("n", range(PROFILES))
def test_profile_gives_the_recorded_outputs(n: int) -> None:
    expected = json.loads(_recorded()[n])
    actual = outputs(n)
    assert expected["answers"] == actual["answers"]
    assert expected["to_dict"] == actual["to_dict"]
    assert expected["report"] == actual["report"]
    assert expected.get("fhir") == actual.get("fhir")


def test_the_file_holds_one_line_per_profile() -> None:
    assert PROFILES == len(_recorded())


def regenerate() -> None:
    """Write the golden file anew from the installed legcramps."""
    GOLDEN.parent.mkdir(exist_ok=True)
    lines = (_dumps(outputs(n)) + "\n" for n in range(PROFILES))
    GOLDEN.write_text("".join(lines), encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit("usage: python tests/test_golden.py --regenerate")
    regenerate()
