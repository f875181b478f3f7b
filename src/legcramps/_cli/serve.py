"""``legcramps serve``: the REST, FHIR and CDS Hooks service, on uvicorn (the ``service`` extra)."""

from __future__ import annotations

import argparse
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from legcramps import _texts
from legcramps._cli._io import CommandError, translate

#: The exit status when the service cannot start: the port is taken, the host unknown.
CANNOT_START = 1
# Written out, not imported, so that the command line does not load the FHIR view and the
# service to build its parser; tests/test_service_cli.py holds them to the real defaults.
DEFAULT_BASE_URL = "https://legcramps.example.org/fhir"
MAX_BODY_BYTES = 1_000_000


def _port(text: str) -> int:
    if text.isdigit() and int(text) <= 65535:  # the highest TCP port
        return int(text)
    msg = _texts.CLI_NOT_A_PORT.format(given=repr(text))
    raise argparse.ArgumentTypeError(msg)


def add_parser(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``serve`` to *subparsers*."""
    parser = subparsers.add_parser(
        "serve",
        help=_texts.CLI_SERVE_HELP,
        description=_texts.CLI_SERVE_DESCRIPTION,
        allow_abbrev=False,
    )
    parser.add_argument("--host", default="127.0.0.1", help=_texts.CLI_HOST_HELP)
    parser.add_argument("--port", type=_port, default=8000, help=_texts.CLI_PORT_HELP)
    parser.add_argument(
        "--base-url",
        default=DEFAULT_BASE_URL,
        metavar="URL",
        help=_texts.CLI_BASE_URL_HELP.format(url=DEFAULT_BASE_URL),
    )
    parser.add_argument(
        "--jwt-issuers",
        metavar="FILE",
        help=_texts.CLI_JWT_HELP,
    )
    parser.add_argument(
        "--public-url",
        metavar="URL",
        default="",
        help=_texts.CLI_PUBLIC_URL_HELP,
    )
    parser.add_argument(
        "--max-body-bytes",
        type=int,
        default=MAX_BODY_BYTES,
        metavar="N",
        help=_texts.CLI_MAX_BODY_HELP.format(most=MAX_BODY_BYTES),
    )
    parser.add_argument(
        "--access-log",
        action="store_true",
        help=_texts.CLI_ACCESS_LOG_HELP,
    )
    parser.set_defaults(func=_serve)


def _serve(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from legcramps._service.app import create_app
    except ImportError as e:
        msg = _texts.CLI_SERVICE_EXTRA.format(name=e.name)
        raise CommandError(msg) from None
    from legcramps._service.config import make_config

    issuers = None
    if args.jwt_issuers is not None:
        try:
            issuers = Path(args.jwt_issuers).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            cannot = _texts.CLI_CANNOT_READ.format(path=repr(args.jwt_issuers), reason=e)
            msg = _texts.CLI_ARGUMENT.format(argument="--jwt-issuers", message=cannot)
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
        msg = _texts.CLI_CANNOT_LISTEN.format(
            host=args.host, port=args.port, reason=e.strerror or e
        )
        raise CommandError(msg, status=CANNOT_START) from None
    port = sock.getsockname()[1]
    host = f"[{args.host}]" if family == socket.AF_INET6 else args.host
    listening = _texts.CLI_LISTENING.format(url=f"http://{host}:{port}")
    sys.stderr.write(translate(listening, getattr(args, "language", "en")) + "\n")
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
