"""Every operation by name: `client.<resource>.<method>(...)`, generated from the effective spec.

Written by `make generate` (template `overrides/templates/liveavatar_api/resources.py.jinja`):
do not edit. Each method builds the generated operation's arguments (bodies from keyword
arguments, `None` meaning "not sent") and hands them to a caller: the handwritten client
(`liveavatar`), which adds auth, retries, errors, pagination and unwrapping. `OPERATIONS` holds
what the caller needs per operation: security, idempotency (`x-idempotent`), pagination.
"""

from __future__ import annotations

import builtins
import datetime
import enum
from collections.abc import AsyncIterator, Generator, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from types import ModuleType
from typing import Any, Literal, Protocol, TypeVar, cast, overload
from uuid import UUID

from liveavatar_api.api.sessions import create_session_token_v1_sessions_token_post
from liveavatar_api.api.sessions import start_session_v1_sessions_start_post
from liveavatar_api.api.sessions import stop_session_v1_sessions_stop_post
from liveavatar_api.api.sessions import keep_session_alive_v1_sessions_keep_alive_post
from liveavatar_api.api.sessions import list_sessions_v1_sessions_get
from liveavatar_api.api.sessions import get_session_v1_sessions_session_id_get
from liveavatar_api.api.sessions import (
    get_session_transcript_v1_sessions_session_id_transcript_get,
)
from liveavatar_api.api.sessions import (
    delete_session_events_v1_sessions_session_id_events_delete,
)
from liveavatar_api.api.avatar import list_user_avatars_v1_avatars_get
from liveavatar_api.api.avatar import list_public_avatars_v1_avatars_public_get
from liveavatar_api.api.avatar import get_avatar_by_id_v1_avatars_avatar_id_get
from liveavatar_api.api.avatar import delete_avatar_v1_avatars_avatar_id_delete
from liveavatar_api.api.avatar import update_avatar_v1_avatars_avatar_id_patch
from liveavatar_api.api.voices import list_voices_v1_voices_get
from liveavatar_api.api.voices import bind_third_party_voice_v1_voices_third_party_post
from liveavatar_api.api.voices import get_voice_by_id_v1_voices_voice_id_get
from liveavatar_api.api.voices import delete_voice_v1_voices_voice_id_delete
from liveavatar_api.api.voices import update_voice_v1_voices_voice_id_patch
from liveavatar_api.api.voices import (
    get_voice_preview_by_id_v1_voices_voice_id_preview_get,
)
from liveavatar_api.api.contexts import list_user_contexts_v1_contexts_get
from liveavatar_api.api.contexts import create_context_v1_contexts_post
from liveavatar_api.api.contexts import get_context_by_id_v1_contexts_context_id_get
from liveavatar_api.api.contexts import delete_context_v1_contexts_context_id_delete
from liveavatar_api.api.contexts import update_context_v1_contexts_context_id_patch
from liveavatar_api.api.memory import list_memories_v1_memory_get
from liveavatar_api.api.memory import create_memory_v1_memory_post
from liveavatar_api.api.memory import get_memory_v1_memory_memory_id_get
from liveavatar_api.api.memory import delete_memory_v1_memory_memory_id_delete
from liveavatar_api.api.secrets import list_secrets_v1_secrets_get
from liveavatar_api.api.secrets import create_secret_v1_secrets_post
from liveavatar_api.api.secrets import delete_secret_v1_secrets_secret_id_delete
from liveavatar_api.api.llm_configurations import (
    list_llm_configurations_v1_llm_configurations_get,
)
from liveavatar_api.api.llm_configurations import (
    create_llm_configuration_v1_llm_configurations_post,
)
from liveavatar_api.api.llm_configurations import (
    get_llm_configuration_v1_llm_configurations_config_id_get,
)
from liveavatar_api.api.llm_configurations import (
    delete_llm_configuration_v1_llm_configurations_config_id_delete,
)
from liveavatar_api.api.llm_configurations import (
    update_llm_configuration_v1_llm_configurations_config_id_patch,
)
from liveavatar_api.api.languages import get_languages_v1_languages_get
from liveavatar_api.api.users import get_user_credits_v1_users_credits_get
from liveavatar_api.api.embeddings import create_embed_v2_v2_embeddings_post
from liveavatar_api.models import (
    AgoraConfigSchema,
    AvatarPersonaSchema,
    AvatarSchema,
    ContextDetailSchema,
    ContextSchema,
    CreateContextSchema,
    CreateEmbedV2RequestSchema,
    CreateEmbedV2ResponseSchema,
    CreateLLMConfigurationSchema,
    CreateSecretRequestSchema,
    CreateSecretResponseSchema,
    CreateSessionMemory,
    CreateUpdateContextLinkSchema,
    ElevenLabsAgentConfigSchema,
    EmbedAvatarTypeEnum,
    EmbedOrientation,
    FullMode,
    FullModeDynamicVariables,
    GeminiRealtimeConfigSchema,
    KeepSessionAliveSchema,
    LLMConfigurationListItemSchema,
    LLMConfigurationResponseSchema,
    LanguageSchema,
    ListHistoricEntrySchema,
    ListSessionEntrySchema,
    ListSessionsV1SessionsGetType,
    LiteMode,
    LiveKitConfigSchema,
    MemoryListItemResponse,
    MemoryRef,
    MemoryResponse,
    MemoryTypeEnum,
    MemoryWithEpisodesResponse,
    OpenAIRealtimeConfigSchema,
    PaginatedResponseAvatarSchema,
    PaginatedResponseContextSchema,
    PaginatedResponseMemoryListItemResponse,
    PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema,
    PaginatedResponseVoiceSchema,
    SDKSessionTokenSchema,
    SecretListItemSchema,
    SecretTypeEnum,
    SessionEndReasonEnum,
    SessionInteractivityTypeEnum,
    SessionTranscriptResponseSchema,
    StartSessionResponseSchema,
    StopSessionSchema,
    ThirdPartyVoiceBindRequestSchema,
    ThirdPartyVoiceBindResponseSchema,
    UpdateAvatarSchema,
    UpdateContextSchema,
    UpdateLLMConfigurationSchema,
    UpdateVoiceSchema,
    UserCreditsSchema,
    VideoSettings,
    VoiceListTypeEnum,
    VoicePreviewResponseSchema,
    VoiceSchema,
)
from liveavatar_api.types import UNSET, Unset

__all__ = [
    "OPERATIONS",
    "SECURITY_SCHEMES",
    "AsyncPage",
    "AsyncPager",
    "AsyncRawResources",
    "AsyncResources",
    "Caller",
    "Operation",
    "RawResources",
    "RawResponse",
    "Resources",
    "SyncPage",
    "Sessions",
    "AsyncSessions",
    "Avatars",
    "AsyncAvatars",
    "Voices",
    "AsyncVoices",
    "Contexts",
    "AsyncContexts",
    "Memory",
    "AsyncMemory",
    "Secrets",
    "AsyncSecrets",
    "LlmConfigurations",
    "AsyncLlmConfigurations",
    "Languages",
    "AsyncLanguages",
    "Users",
    "AsyncUsers",
    "Embeddings",
    "AsyncEmbeddings",
]

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)

# components.securitySchemes: what each name in an operation's `security` asks for.
SECURITY_SCHEMES: Mapping[str, Mapping[str, str]] = {
    "APIKeyHeader": {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-KEY",
    },
    "HTTPBearer": {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
    },
}


@dataclass(frozen=True, slots=True)
class Operation:
    """What the caller needs to know about one operation."""

    operation_id: str
    method: str  # upper case
    path: str
    resource: str
    name: str
    module: ModuleType  # the generated operation module (`sync_detailed`, `asyncio_detailed`)
    # Alternatives, each naming the SECURITY_SCHEMES it needs together; () = no auth at all.
    security: tuple[tuple[str, ...], ...]
    idempotent: bool  # `x-idempotent: true`: retried like a GET even when it is a POST
    paginated: bool  # {count, next, previous, results} with `page`/`page_size`
    data_required: bool  # a success without `data` breaks the spec
    cookies: tuple[
        str, ...
    ]  # cookie parameters the operation reads (set by the client)
    sensitive: tuple[str, ...]  # body keywords marked writeOnly or `format: password`


