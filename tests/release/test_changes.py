"""The change report (tools/compat.py) and the gate `make check-compat`, on specs made here."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from compat import diff, gate, model, render_markdown, report, summary_lines
from release import Acknowledgement, ReleaseSettings

from tests.conftest import ROOT

JSON = "application/json"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _op(response: str, body: str | None = None, item: bool = False) -> dict[str, Any]:
    op: dict[str, Any] = {
        "security": [{"Key": []}],
        "responses": {"200": {"description": "ok", "content": {JSON: {"schema": _ref(response)}}}},
    }
    if body:
        op["requestBody"] = {"required": True, "content": {JSON: {"schema": _ref(body)}}}
    if item:
        op["parameters"] = [
            {"name": "widget_id", "in": "path", "required": True, "schema": {"type": "string"}}
        ]
    return op


def base_spec() -> dict[str, Any]:
    """One resource, widgets: list, create, get and delete; a colour enum; an optional size."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "widgets", "version": "1.0.0"},
        "paths": {
            "/v1/widgets": {
                "get": _op("WidgetList"),
                "post": _op("Widget", body="CreateWidget"),
            },
            "/v1/widgets/{widget_id}": {
                "get": _op("Widget", item=True),
                "delete": _op("Widget", item=True),
            },
        },
        "components": {
            "securitySchemes": {"Key": {"type": "apiKey", "in": "header", "name": "X-KEY"}},
            "schemas": {
                "Colour": {"type": "string", "enum": ["RED", "BLUE"]},
                "CreateWidget": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "size": {"type": "integer"},
                        "colour": _ref("Colour"),
                    },
                    "required": ["name"],
                },
                "Widget": {
                    "type": "object",
                    "properties": {
                        "id": {"type": "string"},
                        "name": {"type": "string"},
                        "colour": {"anyOf": [_ref("Colour"), {"type": "null"}]},
                    },
                    "required": ["id", "name"],
                },
                "WidgetList": {"type": "array", "items": _ref("Widget")},
            },
        },
    }


def next_minor(spec: dict[str, Any]) -> dict[str, Any]:
    """A new resource (gizmos), a new optional field and a new enum value."""
    new = copy.deepcopy(spec)
    new["info"]["version"] = "1.1.0"
    new["paths"]["/v1/gizmos"] = {"get": _op("WidgetList")}
    new["components"]["schemas"]["CreateWidget"]["properties"]["label"] = {"type": "string"}
    new["components"]["schemas"]["Colour"]["enum"].append("GREEN")
    return new


def breaking_major(spec: dict[str, Any]) -> dict[str, Any]:
    """The delete operation gone and the optional `size` now required."""
    new = copy.deepcopy(spec)
    new["info"]["version"] = "2.0.0"
    del new["paths"]["/v1/widgets/{widget_id}"]["delete"]
    new["components"]["schemas"]["CreateWidget"]["required"].append("size")
    return new


def release(spec: dict[str, Any], revision: int = 0) -> dict[str, Any]:
    version = spec["info"]["version"]
    return {
        "spec_version": version,
        "toolkit_revision": revision,
        "version": f"{version}.post{revision}",
    }


def changes_between(old: dict[str, Any], new: dict[str, Any]) -> dict[str, Any]:
    return report(old, release(old), new, release(new))


