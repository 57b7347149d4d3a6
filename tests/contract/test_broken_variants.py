"""The suite proves it can fail: each realistic defect, injected by a proxy, is caught; the clean proxy passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contract._faults import DEFECTS, Defect, Keys
from tests.contract._proxy import serve_proxy
from tests.contract._reference import RunningServer
from tests.contract._suite import run_suite

# The scenario phase makes detection deterministic; schemathesis gets a few seconds on top.
BUDGET = 6
SEED = 20261127

pytestmark = pytest.mark.slow


def test_clean_proxy_passes(sqlite_server: RunningServer, report_dir: Path) -> None:
    with serve_proxy(sqlite_server.url, None) as url:
        verdict = run_suite(
            url,
            sqlite_server.first_key,
            sqlite_server.second_key,
            report_dir,
            max_time=BUDGET,
            seed=SEED,
        )
    assert verdict.exit_code == 0, verdict.output[-6000:]


@pytest.mark.parametrize("defect", DEFECTS, ids=[defect.name for defect in DEFECTS])
def test_defect_is_caught(defect: Defect, sqlite_server: RunningServer, report_dir: Path) -> None:
    fault = defect.build(Keys(sqlite_server.first_key, sqlite_server.second_key))
    with serve_proxy(sqlite_server.url, fault) as url:
        verdict = run_suite(
            url,
            sqlite_server.first_key,
            sqlite_server.second_key,
            report_dir,
            max_time=BUDGET,
            seed=SEED,
        )
    assert verdict.exit_code == 1, verdict.output[-6000:]
    assert verdict.caught_by & defect.caught_by, f"caught only by {sorted(verdict.caught_by)}"
    assert f"seed: {SEED}" in verdict.output
    assert "Reproduce with:" in verdict.output
    print(f"{defect.name}: caught by {sorted(verdict.caught_by)}")
