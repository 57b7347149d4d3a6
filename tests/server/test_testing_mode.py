"""`liveavatar_server.testing`: a fresh served database with two spaces, keys and credits."""

from __future__ import annotations

import contextlib
from pathlib import Path

import httpx
import pytest
from liveavatar_server import Settings, Store
from liveavatar_server._migrate import current_revision, head_revision, reset_database, upgrade
from liveavatar_server.testing import LocalServer, serve, serve_app
from liveavatar_server.testing import liveavatar_server as liveavatar_server  # the fixture

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
