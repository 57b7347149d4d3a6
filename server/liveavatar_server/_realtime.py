"""The LITE socket at `ws_url`: an ASGI `websocket` scope in front of the HTTP application.

On connect: the URL's credential (`_realtime_token`), then the session, which must be a running
LITE session of the credential's space (else the socket is accepted and closed with the
document's code: nothing answers a handshake with a 500). Then `connecting`, `connected`, and
one loop: frames in (`_realtime_protocol`), the avatar's events out (`_avatar`) as the store's
clock reaches them, and every `poll_interval` the session re-read from the database, so a stop,
an idle timeout or the duration limit reached through any process closes the socket
(`closing`, `closed`, code 1000). A session operation this process serves successfully wakes its
sockets to re-read at once (a stop served here closes them in milliseconds, not at the poll).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import Callable
from typing import TypeVar
from urllib.parse import parse_qs

import pydantic_core

from liveavatar_server import _sessions as sessions
from liveavatar_server._app import ASGIApp, Message, Receive, Scope, Send
from liveavatar_server._avatar import Avatar, Event
from liveavatar_server._prepared import RetryAlone
from liveavatar_server._realtime_protocol import (
    CLOSE_ENDED,
    CLOSE_NOT_FOUND,
    CLOSE_NOT_LITE,
    CLOSE_NOT_RUNNING,
    CLOSE_SERVER_ERROR,
    CLOSE_UNAUTHORIZED,
    Frame,
    ProtocolError,
    error_event,
    parse_frame,
    state_event,
    warning_event,
)
from liveavatar_server._realtime_token import socket_session
from liveavatar_server._store import Row, Store

__all__ = ["RealtimeSockets"]

log = logging.getLogger("liveavatar_server.realtime")
_PATH = re.compile(r"^/v1/sessions/(?P<session_id>[^/]+)/ws$")
_SESSIONS = "/v1/sessions/"
_WAKE = "liveavatar.wake"  # not an ASGI message type: the loop's own
T = TypeVar("T")


async def in_store(store: Store, work: Callable[[], T]) -> T:
    """``work`` on the store as a request does it (`ReferenceServer._serve`): its writes committed."""
    try:
        result = work()
    except RetryAlone:
        store.alone()
        try:
            result = work()
        finally:
            store.grouped()
    committed = store.committed()
    if committed is not None:
        await committed
    return result


class _Closed(Exception):
    """The peer went away."""


class _Socket:
    """One accepted socket: its sends, and the frames its reader task queues."""

    def __init__(self, receive: Receive, send: Send) -> None:
        self._receive = receive
        self._send = send
        # Bounded: a caller sending faster than the socket serves waits (backpressure).
        self.frames: asyncio.Queue[Message] = asyncio.Queue(maxsize=32)
        self.open = True

    async def read(self) -> None:
        while True:
            message = await self._receive()
            await self.frames.put(message)
            if message["type"] == "websocket.disconnect":
                return

    async def send(self, event: Event) -> None:
        if not self.open:
            raise _Closed
        try:
            await self._send(
                {"type": "websocket.send", "text": pydantic_core.to_json(event).decode()}
            )
        except OSError:
            self.open = False
            raise _Closed from None

    def wake(self) -> None:
        """Have the loop re-read its session now (a session call just succeeded here)."""
        with contextlib.suppress(asyncio.QueueFull):
            self.frames.put_nowait({"type": _WAKE})

    async def close(self, code: int, reason: str = "") -> None:
        if self.open:
            self.open = False
            with contextlib.suppress(OSError, RuntimeError):
                await self._send({"type": "websocket.close", "code": code, "reason": reason})


class RealtimeSockets:
    """Serves `websocket` scopes at the socket path; everything else goes to ``app``."""

    def __init__(self, app: ASGIApp, store: Store) -> None:
        self.app = app
        self.store = store
        self.settings = store.settings.realtime
        self.sockets: set[_Socket] = set()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "websocket":
            if self.sockets and scope["type"] == "http" and scope["path"].startswith(_SESSIONS):
                await self._session_call(scope, receive, send)
            else:
                await self.app(scope, receive, send)
            return
        message = await receive()
        if message["type"] != "websocket.connect":
            return
        matched = _PATH.match(scope["path"])
        if matched is None:
            # Not a socket of ours: refuse the handshake (an HTTP 403 from the ASGI server).
            await send({"type": "websocket.close", "code": CLOSE_NOT_FOUND})
            return
        socket = _Socket(receive, send)
        await send({"type": "websocket.accept"})
        try:
            await self._serve(socket, scope, matched["session_id"])
        except _Closed:
            pass
        except Exception:
            log.exception("unhandled error on a realtime socket")
            await socket.close(CLOSE_SERVER_ERROR, "server error")

    async def _session_call(self, scope: Scope, receive: Receive, send: Send) -> None:
        """A session operation served here: on success the sockets of this process re-read
        their sessions at once (a stop from another process waits for their next poll)."""
        status = 0

        async def watched(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, watched)
        if scope["method"] == "POST" and 200 <= status < 300:
            for socket in list(self.sockets):
                socket.wake()

    async def _admit(self, socket: _Socket, scope: Scope, session_id: str) -> Row | None:
        """The running LITE session the URL names, or None after closing with the reason."""
        query = parse_qs(scope.get("query_string", b"").decode("latin-1"))
        token = (query.get("token") or [""])[0]
        space_id = socket_session(self.store.livekit, token, session_id) if token else None
        if space_id is None:
            await socket.close(CLOSE_UNAUTHORIZED, "invalid or missing token")
            return None
        row = await in_store(self.store, lambda: sessions.get(self.store, space_id, session_id))
        if row is None:
            await socket.close(CLOSE_NOT_FOUND, "session not found")
            return None
        if row["mode"] != "LITE":
            await socket.close(CLOSE_NOT_LITE, "not a LITE session")
            return None
        if row["state"] != sessions.RUNNING:
            await socket.close(CLOSE_NOT_RUNNING, f"session is {row['state']}")
            return None
        return row

    async def _serve(self, socket: _Socket, scope: Scope, session_id: str) -> None:
        reader = asyncio.ensure_future(socket.read())
        try:
            row = await self._admit(socket, scope, session_id)
            if row is not None:
                self.sockets.add(socket)
                await socket.send(state_event("connecting"))
                await socket.send(state_event("connected"))
                await _Conversation(self, socket, row).run()
        finally:
            self.sockets.discard(socket)
            reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await reader


class _Conversation:
    """The loop of one connected socket."""

    def __init__(self, sockets: RealtimeSockets, socket: _Socket, row: Row) -> None:
        self.store = sockets.store
        self.poll = sockets.settings.poll_interval
        self.socket = socket
        self.space_id: str = row["space_id"]
        self.session_id: str = row["id"]
        self.avatar = Avatar(sockets.settings.playback_speed)

    def now(self) -> float:
        return self.store.clock().timestamp()

    async def _emit(self, events: list[Event]) -> None:
        for event in events:
            await self.socket.send(event)

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        next_poll = loop.time() + self.poll
        while True:
            # Wake for the next frame, the avatar's next event or the next poll, which comes
            # first; a clock moved ahead by a test is seen at the next poll at the latest.
            due = self.avatar.next_due(self.now())
            wait = max(0.0, next_poll - loop.time())
            if due is not None:
                wait = min(wait, due)
            try:
                message = await asyncio.wait_for(self.socket.frames.get(), timeout=wait)
            except TimeoutError:
                message = None
            if message is not None and message["type"] == _WAKE:
                next_poll, message = loop.time(), None
            if message is not None:
                if message["type"] == "websocket.disconnect":
                    self.socket.open = False
                    return
                if not await self._command(message):
                    return
            await self._emit(self.avatar.advance(self.now()))
            if loop.time() >= next_poll:
                next_poll = loop.time() + self.poll
                if await self._ended():
                    return

    async def _ended(self) -> bool:
        """Whether the session ended (then `closing`, `closed` and code 1000 were sent)."""
        store, space_id, session_id = self.store, self.space_id, self.session_id
        # The poll: this session's deadlines applied, one row read (not the space's).
        if not await in_store(store, lambda: sessions.has_ended(store, space_id, session_id)):
            return False
        row = await in_store(store, lambda: sessions.get(store, space_id, session_id))
        await self._close(row["end_reason"] if row is not None else None)
        return True

    async def _close(self, reason: str | None) -> None:
        await self.socket.send(state_event("closing", reason))
        await self.socket.send(state_event("closed", reason))
        await self.socket.close(CLOSE_ENDED, reason or "session ended")

    async def _command(self, message: Message) -> bool:
        """Serve one frame; False when the session turned out to have ended."""
        try:
            frame = parse_frame(message)
        except ProtocolError as exc:
            await self.socket.send(error_event(exc))
            return True
        if frame.type == "session.keep_alive":
            return await self._keep_alive()
        await self._emit(self._avatar_command(frame))
        return True

    def _avatar_command(self, frame: Frame) -> list[Event]:
        now = self.now()
        avatar = self.avatar
        if frame.type == "agent.speak":
            return avatar.speak(frame.event_id, len(frame.audio), now)
        if frame.type == "agent.speak_end":
            events = avatar.speak_end(frame.event_id, now)
            if events is None:
                return [
                    warning_event(
                        "nothing_to_end", "no audio since the last agent.speak_end", frame.event_id
                    )
                ]
            return events
        if frame.type == "agent.interrupt":
            return avatar.interrupt(frame.event_id, now)
        if frame.type in ("agent.start_listening", "agent.stop_listening"):
            return avatar.listen(frame.type == "agent.start_listening", frame.event_id)
        raise AssertionError(f"a command the document names but nothing serves: {frame.type}")

    async def _keep_alive(self) -> bool:
        def work() -> bool:
            try:
                sessions.keep_alive(self.store, self.space_id, self.session_id)
            except (LookupError, sessions.SessionStateConflict):
                return False
            return True

        if await in_store(self.store, work):
            return True
        return not await self._ended()
