"""Persistence of the catalog resources: avatars, voices, memories, languages.

Public avatars and voices are rows with no space (seeded by the migration); everything else
belongs to one space. Every per-request statement is a module-level constant (compiled once
per dialect by the store's `Statements`), and every list reads one page through an index
ordered newest first, plus a count of the same index range.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Table,
    Update,
    bindparam,
    delete,
    insert,
    or_,
    select,
    update,
)

from liveavatar_server import _tables as t
from liveavatar_server import _tables_catalog as c
from liveavatar_server._pagination import Page
from liveavatar_server._prepared import RawCursor
from liveavatar_server._references import SessionRecord, register
from liveavatar_server._store import Row, Store, new_id, now
from liveavatar_server._tables import counted

# What other parts of the server (session tokens) may rely on; the handlers use the rest.
__all__ = [
    "LANGUAGES",
    "VOICE_PROVIDERS",
    "avatar_exists",
    "language_supported",
    "memory_exists",
    "memory_from_session",
    "memory_of_session",
    "voice_exists",
]

# What GET /v1/languages answers: (ISO 639-1 code, display name).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("ar", "Arabic"),
    ("bg", "Bulgarian"),
    ("cs", "Czech"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("es", "Spanish"),
    ("fi", "Finnish"),
    ("fil", "Filipino"),
    ("fr", "French"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("hr", "Croatian"),
    ("hu", "Hungarian"),
    ("id", "Indonesian"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("ms", "Malay"),
    ("nl", "Dutch"),
    ("no", "Norwegian"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("sk", "Slovak"),
    ("sv", "Swedish"),
    ("ta", "Tamil"),
    ("th", "Thai"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("vi", "Vietnamese"),
    ("zh", "Chinese"),
)
_LANGUAGE_CODES = frozenset(code for code, _ in LANGUAGES)

# Which secret type can bind a voice of which provider (the guides name ElevenLabs only).
VOICE_PROVIDERS: Mapping[str, str] = {"ELEVENLABS_API_KEY": "elevenLabs"}


def language_supported(code: str) -> bool:
    return code in _LANGUAGE_CODES


def _space() -> ColumnElement[Any]:
    return bindparam("space_id", type_=String())


@dataclass(frozen=True)
class Listing:
    """One paginated list: the page (limit/offset bound per call) and the count of all rows."""

    page: Select[Any]
    count: Select[Any]

    @classmethod
    def of(
        cls, query: Select[Any], table: Table, *where: ColumnElement[bool], count: Select[Any]
    ) -> Listing:
        ordered = (
            query.where(*where)
            .order_by(table.c.created_at.desc(), table.c.seq.desc())
            .limit(bindparam("limit", type_=Integer()))
            .offset(bindparam("offset", type_=Integer()))
        )
        return cls(ordered, count)

    def read(
        self, store: Store, values: Mapping[str, Any], page: Page
    ) -> tuple[int, Sequence[Row]]:
        with store.cursor(write=False) as cursor:
            counted = cursor.one(self.count, values)
            total = int(next(iter(counted.values()))) if counted else 0
            if page.offset >= total:
                return total, []
            rows = cursor.all(self.page, {**values, "limit": page.size, "offset": page.offset})
        return total, rows


def _moved(previous: datetime) -> datetime:
    """A new updated_at: now, yet always after the previous one (even within a clock tick)."""
    return max(now(), previous + timedelta(microseconds=1))


@lru_cache(maxsize=64)
def _update(table: Table, key: str, columns: tuple[str, ...]) -> Update:
    """An update of ``columns`` by id: one statement per set of changed fields."""
    return (
        update(table)
        .where(table.c.id == bindparam(key, type_=String()))
        .values(
            {table.c[name]: bindparam(f"new_{name}", type_=table.c[name].type) for name in columns}
        )
    )


def _set(cursor: RawCursor, table: Table, key: str, ident: str, values: Mapping[str, Any]) -> None:
    cursor.run(
        _update(table, key, tuple(sorted(values))),
        {key: ident, **{f"new_{name}": value for name, value in values.items()}},
    )


# --- avatars ----------------------------------------------------------------------------------

_a = c.avatars.c
_v = c.voices.c
_AVATAR_QUERY = select(
    _a.id,
    _a.space_id,
    _a.name,
    _a.type,
    _a.status,
    _a.preview_url,
    _a.is_1080p,
    _a.default_voice_id,
    _a.error_message,
    _a.created_at,
    _a.updated_at,
    _v.name.label("default_voice_name"),
).select_from(c.avatars.outerjoin(c.voices, _v.id == _a.default_voice_id))
_AVATAR_ID = _a.id == bindparam("avatar_id", type_=String())
_LIVE = _a.deleted_at.is_(None)
PUBLIC_AVATARS = Listing.of(
    _AVATAR_QUERY, c.avatars, _a.space_id.is_(None), _LIVE, count=counted(c.avatars, None, "live")
)
SPACE_AVATARS = Listing.of(
    _AVATAR_QUERY,
    c.avatars,
    _a.space_id == _space(),
    _LIVE,
    count=counted(c.avatars, _space(), "live"),
)
_AVATAR_VISIBLE = _AVATAR_QUERY.where(
    _AVATAR_ID, _LIVE, or_(_a.space_id == _space(), _a.space_id.is_(None))
)
_AVATAR_OWN = _AVATAR_QUERY.where(_AVATAR_ID, _LIVE, _a.space_id == _space())
_AVATAR_FIELDS = (
    "name",
    "type",
    "status",
    "preview_url",
    "is_1080p",
    "default_voice_id",
    "error_message",
)
_INSERT_AVATAR = insert(c.avatars).values(
    {
        name: bindparam(name, type_=c.avatars.c[name].type)
        for name in ("id", "space_id", *_AVATAR_FIELDS, "created_at", "updated_at")
    }
)


class UnknownVoice(Exception):
    """A default_voice_id that is neither a public voice nor one of the caller's space."""


