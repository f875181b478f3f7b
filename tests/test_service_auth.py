"""The service's check of a CDS Client's JWT: over real HTTP, and the checker itself.

Skipped, saying so, when the ``service`` extra is not installed.
"""

from __future__ import annotations

import json
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jwt", reason="the service extra is not installed")
pytest.importorskip("starlette", reason="the service extra is not installed")

import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from legcramps import InvalidInput
from legcramps._service.auth import Unauthorized, key_sets, verify
from service_process import Service, running

ISSUER = "https://ehr.example.org"
PUBLIC = "https://cds.example.org"
EC_KEY = ec.generate_private_key(ec.SECP384R1())
RSA_KEY = rsa.generate_private_key(public_exponent=65537, key_size=2048)
OTHER_KEY = ec.generate_private_key(ec.SECP384R1())


def jwk(private: Any, kid: str) -> dict[str, Any]:
    """The public JWK of *private*, named *kid*."""
    is_ec = isinstance(private, ec.EllipticCurvePrivateKey)
    algorithm = jwt.algorithms.ECAlgorithm if is_ec else jwt.algorithms.RSAAlgorithm
    found: dict[str, Any] = algorithm.to_jwk(private.public_key(), as_dict=True)
    found["kid"] = kid
    return found


JWKS = {ISSUER: {"keys": [jwk(EC_KEY, "ec-1"), jwk(RSA_KEY, "rsa-1")]}}


def token(audience: str, **changes: Any) -> str:
    """A JWT as a CDS Client signs it: ES384, kid ec-1, every claim; *changes* override."""
    now = int(time.time())
    claims = {
        "iss": ISSUER,
        "aud": audience,
        "exp": now + 300,
        "iat": now,
        "jti": str(uuid.uuid4()),
    }
    claims.update(changes.pop("claims", {}))
    for name in changes.pop("drop", ()):
        del claims[name]
    headers = {"kid": "ec-1", "typ": "JWT", **changes.pop("headers", {})}
    key = changes.pop("key", EC_KEY)
    algorithm = changes.pop("algorithm", "ES384")
    # PyJWS signs any payload, so that a claim may be of a type PyJWT would not write.
    return jwt.api_jws.PyJWS().encode(json.dumps(claims).encode(), key, algorithm, headers)


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Service]:
    """A service that trusts one issuer, reached at PUBLIC."""
    path: Path = tmp_path_factory.mktemp("jwt") / "issuers.json"
    path.write_text(json.dumps(JWKS), encoding="utf-8")
    with running("--jwt-issuers", str(path), "--public-url", PUBLIC) as s:
        yield s


def bearer(value: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {value}"}


class TestOverHttp:
    def test_discovery_with_a_valid_token(self, service: Service) -> None:
        """A token for the discovery URL, signed by the trusted issuer, is let in."""
        status, _, body = service.call(
            "GET", "/cds-services", headers=bearer(token(f"{PUBLIC}/cds-services"))
        )

        assert 200 == status
        assert 2 == len(body["services"])

    def test_a_service_call_with_an_rsa_token(self, service: Service) -> None:
        """An RS384 token for the service's own URL is let in."""
        audience = f"{PUBLIC}/cds-services/legcramps-patient-view"
        signed = token(audience, key=RSA_KEY, algorithm="RS384", headers={"kid": "rsa-1"})
        request = {
            "hook": "patient-view",
            "hookInstance": "i1",
            "context": {"userId": "Practitioner/1", "patientId": "p1"},
            "prefetch": {"questionnaireResponse": None},
        }

        assert (200, {"cards": []}) == service.call(
            "POST", "/cds-services/legcramps-patient-view", request, headers=bearer(signed)
        )[::2]

    def test_without_a_token_it_is_a_401(self, service: Service) -> None:
        """No token: 401, with WWW-Authenticate, and the reason as a problem."""
        status, headers, body = service.call("GET", "/cds-services")

        assert (401, "Bearer") == (status, headers["www-authenticate"])
        assert "a JWT is required" in body["problems"][0]["received"]

    def test_the_rest_api_needs_no_token(self, service: Service) -> None:
        """Only the CDS Hooks endpoints check tokens."""
        assert 200 == service.call("GET", "/health")[0]

    def test_feedback_needs_a_token_for_its_own_url(self, service: Service) -> None:
        """The feedback endpoint's audience is its own URL."""
        body = {
            "feedback": [
                {"card": "c", "outcome": "overridden", "outcomeTimestamp": "2026-12-01T10:00:00Z"}
            ]
        }
        path = "/cds-services/legcramps-order-select/feedback"

        assert 200 == service.call("POST", path, body, headers=bearer(token(PUBLIC + path)))[0]
        assert (
            401
            == service.call("POST", path, body, headers=bearer(token(f"{PUBLIC}/cds-services")))[0]
        )


class TestTheChecker:
    KEYS = key_sets(JWKS)
    AUDIENCE = f"{PUBLIC}/cds-services"

    @pytest.mark.parametrize(
        ("authorization", "reason"),
        [
            (None, "a JWT is required"),
            ("Basic abc", "a JWT is required"),
            ("Bearer ", "a JWT is required"),
            ("Bearer not.a.jwt", "not a JWT"),
        ],
    )
    def test_a_missing_or_broken_token_is_refused(
        self, authorization: str | None, reason: str
    ) -> None:
        """No bearer token, or one that is no JWT, is refused."""
        with pytest.raises(Unauthorized, match=reason):
            verify(authorization, self.AUDIENCE, self.KEYS)

    @pytest.mark.parametrize(
        ("changes", "reason"),
        [
            ({"claims": {"aud": f"{PUBLIC}/other"}}, "Audience doesn't match"),
            ({"claims": {"exp": int(time.time()) - 3600}}, "expired"),
            ({"claims": {"iss": "https://evil.example.org"}}, "issuer is not trusted"),
            ({"claims": {"iss": 5}}, "issuer is not trusted"),
            ({"drop": ["jti"]}, 'missing the "jti" claim'),
            ({"drop": ["iat"]}, 'missing the "iat" claim'),
            ({"headers": {"kid": "nope"}}, "kid names no key"),
            ({"headers": {"typ": "JOSE"}}, "typ JWT"),
            ({"key": "a-shared-secret-of-32-bytes-long!", "algorithm": "HS256"}, "asymmetric alg"),
            ({"key": OTHER_KEY}, "Signature verification failed"),
        ],
    )
    def test_a_token_that_is_not_right_is_refused(
        self, changes: dict[str, Any], reason: str
    ) -> None:
        """Wrong audience, expired, untrusted issuer, a claim missing, wrong key or alg: refused."""
        with pytest.raises(Unauthorized, match=reason):
            verify(f"Bearer {token(self.AUDIENCE, **changes)}", self.AUDIENCE, self.KEYS)

    def test_a_good_token_gives_its_claims(self) -> None:
        """A valid token's claims come back."""
        claims = verify(f"Bearer {token(self.AUDIENCE)}", self.AUDIENCE, self.KEYS)

        assert (ISSUER, self.AUDIENCE) == (claims["iss"], claims["aud"])

    def test_keys_that_cannot_be_read_are_named(self) -> None:
        """An issuer whose JWK Set is not one is refused, naming the issuer."""
        with pytest.raises(InvalidInput, match=r"jwt_issuers\['https://bad.example'\]"):
            key_sets({"https://bad.example": {"keys": [{"kty": "nope"}]}, ISSUER: JWKS[ISSUER]})
