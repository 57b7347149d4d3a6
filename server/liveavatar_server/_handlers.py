"""The behaviour of each operation: subclasses of the generated server stubs, one per resource."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from liveavatar_models import (
    CreateLLMConfigurationSchema,
    CreateSecretRequestSchema,
    CreateSecretResponseSchema,
    LLMConfigurationListItemSchema,
    LLMConfigurationResponseSchema,
    SecretListItemSchema,
    UpdateLLMConfigurationSchema,
)
from liveavatar_models.server_stubs import Implementation, LlmConfigurationsStub, SecretsStub

from liveavatar_server._errors import ApiError
from liveavatar_server._store import DeleteOutcome, Principal, Row, SecretNotInSpace, Store

DEFAULT_BASE_URL = "https://api.openai.com"


@dataclass(frozen=True)
class Call:
    """One authenticated call: who, in which space, against which store, at which URL."""

    store: Store
    principal: Principal | None
    space_id: str
    url: str  # the absolute request URL, query included (pagination links are built from it)


def _configuration(row: Row) -> LLMConfigurationResponseSchema:
    return LLMConfigurationResponseSchema(
        id=row["id"],
        base_url=row["base_url"],
        display_name=row["display_name"],
        model_name=row["model_name"],
        secret_id=row["secret_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def _not_found(kind: str) -> ApiError:
    return ApiError(404, f"{kind} not found")


SECRET_NOT_IN_SPACE = "secret_id is not a secret of your space"  # noqa: S105 (a message)


class LlmConfigurations(LlmConfigurationsStub[Call]):
    """LLM configurations of the caller's space; their secret must be of the same space."""

    def list(self, ctx: Call, /) -> list[LLMConfigurationListItemSchema]:
        return [
            LLMConfigurationListItemSchema(
                id=row["id"],
                display_name=row["display_name"],
                model_name=row["model_name"],
                secret_id=row["secret_id"],
            )
            for row in ctx.store.list_configurations(ctx.space_id)
        ]

    def create(
        self, ctx: Call, /, *, body: CreateLLMConfigurationSchema
    ) -> LLMConfigurationResponseSchema:
        try:
            row = ctx.store.create_configuration(
                ctx.space_id,
                {
                    "display_name": body.display_name,
                    "model_name": body.model_name,
                    "secret_id": body.secret_id,
                    "base_url": body.base_url if body.base_url is not None else DEFAULT_BASE_URL,
                },
            )
        except SecretNotInSpace:
            raise ApiError(400, SECRET_NOT_IN_SPACE) from None
        return _configuration(row)

    def get(self, ctx: Call, /, *, config_id: str) -> LLMConfigurationResponseSchema:
        row = ctx.store.get_configuration(ctx.space_id, config_id)
        if row is None:
            raise _not_found("LLM configuration")
        return _configuration(row)

    def update(
        self, ctx: Call, /, *, body: UpdateLLMConfigurationSchema, config_id: str
    ) -> LLMConfigurationResponseSchema:
        changes = body.model_dump(exclude_unset=True)
        try:
            row = ctx.store.update_configuration(ctx.space_id, config_id, changes)
        except SecretNotInSpace:
            raise ApiError(400, SECRET_NOT_IN_SPACE) from None
        if row is None:
            raise _not_found("LLM configuration")
        return _configuration(row)

    def delete(self, ctx: Call, /, *, config_id: str) -> Any:
        if not ctx.store.delete_configuration(ctx.space_id, config_id):
            raise _not_found("LLM configuration")
        return None


class Secrets(SecretsStub[Call]):
    """Secrets of the caller's space: encrypted at rest, never returned."""

    def list(self, ctx: Call, /) -> list[SecretListItemSchema]:
        return [
            SecretListItemSchema(
                id=row["id"],
                secret_name=row["secret_name"],
                secret_type=row["secret_type"],
                created_at=row["created_at"],
            )
            for row in ctx.store.list_secrets(ctx.space_id)
        ]

    def create(
        self, ctx: Call, /, *, body: CreateSecretRequestSchema
    ) -> CreateSecretResponseSchema:
        row = ctx.store.create_secret(
            ctx.space_id,
            body.secret_name,
            body.secret_type.value,
            body.secret_value.get_secret_value(),
        )
        return CreateSecretResponseSchema(id=row["id"], secret_name=row["secret_name"])

    def delete(self, ctx: Call, /, *, secret_id: str) -> None:
        outcome = ctx.store.delete_secret(ctx.space_id, secret_id)
        if outcome is DeleteOutcome.NOT_FOUND:
            raise _not_found("Secret")
        if outcome is DeleteOutcome.REFERENCED:
            raise ApiError(
                409, "Secret is still referenced by LLM configurations; delete them first"
            )


def implementation() -> Implementation[Call]:
    """Every resource this server implements; the rest answer 501 through the stubs."""
    from liveavatar_server import _handlers_catalog as catalog
    from liveavatar_server import _handlers_sessions as sessions

    return Implementation(
        llm_configurations=LlmConfigurations(),
        secrets=Secrets(),
        sessions=sessions.Sessions(),
        users=sessions.Users(),
        embeddings=sessions.Embeddings(),
        avatars=catalog.Avatars(),
        voices=catalog.Voices(),
        contexts=catalog.Contexts(),
        memory=catalog.Memory(),
        languages=catalog.Languages(),
    )
