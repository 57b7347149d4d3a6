"""A fault-injecting reverse proxy: the reference server made wrong in one realistic way at a time."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

import httpx
from liveavatar_server.testing import serve_app

HOP_BY_HOP = {"host", "content-length", "connection", "transfer-encoding", "keep-alive"}
# What h11 (httpx's HTTP/1.1) lets a header value be. The server's parser (httptools) passes some
# bytes h11 refuses to send (control characters from schemathesis' negative phase): the proxy drops
# such a header, as a server that cannot read it would ignore it, instead of failing with a 500.
SENDABLE_VALUE = re.compile(
    r"^([\x21-\x7e\x80-\xff]([\x20\x09\x21-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?)?$"
)


@dataclass(frozen=True, slots=True)
class Exchange:
    """A request as the proxy received it (header names lower-cased)."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def with_key(self, key: str | None) -> Exchange:
        headers = {name: value for name, value in self.headers.items() if name != "x-api-key"}
        if key is not None:
            headers["x-api-key"] = key
        return replace(self, headers=headers)


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=lambda: {"content-type": "application/json"})


Forward = Callable[[Exchange], Awaitable[Reply]]


async def read_request(scope: dict[str, Any], receive: Any) -> tuple[str, bytes]:
    """An ASGI HTTP request's raw path (with its query) and its whole body."""
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    path = scope["raw_path"].decode("latin-1")
    if scope.get("query_string"):
        path += "?" + scope["query_string"].decode("latin-1")
    return path, body


Fault = Callable[[Exchange, Forward], Awaitable[Reply]]


class FaultProxy:
    """ASGI app forwarding every request to `upstream`, through `fault` when one is set."""

    def __init__(self, upstream: str, fault: Fault | None) -> None:
        self._upstream = upstream.rstrip("/")
        self._fault = fault
        self._client: httpx.AsyncClient | None = None

    async def forward(self, exchange: Exchange) -> Reply:
        headers = {
            name: value
            for name, value in exchange.headers.items()
            if name not in HOP_BY_HOP and SENDABLE_VALUE.match(value)
        }
        # One pooled client for the proxy's whole life (opened and closed by the lifespan).
        assert self._client is not None
        response = await self._client.request(
            exchange.method, exchange.path, headers=headers, content=exchange.body
        )
        kept = {k: v for k, v in response.headers.items() if k.lower() not in HOP_BY_HOP}
        return Reply(response.status_code, response.content, kept)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        path, body = await read_request(scope, receive)
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        exchange = Exchange(scope["method"], path, headers, body)
        reply = await (
            self._fault(exchange, self.forward) if self._fault else self.forward(exchange)
        )
        out = [
            (k.encode("latin-1"), v.encode("latin-1"))
            for k, v in reply.headers.items()
            if k.lower() != "content-length"
        ]
        out.append((b"content-length", str(len(reply.body)).encode()))
        await send({"type": "http.response.start", "status": reply.status, "headers": out})
        await send({"type": "http.response.body", "body": reply.body})

    async def _lifespan(self, receive: Any, send: Any) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self._client = httpx.AsyncClient(base_url=self._upstream, timeout=30)
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self._client is not None:
                    await self._client.aclose()
                await send({"type": "lifespan.shutdown.complete"})
                return


@contextmanager
def serve_proxy(upstream: str, fault: Fault | None) -> Iterator[str]:
    """Run the proxy on a free loopback port in a thread; yields its base URL."""
    with serve_asgi(FaultProxy(upstream, fault)) as url:
        yield url


@contextmanager
def serve_asgi(app: Any) -> Iterator[str]:
    """Run an ASGI app (a proxy, a variant) in a thread on a free loopback port; its base URL."""
    # uvicorn binds port 0 itself: a socket handed in through `sockets=` answers ~40 ms slower.
    with serve_app(
        app, lifespan="on", log_level="error", http="httptools", ws="none", loop="asyncio"
    ) as url:
        yield url
