"""The resource model the suite judges by, read from the spec's `x-liveavatar-model`.

`make generate` derives the model once (collections, operations by role, schemas and shapes per
role, fields with writable/read-only/sealed/default/reference, list shape, restricted delete,
referrers) into the effective spec; this module only reads it and ties it to the spec's
operations. A spec without the model has no resources here.
"""

from __future__ import annotations

import builtins
import re
from dataclasses import dataclass, field
from typing import Any

from liveavatar_contract._spec import Operation, operations, resolve

MODEL_KEY = "x-liveavatar-model"
NEWEST_FIRST = re.compile(r"newest first", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a resource, as the model describes it."""

    name: str
    type: str
    writable: bool
    read_only: bool
    sealed: bool  # written, never read back (a secret's value)
    default: Any
    reference: str | None  # the resource an `<x>_id` names
    required_on_create: bool


@dataclass(frozen=True, slots=True)
class Resource:
    """A collection/item resource: its operations by role and what the model says of it."""

    name: str
    collection: str
    item: str
    create: Operation | None
    list: Operation | None
    get: Operation | None
    update: Operation | None
    delete: Operation | None
    fields: dict[str, Field] = field(default_factory=dict)
    shapes: dict[str, dict[str, builtins.list[str]]] = field(default_factory=dict)
    list_shape: dict[str, Any] = field(default_factory=dict)
    restrict_delete: bool = False
    referenced_by: tuple[str, ...] = ()

    @property
    def newest_first(self) -> bool:
        """Whether the list's description promises newest-first ordering."""
        return self.list is not None and bool(
            NEWEST_FIRST.search(self.list.raw.get("description", ""))
        )

    @property
    def paginated(self) -> bool:
        return bool(self.list_shape.get("paginated"))

    @property
    def items_key(self) -> str | None:
        """Where a paginated list's page holds its items (`results`), None for a plain array."""
        return self.list_shape.get("items") if self.paginated else None

    def writable(self, role: str) -> builtins.list[str]:
        """The fields a body of `role` (create, update) may carry, in schema order."""
        return [
            name
            for name in self.shapes.get(role, {}).get("properties", [])
            if name in self.fields and self.fields[name].writable
        ]

    def required(self, role: str) -> builtins.list[str]:
        return list(self.shapes.get(role, {}).get("required", []))

    def item_path(self, object_id: str) -> str:
        return re.sub(r"\{[^}/]+\}$", object_id, self.item)


def model(spec: dict[str, Any]) -> dict[str, Any]:
    found = spec.get(MODEL_KEY, {})
    return found if isinstance(found, dict) else {}


def resources(spec: dict[str, Any]) -> list[Resource]:
    """Every resource of the model, in document order, bound to the spec's operations."""
    by_id = {operation.operation_id: operation for operation in operations(spec)}
    found = []
    for name, raw in model(spec).get("resources", {}).items():
        roles = raw.get("operations", {})
        found.append(
            Resource(
                name=name,
                collection=raw["collection"],
                item=raw["item"],
                create=by_id.get(roles.get("create", "")),
                list=by_id.get(roles.get("list", "")),
                get=by_id.get(roles.get("get", "")),
                update=by_id.get(roles.get("update", "")),
                delete=by_id.get(roles.get("delete", "")),
                fields={
                    field_name: Field(
                        name=field_name,
                        type=str(entry.get("type", "any")),
                        writable=bool(entry.get("writable")),
                        read_only=bool(entry.get("read_only")),
                        sealed=bool(entry.get("sealed")),
                        default=entry.get("default"),
                        reference=entry.get("reference"),
                        required_on_create=bool(entry.get("required_on_create")),
                    )
                    for field_name, entry in raw.get("fields", {}).items()
                },
                shapes=raw.get("shapes", {}),
                list_shape=raw.get("list", {}),
                restrict_delete=bool(raw.get("restrict_delete")),
                referenced_by=tuple(raw.get("referenced_by", ())),
            )
        )
    return found


def body_schema(spec: dict[str, Any], operation: Operation | None) -> dict[str, Any]:
    """The JSON request body schema of an operation (resolved), `{}` when it takes none."""
    if operation is None:
        return {}
    content = operation.raw.get("requestBody", {}).get("content", {}).get("application/json", {})
    schema = resolve(spec, content.get("schema", {}))
    return schema if isinstance(schema, dict) else {}


def property_schema(spec: dict[str, Any], schema: dict[str, Any], name: str) -> dict[str, Any]:
    """A property's schema with `$ref`s followed and a nullable `anyOf: [X, null]` unwrapped."""
    node = resolve(spec, schema.get("properties", {}).get(name, {}))
    if isinstance(node, dict) and "anyOf" in node:
        options = [resolve(spec, o) for o in node["anyOf"]]
        options = [o for o in options if isinstance(o, dict) and o.get("type") != "null"]
        if len(options) == 1:
            return {**{k: v for k, v in node.items() if k != "anyOf"}, **options[0]}
    return node if isinstance(node, dict) else {}
