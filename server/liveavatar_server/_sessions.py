"""Avatar sessions as a state machine: created (token) -> running (start) -> ended.

A session ends when it is stopped, or by itself at its idle deadline (start or last
keep-alive plus the idle timeout) or its duration limit, whichever comes first. Expiry is
applied lazily: every operation on a space's sessions first ends those past a deadline, at
that deadline. Ending is one conditional UPDATE (`WHERE state = <expected>`) with the
credit charge in the same transaction, so concurrent stops and keep-alives charge once.
"""

from __future__ import annotations

import secrets as _random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, or_, select, update

from liveavatar_server import _credits
from liveavatar_server._store import Principal, Row, Store, digest, new_id
from liveavatar_server._tables import api_keys, counted
from liveavatar_server._tables_sessions import avatar_embeds, avatar_sessions, session_transcripts

__all__ = [
    "CREATED",
    "ENDED",
    "RUNNING",
    "NewSession",
    "NotEnoughCredits",
    "SessionStateConflict",
    "add_transcript",
    "create",
    "create_embed",
    "delete_events",
    "expire_due",
    "get",
    "keep_alive",
    "list_page",
    "open_embed_session",
    "start",
    "stop",
    "transcript",
]

CREATED, RUNNING, ENDED = "created", "running", "ended"
TOKEN_PREFIX = "lat_"  # noqa: S105 (a prefix, not a credential)
c = avatar_sessions.c


class SessionStateConflict(Exception):
    """The session is not in a state that allows the transition (answered 409)."""


class NotEnoughCredits(Exception):
    """The space's balance does not cover one minute of a non-sandbox session."""


@dataclass(frozen=True)
class NewSession:
    """What a session token records: mode, where it comes from, what it references."""

    mode: str
    is_sandbox: bool
    max_duration: int
    source: str = "API"
    avatar_id: str | None = None
    context_id: str | None = None
    embed_id: str | None = None
    custom_livekit_url: str | None = None
    custom_livekit_room: str | None = None
    custom_livekit_token: str | None = None


def _rate(store: Store, row: Mapping[str, Any]) -> float:
    rates = store.settings.sessions
    return rates.rate_lite if row["mode"] == "LITE" else rates.rate_full


def _end(conn: Connection, store: Store, row: Mapping[str, Any], at: datetime, reason: str) -> bool:
    """End ``row`` at ``at`` if it is still in the state it was read in; charge it once."""
    started = row["started_at"]
    duration = max(0, int((at - started).total_seconds())) if started is not None else 0
    cost = 0
    if started is not None and not row["is_sandbox"]:
        cost = _credits.session_cost(_rate(store, row), duration)
    changed = conn.execute(
        update(avatar_sessions)
        .where(c.id == row["id"], c.state == row["state"])
        .values(
            state=ENDED,
            ended_at=at,
            end_reason=reason,
            duration=duration,
            credits_millis=cost,
            updated_at=at,
        )
    ).rowcount
    if changed == 1:
        _credits.charge(conn, row["space_id"], cost, at)
    return bool(changed == 1)


def _deadline(row: Mapping[str, Any]) -> tuple[datetime, str]:
    idle, limit = row["idle_deadline"], row["ends_by"]
    return (idle, "IDLE_TIMEOUT") if idle < limit else (limit, "MAX_DURATION_REACHED")


def _expire(conn: Connection, store: Store, where: Any) -> None:
    moment = store.clock()
    due = conn.execute(
        select(avatar_sessions).where(
            where, c.state == RUNNING, or_(c.idle_deadline <= moment, c.ends_by <= moment)
        )
    ).mappings()
    for row in [dict(found) for found in due]:
        at, reason = _deadline(row)
        _end(conn, store, row, at, reason)


def expire_due(store: Store, space_id: str) -> None:
    """End every running session of the space that is past a deadline, at that deadline."""
    with store.transaction() as conn:
        _expire(conn, store, c.space_id == space_id)


def _one(conn: Connection, space_id: str, session_id: str) -> Row | None:
    found = (
        conn.execute(select(avatar_sessions).where(c.id == session_id, c.space_id == space_id))
        .mappings()
        .first()
    )
    return None if found is None else dict(found)


