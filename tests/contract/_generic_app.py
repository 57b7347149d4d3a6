"""An in-memory server for any collection/item resources of a spec, with one planted defect.

Routes come from the same discovery the suite uses, so it serves resources the reference server
does not implement yet (contexts, memory). It validates nothing beyond "a JSON object": the
scenario phase judges it, schemathesis does not.
"""

import uuid
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import Any

from liveavatar_contract._resources import Resource, body_schema
from liveavatar_models.spec_walk import resolve
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

DEFECTS = ("tenant_leak", "lost_write", "ignored_field")
Handler = Callable[[Request], Awaitable[Response]]


def _ok(data: Any = None, status: int = 200) -> JSONResponse:
    return JSONResponse({"code": 100, "data": data, "message": "Success"}, status_code=status)


def _error(status: int, detail: str) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


def build_generic_app(
    spec: dict[str, Any], chosen: list[Resource], keys: dict[str, str], defect: str | None = None
) -> Starlette:
    assert defect is None or defect in DEFECTS
    stores: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}

    def store(space: str, resource: Resource) -> dict[str, dict[str, Any]]:
        return stores.setdefault((space, resource.collection), {})

    def find(space: str, resource: Resource, object_id: str) -> dict[str, dict[str, Any]] | None:
        if object_id in store(space, resource):
            return store(space, resource)
        if defect == "tenant_leak":
            for (_, collection), objects in stores.items():
                if collection == resource.collection and object_id in objects:
                    return objects
        return None

    def ignored(resource: Resource, body: dict[str, Any]) -> dict[str, Any]:
        """The last field of the create schema stored as its default (or emptied)."""
        properties = body_schema(spec, resource.create).get("properties", {})
        name = list(properties)[-1]
        prop = resolve(spec, properties[name])
        empty: Any = [] if prop.get("type") == "array" else ""
        return {**body, name: prop.get("default", empty)}

    def collection_handler(resource: Resource) -> Handler:
        async def handle(request: Request) -> Response:
            space = keys.get(request.headers.get("x-api-key", ""))
            if space is None:
                return _error(401, "Invalid API key")
            if request.method == "GET":
                return _ok(list(reversed(store(space, resource).values())))
            body = await request.json()
            if not isinstance(body, dict):
                return _error(422, "a JSON object is required")
            if defect == "ignored_field":
                body = ignored(resource, body)
            now = datetime.now(UTC).isoformat()
            item = {**body, "id": str(uuid.uuid4()), "created_at": now, "updated_at": now}
            if defect != "lost_write":
                store(space, resource)[item["id"]] = item
            return _ok(item)

        return handle

    def item_handler(resource: Resource) -> Handler:
        async def handle(request: Request) -> Response:
            space = keys.get(request.headers.get("x-api-key", ""))
            if space is None:
                return _error(401, "Invalid API key")
            object_id = request.path_params["object_id"]
            objects = find(space, resource, object_id)
            if objects is None:
                return _error(404, "Not found")
            if request.method == "GET":
                return _ok(objects[object_id])
            if request.method == "DELETE":
                del objects[object_id]
                return (
                    _ok()
                    if resource.delete and "200" in resource.delete.raw["responses"]
                    else Response(status_code=204)
                )
            changes = await request.json()
            now = datetime.now(UTC).isoformat()
            objects[object_id] = {**objects[object_id], **changes, "updated_at": now}
            return _ok(objects[object_id])

        return handle

    routes = []
    for resource in chosen:
        methods = ["GET", "POST"] if resource.list else ["POST"]
        routes.append(Route(resource.collection, collection_handler(resource), methods=methods))
        item_methods = [
            method
            for method, operation in (
                ("GET", resource.get),
                ("PATCH", resource.update),
                ("DELETE", resource.delete),
            )
            if operation is not None
        ]
        item = resource.item.rsplit("/", 1)[0] + "/{object_id}"
        routes.append(Route(item, item_handler(resource), methods=item_methods))
    return Starlette(routes=routes)
