"""The fair FastAPI peer on SQLAlchemy's async engine (aiosqlite): `async def` path operations.

The same models, schemas, key check and answers as `bench.peers.fastapi_sqlalchemy` (whose
import creates and seeds the tables), an `AsyncSession` per request through the dependency,
WAL and `synchronous=NORMAL` on every connection. Run: `uvicorn
bench.peers.fastapi_sqlalchemy_async:app` with LIVEAVATAR_PEER_DB=path/to/peer.db.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException
from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from bench.peers.fastapi_sqlalchemy import (
    DATABASE_URL,
    ApiKey,
    Envelope,
    LLMConfiguration,
    LLMConfigurationCreate,
    LLMConfigurationOut,
    Secret,
    wal_pragmas,
)

engine = create_async_engine(DATABASE_URL.replace("sqlite://", "sqlite+aiosqlite://", 1))
event.listen(engine.sync_engine, "connect", wal_pragmas)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)

app = FastAPI()


async def get_db() -> AsyncIterator[AsyncSession]:
    async with SessionLocal() as db:
        yield db


async def current_space(
    x_api_key: Annotated[str, Header()], db: Annotated[AsyncSession, Depends(get_db)]
) -> str:
    api_key = await db.get(ApiKey, x_api_key)
    if api_key is None:
        raise HTTPException(status_code=401, detail="Invalid API key")
    return api_key.space_id


@app.post("/v1/llm-configurations", response_model=Envelope)
async def create_llm_configuration(
    config: LLMConfigurationCreate,
    space_id: Annotated[str, Depends(current_space)],
    db: Annotated[AsyncSession, Depends(get_db)],
) -> Envelope:
    secret = await db.get(Secret, config.secret_id)
    if secret is None or secret.space_id != space_id:
        raise HTTPException(status_code=400, detail="secret_id is not a secret of your space")
    now = datetime.now(UTC)
    row = LLMConfiguration(
        id=str(uuid.uuid4()),
        space_id=space_id,
        display_name=config.display_name,
        model_name=config.model_name,
        secret_id=config.secret_id,
        base_url=config.base_url or "https://api.openai.com",
        created_at=now,
        updated_at=now,
    )
    db.add(row)
    await db.commit()
    return Envelope(data=LLMConfigurationOut.model_validate(row), message="created")


@app.get("/v1/llm-configurations/{config_id}", response_model=Envelope)
async def get_llm_configuration(
    config_id: str,
    space_id: Annotated[str, Depends(current_space)],
    db: Annotated[AsyncSession, Depends(get_db)],
) -> Envelope:
    row = await db.get(LLMConfiguration, config_id)
    if row is None or row.space_id != space_id:
        raise HTTPException(status_code=404, detail="LLM configuration not found")
    return Envelope(data=LLMConfigurationOut.model_validate(row), message="retrieved")
