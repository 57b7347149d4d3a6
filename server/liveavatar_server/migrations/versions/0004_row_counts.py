"""Row counts of the paginated lists, kept by triggers; backfilled from the rows already there.

A page's `count` read COUNT(*) over the caller's index range: 240 ms at 1,000,000 contexts in
one space (`make bench`, list scaling), against under 1 ms at 1,000. The triggers keep one
counter per (table, space, partition) in the transaction of the write itself, on both
backends, for writes made by anything (the server, `reset`, SQL by hand, the bench's seeding).
"""

# ruff: noqa: S608  (every name in the SQL below is a constant of this file, none is input)

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_row_counts"
down_revision = "0003_catalog"
branch_labels = None
depends_on = None

# PostgreSQL: concurrent writers of one space pick one of this many counter rows at random.
PG_SHARDS = 16

# table -> (the SQL of its partition for a row named by `{row}`, the columns it reads).
# The space is always `COALESCE({row}.space_id, '')`; the server's listings read the same parts.
COUNTED: dict[str, tuple[str, tuple[str, ...]]] = {
    "avatars": (
        "CASE WHEN {row}.deleted_at IS NULL THEN 'live' ELSE 'deleted' END",
        ("deleted_at",),
    ),
    "voices": ("''", ()),
    "contexts": ("''", ()),
    "memories": ("{row}.memory_type", ("memory_type",)),
    "avatar_sessions": ("{row}.state", ("state",)),
}


def _space(row: str) -> str:
    return f"COALESCE({row}.space_id, '')"


def _part(table: str, row: str) -> str:
    return COUNTED[table][0].format(row=row)


def _sqlite_triggers(table: str) -> list[str]:
    def add(row: str) -> str:
        return (
            "INSERT INTO row_counts (table_name, space_key, part, shard, n) "
            f"VALUES ('{table}', {_space(row)}, {_part(table, row)}, 0, 1) "
            "ON CONFLICT (table_name, space_key, part, shard) DO UPDATE SET n = n + 1;"
        )

    def remove(row: str) -> str:
        return (
            f"UPDATE row_counts SET n = n - 1 WHERE table_name = '{table}' "
            f"AND space_key = {_space(row)} AND part = {_part(table, row)} AND shard = 0;"
        )

    moved = " OR ".join(
        f"OLD.{column} IS NOT NEW.{column}" for column in ("space_id", *COUNTED[table][1])
    )
    columns = ", ".join(("space_id", *COUNTED[table][1]))
    return [
        f"CREATE TRIGGER row_counts_{table}_insert AFTER INSERT ON {table} BEGIN {add('NEW')} END",
        f"CREATE TRIGGER row_counts_{table}_delete AFTER DELETE ON {table} "
        f"BEGIN {remove('OLD')} END",
        f"CREATE TRIGGER row_counts_{table}_update AFTER UPDATE OF {columns} ON {table} "
        f"WHEN {moved} BEGIN {remove('OLD')} {add('NEW')} END",
    ]


def _postgresql_triggers(table: str) -> list[str]:
    def bump(row: str, delta: int) -> str:
        return (
            "INSERT INTO row_counts AS c (table_name, space_key, part, shard, n) "
            f"VALUES ('{table}', {_space(row)}, {_part(table, row)}, "
            f"floor(random() * {PG_SHARDS})::int, {delta}) "
            f"ON CONFLICT (table_name, space_key, part, shard) DO UPDATE SET n = c.n + {delta};"
        )

    unmoved = " AND ".join(
        f"OLD.{column} IS NOT DISTINCT FROM NEW.{column}"
        for column in ("space_id", *COUNTED[table][1])
    )
    columns = ", ".join(("space_id", *COUNTED[table][1]))
    return [
        f"""CREATE OR REPLACE FUNCTION row_counts_{table}() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND {unmoved} THEN
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
        f"CREATE TRIGGER row_counts_{table} AFTER INSERT OR DELETE OR UPDATE OF {columns} "
        f"ON {table} FOR EACH ROW EXECUTE FUNCTION row_counts_{table}()",
    ]


def upgrade() -> None:
    op.create_table(
        "row_counts",
        sa.Column("table_name", sa.String(64), primary_key=True),
        sa.Column("space_key", sa.String(36), primary_key=True),
        sa.Column("part", sa.String(64), primary_key=True),
        sa.Column("shard", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("n", sa.BigInteger(), nullable=False),
    )
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in COUNTED:
        op.execute(
            "INSERT INTO row_counts (table_name, space_key, part, shard, n) "
            f"SELECT '{table}', {_space(table)}, {_part(table, table)}, 0, COUNT(*) "
            f"FROM {table} GROUP BY 2, 3"
        )
        for statement in _postgresql_triggers(table) if postgresql else _sqlite_triggers(table):
            op.execute(statement)


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    for table in COUNTED:
        if postgresql:
            op.execute(f"DROP TRIGGER IF EXISTS row_counts_{table} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS row_counts_{table}()")
        else:
            for event in ("insert", "delete", "update"):
                op.execute(f"DROP TRIGGER IF EXISTS row_counts_{table}_{event}")
    op.drop_table("row_counts")
