"""Fixtures: a migrated store on SQLite and on PostgreSQL, and the real app served on loopback."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from cryptography.fernet import Fernet
from liveavatar_server import Settings, Store, build_app
from liveavatar_server._clock import MovableClock
from liveavatar_server._migrate import upgrade
from liveavatar_server.testing import serve_app


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
        url = request.getfixturevalue("postgres_url")
    data_dir = tmp_path_factory.mktemp("data")
    made = make_store(data_dir, url, secret_key)
    yield made
    made.close()


@pytest.fixture(scope="module")
def base_url(store: Store) -> Iterator[str]:
    with serve_app(build_app(store)) as url:
        yield url


@dataclass
class Tenant:
    """A space with a key, and an HTTP client that sends it."""

    space_id: str
    key: str
    http: httpx.Client


def _tenant(store: Store, base_url: str, name: str) -> Iterator[Tenant]:
    space_id = store.create_space(name)
    key = store.create_api_key(space_id)
    with httpx.Client(base_url=base_url, headers={"X-API-KEY": key}, timeout=10) as http:
        yield Tenant(space_id, key, http)


@pytest.fixture
def tenant(store: Store, base_url: str) -> Iterator[Tenant]:
    yield from _tenant(store, base_url, "test")


@pytest.fixture
def other_tenant(store: Store, base_url: str) -> Iterator[Tenant]:
    yield from _tenant(store, base_url, "other")


@pytest.fixture
def clock(store: Store) -> MovableClock:
    """The store's clock, to move session deadlines."""
    assert isinstance(store.clock, MovableClock)
    return store.clock
