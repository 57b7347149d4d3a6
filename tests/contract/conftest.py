"""Fixtures of the contract tests: the reference server live on loopback (SQLite or PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests._support.postgres import scratch_database
from tests.contract._reference import RunningServer, reference_server


# One server for the whole session: its start (migrate, mint keys, serve) costs seconds.
@pytest.fixture(scope="session")
def sqlite_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    with reference_server(tmp_path_factory.mktemp("reference-sqlite") / "data") as server:
        yield server


@pytest.fixture(scope="module")
def postgres_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """The reference server on a PostgreSQL database of its own, dropped afterwards."""
    data_dir = tmp_path_factory.mktemp("reference-postgres") / "data"
    with scratch_database("contract") as url, reference_server(data_dir, url) as server:
        yield server


@pytest.fixture
def report_dir(tmp_path: Path) -> Path:
    return tmp_path / "reports"
