"""`python -m legcramps` and the lazily served names of the package."""

from __future__ import annotations

import runpy
import sys

import pytest

import legcramps


def test_python_m_legcramps_runs_the_command_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Running the package as a module runs the command line and exits with its status."""
    monkeypatch.setattr(sys, "argv", ["legcramps", "--version"])

    with pytest.raises(SystemExit) as info:
        runpy.run_module("legcramps", run_name="__main__")

    assert (
        0,
        f"legcramps {legcramps.__version__} (knowledge {legcramps.KNOWLEDGE_VERSION})\n",
    ) == (
        info.value.code,
        capsys.readouterr().out,
    )


def test_schema_is_served_on_first_use() -> None:
    """`legcramps.schema` is the schema submodule, loaded when first asked for."""
    import legcramps.schema

    assert legcramps.schema is legcramps.__getattr__("schema")


def test_batch_names_are_served_on_first_use() -> None:
    """`assess_many` and `RowError` come from the batch module, loaded when first asked for."""
    from legcramps import _batch

    assert (_batch.assess_many, _batch.RowError) == (legcramps.assess_many, legcramps.RowError)
