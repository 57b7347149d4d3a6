"""PostgreSQL counter rows chosen per transaction, not per row (SQLite keeps its one row).

With group commit, one transaction holds the writes of a whole event-loop turn. Picked at
random per row, its counter updates lock up to all 16 rows of a counter, so another
process's group meets a lock almost always and waits for it; picked by transaction id, a
group locks one row per counter and two groups meet one time in 16.
"""

from __future__ import annotations

from alembic import op

from liveavatar_server._migrate import revision_module

revision = "0005_row_count_shards"
down_revision = "0004_row_counts"
branch_labels = None
depends_on = None


RANDOM_SHARD = "floor(random() * {shards})::int"
TRANSACTION_SHARD = "(txid_current() % {shards})::int"


def _functions(shard: str) -> None:
    """Rewrite each counted table's trigger function (0004's) to pick its row by ``shard``."""
    if op.get_bind().dialect.name != "postgresql":
        return
    previous = revision_module("0004_row_counts.py")
    for table in previous.COUNTED:
        function = previous._postgresql_triggers(table)[0]  # CREATE OR REPLACE FUNCTION ...
        random_shard = RANDOM_SHARD.format(shards=previous.PG_SHARDS)
        assert random_shard in function
        op.execute(function.replace(random_shard, shard.format(shards=previous.PG_SHARDS)))


def upgrade() -> None:
    _functions(TRANSACTION_SHARD)


def downgrade() -> None:
    _functions(RANDOM_SHARD)
