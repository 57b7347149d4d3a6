"""In-process mode for tests: a fresh database served on a free loopback port, two spaces ready.

```python
from liveavatar_server.testing import serve

with serve() as server:            # SQLite in a temporary directory, removed afterwards
    httpx.get(server.url + "/v1/secrets", headers={"X-API-KEY": server.spaces[0].api_key})
    server.clock.advance(600)     # every session deadline moves ten minutes closer
```

As a pytest fixture: `from liveavatar_server.testing import liveavatar_server` in a
`conftest.py` (or `pytest_plugins = ["liveavatar_server.testing"]`), then ask for
`liveavatar_server` in a test. `serve(database_url=...)` serves PostgreSQL instead (the
database should be empty); both spaces start with `credits` credits.
"""

from __future__ import annotations

import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import uvicorn

from liveavatar_server._asgi import build_app
from liveavatar_server._clock import MovableClock
from liveavatar_server._migrate import upgrade
from liveavatar_server._settings import Settings, sqlite_url
from liveavatar_server._store import Store

__all__ = ["LocalServer", "TestSpace", "liveavatar_server", "serve", "serve_app"]


@dataclass(frozen=True)
class TestSpace:
    """A space and an API key acting in it."""

    __test__ = False  # not a pytest test class

    space_id: str
    api_key: str

    def __repr__(self) -> str:
        return f"TestSpace(space_id={self.space_id!r}, api_key=<hidden>)"


@dataclass(frozen=True)
class LocalServer:
    """A served reference server: its URL, its store, its clock and two spaces."""

    url: str
    store: Store
    clock: MovableClock
    spaces: tuple[TestSpace, TestSpace]

    def new_space(self, name: str = "extra") -> TestSpace:
        """Another space (with the same starting credits) and a key."""
        space_id = self.store.create_space(name)
        return TestSpace(space_id, self.store.create_api_key(space_id))


@contextmanager
def serve(
    *, database_url: str | None = None, credits: float = 100, rate_limit: float = 0
) -> Iterator[LocalServer]:
    """A fresh, migrated database served by uvicorn in a thread on 127.0.0.1 (port from the OS)."""
    with tempfile.TemporaryDirectory(prefix="liveavatar-") as tmp:
        data_dir = Path(tmp)
        defaults = Settings.from_environment(data_dir=tmp)
        settings = Settings(
            data_dir=data_dir,
            database_url=database_url or sqlite_url(data_dir),
            rate_limit=rate_limit,
            sessions=replace(defaults.sessions, initial_credits=credits),
            realtime=defaults.realtime,
        )
        clock = MovableClock()
        store = Store(settings, clock=clock)
        upgrade(store.engine)
        spaces = []
        for name in ("space-a", "space-b"):
            space_id = store.create_space(name)  # with `credits` credits
            spaces.append(TestSpace(space_id, store.create_api_key(space_id)))
        try:
            with serve_app(build_app(store)) as url:
                yield LocalServer(url, store, clock, (spaces[0], spaces[1]))
        finally:
            store.close()


@contextmanager
def serve_app(
    app: Any,
    *,
    lifespan: Literal["auto", "on", "off"] = "off",
    log_level: str = "warning",
    **options: Any,
) -> Iterator[str]:
    """Any ASGI app served by uvicorn in a thread on 127.0.0.1 (port from the OS); its base URL.

    The one in-process starter: `serve()` uses it for the reference server, tests for apps of
    their own (a proxy, a variant). ``options`` go to `uvicorn.Config` (e.g. ``http="httptools"``).
    """
    config = uvicorn.Config(
        app, host="127.0.0.1", port=0, log_level=log_level, lifespan=lifespan, **options
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the app did not start on loopback")
            time.sleep(0.01)
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def _served() -> Iterator[LocalServer]:
    """A fresh reference server per test (SQLite), with two spaces and their keys."""
    with serve() as server:
        yield server


try:  # pytest is a test-time dependency, never the server's
    import pytest
except ImportError:  # pragma: no cover
    pass
else:
    liveavatar_server = pytest.fixture(name="liveavatar_server")(_served)
