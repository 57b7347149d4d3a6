"""The resource model: every collection the spec shapes as CRUD, derived from paths and schemas.

A resource is a collection path `P` (`POST P`, `GET P`) with an item path `P/{id}`
(`GET`, `PATCH` or `PUT`, `DELETE`), any subset. For each one the model records its
operations by role, its schemas (create, update, read, list item), its fields (writable,
read-only, sealed, defaults, what an `<x>_id` field names), its list shape (paginated or
plain) and whether a delete is restricted while referenced (the delete documents a 409).
`tools/derive.py` writes it into the effective spec as `x-liveavatar-model`, where the
server executes it and the contract suite checks it; nothing else re-derives it.

What the spec tells only in prose is read from the overlay's marks: `x-default` (a default
the server applies), `x-reference: false` (an `_id` field that names no resource of ours).
"""

from __future__ import annotations

import re
from typing import Any

from operations import resource_of, singular
from spec_walk import resolve_nullable as resolve

JSON = Any
MODEL_KEY = "x-liveavatar-model"
_ID_FIELD = re.compile(r"^([a-z][a-z0-9_]*)_id$")
_ITEM = re.compile(r"^(?P<collection>/.+)/\{(?P<id>[A-Za-z_][A-Za-z0-9_]*)\}$")
_PAGE_PARAMETERS = ("page", "page_size")
ROLES = ("create", "list", "get", "update", "delete")


def schema_name(spec: dict[str, Any], node: JSON) -> str | None:
    """The component name a schema refers to (through a nullable wrapper), else None."""
    while isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and ref.startswith("#/components/schemas/"):
            inner = spec["components"]["schemas"].get(ref.rsplit("/", 1)[1])
            if isinstance(inner, dict) and "$ref" in inner:
                node = inner
                continue
            return ref.rsplit("/", 1)[1]
        options = [o for o in node.get("anyOf", ()) if o != {"type": "null"}]
        if len(options) != 1:
            return None
        node = options[0]
    return None


def _json_content(spec: dict[str, Any], holder: JSON) -> JSON:
    if not isinstance(holder, dict):
        return None
    media = holder.get("content", {}).get("application/json")
    return media.get("schema") if isinstance(media, dict) else None


def _success_data(spec: dict[str, Any], op: dict[str, Any]) -> JSON:
    """The `data` schema of the operation's 2xx envelope (unresolved), or None."""
    for status, response in op.get("responses", {}).items():
        if str(status).startswith("2"):
            envelope = resolve(spec, _json_content(spec, resolve(spec, response)))
            if isinstance(envelope, dict):
                return envelope.get("properties", {}).get("data")
    return None


