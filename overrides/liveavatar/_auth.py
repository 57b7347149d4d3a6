"""Credentials per operation, from its spec `security`: the API key, the bearer session token, either, or none."""

from __future__ import annotations

from liveavatar_api.resources import SECURITY_SCHEMES, Operation

from liveavatar._settings import API_KEY_ENV, SESSION_COOKIE, SESSION_TOKEN_ENV, Settings
from liveavatar.errors import LiveAvatarError

__all__ = ["credential_headers"]


def _is_bearer(scheme: str) -> bool:
    found = SECURITY_SCHEMES.get(scheme, {})
    return found.get("type") == "http" and found.get("scheme", "").lower() == "bearer"


def _headers_for(
    alternative: tuple[str, ...], settings: Settings, session_token: str | None
) -> dict[str, str] | None:
    """The headers that satisfy every scheme of one alternative, or None if one is missing."""
    headers: dict[str, str] = {}
    for name in alternative:
        scheme = SECURITY_SCHEMES.get(name, {})
        if scheme.get("type") == "apiKey" and scheme.get("in") == "header":
            if not settings.api_key:
                return None
            headers[scheme["name"]] = settings.api_key
        elif _is_bearer(name):
            if not session_token:
                return None
            headers["Authorization"] = f"Bearer {session_token}"
        else:  # a scheme this client cannot satisfy (oauth2, a cookie key, ...)
            return None
    return headers


def _describe(scheme: str, key_would_do: bool) -> str:
    if _is_bearer(scheme):
        # Where an API key would do, pointing at the token's source could point at this very
        # operation (`create_token` takes either): the key is the way in.
        source = "" if key_would_do else "; client.sessions.create_token returns one"
        return (
            "a session token (session_token=... on the call or the client, or "
            f"{SESSION_TOKEN_ENV}{source})"
        )
    found = SECURITY_SCHEMES.get(scheme, {})
    if found.get("type") == "apiKey":
        return f"an API key (api_key=... or {API_KEY_ENV}; sent as {found.get('name')})"
    return f"the {scheme} credential"


def credential_headers(
    operation: Operation, settings: Settings, session_token: str | None
) -> dict[str, str]:
    """The headers one call of `operation` sends; raises before any request if one is missing.

    A session token given to the call wins where the operation accepts one; otherwise the first
    alternative of the spec's `security` the client can satisfy is used. An operation without
    security sends no credential. Where the operation reads the `la_session` cookie, a client
    made with `session=` sends it, and it stands in for the API key.
    """
    headers: dict[str, str] = {}
    cookie = settings.session if SESSION_COOKIE in operation.cookies else None
    if cookie:
        headers["Cookie"] = f"{SESSION_COOKIE}={cookie}"
    if not operation.security:
        return headers
    alternatives = operation.security
    if session_token:  # asked for on this call: prefer the alternatives that use it
        alternatives = tuple(sorted(alternatives, key=lambda alt: not any(map(_is_bearer, alt))))
    token = session_token or settings.session_token
    for alternative in alternatives:
        found = _headers_for(alternative, settings, token)
        if found is not None:
            return headers | found
    if cookie:
        return headers
    key_would_do = any(
        all(SECURITY_SCHEMES.get(name, {}).get("type") == "apiKey" for name in alt)
        for alt in operation.security
    )
    needs = " or ".join(
        " and ".join(_describe(name, key_would_do) for name in alt) for alt in operation.security
    )
    raise LiveAvatarError(f"client.{operation.resource}.{operation.name} needs {needs}.")
