"""Catalog: avatars, voices, contexts, memories; seeds the public avatar and voice catalog."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0003_catalog"
down_revision = "0002_sessions"
branch_labels = None
depends_on = None

ID = sa.String(36)
SEQ = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
STAMP = sa.DateTime(timezone=True)
SEEDED = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

# Fixed ids, so documentation and tests can name them; ordered oldest first.
PUBLIC_VOICES = [
    (
        "6f1c2a8e-3b1d-4c57-9a2e-0d4b5c6e7f01",
        "Ava",
        "Warm, friendly narrator",
        "en",
        "female",
        ["warm", "conversational"],
    ),
    (
        "6f1c2a8e-3b1d-4c57-9a2e-0d4b5c6e7f02",
        "Marcus",
        "Confident, clear presenter",
        "en",
        "male",
        ["confident", "professional"],
    ),
    (
        "6f1c2a8e-3b1d-4c57-9a2e-0d4b5c6e7f03",
        "Lucía",
        "Calm and reassuring",
        "es",
        "female",
        ["calm", "support"],
    ),
    (
        "6f1c2a8e-3b1d-4c57-9a2e-0d4b5c6e7f04",
        "Jonas",
        "Energetic explainer",
        "de",
        "male",
        ["energetic", "education"],
    ),
    (
        "6f1c2a8e-3b1d-4c57-9a2e-0d4b5c6e7f05",
        "Camille",
        "Soft-spoken host",
        "fr",
        "female",
        ["soft", "hospitality"],
    ),
    (
        "6f1c2a8e-3b1d-4c57-9a2e-0d4b5c6e7f06",
        "Haruto",
        "Polite customer-service voice",
        "ja",
        "male",
        ["polite", "support"],
    ),
]
PUBLIC_AVATARS = [
    # Wayne keeps the id the LiveAvatar docs give for sandbox sessions.
    ("dd73ea75-1218-4ef3-92ce-606d5f7fbc0a", "Wayne", "VIDEO", True, PUBLIC_VOICES[1]),
    ("0b7e4d2c-91a3-4f6e-8c1d-2a3b4c5d6e02", "Katya", "VIDEO", True, PUBLIC_VOICES[0]),
    ("0b7e4d2c-91a3-4f6e-8c1d-2a3b4c5d6e03", "Dexter", "VIDEO", False, PUBLIC_VOICES[3]),
    ("0b7e4d2c-91a3-4f6e-8c1d-2a3b4c5d6e04", "Elena", "VIDEO", False, PUBLIC_VOICES[2]),
    ("0b7e4d2c-91a3-4f6e-8c1d-2a3b4c5d6e05", "June", "IMAGE", False, PUBLIC_VOICES[4]),
    ("0b7e4d2c-91a3-4f6e-8c1d-2a3b4c5d6e06", "Kenji", "IMAGE", False, PUBLIC_VOICES[5]),
]
PREVIEWS = "https://previews.liveavatar.invalid/avatars"


def upgrade() -> None:
    avatars = op.create_table(
        "avatars",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False, unique=True),
        sa.Column("space_id", ID, sa.ForeignKey("spaces.id"), nullable=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("preview_url", sa.Text, nullable=True),
        sa.Column("is_1080p", sa.Boolean, nullable=False),
        sa.Column("default_voice_id", ID, nullable=True),
        sa.Column("error_message", sa.Text, nullable=True),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
        sa.Column("deleted_at", STAMP, nullable=True),
    )
    op.create_index(
        "ix_avatars_space_newest", "avatars", ["space_id", "deleted_at", "created_at", "seq"]
    )
    voices = op.create_table(
        "voices",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False, unique=True),
        sa.Column("space_id", ID, sa.ForeignKey("spaces.id"), nullable=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("description", sa.Text, nullable=True),
        sa.Column("language", sa.String(32), nullable=False),
        sa.Column("gender", sa.String(16), nullable=False),
        sa.Column("tags", sa.Text, nullable=False),
        sa.Column("provider", sa.String(32), nullable=False),
        sa.Column("provider_voice_id", sa.Text, nullable=True),
        sa.Column("secret_id", ID, nullable=True),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
    )
    op.create_index("ix_voices_space_newest", "voices", ["space_id", "created_at", "seq"])
    op.create_table(
        "contexts",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False, unique=True),
        sa.Column("space_id", ID, sa.ForeignKey("spaces.id"), nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("prompt", sa.Text, nullable=False),
        sa.Column("opening_text", sa.Text, nullable=False),
        sa.Column("links", sa.Text, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
    )
    op.create_index("ix_contexts_space_newest", "contexts", ["space_id", "created_at", "seq"])
    op.create_table(
        "memories",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column("id", ID, nullable=False, unique=True),
        sa.Column("space_id", ID, sa.ForeignKey("spaces.id"), nullable=False),
        sa.Column("memory_type", sa.String(16), nullable=False),
        sa.Column("session_id", ID, nullable=False),
        sa.Column("content", sa.Text, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
        sa.Column("updated_at", STAMP, nullable=False),
    )
    op.create_index("ix_memories_space_newest", "memories", ["space_id", "created_at", "seq"])
    op.create_index("ix_memories_space_session", "memories", ["space_id", "session_id"])
    op.create_table(
        "memory_episodes",
        sa.Column("seq", SEQ, primary_key=True, autoincrement=True),
        sa.Column(
            "memory_id", ID, sa.ForeignKey("memories.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("session_id", ID, nullable=False),
        sa.Column("sequence_num", sa.Integer, nullable=False),
        sa.Column("summary", sa.Text, nullable=False),
        sa.Column("created_at", STAMP, nullable=False),
    )
    op.create_index("ix_memory_episodes_memory", "memory_episodes", ["memory_id", "sequence_num"])
    _seed(voices, avatars)


def _seed(voices: sa.Table, avatars: sa.Table) -> None:
    op.bulk_insert(
        voices,
        [
            {
                "id": voice_id,
                "space_id": None,
                "name": name,
                "description": description,
                "language": language,
                "gender": gender,
                "tags": json.dumps(tags),
                "provider": "liveavatar",
                "provider_voice_id": None,
                "secret_id": None,
                "created_at": SEEDED.replace(minute=index),
                "updated_at": SEEDED.replace(minute=index),
            }
            for index, (voice_id, name, description, language, gender, tags) in enumerate(
                PUBLIC_VOICES
            )
        ],
    )
    op.bulk_insert(
        avatars,
        [
            {
                "id": avatar_id,
                "space_id": None,
                "name": name,
                "type": kind,
                "status": "ACTIVE",
                "preview_url": f"{PREVIEWS}/{name.lower()}.webp",
                "is_1080p": hd,
                "default_voice_id": voice[0],
                "error_message": None,
                "created_at": SEEDED.replace(minute=index),
                "updated_at": SEEDED.replace(minute=index),
                "deleted_at": None,
            }
            for index, (avatar_id, name, kind, hd, voice) in enumerate(PUBLIC_AVATARS)
        ],
    )


def downgrade() -> None:
    op.drop_table("memory_episodes")
    op.drop_table("memories")
    op.drop_table("contexts")
    op.drop_table("voices")
    op.drop_table("avatars")
