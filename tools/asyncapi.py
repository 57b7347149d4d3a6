"""The realtime AsyncAPI document: validation, and its payload schemas as one JSON Schema.

`overrides/realtime.asyncapi.yaml` is checked against the AsyncAPI 3.0.0 JSON Schema vendored in
`tools/asyncapi_schema/` (from the npm package `@asyncapi/specs` 6.11.1, Apache-2.0), then its
`components.schemas` become the `$defs` of one JSON Schema document that datamodel-code-generator
reads. AsyncAPI's `discriminator` names a property; the JSON Schema handed on spells it the
OpenAPI way (`propertyName` and a `mapping` from each variant's `const`), which the generator
turns into a tagged union.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema_rs
import yaml

ROOT = Path(__file__).resolve().parent.parent
DOCUMENT = ROOT / "overrides" / "realtime.asyncapi.yaml"
ASYNCAPI_SCHEMA = Path(__file__).resolve().parent / "asyncapi_schema" / "3.0.0.json"

__all__ = ["AsyncAPIError", "client_facts", "load", "payload_schema", "validate"]


class AsyncAPIError(Exception):
    """The document is not valid AsyncAPI 3.0, or its schemas cannot become models."""


def load(path: Path = DOCUMENT) -> dict[str, Any]:
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(document, dict):
        raise AsyncAPIError(f"{path.name}: not a YAML mapping")
    return document


def validate(document: dict[str, Any]) -> None:
    """Raise AsyncAPIError naming every place where ``document`` breaks AsyncAPI 3.0.0."""
    schema = json.loads(ASYNCAPI_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema_rs.Draft7Validator(schema)
    errors = list(validator.iter_errors(document))
    if errors:
        lines = [
            f"  at {'/'.join(str(p) for p in e.instance_path) or '(root)'}: {e.message[:300]}"
            for e in errors
        ]
        raise AsyncAPIError("not valid AsyncAPI 3.0.0:\n" + "\n".join(lines))


def _local(ref: str) -> str:
    prefix = "#/components/schemas/"
    if not ref.startswith(prefix):
        raise AsyncAPIError(f"only local schema references are supported, not {ref!r}")
    return ref.removeprefix(prefix)


def _rewrite(node: Any, schemas: dict[str, Any]) -> Any:
    """``node`` with `$ref`s into `$defs` and AsyncAPI discriminators spelled the OpenAPI way."""
    if isinstance(node, list):
        return [_rewrite(item, schemas) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _rewrite(value, schemas) for key, value in node.items()}
    if "$ref" in node:
        out["$ref"] = f"#/$defs/{_local(node['$ref'])}"
    discriminator = node.get("discriminator")
    if isinstance(discriminator, str):
        mapping: dict[str, str] = {}
        for variant in node.get("oneOf", []):
            name = _local(variant["$ref"])
            const = schemas[name].get("properties", {}).get(discriminator, {}).get("const")
            if not isinstance(const, str):
                raise AsyncAPIError(f"{name} has no const {discriminator!r} to discriminate by")
            mapping[const] = f"#/$defs/{name}"
        out["discriminator"] = {"propertyName": discriminator, "mapping": mapping}
    return out


def payload_schema(document: dict[str, Any]) -> dict[str, Any]:
    """One JSON Schema (2020-12) whose `$defs` are the document's `components.schemas`."""
    schemas = document.get("components", {}).get("schemas", {})
    if not schemas:
        raise AsyncAPIError("components.schemas is empty: no payloads to generate models from")
    for union in ("Command", "Event"):
        if union not in schemas:
            raise AsyncAPIError(f"components.schemas needs {union}, the union of its frames")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "RealtimeFrame",
        "description": "Any frame of the socket: a command or an event.",
        "anyOf": [{"$ref": "#/$defs/Command"}, {"$ref": "#/$defs/Event"}],
        "$defs": {name: _rewrite(schema, schemas) for name, schema in schemas.items()},
    }


def _python_type(schema: dict[str, Any], schemas: dict[str, Any]) -> str:
    """The plain Python type (no pydantic) the client gives a payload property."""
    if "$ref" in schema:
        schema = schemas[_local(schema["$ref"])]
    kind = schema.get("type")
    kinds = kind if isinstance(kind, list) else [kind]
    names = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
    base = next((names[k] for k in kinds if k in names), "dict[str, Any]")
    if "object" in kinds:
        base = "dict[str, Any]"
    return f"{base} | None" if "null" in kinds else base


def client_facts(document: dict[str, Any]) -> dict[str, Any]:
    """What the client's generated `liveavatar_api/realtime.py` states about each frame.

    ``commands`` and ``events``: per message of the `receive` / `send` operations, its wire
    `type`, a class name and its fields (name, Python type, required); ``limits``: `maxLength`
    of every string field that has one, by frame type and field; ``close_codes``.
    """
    schemas = document["components"]["schemas"]
    messages = document["components"]["messages"]
    out: dict[str, Any] = {"commands": [], "events": [], "limits": {}, "close_codes": {}}
    for operation in document["operations"].values():
        kind = "commands" if operation["action"] == "receive" else "events"
        for ref in operation["messages"]:
            key = ref["$ref"].rsplit("/", 1)[-1]
            name = _local(messages[key]["payload"]["$ref"])
            schema = schemas[name]
            required = set(schema.get("required", []))
            fields = []
            for field, prop in schema["properties"].items():
                if field == "type":
                    continue
                fields.append(
                    {
                        "name": field,
                        "type": _python_type(prop, schemas),
                        "required": field in required,
                    }
                )
                if kind == "commands" and "maxLength" in prop and prop.get("type") == "string":
                    out["limits"].setdefault(schema["properties"]["type"]["const"], {})[field] = (
                        prop["maxLength"]
                    )
            out[kind].append(
                {
                    "class_name": name,
                    "type": schema["properties"]["type"]["const"],
                    "summary": messages[key].get("summary", ""),
                    "fields": sorted(fields, key=lambda f: not f["required"]),
                }
            )
    codes = document["info"].get("x-close-codes", {})
    # As Python literals: the template writes them into source.
    out["close_codes"] = {int(code): repr(str(text)) for code, text in codes.items()}
    return out
