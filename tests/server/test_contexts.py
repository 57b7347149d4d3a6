"""Contexts: create, read, partial-by-schema update, delete, all within the caller's space."""

from __future__ import annotations

from typing import Any

from tests.server._catalog_fixtures import ok, unknown_id
from tests.server.conftest import Tenant

BODY = {
    "name": "Support",
    "prompt": "You help {{customer_name}} with {{ product }}. Be brief, {{customer_name}}.",
    "opening_text": "Hi {{customer_name}}!",
    "links": [{"url": "https://docs.example.com/billing", "faq": "Billing questions"}],
}


def _create(tenant: Tenant, **changes: Any) -> dict[str, Any]:
    created: dict[str, Any] = ok(tenant.http.post("/v1/contexts", json={**BODY, **changes}))
    return created


def test_create_reads_back_with_link_ids_and_dynamic_variables(tenant: Tenant) -> None:
    created = _create(tenant)
    assert {k: created[k] for k in ("name", "prompt", "opening_text")} == {
        k: BODY[k] for k in ("name", "prompt", "opening_text")
    }
    assert created["required_dynamic_variables"] == ["customer_name", "product"]
    [link] = created["links"]
    assert (link["url"], link["faq"]) == ("https://docs.example.com/billing", "Billing questions")
    assert link["id"]
    assert created["created_at"] == created["updated_at"]
    assert ok(tenant.http.get(f"/v1/contexts/{created['id']}")) == created
    listed = ok(tenant.http.get("/v1/contexts"))["results"]
    assert listed == [{k: created[k] for k in ("id", "name", "created_at", "updated_at")}]


def test_update_replaces_what_was_sent_and_keeps_links_unless_sent(tenant: Tenant) -> None:
    created = _create(tenant)
    path = f"/v1/contexts/{created['id']}"
    changed = ok(tenant.http.patch(path, json={"name": "N", "prompt": "P", "opening_text": "O"}))
    assert (changed["name"], changed["prompt"], changed["opening_text"]) == ("N", "P", "O")
    assert changed["links"] == created["links"]
    assert changed["required_dynamic_variables"] == []
    assert changed["updated_at"] > created["updated_at"]
    kept_id = created["links"][0]["id"]
    links = [
        {"id": kept_id, "url": "https://docs.example.com/v2", "faq": "Moved"},
        {"id": unknown_id(), "url": "https://docs.example.com/new", "faq": "New"},
    ]
    relinked = ok(
        tenant.http.patch(
            path, json={"name": "N", "prompt": "P", "opening_text": "O", "links": links}
        )
    )
    assert relinked["links"][0] == links[0]
    assert relinked["links"][1]["id"] not in (links[1]["id"], kept_id)
    assert ok(tenant.http.get(path)) == relinked


def test_invalid_bodies_are_422_and_change_nothing(tenant: Tenant) -> None:
    created = _create(tenant)
    path = f"/v1/contexts/{created['id']}"
    assert tenant.http.patch(path, json={"name": "only"}).status_code == 422
    nulled = tenant.http.patch(path, json={"name": None, "prompt": "p", "opening_text": "o"})
    assert nulled.status_code == 422
    assert tenant.http.post("/v1/contexts", json={"name": "x"}).status_code == 422
    assert tenant.http.get("/v1/contexts/not-a-uuid").status_code == 422
    assert ok(tenant.http.get(path)) == created


def test_another_spaces_context_answers_like_an_unknown_one(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    theirs = _create(other_tenant)
    body = {"name": "x", "prompt": "y", "opening_text": "z"}
    for method, sent in (("GET", None), ("PATCH", body), ("DELETE", None)):
        foreign = tenant.http.request(method, f"/v1/contexts/{theirs['id']}", json=sent)
        unknown = tenant.http.request(method, f"/v1/contexts/{unknown_id()}", json=sent)
        assert foreign.status_code == 404
        assert foreign.json() == unknown.json()
    assert ok(tenant.http.get("/v1/contexts"))["count"] == 0
    assert ok(other_tenant.http.get(f"/v1/contexts/{theirs['id']}")) == theirs


def test_delete_removes_the_context(tenant: Tenant) -> None:
    created = _create(tenant)
    path = f"/v1/contexts/{created['id']}"
    assert tenant.http.delete(path).json() == {
        "code": 100,
        "data": None,
        "message": "Delete Context",
    }
    assert tenant.http.get(path).status_code == 404
    assert tenant.http.delete(path).status_code == 404
    assert ok(tenant.http.get("/v1/contexts"))["count"] == 0
