"""Every derived resource served by one engine; behaviour the spec cannot tell, per resource.

`model` reads the resource model from the effective spec, `engine` executes it over the
`objects` table, and a module per resource that needs more holds only that behaviour
(`contexts`). Resources whose storage is their own (the catalog, memory, sessions) are
served by their handlers (`_handlers_catalog`, `_handlers_sessions`); the dispatcher sends
every operation a handler does not implement to the engine, and what neither serves is 501.
"""

from __future__ import annotations

from typing import Any

from liveavatar_server.resources.contexts import Contexts
from liveavatar_server.resources.engine import Behaviour, Call, ResourceEngine, stored_kinds
from liveavatar_server.resources.model import Model, Resource

__all__ = [
    "Behaviour",
    "Call",
    "Model",
    "Resource",
    "ResourceEngine",
    "build_engine",
    "stored_kinds",
]


def build_engine(spec: dict[str, Any]) -> ResourceEngine:
    """The engine for ``spec``'s resource model, with the behaviours of this server."""
    from liveavatar_server._references import references_exist

    return ResourceEngine(
        Model.from_spec(spec),
        behaviours={"contexts": Contexts()},
        elsewhere=lambda store, kind, space_id, ident: references_exist(
            store, space_id, kind, ident
        ),
    )
