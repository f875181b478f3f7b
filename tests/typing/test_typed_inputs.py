# ruff: noqa: INP001 - beside the typing checks, not a package (it would shadow typing)
"""The typed inputs of ``legcramps.assess()``: ``legcramps.Answers``, made from the data.

``src/legcramps/_inputs.py`` is generated from the built-in knowledge; a test fails
when the two differ. Regenerate it after a change to the inputs with::

    python tests/typing/test_typed_inputs.py --regenerate

``typed_calls.py`` beside this file holds calls a type checker must accept and calls it
must refuse (each refused line carries ``# type: ignore[code]``, which ``mypy --strict``
reports as unused if the line were accepted); the test here runs mypy on it without
those comments and checks that exactly those lines are refused, with those codes.
"""

from __future__ import annotations

import re
import subprocess
import sys
import typing
from pathlib import Path

import pytest

import legcramps
from legcramps import FactorKind, RiskFactor

ROOT = Path(__file__).parents[2]
MODULE = ROOT / "src" / "legcramps" / "_inputs.py"
CALLS = Path(__file__).with_name("typed_calls.py")

_HEADER = '''\
"""The inputs of :func:`legcramps.assess` as a ``TypedDict``, for type checkers and editors.

Generated from the built-in knowledge by ``python tests/typing/test_typed_inputs.py
--regenerate``; ``tests/typing/test_typed_inputs.py`` fails when it is out of date.
"""

from typing import Literal, TypedDict

__all__ = ["Answers"]


class Answers(TypedDict, total=False):
    """Every input of :func:`legcramps.assess`, each optional; ``None`` is unknown.

    A type checker refuses a misspelt input name or a value of the wrong type
    given to ``assess()`` by keyword, and an editor completes the names. Bounds
    and choices are checked when the call runs (:class:`~legcramps.InvalidInput`).

    >>> import legcramps
    >>> answers: legcramps.Answers = {"fluid_litres": 0.5, "hot_weather": True}
    >>> legcramps.assess(**answers).finding("dehydration").level.value
    'likely'
    """

'''


def annotation(factor: RiskFactor) -> str:
    """Return the type of *factor*'s answer, as source text."""
    if factor.kind is FactorKind.YES_NO:
        return "bool | None"
    if factor.kind is FactorKind.NUMBER:
        return "float | None"
    if factor.kind is FactorKind.CHOICE:
        return "Literal[" + ", ".join(f'"{c}"' for c in factor.choices) + "] | None"
    return "list[str] | tuple[str, ...] | None"


def unit(factor: RiskFactor) -> str:
    """Return the comment after a number's key: its unit and bounds ('' for other kinds)."""
    if factor.kind is not FactorKind.NUMBER:
        return ""
    return "  # " + ", ".join(p for p in (factor.unit, factor.bounds) if p)


def render() -> str:
    """Return the source of ``legcramps._inputs``, made from the built-in knowledge."""
    import textwrap

    lines = [_HEADER.rstrip("\n")]
    for factor in legcramps.KNOWLEDGE.factors:
        lines.append("")
        lines.extend(
            textwrap.wrap(
                factor.question, 96, initial_indent="    #: ", subsequent_indent="    #: "
            )
        )
        lines.append(f"    {factor.id}: {annotation(factor)}{unit(factor)}")
    return "\n".join(lines) + "\n"


class TestAnswers:
    def test_the_module_is_generated_from_the_data(self) -> None:
        """_inputs.py is what the built-in knowledge renders (regenerate it if this fails)."""
        assert render() == MODULE.read_text(encoding="utf-8")

    def test_one_optional_key_per_input_in_order(self) -> None:
        """Answers has every input of the built-in knowledge, in order, none of them required."""
        assert [f.id for f in legcramps.RISK_FACTORS] == list(
            typing.get_type_hints(legcramps.Answers)
        )
        assert frozenset() == legcramps.Answers.__required_keys__

    @pytest.mark.parametrize(
        ("factor", "expected"),
        [
            ("hot_weather", bool | None),
            ("fluid_litres", float | None),
            ("exercise_intensity", typing.Literal["light", "moderate", "vigorous"] | None),
            ("medications", list[str] | tuple[str, ...] | None),
        ],
    )
    def test_each_kind_has_its_type(self, factor: str, expected: object) -> None:
        """Each kind of input is typed as assess() takes it, None (unknown) included."""
        assert expected == typing.get_type_hints(legcramps.Answers)[factor]

    def test_assess_takes_the_answers_as_keywords(self) -> None:
        """assess()'s keywords are typed by Answers (typing_extensions.Unpack on Python 3.10)."""
        import typing_extensions

        hint = typing.get_type_hints(legcramps.assess)["answers"]

        assert "Unpack" == typing_extensions.get_origin(hint).__name__
        assert (legcramps.Answers,) == typing_extensions.get_args(hint)


def _mypy(path: Path) -> list[tuple[int, str]]:
    """Return mypy's errors on *path* (its line and code), checked strictly for Python 3.10."""
    result = subprocess.run(  # noqa: S603 - the test's own interpreter, on a file of its own
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--python-version",
            "3.10",
            "--no-error-summary",
            "--show-error-codes",
            "--config-file",
            str(ROOT / "pyproject.toml"),
            str(path),
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        timeout=600,
    )
    found = re.findall(r"^[^\n]*?:(\d+): error: .*\[([\w-]+)\]$", result.stdout, re.MULTILINE)
    assert result.returncode in {0, 1}, result.stdout + result.stderr
    return [(int(line), code) for line, code in found]


def test_mypy_refuses_misspelt_and_mistyped_inputs(tmp_path: Path) -> None:
    """Without its ignore comments, typed_calls.py has errors exactly where they are marked."""
    pytest.importorskip("mypy", reason="the type checker is in the 'lint' extra")
    marked = re.compile(r"  # type: ignore\[([\w-]+)\]$")
    lines = CALLS.read_text(encoding="utf-8").splitlines()
    expected = [(n, m[1]) for n, line in enumerate(lines, 1) if (m := marked.search(line))]
    stripped = tmp_path / CALLS.name
    stripped.write_text("\n".join(marked.sub("", line) for line in lines) + "\n", "utf-8")

    assert len(expected) >= 4
    assert expected == _mypy(stripped)


if __name__ == "__main__":
    if sys.argv[1:] != ["--regenerate"]:
        sys.exit(f"usage: python {sys.argv[0]} --regenerate")
    MODULE.write_text(render(), encoding="utf-8")
