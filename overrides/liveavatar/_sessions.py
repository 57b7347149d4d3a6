"""`client.sessions.open(...)`: a session that is kept alive while used and always stopped.

Sessions cost credits by the minute, and a script that dies before calling stop keeps paying
until the service's idle timeout. `open` creates the session token, starts the session, sends
keep-alive in the background every `keep_alive_interval` seconds and stops the session when the
`with` block ends: normally, on an exception, or on Ctrl-C (KeyboardInterrupt).

Keep-alive interval: the LiveAvatar docs give no idle timeout for sessions. Its keep-alive
mirrors the one of its predecessor (HeyGen's streaming API), whose idle timeout defaults to
120 s and can be set no lower than 30 s; every 30 s stays under the default with three chances
to spare and costs one small request per half minute.

A stop that fails is tried STOP_ATTEMPTS times (stop is `x-idempotent`, so each attempt is also
retried by the client on transient failures), then logged on the `liveavatar` logger with the
session id. It never replaces the exception that ended the block; after a clean block it raises.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
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
from liveavatar.errors import LiveAvatarError
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


def _optional(value: object) -> Any:
    return None if isinstance(value, Unset) else value


class _SessionView:
    """What an open session exposes: its ids, its token and the start response."""

    token: SDKSessionTokenSchema | None = None
    started: StartSessionResponseSchema | None = None

    def _require(self) -> StartSessionResponseSchema:
        if self.started is None:
            raise LiveAvatarError("The session is not started: use it inside its `with` block.")
        return self.started

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

    def __repr__(self) -> str:
        session_id = str(self.token.session_id) if self.token else None
        return f"<{type(self).__name__} session_id={session_id} started={self.started is not None}>"


def _socket_url(session: _SessionView) -> str:
    url = session.ws_url
    if url is None:
        raise LiveAvatarError("This session has no realtime socket: only LITE sessions do")
    return url


def _log_stop_failure(session_id: str, exc: BaseException) -> None:
    logger.error(
        "Could not stop LiveAvatar session %s after %d attempts (%s): it runs until the "
        "service's idle timeout",
        session_id,
        STOP_ATTEMPTS,
        type(exc).__name__,
    )


class LiveSession(_SessionView):
    """`with client.sessions.open(...) as session:` (see the module docstring)."""

    def __init__(self, sessions: Sessions, interval: float, fields: dict[str, Any]) -> None:
        self._sessions = sessions
        self._interval = interval
        self._fields = fields
        self._stopped = threading.Event()
        self._keeper: threading.Thread | None = None

    def __enter__(self) -> Self:
        self.token = self._sessions.create_token(**self._fields)
        try:
            self.started = self._sessions.start(session_token=self.token.session_token)
        except BaseException as exc:
            # A start that timed out may have started the session anyway.
            self._stop(exc)
            raise
        self._keeper = threading.Thread(
            target=self._keep_alive, name=f"liveavatar-keep-alive-{self.session_id}", daemon=True
        )
        self._keeper.start()
        return self

    def _keep_alive(self) -> None:
        while not self._stopped.wait(self._interval):
            try:
                self._sessions.keep_alive(
                    session_id=self.session_id, session_token=self.session_token
                )
            except LiveAvatarError as exc:  # the next beat may succeed; stop still runs
                logger.warning("Keep-alive of session %s failed: %s", self.session_id, exc)

    def _stop(self, pending: BaseException | None) -> None:
        self._stopped.set()
        if self._keeper is not None and self._keeper is not threading.current_thread():
            self._keeper.join(timeout=self._interval)
        failure: BaseException | None = None
        for attempt in range(STOP_ATTEMPTS):
            try:
                self._sessions.stop(
                    session_id=self.session_id, reason=STOP_REASON, session_token=self.session_token
                )
                return
            except LiveAvatarError as exc:
                failure = exc
                if attempt + 1 < STOP_ATTEMPTS:
                    _retry.sleep(_retry.retry_delay(attempt, exc))
        assert failure is not None
        _log_stop_failure(self.session_id, failure)
        if pending is None:
            raise failure

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
        self._keeper: asyncio.Task[None] | None = None

    async def __aenter__(self) -> Self:
        self.token = await self._sessions.create_token(**self._fields)
        try:
            self.started = await self._sessions.start(session_token=self.token.session_token)
        except BaseException as exc:
            await self._stop(exc)
            raise
        self._keeper = asyncio.create_task(self._keep_alive())
        return self

    async def _keep_alive(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                await self._sessions.keep_alive(
                    session_id=self.session_id, session_token=self.session_token
                )
            except LiveAvatarError as exc:
                logger.warning("Keep-alive of session %s failed: %s", self.session_id, exc)

    async def _stop(self, pending: BaseException | None) -> None:
        if self._keeper is not None:
            self._keeper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._keeper
        failure: BaseException | None = None
        for attempt in range(STOP_ATTEMPTS):
            try:
                await self._sessions.stop(
                    session_id=self.session_id, reason=STOP_REASON, session_token=self.session_token
                )
                return
            except LiveAvatarError as exc:
                failure = exc
                if attempt + 1 < STOP_ATTEMPTS:
                    await _retry.async_sleep(_retry.retry_delay(attempt, exc))
        assert failure is not None
        _log_stop_failure(self.session_id, failure)
        if pending is None:
            raise failure

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
