"""Fixtures of the contract tests: the reference server live on loopback (SQLite or PostgreSQL)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.contract._reference import RunningServer, reference_server

ADMIN_URLS = (
    "postgresql://postgres@127.0.0.1:5432/test",
    "postgresql://root@127.0.0.1:5432/test",
)


# One server for the whole session: its start (migrate, mint keys, serve) costs seconds.
@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    data_dir = tmp_path_factory.mktemp("reference-sqlite")
    with reference_server(f"sqlite:///{data_dir / 'liveavatar.sqlite3'}", data_dir) as server:
        yield server


@pytest.fixture(scope="module")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """The reference server on a PostgreSQL database of its own, dropped afterwards."""
    psycopg = pytest.importorskip("psycopg")
    admin = None
    for url in ADMIN_URLS:
        try:
            admin = psycopg.connect(url, autocommit=True, connect_timeout=3)
            break
        except psycopg.OperationalError:
            continue
    if admin is None:
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is unreachable")
    user = admin.info.user
    database = f"contract_{secrets.token_hex(6)}"
    admin.execute(f'CREATE DATABASE "{database}"')
    try:
        data_dir = tmp_path_factory.mktemp("reference-postgres")
        url = f"postgresql+psycopg://{user}@127.0.0.1:5432/{database}"
        with reference_server(url, data_dir) as server:
            yield server
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def report_dir(tmp_path: Path) -> Path:
    return tmp_path / "reports"
