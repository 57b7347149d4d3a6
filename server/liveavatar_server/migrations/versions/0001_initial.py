"""Initial schema: spaces, API keys, sessions, secrets and LLM configurations."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(36)
SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
STAMP = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "spaces",
        sa.Column("id", ID, primary_key=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
    )
    op.create_table(
        "api_keys",
        sa.Column("id", ID, primary_key=True),
        sa.Column("key_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("space_id", ID, sa.ForeignKey("spaces.id"), nullable=True),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("revoked_at", STAMP, nullable=True),
    )
    op.create_table(
        "sessions",
        sa.Column("id", ID, primary_key=True),
        sa.Column("token_hash", sa.String(64), nullable=False, unique=True),
        sa.Column("api_key_id", ID, sa.ForeignKey("api_keys.id"), nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("expires_at", STAMP, nullable=False),
    )
    op.create_table(
        "secrets",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False, unique=True),
        sa.Column("space_id", ID, sa.ForeignKey("spaces.id"), nullable=False),
        sa.Column("secret_name", sa.Text, nullable=False),
        sa.Column("secret_type", sa.String(64), nullable=False),
        sa.Column("ciphertext", sa.LargeBinary, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
    )
    op.create_index("ix_secrets_space_newest", "secrets", ["space_id", "created_at", "seq"])
    op.create_table(
        "llm_configurations",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False, unique=True),
        sa.Column("space_id", ID, sa.ForeignKey("spaces.id"), nullable=False),
        sa.Column("display_name", sa.Text, nullable=False),
        sa.Column("model_name", sa.Text, nullable=False),
        sa.Column("base_url", sa.Text, nullable=False),
        sa.Column(
            "secret_id", ID, sa.ForeignKey("secrets.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
    )
    op.create_index(
        "ix_llm_configurations_space_newest",
        "llm_configurations",
        ["space_id", "created_at", "seq"],
    )
    op.create_index("ix_llm_configurations_secret", "llm_configurations", ["secret_id"])


def downgrade() -> None:
    op.drop_table("llm_configurations")
    op.drop_table("secrets")
    op.drop_table("sessions")
    op.drop_table("api_keys")
    op.drop_table("spaces")
