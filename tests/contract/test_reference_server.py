"""The contract suite passes against our reference server, live on loopback, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract._reference import RunningServer
from tests.contract._suite import run_suite

# Long enough for every schemathesis phase, including the stateful one, to run.
BUDGET = 20

pytestmark = pytest.mark.slow


def _assert_passes(server: RunningServer, report_dir: Path) -> None:
    verdict = run_suite(
        server.url, server.first_key, server.second_key, report_dir, max_time=BUDGET
    )
    assert verdict.exit_code == 0, verdict.output[-6000:]
    assert verdict.summary["scenario_findings"] == []
    assert verdict.summary["schemathesis_exit_code"] == 0
    assert "PASSED" in verdict.output
    for report in ("schemathesis.junit.xml", "schemathesis.har", "scenarios.junit.xml"):
        assert (report_dir / report).stat().st_size > 0
    # No key reaches a report or the output.
    for path in report_dir.iterdir():
        text = path.read_text(encoding="utf-8", errors="replace")
        assert server.first_key not in text, path
        assert server.second_key not in text, path
    assert server.first_key not in verdict.output


def test_passes_on_sqlite(sqlite_server: RunningServer, report_dir: Path) -> None:
    _assert_passes(sqlite_server, report_dir)


@pytest.mark.postgres
def test_passes_on_postgresql(postgres_server: RunningServer, report_dir: Path) -> None:
    _assert_passes(postgres_server, report_dir)
