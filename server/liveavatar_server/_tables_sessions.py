"""Tables of avatar sessions, their transcripts, embeds and credit balances (same MetaData)."""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
)

from liveavatar_server._tables import ID_LENGTH, Sequence, UTCDateTime, metadata

# `sessions` is the web app's la_session login table: these are the avatar's sessions.
avatar_sessions = Table(
    "avatar_sessions",
    metadata,
    Column("seq", Sequence, primary_key=True, autoincrement=True),
    Column("id", String(ID_LENGTH), nullable=False, unique=True),
    Column("space_id", String(ID_LENGTH), ForeignKey("spaces.id"), nullable=False),
    Column("api_key_id", String(ID_LENGTH), ForeignKey("api_keys.id"), nullable=False),
    Column("token_hash", String(64), nullable=False, unique=True),
    Column("token_expires_at", UTCDateTime, nullable=False),
    Column("mode", String(8), nullable=False),
    Column("source", String(8), nullable=False),
    Column("is_sandbox", Boolean, nullable=False),
    Column("avatar_id", String(ID_LENGTH), nullable=True),
    Column("context_id", String(ID_LENGTH), nullable=True),
    Column("embed_id", String(ID_LENGTH), nullable=True),
    Column("room", Text, nullable=False),
    # LITE with the caller's own LiveKit room: its URL and (encrypted) client token.
    Column("custom_livekit_url", Text, nullable=True),
    Column("custom_livekit_token", LargeBinary, nullable=True),
    Column("max_duration", Integer, nullable=False),
    # created -> running -> ended; a created session may also end without running.
    Column("state", String(8), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("started_at", UTCDateTime, nullable=True),
    Column("idle_deadline", UTCDateTime, nullable=True),
    Column("ends_by", UTCDateTime, nullable=True),
    Column("ended_at", UTCDateTime, nullable=True),
    Column("end_reason", String(32), nullable=True),
    Column("duration", Integer, nullable=False),
    Column("credits_millis", BigInteger, nullable=False),
    Index("ix_avatar_sessions_space_state_newest", "space_id", "state", "created_at", "seq"),
)

session_transcripts = Table(
    "session_transcripts",
    metadata,
    Column("seq", Sequence, primary_key=True, autoincrement=True),
    Column(
        "session_id",
        String(ID_LENGTH),
        ForeignKey("avatar_sessions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("role", String(8), nullable=False),
    Column("transcript", Text, nullable=False),
    Column("absolute_timestamp", BigInteger, nullable=False),
    Column("relative_timestamp", BigInteger, nullable=False),
    Index("ix_session_transcripts_session", "session_id", "absolute_timestamp", "seq"),
)

avatar_embeds = Table(
    "avatar_embeds",
    metadata,
    Column("seq", Sequence, primary_key=True, autoincrement=True),
    Column("id", String(ID_LENGTH), nullable=False, unique=True),
    Column("space_id", String(ID_LENGTH), ForeignKey("spaces.id"), nullable=False),
    Column("avatar_id", String(ID_LENGTH), nullable=False),
    Column("context_id", String(ID_LENGTH), nullable=False),
    Column("voice_id", String(ID_LENGTH), nullable=True),
    Column("embed_type", String(16), nullable=False),
    Column("orientation", String(16), nullable=False),
    Column("max_duration", Integer, nullable=True),
    Column("default_language", String(8), nullable=True),
    Column("is_sandbox", Boolean, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)

# Balances in thousandths of a credit: exact sums on every backend, no floats, no Decimal.
space_credits = Table(
    "space_credits",
    metadata,
    Column("space_id", String(ID_LENGTH), ForeignKey("spaces.id"), primary_key=True),
    Column("balance_millis", BigInteger, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)
