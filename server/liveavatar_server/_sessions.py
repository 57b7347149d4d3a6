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

from sqlalchemy import String, and_, bindparam, delete, func, insert, or_, select, update

from liveavatar_server import _credits
from liveavatar_server._prepared import RawCursor
from liveavatar_server._store import Principal, Row, Store, digest, new_id
from liveavatar_server._tables import UTCDateTime, api_keys, counted
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


# The per-request statements, built once (see `_prepared`): values arrive as parameters.
_ID = bindparam("session_id", type_=String())
_SPACE = bindparam("space_id", type_=String())
_MOMENT = bindparam("moment", type_=UTCDateTime())
_AT = bindparam("at", type_=UTCDateTime())
_IDLE = bindparam("idle", type_=UTCDateTime())
_FROM = bindparam("from_state", type_=String())
_TO = bindparam("to_state", type_=String())
_DUE = (c.state == RUNNING, or_(c.idle_deadline <= _MOMENT, c.ends_by <= _MOMENT))
_DUE_SESSION = select(avatar_sessions).where(c.id == _ID, *_DUE)
_DUE_IN_SPACE = select(avatar_sessions).where(c.space_id == _SPACE, *_DUE)
_ONE = select(avatar_sessions).where(c.id == _ID, c.space_id == _SPACE)
_END = (
    update(avatar_sessions)
    .where(c.id == _ID, c.state == _FROM)
    .values(
        state=_TO,
        ended_at=_AT,
        end_reason=bindparam("reason", type_=String()),
        duration=bindparam("seconds", type_=c.duration.type),
        credits_millis=bindparam("cost", type_=c.credits_millis.type),
        updated_at=_AT,
    )
)
_BEGIN = (
    update(avatar_sessions)
    .where(c.id == _ID, c.state == _FROM)
    .values(
        state=_TO,
        started_at=_AT,
        idle_deadline=_IDLE,
        ends_by=bindparam("until", type_=UTCDateTime()),
        token_expires_at=bindparam("token_until", type_=UTCDateTime()),
        updated_at=_AT,
    )
)
_KEEP_ALIVE = (
    update(avatar_sessions)
    .where(c.id == _ID, c.state == _FROM)
    .values(idle_deadline=_IDLE, updated_at=_AT)
)
_NEW_COLUMNS = (
    "id", "space_id", "api_key_id", "token_hash", "token_expires_at", "mode", "source",
    "is_sandbox", "avatar_id", "context_id", "embed_id", "room", "custom_livekit_url",
    "custom_livekit_token", "max_duration", "state", "created_at", "updated_at", "duration",
    "credits_millis",
)  # fmt: skip
_INSERT = insert(avatar_sessions).values(
    {name: bindparam(name, type_=c[name].type) for name in _NEW_COLUMNS}
)
_t = session_transcripts.c
_STARTED_AT = select(c.started_at).where(c.id == _ID)
_INSERT_LINE = insert(session_transcripts).values(
    {
        name: bindparam(name, type_=_t[name].type)
        for name in ("session_id", "role", "transcript", "absolute_timestamp", "relative_timestamp")
    }
)
_DELETE_LINES = delete(session_transcripts).where(_t.session_id == _ID)


def _rate(store: Store, row: Mapping[str, Any]) -> float:
    rates = store.settings.sessions
    return rates.rate_lite if row["mode"] == "LITE" else rates.rate_full


def _end(
    cursor: RawCursor, store: Store, row: Mapping[str, Any], at: datetime, reason: str
) -> bool:
    """End ``row`` at ``at`` if it is still in the state it was read in; charge it once."""
    started = row["started_at"]
    duration = max(0, int((at - started).total_seconds())) if started is not None else 0
    cost = 0
    if started is not None and not row["is_sandbox"]:
        cost = _credits.session_cost(_rate(store, row), duration)
    changed = cursor.run(
        _END,
        {
            "session_id": row["id"],
            "from_state": row["state"],
            "to_state": ENDED,
            "at": at,
            "reason": reason,
            "seconds": duration,
            "cost": cost,
        },
    )
    if changed == 1:
        _credits.charge(cursor, row["space_id"], cost, at)
    return bool(changed == 1)


def _deadline(row: Mapping[str, Any]) -> tuple[datetime, str]:
    idle, limit = row["idle_deadline"], row["ends_by"]
    return (idle, "IDLE_TIMEOUT") if idle < limit else (limit, "MAX_DURATION_REACHED")


def _expire(cursor: RawCursor, store: Store, due: Any, which: Mapping[str, str]) -> None:
    for row in cursor.all(due, {**which, "moment": store.clock()}):
        at, reason = _deadline(row)
        _end(cursor, store, row, at, reason)


def expire_due(store: Store, space_id: str) -> None:
    """End every running session of the space that is past a deadline, at that deadline."""
    with store.cursor(write=True) as cursor:
        _expire(cursor, store, _DUE_IN_SPACE, {"space_id": space_id})


