"""Every derived resource served by one engine; behaviour the spec cannot tell, per resource.

`model` reads the resource model from the effective spec, `engine` executes it over the
`objects` table, and a module holds only the behaviour the spec cannot tell (`contexts`,
`catalog`: avatars, voices, memory). Sessions keep their own storage and handlers
(`_handlers_sessions`); operations the model gives no role (a public list, a voice import)
are handlers beside the engine (`_handlers_catalog`). The dispatcher sends every operation
a handler does not implement to the engine, and what neither serves is 501.
"""

from __future__ import annotations

from typing import Any

from liveavatar_models.server_stubs import (
    BINDINGS,
    Binding,
    Implementation,
    NotImplementedOperation,
)

from liveavatar_server.resources.catalog import Avatars, Memory, Voices
from liveavatar_server.resources.contexts import Contexts
from liveavatar_server.resources.engine import Behaviour, Call, ResourceEngine, stored_kinds
from liveavatar_server.resources.model import Model, Resource

__all__ = [
    "Behaviour",
    "Call",
    "Model",
    "Resource",
    "ResourceEngine",
    "behaviours",
    "build_engine",
    "stored_kinds",
]


def implemented(handlers: Implementation[Call], binding: Binding) -> bool:
    """Whether a handwritten class (not a generated stub) defines the binding's method."""
    handler = getattr(handlers, binding.resource, None)
    for cls in type(handler).__mro__:
        if binding.method in cls.__dict__:
            return cls.__module__ != NotImplementedOperation.__module__
    return False


def behaviours() -> dict[str, Behaviour]:
    """This server's behaviour per resource name (what the spec cannot tell)."""
    return {"contexts": Contexts(), "avatars": Avatars(), "voices": Voices(), "memory": Memory()}


def build_engine(
    spec: dict[str, Any],
    handlers: Implementation[Call],
    bindings: dict[str, Binding] | None = None,
    *,
    behaviour: dict[str, Behaviour] | None = None,
) -> ResourceEngine:
    """The engine for ``spec``'s resource model, with the behaviours of this server.

    A resource one of whose roles a handler implements (``handlers``: this server's are
    `_handlers.implementation()`) keeps its own storage: the engine neither stores nor
    serves it, and asks the handwritten checkers for its ids.
    """
    from liveavatar_server._references import references_exist

    bindings = BINDINGS if bindings is None else bindings
    model = Model.from_spec(spec)
    # A handler that serves one of a resource's roles owns its storage; other operations of
    # the resource (a public list, a voice import, a preview) may be handwritten beside it.
    handwritten = {
        found[0].name
        for operation_id, binding in bindings.items()
        if implemented(handlers, binding) and (found := model.role_of(operation_id)) is not None
    }
    return ResourceEngine(
        model,
        behaviours=behaviours() if behaviour is None else behaviour,
        elsewhere=lambda store, kind, space_id, ident: references_exist(
            store, space_id, kind, ident
        ),
        handwritten=frozenset(handwritten),
    )