def avatar_exists(store: Store, space_id: str, avatar_id: str) -> bool:
    """Whether ``avatar_id`` is a public avatar or a live avatar of ``space_id``."""
    return get_avatar(store, space_id, avatar_id) is not None


def get_avatar(store: Store, space_id: str, avatar_id: str) -> Row | None:
    with store.cursor(write=False) as cursor:
        return cursor.one(_AVATAR_VISIBLE, {"avatar_id": avatar_id, "space_id": space_id})


def create_avatar(store: Store, space_id: str, fields: Mapping[str, Any]) -> Row:
    """A new avatar of ``space_id`` (the API has no create; the CLI calls this)."""
    stamp = now()
    avatar_id = new_id()
    row = {
        "id": avatar_id,
        "space_id": space_id,
        **fields,
        "created_at": stamp,
        "updated_at": stamp,
    }
    with store.cursor(write=True) as cursor:
        voice = fields.get("default_voice_id")
        if (
            voice is not None
            and cursor.one(_VOICE_VISIBLE, {"voice_id": voice, "space_id": space_id}) is None
        ):
            raise UnknownVoice
        cursor.run(_INSERT_AVATAR, row)
        created = cursor.one(_AVATAR_OWN, {"avatar_id": avatar_id, "space_id": space_id})
    assert created is not None
    return created


def update_avatar(
    store: Store, space_id: str, avatar_id: str, changes: Mapping[str, Any]
) -> Row | None:
    """The updated avatar, None when it is not a live avatar of the space; may raise UnknownVoice."""
    which = {"avatar_id": avatar_id, "space_id": space_id}
    with store.cursor(write=True) as cursor:
        current = cursor.one(_AVATAR_OWN, which)
        if current is None:
            return None
        voice = changes.get("default_voice_id")
        if (
            voice is not None
            and cursor.one(_VOICE_VISIBLE, {"voice_id": voice, "space_id": space_id}) is None
        ):
            raise UnknownVoice
        _set(
            cursor,
            c.avatars,
            "avatar_id",
            avatar_id,
            {**changes, "updated_at": _moved(current["updated_at"])},
        )
        return cursor.one(_AVATAR_OWN, which)


_SOFT_DELETE_AVATAR = (
    update(c.avatars)
    .where(_AVATAR_ID, _LIVE, _a.space_id == _space())
    .values(deleted_at=bindparam("stamp", type_=t.UTCDateTime()))
)


def delete_avatar(store: Store, space_id: str, avatar_id: str) -> bool:
    with store.cursor(write=True) as cursor:
        done = cursor.run(
            _SOFT_DELETE_AVATAR, {"avatar_id": avatar_id, "space_id": space_id, "stamp": now()}
        )
    return done == 1


# --- voices -----------------------------------------------------------------------------------

