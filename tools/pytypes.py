"""JSON Schema -> Python type expressions naming datamodel-code-generator's classes, for templates."""

from __future__ import annotations

import keyword
import re
from typing import Any

from spec_walk import resolve

JSONObject = dict[str, Any]
_SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
SUCCESS_STATUSES = ("200", "201", "202", "204")


def model_class_name(schema_name: str) -> str:
    """datamodel-codegen's class for a components/schemas key (`Response_list_X__` -> `ResponseListX`)."""
    parts = [part for part in re.split(r"[^0-9A-Za-z]+", schema_name) if part]
    return "".join(part[0].upper() + part[1:] for part in parts)


def identifier(name: str) -> str:
    """A wire name as a Python parameter name (`from` -> `from_`, `page-size` -> `page_size`)."""
    python = re.sub(r"\W", "_", name)
    if python[:1].isdigit():
        python = "_" + python
    return python + "_" if keyword.iskeyword(python) else python


def _union(members: list[str]) -> str:
    unique = list(dict.fromkeys(members))
    if "Any" in unique:
        return "Any"
    # None last, as people write it.
    unique.sort(key=lambda member: member == "None")
    return " | ".join(unique)


def python_type(schema: JSONObject, *, qualify: str = "") -> str:
    """The Python type of a schema; component classes are prefixed with ``qualify``."""
    ref = schema.get("$ref")
    if isinstance(ref, str):
        return qualify + model_class_name(ref.rsplit("/", 1)[-1])
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            return _union([python_type(s, qualify=qualify) for s in schema[combinator]])
    if "enum" in schema:
        return "Literal[" + ", ".join(repr(value) for value in schema["enum"]) + "]"
    kind = schema.get("type")
    if isinstance(kind, list):
        return _union([python_type({**schema, "type": k}, qualify=qualify) for k in kind])
    if kind == "array":
        return f"builtins.list[{python_type(schema.get('items', {}), qualify=qualify)}]"
    if kind == "object":
        return "builtins.dict[str, Any]"
    return _SCALARS.get(kind, "Any") if isinstance(kind, str) else "Any"


def without_none(type_expression: str) -> str:
    """`X | None` -> `X`: what a handler returns when the envelope allows a null `data`."""
    members = [m for m in type_expression.split(" | ") if m != "None"]
    return " | ".join(members) if members else "None"


def optional(type_expression: str) -> str:
    """`X` -> `X | None`, once."""
    return (
        type_expression if "None" in type_expression.split(" | ") else f"{type_expression} | None"
    )


def default_value(spec: JSONObject, schema: JSONObject, *, qualify: str = "") -> str:
    """A schema's default as Python source; a referenced enum's default is its member."""
    value = schema["default"]
    if "$ref" in schema and "enum" in resolve(spec, schema):
        return f"{python_type(schema, qualify=qualify)}({value!r})"
    return repr(value)


def success(spec: JSONObject, operation: JSONObject) -> tuple[int, JSONObject | None]:
    """The documented success status and its JSON schema (None for a bodiless 204)."""
    responses = operation.get("responses", {})
    for status in SUCCESS_STATUSES:
        if status in responses:
            content = responses[status].get("content", {}).get("application/json")
            return int(status), content.get("schema") if content else None
    return 200, None


def data_schema(spec: JSONObject, operation: JSONObject) -> JSONObject | None:
    """The schema of the envelope's `data` in the success response, if it has one."""
    _, envelope = success(spec, operation)
    if envelope is None:
        return None
    properties = resolve(spec, envelope).get("properties", {})
    data = properties.get("data")
    return data if isinstance(data, dict) else None


def body_schema(operation: JSONObject) -> JSONObject | None:
    """The JSON request body schema of an operation."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    return content.get("schema") if isinstance(content, dict) else None


def parameters(spec: JSONObject, path: str, operation: JSONObject) -> list[JSONObject]:
    """Path and query parameters (headers and cookies are the transport's), resolved."""
    shared = spec["paths"][path].get("parameters", [])
    found = [resolve(spec, p) for p in (*shared, *operation.get("parameters", []))]
    return [p for p in found if p.get("in") in ("path", "query")]


GLOBALS = {
    "python_type": python_type,
    "without_none": without_none,
    "optional": optional,
    "default_value": default_value,
    "identifier": identifier,
    "success": success,
    "data_schema": data_schema,
    "body_schema": body_schema,
    "parameters": parameters,
    "repr": repr,
}
