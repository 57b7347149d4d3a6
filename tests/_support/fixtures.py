"""The suite's pytest plugin (`pytest_plugins` in tests/conftest.py): servers of both kinds, scratch PostgreSQL.

- `live_server`: `liveavatar-server serve` started by its CLI in a process group of its own
  (`tests._support.live`), SQLite by default; `indirect` parametrisation with
  ``"postgresql"`` serves a scratch PostgreSQL database instead.
- `inproc_server`: the public `liveavatar_server.testing.serve()` (uvicorn in a thread, a
  movable clock, two spaces), the fixture users get, so the suite trusts the same one.
- `postgres_url`: one scratch database for the run (`tests._support.postgres`).
- `empty_database_url`: an empty database per test, on each backend (a SQLite file, then a
  scratch PostgreSQL database): what migration tests start from.
- `chromium`: the headless browser's executable (skips when it is not installed).

One policy for PostgreSQL: a test or fixture that asks for a scratch database where none
answers is skipped with the reason (`PostgresUnavailable`), wherever it asked.
"""

from __future__ import annotations

import shutil
from collections.abc import Generator, Iterator
from contextlib import nullcontext
from pathlib import Path

import pytest
from liveavatar_server.testing import LocalServer, serve

from tests._support.live import LiveServer, Storage
from tests._support.postgres import PostgresUnavailable, scratch_database

__all__ = ["chromium", "empty_database_url", "inproc_server", "live_server", "postgres_url"]


def _skipped_without_postgres() -> Generator[None, None, None]:
    try:
        return (yield)
    except PostgresUnavailable as exc:
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 is unreachable: {exc}")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _skipped_without_postgres())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Generator[None, None, None]:
    return (yield from _skipped_without_postgres())


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A SQLAlchemy URL of a scratch database, created for the run and dropped after it."""
    with scratch_database() as url:
        yield url


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A SQLAlchemy URL of a database nobody has migrated yet, dropped after the test."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    with scratch_database() as url:
        yield url


@pytest.fixture
def live_server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LiveServer]:
    """A `liveavatar-server serve --port 0` process on a fresh data directory (see the module)."""
    backend = getattr(request, "param", "sqlite")
    assert backend in ("sqlite", "postgresql"), backend
    with (
        scratch_database() if backend == "postgresql" else nullcontext() as url,
        LiveServer(Storage(tmp_path / "data", url)) as server,
    ):
        yield server


@pytest.fixture
def inproc_server() -> Iterator[LocalServer]:
    """The reference server in this process: `liveavatar_server.testing.serve()` (SQLite)."""
    with serve() as server:
        yield server


@pytest.fixture(scope="session")
def chromium() -> str:
    """The path of headless Chromium, for the tests that drive a real browser."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    pytest.skip("headless Chromium not installed: run `make install-browser` (needs apt-get)")
