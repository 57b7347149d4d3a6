"""`client.sessions.open(...)`: a session that is kept alive while used and always stopped.

Sessions cost credits by the minute, and a script that dies before calling stop keeps paying
until the service ends the session. `open` creates the session token, starts the session, sends
keep-alive in the background every `keep_alive_interval` seconds and stops the session when the
`with` block ends: normally, on an exception, or on Ctrl-C (KeyboardInterrupt).

The service may end a session first (the sandbox minute, `max_session_duration`, the idle
timeout, a stop from elsewhere). Keep-alive then answers 409: the loop ends, `session.ended`
turns true, `session.end_reason` says why (read with `sessions.get` when the client has an API
key) and `session.wait()` returns. Leaving the block does not stop an ended session, and a stop
answered 409 counts as stopped: the session has ended either way.

Keep-alive interval: the LiveAvatar docs give no idle timeout for sessions. Its keep-alive
mirrors the one of its predecessor (HeyGen's streaming API), whose idle timeout defaults to
120 s and can be set no lower than 30 s; every 30 s stays under the default with three chances
to spare and costs one small request per half minute. The loop also wakes just after the
session's `max_session_duration`, so a session that reached it is noticed at once.

A stop that fails is tried STOP_ATTEMPTS times (stop is `x-idempotent`, so each attempt is also
retried by the client on transient failures), then logged on the `liveavatar` logger with the
session id. It never replaces the exception that ended the block; after a clean block it raises.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from types import TracebackType
from typing import Any, Self

from liveavatar_api.models import (
    SDKSessionTokenSchema,
    SessionEndReasonEnum,
    StartSessionResponseSchema,
)
from liveavatar_api.resources import AsyncSessions as GeneratedAsyncSessions
from liveavatar_api.resources import Sessions as GeneratedSessions
from liveavatar_api.types import Unset

from liveavatar import _retry
from liveavatar.errors import ConflictError, LiveAvatarError
from liveavatar.realtime import AsyncRealtime, Realtime

__all__ = [
    "KEEP_ALIVE_INTERVAL",
    "STOP_ATTEMPTS",
    "AsyncLiveSession",
    "AsyncSessions",
    "LiveSession",
    "Sessions",
]

logger = logging.getLogger("liveavatar")

KEEP_ALIVE_INTERVAL = 30.0
STOP_ATTEMPTS = 3
STOP_REASON = SessionEndReasonEnum.USER_CLOSED
# How long after its `max_session_duration` the loop looks whether the session ended.
_PAST_DEADLINE = 1.0


def _optional(value: object) -> Any:
    return None if isinstance(value, Unset) else value


def _reason_of(entry: object) -> str | None:
    """The `end_reason` of a `sessions.get` answer, as its enum value."""
    reason = _optional(getattr(entry, "end_reason", None))
    return (
        str(reason.value if isinstance(reason, SessionEndReasonEnum) else reason)
        if reason
        else None
    )


class _SessionView:
    """What an open session exposes and decides, sync or async: ids, token, start response, end."""

    token: SDKSessionTokenSchema | None = None
    started: StartSessionResponseSchema | None = None
    end_reason: str | None = None
    _interval: float
    _started_at: float | None = None

    def _require(self) -> StartSessionResponseSchema:
        if self.started is None:
            raise LiveAvatarError("The session is not started: use it inside its `with` block.")
        return self.started

    @property
    def ended(self) -> bool:
        """The session has ended: stopped by this block, or ended by the service."""
        raise NotImplementedError

    @property
    def session_id(self) -> str:
        if self.token is None:
            raise LiveAvatarError("The session has no token yet: use it inside its `with` block.")
        return str(self.token.session_id)

    @property
    def session_token(self) -> str:
        if self.token is None:
            raise LiveAvatarError("The session has no token yet: use it inside its `with` block.")
        return self.token.session_token

    @property
    def livekit_url(self) -> str:
        return self._require().livekit_url

    @property
    def livekit_client_token(self) -> str:
        return self._require().livekit_client_token

    @property
    def livekit_agent_token(self) -> str | None:
        return _optional(self._require().livekit_agent_token)  # type: ignore[no-any-return]

    @property
    def ws_url(self) -> str | None:
        return _optional(self._require().ws_url)  # type: ignore[no-any-return]

    @property
    def max_session_duration(self) -> int | None:
        return _optional(self._require().max_session_duration)  # type: ignore[no-any-return]

    def _next_beat(self) -> float:
        """Seconds to the next keep-alive: the interval, or just past the duration limit."""
        limit = self.max_session_duration if self.started is not None else None
        if limit is None or self._started_at is None:
            return self._interval
        remaining = self._started_at + limit + _PAST_DEADLINE - time.monotonic()
        return min(self._interval, remaining) if remaining > 0 else self._interval

    def _noticed_end(self, reason: str | None, exc: ConflictError) -> None:
        self.end_reason = reason
        logger.info("LiveAvatar session %s has ended (%s)", self.session_id, reason or exc.message)

    def _keep_alive_failed(self, exc: LiveAvatarError) -> None:
        # The next beat may succeed; stop still runs.
        logger.warning("Keep-alive of session %s failed: %s", self.session_id, exc)

    def _stop_failed(self, failure: BaseException | None, pending: BaseException | None) -> None:
        assert failure is not None
        logger.error(
            "Could not stop LiveAvatar session %s after %d attempts (%s): it may keep running "
            "until the service ends it",
            self.session_id,
            STOP_ATTEMPTS,
            type(failure).__name__,
        )
        if pending is None:
            raise failure

    def __repr__(self) -> str:
        session_id = str(self.token.session_id) if self.token else None
        state = "ended" if self.ended else "started" if self.started is not None else "new"
        reason = f" end_reason={self.end_reason}" if self.end_reason else ""
        return f"<{type(self).__name__} session_id={session_id} {state}{reason}>"


def _socket_url(session: _SessionView) -> str:
    url = session.ws_url
    if url is None:
        raise LiveAvatarError("This session has no realtime socket: only LITE sessions do")
    return url


class LiveSession(_SessionView):
    """`with client.sessions.open(...) as session:` (see the module docstring)."""

    def __init__(self, sessions: Sessions, interval: float, fields: dict[str, Any]) -> None:
        self._sessions = sessions
        self._interval = interval
        self._fields = fields
        self._stopping = threading.Event()
        self._ended = threading.Event()
        self._keeper: threading.Thread | None = None

    @property
    def ended(self) -> bool:
        return self._ended.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the session ends (or `timeout` seconds); True when it has ended."""
        return self._ended.wait(timeout)

    def __enter__(self) -> Self:
        self.token = self._sessions.create_token(**self._fields)
        try:
            self.started = self._sessions.start(session_token=self.token.session_token)
        except BaseException as exc:
            # A start that timed out may have started the session anyway.
            self._stop(exc)
            raise
        self._started_at = time.monotonic()
        self._keeper = threading.Thread(
            target=self._keep_alive, name=f"liveavatar-keep-alive-{self.session_id}", daemon=True
        )
        self._keeper.start()
        return self

    def _end(self, reason: str | None) -> None:
        self.end_reason = reason
        self._ended.set()

    def _service_ended(self, exc: ConflictError) -> None:
        try:
            reason = _reason_of(self._sessions.get(self.session_id))
        except LiveAvatarError:  # e.g. no API key to read it with
            reason = None
        self._noticed_end(reason, exc)
        self._end(reason)

    def _keep_alive(self) -> None:
        while not self._stopping.wait(self._next_beat()):
            try:
                self._sessions.keep_alive(
                    session_id=self.session_id, session_token=self.session_token
                )
            except ConflictError as exc:
                self._service_ended(exc)
                return
            except LiveAvatarError as exc:
                self._keep_alive_failed(exc)

    def _stop(self, pending: BaseException | None) -> None:
        self._stopping.set()
        if self._keeper is not None and self._keeper is not threading.current_thread():
            self._keeper.join(timeout=self._interval)
        failure: BaseException | None = None
        for attempt in range(STOP_ATTEMPTS):
            if self.ended:
                return
            try:
                self._sessions.stop(
                    session_id=self.session_id, reason=STOP_REASON, session_token=self.session_token
                )
                self._end(STOP_REASON.value)
                return
            except ConflictError as exc:  # it ended first: stopped all the same
                self._service_ended(exc)
                return
            except LiveAvatarError as exc:
                failure = exc
                if attempt + 1 < STOP_ATTEMPTS:
                    _retry.sleep(_retry.retry_delay(attempt, exc))
        self._stop_failed(failure, pending)

    def realtime(self, **options: Any) -> Realtime:
        """`with session.realtime() as avatar:` the LITE socket (`liveavatar.realtime`)."""
        return Realtime(_socket_url(self), **options)

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop(exc)


