"""Memory: created from a FULL-mode session of the space, listed, read with episodes, deleted (204)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from liveavatar_server import ReferenceServer, Store
from liveavatar_server._handlers import implementation
from liveavatar_server._spec import load_spec
from liveavatar_server.resources import behaviours, build_engine
from liveavatar_server.resources.catalog import Memory
from liveavatar_server.testing import serve_app

from tests.server._catalog_fixtures import KnownSessions, ok, unknown_id


@pytest.fixture
def known_sessions() -> KnownSessions:
    return KnownSessions()


@pytest.fixture
def memory_url(store: Store, known_sessions: KnownSessions) -> Iterator[str]:
    """The server with memory reading sessions from ``known_sessions`` (the injected seam)."""
    engine = build_engine(
        load_spec(),
        implementation(),
        behaviour={**behaviours(), "memory": Memory(sessions=known_sessions)},
    )
    registered = engine.elsewhere
    assert registered is not None

    def sessions_too(store: Store, kind: str, space_id: str, ident: str) -> bool:
        if kind == "session":
            return known_sessions(store, space_id, ident) is not None
        return registered(store, kind, space_id, ident)

    engine.elsewhere = sessions_too
    with serve_app(ReferenceServer(store, engine=engine)) as url:
        yield url


@pytest.fixture
def client(store: Store, memory_url: str) -> Iterator[tuple[str, httpx.Client]]:
    space_id = store.create_space("memory")
    key = store.create_api_key(space_id)
    with httpx.Client(base_url=memory_url, headers={"X-API-KEY": key}, timeout=10) as http:
        yield space_id, http


def _create(http: httpx.Client, session_id: str) -> httpx.Response:
    return http.post("/v1/memory", json={"memory_type": "session", "session_id": session_id})


def test_a_memory_is_distilled_from_a_full_session(
    client: tuple[str, httpx.Client],
    known_sessions: KnownSessions,
) -> None:
    space_id, http = client
    session_id = known_sessions.add(
        space_id, "FULL", ("user", "I am learning Spanish."), ("avatar", "¡Muy bien!")
    )
    memory = ok(_create(http, session_id))
    assert memory["memory_type"] == "session"
    assert "I am learning Spanish." in memory["memory_content"]
    assert set(memory) == {"id", "memory_type", "memory_content", "created_at"}
    read = ok(http.get(f"/v1/memory/{memory['id']}"))
    assert read["memory_content"] == memory["memory_content"]
    assert read["created_at"] == memory["created_at"]
    [episode] = read["session_episodes"]
    assert (episode["session_id"], episode["sequence_num"]) == (session_id, 1)
    assert episode["summary"] == memory["memory_content"]
    # One memory per session: creating again answers the same memory.
    assert ok(_create(http, session_id))["id"] == memory["id"]


def test_only_full_sessions_of_the_space_make_memories(
    client: tuple[str, httpx.Client],
    known_sessions: KnownSessions,
    store: Store,
) -> None:
    space_id, http = client
    lite = _create(http, known_sessions.add(space_id, "LITE"))
    assert lite.status_code == 400
    assert lite.json()["code"] == 400
    unknown = _create(http, unknown_id())
    foreign = _create(http, known_sessions.add(store.create_space("elsewhere"), "FULL"))
    # A body's reference to an unknown id, or one of another space, is a bad request (400), as
    # for every other body reference; only a path's id is "not found".
    assert unknown.status_code == foreign.status_code == 400
    assert unknown.json() == foreign.json()
    assert _create(http, "not-a-uuid").status_code == 422
    assert (
        http.post(
            "/v1/memory", json={"memory_type": "long", "session_id": unknown_id()}
        ).status_code
        == 422
    )
    assert ok(http.get("/v1/memory"))["count"] == 0


def test_memories_list_newest_first_with_previews(
    client: tuple[str, httpx.Client],
    known_sessions: KnownSessions,
) -> None:
    space_id, http = client
    long_line = "word " * 100
    ids = [
        ok(_create(http, known_sessions.add(space_id, "FULL", ("user", long_line))))["id"]
        for _ in range(3)
    ]
    listed = ok(http.get("/v1/memory", params={"type": "session", "page_size": 2}))
    assert listed["count"] == 3
    assert [m["id"] for m in listed["results"]] == ids[::-1][:2]
    assert all(len(m["memory_content_preview"]) <= 200 for m in listed["results"])
    assert listed["next"].endswith("page=2")
    assert http.get("/v1/memory", params={"type": "episodic"}).status_code == 422


def test_delete_answers_204_with_no_body(
    client: tuple[str, httpx.Client],
    known_sessions: KnownSessions,
) -> None:
    space_id, http = client
    memory_id = ok(_create(http, known_sessions.add(space_id, "FULL")))["id"]
    deleted = http.delete(f"/v1/memory/{memory_id}")
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert "content-type" not in deleted.headers
    assert "content-length" not in deleted.headers
    assert http.get(f"/v1/memory/{memory_id}").status_code == 404
    again = http.delete(f"/v1/memory/{memory_id}")
    assert again.status_code == 404
    assert again.json() == {"code": 404, "data": None, "message": "Memory not found"}


def test_another_spaces_memory_answers_like_an_unknown_one(
    client: tuple[str, httpx.Client],
    known_sessions: KnownSessions,
    store: Store,
    memory_url: str,
) -> None:
    space_id, http = client
    memory_id = ok(_create(http, known_sessions.add(space_id, "FULL")))["id"]
    other = store.create_api_key(store.create_space("other"))
    with httpx.Client(base_url=memory_url, headers={"X-API-KEY": other}) as stranger:
        for method in ("GET", "DELETE"):
            foreign = stranger.request(method, f"/v1/memory/{memory_id}")
            unknown = stranger.request(method, f"/v1/memory/{unknown_id()}")
            assert foreign.status_code == 404
            assert foreign.json() == unknown.json()
        assert ok(stranger.get("/v1/memory"))["count"] == 0
    assert ok(http.get(f"/v1/memory/{memory_id}"))["id"] == memory_id


def test_without_the_sessions_seam_no_session_is_known(base_url: str, store: Store) -> None:
    key = store.create_api_key(store.create_space("plain"))
    body = {"memory_type": "session", "session_id": unknown_id()}
    response = httpx.post(f"{base_url}/v1/memory", json=body, headers={"X-API-KEY": key})
    assert response.status_code == 400
