"""Resources send the documented request and return the envelope's `data`; raw access shows the rest."""

from __future__ import annotations

import httpx
import pytest
from liveavatar import APIResponse, LiveAvatar
from liveavatar_api.api.llm_configurations import (
    get_llm_configuration_v1_llm_configurations_config_id_get as get_configuration,
)
from liveavatar_api.models import LLMConfigurationResponseSchema, SecretTypeEnum

from tests.client.conftest import (
    API_KEY,
    BASE_URL,
    CONFIG,
    CONFIG_ITEM,
    SECRET_ITEM,
    SECRET_VALUE,
    ScriptedAPI,
    envelope,
)


@pytest.fixture
def client(api: ScriptedAPI) -> LiveAvatar:
    return LiveAvatar(
        API_KEY, base_url=BASE_URL, http_client=httpx.Client(transport=api.transport())
    )


def test_llm_configuration_create_sends_only_what_is_given(
    api: ScriptedAPI, client: LiveAvatar
) -> None:
    api.script(httpx.Response(200, json=envelope(CONFIG)))
    created = client.llm_configurations.create(
        display_name="Assistant", model_name="gpt-4o", secret_id="sec_1"
    )
    assert isinstance(created, LLMConfigurationResponseSchema)
    assert created.id == "cfg_1"
    client.llm_configurations.create(
        display_name="A", model_name="m", secret_id="s", base_url="http://llm.test"
    )
    assert [(r.method, r.url.path) for r in api.requests] == [
        ("POST", "/v1/llm-configurations")
    ] * 2
    assert api.bodies == [
        {"display_name": "Assistant", "model_name": "gpt-4o", "secret_id": "sec_1"},
        {"display_name": "A", "model_name": "m", "secret_id": "s", "base_url": "http://llm.test"},
    ]


def test_llm_configuration_list_get_update_delete(api: ScriptedAPI, client: LiveAvatar) -> None:
    api.script(
        httpx.Response(200, json=envelope([CONFIG_ITEM])),
        httpx.Response(200, json=envelope(CONFIG)),
        httpx.Response(200, json=envelope(CONFIG)),
        httpx.Response(200, json=envelope(None)),
    )
    listed = client.llm_configurations.list()
    assert [item.id for item in listed] == ["cfg_1"]
    assert client.llm_configurations.get("cfg/1").model_name == "gpt-4o"
    client.llm_configurations.update("cfg_1", model_name="gpt-5", base_url="http://x.test")
    client.llm_configurations.delete("cfg_1")
    assert [(r.method, r.url.raw_path.decode()) for r in api.requests] == [
        ("GET", "/v1/llm-configurations"),
        ("GET", "/v1/llm-configurations/cfg%2F1"),  # ids are path-escaped
        ("PATCH", "/v1/llm-configurations/cfg_1"),
        ("DELETE", "/v1/llm-configurations/cfg_1"),
    ]
    assert api.bodies[2] == {"model_name": "gpt-5", "base_url": "http://x.test"}


def test_secrets_create_list_delete(api: ScriptedAPI, client: LiveAvatar) -> None:
    created = {"id": "sec_1", "secret_name": "openai", "secret_type": "OPENAI_API_KEY"}
    api.script(
        httpx.Response(200, json=envelope(created)),
        httpx.Response(200, json=envelope([SECRET_ITEM])),
        httpx.Response(200, json=envelope(None)),
    )
    secret = client.secrets.create(
        secret_name="openai", secret_value=SECRET_VALUE, secret_type=SecretTypeEnum.OPENAI_API_KEY
    )
    assert secret.id == "sec_1"
    assert [s.secret_type for s in client.secrets.list()] == [SecretTypeEnum.OPENAI_API_KEY]
    client.secrets.delete("sec_1")
    assert api.bodies[0] == {
        "secret_name": "openai",
        "secret_value": SECRET_VALUE,
        "secret_type": "OPENAI_API_KEY",
    }
    assert [(r.method, r.url.path) for r in api.requests] == [
        ("POST", "/v1/secrets"),
        ("GET", "/v1/secrets"),
        ("DELETE", "/v1/secrets/sec_1"),
    ]


def test_an_unknown_secret_type_fails_before_sending(api: ScriptedAPI, client: LiveAvatar) -> None:
    with pytest.raises(ValueError, match="NOT_A_TYPE"):
        client.secrets.create(
            secret_name="n",
            secret_value=SECRET_VALUE,
            secret_type="NOT_A_TYPE",  # type: ignore[arg-type]  # what mypy would refuse
        )
    assert api.requests == []


def test_raw_response_gives_status_headers_envelope_and_parse(
    api: ScriptedAPI, client: LiveAvatar
) -> None:
    api.script(
        httpx.Response(200, json=envelope(CONFIG), headers={"X-Request-Id": "req-7"}),
        httpx.Response(200, json=envelope(None)),
        httpx.Response(200, json=envelope(CONFIG)),
    )
    raw = client.with_raw_response.llm_configurations.get("cfg_1")
    assert isinstance(raw, APIResponse)
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "req-7"
    assert raw.envelope.code == 100
    assert raw.envelope.message == "success"
    assert raw.parse().id == "cfg_1"
    assert raw.json()["data"]["id"] == "cfg_1"
    assert client.with_raw_response is client.with_raw_response  # built once
    deleted = client.with_raw_response.secrets.delete("sec_1")
    assert deleted.parse() is None
    assert client.llm_configurations.get("cfg_1").id == "cfg_1"  # the plain client is unchanged


def test_generic_call_reaches_any_generated_operation(api: ScriptedAPI, client: LiveAvatar) -> None:
    api.script(httpx.Response(200, json=envelope(CONFIG)))
    config = client.call(get_configuration, "cfg_1")
    assert isinstance(config, LLMConfigurationResponseSchema)
    raw = client.with_raw_response.call(get_configuration, "cfg_1")
    assert raw.status_code == 200
    assert raw.parse().id == "cfg_1"
    assert api.requests[0].headers["X-API-KEY"] == API_KEY
