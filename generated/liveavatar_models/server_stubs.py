"""Server stubs, one class per resource with one method per operation; generated, do not edit.

A server subclasses a stub, parameterised by its own call-context type, and overrides the
methods it implements: mypy --strict then flags any handler whose operation changed in the
spec. A method left alone raises `NotImplementedOperation`, which a server answers with 501.
`BINDINGS` tells a dispatcher, per operationId, which method to call with which parameters.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

import liveavatar_models as models

Ctx = TypeVar("Ctx")

__all__ = [
    "BINDINGS",
    "Binding",
    "Implementation",
    "NotImplementedOperation",
    "SessionsStub",
    "AvatarsStub",
    "VoicesStub",
    "ContextsStub",
    "MemoryStub",
    "SecretsStub",
    "LlmConfigurationsStub",
    "LanguagesStub",
    "UsersStub",
    "EmbeddingsStub",
]


class NotImplementedOperation(Exception):
    """The server has no handler for this operation (answer 501)."""

    def __init__(self, operation_id: str) -> None:
        super().__init__(f"{operation_id} is not implemented")
        self.operation_id = operation_id


@dataclass(frozen=True)
class Binding:
    """How a dispatcher reaches the stub method of one operation."""

    operation_id: str
    resource: str
    method: str
    # (wire name, Python keyword) of each path and query parameter
    parameters: tuple[tuple[str, str], ...]
    # the request body's type (a model or a union of models), None when there is no JSON body
    body: Any
    body_required: bool
    status: int
    summary: str


class AvatarsStub(Generic[Ctx]):
    """`avatars`: GET /v1/avatars, GET /v1/avatars/public, GET /v1/avatars/{avatar_id}, DELETE /v1/avatars/{avatar_id}, PATCH /v1/avatars/{avatar_id}."""

    def list(
        self,
        ctx: Ctx,
        /,
        *,
        page: int = 1,
        page_size: int = 20,
    ) -> models.PaginatedResponseAvatarSchema:
        """GET /v1/avatars (list_user_avatars_v1_avatars_get)."""
        raise NotImplementedOperation("list_user_avatars_v1_avatars_get")

    def list_public(
        self,
        ctx: Ctx,
        /,
        *,
        page: int = 1,
        page_size: int = 20,
    ) -> models.PaginatedResponseAvatarSchema:
        """GET /v1/avatars/public (list_public_avatars_v1_avatars_public_get)."""
        raise NotImplementedOperation("list_public_avatars_v1_avatars_public_get")

    def get(
        self,
        ctx: Ctx,
        /,
        *,
        avatar_id: str,
    ) -> models.AvatarSchema:
        """GET /v1/avatars/{avatar_id} (get_avatar_by_id_v1_avatars__avatar_id__get)."""
        raise NotImplementedOperation("get_avatar_by_id_v1_avatars__avatar_id__get")

    def delete(
        self,
        ctx: Ctx,
        /,
        *,
        avatar_id: str,
    ) -> Any:
        """DELETE /v1/avatars/{avatar_id} (delete_avatar_v1_avatars__avatar_id__delete)."""
        raise NotImplementedOperation("delete_avatar_v1_avatars__avatar_id__delete")

    def update(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.UpdateAvatarSchema,
        avatar_id: str,
    ) -> models.AvatarSchema:
        """PATCH /v1/avatars/{avatar_id} (update_avatar_v1_avatars__avatar_id__patch)."""
        raise NotImplementedOperation("update_avatar_v1_avatars__avatar_id__patch")


class ContextsStub(Generic[Ctx]):
    """`contexts`: GET /v1/contexts, POST /v1/contexts, GET /v1/contexts/{context_id}, DELETE /v1/contexts/{context_id}, PATCH /v1/contexts/{context_id}."""

    def list(
        self,
        ctx: Ctx,
        /,
        *,
        page: int = 1,
        page_size: int = 20,
    ) -> models.PaginatedResponseContextSchema:
        """GET /v1/contexts (list_user_contexts_v1_contexts_get)."""
        raise NotImplementedOperation("list_user_contexts_v1_contexts_get")

    def create(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.CreateContextSchema,
    ) -> models.ContextDetailSchema:
        """POST /v1/contexts (create_context_v1_contexts_post)."""
        raise NotImplementedOperation("create_context_v1_contexts_post")

    def get(
        self,
        ctx: Ctx,
        /,
        *,
        context_id: str,
    ) -> models.ContextDetailSchema:
        """GET /v1/contexts/{context_id} (get_context_by_id_v1_contexts__context_id__get)."""
        raise NotImplementedOperation("get_context_by_id_v1_contexts__context_id__get")

    def delete(
        self,
        ctx: Ctx,
        /,
        *,
        context_id: str,
    ) -> Any:
        """DELETE /v1/contexts/{context_id} (delete_context_v1_contexts__context_id__delete)."""
        raise NotImplementedOperation("delete_context_v1_contexts__context_id__delete")

    def update(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.UpdateContextSchema,
        context_id: str,
    ) -> models.ContextDetailSchema:
        """PATCH /v1/contexts/{context_id} (update_context_v1_contexts__context_id__patch)."""
        raise NotImplementedOperation("update_context_v1_contexts__context_id__patch")


class EmbeddingsStub(Generic[Ctx]):
    """`embeddings`: POST /v2/embeddings."""

    def create(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.CreateEmbedV2RequestSchema,
    ) -> models.CreateEmbedV2ResponseSchema:
        """POST /v2/embeddings (create_embed_v2_v2_embeddings_post)."""
        raise NotImplementedOperation("create_embed_v2_v2_embeddings_post")


class LanguagesStub(Generic[Ctx]):
    """`languages`: GET /v1/languages."""

    def get(
        self,
        ctx: Ctx,
        /,
    ) -> builtins.list[models.LanguageSchema]:
        """GET /v1/languages (get_languages_v1_languages_get)."""
        raise NotImplementedOperation("get_languages_v1_languages_get")


class LlmConfigurationsStub(Generic[Ctx]):
    """`llm_configurations`: GET /v1/llm-configurations, POST /v1/llm-configurations, GET /v1/llm-configurations/{config_id}, DELETE /v1/llm-configurations/{config_id}, PATCH /v1/llm-configurations/{config_id}."""

    def list(
        self,
        ctx: Ctx,
        /,
    ) -> builtins.list[models.LLMConfigurationListItemSchema]:
        """GET /v1/llm-configurations (list_llm_configurations_v1_llm_configurations_get)."""
        raise NotImplementedOperation(
            "list_llm_configurations_v1_llm_configurations_get"
        )

    def create(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.CreateLLMConfigurationSchema,
    ) -> models.LLMConfigurationResponseSchema:
        """POST /v1/llm-configurations (create_llm_configuration_v1_llm_configurations_post)."""
        raise NotImplementedOperation(
            "create_llm_configuration_v1_llm_configurations_post"
        )

    def get(
        self,
        ctx: Ctx,
        /,
        *,
        config_id: str,
    ) -> models.LLMConfigurationResponseSchema:
        """GET /v1/llm-configurations/{config_id} (get_llm_configuration_v1_llm_configurations__config_id__get)."""
        raise NotImplementedOperation(
            "get_llm_configuration_v1_llm_configurations__config_id__get"
        )

    def delete(
        self,
        ctx: Ctx,
        /,
        *,
        config_id: str,
    ) -> None:
        """DELETE /v1/llm-configurations/{config_id} (delete_llm_configuration_v1_llm_configurations__config_id__delete)."""
        raise NotImplementedOperation(
            "delete_llm_configuration_v1_llm_configurations__config_id__delete"
        )

    def update(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.UpdateLLMConfigurationSchema,
        config_id: str,
    ) -> models.LLMConfigurationResponseSchema:
        """PATCH /v1/llm-configurations/{config_id} (update_llm_configuration_v1_llm_configurations__config_id__patch)."""
        raise NotImplementedOperation(
            "update_llm_configuration_v1_llm_configurations__config_id__patch"
        )


class MemoryStub(Generic[Ctx]):
    """`memory`: GET /v1/memory, POST /v1/memory, GET /v1/memory/{memory_id}, DELETE /v1/memory/{memory_id}."""

    def list(
        self,
        ctx: Ctx,
        /,
        *,
        type: models.MemoryTypeEnum | None = None,
        page: int = 1,
        page_size: int = 20,
    ) -> models.PaginatedResponseMemoryListItemResponse:
        """GET /v1/memory (list_memories_v1_memory_get)."""
        raise NotImplementedOperation("list_memories_v1_memory_get")

    def create(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.CreateSessionMemory,
    ) -> models.MemoryResponse:
        """POST /v1/memory (create_memory_v1_memory_post)."""
        raise NotImplementedOperation("create_memory_v1_memory_post")

    def get(
        self,
        ctx: Ctx,
        /,
        *,
        memory_id: str,
    ) -> models.MemoryWithEpisodesResponse:
        """GET /v1/memory/{memory_id} (get_memory_v1_memory__memory_id__get)."""
        raise NotImplementedOperation("get_memory_v1_memory__memory_id__get")

    def delete(
        self,
        ctx: Ctx,
        /,
        *,
        memory_id: str,
    ) -> None:
        """DELETE /v1/memory/{memory_id} (delete_memory_v1_memory__memory_id__delete)."""
        raise NotImplementedOperation("delete_memory_v1_memory__memory_id__delete")


class SecretsStub(Generic[Ctx]):
    """`secrets`: GET /v1/secrets, POST /v1/secrets, DELETE /v1/secrets/{secret_id}."""

    def list(
        self,
        ctx: Ctx,
        /,
    ) -> builtins.list[models.SecretListItemSchema]:
        """GET /v1/secrets (list_secrets_v1_secrets_get)."""
        raise NotImplementedOperation("list_secrets_v1_secrets_get")

    def create(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.CreateSecretRequestSchema,
    ) -> models.CreateSecretResponseSchema:
        """POST /v1/secrets (create_secret_v1_secrets_post)."""
        raise NotImplementedOperation("create_secret_v1_secrets_post")

    def delete(
        self,
        ctx: Ctx,
        /,
        *,
        secret_id: str,
    ) -> None:
        """DELETE /v1/secrets/{secret_id} (delete_secret_v1_secrets__secret_id__delete)."""
        raise NotImplementedOperation("delete_secret_v1_secrets__secret_id__delete")


class SessionsStub(Generic[Ctx]):
    """`sessions`: POST /v1/sessions/token, POST /v1/sessions/start, POST /v1/sessions/stop, POST /v1/sessions/keep-alive, GET /v1/sessions, GET /v1/sessions/{session_id}, GET /v1/sessions/{session_id}/transcript, DELETE /v1/sessions/{session_id}/events."""

    def create_token(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.FullSDKSessionTokenConfigDataSchema
        | models.LiteSDKSessionTokenConfigDataSchema,
    ) -> models.SDKSessionTokenSchema:
        """POST /v1/sessions/token (create_session_token_v1_sessions_token_post)."""
        raise NotImplementedOperation("create_session_token_v1_sessions_token_post")

    def start(
        self,
        ctx: Ctx,
        /,
    ) -> models.StartSessionResponseSchema:
        """POST /v1/sessions/start (start_session_v1_sessions_start_post)."""
        raise NotImplementedOperation("start_session_v1_sessions_start_post")

    def stop(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.StopSessionSchema | None = None,
    ) -> Any:
        """POST /v1/sessions/stop (stop_session_v1_sessions_stop_post)."""
        raise NotImplementedOperation("stop_session_v1_sessions_stop_post")

    def keep_alive(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.KeepSessionAliveSchema | None = None,
    ) -> Any:
        """POST /v1/sessions/keep-alive (keep_session_alive_v1_sessions_keep_alive_post)."""
        raise NotImplementedOperation("keep_session_alive_v1_sessions_keep_alive_post")

    def list(
        self,
        ctx: Ctx,
        /,
        *,
        page: int = 1,
        page_size: int = 20,
        type: Literal["active", "historic"],
        avatar_id: str | None = None,
        embed_id: str | None = None,
        context_id: str | None = None,
    ) -> models.PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema:
        """GET /v1/sessions (list_sessions_v1_sessions_get)."""
        raise NotImplementedOperation("list_sessions_v1_sessions_get")

    def get(
        self,
        ctx: Ctx,
        /,
        *,
        session_id: str,
    ) -> models.ListHistoricEntrySchema | models.ListSessionEntrySchema:
        """GET /v1/sessions/{session_id} (get_session_v1_sessions__session_id__get)."""
        raise NotImplementedOperation("get_session_v1_sessions__session_id__get")

    def get_transcript(
        self,
        ctx: Ctx,
        /,
        *,
        session_id: str,
        start_timestamp: int | None = None,
        end_timestamp: int | None = None,
    ) -> models.SessionTranscriptResponseSchema:
        """GET /v1/sessions/{session_id}/transcript (get_session_transcript_v1_sessions__session_id__transcript_get)."""
        raise NotImplementedOperation(
            "get_session_transcript_v1_sessions__session_id__transcript_get"
        )

    def delete_events(
        self,
        ctx: Ctx,
        /,
        *,
        session_id: str,
    ) -> Any:
        """DELETE /v1/sessions/{session_id}/events (delete_session_events_v1_sessions__session_id__events_delete)."""
        raise NotImplementedOperation(
            "delete_session_events_v1_sessions__session_id__events_delete"
        )


class UsersStub(Generic[Ctx]):
    """`users`: GET /v1/users/credits."""

    def get_credits(
        self,
        ctx: Ctx,
        /,
    ) -> models.UserCreditsSchema:
        """GET /v1/users/credits (get_user_credits_v1_users_credits_get)."""
        raise NotImplementedOperation("get_user_credits_v1_users_credits_get")


class VoicesStub(Generic[Ctx]):
    """`voices`: GET /v1/voices, POST /v1/voices/third_party, GET /v1/voices/{voice_id}, DELETE /v1/voices/{voice_id}, PATCH /v1/voices/{voice_id}, GET /v1/voices/{voice_id}/preview."""

    def list(
        self,
        ctx: Ctx,
        /,
        *,
        page: int = 1,
        page_size: int = 20,
        voice_type: models.VoiceListTypeEnum = models.VoiceListTypeEnum("public"),
    ) -> models.PaginatedResponseVoiceSchema:
        """GET /v1/voices (list_voices_v1_voices_get)."""
        raise NotImplementedOperation("list_voices_v1_voices_get")

    def bind_third_party(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.ThirdPartyVoiceBindRequestSchema,
    ) -> models.ThirdPartyVoiceBindResponseSchema:
        """POST /v1/voices/third_party (bind_third_party_voice_v1_voices_third_party_post)."""
        raise NotImplementedOperation(
            "bind_third_party_voice_v1_voices_third_party_post"
        )

    def get(
        self,
        ctx: Ctx,
        /,
        *,
        voice_id: str,
    ) -> models.VoiceSchema:
        """GET /v1/voices/{voice_id} (get_voice_by_id_v1_voices__voice_id__get)."""
        raise NotImplementedOperation("get_voice_by_id_v1_voices__voice_id__get")

    def delete(
        self,
        ctx: Ctx,
        /,
        *,
        voice_id: str,
    ) -> None:
        """DELETE /v1/voices/{voice_id} (delete_voice_v1_voices__voice_id__delete)."""
        raise NotImplementedOperation("delete_voice_v1_voices__voice_id__delete")

    def update(
        self,
        ctx: Ctx,
        /,
        *,
        body: models.UpdateVoiceSchema,
        voice_id: str,
    ) -> models.VoiceSchema:
        """PATCH /v1/voices/{voice_id} (update_voice_v1_voices__voice_id__patch)."""
        raise NotImplementedOperation("update_voice_v1_voices__voice_id__patch")

    def get_preview(
        self,
        ctx: Ctx,
        /,
        *,
        voice_id: str,
    ) -> models.VoicePreviewResponseSchema:
        """GET /v1/voices/{voice_id}/preview (get_voice_preview_by_id_v1_voices__voice_id__preview_get)."""
        raise NotImplementedOperation(
            "get_voice_preview_by_id_v1_voices__voice_id__preview_get"
        )


@dataclass
class Implementation(Generic[Ctx]):
    """One handler object per resource; the defaults answer 501 for everything."""

    sessions: SessionsStub[Ctx] = field(default_factory=SessionsStub)
    avatars: AvatarsStub[Ctx] = field(default_factory=AvatarsStub)
    voices: VoicesStub[Ctx] = field(default_factory=VoicesStub)
    contexts: ContextsStub[Ctx] = field(default_factory=ContextsStub)
    memory: MemoryStub[Ctx] = field(default_factory=MemoryStub)
    secrets: SecretsStub[Ctx] = field(default_factory=SecretsStub)
    llm_configurations: LlmConfigurationsStub[Ctx] = field(
        default_factory=LlmConfigurationsStub
    )
    languages: LanguagesStub[Ctx] = field(default_factory=LanguagesStub)
    users: UsersStub[Ctx] = field(default_factory=UsersStub)
    embeddings: EmbeddingsStub[Ctx] = field(default_factory=EmbeddingsStub)


BINDINGS: dict[str, Binding] = {
    "create_session_token_v1_sessions_token_post": Binding(
        operation_id="create_session_token_v1_sessions_token_post",
        resource="sessions",
        method="create_token",
        parameters=(),
        body=models.FullSDKSessionTokenConfigDataSchema
        | models.LiteSDKSessionTokenConfigDataSchema,
        body_required=True,
        status=200,
        summary="Create Session Token",
    ),
    "start_session_v1_sessions_start_post": Binding(
        operation_id="start_session_v1_sessions_start_post",
        resource="sessions",
        method="start",
        parameters=(),
        body=None,
        body_required=False,
        status=201,
        summary="Start Session",
    ),
    "stop_session_v1_sessions_stop_post": Binding(
        operation_id="stop_session_v1_sessions_stop_post",
        resource="sessions",
        method="stop",
        parameters=(),
        body=models.StopSessionSchema,
        body_required=False,
        status=200,
        summary="Stop Session",
    ),
    "keep_session_alive_v1_sessions_keep_alive_post": Binding(
        operation_id="keep_session_alive_v1_sessions_keep_alive_post",
        resource="sessions",
        method="keep_alive",
        parameters=(),
        body=models.KeepSessionAliveSchema,
        body_required=False,
        status=200,
        summary="Keep Session Alive",
    ),
    "list_sessions_v1_sessions_get": Binding(
        operation_id="list_sessions_v1_sessions_get",
        resource="sessions",
        method="list",
        parameters=(
            ("page", "page"),
            ("page_size", "page_size"),
            ("type", "type"),
            ("avatar_id", "avatar_id"),
            ("embed_id", "embed_id"),
            ("context_id", "context_id"),
        ),
        body=None,
        body_required=False,
        status=200,
        summary="List Sessions",
    ),
    "get_session_v1_sessions__session_id__get": Binding(
        operation_id="get_session_v1_sessions__session_id__get",
        resource="sessions",
        method="get",
        parameters=(("session_id", "session_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Get Session",
    ),
    "get_session_transcript_v1_sessions__session_id__transcript_get": Binding(
        operation_id="get_session_transcript_v1_sessions__session_id__transcript_get",
        resource="sessions",
        method="get_transcript",
        parameters=(
            ("session_id", "session_id"),
            ("start_timestamp", "start_timestamp"),
            ("end_timestamp", "end_timestamp"),
        ),
        body=None,
        body_required=False,
        status=200,
        summary="Get Session Transcript",
    ),
    "delete_session_events_v1_sessions__session_id__events_delete": Binding(
        operation_id="delete_session_events_v1_sessions__session_id__events_delete",
        resource="sessions",
        method="delete_events",
        parameters=(("session_id", "session_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Delete Session Events",
    ),
    "list_user_avatars_v1_avatars_get": Binding(
        operation_id="list_user_avatars_v1_avatars_get",
        resource="avatars",
        method="list",
        parameters=(
            ("page", "page"),
            ("page_size", "page_size"),
        ),
        body=None,
        body_required=False,
        status=200,
        summary="List User Avatars",
    ),
    "list_public_avatars_v1_avatars_public_get": Binding(
        operation_id="list_public_avatars_v1_avatars_public_get",
        resource="avatars",
        method="list_public",
        parameters=(
            ("page", "page"),
            ("page_size", "page_size"),
        ),
        body=None,
        body_required=False,
        status=200,
        summary="List Public Avatars",
    ),
    "get_avatar_by_id_v1_avatars__avatar_id__get": Binding(
        operation_id="get_avatar_by_id_v1_avatars__avatar_id__get",
        resource="avatars",
        method="get",
        parameters=(("avatar_id", "avatar_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Get Avatar By Id",
    ),
    "delete_avatar_v1_avatars__avatar_id__delete": Binding(
        operation_id="delete_avatar_v1_avatars__avatar_id__delete",
        resource="avatars",
        method="delete",
        parameters=(("avatar_id", "avatar_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Delete Avatar",
    ),
    "update_avatar_v1_avatars__avatar_id__patch": Binding(
        operation_id="update_avatar_v1_avatars__avatar_id__patch",
        resource="avatars",
        method="update",
        parameters=(("avatar_id", "avatar_id"),),
        body=models.UpdateAvatarSchema,
        body_required=True,
        status=200,
        summary="Update Avatar",
    ),
    "list_voices_v1_voices_get": Binding(
        operation_id="list_voices_v1_voices_get",
        resource="voices",
        method="list",
        parameters=(
            ("page", "page"),
            ("page_size", "page_size"),
            ("voice_type", "voice_type"),
        ),
        body=None,
        body_required=False,
        status=200,
        summary="List Voices",
    ),
    "bind_third_party_voice_v1_voices_third_party_post": Binding(
        operation_id="bind_third_party_voice_v1_voices_third_party_post",
        resource="voices",
        method="bind_third_party",
        parameters=(),
        body=models.ThirdPartyVoiceBindRequestSchema,
        body_required=True,
        status=200,
        summary="Bind Third Party Voice",
    ),
    "get_voice_by_id_v1_voices__voice_id__get": Binding(
        operation_id="get_voice_by_id_v1_voices__voice_id__get",
        resource="voices",
        method="get",
        parameters=(("voice_id", "voice_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Get Voice By Id",
    ),
    "delete_voice_v1_voices__voice_id__delete": Binding(
        operation_id="delete_voice_v1_voices__voice_id__delete",
        resource="voices",
        method="delete",
        parameters=(("voice_id", "voice_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Delete Voice",
    ),
    "update_voice_v1_voices__voice_id__patch": Binding(
        operation_id="update_voice_v1_voices__voice_id__patch",
        resource="voices",
        method="update",
        parameters=(("voice_id", "voice_id"),),
        body=models.UpdateVoiceSchema,
        body_required=True,
        status=200,
        summary="Update Voice",
    ),
    "get_voice_preview_by_id_v1_voices__voice_id__preview_get": Binding(
        operation_id="get_voice_preview_by_id_v1_voices__voice_id__preview_get",
        resource="voices",
        method="get_preview",
        parameters=(("voice_id", "voice_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Get Voice Preview By Id",
    ),
    "list_user_contexts_v1_contexts_get": Binding(
        operation_id="list_user_contexts_v1_contexts_get",
        resource="contexts",
        method="list",
        parameters=(
            ("page", "page"),
            ("page_size", "page_size"),
        ),
        body=None,
        body_required=False,
        status=200,
        summary="List User Contexts",
    ),
    "create_context_v1_contexts_post": Binding(
        operation_id="create_context_v1_contexts_post",
        resource="contexts",
        method="create",
        parameters=(),
        body=models.CreateContextSchema,
        body_required=True,
        status=200,
        summary="Create Context",
    ),
    "get_context_by_id_v1_contexts__context_id__get": Binding(
        operation_id="get_context_by_id_v1_contexts__context_id__get",
        resource="contexts",
        method="get",
        parameters=(("context_id", "context_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Get Context By Id",
    ),
    "delete_context_v1_contexts__context_id__delete": Binding(
        operation_id="delete_context_v1_contexts__context_id__delete",
        resource="contexts",
        method="delete",
        parameters=(("context_id", "context_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Delete Context",
    ),
    "update_context_v1_contexts__context_id__patch": Binding(
        operation_id="update_context_v1_contexts__context_id__patch",
        resource="contexts",
        method="update",
        parameters=(("context_id", "context_id"),),
        body=models.UpdateContextSchema,
        body_required=True,
        status=200,
        summary="Update Context",
    ),
    "list_memories_v1_memory_get": Binding(
        operation_id="list_memories_v1_memory_get",
        resource="memory",
        method="list",
        parameters=(
            ("type", "type"),
            ("page", "page"),
            ("page_size", "page_size"),
        ),
        body=None,
        body_required=False,
        status=200,
        summary="List Memories",
    ),
    "create_memory_v1_memory_post": Binding(
        operation_id="create_memory_v1_memory_post",
        resource="memory",
        method="create",
        parameters=(),
        body=models.CreateSessionMemory,
        body_required=True,
        status=200,
        summary="Create Memory",
    ),
    "get_memory_v1_memory__memory_id__get": Binding(
        operation_id="get_memory_v1_memory__memory_id__get",
        resource="memory",
        method="get",
        parameters=(("memory_id", "memory_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Get Memory",
    ),
    "delete_memory_v1_memory__memory_id__delete": Binding(
        operation_id="delete_memory_v1_memory__memory_id__delete",
        resource="memory",
        method="delete",
        parameters=(("memory_id", "memory_id"),),
        body=None,
        body_required=False,
        status=204,
        summary="Delete Memory",
    ),
    "list_secrets_v1_secrets_get": Binding(
        operation_id="list_secrets_v1_secrets_get",
        resource="secrets",
        method="list",
        parameters=(),
        body=None,
        body_required=False,
        status=200,
        summary="List Secrets",
    ),
    "create_secret_v1_secrets_post": Binding(
        operation_id="create_secret_v1_secrets_post",
        resource="secrets",
        method="create",
        parameters=(),
        body=models.CreateSecretRequestSchema,
        body_required=True,
        status=200,
        summary="Create Secret",
    ),
    "delete_secret_v1_secrets__secret_id__delete": Binding(
        operation_id="delete_secret_v1_secrets__secret_id__delete",
        resource="secrets",
        method="delete",
        parameters=(("secret_id", "secret_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Delete Secret",
    ),
    "list_llm_configurations_v1_llm_configurations_get": Binding(
        operation_id="list_llm_configurations_v1_llm_configurations_get",
        resource="llm_configurations",
        method="list",
        parameters=(),
        body=None,
        body_required=False,
        status=200,
        summary="List Llm Configurations",
    ),
    "create_llm_configuration_v1_llm_configurations_post": Binding(
        operation_id="create_llm_configuration_v1_llm_configurations_post",
        resource="llm_configurations",
        method="create",
        parameters=(),
        body=models.CreateLLMConfigurationSchema,
        body_required=True,
        status=200,
        summary="Create Llm Configuration",
    ),
    "get_llm_configuration_v1_llm_configurations__config_id__get": Binding(
        operation_id="get_llm_configuration_v1_llm_configurations__config_id__get",
        resource="llm_configurations",
        method="get",
        parameters=(("config_id", "config_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Get Llm Configuration",
    ),
    "delete_llm_configuration_v1_llm_configurations__config_id__delete": Binding(
        operation_id="delete_llm_configuration_v1_llm_configurations__config_id__delete",
        resource="llm_configurations",
        method="delete",
        parameters=(("config_id", "config_id"),),
        body=None,
        body_required=False,
        status=200,
        summary="Delete Llm Configuration",
    ),
    "update_llm_configuration_v1_llm_configurations__config_id__patch": Binding(
        operation_id="update_llm_configuration_v1_llm_configurations__config_id__patch",
        resource="llm_configurations",
        method="update",
        parameters=(("config_id", "config_id"),),
        body=models.UpdateLLMConfigurationSchema,
        body_required=True,
        status=200,
        summary="Update Llm Configuration",
    ),
    "get_languages_v1_languages_get": Binding(
        operation_id="get_languages_v1_languages_get",
        resource="languages",
        method="get",
        parameters=(),
        body=None,
        body_required=False,
        status=200,
        summary="Get Languages",
    ),
    "get_user_credits_v1_users_credits_get": Binding(
        operation_id="get_user_credits_v1_users_credits_get",
        resource="users",
        method="get_credits",
        parameters=(),
        body=None,
        body_required=False,
        status=200,
        summary="Get User Credits",
    ),
    "create_embed_v2_v2_embeddings_post": Binding(
        operation_id="create_embed_v2_v2_embeddings_post",
        resource="embeddings",
        method="create",
        parameters=(),
        body=models.CreateEmbedV2RequestSchema,
        body_required=True,
        status=200,
        summary="Create Embed V2",
    ),
}
