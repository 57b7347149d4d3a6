"""Avatars: the seeded public catalog, a space's own (made by the CLI), PATCH and soft DELETE."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from liveavatar_server import Store
from liveavatar_server._cli import main
from liveavatar_server._tables import objects
from sqlalchemy import select

from tests.server._catalog_fixtures import PUBLIC_AVATAR, PUBLIC_VOICE, ok, own_avatar, unknown_id
from tests.server.conftest import Tenant


def test_public_avatars_need_no_key_and_are_seeded(base_url: str) -> None:
    page = ok(httpx.get(f"{base_url}/v1/avatars/public", params={"page_size": 100}))
    assert page["count"] == len(page["results"]) >= 5
    assert "next" not in page
    assert "previous" not in page
    wayne = next(a for a in page["results"] if a["id"] == PUBLIC_AVATAR)
    assert wayne["name"] == "Wayne"
    assert wayne["status"] == "ACTIVE"
    assert wayne["default_voice"] == {
        "id": "6f1c2a8e-3b1d-4c57-9a2e-0d4b5c6e7f02",
        "name": "Marcus",
    }
    assert "space_id" not in wayne
    assert wayne["preview_url"].startswith("https://")


def test_create_avatar_prints_the_id_of_an_avatar_of_the_space(
    store: Store, tenant: Tenant, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    storage = ["--database-url", store.settings.database_url, "--data-dir", str(tmp_path)]
    argv = ["create-avatar", "--space", tenant.space_id, "--name", "Presenter", "--1080p"]
    assert main([*argv, "--default-voice-id", PUBLIC_VOICE, *storage]) == 0
    avatar_id = capsys.readouterr().out.strip()
    avatar = ok(tenant.http.get(f"/v1/avatars/{avatar_id}"))
    assert avatar["name"] == "Presenter"
    assert avatar["space_id"] == tenant.space_id
    assert avatar["is_1080p"] is True
    assert avatar["default_voice"] == {"id": PUBLIC_VOICE, "name": "Ava"}
    assert [a["id"] for a in ok(tenant.http.get("/v1/avatars"))["results"]] == [avatar_id]
    # An unknown space or voice is refused with a message, not a traceback.
    assert main(["create-avatar", "--space", unknown_id(), "--name", "x", *storage]) == 2
    assert main([*argv, "--default-voice-id", unknown_id(), *storage]) == 2
    assert "error:" in capsys.readouterr().err


def test_the_own_list_holds_only_the_spaces_avatars(
    store: Store, tenant: Tenant, other_tenant: Tenant
) -> None:
    mine = own_avatar(store, tenant.space_id)
    own_avatar(store, other_tenant.space_id)
    listed = ok(tenant.http.get("/v1/avatars"))
    assert listed["count"] == 1
    assert [a["id"] for a in listed["results"]] == [mine]
    # Public avatars are readable by id from any space, yet not in the own list.
    assert ok(tenant.http.get(f"/v1/avatars/{PUBLIC_AVATAR}"))["name"] == "Wayne"


def test_another_spaces_avatar_answers_like_an_unknown_one(
    store: Store, tenant: Tenant, other_tenant: Tenant
) -> None:
    theirs = own_avatar(store, other_tenant.space_id, name="Theirs")
    for method, body in (("GET", None), ("PATCH", {"name": "x"}), ("DELETE", None)):
        foreign = tenant.http.request(method, f"/v1/avatars/{theirs}", json=body)
        unknown = tenant.http.request(method, f"/v1/avatars/{unknown_id()}", json=body)
        assert foreign.status_code == 404
        assert foreign.json() == unknown.json()
    assert ok(other_tenant.http.get(f"/v1/avatars/{theirs}"))["name"] == "Theirs"


def test_public_avatars_cannot_be_changed_by_a_space(tenant: Tenant) -> None:
    assert tenant.http.patch(f"/v1/avatars/{PUBLIC_AVATAR}", json={"name": "x"}).status_code == 404
    assert tenant.http.delete(f"/v1/avatars/{PUBLIC_AVATAR}").status_code == 404
    assert ok(tenant.http.get(f"/v1/avatars/{PUBLIC_AVATAR}"))["name"] == "Wayne"


def test_patch_changes_only_what_was_sent_and_moves_updated_at(
    store: Store, tenant: Tenant
) -> None:
    avatar_id = own_avatar(store, tenant.space_id, name="Before", default_voice_id=PUBLIC_VOICE)
    before = ok(tenant.http.get(f"/v1/avatars/{avatar_id}"))
    renamed = ok(tenant.http.patch(f"/v1/avatars/{avatar_id}", json={"name": "After"}))
    assert renamed["name"] == "After"
    assert renamed["default_voice"] == before["default_voice"]
    assert renamed["created_at"] == before["created_at"]
    assert renamed["updated_at"] > before["updated_at"]
    revoiced = ok(
        tenant.http.patch(
            f"/v1/avatars/{avatar_id}",
            json={"default_voice_id": "6f1c2a8e-3b1d-4c57-9a2e-0d4b5c6e7f03"},
        )
    )
    assert revoiced["name"] == "After"
    assert revoiced["default_voice"]["name"] == "Lucía"
    assert ok(tenant.http.get(f"/v1/avatars/{avatar_id}")) == revoiced


def test_patch_refuses_a_voice_the_space_cannot_use_and_explicit_nulls(
    store: Store, tenant: Tenant
) -> None:
    avatar_id = own_avatar(store, tenant.space_id)
    refused = tenant.http.patch(f"/v1/avatars/{avatar_id}", json={"default_voice_id": unknown_id()})
    assert refused.status_code == 400
    assert refused.json()["code"] == 400
    nulled = tenant.http.patch(f"/v1/avatars/{avatar_id}", json={"name": None})
    assert nulled.status_code == 422
    assert nulled.json()["detail"][0]["loc"] == ["body", "name"]
    assert ok(tenant.http.get(f"/v1/avatars/{avatar_id}"))["name"] == "Mine"


def test_delete_is_soft_gone_from_lists_and_reads(store: Store, tenant: Tenant) -> None:
    kept = own_avatar(store, tenant.space_id, name="Kept")
    gone = own_avatar(store, tenant.space_id, name="Gone")
    deleted = tenant.http.delete(f"/v1/avatars/{gone}")
    assert deleted.status_code == 200
    assert deleted.json() == {"code": 100, "data": None, "message": "Delete Avatar"}
    for method, body in (("GET", None), ("PATCH", {"name": "x"}), ("DELETE", None)):
        assert tenant.http.request(method, f"/v1/avatars/{gone}", json=body).status_code == 404
    listed = ok(tenant.http.get("/v1/avatars"))
    assert (listed["count"], [a["id"] for a in listed["results"]]) == (1, [kept])
    # Soft: the object is still stored, hidden under the deleted kind.
    with store.engine.connect() as conn:
        kind = conn.execute(select(objects.c.kind).where(objects.c.id == gone)).scalar_one()
    assert kind == "avatar.deleted"
