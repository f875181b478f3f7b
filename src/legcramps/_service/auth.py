"""The check of a CDS Client's JWT, as CDS Hooks 2.0 asks (with PyJWT).

A trusted client signs a JWT with an asymmetric key (never ``none``, never HMAC) and
sends it as ``Authorization: Bearer``; its header names the key (``kid``, ``typ`` JWT),
its payload the issuer, the audience (the endpoint's URL), and ``exp``, ``iat`` and
``jti``. The keys of each trusted issuer are configured (their JWK Sets): a ``jku`` is
never fetched. ``jti`` is required but not remembered, since the service keeps no state:
a deployment that must refuse replays within a token's lifetime does so in front of it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jwt

from legcramps._errors import InvalidInput, Problem

#: The algorithms a client may sign with: asymmetric only, as CDS Hooks requires.
ALGORITHMS = ("ES256", "ES384", "ES512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512")
#: The claims every token must have.
REQUIRED = ("iss", "aud", "exp", "iat", "jti")
#: Seconds of clock difference tolerated on ``exp`` and ``iat``.
LEEWAY = 30


class Unauthorized(Exception):
    """A request without an acceptable JWT; the reason is safe to show the caller."""


def key_sets(issuers: Mapping[str, Mapping[str, Any]]) -> dict[str, jwt.PyJWKSet]:
    """Return each issuer's JWK Set, read.

    :raises InvalidInput: naming each issuer whose keys cannot be read.
    """
    found = {issuer: _key_set(jwks) for issuer, jwks in issuers.items()}
    problems = tuple(
        Problem(f"jwt_issuers[{issuer!r}]", f"keys that cannot be read ({keys})", "a JWK Set")
        for issuer, keys in found.items()
        if isinstance(keys, str)
    )
    if problems:
        raise InvalidInput(problems)
    return {issuer: keys for issuer, keys in found.items() if not isinstance(keys, str)}


def _key_set(jwks: Mapping[str, Any]) -> jwt.PyJWKSet | str:
    """Return the JWK Set *jwks*, read; or why it cannot be."""
    try:
        return jwt.PyJWKSet.from_dict(dict(jwks))
    except jwt.PyJWTError as e:
        return str(e)


def verify(
    authorization: str | None, audience: str, keys: Mapping[str, jwt.PyJWKSet]
) -> dict[str, Any]:
    """Return the claims of the bearer token in *authorization*, checked.

    :raises Unauthorized: if there is none, or it is not signed by a trusted issuer's
        key with an allowed algorithm, for *audience*, in date, with every required claim.
    """
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        msg = "a JWT is required: Authorization: Bearer <token>"
        raise Unauthorized(msg)
    token = token.strip()
    try:
        header = jwt.get_unverified_header(token)
        issuer = jwt.decode(token, options={"verify_signature": False}).get("iss")
    except jwt.PyJWTError:
        msg = "the token is not a JWT"
        raise Unauthorized(msg) from None
    if header.get("typ") != "JWT" or header.get("alg") not in ALGORITHMS:
        msg = "the token's header needs typ JWT and an asymmetric alg such as ES384 or RS384"
        raise Unauthorized(msg)
    key_set = keys.get(issuer) if type(issuer) is str else None
    if key_set is None:
        msg = "the token's issuer is not trusted"
        raise Unauthorized(msg)
    key = next((k for k in key_set.keys if k.key_id == header.get("kid")), None)
    if key is None:
        msg = "the token's kid names no key of its issuer"
        raise Unauthorized(msg)
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key.key,  # the public key itself: a JWK without "alg" would allow one alg only
            algorithms=[header["alg"]],
            audience=audience,
            issuer=issuer,
            leeway=LEEWAY,
            options={"require": list(REQUIRED)},
        )
    except jwt.PyJWTError as e:
        msg = f"the token is not valid here: {e}"
        raise Unauthorized(msg) from None
    return claims
