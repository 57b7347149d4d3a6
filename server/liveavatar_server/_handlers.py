"""The behaviour of each operation, registered by operationId; the dispatcher does the rest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from liveavatar_models import (
    CreateLLMConfigurationSchema,
    CreateSecretRequestSchema,
    CreateSecretResponseSchema,
    LLMConfigurationListItemSchema,
    LLMConfigurationResponseSchema,
    SecretListItemSchema,
    UpdateLLMConfigurationSchema,
)
from pydantic import BaseModel

from liveavatar_server._errors import ApiError
from liveavatar_server._store import DeleteOutcome, Principal, Row, SecretNotInSpace, Store

DEFAULT_BASE_URL = "https://api.openai.com"
Model = TypeVar("Model", bound=BaseModel)


@dataclass(frozen=True)
class Call:
    """One authenticated call: who, in which space, with which parameters and body."""

    store: Store
    principal: Principal | None
    space_id: str
    params: dict[str, Any]
    body: BaseModel | None


@dataclass(frozen=True)
class Reply:
    """A handler's success: the `data` and `message` of the 200 envelope."""

    data: Any
    message: str


Handler = Callable[[Call], Reply]
HANDLERS: dict[str, Handler] = {}


def handles(operation_id: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        HANDLERS[operation_id] = handler
        return handler

    return register


def _body(call: Call, model: type[Model]) -> Model:
    assert isinstance(call.body, model), "the dispatcher validates the body against the spec"
    return call.body


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


@handles("list_llm_configurations_v1_llm_configurations_get")
def list_configurations(call: Call) -> Reply:
    rows = call.store.list_configurations(call.space_id)
    items = [
        LLMConfigurationListItemSchema(
            id=row["id"],
            display_name=row["display_name"],
            model_name=row["model_name"],
            secret_id=row["secret_id"],
        )
        for row in rows
    ]
    return Reply(items, "LLM configurations retrieved")


@handles("create_llm_configuration_v1_llm_configurations_post")
def create_configuration(call: Call) -> Reply:
    body = _body(call, CreateLLMConfigurationSchema)
    try:
        row = call.store.create_configuration(
            call.space_id,
            {
                "display_name": body.display_name,
                "model_name": body.model_name,
                "secret_id": body.secret_id,
                "base_url": body.base_url if body.base_url is not None else DEFAULT_BASE_URL,
            },
        )
    except SecretNotInSpace:
        raise ApiError(400, SECRET_NOT_IN_SPACE) from None
    return Reply(_configuration(row), "LLM configuration created")


@handles("get_llm_configuration_v1_llm_configurations__config_id__get")
def get_configuration(call: Call) -> Reply:
    row = call.store.get_configuration(call.space_id, call.params["config_id"])
    if row is None:
        raise _not_found("LLM configuration")
    return Reply(_configuration(row), "LLM configuration retrieved")


@handles("update_llm_configuration_v1_llm_configurations__config_id__patch")
def update_configuration(call: Call) -> Reply:
    body = _body(call, UpdateLLMConfigurationSchema)
    changes = body.model_dump(exclude_unset=True)
    try:
        row = call.store.update_configuration(call.space_id, call.params["config_id"], changes)
    except SecretNotInSpace:
        raise ApiError(400, SECRET_NOT_IN_SPACE) from None
    if row is None:
        raise _not_found("LLM configuration")
    return Reply(_configuration(row), "LLM configuration updated")


@handles("delete_llm_configuration_v1_llm_configurations__config_id__delete")
def delete_configuration(call: Call) -> Reply:
    if not call.store.delete_configuration(call.space_id, call.params["config_id"]):
        raise _not_found("LLM configuration")
    return Reply(None, "LLM configuration deleted")


@handles("list_secrets_v1_secrets_get")
def list_secrets(call: Call) -> Reply:
    items = [
        SecretListItemSchema(
            id=row["id"],
            secret_name=row["secret_name"],
            secret_type=row["secret_type"],
            created_at=row["created_at"],
        )
        for row in call.store.list_secrets(call.space_id)
    ]
    return Reply(items, "Secrets retrieved")


@handles("create_secret_v1_secrets_post")
def create_secret(call: Call) -> Reply:
    body = _body(call, CreateSecretRequestSchema)
    row = call.store.create_secret(
        call.space_id,
        body.secret_name,
        body.secret_type.value,
        body.secret_value.get_secret_value(),
    )
    return Reply(
        CreateSecretResponseSchema(id=row["id"], secret_name=row["secret_name"]), "Secret created"
    )


@handles("delete_secret_v1_secrets__secret_id__delete")
def delete_secret(call: Call) -> Reply:
    outcome = call.store.delete_secret(call.space_id, call.params["secret_id"])
    if outcome is DeleteOutcome.NOT_FOUND:
        raise _not_found("Secret")
    if outcome is DeleteOutcome.REFERENCED:
        raise ApiError(409, "Secret is still referenced by LLM configurations; delete them first")
    return Reply(None, "Secret deleted")
