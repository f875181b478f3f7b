"""Answers, knowledge and awkward objects that several test modules share.

Knowledge that tests use ready-built is served by fixtures in ``conftest.py``; the
builders here take arguments, and the command-line runners run the real program.
"""

from __future__ import annotations

import contextlib
import io
import os
import shlex
import subprocess
import sys
from typing import Any
from unittest import mock

import attrs

import legcramps
from legcramps import Knowledge, Sign, Source

#: Every question that could raise the urgency answered so that nothing is raised: the
#: warning-sign screens "no", a short cramp, no new medication, and no medication at all (a
#: diuretic sets "see a doctor", and with heat, heavy sweating or little to drink is a
#: warning sign).
NO_RED_FLAGS: dict[str, Any] = {
    "emergency_signs": False,
    "leg_signs": False,
    "leg_changes": False,
    "body_signs": False,
    "health_conditions": False,
    "cramp_pattern": False,
    "cramp_minutes": 2,
    "new_medication": False,
    "medications": [],
}

#: Answers that raise several causes and a red flag, with a known and an unknown medication.
TYPICAL: dict[str, Any] = {
    "exercise_minutes": 120,
    "exercise_intensity": "vigorous",
    "medications": ["Lasix 40 mg", "aspirin"],
    "fluid_litres": 0.5,
    "hot_weather": True,
    "numbness": True,
}

#: Every cause answered, none of its signs present.
NOTHING_RAISED: dict[str, Any] = {
    "exercise_minutes": 20,
    "exercise_intensity": "light",
    "unaccustomed_exercise": False,
    "overtired": False,
    "recovery_hours": 72,
    "poor_diet": False,
    "medications": [],
    "new_medication": False,
    "sitting_hours": 1,
    "standing_hours": 0.5,
    "fluid_litres": 2.2,
    "hot_weather": False,
    "heavy_sweating": False,
}

#: A source for made-up signs and red flags.
NOTE = Source("test", "A test source", "Made up for the tests.")


def knowledge(**changes: Any) -> Knowledge:
    """Return the built-in knowledge with *changes*, under the version "test" unless given."""
    return attrs.evolve(legcramps.KNOWLEDGE, **{"version": "test", **changes})


def with_sign(cause_id: str, sign: Sign) -> Knowledge:
    """Return the built-in knowledge with *sign* added last to the cause *cause_id*."""
    cause = legcramps.KNOWLEDGE.cause(cause_id)
    return legcramps.KNOWLEDGE.replace_cause(
        attrs.evolve(cause, signs=(*cause.signs, sign)), version="test"
    )


def run(
    *args: str, stdin: str = "", env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the real command line, as ``python -m legcramps`` (in *env*, if given)."""
    return subprocess.run(  # noqa: S603 - the test's own interpreter and arguments
        [sys.executable, "-m", "legcramps", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env=env,
    )


def run_with(
    locale: dict[str, str], *args: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """Run the real command line with *locale* in place of the locale variables."""
    environment = {
        k: v for k, v in os.environ.items() if k not in {"LC_ALL", "LC_MESSAGES", "LANG"}
    }
    return run(*args, stdin=stdin, env={**environment, **locale})


def run_in_process(
    *args: str, stdin: str = "", knowledge: Knowledge | None = None
) -> tuple[int, str, str]:
    """Run the command line's ``main()`` in this process; return the status, stdout and stderr."""
    from legcramps._cli import main

    out, err = io.StringIO(), io.StringIO()
    with (
        mock.patch.object(sys, "stdin", io.StringIO(stdin)),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        status = main(list(args), knowledge=knowledge)
    return status, out.getvalue(), err.getvalue()


class Unequal:
    """A value that refuses to be compared."""

    def __eq__(self, other: object) -> bool:
        raise RuntimeError

    __hash__ = object.__hash__


class Unreadable(dict[str, Any]):
    """A mapping whose items cannot be read."""

    def items(self) -> Any:
        raise RuntimeError

    def __getitem__(self, key: str) -> Any:
        raise RuntimeError


def run_documented(command: str) -> str:
    """Run a command as the command-line page of the docs shows it; return what it shows.

    The command may have input piped in (see :func:`split_pipe`) and may end in
    ``| head -n N``, ``| tail -n N`` or ``| sed -n A,Bp``, which keep the first
    or last N lines of its standard output, or lines A to B, as a short excerpt.
    Standard error follows, whole.
    """
    import re

    cut = re.fullmatch(
        r"(?P<command>.*?) \| (?:(?P<end>head|tail) -n (?P<count>[0-9]+)"
        r"|sed -n (?P<first>[0-9]+),(?P<last>[0-9]+)p)",
        command,
    )
    if cut is not None:
        command = cut["command"]
    args, stdin = split_pipe(command)
    _, out, err = run_in_process(*args, stdin=stdin)
    lines = out.splitlines()
    if cut is not None and cut["end"] is not None:
        count = int(cut["count"])
        lines = lines[:count] if cut["end"] == "head" else lines[-count:]
    elif cut is not None:
        lines = lines[int(cut["first"]) - 1 : int(cut["last"])]
    shown = [line.rstrip() for line in (*lines, *err.splitlines())]
    return "\n".join(shown).strip("\n")


def split_pipe(command: str) -> tuple[list[str], str]:
    """Return the arguments of the `legcramps` command, and what `echo`/`printf` pipes in."""
    words = shlex.split(command)
    stdin = ""
    if "|" in words:
        at = words.index("|")
        feeder, words = words[:at], words[at + 1 :]
        if feeder[0] == "echo":
            stdin = " ".join(feeder[1:]) + "\n"
        else:
            assert feeder[:2] == ["printf", "%s\\n"]
            stdin = "".join(f"{word}\n" for word in feeder[2:])
    assert words[0] == "legcramps"
    return words[1:], stdin
