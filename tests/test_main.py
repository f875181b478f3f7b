"""``python -m legcramps`` (``legcramps.__main__``)."""

from __future__ import annotations

import runpy
import sys

import pytest

import legcramps
from legcramps._cli import main


def test_python_m_legcramps_runs_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Running the package as a module runs the command line and exits with its status."""
    monkeypatch.setattr(sys, "argv", ["legcramps", "--version"])

    with pytest.raises(SystemExit) as info:
        runpy.run_module("legcramps", run_name="__main__")

    assert 0 == info.value.code
    assert (
        f"legcramps {legcramps.__version__} (knowledge {legcramps.KNOWLEDGE_VERSION})\n"
        == capsys.readouterr().out
    )


def test_importing_dunder_main_runs_nothing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Importing `legcramps.__main__` (as documentation tools do) does not run the command."""
    import importlib

    monkeypatch.setattr(sys, "argv", ["legcramps", "causes"])
    monkeypatch.delitem(sys.modules, "legcramps.__main__", raising=False)
    try:
        module = importlib.import_module("legcramps.__main__")
    finally:
        # runpy.run_module("legcramps") warns if it finds the module already imported.
        sys.modules.pop("legcramps.__main__", None)

    assert main is module.main
    captured = capsys.readouterr()
    assert "" == captured.out
    assert "" == captured.err
