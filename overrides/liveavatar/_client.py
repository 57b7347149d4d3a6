"""`LiveAvatar` and `AsyncLiveAvatar`: one generic `call` adds retries, timeouts and errors to any operation."""

from __future__ import annotations

import copy
import logging
import warnings
from collections.abc import Awaitable
from functools import cached_property
from types import TracebackType
from typing import Any, Protocol, Self

import httpx
from liveavatar_api.types import Response

from liveavatar import _retry
from liveavatar._resources import (
    AsyncLLMConfigurations,
    AsyncLLMConfigurationsWithRawResponse,
    AsyncSecrets,
    AsyncSecretsWithRawResponse,
    LLMConfigurations,
    LLMConfigurationsWithRawResponse,
    Secrets,
    SecretsWithRawResponse,
)
from liveavatar._transport import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    APIResponse,
    Settings,
    build_generated_client,
    call_timeout,
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
        timeout: float | httpx.Timeout | None,
        max_retries: int,
    ) -> None:
        self._settings = Settings.resolve(api_key, base_url, session, timeout, max_retries)
        self._max_retries = self._settings.max_retries
        self._timeout_override = None
        self._raw = False

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
            f"timeout={timeout['read']}, max_retries={self._max_retries})"
        )


class LiveAvatar(_ClientBase):
    """Synchronous LiveAvatar client.

    `api_key` falls back to LIVEAVATAR_API_KEY, `session` (the `la_session` cookie) to
    LIVEAVATAR_SESSION, `base_url` to LIVEAVATAR_BASE_URL then https://api.liveavatar.com.
    """

    llm_configurations: LLMConfigurations
    secrets: Secrets

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        session: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
    ) -> None:
        self._init(api_key, base_url, session, timeout, max_retries)
        self._owns_http_client = http_client is None
        self._api = build_generated_client(self._settings, http_client, is_async=False)
        self._bind()

    def _bind(self) -> None:
        self.llm_configurations = LLMConfigurations(self.call)
        self.secrets = Secrets(self.call)

    def call(self, operation: SyncOperation, /, *args: Any, **kwargs: Any) -> Any:
        """Call any generated operation module with this client's auth, retries and errors.

        `args`/`kwargs` are the operation's own (path parameters, `body=`), without `client`.
        Returns the envelope's `data` (or an `APIResponse` on `with_raw_response`).
        """
        token = call_timeout.set(self._timeout_override) if self._timeout_override else None
        try:
            attempt = 0
            while True:
                try:
                    response = operation.sync_detailed(*args, client=self._api, **kwargs)
                    break
                except (APIStatusError, httpx.TransportError) as exc:
                    if attempt >= self._max_retries or not _retry.should_retry(exc):
                        if isinstance(exc, httpx.TransportError):
                            raise connection_error(exc) from exc
                        raise
                    delay = _retry.retry_delay(attempt, exc)
                    _log_retry(exc, delay, attempt)
                    _retry.sleep(delay)
                    attempt += 1
                except (KeyError, TypeError, ValueError) as exc:
                    if not _decode_failure(exc):
                        raise
                    raise APIError(
                        f"The response does not match the spec ({type(exc).__name__})."
                    ) from exc
        finally:
            if token is not None:
                call_timeout.reset(token)
        if self._raw:
            return APIResponse[Any](response)
        return unwrap(response.parsed)

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


class LiveAvatarWithRawResponse:
    """`client.with_raw_response`: every call returns an `APIResponse`."""

    def __init__(self, raw_client: LiveAvatar) -> None:
        self.llm_configurations = LLMConfigurationsWithRawResponse(raw_client.llm_configurations)
        self.secrets = SecretsWithRawResponse(raw_client.secrets)
        self._call = raw_client.call

    def call(self, operation: SyncOperation, /, *args: Any, **kwargs: Any) -> APIResponse[Any]:
        result: APIResponse[Any] = self._call(operation, *args, **kwargs)
        return result


class AsyncLiveAvatar(_ClientBase):
    """Asynchronous LiveAvatar client: the same surface as `LiveAvatar`, awaited."""

    llm_configurations: AsyncLLMConfigurations
    secrets: AsyncSecrets

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        session: str | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.AsyncClient | None = None,
    ) -> None:
        self._init(api_key, base_url, session, timeout, max_retries)
        self._owns_http_client = http_client is None
        self._api = build_generated_client(self._settings, http_client, is_async=True)
        self._bind()

    def _bind(self) -> None:
        self.llm_configurations = AsyncLLMConfigurations(self.call)
        self.secrets = AsyncSecrets(self.call)

    async def call(self, operation: AsyncOperation, /, *args: Any, **kwargs: Any) -> Any:
        """Call any generated operation module; see `LiveAvatar.call`."""
        token = call_timeout.set(self._timeout_override) if self._timeout_override else None
        try:
            attempt = 0
            while True:
                try:
                    response = await operation.asyncio_detailed(*args, client=self._api, **kwargs)
                    break
                except (APIStatusError, httpx.TransportError) as exc:
                    if attempt >= self._max_retries or not _retry.should_retry(exc):
                        if isinstance(exc, httpx.TransportError):
                            raise connection_error(exc) from exc
                        raise
                    delay = _retry.retry_delay(attempt, exc)
                    _log_retry(exc, delay, attempt)
                    await _retry.async_sleep(delay)
                    attempt += 1
                except (KeyError, TypeError, ValueError) as exc:
                    if not _decode_failure(exc):
                        raise
                    raise APIError(
                        f"The response does not match the spec ({type(exc).__name__})."
                    ) from exc
        finally:
            if token is not None:
                call_timeout.reset(token)
        if self._raw:
            return APIResponse[Any](response)
        return unwrap(response.parsed)

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


class AsyncLiveAvatarWithRawResponse:
    """`client.with_raw_response` of `AsyncLiveAvatar`."""

    def __init__(self, raw_client: AsyncLiveAvatar) -> None:
        self.llm_configurations = AsyncLLMConfigurationsWithRawResponse(
            raw_client.llm_configurations
        )
        self.secrets = AsyncSecretsWithRawResponse(raw_client.secrets)
        self._call = raw_client.call

    async def call(
        self, operation: AsyncOperation, /, *args: Any, **kwargs: Any
    ) -> APIResponse[Any]:
        result: APIResponse[Any] = await self._call(operation, *args, **kwargs)
        return result
