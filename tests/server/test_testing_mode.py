"""`liveavatar_server.testing`: a fresh served database with two spaces, keys and credits."""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from liveavatar_server import Settings, Store
from liveavatar_server import _tables as server_tables
from liveavatar_server._migrate import current_revision, head_revision, reset_database, upgrade
from liveavatar_server.testing import LocalServer, serve, serve_app
from liveavatar_server.testing import liveavatar_server as liveavatar_server  # the fixture
from sqlalchemy import MetaData, select

from tests._support.postgres import scratch_database

FULL = {
    "mode": "FULL",
    "avatar_id": "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a",
    "avatar_persona": {},
}


def test_the_context_manager_serves_two_isolated_spaces() -> None:
    with serve(credits=5) as server:
        first, second = server.spaces
        assert first.api_key not in repr(first)
        mine = {"X-API-KEY": first.api_key}
        made = httpx.post(
            server.url + "/v1/secrets",
            headers=mine,
            json={"secret_name": "s", "secret_value": "v", "secret_type": "OPENAI_API_KEY"},
        )
        assert made.status_code == 200
        theirs = httpx.get(server.url + "/v1/secrets", headers={"X-API-KEY": second.api_key})
        assert theirs.json()["data"] == []
        credits = httpx.get(server.url + "/v1/users/credits", headers=mine)
        assert credits.json()["data"] == {"credits_left": "5"}


def test_the_fixture_and_its_clock(liveavatar_server: LocalServer) -> None:
    key = {"X-API-KEY": liveavatar_server.spaces[0].api_key}
    url = liveavatar_server.url
    created = httpx.post(url + "/v1/sessions/token", headers=key, json=FULL).json()["data"]
    bearer = {"Authorization": f"Bearer {created['session_token']}"}
    assert httpx.post(url + "/v1/sessions/start", headers=bearer, json={}).status_code == 201
    liveavatar_server.clock.advance(3600)
    ended = httpx.get(url + f"/v1/sessions/{created['session_id']}", headers=key).json()["data"]
    assert ended["end_reason"] == "IDLE_TIMEOUT"


@pytest.mark.postgres
def test_the_context_manager_serves_postgresql_too() -> None:
    with scratch_database() as url, serve(database_url=url) as server:
        key = {"X-API-KEY": server.spaces[1].api_key}
        assert httpx.get(server.url + "/v1/secrets", headers=key).json()["data"] == []


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_reset_drops_everything_and_migrates_afresh(backend: str, tmp_path: Path) -> None:
    with contextlib.ExitStack() as stack:
        url = (
            stack.enter_context(scratch_database())
            if backend == "postgresql"
            else f"sqlite:///{tmp_path / 'reset.sqlite3'}"
        )
        store = Store(Settings(data_dir=tmp_path, database_url=url))
        stack.callback(store.close)
        upgrade(store.engine)
        store.create_space("before")
        reset_database(store.engine)
        assert store.is_empty()
        assert current_revision(store.engine) == head_revision()


def _every_table(server: LocalServer) -> dict[str, list[tuple[object, ...]]]:
    """Each table the database holds (as reflected, so whatever the migrations made), its rows."""
    found = MetaData()
    with server.store.engine.connect() as conn:
        found.reflect(conn)
        return {
            table.name: sorted((tuple(row) for row in conn.execute(select(table))), key=repr)
            for table in found.sorted_tables
        }


