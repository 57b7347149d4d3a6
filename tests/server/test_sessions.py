"""Sessions as a state machine: token, start, keep-alive, stop, expiry, lists, credits, embeds."""

from __future__ import annotations

import threading
from typing import Any

import httpx
import pytest
from liveavatar_server import Store
from liveavatar_server import _sessions as sessions
from liveavatar_server._clock import MovableClock
from liveavatar_server._credits import grant_to

from tests.server.conftest import Tenant

AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
FULL = {"mode": "FULL", "avatar_id": AVATAR, "avatar_persona": {"language": "en"}}
LITE = {"mode": "LITE", "avatar_id": AVATAR}


def data(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()["data"]


def token(tenant: Tenant, body: dict[str, Any] | None = None) -> tuple[str, dict[str, str]]:
    created = data(tenant.http.post("/v1/sessions/token", json=body or FULL))
    return created["session_id"], {"Authorization": f"Bearer {created['session_token']}"}


def started(tenant: Tenant, body: dict[str, Any] | None = None) -> tuple[str, dict[str, str]]:
    session_id, bearer = token(tenant, body)
    data(httpx.post(f"{tenant.http.base_url}/v1/sessions/start", headers=bearer, json={}), 201)
    return session_id, bearer


def credits(tenant: Tenant) -> str:
    return str(data(tenant.http.get("/v1/users/credits"))["credits_left"])


def test_a_third_party_flow_token_start_keep_alive_stop(store: Store, tenant: Tenant) -> None:
    base = str(tenant.http.base_url)
    session_id, bearer = token(tenant)
    start = httpx.post(base + "/v1/sessions/start", headers=bearer, content=b"{}")
    assert start.status_code == 201, start.text
    body = start.json()
    assert body["code"] == 100
    room = body["data"]
    assert room["session_id"] == session_id
    assert room["livekit_url"].startswith("ws://")
    assert "ws_url" not in room  # Custom (LITE) mode only
    claims = store.livekit.verify(room["livekit_client_token"])
    assert claims["iss"] == store.livekit.api_key
    assert claims["sub"] == f"client-{session_id}"
    video = claims["video"]
    assert isinstance(video, dict)
    assert video["roomJoin"] is True
    assert video["room"] == store.livekit.verify(room["livekit_agent_token"])["video"]["room"]  # type: ignore[index]
    assert data(httpx.post(base + "/v1/sessions/keep-alive", headers=bearer)) is None
    active = data(tenant.http.get("/v1/sessions", params={"type": "active"}))
    assert [entry["id"] for entry in active["results"]] == [session_id]
    assert data(httpx.post(base + "/v1/sessions/stop", headers=bearer, json={})) is None
    historic = data(tenant.http.get(f"/v1/sessions/{session_id}"))
    assert historic["end_reason"] == "UNKNOWN"
    assert historic["credits_consumed"] == 2.0  # FULL: 2 credits for the first minute
    assert credits(tenant) == "8"  # the new space's 10, less one minute of FULL


def test_a_token_starts_once_and_never_after_it_ended(tenant: Tenant) -> None:
    base = str(tenant.http.base_url)
    _, bearer = started(tenant)
    again = httpx.post(base + "/v1/sessions/start", headers=bearer)
    assert again.status_code == 409
    assert again.json()["message"] == "Session already started"
    data(httpx.post(base + "/v1/sessions/stop", headers=bearer))
    after = httpx.post(base + "/v1/sessions/start", headers=bearer)
    assert after.status_code == 409
    assert httpx.post(base + "/v1/sessions/stop", headers=bearer).status_code == 409
    assert httpx.post(base + "/v1/sessions/keep-alive", headers=bearer).status_code == 409


def test_an_ended_sessions_token_mints_no_new_session(tenant: Tenant) -> None:
    base = str(tenant.http.base_url)
    _, bearer = started(tenant)
    minted = httpx.post(base + "/v1/sessions/token", headers=bearer, json=FULL)
    assert minted.status_code == 200, minted.text  # a running session's token may
    data(httpx.post(base + "/v1/sessions/stop", headers=bearer))
    refused = httpx.post(base + "/v1/sessions/token", headers=bearer, json=FULL)
    assert refused.status_code == 401, refused.text
    assert refused.json()["data"] is None


def test_start_takes_the_bearer_token_only(tenant: Tenant) -> None:
    refused = tenant.http.post("/v1/sessions/start", json={})
    assert refused.status_code == 401
    assert "Bearer" in refused.json()["message"]
    wrong = tenant.http.post("/v1/sessions/start", headers={"Authorization": "Bearer lat_nope"})
    assert wrong.status_code == 401
    assert "lat_nope" not in wrong.text


def test_an_idle_session_ends_and_keep_alive_extends_it(
    tenant: Tenant, store: Store, clock: MovableClock
) -> None:
    base = str(tenant.http.base_url)
    idle = store.settings.sessions.idle_timeout
    kept, kept_bearer = started(tenant)
    lapsed, _ = started(tenant)
    clock.advance(idle - 10)
    data(httpx.post(base + "/v1/sessions/keep-alive", headers=kept_bearer, json={}))
    clock.advance(20)
    assert "end_reason" not in data(tenant.http.get(f"/v1/sessions/{kept}"))
    ended = data(tenant.http.get(f"/v1/sessions/{lapsed}"))
    assert ended["end_reason"] == "IDLE_TIMEOUT"
    assert ended["duration"] == idle
    transcript = data(tenant.http.get(f"/v1/sessions/{lapsed}/transcript"))
    assert transcript == {"session_active": False, "transcript_data": []}
    assert httpx.post(base + "/v1/sessions/keep-alive", headers=kept_bearer).status_code == 200


def test_max_session_duration_ends_a_session(tenant: Tenant, clock: MovableClock) -> None:
    base = str(tenant.http.base_url)
    session_id, bearer = started(tenant, {**FULL, "max_session_duration": 90})
    clock.advance(60)
    data(httpx.post(base + "/v1/sessions/keep-alive", headers=bearer))
    clock.advance(31)
    ended = data(tenant.http.get(f"/v1/sessions/{session_id}"))
    assert ended["end_reason"] == "MAX_DURATION_REACHED"
    assert ended["duration"] == 90
    assert ended["credits_consumed"] == 4.0  # two started minutes of FULL


def test_sandbox_sessions_are_free_and_end_after_a_minute(
    tenant: Tenant, store: Store, clock: MovableClock
) -> None:
    before = credits(tenant)
    session_id, _ = started(tenant, {**LITE, "is_sandbox": True})
    clock.advance(store.settings.sessions.sandbox_duration + 1)
    ended = data(tenant.http.get(f"/v1/sessions/{session_id}"))
    assert ended["end_reason"] == "MAX_DURATION_REACHED"
    assert ended["credits_consumed"] == 0
    assert credits(tenant) == before


def test_a_space_without_credits_starts_only_sandbox_sessions(tenant: Tenant, store: Store) -> None:
    grant_to(store, tenant.space_id, -10)
    assert credits(tenant) == "0"
    _, bearer = token(tenant)
    refused = httpx.post(f"{tenant.http.base_url}/v1/sessions/start", headers=bearer)
    assert refused.status_code == 402
    assert "credits" in refused.json()["message"]
    started(tenant, {**FULL, "is_sandbox": True})
    grant_to(store, tenant.space_id, 5)
    data(httpx.post(f"{tenant.http.base_url}/v1/sessions/start", headers=bearer), 201)


def test_concurrent_stops_and_keep_alives_charge_once(store: Store, tenant: Tenant) -> None:
    base = str(tenant.http.base_url)
    session_id, bearer = started(tenant, LITE)
    statuses: list[int] = []
    barrier = threading.Barrier(8)

    def hit(path: str) -> None:
        barrier.wait()
        statuses.append(httpx.post(base + path, headers=bearer, timeout=30).status_code)

    threads = [
        threading.Thread(target=hit, args=(path,))
        for path in ["/v1/sessions/stop"] * 4 + ["/v1/sessions/keep-alive"] * 4
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses.count(200) >= 1
    assert set(statuses) <= {200, 409}
    assert credits(tenant) == "9"  # one minute of LITE, charged once
    assert data(tenant.http.get(f"/v1/sessions/{session_id}"))["credits_consumed"] == 1.0


def test_stop_with_an_api_key_names_the_session(tenant: Tenant, other_tenant: Tenant) -> None:
    session_id, _ = started(tenant)
    assert tenant.http.post("/v1/sessions/stop", json={}).status_code == 400
    foreign = other_tenant.http.post("/v1/sessions/stop", json={"session_id": session_id})
    assert foreign.status_code == 404
    assert other_tenant.http.get(f"/v1/sessions/{session_id}").status_code == 404
    stop = {"session_id": session_id, "reason": "USER_CLOSED"}
    assert data(tenant.http.post("/v1/sessions/stop", json=stop)) is None
    assert data(tenant.http.get(f"/v1/sessions/{session_id}"))["end_reason"] == "USER_CLOSED"


def test_the_token_body_is_validated_as_its_oneof(tenant: Tenant) -> None:
    missing = tenant.http.post("/v1/sessions/token", json={"mode": "FULL", "avatar_persona": {}})
    assert missing.status_code == 422
    assert all(error["loc"][0] == "body" for error in missing.json()["detail"])
    wrong_mode = tenant.http.post("/v1/sessions/token", json={**LITE, "mode": "HALF"})
    assert wrong_mode.status_code == 422
    bad_uuid = tenant.http.post("/v1/sessions/token", json={**FULL, "avatar_id": "x"})
    assert bad_uuid.status_code == 422
    null = tenant.http.post("/v1/sessions/token", json={**LITE, "max_session_duration": None})
    assert null.status_code == 422
    too_long = tenant.http.post("/v1/sessions/token", json={**LITE, "max_session_duration": 10**6})
    assert too_long.status_code == 400
    assert tenant.http.post("/v1/sessions/token", content=b"").status_code == 422


def test_references_must_exist_in_the_space(tenant: Tenant, other_tenant: Tenant) -> None:
    unknown = "01900000-0000-7000-8000-000000000000"
    config = tenant.http.post("/v1/sessions/token", json={**FULL, "llm_configuration_id": unknown})
    assert config.status_code == 400
    assert "llm_configuration_id" in config.json()["message"]
    secret = data(
        other_tenant.http.post(
            "/v1/secrets",
            json={"secret_name": "o", "secret_value": "sk-1", "secret_type": "OPENAI_API_KEY"},
        )
    )
    lite = {**LITE, "openai_realtime_config": {"secret_id": secret["id"]}}
    assert tenant.http.post("/v1/sessions/token", json=lite).status_code == 400
    assert other_tenant.http.post("/v1/sessions/token", json=lite).status_code == 200


def test_lite_mode_answers_a_ws_url_and_the_callers_own_livekit_room(tenant: Tenant) -> None:
    base = str(tenant.http.base_url)
    own = {
        "livekit_url": "wss://example.livekit.cloud",
        "livekit_room": "mine",
        "livekit_client_token": "their-token",
    }
    _, bearer = token(tenant, {**LITE, "livekit_config": own})
    room = data(httpx.post(base + "/v1/sessions/start", headers=bearer), 201)
    assert room["livekit_url"] == own["livekit_url"]
    assert room["livekit_client_token"] == "their-token"
    assert room["ws_url"].startswith("ws://")


def test_legacy_custom_mode_is_read_as_lite(tenant: Tenant) -> None:
    """As Pipecat's LiveAvatarApi talks: mode CUSTOM with a persona, start with no body at all,
    stop with the bearer token and the session id; it reads every start field it models."""
    base = str(tenant.http.base_url)
    persona = {"voice_id": None, "language": "en"}
    body = {"mode": "CUSTOM", "avatar_id": AVATAR, "avatar_persona": persona}
    session_id, bearer = token(tenant, body)
    answer = httpx.post(
        base + "/v1/sessions/start", headers={**bearer, "accept": "application/json"}
    )
    room = data(answer, 201)
    for field in ("livekit_url", "livekit_client_token", "livekit_agent_token", "ws_url"):
        assert isinstance(room[field], str), field
        assert room[field], field
    assert isinstance(room["max_session_duration"], int)
    assert data(tenant.http.get(f"/v1/sessions/{session_id}"))["mode"] == "LITE"
    stop = httpx.post(base + "/v1/sessions/stop", headers=bearer, json={"session_id": session_id})
    assert data(stop) is None
    # Only the alias is read: any other mode is still the oneOf's 422.
    refused = tenant.http.post("/v1/sessions/token", json={**body, "mode": "custom"})
    assert refused.status_code == 422


def test_the_transcript_and_its_deletion(store: Store, tenant: Tenant) -> None:
    session_id, _ = started(tenant)
    empty = data(tenant.http.get(f"/v1/sessions/{session_id}/transcript"))
    assert empty == {"session_active": True, "transcript_data": []}
    sessions.add_transcript(store, session_id, "user", "Hello")
    sessions.add_transcript(store, session_id, "avatar", "Hi there")
    lines = data(tenant.http.get(f"/v1/sessions/{session_id}/transcript"))["transcript_data"]
    assert [(line["role"], line["transcript"]) for line in lines] == [
        ("user", "Hello"),
        ("avatar", "Hi there"),
    ]
    assert data(tenant.http.delete(f"/v1/sessions/{session_id}/events")) is None
    assert data(tenant.http.get(f"/v1/sessions/{session_id}/transcript"))["transcript_data"] == []
    assert tenant.http.delete("/v1/sessions/nope/events").status_code == 404
    assert tenant.http.get("/v1/sessions/nope/transcript").status_code == 404


def test_lists_paginate_newest_first_with_filters(tenant: Tenant) -> None:
    ids = [started(tenant)[0] for _ in range(3)]
    first = data(tenant.http.get("/v1/sessions", params={"type": "active", "page_size": 2}))
    assert first["count"] == 3
    assert [entry["id"] for entry in first["results"]] == ids[::-1][:2]
    assert "previous" not in first  # the spec's `previous` is a string: absent, never null
    assert first["next"].startswith(str(tenant.http.base_url))
    second = data(httpx.get(first["next"], headers={"X-API-KEY": tenant.key}))
    assert [entry["id"] for entry in second["results"]] == [ids[0]]
    assert "next" not in second
    beyond = data(tenant.http.get("/v1/sessions", params={"type": "active", "page": 9}))
    assert beyond["results"] == []
    filtered = data(
        tenant.http.get("/v1/sessions", params={"type": "active", "avatar_id": "other"})
    )
    assert filtered["count"] == 0
    assert tenant.http.get("/v1/sessions").status_code == 422  # type is required
    assert tenant.http.get("/v1/sessions", params={"type": "all"}).status_code in {400, 422}


def _a_context(tenant: Tenant) -> str:
    """A context of the tenant's space where contexts are served; else any id (not judged)."""
    made = tenant.http.post(
        "/v1/contexts", json={"name": "c", "prompt": "Be brief.", "opening_text": "Hi"}
    )
    return str(made.json()["data"]["id"]) if made.status_code == 200 else AVATAR


def test_embed_sessions_are_listed_by_embed_id(store: Store, tenant: Tenant) -> None:
    embed = data(
        tenant.http.post(
            "/v2/embeddings",
            json={"avatar_id": AVATAR, "context_id": _a_context(tenant), "orientation": "vertical"},
        )
    )
    assert embed["url"].endswith(embed["embed_id"])
    assert embed["orientation"] == "vertical"
    session_id = sessions.open_embed_session(store, embed["embed_id"])
    listed = data(
        tenant.http.get("/v1/sessions", params={"type": "active", "embed_id": embed["embed_id"]})
    )
    assert [(e["id"], e["source"]) for e in listed["results"]] == [(session_id, "EMBED")]


def test_credits_are_a_decimal_string(tenant: Tenant, store: Store) -> None:
    grant_to(store, tenant.space_id, 2.5)
    assert credits(tenant) == "12.5"


@pytest.mark.parametrize("path", ["/v1/languages", "/v1/avatars/public"])
def test_operations_without_security_need_no_credentials(base_url: str, path: str) -> None:
    assert httpx.get(base_url + path).status_code != 401


@pytest.mark.parametrize(
    "query",
    [
        {"type": "active", "page": str(2**63 - 1)},
        {"type": "active", "page": str(2**70)},
        {"type": "active", "page_size": "101"},
        {"type": "active", "page": "0"},
    ],
)
def test_extreme_pages_are_empty_or_422_never_500(tenant: Tenant, query: dict[str, str]) -> None:
    response = tenant.http.get("/v1/sessions", params=query)
    # A page the schema allows (any integer >= 1, as FastAPI's `int`) is an empty page; only
    # what the schema refuses is a 422.
    valid = int(query.get("page", "1")) >= 1 and int(query.get("page_size", "20")) <= 100
    assert response.status_code == (200 if valid else 422), response.text
    if valid:
        assert response.json()["data"]["results"] == []


def test_extreme_transcript_timestamps_are_never_500(tenant: Tenant) -> None:
    session_id, _ = started(tenant)
    for value in (str(2**63 - 1), str(-(2**63)), str(2**64), str(-(2**80))):
        for bound in ("start_timestamp", "end_timestamp"):
            response = tenant.http.get(
                f"/v1/sessions/{session_id}/transcript", params={bound: value}
            )
            assert response.status_code == 200, response.text
