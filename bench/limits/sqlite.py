"""The limit on SQLite: the least a durable Python API does for a create and a get.

A bare ASGI app on the uvicorn settings of `liveavatar-server serve`, doing what ours must do
and nothing more: the API key is a dict lookup, the body is parsed (pydantic_core, as ours),
a create is one INSERT into a WAL database with `synchronous=NORMAL`, answered only after the
COMMIT of its event-loop turn (every create of a turn shares one transaction: group commit,
as ours), and a get reads one row by id and space. No validation, no envelope machinery, no
logging. Run: `uvicorn bench.limits.sqlite:app` with LIVEAVATAR_LIMIT_DB=path/to/limit.db.
"""

# ruff: noqa: S608  (the SQL is built from the constant COLUMNS, never from input)

from __future__ import annotations

import asyncio
import os
import sqlite3
import uuid
from datetime import UTC, datetime

import pydantic_core

from bench.limits._http import COLUMNS, http_app

__all__ = ["app"]

db = sqlite3.connect(
    os.environ.get("LIVEAVATAR_LIMIT_DB", "limit.db"), isolation_level=None, check_same_thread=False
)
db.execute("PRAGMA journal_mode=WAL")
db.execute("PRAGMA synchronous=NORMAL")
# The table ours writes has a primary key and a per-space index for its lists: so has this.
db.execute(
    "CREATE TABLE IF NOT EXISTS llm_configurations (id TEXT PRIMARY KEY, space_id TEXT NOT NULL, "
    "display_name TEXT, model_name TEXT, secret_id TEXT, base_url TEXT, created_at TEXT, "
    "updated_at TEXT)"
)
db.execute("CREATE INDEX IF NOT EXISTS ix_space ON llm_configurations (space_id, created_at)")
INSERT = f"INSERT INTO llm_configurations (space_id, {', '.join(COLUMNS)}) VALUES (?{', ?' * 7})"
SELECT = f"SELECT {', '.join(COLUMNS)} FROM llm_configurations WHERE id = ? AND space_id = ?"

# The open transaction of this loop turn: its commit, which every request in it awaits.
_group: asyncio.Future[None] | None = None


def _commit() -> None:
    global _group
    group, _group = _group, None
    if group is not None:
        db.execute("COMMIT")
        group.set_result(None)


def _joined() -> asyncio.Future[None]:
    """This turn's transaction, opened (and its commit scheduled for the next turn) if need be."""
    global _group
    if _group is None:
        loop = asyncio.get_running_loop()
        db.execute("BEGIN IMMEDIATE")
        _group = loop.create_future()
        loop.call_soon(_commit)
    return _group


async def _create(space: str, body: bytes) -> tuple[int, bytes]:
    data = pydantic_core.from_json(body)
    stamp = datetime.now(UTC).isoformat()
    row = {
        "id": str(uuid.uuid4()),
        "display_name": data["display_name"],
        "model_name": data["model_name"],
        "secret_id": data["secret_id"],
        "base_url": data.get("base_url") or "https://api.openai.com/v1",
        "created_at": stamp,
        "updated_at": stamp,
    }
    committed = _joined()
    db.execute(INSERT, (space, *(row[name] for name in COLUMNS)))
    await committed
    return 200, pydantic_core.to_json({"code": 100, "data": row, "message": "created"})


async def _get(space: str, config_id: str) -> tuple[int, bytes]:
    found = db.execute(SELECT, (config_id, space)).fetchone()
    if _group is not None:
        await _group  # it may have read this turn's uncommitted writes
    if found is None:
        return 404, b'{"code":404,"data":null,"message":"not found"}'
    data = dict(zip(COLUMNS, found, strict=True))
    return 200, pydantic_core.to_json({"code": 100, "data": data, "message": "ok"})


app = http_app(_create, _get)
