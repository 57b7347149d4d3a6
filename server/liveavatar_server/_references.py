"""Whether an id a request names exists in the caller's space, and the sessions memory reads.

The seam between what names an id (a session token, a resource's `<x>_id` field) and the
handwritten storage that owns such objects (the catalog, sessions): each owner registers a
checker for its kind; the resource engine answers for the objects it stores itself, and a
kind nobody knows is a LookupError, not a silent yes.
Memory is created from a session: `find_session` answers for the caller's space only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import Table, bindparam, select

from liveavatar_server import _tables_sessions as ts

if TYPE_CHECKING:
    from liveavatar_server._store import Store

__all__ = [
    "Checker",
    "FindSession",
    "SessionRecord",
    "find_session",
    "references_exist",
    "register",
]

Checker = Callable[["Store", str, str], bool]
_CHECKERS: dict[str, Checker] = {}


def register(kind: str, checker: Checker) -> None:
    """Make ``checker(store, space_id, id)`` judge ids of ``kind`` (the last one wins)."""
    _CHECKERS[kind] = checker


def references_exist(store: Store, space_id: str, kind: str, object_id: str) -> bool:
    """True when ``object_id`` is a ``kind`` the space may use; an unknown kind is a LookupError."""
    checker = _CHECKERS.get(kind)
    if checker is None:
        raise LookupError(f"no checker for objects of kind {kind!r}")
    return checker(store, space_id, object_id)


def _row_in_space(table: Table) -> Checker:
    statement = select(table.c.id).where(
        table.c.id == bindparam("object_id"), table.c.space_id == bindparam("space_id")
    )

    def check(store: Store, space_id: str, object_id: str) -> bool:
        with store.cursor(write=False) as cursor:
            found = cursor.one(statement, {"object_id": object_id, "space_id": space_id})
            return found is not None

    return check


register("session", _row_in_space(ts.avatar_sessions))


@dataclass(frozen=True)
class SessionRecord:
    """A session as memory sees it: its mode and what was said, oldest line first."""

    session_id: str
    mode: str  # "FULL" or "LITE"
    transcript: tuple[tuple[str, str], ...] = field(default=())  # (role, text)


FindSession = Callable[["Store", str, str], SessionRecord | None]

_SESSION = select(ts.avatar_sessions.c.id, ts.avatar_sessions.c.mode).where(
    ts.avatar_sessions.c.id == bindparam("session_id"),
    ts.avatar_sessions.c.space_id == bindparam("space_id"),
)
_TRANSCRIPT = (
    select(ts.session_transcripts.c.role, ts.session_transcripts.c.transcript)
    .where(ts.session_transcripts.c.session_id == bindparam("session_id"))
    .order_by(ts.session_transcripts.c.seq)
)


def find_session(store: Store, space_id: str, session_id: str) -> SessionRecord | None:
    """The session ``session_id`` of ``space_id``; None when there is none (or another space's)."""
    with store.cursor(write=False) as cursor:
        row = cursor.one(_SESSION, {"session_id": session_id, "space_id": space_id})
        if row is None:
            return None
        lines = cursor.all(_TRANSCRIPT, {"session_id": session_id})
    return SessionRecord(
        str(row["id"]), str(row["mode"]), tuple((r["role"], r["transcript"]) for r in lines)
    )
