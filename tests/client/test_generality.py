"""An operation added to the spec gets auth, error mapping and retries with no new handwritten
code. The spec gains one operation, openapi-python-client generates a client from it (same config
and templates as `make generate`), and the new operation is called through `LiveAvatar.call`."""

from __future__ import annotations

import asyncio
import importlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from liveavatar import AsyncLiveAvatar, InternalServerError, LiveAvatar, NotFoundError

from tests.client.conftest import API_KEY, BASE_URL, ScriptedAPI, envelope
from tests.conftest import ROOT

EXTRA_PATH = "/v1/llm-configurations/{config_id}/usage"
EXTRA_OPERATION = {
    "get": {
        "tags": ["LLM Configurations"],
        "summary": "Get Llm Configuration Usage",
        "operationId": "get_llm_configuration_usage",
        "parameters": [
            {"name": "config_id", "in": "path", "required": True, "schema": {"type": "string"}}
        ],
        "responses": {
            "200": {
                "description": "Successful Response",
                "content": {
                    "application/json": {"schema": {"$ref": "#/components/schemas/UsageEnvelope"}}
                },
            }
        },
    }
}
USAGE_ENVELOPE = {
    "title": "UsageEnvelope",
    "type": "object",
    "required": ["code", "data", "message"],
    "properties": {
        "code": {"type": "integer"},
        "message": {"type": "string"},
        "data": {
            "title": "Usage",
            "type": "object",
            "required": ["requests"],
            "properties": {"requests": {"type": "integer"}},
        },
    },
}


@pytest.fixture(scope="module")
def extended_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    """The new operation's module from a client generated out of the extended spec."""
    work = tmp_path_factory.mktemp("extended")
    spec = json.loads((ROOT / "generated" / "openapi.effective.json").read_text(encoding="utf-8"))
    assert EXTRA_PATH not in spec["paths"]
    spec["paths"][EXTRA_PATH] = EXTRA_OPERATION
    spec["components"]["schemas"]["UsageEnvelope"] = USAGE_ENVELOPE
    spec_file = work / "openapi.extended.json"
    spec_file.write_text(json.dumps(spec), encoding="utf-8")
    bin_dir = Path(sys.executable).parent
    out = work / "pkg" / "extended_api"
    subprocess.run(
        [
            str(bin_dir / "openapi-python-client"), "generate",
            "--path", str(spec_file),
            "--config", str(ROOT / "overrides" / "openapi-python-client.yaml"),
            "--custom-template-path", str(ROOT / "overrides" / "openapi-python-client-templates"),
            "--output-path", str(out),
            "--meta", "none",
            "--fail-on-warning",
        ],
        cwd=work, check=True, capture_output=True, text=True, timeout=240,
        env={"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(work)},
    )  # fmt: skip
    sys.path.insert(0, str(out.parent))
    try:
        yield importlib.import_module(
            "extended_api.api.llm_configurations.get_llm_configuration_usage"
        )
    finally:
        sys.path.remove(str(out.parent))
        for name in [
            n for n in sys.modules if n == "extended_api" or n.startswith("extended_api.")
        ]:
            del sys.modules[name]


SCRIPT = (
    httpx.Response(503, headers={"Retry-After": "0.5"}),
    httpx.Response(200, json=envelope({"requests": 42})),
    httpx.Response(404, json={"code": 404, "data": None, "message": "No such configuration"}),
    httpx.Response(500, text="<html>boom</html>"),
    httpx.Response(500, text="<html>boom</html>"),
    httpx.Response(200, json=envelope({"requests": 7}), headers={"X-Request-Id": "r9"}),
)


def _check(api: ScriptedAPI, sleeps: list[float]) -> None:
    assert sleeps[0] == 0.5  # Retry-After honoured
    assert 0.375 <= sleeps[1] <= 0.5  # then jittered backoff
    assert len(sleeps) == 2
    assert [r.url.path for r in api.requests] == [
        "/v1/llm-configurations/cfg_1/usage",
        "/v1/llm-configurations/cfg_1/usage",
        "/v1/llm-configurations/missing/usage",
        "/v1/llm-configurations/cfg_1/usage",
        "/v1/llm-configurations/cfg_1/usage",
        "/v1/llm-configurations/cfg_1/usage",
    ]
    assert all(r.headers["X-API-KEY"] == API_KEY for r in api.requests)


@pytest.mark.slow
def test_new_operation_gets_auth_errors_and_retries(
    extended_api: ModuleType, api: ScriptedAPI, sleeps: list[float]
) -> None:
    api.script(*SCRIPT)
    http = httpx.Client(transport=api.transport())
    with LiveAvatar(API_KEY, base_url=BASE_URL, max_retries=1, http_client=http) as client:
        usage = client.call(extended_api, "cfg_1")
        assert usage.requests == 42  # the envelope's data, as the generated model
        assert type(usage).__module__.startswith("extended_api.models")
        with pytest.raises(NotFoundError, match="No such configuration"):
            client.call(extended_api, "missing")
        with pytest.raises(InternalServerError):
            client.call(extended_api, "cfg_1")
        raw = client.with_raw_response.call(extended_api, "cfg_1")
    assert raw.headers["x-request-id"] == "r9"
    assert raw.parse().requests == 7
    _check(api, sleeps)


@pytest.mark.slow
def test_new_operation_through_the_async_client(
    extended_api: ModuleType, api: ScriptedAPI, sleeps: list[float]
) -> None:
    api.script(*SCRIPT)

    async def scenario() -> None:
        http = httpx.AsyncClient(transport=api.async_transport())
        async with AsyncLiveAvatar(
            API_KEY, base_url=BASE_URL, max_retries=1, http_client=http
        ) as client:
            assert (await client.call(extended_api, "cfg_1")).requests == 42
            with pytest.raises(NotFoundError):
                await client.call(extended_api, "missing")
            with pytest.raises(InternalServerError):
                await client.call(extended_api, "cfg_1")
            raw = await client.with_raw_response.call(extended_api, "cfg_1")
            assert raw.parse().requests == 7
        await http.aclose()

    asyncio.run(scenario())
    _check(api, sleeps)
