"""Group commit: one COMMIT per event-loop turn, each request's writes in a SAVEPOINT (both backends)."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
from liveavatar_server import Store
from liveavatar_server._errors import ApiError
from liveavatar_server._prepared import GROUP_LIMIT, RetryAlone
from sqlalchemy import text
from sqlalchemy.engine import make_url

from tests.server._objects import create_configuration, create_secret, get, update
from tests.server.conftest import make_store

FIELDS = {"display_name": "c", "model_name": "gpt-4o-mini", "base_url": "https://x.test"}


def _committed_rows(store: Store) -> int:
    """Configurations another connection sees: only what is committed."""
    assert store.engine.url.database is not None
    with sqlite3.connect(store.engine.url.database) as other:
        (count,) = other.execute(
            "SELECT count(*) FROM objects WHERE kind = 'llm_configuration'"
        ).fetchone()
    return int(count)


def _delete_then_fail(store: Store, space: str, config_id: str) -> None:
    with store.cursor(write=True) as cursor:
        cursor.run(
            text("DELETE FROM objects WHERE id = :id AND space_id = :space"),
            {"id": config_id, "space": space},
        )
        raise RuntimeError("this request fails after its write")


def _first_write_of_a_turn(store: Store, space: str) -> tuple[Any, Any, asyncio.Future[None]]:
    """A secret and a configuration made in the running loop turn, and the commit they await."""
    secret = create_secret(store, space, "s", "OPENAI_API_KEY", "sk-x")
    first = create_configuration(store, space, {**FIELDS, "secret_id": secret["id"]})
    committed = store.committed()
    assert committed is not None
    return secret, first, committed


def test_writes_of_one_turn_commit_together_and_a_failed_one_alone(tmp_path: Path) -> None:
    store = make_store(tmp_path, None, None)
    space = store.create_space("group")

    async def one_turn() -> None:
        secret, first, committed = _first_write_of_a_turn(store, space)
        assert not committed.done()
        with pytest.raises(ApiError):
            create_configuration(store, space, {**FIELDS, "secret_id": "no-such-secret"})
        with pytest.raises(RuntimeError):
            _delete_then_fail(store, space, first["id"])
        create_configuration(store, space, {**FIELDS, "secret_id": secret["id"]})
        assert _committed_rows(store) == 0  # nobody may be answered yet
        await committed
        assert store.committed() is None

    asyncio.run(one_turn())
    assert _committed_rows(store) == 2  # the failed request's delete rolled back alone
    store.close()


def test_without_an_event_loop_each_write_commits_at_once(tmp_path: Path) -> None:
    store = make_store(tmp_path, None, None)
    space = store.create_space("plain")
    secret = create_secret(store, space, "s", "OPENAI_API_KEY", "sk-x")
    create_configuration(store, space, {**FIELDS, "secret_id": secret["id"]})
    assert store.committed() is None
    assert _committed_rows(store) == 1
    store.close()


def test_another_connection_of_the_thread_commits_the_group_first(tmp_path: Path) -> None:
    """A SQLAlchemy transaction (sessions, credits) must not wait on the open group's lock."""
    store = make_store(tmp_path, None, None)
    space = store.create_space("flush")

    async def one_turn() -> None:
        secret = create_secret(store, space, "s", "OPENAI_API_KEY", "sk-x")
        create_configuration(store, space, {**FIELDS, "secret_id": secret["id"]})
        committed = store.committed()
        assert committed is not None
        store.create_api_key(space)  # its own transaction: commits the group before it
        assert committed.done()
        assert _committed_rows(store) == 1

    asyncio.run(one_turn())
    store.close()


# --- PostgreSQL: the same group, an explicit BEGIN on an autocommit connection ----------------


@pytest.fixture
def pg_store(tmp_path: Path) -> Iterator[tuple[Store, str]]:
    from tests._support.postgres import scratch_database

    with scratch_database() as url:
        store = make_store(tmp_path, url, None)
        yield store, url
        store.close()


def _pg(url: str) -> psycopg.Connection[tuple[Any, ...]]:
    """Another connection to the store's schema (what another process sees)."""
    return psycopg.connect(make_url(url).set(drivername="postgresql").render_as_string(False))


def _pg_committed_rows(url: str) -> int:
    with _pg(url) as other:
        row = other.execute(
            "SELECT count(*) FROM objects WHERE kind = 'llm_configuration'"
        ).fetchone()
    assert row is not None
    return int(row[0])


@pytest.mark.postgres
def test_postgres_groups_a_turn_and_rolls_a_failed_request_back_alone(
    pg_store: tuple[Store, str],
) -> None:
    store, url = pg_store
    space = store.create_space("group")

    async def one_turn() -> None:
        secret, first, committed = _first_write_of_a_turn(store, space)
        with pytest.raises(ApiError):
            create_configuration(store, space, {**FIELDS, "secret_id": "no-such-secret"})
        with pytest.raises(RuntimeError):
            _delete_then_fail(store, space, first["id"])
        # A statement PostgreSQL itself refuses would abort the whole transaction without
        # the request's savepoint; with it, the group goes on.
        with pytest.raises(psycopg.Error), store.cursor(write=False) as cursor:
            cursor.one(text("SELECT 1 / 0"), {})
        create_configuration(store, space, {**FIELDS, "secret_id": secret["id"]})
        assert _pg_committed_rows(url) == 0  # nobody may be answered yet
        await committed
        assert store.committed() is None

    asyncio.run(one_turn())
    assert _pg_committed_rows(url) == 2


