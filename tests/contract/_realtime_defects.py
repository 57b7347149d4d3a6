"""Realistic defects of a LITE socket, planted by a proxy in front of the reference server.

The proxy forwards HTTP (keeping the `Host` header, so the `ws_url` a start answers points at the
proxy) and pumps each socket both ways through a `Defect`'s rewrites: of the server's events
(`down`), of the caller's frames (`up`), of the close code. Each defect names the invariant of
the realtime suite that must catch it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.contract._proxy import read_request

Event = dict[str, Any]
HOP_BY_HOP = {"content-length", "connection", "transfer-encoding", "keep-alive"}
CLOSE = "close"  # a `down` rewrite returning this closes the caller's socket (1011)


def _keep(event: Event) -> list[Event] | str:
    return [event]


def _up(frame: str) -> tuple[bool, list[Event]]:
    return True, []


@dataclass(frozen=True)
class Defect:
    name: str
    caught_by: str
    down: Callable[[Event], list[Event] | str] = _keep
    up: Callable[[str], tuple[bool, list[Event]]] = _up
    close_code: Callable[[int], int] = field(default=lambda code: code)


def _drop(kind: str, state: str | None = None) -> Callable[[Event], list[Event] | str]:
    def down(event: Event) -> list[Event] | str:
        if event.get("type") == kind and (state is None or event.get("state") == state):
            return []
        return [event]

    return down


def _rewrite(kind: str, change: Callable[[Event], Event]) -> Callable[[Event], list[Event] | str]:
    def down(event: Event) -> list[Event] | str:
        return [change(dict(event))] if event.get("type") == kind else [event]

    return down


def _twice(kind: str) -> Callable[[Event], list[Event] | str]:
    def down(event: Event) -> list[Event] | str:
        return [event, event] if event.get("type") == kind else [event]

    return down


def _close_on_error(event: Event) -> list[Event] | str:
    return CLOSE if event.get("type") == "error" else [event]


def _refuse_keep_alive(frame: str) -> tuple[bool, list[Event]]:
    with contextlib.suppress(ValueError):
        if json.loads(frame).get("type") == "session.keep_alive":
            problem = {
                "type": "invalid_request_error",
                "message": "unknown command",
                "event_id": None,
            }
            return False, [{"type": "error", "event_id": str(uuid.uuid4()), "error": problem}]
    return True, []


def _without_task(event: Event) -> Event:
    event.pop("task", None)
    return event


def _other_id(event: Event) -> Event:
    return {**event, "event_id": str(uuid.uuid4())}


DEFECTS = (
    Defect("never-connected", "connected-first", down=_drop("session.state_updated", "connected")),
    Defect("speak-started-wrong-id", "event-id-echoed", down=_rewrite("agent.speak_started", _other_id)),
    Defect("speak-started-without-task", "event-schema", down=_rewrite("agent.speak_started", _without_task)),
    Defect("speak-ended-dropped", "speak-paired", down=_drop("agent.speak_ended")),
    Defect("speak-ended-twice", "speak-paired", down=_twice("agent.speak_ended")),
    Defect("bad-frame-silent", "bad-frame-answered", down=_drop("error")),
    Defect("bad-frame-kills-socket", "bad-frame-answered", down=_close_on_error),
    Defect("keep-alive-unknown", "keep-alive-accepted", up=_refuse_keep_alive),
    Defect("stop-without-closed", "stop-closes", down=_drop("session.state_updated", "closed")),
    Defect("stop-closes-with-1011", "stop-closes", close_code=lambda code: 1011 if code == 1000 else code),
)  # fmt: skip


class DefectProxy:
    """ASGI: HTTP forwarded as is, sockets through ``defect`` (None: a faithful proxy)."""

    def __init__(self, upstream: str, defect: Defect | None) -> None:
        self.upstream = upstream.rstrip("/")
        self.defect = defect or Defect("none", "")

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http":
            await self._http(scope, receive, send)
        elif scope["type"] == "websocket":
            await self._socket(scope, receive, send)

    async def _http(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        path, body = await read_request(scope, receive)
        headers = [
            (k.decode("latin-1"), v.decode("latin-1"))
            for k, v in scope["headers"]
            if k.decode("latin-1").lower() not in HOP_BY_HOP
        ]
        async with httpx.AsyncClient(timeout=30) as client:
            response = await client.request(
                scope["method"], self.upstream + path, headers=headers, content=body
            )
        out = [
            (k.encode("latin-1"), v.encode("latin-1"))
            for k, v in response.headers.items()
            if k.lower() not in HOP_BY_HOP
        ]
        out.append((b"content-length", str(len(response.content)).encode()))
        await send({"type": "http.response.start", "status": response.status_code, "headers": out})
        await send({"type": "http.response.body", "body": response.content})

    async def _socket(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        await receive()  # websocket.connect
        target = self.upstream.replace("http://", "ws://", 1) + scope["path"]
        if scope.get("query_string"):
            target += "?" + scope["query_string"].decode("latin-1")
        defect = self.defect
        async with connect(target, max_size=4 * 1024 * 1024) as upstream:
            await send({"type": "websocket.accept"})

            async def caller_to_server() -> None:
                while True:
                    message = await receive()
                    if message["type"] == "websocket.disconnect":
                        await upstream.close()
                        return
                    text = message.get("text")
                    if text is None:
                        await upstream.send(message.get("bytes") or b"")
                        continue
                    forward, replies = defect.up(text)
                    for reply in replies:
                        await send({"type": "websocket.send", "text": json.dumps(reply)})
                    if forward:
                        await upstream.send(text)

            async def server_to_caller() -> None:
                try:
                    async for frame in upstream:
                        rewritten = defect.down(json.loads(frame))
                        if rewritten == CLOSE:
                            await send({"type": "websocket.close", "code": 1011})
                            return
                        for event in rewritten:
                            await send({"type": "websocket.send", "text": json.dumps(event)})
                except ConnectionClosed:
                    pass
                code = upstream.close_code or 1000
                await send({"type": "websocket.close", "code": defect.close_code(code)})

            tasks = [
                asyncio.ensure_future(caller_to_server()),
                asyncio.ensure_future(server_to_caller()),
            ]
            await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in tasks:
                task.cancel()
                # The caller may be gone already: what either side raised ends the pump only.
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await task
