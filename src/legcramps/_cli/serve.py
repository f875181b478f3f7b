"""``legcramps serve``: the REST, FHIR and CDS Hooks service, on uvicorn (the ``service`` extra)."""

from __future__ import annotations

import argparse
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from legcramps._cli._io import CommandError

#: The exit status when the service cannot start: the port is taken, the host unknown.
CANNOT_START = 1
# Written out, not imported, so that the command line does not load the FHIR view and the
# service to build its parser; tests/test_service_cli.py holds them to the real defaults.
DEFAULT_BASE_URL = "https://legcramps.example.org/fhir"
MAX_BODY_BYTES = 1_000_000


def _port(text: str) -> int:
    if text.isdigit() and int(text) <= 65535:  # the highest TCP port
        return int(text)
    msg = f"{text!r} is not a port (0 to 65535; 0 picks a free one)"
    raise argparse.ArgumentTypeError(msg)


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``serve`` to *subparsers*."""
    parser = subparsers.add_parser(
        "serve",
        help="serve legcramps over HTTP: REST, FHIR and CDS Hooks (needs legcramps[service])",
        description=(
            "Serve legcramps over HTTP with uvicorn: POST /assess, the FHIR Questionnaire and"
            " RiskAssessment, CDS Hooks 2.0 services, and an OpenAPI document at"
            " /openapi.json. Nothing is logged that identifies a person unless --access-log"
            " is given."
        ),
        allow_abbrev=False,
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=_port, default=8000, help="the port (default: 8000; 0: any free one)"
    )
    parser.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        metavar="URL",
        help=f"the canonical base of the FHIR codes and the form (default: {DEFAULT_BASE_URL})",
    )
    parser.add_argument(
        "--jwt-issuers",
        metavar="FILE",
        help="a JSON file of trusted CDS Clients, {issuer: JWK Set}: CDS Hooks calls need a JWT",
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        default="",
        help="the URL clients reach the service at (a JWT's audience: the endpoint's URL under it)",
    )
    parser.add_argument(
        "--max-body-bytes",
        type=int,
        default=MAX_BODY_BYTES,
        metavar="N",
        help=f"the largest request body taken (default: {MAX_BODY_BYTES})",
    )
    parser.add_argument(
        "--access-log",
        action="store_true",
        help="log every request with the client's address (personal data: off by default)",
    )
    parser.set_defaults(func=_serve)


def _serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from legcramps._service.app import create_app
    except ImportError as e:
        msg = (
            f"the service needs the 'service' extra ({e.name} is missing):"
            " pip install 'legcramps[service]'"
        )
        raise CommandError(msg) from None
    from legcramps._service.config import make_config

    issuers = None
    if args.jwt_issuers is not None:
        try:
            issuers = Path(args.jwt_issuers).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            msg = f"argument --jwt-issuers: cannot read {args.jwt_issuers!r}: {e}"
            raise CommandError(msg) from None
    config = make_config(
        knowledge=args.knowledge,
        base_url=args.base_url,
        max_body_bytes=args.max_body_bytes,
        issuers_json=issuers,
        public_url=args.public_url,
    )
    app = create_app(config)
    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    # proto TCP, not 0: asyncio turns Nagle's algorithm off (TCP_NODELAY) only on sockets
    # that say they are TCP, and with it on, a response written in two parts waits for the
    # client's delayed ACK, some 40 ms, on every keep-alive request.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((args.host, args.port))
        sock.listen(2048)  # so that a client that reads the line below is queued, not refused
    except OSError as e:
        sock.close()
        msg = f"cannot listen on {args.host} port {args.port}: {e.strerror or e}"
        raise CommandError(msg, status=CANNOT_START) from None
    port = sock.getsockname()[1]
    host = f"[{args.host}]" if family == socket.AF_INET6 else args.host
    sys.stderr.write(f"legcramps serve: listening on http://{host}:{port} (Ctrl-C to stop)\n")
    sys.stderr.flush()
    server = uvicorn.Server(
        uvicorn.Config(
            app,
            log_level="warning",
            access_log=args.access_log,
            lifespan="off",
            server_header=False,
        )
    )
    # uvicorn stops gracefully on SIGTERM, then raises it again with the handler it found:
    # this one, so that the command then returns 0 (the default would kill the process).
    signal.signal(signal.SIGTERM, Stop(server))
    with sock:
        server.run(sockets=[sock])
    return 0


class Stop:
    """The SIGTERM handler: ask the server to stop, which it does gracefully."""

    def __init__(self, server: Any) -> None:
        self.server = server

    def __call__(self, *_: object) -> None:
        self.server.should_exit = True