@pytest.mark.postgres
def test_postgres_a_request_failing_before_any_statement_undoes_nothing_of_the_others(
    pg_store: tuple[Store, str],
) -> None:
    # A request's savepoint is sent with its first statement: one that fails before running
    # any has none, and must not roll back to the savepoint of the request before it.
    store, url = pg_store
    space = store.create_space("group")

    async def one_turn() -> None:
        secret, first, committed = _first_write_of_a_turn(store, space)
        with pytest.raises(RuntimeError), store.cursor(write=True):
            raise RuntimeError("refused before touching the database")
        with pytest.raises(RuntimeError), store.cursor(write=False):
            raise RuntimeError("a read refused likewise")
        second = create_configuration(store, space, {**FIELDS, "secret_id": secret["id"]})
        await committed
        for made in (first, second):
            found = get(store, space, "llm_configurations", made["id"])
            assert found is not None
            assert found["display_name"] == "c"

    asyncio.run(one_turn())
    assert _pg_committed_rows(url) == 2


@pytest.mark.postgres
def test_postgres_group_commits_early_past_its_limit(pg_store: tuple[Store, str]) -> None:
    store, url = pg_store
    space = store.create_space("limit")

    async def one_turn() -> None:
        secret = create_secret(store, space, "s", "OPENAI_API_KEY", "sk-x")
        first = store.committed()
        for _ in range(GROUP_LIMIT):
            create_configuration(store, space, {**FIELDS, "secret_id": secret["id"]})
        assert first is not None
        assert first.done()  # the limit was reached: committed within the turn
        assert _pg_committed_rows(url) == GROUP_LIMIT - 1
        await asyncio.sleep(0)
        assert store.committed() is None

    asyncio.run(one_turn())
    assert _pg_committed_rows(url) == GROUP_LIMIT


@pytest.mark.postgres
def test_postgres_lock_held_elsewhere_retries_the_request_alone(
    pg_store: tuple[Store, str],
) -> None:
    """Another process's row lock: the grouped attempt gives up fast, the lone one waits it out."""
    store, url = pg_store
    space = store.create_space("locks")
    secret = create_secret(store, space, "s", "OPENAI_API_KEY", "sk-x")
    config = create_configuration(store, space, {**FIELDS, "secret_id": secret["id"]})
    other = _pg(url)
    other.execute("SELECT id FROM objects WHERE id = %s FOR UPDATE", (config["id"],))
    release = threading.Timer(0.5, other.commit)

    async def one_turn() -> None:
        create_configuration(store, space, {**FIELDS, "secret_id": secret["id"]})
        group = store.committed()
        assert group is not None
        started = time.monotonic()
        with pytest.raises(RetryAlone):
            update(store, space, "llm_configurations", config["id"], {"display_name": "renamed"})
        assert time.monotonic() - started < 0.4  # the group's short lock timeout
        release.start()
        store.alone()
        assert group.done()  # the group committed before the lone attempt
        try:
            updated = update(
                store, space, "llm_configurations", config["id"], {"display_name": "renamed"}
            )
        finally:
            store.grouped()
        assert updated is not None
        assert updated["display_name"] == "renamed"
        assert store.committed() is None  # committed on its own

    try:
        asyncio.run(one_turn())
    finally:
        release.cancel()
        other.close()
    assert get(store, space, "llm_configurations", config["id"])["display_name"] == "renamed"
    assert _pg_committed_rows(url) == 2


@pytest.mark.postgres
def test_a_request_that_meets_a_lock_held_elsewhere_still_answers_200(
    pg_store: tuple[Store, str],
) -> None:
    """Over HTTP: the server commits the group and runs the request again, alone."""
    from liveavatar_server import build_app
    from liveavatar_server.testing import serve_app

    store, url = pg_store
    space = store.create_space("http")
    key = store.create_api_key(space)
    secret = create_secret(store, space, "s", "OPENAI_API_KEY", "sk-x")
    config = create_configuration(store, space, {**FIELDS, "secret_id": secret["id"]})
    other = _pg(url)
    other.execute("SELECT id FROM objects WHERE id = %s FOR UPDATE", (config["id"],))
    release = threading.Timer(0.5, other.commit)
    try:
        with (
            serve_app(build_app(store)) as base_url,
            httpx.Client(base_url=base_url, headers={"X-API-KEY": key}, timeout=10) as http,
        ):
            release.start()
            response = http.patch(
                f"/v1/llm-configurations/{config['id']}", json={"display_name": "renamed"}
            )
            assert response.status_code == 200, response.text
            assert response.json()["data"]["display_name"] == "renamed"
            again = http.get(f"/v1/llm-configurations/{config['id']}")
            assert again.json()["data"]["display_name"] == "renamed"
    finally:
        release.cancel()
        other.close()
