"""Server settings: defaults, then `LIVEAVATAR_*` environment variables, then CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATA_DIR = ".data"
DATABASE_FILE = "liveavatar.sqlite3"
MAX_BODY_BYTES = 1024 * 1024
# The URL schemes people write for PostgreSQL (Heroku, libpq, SQLAlchemy without a driver)
# all mean the driver we ship; SQLAlchemy alone would read `postgres://` as unknown and
# `postgresql://` as psycopg2, which is not installed.
_POSTGRES_SCHEMES = ("postgres", "postgresql", "postgresql+psycopg", "postgresql+psycopg3")
POSTGRES_DRIVER = "postgresql+psycopg"


class SettingsError(ValueError):
    """A setting (an environment variable or a flag) holds a value the server cannot use."""


def with_postgres_driver(url: str) -> str:
    """``url`` with the PostgreSQL driver we ship; other URLs unchanged."""
    scheme, sep, rest = url.partition("://")
    if sep and scheme.lower() in _POSTGRES_SCHEMES:
        return f"{POSTGRES_DRIVER}://{rest}"
    return url


@dataclass(frozen=True)
class SessionSettings:
    """Session lifecycle and credits; every value has a `LIVEAVATAR_*` variable (docs/server.md)."""

    # Where clients join the room; the real service answers a wss:// LiveKit Cloud URL.
    livekit_url: str = "ws://127.0.0.1:7880"
    # A running session ends this long after its start or its last keep-alive.
    idle_timeout: int = 120
    # The subscription tier's limit on max_session_duration (and the default when absent).
    max_duration: int = 1800
    # Sandbox sessions end after about a minute (the guide), as MAX_DURATION_REACHED.
    sandbox_duration: int = 60
    # A session token that was never used to start its session expires after this.
    token_ttl: int = 3600
    # Credits per started minute (the published rates: FULL and embeds 2, LITE 1).
    rate_full: float = 2.0
    rate_lite: float = 1.0
    # The balance a space created by `create-space` starts with (the free plan's 10).
    initial_credits: float = 10.0
    # A file holding seconds to add to the clock (tests move a served process's time).
    clock_offset_file: str | None = None

    @classmethod
    def from_environment(cls) -> SessionSettings:
        env = os.environ
        default = cls()
        return cls(
            livekit_url=env.get("LIVEAVATAR_LIVEKIT_URL") or default.livekit_url,
            idle_timeout=_number(env, "LIVEAVATAR_SESSION_IDLE_TIMEOUT", default.idle_timeout),
            max_duration=_number(env, "LIVEAVATAR_MAX_SESSION_DURATION", default.max_duration),
            sandbox_duration=_number(
                env, "LIVEAVATAR_SANDBOX_SESSION_DURATION", default.sandbox_duration
            ),
            token_ttl=_number(env, "LIVEAVATAR_SESSION_TOKEN_TTL", default.token_ttl),
            rate_full=_decimal(env, "LIVEAVATAR_CREDITS_PER_MINUTE_FULL", default.rate_full),
            rate_lite=_decimal(env, "LIVEAVATAR_CREDITS_PER_MINUTE_LITE", default.rate_lite),
            initial_credits=_decimal(env, "LIVEAVATAR_INITIAL_CREDITS", default.initial_credits),
            clock_offset_file=env.get("LIVEAVATAR_CLOCK_OFFSET_FILE") or None,
        )


def _number(env: os._Environ[str], name: str, default: int) -> int:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a whole number of seconds") from None
    if value <= 0:
        raise SettingsError(f"{name} must be positive")
    return value


def _decimal(env: os._Environ[str], name: str, default: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise SettingsError(f"{name} must be a number") from None
    if not value >= 0 or value == float("inf"):
        raise SettingsError(f"{name} must be zero or positive")
    return value


@dataclass(frozen=True)
class RealtimeSettings:
    """The LITE socket and the browser-facing side; `LIVEAVATAR_*` variables (docs/realtime.md)."""

    # Audio plays this many times faster than real time (tests; the clock stays the server's).
    playback_speed: float = 1.0
    # How often an open socket re-reads its session (a stop or timeout from any process).
    poll_interval: float = 0.5
    # Origins browsers may call from (comma-separated, `*` for any); None: localhost only.
    cors_origins: str | None = None

    @classmethod
    def from_environment(cls) -> RealtimeSettings:
        env = os.environ
        default = cls()
        speed = _decimal(env, "LIVEAVATAR_PLAYBACK_SPEED", default.playback_speed)
        poll = _decimal(env, "LIVEAVATAR_REALTIME_POLL_INTERVAL", default.poll_interval)
        if speed <= 0 or poll <= 0:
            raise ValueError(
                "LIVEAVATAR_PLAYBACK_SPEED and LIVEAVATAR_REALTIME_POLL_INTERVAL must be positive"
            )
        return cls(
            playback_speed=speed,
            poll_interval=poll,
            cors_origins=env.get("LIVEAVATAR_CORS_ORIGINS") or None,
        )


@dataclass(frozen=True)
class Settings:
    """Where the server keeps its data and how it encrypts secrets."""

    data_dir: Path
    database_url: str
    secret_key: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    # WAL + NORMAL: a commit is in the WAL (the OS page cache) before we answer, so it
    # survives kill -9 of the server; FULL also fsyncs each commit (survives power loss).
    sqlite_synchronous: str = "NORMAL"
    # Several processes writing one SQLite file queue on a flock (see WriterLock); one
    # process does not need it, and the two extra syscalls per write are not free.
    sqlite_writer_lock: bool = False
    # One process on SQLite commits the writes of the requests of one event-loop turn in one
    # transaction, answering each after that commit (see `ThreadConnections`); 0 turns it off.
    sqlite_group_commit: bool = True
    # Requests per second per API key; 0 turns the limit off (the default).
    rate_limit: float = 0.0
    sessions: SessionSettings = field(default_factory=lambda: SessionSettings())
    realtime: RealtimeSettings = field(default_factory=lambda: RealtimeSettings())

    def __repr__(self) -> str:
        return f"Settings(data_dir={str(self.data_dir)!r}, database_url={redact_url(self.database_url)!r})"

    @classmethod
    def from_environment(
        cls, *, data_dir: str | None = None, database_url: str | None = None
    ) -> Settings:
        directory = Path(data_dir or os.environ.get("LIVEAVATAR_DATA_DIR") or DEFAULT_DATA_DIR)
        url = database_url or os.environ.get("LIVEAVATAR_DATABASE_URL") or sqlite_url(directory)
        url = with_postgres_driver(url)
        synchronous = os.environ.get("LIVEAVATAR_SQLITE_SYNCHRONOUS", "NORMAL").upper()
        if synchronous not in {"FULL", "NORMAL", "EXTRA"}:
            raise SettingsError("LIVEAVATAR_SQLITE_SYNCHRONOUS must be FULL, EXTRA or NORMAL")
        return cls(
            data_dir=directory.resolve(),
            database_url=url,
            secret_key=os.environ.get("LIVEAVATAR_SECRET_KEY"),
            sqlite_synchronous=synchronous,
            sqlite_writer_lock=os.environ.get("LIVEAVATAR_SQLITE_WRITER_LOCK", "") == "1",
            sqlite_group_commit=os.environ.get("LIVEAVATAR_SQLITE_GROUP_COMMIT", "1") != "0",
            rate_limit=_decimal(os.environ, "LIVEAVATAR_RATE_LIMIT", 0.0),
            sessions=SessionSettings.from_environment(),
            realtime=RealtimeSettings.from_environment(),
        )


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{(data_dir / DATABASE_FILE).resolve()}"


def redact_url(url: str) -> str:
    """A database URL without its password, for logs and reprs."""
    scheme, sep, rest = url.partition("://")
    if not sep or "@" not in rest:
        return url
    credentials, _, host = rest.rpartition("@")
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else url
