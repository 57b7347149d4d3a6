"""`LiveAvatar` and `AsyncLiveAvatar`: the generated resources over one runner that adds auth, retries, timeouts, errors, pagination and unwrapping.

Everything but I/O is shared (`_ClientBase`, `liveavatar._call`): each client's `_run` only
sends an attempt and sleeps before the next, the one way its I/O allows.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cached_property
from types import TracebackType
from typing import Any, ClassVar, Generic, Self, TypeVar

import httpx
from liveavatar_api.resources import (
    AsyncRawResources,
    AsyncResources,
    Operation,
    RawResources,
    Resources,
)
from liveavatar_api.resources import Caller as ResourceCaller

from liveavatar import _retry
from liveavatar._call import (
    RETRIED,
    AsyncOperation,
    Call,
    Caller,
    SyncOperation,
    build_generated_client,
    call_headers,
    operation_of,
)
from liveavatar._pagination import async_pager, first_page
from liveavatar._sessions import AsyncSessions, Sessions
from liveavatar._settings import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, Settings, to_timeout

__all__ = [
    "AsyncLiveAvatar",
    "AsyncLiveAvatarWithRawResponse",
    "AsyncOperation",
    "LiveAvatar",
    "LiveAvatarWithRawResponse",
    "SyncOperation",
]


class _NotGiven:
    def __repr__(self) -> str:
        return "NOT_GIVEN"


_NOT_GIVEN = _NotGiven()


HttpClient = TypeVar("HttpClient", httpx.Client, httpx.AsyncClient)


class _ClientBase(Generic[HttpClient]):
    """What both clients share: configuration, binding, each call's plan, pages, options, repr."""

    _is_async: ClassVar[bool]
    # `sessions` of this client (with `open`), and how a list call makes its first page.
    _sessions_class: ClassVar[type[Any]]
    _pages: ClassVar[Callable[..., Any]]
    sessions: Any

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        session_token: str | None = None,
        session: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: HttpClient | None = None,
    ) -> None:
        self._settings = Settings.resolve(
            api_key, base_url, session, session_token, timeout, max_retries
        )
        self._max_retries = self._settings.max_retries
        self._timeout_override: httpx.Timeout | None = None
        self._raw = False
        self._auth_cache: dict[int, dict[str, str]] = {}
        self._host = httpx.URL(self._settings.base_url).host
        self._owns_http_client = http_client is None
        self._api = build_generated_client(self._settings, http_client, self._is_async)
        self._bind()

    def _bind_resources(self, caller: ResourceCaller) -> None:
        raise NotImplementedError  # the generated Resources / AsyncResources, first in the MRO

    def _bind(self) -> None:
        caller = Caller(self)
        self._bind_resources(caller)
        self.sessions = self._sessions_class(caller)

    def _run(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
    ) -> Any:
        raise NotImplementedError  # the I/O: each client's own

    def _paginate(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
    ) -> Any:
        return type(self)._pages(self._run, operation, args, kwargs, session_token)

    def _call(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
    ) -> Call:
        return Call(
            operation,
            args,
            kwargs,
            api=self._api,
            headers=call_headers(self._auth_cache, operation, self._settings, session_token),
            timeout=self._timeout_override,
            max_retries=self._max_retries,
            raw=self._raw,
            host=self._host,
        )

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    @property
    def max_retries(self) -> int:
        return self._max_retries

    def _derive(self, **changes: Any) -> Self:
        """A copy sharing the connection pool, with other per-call options."""
        clone = copy.copy(self)
        clone.__dict__.pop("with_raw_response", None)  # a cached view of the original
        clone.__dict__.update(changes)
        clone._bind()
        return clone

    def with_options(
        self,
        *,
        timeout: float | httpx.Timeout | _NotGiven | None = _NOT_GIVEN,
        max_retries: int | None = None,
    ) -> Self:
        """A client for one call or a few: `client.with_options(max_retries=0).secrets.create(...)`.

        It shares this client's connection pool and credentials; closing either closes both.
        """
        changes: dict[str, Any] = {}
        if max_retries is not None:
            if max_retries < 0:
                raise ValueError(f"max_retries must be >= 0, got {max_retries}")
            changes["_max_retries"] = max_retries
        if not isinstance(timeout, _NotGiven):
            changes["_timeout_override"] = to_timeout(timeout)
        return self._derive(**changes)

    def __repr__(self) -> str:
        settings = self._settings
        timeout = (self._timeout_override or settings.timeout).read
        return (
            f"{type(self).__name__}(base_url={settings.base_url!r}, "
            f"api_key={'<set>' if settings.api_key else None}, "
            f"session={'<set>' if settings.session else None}, "
            f"session_token={'<set>' if settings.session_token else None}, "
            f"timeout={timeout}, max_retries={self._max_retries})"
        )


