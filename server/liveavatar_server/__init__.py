"""Reference server for the LiveAvatar API, routed from the effective spec (`liveavatar[server]`).

The names below load on first use (PEP 562): the `liveavatar-server` script imports this
package before it can tell a client-only install to add the server extra.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from liveavatar_server._app import ReferenceServer
    from liveavatar_server._asgi import build_app, create_app
    from liveavatar_server._settings import Settings
    from liveavatar_server._store import Store

__all__ = ["ReferenceServer", "Settings", "Store", "build_app", "create_app"]

_HOMES = {
    "ReferenceServer": "liveavatar_server._app",
    "Settings": "liveavatar_server._settings",
    "Store": "liveavatar_server._store",
    "build_app": "liveavatar_server._asgi",
    "create_app": "liveavatar_server._asgi",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'liveavatar_server' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
