"""Client settings: the environment variable names, the defaults, and `Settings` resolved from arguments then environment."""

from __future__ import annotations

import ipaddress
import os
import re
import warnings
from dataclasses import dataclass, field

import httpx

from liveavatar.errors import LiveAvatarError, LocalKeyWarning

__all__ = [
    "API_KEY_ENV",
    "BASE_URL_ENV",
    "DEFAULT_BASE_URL",
    "DEFAULT_MAX_RETRIES",
    "DEFAULT_TIMEOUT",
    "SESSION_COOKIE",
    "SESSION_ENV",
    "SESSION_TOKEN_ENV",
    "Settings",
    "to_timeout",
]

API_KEY_ENV = "LIVEAVATAR_API_KEY"
BASE_URL_ENV = "LIVEAVATAR_BASE_URL"
SESSION_ENV = "LIVEAVATAR_SESSION"
SESSION_TOKEN_ENV = "LIVEAVATAR_SESSION_TOKEN"  # noqa: S105 - a variable name, not a secret
DEFAULT_BASE_URL = "https://api.liveavatar.com"
DEFAULT_TIMEOUT = 30.0
DEFAULT_MAX_RETRIES = 2
SESSION_COOKIE = "la_session"

# The shape of a key the reference server (liveavatar-server) mints: "la_" and 32 random bytes
# in URL-safe base64. Such a key means nothing to any other host.
_LOCAL_KEY = re.compile(r"la_[A-Za-z0-9_-]{43}")
_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain"})


def to_timeout(timeout: float | httpx.Timeout | None) -> httpx.Timeout:
    return timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)


def _is_loopback(host: str) -> bool:
    if host in _LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _warn_if_local_key(api_key: str | None, base_url: str) -> None:
    """A key minted by the reference server, about to be sent to a host that is not local."""
    if api_key is None or _LOCAL_KEY.fullmatch(api_key) is None:
        return
    host = httpx.URL(base_url).host
    if not _is_loopback(host):
        warnings.warn(
            f"The API key looks minted by the reference server (liveavatar-server), but the "
            f"client sends it to {host}. Point the client at the local server with "
            f"base_url=... or {BASE_URL_ENV}=http://127.0.0.1:8000.",
            LocalKeyWarning,
            stacklevel=4,  # the line that made the client
        )


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
        base_url = (base_url or os.environ.get(BASE_URL_ENV) or DEFAULT_BASE_URL).rstrip("/")
        _warn_if_local_key(api_key, base_url)
        return cls(api_key, session, session_token, base_url, to_timeout(timeout), max_retries)