_VOICE_QUERY = select(
    _v.id, _v.name, _v.description, _v.language, _v.gender, _v.tags, _v.created_at, _v.updated_at
)
_VOICE_ID = _v.id == bindparam("voice_id", type_=String())
PUBLIC_VOICES = Listing.of(
    _VOICE_QUERY, c.voices, _v.space_id.is_(None), count=counted(c.voices, None, "")
)
SPACE_VOICES = Listing.of(
    _VOICE_QUERY, c.voices, _v.space_id == _space(), count=counted(c.voices, _space(), "")
)
_VOICE_VISIBLE = _VOICE_QUERY.where(_VOICE_ID, or_(_v.space_id == _space(), _v.space_id.is_(None)))
_VOICE_OWN = _VOICE_QUERY.where(_VOICE_ID, _v.space_id == _space())
_DELETE_VOICE = delete(c.voices).where(_VOICE_ID, _v.space_id == _space())
_INSERT_VOICE = insert(c.voices).values(
    {
        name: bindparam(name, type_=c.voices.c[name].type)
        for name in (
            "id",
            "space_id",
            "name",
            "description",
            "language",
            "gender",
            "tags",
            "provider",
            "provider_voice_id",
            "secret_id",
            "created_at",
            "updated_at",
        )
    }
)
_SECRET = select(t.objects.c.doc).where(
    t.objects.c.id == bindparam("secret_id", type_=String()),
    t.objects.c.kind == "secret",
    t.objects.c.space_id == _space(),
)


class SecretUnfit(Exception):
    """The secret is not one of the caller's space, or its type binds no voice provider."""


def voice_exists(store: Store, space_id: str, voice_id: str) -> bool:
    """Whether ``voice_id`` is a public voice or a voice of ``space_id``."""
    return get_voice(store, space_id, voice_id) is not None


def get_voice(store: Store, space_id: str, voice_id: str) -> Row | None:
    with store.cursor(write=False) as cursor:
        return cursor.one(_VOICE_VISIBLE, {"voice_id": voice_id, "space_id": space_id})


def voice_tags(row: Row) -> list[str]:
    return [str(tag) for tag in json.loads(row["tags"])]


def bind_voice(
    store: Store, space_id: str, provider_voice_id: str, secret_id: str, name: str | None
) -> str:
    """A new private voice of the provider the secret's type names; `SecretUnfit` otherwise."""
    with store.cursor(write=True) as cursor:
        found = cursor.one(_SECRET, {"secret_id": secret_id, "space_id": space_id})
        if found is None:
            raise SecretUnfit("secret_id is not a secret of your space")
        secret_type = json.loads(found["doc"]).get("secret_type")
        provider = VOICE_PROVIDERS.get(secret_type)
        if provider is None:
            fits = " or ".join(sorted(VOICE_PROVIDERS))
            raise SecretUnfit(
                f"secret_type {secret_type} cannot bind a voice; use a secret of type {fits}"
            )
        stamp = now()
        voice_id = new_id()
        cursor.run(
            _INSERT_VOICE,
            {
                "id": voice_id,
                "space_id": space_id,
                "name": name or f"{provider} voice {provider_voice_id}",
                "description": f"Third-party {provider} voice {provider_voice_id}",
                "language": "multilingual",
                "gender": "unknown",
                "tags": json.dumps([provider, "third_party"]),
                "provider": provider,
                "provider_voice_id": provider_voice_id,
                "secret_id": secret_id,
                "created_at": stamp,
                "updated_at": stamp,
            },
        )
    return voice_id


def rename_voice(store: Store, space_id: str, voice_id: str, name: str) -> Row | None:
    which = {"voice_id": voice_id, "space_id": space_id}
    with store.cursor(write=True) as cursor:
        current = cursor.one(_VOICE_OWN, which)
        if current is None:
            return None
        _set(
            cursor,
            c.voices,
            "voice_id",
            voice_id,
            {"name": name, "updated_at": _moved(current["updated_at"])},
        )
        return cursor.one(_VOICE_OWN, which)


def delete_voice(store: Store, space_id: str, voice_id: str) -> bool:
    with store.cursor(write=True) as cursor:
        return cursor.run(_DELETE_VOICE, {"voice_id": voice_id, "space_id": space_id}) == 1


# --- contexts ---------------------------------------------------------------------------------

# --- memories ---------------------------------------------------------------------------------

