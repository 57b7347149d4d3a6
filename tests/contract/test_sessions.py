"""The session state machine: a correct flow passes, and each planted defect in it is caught.

The reference server answers 501 for the session operations on this branch, so the flow is
judged against a small FastAPI implementation (`_sessions_app.py`).
"""

from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from liveavatar_contract._spec import load_spec, operations

from tests.contract._proxy import serve_asgi
from tests.contract._sessions_app import DEFECTS, build_sessions_app
from tests.contract._suite import run_suite

FIRST, SECOND = "session-key-first", "session-key-second"
KEYS = {FIRST: "first", SECOND: "second"}


def _implemented() -> list[str]:
    """--operation-id for each operation the app routes (judged on exactly what it implements)."""
    routes = {
        (method, route.path)
        for route in build_sessions_app(KEYS).routes
        if isinstance(route, APIRoute)
        for method in route.methods or ()
    }
    spec, _ = load_spec(None)
    chosen = [op.operation_id for op in operations(spec) if (op.method, op.path) in routes]
    assert len(chosen) == len(routes)
    return [argument for op in chosen for argument in ("--operation-id", op)]


SELECTION = [*_implemented(), "--skip-schemathesis"]
CAUGHT_BY = {
    "start_twice": {"session_start_once"},
    "alive_after_stop": {"session_after_stop"},
    "sandbox_charged": {"sandbox_free"},
    "session_leak": {"space_isolation"},
}


def test_session_flow_passes(report_dir: Path) -> None:
    with serve_asgi(build_sessions_app(KEYS)) as url:
        verdict = run_suite(url, FIRST, SECOND, report_dir, max_time=10, extra=SELECTION)
    assert verdict.exit_code == 0, verdict.output[-6000:]
    # The story's checks (token, auth, start, once, keep-alive, stop, after stop) each reached.
    stories = {check for check in verdict.summary["reached"] if check.startswith("session_")}
    assert len(stories) >= 6, verdict.summary["reached"]


@pytest.mark.parametrize("defect", DEFECTS)
def test_session_defect_is_caught(defect: str, report_dir: Path) -> None:
    with serve_asgi(build_sessions_app(KEYS, defect)) as url:
        verdict = run_suite(url, FIRST, SECOND, report_dir, max_time=10, extra=SELECTION)
    assert verdict.exit_code == 1, verdict.output[-6000:]
    assert verdict.caught_by & CAUGHT_BY[defect], verdict.caught_by
    assert "Reproduce with:" in verdict.output
    if defect in {"start_twice", "alive_after_stop"}:
        # The bearer session token is a credential: reproductions name it by variable.
        assert "Authorization: Bearer $SESSION_TOKEN" in verdict.output
