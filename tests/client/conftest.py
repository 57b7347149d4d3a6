"""Client fixtures: a scripted httpx.MockTransport API, recorded retry waits, a clean environment."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from liveavatar import (
    APIStatusError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
    _retry,
)

API_KEY = "sk-live-key-0123456789"
SECRET_VALUE = "sk-openai-super-secret-value"
BASE_URL = "http://api.test"
# Status -> the exception the client raises for it (the sync and the async client alike).
TABLE: list[tuple[int, type[APIStatusError]]] = [
    (400, BadRequestError),
    (401, AuthenticationError),
    (403, PermissionDeniedError),
    (404, NotFoundError),
    (409, ConflictError),
    (422, UnprocessableEntityError),
    (429, RateLimitError),
    (500, InternalServerError),
    (502, InternalServerError),
    (503, InternalServerError),
    (504, InternalServerError),
    (599, InternalServerError),
    (405, APIStatusError),
    (410, APIStatusError),
    (418, APIStatusError),
]

CONFIG = {
    "id": "cfg_1",
    "display_name": "Assistant",
    "model_name": "gpt-4o",
    "secret_id": "sec_1",
    "base_url": "https://api.openai.com/v1",
    "created_at": "2026-01-01T00:00:00Z",
    "updated_at": "2026-01-02T00:00:00Z",
}
CONFIG_ITEM = {k: CONFIG[k] for k in ("id", "display_name", "model_name", "secret_id")}
SECRET_ITEM = {
    "id": "sec_1",
    "secret_name": "openai",
    "secret_type": "OPENAI_API_KEY",
    "created_at": "2026-01-01T00:00:00Z",
}

Reply = httpx.Response | Exception | Callable[[httpx.Request], httpx.Response]


def envelope(data: object) -> dict[str, Any]:
    return {"code": 100, "data": data, "message": "success"}


class ScriptedAPI:
    """Answers requests from a script (the last entry repeats) and records what arrived."""

    def __init__(self, *replies: Reply) -> None:
        self.replies: list[Reply] = list(replies) or [httpx.Response(200, json=envelope([]))]
        self.requests: list[httpx.Request] = []

    def script(self, *replies: Reply) -> None:
        self.replies = list(replies)

    def _reply(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        reply = self.replies.pop(0) if len(self.replies) > 1 else self.replies[0]
        if isinstance(reply, Exception):
            raise reply
        if callable(reply) and not isinstance(reply, httpx.Response):
            return reply(request)
        return httpx.Response(
            reply.status_code, headers=reply.headers, content=reply.content, request=request
        )

    def handle(self, request: httpx.Request) -> httpx.Response:
        request.read()
        return self._reply(request)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return self._reply(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle)

    def async_transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handle_async)

    @property
    def bodies(self) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.requests]


@pytest.fixture
def api() -> ScriptedAPI:
    return ScriptedAPI()


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LIVEAVATAR_API_KEY", "LIVEAVATAR_BASE_URL", "LIVEAVATAR_SESSION"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The waits between retries, recorded instead of slept."""
    waits: list[float] = []

    async def async_sleep(delay: float) -> None:
        waits.append(delay)

    monkeypatch.setattr(_retry, "sleep", waits.append)
    monkeypatch.setattr(_retry, "async_sleep", async_sleep)
    return waits
