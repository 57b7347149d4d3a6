"""Named resources: thin typed wrappers that route each generated operation through `call`."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from liveavatar_api.api.llm_configurations import (
    create_llm_configuration_v1_llm_configurations_post as create_llm_configuration,
)
from liveavatar_api.api.llm_configurations import (
    delete_llm_configuration_v1_llm_configurations_config_id_delete as delete_llm_configuration,
)
from liveavatar_api.api.llm_configurations import (
    get_llm_configuration_v1_llm_configurations_config_id_get as get_llm_configuration,
)
from liveavatar_api.api.llm_configurations import (
    list_llm_configurations_v1_llm_configurations_get as list_llm_configurations,
)
from liveavatar_api.api.llm_configurations import (
    update_llm_configuration_v1_llm_configurations_config_id_patch as update_llm_configuration,
)
from liveavatar_api.api.secrets import create_secret_v1_secrets_post as create_secret
from liveavatar_api.api.secrets import delete_secret_v1_secrets_secret_id_delete as delete_secret
from liveavatar_api.api.secrets import list_secrets_v1_secrets_get as list_secrets
from liveavatar_api.models import (
    CreateLLMConfigurationSchema,
    CreateSecretRequestSchema,
    CreateSecretResponseSchema,
    LLMConfigurationListItemSchema,
    LLMConfigurationResponseSchema,
    SecretListItemSchema,
    SecretTypeEnum,
    UpdateLLMConfigurationSchema,
)
from liveavatar_api.types import UNSET, Unset

from liveavatar._transport import as_raw, as_raw_async

__all__ = [
    "AsyncLLMConfigurations",
    "AsyncLLMConfigurationsWithRawResponse",
    "AsyncSecrets",
    "AsyncSecretsWithRawResponse",
    "LLMConfigurations",
    "LLMConfigurationsWithRawResponse",
    "Secrets",
    "SecretsWithRawResponse",
]

SyncCall = Callable[..., Any]
AsyncCall = Callable[..., Awaitable[Any]]


def _given(value: str | None) -> str | Unset:
    """None means "not sent": no field of these schemas is nullable."""
    return UNSET if value is None else value


def _create_llm_body(
    display_name: str, model_name: str, secret_id: str, base_url: str | None
) -> CreateLLMConfigurationSchema:
    return CreateLLMConfigurationSchema(
        display_name=display_name,
        model_name=model_name,
        secret_id=secret_id,
        base_url=_given(base_url),
    )


def _update_llm_body(
    display_name: str | None, model_name: str | None, secret_id: str | None, base_url: str | None
) -> UpdateLLMConfigurationSchema:
    return UpdateLLMConfigurationSchema(
        display_name=_given(display_name),
        model_name=_given(model_name),
        secret_id=_given(secret_id),
        base_url=_given(base_url),
    )


def _create_secret_body(
    secret_name: str, secret_value: str, secret_type: SecretTypeEnum | str
) -> CreateSecretRequestSchema:
    # The model's attrs repr shows secret_value: it is built here, sent, and never logged.
    return CreateSecretRequestSchema(
        secret_name=secret_name, secret_value=secret_value, secret_type=SecretTypeEnum(secret_type)
    )


class LLMConfigurations:
    """`client.llm_configurations`: LLM configurations of the caller's space."""

    def __init__(self, call: SyncCall) -> None:
        self._call = call

    def create(
        self, *, display_name: str, model_name: str, secret_id: str, base_url: str | None = None
    ) -> LLMConfigurationResponseSchema:
        body = _create_llm_body(display_name, model_name, secret_id, base_url)
        result: LLMConfigurationResponseSchema = self._call(create_llm_configuration, body=body)
        return result

    def list(self) -> list[LLMConfigurationListItemSchema]:
        result: list[LLMConfigurationListItemSchema] = self._call(list_llm_configurations)
        return result

    def get(self, config_id: str) -> LLMConfigurationResponseSchema:
        result: LLMConfigurationResponseSchema = self._call(get_llm_configuration, config_id)
        return result

    def update(
        self,
        config_id: str,
        *,
        display_name: str | None = None,
        model_name: str | None = None,
        secret_id: str | None = None,
        base_url: str | None = None,
    ) -> LLMConfigurationResponseSchema:
        """Change only the fields passed (None leaves a field as it is)."""
        body = _update_llm_body(display_name, model_name, secret_id, base_url)
        result: LLMConfigurationResponseSchema = self._call(
            update_llm_configuration, config_id, body=body
        )
        return result

    def delete(self, config_id: str) -> None:
        result: None = self._call(delete_llm_configuration, config_id)
        return result


