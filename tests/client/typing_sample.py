"""A user's script calling one operation of every resource: `mypy --strict` must accept it
(tests/client/test_typing.py also checks that wrong calls fail)."""

from __future__ import annotations

import asyncio

import httpx
from liveavatar import (
    APIResponse,
    APIStatusError,
    AsyncLiveAvatar,
    AsyncPage,
    LiveAvatar,
    LiveSession,
    NotFoundError,
    RawResponse,
    SyncPage,
    UnprocessableEntityError,
)
from liveavatar_api.api.llm_configurations import (
    get_llm_configuration_v1_llm_configurations_config_id_get as get_configuration,
)
from liveavatar_api.models import (
    AvatarSchema,
    ContextDetailSchema,
    CreateEmbedV2ResponseSchema,
    CreateSecretResponseSchema,
    LanguageSchema,
    LLMConfigurationListItemSchema,
    LLMConfigurationResponseSchema,
    MemoryWithEpisodesResponse,
    SDKSessionTokenSchema,
    SecretTypeEnum,
    StartSessionResponseSchema,
    UserCreditsSchema,
    VoiceSchema,
)


def every_resource(client: LiveAvatar) -> str:
    token: SDKSessionTokenSchema = client.sessions.create_token(
        mode="LITE", avatar_id="3fa85f64-5717-4562-b3fc-2c963f66afa6", is_sandbox=True
    )
    started: StartSessionResponseSchema = client.sessions.start(session_token=token.session_token)
    public: SyncPage[AvatarSchema] = client.avatars.list_public(page_size=50)
    names = [avatar.name for avatar in public]  # every page
    voice: VoiceSchema = client.voices.get("voice-1")
    context: ContextDetailSchema = client.contexts.create(
        name="Support", prompt="Be kind.", opening_text="Hello!"
    )
    renamed = client.contexts.update(context.id, name="Help", prompt="p", opening_text="o")
    memory: MemoryWithEpisodesResponse = client.memory.get("memory-1")
    secret: CreateSecretResponseSchema = client.secrets.create(
        secret_name="openai", secret_value="sk-test", secret_type=SecretTypeEnum.OPENAI_API_KEY
    )
    config: LLMConfigurationResponseSchema = client.llm_configurations.create(
        display_name="Assistant", model_name="gpt-4o", secret_id=secret.id
    )
    listed: list[LLMConfigurationListItemSchema] = client.llm_configurations.list()
    languages: list[LanguageSchema] = client.languages.get()
    credits: UserCreditsSchema = client.users.get_credits()
    embed: CreateEmbedV2ResponseSchema = client.embeddings.create(
        avatar_id="3fa85f64-5717-4562-b3fc-2c963f66afa6",
        context_id=context.id,
        orientation="vertical",
    )
    raw: APIResponse[LLMConfigurationResponseSchema] = client.with_raw_response.call(
        get_configuration, config.id
    )
    typed_raw: RawResponse[LLMConfigurationResponseSchema] = (
        client.with_raw_response.llm_configurations.get(config.id)
    )
    status: int = typed_raw.status_code
    parsed: LLMConfigurationResponseSchema = typed_raw.parse()
    try:
        client.with_options(max_retries=0, timeout=5.0).llm_configurations.delete(config.id)
    except NotFoundError as exc:
        code: int = exc.status_code
        return f"{code}"
    except UnprocessableEntityError as exc:
        return "; ".join(error.msg for error in exc.errors)
    except APIStatusError as exc:
        return exc.message
    return " ".join(
        str(part)
        for part in (
            started.livekit_url, names, voice.name, renamed.name, memory, listed, languages,
            credits, embed, raw.status_code, status, parsed.id,
        )
    )  # fmt: skip


def open_a_session(client: LiveAvatar) -> str:
    session: LiveSession
    with client.sessions.open(mode="LITE", avatar_id="a", is_sandbox=True) as session:
        url: str = session.livekit_url
        ws: str | None = session.ws_url
        return f"{session.session_id} {url} {ws}"


async def async_usage(client: AsyncLiveAvatar) -> str:
    config: LLMConfigurationResponseSchema = await client.llm_configurations.get("c1")
    names = [avatar.name async for avatar in client.avatars.list_public()]
    page: AsyncPage[AvatarSchema] = await client.avatars.list_public(page=2)
    later = await page.next_page()
    raw = await client.with_raw_response.secrets.list()
    generic = await client.call(get_configuration, config.id)
    await client.secrets.delete("s1")
    async with client.sessions.open(mode="FULL", avatar_id="a", avatar_persona={}) as session:
        return f"{config.id} {names} {later.count} {raw.status_code} {generic} {session.ws_url}"


def main() -> None:
    with LiveAvatar("key", base_url="http://127.0.0.1:1", http_client=httpx.Client()) as client:
        print(every_resource(client), open_a_session(client))

    async def run() -> None:
        async with AsyncLiveAvatar("key", base_url="http://127.0.0.1:1") as client:
            print(await async_usage(client))

    asyncio.run(run())
