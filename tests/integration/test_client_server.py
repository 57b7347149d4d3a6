"""The client against the real reference server, started by its CLI on `--port 0` (tests/_support)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator

import pytest
from liveavatar import (
    AsyncLiveAvatar,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    LiveAvatar,
    NotFoundError,
)
from liveavatar._cli import main as cli_main
from liveavatar_api.api.secrets import list_secrets_v1_secrets_get as list_secrets

from tests.integration._flows import flow
from tests.integration.conftest import Server

SECRET_VALUE = "sk-integration-secret-value-123"


@pytest.fixture
def client(server: Server) -> Iterator[LiveAvatar]:
    with LiveAvatar(server.api_key, base_url=server.url) as client:
        yield client


@flow("secrets", "llm_configurations")
def test_full_lifecycle(client: LiveAvatar) -> None:
    secret = client.secrets.create(
        secret_name="openai", secret_value=SECRET_VALUE, secret_type="OPENAI_API_KEY"
    )
    listed = client.secrets.list()
    assert secret.id in [s.id for s in listed]
    raw_list = client.with_raw_response.secrets.list()
    assert SECRET_VALUE.encode() not in raw_list.content  # never returned

    first = client.llm_configurations.create(
        display_name="First", model_name="gpt-4o", secret_id=secret.id
    )
    assert first.base_url  # defaulted by the server
    second = client.llm_configurations.create(
        display_name="Second", model_name="gpt-4o-mini", secret_id=secret.id,
        base_url="https://llm.example/v1",
    )  # fmt: skip
    ids = [c.id for c in client.llm_configurations.list()]
    assert ids.index(second.id) < ids.index(first.id)  # newest first

    updated = client.llm_configurations.update(first.id, display_name="Renamed")
    assert (updated.display_name, updated.model_name) == ("Renamed", "gpt-4o")
    assert client.llm_configurations.get(first.id).display_name == "Renamed"

    raw = client.with_raw_response.llm_configurations.get(second.id)
    assert raw.status_code == 200
    assert raw.envelope.code == 100
    assert raw.parse().base_url == "https://llm.example/v1"

    with pytest.raises(ConflictError):  # the secret is still referenced
        client.secrets.delete(secret.id)
    for config in (first, second):
        client.llm_configurations.delete(config.id)
    with pytest.raises(NotFoundError):
        client.llm_configurations.get(first.id)
    client.secrets.delete(secret.id)
    assert secret.id not in [s.id for s in client.call(list_secrets)]


def test_bad_credentials_and_missing_space(server: Server) -> None:
    with LiveAvatar("la_wrong", base_url=server.url) as wrong, pytest.raises(AuthenticationError):
        wrong.secrets.list()
    spaceless = LiveAvatar(server.no_space_key, base_url=server.url)
    with spaceless, pytest.raises(BadRequestError) as caught:
        spaceless.secrets.create(
            secret_name="n", secret_value=SECRET_VALUE, secret_type="OPENAI_API_KEY"
        )
    assert SECRET_VALUE not in str(caught.value)


def test_unknown_secret_is_a_bad_request(client: LiveAvatar) -> None:
    with pytest.raises(BadRequestError):
        client.llm_configurations.create(display_name="X", model_name="m", secret_id="nope")


def test_session_cookie_authenticates(server: Server) -> None:
    with LiveAvatar(session=server.session, base_url=server.url) as client:
        assert isinstance(client.llm_configurations.list(), list)


def test_async_client_against_the_server(server: Server) -> None:
    async def scenario() -> None:
        async with AsyncLiveAvatar(server.api_key, base_url=server.url) as client:
            secret = await client.secrets.create(
                secret_name="async", secret_value=SECRET_VALUE, secret_type="GEMINI_API_KEY"
            )
            config = await client.llm_configurations.create(
                display_name="Async", model_name="gemini", secret_id=secret.id
            )
            assert (await client.llm_configurations.get(config.id)).display_name == "Async"
            await client.llm_configurations.delete(config.id)
            await client.secrets.delete(secret.id)
            with pytest.raises(NotFoundError):
                await client.secrets.delete(secret.id)

    asyncio.run(scenario())


def test_cli_against_the_server(
    server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVEAVATAR_API_KEY", server.api_key)
    monkeypatch.setenv("LIVEAVATAR_BASE_URL", server.url)
    monkeypatch.setenv("LIVEAVATAR_SECRET_VALUE", SECRET_VALUE)
    base = ["secrets", "create", "--secret-name", "cli", "--secret-type", "OPENAI_API_KEY"]
    assert cli_main(base) == 0
    created = json.loads(capsys.readouterr().out)
    assert cli_main(["secrets", "delete", created["id"]]) == 0
    capsys.readouterr()
    assert cli_main(["secrets", "delete", created["id"]]) == 1
    err = capsys.readouterr().err
    assert err.startswith("liveavatar: error: NotFoundError: Error code: 404")
    assert err.count("\n") == 1
