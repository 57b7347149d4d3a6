"""A correct service written the FastAPI tutorial's way passes: no false alarms on its framework."""

from __future__ import annotations

from pathlib import Path

import pytest
from liveavatar_contract._spec import load_spec, operations

from tests.contract._proxy import serve_asgi
from tests.contract._stock_fastapi import build_app
from tests.contract._suite import run_suite

BUDGET = 15
FIRST, SECOND = "stock-key-first", "stock-key-second"
# The tags the stock app implements; the rest of the spec is not judged.
TAGS = ("Secrets", "LLM Configurations")

pytestmark = pytest.mark.slow


def test_stock_fastapi_passes_with_zero_failures(report_dir: Path) -> None:
    app = build_app({FIRST: "first", SECOND: "second"})
    selection = [argument for tag in TAGS for argument in ("--tag", tag)]
    with serve_asgi(app) as url:
        verdict = run_suite(url, FIRST, SECOND, report_dir, max_time=BUDGET, extra=selection)
    assert verdict.exit_code == 0, verdict.output[-8000:]
    assert verdict.summary["scenario_findings"] == []
    assert verdict.summary["schemathesis_failed_checks"] == []
    warned = {warning["check"] for warning in verdict.summary["warnings"]}
    # FastAPI's 422 echoes the sender's own input, it sets no X-Request-ID and its 405 names
    # only the first route's methods in `Allow`: hygiene, never a failure. It deletes a secret
    # a configuration names (the 409 is the effective spec's, not the published docs').
    assert warned <= {
        "secret_echoed_to_sender",
        "request_id_header",
        "allow_header_conformance",
        "delete_restricted",
    }, warned
    assert "request_id_header" in warned
    assert all(verdict.summary["reached"].values()), verdict.summary["reached"]


def test_a_run_that_reaches_nothing_fails(report_dir: Path) -> None:
    """Public operations (no key) are reached by no scenario: judged alone without schemathesis,
    the run has tested nothing and must say so."""
    spec, _ = load_spec(None)
    public = [op.operation_id for op in operations(spec) if not op.secured]
    assert public
    selection = [argument for op in public for argument in ("--operation-id", op)]
    with serve_asgi(build_app({FIRST: "first"})) as url:
        verdict = run_suite(
            url, FIRST, SECOND, report_dir, max_time=5, extra=[*selection, "--skip-schemathesis"]
        )
    assert verdict.exit_code == 1, verdict.output[-4000:]
    assert "no check reached" in verdict.output
