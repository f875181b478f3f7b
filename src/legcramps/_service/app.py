"""The Starlette application of the service: every route, its errors, its limits.

Every body is read with a size limit and parsed by :func:`legcramps.schema.parse_json`;
a body that is not JSON as legcramps reads it is a 400, JSON that is not acceptable a
422 listing every problem (an ``OperationOutcome`` on the FHIR endpoints), a missing
prefetch a 412 with an ``OperationOutcome``. The documents that never change (schemas,
Questionnaire, discovery, OpenAPI) are rendered once, when the application is made;
nothing else is kept between requests, and nothing about a request is logged but the
type of an unexpected error.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from legcramps._catalog import LANGUAGES, Catalog, catalog, choose_language
from legcramps._errors import InvalidInput, Problem
from legcramps._fhir import operation_outcome, risk_assessment
from legcramps._jsonparse import parse_json
from legcramps._knowledge import Knowledge
from legcramps._questionnaire import answers, questionnaire
from legcramps._schema import answers as answers_schema
from legcramps._schema import result as result_schema
from legcramps._service import cds
from legcramps._service.auth import Unauthorized, key_sets, verify
from legcramps._service.config import ServiceConfig
from legcramps._service.openapi import document
from legcramps._version import VERSION

JSON = "application/json"
FHIR = "application/fhir+json"
_LOG = logging.getLogger("legcramps.service")

Handler = Callable[[Request], Awaitable[Response]]
#: The header that says which language a request asks for, and so what a response varies by.
VARY = "Accept-Language"


def language(request: Request) -> Catalog:
    """Return the catalog of the language the request's ``Accept-Language`` asks for most.

    English when the header is missing, names no language legcramps has, or cannot be
    read: a header never makes a request fail.
    """
    header = request.headers.get("accept-language")
    return catalog(choose_language(header, available=LANGUAGES, fallback="en"))


def in_language(response: Response, chosen: Catalog) -> Response:
    """Return *response*, saying its language and that it varies with ``Accept-Language``."""
    response.headers["Content-Language"] = chosen.language
    response.headers["Vary"] = VARY
    return response


class Rejected(Exception):
    """A request refused before its content is read: the status, a message, the problems."""

    def __init__(self, status: int, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.problems = problems


def dumps(value: object) -> bytes:
    """Return *value* as compact UTF-8 JSON (never NaN or infinity)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode()


def _problems(
    status: int,
    message: str,
    error: InvalidInput | None,
    *,
    problems: tuple[Problem, ...] = (),
    outcome: Catalog | None = None,
) -> Response:
    """Return the error response: the problems as JSON, or with *outcome* as an OperationOutcome.

    *outcome* is the language of the request (an OperationOutcome says it, if not English).
    """
    if error is None:
        error = InvalidInput(problems or (Problem("request", message, "an acceptable request"),))
    if outcome is not None:
        code = {
            413: "too-costly",
            412: "required",
            400: "structure",
            401: "security",
            415: "not-supported",
        }.get(status, "invalid")
        if outcome.language == "en":
            return Response(dumps(operation_outcome(error, code)), status, media_type=FHIR)
        resource = operation_outcome(error, code, language=outcome)
        return in_language(Response(dumps(resource), status, media_type=FHIR), outcome)
    body = {"error": message, "problems": [p.to_dict() for p in error.problems], "more": error.more}
    return Response(dumps(body), status, media_type=JSON)


async def read_json(request: Request, limit: int) -> Any:
    """Return the request's body parsed, after checking its type and size.

    :raises Rejected: 413 past *limit* bytes, 415 for a body that is not JSON, 400 for
        JSON that :func:`~legcramps.schema.parse_json` refuses.
    """
    media = request.headers.get("content-type", JSON).partition(";")[0].strip().lower()
    if not (media in {JSON, FHIR} or media.endswith("+json")):
        problem = Problem("content-type", repr(media), "application/json or application/fhir+json")
        raise Rejected(415, "the body must be JSON", (problem,))
    length = request.headers.get("content-length", "")
    too_large = Problem("body", "more bytes than the service takes", f"at most {limit} bytes")
    if length.isdigit() and int(length) > limit:
        raise Rejected(413, "the body is too large", (too_large,))
    chunks = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Rejected(413, "the body is too large", (too_large,))
        chunks.append(chunk)
    try:
        return parse_json(b"".join(chunks))
    except InvalidInput as e:
        raise Rejected(400, "the body is not JSON as legcramps reads it", e.problems) from None