def _expire_session(cursor: RawCursor, store: Store, session_id: str) -> None:
    _expire(cursor, store, _DUE_SESSION, {"session_id": session_id})


def _one(cursor: RawCursor, space_id: str, session_id: str) -> Row | None:
    return cursor.one(_ONE, {"session_id": session_id, "space_id": space_id})


def create(store: Store, principal: Principal, space_id: str, new: NewSession) -> tuple[str, str]:
    """A created session and its bearer token (only the token's hash is stored)."""
    session_id = str(new_id())
    token = TOKEN_PREFIX + _random.token_urlsafe(32)
    moment = store.clock()
    box = store.box
    with store.cursor(write=True) as cursor:
        cursor.run(
            _INSERT,
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


def _begin(cursor: RawCursor, store: Store, row: Mapping[str, Any], moment: datetime) -> Row:
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
    changed = cursor.run(
        _BEGIN,
        {
            "session_id": row["id"],
            "from_state": CREATED,
            "to_state": RUNNING,
            "at": moment,
            "idle": values["idle_deadline"],
            "until": ends_by,
            "token_until": values["token_expires_at"],
        },
    )
    if changed != 1:
        raise SessionStateConflict("Session already started")
    return {**row, **values}


def start(store: Store, space_id: str, session_id: str) -> tuple[Row, str | None]:
    """Run a created session; the row and the caller's own LiveKit client token, if any."""
    with store.cursor(write=True) as cursor:
        row = _one(cursor, space_id, session_id)
        if row is None:
            raise LookupError(session_id)
        if row["state"] == RUNNING:
            raise SessionStateConflict("Session already started")
        if row["state"] == ENDED:
            raise SessionStateConflict("Session already ended")
        if not row["is_sandbox"]:
            needed = _credits.session_cost(_rate(store, row), 60)
            if _credits.balance(cursor, space_id) < needed:
                raise NotEnoughCredits(_credits.credits_text(needed))
        started = _begin(cursor, store, row, store.clock())
    token = row["custom_livekit_token"]
    return started, store.box.decrypt(token) if token else None


def _running(cursor: RawCursor, store: Store, space_id: str, session_id: str) -> Row:
    _expire_session(cursor, store, session_id)
    row = _one(cursor, space_id, session_id)
    if row is None:
        raise LookupError(session_id)
    if row["state"] == CREATED:
        raise SessionStateConflict("Session has not started")
    if row["state"] == ENDED:
        raise SessionStateConflict("Session already ended")
    return row


def keep_alive(store: Store, space_id: str, session_id: str) -> None:
    """Move the idle deadline to now + the idle timeout (never past the duration limit)."""
    with store.cursor(write=True) as cursor:
        row = _running(cursor, store, space_id, session_id)
        moment = store.clock()
        deadline = min(
            row["ends_by"], moment + timedelta(seconds=store.settings.sessions.idle_timeout)
        )
        changed = cursor.run(
            _KEEP_ALIVE,
            {"session_id": session_id, "from_state": RUNNING, "idle": deadline, "at": moment},
        )
        if changed != 1:
            raise SessionStateConflict("Session already ended")


def stop(store: Store, space_id: str, session_id: str, reason: str) -> None:
    """End a created or running session with ``reason``; 409 when it already ended."""
    with store.cursor(write=True) as cursor:
        _expire_session(cursor, store, session_id)
        row = _one(cursor, space_id, session_id)
        if row is None:
            raise LookupError(session_id)
        if row["state"] == ENDED or not _end(cursor, store, row, store.clock(), reason):
            raise SessionStateConflict("Session already ended")


def has_ended(store: Store, space_id: str, session_id: str) -> bool:
    """Whether the session ended (by a stop or a deadline, applied now)."""
    with store.cursor(write=True) as cursor:
        _expire_session(cursor, store, session_id)
        row = _one(cursor, space_id, session_id)
    return row is None or row["state"] == ENDED


def get(store: Store, space_id: str, session_id: str) -> Row | None:
    expire_due(store, space_id)
    with store.cursor(write=False) as cursor:
        return _one(cursor, space_id, session_id)


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
    with store.cursor(write=False) as cursor:
        row = _one(cursor, space_id, session_id)
    if row is None:
        return None
    with store.snapshot() as conn:
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
    with store.cursor(write=True) as cursor:
        found = cursor.one(_STARTED_AT, {"session_id": session_id})
        if found is None:
            raise LookupError(session_id)
        started = found["started_at"]
        relative = int((moment - started).total_seconds()) if started is not None else 0
        cursor.run(
            _INSERT_LINE,
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
    with store.cursor(write=True) as cursor:
        if _one(cursor, space_id, session_id) is None:
            return False
        cursor.run(_DELETE_LINES, {"session_id": session_id})
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
    with store.cursor(write=True) as cursor:
        row = _one(cursor, embed["space_id"], session_id)
        assert row is not None
        _begin(cursor, store, row, store.clock())
    return session_id
