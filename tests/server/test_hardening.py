"""Bad input never yields a 500: malformed JSON, wrong types, huge bodies, odd characters."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx
import pytest
from liveavatar_models import SecretListItemSchema
from liveavatar_models.server_stubs import SecretsStub
from liveavatar_server import ReferenceServer, Store
from liveavatar_server._handlers import implementation
from liveavatar_server.resources import Call
from liveavatar_server.testing import serve_app

from tests.server._catalog_fixtures import SECRET, new_openai_secret, ok
from tests.server.conftest import Tenant

MIB = 1024 * 1024


def _raw(
    tenant: Tenant, path: str, body: bytes, content_type: str | None = "application/json"
) -> httpx.Response:
    headers = {"content-type": content_type} if content_type else {}
    return tenant.http.post(path, content=body, headers=headers)


@pytest.mark.parametrize(
    "body",
    [b"{", b"{bad", b"", b"nul", b"[1,]", b"\xff\xfe", b'{"a": NaN}', b'"\\ud800"', b"\x00"],
    ids=[
        "open",
        "bare-word",
        "empty",
        "truncated",
        "trailing-comma",
        "not-utf8",
        "nan",
        "lone-surrogate",
        "nul",
    ],
)
def test_malformed_json_is_422_in_fastapis_shape(tenant: Tenant, body: bytes) -> None:
    response = _raw(tenant, "/v1/secrets", body)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert detail
    assert detail[0]["loc"][0] == "body"
    assert detail[0]["type"] in {"json_invalid", "missing"}


@pytest.mark.parametrize(
    "document",
    [[], "text", 42, None, {"secret_name": 5, "secret_value": [], "secret_type": {}}],
    ids=["array", "string", "number", "null", "wrong-types"],
)
def test_wrong_json_shapes_are_422(tenant: Tenant, document: object) -> None:
    response = _raw(tenant, "/v1/secrets", json.dumps(document).encode())
    assert response.status_code == 422
    assert all(error["loc"][0] == "body" for error in response.json()["detail"])


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/xml",
    ],
)
def test_a_non_json_content_type_is_422(tenant: Tenant, content_type: str) -> None:
    response = _raw(tenant, "/v1/secrets", json.dumps(SECRET).encode(), content_type)
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["header", "content-type"]


def test_credentials_are_checked_before_the_content_type(base_url: str) -> None:
    response = httpx.post(
        base_url + "/v1/secrets", content=b"x", headers={"content-type": "text/plain"}
    )
    assert response.status_code == 401


def test_json_with_charset_or_a_json_suffix_or_no_content_type_is_accepted(tenant: Tenant) -> None:
    for content_type in ("application/json; charset=utf-8", "application/merge-patch+json", None):
        ok(_raw(tenant, "/v1/secrets", json.dumps(SECRET).encode(), content_type))


def test_a_body_over_1_mib_is_413_with_the_envelope(tenant: Tenant) -> None:
    big = json.dumps({**SECRET, "secret_value": "x" * (MIB + 10)}).encode()
    response = _raw(tenant, "/v1/secrets", big)
    assert response.status_code == 413
    assert response.json() == {"code": 413, "data": None, "message": "Request body exceeds 1 MiB"}


def test_the_limit_holds_when_the_body_streams_without_content_length(tenant: Tenant) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"secret_name": "a", "secret_type": "OPENAI_API_KEY", "secret_value": "'
        for _ in range(20):
            yield b"y" * 65536
        yield b'"}'

    response = tenant.http.post(
        "/v1/secrets", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_a_lying_content_length_cannot_smuggle_a_big_body(tenant: Tenant, base_url: str) -> None:
    """Content-Length says 10 bytes, 2 MiB follow: the server reads 10 and answers; no 500."""
    url = urlsplit(base_url)
    with socket.create_connection((url.hostname or "", url.port or 80), timeout=10) as sock:
        request = (
            f"POST /v1/secrets HTTP/1.1\r\nHost: x\r\nX-API-KEY: {tenant.key}\r\n"
            "Content-Type: application/json\r\nContent-Length: 10\r\nConnection: close\r\n\r\n"
        ).encode() + b"z" * (2 * MIB)
        # The server may close early; what matters is its status line.
        with contextlib.suppress(OSError):
            sock.sendall(request)
        head = sock.recv(4096)
    assert head.startswith(b"HTTP/1.1 4"), head[:100]


def test_just_under_the_limit_is_validated_normally(tenant: Tenant) -> None:
    value = "v" * (MIB - 200)
    created = ok(tenant.http.post("/v1/secrets", json={**SECRET, "secret_value": value}))
    assert created["secret_name"] == SECRET["secret_name"]


@pytest.mark.parametrize(
    "name",
    [
        "naïve — ünïcødé ✓",
        "emoji 🦄🔑",
        "tab\tnewline\nreturn\r",
        "bell\x07escape\x1b",
        "rtl \u202e",
        "\U0001d518\U0001d52b",
    ],
)
def test_non_ascii_and_control_characters_round_trip(tenant: Tenant, name: str) -> None:
    secret_id = new_openai_secret(tenant, name)
    listed = {s["id"]: s["secret_name"] for s in ok(tenant.http.get("/v1/secrets"))}
    assert listed[secret_id] == name


def test_nul_characters_round_trip_or_get_a_clear_422(store: Store, tenant: Tenant) -> None:
    response = tenant.http.post("/v1/secrets", json={**SECRET, "secret_name": "a\x00b"})
    if store.accepts_nul:
        secret_id = ok(response)["id"]
        listed = {s["id"]: s["secret_name"] for s in ok(tenant.http.get("/v1/secrets"))}
        assert listed[secret_id] == "a\x00b"
    else:
        assert response.status_code == 422
        assert response.json()["detail"][0]["type"] == "string_nul"


def test_nul_characters_in_ids_never_cause_a_500(store: Store, tenant: Tenant) -> None:
    for method in ("GET", "PATCH", "DELETE"):
        response = tenant.http.request(method, "/v1/llm-configurations/a%00b", json={})
        assert response.status_code == (404 if store.accepts_nul else 422), method
    assert tenant.http.delete("/v1/secrets/%00").status_code in {404, 422}


def test_huge_strings_past_max_length_are_422(tenant: Tenant) -> None:
    response = tenant.http.post("/v1/secrets", json={**SECRET, "secret_name": "n" * 100_000})
    assert response.status_code == 422
    assert response.json()["detail"][0]["type"] == "string_too_long"


def test_unknown_fields_are_ignored(tenant: Tenant) -> None:
    data = ok(
        tenant.http.post("/v1/secrets", json={**SECRET, "extra": {"deep": [1, 2]}, "id": "x"})
    )
    assert data["id"] != "x"


def test_explicit_null_for_a_non_nullable_field_is_422(tenant: Tenant) -> None:
    secret_id = new_openai_secret(tenant)
    create = {"display_name": "d", "model_name": "m", "secret_id": secret_id, "base_url": None}
    response = tenant.http.post("/v1/llm-configurations", json=create)
    assert response.status_code == 422
    assert response.json()["detail"] == [
        {
            "type": "string_type",
            "loc": ["body", "base_url"],
            "msg": "Input should be a valid string",
            "input": None,
        }
    ]
    config = ok(
        tenant.http.post("/v1/llm-configurations", json={**create, "base_url": "https://x"})
    )
    for field in ("display_name", "model_name", "secret_id", "base_url"):
        patched = tenant.http.patch(f"/v1/llm-configurations/{config['id']}", json={field: None})
        assert patched.status_code == 422, field
        assert [e["loc"] for e in patched.json()["detail"]] == [["body", field]]
    unchanged = ok(tenant.http.get(f"/v1/llm-configurations/{config['id']}"))
    assert unchanged["base_url"] == "https://x"


def test_a_422_never_echoes_the_secret_value(tenant: Tenant) -> None:
    value = "sk-very-secret-value"
    for body in (
        {**SECRET, "secret_value": value, "secret_type": "NOPE"},
        {"secret_value": value},
        {**SECRET, "secret_value": value, "secret_name": ""},
        [value],  # a list as the whole body: the error's input is the body itself
        value,
        {**SECRET, "secret_value": {"nested": value}},  # wrong type at the secret field
        {**SECRET, "secret_value": [value]},
    ):
        response = tenant.http.post("/v1/secrets", json=body)
        assert response.status_code == 422
        assert value not in response.text


def test_responses_never_carry_null_for_string_fields(tenant: Tenant) -> None:
    secret_id = new_openai_secret(tenant)
    config = ok(
        tenant.http.post(
            "/v1/llm-configurations",
            json={"display_name": "d", "model_name": "m", "secret_id": secret_id},
        )
    )
    assert None not in config.values()
    for item in ok(tenant.http.get("/v1/secrets")):
        assert None not in item.values()


def test_request_ids_are_echoed_when_sane_and_generated_otherwise(tenant: Tenant) -> None:
    echoed = tenant.http.get("/v1/secrets", headers={"X-Request-ID": "trace-123.abc:9"})
    assert echoed.headers["x-request-id"] == "trace-123.abc:9"
    for insane in ("a b", "x" * 500, "<script>", "new\\nline"):
        response = tenant.http.get("/v1/secrets", headers={"X-Request-ID": insane})
        assert response.headers["x-request-id"] != insane
        assert len(response.headers["x-request-id"]) == 32
    first = tenant.http.get("/nope").headers["x-request-id"]
    assert first != tenant.http.get("/nope").headers["x-request-id"]


def test_one_json_access_line_per_request_without_credentials(
    tenant: Tenant, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="liveavatar_server.access"):
        tenant.http.post(
            "/v1/secrets?token=abc",
            json={**SECRET, "secret_value": "sk-logged?"},
            headers={"X-Request-ID": "log-1"},
        )
        tenant.http.get("/v1/secrets", headers={"X-Request-ID": "log-2"})
    lines = [r.getMessage() for r in caplog.records if r.name == "liveavatar_server.access"]
    records = [json.loads(line) for line in lines]
    assert [r["request_id"] for r in records] == ["log-1", "log-2"]
    assert records[0]["method"] == "POST"
    assert records[0]["path"] == "/v1/secrets"
    assert records[0]["status"] == 200
    assert records[0]["duration_ms"] >= 0
    joined = "\n".join(lines)
    for leaked in (tenant.key, "sk-logged?", "token=abc"):
        assert leaked not in joined


def test_a_failing_handler_is_a_500_envelope_without_details(store: Store, tenant: Tenant) -> None:
    """The last line of defence: an unexpected exception is logged and answered 500, enveloped."""

    class Broken(SecretsStub[Call]):  # a handler takes over from the engine
        def list(self, ctx: Call, /) -> list[SecretListItemSchema]:
            raise RuntimeError("boom with sk-internal-detail")

    handlers = implementation()
    handlers.secrets = Broken()
    server = ReferenceServer(store, handlers=handlers)
    with serve_app(server) as url:
        response = httpx.get(url + "/v1/secrets", headers={"X-API-KEY": tenant.key}, timeout=10)
    assert response.status_code == 500
    assert response.json() == {"code": 500, "data": None, "message": "Internal Server Error"}
    assert "sk-internal" not in response.text


@pytest.mark.parametrize("depth", [10, 199, 200, 201, 1_000, 100_000])
@pytest.mark.parametrize("brackets", ["[]", "{}"], ids=["arrays", "objects"])
def test_deeply_nested_bodies_are_422_never_500(
    tenant: Tenant, caplog: pytest.LogCaptureFixture, depth: int, brackets: str
) -> None:
    """Nesting no schema describes: a refusal with FastAPI's shape, no traceback in the log."""
    opening = '{"a":' if brackets == "{}" else "["
    body = (opening * depth + "1" + brackets[1] * depth).encode()
    with caplog.at_level(logging.ERROR, logger="liveavatar_server"):
        for path in ("/v1/contexts", "/v1/secrets"):
            response = _raw(tenant, path, body)
            assert response.status_code in (400, 413, 422), (path, response.text[:200])
            detail = response.json()["detail"]
            assert detail[0]["loc"][0] == "body"
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    "number",
    ["1" + "0" * 5_000, "-" + "9" * 4_301, "18446744073709551616", "1e400", "-1e400", "1e-400"],
    ids=["5001-digits", "4302-digits-negative", "2-to-the-64", "1e400", "-1e400", "1e-400"],
)
def test_numbers_no_64_bit_type_holds_are_never_500(
    tenant: Tenant, caplog: pytest.LogCaptureFixture, number: str
) -> None:
    """In a field and as the whole body: a 422 (or the value taken), no traceback."""
    field = json.dumps({**SECRET, "secret_value": "v"})[:-1] + f', "secret_name": {number}}}'
    with caplog.at_level(logging.ERROR, logger="liveavatar_server"):
        for body in (number, field):
            response = _raw(tenant, "/v1/secrets", body.encode())
            assert response.status_code == 422, (body[:40], response.text[:200])
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
