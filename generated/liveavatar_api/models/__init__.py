"""Contains all the data models used in inputs/outputs"""

from .agora_config_schema import AgoraConfigSchema
from .avatar_persona_schema import AvatarPersonaSchema
from .avatar_schema import AvatarSchema
from .avatar_status_enum import AvatarStatusEnum
from .avatar_type_enum import AvatarTypeEnum
from .context_detail_schema import ContextDetailSchema
from .context_link_schema import ContextLinkSchema
from .context_schema import ContextSchema
from .create_context_schema import CreateContextSchema
from .create_embed_v2_request_schema import CreateEmbedV2RequestSchema
from .create_embed_v2_response_schema import CreateEmbedV2ResponseSchema
from .create_llm_configuration_schema import CreateLLMConfigurationSchema
from .create_secret_request_schema import CreateSecretRequestSchema
from .create_secret_response_schema import CreateSecretResponseSchema
from .create_session_memory import CreateSessionMemory
from .create_update_context_link_schema import CreateUpdateContextLinkSchema
from .default_avatar_voice import DefaultAvatarVoice
from .eleven_labs_agent_config_schema import ElevenLabsAgentConfigSchema
from .eleven_labs_agent_config_schema_dynamic_variables import (
    ElevenLabsAgentConfigSchemaDynamicVariables,
)
from .eleven_labs_model_enum import ElevenLabsModelEnum
from .eleven_labs_voice_settings import ElevenLabsVoiceSettings
from .embed_avatar_type_enum import EmbedAvatarTypeEnum
from .embed_orientation import EmbedOrientation
from .error_envelope import ErrorEnvelope
from .fish_audio_model_enum import FishAudioModelEnum
from .fish_audio_voice_settings import FishAudioVoiceSettings
from .fish_audio_voice_settings_latency_mode import FishAudioVoiceSettingsLatencyMode
from .full_mode import FullMode
from .full_mode_dynamic_variables import FullModeDynamicVariables
from .gemini_realtime_config_schema import GeminiRealtimeConfigSchema
from .gemini_realtime_model_enum import GeminiRealtimeModelEnum
from .gemini_realtime_voice_enum import GeminiRealtimeVoiceEnum
from .http_validation_error import HTTPValidationError
from .keep_session_alive_schema import KeepSessionAliveSchema
from .language_schema import LanguageSchema
from .list_historic_entry_schema import ListHistoricEntrySchema
from .list_session_entry_schema import ListSessionEntrySchema
from .list_sessions_v1_sessions_get_type import ListSessionsV1SessionsGetType
from .lite_mode import LiteMode
from .live_kit_config_schema import LiveKitConfigSchema
from .llm_configuration_list_item_schema import LLMConfigurationListItemSchema
from .llm_configuration_response_schema import LLMConfigurationResponseSchema
from .memory_episode_schema import MemoryEpisodeSchema
from .memory_list_item_response import MemoryListItemResponse
from .memory_ref import MemoryRef
from .memory_response import MemoryResponse
from .memory_type_enum import MemoryTypeEnum
from .memory_with_episodes_response import MemoryWithEpisodesResponse
from .open_ai_realtime_config_schema import OpenAIRealtimeConfigSchema
from .open_ai_realtime_voice_enum import OpenAIRealtimeVoiceEnum
from .paginated_response_avatar_schema import PaginatedResponseAvatarSchema
from .paginated_response_context_schema import PaginatedResponseContextSchema
from .paginated_response_memory_list_item_response import (
    PaginatedResponseMemoryListItemResponse,
)
from .paginated_response_union_list_session_entry_schema_list_historic_entry_schema import (
    PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema,
)
from .paginated_response_voice_schema import PaginatedResponseVoiceSchema
from .response_avatar_schema import ResponseAvatarSchema
from .response_context_detail_schema import ResponseContextDetailSchema
from .response_create_embed_v2_response_schema import (
    ResponseCreateEmbedV2ResponseSchema,
)
from .response_create_secret_response_schema import ResponseCreateSecretResponseSchema
from .response_list_language_schema import ResponseListLanguageSchema
from .response_list_llm_configuration_list_item_schema import (
    ResponseListLLMConfigurationListItemSchema,
)
from .response_list_secret_list_item_schema import ResponseListSecretListItemSchema
from .response_llm_configuration_response_schema import (
    ResponseLLMConfigurationResponseSchema,
)
from .response_memory_response import ResponseMemoryResponse
from .response_memory_with_episodes_response import ResponseMemoryWithEpisodesResponse
from .response_none_type import ResponseNoneType
from .response_paginated_response_avatar_schema import (
    ResponsePaginatedResponseAvatarSchema,
)
from .response_paginated_response_context_schema import (
    ResponsePaginatedResponseContextSchema,
)
from .response_paginated_response_memory_list_item_response import (
    ResponsePaginatedResponseMemoryListItemResponse,
)
from .response_paginated_response_union_list_session_entry_schema_list_historic_entry_schema import (
    ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema,
)
from .response_paginated_response_voice_schema import (
    ResponsePaginatedResponseVoiceSchema,
)
from .response_schema import ResponseSchema
from .response_sdk_session_token_schema import ResponseSDKSessionTokenSchema
from .response_session_transcript_response_schema import (
    ResponseSessionTranscriptResponseSchema,
)
from .response_start_session_response_schema import ResponseStartSessionResponseSchema
from .response_third_party_voice_bind_response_schema import (
    ResponseThirdPartyVoiceBindResponseSchema,
)
from .response_union_list_session_entry_schema_list_historic_entry_schema import (
    ResponseUnionListSessionEntrySchemaListHistoricEntrySchema,
)
from .response_user_credits_schema import ResponseUserCreditsSchema
from .response_voice_preview_response_schema import ResponseVoicePreviewResponseSchema
from .response_voice_schema import ResponseVoiceSchema
from .sdk_session_token_schema import SDKSessionTokenSchema
from .secret_list_item_schema import SecretListItemSchema
from .secret_type_enum import SecretTypeEnum
from .session_end_reason_enum import SessionEndReasonEnum
from .session_interactivity_type_enum import SessionInteractivityTypeEnum
from .session_mode_enum import SessionModeEnum
from .session_source_enum import SessionSourceEnum
from .session_transcript_data_schema import SessionTranscriptDataSchema
from .session_transcript_data_schema_role import SessionTranscriptDataSchemaRole
from .session_transcript_response_schema import SessionTranscriptResponseSchema
from .start_session_response_schema import StartSessionResponseSchema
from .stop_session_schema import StopSessionSchema
from .stt_config_schema import STTConfigSchema
from .stt_provider_enum import STTProviderEnum
from .third_party_voice_bind_request_schema import ThirdPartyVoiceBindRequestSchema
from .third_party_voice_bind_response_schema import ThirdPartyVoiceBindResponseSchema
from .update_avatar_schema import UpdateAvatarSchema
from .update_context_schema import UpdateContextSchema
from .update_llm_configuration_schema import UpdateLLMConfigurationSchema
from .update_voice_schema import UpdateVoiceSchema
from .user_credits_schema import UserCreditsSchema
from .validation_error import ValidationError
from .validation_error_context import ValidationErrorContext
from .video_encoding_enum import VideoEncodingEnum
from .video_quality_enum import VideoQualityEnum
from .video_settings import VideoSettings
from .voice_list_type_enum import VoiceListTypeEnum
from .voice_preview_response_schema import VoicePreviewResponseSchema
from .voice_schema import VoiceSchema

