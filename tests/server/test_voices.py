"""Voices: the public catalog, private voices bound through a secret, PATCH, DELETE, preview."""

from __future__ import annotations

import base64
import io
import wave

from tests.server._catalog_fixtures import PUBLIC_VOICE, new_secret, ok, unknown_id
from tests.server.conftest import Tenant


def _bind(tenant: Tenant, secret_id: str, name: str | None = "Narrator") -> str:
    body = {"provider_voice_id": "21m00Tcm4TlvDq8ikWAM", "secret_id": secret_id}
    if name is not None:
        body["name"] = name
    return str(ok(tenant.http.post("/v1/voices/third_party", json=body))["voice_id"])


def test_the_default_list_is_the_public_catalog(tenant: Tenant) -> None:
    page = ok(tenant.http.get("/v1/voices", params={"page_size": 100}))
    assert page["count"] == len(page["results"]) >= 5
    ava = next(v for v in page["results"] if v["id"] == PUBLIC_VOICE)
    assert (ava["name"], ava["language"], ava["gender"]) == ("Ava", "en", "female")
    assert ava["tags"] == ["warm", "conversational"]
    public = ok(tenant.http.get("/v1/voices", params={"voice_type": "public", "page_size": 100}))
    assert public == page


def test_a_bound_elevenlabs_voice_is_private_to_its_space(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    voice_id = _bind(tenant, new_secret(tenant))
    private = ok(tenant.http.get("/v1/voices", params={"voice_type": "private"}))
    assert [v["id"] for v in private["results"]] == [voice_id]
    voice = ok(tenant.http.get(f"/v1/voices/{voice_id}"))
    assert voice["name"] == "Narrator"
    assert "elevenLabs" in voice["tags"]
    assert voice_id not in [v["id"] for v in ok(tenant.http.get("/v1/voices"))["results"]]
    assert ok(other_tenant.http.get("/v1/voices", params={"voice_type": "private"}))["count"] == 0
    for method, body in (("GET", None), ("PATCH", {"name": "x"}), ("DELETE", None)):
        foreign = other_tenant.http.request(method, f"/v1/voices/{voice_id}", json=body)
        unknown = other_tenant.http.request(method, f"/v1/voices/{unknown_id()}", json=body)
        assert foreign.status_code == 404
        assert foreign.json() == unknown.json()
    assert other_tenant.http.get(f"/v1/voices/{voice_id}/preview").status_code == 404


def test_binding_needs_a_secret_of_the_space_of_a_fitting_type(
    tenant: Tenant, other_tenant: Tenant
) -> None:
    def bind(secret_id: str) -> tuple[int, dict[str, object]]:
        body = {"provider_voice_id": "abc", "secret_id": secret_id}
        response = tenant.http.post("/v1/voices/third_party", json=body)
        return response.status_code, response.json()

    foreign = bind(new_secret(other_tenant))
    assert foreign[0] == 400
    assert foreign == bind(unknown_id())
    wrong_type = bind(new_secret(tenant, "OPENAI_API_KEY"))
    assert wrong_type[0] == 400
    assert "ELEVENLABS_API_KEY" in str(wrong_type[1]["message"])
    assert ok(tenant.http.get("/v1/voices", params={"voice_type": "private"}))["count"] == 0
    # The secret's value never comes back.
    assert "sk-test" not in str(foreign) + str(wrong_type)


def test_a_nameless_binding_gets_a_name(tenant: Tenant) -> None:
    voice_id = _bind(tenant, new_secret(tenant), name=None)
    assert "21m00Tcm4TlvDq8ikWAM" in ok(tenant.http.get(f"/v1/voices/{voice_id}"))["name"]


def test_patch_renames_and_moves_updated_at(tenant: Tenant) -> None:
    voice_id = _bind(tenant, new_secret(tenant))
    before = ok(tenant.http.get(f"/v1/voices/{voice_id}"))
    after = ok(tenant.http.patch(f"/v1/voices/{voice_id}", json={"name": "Renamed"}))
    assert after["name"] == "Renamed"
    assert {k: v for k, v in after.items() if k not in ("name", "updated_at")} == {
        k: v for k, v in before.items() if k not in ("name", "updated_at")
    }
    assert after["updated_at"] > before["updated_at"]
    assert tenant.http.patch(f"/v1/voices/{voice_id}", json={"name": ""}).status_code == 422
    assert tenant.http.patch(f"/v1/voices/{voice_id}", json={}).status_code == 422


def test_public_voices_are_read_only(tenant: Tenant) -> None:
    assert tenant.http.patch(f"/v1/voices/{PUBLIC_VOICE}", json={"name": "x"}).status_code == 404
    assert tenant.http.delete(f"/v1/voices/{PUBLIC_VOICE}").status_code == 404
    assert ok(tenant.http.get(f"/v1/voices/{PUBLIC_VOICE}"))["name"] == "Ava"


def test_delete_removes_the_voice(tenant: Tenant) -> None:
    voice_id = _bind(tenant, new_secret(tenant))
    deleted = tenant.http.delete(f"/v1/voices/{voice_id}")
    assert deleted.json() == {"code": 100, "data": None, "message": "Delete Voice"}
    assert tenant.http.get(f"/v1/voices/{voice_id}").status_code == 404
    assert tenant.http.delete(f"/v1/voices/{voice_id}").status_code == 404
    assert ok(tenant.http.get("/v1/voices", params={"voice_type": "private"}))["count"] == 0


def test_preview_is_playable_audio(tenant: Tenant) -> None:
    for voice_id in (PUBLIC_VOICE, _bind(tenant, new_secret(tenant))):
        audio = base64.b64decode(
            ok(tenant.http.get(f"/v1/voices/{voice_id}/preview"))["audio_base64"]
        )
        with wave.open(io.BytesIO(audio)) as sound:
            assert sound.getnframes() > 0
    assert tenant.http.get(f"/v1/voices/{unknown_id()}/preview").status_code == 404
