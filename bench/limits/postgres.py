"""The limit on PostgreSQL: the same work as `bench.limits.sqlite`, with psycopg's async driver.

Creates queue up; one writer task takes everything queued, sends it as one transaction in a
psycopg pipeline (BEGIN, one INSERT per create, COMMIT: `executemany` pipelines them), then
answers every create of the batch (group commit: a batch is whatever arrived while the last
one was in flight). Gets read by id and space on a small set of autocommit connections, one
query in flight on each. Run: `uvicorn bench.limits.postgres:app` with
LIVEAVATAR_LIMIT_DATABASE_URL=postgresql://USER@HOST:PORT/DATABASE.
"""

# ruff: noqa: S608  (the SQL is built from the constant COLUMNS, never from input)

from __future__ import annotations

import asyncio
import os
import uuid
from datetime import UTC, datetime
from typing import Any

import psycopg
import pydantic_core

from bench.limits._http import COLUMNS, http_app

__all__ = ["app"]

URL = os.environ.get("LIVEAVATAR_LIMIT_DATABASE_URL", "postgresql://postgres@127.0.0.1/test")
READERS = 8
INSERT = (
    f"INSERT INTO llm_configurations (space_id, {', '.join(COLUMNS)}) "
    f"VALUES (%s{', %s' * len(COLUMNS)})"
)
SELECT = f"SELECT {', '.join(COLUMNS)} FROM llm_configurations WHERE id = %s AND space_id = %s"


class _Database:
    """Connections opened on the first request (uvicorn's loop is not running at import)."""

    def __init__(self) -> None:
        self.ready: asyncio.Task[None] | None = None
        self.queue: list[tuple[tuple[Any, ...], asyncio.Future[None]]] = []
        self.wake = asyncio.Event()
        self.readers: asyncio.Queue[psycopg.AsyncConnection[Any]] = asyncio.Queue()

    async def _open(self) -> None:
        async with await psycopg.AsyncConnection.connect(URL, autocommit=True) as setup:
            await setup.execute(
                "CREATE TABLE IF NOT EXISTS llm_configurations (id TEXT PRIMARY KEY, "
                "space_id TEXT NOT NULL, display_name TEXT, model_name TEXT, secret_id TEXT, "
                "base_url TEXT, created_at TIMESTAMPTZ, updated_at TIMESTAMPTZ)"
            )
            await setup.execute(
                "CREATE INDEX IF NOT EXISTS ix_space ON llm_configurations (space_id, created_at)"
            )
        for _ in range(READERS):
            self.readers.put_nowait(await psycopg.AsyncConnection.connect(URL, autocommit=True))
        writer = await psycopg.AsyncConnection.connect(URL)
        self._writer = asyncio.get_running_loop().create_task(self._write(writer))

    async def opened(self) -> None:
        if self.ready is None:
            self.ready = asyncio.get_running_loop().create_task(self._open())
        await self.ready

    async def _write(self, conn: psycopg.AsyncConnection[Any]) -> None:
        while True:
            await self.wake.wait()
            self.wake.clear()
            batch, self.queue = self.queue, []
            try:
                async with conn.transaction(), conn.cursor() as cursor:
                    await cursor.executemany(INSERT, [row for row, _ in batch])
            except Exception as exc:
                for _, done in batch:
                    done.set_exception(exc)
            else:
                for _, done in batch:
                    done.set_result(None)

    async def insert(self, row: tuple[Any, ...]) -> None:
        done = asyncio.get_running_loop().create_future()
        self.queue.append((row, done))
        self.wake.set()
        await done

    async def select(self, config_id: str, space: str) -> tuple[Any, ...] | None:
        conn = await self.readers.get()
        try:
            cursor = await conn.execute(SELECT, (config_id, space))
            return await cursor.fetchone()
        finally:
            self.readers.put_nowait(conn)


_db = _Database()


async def _create(space: str, body: bytes) -> tuple[int, bytes]:
    await _db.opened()
    data = pydantic_core.from_json(body)
    stamp = datetime.now(UTC)
    row = {
        "id": str(uuid.uuid4()),
        "display_name": data["display_name"],
        "model_name": data["model_name"],
        "secret_id": data["secret_id"],
        "base_url": data.get("base_url") or "https://api.openai.com/v1",
        "created_at": stamp,
        "updated_at": stamp,
    }
    await _db.insert((space, *(row[name] for name in COLUMNS)))
    return 200, pydantic_core.to_json({"code": 100, "data": row, "message": "created"})


async def _get(space: str, config_id: str) -> tuple[int, bytes]:
    await _db.opened()
    found = await _db.select(config_id, space)
    if found is None:
        return 404, b'{"code":404,"data":null,"message":"not found"}'
    data = dict(zip(COLUMNS, found, strict=True))
    return 200, pydantic_core.to_json({"code": 100, "data": data, "message": "ok"})


app = http_app(_create, _get)