def create(store: Store, principal: Principal, space_id: str, new: NewSession) -> tuple[str, str]:
    """A created session and its bearer token (only the token's hash is stored)."""
    session_id = str(new_id())
    token = TOKEN_PREFIX + _random.token_urlsafe(32)
    moment = store.clock()
    box = store.box
    with store.transaction() as conn:
        conn.execute(
            insert(avatar_sessions),
            {
                "id": session_id,
                "space_id": space_id,
                "api_key_id": principal.api_key_id,
                "token_hash": digest(token),
                "token_expires_at": moment + timedelta(seconds=store.settings.sessions.token_ttl),
                "mode": new.mode,
                "source": new.source,
                "is_sandbox": new.is_sandbox,
                "avatar_id": new.avatar_id,
                "context_id": new.context_id,
                "embed_id": new.embed_id,
                "room": new.custom_livekit_room or f"liveavatar-{session_id}",
                "custom_livekit_url": new.custom_livekit_url,
                "custom_livekit_token": box.encrypt(new.custom_livekit_token)
                if new.custom_livekit_token
                else None,
                "max_duration": new.max_duration,
                "state": CREATED,
                "created_at": moment,
                "updated_at": moment,
                "duration": 0,
                "credits_millis": 0,
            },
        )
    return session_id, token


def _begin(conn: Connection, store: Store, row: Mapping[str, Any], moment: datetime) -> Row:
    settings = store.settings.sessions
    limit = row["max_duration"]
    if row["is_sandbox"]:
        limit = min(limit, settings.sandbox_duration)
    ends_by = moment + timedelta(seconds=limit)
    values = {
        "state": RUNNING,
        "started_at": moment,
        "idle_deadline": min(ends_by, moment + timedelta(seconds=settings.idle_timeout)),
        "ends_by": ends_by,
        # The bearer token keeps working for stop and keep-alive while the session may run.
        "token_expires_at": max(row["token_expires_at"], ends_by),
        "updated_at": moment,
    }
    changed = conn.execute(
        update(avatar_sessions).where(c.id == row["id"], c.state == CREATED).values(values)
    ).rowcount
    if changed != 1:
        raise SessionStateConflict("Session already started")
    return {**row, **values}


def start(store: Store, space_id: str, session_id: str) -> tuple[Row, str | None]:
    """Run a created session; the row and the caller's own LiveKit client token, if any."""
    with store.transaction() as conn:
        row = _one(conn, space_id, session_id)
        if row is None:
            raise LookupError(session_id)
        if row["state"] == RUNNING:
            raise SessionStateConflict("Session already started")
        if row["state"] == ENDED:
            raise SessionStateConflict("Session already ended")
        if not row["is_sandbox"]:
            needed = _credits.session_cost(_rate(store, row), 60)
            if _credits.balance(conn, space_id) < needed:
                raise NotEnoughCredits(_credits.credits_text(needed))
        started = _begin(conn, store, row, store.clock())
    token = row["custom_livekit_token"]
    return started, store.box.decrypt(token) if token else None


def _running(conn: Connection, store: Store, space_id: str, session_id: str) -> Row:
    _expire(conn, store, c.id == session_id)
    row = _one(conn, space_id, session_id)
    if row is None:
        raise LookupError(session_id)
    if row["state"] == CREATED:
        raise SessionStateConflict("Session has not started")
    if row["state"] == ENDED:
        raise SessionStateConflict("Session already ended")
    return row


def keep_alive(store: Store, space_id: str, session_id: str) -> None:
    """Move the idle deadline to now + the idle timeout (never past the duration limit)."""
    with store.transaction() as conn:
        row = _running(conn, store, space_id, session_id)
        moment = store.clock()
        deadline = min(
            row["ends_by"], moment + timedelta(seconds=store.settings.sessions.idle_timeout)
        )
        changed = conn.execute(
            update(avatar_sessions)
            .where(c.id == session_id, c.state == RUNNING)
            .values(idle_deadline=deadline, updated_at=moment)
        ).rowcount
        if changed != 1:
            raise SessionStateConflict("Session already ended")


def stop(store: Store, space_id: str, session_id: str, reason: str) -> None:
    """End a created or running session with ``reason``; 409 when it already ended."""
    with store.transaction() as conn:
        _expire(conn, store, c.id == session_id)
        row = _one(conn, space_id, session_id)
        if row is None:
            raise LookupError(session_id)
        if row["state"] == ENDED or not _end(conn, store, row, store.clock(), reason):
            raise SessionStateConflict("Session already ended")


def has_ended(store: Store, space_id: str, session_id: str) -> bool:
    """Whether the session ended (by a stop or a deadline, applied now)."""
    with store.transaction() as conn:
        _expire(conn, store, c.id == session_id)
        row = _one(conn, space_id, session_id)
    return row is None or row["state"] == ENDED


def get(store: Store, space_id: str, session_id: str) -> Row | None:
    expire_due(store, space_id)
    with store.snapshot() as conn:
        return _one(conn, space_id, session_id)


