"""Every ``$ curl`` example of ``docs/service.rst``, run against a real service.

Each example's command is run as written (only the port is the test service's), its
output piped through ``python3 -m json.tool`` where the page does, and compared with the
page as a doctest compares (``...`` matches anything). Skipped, saying so, without the
``service`` extra or without ``curl``.
"""

from __future__ import annotations

import doctest
import shlex
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("starlette", reason="the service extra is not installed")
pytest.importorskip("uvicorn", reason="the service extra is not installed")

from service_process import Service, running

PAGE = Path(__file__).parent.parent / "docs" / "service.rst"
DOCUMENTED = "http://127.0.0.1:8000"
JSON_TOOL = "python3 -m json.tool"


def examples(text: str) -> list[tuple[str, str]]:
    """Return each console example of the page: (command, output shown)."""
    found: list[tuple[str, str]] = []
    in_console = False
    for line in text.splitlines():
        if line.startswith(".. code-block::"):
            in_console = line.strip() == ".. code-block:: console"
            continue
        if in_console and line and not line.startswith("   "):
            in_console = False
        if not in_console:
            continue
        if line.startswith("   $ "):
            found.append((line[5:], ""))
        elif found:
            command, output = found[-1]
            found[-1] = (command, output + line[3:] + "\n")
    return [(c, o.strip("\n") + "\n") for c, o in found]


EXAMPLES = examples(PAGE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def service() -> Iterator[Service]:
    """A real service, with the defaults the page shows."""
    with running() as s:
        yield s


def run_example(command: str, url: str) -> str:
    """Run *command* (a curl, perhaps piped to json.tool) against *url*; return its output."""
    curl, _, pipe = command.partition(" | ")
    args = shlex.split(curl.replace(DOCUMENTED, url))
    assert "curl" == args[0]
    out = subprocess.run(args, capture_output=True, text=True, check=True, timeout=60).stdout  # noqa: S603
    if pipe:
        assert JSON_TOOL == pipe.strip()
        out = subprocess.run(
            [sys.executable, "-m", "json.tool"],
            input=out,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    return out.rstrip("\n") + "\n"  # curl prints no final newline of its own


def test_the_page_has_examples() -> None:
    """The parser finds the page's examples, each a curl of the documented address."""
    assert len(EXAMPLES) >= 8
    assert all(DOCUMENTED in command for command, _ in EXAMPLES)


@pytest.mark.skipif(shutil.which("curl") is None, reason="curl is not installed")
@pytest.mark.parametrize(
    ("command", "shown"), EXAMPLES, ids=[f"example-{n}" for n in range(len(EXAMPLES))]
)
def test_the_example_gives_what_the_page_shows(service: Service, command: str, shown: str) -> None:
    """The real output matches the page (``...`` standing for any text)."""
    actual = run_example(command, service.url)
    checker = doctest.OutputChecker()

    assert checker.check_output(shown, actual, doctest.ELLIPSIS), (
        f"{command}\n--- shown ---\n{shown}--- actual ---\n{actual}"
    )


def test_the_checker_can_fail() -> None:
    """A shown output that differs from the real one is a failure of the comparison."""
    assert not doctest.OutputChecker().check_output(
        '{"status":"down"}\n', '{"status":"ok"}\n', doctest.ELLIPSIS
    )
