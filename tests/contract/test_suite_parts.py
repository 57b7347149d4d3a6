"""Unit tests of the contract suite's parts that need no server: reproductions, config, report parsing."""

from __future__ import annotations

import contextlib
import json
import subprocess
from pathlib import Path
from typing import Any

import httpx
import jsonschema_rs
import pytest
from liveavatar_contract._findings import curl_line
from liveavatar_contract._probe import Probe, ScenarioStop
from liveavatar_contract._scenarios import Story, _minimal_body, auth_required
from liveavatar_contract._schemathesis import (
    read_events,
    referencing_operations,
    run_schemathesis,
    write_config,
)
from liveavatar_contract._spec import (
    UNDOCUMENTED_ERROR_SCHEMA,
    OperationIndex,
    judged_spec,
    load_spec,
    operations,
    resolve,
    select,
    success_envelopes,
)
from liveavatar_contract._upstream import documented_but_undeclared
from liveavatar_contract.checks import KEY_VARIABLE


def _spec(root: Path, name: str) -> dict[str, object]:
    loaded: dict[str, object] = json.loads((root / name).read_text())
    return loaded


def test_curl_line_names_keys_by_variable_and_replays_the_body() -> None:
    request = httpx.Request(
        "PATCH",
        "http://127.0.0.1:9/v1/llm-configurations/abc",
        headers={"X-API-KEY": "real-key-2"},
        content=b'{"display_name": "it\'s"}',
    )
    line = curl_line(request, {"API_KEY": "real-key-1", "API_KEY_2": "real-key-2"})
    assert "real-key" not in line
    assert '"X-API-KEY: $API_KEY_2"' in line
    assert line.startswith("curl -sS -i -X PATCH http://127.0.0.1:9/v1/llm-configurations/abc")
    assert '--data-raw \'{"display_name": "it\'"\'"\'s"}\'' in line


def test_curl_line_shows_a_made_up_wrong_key() -> None:
    request = httpx.Request("GET", "http://h/v1/secrets", headers={"X-API-KEY": "la-wrong-1"})
    assert "'X-API-KEY: la-wrong-1'" in curl_line(request, {"API_KEY": "k"})


def _mentions_an_id(spec: dict[str, Any], node: Any, depth: int = 0) -> bool:
    """Whether a schema's JSON, $refs followed a few levels, names a `..._id` property."""
    node = resolve(spec, node)
    if depth > 6:
        return False
    if isinstance(node, dict):
        if any(name.endswith("_id") for name in node.get("properties", {})):
            return True
        return any(_mentions_an_id(spec, value, depth + 1) for value in node.values())
    if isinstance(node, list):
        return any(_mentions_an_id(spec, value, depth + 1) for value in node)
    return False


def test_referencing_operations_come_from_the_spec(root: Path) -> None:
    spec, _ = load_spec(None)
    found = set(referencing_operations(spec))
    for op in operations(spec):
        content = op.raw.get("requestBody", {}).get("content", {}).get("application/json", {})
        assert _mentions_an_id(spec, content.get("schema", {})) == (op.operation_id in found), (
            op.operation_id
        )
    secret_creates = [
        op.operation_id
        for op in operations(spec)
        if "secret_id"
        in resolve(
            spec,
            op.raw.get("requestBody", {})
            .get("content", {})
            .get("application/json", {})
            .get("schema", {}),
        ).get("properties", {})
    ]
    assert secret_creates
    assert set(secret_creates) <= found


def test_config_takes_the_key_from_the_environment(root: Path, tmp_path: Path) -> None:
    config = tmp_path / "st.toml"
    write_config(config, _spec(root, "generated/openapi.effective.json"))
    text = config.read_text()
    assert '[auth.openapi."APIKeyHeader"]' in text
    assert f'api_key = "${{{KEY_VARIABLE}}}"' in text
    assert '"400"' in text  # only for the operations that name a secret
    assert "x-api-key" in text  # masked in output and cassettes


def _scenario(label: str, checks: list[tuple[str, str]], **failure: str) -> str:
    method, path = label.split(" ")
    results = [
        {
            "name": name,
            "status": status,
            **({"failure_info": {"failure": failure}} if status == "failure" else {}),
        }
        for name, status in checks
    ]
    recorder = {
        "label": label,
        "cases": {"c1": {"value": {"method": method, "path": path}}},
        "checks": {"c1": results},
        "interactions": {"c1": {"response": {"status_code": 400}}},
    }
    return json.dumps({"ScenarioFinished": {"recorder": recorder}})


