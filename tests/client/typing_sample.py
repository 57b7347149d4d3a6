"""A user's script: `mypy --strict` must accept it (tests/client/test_typing.py also checks a wrong one)."""

from __future__ import annotations

import asyncio

import httpx
from liveavatar import (
    APIResponse,
    APIStatusError,
    AsyncLiveAvatar,
    LiveAvatar,
    NotFoundError,
    UnprocessableEntityError,
)
from liveavatar_api.api.llm_configurations import (
    get_llm_configuration_v1_llm_configurations_config_id_get as get_configuration,
)
from liveavatar_api.models import (
    CreateSecretResponseSchema,
    LLMConfigurationListItemSchema,
    LLMConfigurationResponseSchema,
    SecretTypeEnum,
)


def sync_usage(client: LiveAvatar) -> str:
    secret: CreateSecretResponseSchema = client.secrets.create(
        secret_name="openai", secret_value="sk-test", secret_type=SecretTypeEnum.OPENAI_API_KEY
    )
    config = client.llm_configurations.create(
        display_name="Assistant", model_name="gpt-4o", secret_id=secret.id
    )
    updated: LLMConfigurationResponseSchema = client.llm_configurations.update(
        config.id, display_name="Renamed"
    )
    listed: list[LLMConfigurationListItemSchema] = client.llm_configurations.list()
    raw: APIResponse[LLMConfigurationResponseSchema] = (
        client.with_raw_response.llm_configurations.get(config.id)
    )
    status: int = raw.status_code
    parsed: LLMConfigurationResponseSchema = raw.parse()
    generic = client.call(get_configuration, config.id)
    try:
        client.with_options(max_retries=0, timeout=5.0).llm_configurations.delete(config.id)
    except NotFoundError as exc:
        code: int = exc.status_code
        return f"{code}"
    except UnprocessableEntityError as exc:
        return "; ".join(error.msg for error in exc.errors)
    except APIStatusError as exc:
        return exc.message
    return f"{updated.display_name} {len(listed)} {status} {parsed.id} {generic}"


async def async_usage(client: AsyncLiveAvatar) -> str:
    config: LLMConfigurationResponseSchema = await client.llm_configurations.get("c1")
    raw = await client.with_raw_response.secrets.list()
    generic = await client.call(get_configuration, config.id)
    await client.secrets.delete("s1")
    return f"{config.id} {raw.status_code} {len(raw.parse())} {generic}"


def main() -> None:
    with LiveAvatar("key", base_url="http://127.0.0.1:1", http_client=httpx.Client()) as client:
        print(sync_usage(client))

    async def run() -> None:
        async with AsyncLiveAvatar("key", base_url="http://127.0.0.1:1") as client:
            print(await async_usage(client))

    asyncio.run(run())