def _roles(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """collection path -> {role: (operation, path)}: the CRUD-shaped operations by collection."""
    paths = spec.get("paths", {})
    found: dict[str, dict[str, Any]] = {}
    for path, item in paths.items():
        matched = _ITEM.match(path)
        if "{" not in path:
            collection = path
            for method, role in (("post", "create"), ("get", "list")):
                if isinstance(item.get(method), dict):
                    found.setdefault(collection, {})[role] = (item[method], path)
        elif matched and "{" not in matched["collection"]:
            collection = matched["collection"]
            for method, role in (("get", "get"), ("patch", "update"), ("put", "update")):
                if isinstance(item.get(method), dict):
                    found.setdefault(collection, {}).setdefault(role, (item[method], path))
            if isinstance(item.get("delete"), dict):
                found.setdefault(collection, {})["delete"] = (item["delete"], path)
    # A resource is a collection with an item path: one id names each of its objects.
    return {
        c: r for c, r in found.items() if any(role in r for role in ("get", "update", "delete"))
    }


def _label(words: list[str], tag: str) -> str:
    upper = set(tag.split())
    return " ".join(w.upper() if w.upper() in upper else w for w in words)


def _body(spec: dict[str, Any], op: dict[str, Any]) -> str | None:
    return schema_name(spec, _json_content(spec, op.get("requestBody")))


def _list_shape(spec: dict[str, Any], op: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    data = resolve(spec, _success_data(spec, op))
    names = {p.get("name") for p in op.get("parameters", []) if p.get("in") == "query"}
    if isinstance(data, dict) and data.get("type") == "array":
        return {"paginated": False}, schema_name(spec, data.get("items"))
    props = data.get("properties", {}) if isinstance(data, dict) else {}
    arrays = [k for k, v in props.items() if resolve(spec, v).get("type") == "array"]
    if len(arrays) == 1 and all(p in names for p in _PAGE_PARAMETERS):
        items = resolve(spec, props[arrays[0]]).get("items")
        shape = {
            "paginated": True,
            "schema": schema_name(spec, data if "$ref" in data else _success_data(spec, op)),
            "items": arrays[0],
            "page": _PAGE_PARAMETERS[0],
            "page_size": _PAGE_PARAMETERS[1],
            "count": "count" if "count" in props else None,
            "next": "next" if "next" in props else None,
            "previous": "previous" if "previous" in props else None,
        }
        return shape, schema_name(spec, items)
    return {"paginated": False}, None


def _type_of(spec: dict[str, Any], node: JSON) -> str:
    found = resolve(spec, node)
    if not isinstance(found, dict):
        return "any"
    if isinstance(found.get("type"), str):
        return str(found["type"])
    if "enum" in found:
        return "string"
    return "any"


def derive_model(spec: dict[str, Any]) -> dict[str, Any]:
    """The resource model of ``spec``: {"resources": {name: resource}} in document order."""
    schemas = spec.get("components", {}).get("schemas", {})
    collections = _roles(spec)
    names = {c: resource_of(c) for c in collections}
    by_kind = {singular(n): n for n in names.values()}
    resources: dict[str, Any] = {}
    for collection, roles in collections.items():
        name = names[collection]
        any_op = next(iter(roles.values()))[0]
        tag = (any_op.get("tags") or [""])[0]
        words = [w for w in re.split(r"[-_]", collection.rstrip("/").rsplit("/", 1)[1]) if w]
        item_path = next((p for role, (_, p) in roles.items() if role not in ("create", "list")))
        id_parameter = _ITEM.match(item_path)["id"]  # type: ignore[index]
        operations = {role: op["operationId"] for role, (op, _) in roles.items()}
        resource: dict[str, Any] = {
            "name": name,
            "kind": singular(name),
            "label": _label(words, tag),
            "singular": _label([*words[:-1], singular(words[-1])], tag),
            "collection": collection,
            "item": item_path,
            "id_parameter": id_parameter,
            "public": any_op.get("security") == [],
            "operations": {role: operations[role] for role in ROLES if role in operations},
            "schemas": {},
            "list": {"paginated": False},
            "fields": {},
            "restrict_delete": "delete" in roles
            and "409" in roles["delete"][0].get("responses", {}),
        }
        if "create" in roles:
            resource["schemas"]["create"] = _body(spec, roles["create"][0])
            resource["schemas"]["created"] = schema_name(
                spec, _success_data(spec, roles["create"][0])
            )
        if "update" in roles:
            resource["schemas"]["update"] = _body(spec, roles["update"][0])
        for role in ("get", "update"):
            if role in roles and "read" not in resource["schemas"]:
                read = schema_name(spec, _success_data(spec, roles[role][0]))
                if read is not None:
                    resource["schemas"]["read"] = read
        if "list" in roles:
            resource["list"], item = _list_shape(spec, roles["list"][0])
            resource["schemas"]["list_item"] = item
        resource["schemas"] = {k: v for k, v in resource["schemas"].items() if v is not None}
        resource["fields"] = _fields(spec, schemas, resource["schemas"], by_kind)
        resource["shapes"] = _shapes(spec, schemas, resource["schemas"])
        resources[name] = resource
    return {"resources": resources}


def _fields(
    spec: dict[str, Any],
    schemas: dict[str, Any],
    named: dict[str, str],
    by_kind: dict[str, str],
) -> dict[str, Any]:
    """Every field any of the resource's schemas names, what it is and who may write it."""
    fields: dict[str, Any] = {}
    writable: set[str] = set()
    for role in ("create", "update", "read", "created", "list_item"):
        schema = resolve(spec, schemas.get(named.get(role, ""), {}))
        if not isinstance(schema, dict):
            continue
        required = set(schema.get("required", ()))
        for key, prop in schema.get("properties", {}).items():
            node = resolve(spec, prop)
            node = node if isinstance(node, dict) else {}
            raw = prop if isinstance(prop, dict) else {}
            field = fields.setdefault(
                key,
                {
                    "type": _type_of(spec, prop),
                    "nullable": any(o == {"type": "null"} for o in raw.get("anyOf", ())),
                    "required_on_create": False,
                    "writable": False,
                    "read_only": False,
                    "sealed": False,
                    "default": None,
                    "reference": None,
                },
            )
            if role in ("create", "update"):
                writable.add(key)
                field["writable"] = True
                if role == "create" and key in required:
                    field["required_on_create"] = True
            sealed = node.get("writeOnly") is True or node.get("format") == "password"
            field["sealed"] = field["sealed"] or sealed or raw.get("writeOnly") is True
            if node.get("readOnly") is True or raw.get("readOnly") is True:
                field["read_only"] = True
            for source in (raw, node):
                if "x-default" in source and field["default"] is None:
                    field["default"] = source["x-default"]
            reference = _ID_FIELD.match(key)
            if (
                reference
                and raw.get("x-reference", node.get("x-reference")) is not False
                and field["reference"] is None
            ):
                field["reference"] = by_kind.get(reference[1])
    for key, field in fields.items():
        if key not in writable:
            field["read_only"] = True
    return fields


def _shapes(spec: dict[str, Any], schemas: dict[str, Any], named: dict[str, str]) -> dict[str, Any]:
    """Per role, the properties its schema has and those it requires (answers are built so)."""
    shapes: dict[str, Any] = {}
    for role, name in named.items():
        schema = resolve(spec, schemas.get(name, {}))
        if isinstance(schema, dict):
            shapes[role] = {
                "properties": list(schema.get("properties", {})),
                "required": list(schema.get("required", ())),
            }
    return shapes


def _referrers(model: dict[str, Any]) -> None:
    """Add to each resource the resources whose fields reference it."""
    for resource in model["resources"].values():
        resource["referenced_by"] = sorted(
            other["name"]
            for other in model["resources"].values()
            for field in other["fields"].values()
            if field["reference"] == resource["name"]
        )


def add_model(spec: dict[str, Any]) -> dict[str, Any]:
    """Write the resource model into ``spec`` at `x-liveavatar-model` (mutates it)."""
    model = derive_model(spec)
    _referrers(model)
    spec[MODEL_KEY] = model
    return spec


__all__ = ["MODEL_KEY", "add_model", "derive_model"]
