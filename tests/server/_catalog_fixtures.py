"""What the server tests share: unwrapping envelopes, secrets, configurations, own avatars, known sessions."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
from liveavatar_server import Store
from liveavatar_server._cli_catalog import create_avatar
from liveavatar_server._references import SessionRecord

from tests.server.conftest import Tenant

PUBLIC_VOICE = "6f1c2a8e-3b1d-4c57-9a2e-0d4b5c6e7f01"  # Ava, seeded by the migration
PUBLIC_AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"  # Wayne, seeded by the migration


SECRET = {"secret_name": "openai", "secret_value": "sk-test-123", "secret_type": "OPENAI_API_KEY"}


def ok(response: httpx.Response) -> Any:
    """The envelope's data of a 200, failing with the body otherwise."""
    assert response.status_code == 200, response.text
    document = response.json()
    assert document["code"] == 100
    assert isinstance(document["message"], str)
    return document["data"]


def new_openai_secret(tenant: Tenant, name: str = "openai") -> str:
    """An `OPENAI_API_KEY` secret named ``name`` (what LLM configurations point at)."""
    data = ok(tenant.http.post("/v1/secrets", json={**SECRET, "secret_name": name}))
    assert set(data) == {"id", "secret_name"}
    return str(data["id"])


def new_configuration(tenant: Tenant, secret_id: str, **fields: str) -> dict[str, Any]:
    body = {"display_name": "GPT", "model_name": "gpt-4o", "secret_id": secret_id, **fields}
    data: dict[str, Any] = ok(tenant.http.post("/v1/llm-configurations", json=body))
    return data


def unknown_id() -> str:
    return str(uuid.uuid4())


def own_avatar(store: Store, space_id: str, name: str = "Mine", **fields: Any) -> str:
    row = create_avatar(
        store,
        space_id,
        {
            "name": name,
            "type": "VIDEO",
            "status": "ACTIVE",
            "preview_url": None,
            "is_1080p": False,
            "default_voice_id": None,
            "error_message": None,
            **fields,
        },
    )
    return str(row["id"])


def new_secret(tenant: Tenant, secret_type: str = "ELEVENLABS_API_KEY") -> str:  # noqa: S107
    body = {"secret_name": "provider", "secret_type": secret_type, "secret_value": "sk-test"}
    return str(ok(tenant.http.post("/v1/secrets", json=body))["id"])


class KnownSessions:
    """Sessions by (space, id): the lookup the memory handler is given instead of the sessions table."""

    def __init__(self) -> None:
        self.sessions: dict[tuple[str, str], SessionRecord] = {}

    def add(self, space_id: str, mode: str = "FULL", *lines: tuple[str, str]) -> str:
        session_id = unknown_id()
        self.sessions[(space_id, session_id)] = SessionRecord(session_id, mode, tuple(lines))
        return session_id

    def __call__(self, store: Store, space_id: str, session_id: str) -> SessionRecord | None:
        return self.sessions.get((space_id, session_id))
