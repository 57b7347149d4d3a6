"""`LiveAvatar` and `AsyncLiveAvatar`: the generated resources over one runner that adds auth, retries, timeouts, errors, pagination and unwrapping."""

from __future__ import annotations

import copy
import logging
import warnings
from collections.abc import Awaitable
from functools import cached_property
from types import TracebackType
from typing import Any, Protocol, Self

import httpx
from liveavatar_api.resources import (
    OPERATIONS,
    SECURITY_SCHEMES,
    AsyncRawResources,
    AsyncResources,
    Operation,
    RawResources,
    Resources,
)
from liveavatar_api.types import Response

from liveavatar import _retry
from liveavatar._auth import credential_headers
from liveavatar._pagination import AsyncPageImpl, AsyncPagerImpl, SyncPageImpl, first_page_number
from liveavatar._sessions import AsyncSessions, Sessions
from liveavatar._transport import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    SESSION_COOKIE,
    APIResponse,
    CallOptions,
    Settings,
    build_generated_client,
    call_options,
    connection_error,
    to_timeout,
    unwrap,
)
from liveavatar.errors import APIError, APIStatusError

__all__ = [
    "AsyncLiveAvatar",
    "AsyncLiveAvatarWithRawResponse",
    "AsyncOperation",
    "LiveAvatar",
    "LiveAvatarWithRawResponse",
    "SyncOperation",
]

logger = logging.getLogger("liveavatar")

# The generated operations pass a (usually empty) per-request `cookies=` dict, which httpx 0.28
# deprecates on every call; the session cookie is set on the client instead, so the per-request
# dict is always empty and the warning says nothing actionable.
warnings.filterwarnings(
    "ignore",
    message=r"Setting per-request cookies=",
    category=DeprecationWarning,
    module=r"liveavatar_api\.",
)


class SyncOperation(Protocol):
    """Any generated operation module (it has `sync_detailed`)."""

    def sync_detailed(self, *args: Any, **kwargs: Any) -> Response[Any]: ...


class AsyncOperation(Protocol):
    """Any generated operation module (it has `asyncio_detailed`)."""

    def asyncio_detailed(self, *args: Any, **kwargs: Any) -> Awaitable[Response[Any]]: ...


class _NotGiven:
    def __repr__(self) -> str:
        return "NOT_GIVEN"


_NOT_GIVEN = _NotGiven()

_BY_MODULE = {operation.module.__name__: operation for operation in OPERATIONS}


def _operation_of(module: Any) -> Operation:
    """The generated facts of an operation module; a module the resources do not know (from a
    newer generated package) sends whichever credential the client has, in the spec's order."""
    name = getattr(module, "__name__", "")
    found = _BY_MODULE.get(name)
    if found is not None:
        return found
    return Operation(
        operation_id=name,
        method="",
        path="",
        resource=name.rsplit(".", 1)[-1],
        name="call",
        module=module,
        security=tuple((scheme,) for scheme in SECURITY_SCHEMES),
        idempotent=False,
        paginated=False,
        data_required=False,
        cookies=(SESSION_COOKIE,),
        sensitive=(),
    )


def _decode_failure(exc: Exception) -> bool:
    """A parse error raised inside the generated code, not a bad call (e.g. a wrong keyword)."""
    traceback = exc.__traceback__
    return traceback is not None and traceback.tb_next is not None


def _log_retry(exc: Exception, delay: float, attempt: int) -> None:
    # Method, path and reason only: never headers (the key) nor bodies (secret values).
    if not logger.isEnabledFor(logging.INFO):
        return
    reason = str(exc.status_code) if isinstance(exc, APIStatusError) else type(exc).__name__
    request = exc.response.request if isinstance(exc, APIStatusError) else None
    if isinstance(exc, httpx.TransportError):
        try:
            request = exc.request
        except RuntimeError:
            request = None
    target = f"{request.method} {request.url.path}" if request is not None else "request"
    logger.info("Retrying %s in %.2fs after %s (retry %d)", target, delay, reason, attempt + 1)