def _endpoint(handler: Handler, *, fhir: bool = False) -> Handler:
    """Wrap *handler*: every refusal becomes its status and problems, anything else a bare 500."""

    async def endpoint(request: Request) -> Response:
        outcome = language(request) if fhir else None  # an OperationOutcome's language
        try:
            return await handler(request)
        except Rejected as e:
            headers = {"WWW-Authenticate": "Bearer"} if e.status == 401 else None
            response = _problems(e.status, e.message, None, problems=e.problems, outcome=outcome)
            if headers:
                response.headers.update(headers)
            return response
        except InvalidInput as e:
            return _problems(422, "the request is not acceptable", e, outcome=outcome)
        except cds.MissingPrefetch as e:
            problems = tuple(
                Problem(
                    f"prefetch.{key}",
                    "nothing (the key is missing)",
                    "the prefetched data, or null if there is none",
                    "this service does not query the FHIR server",
                )
                for key in e.keys
            )
            missing = "prefetched data is missing"
            return _problems(412, missing, None, problems=problems, outcome=language(request))
        except Exception as e:  # noqa: BLE001 - a bug must not show a traceback or personal data
            # No traceback: its values may identify a person.
            _LOG.error("unexpected %s on %s", type(e).__name__, request.url.path)
            problem = Problem("request", "a request the service failed on", "one it can answer")
            return _problems(500, "internal error", None, problems=(problem,), outcome=outcome)

    return endpoint


def _factors(k: Knowledge, chosen: Catalog) -> list[dict[str, Any]]:
    return [
        {
            "id": f.id,
            "question": chosen.text(f.question),
            "kind": f.kind.value,
            "unit": f.unit or None,
            "minimum": f.minimum,
            "maximum": f.maximum,
            "choices": list(f.choices),
            "members": list(f.members),
            "causes": list(f.causes),
            "red_flags": list(f.red_flags),
        }
        for f in k.factors
    ]


def _causes(k: Knowledge, chosen: Catalog) -> list[dict[str, Any]]:
    return [
        {
            "id": c.id,
            "name": chosen.text(c.name),
            "summary": chosen.text(c.summary),
            "advice": [chosen.text(a) for a in c.advice],
            "inputs": [f.id for f in k.inputs_of(c.id)],
            "sources": [
                {"id": s.id, "title": s.title, "citation": s.citation, "url": s.url}
                for s in c.sources
            ],
        }
        for c in k.causes
    ]


def _by_language(bodies: dict[str, object], media: str) -> Handler:
    """Return a handler that answers with the body of the request's language, each rendered once."""
    rendered = {tag: dumps(body) for tag, body in bodies.items()}

    async def handler(request: Request) -> Response:
        chosen = language(request)
        return in_language(Response(rendered[chosen.language], media_type=media), chosen)

    return handler


def _fixed(body: object, media: str = JSON) -> Handler:
    """Return a handler that answers with *body*, rendered once."""
    rendered = dumps(body)

    async def handler(_: Request) -> Response:
        return Response(rendered, media_type=media)

    return handler


