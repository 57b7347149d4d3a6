"""One call of a generated operation, all but its I/O: credentials and timeout as explicit request options, the retry decision, the parse.

The sync and async clients share this; each only sends (the generated `sync_send` /
`asyncio_send`, which take `headers=` and `timeout=`) and sleeps between attempts its own way.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Any, Protocol, cast

import httpx
from liveavatar_api import AuthenticatedClient, Client
from liveavatar_api.resources import OPERATIONS, SECURITY_SCHEMES, Operation

from liveavatar import _retry
from liveavatar._auth import credential_headers
from liveavatar._response import parse
from liveavatar._settings import SESSION_COOKIE, Settings
from liveavatar._version import HTTPX_USER_AGENT, USER_AGENT
from liveavatar.errors import APIConnectionError, APIStatusError, APITimeoutError

__all__ = [
    "RETRIED",
    "AsyncOperation",
    "Call",
    "Caller",
    "Runner",
    "SyncOperation",
    "build_generated_client",
    "call_headers",
    "connection_error",
    "operation_of",
]

logger = logging.getLogger("liveavatar")

# What a failed attempt raises that the retry policy judges (anything else is raised as is).
RETRIED = (APIStatusError, httpx.TransportError)


class SyncOperation(Protocol):
    """Any generated operation module (it has `sync_send` and `build_response`)."""

    def sync_send(self, *args: Any, **kwargs: Any) -> httpx.Response: ...
    def build_response(self, *, client: Any, response: httpx.Response) -> Any: ...


class AsyncOperation(Protocol):
    """Any generated operation module (it has `asyncio_send` and `build_response`)."""

    def asyncio_send(self, *args: Any, **kwargs: Any) -> Awaitable[httpx.Response]: ...
    def build_response(self, *, client: Any, response: httpx.Response) -> Any: ...


_BY_MODULE = {operation.module.__name__: operation for operation in OPERATIONS}


def operation_of(module: Any) -> Operation:
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


def build_generated_client(
    settings: Settings, http_client: httpx.Client | httpx.AsyncClient | None, is_async: bool
) -> AuthenticatedClient:
    """The generated client carrying the base URL and the timeout, and no credential.

    Credentials travel per call as explicit `headers=`: each operation sends only what its spec
    `security` asks for. A caller's `http_client` keeps its transport, pool limits, proxies,
    event hooks and other headers; it is pointed at `base_url` and given the timeout.
    """
    api = Client(
        base_url=settings.base_url, timeout=settings.timeout, headers={"User-Agent": USER_AGENT}
    )
    if http_client is not None:
        expected = httpx.AsyncClient if is_async else httpx.Client
        if not isinstance(http_client, expected):
            raise TypeError(f"http_client must be an {expected.__module__}.{expected.__name__}")
        http_client.base_url = httpx.URL(settings.base_url)
        http_client.timeout = settings.timeout
        if http_client.headers.get("User-Agent") == HTTPX_USER_AGENT:
            http_client.headers["User-Agent"] = USER_AGENT
        if isinstance(http_client, httpx.AsyncClient):
            api.set_async_httpx_client(http_client)
        else:
            api.set_httpx_client(http_client)
    # The plain Client exposes what the generated operations use (get_httpx_client and
    # friends); they are typed to take AuthenticatedClient only because most declare auth.
    return cast(AuthenticatedClient, api)


def _request_of(exc: Exception) -> httpx.Request | None:
    if isinstance(exc, APIStatusError):
        return exc.response.request
    try:
        return cast(httpx.TransportError, exc).request
    except (AttributeError, RuntimeError):  # no request attached
        return None


def connection_error(exc: httpx.TransportError, host: str = "") -> APIConnectionError:
    """The public exception for a transport failure, naming the host (the httpx one is its cause).

    `host`: the client's, for a failure that carries no request (a custom transport's).
    """
    request = _request_of(exc)
    host = request.url.host if request is not None and request.url.host else host
    where = f" ({host})" if host else ""
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out{where}: {type(exc).__name__}.", request=request)
    detail = str(exc) or type(exc).__name__
    return APIConnectionError(f"Connection error{where}: {detail}", request=request)


def _log_retry(exc: Exception, delay: float, attempt: int) -> None:
    # Method, path and reason only: never headers (the key) nor bodies (secret values).
    if not logger.isEnabledFor(logging.INFO):
        return
    reason = str(exc.status_code) if isinstance(exc, APIStatusError) else type(exc).__name__
    request = _request_of(exc)
    target = f"{request.method} {request.url.path}" if request is not None else "request"
    logger.info("Retrying %s in %.2fs after %s (retry %d)", target, delay, reason, attempt + 1)


class Call:
    """One call in flight: what each attempt sends, and what a failed attempt leads to."""

    __slots__ = ("_api", "_attempt", "_host", "_max_retries", "_raw", "args", "kwargs", "operation")

    def __init__(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        *,
        api: AuthenticatedClient,
        headers: dict[str, str],
        timeout: httpx.Timeout | None,
        max_retries: int,
        raw: bool,
        host: str,
    ) -> None:
        self.operation = operation
        self.args = args
        # The generated `sync_send(*args, **kwargs)`: the request options travel as arguments.
        self.kwargs = {**kwargs, "client": api, "headers": headers, "timeout": timeout}
        self._api = api
        self._max_retries = max_retries
        self._raw = raw
        self._host = host
        self._attempt = 0

    def result(self, response: httpx.Response) -> Any:
        """The call's result, or the status error of the response (which `failed` judges)."""
        return parse(
            self.operation.module.build_response,
            self._api,
            response,
            self.operation.data_required,
            self._raw,
        )

    def failed(self, exc: Exception) -> float:
        """The wait before the next attempt, or raise `exc` as the public exception."""
        attempt = self._attempt
        if attempt >= self._max_retries or not _retry.should_retry(exc, self.operation.idempotent):
            if isinstance(exc, httpx.TransportError):
                raise connection_error(exc, self._host) from exc
            raise exc
        delay = _retry.retry_delay(attempt, exc)
        _log_retry(exc, delay, attempt)
        self._attempt += 1
        return delay


class Runner(Protocol):
    """What `Caller` runs on: the sync or the async client."""

    def _run(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
    ) -> Any: ...

    def _paginate(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
    ) -> Any: ...


class Caller:
    """The generated resources' `Caller`: every named method runs through the client."""

    __slots__ = ("_client",)

    def __init__(self, client: Runner) -> None:
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
    ) -> Any:
        return self._client._paginate(operation, args, kwargs, session_token)


def call_headers(
    cache: dict[int, dict[str, str]],
    operation: Operation,
    settings: Settings,
    session_token: str | None,
) -> dict[str, str]:
    """Credentials of one call (checked before any request), cached per operation."""
    if session_token is not None:
        return credential_headers(operation, settings, session_token)
    headers = cache.get(id(operation))
    if headers is None:
        headers = cache[id(operation)] = credential_headers(operation, settings, None)
    return headers
