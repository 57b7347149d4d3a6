"""Interactive API docs at /docs and the effective spec at /openapi.json, from packaged files."""

from __future__ import annotations

from liveavatar_server._app import ASGIApp, Message, Receive, Scope, Send
from liveavatar_server._spec import load_spec_text


def _static(body: bytes, content_type: bytes) -> ASGIApp:
    async def serve(scope: Scope, receive: Receive, send: Send) -> None:
        start: Message = {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
            ],
        }
        await send(start)
        await send({"type": "http.response.body", "body": body})

    return serve


def docs_routes() -> dict[str, ASGIApp]:
    return {"/openapi.json": _static(load_spec_text().encode(), b"application/json")}
