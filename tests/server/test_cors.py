"""CORS: preflights on every operation of the spec, allowed origins echoed, others refused."""

from __future__ import annotations

import asyncio
import re

import httpx
import pytest
from liveavatar_server import Store
from liveavatar_server._asgi import build_app
from liveavatar_server._cors import CORS
from liveavatar_server._spec import load_spec, operations

from tests.server.conftest import Tenant

PAGE = "http://localhost:3000"


def _paths() -> list[tuple[str, str]]:
    """One concrete URL per operation of the effective spec (path parameters filled in)."""
    return [
        (op.method, re.sub(r"\{[^}]+\}", "00000000-0000-0000-0000-000000000000", op.path))
        for op in operations(load_spec())
    ]


def test_every_operation_answers_a_preflight_from_a_local_page(tenant: Tenant) -> None:
    for method, path in _paths():
        answer = tenant.http.options(
            path,
            headers={
                "Origin": PAGE,
                "Access-Control-Request-Method": method,
                "Access-Control-Request-Headers": "authorization, x-api-key, content-type",
            },
        )
        assert answer.status_code == 204, (method, path, answer.status_code)
        assert answer.headers["access-control-allow-origin"] == PAGE
        assert method in answer.headers["access-control-allow-methods"]
        allowed = answer.headers["access-control-allow-headers"].lower()
        assert {"authorization", "x-api-key", "content-type"} <= {
            h.strip() for h in allowed.split(",")
        }


def test_answers_carry_the_origin_for_allowed_pages_only(tenant: Tenant) -> None:
    ok = tenant.http.get("/v1/secrets", headers={"Origin": PAGE})
    assert ok.status_code == 200
    assert ok.headers["access-control-allow-origin"] == PAGE
    assert "Origin" in ok.headers["vary"]
    for stranger in ("https://evil.example", "http://localhost.evil.example:3000"):
        refused = tenant.http.get("/v1/secrets", headers={"Origin": stranger})
        assert refused.status_code == 200  # the browser refuses it: no CORS headers
        assert "access-control-allow-origin" not in refused.headers
        preflight = tenant.http.options(
            "/v1/secrets", headers={"Origin": stranger, "Access-Control-Request-Method": "GET"}
        )
        assert preflight.status_code == 403
        assert "access-control-allow-origin" not in preflight.headers


def test_without_an_origin_nothing_changes(tenant: Tenant) -> None:
    answer = tenant.http.get("/v1/secrets")
    assert "access-control-allow-origin" not in answer.headers
    assert tenant.http.options("/v1/secrets").status_code == 405


@pytest.mark.parametrize(
    ("setting", "origin", "allowed"),
    [
        ("https://app.example.com", "https://app.example.com", True),
        ("https://app.example.com, https://b.example/", "https://b.example", True),
        ("https://app.example.com", PAGE, False),
        ("*", "https://anything.example", True),
        (None, "http://127.0.0.1:5173", True),
        (None, "https://localhost:3000", False),
    ],
)
def test_the_setting_names_the_origins(
    store: Store, setting: str | None, origin: str, allowed: bool
) -> None:
    app = CORS(build_app(store), setting)
    assert app.allows(origin) is allowed
    transport = httpx.ASGITransport(app=app)

    async def preflight() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            return await client.options(
                "/v1/secrets", headers={"Origin": origin, "Access-Control-Request-Method": "GET"}
            )

    answer = asyncio.run(preflight())
    assert (answer.headers.get("access-control-allow-origin") == origin) is allowed