def _use_everything(server: LocalServer) -> None:
    """Writes through the API across resources, a new space and the clock."""
    key = {"X-API-KEY": server.spaces[0].api_key}
    with httpx.Client(base_url=server.url, headers=key) as http:
        secret = http.post(
            "/v1/secrets",
            json={"secret_name": "s", "secret_value": "v", "secret_type": "OPENAI_API_KEY"},
        ).json()["data"]
        assert http.post(
            "/v1/llm-configurations",
            json={"display_name": "d", "model_name": "m", "secret_id": secret["id"]},
        ).is_success
        assert http.post(
            "/v1/contexts", json={"name": "c", "prompt": "p", "opening_text": "o"}
        ).is_success
        token = http.post("/v1/sessions/token", json=FULL).json()["data"]
        bearer = {"Authorization": f"Bearer {token['session_token']}"}
        assert http.post("/v1/sessions/start", headers=bearer, json={}).status_code == 201
    extra = server.new_space()
    assert httpx.get(server.url + "/v1/secrets", headers={"X-API-KEY": extra.api_key}).is_success
    server.clock.advance(3600)


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_reset_puts_every_table_back_and_keeps_the_keys(backend: str) -> None:
    with contextlib.ExitStack() as stack:
        url = stack.enter_context(scratch_database("testing")) if backend == "postgresql" else None
        server = stack.enter_context(serve(database_url=url))
        fresh = _every_table(server)
        # The server's own metadata is part of what the database holds.
        assert set(server_tables.metadata.tables) <= set(fresh)
        _use_everything(server)
        used = _every_table(server)
        changed = {name for name in fresh if used[name] != fresh[name]}
        assert len(changed) >= 5, changed  # the check below could fail
        server.reset()
        assert _every_table(server) == fresh
        assert abs((server.clock() - datetime.now(UTC)).total_seconds()) < 60
        # The same two keys act in the same two spaces; a create lists alone.
        for space in server.spaces:
            key = {"X-API-KEY": space.api_key}
            assert httpx.get(server.url + "/v1/secrets", headers=key).json()["data"] == []
        key = {"X-API-KEY": server.spaces[1].api_key}
        made = httpx.post(
            server.url + "/v1/secrets",
            headers=key,
            json={"secret_name": "after", "secret_value": "v", "secret_type": "OPENAI_API_KEY"},
        ).json()["data"]
        listed = httpx.get(server.url + "/v1/secrets", headers=key).json()["data"]
        assert [item["id"] for item in listed] == [made["id"]]


def test_reset_forgets_keys_made_after_serve() -> None:
    with serve() as server:
        extra = server.new_space()
        key = {"X-API-KEY": extra.api_key}
        assert httpx.get(server.url + "/v1/secrets", headers=key).status_code == 200
        server.reset()
        assert httpx.get(server.url + "/v1/secrets", headers=key).status_code == 401


# The fixture: one server for the session, reset before each test that asks for it. The
# first test leaves a secret behind; the second (run after it, pytest keeps file order)
# finds the same server and none of it.
_LEFT_BEHIND: dict[str, str] = {}


def test_the_fixture_is_shared_1_leaves_a_secret(liveavatar_server: LocalServer) -> None:
    key = {"X-API-KEY": liveavatar_server.spaces[0].api_key}
    made = httpx.post(
        liveavatar_server.url + "/v1/secrets",
        headers=key,
        json={"secret_name": "left", "secret_value": "v", "secret_type": "OPENAI_API_KEY"},
    )
    assert made.status_code == 200
    liveavatar_server.clock.advance(600)
    _LEFT_BEHIND.update(url=liveavatar_server.url, key=liveavatar_server.spaces[0].api_key)


def test_the_fixture_is_shared_2_and_clean(liveavatar_server: LocalServer) -> None:
    if _LEFT_BEHIND:  # (run alone, there is nothing to compare with)
        assert liveavatar_server.url == _LEFT_BEHIND["url"]
        assert liveavatar_server.spaces[0].api_key == _LEFT_BEHIND["key"]
    key = {"X-API-KEY": liveavatar_server.spaces[0].api_key}
    assert httpx.get(liveavatar_server.url + "/v1/secrets", headers=key).json()["data"] == []
    assert abs((liveavatar_server.clock() - datetime.now(UTC)).total_seconds()) < 60


async def _hello(scope: dict[str, object], receive: object, send: object) -> None:
    assert scope["type"] == "http"
    assert callable(send)
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"hello"})


def test_serve_app_serves_any_asgi_app_and_stops_it() -> None:
    with serve_app(_hello) as url:
        assert httpx.get(url + "/anything").text == "hello"
    with pytest.raises(httpx.TransportError):
        httpx.get(url + "/anything", timeout=2)
