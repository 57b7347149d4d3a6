"""Unit tests of the contract suite's parts that need no server: reproductions, config, report parsing."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from liveavatar_contract._findings import curl_line
from liveavatar_contract._schemathesis import (
    failed_checks,
    secret_referencing_operations,
    write_config,
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


def test_secret_referencing_operations_come_from_the_spec(root: Path) -> None:
    spec = _spec(root, "generated/openapi.effective.json")
    assert sorted(secret_referencing_operations(spec)) == [
        "create_llm_configuration_v1_llm_configurations_post",
        "update_llm_configuration_v1_llm_configurations__config_id__patch",
    ]


def test_config_takes_the_key_from_the_environment(root: Path, tmp_path: Path) -> None:
    config = tmp_path / "st.toml"
    write_config(config, _spec(root, "generated/openapi.effective.json"))
    text = config.read_text()
    assert '[auth.openapi."APIKeyHeader"]' in text
    assert f'api_key = "${{{KEY_VARIABLE}}}"' in text
    assert '"400"' in text  # only for the operations that name a secret
    assert "x-api-key" in text  # masked in output and cassettes


def test_failed_checks_reads_codes_and_custom_names(tmp_path: Path) -> None:
    junit = tmp_path / "junit.xml"
    junit.write_text(
        """<?xml version="1.0"?><testsuites><testsuite name="schemathesis">
<testcase name="POST /v1/secrets"><failure type="failure" message="ST401, ST901">1. Test Case ID: a

- ST901 Custom check failed: `secret_value_never_echoed`

- ST401 API accepts invalid authentication
</failure></testcase>
<testcase name="GET /x"><failure type="failure" message="ST108">- ST108 Response violates schema</failure></testcase>
</testsuite></testsuites>"""
    )
    assert failed_checks(junit) == (
        "ignored_auth",
        "response_schema_conformance",
        "secret_value_never_echoed",
    )
    assert failed_checks(tmp_path / "missing.xml") == ()


def test_upstream_lists_statuses_the_descriptions_promise(root: Path) -> None:
    lines = documented_but_undeclared(_spec(root, "openapi.json"))
    joined = "\n".join(lines)
    assert "DELETE /v1/secrets/{secret_id}: behaviour returns 400, 401, 404" in joined
    assert len(lines) == 8
    # The overlay documents all but the 500 create-secret may answer when encryption fails.
    effective = documented_but_undeclared(_spec(root, "generated/openapi.effective.json"))
    assert [line.split(":")[0] for line in effective] == ["POST /v1/secrets"]
