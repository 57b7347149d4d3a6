"""The derived resources' objects made and read through the resource engine, in-process.

The store-level tests (group commit, row counts, secrets at rest) write objects inside one
event-loop turn, below HTTP; these helpers are the engine calls a request would make.
"""

from __future__ import annotations

from typing import Any

from liveavatar_models.server_stubs import BINDINGS
from liveavatar_server import Store
from liveavatar_server._handlers import implementation
from liveavatar_server._spec import load_spec
from liveavatar_server.resources import Call, Resource, ResourceEngine, build_engine
from pydantic import TypeAdapter

_ENGINE: ResourceEngine = build_engine(load_spec(), implementation())


def engine() -> ResourceEngine:
    return _ENGINE


def resource(name: str) -> Resource:
    return _ENGINE.model.resources[name]


def call(store: Store, space: str) -> Call:
    return Call(store=store, principal=None, space_id=space, url="http://test/", engine=_ENGINE)


def _body(name: str, role: str, fields: dict[str, Any]) -> Any:
    binding = BINDINGS[resource(name).operations[role]]
    return TypeAdapter(binding.body).validate_python(fields)


def create(store: Store, space: str, name: str, fields: dict[str, Any]) -> dict[str, Any]:
    return _ENGINE.create(resource(name), call(store, space), _body(name, "create", fields))


def update(
    store: Store, space: str, name: str, ident: str, fields: dict[str, Any]
) -> dict[str, Any]:
    return _ENGINE.update(resource(name), call(store, space), ident, _body(name, "update", fields))


def get(store: Store, space: str, name: str, ident: str) -> dict[str, Any]:
    return _ENGINE.get(resource(name), call(store, space), ident)


def delete(store: Store, space: str, name: str, ident: str) -> None:
    _ENGINE.delete(resource(name), call(store, space), ident)


def create_secret(
    store: Store, space: str, secret_name: str, secret_type: str, value: str
) -> dict[str, Any]:
    fields = {"secret_name": secret_name, "secret_type": secret_type, "secret_value": value}
    return create(store, space, "secrets", fields)


def create_configuration(store: Store, space: str, fields: dict[str, Any]) -> dict[str, Any]:
    return create(store, space, "llm_configurations", fields)


def reveal_secret(store: Store, space: str, ident: str) -> str | None:
    return _ENGINE.reveal(store, "secret", space, ident, "secret_value")
