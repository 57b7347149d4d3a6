"""A database's state kept aside and put back in place: the testing mode's `reset()`.

Nothing here lists tables. SQLite keeps the whole database (every table the migrations made,
their seeds, triggers' counters, `alembic_version`) as an in-memory copy taken with SQLite's
backup API, and puts it back with the same API: one write transaction over the live file,
about 1 ms for a freshly migrated database. PostgreSQL keeps the rows of every table it
reflects and every sequence of the schema; putting them back is one transaction (TRUNCATE,
INSERT with triggers off, setval).

Both need the server idle meanwhile (no request in flight): the testing mode resets between
tests. Connections the server keeps see the restored state on their next statement (SQLite
bumps the schema cookie and `data_version`, so cached statements and keys are re-checked).
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from typing import Any, Protocol

from sqlalchemy import Engine, MetaData, Table, insert, select, text

__all__ = ["Pristine", "copy_database", "keep"]


class Pristine(Protocol):
    """A state to return to."""

    def restore(self) -> None: ...

    def discard(self) -> None:
        """Let go of the kept state; the database itself is about to be thrown away."""


def keep(engine: Engine) -> Pristine:
    """The state of ``engine``'s database now, to `restore()` later."""
    if engine.dialect.name == "sqlite":
        assert engine.url.database, "an in-memory database has no file to restore"
        return _SqliteCopy(engine.url.database)
    return _Rows(engine)


def copy_database(source: sqlite3.Connection, path: str) -> None:
    """Write ``source`` (every page) into the SQLite file at ``path``."""
    with closing(sqlite3.connect(path)) as target:
        source.backup(target)


def in_memory(path: str) -> sqlite3.Connection:
    """An in-memory copy of the SQLite file at ``path`` (usable from any thread)."""
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    with closing(sqlite3.connect(path)) as disk:
        disk.backup(copy)
    return copy


class _SqliteCopy:
    """Every page of the database in memory; `restore` writes them back over the live file."""

    def __init__(self, path: str) -> None:
        self._copy = in_memory(path)
        # One connection of our own to the live file: the backup's destination.
        self._live = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._live.execute("PRAGMA busy_timeout=10000")
        self._lock = threading.Lock()

    def restore(self) -> None:
        with self._lock:
            # The destination stays in WAL mode (SQLite keeps its journal mode through a backup).
            self._copy.backup(self._live)

    def discard(self) -> None:
        # Closed last, this connection checkpoints the WAL into a file about to be deleted:
        # no fsync for that (~12 ms of a stop otherwise).
        self._live.execute("PRAGMA synchronous=OFF")
        self._live.close()
        self._copy.close()


class _Rows:
    """Every reflected table's rows and every sequence's position (PostgreSQL)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        found = MetaData()
        with engine.connect() as conn:
            found.reflect(conn)
            self._tables: list[Table] = list(found.sorted_tables)
            self._rows: dict[str, list[dict[str, Any]]] = {
                table.name: [dict(row._mapping) for row in conn.execute(select(table))]
                for table in self._tables
            }
            self._sequences = [
                (row.name, row.last_value)
                for row in conn.execute(
                    text(
                        "SELECT format('%I.%I', schemaname, sequencename) AS name, last_value "
                        "FROM pg_sequences WHERE schemaname = current_schema()"
                    )
                )
            ]

    def restore(self) -> None:
        if not self._tables:
            return
        preparer = self._engine.dialect.identifier_preparer
        with self._engine.connect() as conn, conn.begin():
            # Triggers (the row counters, foreign keys) stay off: the rows kept are the
            # counters' and every reference's state already. Needs a superuser, as tests have.
            conn.execute(text("SET LOCAL session_replication_role = replica"))
            names = ", ".join(preparer.format_table(table) for table in self._tables)
            conn.execute(text(f"TRUNCATE {names}"))
            for table in self._tables:
                rows = self._rows[table.name]
                if rows:
                    conn.execute(insert(table), rows)
            for name, last_value in self._sequences:
                conn.execute(
                    text("SELECT setval(CAST(:name AS regclass), :value, :called)"),
                    {"name": name, "value": last_value or 1, "called": last_value is not None},
                )

    def discard(self) -> None:
        pass