def test_read_events_names_failures_reach_and_hygiene(tmp_path: Path) -> None:
    events = tmp_path / "events.ndjson"
    lines = [
        json.dumps({"Initialize": {}}),
        _scenario("POST /v1/x", [("not_a_server_error", "success"), ("my_check", "failure")]),
        _scenario(
            "OPTIONS /v1/x",
            [("allow_header_conformance", "failure")],
            operation="GET /v1/x",
            message="`Allow: GET` does not match\nmore",
        ),
        _scenario("GET /v1/y", [("my_check", "skip")]),
        _scenario("PUT /v1/z", [("status_code_conformance", "failure")]),
    ]
    events.write_text("\n".join(lines) + "\n")
    results = read_events(events)
    assert results.failed_checks == ("my_check", "status_code_conformance")
    assert results.reached == {
        "not_a_server_error": {"POST /v1/x"},
        "my_check": {"POST /v1/x"},
        "allow_header_conformance": {"OPTIONS /v1/x"},
        "status_code_conformance": {"PUT /v1/z"},
    }
    assert results.undeclared == {"PUT /v1/z": {400}}
    assert [(w["check"], w["operation"], w["message"]) for w in results.warnings] == [
        ("allow_header_conformance", "GET /v1/x", "`Allow: GET` does not match")
    ]
    assert read_events(tmp_path / "missing.ndjson").failed_checks == ("error",)


def test_selection_by_tag_and_operation_id() -> None:
    spec, _ = load_spec(None)  # the packaged effective spec
    every = operations(spec)
    tag = every[0].tags[0]
    by_tag = select(spec, [tag], [])
    assert by_tag
    assert all(tag in op.tags for op in by_tag)
    other = next(op for op in every if tag not in op.tags)
    both = select(spec, [tag], [other.operation_id])
    assert {op.operation_id for op in both} == {op.operation_id for op in by_tag} | {
        other.operation_id
    }
    assert select(spec, [], []) == every
    with pytest.raises(ValueError, match="no-such-operation"):
        select(spec, [], ["no-such-operation"])


def test_selectors_ignore_case_and_a_miss_lists_the_valid_names() -> None:
    spec, _ = load_spec(None)
    every = operations(spec)
    tag = every[0].tags[0]
    assert select(spec, [tag.swapcase()], []) == select(spec, [tag], [])
    assert select(spec, [], [every[0].operation_id.upper()]) == [every[0]]
    with pytest.raises(ValueError, match="valid tags") as missed:
        select(spec, ["no such tag"], [])
    assert all(repr(t) in str(missed.value) for op in every for t in op.tags)


def test_the_published_spec_ships_beside_the_effective_one(root: Path) -> None:
    published, name = load_spec(None, published=True)
    assert name == "liveavatar_models/openapi.published.json"
    assert published == json.loads((root / "openapi.json").read_text(encoding="utf-8"))
    effective, _ = load_spec(None)
    # The effective spec requires what every client reads in a success envelope.
    envelopes = success_envelopes(effective)
    assert envelopes
    assert all({"code", "data", "message"} <= set(r) for r in envelopes.values())
    assert not any("code" in r for r in success_envelopes(published).values())


def test_operation_index_prefers_literal_segments() -> None:
    spec, _ = load_spec(None)
    every = operations(spec)
    index = OperationIndex(every)
    for op in every:
        concrete = op.path.replace("{", "").replace("}", "")
        found = index.find(op.method, concrete + "?page=1")
        assert found is not None
        assert found.method == op.method
    templated = [op for op in every if "{" in op.path]
    assert all(index.find(op.method, op.path) is not None for op in templated)
    assert index.find("GET", "/no/such/path") is None


