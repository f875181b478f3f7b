"""Rewrite the output of every ``$ legcramps ...`` example in docs/cli.rst.

Run it after a change to what the command line prints; ``tests/test_docs.py`` then
checks that the page still matches the real output::

    python docs/regen_cli_examples.py
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path

PAGE = Path(__file__).with_name("cli.rst")


def run(command: str) -> str:
    """Run one documented command in this process; return what it printed.

    The same way ``tests/test_docs.py`` runs it to check the page.
    """
    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from helpers import run_documented

    return run_documented(command)


def regenerate(text: str) -> str:
    """Return *text* with each console example's output replaced by the real one."""
    lines = text.splitlines()
    result: list[str] = []
    in_block = False
    skipping = False
    for line in lines:
        if line.startswith(".. code-block:: console"):
            in_block, skipping = True, False
        elif in_block and line and not line.startswith("   "):
            in_block = skipping = False
        elif in_block and line.startswith("   $ "):
            result.append(line)
            result.extend(f"   {out}".rstrip() for out in run(line[5:]).splitlines())
            skipping = True
            continue
        if skipping and (not line or line.startswith("   ")):
            # the old output, up to the next command or the end of the block
            if line == "" and result and result[-1] != "":
                result.append("")
            continue
        skipping = False
        result.append(line)
    return "\n".join(result) + "\n"


def main() -> None:
    """Rewrite the page in place, with COLUMNS=80 as the tests use."""
    os.environ["COLUMNS"] = "80"
    with tempfile.TemporaryDirectory() as where, contextlib.chdir(where):
        PAGE.write_text(regenerate(PAGE.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
