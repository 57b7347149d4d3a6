"""Security handlers, one per scheme type of the spec (apiKey, http bearer), as connexion has.

An operation's `security` lists alternatives; each names schemes that must all hold. A
handler reads its credential from the request: absent gives None (try the next alternative),
present but wrong raises 401 at once (a wrong key is never rescued by another credential).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from liveavatar_server._errors import ApiError
from liveavatar_server._spec import JSONObject, Operation
from liveavatar_server._store import Principal, Store

__all__ = ["SESSION_COOKIE", "Authenticator", "cookies"]

SESSION_COOKIE = "la_session"
Headers = Mapping[str, str]


def cookies(header: str) -> dict[str, str]:
    """Cookie name -> value of a `Cookie` header (the first of a repeated name wins)."""
    found: dict[str, str] = {}
    for part in header.split(";"):
        name, sep, value = part.strip().partition("=")
        if sep and name not in found:
            found[name] = value.strip().strip('"')
    return found


@dataclass(frozen=True)
class SchemeHandler:
    """Finds and checks one scheme's credential; ``hint`` says how to send it."""

    hint: str
    check: Callable[[Store, Headers], Principal | None]


def _api_key(header: str) -> SchemeHandler:
    """An API key in ``header``; the web app's `la_session` cookie stands for a key too."""

    def check(store: Store, headers: Headers) -> Principal | None:
        key = headers.get(header)
        if key is not None:
            principal = store.principal_for_key(key) if key else None
            if principal is None:
                raise ApiError(401, "Invalid API key")
            return principal
        if "cookie" in headers:
            token = cookies(headers["cookie"]).get(SESSION_COOKIE)
            if token is not None:
                principal = store.principal_for_session(token) if token else None
                if principal is None:
                    raise ApiError(401, "Invalid or expired session")
                return principal
        return None

    return SchemeHandler(f"{header.upper()} (or the la_session cookie)", check)


def _bearer(store: Store, headers: Headers) -> Principal | None:
    value = headers.get("authorization")
    if value is None:
        return None
    scheme, _, token = value.strip().partition(" ")
    if scheme.lower() != "bearer":
        return None
    token = token.strip()
    principal = store.principal_for_session_token(token) if token else None
    if principal is None:
        raise ApiError(401, "Invalid or expired session token")
    return principal


def handler_for(scheme: JSONObject) -> SchemeHandler | None:
    """The handler of one `components/securitySchemes` entry; None for a type we do not serve."""
    kind = scheme.get("type")
    if kind == "apiKey" and scheme.get("in") == "header":
        return _api_key(str(scheme["name"]).lower())
    if kind == "http" and str(scheme.get("scheme", "")).lower() == "bearer":
        return SchemeHandler("Authorization: Bearer <session_token>", _bearer)
    return None


class Authenticator:
    """Applies each operation's security requirements with the spec's scheme handlers."""

    def __init__(self, spec: JSONObject) -> None:
        schemes = spec.get("components", {}).get("securitySchemes", {})
        self.handlers = {
            name: handler
            for name, scheme in schemes.items()
            if (handler := handler_for(scheme)) is not None
        }

    def authenticate(
        self, store: Store, operation: Operation, headers: Headers
    ) -> Principal | None:
        """The caller, None for an operation that needs no credentials; else 401."""
        if not operation.requirements:
            return None
        for requirement in operation.requirements:
            found: Principal | None = None
            for name in sorted(requirement):
                handler = self.handlers.get(name)
                principal = handler.check(store, headers) if handler is not None else None
                if principal is None or (found is not None and found != principal):
                    found = None
                    break
                found = principal
            if found is not None:
                return found
        hints = " or ".join(
            self.handlers[name].hint
            for requirement in operation.requirements
            for name in sorted(requirement)
            if name in self.handlers
        )
        raise ApiError(401, f"Missing credentials: send {hints}")
