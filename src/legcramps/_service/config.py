"""The service's settings: what ``legcramps serve`` is given, checked once at start."""

from __future__ import annotations

import json
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

import attrs

from legcramps._errors import Problems, describe
from legcramps._fhir import DEFAULT_BASE_URL, check_base_url
from legcramps._knowledge import KNOWLEDGE, Knowledge

#: The largest request body taken by default, in bytes: a full QuestionnaireResponse is
#: about 10 kB, a CDS Hooks call with its prefetch rarely more than a few hundred.
MAX_BODY_BYTES = 1_000_000
#: The most a deployment may set it to.
MAX_BODY_LIMIT = 100_000_000


@attrs.frozen(weakref_slot=False)
class ServiceConfig:
    """How one service runs: its knowledge, its FHIR base, its limit and whom it trusts.

    *issuers* maps each trusted CDS Client's ``iss`` to its JWK Set (``{"keys": [...]}``);
    when there are any, every CDS Hooks call must carry a JWT that one of them signed,
    with ``aud`` the endpoint's URL under *public_url*.
    """

    knowledge: Knowledge = KNOWLEDGE
    base_url: str = DEFAULT_BASE_URL
    max_body_bytes: int = MAX_BODY_BYTES
    issuers: Mapping[str, Mapping[str, Any]] = attrs.field(factory=lambda: MappingProxyType({}))
    public_url: str = ""


def make_config(
    *,
    knowledge: Knowledge = KNOWLEDGE,
    base_url: object = DEFAULT_BASE_URL,
    max_body_bytes: object = MAX_BODY_BYTES,
    issuers_json: str | None = None,
    public_url: object = "",
) -> ServiceConfig:
    """Return the checked settings, or raise :class:`~legcramps.InvalidInput` listing every problem.

    *issuers_json* is the text of a JSON object mapping each issuer to its JWK Set.
    """
    problems = Problems()
    base = check_base_url(base_url, problems)
    if not (type(max_body_bytes) is int and 1 <= max_body_bytes <= MAX_BODY_LIMIT):
        expected = f"a whole number of bytes from 1 to {MAX_BODY_LIMIT}"
        problems.add("max_body_bytes", describe(max_body_bytes), expected)
    issuers = _issuers(issuers_json, problems)
    public = ""
    if public_url:
        inner = Problems()
        public = check_base_url(public_url, inner)
        if inner:
            problems.add(
                "public_url",
                describe(public_url),
                "the http(s) URL clients reach the service at, without a final '/'",
            )
    if issuers and not public:
        problems.add(
            "public_url",
            describe(public_url),
            "the URL clients reach the service at, such as 'https://cds.example.org': a"
            " JWT's audience is the endpoint's URL under it",
        )
    if problems:
        raise problems.error()
    return ServiceConfig(
        knowledge=knowledge,
        base_url=base,
        max_body_bytes=max_body_bytes,  # type: ignore[arg-type]  # checked above
        issuers=issuers,
        public_url=public,
    )


def _issuers(text: str | None, problems: Problems) -> Mapping[str, Mapping[str, Any]]:
    if text is None:
        return MappingProxyType({})
    expected = (
        'a JSON object of issuers, each with its JWK Set: {"https://ehr.example.org":'
        ' {"keys": [...]}}'
    )
    try:
        found = json.loads(text)
    except ValueError:
        problems.add("jwt_issuers", "a text that is not JSON", expected)
        return MappingProxyType({})
    if not (
        type(found) is dict
        and found
        and all(
            type(jwks) is dict and type(jwks.get("keys")) is list and jwks["keys"]
            for jwks in found.values()
        )
    ):
        problems.add("jwt_issuers", describe(found), expected)
        return MappingProxyType({})
    return MappingProxyType({iss: MappingProxyType(jwks) for iss, jwks in found.items()})