_SESSIONS_CREATE_TOKEN = Operation(
    operation_id="create_session_token_v1_sessions_token_post",
    method="POST",
    path="/v1/sessions/token",
    resource="sessions",
    name="create_token",
    module=create_session_token_v1_sessions_token_post,
    security=(
        ("APIKeyHeader",),
        ("HTTPBearer",),
    ),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=(),
    sensitive=(),
)
_SESSIONS_START = Operation(
    operation_id="start_session_v1_sessions_start_post",
    method="POST",
    path="/v1/sessions/start",
    resource="sessions",
    name="start",
    module=start_session_v1_sessions_start_post,
    security=(("HTTPBearer",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=(),
    sensitive=(),
)
_SESSIONS_STOP = Operation(
    operation_id="stop_session_v1_sessions_stop_post",
    method="POST",
    path="/v1/sessions/stop",
    resource="sessions",
    name="stop",
    module=stop_session_v1_sessions_stop_post,
    security=(
        ("APIKeyHeader",),
        ("HTTPBearer",),
    ),
    idempotent=True,
    paginated=False,
    data_required=False,
    cookies=(),
    sensitive=(),
)
_SESSIONS_KEEP_ALIVE = Operation(
    operation_id="keep_session_alive_v1_sessions_keep_alive_post",
    method="POST",
    path="/v1/sessions/keep-alive",
    resource="sessions",
    name="keep_alive",
    module=keep_session_alive_v1_sessions_keep_alive_post,
    security=(
        ("APIKeyHeader",),
        ("HTTPBearer",),
    ),
    idempotent=True,
    paginated=False,
    data_required=False,
    cookies=(),
    sensitive=(),
)
_SESSIONS_LIST = Operation(
    operation_id="list_sessions_v1_sessions_get",
    method="GET",
    path="/v1/sessions",
    resource="sessions",
    name="list",
    module=list_sessions_v1_sessions_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=True,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_SESSIONS_GET = Operation(
    operation_id="get_session_v1_sessions__session_id__get",
    method="GET",
    path="/v1/sessions/{session_id}",
    resource="sessions",
    name="get",
    module=get_session_v1_sessions_session_id_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_SESSIONS_GET_TRANSCRIPT = Operation(
    operation_id="get_session_transcript_v1_sessions__session_id__transcript_get",
    method="GET",
    path="/v1/sessions/{session_id}/transcript",
    resource="sessions",
    name="get_transcript",
    module=get_session_transcript_v1_sessions_session_id_transcript_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_SESSIONS_DELETE_EVENTS = Operation(
    operation_id="delete_session_events_v1_sessions__session_id__events_delete",
    method="DELETE",
    path="/v1/sessions/{session_id}/events",
    resource="sessions",
    name="delete_events",
    module=delete_session_events_v1_sessions_session_id_events_delete,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=False,
    cookies=("la_session",),
    sensitive=(),
)
_AVATARS_LIST = Operation(
    operation_id="list_user_avatars_v1_avatars_get",
    method="GET",
    path="/v1/avatars",
    resource="avatars",
    name="list",
    module=list_user_avatars_v1_avatars_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=True,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_AVATARS_LIST_PUBLIC = Operation(
    operation_id="list_public_avatars_v1_avatars_public_get",
    method="GET",
    path="/v1/avatars/public",
    resource="avatars",
    name="list_public",
    module=list_public_avatars_v1_avatars_public_get,
    security=(),
    idempotent=False,
    paginated=True,
    data_required=True,
    cookies=(),
    sensitive=(),
)
_AVATARS_GET = Operation(
    operation_id="get_avatar_by_id_v1_avatars__avatar_id__get",
    method="GET",
    path="/v1/avatars/{avatar_id}",
    resource="avatars",
    name="get",
    module=get_avatar_by_id_v1_avatars_avatar_id_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_AVATARS_DELETE = Operation(
    operation_id="delete_avatar_v1_avatars__avatar_id__delete",
    method="DELETE",
    path="/v1/avatars/{avatar_id}",
    resource="avatars",
    name="delete",
    module=delete_avatar_v1_avatars_avatar_id_delete,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=False,
    cookies=("la_session",),
    sensitive=(),
)
_AVATARS_UPDATE = Operation(
    operation_id="update_avatar_v1_avatars__avatar_id__patch",
    method="PATCH",
    path="/v1/avatars/{avatar_id}",
    resource="avatars",
    name="update",
    module=update_avatar_v1_avatars_avatar_id_patch,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_VOICES_LIST = Operation(
    operation_id="list_voices_v1_voices_get",
    method="GET",
    path="/v1/voices",
    resource="voices",
    name="list",
    module=list_voices_v1_voices_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=True,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_VOICES_BIND_THIRD_PARTY = Operation(
    operation_id="bind_third_party_voice_v1_voices_third_party_post",
    method="POST",
    path="/v1/voices/third_party",
    resource="voices",
    name="bind_third_party",
    module=bind_third_party_voice_v1_voices_third_party_post,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_VOICES_GET = Operation(
    operation_id="get_voice_by_id_v1_voices__voice_id__get",
    method="GET",
    path="/v1/voices/{voice_id}",
    resource="voices",
    name="get",
    module=get_voice_by_id_v1_voices_voice_id_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_VOICES_DELETE = Operation(
    operation_id="delete_voice_v1_voices__voice_id__delete",
    method="DELETE",
    path="/v1/voices/{voice_id}",
    resource="voices",
    name="delete",
    module=delete_voice_v1_voices_voice_id_delete,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=False,
    cookies=("la_session",),
    sensitive=(),
)
_VOICES_UPDATE = Operation(
    operation_id="update_voice_v1_voices__voice_id__patch",
    method="PATCH",
    path="/v1/voices/{voice_id}",
    resource="voices",
    name="update",
    module=update_voice_v1_voices_voice_id_patch,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_VOICES_GET_PREVIEW = Operation(
    operation_id="get_voice_preview_by_id_v1_voices__voice_id__preview_get",
    method="GET",
    path="/v1/voices/{voice_id}/preview",
    resource="voices",
    name="get_preview",
    module=get_voice_preview_by_id_v1_voices_voice_id_preview_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_CONTEXTS_LIST = Operation(
    operation_id="list_user_contexts_v1_contexts_get",
    method="GET",
    path="/v1/contexts",
    resource="contexts",
    name="list",
    module=list_user_contexts_v1_contexts_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=True,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_CONTEXTS_CREATE = Operation(
    operation_id="create_context_v1_contexts_post",
    method="POST",
    path="/v1/contexts",
    resource="contexts",
    name="create",
    module=create_context_v1_contexts_post,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_CONTEXTS_GET = Operation(
    operation_id="get_context_by_id_v1_contexts__context_id__get",
    method="GET",
    path="/v1/contexts/{context_id}",
    resource="contexts",
    name="get",
    module=get_context_by_id_v1_contexts_context_id_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_CONTEXTS_DELETE = Operation(
    operation_id="delete_context_v1_contexts__context_id__delete",
    method="DELETE",
    path="/v1/contexts/{context_id}",
    resource="contexts",
    name="delete",
    module=delete_context_v1_contexts_context_id_delete,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=False,
    cookies=("la_session",),
    sensitive=(),
)
_CONTEXTS_UPDATE = Operation(
    operation_id="update_context_v1_contexts__context_id__patch",
    method="PATCH",
    path="/v1/contexts/{context_id}",
    resource="contexts",
    name="update",
    module=update_context_v1_contexts_context_id_patch,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_MEMORY_LIST = Operation(
    operation_id="list_memories_v1_memory_get",
    method="GET",
    path="/v1/memory",
    resource="memory",
    name="list",
    module=list_memories_v1_memory_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=True,
    data_required=True,
    cookies=(),
    sensitive=(),
)
_MEMORY_CREATE = Operation(
    operation_id="create_memory_v1_memory_post",
    method="POST",
    path="/v1/memory",
    resource="memory",
    name="create",
    module=create_memory_v1_memory_post,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=(),
    sensitive=(),
)
_MEMORY_GET = Operation(
    operation_id="get_memory_v1_memory__memory_id__get",
    method="GET",
    path="/v1/memory/{memory_id}",
    resource="memory",
    name="get",
    module=get_memory_v1_memory_memory_id_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=(),
    sensitive=(),
)
_MEMORY_DELETE = Operation(
    operation_id="delete_memory_v1_memory__memory_id__delete",
    method="DELETE",
    path="/v1/memory/{memory_id}",
    resource="memory",
    name="delete",
    module=delete_memory_v1_memory_memory_id_delete,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=False,
    cookies=(),
    sensitive=(),
)
_SECRETS_LIST = Operation(
    operation_id="list_secrets_v1_secrets_get",
    method="GET",
    path="/v1/secrets",
    resource="secrets",
    name="list",
    module=list_secrets_v1_secrets_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=False,
    cookies=("la_session",),
    sensitive=(),
)
_SECRETS_CREATE = Operation(
    operation_id="create_secret_v1_secrets_post",
    method="POST",
    path="/v1/secrets",
    resource="secrets",
    name="create",
    module=create_secret_v1_secrets_post,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=("secret_value",),
)
_SECRETS_DELETE = Operation(
    operation_id="delete_secret_v1_secrets__secret_id__delete",
    method="DELETE",
    path="/v1/secrets/{secret_id}",
    resource="secrets",
    name="delete",
    module=delete_secret_v1_secrets_secret_id_delete,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=False,
    cookies=("la_session",),
    sensitive=(),
)
_LLM_CONFIGURATIONS_LIST = Operation(
    operation_id="list_llm_configurations_v1_llm_configurations_get",
    method="GET",
    path="/v1/llm-configurations",
    resource="llm_configurations",
    name="list",
    module=list_llm_configurations_v1_llm_configurations_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=False,
    cookies=("la_session",),
    sensitive=(),
)
_LLM_CONFIGURATIONS_CREATE = Operation(
    operation_id="create_llm_configuration_v1_llm_configurations_post",
    method="POST",
    path="/v1/llm-configurations",
    resource="llm_configurations",
    name="create",
    module=create_llm_configuration_v1_llm_configurations_post,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_LLM_CONFIGURATIONS_GET = Operation(
    operation_id="get_llm_configuration_v1_llm_configurations__config_id__get",
    method="GET",
    path="/v1/llm-configurations/{config_id}",
    resource="llm_configurations",
    name="get",
    module=get_llm_configuration_v1_llm_configurations_config_id_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_LLM_CONFIGURATIONS_DELETE = Operation(
    operation_id="delete_llm_configuration_v1_llm_configurations__config_id__delete",
    method="DELETE",
    path="/v1/llm-configurations/{config_id}",
    resource="llm_configurations",
    name="delete",
    module=delete_llm_configuration_v1_llm_configurations_config_id_delete,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=False,
    cookies=("la_session",),
    sensitive=(),
)
_LLM_CONFIGURATIONS_UPDATE = Operation(
    operation_id="update_llm_configuration_v1_llm_configurations__config_id__patch",
    method="PATCH",
    path="/v1/llm-configurations/{config_id}",
    resource="llm_configurations",
    name="update",
    module=update_llm_configuration_v1_llm_configurations_config_id_patch,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_LANGUAGES_GET = Operation(
    operation_id="get_languages_v1_languages_get",
    method="GET",
    path="/v1/languages",
    resource="languages",
    name="get",
    module=get_languages_v1_languages_get,
    security=(),
    idempotent=False,
    paginated=False,
    data_required=False,
    cookies=(),
    sensitive=(),
)
_USERS_GET_CREDITS = Operation(
    operation_id="get_user_credits_v1_users_credits_get",
    method="GET",
    path="/v1/users/credits",
    resource="users",
    name="get_credits",
    module=get_user_credits_v1_users_credits_get,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)
_EMBEDDINGS_CREATE = Operation(
    operation_id="create_embed_v2_v2_embeddings_post",
    method="POST",
    path="/v2/embeddings",
    resource="embeddings",
    name="create",
    module=create_embed_v2_v2_embeddings_post,
    security=(("APIKeyHeader",),),
    idempotent=False,
    paginated=False,
    data_required=True,
    cookies=("la_session",),
    sensitive=(),
)

OPERATIONS: tuple[Operation, ...] = (
    _SESSIONS_CREATE_TOKEN,
    _SESSIONS_START,
    _SESSIONS_STOP,
    _SESSIONS_KEEP_ALIVE,
    _SESSIONS_LIST,
    _SESSIONS_GET,
    _SESSIONS_GET_TRANSCRIPT,
    _SESSIONS_DELETE_EVENTS,
    _AVATARS_LIST,
    _AVATARS_LIST_PUBLIC,
    _AVATARS_GET,
    _AVATARS_DELETE,
    _AVATARS_UPDATE,
    _VOICES_LIST,
    _VOICES_BIND_THIRD_PARTY,
    _VOICES_GET,
    _VOICES_DELETE,
    _VOICES_UPDATE,
    _VOICES_GET_PREVIEW,
    _CONTEXTS_LIST,
    _CONTEXTS_CREATE,
    _CONTEXTS_GET,
    _CONTEXTS_DELETE,
    _CONTEXTS_UPDATE,
    _MEMORY_LIST,
    _MEMORY_CREATE,
    _MEMORY_GET,
    _MEMORY_DELETE,
    _SECRETS_LIST,
    _SECRETS_CREATE,
    _SECRETS_DELETE,
    _LLM_CONFIGURATIONS_LIST,
    _LLM_CONFIGURATIONS_CREATE,
    _LLM_CONFIGURATIONS_GET,
    _LLM_CONFIGURATIONS_DELETE,
    _LLM_CONFIGURATIONS_UPDATE,
    _LANGUAGES_GET,
    _USERS_GET_CREDITS,
    _EMBEDDINGS_CREATE,
)


class SyncPage(Protocol[T]):
    """One page of a paginated list; iterating it walks every later page too."""

    @property
    def items(self) -> list[T]: ...
    @property
    def count(self) -> int: ...
    def has_next_page(self) -> bool: ...
    def next_page(self) -> SyncPage[T]: ...
    def iter_pages(self) -> Iterator[SyncPage[T]]: ...
    def __iter__(self) -> Iterator[T]: ...


class AsyncPage(Protocol[T]):
    """One page of a paginated list of the async client; `async for` walks every later page."""

    @property
    def items(self) -> list[T]: ...
    @property
    def count(self) -> int: ...
    def has_next_page(self) -> bool: ...
    async def next_page(self) -> AsyncPage[T]: ...
    def iter_pages(self) -> AsyncIterator[AsyncPage[T]]: ...
    def __aiter__(self) -> AsyncIterator[T]: ...


class AsyncPager(Protocol[T]):
    """What an async paginated list returns: `await` it for the first page, or `async for` items."""

    def __await__(self) -> Generator[Any, None, AsyncPage[T]]: ...
    def __aiter__(self) -> AsyncIterator[T]: ...


class RawResponse(Protocol[T_co]):
    """One response as received (`client.with_raw_response...`); `parse()` gives the data."""

    @property
    def status_code(self) -> int: ...
    @property
    def headers(self) -> MutableMapping[str, str]: ...
    @property
    def content(self) -> bytes: ...
    @property
    def envelope(self) -> Any: ...
    def json(self) -> Any: ...
    def parse(self) -> T_co: ...


class Caller(Protocol):
    """The handwritten client's side: run one operation with auth, retries and errors.

    One protocol for both clients: on the async one `request` returns an awaitable of the result
    and `paginate` an `AsyncPager`; the resource methods' own signatures say which.
    """

    def request(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
        /,
    ) -> Any: ...

    def paginate(
        self,
        operation: Operation,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session_token: str | None,
        /,
    ) -> Any: ...


def _jsonable(value: Any) -> Any:
    """Keyword argument values as JSON, which the generated `from_dict` parses and checks."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, dict):
        return {key: _jsonable(item) for key, item in value.items()}
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def _body(model: Any, fields: dict[str, Any]) -> Any:
    """The body model from keyword arguments; a None argument is left out of the body."""
    try:
        return model.from_dict(
            {key: _jsonable(v) for key, v in fields.items() if v is not None}
        )
    except KeyError as exc:  # the generated parser's word for a missing required field
        raise TypeError(f"missing required keyword argument: {exc.args[0]!r}") from None


def _pick_body(
    models: dict[str, Any], discriminator: str, fields: dict[str, Any]
) -> Any:
    """A `oneOf` body: the constant field `discriminator` names the schema."""
    chosen = fields.get(discriminator)
    model = models.get(str(chosen.value if isinstance(chosen, enum.Enum) else chosen))
    if model is None:
        raise ValueError(
            f"{discriminator} must be one of {sorted(models)}, got {chosen!r}"
        )
    return _body(model, fields)


def _given(value: Any) -> Any:
    return UNSET if value is None else value


def _enum(cls: type[enum.Enum], value: Any) -> Any:
    return UNSET if value is None else cls(value)


class Sessions:
    """`client.sessions`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    @overload
    def create_token(
        self,
        *,
        avatar_id: UUID | str,
        avatar_persona: AvatarPersonaSchema | dict[str, Any],
        mode: Literal["FULL"],
        is_sandbox: bool | None = ...,
        video_settings: VideoSettings | dict[str, Any] | None = ...,
        max_session_duration: int | None = ...,
        interactivity_type: SessionInteractivityTypeEnum
        | Literal["CONVERSATIONAL", "PUSH_TO_TALK"]
        | None = ...,
        llm_configuration_id: UUID | str | None = ...,
        dynamic_variables: FullModeDynamicVariables | dict[str, Any] | None = ...,
        memory: MemoryRef | dict[str, Any] | None = ...,
        session_token: str | None = ...,
    ) -> SDKSessionTokenSchema: ...
    @overload
    def create_token(
        self,
        *,
        avatar_id: UUID | str,
        mode: Literal["LITE"],
        is_sandbox: bool | None = ...,
        video_settings: VideoSettings | dict[str, Any] | None = ...,
        max_session_duration: int | None = ...,
        livekit_config: LiveKitConfigSchema | dict[str, Any] | None = ...,
        agora_config: AgoraConfigSchema | dict[str, Any] | None = ...,
        elevenlabs_agent_config: ElevenLabsAgentConfigSchema
        | dict[str, Any]
        | None = ...,
        openai_realtime_config: OpenAIRealtimeConfigSchema
        | dict[str, Any]
        | None = ...,
        gemini_realtime_config: GeminiRealtimeConfigSchema
        | dict[str, Any]
        | None = ...,
        session_token: str | None = ...,
    ) -> SDKSessionTokenSchema: ...
    def create_token(self, **fields: Any) -> SDKSessionTokenSchema:
        """Create Session Token: `POST /v1/sessions/token`. `mode` picks the body schema."""
        session_token = fields.pop("session_token", None)
        body = _pick_body(
            {
                "FULL": FullMode,
                "LITE": LiteMode,
            },
            "mode",
            fields,
        )
        return cast(
            "SDKSessionTokenSchema",
            self._caller.request(
                _SESSIONS_CREATE_TOKEN, (), {"body": body}, session_token
            ),
        )

    def start(self, *, session_token: str | None = None) -> StartSessionResponseSchema:
        """Start Session: `POST /v1/sessions/start`."""
        return cast(
            "StartSessionResponseSchema",
            self._caller.request(_SESSIONS_START, (), {}, session_token),
        )

    def stop(
        self,
        *,
        session_id: UUID | str | None = None,
        reason: SessionEndReasonEnum
        | Literal[
            "UNKNOWN",
            "USER_DISCONNECTED",
            "SERVER_ERROR",
            "IDLE_TIMEOUT",
            "NO_CREDITS",
            "USER_CLOSED",
            "AVATAR_DELETED",
            "MAX_DURATION_REACHED",
            "ZOMBIE_SESSION_REAP",
            "AGENT_HANG_UP",
        ]
        | None = None,
        session_token: str | None = None,
    ) -> Any:
        """Stop Session: `POST /v1/sessions/stop`."""
        return cast(
            "Any",
            self._caller.request(
                _SESSIONS_STOP,
                (),
                {
                    "body": _body(
                        StopSessionSchema,
                        {
                            "session_id": session_id,
                            "reason": reason,
                        },
                    )
                },
                session_token,
            ),
        )

    def keep_alive(
        self, *, session_id: UUID | str | None = None, session_token: str | None = None
    ) -> Any:
        """Keep Session Alive: `POST /v1/sessions/keep-alive`."""
        return cast(
            "Any",
            self._caller.request(
                _SESSIONS_KEEP_ALIVE,
                (),
                {
                    "body": _body(
                        KeepSessionAliveSchema,
                        {
                            "session_id": session_id,
                        },
                    )
                },
                session_token,
            ),
        )

    def list(
        self,
        *,
        type: ListSessionsV1SessionsGetType | Literal["active", "historic"],
        page: int | None = None,
        page_size: int | None = None,
        avatar_id: str | None = None,
        embed_id: str | None = None,
        context_id: str | None = None,
    ) -> SyncPage[ListHistoricEntrySchema | ListSessionEntrySchema]:
        """List Sessions: `GET /v1/sessions`."""
        return cast(
            "SyncPage[ListHistoricEntrySchema | ListSessionEntrySchema]",
            self._caller.paginate(
                _SESSIONS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                    "type_": ListSessionsV1SessionsGetType(type),
                    "avatar_id": _given(avatar_id),
                    "embed_id": _given(embed_id),
                    "context_id": _given(context_id),
                },
                None,
            ),
        )

    def get(
        self,
        session_id: str,
    ) -> ListHistoricEntrySchema | ListSessionEntrySchema:
        """Get Session: `GET /v1/sessions/{session_id}`."""
        return cast(
            "ListHistoricEntrySchema | ListSessionEntrySchema",
            self._caller.request(_SESSIONS_GET, (session_id,), {}, None),
        )

    def get_transcript(
        self,
        session_id: str,
        *,
        start_timestamp: int | None = None,
        end_timestamp: int | None = None,
    ) -> SessionTranscriptResponseSchema:
        """Get Session Transcript: `GET /v1/sessions/{session_id}/transcript`."""
        return cast(
            "SessionTranscriptResponseSchema",
            self._caller.request(
                _SESSIONS_GET_TRANSCRIPT,
                (session_id,),
                {
                    "start_timestamp": _given(start_timestamp),
                    "end_timestamp": _given(end_timestamp),
                },
                None,
            ),
        )

    def delete_events(
        self,
        session_id: str,
    ) -> Any:
        """Delete Session Events: `DELETE /v1/sessions/{session_id}/events`."""
        return cast(
            "Any",
            self._caller.request(_SESSIONS_DELETE_EVENTS, (session_id,), {}, None),
        )


class SessionsWithRawResponse:
    """`client.with_raw_response.sessions`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    @overload
    def create_token(
        self,
        *,
        avatar_id: UUID | str,
        avatar_persona: AvatarPersonaSchema | dict[str, Any],
        mode: Literal["FULL"],
        is_sandbox: bool | None = ...,
        video_settings: VideoSettings | dict[str, Any] | None = ...,
        max_session_duration: int | None = ...,
        interactivity_type: SessionInteractivityTypeEnum
        | Literal["CONVERSATIONAL", "PUSH_TO_TALK"]
        | None = ...,
        llm_configuration_id: UUID | str | None = ...,
        dynamic_variables: FullModeDynamicVariables | dict[str, Any] | None = ...,
        memory: MemoryRef | dict[str, Any] | None = ...,
        session_token: str | None = ...,
    ) -> RawResponse[SDKSessionTokenSchema]: ...
    @overload
    def create_token(
        self,
        *,
        avatar_id: UUID | str,
        mode: Literal["LITE"],
        is_sandbox: bool | None = ...,
        video_settings: VideoSettings | dict[str, Any] | None = ...,
        max_session_duration: int | None = ...,
        livekit_config: LiveKitConfigSchema | dict[str, Any] | None = ...,
        agora_config: AgoraConfigSchema | dict[str, Any] | None = ...,
        elevenlabs_agent_config: ElevenLabsAgentConfigSchema
        | dict[str, Any]
        | None = ...,
        openai_realtime_config: OpenAIRealtimeConfigSchema
        | dict[str, Any]
        | None = ...,
        gemini_realtime_config: GeminiRealtimeConfigSchema
        | dict[str, Any]
        | None = ...,
        session_token: str | None = ...,
    ) -> RawResponse[SDKSessionTokenSchema]: ...
    def create_token(self, **fields: Any) -> RawResponse[SDKSessionTokenSchema]:
        """Create Session Token: `POST /v1/sessions/token`. `mode` picks the body schema."""
        session_token = fields.pop("session_token", None)
        body = _pick_body(
            {
                "FULL": FullMode,
                "LITE": LiteMode,
            },
            "mode",
            fields,
        )
        return cast(
            "RawResponse[SDKSessionTokenSchema]",
            self._caller.request(
                _SESSIONS_CREATE_TOKEN, (), {"body": body}, session_token
            ),
        )

    def start(
        self, *, session_token: str | None = None
    ) -> RawResponse[StartSessionResponseSchema]:
        """Start Session: `POST /v1/sessions/start`."""
        return cast(
            "RawResponse[StartSessionResponseSchema]",
            self._caller.request(_SESSIONS_START, (), {}, session_token),
        )

    def stop(
        self,
        *,
        session_id: UUID | str | None = None,
        reason: SessionEndReasonEnum
        | Literal[
            "UNKNOWN",
            "USER_DISCONNECTED",
            "SERVER_ERROR",
            "IDLE_TIMEOUT",
            "NO_CREDITS",
            "USER_CLOSED",
            "AVATAR_DELETED",
            "MAX_DURATION_REACHED",
            "ZOMBIE_SESSION_REAP",
            "AGENT_HANG_UP",
        ]
        | None = None,
        session_token: str | None = None,
    ) -> RawResponse[Any]:
        """Stop Session: `POST /v1/sessions/stop`."""
        return cast(
            "RawResponse[Any]",
            self._caller.request(
                _SESSIONS_STOP,
                (),
                {
                    "body": _body(
                        StopSessionSchema,
                        {
                            "session_id": session_id,
                            "reason": reason,
                        },
                    )
                },
                session_token,
            ),
        )

    def keep_alive(
        self, *, session_id: UUID | str | None = None, session_token: str | None = None
    ) -> RawResponse[Any]:
        """Keep Session Alive: `POST /v1/sessions/keep-alive`."""
        return cast(
            "RawResponse[Any]",
            self._caller.request(
                _SESSIONS_KEEP_ALIVE,
                (),
                {
                    "body": _body(
                        KeepSessionAliveSchema,
                        {
                            "session_id": session_id,
                        },
                    )
                },
                session_token,
            ),
        )

    def list(
        self,
        *,
        type: ListSessionsV1SessionsGetType | Literal["active", "historic"],
        page: int | None = None,
        page_size: int | None = None,
        avatar_id: str | None = None,
        embed_id: str | None = None,
        context_id: str | None = None,
    ) -> RawResponse[
        PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
    ]:
        """List Sessions: `GET /v1/sessions`."""
        return cast(
            "RawResponse[PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema]",
            self._caller.request(
                _SESSIONS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                    "type_": ListSessionsV1SessionsGetType(type),
                    "avatar_id": _given(avatar_id),
                    "embed_id": _given(embed_id),
                    "context_id": _given(context_id),
                },
                None,
            ),
        )

    def get(
        self,
        session_id: str,
    ) -> RawResponse[ListHistoricEntrySchema | ListSessionEntrySchema]:
        """Get Session: `GET /v1/sessions/{session_id}`."""
        return cast(
            "RawResponse[ListHistoricEntrySchema | ListSessionEntrySchema]",
            self._caller.request(_SESSIONS_GET, (session_id,), {}, None),
        )

    def get_transcript(
        self,
        session_id: str,
        *,
        start_timestamp: int | None = None,
        end_timestamp: int | None = None,
    ) -> RawResponse[SessionTranscriptResponseSchema]:
        """Get Session Transcript: `GET /v1/sessions/{session_id}/transcript`."""
        return cast(
            "RawResponse[SessionTranscriptResponseSchema]",
            self._caller.request(
                _SESSIONS_GET_TRANSCRIPT,
                (session_id,),
                {
                    "start_timestamp": _given(start_timestamp),
                    "end_timestamp": _given(end_timestamp),
                },
                None,
            ),
        )

    def delete_events(
        self,
        session_id: str,
    ) -> RawResponse[Any]:
        """Delete Session Events: `DELETE /v1/sessions/{session_id}/events`."""
        return cast(
            "RawResponse[Any]",
            self._caller.request(_SESSIONS_DELETE_EVENTS, (session_id,), {}, None),
        )


class AsyncSessions:
    """`client.sessions` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    @overload
    async def create_token(
        self,
        *,
        avatar_id: UUID | str,
        avatar_persona: AvatarPersonaSchema | dict[str, Any],
        mode: Literal["FULL"],
        is_sandbox: bool | None = ...,
        video_settings: VideoSettings | dict[str, Any] | None = ...,
        max_session_duration: int | None = ...,
        interactivity_type: SessionInteractivityTypeEnum
        | Literal["CONVERSATIONAL", "PUSH_TO_TALK"]
        | None = ...,
        llm_configuration_id: UUID | str | None = ...,
        dynamic_variables: FullModeDynamicVariables | dict[str, Any] | None = ...,
        memory: MemoryRef | dict[str, Any] | None = ...,
        session_token: str | None = ...,
    ) -> SDKSessionTokenSchema: ...
    @overload
    async def create_token(
        self,
        *,
        avatar_id: UUID | str,
        mode: Literal["LITE"],
        is_sandbox: bool | None = ...,
        video_settings: VideoSettings | dict[str, Any] | None = ...,
        max_session_duration: int | None = ...,
        livekit_config: LiveKitConfigSchema | dict[str, Any] | None = ...,
        agora_config: AgoraConfigSchema | dict[str, Any] | None = ...,
        elevenlabs_agent_config: ElevenLabsAgentConfigSchema
        | dict[str, Any]
        | None = ...,
        openai_realtime_config: OpenAIRealtimeConfigSchema
        | dict[str, Any]
        | None = ...,
        gemini_realtime_config: GeminiRealtimeConfigSchema
        | dict[str, Any]
        | None = ...,
        session_token: str | None = ...,
    ) -> SDKSessionTokenSchema: ...
    async def create_token(self, **fields: Any) -> SDKSessionTokenSchema:
        """Create Session Token: `POST /v1/sessions/token`. `mode` picks the body schema."""
        session_token = fields.pop("session_token", None)
        body = _pick_body(
            {
                "FULL": FullMode,
                "LITE": LiteMode,
            },
            "mode",
            fields,
        )
        return cast(
            "SDKSessionTokenSchema",
            await self._caller.request(
                _SESSIONS_CREATE_TOKEN, (), {"body": body}, session_token
            ),
        )

    async def start(
        self, *, session_token: str | None = None
    ) -> StartSessionResponseSchema:
        """Start Session: `POST /v1/sessions/start`."""
        return cast(
            "StartSessionResponseSchema",
            await self._caller.request(_SESSIONS_START, (), {}, session_token),
        )

    async def stop(
        self,
        *,
        session_id: UUID | str | None = None,
        reason: SessionEndReasonEnum
        | Literal[
            "UNKNOWN",
            "USER_DISCONNECTED",
            "SERVER_ERROR",
            "IDLE_TIMEOUT",
            "NO_CREDITS",
            "USER_CLOSED",
            "AVATAR_DELETED",
            "MAX_DURATION_REACHED",
            "ZOMBIE_SESSION_REAP",
            "AGENT_HANG_UP",
        ]
        | None = None,
        session_token: str | None = None,
    ) -> Any:
        """Stop Session: `POST /v1/sessions/stop`."""
        return cast(
            "Any",
            await self._caller.request(
                _SESSIONS_STOP,
                (),
                {
                    "body": _body(
                        StopSessionSchema,
                        {
                            "session_id": session_id,
                            "reason": reason,
                        },
                    )
                },
                session_token,
            ),
        )

    async def keep_alive(
        self, *, session_id: UUID | str | None = None, session_token: str | None = None
    ) -> Any:
        """Keep Session Alive: `POST /v1/sessions/keep-alive`."""
        return cast(
            "Any",
            await self._caller.request(
                _SESSIONS_KEEP_ALIVE,
                (),
                {
                    "body": _body(
                        KeepSessionAliveSchema,
                        {
                            "session_id": session_id,
                        },
                    )
                },
                session_token,
            ),
        )

    def list(
        self,
        *,
        type: ListSessionsV1SessionsGetType | Literal["active", "historic"],
        page: int | None = None,
        page_size: int | None = None,
        avatar_id: str | None = None,
        embed_id: str | None = None,
        context_id: str | None = None,
    ) -> AsyncPager[ListHistoricEntrySchema | ListSessionEntrySchema]:
        """List Sessions: `GET /v1/sessions`."""
        return cast(
            "AsyncPager[ListHistoricEntrySchema | ListSessionEntrySchema]",
            self._caller.paginate(
                _SESSIONS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                    "type_": ListSessionsV1SessionsGetType(type),
                    "avatar_id": _given(avatar_id),
                    "embed_id": _given(embed_id),
                    "context_id": _given(context_id),
                },
                None,
            ),
        )

    async def get(
        self,
        session_id: str,
    ) -> ListHistoricEntrySchema | ListSessionEntrySchema:
        """Get Session: `GET /v1/sessions/{session_id}`."""
        return cast(
            "ListHistoricEntrySchema | ListSessionEntrySchema",
            await self._caller.request(_SESSIONS_GET, (session_id,), {}, None),
        )

    async def get_transcript(
        self,
        session_id: str,
        *,
        start_timestamp: int | None = None,
        end_timestamp: int | None = None,
    ) -> SessionTranscriptResponseSchema:
        """Get Session Transcript: `GET /v1/sessions/{session_id}/transcript`."""
        return cast(
            "SessionTranscriptResponseSchema",
            await self._caller.request(
                _SESSIONS_GET_TRANSCRIPT,
                (session_id,),
                {
                    "start_timestamp": _given(start_timestamp),
                    "end_timestamp": _given(end_timestamp),
                },
                None,
            ),
        )

    async def delete_events(
        self,
        session_id: str,
    ) -> Any:
        """Delete Session Events: `DELETE /v1/sessions/{session_id}/events`."""
        return cast(
            "Any",
            await self._caller.request(
                _SESSIONS_DELETE_EVENTS, (session_id,), {}, None
            ),
        )


class AsyncSessionsWithRawResponse:
    """`client.with_raw_response.sessions` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    @overload
    async def create_token(
        self,
        *,
        avatar_id: UUID | str,
        avatar_persona: AvatarPersonaSchema | dict[str, Any],
        mode: Literal["FULL"],
        is_sandbox: bool | None = ...,
        video_settings: VideoSettings | dict[str, Any] | None = ...,
        max_session_duration: int | None = ...,
        interactivity_type: SessionInteractivityTypeEnum
        | Literal["CONVERSATIONAL", "PUSH_TO_TALK"]
        | None = ...,
        llm_configuration_id: UUID | str | None = ...,
        dynamic_variables: FullModeDynamicVariables | dict[str, Any] | None = ...,
        memory: MemoryRef | dict[str, Any] | None = ...,
        session_token: str | None = ...,
    ) -> RawResponse[SDKSessionTokenSchema]: ...
    @overload
    async def create_token(
        self,
        *,
        avatar_id: UUID | str,
        mode: Literal["LITE"],
        is_sandbox: bool | None = ...,
        video_settings: VideoSettings | dict[str, Any] | None = ...,
        max_session_duration: int | None = ...,
        livekit_config: LiveKitConfigSchema | dict[str, Any] | None = ...,
        agora_config: AgoraConfigSchema | dict[str, Any] | None = ...,
        elevenlabs_agent_config: ElevenLabsAgentConfigSchema
        | dict[str, Any]
        | None = ...,
        openai_realtime_config: OpenAIRealtimeConfigSchema
        | dict[str, Any]
        | None = ...,
        gemini_realtime_config: GeminiRealtimeConfigSchema
        | dict[str, Any]
        | None = ...,
        session_token: str | None = ...,
    ) -> RawResponse[SDKSessionTokenSchema]: ...
    async def create_token(self, **fields: Any) -> RawResponse[SDKSessionTokenSchema]:
        """Create Session Token: `POST /v1/sessions/token`. `mode` picks the body schema."""
        session_token = fields.pop("session_token", None)
        body = _pick_body(
            {
                "FULL": FullMode,
                "LITE": LiteMode,
            },
            "mode",
            fields,
        )
        return cast(
            "RawResponse[SDKSessionTokenSchema]",
            await self._caller.request(
                _SESSIONS_CREATE_TOKEN, (), {"body": body}, session_token
            ),
        )

    async def start(
        self, *, session_token: str | None = None
    ) -> RawResponse[StartSessionResponseSchema]:
        """Start Session: `POST /v1/sessions/start`."""
        return cast(
            "RawResponse[StartSessionResponseSchema]",
            await self._caller.request(_SESSIONS_START, (), {}, session_token),
        )

    async def stop(
        self,
        *,
        session_id: UUID | str | None = None,
        reason: SessionEndReasonEnum
        | Literal[
            "UNKNOWN",
            "USER_DISCONNECTED",
            "SERVER_ERROR",
            "IDLE_TIMEOUT",
            "NO_CREDITS",
            "USER_CLOSED",
            "AVATAR_DELETED",
            "MAX_DURATION_REACHED",
            "ZOMBIE_SESSION_REAP",
            "AGENT_HANG_UP",
        ]
        | None = None,
        session_token: str | None = None,
    ) -> RawResponse[Any]:
        """Stop Session: `POST /v1/sessions/stop`."""
        return cast(
            "RawResponse[Any]",
            await self._caller.request(
                _SESSIONS_STOP,
                (),
                {
                    "body": _body(
                        StopSessionSchema,
                        {
                            "session_id": session_id,
                            "reason": reason,
                        },
                    )
                },
                session_token,
            ),
        )

    async def keep_alive(
        self, *, session_id: UUID | str | None = None, session_token: str | None = None
    ) -> RawResponse[Any]:
        """Keep Session Alive: `POST /v1/sessions/keep-alive`."""
        return cast(
            "RawResponse[Any]",
            await self._caller.request(
                _SESSIONS_KEEP_ALIVE,
                (),
                {
                    "body": _body(
                        KeepSessionAliveSchema,
                        {
                            "session_id": session_id,
                        },
                    )
                },
                session_token,
            ),
        )

    async def list(
        self,
        *,
        type: ListSessionsV1SessionsGetType | Literal["active", "historic"],
        page: int | None = None,
        page_size: int | None = None,
        avatar_id: str | None = None,
        embed_id: str | None = None,
        context_id: str | None = None,
    ) -> RawResponse[
        PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
    ]:
        """List Sessions: `GET /v1/sessions`."""
        return cast(
            "RawResponse[PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema]",
            await self._caller.request(
                _SESSIONS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                    "type_": ListSessionsV1SessionsGetType(type),
                    "avatar_id": _given(avatar_id),
                    "embed_id": _given(embed_id),
                    "context_id": _given(context_id),
                },
                None,
            ),
        )

    async def get(
        self,
        session_id: str,
    ) -> RawResponse[ListHistoricEntrySchema | ListSessionEntrySchema]:
        """Get Session: `GET /v1/sessions/{session_id}`."""
        return cast(
            "RawResponse[ListHistoricEntrySchema | ListSessionEntrySchema]",
            await self._caller.request(_SESSIONS_GET, (session_id,), {}, None),
        )

    async def get_transcript(
        self,
        session_id: str,
        *,
        start_timestamp: int | None = None,
        end_timestamp: int | None = None,
    ) -> RawResponse[SessionTranscriptResponseSchema]:
        """Get Session Transcript: `GET /v1/sessions/{session_id}/transcript`."""
        return cast(
            "RawResponse[SessionTranscriptResponseSchema]",
            await self._caller.request(
                _SESSIONS_GET_TRANSCRIPT,
                (session_id,),
                {
                    "start_timestamp": _given(start_timestamp),
                    "end_timestamp": _given(end_timestamp),
                },
                None,
            ),
        )

    async def delete_events(
        self,
        session_id: str,
    ) -> RawResponse[Any]:
        """Delete Session Events: `DELETE /v1/sessions/{session_id}/events`."""
        return cast(
            "RawResponse[Any]",
            await self._caller.request(
                _SESSIONS_DELETE_EVENTS, (session_id,), {}, None
            ),
        )


class Avatars:
    """`client.avatars`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> SyncPage[AvatarSchema]:
        """List User Avatars: `GET /v1/avatars`."""
        return cast(
            "SyncPage[AvatarSchema]",
            self._caller.paginate(
                _AVATARS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    def list_public(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> SyncPage[AvatarSchema]:
        """List Public Avatars: `GET /v1/avatars/public`."""
        return cast(
            "SyncPage[AvatarSchema]",
            self._caller.paginate(
                _AVATARS_LIST_PUBLIC,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    def get(
        self,
        avatar_id: str,
    ) -> AvatarSchema:
        """Get Avatar By Id: `GET /v1/avatars/{avatar_id}`."""
        return cast(
            "AvatarSchema", self._caller.request(_AVATARS_GET, (avatar_id,), {}, None)
        )

    def delete(
        self,
        avatar_id: str,
    ) -> Any:
        """Delete Avatar: `DELETE /v1/avatars/{avatar_id}`."""
        return cast(
            "Any", self._caller.request(_AVATARS_DELETE, (avatar_id,), {}, None)
        )

    def update(
        self,
        avatar_id: str,
        *,
        name: str | None = None,
        default_voice_id: str | None = None,
    ) -> AvatarSchema:
        """Update Avatar: `PATCH /v1/avatars/{avatar_id}`. None leaves a field as it is."""
        return cast(
            "AvatarSchema",
            self._caller.request(
                _AVATARS_UPDATE,
                (avatar_id,),
                {
                    "body": _body(
                        UpdateAvatarSchema,
                        {
                            "name": name,
                            "default_voice_id": default_voice_id,
                        },
                    )
                },
                None,
            ),
        )


class AvatarsWithRawResponse:
    """`client.with_raw_response.avatars`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> RawResponse[PaginatedResponseAvatarSchema]:
        """List User Avatars: `GET /v1/avatars`."""
        return cast(
            "RawResponse[PaginatedResponseAvatarSchema]",
            self._caller.request(
                _AVATARS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    def list_public(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> RawResponse[PaginatedResponseAvatarSchema]:
        """List Public Avatars: `GET /v1/avatars/public`."""
        return cast(
            "RawResponse[PaginatedResponseAvatarSchema]",
            self._caller.request(
                _AVATARS_LIST_PUBLIC,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    def get(
        self,
        avatar_id: str,
    ) -> RawResponse[AvatarSchema]:
        """Get Avatar By Id: `GET /v1/avatars/{avatar_id}`."""
        return cast(
            "RawResponse[AvatarSchema]",
            self._caller.request(_AVATARS_GET, (avatar_id,), {}, None),
        )

    def delete(
        self,
        avatar_id: str,
    ) -> RawResponse[Any]:
        """Delete Avatar: `DELETE /v1/avatars/{avatar_id}`."""
        return cast(
            "RawResponse[Any]",
            self._caller.request(_AVATARS_DELETE, (avatar_id,), {}, None),
        )

    def update(
        self,
        avatar_id: str,
        *,
        name: str | None = None,
        default_voice_id: str | None = None,
    ) -> RawResponse[AvatarSchema]:
        """Update Avatar: `PATCH /v1/avatars/{avatar_id}`. None leaves a field as it is."""
        return cast(
            "RawResponse[AvatarSchema]",
            self._caller.request(
                _AVATARS_UPDATE,
                (avatar_id,),
                {
                    "body": _body(
                        UpdateAvatarSchema,
                        {
                            "name": name,
                            "default_voice_id": default_voice_id,
                        },
                    )
                },
                None,
            ),
        )


class AsyncAvatars:
    """`client.avatars` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> AsyncPager[AvatarSchema]:
        """List User Avatars: `GET /v1/avatars`."""
        return cast(
            "AsyncPager[AvatarSchema]",
            self._caller.paginate(
                _AVATARS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    def list_public(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> AsyncPager[AvatarSchema]:
        """List Public Avatars: `GET /v1/avatars/public`."""
        return cast(
            "AsyncPager[AvatarSchema]",
            self._caller.paginate(
                _AVATARS_LIST_PUBLIC,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    async def get(
        self,
        avatar_id: str,
    ) -> AvatarSchema:
        """Get Avatar By Id: `GET /v1/avatars/{avatar_id}`."""
        return cast(
            "AvatarSchema",
            await self._caller.request(_AVATARS_GET, (avatar_id,), {}, None),
        )

    async def delete(
        self,
        avatar_id: str,
    ) -> Any:
        """Delete Avatar: `DELETE /v1/avatars/{avatar_id}`."""
        return cast(
            "Any", await self._caller.request(_AVATARS_DELETE, (avatar_id,), {}, None)
        )

    async def update(
        self,
        avatar_id: str,
        *,
        name: str | None = None,
        default_voice_id: str | None = None,
    ) -> AvatarSchema:
        """Update Avatar: `PATCH /v1/avatars/{avatar_id}`. None leaves a field as it is."""
        return cast(
            "AvatarSchema",
            await self._caller.request(
                _AVATARS_UPDATE,
                (avatar_id,),
                {
                    "body": _body(
                        UpdateAvatarSchema,
                        {
                            "name": name,
                            "default_voice_id": default_voice_id,
                        },
                    )
                },
                None,
            ),
        )


class AsyncAvatarsWithRawResponse:
    """`client.with_raw_response.avatars` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def list(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> RawResponse[PaginatedResponseAvatarSchema]:
        """List User Avatars: `GET /v1/avatars`."""
        return cast(
            "RawResponse[PaginatedResponseAvatarSchema]",
            await self._caller.request(
                _AVATARS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    async def list_public(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> RawResponse[PaginatedResponseAvatarSchema]:
        """List Public Avatars: `GET /v1/avatars/public`."""
        return cast(
            "RawResponse[PaginatedResponseAvatarSchema]",
            await self._caller.request(
                _AVATARS_LIST_PUBLIC,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    async def get(
        self,
        avatar_id: str,
    ) -> RawResponse[AvatarSchema]:
        """Get Avatar By Id: `GET /v1/avatars/{avatar_id}`."""
        return cast(
            "RawResponse[AvatarSchema]",
            await self._caller.request(_AVATARS_GET, (avatar_id,), {}, None),
        )

    async def delete(
        self,
        avatar_id: str,
    ) -> RawResponse[Any]:
        """Delete Avatar: `DELETE /v1/avatars/{avatar_id}`."""
        return cast(
            "RawResponse[Any]",
            await self._caller.request(_AVATARS_DELETE, (avatar_id,), {}, None),
        )

    async def update(
        self,
        avatar_id: str,
        *,
        name: str | None = None,
        default_voice_id: str | None = None,
    ) -> RawResponse[AvatarSchema]:
        """Update Avatar: `PATCH /v1/avatars/{avatar_id}`. None leaves a field as it is."""
        return cast(
            "RawResponse[AvatarSchema]",
            await self._caller.request(
                _AVATARS_UPDATE,
                (avatar_id,),
                {
                    "body": _body(
                        UpdateAvatarSchema,
                        {
                            "name": name,
                            "default_voice_id": default_voice_id,
                        },
                    )
                },
                None,
            ),
        )


class Voices:
    """`client.voices`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        voice_type: VoiceListTypeEnum | Literal["public", "private"] | None = None,
    ) -> SyncPage[VoiceSchema]:
        """List Voices: `GET /v1/voices`."""
        return cast(
            "SyncPage[VoiceSchema]",
            self._caller.paginate(
                _VOICES_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                    "voice_type": _enum(VoiceListTypeEnum, voice_type),
                },
                None,
            ),
        )

    def bind_third_party(
        self, *, provider_voice_id: str, secret_id: str, name: str | None = None
    ) -> ThirdPartyVoiceBindResponseSchema:
        """Bind Third Party Voice: `POST /v1/voices/third_party`."""
        return cast(
            "ThirdPartyVoiceBindResponseSchema",
            self._caller.request(
                _VOICES_BIND_THIRD_PARTY,
                (),
                {
                    "body": _body(
                        ThirdPartyVoiceBindRequestSchema,
                        {
                            "provider_voice_id": provider_voice_id,
                            "secret_id": secret_id,
                            "name": name,
                        },
                    )
                },
                None,
            ),
        )

    def get(
        self,
        voice_id: str,
    ) -> VoiceSchema:
        """Get Voice By Id: `GET /v1/voices/{voice_id}`."""
        return cast(
            "VoiceSchema", self._caller.request(_VOICES_GET, (voice_id,), {}, None)
        )

    def delete(
        self,
        voice_id: str,
    ) -> None:
        """Delete Voice: `DELETE /v1/voices/{voice_id}`."""
        return cast("None", self._caller.request(_VOICES_DELETE, (voice_id,), {}, None))

    def update(self, voice_id: str, *, name: str) -> VoiceSchema:
        """Update Voice: `PATCH /v1/voices/{voice_id}`. None leaves a field as it is."""
        return cast(
            "VoiceSchema",
            self._caller.request(
                _VOICES_UPDATE,
                (voice_id,),
                {
                    "body": _body(
                        UpdateVoiceSchema,
                        {
                            "name": name,
                        },
                    )
                },
                None,
            ),
        )

    def get_preview(
        self,
        voice_id: str,
    ) -> VoicePreviewResponseSchema:
        """Get Voice Preview By Id: `GET /v1/voices/{voice_id}/preview`."""
        return cast(
            "VoicePreviewResponseSchema",
            self._caller.request(_VOICES_GET_PREVIEW, (voice_id,), {}, None),
        )


class VoicesWithRawResponse:
    """`client.with_raw_response.voices`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        voice_type: VoiceListTypeEnum | Literal["public", "private"] | None = None,
    ) -> RawResponse[PaginatedResponseVoiceSchema]:
        """List Voices: `GET /v1/voices`."""
        return cast(
            "RawResponse[PaginatedResponseVoiceSchema]",
            self._caller.request(
                _VOICES_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                    "voice_type": _enum(VoiceListTypeEnum, voice_type),
                },
                None,
            ),
        )

    def bind_third_party(
        self, *, provider_voice_id: str, secret_id: str, name: str | None = None
    ) -> RawResponse[ThirdPartyVoiceBindResponseSchema]:
        """Bind Third Party Voice: `POST /v1/voices/third_party`."""
        return cast(
            "RawResponse[ThirdPartyVoiceBindResponseSchema]",
            self._caller.request(
                _VOICES_BIND_THIRD_PARTY,
                (),
                {
                    "body": _body(
                        ThirdPartyVoiceBindRequestSchema,
                        {
                            "provider_voice_id": provider_voice_id,
                            "secret_id": secret_id,
                            "name": name,
                        },
                    )
                },
                None,
            ),
        )

    def get(
        self,
        voice_id: str,
    ) -> RawResponse[VoiceSchema]:
        """Get Voice By Id: `GET /v1/voices/{voice_id}`."""
        return cast(
            "RawResponse[VoiceSchema]",
            self._caller.request(_VOICES_GET, (voice_id,), {}, None),
        )

    def delete(
        self,
        voice_id: str,
    ) -> RawResponse[None]:
        """Delete Voice: `DELETE /v1/voices/{voice_id}`."""
        return cast(
            "RawResponse[None]",
            self._caller.request(_VOICES_DELETE, (voice_id,), {}, None),
        )

    def update(self, voice_id: str, *, name: str) -> RawResponse[VoiceSchema]:
        """Update Voice: `PATCH /v1/voices/{voice_id}`. None leaves a field as it is."""
        return cast(
            "RawResponse[VoiceSchema]",
            self._caller.request(
                _VOICES_UPDATE,
                (voice_id,),
                {
                    "body": _body(
                        UpdateVoiceSchema,
                        {
                            "name": name,
                        },
                    )
                },
                None,
            ),
        )

    def get_preview(
        self,
        voice_id: str,
    ) -> RawResponse[VoicePreviewResponseSchema]:
        """Get Voice Preview By Id: `GET /v1/voices/{voice_id}/preview`."""
        return cast(
            "RawResponse[VoicePreviewResponseSchema]",
            self._caller.request(_VOICES_GET_PREVIEW, (voice_id,), {}, None),
        )


class AsyncVoices:
    """`client.voices` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        voice_type: VoiceListTypeEnum | Literal["public", "private"] | None = None,
    ) -> AsyncPager[VoiceSchema]:
        """List Voices: `GET /v1/voices`."""
        return cast(
            "AsyncPager[VoiceSchema]",
            self._caller.paginate(
                _VOICES_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                    "voice_type": _enum(VoiceListTypeEnum, voice_type),
                },
                None,
            ),
        )

    async def bind_third_party(
        self, *, provider_voice_id: str, secret_id: str, name: str | None = None
    ) -> ThirdPartyVoiceBindResponseSchema:
        """Bind Third Party Voice: `POST /v1/voices/third_party`."""
        return cast(
            "ThirdPartyVoiceBindResponseSchema",
            await self._caller.request(
                _VOICES_BIND_THIRD_PARTY,
                (),
                {
                    "body": _body(
                        ThirdPartyVoiceBindRequestSchema,
                        {
                            "provider_voice_id": provider_voice_id,
                            "secret_id": secret_id,
                            "name": name,
                        },
                    )
                },
                None,
            ),
        )

    async def get(
        self,
        voice_id: str,
    ) -> VoiceSchema:
        """Get Voice By Id: `GET /v1/voices/{voice_id}`."""
        return cast(
            "VoiceSchema",
            await self._caller.request(_VOICES_GET, (voice_id,), {}, None),
        )

    async def delete(
        self,
        voice_id: str,
    ) -> None:
        """Delete Voice: `DELETE /v1/voices/{voice_id}`."""
        return cast(
            "None", await self._caller.request(_VOICES_DELETE, (voice_id,), {}, None)
        )

    async def update(self, voice_id: str, *, name: str) -> VoiceSchema:
        """Update Voice: `PATCH /v1/voices/{voice_id}`. None leaves a field as it is."""
        return cast(
            "VoiceSchema",
            await self._caller.request(
                _VOICES_UPDATE,
                (voice_id,),
                {
                    "body": _body(
                        UpdateVoiceSchema,
                        {
                            "name": name,
                        },
                    )
                },
                None,
            ),
        )

    async def get_preview(
        self,
        voice_id: str,
    ) -> VoicePreviewResponseSchema:
        """Get Voice Preview By Id: `GET /v1/voices/{voice_id}/preview`."""
        return cast(
            "VoicePreviewResponseSchema",
            await self._caller.request(_VOICES_GET_PREVIEW, (voice_id,), {}, None),
        )


class AsyncVoicesWithRawResponse:
    """`client.with_raw_response.voices` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def list(
        self,
        *,
        page: int | None = None,
        page_size: int | None = None,
        voice_type: VoiceListTypeEnum | Literal["public", "private"] | None = None,
    ) -> RawResponse[PaginatedResponseVoiceSchema]:
        """List Voices: `GET /v1/voices`."""
        return cast(
            "RawResponse[PaginatedResponseVoiceSchema]",
            await self._caller.request(
                _VOICES_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                    "voice_type": _enum(VoiceListTypeEnum, voice_type),
                },
                None,
            ),
        )

    async def bind_third_party(
        self, *, provider_voice_id: str, secret_id: str, name: str | None = None
    ) -> RawResponse[ThirdPartyVoiceBindResponseSchema]:
        """Bind Third Party Voice: `POST /v1/voices/third_party`."""
        return cast(
            "RawResponse[ThirdPartyVoiceBindResponseSchema]",
            await self._caller.request(
                _VOICES_BIND_THIRD_PARTY,
                (),
                {
                    "body": _body(
                        ThirdPartyVoiceBindRequestSchema,
                        {
                            "provider_voice_id": provider_voice_id,
                            "secret_id": secret_id,
                            "name": name,
                        },
                    )
                },
                None,
            ),
        )

    async def get(
        self,
        voice_id: str,
    ) -> RawResponse[VoiceSchema]:
        """Get Voice By Id: `GET /v1/voices/{voice_id}`."""
        return cast(
            "RawResponse[VoiceSchema]",
            await self._caller.request(_VOICES_GET, (voice_id,), {}, None),
        )

    async def delete(
        self,
        voice_id: str,
    ) -> RawResponse[None]:
        """Delete Voice: `DELETE /v1/voices/{voice_id}`."""
        return cast(
            "RawResponse[None]",
            await self._caller.request(_VOICES_DELETE, (voice_id,), {}, None),
        )

    async def update(self, voice_id: str, *, name: str) -> RawResponse[VoiceSchema]:
        """Update Voice: `PATCH /v1/voices/{voice_id}`. None leaves a field as it is."""
        return cast(
            "RawResponse[VoiceSchema]",
            await self._caller.request(
                _VOICES_UPDATE,
                (voice_id,),
                {
                    "body": _body(
                        UpdateVoiceSchema,
                        {
                            "name": name,
                        },
                    )
                },
                None,
            ),
        )

    async def get_preview(
        self,
        voice_id: str,
    ) -> RawResponse[VoicePreviewResponseSchema]:
        """Get Voice Preview By Id: `GET /v1/voices/{voice_id}/preview`."""
        return cast(
            "RawResponse[VoicePreviewResponseSchema]",
            await self._caller.request(_VOICES_GET_PREVIEW, (voice_id,), {}, None),
        )


class Contexts:
    """`client.contexts`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> SyncPage[ContextSchema]:
        """List User Contexts: `GET /v1/contexts`."""
        return cast(
            "SyncPage[ContextSchema]",
            self._caller.paginate(
                _CONTEXTS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    def create(
        self,
        *,
        name: str,
        prompt: str,
        opening_text: str,
        links: builtins.list[CreateUpdateContextLinkSchema | dict[str, Any]]
        | None = None,
    ) -> ContextDetailSchema:
        """Create Context: `POST /v1/contexts`."""
        return cast(
            "ContextDetailSchema",
            self._caller.request(
                _CONTEXTS_CREATE,
                (),
                {
                    "body": _body(
                        CreateContextSchema,
                        {
                            "name": name,
                            "prompt": prompt,
                            "opening_text": opening_text,
                            "links": links,
                        },
                    )
                },
                None,
            ),
        )

    def get(
        self,
        context_id: UUID | str,
    ) -> ContextDetailSchema:
        """Get Context By Id: `GET /v1/contexts/{context_id}`."""
        return cast(
            "ContextDetailSchema",
            self._caller.request(_CONTEXTS_GET, (context_id,), {}, None),
        )

    def delete(
        self,
        context_id: UUID | str,
    ) -> Any:
        """Delete Context: `DELETE /v1/contexts/{context_id}`."""
        return cast(
            "Any", self._caller.request(_CONTEXTS_DELETE, (context_id,), {}, None)
        )

    def update(
        self,
        context_id: UUID | str,
        *,
        name: str,
        prompt: str,
        opening_text: str,
        links: builtins.list[CreateUpdateContextLinkSchema | dict[str, Any]]
        | None = None,
    ) -> ContextDetailSchema:
        """Update Context: `PATCH /v1/contexts/{context_id}`. None leaves a field as it is."""
        return cast(
            "ContextDetailSchema",
            self._caller.request(
                _CONTEXTS_UPDATE,
                (context_id,),
                {
                    "body": _body(
                        UpdateContextSchema,
                        {
                            "name": name,
                            "prompt": prompt,
                            "opening_text": opening_text,
                            "links": links,
                        },
                    )
                },
                None,
            ),
        )


class ContextsWithRawResponse:
    """`client.with_raw_response.contexts`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> RawResponse[PaginatedResponseContextSchema]:
        """List User Contexts: `GET /v1/contexts`."""
        return cast(
            "RawResponse[PaginatedResponseContextSchema]",
            self._caller.request(
                _CONTEXTS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    def create(
        self,
        *,
        name: str,
        prompt: str,
        opening_text: str,
        links: builtins.list[CreateUpdateContextLinkSchema | dict[str, Any]]
        | None = None,
    ) -> RawResponse[ContextDetailSchema]:
        """Create Context: `POST /v1/contexts`."""
        return cast(
            "RawResponse[ContextDetailSchema]",
            self._caller.request(
                _CONTEXTS_CREATE,
                (),
                {
                    "body": _body(
                        CreateContextSchema,
                        {
                            "name": name,
                            "prompt": prompt,
                            "opening_text": opening_text,
                            "links": links,
                        },
                    )
                },
                None,
            ),
        )

    def get(
        self,
        context_id: UUID | str,
    ) -> RawResponse[ContextDetailSchema]:
        """Get Context By Id: `GET /v1/contexts/{context_id}`."""
        return cast(
            "RawResponse[ContextDetailSchema]",
            self._caller.request(_CONTEXTS_GET, (context_id,), {}, None),
        )

    def delete(
        self,
        context_id: UUID | str,
    ) -> RawResponse[Any]:
        """Delete Context: `DELETE /v1/contexts/{context_id}`."""
        return cast(
            "RawResponse[Any]",
            self._caller.request(_CONTEXTS_DELETE, (context_id,), {}, None),
        )

    def update(
        self,
        context_id: UUID | str,
        *,
        name: str,
        prompt: str,
        opening_text: str,
        links: builtins.list[CreateUpdateContextLinkSchema | dict[str, Any]]
        | None = None,
    ) -> RawResponse[ContextDetailSchema]:
        """Update Context: `PATCH /v1/contexts/{context_id}`. None leaves a field as it is."""
        return cast(
            "RawResponse[ContextDetailSchema]",
            self._caller.request(
                _CONTEXTS_UPDATE,
                (context_id,),
                {
                    "body": _body(
                        UpdateContextSchema,
                        {
                            "name": name,
                            "prompt": prompt,
                            "opening_text": opening_text,
                            "links": links,
                        },
                    )
                },
                None,
            ),
        )


class AsyncContexts:
    """`client.contexts` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> AsyncPager[ContextSchema]:
        """List User Contexts: `GET /v1/contexts`."""
        return cast(
            "AsyncPager[ContextSchema]",
            self._caller.paginate(
                _CONTEXTS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    async def create(
        self,
        *,
        name: str,
        prompt: str,
        opening_text: str,
        links: builtins.list[CreateUpdateContextLinkSchema | dict[str, Any]]
        | None = None,
    ) -> ContextDetailSchema:
        """Create Context: `POST /v1/contexts`."""
        return cast(
            "ContextDetailSchema",
            await self._caller.request(
                _CONTEXTS_CREATE,
                (),
                {
                    "body": _body(
                        CreateContextSchema,
                        {
                            "name": name,
                            "prompt": prompt,
                            "opening_text": opening_text,
                            "links": links,
                        },
                    )
                },
                None,
            ),
        )

    async def get(
        self,
        context_id: UUID | str,
    ) -> ContextDetailSchema:
        """Get Context By Id: `GET /v1/contexts/{context_id}`."""
        return cast(
            "ContextDetailSchema",
            await self._caller.request(_CONTEXTS_GET, (context_id,), {}, None),
        )

    async def delete(
        self,
        context_id: UUID | str,
    ) -> Any:
        """Delete Context: `DELETE /v1/contexts/{context_id}`."""
        return cast(
            "Any", await self._caller.request(_CONTEXTS_DELETE, (context_id,), {}, None)
        )

    async def update(
        self,
        context_id: UUID | str,
        *,
        name: str,
        prompt: str,
        opening_text: str,
        links: builtins.list[CreateUpdateContextLinkSchema | dict[str, Any]]
        | None = None,
    ) -> ContextDetailSchema:
        """Update Context: `PATCH /v1/contexts/{context_id}`. None leaves a field as it is."""
        return cast(
            "ContextDetailSchema",
            await self._caller.request(
                _CONTEXTS_UPDATE,
                (context_id,),
                {
                    "body": _body(
                        UpdateContextSchema,
                        {
                            "name": name,
                            "prompt": prompt,
                            "opening_text": opening_text,
                            "links": links,
                        },
                    )
                },
                None,
            ),
        )


class AsyncContextsWithRawResponse:
    """`client.with_raw_response.contexts` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def list(
        self, *, page: int | None = None, page_size: int | None = None
    ) -> RawResponse[PaginatedResponseContextSchema]:
        """List User Contexts: `GET /v1/contexts`."""
        return cast(
            "RawResponse[PaginatedResponseContextSchema]",
            await self._caller.request(
                _CONTEXTS_LIST,
                (),
                {
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    async def create(
        self,
        *,
        name: str,
        prompt: str,
        opening_text: str,
        links: builtins.list[CreateUpdateContextLinkSchema | dict[str, Any]]
        | None = None,
    ) -> RawResponse[ContextDetailSchema]:
        """Create Context: `POST /v1/contexts`."""
        return cast(
            "RawResponse[ContextDetailSchema]",
            await self._caller.request(
                _CONTEXTS_CREATE,
                (),
                {
                    "body": _body(
                        CreateContextSchema,
                        {
                            "name": name,
                            "prompt": prompt,
                            "opening_text": opening_text,
                            "links": links,
                        },
                    )
                },
                None,
            ),
        )

    async def get(
        self,
        context_id: UUID | str,
    ) -> RawResponse[ContextDetailSchema]:
        """Get Context By Id: `GET /v1/contexts/{context_id}`."""
        return cast(
            "RawResponse[ContextDetailSchema]",
            await self._caller.request(_CONTEXTS_GET, (context_id,), {}, None),
        )

    async def delete(
        self,
        context_id: UUID | str,
    ) -> RawResponse[Any]:
        """Delete Context: `DELETE /v1/contexts/{context_id}`."""
        return cast(
            "RawResponse[Any]",
            await self._caller.request(_CONTEXTS_DELETE, (context_id,), {}, None),
        )

    async def update(
        self,
        context_id: UUID | str,
        *,
        name: str,
        prompt: str,
        opening_text: str,
        links: builtins.list[CreateUpdateContextLinkSchema | dict[str, Any]]
        | None = None,
    ) -> RawResponse[ContextDetailSchema]:
        """Update Context: `PATCH /v1/contexts/{context_id}`. None leaves a field as it is."""
        return cast(
            "RawResponse[ContextDetailSchema]",
            await self._caller.request(
                _CONTEXTS_UPDATE,
                (context_id,),
                {
                    "body": _body(
                        UpdateContextSchema,
                        {
                            "name": name,
                            "prompt": prompt,
                            "opening_text": opening_text,
                            "links": links,
                        },
                    )
                },
                None,
            ),
        )


class Memory:
    """`client.memory`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self,
        *,
        type: MemoryTypeEnum | Literal["session"] | None = None,
        page: int | None = None,
        page_size: int | None = None,
    ) -> SyncPage[MemoryListItemResponse]:
        """List Memories: `GET /v1/memory`."""
        return cast(
            "SyncPage[MemoryListItemResponse]",
            self._caller.paginate(
                _MEMORY_LIST,
                (),
                {
                    "type_": _enum(MemoryTypeEnum, type),
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    def create(
        self,
        *,
        memory_type: MemoryTypeEnum | Literal["session"],
        session_id: UUID | str,
    ) -> MemoryResponse:
        """Create Memory: `POST /v1/memory`."""
        return cast(
            "MemoryResponse",
            self._caller.request(
                _MEMORY_CREATE,
                (),
                {
                    "body": _body(
                        CreateSessionMemory,
                        {
                            "memory_type": memory_type,
                            "session_id": session_id,
                        },
                    )
                },
                None,
            ),
        )

    def get(
        self,
        memory_id: str,
    ) -> MemoryWithEpisodesResponse:
        """Get Memory: `GET /v1/memory/{memory_id}`."""
        return cast(
            "MemoryWithEpisodesResponse",
            self._caller.request(_MEMORY_GET, (memory_id,), {}, None),
        )

    def delete(
        self,
        memory_id: str,
    ) -> None:
        """Delete Memory: `DELETE /v1/memory/{memory_id}`."""
        return cast(
            "None", self._caller.request(_MEMORY_DELETE, (memory_id,), {}, None)
        )


class MemoryWithRawResponse:
    """`client.with_raw_response.memory`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self,
        *,
        type: MemoryTypeEnum | Literal["session"] | None = None,
        page: int | None = None,
        page_size: int | None = None,
    ) -> RawResponse[PaginatedResponseMemoryListItemResponse]:
        """List Memories: `GET /v1/memory`."""
        return cast(
            "RawResponse[PaginatedResponseMemoryListItemResponse]",
            self._caller.request(
                _MEMORY_LIST,
                (),
                {
                    "type_": _enum(MemoryTypeEnum, type),
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    def create(
        self,
        *,
        memory_type: MemoryTypeEnum | Literal["session"],
        session_id: UUID | str,
    ) -> RawResponse[MemoryResponse]:
        """Create Memory: `POST /v1/memory`."""
        return cast(
            "RawResponse[MemoryResponse]",
            self._caller.request(
                _MEMORY_CREATE,
                (),
                {
                    "body": _body(
                        CreateSessionMemory,
                        {
                            "memory_type": memory_type,
                            "session_id": session_id,
                        },
                    )
                },
                None,
            ),
        )

    def get(
        self,
        memory_id: str,
    ) -> RawResponse[MemoryWithEpisodesResponse]:
        """Get Memory: `GET /v1/memory/{memory_id}`."""
        return cast(
            "RawResponse[MemoryWithEpisodesResponse]",
            self._caller.request(_MEMORY_GET, (memory_id,), {}, None),
        )

    def delete(
        self,
        memory_id: str,
    ) -> RawResponse[None]:
        """Delete Memory: `DELETE /v1/memory/{memory_id}`."""
        return cast(
            "RawResponse[None]",
            self._caller.request(_MEMORY_DELETE, (memory_id,), {}, None),
        )


class AsyncMemory:
    """`client.memory` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self,
        *,
        type: MemoryTypeEnum | Literal["session"] | None = None,
        page: int | None = None,
        page_size: int | None = None,
    ) -> AsyncPager[MemoryListItemResponse]:
        """List Memories: `GET /v1/memory`."""
        return cast(
            "AsyncPager[MemoryListItemResponse]",
            self._caller.paginate(
                _MEMORY_LIST,
                (),
                {
                    "type_": _enum(MemoryTypeEnum, type),
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    async def create(
        self,
        *,
        memory_type: MemoryTypeEnum | Literal["session"],
        session_id: UUID | str,
    ) -> MemoryResponse:
        """Create Memory: `POST /v1/memory`."""
        return cast(
            "MemoryResponse",
            await self._caller.request(
                _MEMORY_CREATE,
                (),
                {
                    "body": _body(
                        CreateSessionMemory,
                        {
                            "memory_type": memory_type,
                            "session_id": session_id,
                        },
                    )
                },
                None,
            ),
        )

    async def get(
        self,
        memory_id: str,
    ) -> MemoryWithEpisodesResponse:
        """Get Memory: `GET /v1/memory/{memory_id}`."""
        return cast(
            "MemoryWithEpisodesResponse",
            await self._caller.request(_MEMORY_GET, (memory_id,), {}, None),
        )

    async def delete(
        self,
        memory_id: str,
    ) -> None:
        """Delete Memory: `DELETE /v1/memory/{memory_id}`."""
        return cast(
            "None", await self._caller.request(_MEMORY_DELETE, (memory_id,), {}, None)
        )


class AsyncMemoryWithRawResponse:
    """`client.with_raw_response.memory` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def list(
        self,
        *,
        type: MemoryTypeEnum | Literal["session"] | None = None,
        page: int | None = None,
        page_size: int | None = None,
    ) -> RawResponse[PaginatedResponseMemoryListItemResponse]:
        """List Memories: `GET /v1/memory`."""
        return cast(
            "RawResponse[PaginatedResponseMemoryListItemResponse]",
            await self._caller.request(
                _MEMORY_LIST,
                (),
                {
                    "type_": _enum(MemoryTypeEnum, type),
                    "page": _given(page),
                    "page_size": _given(page_size),
                },
                None,
            ),
        )

    async def create(
        self,
        *,
        memory_type: MemoryTypeEnum | Literal["session"],
        session_id: UUID | str,
    ) -> RawResponse[MemoryResponse]:
        """Create Memory: `POST /v1/memory`."""
        return cast(
            "RawResponse[MemoryResponse]",
            await self._caller.request(
                _MEMORY_CREATE,
                (),
                {
                    "body": _body(
                        CreateSessionMemory,
                        {
                            "memory_type": memory_type,
                            "session_id": session_id,
                        },
                    )
                },
                None,
            ),
        )

    async def get(
        self,
        memory_id: str,
    ) -> RawResponse[MemoryWithEpisodesResponse]:
        """Get Memory: `GET /v1/memory/{memory_id}`."""
        return cast(
            "RawResponse[MemoryWithEpisodesResponse]",
            await self._caller.request(_MEMORY_GET, (memory_id,), {}, None),
        )

    async def delete(
        self,
        memory_id: str,
    ) -> RawResponse[None]:
        """Delete Memory: `DELETE /v1/memory/{memory_id}`."""
        return cast(
            "RawResponse[None]",
            await self._caller.request(_MEMORY_DELETE, (memory_id,), {}, None),
        )


class Secrets:
    """`client.secrets`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self,
    ) -> builtins.list[SecretListItemSchema]:
        """List Secrets: `GET /v1/secrets`."""
        return cast(
            "builtins.list[SecretListItemSchema]",
            self._caller.request(_SECRETS_LIST, (), {}, None),
        )

    def create(
        self,
        *,
        secret_name: str,
        secret_value: str,
        secret_type: SecretTypeEnum
        | Literal["OPENAI_API_KEY", "ELEVENLABS_API_KEY", "GEMINI_API_KEY"],
    ) -> CreateSecretResponseSchema:
        """Create Secret: `POST /v1/secrets`."""
        return cast(
            "CreateSecretResponseSchema",
            self._caller.request(
                _SECRETS_CREATE,
                (),
                {
                    "body": _body(
                        CreateSecretRequestSchema,
                        {
                            "secret_name": secret_name,
                            "secret_value": secret_value,
                            "secret_type": secret_type,
                        },
                    )
                },
                None,
            ),
        )

    def delete(
        self,
        secret_id: str,
    ) -> None:
        """Delete Secret: `DELETE /v1/secrets/{secret_id}`."""
        return cast(
            "None", self._caller.request(_SECRETS_DELETE, (secret_id,), {}, None)
        )


class SecretsWithRawResponse:
    """`client.with_raw_response.secrets`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self,
    ) -> RawResponse[builtins.list[SecretListItemSchema]]:
        """List Secrets: `GET /v1/secrets`."""
        return cast(
            "RawResponse[builtins.list[SecretListItemSchema]]",
            self._caller.request(_SECRETS_LIST, (), {}, None),
        )

    def create(
        self,
        *,
        secret_name: str,
        secret_value: str,
        secret_type: SecretTypeEnum
        | Literal["OPENAI_API_KEY", "ELEVENLABS_API_KEY", "GEMINI_API_KEY"],
    ) -> RawResponse[CreateSecretResponseSchema]:
        """Create Secret: `POST /v1/secrets`."""
        return cast(
            "RawResponse[CreateSecretResponseSchema]",
            self._caller.request(
                _SECRETS_CREATE,
                (),
                {
                    "body": _body(
                        CreateSecretRequestSchema,
                        {
                            "secret_name": secret_name,
                            "secret_value": secret_value,
                            "secret_type": secret_type,
                        },
                    )
                },
                None,
            ),
        )

    def delete(
        self,
        secret_id: str,
    ) -> RawResponse[None]:
        """Delete Secret: `DELETE /v1/secrets/{secret_id}`."""
        return cast(
            "RawResponse[None]",
            self._caller.request(_SECRETS_DELETE, (secret_id,), {}, None),
        )


class AsyncSecrets:
    """`client.secrets` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def list(
        self,
    ) -> builtins.list[SecretListItemSchema]:
        """List Secrets: `GET /v1/secrets`."""
        return cast(
            "builtins.list[SecretListItemSchema]",
            await self._caller.request(_SECRETS_LIST, (), {}, None),
        )

    async def create(
        self,
        *,
        secret_name: str,
        secret_value: str,
        secret_type: SecretTypeEnum
        | Literal["OPENAI_API_KEY", "ELEVENLABS_API_KEY", "GEMINI_API_KEY"],
    ) -> CreateSecretResponseSchema:
        """Create Secret: `POST /v1/secrets`."""
        return cast(
            "CreateSecretResponseSchema",
            await self._caller.request(
                _SECRETS_CREATE,
                (),
                {
                    "body": _body(
                        CreateSecretRequestSchema,
                        {
                            "secret_name": secret_name,
                            "secret_value": secret_value,
                            "secret_type": secret_type,
                        },
                    )
                },
                None,
            ),
        )

    async def delete(
        self,
        secret_id: str,
    ) -> None:
        """Delete Secret: `DELETE /v1/secrets/{secret_id}`."""
        return cast(
            "None", await self._caller.request(_SECRETS_DELETE, (secret_id,), {}, None)
        )


class AsyncSecretsWithRawResponse:
    """`client.with_raw_response.secrets` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def list(
        self,
    ) -> RawResponse[builtins.list[SecretListItemSchema]]:
        """List Secrets: `GET /v1/secrets`."""
        return cast(
            "RawResponse[builtins.list[SecretListItemSchema]]",
            await self._caller.request(_SECRETS_LIST, (), {}, None),
        )

    async def create(
        self,
        *,
        secret_name: str,
        secret_value: str,
        secret_type: SecretTypeEnum
        | Literal["OPENAI_API_KEY", "ELEVENLABS_API_KEY", "GEMINI_API_KEY"],
    ) -> RawResponse[CreateSecretResponseSchema]:
        """Create Secret: `POST /v1/secrets`."""
        return cast(
            "RawResponse[CreateSecretResponseSchema]",
            await self._caller.request(
                _SECRETS_CREATE,
                (),
                {
                    "body": _body(
                        CreateSecretRequestSchema,
                        {
                            "secret_name": secret_name,
                            "secret_value": secret_value,
                            "secret_type": secret_type,
                        },
                    )
                },
                None,
            ),
        )

    async def delete(
        self,
        secret_id: str,
    ) -> RawResponse[None]:
        """Delete Secret: `DELETE /v1/secrets/{secret_id}`."""
        return cast(
            "RawResponse[None]",
            await self._caller.request(_SECRETS_DELETE, (secret_id,), {}, None),
        )


class LlmConfigurations:
    """`client.llm_configurations`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self,
    ) -> builtins.list[LLMConfigurationListItemSchema]:
        """List Llm Configurations: `GET /v1/llm-configurations`."""
        return cast(
            "builtins.list[LLMConfigurationListItemSchema]",
            self._caller.request(_LLM_CONFIGURATIONS_LIST, (), {}, None),
        )

    def create(
        self,
        *,
        display_name: str,
        model_name: str,
        secret_id: str,
        base_url: str | None = None,
    ) -> LLMConfigurationResponseSchema:
        """Create Llm Configuration: `POST /v1/llm-configurations`."""
        return cast(
            "LLMConfigurationResponseSchema",
            self._caller.request(
                _LLM_CONFIGURATIONS_CREATE,
                (),
                {
                    "body": _body(
                        CreateLLMConfigurationSchema,
                        {
                            "display_name": display_name,
                            "model_name": model_name,
                            "secret_id": secret_id,
                            "base_url": base_url,
                        },
                    )
                },
                None,
            ),
        )

    def get(
        self,
        config_id: str,
    ) -> LLMConfigurationResponseSchema:
        """Get Llm Configuration: `GET /v1/llm-configurations/{config_id}`."""
        return cast(
            "LLMConfigurationResponseSchema",
            self._caller.request(_LLM_CONFIGURATIONS_GET, (config_id,), {}, None),
        )

    def delete(
        self,
        config_id: str,
    ) -> None:
        """Delete Llm Configuration: `DELETE /v1/llm-configurations/{config_id}`."""
        return cast(
            "None",
            self._caller.request(_LLM_CONFIGURATIONS_DELETE, (config_id,), {}, None),
        )

    def update(
        self,
        config_id: str,
        *,
        base_url: str | None = None,
        display_name: str | None = None,
        model_name: str | None = None,
        secret_id: str | None = None,
    ) -> LLMConfigurationResponseSchema:
        """Update Llm Configuration: `PATCH /v1/llm-configurations/{config_id}`. None leaves a field as it is."""
        return cast(
            "LLMConfigurationResponseSchema",
            self._caller.request(
                _LLM_CONFIGURATIONS_UPDATE,
                (config_id,),
                {
                    "body": _body(
                        UpdateLLMConfigurationSchema,
                        {
                            "base_url": base_url,
                            "display_name": display_name,
                            "model_name": model_name,
                            "secret_id": secret_id,
                        },
                    )
                },
                None,
            ),
        )


class LlmConfigurationsWithRawResponse:
    """`client.with_raw_response.llm_configurations`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def list(
        self,
    ) -> RawResponse[builtins.list[LLMConfigurationListItemSchema]]:
        """List Llm Configurations: `GET /v1/llm-configurations`."""
        return cast(
            "RawResponse[builtins.list[LLMConfigurationListItemSchema]]",
            self._caller.request(_LLM_CONFIGURATIONS_LIST, (), {}, None),
        )

    def create(
        self,
        *,
        display_name: str,
        model_name: str,
        secret_id: str,
        base_url: str | None = None,
    ) -> RawResponse[LLMConfigurationResponseSchema]:
        """Create Llm Configuration: `POST /v1/llm-configurations`."""
        return cast(
            "RawResponse[LLMConfigurationResponseSchema]",
            self._caller.request(
                _LLM_CONFIGURATIONS_CREATE,
                (),
                {
                    "body": _body(
                        CreateLLMConfigurationSchema,
                        {
                            "display_name": display_name,
                            "model_name": model_name,
                            "secret_id": secret_id,
                            "base_url": base_url,
                        },
                    )
                },
                None,
            ),
        )

    def get(
        self,
        config_id: str,
    ) -> RawResponse[LLMConfigurationResponseSchema]:
        """Get Llm Configuration: `GET /v1/llm-configurations/{config_id}`."""
        return cast(
            "RawResponse[LLMConfigurationResponseSchema]",
            self._caller.request(_LLM_CONFIGURATIONS_GET, (config_id,), {}, None),
        )

    def delete(
        self,
        config_id: str,
    ) -> RawResponse[None]:
        """Delete Llm Configuration: `DELETE /v1/llm-configurations/{config_id}`."""
        return cast(
            "RawResponse[None]",
            self._caller.request(_LLM_CONFIGURATIONS_DELETE, (config_id,), {}, None),
        )

    def update(
        self,
        config_id: str,
        *,
        base_url: str | None = None,
        display_name: str | None = None,
        model_name: str | None = None,
        secret_id: str | None = None,
    ) -> RawResponse[LLMConfigurationResponseSchema]:
        """Update Llm Configuration: `PATCH /v1/llm-configurations/{config_id}`. None leaves a field as it is."""
        return cast(
            "RawResponse[LLMConfigurationResponseSchema]",
            self._caller.request(
                _LLM_CONFIGURATIONS_UPDATE,
                (config_id,),
                {
                    "body": _body(
                        UpdateLLMConfigurationSchema,
                        {
                            "base_url": base_url,
                            "display_name": display_name,
                            "model_name": model_name,
                            "secret_id": secret_id,
                        },
                    )
                },
                None,
            ),
        )


class AsyncLlmConfigurations:
    """`client.llm_configurations` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def list(
        self,
    ) -> builtins.list[LLMConfigurationListItemSchema]:
        """List Llm Configurations: `GET /v1/llm-configurations`."""
        return cast(
            "builtins.list[LLMConfigurationListItemSchema]",
            await self._caller.request(_LLM_CONFIGURATIONS_LIST, (), {}, None),
        )

    async def create(
        self,
        *,
        display_name: str,
        model_name: str,
        secret_id: str,
        base_url: str | None = None,
    ) -> LLMConfigurationResponseSchema:
        """Create Llm Configuration: `POST /v1/llm-configurations`."""
        return cast(
            "LLMConfigurationResponseSchema",
            await self._caller.request(
                _LLM_CONFIGURATIONS_CREATE,
                (),
                {
                    "body": _body(
                        CreateLLMConfigurationSchema,
                        {
                            "display_name": display_name,
                            "model_name": model_name,
                            "secret_id": secret_id,
                            "base_url": base_url,
                        },
                    )
                },
                None,
            ),
        )

    async def get(
        self,
        config_id: str,
    ) -> LLMConfigurationResponseSchema:
        """Get Llm Configuration: `GET /v1/llm-configurations/{config_id}`."""
        return cast(
            "LLMConfigurationResponseSchema",
            await self._caller.request(_LLM_CONFIGURATIONS_GET, (config_id,), {}, None),
        )

    async def delete(
        self,
        config_id: str,
    ) -> None:
        """Delete Llm Configuration: `DELETE /v1/llm-configurations/{config_id}`."""
        return cast(
            "None",
            await self._caller.request(
                _LLM_CONFIGURATIONS_DELETE, (config_id,), {}, None
            ),
        )

    async def update(
        self,
        config_id: str,
        *,
        base_url: str | None = None,
        display_name: str | None = None,
        model_name: str | None = None,
        secret_id: str | None = None,
    ) -> LLMConfigurationResponseSchema:
        """Update Llm Configuration: `PATCH /v1/llm-configurations/{config_id}`. None leaves a field as it is."""
        return cast(
            "LLMConfigurationResponseSchema",
            await self._caller.request(
                _LLM_CONFIGURATIONS_UPDATE,
                (config_id,),
                {
                    "body": _body(
                        UpdateLLMConfigurationSchema,
                        {
                            "base_url": base_url,
                            "display_name": display_name,
                            "model_name": model_name,
                            "secret_id": secret_id,
                        },
                    )
                },
                None,
            ),
        )


class AsyncLlmConfigurationsWithRawResponse:
    """`client.with_raw_response.llm_configurations` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def list(
        self,
    ) -> RawResponse[builtins.list[LLMConfigurationListItemSchema]]:
        """List Llm Configurations: `GET /v1/llm-configurations`."""
        return cast(
            "RawResponse[builtins.list[LLMConfigurationListItemSchema]]",
            await self._caller.request(_LLM_CONFIGURATIONS_LIST, (), {}, None),
        )

    async def create(
        self,
        *,
        display_name: str,
        model_name: str,
        secret_id: str,
        base_url: str | None = None,
    ) -> RawResponse[LLMConfigurationResponseSchema]:
        """Create Llm Configuration: `POST /v1/llm-configurations`."""
        return cast(
            "RawResponse[LLMConfigurationResponseSchema]",
            await self._caller.request(
                _LLM_CONFIGURATIONS_CREATE,
                (),
                {
                    "body": _body(
                        CreateLLMConfigurationSchema,
                        {
                            "display_name": display_name,
                            "model_name": model_name,
                            "secret_id": secret_id,
                            "base_url": base_url,
                        },
                    )
                },
                None,
            ),
        )

    async def get(
        self,
        config_id: str,
    ) -> RawResponse[LLMConfigurationResponseSchema]:
        """Get Llm Configuration: `GET /v1/llm-configurations/{config_id}`."""
        return cast(
            "RawResponse[LLMConfigurationResponseSchema]",
            await self._caller.request(_LLM_CONFIGURATIONS_GET, (config_id,), {}, None),
        )

    async def delete(
        self,
        config_id: str,
    ) -> RawResponse[None]:
        """Delete Llm Configuration: `DELETE /v1/llm-configurations/{config_id}`."""
        return cast(
            "RawResponse[None]",
            await self._caller.request(
                _LLM_CONFIGURATIONS_DELETE, (config_id,), {}, None
            ),
        )

    async def update(
        self,
        config_id: str,
        *,
        base_url: str | None = None,
        display_name: str | None = None,
        model_name: str | None = None,
        secret_id: str | None = None,
    ) -> RawResponse[LLMConfigurationResponseSchema]:
        """Update Llm Configuration: `PATCH /v1/llm-configurations/{config_id}`. None leaves a field as it is."""
        return cast(
            "RawResponse[LLMConfigurationResponseSchema]",
            await self._caller.request(
                _LLM_CONFIGURATIONS_UPDATE,
                (config_id,),
                {
                    "body": _body(
                        UpdateLLMConfigurationSchema,
                        {
                            "base_url": base_url,
                            "display_name": display_name,
                            "model_name": model_name,
                            "secret_id": secret_id,
                        },
                    )
                },
                None,
            ),
        )


class Languages:
    """`client.languages`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def get(
        self,
    ) -> builtins.list[LanguageSchema]:
        """Get Languages: `GET /v1/languages`."""
        return cast(
            "builtins.list[LanguageSchema]",
            self._caller.request(_LANGUAGES_GET, (), {}, None),
        )


class LanguagesWithRawResponse:
    """`client.with_raw_response.languages`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def get(
        self,
    ) -> RawResponse[builtins.list[LanguageSchema]]:
        """Get Languages: `GET /v1/languages`."""
        return cast(
            "RawResponse[builtins.list[LanguageSchema]]",
            self._caller.request(_LANGUAGES_GET, (), {}, None),
        )


class AsyncLanguages:
    """`client.languages` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def get(
        self,
    ) -> builtins.list[LanguageSchema]:
        """Get Languages: `GET /v1/languages`."""
        return cast(
            "builtins.list[LanguageSchema]",
            await self._caller.request(_LANGUAGES_GET, (), {}, None),
        )


class AsyncLanguagesWithRawResponse:
    """`client.with_raw_response.languages` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def get(
        self,
    ) -> RawResponse[builtins.list[LanguageSchema]]:
        """Get Languages: `GET /v1/languages`."""
        return cast(
            "RawResponse[builtins.list[LanguageSchema]]",
            await self._caller.request(_LANGUAGES_GET, (), {}, None),
        )


class Users:
    """`client.users`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def get_credits(
        self,
    ) -> UserCreditsSchema:
        """Get User Credits: `GET /v1/users/credits`."""
        return cast(
            "UserCreditsSchema", self._caller.request(_USERS_GET_CREDITS, (), {}, None)
        )


class UsersWithRawResponse:
    """`client.with_raw_response.users`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def get_credits(
        self,
    ) -> RawResponse[UserCreditsSchema]:
        """Get User Credits: `GET /v1/users/credits`."""
        return cast(
            "RawResponse[UserCreditsSchema]",
            self._caller.request(_USERS_GET_CREDITS, (), {}, None),
        )


class AsyncUsers:
    """`client.users` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def get_credits(
        self,
    ) -> UserCreditsSchema:
        """Get User Credits: `GET /v1/users/credits`."""
        return cast(
            "UserCreditsSchema",
            await self._caller.request(_USERS_GET_CREDITS, (), {}, None),
        )


class AsyncUsersWithRawResponse:
    """`client.with_raw_response.users` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def get_credits(
        self,
    ) -> RawResponse[UserCreditsSchema]:
        """Get User Credits: `GET /v1/users/credits`."""
        return cast(
            "RawResponse[UserCreditsSchema]",
            await self._caller.request(_USERS_GET_CREDITS, (), {}, None),
        )


class Embeddings:
    """`client.embeddings`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def create(
        self,
        *,
        avatar_id: UUID | str,
        context_id: UUID | str,
        voice_id: UUID | str | None = None,
        type: EmbedAvatarTypeEnum | Literal["DEFAULT", "WIDGET"] | None = None,
        max_session_duration: int | None = None,
        default_language: str | None = None,
        is_sandbox: bool | None = None,
        orientation: EmbedOrientation | Literal["horizontal", "vertical"] | None = None,
    ) -> CreateEmbedV2ResponseSchema:
        """Create Embed V2: `POST /v2/embeddings`."""
        return cast(
            "CreateEmbedV2ResponseSchema",
            self._caller.request(
                _EMBEDDINGS_CREATE,
                (),
                {
                    "body": _body(
                        CreateEmbedV2RequestSchema,
                        {
                            "avatar_id": avatar_id,
                            "context_id": context_id,
                            "voice_id": voice_id,
                            "type": type,
                            "max_session_duration": max_session_duration,
                            "default_language": default_language,
                            "is_sandbox": is_sandbox,
                            "orientation": orientation,
                        },
                    )
                },
                None,
            ),
        )


class EmbeddingsWithRawResponse:
    """`client.with_raw_response.embeddings`."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    def create(
        self,
        *,
        avatar_id: UUID | str,
        context_id: UUID | str,
        voice_id: UUID | str | None = None,
        type: EmbedAvatarTypeEnum | Literal["DEFAULT", "WIDGET"] | None = None,
        max_session_duration: int | None = None,
        default_language: str | None = None,
        is_sandbox: bool | None = None,
        orientation: EmbedOrientation | Literal["horizontal", "vertical"] | None = None,
    ) -> RawResponse[CreateEmbedV2ResponseSchema]:
        """Create Embed V2: `POST /v2/embeddings`."""
        return cast(
            "RawResponse[CreateEmbedV2ResponseSchema]",
            self._caller.request(
                _EMBEDDINGS_CREATE,
                (),
                {
                    "body": _body(
                        CreateEmbedV2RequestSchema,
                        {
                            "avatar_id": avatar_id,
                            "context_id": context_id,
                            "voice_id": voice_id,
                            "type": type,
                            "max_session_duration": max_session_duration,
                            "default_language": default_language,
                            "is_sandbox": is_sandbox,
                            "orientation": orientation,
                        },
                    )
                },
                None,
            ),
        )


class AsyncEmbeddings:
    """`client.embeddings` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def create(
        self,
        *,
        avatar_id: UUID | str,
        context_id: UUID | str,
        voice_id: UUID | str | None = None,
        type: EmbedAvatarTypeEnum | Literal["DEFAULT", "WIDGET"] | None = None,
        max_session_duration: int | None = None,
        default_language: str | None = None,
        is_sandbox: bool | None = None,
        orientation: EmbedOrientation | Literal["horizontal", "vertical"] | None = None,
    ) -> CreateEmbedV2ResponseSchema:
        """Create Embed V2: `POST /v2/embeddings`."""
        return cast(
            "CreateEmbedV2ResponseSchema",
            await self._caller.request(
                _EMBEDDINGS_CREATE,
                (),
                {
                    "body": _body(
                        CreateEmbedV2RequestSchema,
                        {
                            "avatar_id": avatar_id,
                            "context_id": context_id,
                            "voice_id": voice_id,
                            "type": type,
                            "max_session_duration": max_session_duration,
                            "default_language": default_language,
                            "is_sandbox": is_sandbox,
                            "orientation": orientation,
                        },
                    )
                },
                None,
            ),
        )


class AsyncEmbeddingsWithRawResponse:
    """`client.with_raw_response.embeddings` of the async client."""

    def __init__(self, caller: Caller) -> None:
        self._caller = caller

    async def create(
        self,
        *,
        avatar_id: UUID | str,
        context_id: UUID | str,
        voice_id: UUID | str | None = None,
        type: EmbedAvatarTypeEnum | Literal["DEFAULT", "WIDGET"] | None = None,
        max_session_duration: int | None = None,
        default_language: str | None = None,
        is_sandbox: bool | None = None,
        orientation: EmbedOrientation | Literal["horizontal", "vertical"] | None = None,
    ) -> RawResponse[CreateEmbedV2ResponseSchema]:
        """Create Embed V2: `POST /v2/embeddings`."""
        return cast(
            "RawResponse[CreateEmbedV2ResponseSchema]",
            await self._caller.request(
                _EMBEDDINGS_CREATE,
                (),
                {
                    "body": _body(
                        CreateEmbedV2RequestSchema,
                        {
                            "avatar_id": avatar_id,
                            "context_id": context_id,
                            "voice_id": voice_id,
                            "type": type,
                            "max_session_duration": max_session_duration,
                            "default_language": default_language,
                            "is_sandbox": is_sandbox,
                            "orientation": orientation,
                        },
                    )
                },
                None,
            ),
        )


class Resources:
    """Every resource as an attribute: mixed into the client."""

    sessions: Sessions
    avatars: Avatars
    voices: Voices
    contexts: Contexts
    memory: Memory
    secrets: Secrets
    llm_configurations: LlmConfigurations
    languages: Languages
    users: Users
    embeddings: Embeddings

    def _bind_resources(self, caller: Caller) -> None:
        self.sessions = Sessions(caller)
        self.avatars = Avatars(caller)
        self.voices = Voices(caller)
        self.contexts = Contexts(caller)
        self.memory = Memory(caller)
        self.secrets = Secrets(caller)
        self.llm_configurations = LlmConfigurations(caller)
        self.languages = Languages(caller)
        self.users = Users(caller)
        self.embeddings = Embeddings(caller)


class RawResources:
    """Every resource as an attribute: mixed into the client (raw responses)."""

    sessions: SessionsWithRawResponse
    avatars: AvatarsWithRawResponse
    voices: VoicesWithRawResponse
    contexts: ContextsWithRawResponse
    memory: MemoryWithRawResponse
    secrets: SecretsWithRawResponse
    llm_configurations: LlmConfigurationsWithRawResponse
    languages: LanguagesWithRawResponse
    users: UsersWithRawResponse
    embeddings: EmbeddingsWithRawResponse

    def _bind_resources(self, caller: Caller) -> None:
        self.sessions = SessionsWithRawResponse(caller)
        self.avatars = AvatarsWithRawResponse(caller)
        self.voices = VoicesWithRawResponse(caller)
        self.contexts = ContextsWithRawResponse(caller)
        self.memory = MemoryWithRawResponse(caller)
        self.secrets = SecretsWithRawResponse(caller)
        self.llm_configurations = LlmConfigurationsWithRawResponse(caller)
        self.languages = LanguagesWithRawResponse(caller)
        self.users = UsersWithRawResponse(caller)
        self.embeddings = EmbeddingsWithRawResponse(caller)


class AsyncResources:
    """Every resource as an attribute: mixed into the async client."""

    sessions: AsyncSessions
    avatars: AsyncAvatars
    voices: AsyncVoices
    contexts: AsyncContexts
    memory: AsyncMemory
    secrets: AsyncSecrets
    llm_configurations: AsyncLlmConfigurations
    languages: AsyncLanguages
    users: AsyncUsers
    embeddings: AsyncEmbeddings

    def _bind_resources(self, caller: Caller) -> None:
        self.sessions = AsyncSessions(caller)
        self.avatars = AsyncAvatars(caller)
        self.voices = AsyncVoices(caller)
        self.contexts = AsyncContexts(caller)
        self.memory = AsyncMemory(caller)
        self.secrets = AsyncSecrets(caller)
        self.llm_configurations = AsyncLlmConfigurations(caller)
        self.languages = AsyncLanguages(caller)
        self.users = AsyncUsers(caller)
        self.embeddings = AsyncEmbeddings(caller)


class AsyncRawResources:
    """Every resource as an attribute: mixed into the async client (raw responses)."""

    sessions: AsyncSessionsWithRawResponse
    avatars: AsyncAvatarsWithRawResponse
    voices: AsyncVoicesWithRawResponse
    contexts: AsyncContextsWithRawResponse
    memory: AsyncMemoryWithRawResponse
    secrets: AsyncSecretsWithRawResponse
    llm_configurations: AsyncLlmConfigurationsWithRawResponse
    languages: AsyncLanguagesWithRawResponse
    users: AsyncUsersWithRawResponse
    embeddings: AsyncEmbeddingsWithRawResponse

    def _bind_resources(self, caller: Caller) -> None:
        self.sessions = AsyncSessionsWithRawResponse(caller)
        self.avatars = AsyncAvatarsWithRawResponse(caller)
        self.voices = AsyncVoicesWithRawResponse(caller)
        self.contexts = AsyncContextsWithRawResponse(caller)
        self.memory = AsyncMemoryWithRawResponse(caller)
        self.secrets = AsyncSecretsWithRawResponse(caller)
        self.llm_configurations = AsyncLlmConfigurationsWithRawResponse(caller)
        self.languages = AsyncLanguagesWithRawResponse(caller)
        self.users = AsyncUsersWithRawResponse(caller)
        self.embeddings = AsyncEmbeddingsWithRawResponse(caller)