def by_kind(changes_report: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for change in changes_report["changes"]:
        found.setdefault(change["kind"], []).append(change)
    return found


def test_a_new_resource_field_and_enum_value_are_additive_for_everyone() -> None:
    old = base_spec()
    changes = changes_between(old, next_minor(old))
    kinds = by_kind(changes)
    assert [c["subject"] for c in kinds["resource-added"]] == ["gizmos"]
    assert [c["subject"] for c in kinds["operation-added"]] == ["GET /v1/gizmos"]
    assert [c["where"] for c in kinds["request-field-added"]] == ["body.label"]
    # The colour enum is read in requests and in responses: a new value is additive in both.
    added = {(c["subject"], c["where"]) for c in kinds["request-enum-value-added"]}
    assert added == {("POST /v1/widgets", "body.colour")}
    assert kinds["response-enum-value-added"]
    assert all(c["id"].endswith(" GREEN") for c in kinds["response-enum-value-added"])
    assert changes["breaking"] == 0
    assert changes["additive"] == len(changes["changes"])
    for change in changes["changes"]:
        assert (change["callers"], change["implementations"]) == ("additive", "additive")
    assert gate(changes, ReleaseSettings(0)) == []
    lines = summary_lines(changes)
    assert lines[0] == "changes from 1.0.0.post0 (spec 1.0.0) to 1.1.0.post0 (spec 1.1.0):"
    assert any("additive: resource-added gizmos" in line for line in lines)
    assert lines[-1] == f"{len(changes['changes'])} additive, 0 breaking"


def test_a_removed_operation_and_a_newly_required_field_are_breaking() -> None:
    old = base_spec()
    changes = changes_between(old, breaking_major(old))
    breaking = {c["id"]: c for c in changes["changes"] if c["breaking"]}
    removed = "operation-removed DELETE /v1/widgets/{widget_id}"
    required = "request-field-now-required POST /v1/widgets body.size"
    assert set(breaking) == {removed, required}
    assert breaking[removed]["callers"] == "breaking"
    # Implementations judged by the suite must now refuse a create without a size.
    assert (breaking[required]["callers"], breaking[required]["implementations"]) == (
        "breaking",
        "breaking",
    )
    problems = gate(changes, ReleaseSettings(0))
    assert any(removed in problem for problem in problems)
    assert any(required in problem for problem in problems)
    acknowledged = ReleaseSettings(
        0, tuple(Acknowledgement(id_, "2.0.0.post0", "retired upstream") for id_ in breaking)
    )
    assert gate(changes, acknowledged) == []
    # An acknowledgement names the release that ships the change, not a later or earlier one.
    stale = ReleaseSettings(
        0, tuple(Acknowledgement(id_, "1.9.0.post0", "old") for id_ in breaking)
    )
    assert len(gate(changes, stale)) == len(breaking)
    assert "| `operation-removed DELETE /v1/widgets/{widget_id}` | breaking |" in render_markdown(
        changes
    )


def test_a_breaking_change_needs_a_major_step_even_when_acknowledged() -> None:
    old = base_spec()
    new = breaking_major(old)
    new["info"]["version"] = "1.1.0"
    changes = changes_between(old, new)
    acks = tuple(
        Acknowledgement(c["id"], "1.1.0.post0", "why") for c in changes["changes"] if c["breaking"]
    )
    (problem,) = gate(changes, ReleaseSettings(0, acks))
    assert "major step" in problem
    assert "1.0.0 -> 1.1.0" in problem


@pytest.mark.parametrize(
    ("edit", "kind", "callers", "implementations"),
    [
        (
            lambda s: s["components"]["schemas"]["Widget"]["properties"].pop("name"),
            "response-field-removed",
            "breaking",
            "additive",
        ),
        (
            lambda s: s["components"]["schemas"]["Widget"]["required"].append("colour"),
            "response-field-now-required",
            "additive",
            "breaking",
        ),
        (
            lambda s: s["components"]["schemas"]["Colour"]["enum"].remove("BLUE"),
            "request-enum-value-removed",
            "breaking",
            "breaking",
        ),
        (
            lambda s: s["components"]["schemas"]["CreateWidget"]["properties"].update(
                size={"type": ["integer", "string"]}
            ),
            "request-type-widened",
            "additive",
            "additive",
        ),
        (
            lambda s: s["components"]["schemas"]["Widget"]["properties"].update(
                id={"type": ["string", "null"]}
            ),
            "response-type-widened",
            "breaking",
            "additive",
        ),
        (
            lambda s: s["components"]["schemas"]["CreateWidget"]["properties"].update(
                size={"type": "number"}
            ),
            "request-type-widened",  # an integer is a number
            "additive",
            "additive",
        ),
        (
            lambda s: s["components"]["schemas"]["CreateWidget"]["properties"].update(
                name={"type": "string", "format": "uuid"}
            ),
            "request-type-narrowed",  # a uuid is a string, not every string a uuid
            "breaking",
            "breaking",
        ),
        (
            lambda s: s["components"]["schemas"]["Widget"]["properties"].update(
                id={"type": "integer"}
            ),
            "response-type-changed",
            "breaking",
            "breaking",
        ),
        (
            lambda s: s["paths"]["/v1/widgets"]["get"].update(security=[]),
            "security-changed",
            "breaking",
            "breaking",
        ),
        (
            lambda s: s["components"]["securitySchemes"]["Key"].update(name="X-OTHER"),
            "security-changed",
            "breaking",
            "breaking",
        ),
    ],
)
def test_each_kind_of_change_is_judged_for_callers_and_implementations(
    edit: Any, kind: str, callers: str, implementations: str
) -> None:
    old = base_spec()
    new = copy.deepcopy(old)
    edit(new)
    found = [c for c in diff(model(old), model(new)) if c.kind == kind]
    assert found, [c.id for c in diff(model(old), model(new))]
    assert {(c.callers, c.implementations) for c in found} == {(callers, implementations)}


def test_nothing_changed_is_an_empty_report_and_no_previous_release_is_said() -> None:
    spec = base_spec()
    assert diff(model(spec), model(spec)) == []
    first = report(None, None, spec, release(spec))
    assert first["changes"] == []
    assert first["from"] is None
    assert "no previous release" in summary_lines(first)[0]


def test_the_version_must_grow() -> None:
    spec = base_spec()
    newer, older = release(spec, 1), release(spec, 0)
    changes = {"from": newer, "to": older, "changes": [], "additive": 0, "breaking": 0}
    (problem,) = gate(changes, ReleaseSettings(0))
    assert "must grow" in problem


def _check_compat(report_path: Path, settings: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "tools" / "compat.py"), "--report", str(report_path),
         "--settings", str(settings)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip


def test_check_compat_fails_naming_each_breaking_change_until_acknowledged(
    tmp_path: Path,
) -> None:
    old = base_spec()
    changes = changes_between(old, breaking_major(old))
    report_path = tmp_path / "CHANGES.json"
    report_path.write_text(json.dumps(changes), encoding="utf-8")
    settings = tmp_path / "release.toml"
    settings.write_text("toolkit_revision = 0\n", encoding="utf-8")
    failed = _check_compat(report_path, settings)
    assert failed.returncode == 1
    breaking = [c["id"] for c in changes["changes"] if c["breaking"]]
    for id_ in breaking:
        assert f"breaking, not acknowledged: {id_}" in failed.stderr
    assert 'version = "2.0.0.post0"' in failed.stderr
    entries = "".join(
        f'\n[[acknowledged]]\nchange = "{id_}"\nversion = "2.0.0.post0"\nreason = "upstream 2.0"\n'
        for id_ in breaking
    )
    stray = '\n[[acknowledged]]\nchange = "operation-removed GET /v1/none"\nversion = "2.0.0.post0"\nreason = "x"\n'
    settings.write_text("toolkit_revision = 0\n" + entries + stray, encoding="utf-8")
    passed = _check_compat(report_path, settings)
    assert passed.returncode == 0, passed.stderr
    assert "2.0.0.post0 passes" in passed.stdout
    assert "not a breaking change here: operation-removed GET /v1/none" in passed.stdout
