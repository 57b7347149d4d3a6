"""Persistence on SQLAlchemy Core: spaces, hashed API keys and sessions, secrets, configurations."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import os
import secrets as _random
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    Connection,
    Engine,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

from liveavatar_server import _tables as t
from liveavatar_server import _tables_sessions as ts
from liveavatar_server._clock import Clock, file_offset_clock, system_clock
from liveavatar_server._crypto import SecretBox, load_keys
from liveavatar_server._livekit import AccessTokens
from liveavatar_server._prepared import (
    RawCursor,
    Statements,
    ThreadConnections,
    WriterLock,
)
from liveavatar_server._settings import Settings

SESSION_LIFETIME = timedelta(days=30)
_CACHED_KEYS = 10_000
KEY_PREFIX = "la_"
SESSION_PREFIX = "las_"
Row = Mapping[str, Any]


@dataclass(frozen=True)
class Principal:
    """Who is calling: the API key behind the credential and its space (None: no space)."""

    api_key_id: str
    space_id: str | None
    # Set when the credential is a session's bearer token: the session it stands for.
    session_id: str | None = None


def new_id() -> str:
    """A UUIDv7 (RFC 9562): random, yet time-ordered, so index inserts append, not scatter."""
    millis = time.time_ns() // 1_000_000 & ((1 << 48) - 1)
    rand = int.from_bytes(os.urandom(10), "big")
    value = (
        millis << 80
        | 0x7 << 76
        | ((rand >> 62) & 0xFFF) << 64
        | 0b10 << 62
        | (rand & ((1 << 62) - 1))
    )
    return str(uuid.UUID(int=value))


def now() -> datetime:
    return datetime.now(UTC)


def digest(credential: str) -> str:
    """sha256 of a high-entropy credential: enough to store it without the value."""
    return hashlib.sha256(credential.encode("utf-8", "surrogatepass")).hexdigest()


def _sqlite_pragmas(synchronous: str) -> Any:
    def on_connect(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # We issue BEGIN ourselves (see _begin) so writers take the lock up front.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA synchronous={synchronous}")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.execute("PRAGMA foreign_keys=ON")
        # 64 MiB of page cache and memory-mapped reads: the indexes stay hot while they grow.
        cursor.execute("PRAGMA cache_size=-65536")
        cursor.execute("PRAGMA mmap_size=268435456")
        # wal_autocheckpoint stays at SQLite's 1000 pages: small checkpoints inside a commit.
        # (A background checkpointer measured slower: under steady writes it falls behind and
        # the WAL never restarts, which every read then pays for.)
        cursor.close()

    return on_connect


def _begin(connection: Connection) -> None:
    # IMMEDIATE takes the write lock at BEGIN: a read-then-write transaction can never fail
    # half way with SQLITE_BUSY when another process wrote in between. Reads stay in
    # autocommit: each is one statement, and a BEGIN round trip would double its cost.
    if connection.get_execution_options().get("write", False):
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_database_engine(settings: Settings) -> Engine:
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, hide_parameters=True, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas(settings.sqlite_synchronous))
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(
        url, hide_parameters=True, pool_size=10, max_overflow=10, pool_pre_ping=True
    )


# Per-request statements are built once (and compiled once per dialect by `Statements`):
# constructing SQLAlchemy expressions per call costs more than running them on SQLite.
_KEY_BY_HASH = select(t.api_keys.c.id, t.api_keys.c.space_id, t.api_keys.c.key_hash).where(
    t.api_keys.c.key_hash == bindparam("key_hash"), t.api_keys.c.revoked_at.is_(None)
)
_SESSION_BY_HASH = (
    select(t.sessions.c.token_hash, t.api_keys.c.id, t.api_keys.c.space_id)
    .join(t.api_keys, t.api_keys.c.id == t.sessions.c.api_key_id)
    .where(
        t.sessions.c.token_hash == bindparam("token_hash"),
        t.sessions.c.expires_at > bindparam("now", type_=t.UTCDateTime()),
        t.api_keys.c.revoked_at.is_(None),
    )
)
_TOKEN_BY_HASH = (
    select(
        ts.avatar_sessions.c.token_hash,
        ts.avatar_sessions.c.id.label("session_id"),
        t.api_keys.c.id,
        t.api_keys.c.space_id,
    )
    .join(t.api_keys, t.api_keys.c.id == ts.avatar_sessions.c.api_key_id)
    .where(
        ts.avatar_sessions.c.token_hash == bindparam("token_hash"),
        ts.avatar_sessions.c.token_expires_at > bindparam("now", type_=t.UTCDateTime()),
        t.api_keys.c.revoked_at.is_(None),
    )
)
_INSERT_SPACE = insert(t.spaces).values(
    {name: bindparam(name, type_=t.spaces.c[name].type) for name in ("id", "name", "created_at")}
)


class Store:
    """Every read and write of the server; each method is one short transaction."""

    def __init__(
        self, settings: Settings, engine: Engine | None = None, *, clock: Clock | None = None
    ) -> None:
        self.settings = settings
        offset_file = settings.sessions.clock_offset_file
        # Session deadlines and credits read this clock; tests move it (see `_clock`).
        self.clock: Clock = clock or (
            file_offset_clock(offset_file) if offset_file else system_clock
        )
        self.engine = engine or create_database_engine(settings)
        self.box = SecretBox(load_keys(settings.secret_key, settings.data_dir))
        self.livekit = AccessTokens(settings.data_dir)
        # PostgreSQL text cannot hold U+0000: requests carrying it get a 422, not a 500.
        self.accepts_nul = self.engine.dialect.name != "postgresql"
        dialect = self.engine.dialect
        self._statements = Statements(dialect)
        self._integrity_error: type[Exception] = dialect.loaded_dbapi.IntegrityError
        self._writers: WriterLock | None = None
        if dialect.name == "sqlite" and settings.sqlite_writer_lock and self.engine.url.database:
            self._writers = WriterLock(Path(f"{self.engine.url.database}-writer.lock"))
        # Every statement runs on the calling thread (the event loop's, when serving), on that
        # thread's own connection: SQLite serialises writers anyway, and on PostgreSQL a thread
        # pool's GIL hand-offs, pool checkouts, pings and resets cost more than the round trips
        # (see the README's figures). Group commit: SQLite's is a setting (one process only),
        # PostgreSQL always groups.
        self._threads = ThreadConnections(
            self.engine,
            self._statements,
            self._writers,
            group_commit=settings.sqlite_group_commit or dialect.name != "sqlite",
        )

    def __repr__(self) -> str:
        return f"Store({self.settings!r})"

    @property
    def integrity_error(self) -> type[Exception]:
        """The driver's IntegrityError: a constraint refused a write (a race lost, usually)."""
        return self._integrity_error

    def close(self) -> None:
        self._threads.close()
        if self._writers is not None:
            self._writers.close()
        self.engine.dispose()

    def _hot(self, *, write: bool) -> AbstractContextManager[RawCursor]:
        """A raw transaction for per-request work, on the thread's own connection."""
        return self._threads.transaction(write=write)

    def cursor(self, *, write: bool) -> AbstractContextManager[RawCursor]:
        """A raw transaction for the per-request statements other modules hold (the catalog)."""
        return self._hot(write=write)

    def committed(self) -> asyncio.Future[None] | None:
        """What a request must await before it answers: the commit of its loop turn's writes."""
        return self._threads.pending()

    def alone(self) -> None:
        """Commit this turn's group; this thread's next writes commit one by one (`RetryAlone`)."""
        self._threads.alone()

    def grouped(self) -> None:
        """Back to group commit after `alone`."""
        self._threads.grouped()

    def _flush(self) -> None:
        # Another connection must not wait on (or read past) this thread's open group.
        self._threads.commit_pending()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        self._flush()
        with (
            self._writer_turn(),
            self.engine.connect().execution_options(write=True) as conn,
            conn.begin(),
        ):
            yield conn

    def transaction(self) -> AbstractContextManager[Connection]:
        """One write transaction on a SQLAlchemy connection (for the session and credit modules)."""
        return self._write()

    def snapshot(self) -> AbstractContextManager[Connection]:
        """One read transaction on a SQLAlchemy connection."""
        return self._read()

    def _writer_turn(self) -> AbstractContextManager[None]:
        return self._writers.held() if self._writers is not None else nullcontext()

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        self._flush()
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # --- spaces, keys, sessions -------------------------------------------------------------

    def is_empty(self) -> bool:
        with self._read() as conn:
            spaces = conn.execute(select(func.count()).select_from(t.spaces)).scalar_one()
            keys = conn.execute(select(func.count()).select_from(t.api_keys)).scalar_one()
        return spaces == 0 and keys == 0

    def create_space(self, name: str) -> str:
        from liveavatar_server._credits import grant, millis

        space_id = new_id()
        with self._hot(write=True) as cursor:
            cursor.run(_INSERT_SPACE, {"id": space_id, "name": name, "created_at": now()})
            # A new space starts with the free plan's credits (LIVEAVATAR_INITIAL_CREDITS).
            grant(cursor, space_id, millis(self.settings.sessions.initial_credits), now())
        return space_id

    def space_exists(self, space_id: str) -> bool:
        with self._read() as conn:
            found = conn.execute(select(t.spaces.c.id).where(t.spaces.c.id == space_id)).first()
        return found is not None

    def create_api_key(self, space_id: str | None) -> str:
        """A new key for ``space_id`` (or for no space); only its hash is stored."""
        key = KEY_PREFIX + _random.token_urlsafe(32)
        with self._write() as conn:
            if (
                space_id is not None
                and not conn.execute(select(t.spaces.c.id).where(t.spaces.c.id == space_id)).first()
            ):
                raise LookupError(f"no space {space_id!r}")
            conn.execute(
                insert(t.api_keys),
                {
                    "id": new_id(),
                    "key_hash": digest(key),
                    "space_id": space_id,
                    "created_at": now(),
                },
            )
        return key

    def revoke_api_key(self, key: str) -> bool:
        with self._write() as conn:
            result = conn.execute(
                update(t.api_keys)
                .where(t.api_keys.c.key_hash == digest(key), t.api_keys.c.revoked_at.is_(None))
                .values(revoked_at=now())
            )
        return result.rowcount == 1

    def create_session(self, api_key: str) -> str:
        """A new `la_session` value standing for ``api_key`` (which must be valid)."""
        principal = self.principal_for_key(api_key)
        if principal is None:
            raise LookupError("unknown or revoked API key")
        token = SESSION_PREFIX + _random.token_urlsafe(32)
        created = now()
        with self._write() as conn:
            conn.execute(
                insert(t.sessions),
                {
                    "id": new_id(),
                    "token_hash": digest(token),
                    "api_key_id": principal.api_key_id,
                    "created_at": created,
                    "expires_at": created + SESSION_LIFETIME,
                },
            )
        return token

    def principal_for_key(self, key: str) -> Principal | None:
        """The key's principal; on SQLite cached until any other connection commits.

        SQLite's `data_version` moves whenever another connection (another process, the CLI,
        a revocation) commits, so a cached key can never outlive its revocation.
        """
        wanted = digest(key)
        thread = self._threads.current()
        if thread.changed_elsewhere():
            thread.cache.clear()
        cached = thread.cache.get(wanted)
        if cached is not None:
            return cast(Principal, cached)
        with self._hot(write=False) as cursor:
            row = cursor.one(_KEY_BY_HASH, {"key_hash": wanted})
        if row is None or not hmac.compare_digest(row["key_hash"], wanted):
            return None
        principal = Principal(api_key_id=row["id"], space_id=row["space_id"])
        if len(thread.cache) >= _CACHED_KEYS:
            thread.cache.clear()
        thread.cache[wanted] = principal
        return principal

    def principal_for_session(self, token: str) -> Principal | None:
        wanted = digest(token)
        with self._hot(write=False) as cursor:
            row = cursor.one(_SESSION_BY_HASH, {"token_hash": wanted, "now": now()})
        if row is None or not hmac.compare_digest(row["token_hash"], wanted):
            return None
        return Principal(api_key_id=row["id"], space_id=row["space_id"])

    def principal_for_session_token(self, token: str) -> Principal | None:
        """The principal of a session's bearer token (its key's, naming the session)."""
        wanted = digest(token)
        with self._hot(write=False) as cursor:
            row = cursor.one(_TOKEN_BY_HASH, {"token_hash": wanted, "now": self.clock()})
        if row is None or not hmac.compare_digest(row["token_hash"], wanted):
            return None
        return Principal(
            api_key_id=row["id"], space_id=row["space_id"], session_id=row["session_id"]
        )
