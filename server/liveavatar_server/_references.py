"""Whether an id a request names exists in the caller's space, by kind of object.

The seam between the session token (which names avatars, voices, contexts, LLM
configurations, secrets, memories and prior sessions) and the modules that own those
objects: each owner registers a checker for its kind; a kind with no checker is not judged.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import Table, bindparam, select

from liveavatar_server import _tables as t
from liveavatar_server import _tables_sessions as ts

if TYPE_CHECKING:
    from liveavatar_server._store import Store

__all__ = ["Checker", "references_exist", "register"]

Checker = Callable[["Store", str, str], bool]
_CHECKERS: dict[str, Checker] = {}


def register(kind: str, checker: Checker) -> None:
    """Make ``checker(store, space_id, id)`` judge ids of ``kind`` (the last one wins)."""
    _CHECKERS[kind] = checker


def references_exist(store: Store, space_id: str, kind: str, object_id: str) -> bool:
    """True when ``object_id`` is a ``kind`` the space may use (unjudged kinds count as yes)."""
    checker = _CHECKERS.get(kind)
    return True if checker is None else checker(store, space_id, object_id)


def _row_in_space(table: Table) -> Checker:
    statement = select(table.c.id).where(
        table.c.id == bindparam("object_id"), table.c.space_id == bindparam("space_id")
    )

    def check(store: Store, space_id: str, object_id: str) -> bool:
        with store.snapshot() as conn:
            found = conn.execute(statement, {"object_id": object_id, "space_id": space_id})
            return found.first() is not None

    return check


register("llm_configuration", _row_in_space(t.llm_configurations))
register("secret", _row_in_space(t.secrets))
register("session", _row_in_space(ts.avatar_sessions))
