"""What ``import legcramps`` loads: only its core modules, so that the import stays cheap.

The import time itself is measured by ``benchmarks/bench.py``, not here; these
tests guard its causes: a module loaded at import that the hot path does not need.
"""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
import typing

import pytest

import legcramps

#: The modules ``import legcramps`` adds to those ``import attrs`` loads.
CORE = [
    "legcramps",
    "legcramps._answers",
    "legcramps._compile",
    "legcramps._data",
    "legcramps._errors",
    "legcramps._evaluate",
    "legcramps._followup",
    "legcramps._inputs",
    "legcramps._knowledge",
    "legcramps._medications",
    "legcramps._model",
    "legcramps._order",
    "legcramps._public",
    "legcramps._result",
    "legcramps._shown",
    "legcramps._state",
]


def loaded_by(statements: str) -> list[str]:
    """Return the modules that *statements* load after ``import attrs``, in a fresh interpreter."""
    # json is imported only after the difference is taken, so that a module-level
    # ``import json`` in legcramps would show.
    code = (
        "import sys, attrs\n"
        "before = set(sys.modules)\n"
        f"{statements}\n"
        "loaded = sorted(set(sys.modules) - before)\n"
        "import json\n"
        "print(json.dumps(loaded))\n"
    )
    out = subprocess.run(  # noqa: S603 - the test's own interpreter and code
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    loaded: list[str] = json.loads(out)
    return loaded


def test_import_loads_only_the_core_modules() -> None:
    """No standard-library module (math, json, argparse, importlib.metadata...) and no rare path."""
    assert CORE == loaded_by("import legcramps")


def test_a_valid_assessment_loads_nothing_more() -> None:
    """The first call on good answers needs nothing beyond the core modules."""
    assert CORE == loaded_by(
        "import legcramps; legcramps.assess(fluid_litres=0.5, medications=['Lasix'])"
    )


def annotated(obj: object) -> bool:
    """Return whether *obj* is a class or a function, whose annotations can be resolved."""
    return inspect.isclass(obj) or inspect.isfunction(obj)


@pytest.mark.parametrize(
    "name",
    [n for n in legcramps.__all__ if annotated(getattr(legcramps, n))],
)
def test_public_annotations_resolve_at_run_time(name: str) -> None:
    """typing.get_type_hints() works on each public class and function (runtime type checkers)."""
    assert isinstance(typing.get_type_hints(getattr(legcramps, name)), dict)
