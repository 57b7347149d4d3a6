"""A resource the suite was never written for: a test spec that adds it, and a small server for it.

`widget_spec()` is the packaged effective spec plus `/v1/widgets` (tag `Widgets`): create, list
(newest first), get, partial update and delete, with an enum, an integer and a boolean that all
have defaults. `build_widget_app(keys, defect)` implements it, correctly or with one planted defect.
"""

import copy
import json
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from importlib import resources
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Security
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, Field

T = TypeVar("T")
TAG = "Widgets"
DEFECTS = ("tenant_leak", "lost_write", "ignored_field")


def _envelope(name: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": name,
        "type": "object",
        "properties": {
            "code": {"type": "integer", "default": 100},
            "data": {"anyOf": [data, {"type": "null"}]},
            "message": {"type": "string"},
        },
    }


def widget_spec() -> dict[str, Any]:
    packaged = resources.files("liveavatar_models") / "openapi.effective.json"
    spec: dict[str, Any] = copy.deepcopy(json.loads(packaged.read_text(encoding="utf-8")))
    schemas = spec["components"]["schemas"]
    fields = {
        "name": {"type": "string", "minLength": 1, "maxLength": 100},
        "color": {"type": "string", "enum": ["red", "green", "blue"], "default": "red"},
        "size": {"type": "integer", "minimum": 1, "maximum": 10, "default": 1},
        "enabled": {"type": "boolean", "default": True},
    }
    schemas["CreateWidget"] = {"type": "object", "properties": fields, "required": ["name"]}
    schemas["UpdateWidget"] = {"type": "object", "properties": fields}
    schemas["Widget"] = {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            **fields,
            "created_at": {"type": "string", "format": "date-time"},
            "updated_at": {"type": "string", "format": "date-time"},
        },
        "required": ["id", *fields, "created_at", "updated_at"],
    }
    one = _envelope("Response[Widget]", {"$ref": "#/components/schemas/Widget"})
    many = _envelope(
        "Response[list[Widget]]",
        {"type": "array", "items": {"$ref": "#/components/schemas/Widget"}},
    )
    empty = _envelope("Response[None]", {"type": "null"})
    security: list[dict[str, list[str]]] = [{"APIKeyHeader": []}]
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}
    validation = {
        "application/json": {"schema": {"$ref": "#/components/schemas/HTTPValidationError"}}
    }

    def operation(
        op_id: str, answer: dict[str, Any], body: str | None = None, item: bool = False
    ) -> dict[str, Any]:
        raw: dict[str, Any] = {
            "tags": [TAG],
            "operationId": op_id,
            "description": "Results are ordered by creation date (newest first)"
            if op_id == "list_widgets"
            else op_id,
            "security": security,
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": answer}}},
                "401": {"description": "Unauthorized", "content": error},
                "422": {"description": "Invalid", "content": validation},
                **({"404": {"description": "Not found", "content": error}} if item else {}),
            },
        }
        if body:
            raw["requestBody"] = {
                "required": True,
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{body}"}}
                },
            }
        if item:
            raw["parameters"] = [
                {"name": "widget_id", "in": "path", "required": True, "schema": {"type": "string"}}
            ]
        return raw

    spec["paths"]["/v1/widgets"] = {
        "get": operation("list_widgets", many),
        "post": operation("create_widget", one, "CreateWidget"),
    }
    spec["paths"]["/v1/widgets/{widget_id}"] = {
        "get": operation("get_widget", one, item=True),
        "patch": operation("update_widget", one, "UpdateWidget", item=True),
        "delete": operation("delete_widget", empty, item=True),
    }
    spec.setdefault("tags", []).append({"name": TAG})
    return spec


class Color(StrEnum):
    red = "red"
    green = "green"
    blue = "blue"


class CreateWidget(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    color: Color = Color.red
    size: int = Field(default=1, ge=1, le=10)
    enabled: bool = True


class UpdateWidget(BaseModel):
    name: str = Field(default=None, min_length=1, max_length=100)  # type: ignore[assignment]
    color: Color = None  # type: ignore[assignment]
    size: int = Field(default=None, ge=1, le=10)  # type: ignore[assignment]
    enabled: bool = None  # type: ignore[assignment]


class Widget(CreateWidget):
    id: str
    created_at: datetime
    updated_at: datetime


class Response(BaseModel, Generic[T]):
    code: int = 100
    data: T | None = None
    message: str = "Success"


def build_widget_app(keys: dict[str, str], defect: str | None = None) -> FastAPI:
    """Widgets per space; `defect` plants one of DEFECTS."""
    assert defect is None or defect in DEFECTS
    app = FastAPI()
    store: dict[str, dict[str, Widget]] = {space: {} for space in set(keys.values())}
    api_key = APIKeyHeader(name="X-API-KEY")

    def space_of(key: Annotated[str, Security(api_key)]) -> dict[str, Widget]:
        if key not in keys:
            raise HTTPException(status_code=401, detail="Invalid API key")
        return store[keys[key]]

    Space = Annotated[dict[str, Widget], Depends(space_of)]

    def find(space: dict[str, Widget], widget_id: str) -> tuple[dict[str, Widget], Widget]:
        if widget_id in space:
            return space, space[widget_id]
        if defect == "tenant_leak":
            for other in store.values():
                if widget_id in other:
                    return other, other[widget_id]
        raise HTTPException(status_code=404, detail="Widget not found")

    @app.get("/v1/widgets", response_model=Response[list[Widget]])
    def list_widgets(space: Space) -> Response[list[Widget]]:
        return Response(data=list(reversed(space.values())))

    @app.post("/v1/widgets", response_model=Response[Widget])
    def create_widget(body: CreateWidget, space: Space) -> Response[Widget]:
        now = datetime.now(UTC)
        fields = body.model_dump()
        if defect == "ignored_field":
            fields["color"] = Color.red
        widget = Widget(id=str(uuid.uuid4()), created_at=now, updated_at=now, **fields)
        if defect != "lost_write":
            space[widget.id] = widget
        return Response(data=widget)

    @app.get("/v1/widgets/{widget_id}", response_model=Response[Widget])
    def get_widget(widget_id: str, space: Space) -> Response[Widget]:
        return Response(data=find(space, widget_id)[1])

    @app.patch("/v1/widgets/{widget_id}", response_model=Response[Widget])
    def update_widget(widget_id: str, body: UpdateWidget, space: Space) -> Response[Widget]:
        owner, widget = find(space, widget_id)
        changes = {**body.model_dump(exclude_unset=True), "updated_at": datetime.now(UTC)}
        owner[widget_id] = widget.model_copy(update=changes)
        return Response(data=owner[widget_id])

    @app.delete("/v1/widgets/{widget_id}", response_model=Response[None])
    def delete_widget(widget_id: str, space: Space) -> Response[None]:
        owner, _ = find(space, widget_id)
        del owner[widget_id]
        return Response()

    return app
