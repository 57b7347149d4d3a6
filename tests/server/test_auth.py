"""Credentials: X-API-KEY (stored hashed) or the la_session cookie; anything else is 401."""

from __future__ import annotations

import httpx
import pytest
from liveavatar_server import Store
from liveavatar_server import _tables as t
from liveavatar_server._store import digest
from sqlalchemy import select

PATHS = ["/v1/secrets", "/v1/llm-configurations"]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"X-API-KEY": ""},
        {"X-API-KEY": "la_wrong"},
        {"X-API-KEY": "ünïcødé"},
        {"Cookie": "la_session=las_wrong"},
        {"Cookie": "la_session="},
    ],
    ids=["none", "empty-key", "wrong-key", "non-ascii-key", "wrong-session", "empty-session"],
)
def test_missing_or_wrong_credentials_are_401_with_the_envelope(
    base_url: str, path: str, headers: dict[str, str]
) -> None:
    encoded = {k.encode(): v.encode() for k, v in headers.items()}
    response = httpx.get(base_url + path, headers=encoded, timeout=10)
    assert response.status_code == 401
    body = response.json()
    assert body["code"] == 401
    assert body["data"] is None
    assert "la_wrong" not in response.text


def test_keys_are_stored_as_sha256_only(store: Store) -> None:
    key = store.create_api_key(store.create_space("hash"))
    with store.engine.connect() as conn:
        stored = conn.execute(select(t.api_keys.c.key_hash)).scalars().all()
    assert digest(key) in stored
    assert key not in stored
    assert all(len(value) == 64 for value in stored)


def test_session_cookie_acts_for_its_key(store: Store, base_url: str) -> None:
    space = store.create_space("session")
    key = store.create_api_key(space)
    token = store.create_session(key)
    created = httpx.post(
        base_url + "/v1/secrets",
        json={"secret_name": "s", "secret_value": "v", "secret_type": "GEMINI_API_KEY"},
        headers={"X-API-KEY": key},
        timeout=10,
    ).json()["data"]
    listed = httpx.get(base_url + "/v1/secrets", cookies={"la_session": token}, timeout=10)
    assert listed.status_code == 200
    assert [item["id"] for item in listed.json()["data"]] == [created["id"]]


def test_a_wrong_key_is_not_rescued_by_a_valid_session(store: Store, base_url: str) -> None:
    token = store.create_session(store.create_api_key(store.create_space("s")))
    response = httpx.get(
        base_url + "/v1/secrets",
        headers={"X-API-KEY": "la_wrong"},
        cookies={"la_session": token},
        timeout=10,
    )
    assert response.status_code == 401


def test_revoked_keys_and_their_sessions_stop_working_at_once(store: Store, base_url: str) -> None:
    key = store.create_api_key(store.create_space("revoke"))
    token = store.create_session(key)
    assert httpx.get(base_url + "/v1/secrets", headers={"X-API-KEY": key}).status_code == 200
    assert store.revoke_api_key(key)
    assert httpx.get(base_url + "/v1/secrets", headers={"X-API-KEY": key}).status_code == 401
    assert httpx.get(base_url + "/v1/secrets", cookies={"la_session": token}).status_code == 401
    assert not store.revoke_api_key(key)


def test_sessions_need_a_valid_key(store: Store) -> None:
    with pytest.raises(LookupError):
        store.create_session("la_not_a_key")