def list_page(
    store: Store,
    space_id: str,
    *,
    active: bool,
    filters: Mapping[str, str | None],
    offset: int,
    limit: int,
) -> tuple[int, list[Row]]:
    """(count, rows) of running (active) or ended (historic) sessions, newest first."""
    expire_due(store, space_id)
    state = RUNNING if active else ENDED
    where = [c.space_id == space_id, c.state == state]
    narrowed = [c[name] == value for name, value in filters.items() if value is not None]
    where.extend(narrowed)
    # Unfiltered, the count is the triggers' counter (migration 0004): one index read.
    count = (
        select(func.count()).select_from(avatar_sessions).where(*where)
        if narrowed
        else counted(avatar_sessions, space_id, state)
    )
    with store.snapshot() as conn:
        total = int(conn.execute(count).scalar_one())
        rows = conn.execute(
            select(avatar_sessions)
            .where(*where)
            .order_by(c.created_at.desc(), c.seq.desc())
            .offset(offset)
            .limit(limit)
        ).mappings()
        return total, [dict(row) for row in rows]


INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def transcript(
    store: Store, space_id: str, session_id: str, start_at: int | None, end_at: int | None
) -> tuple[Row, list[Row]] | None:
    """The session and its transcript lines in [start_at, end_at) (Unix seconds)."""
    expire_due(store, space_id)
    t = session_transcripts.c
    with store.snapshot() as conn:
        row = _one(conn, space_id, session_id)
        if row is None:
            return None
        where = [t.session_id == session_id]
        # The spec leaves the bounds unbounded integers, as FastAPI's `int` is: past what a
        # 64-bit column holds, a bound excludes every line or none (never an overflow).
        if (start_at is not None and start_at > INT64_MAX) or (
            end_at is not None and end_at <= INT64_MIN
        ):
            return row, []
        start_at = None if start_at is not None and start_at < INT64_MIN else start_at
        end_at = None if end_at is not None and end_at > INT64_MAX else end_at
        if start_at is not None:
            where.append(t.absolute_timestamp >= start_at)
        if end_at is not None:
            where.append(t.absolute_timestamp < end_at)
        lines = conn.execute(
            select(t.role, t.transcript, t.absolute_timestamp, t.relative_timestamp)
            .where(and_(*where))
            .order_by(t.absolute_timestamp, t.seq)
        ).mappings()
        return row, [dict(line) for line in lines]


def add_transcript(store: Store, session_id: str, role: str, text: str) -> None:
    """Record one transcript line (what the avatar's room would write; tests and integrations)."""
    moment = store.clock()
    with store.transaction() as conn:
        started = conn.execute(select(c.started_at).where(c.id == session_id)).scalar_one()
        relative = int((moment - started).total_seconds()) if started is not None else 0
        conn.execute(
            insert(session_transcripts),
            {
                "session_id": session_id,
                "role": role,
                "transcript": text,
                "absolute_timestamp": int(moment.timestamp()),
                "relative_timestamp": relative,
            },
        )


def delete_events(store: Store, space_id: str, session_id: str) -> bool:
    """Hard-delete the session's events (its transcript); False for an unknown session."""
    with store.transaction() as conn:
        if _one(conn, space_id, session_id) is None:
            return False
        conn.execute(
            delete(session_transcripts).where(session_transcripts.c.session_id == session_id)
        )
    return True


def create_embed(store: Store, space_id: str, fields: Mapping[str, Any]) -> str:
    embed_id = str(new_id())
    with store.transaction() as conn:
        conn.execute(
            insert(avatar_embeds),
            {"id": embed_id, "space_id": space_id, "created_at": store.clock(), **fields},
        )
    return embed_id


def open_embed_session(store: Store, embed_id: str) -> str:
    """Start a session through an embed, as a visitor of the embed's page would (tests)."""
    e = avatar_embeds.c
    with store.snapshot() as conn:
        embed = conn.execute(select(avatar_embeds).where(e.id == embed_id)).mappings().one()
    with store.snapshot() as conn:
        api_key = (
            conn.execute(
                select(api_keys.c.id).where(
                    api_keys.c.space_id == embed["space_id"], api_keys.c.revoked_at.is_(None)
                )
            )
            .scalars()
            .first()
        )
    if api_key is None:
        raise LookupError("the embed's space has no API key")
    settings = store.settings.sessions
    session_id, _token = create(
        store,
        Principal(api_key_id=api_key, space_id=embed["space_id"]),
        embed["space_id"],
        NewSession(
            mode="FULL",
            source="EMBED",
            is_sandbox=embed["is_sandbox"],
            max_duration=embed["max_duration"] or settings.max_duration,
            avatar_id=embed["avatar_id"],
            context_id=embed["context_id"],
            embed_id=embed_id,
        ),
    )
    with store.transaction() as conn:
        row = _one(conn, embed["space_id"], session_id)
        assert row is not None
        _begin(conn, store, row, store.clock())
    return session_id
