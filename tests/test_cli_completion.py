"""``legcramps completion SHELL``: scripts that complete commands, options, choices, files.

Each script is loaded into the real shell, which is asked what it completes, as
it would be when a person presses Tab: bash through its completion function,
fish through ``complete -C``, zsh on a pseudo-terminal. A test is skipped,
saying so, where that shell is not installed.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import run_in_process

SHELLS = ("bash", "zsh", "fish")


def script(shell: str, where: Path) -> Path:
    """Write the completion script for *shell* in the folder *where*; return its path."""
    status, out, err = run_in_process("completion", shell)
    assert (0, "") == (status, err)
    path = where / f"legcramps.{shell}"
    path.write_text(out, encoding="utf-8")
    return path


def needs(shell: str) -> str:
    found = shutil.which(shell)
    if found is None:
        pytest.skip(f"{shell} is not installed")
    return found


def bash_completes(line: str, tmp_path: Path) -> list[str]:
    """Return what bash offers for the command *line* (completing its last word)."""
    bash = needs("bash")
    words = shlex.split(line) + ([""] if line.endswith(" ") else [])
    code = (
        f"source {shlex.quote(str(script('bash', tmp_path)))}\n"
        f"COMP_WORDS=({' '.join(shlex.quote(w) for w in words)})\n"
        f"COMP_CWORD={len(words) - 1}\n"
        "_legcramps\n"
        'printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    done = subprocess.run(  # noqa: S603 - the shell, on our own script
        [bash, "--norc", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        timeout=30,
    )
    return sorted(w for w in done.stdout.splitlines() if w)


def fish_completes(line: str, tmp_path: Path) -> list[str]:
    """Return what fish offers for the command *line*, without descriptions."""
    fish = needs("fish")
    code = f"source {shlex.quote(str(script('fish', tmp_path)))}; complete -C {shlex.quote(line)}"
    done = subprocess.run(  # noqa: S603 - the shell, on our own script
        [fish, "--no-config", "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        timeout=30,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    return sorted(w.split("\t")[0] for w in done.stdout.splitlines() if w)


CASES = [
    ("legcramps ass", ["assess"]),
    ("legcramps -", ["--help", "--version", "-V", "-h"]),
    ("legcramps assess --exercise-int", ["--exercise-intensity"]),
    ("legcramps assess --exercise-intensity ", ["light", "moderate", "vigorous"]),
    ("legcramps batch --format ", ["auto", "csv", "jsonl"]),
    ("legcramps help inter", ["interview"]),
    ("legcramps completion ", ["bash", "fish", "zsh"]),
    ("legcramps assess ca", ["case.json"]),
    ("legcramps interview --save ca", ["case.json"]),
]


class TestBash:
    @pytest.mark.parametrize(("line", "expected"), CASES)
    def test_completes(self, line: str, expected: list[str], tmp_path: Path) -> None:
        """bash completes commands, options, choices and file names."""
        (tmp_path / "case.json").write_text("{}", encoding="utf-8")

        assert expected == bash_completes(line, tmp_path)

    def test_a_value_to_type_is_not_completed(self, tmp_path: Path) -> None:
        """After an option that takes a number, nothing is offered: a file would be wrong."""
        (tmp_path / "case.json").write_text("{}", encoding="utf-8")

        assert [] == bash_completes("legcramps assess --fluid-litres ", tmp_path)

    def test_every_option_of_a_command_is_offered(self, tmp_path: Path) -> None:
        """`--` after a command offers each of its options, those from the knowledge too."""
        offered = bash_completes("legcramps assess --", tmp_path)

        assert {"--input", "--json", "--hot-weather", "--no-hot-weather", "--medication"} <= set(
            offered
        )


class TestFish:
    @pytest.mark.parametrize(("line", "expected"), [c for c in CASES if c[0] != "legcramps -"])
    def test_completes(self, line: str, expected: list[str], tmp_path: Path) -> None:
        """fish completes commands, options, choices and file names."""
        (tmp_path / "case.json").write_text("{}", encoding="utf-8")

        assert expected == fish_completes(line, tmp_path)

    def test_commands_come_with_what_they_do(self, tmp_path: Path) -> None:
        """fish shows each command with its one line of help."""
        fish = needs("fish")
        code = f"source {shlex.quote(str(script('fish', tmp_path)))}; complete -C 'legcramps '"
        done = subprocess.run(  # noqa: S603 - the shell, on our own script
            [fish, "--no-config", "-c", code], capture_output=True, text=True, check=True
        )

        assert "assess\tassess the answers given as options or in a JSON file" in done.stdout


class TestZsh:
    def test_tab_completes_a_command_and_a_choice(self, tmp_path: Path) -> None:
        """In an interactive zsh with the script loaded, Tab completes as a person expects."""
        zsh = needs("zsh")
        pexpect = pytest.importorskip("pexpect", reason="needs pexpect (test extra)")
        path = script("zsh", tmp_path)
        child = pexpect.spawn(
            zsh,
            ["-f", "-i"],
            cwd=str(tmp_path),
            env={"TERM": "xterm", "HOME": str(tmp_path), "PATH": os.environ["PATH"], "PS1": "$ "},
            encoding="utf-8",
            timeout=30,
            dimensions=(30, 120),
        )
        child.sendline(f"autoload -U compinit && compinit -u && source {shlex.quote(str(path))}")
        child.sendline("echo loaded-$((40+2))")
        child.expect("loaded-42")

        child.send("legcramps ass\t")
        child.expect("legcramps assess")
        child.send("--exercise-inten\t")
        child.expect("--exercise-intensity")
        child.send("vig\t")
        child.expect("vigorous")

        # What was to be shown is shown; the shell is stopped, not asked to exit (under load
        # zsh could still be redrawing its line after Ctrl-C and miss an "exit").
        child.close(force=True)


@pytest.mark.parametrize("shell", SHELLS)
def test_the_script_is_valid(shell: str, tmp_path: Path) -> None:
    """Each shell reads its script without a syntax error."""
    found = needs(shell)
    path = script(shell, tmp_path)

    done = subprocess.run(  # noqa: S603 - the shell, checking our own script
        [found, "-n", str(path)], capture_output=True, text=True, check=False, timeout=30
    )

    assert (0, "") == (done.returncode, done.stderr)


def test_every_script_says_how_to_load_it() -> None:
    """Each script starts by saying how to load it, in this shell and in every new one."""
    for shell in SHELLS:
        _, out, _ = run_in_process("completion", shell)
        assert f"legcramps completion {shell}" in out.split("\n\n")[0]


def test_no_such_shell() -> None:
    """An unknown shell exits with 2, naming the shells there are."""
    status, out, err = run_in_process("completion", "tcsh")

    assert 2 == status
    assert "" == out
    assert "invalid choice: 'tcsh'" in err
