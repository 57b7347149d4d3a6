"""Avatar sessions, transcripts, embeds and credit balances (existing data untouched)."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_sessions"
down_revision = "0001"  # the initial revision's id (its file is 0001_initial.py)
branch_labels = None
depends_on = None

ID = sa.String(36)
SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "avatar_sessions",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False, unique=True),
        sa.Column("space_id", ID, sa.ForeignKey("spaces.id"), nullable=False),
        sa.Column("api_key_id", ID, sa.ForeignKey("api_keys.id"), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("token_expires_at", STAMP, nullable=False),
        sa.Column("mode", sa.String(8), nullable=False),
        sa.Column("source", sa.String(8), nullable=False),
        sa.Column("is_sandbox", sa.Boolean, nullable=False),
        sa.Column("avatar_id", ID, nullable=True),
        sa.Column("context_id", ID, nullable=True),
        sa.Column("embed_id", ID, nullable=True),
        sa.Column("room", sa.Text, nullable=False),
        sa.Column("custom_livekit_url", sa.Text, nullable=True),
        sa.Column("custom_livekit_token", sa.LargeBinary, nullable=True),
        sa.Column("max_duration", sa.Integer, nullable=False),
        sa.Column("state", sa.String(8), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.Column("started_at", STAMP, nullable=True),
        sa.Column("idle_deadline", STAMP, nullable=True),
        sa.Column("ends_by", STAMP, nullable=True),
        sa.Column("ended_at", STAMP, nullable=True),
        sa.Column("end_reason", sa.String(32), nullable=True),
        sa.Column("duration", sa.Integer, nullable=False),
        sa.Column("credits_millis", sa.BigInteger, nullable=False),
    )
    op.create_index(
        "ix_avatar_sessions_space_state_newest",
        "avatar_sessions",
        ["space_id", "state", "created_at", "seq"],
    )
    op.create_table(
        "session_transcripts",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column(
            "session_id",
            ID,
            sa.ForeignKey("avatar_sessions.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("role", sa.String(8), nullable=False),
        sa.Column("transcript", sa.Text, nullable=False),
        sa.Column("absolute_timestamp", sa.BigInteger, nullable=False),
        sa.Column("relative_timestamp", sa.BigInteger, nullable=False),
    )
    op.create_index(
        "ix_session_transcripts_session",
        "session_transcripts",
        ["session_id", "absolute_timestamp", "seq"],
    )
    op.create_table(
        "avatar_embeds",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False, unique=True),
        sa.Column("space_id", ID, sa.ForeignKey("spaces.id"), nullable=False),
        sa.Column("avatar_id", ID, nullable=False),
        sa.Column("context_id", ID, nullable=False),
        sa.Column("voice_id", ID, nullable=True),
        sa.Column("embed_type", sa.String(16), nullable=False),
        sa.Column("orientation", sa.String(16), nullable=False),
        sa.Column("max_duration", sa.Integer, nullable=True),
        sa.Column("default_language", sa.String(8), nullable=True),
        sa.Column("is_sandbox", sa.Boolean, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
    )
    op.create_table(
        "space_credits",
        sa.Column("space_id", ID, sa.ForeignKey("spaces.id"), primary_key=True),
        sa.Column("balance_millis", sa.BigInteger, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("space_credits")
    op.drop_table("avatar_embeds")
    op.drop_table("session_transcripts")
    op.drop_table("avatar_sessions")
