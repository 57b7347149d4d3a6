"""The eight operations and their documented semantics, on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import datetime

from tests.server._catalog_fixtures import new_configuration, new_openai_secret, ok
from tests.server.conftest import Tenant


def test_create_then_get_round_trips_with_default_base_url(tenant: Tenant) -> None:
    secret_id = new_openai_secret(tenant)
    created = new_configuration(tenant, secret_id)
    assert created["base_url"] == "https://api.openai.com"
    assert len(created["id"]) <= 36
    created_at = datetime.fromisoformat(created["created_at"])
    assert created_at.tzinfo is not None
    assert created["updated_at"] == created["created_at"]
    fetched = ok(tenant.http.get(f"/v1/llm-configurations/{created['id']}"))
    assert fetched == created


def test_explicit_base_url_is_kept(tenant: Tenant) -> None:
    created = new_configuration(
        tenant, new_openai_secret(tenant), base_url="https://llm.example/v1"
    )
    assert created["base_url"] == "https://llm.example/v1"


def test_lists_are_newest_first_and_slim(tenant: Tenant) -> None:
    secret_ids = [new_openai_secret(tenant, f"s{i}") for i in range(3)]
    listed = ok(tenant.http.get("/v1/secrets"))
    assert [item["id"] for item in listed] == secret_ids[::-1]
    assert all(set(item) == {"id", "secret_name", "secret_type", "created_at"} for item in listed)
    config_ids = [new_configuration(tenant, secret_ids[0])["id"] for _ in range(3)]
    configs = ok(tenant.http.get("/v1/llm-configurations"))
    assert [item["id"] for item in configs] == config_ids[::-1]
    assert all(set(item) == {"id", "display_name", "model_name", "secret_id"} for item in configs)


def test_update_changes_only_the_fields_sent_and_moves_updated_at(tenant: Tenant) -> None:
    created = new_configuration(tenant, new_openai_secret(tenant))
    updated = ok(
        tenant.http.patch(f"/v1/llm-configurations/{created['id']}", json={"model_name": "o3"})
    )
    assert updated["model_name"] == "o3"
    for unchanged in ("display_name", "base_url", "secret_id", "created_at", "id"):
        assert updated[unchanged] == created[unchanged]
    assert datetime.fromisoformat(updated["updated_at"]) > datetime.fromisoformat(
        created["updated_at"]
    )
    again = ok(tenant.http.patch(f"/v1/llm-configurations/{created['id']}", json={}))
    assert datetime.fromisoformat(again["updated_at"]) > datetime.fromisoformat(
        updated["updated_at"]
    )
    assert ok(tenant.http.get(f"/v1/llm-configurations/{created['id']}")) == again


def test_update_to_another_secret_of_the_space(tenant: Tenant) -> None:
    created = new_configuration(tenant, new_openai_secret(tenant, "a"))
    other = new_openai_secret(tenant, "b")
    updated = ok(
        tenant.http.patch(f"/v1/llm-configurations/{created['id']}", json={"secret_id": other})
    )
    assert updated["secret_id"] == other


def test_delete_configuration_then_it_is_gone(tenant: Tenant) -> None:
    created = new_configuration(tenant, new_openai_secret(tenant))
    assert ok(tenant.http.delete(f"/v1/llm-configurations/{created['id']}")) is None
    response = tenant.http.get(f"/v1/llm-configurations/{created['id']}")
    assert response.status_code == 404
    assert response.json() == {"code": 404, "data": None, "message": "LLM configuration not found"}
    assert tenant.http.delete(f"/v1/llm-configurations/{created['id']}").status_code == 404


def test_secret_in_use_cannot_be_deleted_until_its_configurations_are(tenant: Tenant) -> None:
    secret_id = new_openai_secret(tenant)
    created = new_configuration(tenant, secret_id)
    refused = tenant.http.delete(f"/v1/secrets/{secret_id}")
    assert refused.status_code == 409
    assert refused.json()["code"] == 409
    assert refused.json()["data"] is None
    ok(tenant.http.delete(f"/v1/llm-configurations/{created['id']}"))
    assert ok(tenant.http.delete(f"/v1/secrets/{secret_id}")) is None
    assert tenant.http.delete(f"/v1/secrets/{secret_id}").status_code == 404
    assert secret_id not in [item["id"] for item in ok(tenant.http.get("/v1/secrets"))]


def test_unknown_secret_id_is_400_on_create_and_update(tenant: Tenant) -> None:
    response = tenant.http.post(
        "/v1/llm-configurations",
        json={"display_name": "x", "model_name": "y", "secret_id": "no-such-secret"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == 400
    created = new_configuration(tenant, new_openai_secret(tenant))
    response = tenant.http.patch(
        f"/v1/llm-configurations/{created['id']}", json={"secret_id": "no-such-secret"}
    )
    assert response.status_code == 400


def test_unknown_ids_are_404(tenant: Tenant) -> None:
    for method, path in (
        ("GET", "/v1/llm-configurations/nope"),
        ("PATCH", "/v1/llm-configurations/nope"),
        ("DELETE", "/v1/llm-configurations/nope"),
        ("DELETE", "/v1/secrets/nope"),
    ):
        response = tenant.http.request(method, path, json={} if method == "PATCH" else None)
        assert response.status_code == 404, (method, path)
        assert response.json()["code"] == 404


def test_ids_are_time_ordered_uuid7() -> None:
    import time
    import uuid

    from liveavatar_server._store import new_id

    first = new_id()
    time.sleep(0.002)
    later = [new_id() for _ in range(50)]
    assert len(set(later)) == 50
    for value in (first, *later):
        parsed = uuid.UUID(value)
        assert parsed.version == 7
        assert parsed.variant == uuid.RFC_4122
        assert len(value) == 36
    assert all(first < value for value in later)
