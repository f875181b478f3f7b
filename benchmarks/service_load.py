"""A bounded load test of ``legcramps serve``, against a bare ASGI endpoint in the same run.

Run from the repository root, with the ``service`` extra installed::

    python benchmarks/service_load.py                   # 20,000 requests each, ~1 minute
    python benchmarks/service_load.py --requests 2000   # a smoke test

Two servers run as real processes on 127.0.0.1, on the same uvicorn settings: the
service, and a bare ASGI application that reads the body and answers a constant JSON
(the floor: what uvicorn and the HTTP round trip cost). Two client processes send
``POST /assess`` with a typical full profile over keep-alive connections, in rounds that
alternate between the two servers, so that both see the same machine. Reported: the
throughput, the p50 and p99 latency, the errors, and the service's resident memory after
a warm-up and at the end. The targets (issue 14): at least 0.5 of the bare endpoint's
throughput, no error, memory flat (growth under 5 MB).
"""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench import TYPICAL

TARGET_RATIO = 0.5
TARGET_GROWTH_MB = 5.0
CLIENTS = 2
ROUNDS = 4
_LISTENING = re.compile(rb"listening on http://127\.0\.0\.1:(\d+)")
_BARE_BODY = b'{"status":"ok"}'


async def bare_app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Answer a constant JSON after reading the whole body: the floor of the comparison."""
    if scope["type"] != "http":
        return
    more = True
    while more:
        message = await receive()
        more = message.get("more_body", False)
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": _BARE_BODY})


def serve_bare() -> None:
    """Serve :func:`bare_app` as ``legcramps serve`` serves the service (same settings)."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(2048)
    port = sock.getsockname()[1]
    sys.stderr.write(f"bare: listening on http://127.0.0.1:{port}\n")
    sys.stderr.flush()
    config = uvicorn.Config(
        bare_app, log_level="warning", access_log=False, lifespan="off", server_header=False
    )
    uvicorn.Server(config).run(sockets=[sock])


def start(command: list[str]) -> tuple[subprocess.Popen[bytes], int]:
    """Start a server; return it and its port, read from its first line."""
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    assert process.stderr is not None
    found = _LISTENING.search(process.stderr.readline())
    if found is None:
        process.kill()
        msg = f"{command} did not start"
        raise RuntimeError(msg)
    return process, int(found.group(1))


def rss_mb(pid: int) -> float:
    """Return the resident memory of process *pid*, in MB (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def connect(port: int) -> http.client.HTTPConnection:
    """Open a keep-alive connection to *port*, without Nagle's delay (as real clients do)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.connect()
    assert connection.sock is not None
    connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return connection


def client(job: tuple[int, int, bytes]) -> tuple[list[float], int]:
    """Send *count* requests to *port* on one keep-alive connection; return latencies, errors."""
    port, count, body = job
    headers = {"Content-Type": "application/json"}
    connection = connect(port)
    latencies: list[float] = []
    errors = 0
    for _ in range(count):
        start_time = time.perf_counter()
        try:
            connection.request("POST", "/assess", body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status != 200:  # HTTP OK
                errors += 1
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = connect(port)
        latencies.append(time.perf_counter() - start_time)
    connection.close()
    return latencies, errors


def load(pool: Any, port: int, count: int, body: bytes) -> tuple[float, list[float], int]:
    """Send *count* requests from the client processes; return the seconds, latencies, errors."""
    per_client = count // CLIENTS
    start_time = time.perf_counter()
    results = pool.map(client, [(port, per_client, body)] * CLIENTS)
    seconds = time.perf_counter() - start_time
    latencies = [x for lat, _ in results for x in lat]
    return seconds, latencies, sum(e for _, e in results)


def percentile(values: list[float], p: float) -> float:
    """Return the *p*-th percentile of *values*, in milliseconds."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] * 1000


def main() -> int:
    """Run the load test and print the table; exit 1 if a target is missed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20_000, help="requests per server")
    parser.add_argument("--serve-bare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare()
        return 0

    body = json.dumps(TYPICAL).encode()
    service, service_port = start([sys.executable, "-m", "legcramps", "serve", "--port", "0"])
    bare, bare_port = start([sys.executable, __file__, "--serve-bare"])
    figures: dict[str, dict[str, Any]] = {
        name: {"seconds": 0.0, "latencies": [], "errors": 0} for name in ("service", "bare")
    }
    try:
        with multiprocessing.get_context("spawn").Pool(CLIENTS) as pool:
            for port in (service_port, bare_port):  # warm up both
                load(pool, port, 1_000, body)
            rss_before = rss_mb(service.pid)
            per_round = args.requests // ROUNDS
            for _ in range(ROUNDS):
                for name, port in (("service", service_port), ("bare", bare_port)):
                    seconds, latencies, errors = load(pool, port, per_round, body)
                    figures[name]["seconds"] += seconds
                    figures[name]["latencies"] += latencies
                    figures[name]["errors"] += errors
            rss_after = rss_mb(service.pid)
    finally:
        for process in (service, bare):
            process.terminate()
            process.wait(timeout=30)

    print(f"{len(figures['service']['latencies'])} requests per server, {CLIENTS} clients,"
          f" POST /assess (a full profile); Python {sys.version.split()[0]}")  # fmt: skip
    throughput = {}
    for name, f in figures.items():
        lat = f["latencies"]
        throughput[name] = len(lat) / f["seconds"]
        print(
            f"  {name:8} {throughput[name]:8.0f} req/s   p50 {percentile(lat, 50):6.2f} ms"
            f"   p99 {percentile(lat, 99):6.2f} ms   mean {statistics.fmean(lat) * 1000:6.2f} ms"
            f"   errors {f['errors']}"
        )
    ratio = throughput["service"] / throughput["bare"]
    growth = rss_after - rss_before
    errors = sum(f["errors"] for f in figures.values())
    print(f"  throughput ratio {ratio:.2f} (target >= {TARGET_RATIO})")
    print(f"  service memory {rss_before:.1f} MB after warm-up, {rss_after:.1f} MB at the end"
          f" (growth {growth:+.1f} MB, target < {TARGET_GROWTH_MB})")  # fmt: skip
    met = ratio >= TARGET_RATIO and errors == 0 and growth < TARGET_GROWTH_MB
    print("targets met" if met else "TARGETS MISSED")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
