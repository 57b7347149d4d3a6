"""A "next version" of the published spec: the next minor version, one more CRUD resource, an optional field, an enum value."""

from __future__ import annotations

import argparse
import copy
import json
import sys
from pathlib import Path
from typing import Any

__all__ = ["NEW_ENUM_VALUE", "NEW_FIELD", "RESOURCE", "main", "next_version"]

ROOT = Path(__file__).resolve().parents[2]
RESOURCE = "gadgets"  # /v1/gadgets and /v1/gadgets/{gadget_id}, tag "Gadgets"
NEW_FIELD = "next_version_note"
NEW_ENUM_VALUE = "NEXT_VERSION_VALUE"
_JSON = "application/json"


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _envelope(title: str, data: dict[str, Any]) -> dict[str, Any]:
    """FastAPI's envelope as the published spec writes it (`Response[X]`)."""
    return {
        "properties": {
            "code": {"type": "integer", "title": "Code", "default": 100},
            "data": {"anyOf": [data, {"type": "null"}]},
            "message": {"title": "Message", "type": "string"},
        },
        "type": "object",
        "title": title,
    }


def _schemas() -> dict[str, Any]:
    fields = {
        "name": {"type": "string", "title": "Name", "minLength": 1},
        "size": {"type": "integer", "title": "Size", "minimum": 1},
        # An `<x>_id` field: the resource model makes it a reference to secrets.
        "secret_id": {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "Secret Id"},
    }
    return {
        "CreateGadgetSchema": {
            "properties": fields,
            "type": "object",
            "required": ["name"],
            "title": "CreateGadgetSchema",
        },
        "UpdateGadgetSchema": {
            "properties": fields,
            "type": "object",
            "title": "UpdateGadgetSchema",
        },
        "GadgetSchema": {
            "properties": {
                "id": {"type": "string", "format": "uuid", "title": "Id"},
                **fields,
                "created_at": {"type": "string", "format": "date-time", "title": "Created At"},
            },
            "type": "object",
            "required": ["id", "name", "created_at"],
            "title": "GadgetSchema",
        },
        "Response_GadgetSchema_": _envelope("Response[GadgetSchema]", _ref("GadgetSchema")),
        "Response_list_GadgetSchema__": _envelope(
            "Response[list[GadgetSchema]]", {"type": "array", "items": _ref("GadgetSchema")}
        ),
    }


def _operation(
    summary: str, op_id: str, response: str, *, body: str | None = None, item: bool = False
) -> dict[str, Any]:
    op: dict[str, Any] = {
        "tags": ["Gadgets"],
        "summary": summary,
        "description": summary,
        "operationId": op_id,
        "security": [{"APIKeyHeader": []}],
        "responses": {
            "200": {
                "description": "Successful Response",
                "content": {_JSON: {"schema": _ref(response)}},
            },
            "422": {
                "description": "Validation Error",
                "content": {_JSON: {"schema": _ref("HTTPValidationError")}},
            },
        },
    }
    if item:
        op["parameters"] = [
            {
                "name": "gadget_id",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "title": "Gadget Id"},
            }
        ]
    if body:
        op["requestBody"] = {"required": True, "content": {_JSON: {"schema": _ref(body)}}}
    return op


def _paths() -> dict[str, Any]:
    item = "/v1/gadgets/{gadget_id}"
    suffix = "_v1_gadgets__gadget_id_"
    return {
        "/v1/gadgets": {
            "get": _operation(
                "List gadgets", "list_gadgets_v1_gadgets_get", "Response_list_GadgetSchema__"
            ),
            "post": _operation(
                "Create a gadget",
                "create_gadget_v1_gadgets_post",
                "Response_GadgetSchema_",
                body="CreateGadgetSchema",
            ),
        },
        item: {
            "get": _operation(
                "Get a gadget", f"get_gadget{suffix}get", "Response_GadgetSchema_", item=True
            ),
            "patch": _operation(
                "Update a gadget",
                f"update_gadget{suffix}patch",
                "Response_GadgetSchema_",
                body="UpdateGadgetSchema",
                item=True,
            ),
            "delete": _operation(
                "Delete a gadget", f"delete_gadget{suffix}delete", "Response_NoneType_", item=True
            ),
        },
    }


def field_resource(spec: dict[str, Any]) -> dict[str, Any]:
    """The existing resource NEW_FIELD goes on: the first the resource model finds with every
    role (create, list, get, update, delete), as `tools/resource_model.py` derives it."""
    sys.path.insert(0, str(ROOT / "tools"))
    from resource_model import derive_model

    return next(
        r
        for r in derive_model(spec)["resources"].values()
        if {"create", "list", "get", "update", "delete"} <= set(r["operations"])
        and {"create", "update", "read", "list_item"} <= set(r["schemas"])
    )


def catalog_resource(spec: dict[str, Any]) -> dict[str, Any]:
    """The existing resource with an update but no create (the catalog's avatars): NEW_FIELD
    goes on its schemas too, so an object the API cannot create keeps it through an update."""
    sys.path.insert(0, str(ROOT / "tools"))
    from resource_model import derive_model

    return next(
        r
        for r in derive_model(spec)["resources"].values()
        if {"update", "get"} <= set(r["operations"]) and "create" not in r["operations"]
    )


def next_version(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` at the next minor version (0.1.0 -> 0.2.0) plus the gadgets resource, NEW_FIELD
    (optional) on every schema of an existing CRUD resource (`field_resource`) and
    NEW_ENUM_VALUE on the first string enum (a copy; ``spec`` is left as it is)."""
    new = copy.deepcopy(spec)
    major, minor, *_ = (int(part) for part in new["info"]["version"].split("."))
    new["info"]["version"] = f"{major}.{minor + 1}.0"
    schemas = new["components"]["schemas"]
    touched = {
        *field_resource(spec)["schemas"].values(),
        *catalog_resource(spec)["schemas"].values(),
    }
    for name in touched:
        schemas[name]["properties"][NEW_FIELD] = {"type": "string", "title": "Next Version Note"}
    first_enum = next(s for s in schemas.values() if s.get("type") == "string" and s.get("enum"))
    first_enum["enum"].append(NEW_ENUM_VALUE)
    schemas.update(_schemas())
    new["paths"].update(_paths())
    if "tags" in new:
        new["tags"].append({"name": "Gadgets"})
    return new


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path, help="where to write the next-version spec")
    parser.add_argument("--spec", type=Path, default=ROOT / "openapi.json")
    args = parser.parse_args(argv)
    spec = json.loads(args.spec.read_text(encoding="utf-8"))
    args.out.write_text(json.dumps(next_version(spec), indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
