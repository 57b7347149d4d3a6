"""SQLAlchemy Core tables of the reference server (the Alembic migrations create the same)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    func,
    select,
)
from sqlalchemy.sql import Select


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC timestamp on every backend (SQLite stores it naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# SQLite only autoincrements an INTEGER PRIMARY KEY; PostgreSQL gets a 64-bit identity.
Sequence = BigInteger().with_variant(Integer(), "sqlite")
ID_LENGTH = 36

metadata = MetaData()

spaces = Table(
    "spaces",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("name", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

api_keys = Table(
    "api_keys",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("key_hash", String(64), nullable=False, unique=True),
    Column("space_id", String(ID_LENGTH), ForeignKey("spaces.id"), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("revoked_at", UTCDateTime, nullable=True),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(ID_LENGTH), primary_key=True),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("api_key_id", String(ID_LENGTH), ForeignKey("api_keys.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
)

# Every object of a resource the spec shapes as CRUD (the resource model, `x-liveavatar-model`
# of the effective spec), one row each: `doc` is the JSON of its stored fields, whatever
# fields the spec gives it, so a field the spec adds is stored with no migration. Values the
# spec marks write-only (`writeOnly`, `format: password`) live in `sealed`, encrypted.
objects = Table(
    "objects",
    metadata,
    Column("seq", Sequence, primary_key=True, autoincrement=True),
    Column("id", String(ID_LENGTH), nullable=False, unique=True),
    Column("kind", String(64), nullable=False),
    # No space: the public catalog (seeded avatars and voices), read by every space.
    Column("space_id", String(ID_LENGTH), ForeignKey("spaces.id"), nullable=True),
    # What the resource's lists filter on (a memory's type), '' where none; counted apart.
    Column("part", String(64), nullable=False, server_default=""),
    Column("doc", Text, nullable=False),
    Column("sealed", Text, nullable=True),  # JSON {field: base64 ciphertext}
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_objects_kind_space_newest", "kind", "space_id", "created_at", "seq"),
    Index("ix_objects_kind_space_part_newest", "kind", "space_id", "part", "created_at", "seq"),
)

# What an object's `<x>_id` fields name. RESTRICT: the database itself refuses to delete an
# object something still names, across processes too; the referrer's row goes with it.
object_refs = Table(
    "object_refs",
    metadata,
    Column(
        "source_id",
        String(ID_LENGTH),
        ForeignKey("objects.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("field", String(64), primary_key=True),
    Column(
        "target_id",
        String(ID_LENGTH),
        ForeignKey("objects.id", ondelete="RESTRICT"),
        nullable=False,
    ),
    Index("ix_object_refs_target", "target_id"),
)

# Rows per (table, space, partition) for the paginated lists, kept by triggers (migration
# 0004) in the transaction of every insert, delete and move, so a page's `count` costs one
# index read however large the space grows. `space_key` is '' for public rows; `part` is the
# column value lists filter on (a session's state, a memory's type, an avatar's 'live' or
# 'deleted'), '' where none. PostgreSQL spreads each count over `shard`s, so concurrent
# writers of one space do not queue on one row; a count is the sum of its shards.
row_counts = Table(
    "row_counts",
    metadata,
    Column("table_name", String(64), primary_key=True),
    Column("space_key", String(ID_LENGTH), primary_key=True),
    Column("part", String(64), primary_key=True),
    Column("shard", Integer, primary_key=True, autoincrement=False),
    Column("n", BigInteger, nullable=False),
)


def counted(table: Table, space: Any, part: Any = None) -> Select[Any]:
    """The rows of ``table`` in ``space`` (None: public) and ``part`` (None: every part), as
    `row_counts` holds them: one index read, however many rows there are."""
    c = row_counts.c
    where = [c.table_name == table.name, c.space_key == (space if space is not None else "")]
    if part is not None:
        where.append(c.part == part)
    return select(func.coalesce(func.sum(c.n), 0)).where(*where)
