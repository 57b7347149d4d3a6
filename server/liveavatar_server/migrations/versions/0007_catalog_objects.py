"""The catalog joins the objects: avatars, voices and memories move into `objects`.

Every row moves with its id and timestamps: the public catalog (no space) stays public, a
soft-deleted avatar becomes kind `avatar.deleted` (hidden, its id still unusable), a memory
takes its episodes into its document. `objects` gains `part` (what a list filters on: a
memory's type), counted per (kind, space, part) by the objects triggers, rewritten here.
"""

# ruff: noqa: S608  (every name in the SQL below is a constant of this file, none is input)

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from liveavatar_server._migrate import revision_module

revision = "0007_catalog_objects"
down_revision = "0006_objects"
branch_labels = None
depends_on = None

PREVIOUS = revision_module("0006_objects.py")
COUNT_NAME = PREVIOUS.COUNT_NAME
MOVED = ("avatars", "voices", "memories")


def _dump(doc: dict[str, Any]) -> str:
    return json.dumps(doc, separators=(",", ":"), ensure_ascii=False)


def _avatar(row: Any) -> tuple[str, str, dict[str, Any]]:
    kind = "avatar" if row["deleted_at"] is None else "avatar.deleted"
    fields = ("name", "type", "status", "preview_url", "is_1080p", "default_voice_id")
    doc = {name: row[name] for name in fields}
    doc["is_1080p"] = bool(doc["is_1080p"])
    doc["error_message"] = row["error_message"]
    return kind, "", doc


def _voice(row: Any) -> tuple[str, str, dict[str, Any]]:
    fields = ("name", "description", "language", "gender", "provider", "provider_voice_id")
    doc = {name: row[name] for name in fields}
    doc["tags"] = json.loads(row["tags"])
    doc["secret_id"] = row["secret_id"]
    return "voice", "", doc


def _memory(row: Any, episodes: list[Any]) -> tuple[str, str, dict[str, Any]]:
    doc = {
        "memory_type": row["memory_type"],
        "session_id": row["session_id"],
        "memory_content": row["content"],
        "session_episodes": [
            {
                "session_id": e["session_id"],
                "sequence_num": e["sequence_num"],
                "summary": e["summary"],
                "created_at": _iso(e["created_at"]),
            }
            for e in episodes
        ],
    }
    return "memory", str(row["memory_type"]), doc


def _iso(value: Any) -> str:
    """A timestamp as ISO 8601 UTC (SQLite hands back its naive text, PostgreSQL a datetime)."""
    text = value.isoformat() if hasattr(value, "isoformat") else str(value).replace(" ", "T")
    return text if ("+" in text[10:] or text.endswith("Z")) else text + "+00:00"


def _move() -> None:
    bind = op.get_bind()
    insert = sa.text(
        "INSERT INTO objects (id, kind, space_id, part, doc, created_at, updated_at) "
        "VALUES (:id, :kind, :space_id, :part, :doc, :created_at, :updated_at)"
    )
    episodes: dict[str, list[Any]] = {}
    for e in bind.execute(sa.text("SELECT * FROM memory_episodes ORDER BY sequence_num, seq")):
        episodes.setdefault(e._mapping["memory_id"], []).append(e._mapping)
    for table in MOVED:
        for row in bind.execute(sa.text(f"SELECT * FROM {table} ORDER BY seq")).mappings():
            if table == "avatars":
                kind, part, doc = _avatar(row)
            elif table == "voices":
                kind, part, doc = _voice(row)
            else:
                kind, part, doc = _memory(row, episodes.get(row["id"], []))
            bind.execute(
                insert,
                {
                    "id": row["id"],
                    "kind": kind,
                    "space_id": row["space_id"],
                    "part": part,
                    "doc": _dump(doc),
                    "created_at": row["created_at"],
                    "updated_at": row["updated_at"],
                },
            )


