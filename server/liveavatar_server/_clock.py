"""The store's clock: wall time, optionally moved by tests (in process, or through a file)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

__all__ = ["Clock", "MovableClock", "file_offset_clock", "system_clock"]

Clock = Callable[[], datetime]


def system_clock() -> datetime:
    return datetime.now(UTC)


class MovableClock:
    """Wall time plus an offset that only grows: `advance(seconds)` moves every deadline."""

    def __init__(self) -> None:
        self._offset = timedelta()
        self._lock = threading.Lock()

    def __call__(self) -> datetime:
        return system_clock() + self._offset

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time only moves forward")
        with self._lock:
            self._offset += timedelta(seconds=seconds)

    def reset(self) -> None:
        """Back to wall time (the test double's `reset()`: as a fresh server's clock)."""
        with self._lock:
            self._offset = timedelta()


def file_offset_clock(path: str) -> Clock:
    """Wall time plus the seconds written in ``path`` (missing or unreadable: zero).

    `LIVEAVATAR_CLOCK_OFFSET_FILE` points a served process at such a file, so a test in
    another process can expire its sessions: `echo 600 > FILE` moves it ten minutes ahead.
    """
    source = Path(path)

    def now() -> datetime:
        try:
            offset = float(source.read_text().strip() or 0)
        except (OSError, ValueError):
            offset = 0.0
        return system_clock() + timedelta(seconds=max(0.0, offset))

    return now
