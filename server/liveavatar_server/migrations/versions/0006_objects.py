"""One table for the objects of every derived resource: secrets, LLM configurations, contexts.

Their rows move into `objects` (a JSON document of the stored fields each, the secret value
kept as the same ciphertext under `sealed`) and `object_refs` (a configuration's secret, with
RESTRICT as before); the old tables go. Counts keep their triggers, per kind. From here on a
field the spec adds to such a resource needs no migration: it is one more key of `doc`.
"""

# ruff: noqa: S608  (every name in the SQL below is a constant of this file, none is input)

from __future__ import annotations

import base64
import json
from typing import Any

import sqlalchemy as sa
from alembic import op

from liveavatar_server._migrate import revision_module

revision = "0006_objects"
down_revision = "0005_row_count_shards"
branch_labels = None
depends_on = None

# The kinds of the rows moved here, and the fields of each one's document.
MOVED: dict[str, tuple[str, tuple[str, ...]]] = {
    "secrets": ("secret", ("secret_name", "secret_type")),
    "llm_configurations": (
        "llm_configuration",
        ("display_name", "model_name", "base_url", "secret_id"),
    ),
    "contexts": ("context", ("name", "prompt", "opening_text", "links")),
}
TABLE = "objects"
COUNT_NAME = "'objects.' || {row}.kind"  # the row_counts table_name of an object's kind


def _create() -> None:
    op.create_table(
        "objects",
        sa.Column("seq", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True),
        sa.Column("id", sa.String(36), nullable=False, unique=True),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("space_id", sa.String(36), sa.ForeignKey("spaces.id"), nullable=True),
        sa.Column("doc", sa.Text(), nullable=False),
        sa.Column("sealed", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index(
        "ix_objects_kind_space_newest", "objects", ["kind", "space_id", "created_at", "seq"]
    )
    op.create_table(
        "object_refs",
        sa.Column(
            "source_id",
            sa.String(36),
            sa.ForeignKey("objects.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("field", sa.String(64), primary_key=True),
        sa.Column(
            "target_id",
            sa.String(36),
            sa.ForeignKey("objects.id", ondelete="RESTRICT"),
            nullable=False,
        ),
    )
    op.create_index("ix_object_refs_target", "object_refs", ["target_id"])


def _document(table: str, row: Any) -> str:
    fields = MOVED[table][1]
    doc = {name: row[name] for name in fields}
    if table == "contexts":
        doc["links"] = json.loads(row["links"])
    return json.dumps(doc, separators=(",", ":"))


def _move(table: str) -> None:
    bind = op.get_bind()
    kind, _ = MOVED[table]
    rows = bind.execute(sa.text(f"SELECT * FROM {table} ORDER BY seq")).mappings().all()
    insert = sa.text(
        "INSERT INTO objects (id, kind, space_id, doc, sealed, created_at, updated_at) "
        "VALUES (:id, :kind, :space_id, :doc, :sealed, :created_at, :updated_at)"
    )
    for row in rows:
        sealed = None
        if table == "secrets":
            cipher = base64.b64encode(bytes(row["ciphertext"])).decode("ascii")
            sealed = json.dumps({"secret_value": cipher})
        bind.execute(
            insert,
            {
                "id": row["id"],
                "kind": kind,
                "space_id": row["space_id"],
                "doc": _document(table, row),
                "sealed": sealed,
                "created_at": row["created_at"],
                "updated_at": row["updated_at"] if "updated_at" in row else row["created_at"],
            },
        )
    if table == "llm_configurations":
        op.execute(
            "INSERT INTO object_refs (source_id, field, target_id) "
            "SELECT id, 'secret_id', secret_id FROM llm_configurations"
        )


def _sqlite_triggers() -> list[str]:
    def add(row: str) -> str:
        return (
            "INSERT INTO row_counts (table_name, space_key, part, shard, n) "
            f"VALUES ({COUNT_NAME.format(row=row)}, COALESCE({row}.space_id, ''), '', 0, 1) "
            "ON CONFLICT (table_name, space_key, part, shard) DO UPDATE SET n = n + 1;"
        )

    def remove(row: str) -> str:
        return (
            f"UPDATE row_counts SET n = n - 1 WHERE table_name = {COUNT_NAME.format(row=row)} "
            f"AND space_key = COALESCE({row}.space_id, '') AND part = '' AND shard = 0;"
        )

    return [
        f"CREATE TRIGGER row_counts_objects_insert AFTER INSERT ON objects BEGIN {add('NEW')} END",
        f"CREATE TRIGGER row_counts_objects_delete AFTER DELETE ON objects "
        f"BEGIN {remove('OLD')} END",
        "CREATE TRIGGER row_counts_objects_update AFTER UPDATE OF space_id, kind ON objects "
        "WHEN OLD.space_id IS NOT NEW.space_id OR OLD.kind IS NOT NEW.kind "
        f"BEGIN {remove('OLD')} {add('NEW')} END",
    ]


def _postgresql_triggers() -> list[str]:
    shards = revision_module("0004_row_counts.py").PG_SHARDS

    def bump(row: str, delta: int) -> str:
        return (
            "INSERT INTO row_counts AS c (table_name, space_key, part, shard, n) "
            f"VALUES ({COUNT_NAME.format(row=row)}, COALESCE({row}.space_id, ''), '', "
            f"(txid_current() % {shards})::int, {delta}) "
            f"ON CONFLICT (table_name, space_key, part, shard) DO UPDATE SET n = c.n + {delta};"
        )

    return [
        f"""CREATE OR REPLACE FUNCTION row_counts_objects() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.space_id IS NOT DISTINCT FROM NEW.space_id
     AND OLD.kind IS NOT DISTINCT FROM NEW.kind THEN
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
        "CREATE TRIGGER row_counts_objects AFTER INSERT OR DELETE OR UPDATE OF space_id, kind "
        "ON objects FOR EACH ROW EXECUTE FUNCTION row_counts_objects()",
    ]


def _drop_counted(table: str, postgresql: bool) -> None:
    if postgresql:
        op.execute(f"DROP TRIGGER IF EXISTS row_counts_{table} ON {table}")
        op.execute(f"DROP FUNCTION IF EXISTS row_counts_{table}()")
    else:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS row_counts_{table}_{event}")
    op.execute(f"DELETE FROM row_counts WHERE table_name = '{table}'")


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    _create()
    for table in MOVED:
        _move(table)
    op.execute(
        "INSERT INTO row_counts (table_name, space_key, part, shard, n) "
        f"SELECT {COUNT_NAME.format(row='objects')}, COALESCE(space_id, ''), '', 0, COUNT(*) "
        "FROM objects GROUP BY 1, 2"
    )
    for statement in _postgresql_triggers() if postgresql else _sqlite_triggers():
        op.execute(statement)
    _drop_counted("contexts", postgresql)
    for table in ("llm_configurations", "secrets", "contexts"):
        op.drop_table(table)


def downgrade() -> None:
    raise NotImplementedError(
        "0006_objects moved secrets, LLM configurations and contexts into `objects`; "
        "restore a backup taken before the upgrade to go back"
    )
