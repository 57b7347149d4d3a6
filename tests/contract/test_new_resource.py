"""Resources the suite has never seen are judged as soon as they appear in the spec: the clean
app passes the whole one-minute run, and each planted defect (a blind spot of the engine's
classes: a field no update touched, a reset to defaults, a value refused only by accident, an
edge body, the envelope's `code`) fails it."""

import json
from pathlib import Path

import pytest

from tests.contract._new_resource import DEFECTS, TAG, build_widget_app, widget_spec
from tests.contract._proxy import serve_asgi
from tests.contract._suite import run_suite

FIRST, SECOND = "widget-key-first", "widget-key-second"
KEYS = {FIRST: "first", SECOND: "second"}
# The one-minute budget the suite is judged at; the planted defects fall to its scenario phase,
# which runs first and deterministically (schemathesis would only add to the findings).
MAX_TIME = 60
CAUGHT_BY = {
    "tenant_leak": {"space_isolation"},
    "lost_write": {"read_back"},
    "ignored_field": {"read_back"},
    "ignored_update": {"update_each_field"},
    "reset_on_update": {"update_partial"},
    "long_name_accepted": {"invalid_value_refused"},
    "empty_update_500": {"edge_bodies"},
    "minimal_create_500": {"edge_bodies"},
    "drops_code": {"envelope"},
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
            max_time=MAX_TIME,
            # Selectors ignore case.
            extra=["--spec", str(spec_file), "--tag", TAG.lower()],
        )
    assert verdict.exit_code == 0, verdict.output[-6000:]
    # schemathesis' own warnings are shown and counted; only spec operations count as reached;
    # the large reports stay off by default.
    assert isinstance(verdict.summary["schemathesis_warnings"], dict)
    assert f"{len(verdict.summary['schemathesis_warnings'])} of schemathesis" in verdict.output
    labels = {label for found in verdict.summary["reached"].values() for label in found}
    assert labels <= {
        f"{method.upper()} {path}"
        for path, item in json.loads(spec_file.read_text())["paths"].items()
        for method in item
    }
    assert not list(report_dir.glob("*.har"))
    assert not list(report_dir.glob("*.ndjson"))
    # Every class of the engine that applies to the two resources reached them.
    classes = verdict.summary["resource_classes"]
    assert set(classes) == {"widgets", "bins"}, classes
    for name, states in classes.items():
        assert all(state in {"reached", "n/a"} for state in states.values()), (name, states)
    assert sum(state == "reached" for state in classes["widgets"].values()) >= 8, classes


@pytest.mark.parametrize("defect", DEFECTS)
def test_planted_defect_is_caught(defect: str, spec_file: Path, report_dir: Path) -> None:
    with serve_asgi(build_widget_app(KEYS, defect)) as url:
        verdict = run_suite(
            url,
            FIRST,
            SECOND,
            report_dir,
            max_time=MAX_TIME,
            extra=["--spec", str(spec_file), "--tag", TAG, "--skip-schemathesis"],
        )
    assert verdict.exit_code == 1, verdict.output[-6000:]
    assert verdict.caught_by & CAUGHT_BY[defect], verdict.caught_by
    assert "Reproduce with:" in verdict.output