class Secrets:
    """`client.secrets`: encrypted secrets of the caller's space; values are never returned."""

    def __init__(self, call: SyncCall) -> None:
        self._call = call

    def create(
        self, *, secret_name: str, secret_value: str, secret_type: SecretTypeEnum | str
    ) -> CreateSecretResponseSchema:
        body = _create_secret_body(secret_name, secret_value, secret_type)
        result: CreateSecretResponseSchema = self._call(create_secret, body=body)
        return result

    def list(self) -> list[SecretListItemSchema]:
        result: list[SecretListItemSchema] = self._call(list_secrets)
        return result

    def delete(self, secret_id: str) -> None:
        result: None = self._call(delete_secret, secret_id)
        return result


class AsyncLLMConfigurations:
    """`client.llm_configurations` of `AsyncLiveAvatar`."""

    def __init__(self, call: AsyncCall) -> None:
        self._call = call

    async def create(
        self, *, display_name: str, model_name: str, secret_id: str, base_url: str | None = None
    ) -> LLMConfigurationResponseSchema:
        body = _create_llm_body(display_name, model_name, secret_id, base_url)
        result: LLMConfigurationResponseSchema = await self._call(
            create_llm_configuration, body=body
        )
        return result

    async def list(self) -> list[LLMConfigurationListItemSchema]:
        result: list[LLMConfigurationListItemSchema] = await self._call(list_llm_configurations)
        return result

    async def get(self, config_id: str) -> LLMConfigurationResponseSchema:
        result: LLMConfigurationResponseSchema = await self._call(get_llm_configuration, config_id)
        return result

    async def update(
        self,
        config_id: str,
        *,
        display_name: str | None = None,
        model_name: str | None = None,
        secret_id: str | None = None,
        base_url: str | None = None,
    ) -> LLMConfigurationResponseSchema:
        """Change only the fields passed (None leaves a field as it is)."""
        body = _update_llm_body(display_name, model_name, secret_id, base_url)
        result: LLMConfigurationResponseSchema = await self._call(
            update_llm_configuration, config_id, body=body
        )
        return result

    async def delete(self, config_id: str) -> None:
        result: None = await self._call(delete_llm_configuration, config_id)
        return result


class AsyncSecrets:
    """`client.secrets` of `AsyncLiveAvatar`."""

    def __init__(self, call: AsyncCall) -> None:
        self._call = call

    async def create(
        self, *, secret_name: str, secret_value: str, secret_type: SecretTypeEnum | str
    ) -> CreateSecretResponseSchema:
        body = _create_secret_body(secret_name, secret_value, secret_type)
        result: CreateSecretResponseSchema = await self._call(create_secret, body=body)
        return result

    async def list(self) -> list[SecretListItemSchema]:
        result: list[SecretListItemSchema] = await self._call(list_secrets)
        return result

    async def delete(self, secret_id: str) -> None:
        result: None = await self._call(delete_secret, secret_id)
        return result


# Raw views: the same methods bound to a raw-mode client, retyped to return APIResponse.
class LLMConfigurationsWithRawResponse:
    def __init__(self, resource: LLMConfigurations) -> None:
        self.create = as_raw(resource.create)
        self.list = as_raw(resource.list)
        self.get = as_raw(resource.get)
        self.update = as_raw(resource.update)
        self.delete = as_raw(resource.delete)


class SecretsWithRawResponse:
    def __init__(self, resource: Secrets) -> None:
        self.create = as_raw(resource.create)
        self.list = as_raw(resource.list)
        self.delete = as_raw(resource.delete)


class AsyncLLMConfigurationsWithRawResponse:
    def __init__(self, resource: AsyncLLMConfigurations) -> None:
        self.create = as_raw_async(resource.create)
        self.list = as_raw_async(resource.list)
        self.get = as_raw_async(resource.get)
        self.update = as_raw_async(resource.update)
        self.delete = as_raw_async(resource.delete)


class AsyncSecretsWithRawResponse:
    def __init__(self, resource: AsyncSecrets) -> None:
        self.create = as_raw_async(resource.create)
        self.list = as_raw_async(resource.list)
        self.delete = as_raw_async(resource.delete)