class _ClientBase:
    """What both clients share: settings, per-call options, repr."""

    _settings: Settings
    _max_retries: int
    _timeout_override: dict[str, float | None] | None
    _raw: bool
    _owns_http_client: bool

    def _init(
        self,
        api_key: str | None,
        base_url: str | None,
        session: str | None,
        session_token: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
    ) -> None:
        self._settings = Settings.resolve(
            api_key, base_url, session, session_token, timeout, max_retries
        )
        self._max_retries = self._settings.max_retries
        self._timeout_override = None
        self._raw = False
        self._auth_cache: dict[int, dict[str, str]] = {}

    def _options(self, operation: Operation, session_token: str | None) -> CallOptions:
        """Credentials (checked before any request) and the per-call timeout of one call."""
        if session_token is None:
            headers = self._auth_cache.get(id(operation))
            if headers is None:
                headers = credential_headers(operation, self._settings, None)
                self._auth_cache[id(operation)] = headers
        else:
            headers = credential_headers(operation, self._settings, session_token)
        return CallOptions(headers, self._timeout_override)

    def _retry_or_raise(self, exc: Exception, attempt: int, operation: Operation) -> float:
        """The wait before the next attempt, or raise `exc` as the public exception."""
        if attempt >= self._max_retries or not _retry.should_retry(exc, operation.idempotent):
            if isinstance(exc, httpx.TransportError):
                raise connection_error(exc) from exc
            raise exc
        delay = _retry.retry_delay(attempt, exc)
        _log_retry(exc, delay, attempt)
        return delay

    def _result(self, operation: Operation, response: Response[Any]) -> Any:
        if self._raw:
            return APIResponse[Any](response, operation.data_required)
        return unwrap(response.parsed, operation.data_required)

    @property
    def base_url(self) -> str:
        return self._settings.base_url

    @property
    def max_retries(self) -> int:
        return self._max_retries

    def _bind(self) -> None:
        raise NotImplementedError

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
            changes["_timeout_override"] = to_timeout(timeout).as_dict()
        return self._derive(**changes)

    def __repr__(self) -> str:
        settings = self._settings
        timeout = self._timeout_override or settings.timeout.as_dict()
        return (
            f"{type(self).__name__}(base_url={settings.base_url!r}, "
            f"api_key={'<set>' if settings.api_key else None}, "
            f"session={'<set>' if settings.session else None}, "
            f"session_token={'<set>' if settings.session_token else None}, "
            f"timeout={timeout['read']}, max_retries={self._max_retries})"
        )


class _SyncCaller:
    """The generated resources' `SyncCaller`: every named method runs through the client."""

    __slots__ = ("_client",)

    def __init__(self, client: LiveAvatar) -> None:
        self._client = client

    def request(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
        /,
    ) -> Any:
        return self._client._run(operation, args, kwargs, session_token)

    def paginate(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
        /,
    ) -> SyncPageImpl[Any]:
        run = self._client._run

        def fetch(number: int) -> SyncPageImpl[Any]:
            data = run(operation, args, {**kwargs, "page": number}, session_token)
            return SyncPageImpl(data, number, fetch)

        return fetch(first_page_number(kwargs))


class LiveAvatar(_ClientBase, Resources):
    """Synchronous LiveAvatar client: `client.<resource>.<method>(...)` for every operation.

    `api_key` falls back to LIVEAVATAR_API_KEY, `session_token` (the bearer token of
    `sessions.create_token`) to LIVEAVATAR_SESSION_TOKEN, `session` (the `la_session` cookie)
    to LIVEAVATAR_SESSION, `base_url` to LIVEAVATAR_BASE_URL then https://api.liveavatar.com.
    None is required up front: a call without the credential its operation needs raises.
    """

    sessions: Sessions

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        session_token: str | None = None,
        session: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._init(api_key, base_url, session, session_token, timeout, max_retries)
        self._owns_http_client = http_client is None
        self._api = build_generated_client(self._settings, http_client, is_async=False)
        self._bind()

    def _bind(self) -> None:
        caller = _SyncCaller(self)
        self._bind_resources(caller)
        self.sessions = Sessions(caller)

    def _run(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
    ) -> Any:
        token = call_options.set(self._options(operation, session_token))
        try:
            attempt = 0
            while True:
                try:
                    response = operation.module.sync_detailed(*args, client=self._api, **kwargs)
                    break
                except (APIStatusError, httpx.TransportError) as exc:
                    _retry.sleep(self._retry_or_raise(exc, attempt, operation))
                    attempt += 1
                except (KeyError, TypeError, ValueError) as exc:
                    if not _decode_failure(exc):
                        raise
                    raise APIError(
                        f"The response does not match the spec ({type(exc).__name__})."
                    ) from exc
        finally:
            call_options.reset(token)
        return self._result(operation, response)

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
        return self._run(_operation_of(operation), args, kwargs, session_token)

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
        self._bind_resources(_SyncCaller(raw_client))
        self._call = raw_client.call

    def call(
        self,
        operation: SyncOperation,
        /,
        *args: Any,
        session_token: str | None = None,
        **kwargs: Any,
    ) -> APIResponse[Any]:
        result: APIResponse[Any] = self._call(
            operation, *args, session_token=session_token, **kwargs
        )
        return result


