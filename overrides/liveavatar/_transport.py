"""Wiring onto the generated client: settings from arguments and environment, httpx hooks, raw responses."""

from __future__ import annotations

import json
import os
from collections.abc import Awaitable, Callable, MutableMapping
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx
from liveavatar_api import AuthenticatedClient, Client
from liveavatar_api.types import Response, Unset

from liveavatar.errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    LiveAvatarError,
    _make_status_error,
)

__all__ = [
    "API_KEY_ENV",
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "SESSION_ENV",
    "APIResponse",
    "Settings",
    "as_raw",
    "as_raw_async",
    "build_generated_client",
    "connection_error",
    "unwrap",
]

API_KEY_ENV = "LIVEAVATAR_API_KEY"
BASE_URL_ENV = "LIVEAVATAR_BASE_URL"
SESSION_ENV = "LIVEAVATAR_SESSION"
DEFAULT_BASE_URL = "https://api.liveavatar.com"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2
API_KEY_HEADER = "X-API-KEY"
SESSION_COOKIE = "la_session"

T = TypeVar("T")
P = ParamSpec("P")

# A per-call timeout (from `with_options(timeout=...)`) travels to the request hook here:
# the generated operations take no timeout argument and the httpx client is shared.
call_timeout: ContextVar[dict[str, float | None] | None] = ContextVar(
    "liveavatar_call_timeout", default=None
)


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved configuration of one client; secrets stay out of its repr."""

    api_key: str | None
    session: str | None
    base_url: str
    timeout: httpx.Timeout
    max_retries: int

    @classmethod
    def resolve(
        cls,
        api_key: str | None,
        base_url: str | None,
        session: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
    ) -> Settings:
        api_key = api_key or os.environ.get(API_KEY_ENV) or None
        session = session or os.environ.get(SESSION_ENV) or None
        if api_key is None and session is None:
            raise LiveAvatarError(
                f"No credentials: pass api_key=... or set the {API_KEY_ENV} environment "
                f"variable (or pass session=... / set {SESSION_ENV} for the la_session cookie)."
            )
        if max_retries < 0:
            raise LiveAvatarError(f"max_retries must be >= 0, got {max_retries}")
        base_url = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        return cls(api_key, session, base_url.rstrip("/"), to_timeout(timeout), max_retries)


def to_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def _apply_call_timeout(request: httpx.Request) -> None:
    timeout = call_timeout.get()
    if timeout is not None:
        request.extensions["timeout"] = timeout


def _raise_for_status(response: httpx.Response) -> None:
    # Raised before the generated code parses the body, which it cannot do for every
    # error body (HTML, empty, FastAPI's {detail} where an envelope is documented).
    if response.status_code >= 400:
        response.read()
        raise _make_status_error(response)


async def _apply_call_timeout_async(request: httpx.Request) -> None:
    _apply_call_timeout(request)


async def _raise_for_status_async(response: httpx.Response) -> None:
    if response.status_code >= 400:
        await response.aread()
        raise _make_status_error(response)


def _hooks(is_async: bool) -> dict[str, list[Callable[..., Any]]]:
    if is_async:
        return {"request": [_apply_call_timeout_async], "response": [_raise_for_status_async]}
    return {"request": [_apply_call_timeout], "response": [_raise_for_status]}


def build_generated_client(
    settings: Settings, http_client: httpx.Client | httpx.AsyncClient | None, is_async: bool
) -> AuthenticatedClient:
    """The generated client carrying auth, the session cookie, the timeout and our hooks.

    A caller's `http_client` keeps its transport, pool limits, proxies and other headers; it is
    pointed at `base_url` and given the key, the cookie, the timeout and the hooks in place.
    """
    cookies = {SESSION_COOKIE: settings.session} if settings.session else {}
    api: AuthenticatedClient | Client
    if settings.api_key:
        api = AuthenticatedClient(
            base_url=settings.base_url,
            token=settings.api_key,
            prefix="",
            auth_header_name=API_KEY_HEADER,
            cookies=cookies,
            timeout=settings.timeout,
            httpx_args={"event_hooks": _hooks(is_async)},
        )
    else:
        # Session only: the plain client sends no X-API-KEY header at all.
        api = Client(
            base_url=settings.base_url,
            cookies=cookies,
            timeout=settings.timeout,
            httpx_args={"event_hooks": _hooks(is_async)},
        )
    if http_client is not None:
        expected = httpx.AsyncClient if is_async else httpx.Client
        if not isinstance(http_client, expected):
            raise TypeError(f"http_client must be an {expected.__module__}.{expected.__name__}")
        http_client.base_url = httpx.URL(settings.base_url)
        if settings.api_key:
            http_client.headers[API_KEY_HEADER] = settings.api_key
        if settings.session:
            http_client.cookies.set(SESSION_COOKIE, settings.session)
        http_client.timeout = settings.timeout
        hooks = http_client.event_hooks
        for name, functions in _hooks(is_async).items():
            hooks[name] = [*hooks.get(name, []), *functions]
        http_client.event_hooks = hooks
        if isinstance(http_client, httpx.AsyncClient):
            api.set_async_httpx_client(http_client)
        else:
            api.set_httpx_client(http_client)
    # Both classes expose what the generated operations use (get_httpx_client and friends);
    # they are typed to take AuthenticatedClient only because every operation declares auth.
    return cast(AuthenticatedClient, api)


def connection_error(exc: httpx.TransportError) -> APIConnectionError:
    """The public exception for a transport failure (the httpx one is chained as its cause)."""
    try:
        request: httpx.Request | None = exc.request
    except RuntimeError:
        request = None
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(f"Request timed out ({type(exc).__name__}).", request=request)
    detail = str(exc) or type(exc).__name__
    return APIConnectionError(f"Connection error: {detail}", request=request)


def unwrap(parsed: object) -> Any:
    """The envelope's `data` (None when absent)."""
    data = getattr(parsed, "data", None)
    if type(data) is dict:
        # The generated parser of an `anyOf: [$ref, null]` falls back to the raw dict when the
        # model does not parse: the body broke the spec, so the caller must not get a dict.
        raise APIError("The response does not match the spec (data is not a valid object).")
    return None if isinstance(data, Unset) else data


class APIResponse(Generic[T]):
    """One successful call as received: status, headers, raw bytes and the parsed envelope.

    `parse()` returns what the plain call would have returned (the envelope's `data`).
    """

    __slots__ = ("content", "envelope", "headers", "status_code")

    def __init__(self, response: Response[Any]) -> None:
        self.status_code: int = int(response.status_code)
        self.headers: MutableMapping[str, str] = response.headers
        self.content: bytes = response.content
        # The generated envelope model ({code, data, message}) or None for an undocumented status.
        self.envelope: Any = response.parsed

    def parse(self) -> T:
        return cast(T, unwrap(self.envelope))

    def json(self) -> Any:
        return json.loads(self.content)

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}]>"


def as_raw(method: Callable[P, T]) -> Callable[P, APIResponse[T]]:
    """Retype a method of a raw-mode client, which returns APIResponse at run time."""
    return cast(Callable[P, APIResponse[T]], method)


def as_raw_async(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[APIResponse[T]]]:
    """Retype a coroutine method of a raw-mode async client."""
    return cast(Callable[P, Awaitable[APIResponse[T]]], method)
