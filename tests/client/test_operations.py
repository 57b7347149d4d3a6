"""Every operation of the spec, called once by name, sync and async, through httpx.MockTransport.

Nothing here lists operations: they come from the effective spec (as the generated resources
do), bodies and replies from its schemas (`tests/_support/examples.py`). Each call must reach
the operation's method and path with the body built from its schema and the credential its
`security` asks for, and return the envelope's `data` as the generated model (a page for the
paginated lists).
"""

from __future__ import annotations

import asyncio
import json
import keyword
from typing import Any

import httpx
import pytest
from liveavatar import AsyncLiveAvatar, LiveAvatar
from liveavatar_api.resources import OPERATIONS, SECURITY_SCHEMES, Operation
from liveavatar_models.spec_walk import resolve

from tests._support.examples import example_value
from tests.client.conftest import API_KEY, BASE_URL
from tests.conftest import ROOT

SPEC: dict[str, Any] = json.loads((ROOT / "generated" / "openapi.effective.json").read_bytes())
SESSION_TOKEN = "session-token-abc"


def _spec_of(operation: Operation) -> dict[str, Any]:
    found: dict[str, Any] = SPEC["paths"][operation.path][operation.method.lower()]
    return found


def _keyword(name: str) -> str:
    return name if name.isidentifier() and not keyword.iskeyword(name) else name + "_"


def _body_schema(spec: dict[str, Any]) -> dict[str, Any] | None:
    content = spec.get("requestBody", {}).get("content", {}).get("application/json")
    return None if content is None else resolve(SPEC, content["schema"])


def _success(spec: dict[str, Any]) -> tuple[int, dict[str, Any] | None]:
    status = min(code for code in spec["responses"] if code.startswith("2"))
    content = spec["responses"][status].get("content", {}).get("application/json")
    return int(status), None if content is None else content["schema"]


def _bearer_only(operation: Operation) -> bool:
    return all(
        any(SECURITY_SCHEMES[s].get("scheme") == "bearer" for s in alt)
        for alt in operation.security
    ) and bool(operation.security)


class Call:
    """One operation's call: the arguments from the spec and the reply the mock gives."""

    def __init__(self, operation: Operation) -> None:
        self.operation = operation
        spec = _spec_of(operation)
        parameters = spec.get("parameters", [])
        self.args = [
            f"{p['name']}-1"
            if resolve(SPEC, p["schema"]).get("format") != "uuid"
            else example_value(SPEC, p["schema"], all_fields=True)
            for p in parameters
            if p["in"] == "path"
        ]
        self.query = {
            _keyword(p["name"]): example_value(SPEC, p["schema"], all_fields=True)
            for p in parameters
            if p["in"] == "query" and p.get("required")
        }
        schema = _body_schema(spec)
        self.body = None if schema is None else example_value(SPEC, schema, all_fields=True)
        self.kwargs: dict[str, Any] = {**self.query, **(self.body or {})}
        if _bearer_only(operation):
            self.kwargs["session_token"] = SESSION_TOKEN
        self.status, reply_schema = _success(spec)
        self.reply = (
            None if reply_schema is None else example_value(SPEC, reply_schema, all_fields=True)
        )
        if operation.paginated and self.reply is not None:
            self.reply["data"]["next"] = None
        self.requests: list[httpx.Request] = []

    def respond(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.reply is None:
            return httpx.Response(self.status)
        return httpx.Response(self.status, json=self.reply)

    def check(self, result: Any) -> None:
        (request,) = self.requests
        assert request.method == self.operation.method
        expected_path = self.operation.path
        for value, name in zip(self.args, _path_names(self.operation), strict=True):
            expected_path = expected_path.replace("{" + name + "}", str(value))
        assert request.url.path == expected_path
        sent = json.loads(request.content) if request.content else None
        assert sent == self.body
        for name, value in self.query.items():
            assert request.url.params[name.rstrip("_")] == str(value)
        headers = request.headers
        if not self.operation.security:
            assert "x-api-key" not in headers
            assert "authorization" not in headers
        elif _bearer_only(self.operation):
            assert headers["authorization"] == f"Bearer {SESSION_TOKEN}"
            assert "x-api-key" not in headers
        else:
            assert headers["x-api-key"] == API_KEY
            assert "authorization" not in headers
        self._check_result(result)

    def _check_result(self, result: Any) -> None:
        data: Any = None if self.reply is None else self.reply.get("data")
        if self.operation.paginated:
            assert [item.to_dict() for item in result.items] == data["results"]
            assert result.count == data["count"]
            assert not result.has_next_page()
        elif isinstance(data, list):
            assert isinstance(result, list)
            assert [item.to_dict() for item in result] == data
        elif isinstance(data, dict) and hasattr(result, "to_dict"):
            assert type(result).__module__.startswith("liveavatar_api.models")
            assert result.to_dict() == data
        else:  # an untyped `data` (the generic envelope) or no body at all
            assert result == data


def _path_names(operation: Operation) -> list[str]:
    return [p["name"] for p in _spec_of(operation).get("parameters", []) if p["in"] == "path"]


def _ids(operation: Operation) -> str:
    return f"{operation.resource}.{operation.name}"


@pytest.mark.parametrize("operation", OPERATIONS, ids=_ids)
def test_every_operation_by_name(operation: Operation) -> None:
    call = Call(operation)
    http = httpx.Client(transport=httpx.MockTransport(call.respond))
    with LiveAvatar(API_KEY, base_url=BASE_URL, http_client=http) as client:
        method = getattr(getattr(client, operation.resource), operation.name)
        result = method(*call.args, **call.kwargs)
    call.check(result)


@pytest.mark.parametrize("operation", OPERATIONS, ids=_ids)
def test_every_operation_by_name_async(operation: Operation) -> None:
    call = Call(operation)

    async def respond(request: httpx.Request) -> httpx.Response:
        await request.aread()
        return call.respond(request)

    async def scenario() -> Any:
        http = httpx.AsyncClient(transport=httpx.MockTransport(respond))
        async with AsyncLiveAvatar(API_KEY, base_url=BASE_URL, http_client=http) as client:
            method = getattr(getattr(client, operation.resource), operation.name)
            returned = method(*call.args, **call.kwargs)
            return await returned  # a coroutine, or the pager of a paginated list

    call.check(asyncio.run(scenario()))


@pytest.mark.parametrize("operation", OPERATIONS, ids=_ids)
def test_every_operation_has_a_raw_response_variant(operation: Operation) -> None:
    call = Call(operation)
    http = httpx.Client(transport=httpx.MockTransport(call.respond))
    with LiveAvatar(API_KEY, base_url=BASE_URL, http_client=http) as client:
        method = getattr(getattr(client.with_raw_response, operation.resource), operation.name)
        raw = method(*call.args, **call.kwargs)
    assert raw.status_code == call.status
    assert raw.json() == call.reply if call.reply is not None else raw.content == b""


def test_the_client_has_exactly_the_spec_resources() -> None:
    """Named by the one rule: a resource per first path segment, a method per operation."""
    client = LiveAvatar(API_KEY)
    for operation in OPERATIONS:
        assert callable(getattr(getattr(client, operation.resource), operation.name))
    assert len({(op.resource, op.name) for op in OPERATIONS}) == len(OPERATIONS)
    assert sum(len(item) for item in SPEC["paths"].values()) >= len(OPERATIONS)
    client.close()