class LiveAvatar(Resources, _ClientBase[httpx.Client]):
    """Synchronous LiveAvatar client: `client.<resource>.<method>(...)` for every operation.

    `api_key` falls back to LIVEAVATAR_API_KEY, `session_token` (the bearer token of
    `sessions.create_token`) to LIVEAVATAR_SESSION_TOKEN, `session` (the `la_session` cookie)
    to LIVEAVATAR_SESSION, `base_url` to LIVEAVATAR_BASE_URL then https://api.liveavatar.com.
    None is required up front: a call without the credential its operation needs raises.
    """

    _is_async = False
    _sessions_class = Sessions
    _pages = staticmethod(first_page)
    sessions: Sessions

    def _run(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
    ) -> Any:
        call = self._call(operation, args, kwargs, session_token)
        while True:
            try:
                return call.result(operation.module.sync_send(*args, **call.kwargs))
            except RETRIED as exc:
                _retry.sleep(call.failed(exc))

    def call(
        self,
        operation: SyncOperation,
        /,
        *args: Any,
        session_token: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """Call any generated operation module with this client's auth, retries and errors.

        `args`/`kwargs` are the operation's own (path parameters, `body=`), without `client`.
        Returns the envelope's `data` (or an `APIResponse` on `with_raw_response`).
        """
        return self._run(operation_of(operation), args, kwargs, session_token)

    @cached_property
    def with_raw_response(self) -> LiveAvatarWithRawResponse:
        """The same calls, returning `APIResponse` (status, headers, envelope, `.parse()`)."""
        return LiveAvatarWithRawResponse(self._derive(_raw=True))

    def close(self) -> None:
        """Close the connection pool (a caller's `http_client` is left to its owner)."""
        if self._owns_http_client:
            self._api.get_httpx_client().close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


class LiveAvatarWithRawResponse(RawResources):
    """`client.with_raw_response`: every call returns an `APIResponse`."""

    def __init__(self, raw_client: LiveAvatar) -> None:
        self._bind_resources(Caller(raw_client))
        self.call = raw_client.call


class AsyncLiveAvatar(AsyncResources, _ClientBase[httpx.AsyncClient]):
    """Asynchronous LiveAvatar client: the surface of `LiveAvatar`, awaited (`async for` on lists).

    Configured as `LiveAvatar` is (same arguments, same environment variables).
    """

    _is_async = True
    _sessions_class = AsyncSessions
    _pages = staticmethod(async_pager)
    sessions: AsyncSessions

    async def _run(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
    ) -> Any:
        call = self._call(operation, args, kwargs, session_token)
        while True:
            try:
                return call.result(await operation.module.asyncio_send(*args, **call.kwargs))
            except RETRIED as exc:
                await _retry.async_sleep(call.failed(exc))

    async def call(
        self,
        operation: AsyncOperation,
        /,
        *args: Any,
        session_token: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """`LiveAvatar.call`, awaited."""
        return await self._run(operation_of(operation), args, kwargs, session_token)

    @cached_property
    def with_raw_response(self) -> AsyncLiveAvatarWithRawResponse:
        """The same calls, returning `APIResponse` (status, headers, envelope, `.parse()`)."""
        return AsyncLiveAvatarWithRawResponse(self._derive(_raw=True))

    async def close(self) -> None:
        """Close the connection pool (a caller's `http_client` is left to its owner)."""
        if self._owns_http_client:
            await self._api.get_async_httpx_client().aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()


class AsyncLiveAvatarWithRawResponse(AsyncRawResources):
    """`client.with_raw_response` of `AsyncLiveAvatar`."""

    def __init__(self, raw_client: AsyncLiveAvatar) -> None:
        self._bind_resources(Caller(raw_client))
        self.call = raw_client.call
