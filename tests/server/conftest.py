"""Fixtures: a migrated store on SQLite and on PostgreSQL, and the real app served on loopback."""

from __future__ import annotations

import socket
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from cryptography.fernet import Fernet
from liveavatar_server import Settings, Store, build_app
from liveavatar_server._app import ASGIApp
from liveavatar_server._clock import MovableClock
from liveavatar_server._migrate import upgrade
from sqlalchemy import create_engine, text

POSTGRES_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def _postgres_reachable() -> str | None:
    try:
        with socket.create_connection(("127.0.0.1", 5432), timeout=1):
            pass
    except OSError as exc:
        return f"PostgreSQL at 127.0.0.1:5432 is unreachable ({exc})"
    try:
        engine = create_engine(POSTGRES_ADMIN_URL)
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        engine.dispose()
    except Exception as exc:  # any driver error means: skip, with the reason
        return f"PostgreSQL at {POSTGRES_ADMIN_URL} refused us ({type(exc).__name__})"
    return None


@contextmanager
def scratch_postgres_schema() -> Iterator[str]:
    """A PostgreSQL URL bound to a fresh schema, dropped on exit (skips when unreachable)."""
    reason = _postgres_reachable()
    if reason:
        pytest.skip(reason)
    schema = f"la_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield f"{POSTGRES_ADMIN_URL}?options=-csearch_path%3D{schema}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def postgres_schema() -> Iterator[str]:
    """A PostgreSQL URL bound to a fresh schema, dropped after the run (parallel runs never meet)."""
    with scratch_postgres_schema() as url:
        yield url


@pytest.fixture(scope="session")
def secret_key() -> str:
    return Fernet.generate_key().decode()


def make_store(
    data_dir: Path, url: str | None, secret_key: str | None, *, revision: str = "head"
) -> Store:
    settings = Settings(
        data_dir=data_dir,
        database_url=url or f"sqlite:///{data_dir / 'test.sqlite3'}",
        secret_key=secret_key,
    )
    # A clock tests can move (`store.clock.advance(seconds)`): session deadlines read it.
    store = Store(settings, clock=MovableClock())
    upgrade(store.engine, revision)
    return store


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def store(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, secret_key: str
) -> Iterator[Store]:
    """A migrated store; each backend once per test module."""
    url = None
    if request.param == "postgresql":
        url = request.getfixturevalue("postgres_schema")
    data_dir = tmp_path_factory.mktemp("data")
    made = make_store(data_dir, url, secret_key)
    yield made
    made.close()


class LiveServer:
    """uvicorn serving an ASGI app on 127.0.0.1, port chosen by the OS, in a thread."""

    def __init__(self, app: ASGIApp) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.01)
        port = self.server.servers[0].sockets[0].getsockname()[1]
        return f"http://127.0.0.1:{port}"

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(store: Store) -> Iterator[str]:
    with LiveServer(build_app(store)) as url:
        yield url


@dataclass
class Tenant:
    """A space with a key, and an HTTP client that sends it."""

    space_id: str
    key: str
    http: httpx.Client


@pytest.fixture
def tenant(store: Store, base_url: str) -> Iterator[Tenant]:
    space_id = store.create_space("test")
    key = store.create_api_key(space_id)
    with httpx.Client(base_url=base_url, headers={"X-API-KEY": key}, timeout=10) as http:
        yield Tenant(space_id, key, http)


@pytest.fixture
def other_tenant(store: Store, base_url: str) -> Iterator[Tenant]:
    space_id = store.create_space("other")
    key = store.create_api_key(space_id)
    with httpx.Client(base_url=base_url, headers={"X-API-KEY": key}, timeout=10) as http:
        yield Tenant(space_id, key, http)


@pytest.fixture
def clock(store: Store) -> MovableClock:
    """The store's clock, to move session deadlines."""
    assert isinstance(store.clock, MovableClock)
    return store.clock
