"""Server settings: defaults, then `LIVEAVATAR_*` environment variables, then CLI flags."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DATA_DIR = ".data"
DATABASE_FILE = "liveavatar.sqlite3"
MAX_BODY_BYTES = 1024 * 1024


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

    def __repr__(self) -> str:
        return f"Settings(data_dir={str(self.data_dir)!r}, database_url={redact_url(self.database_url)!r})"

    @classmethod
    def from_environment(
        cls, *, data_dir: str | None = None, database_url: str | None = None
    ) -> Settings:
        directory = Path(data_dir or os.environ.get("LIVEAVATAR_DATA_DIR") or DEFAULT_DATA_DIR)
        url = database_url or os.environ.get("LIVEAVATAR_DATABASE_URL") or sqlite_url(directory)
        synchronous = os.environ.get("LIVEAVATAR_SQLITE_SYNCHRONOUS", "NORMAL").upper()
        if synchronous not in {"FULL", "NORMAL", "EXTRA"}:
            raise ValueError("LIVEAVATAR_SQLITE_SYNCHRONOUS must be FULL, EXTRA or NORMAL")
        return cls(
            data_dir=directory.resolve(),
            database_url=url,
            secret_key=os.environ.get("LIVEAVATAR_SECRET_KEY"),
            sqlite_synchronous=synchronous,
            sqlite_writer_lock=os.environ.get("LIVEAVATAR_SQLITE_WRITER_LOCK", "") == "1",
        )

    def with_database(self, url: str) -> Settings:
        return replace(self, database_url=url)


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