class _AsyncCaller:
    """The generated resources' `AsyncCaller`: every named method runs through the client."""

    __slots__ = ("_client",)

    def __init__(self, client: AsyncLiveAvatar) -> None:
        self._client = client

    async def request(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
        /,
    ) -> Any:
        return await self._client._run(operation, args, kwargs, session_token)

    def paginate(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
        /,
    ) -> AsyncPagerImpl[Any]:
        run = self._client._run

        async def fetch(number: int) -> AsyncPageImpl[Any]:
            data = await run(operation, args, {**kwargs, "page": number}, session_token)
            return AsyncPageImpl(data, number, fetch)

        return AsyncPagerImpl(fetch, first_page_number(kwargs))


class AsyncLiveAvatar(_ClientBase, AsyncResources):
    """Asynchronous LiveAvatar client: the surface of `LiveAvatar`, awaited (`async for` on lists).

    `api_key` falls back to LIVEAVATAR_API_KEY, `session_token` (the bearer token of
    `sessions.create_token`) to LIVEAVATAR_SESSION_TOKEN, `session` (the `la_session` cookie)
    to LIVEAVATAR_SESSION, `base_url` to LIVEAVATAR_BASE_URL then https://api.liveavatar.com.
    None is required up front: a call without the credential its operation needs raises.
    """

    sessions: AsyncSessions

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        session_token: str | None = None,
        session: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._init(api_key, base_url, session, session_token, timeout, max_retries)
        self._owns_http_client = http_client is None
        self._api = build_generated_client(self._settings, http_client, is_async=True)
        self._bind()

    def _bind(self) -> None:
        caller = _AsyncCaller(self)
        self._bind_resources(caller)
        self.sessions = AsyncSessions(caller)

    async def _run(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
    ) -> Any:
        token = call_options.set(self._options(operation, session_token))
        try:
            attempt = 0
            while True:
                try:
                    response = await operation.module.asyncio_detailed(
                        *args, client=self._api, **kwargs
                    )
                    break
                except (APIStatusError, httpx.TransportError) as exc:
                    await _retry.async_sleep(self._retry_or_raise(exc, attempt, operation))
                    attempt += 1
                except (KeyError, TypeError, ValueError) as exc:
                    if not _decode_failure(exc):
                        raise
                    raise APIError(
                        f"The response does not match the spec ({type(exc).__name__})."
                    ) from exc
        finally:
            call_options.reset(token)
        return self._result(operation, response)

    async def call(
        self,
        operation: AsyncOperation,
        /,
        *args: Any,
        session_token: str | None = None,
        **kwargs: Any,
    ) -> Any:
        """Call any generated operation module with this client's auth, retries and errors.

        `args`/`kwargs` are the operation's own (path parameters, `body=`), without `client`.
        Returns the envelope's `data` (or an `APIResponse` on `with_raw_response`).
        """
        return await self._run(_operation_of(operation), args, kwargs, session_token)

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
        self._bind_resources(_AsyncCaller(raw_client))
        self._call = raw_client.call

    async def call(
        self,
        operation: AsyncOperation,
        /,
        *args: Any,
        session_token: str | None = None,
        **kwargs: Any,
    ) -> APIResponse[Any]:
        result: APIResponse[Any] = await self._call(
            operation, *args, session_token=session_token, **kwargs
        )
        return result
