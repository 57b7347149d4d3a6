"""Generic request validation from the spec: JSON body, explicit nulls, parameters, 422 details."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from enum import Enum
from typing import Annotated, Any

import pydantic_core
from liveavatar_models.spec_walk import resolve
from pydantic import BaseModel, Field, TypeAdapter, ValidationError, create_model

from liveavatar_server._errors import RequestInvalid
from liveavatar_server._spec import JSONObject, Parameter, resolve_model

MASK = "**********"
_JSON_TYPES: dict[str, type] = {"string": str, "integer": int, "number": float, "boolean": bool}
_NULL_ERRORS = {
    "string": ("string_type", "Input should be a valid string"),
    "integer": ("int_type", "Input should be a valid integer"),
    "number": ("float_type", "Input should be a valid number"),
    "boolean": ("bool_type", "Input should be a valid boolean"),
    "object": ("dict_type", "Input should be a valid dictionary"),
    "array": ("list_type", "Input should be a valid list"),
}


# How deep the schema walks go (the spec's bodies nest 4 levels; recursive schemas stop here).
MAX_SCHEMA_DEPTH = 16


def is_json_media_type(content_type: str) -> bool:
    media = content_type.split(";", 1)[0].strip().lower()
    return media == "application/json" or (
        media.startswith("application/") and media.endswith("+json")
    )


def parse_json(body: bytes) -> Any:
    """The JSON document in ``body``, or a 422 in FastAPI's `json_invalid` shape.

    pydantic-core refuses documents nested past its recursion limit and numbers past its
    range like any other decode error; the standard library's parser, asked only for the
    error's position, fails differently on those (`RecursionError`, the 4,300-digit limit
    on integers): their position stays 0.
    """
    try:
        return pydantic_core.from_json(body, allow_inf_nan=False)
    except ValueError as exc:
        position = 0
        try:
            json.loads(body)
        except (ValueError, RecursionError) as decode_error:
            position = getattr(decode_error, "pos", getattr(decode_error, "start", 0))
        raise RequestInvalid(
            [
                {
                    "type": "json_invalid",
                    "loc": ["body", position],
                    "msg": "JSON decode error",
                    "input": {},
                    "ctx": {"error": str(exc)},
                }
            ]
        ) from None


def _nullable(spec: JSONObject, schema: JSONObject) -> bool:
    schema = resolve(spec, schema)
    if not schema or schema.get("nullable") is True:
        return True
    kind = schema.get("type")
    if kind == "null" or (isinstance(kind, list) and "null" in kind):
        return True
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return any(_nullable(spec, option) for option in schema[key])
    if "allOf" in schema:
        return all(_nullable(spec, option) for option in schema["allOf"])
    if "enum" in schema:
        return None in schema["enum"]
    return kind is None and "properties" not in schema and "items" not in schema


def _kind(spec: JSONObject, schema: JSONObject) -> str:
    schema = resolve(spec, schema)
    kind = schema.get("type")
    if isinstance(kind, str):
        return kind
    return "object" if "properties" in schema else "string"


def explicit_nulls(
    spec: JSONObject, schema: JSONObject, value: Any, loc: list[str | int]
) -> list[dict[str, Any]]:
    """422 details for every `null` the schema does not allow (the models' optionals would take it)."""
    schema = resolve(spec, schema)
    errors: list[dict[str, Any]] = []
    if isinstance(value, dict):
        for name, prop in schema.get("properties", {}).items():
            if name not in value:
                continue
            where = [*loc, name]
            if value[name] is None:
                if not _nullable(spec, prop):
                    kind, msg = _NULL_ERRORS.get(_kind(spec, prop), _NULL_ERRORS["string"])
                    errors.append({"type": kind, "loc": where, "msg": msg, "input": None})
            else:
                errors.extend(explicit_nulls(spec, prop, value[name], where))
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(value):
            errors.extend(explicit_nulls(spec, schema["items"], item, [*loc, index]))
    return errors


def hidden_values(spec: JSONObject, schema: JSONObject, value: Any) -> set[str]:
    """String values the schema marks `writeOnly` or `format: password` (never echoed back)."""
    schema = resolve(spec, schema)
    found: set[str] = set()
    if isinstance(value, str) and (schema.get("writeOnly") or schema.get("format") == "password"):
        found.add(value)
    elif isinstance(value, dict):
        for name, prop in schema.get("properties", {}).items():
            if name in value:
                found |= hidden_values(spec, prop, value[name])
    elif isinstance(value, list) and isinstance(schema.get("items"), dict):
        for item in value:
            found |= hidden_values(spec, schema["items"], item)
    return found


SchemaPath = tuple[str | int, ...]


def marked_paths(
    spec: JSONObject, schema: JSONObject, marked: Callable[[JSONObject], bool]
) -> list[tuple[SchemaPath, JSONObject]]:
    """Locations (``"*"`` for any array index) and schemas of the parts ``marked`` picks.

    Walks properties, array items and every `oneOf`/`anyOf`/`allOf` option; a marked part is
    not walked further. Computed once per operation, never per request.
    """
    found: list[tuple[SchemaPath, JSONObject]] = []

    def walk(node: Any, path: SchemaPath, depth: int) -> None:
        node = resolve(spec, node)
        if not isinstance(node, dict) or depth > MAX_SCHEMA_DEPTH:
            return
        if marked(node):
            found.append((path, node))
            return
        for key in ("oneOf", "anyOf", "allOf"):
            for option in node.get(key, ()):
                walk(option, path, depth + 1)
        for name, prop in (node.get("properties") or {}).items():
            walk(prop, (*path, name), depth + 1)
        if isinstance(node.get("items"), dict):
            walk(node["items"], (*path, "*"), depth + 1)

    walk(schema, (), 0)
    return found


def _secret(schema: JSONObject) -> bool:
    return bool(schema.get("writeOnly")) or schema.get("format") == "password"


def sensitive_paths(spec: JSONObject, schema: JSONObject) -> list[SchemaPath]:
    """Locations (``"*"`` for any array index) of `writeOnly` / `format: password` properties."""
    return [path for path, _ in marked_paths(spec, schema, _secret)]


def _overlaps(loc: SchemaPath, path: SchemaPath) -> bool:
    """True when one location contains the other (the input at ``loc`` may hold ``path``)."""
    return all(a == b or "*" in (a, b) for a, b in zip(loc, path, strict=False))


def mask(value: Any, hidden: set[str]) -> Any:
    if isinstance(value, str):
        return MASK if value in hidden else value
    if isinstance(value, dict):
        return {key: mask(item, hidden) for key, item in value.items()}
    if isinstance(value, list):
        return [mask(item, hidden) for item in value]
    return value


def validation_details(exc: ValidationError, prefix: list[str | int]) -> list[dict[str, Any]]:
    """pydantic errors as FastAPI reports them: JSON-safe, located under ``prefix``."""
    details = []
    for error in json.loads(exc.json(include_url=False)):
        error["loc"] = [*prefix, *error["loc"]]
        details.append(error)
    return details


# JSON Schema keywords of a parameter and the pydantic constraint each becomes.
_CONSTRAINTS = {
    "minimum": "ge",
    "maximum": "le",
    "exclusiveMinimum": "gt",
    "exclusiveMaximum": "lt",
    "multipleOf": "multiple_of",
    "minLength": "min_length",
    "maxLength": "max_length",
    "pattern": "pattern",
}


def parameter_annotation(schema: JSONObject, name: str) -> Any:
    """The Python type FastAPI would declare for a parameter's (inlined) JSON Schema.

    Bounds, lengths and patterns become pydantic constraints, an `enum` an Enum, a string of
    `format: uuid` a UUID, an `anyOf` with null an optional: the 422 details then read as
    FastAPI's (`greater_than_equal`, `enum`, `uuid_parsing`, ...).
    """
    options = schema.get("anyOf") or schema.get("oneOf")
    if isinstance(options, list) and options:
        kinds = [option for option in options if option.get("type") != "null"]
        inner: Any = parameter_annotation(kinds[0], name) if len(kinds) == 1 else str
        return inner | None if len(kinds) < len(options) else inner
    if isinstance(schema.get("enum"), list):
        values = [value for value in schema["enum"] if value is not None]
        members = [(f"m{index}", value) for index, value in enumerate(values)]
        if all(isinstance(value, str) for value in values):
            return Enum(str(schema.get("title", name)), members, type=str)
        return Enum(str(schema.get("title", name)), members)
    python_type: type = _JSON_TYPES.get(str(schema.get("type")), str)
    if python_type is str and schema.get("format") == "uuid":
        python_type = uuid.UUID
    constraints = {field: schema[key] for key, field in _CONSTRAINTS.items() if key in schema}
    return Annotated[python_type, Field(**constraints)] if constraints else python_type


def _plain(value: Any) -> Any:
    """A validated parameter as handlers take it: enum members by value, UUIDs as text."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, uuid.UUID):
        return str(value)
    return value


# Parameter models by what declares them: one per distinct declaration in the process. Building
# the 39 models costs ~35 ms, most of an app's start (the testing mode starts one per `serve()`).
_MODELS: dict[str, type[BaseModel]] = {}


def _parameters_model(parameters: tuple[Parameter, ...]) -> type[BaseModel]:
    key = json.dumps(
        [[p.name, p.location, p.required, p.schema] for p in parameters], sort_keys=True
    )
    model = _MODELS.get(key)
    if model is None:
        fields: dict[str, Any] = {}
        for index, parameter in enumerate(parameters):
            annotation = parameter_annotation(parameter.schema, parameter.name)
            if not parameter.required:
                annotation = annotation | None
            fields[f"p{index}"] = (annotation, ... if parameter.required else None)
        model = _MODELS[key] = create_model("Parameters", **fields)
    return model


class ParameterModel:
    """A pydantic model over an operation's declared parameters (path, query, header, cookie)."""

    def __init__(self, parameters: tuple[Parameter, ...]) -> None:
        self.parameters = parameters
        self.model: type[BaseModel] = _parameters_model(parameters)

    def validate(self, raw: dict[str, dict[str, str]]) -> dict[str, Any]:
        """Declared parameters by name; 422 when one is missing or of the wrong type."""
        values = {}
        for index, parameter in enumerate(self.parameters):
            found = raw.get(parameter.location, {}).get(
                parameter.name.lower() if parameter.location == "header" else parameter.name
            )
            if found is not None:
                values[f"p{index}"] = found
        try:
            checked = self.model.model_validate(values)
        except ValidationError as exc:
            details = []
            for error in json.loads(exc.json(include_url=False)):
                parameter = self.parameters[int(str(error["loc"][0])[1:])]
                error["loc"] = [parameter.location, parameter.name]
                details.append(error)
            raise RequestInvalid(details) from None
        return {
            parameter.name: _plain(getattr(checked, f"p{index}"))
            for index, parameter in enumerate(self.parameters)
        }


def nul_characters(value: Any, loc: list[str | int]) -> list[dict[str, Any]]:
    """422 details for strings holding U+0000, which PostgreSQL text cannot store."""
    if isinstance(value, str):
        if "\x00" in value:
            return [
                {
                    "type": "string_nul",
                    "loc": loc,
                    "msg": "String should not contain NUL (U+0000) characters",
                    "input": value,
                }
            ]
        return []
    if isinstance(value, dict):
        return [e for k, v in value.items() for e in nul_characters(v, [*loc, str(k)])]
    if isinstance(value, list):
        return [e for i, v in enumerate(value) for e in nul_characters(v, [*loc, i])]
    return []


ALIASES = "x-aliases"
AliasPath = tuple[SchemaPath, dict[str, Any]]


def alias_paths(spec: JSONObject, schema: JSONObject) -> list[AliasPath]:
    """Where a body's schema accepts a legacy value for another (`x-aliases`, from the overlay),
    with its `{legacy: current}` map."""
    marked = marked_paths(spec, schema, lambda node: isinstance(node.get(ALIASES), dict))
    return [(path, dict(node[ALIASES])) for path, node in marked]


def apply_aliases(document: Any, paths: list[AliasPath]) -> Any:
    """``document`` (freshly parsed: changed in place) with each legacy value at an alias path
    replaced by its current one."""
    for path, aliases in paths:
        if path:
            _replace(document, path, aliases)
    return document


def _replace(node: Any, path: SchemaPath, aliases: dict[str, Any]) -> None:
    head, rest = path[0], path[1:]
    children: list[tuple[Any, Any]] = []
    if head == "*" and isinstance(node, list):
        children = list(enumerate(node))
    elif isinstance(node, dict) and head in node:
        children = [(head, node[head])]
    for key, child in children:
        if rest:
            _replace(child, rest, aliases)
        elif isinstance(child, str) and child in aliases:
            node[key] = aliases[child]


def _matched_schema(spec: JSONObject, schema: JSONObject, value: Any) -> JSONObject:
    """The option of a `oneOf`/`anyOf` body that ``value`` (a validated model) came from."""
    schema = resolve(spec, schema)
    for key in ("oneOf", "anyOf"):
        for option in schema.get(key, []):
            if "$ref" in option and resolve_model(option["$ref"]) is type(value):
                matched: JSONObject = resolve(spec, option)
                return matched
    return schema


def validate_body(
    spec: JSONObject,
    schema: JSONObject,
    adapter: TypeAdapter[Any],
    document: Any,
    *,
    allow_nul: bool = True,
) -> Any:
    """``document`` validated as the body type (a model or a union), or a 422 with FastAPI's details."""
    resolved = resolve(spec, schema)
    union = "oneOf" in resolved or "anyOf" in resolved
    # For a union, which option's nulls to judge is known only once an option matched.
    errors = [] if union else explicit_nulls(spec, resolved, document, ["body"])
    if not allow_nul:
        errors.extend(nul_characters(document, ["body"]))
    try:
        value = adapter.validate_python(document)
    except ValidationError as exc:
        reported = {tuple(error["loc"]) for error in errors}
        errors.extend(
            e for e in validation_details(exc, ["body"]) if tuple(e["loc"]) not in reported
        )
        value = None
    else:
        if union:
            errors[:0] = explicit_nulls(
                spec, _matched_schema(spec, resolved, value), document, ["body"]
            )
    if errors:
        hidden = hidden_values(spec, schema, document)
        sensitive = sensitive_paths(spec, schema)
        for error in errors:
            if "input" not in error:
                continue
            loc = tuple(error["loc"][1:])
            # An input at or above a secret field (a list sent as the whole body, an object
            # sent as the secret) may hold the secret where no schema says so: never echo it.
            if any(_overlaps(loc, path) for path in sensitive):
                error["input"] = MASK
            elif hidden:
                error["input"] = mask(error["input"], hidden)
        raise RequestInvalid(errors)
    return value
