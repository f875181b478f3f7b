"""The real service in a subprocess: ``python -m legcramps serve`` on 127.0.0.1, port 0.

Under coverage (as CI runs the tests), the subprocess runs under ``coverage run`` too,
and its data is merged into this process's when it stops, so that the service's own
code counts as the tests that reach it over HTTP.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
_LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+)")


class Service:
    """A running service: where it listens, and what it wrote to standard error."""

    def __init__(self, process: subprocess.Popen[str], port: int) -> None:
        self.process = process
        self.port = port
        self.url = f"http://127.0.0.1:{port}"
        self.stderr = ""

    def call(
        self,
        method: str,
        path: str,
        body: object = None,
        *,
        raw: bytes | None = None,
        headers: dict[str, str] | None = None,
    ) -> tuple[int, dict[str, str], Any]:
        """Send one request; return the status, the headers and the JSON body (None if none)."""
        sent = raw if raw is not None else (None if body is None else json.dumps(body).encode())
        given = {"Content-Type": "application/json"} if sent is not None else {}
        given.update(headers or {})
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, path, body=sent, headers=given)
            response = connection.getresponse()
            data = response.read()
            found = {k.lower(): v for k, v in response.getheaders()}
        finally:
            connection.close()
        return response.status, found, json.loads(data) if data else None


def _coverage() -> Any:
    try:
        import coverage
    except ImportError:
        return None
    return coverage.Coverage.current()


@contextlib.contextmanager
def running(*options: str) -> Iterator[Service]:
    """Start ``legcramps serve`` with *options* on a free port; stop it (SIGTERM) after."""
    cov = _coverage()
    with tempfile.TemporaryDirectory() as tmp:
        data_file = Path(tmp) / ".coverage.service"
        command = [sys.executable, "-m", "legcramps", "serve", "--host", "127.0.0.1", "--port", "0"]
        if cov is not None:
            command[1:3] = [
                "-m", "coverage", "run", f"--rcfile={ROOT / 'pyproject.toml'}",
                f"--data-file={data_file}", "-m", "legcramps",
            ]  # fmt: skip
        process = subprocess.Popen(  # noqa: S603 - the test's own interpreter and arguments
            [*command, *options], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
        )
        assert process.stderr is not None
        line = process.stderr.readline()
        found = _LISTENING.search(line)
        if found is None:
            process.kill()
            rest = process.stderr.read()
            msg = f"the service did not start: {line}{rest}"
            raise RuntimeError(msg)
        service = Service(process, int(found.group(1)))
        try:
            yield service
        finally:
            process.terminate()
            try:
                service.stderr = process.communicate(timeout=30)[1]
            except subprocess.TimeoutExpired:
                process.kill()
                service.stderr = process.communicate()[1]
            if cov is not None and data_file.exists():
                import coverage

                data = coverage.CoverageData(basename=str(data_file))
                data.read()
                cov.get_data().update(data)
