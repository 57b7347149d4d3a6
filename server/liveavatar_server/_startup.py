"""Opening the store for the CLI: each configuration mistake becomes one `StartupError` line.

The message says what was wrong and what to do; `liveavatar-server` prints it and exits 2
(as it does when the port is taken). No message repeats a password or a secret key.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from liveavatar_server._migrate import upgrade
from liveavatar_server._settings import Settings, SettingsError, redact_url
from liveavatar_server._store import Store

SUPPORTED = "sqlite:///PATH or postgresql://USER@HOST:PORT/DATABASE"
_URL_FLAG = "--database-url or LIVEAVATAR_DATABASE_URL"
_DIR_FLAG = "--data-dir or LIVEAVATAR_DATA_DIR"


class StartupError(Exception):
    """A configuration mistake found before serving: what was wrong, then what to do."""

    def __init__(self, problem: str, remedy: str) -> None:
        super().__init__(f"{problem}; {remedy}")
        self.problem = problem
        self.remedy = remedy


def open_store(*, data_dir: str | None, database_url: str | None) -> Store:
    """The migrated store the flags and `LIVEAVATAR_*` variables name, or a `StartupError`."""
    try:
        settings = Settings.from_environment(data_dir=data_dir, database_url=database_url)
    except SettingsError as exc:
        raise StartupError(str(exc), "fix the variable, or unset it for the default") from None
    check_database_url(settings.database_url)
    check_data_dir(settings.data_dir)
    store: Store | None = None
    try:
        store = Store(settings)
        upgrade(store.engine)
    except (SQLAlchemyError, OSError) as exc:
        if store is not None:
            store.close()
        raise database_problem(settings, exc) from None
    return store


def check_database_url(url: str) -> None:
    """Only SQLite and PostgreSQL are served; the URL itself is never echoed (it may hold a password)."""
    try:
        backend = make_url(url).get_backend_name()
    except ArgumentError:
        raise StartupError(
            "the database URL is not a URL", f"give {SUPPORTED} in {_URL_FLAG}"
        ) from None
    if backend not in ("sqlite", "postgresql"):
        raise StartupError(
            f"{backend} databases are not supported", f"give {SUPPORTED} in {_URL_FLAG}"
        )


def check_data_dir(path: Path) -> None:
    """The data directory (secret key, LiveKit keys, the SQLite file) exists or can be made, and takes files."""
    if path.exists() and not path.is_dir():
        raise StartupError(
            f"the data directory {path} is a file",
            f"name a directory in {_DIR_FLAG} (it is created when missing)",
        )
    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        raise StartupError(
            f"cannot write to the data directory {path} ({exc.strerror or type(exc).__name__})",
            f"name a writable directory in {_DIR_FLAG}",
        ) from None


def database_problem(settings: Settings, exc: Exception) -> StartupError:
    """The one line for a database that would not open or migrate."""
    url = make_url(settings.database_url)
    cause = _first_line(getattr(exc, "orig", None) or exc)
    if url.get_backend_name() == "sqlite":
        where = url.database or ":memory:"
        if "file is not a database" in cause or "malformed" in cause:
            return StartupError(
                f"{where} is not a SQLite database (corrupt, or another kind of file)",
                f"move it aside to start with an empty database, or name another {_DIR_FLAG}",
            )
        return StartupError(
            f"cannot open the SQLite database {where} ({cause})",
            "check that its directory exists and is writable",
        )
    remedy = f"check the server is running and the URL in {_URL_FLAG}"
    if "does not exist" in cause and url.database and "database" in cause:
        remedy = f"create it (createdb {url.database}) or name another in {_URL_FLAG}"
    return StartupError(
        f"cannot use the PostgreSQL database {redact_url(settings.database_url)} ({cause})",
        remedy,
    )


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[0] if lines else type(exc).__name__
