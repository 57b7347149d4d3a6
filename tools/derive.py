"""What the effective spec gains by computation from paths and schemas: error responses, links, class names."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from openapi_python_client.strings import pascal_case, snake_case
from operations import Operation, operations, singular
from resource_model import add_model
from spec_walk import resolve_nullable as resolve

JSON = Any
ENVELOPE_REF = "#/components/schemas/ErrorEnvelope"
BEARER = "Bearer"
# Names openapi-python-client's operation modules import from its `types` module.
GENERATOR_TYPES = frozenset({"File", "Response", "Unset"})
# An `<entity>_id` field or parameter names the entity another operation created or returned.
_ID = re.compile(r"^[a-z][a-z0-9_]*_id$")
_TOKEN = re.compile(r"^[a-z][a-z0-9_]*_token$")
_PARAMETER_SEGMENT = re.compile(r"/\{")


class DeriveError(Exception):
    """The spec lacks what derivation stands on (the overlay's ErrorEnvelope)."""


def _json_schema(spec: dict[str, Any], content_holder: JSON) -> JSON:
    if not isinstance(content_holder, dict):
        return None
    media = content_holder.get("content", {}).get("application/json")
    return resolve(spec, media.get("schema")) if isinstance(media, dict) else None


def _properties(spec: dict[str, Any], schema: JSON) -> dict[str, Any]:
    found = resolve(spec, schema)
    if isinstance(found, dict) and isinstance(found.get("properties"), dict):
        return dict(found["properties"])
    return {}


def success(op: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The first 2xx response of an operation, with its status."""
    for status, response in op.get("responses", {}).items():
        if str(status).startswith("2") and isinstance(response, dict):
            return str(status), response
    return None


def data_properties(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, Any]:
    """The properties of the envelope's `data` in an operation's success response."""
    found = success(op)
    if found is None:
        return {}
    envelope = _properties(spec, _json_schema(spec, found[1]))
    return _properties(spec, envelope.get("data")) if "data" in envelope else {}


def body_properties(spec: dict[str, Any], op: dict[str, Any]) -> dict[str, Any]:
    """The properties of an operation's JSON request body (empty for `oneOf` bodies)."""
    return _properties(spec, _json_schema(spec, op.get("requestBody")))


def body_references(spec: dict[str, Any], op: dict[str, Any]) -> list[str]:
    """The `<entity>_id` properties anywhere in an operation's JSON request body (dotted paths).

    Nested objects, arrays and every `oneOf`/`anyOf`/`allOf` option are walked, so a reference
    held by one variant of a body counts.
    """
    found: list[str] = []
    seen: set[int] = set()

    def walk(node: JSON, prefix: str) -> None:
        node = resolve(spec, node)
        if not isinstance(node, dict) or id(node) in seen:
            return
        seen.add(id(node))
        for key in ("oneOf", "anyOf", "allOf"):
            for option in node.get(key, ()):
                walk(option, prefix)
        if "items" in node:
            walk(node["items"], prefix)
        for name, schema in (node.get("properties") or {}).items():
            if _ID.match(name) and f"{prefix}{name}" not in found:
                found.append(f"{prefix}{name}")
            walk(schema, f"{prefix}{name}.")
        seen.discard(id(node))

    walk(_json_schema(spec, op.get("requestBody")), "")
    return found


def path_parameters(op: dict[str, Any]) -> list[str]:
    return [p["name"] for p in op.get("parameters", ()) if p.get("in") == "path"]


def security_schemes(spec: dict[str, Any], op: dict[str, Any]) -> list[list[str]]:
    """The operation's security requirements (each a list of scheme names); [] means public."""
    requirements = op.get("security", spec.get("security", []))
    return [list(requirement) for requirement in requirements]


def _bearer_only(spec: dict[str, Any], op: dict[str, Any]) -> bool:
    schemes = spec.get("components", {}).get("securitySchemes", {})
    requirements = security_schemes(spec, op)
    return bool(requirements) and all(
        len(r) == 1 and schemes.get(r[0], {}).get("scheme", "").lower() == "bearer"
        for r in requirements
    )


def _error(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": ENVELOPE_REF}}},
    }


def _auth_description(spec: dict[str, Any], op: dict[str, Any]) -> str:
    schemes = spec.get("components", {}).get("securitySchemes", {})
    names = []
    for requirement in security_schemes(spec, op):
        for name in requirement:
            scheme = schemes.get(name, {})
            label = scheme.get("name") or f"{scheme.get('scheme', name)} token"
            if label not in names:
                names.append(label)
    return f"Missing or invalid credentials ({' or '.join(names)})"


def error_responses(spec: dict[str, Any], op: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(status, description) of the errors an operation can answer beyond what it documents.

    401 when it is secured; 400 and 404 when its description names them; 400 too when its body
    names another object by an `<entity>_id` (the id may be unknown, or of another space); 404
    too when it has a path parameter (an unknown id, or one of another space, is not found).
    """
    requirements = security_schemes(spec, op)
    if requirements and [] not in requirements:
        yield "401", _auth_description(spec, op)
    description = op.get("description", "")
    if "400" in description or body_references(spec, op):
        yield "400", "Bad request (the caller has no space, or a referenced id is not of its space)"
    if "404" in description or path_parameters(op):
        yield "404", "Not found (unknown id, or an id of another space)"


@dataclass(frozen=True)
class _Facts:
    """What linking reads of one operation, computed once per operation."""

    operation: Operation
    data: dict[str, Any]  # its success response's `data` properties
    body: dict[str, Any]  # its JSON body's properties
    parameters: list[str]  # its path parameters
    bearer_only: bool


def _facts(spec: dict[str, Any], op: Operation) -> _Facts:
    return _Facts(
        op,
        data_properties(spec, op.spec),
        body_properties(spec, op.spec),
        path_parameters(op.spec),
        _bearer_only(spec, op.spec),
    )


def _link_parameters(source: _Facts, target: _Facts) -> dict[str, str]:
    """What ``source``'s response `data` gives ``target``'s path parameters and bearer token."""
    data = source.data
    parameters: dict[str, str] = {}
    created = f"{singular(source.operation.resource)}_id"
    for name in target.parameters:
        item = f"{source.operation.path.rstrip('/')}/{{{name}}}"
        path = target.operation.path
        if "id" in data and (path == item or path.startswith(item + "/")):
            parameters[name] = "$response.body#/data/id"  # create -> its item operations
        elif _ID.match(name) and name in data:
            parameters[name] = f"$response.body#/data/{name}"
        elif name == created and "id" in data:
            parameters[name] = "$response.body#/data/id"
    tokens = [name for name in data if _TOKEN.match(name)]
    if tokens and target.bearer_only:
        parameters["header.Authorization"] = f"{BEARER} {{$response.body#/data/{tokens[0]}}}"
    return parameters


def _link_body(source: _Facts, target: _Facts) -> dict[str, str]:
    """The `<x>_id` fields of ``target``'s body that ``source``'s response or request holds."""
    data, sent = source.data, source.body
    created = f"{singular(source.operation.resource)}_id"
    body: dict[str, str] = {}
    for name in target.body:
        if not _ID.match(name):
            continue
        if name in data:
            body[name] = f"$response.body#/data/{name}"
        elif name == created and "id" in data:
            body[name] = "$response.body#/data/id"
        elif name in sent and target.operation.resource == source.operation.resource:
            body[name] = f"$request.body#/{name}"  # the same entity, carried on
    return body


def _link_to(source: _Facts, target: _Facts) -> dict[str, Any] | None:
    """The link from ``source``'s success response to ``target``, or None when nothing flows."""
    parameters = _link_parameters(source, target)
    body = _link_body(source, target)
    if not parameters and not body:
        return None
    link: dict[str, Any] = {"operationId": target.operation.operation_id}
    if parameters:
        link["parameters"] = parameters
    if body:
        link["requestBody"] = body
    return link


class _Targets:
    """Operations indexed by what a link can reach them through, so that each POST is weighed
    against the operations it might link to, not against all (the cost stays linear in the
    operations plus the links as a spec grows)."""

    def __init__(self, facts: list[_Facts]) -> None:
        self.by_parameter: dict[str, list[int]] = {}  # path parameter name -> operations
        self.by_body_field: dict[str, list[int]] = {}  # `<x>_id` body field -> operations
        self.under: dict[str, list[int]] = {}  # path before a `/{parameter}` -> operations
        self.bearer_only: list[int] = []
        for index, target in enumerate(facts):
            for name in target.parameters:
                self.by_parameter.setdefault(name, []).append(index)
            for name in target.body:
                if _ID.match(name):
                    self.by_body_field.setdefault(name, []).append(index)
            path = target.operation.path
            for cut in (m.start() for m in _PARAMETER_SEGMENT.finditer(path)):
                self.under.setdefault(path[:cut], []).append(index)
            if target.bearer_only:
                self.bearer_only.append(index)

    def candidates(self, source: _Facts) -> list[int]:
        """Every operation ``source`` may link to (a superset), in document order."""
        names = set(source.data) | {name for name in source.body if _ID.match(name)}
        if "id" in source.data:
            names.add(f"{singular(source.operation.resource)}_id")
        found: set[int] = set()
        for name in names:
            found.update(self.by_parameter.get(name, ()))
            found.update(self.by_body_field.get(name, ()))
        if "id" in source.data:
            found.update(self.under.get(source.operation.path.rstrip("/"), ()))
        if any(_TOKEN.match(name) for name in source.data):
            found.update(self.bearer_only)
        return sorted(found)


def links(spec: dict[str, Any]) -> dict[tuple[str, str], dict[str, dict[str, Any]]]:
    """(path, method) of each POST -> the links of its success response, by client name.

    A POST's response `data.id` reaches the item operations under its path and every parameter
    or body field named after its resource (`secret_id` for `/v1/secrets`); a `data.<x>_id`, every
    parameter or body field `<x>_id`; a `data.<x>_token` authorises a bearer-only operation; a
    body field `<x>_id` is carried on to the other operations of the same resource taking it.
    """
    facts = [_facts(spec, op) for op in operations(spec)]
    targets = _Targets(facts)
    found: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    for index, source in enumerate(facts):
        if source.operation.method != "post":
            continue
        for candidate in targets.candidates(source):
            if candidate == index:
                continue
            target = facts[candidate]
            link = _link_to(source, target)
            if link is not None:
                key = (source.operation.path, source.operation.method)
                name = f"{target.operation.resource}.{target.operation.name}"
                found.setdefault(key, {})[name] = link
    return found


def _narrower(spec: dict[str, Any], a: JSON, b: JSON) -> bool:
    """Whether object schema ``a`` is ``b`` and more: every property and requirement of ``b``,
    at least one more requirement."""
    left, right = resolve(spec, a), resolve(spec, b)
    if not (isinstance(left, dict) and isinstance(right, dict)):
        return False
    if "properties" not in left or "properties" not in right:
        return False
    needs_left, needs_right = set(left.get("required", ())), set(right.get("required", ()))
    return set(right["properties"]) <= set(left["properties"]) and needs_right < needs_left


def _most_specific_first(spec: dict[str, Any], options: list[JSON]) -> list[JSON]:
    """The options of a union, each narrower object schema moved before the ones it extends.

    The client tries a union's options in order and its models accept extra properties, so
    the first object schema that an answer satisfies wins: the one that requires more must be
    tried first (an ended session's `ListHistoricEntrySchema` before `ListSessionEntrySchema`).
    Options that do not extend one another keep their published order.
    """
    ordered = list(options)
    i = 0
    while i < len(ordered):
        later = range(i + 1, len(ordered))
        j = next((j for j in later if _narrower(spec, ordered[j], ordered[i])), None)
        if j is None:
            i += 1
        else:  # the narrower one moves before; position i is judged again
            ordered.insert(i, ordered.pop(j))
    return ordered


def order_unions(spec: dict[str, Any]) -> None:
    """Apply `_most_specific_first` to every `anyOf`/`oneOf` of the spec (mutates it)."""
    stack: list[JSON] = [spec]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            for key in ("anyOf", "oneOf"):
                if isinstance(node.get(key), list):
                    node[key] = _most_specific_first(spec, node[key])
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def derive(spec: dict[str, Any]) -> dict[str, Any]:
    """Add the derived error responses, links and resource model to ``spec`` (mutates it).

    Documented responses and links win.

    Unions are ordered most specific first (`order_unions`).
    """
    if "ErrorEnvelope" not in spec.get("components", {}).get("schemas", {}):
        raise DeriveError("components.schemas.ErrorEnvelope is missing (the overlay declares it)")
    order_unions(spec)
    derived_links = links(spec)
    for path, item in spec.get("paths", {}).items():
        for method, op in item.items():
            if not isinstance(op, dict) or "responses" not in op:
                continue
            responses = op["responses"]
            for status, description in error_responses(spec, op):
                responses.setdefault(status, _error(description))
            found = success(op)
            if found is not None and (path, method) in derived_links:
                existing = found[1].setdefault("links", {})
                for name, link in derived_links[path, method].items():
                    existing.setdefault(name, link)
    return add_model(spec)


def client_class_overrides(spec: dict[str, Any]) -> dict[str, dict[str, str]]:
    """openapi-python-client `class_overrides` for titles like `Response[list[X]]` or `Response`.

    Its class name drops the brackets and glues a lower-case `list` to what precedes it
    (`ResponselistX`); reading brackets and commas as word breaks gives `ResponseListX`. A
    class named like one of the generator's own `types` (`Response`) would shadow it in every
    operation module that imports both: it takes a `Schema` suffix.
    """
    overrides: dict[str, dict[str, str]] = {}
    for schema in spec.get("components", {}).get("schemas", {}).values():
        title = schema.get("title") if isinstance(schema, dict) else None
        if not isinstance(title, str):
            continue
        generated = pascal_case(title)
        readable = "".join(pascal_case(word) for word in re.split(r"[\W_]+", title) if word)
        if readable in GENERATOR_TYPES:
            readable += "Schema"
        if generated != readable:
            overrides[generated] = {"class_name": readable, "module_name": snake_case(readable)}
    return dict(sorted(overrides.items()))
