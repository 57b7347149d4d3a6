"""Resources the suite was never written for: a test spec that adds them, and a small server.

`widget_spec()` is the packaged effective spec plus `/v1/bins` (create, get, delete) and
`/v1/widgets` (tag `Widgets`): create, list (newest first), get, partial update and delete, with
an enum, an integer and a boolean that all have defaults, and a required `bin_id` naming a
bin of the caller's space; its resource model is derived as `make generate` derives ours.
`build_widget_app(keys, defect)` implements it, correctly or with one planted defect of DEFECTS.
"""

import copy
import json
import uuid
from datetime import UTC, datetime
from enum import StrEnum
from importlib import resources
from typing import Annotated, Any, Generic, TypeVar

from fastapi import Depends, FastAPI, HTTPException, Request, Security
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader
from pydantic import BaseModel, Field, ValidationError
from resource_model import derive_model

T = TypeVar("T")
TAG = "Widgets"
DEFECTS = (
    "tenant_leak",
    "lost_write",
    "ignored_field",
    # The blind spots: an update of the last writable field ignored; an update that resets every
    # unsent field to its default; a name past maxLength accepted (the bin is checked first);
    # 500 to an empty update; 500 to a create with only the required fields; no envelope `code`.
    "ignored_update",
    "reset_on_update",
    "long_name_accepted",
    "empty_update_500",
    "minimal_create_500",
    "drops_code",
)


