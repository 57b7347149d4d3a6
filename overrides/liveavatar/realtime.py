"""`session.realtime()`: the LITE-mode socket of a session (needs `pip install liveavatar[realtime]`).

```python
with client.sessions.open(mode="LITE", avatar_id=AVATAR) as session:
    with session.realtime() as avatar:      # waits for `connected`
        turn = avatar.speak(pcm)            # 16-bit mono 24 kHz; sent in frames of about 1 s
        avatar.speak_end()
        for event in avatar:                # typed events (liveavatar_api.realtime)
            if event.type == "agent.speak_ended" and event.event_id == turn:
                break
```

`connect(ws_url)` opens a bare `ws_url` the same way; `AsyncRealtime` / `aconnect` are the
async forms (`async with session.realtime() as avatar`, `async for event in avatar`).
`session.keep_alive` goes out every `keep_alive_interval` seconds in the background; the socket
closes with code 1000 when the block ends, on an exception or Ctrl-C too. The frames are those
of the AsyncAPI document (`overrides/realtime.asyncapi.yaml`), generated into
`liveavatar_api.realtime`; the socket runs on httpx-ws, over an httpx client.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import queue
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from types import TracebackType
from typing import Any, Self

import httpx
from liveavatar_api.realtime import CLOSE_CODES, LIMITS, Event, parse_event

from liveavatar.errors import LiveAvatarError

__all__ = [
    "BYTES_PER_SECOND",
    "FRAME_BYTES",
    "AsyncRealtime",
    "Realtime",
    "RealtimeClosed",
    "RealtimeError",
    "aconnect",
    "connect",
]

BYTES_PER_SECOND = 48_000  # PCM 16-bit mono 24 kHz
# About one second a frame (the docs' advice), within the document's limit on the base64 text.
FRAME_BYTES = min(BYTES_PER_SECOND, LIMITS["agent.speak"]["audio"] // 4 * 3) // 2 * 2
KEEP_ALIVE_INTERVAL = 60.0
CONNECT_TIMEOUT = 10.0


class RealtimeError(LiveAvatarError):
    """The socket could not be opened or used."""


class RealtimeClosed(RealtimeError):
    """The server closed the socket (`code`: a close code of the document, `reason`)."""

    def __init__(self, code: int | None, reason: str | None) -> None:
        meaning = CLOSE_CODES.get(code or 0, "closed")
        super().__init__(f"The realtime socket closed ({code}): {meaning}")
        self.code = code
        self.reason = reason


def _http_url(ws_url: str) -> str:
    """httpx speaks http(s): the socket's URL in those schemes (the upgrade makes it a socket)."""
    if ws_url.startswith("wss://"):
        return "https://" + ws_url.removeprefix("wss://")
    if ws_url.startswith("ws://"):
        return "http://" + ws_url.removeprefix("ws://")
    return ws_url


def _httpx_ws() -> Any:
    try:
        import httpx_ws
    except ImportError:  # pragma: no cover - the extra is installed in development
        raise RealtimeError(
            "The realtime socket needs httpx-ws: pip install 'liveavatar[realtime]'"
        ) from None
    return httpx_ws


def _event_id(event_id: str | None) -> str:
    return event_id or str(uuid.uuid4())


def _frames(pcm: bytes) -> Iterator[bytes]:
    if len(pcm) % 2:
        raise RealtimeError("PCM 16-bit audio has an even number of bytes")
    for offset in range(0, len(pcm), FRAME_BYTES):
        yield pcm[offset : offset + FRAME_BYTES]


def _speak_frames(pcm: bytes, event_id: str) -> Iterator[dict[str, Any]]:
    """`agent.speak` frames; the first carries ``event_id`` (the turn's id), the rest their own."""
    for index, chunk in enumerate(_frames(pcm)):
        yield {
            "type": "agent.speak",
            "event_id": event_id if index == 0 else str(uuid.uuid4()),
            "audio": base64.b64encode(chunk).decode("ascii"),
        }


class _Commands:
    """The command frames, sent through ``_send`` (one per subclass)."""

    def _frame(self, kind: str, event_id: str | None) -> tuple[dict[str, Any], str]:
        chosen = _event_id(event_id)
        return {"type": kind, "event_id": chosen}, chosen