class AsyncLiveSession(_SessionView):
    """`async with client.sessions.open(...) as session:` of the async client."""

    def __init__(self, sessions: AsyncSessions, interval: float, fields: dict[str, Any]) -> None:
        self._sessions = sessions
        self._interval = interval
        self._fields = fields
        self._ended = asyncio.Event()
        self._keeper: asyncio.Task[None] | None = None

    @property
    def ended(self) -> bool:
        return self._ended.is_set()

    async def wait(self, timeout: float | None = None) -> bool:
        """Wait until the session ends (or `timeout` seconds); True when it has ended."""
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._ended.wait(), timeout)
        return self.ended

    async def __aenter__(self) -> Self:
        self.token = await self._sessions.create_token(**self._fields)
        try:
            self.started = await self._sessions.start(session_token=self.token.session_token)
        except BaseException as exc:
            await self._stop(exc)
            raise
        self._started_at = time.monotonic()
        self._keeper = asyncio.create_task(self._keep_alive())
        return self

    def _end(self, reason: str | None) -> None:
        self.end_reason = reason
        self._ended.set()

    async def _service_ended(self, exc: ConflictError) -> None:
        try:
            reason = _reason_of(await self._sessions.get(self.session_id))
        except LiveAvatarError:
            reason = None
        self._noticed_end(reason, exc)
        self._end(reason)

    async def _keep_alive(self) -> None:
        while True:
            await asyncio.sleep(self._next_beat())
            try:
                await self._sessions.keep_alive(
                    session_id=self.session_id, session_token=self.session_token
                )
            except ConflictError as exc:
                await self._service_ended(exc)
                return
            except LiveAvatarError as exc:
                self._keep_alive_failed(exc)

    async def _stop(self, pending: BaseException | None) -> None:
        if self._keeper is not None:
            self._keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keeper
        failure: BaseException | None = None
        for attempt in range(STOP_ATTEMPTS):
            if self.ended:
                return
            try:
                await self._sessions.stop(
                    session_id=self.session_id, reason=STOP_REASON, session_token=self.session_token
                )
                self._end(STOP_REASON.value)
                return
            except ConflictError as exc:
                await self._service_ended(exc)
                return
            except LiveAvatarError as exc:
                failure = exc
                if attempt + 1 < STOP_ATTEMPTS:
                    await _retry.async_sleep(_retry.retry_delay(attempt, exc))
        self._stop_failed(failure, pending)

    def realtime(self, **options: Any) -> AsyncRealtime:
        """`async with session.realtime() as avatar:` the LITE socket (`liveavatar.realtime`)."""
        return AsyncRealtime(_socket_url(self), **options)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self._stop(exc)


class Sessions(GeneratedSessions):
    """`client.sessions`: every generated session operation, plus `open`."""

    def open(
        self, *, keep_alive_interval: float = KEEP_ALIVE_INTERVAL, **fields: Any
    ) -> LiveSession:
        """A context manager over one session: the keyword arguments are `create_token`'s
        (`mode="FULL"` or `"LITE"`, `avatar_id`, `is_sandbox`, ...)."""
        return LiveSession(self, keep_alive_interval, fields)


class AsyncSessions(GeneratedAsyncSessions):
    """`client.sessions` of the async client: every generated session operation, plus `open`."""

    def open(
        self, *, keep_alive_interval: float = KEEP_ALIVE_INTERVAL, **fields: Any
    ) -> AsyncLiveSession:
        """`async with client.sessions.open(...)`: see `Sessions.open`."""
        return AsyncLiveSession(self, keep_alive_interval, fields)
