"""Credit balances per space: grants, the charge when a session ends, the start check.

Amounts are kept in thousandths of a credit (exact integers on every backend); the API
shows them as decimal strings.
"""

from __future__ import annotations

import math
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import Connection, insert, select, update

from liveavatar_server._tables import spaces
from liveavatar_server._tables_sessions import space_credits

if TYPE_CHECKING:
    from liveavatar_server._store import Store

__all__ = ["balance", "charge", "credits_text", "grant", "grant_to", "millis", "session_cost"]

MILLIS = 1000


def millis(credits: float | Decimal | str) -> int:
    """Thousandths of a credit, rounded half up."""
    value = Decimal(str(credits)) * MILLIS
    return int(value.to_integral_value(rounding="ROUND_HALF_UP"))


def credits_text(amount: int) -> str:
    """`12`, `9.5`, `-0.25`: the balance as the API's decimal string."""
    text = format(Decimal(amount) / MILLIS, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def session_cost(rate_per_minute: float, seconds: int) -> int:
    """Credits (thousandths) for a session that ran ``seconds``: every started minute is
    billed, at least one (the guide escrows one minute at start)."""
    minutes = max(1, math.ceil(seconds / 60))
    return millis(rate_per_minute) * minutes


def balance(conn: Connection, space_id: str) -> int:
    found = conn.execute(
        select(space_credits.c.balance_millis).where(space_credits.c.space_id == space_id)
    ).scalar_one_or_none()
    return int(found or 0)


def _add(conn: Connection, space_id: str, amount: int, at: datetime) -> None:
    changed = conn.execute(
        update(space_credits)
        .where(space_credits.c.space_id == space_id)
        .values(balance_millis=space_credits.c.balance_millis + amount, updated_at=at)
    ).rowcount
    if changed == 0:
        conn.execute(
            insert(space_credits),
            {"space_id": space_id, "balance_millis": amount, "updated_at": at},
        )


def grant(conn: Connection, space_id: str, amount: int, at: datetime) -> None:
    """Add ``amount`` thousandths to the space's balance (inside the caller's write)."""
    _add(conn, space_id, amount, at)


def charge(conn: Connection, space_id: str, amount: int, at: datetime) -> None:
    """Take ``amount`` from the balance; it may go below zero, as overage billing does."""
    if amount:
        _add(conn, space_id, -amount, at)


def grant_to(store: Store, space_id: str, credits: float | Decimal) -> int:
    """Add ``credits`` to an existing space; its new balance (thousandths)."""
    with store.transaction() as conn:
        if conn.execute(select(spaces.c.id).where(spaces.c.id == space_id)).first() is None:
            raise LookupError(f"no space {space_id!r}")
        grant(conn, space_id, millis(credits), store.clock())
        return balance(conn, space_id)
