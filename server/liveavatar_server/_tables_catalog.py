"""Tables of the catalog resources: avatars, voices, contexts, memories and their episodes.

Rows with ``space_id`` NULL are the public catalog (seeded by the migration); every list is
served newest first from an index on (space_id, ..., created_at, seq), so a page never scans
the table.
"""

from __future__ import annotations

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, String, Table, Text

from liveavatar_server._tables import ID_LENGTH, Sequence, UTCDateTime, metadata

avatars = Table(
    "avatars",
    metadata,
    Column("seq", Sequence, primary_key=True, autoincrement=True),
    Column("id", String(ID_LENGTH), nullable=False, unique=True),
    Column("space_id", String(ID_LENGTH), ForeignKey("spaces.id"), nullable=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("preview_url", Text, nullable=True),
    Column("is_1080p", Boolean, nullable=False),
    Column("default_voice_id", String(ID_LENGTH), nullable=True),
    Column("error_message", Text, nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    # Soft delete: the row stays (sessions may name it), lists and reads skip it.
    Column("deleted_at", UTCDateTime, nullable=True),
    Index("ix_avatars_space_newest", "space_id", "deleted_at", "created_at", "seq"),
)

voices = Table(
    "voices",
    metadata,
    Column("seq", Sequence, primary_key=True, autoincrement=True),
    Column("id", String(ID_LENGTH), nullable=False, unique=True),
    Column("space_id", String(ID_LENGTH), ForeignKey("spaces.id"), nullable=True),
    Column("name", Text, nullable=False),
    Column("description", Text, nullable=True),
    Column("language", String(32), nullable=False),
    Column("gender", String(16), nullable=False),
    Column("tags", Text, nullable=False),  # a JSON array of strings
    Column("provider", String(32), nullable=False),
    Column("provider_voice_id", Text, nullable=True),
    Column("secret_id", String(ID_LENGTH), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_voices_space_newest", "space_id", "created_at", "seq"),
)

memories = Table(
    "memories",
    metadata,
    Column("seq", Sequence, primary_key=True, autoincrement=True),
    Column("id", String(ID_LENGTH), nullable=False, unique=True),
    Column("space_id", String(ID_LENGTH), ForeignKey("spaces.id"), nullable=False),
    Column("memory_type", String(16), nullable=False),
    Column("session_id", String(ID_LENGTH), nullable=False),
    Column("content", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Index("ix_memories_space_newest", "space_id", "created_at", "seq"),
    Index("ix_memories_space_session", "space_id", "session_id"),
)

memory_episodes = Table(
    "memory_episodes",
    metadata,
    Column("seq", Sequence, primary_key=True, autoincrement=True),
    Column(
        "memory_id",
        String(ID_LENGTH),
        ForeignKey("memories.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("session_id", String(ID_LENGTH), nullable=False),
    Column("sequence_num", Integer, nullable=False),
    Column("summary", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Index("ix_memory_episodes_memory", "memory_id", "sequence_num"),
)
