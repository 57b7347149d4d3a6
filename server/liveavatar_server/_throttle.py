"""Per-key rate limiting (off by default): a token bucket per API key, in this process."""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

from liveavatar_server._errors import ApiError

__all__ = ["RateLimiter"]

_MAX_KEYS = 100_000


class RateLimiter:
    """``rate`` requests per second per key, bursts up to ``rate``; 429 with Retry-After past it."""

    def __init__(self, rate: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.capacity = max(1.0, rate)
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def reset(self) -> None:
        """Every key's bucket full again (the test double's `reset()`)."""
        with self._lock:
            self._buckets.clear()

    def admit(self, key: str) -> None:
        """Take one token for ``key`` or raise the 429."""
        now = self._clock()
        with self._lock:
            tokens, stamp = self._buckets.get(key, (self.capacity, now))
            tokens = min(self.capacity, tokens + (now - stamp) * self.rate)
            if tokens >= 1.0:
                if len(self._buckets) >= _MAX_KEYS:
                    self._buckets.clear()
                self._buckets[key] = (tokens - 1.0, now)
                return
            self._buckets[key] = (tokens, now)
        wait = max(1, math.ceil((1.0 - tokens) / self.rate))
        raise ApiError(429, "Rate limit exceeded", headers={"Retry-After": str(wait)})
