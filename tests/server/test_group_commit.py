"""SQLite group commit: one COMMIT per event-loop turn, each request's writes in a SAVEPOINT."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest
from liveavatar_server import Store
from liveavatar_server._store import _DELETE_CONFIG, SecretNotInSpace

from tests.server.conftest import make_store

FIELDS = {"display_name": "c", "model_name": "gpt-4o-mini", "base_url": "https://x.test"}


def _committed_rows(store: Store) -> int:
    """Configurations another connection sees: only what is committed."""
    assert store.engine.url.database is not None
    with sqlite3.connect(store.engine.url.database) as other:
        (count,) = other.execute("SELECT count(*) FROM llm_configurations").fetchone()
    return int(count)


def _delete_then_fail(store: Store, space: str, config_id: str) -> None:
    with store.cursor(write=True) as cursor:
        cursor.run(_DELETE_CONFIG, {"config_id": config_id, "space_id": space})
        raise RuntimeError("this request fails after its write")


def test_writes_of_one_turn_commit_together_and_a_failed_one_alone(tmp_path: Path) -> None:
    store = make_store(tmp_path, None, None)
    space = store.create_space("group")

    async def one_turn() -> None:
        secret = store.create_secret(space, "s", "OPENAI_API_KEY", "sk-x")
        first = store.create_configuration(space, {**FIELDS, "secret_id": secret["id"]})
        committed = store.committed()
        assert committed is not None
        assert not committed.done()
        with pytest.raises(SecretNotInSpace):
            store.create_configuration(space, {**FIELDS, "secret_id": "no-such-secret"})
        with pytest.raises(RuntimeError):
            _delete_then_fail(store, space, first["id"])
        store.create_configuration(space, {**FIELDS, "secret_id": secret["id"]})
        assert _committed_rows(store) == 0  # nobody may be answered yet
        await committed
        assert store.committed() is None

    asyncio.run(one_turn())
    assert _committed_rows(store) == 2  # the failed request's delete rolled back alone
    store.close()


def test_without_an_event_loop_each_write_commits_at_once(tmp_path: Path) -> None:
    store = make_store(tmp_path, None, None)
    space = store.create_space("plain")
    secret = store.create_secret(space, "s", "OPENAI_API_KEY", "sk-x")
    store.create_configuration(space, {**FIELDS, "secret_id": secret["id"]})
    assert store.committed() is None
    assert _committed_rows(store) == 1
    store.close()


def test_another_connection_of_the_thread_commits_the_group_first(tmp_path: Path) -> None:
    """A SQLAlchemy transaction (sessions, credits) must not wait on the open group's lock."""
    store = make_store(tmp_path, None, None)
    space = store.create_space("flush")

    async def one_turn() -> None:
        secret = store.create_secret(space, "s", "OPENAI_API_KEY", "sk-x")
        store.create_configuration(space, {**FIELDS, "secret_id": secret["id"]})
        committed = store.committed()
        assert committed is not None
        store.create_space("another")  # its own transaction: commits the group before it
        assert committed.done()
        assert _committed_rows(store) == 1

    asyncio.run(one_turn())
    store.close()
