"""The paginated lists' counts come from trigger-kept counters: they always equal COUNT(*).

Checked on both backends after writes through the API (creates, deletes, soft deletes, session
state changes) and writes behind the server's back (SQL inserts, moves between spaces, deletes),
for every table the migration counts; and an upgrade counts the rows already there.
"""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from liveavatar_server import Store
from liveavatar_server._migrate import revision_module, upgrade
from sqlalchemy import Connection, text

from tests.server._catalog_fixtures import PUBLIC_AVATAR, ok, own_avatar
from tests.server.conftest import Tenant, make_store

MIGRATION = revision_module("0004_row_counts.py")
OBJECTS = revision_module("0006_objects.py")
CATALOG = revision_module("0007_catalog_objects.py")
# table -> the SQL of a row's counter name and of its partition (0004's tables, less those
# 0006 moved into `objects`, whose counters are named per kind).
COUNTED: dict[str, tuple[str, str]] = {
    table: (f"'{table}'", part.format(row=table))
    for table, (part, _) in MIGRATION.COUNTED.items()
    if table not in OBJECTS.MOVED and table not in CATALOG.MOVED
}
COUNTED["objects"] = (OBJECTS.COUNT_NAME.format(row="objects"), "objects.part")


def _drift(conn: Connection) -> dict[str, Any]:
    """Every (table, space, part) whose counter differs from COUNT(*) of its rows."""
    drift: dict[str, Any] = {}
    for table, (name, part) in COUNTED.items():
        actual = {
            (str(counter), space, str(kind)): int(n)
            for counter, space, kind, n in conn.execute(
                text(
                    f"SELECT {name}, COALESCE(space_id, ''), {part}, COUNT(*) "  # noqa: S608
                    f"FROM {table} GROUP BY 1, 2, 3"
                )
            )
        }
        pattern = "objects.%" if table == "objects" else table
        kept = {
            (counter, space, kind): int(n)
            for counter, space, kind, n in conn.execute(
                text(
                    "SELECT table_name, space_key, part, SUM(n) FROM row_counts "
                    "WHERE table_name LIKE :t GROUP BY table_name, space_key, part"
                ),
                {"t": pattern},
            )
            if int(n) != 0
        }
        if actual != kept:
            drift[table] = {"rows": actual, "counters": kept}
    return drift


def _sessions(tenant: Tenant, count: int) -> list[dict[str, str]]:
    """New sessions (state created): each one's session_id and session_token."""
    body = {"mode": "LITE", "avatar_id": PUBLIC_AVATAR, "is_sandbox": True}
    return [ok(tenant.http.post("/v1/sessions/token", json=body)) for _ in range(count)]


def test_counts_follow_writes_through_the_api(store: Store, tenant: Tenant) -> None:
    contexts = [
        ok(
            tenant.http.post(
                "/v1/contexts", json={"name": f"c{i}", "prompt": "p", "opening_text": "o"}
            )
        )["id"]
        for i in range(5)
    ]
    assert ok(tenant.http.delete(f"/v1/contexts/{contexts[0]}")) is None
    avatars = [own_avatar(store, tenant.space_id, f"a{i}") for i in range(3)]
    assert tenant.http.delete(f"/v1/avatars/{avatars[0]}").status_code == 200
    sessions = _sessions(tenant, 3)
    started = httpx.post(
        str(tenant.http.base_url.join("/v1/sessions/start")),
        headers={"Authorization": f"Bearer {sessions[0]['session_token']}"},
    )
    assert started.status_code == 201, started.text
    stopped = tenant.http.post("/v1/sessions/stop", json={"session_id": sessions[1]["session_id"]})
    assert stopped.status_code == 200, stopped.text

    with store.engine.connect() as conn:
        assert _drift(conn) == {}
    listed = ok(tenant.http.get("/v1/contexts", params={"page_size": 1}))
    assert listed["count"] == 4
    assert len(listed["results"]) == 1
    assert ok(tenant.http.get("/v1/avatars"))["count"] == 2
    assert ok(tenant.http.get("/v1/sessions", params={"type": "active"}))["count"] == 1
    assert ok(tenant.http.get("/v1/sessions", params={"type": "historic"}))["count"] == 1


