"""The one example generator: valid values from a spec's JSON schemas (bodies, parameters, replies).

Deterministic: the same schema always gives the same value. Enums and booleans take a value
other than the default (so a server that ignores the field is caught); `all_fields` adds every
optional, writable property, so a body or a reply exercises all of its fields.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from liveavatar_models.spec_walk import operations
from liveavatar_models.spec_walk import resolve_nullable as resolve

__all__ = [
    "SPEC",
    "UUID",
    "effective_spec",
    "example_body",
    "example_parameters",
    "example_value",
    "spec_operations",
]

SPEC = Path(__file__).resolve().parents[2] / "generated" / "openapi.effective.json"
JSON = Any
# Fixed, valid values per string format; none of them is a schema's usual default.
FORMATS = {
    "uuid": "3f0e9a52-6b8f-4c1e-9d2a-5b7c8e1f0a24",
    "date-time": "2031-05-17T08:30:00+00:00",
    "date": "2031-05-17",
    "time": "08:30:00",
    "email": "someone@example.com",
    "uri": "https://example.com/resource",
    "url": "https://example.com/resource",
    "password": "not-a-real-secret-0123",
}
UUID = FORMATS["uuid"]


@cache
def effective_spec(path: Path = SPEC) -> dict[str, Any]:
    """The effective spec the products are generated from (read once)."""
    spec: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return spec


def spec_operations(spec: dict[str, Any] | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """(method, path, operation) for every operation of ``spec`` (the effective one by default)."""
    return operations(spec if spec is not None else effective_spec())


def _string(schema: dict[str, Any], name: str) -> str:
    value = FORMATS.get(schema.get("format", ""), f"{name or 'value'}-example")
    low, high = schema.get("minLength", 0), schema.get("maxLength")
    if len(value) < low:
        value = value + "x" * (low - len(value))
    return value[:high] if high is not None else value


def _number(schema: dict[str, Any], integer: bool) -> int | float:
    low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
    high = schema.get("maximum", schema.get("exclusiveMaximum"))
    value = low + 1
    if high is not None and value >= high:
        value = schema.get("minimum", low)
    if "default" in schema and value == schema["default"] and (high is None or value + 1 < high):
        value += 1
    return int(value) if integer else float(value)


def _merged(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """An `allOf` folded into one object schema."""
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in schema["allOf"]:
        part = resolve(spec, part)
        merged.setdefault("properties", {}).update(part.get("properties", {}))
        merged["required"] = [*merged.get("required", []), *part.get("required", [])]
        merged.setdefault("type", part.get("type"))
    return merged


def example_value(
    spec: dict[str, Any], schema: JSON, name: str = "", *, all_fields: bool = False
) -> JSON:
    """A value valid for ``schema``; enums and booleans take a value other than the default."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return None
    if "allOf" in schema:
        schema = _merged(spec, schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        options = [v for v in schema["enum"] if v != schema.get("default")] or schema["enum"]
        return options[-1]
    for key in ("oneOf", "anyOf"):
        options = [o for o in schema.get(key, ()) if resolve(spec, o) != {"type": "null"}]
        if options:
            return example_value(spec, options[0], name, all_fields=all_fields)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind is None and "properties" in schema:
        kind = "object"
    if kind == "object":
        required = set(schema.get("required", ()))
        return {
            key: example_value(spec, sub, key, all_fields=all_fields)
            for key, sub in schema.get("properties", {}).items()
            if key in required
            or "const" in resolve(spec, sub)  # a discriminator: it picks the oneOf branch
            or (all_fields and not resolve(spec, sub).get("readOnly"))
        }
    if kind == "array":
        count = max(schema.get("minItems", 0), 1 if all_fields else 0)
        return [example_value(spec, schema.get("items", {}), name) for _ in range(count)]
    if kind == "boolean":
        return not schema.get("default", False)
    if kind in ("integer", "number"):
        return _number(schema, kind == "integer")
    if kind == "null":
        return None
    return _string(schema, name)


def example_body(
    spec: dict[str, Any],
    operation: dict[str, Any],
    overrides: dict[str, JSON] | None = None,
    *,
    all_fields: bool = False,
) -> JSON:
    """A valid JSON body for ``operation`` (None when it takes none); ``overrides`` win."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if content is None:
        return None
    body = example_value(spec, content.get("schema", {}), all_fields=all_fields)
    if isinstance(body, dict):
        body.update(overrides or {})
    return body


def example_parameters(
    spec: dict[str, Any], operation: dict[str, Any]
) -> dict[str, dict[str, JSON]]:
    """Valid values of the path parameters and the required query parameters, by location."""
    found: dict[str, dict[str, JSON]] = {}
    for parameter in operation.get("parameters", ()):
        parameter = resolve(spec, parameter)
        where = parameter.get("in")
        if where == "path" or (where == "query" and parameter.get("required")):
            value = example_value(spec, parameter.get("schema", {}), parameter["name"])
            found.setdefault(where, {})[parameter["name"]] = value
    return found
