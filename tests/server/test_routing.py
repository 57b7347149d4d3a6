"""Routing comes from the effective spec: every operation routed, 405 with Allow, 404, 501."""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from liveavatar_models.server_stubs import BINDINGS, Binding, Implementation
from liveavatar_models.spec_walk import HTTP_METHODS
from liveavatar_server import ReferenceServer, Store
from liveavatar_server._spec import (
    SpecError,
    load_spec,
    model_class_name,
    operations,
    resolve_model,
)
from liveavatar_server.testing import serve_app

from tests.conftest import ROOT


def spec_operations(spec: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {
        (method.upper(), path, item[method]["operationId"])
        for path, item in spec["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }


def test_packaged_spec_is_the_generated_effective_spec() -> None:
    generated = json.loads((ROOT / "generated" / "openapi.effective.json").read_text())
    assert load_spec() == generated


def test_route_table_equals_the_spec(store: Store) -> None:
    server = ReferenceServer(store)
    routed = {
        (method, route.path, operation.operation_id)
        for route in server.router.routes
        for method, operation in route.methods.items()
    }
    assert routed == spec_operations(load_spec())
    assert {route.path for route in server.router.routes} == set(load_spec()["paths"])


def test_every_operation_has_a_binding_and_models(store: Store) -> None:
    server = ReferenceServer(store)
    for operation in server.operations:
        binding = server.bindings[operation.operation_id]
        assert hasattr(getattr(server.handlers, binding.resource), binding.method)
        # Every success answers an envelope model, except a 204, which has no body.
        assert (operation.response_model is None) == (binding.status == 204)


def test_model_names_follow_datamodel_codegen() -> None:
    assert model_class_name("Response_list_SecretListItemSchema__") == (
        "ResponseListSecretListItemSchema"
    )
    assert model_class_name("Response_NoneType_") == "ResponseNoneType"
    assert model_class_name("HTTPValidationError") == "HTTPValidationError"
    for name in load_spec()["components"]["schemas"]:
        if load_spec()["components"]["schemas"][name].get("type") == "object":
            resolve_model(f"#/components/schemas/{name}")
    with pytest.raises(SpecError, match="make generate"):
        resolve_model("#/components/schemas/NoSuchSchema")


_PARAM_SEGMENT = re.compile(r"\{[^{}/]+\}")


@contextmanager
def _client(server: ReferenceServer, key: str) -> Iterator[httpx.Client]:
    """The app on real loopback HTTP (uvicorn in a thread)."""
    with serve_app(server) as url, httpx.Client(base_url=url, headers={"X-API-KEY": key}) as http:
        yield http


def _spec_with_new_operation() -> dict[str, Any]:
    spec = copy.deepcopy(load_spec())
    spec["paths"]["/v1/avatars/{avatar_id}"] = {
        "get": {
            "operationId": "get_avatar_v1_avatars__avatar_id__get",
            "parameters": [
                {"name": "avatar_id", "in": "path", "required": True, "schema": {"type": "string"}},
                {
                    "name": "verbose",
                    "in": "query",
                    "required": False,
                    "schema": {"type": "boolean"},
                },
            ],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {
                        "application/json": {
                            "schema": {"$ref": "#/components/schemas/Response_NoneType_"}
                        }
                    },
                }
            },
            "security": [{"APIKeyHeader": []}],
        },
        "put": {
            "operationId": "replace_avatar_v1_avatars__avatar_id__put",
            "requestBody": {
                "required": True,
                "content": {
                    "application/json": {
                        "schema": {"$ref": "#/components/schemas/CreateSecretRequestSchema"}
                    }
                },
            },
            "responses": {"200": {"description": "ok"}},
            "security": [{"APIKeyHeader": []}],
        },
    }
    return spec


def test_an_operation_added_to_the_spec_is_routed_with_no_new_code(store: Store) -> None:
    space = store.create_space("routing")
    key = store.create_api_key(space)
    server = ReferenceServer(store, spec=_spec_with_new_operation())
    with _client(server, key) as http:
        response = http.get("/v1/avatars/a1")
        assert response.status_code == 501
        assert response.json() == {
            "code": 501,
            "data": None,
            "message": "get_avatar_v1_avatars__avatar_id__get is not implemented",
        }
        assert http.put("/v1/avatars/a1", json={}).status_code == 501
        refused = http.post("/v1/avatars/a1")
        assert refused.status_code == 405
        assert refused.headers["allow"] == "GET, PUT"
        assert http.get("/v1/avatars/a1", headers={"X-API-KEY": "wrong"}).status_code == 401


def test_a_handler_registered_for_a_new_operation_gets_validated_input(store: Store) -> None:
    from liveavatar_server._handlers import implementation
    from liveavatar_server.resources import Call

    seen: list[tuple[Call, dict[str, Any]]] = []

    class Avatar:
        def get(self, ctx: Call, /, **params: Any) -> None:
            seen.append((ctx, params))

    @dataclass
    class WithAvatar(Implementation[Call]):
        avatar: Any = None

    handlers = WithAvatar(**vars(implementation()), avatar=Avatar())
    bindings = {
        **BINDINGS,
        "get_avatar_v1_avatars__avatar_id__get": Binding(
            operation_id="get_avatar_v1_avatars__avatar_id__get",
            resource="avatar",
            method="get",
            parameters=(("avatar_id", "avatar_id"), ("verbose", "verbose")),
            body=None,
            body_required=False,
            status=200,
            summary="avatar",
        ),
    }
    space = store.create_space("routing")
    key = store.create_api_key(space)
    server = ReferenceServer(
        store, spec=_spec_with_new_operation(), handlers=handlers, bindings=bindings
    )
    with _client(server, key) as http:
        response = http.get("/v1/avatars/a1", params={"verbose": "true"})
        assert response.json() == {"code": 100, "data": None, "message": "avatar"}
        assert seen[0][1] == {"avatar_id": "a1", "verbose": True}
        assert seen[0][0].space_id == space
        invalid = http.get("/v1/avatars/a1")
        assert invalid.status_code == 200  # verbose is optional
    # Query parameters are generic too: a declared boolean rejects a non-boolean.
    with _client(server, key) as http:
        bad = http.get("/v1/avatars/a1?verbose=maybe")
        assert bad.status_code == 422
        assert bad.json()["detail"][0]["loc"] == ["query", "verbose"]


def test_operations_read_security_requirements_from_the_spec() -> None:
    by_id = {op.operation_id: op for op in operations(load_spec())}
    assert by_id["create_secret_v1_secrets_post"].requirements == (frozenset({"APIKeyHeader"}),)
    assert by_id["start_session_v1_sessions_start_post"].requirements == (
        frozenset({"HTTPBearer"}),
    )
    assert by_id["stop_session_v1_sessions_stop_post"].requirements == (
        frozenset({"APIKeyHeader"}),
        frozenset({"HTTPBearer"}),
    )
    assert by_id["get_languages_v1_languages_get"].requirements == ()
    assert by_id["list_public_avatars_v1_avatars_public_get"].requirements == ()


@pytest.mark.parametrize(
    "path", ["/v1/llm-configurations", "/v1/llm-configurations/x", "/v1/secrets", "/v1/secrets/x"]
)
def test_405_names_every_method_of_the_path(store: Store, path: str) -> None:
    spec = load_spec()
    template = next(
        p
        for p in spec["paths"]
        if p.count("/") == path.count("/") and p.split("/")[2] == path.split("/")[2]
    )
    allowed = sorted(m.upper() for m in spec["paths"][template] if m in HTTP_METHODS)
    server = ReferenceServer(store)
    with _client(server, "irrelevant") as http:
        for method in ("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
            if method in allowed:
                continue
            response = http.request(method, path)
            assert response.status_code == 405, (method, path)
            assert response.headers["allow"] == ", ".join(allowed)
            assert response.json() == {"code": 405, "data": None, "message": "Method Not Allowed"}


@pytest.mark.parametrize("path", ["/", "/v1", "/v1/secrets/a/b", "/v2/secrets", "/v1/secrets/"])
def test_unknown_paths_are_404_with_the_envelope(store: Store, path: str) -> None:
    with _client(ReferenceServer(store), "irrelevant") as http:
        response = http.get(path)
    assert response.status_code == 404
    assert response.json() == {"code": 404, "data": None, "message": "Not Found"}


def test_operations_read_security_and_bodies_from_the_spec() -> None:
    by_id = {op.operation_id: op for op in operations(load_spec())}
    create = by_id["create_secret_v1_secrets_post"]
    assert create.security == ("APIKeyHeader",)
    assert create.body_required
    assert create.body_model is not None
    assert create.body_model.__name__ == "CreateSecretRequestSchema"
    assert by_id["list_secrets_v1_secrets_get"].body_model is None


def test_head_is_get_without_the_body_and_405_where_no_get(store: Store) -> None:
    """Every spec path: HEAD answers what GET answers (status, length), with no body."""
    spec = load_spec()
    space = store.create_space("head")
    key = store.create_api_key(space)
    with _client(ReferenceServer(store), key) as http:
        for template, methods in spec["paths"].items():
            path = _PARAM_SEGMENT.sub("x", template)
            head = http.head(path)
            if "get" not in methods:
                assert head.status_code == 405, template
                continue
            get = http.get(path)
            assert head.status_code == get.status_code, template
            assert head.content == b"", template
            assert head.headers["content-length"] == get.headers["content-length"], template
