"""The effective spec as the server reads it: operations, parameters and their pydantic models."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from importlib import resources
from typing import Any, cast

import liveavatar_models
from liveavatar_models.spec_walk import operations as walk_operations
from liveavatar_models.spec_walk import resolve
from pydantic import BaseModel

SPEC_RESOURCE = "openapi.effective.json"

JSONObject = dict[str, Any]


class SpecError(Exception):
    """The spec names something the server cannot serve (a model that was never generated)."""


@dataclass(frozen=True)
class Parameter:
    """One declared parameter: where it travels, its name, whether it is required, its schema."""

    name: str
    location: str
    required: bool
    schema: JSONObject


@dataclass(frozen=True)
class Operation:
    """One (method, path) of the spec with everything the dispatcher needs to serve it."""

    operation_id: str
    method: str
    path: str
    parameters: tuple[Parameter, ...]
    security: tuple[str, ...]  # every scheme any requirement names
    body_model: type[BaseModel] | None
    body_required: bool
    body_schema: JSONObject | None
    response_model: type[BaseModel] | None
    # The spec's `security`: alternatives (OR), each a set of schemes (AND); () needs none.
    requirements: tuple[frozenset[str], ...] = ()


def load_spec_text() -> str:
    """The effective spec shipped inside `liveavatar_models` by `make generate`."""
    return resources.files(liveavatar_models).joinpath(SPEC_RESOURCE).read_text(encoding="utf-8")


def load_spec() -> JSONObject:
    return cast(JSONObject, json.loads(load_spec_text()))


def model_class_name(schema_name: str) -> str:
    """datamodel-codegen's class name for a components/schemas key (`Response_list_X__` -> `ResponseListX`)."""
    parts = [part for part in re.split(r"[^0-9A-Za-z]+", schema_name) if part]
    return "".join(part[0].upper() + part[1:] for part in parts)


def resolve_model(ref: str) -> type[BaseModel]:
    """The generated pydantic model for a `#/components/schemas/Name` reference."""
    name = ref.rsplit("/", 1)[-1]
    model = getattr(liveavatar_models, model_class_name(name), None)
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise SpecError(f"no generated model for {ref!r}: run `make generate`")
    return model


def inline_refs(spec: JSONObject, schema: Any, depth: int = 0) -> Any:
    """``schema`` with every local `$ref` replaced by its target (parameters' schemas are small)."""
    if depth > 16:
        return schema
    if isinstance(schema, dict):
        if "$ref" in schema:
            target = resolve(spec, schema)
            merged = {**target, **{k: v for k, v in schema.items() if k != "$ref"}}
            return inline_refs(spec, merged, depth + 1)
        return {key: inline_refs(spec, value, depth + 1) for key, value in schema.items()}
    if isinstance(schema, list):
        return [inline_refs(spec, item, depth + 1) for item in schema]
    return schema


def _json_body(content: JSONObject | None) -> JSONObject | None:
    if not content:
        return None
    media = content.get("application/json")
    return cast(JSONObject, media.get("schema")) if isinstance(media, dict) else None


def _requirements(spec: JSONObject, operation: JSONObject) -> tuple[frozenset[str], ...]:
    declared = operation.get("security", spec.get("security")) or []
    # An empty requirement (`{}`) makes the operation's auth optional: it needs nothing.
    if any(not requirement for requirement in declared):
        return ()
    return tuple(frozenset(requirement) for requirement in declared)


def _success(responses: JSONObject) -> JSONObject:
    """The operation's documented success response (the first 2xx; start answers 201)."""
    for status in sorted(responses):
        if status.startswith("2"):
            return cast(JSONObject, responses[status] or {})
    return {}


def operations(spec: JSONObject) -> list[Operation]:
    """Every operation of ``spec`` in document order."""
    found = []
    for method, path, raw in walk_operations(spec):
        shared = spec["paths"][path].get("parameters", [])
        params = tuple(
            Parameter(
                name=p["name"],
                location=p["in"],
                required=bool(p.get("required", p["in"] == "path")),
                schema=inline_refs(spec, p.get("schema", {})),
            )
            for p in (*shared, *raw.get("parameters", []))
        )
        body = raw.get("requestBody") or {}
        body_schema = _json_body(body.get("content"))
        success = _success(raw.get("responses", {}))
        response_schema = _json_body(success.get("content"))
        requirements = _requirements(spec, raw)
        found.append(
            Operation(
                operation_id=raw.get("operationId") or f"{method}_{path}",
                method=method.upper(),
                path=path,
                parameters=params,
                security=tuple(sorted(set().union(*requirements))),
                body_model=resolve_model(body_schema["$ref"])
                if body_schema and "$ref" in body_schema
                else None,
                body_required=bool(body.get("required", False)),
                body_schema=resolve(spec, body_schema) if body_schema else None,
                response_model=resolve_model(response_schema["$ref"])
                if response_schema and "$ref" in response_schema
                else None,
                requirements=requirements,
            )
        )
    return found