class _Service:
    """The handlers that read a request, for one configuration (which never changes)."""

    def __init__(self, config: ServiceConfig) -> None:
        self.config = config
        self.knowledge = config.knowledge
        self.limit = config.max_body_bytes
        self.keys = key_sets(config.issuers) if config.issuers else {}
        self.discovery = dumps(cds.discovery(config))

    def trusted(self, request: Request) -> None:
        """Check the caller's JWT, when the service trusts only some clients."""
        if not self.keys:
            return
        audience = self.config.public_url + request.url.path
        try:
            verify(request.headers.get("authorization"), audience, self.keys)
        except Unauthorized as e:
            problem = Problem("authorization", str(e), "a JWT signed by a trusted CDS Client")
            raise Rejected(401, "unauthorized", (problem,)) from None

    @staticmethod
    def service_id(request: Request) -> str:
        """Return the CDS service the path names, or refuse with a 404."""
        name: str = request.path_params["id"]
        if name not in cds.SERVICES:
            problem = Problem("id", repr(name), " or ".join(cds.SERVICES))
            raise Rejected(404, "no such service", (problem,))
        return name

    async def assess(self, request: Request) -> Response:
        chosen = language(request)
        body = await read_json(request, self.limit)
        result = self.knowledge.assess(body).to_dict(language=chosen)
        return in_language(Response(dumps(result), media_type=JSON), chosen)

    async def questionnaire_response(self, request: Request) -> Response:
        chosen = language(request)
        body = await read_json(request, self.limit)
        given = answers(body, self.knowledge, base_url=self.config.base_url)
        response_id = body.get("id")
        basis = f"QuestionnaireResponse/{response_id}" if type(response_id) is str else None
        status = "final" if body.get("status") in {"completed", "amended"} else "preliminary"
        resource = risk_assessment(
            self.knowledge.assess(given),
            subject=body.get("subject"),
            occurrence=body.get("authored"),
            status=status,
            basis=basis,
            base_url=self.config.base_url,
            language=None if chosen.language == "en" else chosen,
        )
        return in_language(Response(dumps(resource), media_type=FHIR), chosen)

    async def cds_discovery(self, request: Request) -> Response:
        self.trusted(request)
        return Response(self.discovery, media_type=JSON)

    async def cds_service(self, request: Request) -> Response:
        self.trusted(request)
        name = self.service_id(request)
        chosen = language(request)
        body = await read_json(request, self.limit)
        run = cds.patient_view if name == cds.PATIENT_VIEW else cds.order_select
        return in_language(Response(dumps(run(body, self.config, chosen)), media_type=JSON), chosen)

    async def cds_feedback(self, request: Request) -> Response:
        self.trusted(request)
        self.service_id(request)
        body = await read_json(request, self.limit)
        return Response(dumps(cds.feedback(body)), media_type=JSON)


async def _not_routed(_: Request, exc: Exception) -> Response:
    error: HTTPException = exc  # type: ignore[assignment]  # registered for HTTPException
    problem = Problem(
        "path", "a path or method the service does not have", "one of the paths in /openapi.json"
    )
    response = _problems(error.status_code, str(error.detail).lower(), None, problems=(problem,))
    if error.headers:
        response.headers.update(error.headers)
    return response


def create_app(config: ServiceConfig) -> Starlette:
    """Return the service's application for *config*.

    :raises InvalidInput: if a trusted issuer's JWK Set cannot be read.
    """
    s = _Service(config)
    k = config.knowledge

    def texts(view: Callable[[Knowledge, Catalog], object]) -> dict[str, object]:
        return {tag: view(k, catalog(tag)) for tag in LANGUAGES}

    forms: dict[str, object] = {
        tag: questionnaire(k, base_url=config.base_url, language=None if tag == "en" else tag)
        for tag in LANGUAGES
    }
    routes = [
        Route(
            "/health",
            _endpoint(_fixed({"status": "ok", "version": VERSION, "knowledge_version": k.version})),
        ),
        Route("/assess", _endpoint(s.assess), methods=["POST"]),
        Route("/factors", _endpoint(_by_language(texts(_factors), JSON))),
        Route("/causes", _endpoint(_by_language(texts(_causes), JSON))),
        Route("/schema/answers", _endpoint(_fixed(answers_schema(k)))),
        Route("/schema/result", _endpoint(_fixed(result_schema(k)))),
        Route("/questionnaire", _endpoint(_by_language(forms, FHIR), fhir=True)),
        Route(
            "/questionnaire-response",
            _endpoint(s.questionnaire_response, fhir=True),
            methods=["POST"],
        ),
        Route("/openapi.json", _endpoint(_fixed(document(config)))),
        Route("/cds-services", _endpoint(s.cds_discovery)),
        Route("/cds-services/{id}", _endpoint(s.cds_service), methods=["POST"]),
        Route("/cds-services/{id}/feedback", _endpoint(s.cds_feedback), methods=["POST"]),
    ]
    return Starlette(routes=routes, exception_handlers={HTTPException: _not_routed})
