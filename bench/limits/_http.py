"""The HTTP side both limit apps share: a bare ASGI app, a dict of keys, two routes."""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

__all__ = ["COLUMNS", "PATH", "Handler", "http_app"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGI = Callable[[Scope, Receive, Send], Awaitable[None]]
# (space, request body or the id asked for) -> (status, response body)
Handler = Callable[[str, Any], Awaitable[tuple[int, bytes]]]

PATH = "/v1/llm-configurations"
COLUMNS = ("id", "display_name", "model_name", "secret_id", "base_url", "created_at", "updated_at")
# Any X-API-KEY in this dict passes and names its space (the bench's peer key).
KEYS = {os.environ.get("LIVEAVATAR_PEER_API_KEY", "bench-peer-key").encode(): "space"}
_JSON = (b"content-type", b"application/json")


def http_app(create: Handler, get: Handler) -> ASGI:
    """POST PATH -> create(space, body); GET PATH/{id} -> get(space, id); 401 without a key."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        chunks, more = [], True
        while more:
            message = await receive()
            chunks.append(message.get("body", b""))
            more = message.get("more_body", False)
        space = next((KEYS.get(v) for k, v in scope["headers"] if k == b"x-api-key"), None)
        path: str = scope["path"]
        if space is None:
            status, body = 401, b'{"code":401,"data":null,"message":"Invalid API key"}'
        elif scope["method"] == "POST" and path == PATH:
            status, body = await create(space, b"".join(chunks))
        elif scope["method"] == "GET" and path.startswith(PATH + "/"):
            status, body = await get(space, path[len(PATH) + 1 :])
        else:
            status, body = 404, b'{"detail":"Not Found"}'
        headers = [_JSON, (b"content-length", b"%d" % len(body))]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return app
