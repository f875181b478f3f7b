"""``legcramps serve`` and the parts of the service that a request over HTTP cannot reach.

The settings' checks, the command's refusals, a bug's bare 500, and the card texts of
custom knowledge. Skipped, saying so, when the ``service`` extra is not installed
(except what the command says then, which is tested without it).
"""

from __future__ import annotations

import asyncio
import logging
import socket
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import legcramps
import legcramps.fhir
from helpers import knowledge, run_in_process
from legcramps._cli import serve as serve_command

needs_service = pytest.mark.skipif(
    any(__import__("importlib").util.find_spec(m) is None for m in ("starlette", "uvicorn", "jwt")),
    reason="the service extra is not installed",
)


class TestTheCommand:
    def test_help_lists_the_options(self) -> None:
        """serve --help names every option."""
        status, out, _ = run_in_process("serve", "--help")

        assert 0 == status
        for option in (
            "--host",
            "--port",
            "--base-url",
            "--jwt-issuers",
            "--public-url",
            "--max-body-bytes",
            "--access-log",
        ):
            assert option in out

    def test_its_defaults_are_the_librarys(self) -> None:
        """The defaults written out in the command are the FHIR view's and the service's."""
        from legcramps._service.config import MAX_BODY_BYTES

        assert legcramps.fhir.DEFAULT_BASE_URL == serve_command.DEFAULT_BASE_URL
        assert MAX_BODY_BYTES == serve_command.MAX_BODY_BYTES

    @pytest.mark.parametrize("port", ["-1", "65536", "http"])
    def test_a_bad_port_is_a_usage_error(self, port: str) -> None:
        """A port outside 0 to 65535 is refused by the parser, exit status 2."""
        status, _, err = run_in_process("serve", "--port", port)

        assert 2 == status
        assert "is not a port" in err

    def test_without_the_extra_it_says_what_to_install(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Without uvicorn, serve says to install legcramps[service], exit status 2."""
        monkeypatch.setitem(sys.modules, "uvicorn", None)

        status, _, err = run_in_process("serve")

        assert 2 == status
        assert "pip install 'legcramps[service]'" in err

    @needs_service
    @pytest.mark.parametrize(
        ("args", "match"),
        [
            (["--base-url", "fhir.example.org"], "base_url: received 'fhir.example.org'"),
            (["--max-body-bytes", "0"], "max_body_bytes: received 0"),
            (["--public-url", "x"], "public_url: received 'x'"),
            (
                ["--jwt-issuers", "/nonexistent/issuers.json"],
                "cannot read '/nonexistent/issuers.json'",
            ),
        ],
    )
    def test_bad_settings_are_refused(self, args: list[str], match: str) -> None:
        """Each bad setting is reported on one line, exit status 2, before anything listens."""
        status, _, err = run_in_process("serve", *args)

        assert 2 == status
        assert match in err

    @needs_service
    @pytest.mark.parametrize(
        ("issuers", "match"),
        [
            ("not json", "jwt_issuers: received a text that is not JSON"),
            ("{}", "jwt_issuers: received {}"),
            ('{"https://ehr.example": {"keys": []}}', "jwt_issuers: received"),
            ('{"https://ehr.example": {"keys": [{"kty": "nope"}]}}', "keys that cannot be read"),
        ],
    )
    def test_bad_issuers_are_refused(self, tmp_path: Path, issuers: str, match: str) -> None:
        """An issuers file that is not issuers with JWK Sets is refused."""
        path = tmp_path / "issuers.json"
        path.write_text(issuers, encoding="utf-8")

        status, _, err = run_in_process(
            "serve", "--jwt-issuers", str(path), "--public-url", "https://cds.example.org"
        )

        assert 2 == status
        assert match in err

    @needs_service
    def test_issuers_need_a_public_url(self, tmp_path: Path) -> None:
        """Trusting issuers needs the service's public URL, the tokens' audience."""
        path = tmp_path / "issuers.json"
        path.write_text(
            '{"https://ehr.example": {"keys": [{"kty": "oct", "k": "AA"}]}}', encoding="utf-8"
        )

        status, _, err = run_in_process("serve", "--jwt-issuers", str(path))

        assert 2 == status
        assert "public_url: received ''" in err

    def test_sigterm_asks_the_server_to_stop(self) -> None:
        """The SIGTERM handler asks the server to stop gracefully, nothing more."""

        class Server:
            should_exit = False

        server = Server()
        serve_command.Stop(server)(15, None)

        assert server.should_exit

    @needs_service
    def test_a_port_in_use_cannot_be_listened_on(self) -> None:
        """A port another socket holds ends the command with exit status 1."""
        with socket.socket() as taken:
            taken.bind(("127.0.0.1", 0))
            taken.listen()
            port = str(taken.getsockname()[1])

            status, _, err = run_in_process("serve", "--host", "127.0.0.1", "--port", port)

        assert 1 == status
        assert f"cannot listen on 127.0.0.1 port {port}" in err


@needs_service
class TestTheApplication:
    def test_a_bug_is_a_bare_500_that_logs_only_its_type(
        self, caplog: pytest.LogCaptureFixture
    ) -> None:
        """An unexpected error answers 500 with no detail; the log names its type and path only."""
        from starlette.requests import Request
        from starlette.responses import Response

        from legcramps._service.app import _endpoint

        async def broken(_: Request) -> Any:
            msg = "Patient/secret-1"
            raise RuntimeError(msg)

        scope = {
            "type": "http",
            "method": "GET",
            "path": "/assess",
            "headers": [],
            "query_string": b"",
        }

        async def call() -> Response:
            return await _endpoint(broken)(Request(scope))

        with caplog.at_level(logging.ERROR, logger="legcramps.service"):
            response = asyncio.run(call())

        assert 500 == response.status_code
        assert "secret" not in bytes(response.body).decode()
        assert ["unexpected RuntimeError on /assess"] == [r.getMessage() for r in caplog.records]

    def test_the_settings_default_to_the_builtin_knowledge(self) -> None:
        """make_config() with nothing given serves the built-in knowledge at the default base."""
        from legcramps._service.config import make_config

        config = make_config()

        assert (legcramps.KNOWLEDGE, legcramps.fhir.DEFAULT_BASE_URL, {}) == (
            config.knowledge,
            config.base_url,
            dict(config.issuers),
        )


@needs_service
class TestCardTexts:
    def config(self, k: legcramps.Knowledge) -> Any:
        from legcramps._service.config import make_config

        return make_config(knowledge=k)

    def test_a_long_summary_is_cut_below_140_characters(self) -> None:
        """A red flag with a long name still gives a summary under 140 characters."""
        from legcramps._service import cds

        flag = attrs.evolve(
            legcramps.KNOWLEDGE.red_flag("pulmonary_embolism"), name="Chest pain " * 20
        )
        k = knowledge(red_flags=(flag, *legcramps.KNOWLEDGE.red_flags[1:]))
        response = legcramps.fhir.questionnaire_response(
            {"chest_pain_or_breathlessness": True}, k, subject="Patient/1"
        )
        body = {
            "hook": "patient-view",
            "hookInstance": "i",
            "context": {"userId": "Practitioner/1", "patientId": "1"},
            "prefetch": {"questionnaireResponse": response},
        }
        (card,) = cds.patient_view(body, self.config(k))["cards"]

        assert 139 == len(card["summary"])
        assert card["summary"].endswith("...")

    def test_a_long_medication_name_is_cut_too(self) -> None:
        """An order-select summary of a long medication name stays under 140 characters."""
        from legcramps._service import cds

        med = attrs.evolve(
            legcramps.KNOWLEDGE.medications[0], generic="furosemide " * 12, brands=("Longname",)
        )
        k = knowledge(medications=(med, *legcramps.KNOWLEDGE.medications[1:]))
        order = {
            "resourceType": "MedicationRequest",
            "id": "o1",
            "medicationReference": {"display": "Longname"},
        }
        body = {
            "hook": "order-select",
            "hookInstance": "i",
            "context": {
                "userId": "Practitioner/1",
                "patientId": "1",
                "selections": ["MedicationRequest/o1"],
                "draftOrders": {"resourceType": "Bundle", "entry": [{"resource": order}]},
            },
            "prefetch": {"questionnaireResponse": legcramps.fhir.questionnaire_response({}, k)},
        }
        (card,) = cds.order_select(body, self.config(k))["cards"]

        assert 139 == len(card["summary"])

    def test_a_result_without_advice_has_no_advice_section(self) -> None:
        """The card detail lists advice only when there is some."""
        from legcramps._service import cds

        a = attrs.evolve(legcramps.assess(sitting_hours=6), advice=())

        assert "Advice:" not in cds._detail(a)  # noqa: SLF001 - the text of one card
        assert "Advice:" in cds._detail(legcramps.assess(sitting_hours=6))  # noqa: SLF001
