"""Shared test settings, and the knowledge bases that tests use ready-built."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, settings

import legcramps
from helpers import NOTE
from legcramps import (
    Cause,
    Condition,
    FactorKind,
    Knowledge,
    RedFlag,
    RiskFactor,
    Sign,
    Urgency,
    _data,
)

# The test machine is shared and often loaded: generating inputs may be slow, and a
# deadline would make a test's outcome depend on the load, not on the code.
settings.register_profile("legcramps", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("legcramps")


@pytest.fixture
def fresh_knowledge() -> Knowledge:
    """The built-in data built into a knowledge again, now, under test (not at import)."""
    return Knowledge(
        version=legcramps.KNOWLEDGE.version,
        factors=_data.FACTORS,
        causes=_data.CAUSES,
        red_flags=_data.RED_FLAGS,
        medications=_data.MEDICATIONS,
    )


@pytest.fixture(scope="session")
def cold_water() -> Knowledge:
    """The built-in knowledge with a new number input, a cause and a red flag on it.

    ``water_celsius`` (0 to 40; its question holds a ``%``); the cause ``cold`` is likely
    below 15 (one sign of weight 3); the red flag ``hypothermia`` (urgent) below 5.
    """
    k = legcramps.KNOWLEDGE
    factor = RiskFactor(
        "water_celsius", "How cold was it, 100% sure?", FactorKind.NUMBER, minimum=0, maximum=40
    )
    cause = Cause(
        "cold", "Cold", "Cramps in cold water.", "Cold muscles.", ("Warm up.",), "Anecdotal.",
        (NOTE,), (Sign(Condition("water_celsius", below=15), 3, "Cold water.", NOTE),),
    )  # fmt: skip
    flag = RedFlag(
        "hypothermia", "Shivering", "Too cold.", Urgency.URGENT, "Warm up now.", (NOTE,),
        (Condition("water_celsius", below=5),),
    )  # fmt: skip
    return attrs.evolve(
        k,
        version="cold-water",
        factors=(*k.factors, factor),
        causes=(*k.causes, cause),
        red_flags=(*k.red_flags, flag),
    )


@pytest.fixture(scope="session")
def other_version() -> Knowledge:
    """The built-in knowledge, unchanged, under the version "mine"."""
    return attrs.evolve(legcramps.KNOWLEDGE, version="mine")


@pytest.fixture(autouse=True)
def _no_answer_files_left_behind() -> Iterator[None]:
    """Fail a test that leaves a ``--save`` temporary file (``.legcramps-*.json``) here."""
    before = set(Path().glob(".legcramps-*.json"))
    yield
    left = sorted(str(p) for p in set(Path().glob(".legcramps-*.json")) - before)
    assert [] == left, "write files under tmp_path, and remove temporary ones"


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run every test, and the commands it starts, in a locale that asks for English.

    The command line takes its default language from ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG``; a test that wants another sets them itself.
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
