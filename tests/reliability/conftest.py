"""Fixtures: a provisioned storage (SQLite file or scratch PostgreSQL database) per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests._support.live import Storage
from tests._support.postgres import scratch_database
from tests.reliability._figures import FIGURES


@pytest.fixture
def sqlite_storage(tmp_path: Path) -> Storage:
    return Storage(tmp_path / "data")


@pytest.fixture
def postgres_storage(tmp_path: Path) -> Iterator[Storage]:
    with scratch_database("liveavatar_reliability") as url:
        yield Storage(tmp_path / "data", url)


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request: pytest.FixtureRequest) -> Storage:
    """Each backend in turn."""
    name = "sqlite_storage" if request.param == "sqlite" else "postgres_storage"
    fixture: Storage = request.getfixturevalue(name)
    return fixture


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Every figure the run measured, one line each (examples, matrix cells, losses, leaks)."""
    if not FIGURES:
        return
    terminalreporter.section("reliability figures")
    for name, value in FIGURES.items():
        terminalreporter.write_line(f"{name}: {value}")
