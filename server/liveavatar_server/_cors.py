"""CORS for browser apps: preflights answered for every path, allowed origins echoed.

`LIVEAVATAR_CORS_ORIGINS`: comma-separated origins (`https://app.example.com`), `*` for any
(development); unset: any `http://localhost:<port>` and `http://127.0.0.1:<port>` origin. A
request from another origin gets no CORS headers (the browser then refuses the answer); a
preflight from it is answered 403. Nothing is sent with credentials mode (the API's credentials
are headers, `X-API-KEY` or `Authorization`, never cookies).
"""

from __future__ import annotations

import re

from liveavatar_server._app import ASGIApp, Message, Receive, Scope, Send

__all__ = ["CORS", "origin_matcher"]

_LOCAL = re.compile(r"^http://(localhost|127\.0\.0\.1)(:\d{1,5})?$")
_METHODS = b"GET, POST, PUT, PATCH, DELETE, OPTIONS"
_HEADERS = b"Authorization, X-API-KEY, Content-Type, Accept, X-Request-ID"
_EXPOSE = b"Retry-After, X-Request-ID, Allow"
_MAX_AGE = b"600"


def origin_matcher(setting: str | None) -> re.Pattern[str] | frozenset[str]:
    """The allowed origins of ``setting``: a pattern (the localhost default) or a set."""
    if setting is None or not setting.strip():
        return _LOCAL
    return frozenset(part.strip().rstrip("/") for part in setting.split(",") if part.strip())


class CORS:
    """The outermost layer: answers preflights, adds `Access-Control-*` to allowed origins."""

    def __init__(self, app: ASGIApp, origins: str | None) -> None:
        self.app = app
        self.allowed = origin_matcher(origins)

    def allows(self, origin: str) -> bool:
        if isinstance(self.allowed, re.Pattern):
            return self.allowed.match(origin) is not None
        return "*" in self.allowed or origin in self.allowed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        origin = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"origin"), None)
        if origin is None:
            await self.app(scope, receive, send)
            return
        allowed = self.allows(origin)
        preflight = scope["method"] == "OPTIONS" and any(
            k == b"access-control-request-method" for k, _ in scope["headers"]
        )
        if preflight:
            await self._preflight(send, origin if allowed else None)
            return
        if not allowed:
            await self.app(scope, receive, send)
            return
        headers = [
            (b"access-control-allow-origin", origin.encode("latin-1")),
            (b"access-control-expose-headers", _EXPOSE),
            (b"vary", b"Origin"),
        ]

        async def with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": [*message.get("headers", []), *headers]}
            await send(message)

        await self.app(scope, receive, with_cors)

    @staticmethod
    async def _preflight(send: Send, origin: str | None) -> None:
        headers = [(b"vary", b"Origin"), (b"content-length", b"0")]
        if origin is not None:
            headers += [
                (b"access-control-allow-origin", origin.encode("latin-1")),
                (b"access-control-allow-methods", _METHODS),
                (b"access-control-allow-headers", _HEADERS),
                (b"access-control-max-age", _MAX_AGE),
            ]
        status = 204 if origin is not None else 403
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": b""})
