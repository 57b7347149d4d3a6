"""Valid values from the spec's own schemas: request bodies, parameters and success payloads.

`example(schema, spec)` builds the smallest value a strict validator accepts, plus every
optional property (to a bounded depth), so a body exercises all of its fields. Deterministic:
the same schema always gives the same value.
"""

from __future__ import annotations

from typing import Any

from liveavatar_models.spec_walk import resolve

__all__ = ["example"]

UUID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
DATE_TIME = "2026-01-01T00:00:00+00:00"
MAX_DEPTH = 6


def _string(schema: dict[str, Any]) -> str:
    fmt = schema.get("format")
    if fmt == "uuid":
        return UUID
    if fmt == "date-time":
        return DATE_TIME
    if fmt == "date":
        return DATE_TIME[:10]
    if fmt in ("uri", "url"):
        return "https://example.test/x"
    if fmt == "email":
        return "user@example.test"
    text = "example"
    low = int(schema.get("minLength", 1))
    high = int(schema.get("maxLength", max(low, len(text))))
    return (text * (low // len(text) + 1))[: max(low, min(len(text), high))]


def _number(schema: dict[str, Any], integer: bool) -> int | float:
    low = schema.get("minimum", schema.get("exclusiveMinimum", 0))
    value: int | float = low + 1 if "exclusiveMinimum" in schema else low
    value = max(value, 1)
    if "maximum" in schema:
        value = min(value, schema["maximum"])
    return int(value) if integer else float(value)


def example(schema: dict[str, Any], spec: dict[str, Any], depth: int = 0) -> Any:
    """A value valid against ``schema`` (see the module docstring)."""
    schema = resolve(spec, schema)
    if "const" in schema:
        return schema["const"]
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("oneOf", "anyOf"):
        if key in schema:
            options = [s for s in schema[key] if resolve(spec, s).get("type") != "null"]
            return example(options[0], spec, depth) if options else None
    if "allOf" in schema:
        merged: dict[str, Any] = {}
        for part in schema["allOf"]:
            value = example(part, spec, depth)
            if isinstance(value, dict):
                merged.update(value)
        return merged
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind == "string":
        return _string(schema)
    if kind == "integer":
        return _number(schema, integer=True)
    if kind == "number":
        return _number(schema, integer=False)
    if kind == "boolean":
        return True
    if kind == "array":
        count = max(1, int(schema.get("minItems", 1))) if depth < MAX_DEPTH else 0
        return [example(schema.get("items", {}), spec, depth + 1) for _ in range(count)]
    if kind == "object" or "properties" in schema:
        required = set(schema.get("required", []))
        return {
            name: example(prop, spec, depth + 1)
            for name, prop in schema.get("properties", {}).items()
            if name in required or depth < MAX_DEPTH
        }
    return "example"  # an untyped schema accepts anything
