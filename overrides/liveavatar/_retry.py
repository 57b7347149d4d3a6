"""The retry policy: which failures are retried for which method, and how long to wait.

Idempotent methods (GET, HEAD, OPTIONS, PUT, DELETE, and PATCH, whose bodies here set fields
to absolute values) are retried on any transport failure or timeout and on 408, 429, 500,
502, 503 and 504. POST creates something, so it is retried only where the server cannot have
acted: the connection was never established (connect error, connect timeout, pool timeout),
or the server answered 429 (a rate limiter rejects before the handler runs). A POST is never
retried after a read/write timeout, a dropped connection or a 5xx, unless the spec marks its
operation `x-idempotent: true` (keep-alive and stop are, in the overlay): then it is retried
like a GET. The mark is read at generation time into `liveavatar_api.resources.OPERATIONS`, so
a new operation gets its policy with no client code.
"""

from __future__ import annotations

import asyncio
import email.utils
import random
import time

import httpx

from liveavatar.errors import APIStatusError

__all__ = [
    "INITIAL_DELAY",
    "MAX_DELAY",
    "MAX_RETRY_AFTER",
    "async_sleep",
    "retry_delay",
    "should_retry",
    "sleep",
]

INITIAL_DELAY = 0.5
MAX_DELAY = 8.0
# A longer Retry-After than this is not waited for: the backoff delay is used instead.
MAX_RETRY_AFTER = 60.0

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "PATCH"})
RETRYABLE_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Failures that prove the request never reached the server.
_NEVER_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
# Transport failures worth retrying for idempotent methods (not e.g. UnsupportedProtocol).
_TRANSIENT = (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError)

# Looked up at call time so tests can record the waits instead of sleeping.
sleep = time.sleep
async_sleep = asyncio.sleep


def should_retry(exc: Exception, idempotent: bool = False) -> bool:
    """Whether the failed attempt behind `exc` may be sent again without risking a duplicate.

    `idempotent`: the operation is idempotent whatever its method (`x-idempotent: true`).
    """
    if isinstance(exc, APIStatusError):
        status = exc.status_code
        if idempotent or exc.response.request.method in IDEMPOTENT_METHODS:
            return status in RETRYABLE_STATUSES
        return status == 429
    if isinstance(exc, httpx.TransportError):
        if isinstance(exc, _NEVER_SENT):
            return True
        try:
            method = exc.request.method
        except RuntimeError:  # no request attached: we cannot know, so do not risk it
            return False
        return (idempotent or method in IDEMPOTENT_METHODS) and isinstance(exc, _TRANSIENT)
    return False


def _retry_after(headers: httpx.Headers) -> float | None:
    """Seconds asked for by Retry-After (delta-seconds or HTTP date), None if absent or bad."""
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - time.time()
    return max(seconds, 0.0)


def retry_delay(attempt: int, exc: Exception) -> float:
    """Seconds to wait before retry number `attempt` (0-based) after `exc`.

    A server's Retry-After up to MAX_RETRY_AFTER wins; otherwise exponential backoff from
    INITIAL_DELAY, capped at MAX_DELAY, minus up to 25% jitter so clients spread out.
    """
    if isinstance(exc, APIStatusError):
        asked = _retry_after(exc.response.headers)
        if asked is not None and asked <= MAX_RETRY_AFTER:
            return asked
    delay = min(INITIAL_DELAY * 2.0**attempt, MAX_DELAY)
    return delay * (1.0 - 0.25 * random.random())  # noqa: S311 - jitter, not cryptography