class Realtime(_Commands):
    """A LITE socket (synchronous); see the module docstring."""

    def __init__(
        self,
        ws_url: str,
        *,
        http_client: httpx.Client | None = None,
        keep_alive_interval: float | None = KEEP_ALIVE_INTERVAL,
        connect_timeout: float = CONNECT_TIMEOUT,
    ) -> None:
        self._url = ws_url
        self._http = http_client
        self._owns_http = http_client is None
        self._interval = keep_alive_interval
        self._connect_timeout = connect_timeout
        self._lock = threading.Lock()
        self._stopped = threading.Event()
        self._keeper: threading.Thread | None = None
        self._context: Any = None
        self._ws: Any = None
        self.closed: RealtimeClosed | None = None

    def __repr__(self) -> str:
        return f"<Realtime open={self._ws is not None and self.closed is None}>"  # no URL: it holds the credential

    def __enter__(self) -> Self:
        httpx_ws = _httpx_ws()
        if self._http is None:
            self._http = httpx.Client(timeout=self._connect_timeout)
        self._context = httpx_ws.connect_ws(
            _http_url(self._url), self._http, max_message_size_bytes=4 * 1024 * 1024
        )
        try:
            self._ws = self._context.__enter__()
        except httpx_ws.WebSocketUpgradeError as exc:
            self._release()
            raise RealtimeError(
                f"The realtime socket was refused (HTTP {exc.response.status_code})"
            ) from None
        except httpx.HTTPError as exc:
            self._release()
            raise RealtimeError(
                f"Could not open the realtime socket: {type(exc).__name__}"
            ) from None
        try:
            self._wait_connected()
        except BaseException:
            self.close()
            raise
        if self._interval:
            self._keeper = threading.Thread(
                target=self._keep_alive, name="liveavatar-realtime-keep-alive", daemon=True
            )
            self._keeper.start()
        return self

    def _wait_connected(self) -> None:
        while True:
            event = self.receive(timeout=self._connect_timeout)
            if event.type == "session.state_updated" and event.raw.get("state") == "connected":
                return

    def _keep_alive(self) -> None:
        assert self._interval is not None
        while not self._stopped.wait(self._interval):
            try:
                self.keep_alive()
            except RealtimeError:
                return

    def _send(self, frame: dict[str, Any]) -> None:
        if self._ws is None:
            raise RealtimeError("The realtime socket is not open: use it inside its `with` block")
        if self.closed is not None:
            raise self.closed
        httpx_ws = _httpx_ws()
        try:
            with self._lock:
                self._ws.send_text(json.dumps(frame, separators=(",", ":")))
        except (httpx_ws.WebSocketDisconnect, httpx_ws.WebSocketNetworkError) as exc:
            self.closed = RealtimeClosed(getattr(exc, "code", None), getattr(exc, "reason", None))
            raise self.closed from None

    def speak(self, pcm: bytes, *, event_id: str | None = None) -> str:
        """Send ``pcm`` (16-bit mono 24 kHz) in frames of about a second; the turn's event id."""
        chosen = _event_id(event_id)
        for frame in _speak_frames(pcm, chosen):
            self._send(frame)
        return chosen

    def speak_end(self, *, event_id: str | None = None) -> str:
        frame, chosen = self._frame("agent.speak_end", event_id)
        self._send(frame)
        return chosen

    def interrupt(self, *, event_id: str | None = None) -> str:
        frame, chosen = self._frame("agent.interrupt", event_id)
        self._send(frame)
        return chosen

    def start_listening(self, *, event_id: str | None = None) -> str:
        frame, chosen = self._frame("agent.start_listening", event_id)
        self._send(frame)
        return chosen

    def stop_listening(self, *, event_id: str | None = None) -> str:
        frame, chosen = self._frame("agent.stop_listening", event_id)
        self._send(frame)
        return chosen

    def keep_alive(self, *, event_id: str | None = None) -> str:
        frame, chosen = self._frame("session.keep_alive", event_id)
        self._send(frame)
        return chosen

    def receive(self, timeout: float | None = None) -> Event:
        """The next event; RealtimeClosed once the server closed, TimeoutError after ``timeout``."""
        if self._ws is None:
            raise RealtimeError("The realtime socket is not open: use it inside its `with` block")
        if self.closed is not None:
            raise self.closed
        httpx_ws = _httpx_ws()
        try:
            text = self._ws.receive_text(timeout=timeout)
        except httpx_ws.WebSocketDisconnect as exc:
            self.closed = RealtimeClosed(exc.code, exc.reason)
            raise self.closed from None
        except httpx_ws.WebSocketNetworkError:
            self.closed = RealtimeClosed(None, "network error")
            raise self.closed from None
        except queue.Empty as exc:  # httpx-ws's sync session: its event queue ran out
            raise TimeoutError("no event within the timeout") from exc
        return parse_event(json.loads(text))

    def __iter__(self) -> Iterator[Event]:
        """Every event until the server closes the socket."""
        while True:
            try:
                yield self.receive()
            except RealtimeClosed:
                return

    def close(self) -> None:
        """Close the socket with code 1000 (idempotent)."""
        self._stopped.set()
        if self._keeper is not None and self._keeper is not threading.current_thread():
            self._keeper.join(timeout=5)
        if self._context is not None:
            with contextlib.suppress(Exception):
                self._context.__exit__(None, None, None)
            self._context = None
        self._release()

    def _release(self) -> None:
        if self._owns_http and self._http is not None:
            self._http.close()
            self._http = None

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class AsyncRealtime(_Commands):
    """A LITE socket (async); see the module docstring."""

    def __init__(
        self,
        ws_url: str,
        *,
        http_client: httpx.AsyncClient | None = None,
        keep_alive_interval: float | None = KEEP_ALIVE_INTERVAL,
        connect_timeout: float = CONNECT_TIMEOUT,
    ) -> None:
        self._url = ws_url
        self._http = http_client
        self._owns_http = http_client is None
        self._interval = keep_alive_interval
        self._connect_timeout = connect_timeout
        self._keeper: asyncio.Task[None] | None = None
        self._context: Any = None
        self._ws: Any = None
        self.closed: RealtimeClosed | None = None

    def __repr__(self) -> str:
        return f"<AsyncRealtime open={self._ws is not None and self.closed is None}>"

    async def __aenter__(self) -> Self:
        httpx_ws = _httpx_ws()
        if self._http is None:
            self._http = httpx.AsyncClient(timeout=self._connect_timeout)
        self._context = httpx_ws.aconnect_ws(
            _http_url(self._url), self._http, max_message_size_bytes=4 * 1024 * 1024
        )
        try:
            self._ws = await self._context.__aenter__()
        except httpx_ws.WebSocketUpgradeError as exc:
            await self._release()
            raise RealtimeError(
                f"The realtime socket was refused (HTTP {exc.response.status_code})"
            ) from None
        except httpx.HTTPError as exc:
            await self._release()
            raise RealtimeError(
                f"Could not open the realtime socket: {type(exc).__name__}"
            ) from None
        try:
            while True:
                event = await self.receive(timeout=self._connect_timeout)
                if event.type == "session.state_updated" and event.raw.get("state") == "connected":
                    break
        except BaseException:
            await self.close()
            raise
        if self._interval:
            self._keeper = asyncio.create_task(self._keep_alive())
        return self

    async def _keep_alive(self) -> None:
        assert self._interval is not None
        while True:
            await asyncio.sleep(self._interval)
            try:
                await self.keep_alive()
            except RealtimeError:
                return

    async def _send(self, frame: dict[str, Any]) -> None:
        if self._ws is None:
            raise RealtimeError("The realtime socket is not open: use it inside its `async with`")
        if self.closed is not None:
            raise self.closed
        httpx_ws = _httpx_ws()
        try:
            await self._ws.send_text(json.dumps(frame, separators=(",", ":")))
        except (httpx_ws.WebSocketDisconnect, httpx_ws.WebSocketNetworkError) as exc:
            self.closed = RealtimeClosed(getattr(exc, "code", None), getattr(exc, "reason", None))
            raise self.closed from None

    async def speak(self, pcm: bytes, *, event_id: str | None = None) -> str:
        chosen = _event_id(event_id)
        for frame in _speak_frames(pcm, chosen):
            await self._send(frame)
        return chosen

    async def _command(self, kind: str, event_id: str | None) -> str:
        frame, chosen = self._frame(kind, event_id)
        await self._send(frame)
        return chosen

    async def speak_end(self, *, event_id: str | None = None) -> str:
        return await self._command("agent.speak_end", event_id)

    async def interrupt(self, *, event_id: str | None = None) -> str:
        return await self._command("agent.interrupt", event_id)

    async def start_listening(self, *, event_id: str | None = None) -> str:
        return await self._command("agent.start_listening", event_id)

    async def stop_listening(self, *, event_id: str | None = None) -> str:
        return await self._command("agent.stop_listening", event_id)

    async def keep_alive(self, *, event_id: str | None = None) -> str:
        return await self._command("session.keep_alive", event_id)

    async def receive(self, timeout: float | None = None) -> Event:
        if self._ws is None:
            raise RealtimeError("The realtime socket is not open: use it inside its `async with`")
        if self.closed is not None:
            raise self.closed
        httpx_ws = _httpx_ws()
        try:
            text = await asyncio.wait_for(self._ws.receive_text(), timeout)
        except httpx_ws.WebSocketDisconnect as exc:
            self.closed = RealtimeClosed(exc.code, exc.reason)
            raise self.closed from None
        except httpx_ws.WebSocketNetworkError:
            self.closed = RealtimeClosed(None, "network error")
            raise self.closed from None
        return parse_event(json.loads(text))

    async def __aiter__(self) -> AsyncIterator[Event]:
        while True:
            try:
                yield await self.receive()
            except RealtimeClosed:
                return

    async def close(self) -> None:
        if self._keeper is not None:
            self._keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keeper
            self._keeper = None
        if self._context is not None:
            with contextlib.suppress(Exception):
                await self._context.__aexit__(None, None, None)
            self._context = None
        await self._release()

    async def _release(self) -> None:
        if self._owns_http and self._http is not None:
            await self._http.aclose()
            self._http = None

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


def connect(ws_url: str, **options: Any) -> Realtime:
    """`with connect(ws_url) as avatar:` on a bare `ws_url` (options: `Realtime`'s)."""
    return Realtime(ws_url, **options)


def aconnect(ws_url: str, **options: Any) -> AsyncRealtime:
    """`async with aconnect(ws_url) as avatar:` on a bare `ws_url`."""
    return AsyncRealtime(ws_url, **options)
