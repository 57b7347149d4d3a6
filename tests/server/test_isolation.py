"""Spaces: another space's ids behave exactly like unknown ids; a key with no space gets 400."""

from __future__ import annotations

import re

import httpx
import pytest
from liveavatar_server import Store
from liveavatar_server._spec import load_spec, operations

from tests.server._catalog_fixtures import new_configuration, new_openai_secret, ok
from tests.server.conftest import Tenant


def _same_answer(a: httpx.Response, b: httpx.Response) -> None:
    assert (a.status_code, a.json()) == (b.status_code, b.json())


def test_another_spaces_configuration_is_indistinguishable_from_an_unknown_one(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    theirs = new_configuration(other_tenant, new_openai_secret(other_tenant))["id"]
    for method, body in (("GET", None), ("PATCH", {"model_name": "x"}), ("DELETE", None)):
        foreign = tenant.http.request(method, f"/v1/llm-configurations/{theirs}", json=body)
        unknown = tenant.http.request(method, "/v1/llm-configurations/unknown-id", json=body)
        assert foreign.status_code == 404
        _same_answer(foreign, unknown)
    # ...and nothing happened to it.
    assert ok(other_tenant.http.get(f"/v1/llm-configurations/{theirs}"))["model_name"] == "gpt-4o"


def test_another_spaces_secret_is_invisible_and_unusable(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    theirs = new_openai_secret(other_tenant)
    assert theirs not in [s["id"] for s in ok(tenant.http.get("/v1/secrets"))]
    _same_answer(
        tenant.http.delete(f"/v1/secrets/{theirs}"), tenant.http.delete("/v1/secrets/unknown")
    )
    body = {"display_name": "x", "model_name": "y", "secret_id": theirs}
    foreign = tenant.http.post("/v1/llm-configurations", json=body)
    unknown = tenant.http.post("/v1/llm-configurations", json={**body, "secret_id": "unknown"})
    assert foreign.status_code == 400
    _same_answer(foreign, unknown)
    mine = new_configuration(tenant, new_openai_secret(tenant))
    patched = tenant.http.patch(f"/v1/llm-configurations/{mine['id']}", json={"secret_id": theirs})
    assert patched.status_code == 400
    assert [c["id"] for c in ok(tenant.http.get("/v1/llm-configurations"))] == [mine["id"]]
    assert ok(other_tenant.http.get("/v1/llm-configurations")) == []


@pytest.mark.parametrize(
    "operation", operations(load_spec()), ids=lambda op: f"{op.method} {op.path}"
)
def test_a_key_without_a_space_gets_400_on_every_operation(
    store: Store, base_url: str, operation: object
) -> None:
    from liveavatar_server._spec import Operation

    assert isinstance(operation, Operation)
    if not operation.requirements:
        pytest.skip("needs no credentials, so no space either")
    key = store.create_api_key(None)
    # A well-formed id for every path parameter (some are declared `format: uuid`).
    path = re.sub(r"\{[^{}]+\}", "0190b8a0-0000-7000-8000-000000000000", operation.path)
    bodies = {
        "CreateLLMConfigurationSchema": {"display_name": "a", "model_name": "b", "secret_id": "c"},
        "UpdateLLMConfigurationSchema": {"model_name": "b"},
        "CreateSecretRequestSchema": {
            "secret_name": "a",
            "secret_value": "b",
            "secret_type": "OPENAI_API_KEY",
        },
    }
    body = bodies.get(operation.body_model.__name__) if operation.body_model else None
    response = httpx.request(
        operation.method, base_url + path, json=body, headers={"X-API-KEY": key}, timeout=10
    )
    if "APIKeyHeader" not in operation.security:
        assert response.status_code == 401  # the session token is the only credential
        return
    # The space is judged with the credentials, before the body (which may be absent here).
    assert response.status_code == 400, response.text
    assert response.json() == {"code": 400, "data": None, "message": "This API key has no space"}
