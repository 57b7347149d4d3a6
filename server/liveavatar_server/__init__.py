"""Reference server for the LiveAvatar API, routed from the effective spec (`liveavatar[server]`)."""

from __future__ import annotations

from liveavatar_server._app import ReferenceServer
from liveavatar_server._asgi import build_app, create_app
from liveavatar_server._settings import Settings
from liveavatar_server._store import Store

__all__ = ["ReferenceServer", "Settings", "Store", "build_app", "create_app"]
