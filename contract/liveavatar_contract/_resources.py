"""Values for bodies of any schema: rich ones (a non-default value everywhere), read-back
comparison, required query strings and the `<entity>_id` names a body carries.

Which resources there are, and what their fields are, is the model's (`_model.py`), not this
module's: nothing here names or discovers a resource.
"""

from __future__ import annotations

import re
import uuid
from typing import Any
from urllib.parse import urlencode

from liveavatar_contract._spec import Operation, resolve

ODD_TEXT = "Schlüssel ✓ 秘密 🔑 \u00e9\u0301 <tag> ' \" \\ %s"
# An `<entity>_id` property names an object of another resource.
REFERENCE = re.compile(r"^[a-z][a-z0-9_]*_id$")


def _declared(spec: dict[str, Any], schema: Any) -> dict[str, Any]:
    """The properties a schema declares, its `anyOf`/`oneOf`/`allOf` options' included."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return {}
    found = dict(schema.get("properties", {}))
    for key in ("anyOf", "oneOf", "allOf"):
        for option in schema.get(key, ()):
            for name, prop in _declared(spec, option).items():
                found.setdefault(name, prop)
    return found


def _items(spec: dict[str, Any], schema: Any) -> Any:
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return {}
    if "items" in schema:
        return schema["items"]
    for key in ("anyOf", "oneOf"):
        for option in schema.get(key, ()):
            option = resolve(spec, option)
            if isinstance(option, dict) and "items" in option:
                return option["items"]
    return {}


def reads_back(spec: dict[str, Any], schema: Any, sent: Any, got: Any, *, top: bool = True) -> bool:
    """Whether ``got`` holds what was sent as ``schema`` says it: objects on the properties the
    schema declares (undeclared ones may be dropped), lists item by item, values exactly.

    A nested object's `id` is the server's to assign (a FastAPI model's `default_factory=uuid4`,
    or a link id kept only when it names an existing one), so it is not compared.
    """
    if isinstance(sent, dict):
        declared = _declared(spec, schema)
        return isinstance(got, dict) and all(
            reads_back(spec, declared[key], value, got.get(key), top=False)
            for key, value in sent.items()
            if key in declared and (top or key != "id")
        )
    if isinstance(sent, list):
        items = _items(spec, schema)
        return (
            isinstance(got, list)
            and len(got) == len(sent)
            and all(
                reads_back(spec, items, a, b, top=False) for a, b in zip(sent, got, strict=True)
            )
        )
    return bool(sent == got)


def required_query(spec: dict[str, Any], operation: Operation, **given: str) -> str:
    """A query string with ``given`` and a valid value for every other required query parameter.

    An enum takes its first member (a default when there is one), anything else a rich value, so
    a list whose spec requires a filter (`GET /v1/sessions?type=`) is still listed.
    """
    values = dict(given)
    for parameter in operation.raw.get("parameters", []):
        name = parameter.get("name")
        if parameter.get("in") != "query" or not parameter.get("required") or name in values:
            continue
        schema = resolve(spec, parameter.get("schema", {}))
        if isinstance(schema, dict) and "default" in schema:
            value: Any = schema["default"]
        elif isinstance(schema, dict) and schema.get("enum"):
            value = schema["enum"][0]
        else:
            value = rich_value(spec, schema, name, "query")
        values[name] = str(value).lower() if isinstance(value, bool) else str(value)
    return ("?" + urlencode(values)) if values else ""


def reference_fields(
    spec: dict[str, Any], node: Any, seen: frozenset[int] = frozenset()
) -> set[str]:
    """`<entity>_id` property names anywhere in a schema (nested objects, arrays, every option)."""
    node = resolve(spec, node)
    if not isinstance(node, dict) or id(node) in seen:
        return set()
    seen = seen | {id(node)}
    found = {name for name in node.get("properties", {}) if REFERENCE.match(name)}
    children = list(node.get("properties", {}).values())
    children += [node["items"]] if "items" in node else []
    for key in ("oneOf", "anyOf", "allOf"):
        children += list(node.get(key, ()))
    for child in children:
        found |= reference_fields(spec, child, seen)
    return found


def rich_value(spec: dict[str, Any], schema: Any, name: str, salt: str, depth: int = 0) -> Any:
    """A valid value differing from the schema's default (the last enum member, `true`, ...)."""
    schema = resolve(spec, schema)
    if not isinstance(schema, dict):
        return f"contract-{salt}"
    for key in ("anyOf", "oneOf"):
        if key in schema:
            options = [
                resolve(spec, o) for o in schema[key] if resolve(spec, o).get("type") != "null"
            ]
            if options:
                return rich_value(spec, options[0], name, salt, depth)
    if "enum" in schema:
        members = [m for m in schema["enum"] if m != schema.get("default")]
        return members[-1] if members else schema["enum"][0]
    kind = schema.get("type")
    if kind == "boolean":
        return not schema.get("default", False)
    if kind in {"integer", "number"}:
        low = schema.get("minimum", 1)
        high = schema.get("maximum", low + 7)
        value = min(high, low + 2)
        return value if value != schema.get("default") else low
    if kind == "array":
        return [rich_value(spec, schema.get("items", {}), name, salt, depth + 1)]
    if kind == "object" or "properties" in schema:
        return rich_body(spec, schema, salt, depth + 1)
    return rich_text(schema, name, salt)


def rich_text(schema: dict[str, Any], name: str, salt: str) -> str:
    if schema.get("format") == "uuid":
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"contract:{salt}:{name}"))
    if schema.get("format") == "uri" or name.endswith("url"):
        text = f"https://contract.example.test/{salt}/{name}"
    elif schema.get("format") == "date-time":
        text = "2026-01-02T03:04:05+00:00"
    else:
        # Non-ASCII, combining and markup-like text must round-trip verbatim.
        text = f"contract {salt} {name} {ODD_TEXT}"
    high = schema.get("maxLength")
    return text[:high] if high else text


def rich_body(spec: dict[str, Any], schema: Any, salt: str, depth: int = 0) -> dict[str, Any]:
    """Every property set (required or not), to a value that differs from its default."""
    schema = resolve(spec, schema)
    if depth > 3:
        return {}
    return {
        name: rich_value(spec, prop, name, salt, depth)
        for name, prop in schema.get("properties", {}).items()
        if not resolve(spec, prop).get("readOnly")
    }
