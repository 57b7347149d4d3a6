"""Defects planted in resources of the published spec the reference server does not serve yet.

The suite has no code for contexts or memory: `resource_semantics` finds them in the spec. A
generic in-memory app (`_generic_app.py`) serves them, correct or with one defect.
"""

from pathlib import Path

import pytest
from liveavatar_contract._model import Resource, resources
from liveavatar_contract._spec import load_spec

from tests.contract._generic_app import DEFECTS, build_generic_app
from tests.contract._proxy import serve_asgi
from tests.contract._suite import run_suite

FIRST, SECOND = "generic-key-first", "generic-key-second"
KEYS = {FIRST: "first", SECOND: "second"}
CAUGHT_BY = {
    "tenant_leak": {"space_isolation"},
    "lost_write": {"read_back"},
    "ignored_field": {"read_back"},
}


def _chosen() -> tuple[dict[str, object], list[Resource]]:
    """The first two resources of the spec whose creates reference no other resource."""
    spec, _ = load_spec(None)
    standalone = [
        resource
        for resource in resources(spec)
        if resource.create is not None
        and not any(field.reference for field in resource.fields.values())
    ]
    return spec, standalone[:2]


def _selection(chosen: list[Resource]) -> list[str]:
    operations = [
        op
        for resource in chosen
        for op in (resource.create, resource.list, resource.get, resource.update, resource.delete)
        if op is not None
    ]
    return [
        *(a for op in operations for a in ("--operation-id", op.operation_id)),
        "--skip-schemathesis",
    ]


@pytest.mark.parametrize("defect", [None, *DEFECTS])
def test_generic_resource_defects(defect: str | None, report_dir: Path) -> None:
    spec, chosen = _chosen()
    assert len(chosen) == 2
    with serve_asgi(build_generic_app(spec, chosen, KEYS, defect)) as url:
        verdict = run_suite(url, FIRST, SECOND, report_dir, max_time=10, extra=_selection(chosen))
    reached = {
        label.split(" ")[1] for label in verdict.summary["reached"].get("resource_semantics", [])
    }
    assert {r.collection for r in chosen} <= reached, reached
    if defect is None:
        assert verdict.exit_code == 0, verdict.output[-6000:]
        return
    assert verdict.exit_code == 1, verdict.output[-6000:]
    assert verdict.caught_by & CAUGHT_BY[defect], verdict.caught_by
    # Caught in each of the two resources, not only in the first.
    for resource in chosen:
        assert any(
            finding["check"] in CAUGHT_BY[defect] and resource.collection in finding["reproduce"]
            for finding in verdict.summary["scenario_findings"]
        ), (resource.collection, verdict.summary["scenario_findings"])
