"""``legcramps interview`` played on a pseudo-terminal, as a person types it.

Each test starts the real program on a pseudo-terminal (``pexpect``) and types
at its prompts: letters, arrow keys, Enter, Ctrl-C and Ctrl-D, as a person
would; it reads what the terminal shows.
"""

from __future__ import annotations

import json
import os
import shlex
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

import legcramps

if TYPE_CHECKING:
    import pexpect

pexpect = pytest.importorskip("pexpect", reason="the terminal tests need pexpect (test extra)")

K = legcramps.KNOWLEDGE
PROMPT = r"\[yes/no\] > "
LEFT, UP = "\x1b[D", "\x1b[A"
CTRL_C, CTRL_D = "\x03", "\x04"


def spawn(
    *args: str, cwd: Path, redirect: str | None = None, prompt: str = PROMPT
) -> pexpect.spawn[str]:
    """Start ``legcramps interview ARGS`` on a terminal 100 columns wide; wait for *prompt*.

    *redirect* (such as ``" > out.txt"``) runs it in sh with that redirection.
    """
    env = {k: v for k, v in os.environ.items() if k not in {"COLUMNS", "LINES"}}
    env["TERM"] = "xterm"
    program = [sys.executable, "-m", "legcramps", "interview", *args]
    if redirect is not None:
        command, argv = "/bin/sh", ["-c", shlex.join(program) + redirect]
    else:
        command, argv = program[0], program[1:]
    child = pexpect.spawn(
        command, argv, cwd=str(cwd), env=env, encoding="utf-8", timeout=30, dimensions=(30, 100)
    )
    child.expect(prompt)
    return child


def finish(child: pexpect.spawn[str]) -> int | None:
    """Wait for the program to end; return its exit status."""
    child.expect(pexpect.EOF)
    child.close()
    return child.exitstatus


def first_question(factor_id: str) -> str:
    """Return a pattern for the start of the question *factor_id*, as the terminal shows it."""
    return " ".join(K.factor(factor_id).question.split()[:5])


class TestLineEditing:
    def test_the_left_arrow_moves_in_the_line(self, tmp_path: Path) -> None:
        """Typing "o", Left, "n" gives "no": the arrow moves the cursor, not into the answer."""
        child = spawn(cwd=tmp_path)

        child.send(f"o{LEFT}n\r")

        child.expect(first_question("leg_signs"))
        assert "Sorry" not in (child.before or "")
        child.sendcontrol("d")
        assert 0 == finish(child)

    def test_the_up_arrow_brings_back_an_earlier_answer(self, tmp_path: Path) -> None:
        """Up, then Enter, answers as the last answer did."""
        path = tmp_path / "answers.json"
        child = spawn("--save", str(path), cwd=tmp_path)
        child.send("no\r")
        child.expect(PROMPT)

        child.send(f"{UP}\r")
        child.expect(first_question("body_signs"))
        child.expect(PROMPT)
        child.send(CTRL_D)

        assert 0 == finish(child)
        assert {"emergency_signs": False, "leg_signs": False} == json.loads(path.read_text())


class TestCommands:
    def test_help_then_back_then_an_answer(self, tmp_path: Path) -> None:
        """`?` explains the question; `back` asks the last one again; answers go on."""
        path = tmp_path / "answers.json"
        child = spawn("--save", str(path), cwd=tmp_path)

        child.send("?\r")
        child.expect("Answer yes if any one of them applies")
        child.expect(PROMPT)
        child.send("no\r")
        child.expect(first_question("leg_signs"))
        child.expect(PROMPT)
        child.send("back\r")
        child.expect(first_question("emergency_signs"))
        child.expect(PROMPT)
        child.send("yes\r")
        child.expect("This needs emergency help now, so the questions stop here.")

        assert 0 == finish(child)
        assert {"emergency_signs": True} == json.loads(path.read_text())

    def test_ctrl_d_ends_with_the_report(self, tmp_path: Path) -> None:
        """Ctrl-D at a question ends the interview: the rest stays unknown, the report follows."""
        child = spawn(cwd=tmp_path)

        child.send(CTRL_D)

        child.expect("No more answers: the questions left stay unknown.")
        child.expect("Leg cramp assessment")
        assert 0 == finish(child)

    def test_json_on_a_terminal(self, tmp_path: Path) -> None:
        """With --json on a terminal, the questions and then the JSON result show there."""
        child = spawn("--json", cwd=tmp_path)

        child.send("no\r")
        child.expect(PROMPT)
        child.send(CTRL_D)

        child.expect('"knowledge_version"')
        child.expect('"emergency_signs": false')
        assert 0 == finish(child)

    def test_a_report_redirected_to_a_file(self, tmp_path: Path) -> None:
        """With standard output redirected, the questions still show on the terminal."""
        child = spawn(cwd=tmp_path, redirect=" > report.txt")

        child.send("no\r")
        child.expect(PROMPT)
        child.send(CTRL_D)

        assert 0 == finish(child)
        expected = legcramps.assess(emergency_signs=False)
        assert f"{expected}\n" == (tmp_path / "report.txt").read_text(encoding="utf-8")


class TestCtrlC:
    def test_offers_to_save_under_a_name_typed(self, tmp_path: Path) -> None:
        """Ctrl-C offers to save what was answered; a file name typed saves it there."""
        child = spawn(cwd=tmp_path)
        child.send("no\r")
        child.expect(PROMPT)

        child.send(CTRL_C)
        child.expect(r"Interrupted\. Save the 1 answer so far\? File name \(Enter: no\): ")
        child.send("kept.json\r")
        child.expect("To go on later: legcramps interview --input kept.json --save kept.json")

        assert 130 == finish(child)
        saved = json.loads((tmp_path / "kept.json").read_text(encoding="utf-8"))
        assert {"emergency_signs": False} == saved

    def test_saves_to_the_save_file_when_agreed(self, tmp_path: Path) -> None:
        """With --save, Ctrl-C asks whether to save there; Enter says yes."""
        child = spawn("--save", "answers.json", cwd=tmp_path)
        child.send("no\r")
        child.expect(PROMPT)
        child.send("no\r")
        child.expect(PROMPT)

        child.send(CTRL_C)
        child.expect(r"Save the 2 answers so far to 'answers.json'\? \[Y/n\] ")
        child.send("\r")
        child.expect("The answers are saved in 'answers.json'")

        assert 130 == finish(child)
        saved = json.loads((tmp_path / "answers.json").read_text(encoding="utf-8"))
        assert {"emergency_signs": False, "leg_signs": False} == saved

    @pytest.mark.parametrize("reply", ["n\r", CTRL_C, CTRL_D])
    def test_declined(self, tmp_path: Path, reply: str) -> None:
        """No, another Ctrl-C or Ctrl-D at the offer leaves without saving."""
        child = spawn("--save", "answers.json", cwd=tmp_path)
        child.send("no\r")
        child.expect(PROMPT)

        child.send(CTRL_C)
        child.expect(r"\[Y/n\] ")
        child.send(reply)
        child.expect("The answers were not saved.")

        assert 130 == finish(child)
        assert not (tmp_path / "answers.json").exists()

    def test_at_the_first_question(self, tmp_path: Path) -> None:
        """Ctrl-C before any answer has nothing to offer."""
        child = spawn(cwd=tmp_path)

        child.send(CTRL_C)

        child.expect("Interrupted, before any answer: there is nothing to save.")
        assert 130 == finish(child)
