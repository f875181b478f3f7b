"""Ctrl-C in the Spanish interview, on a real terminal: the offer to save, in Spanish."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest

import test_cli_pty as pty
from test_cli_pty import CTRL_C, finish

if TYPE_CHECKING:
    from pathlib import Path

    import pexpect

pexpect = pytest.importorskip("pexpect", reason="the terminal tests need pexpect (test extra)")

PROMPT = r"\[sí/no\] > "


def spawn(*args: str, cwd: Path) -> pexpect.spawn[str]:
    """Start ``legcramps interview --language es ARGS`` on a terminal; wait for a question."""
    return pty.spawn("--language", "es", *args, cwd=cwd, prompt=PROMPT)


def test_offers_to_save_under_a_name_typed(tmp_path: Path) -> None:
    """Ctrl-C asks in Spanish for a file name, and says in Spanish where it saved."""
    child = spawn(cwd=tmp_path)
    child.send("no\r")
    child.expect(PROMPT)

    child.send(CTRL_C)
    child.expect(
        r"Interrumpido\. ¿Guardar la 1 respuesta dada hasta el momento\? "
        r"Nombre del archivo \(Intro: no\): "
    )
    child.send("kept.json\r")
    child.expect("Las respuestas se guardaron en 'kept.json'. Para seguir más tarde: legcramps")

    assert 130 == finish(child)


def test_s_saves_to_the_save_file(tmp_path: Path) -> None:
    """With --save, the offer is [S/n], and "s" saves there."""
    child = spawn("--save", "answers.json", cwd=tmp_path)
    child.send("no\r")
    child.expect(PROMPT)
    child.send("no\r")
    child.expect(PROMPT)

    child.send(CTRL_C)
    child.expect(r"¿Guardar las 2 respuestas dadas hasta el momento en 'answers.json'\? \[S/n\] ")
    child.send("s\r")
    child.expect("Las respuestas se guardaron en 'answers.json'")

    assert 130 == finish(child)
    saved = json.loads((tmp_path / "answers.json").read_text(encoding="utf-8"))
    assert {"emergency_signs": False, "leg_signs": False} == saved


def test_declined(tmp_path: Path) -> None:
    """ "n" at the offer leaves without saving, and says so in Spanish."""
    child = spawn("--save", "answers.json", cwd=tmp_path)
    child.send("no\r")
    child.expect(PROMPT)

    child.send(CTRL_C)
    child.expect(r"\[S/n\] ")
    child.send("n\r")
    child.expect("Las respuestas no se guardaron.")

    assert 130 == finish(child)
    assert not (tmp_path / "answers.json").exists()


def test_at_the_first_question(tmp_path: Path) -> None:
    """Ctrl-C before any answer says in Spanish that there is nothing to save."""
    child = spawn(cwd=tmp_path)

    child.send(CTRL_C)
    child.expect("Interrumpido antes de la primera respuesta: no hay nada que guardar.")

    assert 130 == finish(child)