def _envelope(name: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": name,
        "type": "object",
        "properties": {
            "code": {"type": "integer", "default": 100},
            "data": {"anyOf": [data, {"type": "null"}]},
            "message": {"type": "string"},
        },
        # As the overlay makes ours: every client reads `code`.
        "required": ["code", "data", "message"],
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
    bin = {"name": {"type": "string", "minLength": 1, "maxLength": 40}}
    schemas["CreateBin"] = {"type": "object", "properties": bin, "required": ["name"]}
    schemas["Bin"] = {
        "type": "object",
        "properties": {"id": {"type": "string"}, **bin},
        "required": ["id", "name"],
    }
    fields = {**fields, "bin_id": {"type": "string", "minLength": 1}}
    schemas["CreateWidget"] = {
        "type": "object",
        "properties": fields,
        "required": ["name", "bin_id"],
    }
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
    bin_one = _envelope("Response[Bin]", {"$ref": "#/components/schemas/Bin"})
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
        op_id: str,
        answer: dict[str, Any],
        body: str | None = None,
        item: bool = False,
        parameter: str = "widget_id",
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
                **(
                    {"400": {"description": "Unknown bin_id", "content": error}}
                    if body in {"CreateWidget", "UpdateWidget"}
                    else {}
                ),
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
                {"name": parameter, "in": "path", "required": True, "schema": {"type": "string"}}
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
    spec["paths"]["/v1/bins"] = {"post": operation("create_bin", bin_one, "CreateBin")}
    spec["paths"]["/v1/bins/{bin_id}"] = {
        "get": operation("get_bin", bin_one, item=True, parameter="bin_id"),
        "delete": operation("delete_bin", empty, item=True, parameter="bin_id"),
    }
    spec.setdefault("tags", []).append({"name": TAG})
    spec["x-liveavatar-model"] = derive_model(spec)
    return spec


class Color(StrEnum):
    red = "red"
    green = "green"
    blue = "blue"


class CreateBin(BaseModel):
    name: str = Field(min_length=1, max_length=40)


class Bin(CreateBin):
    id: str


class CreateWidget(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    color: Color = Color.red
    size: int = Field(default=1, ge=1, le=10)
    enabled: bool = True
    bin_id: str = Field(min_length=1)


class LaxCreateWidget(CreateWidget):
    """The `long_name_accepted` defect: no maxLength on the name."""

    name: str = Field(min_length=1)


class UpdateWidget(BaseModel):
    name: str = Field(default=None, min_length=1, max_length=100)  # type: ignore[assignment]
    color: Color = None  # type: ignore[assignment]
    size: int = Field(default=None, ge=1, le=10)  # type: ignore[assignment]
    enabled: bool = None  # type: ignore[assignment]
    bin_id: str = Field(default=None, min_length=1)  # type: ignore[assignment]


class Widget(CreateWidget):
    id: str
    created_at: datetime
    updated_at: datetime


# What the `reset_on_update` defect writes over every unsent field that has a default.
DEFAULTS = {"color": Color.red, "size": 1, "enabled": True}


class Response(BaseModel, Generic[T]):
    code: int = 100
    data: T | None = None
    message: str = "Success"


def _validate(model: type[CreateWidget], raw: Any) -> CreateWidget:
    try:
        return model.model_validate(raw)
    except ValidationError as error:
        detail = [
            {"loc": ["body", *e["loc"]], "msg": e["msg"], "type": e["type"]} for e in error.errors()
        ]
        raise HTTPException(status_code=422, detail=detail) from None


def build_widget_app(keys: dict[str, str], defect: str | None = None) -> FastAPI:
    """Bins and widgets per space; `defect` plants one of DEFECTS."""
    assert defect is None or defect in DEFECTS
    app = FastAPI()
    store: dict[str, dict[str, Widget]] = {space: {} for space in set(keys.values())}
    bins: dict[str, dict[str, Bin]] = {space: {} for space in set(keys.values())}
    api_key = APIKeyHeader(name="X-API-KEY")

    def space_name(key: Annotated[str, Security(api_key)]) -> str:
        if key not in keys:
            raise HTTPException(status_code=401, detail="Invalid API key")
        return keys[key]

    SpaceName = Annotated[str, Depends(space_name)]

    def answer(data: Any = None) -> Any:
        envelope = Response[Any](data=data).model_dump(mode="json")
        if defect == "drops_code":
            envelope.pop("code")
        return JSONResponse(envelope)

    def find(space: dict[str, Widget], widget_id: str) -> tuple[dict[str, Widget], Widget]:
        if widget_id in space:
            return space, space[widget_id]
        if defect == "tenant_leak":
            for other in store.values():
                if widget_id in other:
                    return other, other[widget_id]
        raise HTTPException(status_code=404, detail="Widget not found")

    def bin_of(space: str, bin_id: str) -> None:
        if bin_id not in bins[space]:
            raise HTTPException(status_code=400, detail="bin_id names no bin of your space")

    @app.post("/v1/bins", response_model=Response[Bin])
    def create_bin(body: CreateBin, space: SpaceName) -> Any:
        bin = Bin(id=str(uuid.uuid4()), name=body.name)
        bins[space][bin.id] = bin
        return answer(bin)

    @app.get("/v1/bins/{bin_id}", response_model=Response[Bin])
    def get_bin(bin_id: str, space: SpaceName) -> Any:
        if bin_id not in bins[space]:
            raise HTTPException(status_code=404, detail="Bin not found")
        return answer(bins[space][bin_id])

    @app.delete("/v1/bins/{bin_id}", response_model=Response[None])
    def delete_bin(bin_id: str, space: SpaceName) -> Any:
        if bins[space].pop(bin_id, None) is None:
            raise HTTPException(status_code=404, detail="Bin not found")
        return answer()

    @app.get("/v1/widgets", response_model=Response[list[Widget]])
    def list_widgets(space: SpaceName) -> Any:
        return answer(list(reversed(store[space].values())))

    async def create_widget(request: Request, space: SpaceName) -> Any:
        try:
            raw = await request.json()
        except ValueError:
            raise HTTPException(400, "There was an error parsing the body") from None
        model = LaxCreateWidget if defect == "long_name_accepted" else CreateWidget
        if not isinstance(raw, dict):
            _validate(model, raw)
        # The reference is checked before the values (so a made-up bin hides a lax name).
        bin_of(space, str(raw.get("bin_id")))
        body = _validate(model, raw)
        if defect == "minimal_create_500" and body.model_fields_set <= {"name", "bin_id"}:
            return JSONResponse({"detail": "Internal Server Error"}, status_code=500)
        now = datetime.now(UTC)
        fields = body.model_dump()
        if defect == "ignored_field":
            fields["color"] = Color.red
        # model_construct: the `long_name_accepted` defect stores what the lax model let through.
        widget = Widget.model_construct(
            id=str(uuid.uuid4()), created_at=now, updated_at=now, **fields
        )
        if defect != "lost_write":
            store[space][widget.id] = widget
        return answer(widget)

    app.add_api_route(
        "/v1/widgets",
        create_widget,
        methods=["POST"],
        response_model=Response[Widget],
    )

    @app.get("/v1/widgets/{widget_id}", response_model=Response[Widget])
    def get_widget(widget_id: str, space: SpaceName) -> Any:
        return answer(find(store[space], widget_id)[1])

    @app.patch("/v1/widgets/{widget_id}", response_model=Response[Widget])
    def update_widget(widget_id: str, body: UpdateWidget, space: SpaceName) -> Any:
        owner, widget = find(store[space], widget_id)
        changes = body.model_dump(exclude_unset=True)
        if defect == "empty_update_500" and not changes:
            return JSONResponse({"detail": "Internal Server Error"}, status_code=500)
        if "bin_id" in changes:
            bin_of(space, changes["bin_id"])
        if defect == "ignored_update":
            changes.pop("bin_id", None)
        if defect == "reset_on_update":
            changes = {**DEFAULTS, **changes}
        owner[widget_id] = widget.model_copy(update={**changes, "updated_at": datetime.now(UTC)})
        return answer(owner[widget_id])

    @app.delete("/v1/widgets/{widget_id}", response_model=Response[None])
    def delete_widget(widget_id: str, space: SpaceName) -> Any:
        owner, _ = find(store[space], widget_id)
        del owner[widget_id]
        return answer()

    return app
