"""The create and get of LLM configurations as FastAPI's SQL tutorial teaches: ORM, get_db, sync.

Deliberately stock: SQLAlchemy ORM models, a `SessionLocal` per request through a `get_db`
dependency, `def` path operations (FastAPI runs them on its thread pool), pydantic schemas with
`from_attributes`, SQLite with the tutorial's `check_same_thread=False` and default journal
(every commit is durable). The API key is checked as the security tutorial does, with a header
dependency and a lookup. Run: `uvicorn bench.peers.fastapi_sqlalchemy:app` with
LIVEAVATAR_PEER_DB=path/to/peer.db.

LIVEAVATAR_PEER_JOURNAL=wal makes it the fair peer: what a team that cares does next, WAL and
`synchronous=NORMAL` on every connection (the durability of ours: a 200 survives kill -9).
`bench.peers.fastapi_sqlalchemy_async` is the same peer on SQLAlchemy's async engine.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, ConfigDict
from sqlalchemy import DateTime, ForeignKey, String, create_engine, event
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

DATABASE_URL = f"sqlite:///{os.environ.get('LIVEAVATAR_PEER_DB', 'peer.db')}"
PEER_API_KEY = os.environ.get("LIVEAVATAR_PEER_API_KEY", "bench-peer-key")
PEER_SECRET_ID = "00000000-0000-0000-0000-000000000000"  # noqa: S105 (an id, not a secret)

WAL = os.environ.get("LIVEAVATAR_PEER_JOURNAL", "") == "wal"


def wal_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL and synchronous=NORMAL on each new connection (the fair peer's only change)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


engine = create_engine(DATABASE_URL, connect_args={"check_same_thread": False})
if WAL:
    event.listen(engine, "connect", wal_pragmas)
SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=engine)


class Base(DeclarativeBase):
    pass


class ApiKey(Base):
    __tablename__ = "api_keys"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    space_id: Mapped[str] = mapped_column(String, index=True)


class Secret(Base):
    __tablename__ = "secrets"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    space_id: Mapped[str] = mapped_column(String, index=True)


class LLMConfiguration(Base):
    __tablename__ = "llm_configurations"
    id: Mapped[str] = mapped_column(String, primary_key=True)
    space_id: Mapped[str] = mapped_column(String, index=True)
    display_name: Mapped[str] = mapped_column(String)
    model_name: Mapped[str] = mapped_column(String)
    secret_id: Mapped[str] = mapped_column(ForeignKey("secrets.id"))
    base_url: Mapped[str] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class LLMConfigurationCreate(BaseModel):
    display_name: str
    model_name: str
    secret_id: str
    base_url: str | None = None


class LLMConfigurationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)
    id: str
    display_name: str
    model_name: str
    secret_id: str
    base_url: str
    created_at: datetime
    updated_at: datetime


class Envelope(BaseModel):
    code: int = 100
    data: LLMConfigurationOut
    message: str


Base.metadata.create_all(bind=engine)
with SessionLocal() as _db:
    if _db.get(ApiKey, PEER_API_KEY) is None:
        _db.add(ApiKey(key=PEER_API_KEY, space_id="space"))
        _db.add(Secret(id=PEER_SECRET_ID, space_id="space"))
        _db.commit()

app = FastAPI()


def get_db() -> Iterator[Session]:
    db = SessionLocal()
    try:
        yield db
    finally:
        db.close()


def current_space(
    x_api_key: Annotated[str, Header()], db: Annotated[Session, Depends(get_db)]
) -> str:
    api_key = db.get(ApiKey, x_api_key)
    if api_key is None:
        raise HTTPException(status_code=401, detail="Invalid API key")
    return api_key.space_id


@app.post("/v1/llm-configurations", response_model=Envelope)
def create_llm_configuration(
    config: LLMConfigurationCreate,
    space_id: Annotated[str, Depends(current_space)],
    db: Annotated[Session, Depends(get_db)],
) -> Envelope:
    secret = db.get(Secret, config.secret_id)
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
    db.commit()
    db.refresh(row)
    return Envelope(data=LLMConfigurationOut.model_validate(row), message="created")


@app.get("/v1/llm-configurations/{config_id}", response_model=Envelope)
def get_llm_configuration(
    config_id: str,
    space_id: Annotated[str, Depends(current_space)],
    db: Annotated[Session, Depends(get_db)],
) -> Envelope:
    row = db.get(LLMConfiguration, config_id)
    if row is None or row.space_id != space_id:
        raise HTTPException(status_code=404, detail="LLM configuration not found")
    return Envelope(data=LLMConfigurationOut.model_validate(row), message="retrieved")
