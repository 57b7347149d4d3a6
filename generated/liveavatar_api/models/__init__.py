"""Contains all the data models used in inputs/outputs"""

from .create_llm_configuration_schema import CreateLLMConfigurationSchema
from .create_secret_request_schema import CreateSecretRequestSchema
from .create_secret_response_schema import CreateSecretResponseSchema
from .error_envelope import ErrorEnvelope
from .http_validation_error import HTTPValidationError
from .llm_configuration_list_item_schema import LLMConfigurationListItemSchema
from .llm_configuration_response_schema import LLMConfigurationResponseSchema
from .response_create_secret_response_schema import ResponseCreateSecretResponseSchema
from .response_list_llm_configuration_list_item_schema import (
    ResponseListLLMConfigurationListItemSchema,
)
from .response_list_secret_list_item_schema import ResponseListSecretListItemSchema
from .response_llm_configuration_response_schema import (
    ResponseLLMConfigurationResponseSchema,
)
from .response_none_type import ResponseNoneType
from .secret_list_item_schema import SecretListItemSchema
from .secret_type_enum import SecretTypeEnum
from .update_llm_configuration_schema import UpdateLLMConfigurationSchema
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext

__all__ = (
    "CreateLLMConfigurationSchema",
    "CreateSecretRequestSchema",
    "CreateSecretResponseSchema",
    "ErrorEnvelope",
    "HTTPValidationError",
    "LLMConfigurationListItemSchema",
    "LLMConfigurationResponseSchema",
    "ResponseCreateSecretResponseSchema",
    "ResponseListLLMConfigurationListItemSchema",
    "ResponseListSecretListItemSchema",
    "ResponseLLMConfigurationResponseSchema",
    "ResponseNoneType",
    "SecretListItemSchema",
    "SecretTypeEnum",
    "UpdateLLMConfigurationSchema",
    "ValidationError",
    "ValidationErrorContext",
)
