"""What the catalog needs to know about sessions, behind one seam the sessions code fills in.

Memory is created from a session (POST /v1/memory names a `session_id`). The catalog does
not own the sessions table: it asks `find_session`, which answers for the caller's space
only. Until the sessions state machine provides it, no session exists, so creating a memory
answers 404; the `Memory` handler takes any other lookup by injection (tests use that).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from liveavatar_server._store import Store

__all__ = ["FindSession", "SessionRecord", "find_session"]


@dataclass(frozen=True)
class SessionRecord:
    """A session as memory sees it: its mode and what was said, oldest line first."""

    session_id: str
    mode: str  # "FULL" or "LITE"
    transcript: tuple[tuple[str, str], ...] = field(default=())  # (role, text)


FindSession = Callable[[Store, str, str], SessionRecord | None]


def find_session(store: Store, space_id: str, session_id: str) -> SessionRecord | None:
    """The session ``session_id`` of ``space_id``, None when there is none (or it is another space's)."""
    del store, space_id, session_id
    return None