def _sqlite_triggers() -> list[str]:
    def add(row: str) -> str:
        return (
            "INSERT INTO row_counts (table_name, space_key, part, shard, n) "
            f"VALUES ({COUNT_NAME.format(row=row)}, COALESCE({row}.space_id, ''), {row}.part, 0, 1) "
            "ON CONFLICT (table_name, space_key, part, shard) DO UPDATE SET n = n + 1;"
        )

    def remove(row: str) -> str:
        return (
            f"UPDATE row_counts SET n = n - 1 WHERE table_name = {COUNT_NAME.format(row=row)} "
            f"AND space_key = COALESCE({row}.space_id, '') AND part = {row}.part AND shard = 0;"
        )

    moved = (
        "OLD.space_id IS NOT NEW.space_id OR OLD.kind IS NOT NEW.kind OR OLD.part IS NOT NEW.part"
    )
    return [
        f"CREATE TRIGGER row_counts_objects_insert AFTER INSERT ON objects BEGIN {add('NEW')} END",
        f"CREATE TRIGGER row_counts_objects_delete AFTER DELETE ON objects "
        f"BEGIN {remove('OLD')} END",
        "CREATE TRIGGER row_counts_objects_update AFTER UPDATE OF space_id, kind, part ON objects "
        f"WHEN {moved} BEGIN {remove('OLD')} {add('NEW')} END",
    ]


def _postgresql_triggers() -> list[str]:
    shards = revision_module("0004_row_counts.py").PG_SHARDS

    def bump(row: str, delta: int) -> str:
        return (
            "INSERT INTO row_counts AS c (table_name, space_key, part, shard, n) "
            f"VALUES ({COUNT_NAME.format(row=row)}, COALESCE({row}.space_id, ''), {row}.part, "
            f"(txid_current() % {shards})::int, {delta}) "
            f"ON CONFLICT (table_name, space_key, part, shard) DO UPDATE SET n = c.n + {delta};"
        )

    return [
        f"""CREATE OR REPLACE FUNCTION row_counts_objects() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.space_id IS NOT DISTINCT FROM NEW.space_id
     AND OLD.kind IS NOT DISTINCT FROM NEW.kind AND OLD.part IS NOT DISTINCT FROM NEW.part THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    {bump("OLD", -1)}
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    {bump("NEW", 1)}
  END IF;
  RETURN NULL;
END $$""",
        "CREATE TRIGGER row_counts_objects AFTER INSERT OR DELETE OR UPDATE OF space_id, kind, part "
        "ON objects FOR EACH ROW EXECUTE FUNCTION row_counts_objects()",
    ]


def _drop_object_triggers(postgresql: bool) -> None:
    if postgresql:
        op.execute("DROP TRIGGER IF EXISTS row_counts_objects ON objects")
    else:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS row_counts_objects_{event}")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    _drop_object_triggers(postgresql)
    op.add_column("objects", sa.Column("part", sa.String(64), nullable=False, server_default=""))
    op.create_index(
        "ix_objects_kind_space_part_newest",
        "objects",
        ["kind", "space_id", "part", "created_at", "seq"],
    )
    _move()
    op.execute("DELETE FROM row_counts WHERE table_name LIKE 'objects.%'")
    op.execute(
        "INSERT INTO row_counts (table_name, space_key, part, shard, n) "
        f"SELECT {COUNT_NAME.format(row='objects')}, COALESCE(space_id, ''), part, 0, COUNT(*) "
        "FROM objects GROUP BY 1, 2, 3"
    )
    for statement in _postgresql_triggers() if postgresql else _sqlite_triggers():
        op.execute(statement)
    for table in MOVED:
        PREVIOUS._drop_counted(table, postgresql)
    for table in ("memory_episodes", "memories", "voices", "avatars"):
        op.drop_table(table)


def downgrade() -> None:
    raise NotImplementedError(
        "0007_catalog_objects moved avatars, voices and memories into `objects`; "
        "restore a backup taken before the upgrade to go back"
    )
