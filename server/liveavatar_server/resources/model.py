"""The resource model as the server reads it: `x-liveavatar-model` of the effective spec.

`tools/resource_model.py` derives it from the paths and schemas at `make generate`; this
module only reads it into typed objects. Nothing here names a resource or a field.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MODEL_KEY = "x-liveavatar-model"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    writable: bool
    read_only: bool
    sealed: bool  # writeOnly / format: password: encrypted at rest, never answered
    required_on_create: bool
    default: Any  # what the server stores when a create leaves it out (x-default)
    reference: str | None  # the resource an `<x>_id` field names


@dataclass(frozen=True)
class Shape:
    properties: tuple[str, ...]
    required: tuple[str, ...]


@dataclass(frozen=True)
class Listing:
    paginated: bool
    items: str | None = None
    count: str | None = None
    next: str | None = None
    previous: str | None = None


@dataclass(frozen=True)
class Resource:
    name: str  # the client's resource name, `llm_configurations`
    kind: str  # one object of it, `llm_configuration`
    label: str  # `LLM configurations`
    singular: str  # `LLM configuration`
    id_parameter: str
    operations: dict[str, str]  # role (create, list, get, update, delete) -> operationId
    shapes: dict[str, Shape]  # role (create, created, update, read, list_item) -> its schema
    fields: dict[str, Field]
    listing: Listing
    restrict_delete: bool
    referenced_by: tuple[str, ...]

    @property
    def title(self) -> str:
        """The singular label with a capital first letter, for messages."""
        return self.singular[:1].upper() + self.singular[1:]

    def answer(self, role: str) -> Shape | None:
        """The shape an answer of ``role`` has (a list answers its items' shape)."""
        key = {"create": "created", "get": "read", "update": "read", "list": "list_item"}[role]
        return self.shapes.get(key)

    @property
    def references(self) -> dict[str, str]:
        return {f.name: f.reference for f in self.fields.values() if f.reference is not None}

    @property
    def sealed(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields.values() if f.sealed)


@dataclass(frozen=True)
class Model:
    resources: dict[str, Resource]

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> Model:
        raw = spec.get(MODEL_KEY, {}).get("resources", {})
        return cls({name: _resource(value) for name, value in raw.items()})

    def role_of(self, operation_id: str) -> tuple[Resource, str] | None:
        for resource in self.resources.values():
            for role, op_id in resource.operations.items():
                if op_id == operation_id:
                    return resource, role
        return None

    def by_kind(self, kind: str) -> Resource | None:
        return next((r for r in self.resources.values() if r.kind == kind), None)


def _resource(raw: dict[str, Any]) -> Resource:
    listing = raw.get("list", {})
    return Resource(
        name=raw["name"],
        kind=raw["kind"],
        label=raw["label"],
        singular=raw["singular"],
        id_parameter=raw["id_parameter"],
        operations=dict(raw["operations"]),
        shapes={
            role: Shape(tuple(shape["properties"]), tuple(shape["required"]))
            for role, shape in raw.get("shapes", {}).items()
        },
        fields={
            name: Field(
                name=name,
                type=f["type"],
                writable=f["writable"],
                read_only=f["read_only"],
                sealed=f["sealed"],
                required_on_create=f["required_on_create"],
                default=f["default"],
                reference=f["reference"],
            )
            for name, f in raw.get("fields", {}).items()
        },
        listing=Listing(
            paginated=bool(listing.get("paginated")),
            items=listing.get("items"),
            count=listing.get("count"),
            next=listing.get("next"),
            previous=listing.get("previous"),
        ),
        restrict_delete=bool(raw.get("restrict_delete")),
        referenced_by=tuple(raw.get("referenced_by", ())),
    )
