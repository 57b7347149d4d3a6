"""Credit balances per space: grants, the charge when a session ends, the start check.

Amounts are kept in thousandths of a credit (exact integers on every backend); the API
shows them as decimal strings.
"""

from __future__ import annotations

import math
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import BigInteger, String, bindparam, insert, select, update

from liveavatar_server._prepared import RawCursor
from liveavatar_server._tables import UTCDateTime, spaces
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


_c = space_credits.c
_SPACE = bindparam("space_id", type_=String())
_AMOUNT = bindparam("amount", type_=BigInteger())
_AT = bindparam("at", type_=UTCDateTime())
_BALANCE = select(_c.balance_millis).where(_c.space_id == _SPACE)
_ADD = (
    update(space_credits)
    .where(_c.space_id == _SPACE)
    .values(balance_millis=_c.balance_millis + _AMOUNT, updated_at=_AT)
)
_OPEN = insert(space_credits).values(space_id=_SPACE, balance_millis=_AMOUNT, updated_at=_AT)
_SPACE_EXISTS = select(spaces.c.id).where(spaces.c.id == _SPACE)


def balance(cursor: RawCursor, space_id: str) -> int:
    found = cursor.one(_BALANCE, {"space_id": space_id})
    return int(found["balance_millis"] or 0) if found is not None else 0


def _add(cursor: RawCursor, space_id: str, amount: int, at: datetime) -> None:
    values = {"space_id": space_id, "amount": amount, "at": at}
    if cursor.run(_ADD, values) == 0:
        cursor.run(_OPEN, values)


def grant(cursor: RawCursor, space_id: str, amount: int, at: datetime) -> None:
    """Add ``amount`` thousandths to the space's balance (inside the caller's write)."""
    _add(cursor, space_id, amount, at)


def charge(cursor: RawCursor, space_id: str, amount: int, at: datetime) -> None:
    """Take ``amount`` from the balance; it may go below zero, as overage billing does."""
    if amount:
        _add(cursor, space_id, -amount, at)


def grant_to(store: Store, space_id: str, credits: float | Decimal) -> int:
    """Add ``credits`` to an existing space; its new balance (thousandths)."""
    with store.cursor(write=True) as cursor:
        if cursor.one(_SPACE_EXISTS, {"space_id": space_id}) is None:
            raise LookupError(f"no space {space_id!r}")
        grant(cursor, space_id, millis(credits), store.clock())
        return balance(cursor, space_id)