def test_judged_spec_accepts_any_json_only_where_the_docs_define_no_body() -> None:
    spec, _ = load_spec(None)
    judged = judged_spec(spec)
    loosened = kept = 0
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                for media, content in response.get("content", {}).items():
                    after = judged["paths"][path][method]["responses"][status]["content"][media]
                    if content["schema"].get("$ref") == UNDOCUMENTED_ERROR_SCHEMA:
                        assert "$ref" not in after["schema"]
                        loosened += 1
                    else:
                        assert after == content
                        kept += 1
    assert loosened
    assert kept


def test_upstream_lists_statuses_the_descriptions_promise(root: Path) -> None:
    lines = documented_but_undeclared(_spec(root, "openapi.json"))
    joined = "\n".join(lines)
    assert "DELETE /v1/secrets/{secret_id}: behaviour returns 400, 401, 404" in joined
    upstream = _spec(root, "openapi.json")
    secured = [op.label for op in operations(upstream) if op.secured]
    assert [line.split(":")[0] for line in lines if "401" in line] == secured
    # The overlay documents every promised 400/401/404 (a 500 may stay undeclared).
    effective = documented_but_undeclared(_spec(root, "generated/openapi.effective.json"))
    assert not [
        line for line in effective if any(s in line.split(",")[0] for s in ("400", "401", "404"))
    ]


def _body_errors(spec: dict[str, Any], operation: dict[str, Any], body: Any) -> list[str]:
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    validator = jsonschema_rs.Draft202012Validator(
        {**schema, "components": spec["components"]}, validate_formats=True
    )
    return [error.message for error in validator.iter_errors(body)]


def test_auth_probe_bodies_are_schema_valid() -> None:
    """The auth probe's body is valid (a `oneOf` token config, uuids), so 401 is the only answer."""
    spec, _ = load_spec(None)
    probed = 0
    for operation in operations(spec):
        body = _minimal_body(spec, operation.raw)
        if operation.secured and body is not None:
            assert not _body_errors(spec, operation.raw, body), (operation.label, body)
            probed += 1
    assert probed >= 10


def test_auth_required_passes_a_server_that_validates_before_it_checks_the_key() -> None:
    """Prism-like order (422 for a bad body or query first, then the key): no false finding."""
    spec, _ = load_spec(None)
    known = operations(spec)
    probe = Probe("http://validating.test", {"API_KEY": "good"}, known=known)

    def answer(request: httpx.Request) -> httpx.Response:
        operation = probe.operation_of(request.method, request.url.path)
        assert operation is not None
        for parameter in operation.raw.get("parameters", []):
            wanted = parameter.get("in") == "query" and parameter.get("required")
            if wanted and parameter["name"] not in request.url.params:
                return httpx.Response(422, json={"detail": "query"})
        if "requestBody" in operation.raw:
            body = json.loads(request.content or b"null")
            if _body_errors(spec, operation.raw, body):
                return httpx.Response(422, json={"detail": "body"})
        if request.headers.get("x-api-key") != "good":
            return httpx.Response(401, json={"code": 401, "data": None, "message": "no"})
        return httpx.Response(200, json={"code": 100, "data": None, "message": "ok"})

    probe._client = httpx.Client(
        base_url="http://validating.test", transport=httpx.MockTransport(answer)
    )
    probe.scenario = "auth_required"
    with contextlib.suppress(ScenarioStop):
        auth_required(probe, Story(spec))
    assert [finding.message for finding in probe.failures] == []
    assert probe.reached["auth_required"] == {op.operation_id for op in known if op.secured}


@pytest.mark.parametrize("upstream", [False, True])
def test_continue_on_failure_reaches_the_schemathesis_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, upstream: bool
) -> None:
    """Upstream lists every disagreement: the published spec's missing 401 must not end an
    operation's testing (schemathesis stops at an operation's first failure by default)."""
    spec, _ = load_spec(None)
    commands: list[list[str]] = []

    def run(command: list[str], **_: object) -> subprocess.CompletedProcess[str]:
        commands.append(command)
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(subprocess, "run", run)
    run_schemathesis(
        spec=spec,
        url="http://127.0.0.1:9",
        api_key="k",
        seed=1,
        max_time=5,
        max_examples=None,
        workers="1",
        report_dir=tmp_path,
        pool={},
        operation_ids=[operations(spec)[0].operation_id],
        lenient_errors=not upstream,
        continue_on_failure=upstream,
    )
    assert ("--continue-on-failure" in commands[0]) is upstream
