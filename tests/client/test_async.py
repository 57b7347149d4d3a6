"""AsyncLiveAvatar has the sync surface and behaviour: errors, retries, raw access, timeouts, pools."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

import httpx
import pytest
from liveavatar import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AsyncLiveAvatar,
    InternalServerError,
    LiveAvatar,
    LiveAvatarError,
    UnprocessableEntityError,
)
from liveavatar_api.api.llm_configurations import (
    get_llm_configuration_v1_llm_configurations_config_id_get as get_configuration,
)

from tests.client.conftest import (
    API_KEY,
    BASE_URL,
    CONFIG,
    CONFIG_ITEM,
    SECRET_VALUE,
    TABLE,
    ScriptedAPI,
    envelope,
)

T = TypeVar("T")


def run(coro: Awaitable[T]) -> T:
    async def main() -> T:
        return await coro

    return asyncio.run(main())


def async_client(api: ScriptedAPI, max_retries: int = 2) -> AsyncLiveAvatar:
    return AsyncLiveAvatar(
        API_KEY,
        base_url=BASE_URL,
        max_retries=max_retries,
        http_client=httpx.AsyncClient(transport=api.async_transport()),
    )


def test_the_public_surface_matches_the_sync_client() -> None:
    def names(obj: object) -> set[str]:
        return {n for n in dir(obj) if not n.startswith("_")}

    sync = LiveAvatar(API_KEY)
    asynchronous = AsyncLiveAvatar(API_KEY)
    assert names(sync) == names(asynchronous)
    assert names(sync.llm_configurations) == names(asynchronous.llm_configurations)
    assert names(sync.secrets) == names(asynchronous.secrets)
    assert names(sync.with_raw_response) == names(asynchronous.with_raw_response)
    assert names(sync.with_raw_response.llm_configurations) == names(
        asynchronous.with_raw_response.llm_configurations
    )
    assert repr(asynchronous).replace("AsyncLiveAvatar", "LiveAvatar") == repr(sync)
    sync.close()
    run(asynchronous.close())


def test_resources_and_raw_access(api: ScriptedAPI) -> None:
    api.script(
        httpx.Response(200, json=envelope(CONFIG)),
        httpx.Response(200, json=envelope([CONFIG_ITEM])),
        httpx.Response(200, json=envelope(CONFIG), headers={"X-Request-Id": "r1"}),
        httpx.Response(200, json=envelope(CONFIG)),
        httpx.Response(200, json=envelope(None)),
    )

    async def scenario() -> None:
        async with async_client(api) as client:
            created = await client.llm_configurations.create(
                display_name="Assistant", model_name="gpt-4o", secret_id="sec_1"
            )
            assert created.id == "cfg_1"
            assert [c.id for c in await client.llm_configurations.list()] == ["cfg_1"]
            raw = await client.with_raw_response.llm_configurations.get("cfg_1")
            assert raw.status_code == 200
            assert raw.headers["x-request-id"] == "r1"
            assert raw.parse().display_name == "Assistant"
            assert (await client.call(get_configuration, "cfg_1")).id == "cfg_1"
            await client.llm_configurations.delete("cfg_1")

    run(scenario())
    assert [(r.method, r.url.path) for r in api.requests] == [
        ("POST", "/v1/llm-configurations"),
        ("GET", "/v1/llm-configurations"),
        ("GET", "/v1/llm-configurations/cfg_1"),
        ("GET", "/v1/llm-configurations/cfg_1"),
        ("DELETE", "/v1/llm-configurations/cfg_1"),
    ]
    assert all(r.headers["X-API-KEY"] == API_KEY for r in api.requests)


@pytest.mark.parametrize(("status", "exc_type"), TABLE)
def test_status_table(api: ScriptedAPI, status: int, exc_type: type[APIStatusError]) -> None:
    api.script(httpx.Response(status, text="<html>error</html>"))

    async def scenario() -> None:
        async with async_client(api, max_retries=0) as client:
            await client.secrets.list()

    with pytest.raises(APIStatusError) as caught:
        run(scenario())
    assert type(caught.value) is exc_type
    assert caught.value.body == "<html>error</html>"


def test_422_details_and_no_secret_in_message(api: ScriptedAPI) -> None:
    detail = [
        {"type": "missing", "loc": ["body", "x"], "msg": "Field required", "input": SECRET_VALUE}
    ]
    api.script(httpx.Response(422, json={"detail": detail}))

    async def scenario() -> None:
        async with async_client(api) as client:
            await client.secrets.create(
                secret_name="n", secret_value=SECRET_VALUE, secret_type="OPENAI_API_KEY"
            )

    with pytest.raises(UnprocessableEntityError) as caught:
        run(scenario())
    assert caught.value.errors[0].msg == "Field required"
    assert SECRET_VALUE not in str(caught.value)


def test_get_is_retried_and_post_is_not_duplicated(api: ScriptedAPI, sleeps: list[float]) -> None:
    api.script(
        httpx.Response(503, headers={"Retry-After": "1"}),
        httpx.Response(200, json=envelope(CONFIG)),
    )

    async def get() -> None:
        async with async_client(api) as client:
            await client.llm_configurations.get("cfg_1")

    run(get())
    assert len(api.requests) == 2
    assert sleeps == [1.0]

    for failure in (httpx.Response(500), httpx.ReadTimeout("slow")):
        api.script(failure, httpx.Response(200, json=envelope(CONFIG)))
        api.requests.clear()

        async def create() -> None:
            async with async_client(api) as client:
                await client.llm_configurations.create(
                    display_name="A", model_name="m", secret_id="s"
                )

        with pytest.raises((InternalServerError, APITimeoutError)):
            run(create())
        assert len(api.requests) == 1

    api.script(
        httpx.ConnectError("refused"),
        httpx.Response(429),
        httpx.Response(200, json=envelope(CONFIG)),
    )
    api.requests.clear()

    async def create_after_connect_error() -> None:
        async with async_client(api) as client:
            await client.llm_configurations.create(display_name="A", model_name="m", secret_id="s")

    run(create_after_connect_error())
    assert len(api.requests) == 3


def test_max_retries_and_timeout_per_call(api: ScriptedAPI, sleeps: list[float]) -> None:
    api.script(httpx.Response(503))

    async def scenario() -> None:
        async with async_client(api, max_retries=2) as client:
            with pytest.raises(InternalServerError):
                await client.with_options(max_retries=0, timeout=3.0).secrets.list()
            api.script(httpx.Response(200, json=envelope([])))
            await client.secrets.list()

    run(scenario())
    assert [r.extensions["timeout"]["read"] for r in api.requests] == [3.0, 30.0]
    assert sleeps == []


def test_connection_errors_and_pool_lifecycle() -> None:
    async def scenario() -> httpx.AsyncClient:
        client = AsyncLiveAvatar(API_KEY, base_url="http://127.0.0.1:9", max_retries=0)
        async with client:
            with pytest.raises(APIConnectionError):
                await client.secrets.list()
        pool = client._api.get_async_httpx_client()
        return pool

    assert run(scenario()).is_closed


def test_configuration_errors_match_the_sync_client(api: ScriptedAPI) -> None:
    async def scenario() -> None:
        async with AsyncLiveAvatar(
            http_client=httpx.AsyncClient(transport=api.async_transport())
        ) as client:
            await client.secrets.list()

    with pytest.raises(LiveAvatarError, match="LIVEAVATAR_API_KEY"):
        run(scenario())
    assert api.requests == []
    with pytest.raises(TypeError, match=r"httpx\.AsyncClient"):
        AsyncLiveAvatar(API_KEY, http_client=httpx.Client())  # type: ignore[arg-type]
