"""Wiring onto the generated client: settings from arguments and environment, httpx hooks, raw responses."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, MutableMapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx
from liveavatar_api import AuthenticatedClient, Client
from liveavatar_api.types import Response, Unset

from liveavatar._version import HTTPX_USER_AGENT, USER_AGENT
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
    "SESSION_TOKEN_ENV",
    "APIResponse",
    "CallOptions",
    "Settings",
    "build_generated_client",
    "call_options",
    "connection_error",
    "unwrap",
]

API_KEY_ENV = "LIVEAVATAR_API_KEY"
BASE_URL_ENV = "LIVEAVATAR_BASE_URL"
SESSION_ENV = "LIVEAVATAR_SESSION"
SESSION_TOKEN_ENV = "LIVEAVATAR_SESSION_TOKEN"  # noqa: S105 - a variable name, not a secret
DEFAULT_BASE_URL = "https://api.liveavatar.com"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2
SESSION_COOKIE = "la_session"

T = TypeVar("T")
P = ParamSpec("P")


@dataclass(frozen=True, slots=True)
class CallOptions:
    """What one call adds to its requests: credentials and a per-call timeout."""

    headers: dict[str, str]
    timeout: dict[str, float | None] | None


# The request hook reads the current call's options here: the generated operations take no
# headers or timeout argument, and the httpx client (and its pool) is shared by every call.
call_options: ContextVar[CallOptions | None] = ContextVar("liveavatar_call_options", default=None)


@dataclass(frozen=True, slots=True)
class Settings:
    """Resolved configuration of one client; secrets stay out of its repr."""

    api_key: str | None = field(repr=False)
    session: str | None = field(repr=False)
    session_token: str | None = field(repr=False)
    base_url: str
    timeout: httpx.Timeout
    max_retries: int

    @classmethod
    def resolve(
        cls,
        api_key: str | None,
        base_url: str | None,
        session: str | None,
        session_token: str | None,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
    ) -> Settings:
        """Arguments first, then the environment. No credential is required here: each
        operation checks for the one its `security` asks for when it is called."""
        api_key = api_key or os.environ.get(API_KEY_ENV) or None
        session = session or os.environ.get(SESSION_ENV) or None
        session_token = session_token or os.environ.get(SESSION_TOKEN_ENV) or None
        if max_retries < 0:
            raise LiveAvatarError(f"max_retries must be >= 0, got {max_retries}")
        base_url = base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL
        return cls(
            api_key, session, session_token, base_url.rstrip("/"), to_timeout(timeout), max_retries
        )


def to_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def _apply_call_options(request: httpx.Request) -> None:
    options = call_options.get()
    if options is not None:
        if options.headers:
            request.headers.update(options.headers)
        if options.timeout is not None:
            request.extensions["timeout"] = options.timeout


def _raise_for_status(response: httpx.Response) -> None:
    # Raised before the generated code parses the body, which it cannot do for every
    # error body (HTML, empty, FastAPI's {detail} where an envelope is documented).
    if response.status_code >= 400:
        response.read()
        raise _make_status_error(response)


async def _apply_call_options_async(request: httpx.Request) -> None:
    _apply_call_options(request)


async def _raise_for_status_async(response: httpx.Response) -> None:
    if response.status_code >= 400:
        await response.aread()
        raise _make_status_error(response)


def _hooks(is_async: bool) -> dict[str, list[Callable[..., Any]]]:
    if is_async:
        return {"request": [_apply_call_options_async], "response": [_raise_for_status_async]}
    return {"request": [_apply_call_options], "response": [_raise_for_status]}


def build_generated_client(
    settings: Settings, http_client: httpx.Client | httpx.AsyncClient | None, is_async: bool
) -> AuthenticatedClient:
    """The generated client carrying the timeout and our hooks, and no credential.

    Credentials travel per call (`call_options`): each operation sends only what its spec
    `security` asks for. A caller's `http_client` keeps its transport, pool limits, proxies and
    other headers; it is pointed at `base_url` and given the timeout and the hooks in place.
    """
    api = Client(
        base_url=settings.base_url,
        timeout=settings.timeout,
        headers={"User-Agent": USER_AGENT},
        httpx_args={"event_hooks": _hooks(is_async)},
    )
    if http_client is not None:
        expected = httpx.AsyncClient if is_async else httpx.Client
        if not isinstance(http_client, expected):
            raise TypeError(f"http_client must be an {expected.__module__}.{expected.__name__}")
        http_client.base_url = httpx.URL(settings.base_url)
        http_client.timeout = settings.timeout
        if http_client.headers.get("User-Agent") == HTTPX_USER_AGENT:
            http_client.headers["User-Agent"] = USER_AGENT
        hooks = http_client.event_hooks
        for name, functions in _hooks(is_async).items():
            hooks[name] = [*hooks.get(name, []), *functions]
        http_client.event_hooks = hooks
        if isinstance(http_client, httpx.AsyncClient):
            api.set_async_httpx_client(http_client)
        else:
            api.set_httpx_client(http_client)
    # The plain Client exposes what the generated operations use (get_httpx_client and
    # friends); they are typed to take AuthenticatedClient only because most declare auth.
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


def unwrap(parsed: object, data_required: bool = False) -> Any:
    """The envelope's `data` (None when absent, unless the operation promises one)."""
    data = getattr(parsed, "data", None)
    if type(data) is dict:
        # The generated parser of an `anyOf: [$ref, null]` falls back to the raw dict when the
        # model does not parse: the body broke the spec, so the caller must not get a dict.
        raise APIError("The response does not match the spec (data is not a valid object).")
    if data is None or isinstance(data, Unset):
        if data_required:
            raise APIError("The response does not match the spec (a success without data).")
        return None
    return data


class APIResponse(Generic[T]):
    """One successful call as received: status, headers, raw bytes and the parsed envelope.

    `parse()` returns what the plain call would have returned (the envelope's `data`).
    """

    __slots__ = ("_data_required", "content", "envelope", "headers", "status_code")

    def __init__(self, response: Response[Any], data_required: bool = False) -> None:
        self._data_required = data_required
        self.status_code: int = int(response.status_code)
        self.headers: MutableMapping[str, str] = response.headers
        self.content: bytes = response.content
        # The generated envelope model ({code, data, message}) or None for an undocumented status.
        self.envelope: Any = response.parsed

    def parse(self) -> T:
        return cast(T, unwrap(self.envelope, self._data_required))

    def json(self) -> Any:
        return json.loads(self.content)

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}]>"