_m = c.memories.c
_e = c.memory_episodes.c
_MEMORY_QUERY = select(
    _m.id, _m.memory_type, _m.session_id, _m.content, _m.created_at, _m.updated_at
)
_MEMORY_ID = _m.id == bindparam("memory_id", type_=String())
SPACE_MEMORIES = Listing.of(
    _MEMORY_QUERY, c.memories, _m.space_id == _space(), count=counted(c.memories, _space())
)
SPACE_MEMORIES_OF_TYPE = Listing.of(
    _MEMORY_QUERY,
    c.memories,
    _m.space_id == _space(),
    _m.memory_type == bindparam("memory_type", type_=String()),
    count=counted(c.memories, _space(), bindparam("memory_type", type_=String())),
)
_MEMORY_OWN = _MEMORY_QUERY.where(_MEMORY_ID, _m.space_id == _space())
_MEMORY_OF_SESSION = _MEMORY_QUERY.where(
    _m.space_id == _space(), _m.session_id == bindparam("session_id", type_=String())
).limit(1)
_EPISODES = (
    select(_e.session_id, _e.sequence_num, _e.summary, _e.created_at)
    .where(_e.memory_id == bindparam("memory_id", type_=String()))
    .order_by(_e.sequence_num)
)
_INSERT_MEMORY = insert(c.memories).values(
    {
        name: bindparam(name, type_=c.memories.c[name].type)
        for name in (
            "id",
            "space_id",
            "memory_type",
            "session_id",
            "content",
            "created_at",
            "updated_at",
        )
    }
)
_INSERT_EPISODE = insert(c.memory_episodes).values(
    {
        name: bindparam(name, type_=c.memory_episodes.c[name].type)
        for name in ("memory_id", "session_id", "sequence_num", "summary", "created_at")
    }
)
_DELETE_EPISODES = delete(c.memory_episodes).where(
    _e.memory_id == bindparam("memory_id", type_=String())
)
_DELETE_MEMORY = delete(c.memories).where(_MEMORY_ID, _m.space_id == _space())


def get_memory(store: Store, space_id: str, memory_id: str) -> tuple[Row, Sequence[Row]] | None:
    """The memory and its episodes (oldest first), None when it is not the space's."""
    with store.cursor(write=False) as cursor:
        row = cursor.one(_MEMORY_OWN, {"memory_id": memory_id, "space_id": space_id})
        if row is None:
            return None
        return row, cursor.all(_EPISODES, {"memory_id": memory_id})


def memory_exists(store: Store, space_id: str, memory_id: str) -> bool:
    """Whether ``memory_id`` is a memory of ``space_id`` (a session token's `session_memory_id`)."""
    with store.cursor(write=False) as cursor:
        return cursor.one(_MEMORY_OWN, {"memory_id": memory_id, "space_id": space_id}) is not None


def memory_of_session(store: Store, space_id: str, session_id: str) -> str | None:
    """The id of the memory made from ``session_id`` of ``space_id``, if there is one."""
    with store.cursor(write=False) as cursor:
        found = cursor.one(_MEMORY_OF_SESSION, {"space_id": space_id, "session_id": session_id})
    return None if found is None else str(found["id"])


def summarize(session: SessionRecord) -> str:
    """The memory distilled from a session: what each side said, or that nothing was said."""
    if not session.transcript:
        return f"No conversation was recorded in session {session.session_id}."
    return "\n".join(f"{role}: {text}" for role, text in session.transcript)


def memory_from_session(store: Store, space_id: str, session: SessionRecord) -> Row:
    """The session's memory (made once; POST /v1/memory and a token's `prev_session_id`)."""
    return create_memory(store, space_id, "session", session.session_id, summarize(session))


def create_memory(
    store: Store, space_id: str, memory_type: str, session_id: str, summary: str
) -> Row:
    """The session's memory: the existing one when the session has one, else a new one."""
    with store.cursor(write=True) as cursor:
        found = cursor.one(_MEMORY_OF_SESSION, {"space_id": space_id, "session_id": session_id})
        if found is not None:
            return found
        stamp = now()
        row = {
            "id": new_id(),
            "space_id": space_id,
            "memory_type": memory_type,
            "session_id": session_id,
            "content": summary,
            "created_at": stamp,
            "updated_at": stamp,
        }
        cursor.run(_INSERT_MEMORY, row)
        cursor.run(
            _INSERT_EPISODE,
            {
                "memory_id": row["id"],
                "session_id": session_id,
                "sequence_num": 1,
                "summary": summary,
                "created_at": stamp,
            },
        )
    return row


def delete_memory(store: Store, space_id: str, memory_id: str) -> bool:
    which = {"memory_id": memory_id, "space_id": space_id}
    with store.cursor(write=True) as cursor:
        if cursor.one(_MEMORY_OWN, which) is None:
            return False
        cursor.run(_DELETE_EPISODES, {"memory_id": memory_id})
        return cursor.run(_DELETE_MEMORY, which) == 1


# The session token's references to catalog objects are judged by the functions above.
register("avatar", avatar_exists)
register("voice", voice_exists)
register("memory", memory_exists)
