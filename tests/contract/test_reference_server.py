"""The contract suite passes against our reference server, live on loopback, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract._reference import RunningServer
from tests.contract._suite import run_suite

# The one-minute budget: every class of the engine reaches every resource within it (SQLite);
# the PostgreSQL run judges the same server on the other backend in a third of it.
BUDGET = 60
POSTGRES_BUDGET = 20
# A default run keeps its reports small (the NDJSON events and HAR cassette need --reports).
MAX_REPORTS_BYTES = 5 * 1024 * 1024

pytestmark = pytest.mark.slow


def _assert_passes(server: RunningServer, report_dir: Path, budget: int = BUDGET) -> None:
    verdict = run_suite(
        server.url, server.first_key, server.second_key, report_dir, max_time=budget
    )
    assert verdict.exit_code == 0, verdict.output[-6000:]
    assert verdict.summary["scenario_findings"] == []
    assert verdict.summary["schemathesis_exit_code"] == 0
    assert "PASSED" in verdict.output
    for report in ("schemathesis.junit.xml", "scenarios.junit.xml", "contract-summary.json"):
        assert (report_dir / report).stat().st_size > 0
    assert not (report_dir / "schemathesis.har").exists()
    assert sum(path.stat().st_size for path in report_dir.iterdir()) < MAX_REPORTS_BYTES
    classes = verdict.summary["resource_classes"]
    unreached = {
        (name, check)
        for name, states in classes.items()
        for check, state in states.items()
        if state == "not reached"
    }
    assert not unreached, unreached
    assert {"memory", "voices", "avatars"} <= {
        name for name, states in classes.items() if "reached" in states.values()
    }, classes
    # Only single fields may go unjudged (an `_id` naming nothing the model knows), no resource.
    assert all("`" in what for what in verdict.summary["not_judged"]), verdict.summary["not_judged"]
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
    _assert_passes(postgres_server, report_dir, POSTGRES_BUDGET)
