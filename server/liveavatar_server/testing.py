"""In-process mode for tests: a fresh database served on a free loopback port, two spaces ready.

```python
from liveavatar_server.testing import serve

with serve() as server:            # SQLite in a temporary directory, removed afterwards
    httpx.get(server.url + "/v1/secrets", headers={"X-API-KEY": server.spaces[0].api_key})
    server.clock.advance(600)     # every session deadline moves ten minutes closer
    server.reset()                # every table as serve() left it; the same two keys work
```

As a pytest fixture: `from liveavatar_server.testing import liveavatar_server` in a
`conftest.py` (or `pytest_plugins = ["liveavatar_server.testing"]`), then ask for
`liveavatar_server` in a test: one server per test session, reset in place before each test
that asks for it. `serve(database_url=...)` serves PostgreSQL instead (the database should be
empty; its reset needs a superuser); both spaces start with `credits` credits.

Fast by construction (figures in docs/server.md): SQLite databases are copied from a migrated
template kept in memory per process (migrating costs ~80 ms), uvicorn runs on a loop of our
own so the stop need not wait for its 0.1 s ticks, and `reset()` writes a copy of the
database as `serve()` left it back over the file with SQLite's backup API.
"""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

import uvicorn

from liveavatar_server._app import ASGIApp
from liveavatar_server._asgi import assemble
from liveavatar_server._clock import MovableClock
from liveavatar_server._migrate import upgrade
from liveavatar_server._pristine import Pristine, copy_database, in_memory, keep
from liveavatar_server._settings import Settings, sqlite_url
from liveavatar_server._store import Store
from liveavatar_server._throttle import RateLimiter

__all__ = ["LocalServer", "TestSpace", "liveavatar_server", "serve", "serve_app"]

# How long a stop waits for requests in flight (and sockets) before cancelling them.
_STOP_GRACE_S = 5.0


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
    _pristine: Pristine = field(repr=False, compare=False)
    _limiter: RateLimiter | None = field(default=None, repr=False, compare=False)

    def new_space(self, name: str = "extra") -> TestSpace:
        """Another space (with the same starting credits) and a key; `reset()` removes it."""
        space_id = self.store.create_space(name)
        return TestSpace(space_id, self.store.create_api_key(space_id))

    def reset(self) -> None:
        """Back to the state `serve()` started in, in place: same URL, same two spaces and keys.

        Every table as it was (the seeded catalog included, what tests made gone), the clock
        back to wall time, rate limits full. Call it while no request is in flight.
        """
        self._pristine.restore()
        self.clock.reset()
        if self._limiter is not None:
            self._limiter.reset()


# A freshly migrated SQLite database, in memory, once per process: copying it into a new file
# takes about a millisecond, running the migrations about 80.
_template: sqlite3.Connection | None = None
_template_lock = threading.Lock()


def _migrate(store: Store) -> None:
    global _template
    path = store.engine.url.database
    if store.engine.dialect.name != "sqlite" or not path:
        upgrade(store.engine)
        return
    with _template_lock:
        if _template is None:
            upgrade(store.engine)
            _template = in_memory(path)
        else:
            copy_database(_template, path)


class _Served:
    """uvicorn on a loop of its own in a thread; the stop skips `Server.shutdown`'s fixed pauses."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        lifespan: Literal["auto", "on", "off"] = "off",
        log_level: str = "warning",
        **options: Any,
    ) -> None:
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.bind(("127.0.0.1", 0))
        self.port: int = self._sock.getsockname()[1]
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level=log_level, lifespan=lifespan, **options
        )
        self._server = uvicorn.Server(config)
        self._ready = threading.Event()
        self._failure: BaseException | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True, name="liveavatar-server")

    def start(self) -> None:
        self._thread.start()
        if not self._ready.wait(20) or self._failure is not None:
            raise RuntimeError("the reference server did not start") from self._failure

    def stop(self) -> None:
        if self._loop is not None and self._stopping is not None:
            self._loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join(timeout=_STOP_GRACE_S + 5)
        self._sock.close()

    def _run(self) -> None:
        config = self._server.config
        try:
            config.load()
            self._server.lifespan = config.lifespan_class(config)
            with asyncio.Runner(loop_factory=config.get_loop_factory()) as runner:
                runner.run(self._serve())
        except BaseException as exc:  # reported to start(), which raises it
            self._failure = exc
            self._ready.set()

    async def _serve(self) -> None:
        self._loop = asyncio.get_running_loop()
        self._stopping = asyncio.Event()
        await self._server.startup(sockets=[self._sock])
        self._ready.set()
        await self._stopping.wait()
        await self._shutdown()

    async def _shutdown(self) -> None:
        # What uvicorn's own shutdown does, polling every millisecond instead of every 100.
        state = self._server.server_state
        for listener in self._server.servers:
            listener.close()
        for connection in list(state.connections):
            connection.shutdown()
        loop = asyncio.get_running_loop()
        deadline = loop.time() + _STOP_GRACE_S
        while (state.connections or state.tasks) and loop.time() < deadline:
            await asyncio.sleep(0.001)
        for task in list(state.tasks):
            task.cancel()
        for listener in self._server.servers:
            await listener.wait_closed()
        if self._server.config.lifespan != "off":
            await self._server.lifespan.shutdown()


@contextmanager
def serve(
    *, database_url: str | None = None, credits: float = 100, rate_limit: float = 0
) -> Iterator[LocalServer]:
    """A fresh, migrated database served by uvicorn in a thread on 127.0.0.1 (port from the OS)."""
    with tempfile.TemporaryDirectory(prefix="liveavatar-") as tmp, ExitStack() as stack:
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
        try:
            _migrate(store)
            spaces = []
            for name in ("space-a", "space-b"):
                space_id = store.create_space(name)  # with `credits` credits
                spaces.append(TestSpace(space_id, store.create_api_key(space_id)))
            pristine = keep(store.engine)
        except BaseException:
            store.close()
            raise
        # Closed after the store: the last connection to close a SQLite database checkpoints
        # it, and the kept state's connection does so without an fsync (it is thrown away).
        stack.callback(pristine.discard)
        stack.callback(store.close)
        app, reference = assemble(store)
        served = _Served(app)
        stack.callback(served.stop)
        served.start()  # what `serve_app` does, with the stop kept for the stack
        yield LocalServer(
            f"http://127.0.0.1:{served.port}",
            store,
            clock,
            (spaces[0], spaces[1]),
            pristine,
            reference.limiter,
        )


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
    served = _Served(app, lifespan=lifespan, log_level=log_level, **options)
    served.start()
    try:
        yield f"http://127.0.0.1:{served.port}"
    finally:
        served.stop()


try:  # pytest is a test-time dependency, never the server's
    import pytest
except ImportError:  # pragma: no cover
    pass
else:
    _SHARED = pytest.StashKey[LocalServer]()

    @pytest.fixture(name="liveavatar_server")
    def liveavatar_server(request: pytest.FixtureRequest) -> LocalServer:
        """The session's reference server (SQLite), reset to its fresh state for this test."""
        config = request.config
        server = config.stash.get(_SHARED, None)
        if server is None:  # the session's first: fresh already; stopped when pytest ends
            stack = ExitStack()
            server = stack.enter_context(serve())
            config.add_cleanup(stack.close)
            config.stash[_SHARED] = server
        else:
            server.reset()
        return server
