"""Assembling the ASGI app: store, migrations, docs, access log, the realtime socket, CORS (uvicorn's factory entry point)."""

from __future__ import annotations

import gc

from liveavatar_server._access import AccessLog
from liveavatar_server._app import ASGIApp, ReferenceServer
from liveavatar_server._cors import CORS
from liveavatar_server._migrate import upgrade
from liveavatar_server._realtime import RealtimeSockets
from liveavatar_server._settings import Settings
from liveavatar_server._store import Store


def build_app(store: Store) -> ASGIApp:
    """The full application over an already migrated ``store``."""
    return assemble(store)[0]


def assemble(store: Store) -> tuple[ASGIApp, ReferenceServer]:
    """The full application and the reference server inside it (the testing mode resets it)."""
    from liveavatar_server._docs import docs_routes

    server = ReferenceServer(store, extra_routes=docs_routes())
    app = CORS(RealtimeSockets(AccessLog(server), store), store.settings.realtime.cors_origins)
    return app, server


def create_app(settings: Settings | None = None) -> ASGIApp:
    """Settings from the environment, migrations applied, ready to serve (`uvicorn --factory`)."""
    store = Store(settings or Settings.from_environment())
    upgrade(store.engine)
    app = build_app(store)
    # Everything built so far lives as long as the process: keep the collector off it, so
    # full collections stay short while serving.
    gc.collect()
    gc.freeze()
    return app