__all__ = (
    "AgoraConfigSchema",
    "AvatarPersonaSchema",
    "AvatarSchema",
    "AvatarStatusEnum",
    "AvatarTypeEnum",
    "ContextDetailSchema",
    "ContextLinkSchema",
    "ContextSchema",
    "CreateContextSchema",
    "CreateEmbedV2RequestSchema",
    "CreateEmbedV2ResponseSchema",
    "CreateLLMConfigurationSchema",
    "CreateSecretRequestSchema",
    "CreateSecretResponseSchema",
    "CreateSessionMemory",
    "CreateUpdateContextLinkSchema",
    "DefaultAvatarVoice",
    "ElevenLabsAgentConfigSchema",
    "ElevenLabsAgentConfigSchemaDynamicVariables",
    "ElevenLabsModelEnum",
    "ElevenLabsVoiceSettings",
    "EmbedAvatarTypeEnum",
    "EmbedOrientation",
    "ErrorEnvelope",
    "FishAudioModelEnum",
    "FishAudioVoiceSettings",
    "FishAudioVoiceSettingsLatencyMode",
    "FullMode",
    "FullModeDynamicVariables",
    "GeminiRealtimeConfigSchema",
    "GeminiRealtimeModelEnum",
    "GeminiRealtimeVoiceEnum",
    "HTTPValidationError",
    "KeepSessionAliveSchema",
    "LanguageSchema",
    "ListHistoricEntrySchema",
    "ListSessionEntrySchema",
    "ListSessionsV1SessionsGetType",
    "LiteMode",
    "LiveKitConfigSchema",
    "LLMConfigurationListItemSchema",
    "LLMConfigurationResponseSchema",
    "MemoryEpisodeSchema",
    "MemoryListItemResponse",
    "MemoryRef",
    "MemoryResponse",
    "MemoryTypeEnum",
    "MemoryWithEpisodesResponse",
    "OpenAIRealtimeConfigSchema",
    "OpenAIRealtimeVoiceEnum",
    "PaginatedResponseAvatarSchema",
    "PaginatedResponseContextSchema",
    "PaginatedResponseMemoryListItemResponse",
    "PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema",
    "PaginatedResponseVoiceSchema",
    "ResponseAvatarSchema",
    "ResponseContextDetailSchema",
    "ResponseCreateEmbedV2ResponseSchema",
    "ResponseCreateSecretResponseSchema",
    "ResponseListLanguageSchema",
    "ResponseListLLMConfigurationListItemSchema",
    "ResponseListSecretListItemSchema",
    "ResponseLLMConfigurationResponseSchema",
    "ResponseMemoryResponse",
    "ResponseMemoryWithEpisodesResponse",
    "ResponseNoneType",
    "ResponsePaginatedResponseAvatarSchema",
    "ResponsePaginatedResponseContextSchema",
    "ResponsePaginatedResponseMemoryListItemResponse",
    "ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema",
    "ResponsePaginatedResponseVoiceSchema",
    "ResponseSchema",
    "ResponseSDKSessionTokenSchema",
    "ResponseSessionTranscriptResponseSchema",
    "ResponseStartSessionResponseSchema",
    "ResponseThirdPartyVoiceBindResponseSchema",
    "ResponseUnionListSessionEntrySchemaListHistoricEntrySchema",
    "ResponseUserCreditsSchema",
    "ResponseVoicePreviewResponseSchema",
    "ResponseVoiceSchema",
    "SDKSessionTokenSchema",
    "SecretListItemSchema",
    "SecretTypeEnum",
    "SessionEndReasonEnum",
    "SessionInteractivityTypeEnum",
    "SessionModeEnum",
    "SessionSourceEnum",
    "SessionTranscriptDataSchema",
    "SessionTranscriptDataSchemaRole",
    "SessionTranscriptResponseSchema",
    "StartSessionResponseSchema",
    "StopSessionSchema",
    "STTConfigSchema",
    "STTProviderEnum",
    "ThirdPartyVoiceBindRequestSchema",
    "ThirdPartyVoiceBindResponseSchema",
    "UpdateAvatarSchema",
    "UpdateContextSchema",
    "UpdateLLMConfigurationSchema",
    "UpdateVoiceSchema",
    "UserCreditsSchema",
    "ValidationError",
    "ValidationErrorContext",
    "VideoEncodingEnum",
    "VideoQualityEnum",
    "VideoSettings",
    "VoiceListTypeEnum",
    "VoicePreviewResponseSchema",
    "VoiceSchema",
)
