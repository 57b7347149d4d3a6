"""A resource the suite has never seen is judged as soon as it appears in the spec."""

import json
from pathlib import Path

import pytest

from tests.contract._new_resource import DEFECTS, TAG, build_widget_app, widget_spec
from tests.contract._proxy import serve_asgi
from tests.contract._suite import run_suite

FIRST, SECOND = "widget-key-first", "widget-key-second"
KEYS = {FIRST: "first", SECOND: "second"}
CAUGHT_BY = {
    "tenant_leak": {"space_isolation"},
    "lost_write": {"read_back"},
    "ignored_field": {"read_back"},
}


@pytest.fixture
def spec_file(tmp_path: Path) -> Path:
    path = tmp_path / "widgets.openapi.json"
    path.write_text(json.dumps(widget_spec()))
    return path


@pytest.mark.slow
def test_new_resource_passes_when_correct(spec_file: Path, report_dir: Path) -> None:
    with serve_asgi(build_widget_app(KEYS)) as url:
        verdict = run_suite(
            url,
            FIRST,
            SECOND,
            report_dir,
            max_time=8,
            extra=["--spec", str(spec_file), "--tag", TAG],
        )
    assert verdict.exit_code == 0, verdict.output[-6000:]
    reached = verdict.summary["reached"]["resource_semantics"]
    assert {label.split(" ")[1] for label in reached} == {"/v1/widgets", "/v1/widgets/{widget_id}"}


@pytest.mark.parametrize("defect", DEFECTS)
def test_planted_defect_is_caught(defect: str, spec_file: Path, report_dir: Path) -> None:
    with serve_asgi(build_widget_app(KEYS, defect)) as url:
        verdict = run_suite(
            url,
            FIRST,
            SECOND,
            report_dir,
            max_time=10,
            extra=["--spec", str(spec_file), "--tag", TAG, "--skip-schemathesis"],
        )
    assert verdict.exit_code == 1, verdict.output[-6000:]
    assert verdict.caught_by & CAUGHT_BY[defect], verdict.caught_by
    assert "Reproduce with:" in verdict.output