def test_counts_follow_writes_behind_the_servers_back(
    store: Store, tenant: Tenant, other_tenant: Tenant
) -> None:
    for i in range(4):  # consecutive rows of one kind: `seq % 2` moves some of each
        ok(
            tenant.http.post(
                "/v1/contexts", json={"name": f"x{i}", "prompt": "p", "opening_text": "o"}
            )
        )
    for i in range(4):
        own_avatar(store, tenant.space_id, f"b{i}")
    _sessions(tenant, 2)
    before = ok(other_tenant.http.get("/v1/contexts"))["count"]
    with store.engine.begin() as conn:
        # Copies of the space's rows, then half of them moved to the other space, then deletes.
        for table in COUNTED:
            found = conn.execute(text(f"SELECT * FROM {table} LIMIT 0")).keys()  # noqa: S608
            columns = [name for name in found if name not in ("seq", "id", "token_hash")]
            listed = ", ".join(columns)
            extra = {"id": "md5(random()::text)", "token_hash": "md5(random()::text)"}
            if conn.dialect.name == "sqlite":
                extra = {"id": "lower(hex(randomblob(16)))", "token_hash": "hex(randomblob(32))"}
            names = ["id", *(["token_hash"] if table == "avatar_sessions" else []), *columns]
            values = [extra["id"], *([extra["token_hash"]] if table == "avatar_sessions" else [])]
            conn.execute(
                text(
                    f"INSERT INTO {table} ({', '.join(names)}) "  # noqa: S608
                    f"SELECT {', '.join(values)}, {listed} FROM {table} WHERE space_id = :s"
                ),
                {"s": tenant.space_id},
            )
            conn.execute(
                text(
                    f"UPDATE {table} SET space_id = :o WHERE space_id = :s "  # noqa: S608
                    f"AND seq % 2 = 0"
                ),
                {"s": tenant.space_id, "o": other_tenant.space_id},
            )
            conn.execute(
                text(f"DELETE FROM {table} WHERE space_id = :s AND seq % 3 = 0"),  # noqa: S608
                {"s": tenant.space_id},
            )
        assert _drift(conn) == {}
        moved = conn.execute(
            text("SELECT COUNT(*) FROM objects WHERE kind = 'context' AND space_id = :o"),
            {"o": other_tenant.space_id},
        ).scalar_one()
    assert ok(other_tenant.http.get("/v1/contexts"))["count"] == moved
    assert moved > before


def test_an_upgrade_counts_the_rows_already_there(tmp_path: Path) -> None:
    old = make_store(tmp_path, None, None, revision=MIGRATION.down_revision)
    try:
        space_id = old.create_space("before")
        with old.engine.begin() as conn:  # avatars as that release wrote them, in plain SQL
            for i in range(3):
                conn.execute(
                    text(
                        "INSERT INTO avatars (id, space_id, name, type, status, is_1080p,"
                        " created_at, updated_at) VALUES (:id, :s, :name, 'VIDEO', 'ACTIVE',"
                        " false, :t, :t)"
                    ),
                    {"id": str(uuid.uuid4()), "s": space_id, "name": f"kept{i}", "t": "2026-01-01"},
                )
        upgrade(old.engine)
        with old.engine.connect() as conn:
            assert _drift(conn) == {}
            counted = conn.execute(
                text(
                    "SELECT SUM(n) FROM row_counts WHERE table_name = 'objects.avatar' "
                    "AND space_key = :s"
                ),
                {"s": space_id},
            ).scalar_one()
        assert counted == 3
    finally:
        old.close()


@pytest.mark.postgres
def test_postgres_counts_one_transactions_writes_in_one_row(tmp_path: Path) -> None:
    """Migration 0005: a group's counter updates lock one row per counter, not up to 16."""
    from tests._support.postgres import scratch_database
    from tests.server._objects import create

    fields = {"name": "c", "prompt": "p", "opening_text": "o"}
    with scratch_database() as url:
        store = make_store(tmp_path, url, None)
        space = store.create_space("shards")

        async def one_turn() -> None:
            for _ in range(20):
                create(store, space, "contexts", fields)
            committed = store.committed()
            assert committed is not None
            await committed

        try:
            for turn in (1, 2):
                asyncio.run(one_turn())
                with store.engine.connect() as conn:
                    rows = conn.execute(
                        text(
                            "SELECT shard, n FROM row_counts "
                            "WHERE table_name = 'objects.context' AND space_key = :space"
                        ),
                        {"space": space},
                    ).all()
                assert len(rows) <= turn  # one row per transaction (two may share one)
                assert sum(n for _, n in rows) == 20 * turn
        finally:
            store.close()
