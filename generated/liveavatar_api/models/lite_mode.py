from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.agora_config_schema import AgoraConfigSchema
    from ..models.eleven_labs_agent_config_schema import ElevenLabsAgentConfigSchema
    from ..models.gemini_realtime_config_schema import GeminiRealtimeConfigSchema
    from ..models.live_kit_config_schema import LiveKitConfigSchema
    from ..models.open_ai_realtime_config_schema import OpenAIRealtimeConfigSchema
    from ..models.video_settings import VideoSettings


T = TypeVar("T", bound="LiteMode")


@_attrs_define
class LiteMode:
    """
    Attributes:
        avatar_id (UUID):
        mode (Literal['LITE'] | Unset):  Default: 'LITE'.
        is_sandbox (bool | Unset):  Default: False.
        video_settings (None | Unset | VideoSettings): Video encoding settings
        max_session_duration (int | Unset): Maximum session duration in seconds. Must be <= the configured limit for
            your subscription tier.
        livekit_config (LiveKitConfigSchema | None | Unset): LiveKit config. Allow users to override the livekit config
        agora_config (AgoraConfigSchema | None | Unset): Agora config. Allow users to use Agora as the transport layer
        elevenlabs_agent_config (ElevenLabsAgentConfigSchema | None | Unset): ElevenLabs Agent config. When set, uses
            ElevenLabs Agent instead of default.
        openai_realtime_config (None | OpenAIRealtimeConfigSchema | Unset): OpenAI Realtime config. When set, uses
            OpenAI Realtime API instead of default.
        gemini_realtime_config (GeminiRealtimeConfigSchema | None | Unset): Gemini Realtime config. When set, uses
            Gemini Live API instead of default.
    """

    avatar_id: UUID
    mode: Literal["LITE"] | Unset = "LITE"
    is_sandbox: bool | Unset = False
    video_settings: None | Unset | VideoSettings = UNSET
    max_session_duration: int | Unset = UNSET
    livekit_config: LiveKitConfigSchema | None | Unset = UNSET
    agora_config: AgoraConfigSchema | None | Unset = UNSET
    elevenlabs_agent_config: ElevenLabsAgentConfigSchema | None | Unset = UNSET
    openai_realtime_config: None | OpenAIRealtimeConfigSchema | Unset = UNSET
    gemini_realtime_config: GeminiRealtimeConfigSchema | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.agora_config_schema import AgoraConfigSchema  # noqa: PLC0415
        from ..models.eleven_labs_agent_config_schema import ElevenLabsAgentConfigSchema  # noqa: PLC0415
        from ..models.gemini_realtime_config_schema import GeminiRealtimeConfigSchema  # noqa: PLC0415
        from ..models.live_kit_config_schema import LiveKitConfigSchema  # noqa: PLC0415
        from ..models.open_ai_realtime_config_schema import OpenAIRealtimeConfigSchema  # noqa: PLC0415
        from ..models.video_settings import VideoSettings  # noqa: PLC0415

        avatar_id = str(self.avatar_id)

        mode = self.mode

        is_sandbox = self.is_sandbox

        video_settings: dict[str, Any] | None | Unset
        if isinstance(self.video_settings, Unset):
            video_settings = UNSET
        elif isinstance(self.video_settings, VideoSettings):
            video_settings = self.video_settings.to_dict()
        else:
            video_settings = self.video_settings

        max_session_duration = self.max_session_duration

        livekit_config: dict[str, Any] | None | Unset
        if isinstance(self.livekit_config, Unset):
            livekit_config = UNSET
        elif isinstance(self.livekit_config, LiveKitConfigSchema):
            livekit_config = self.livekit_config.to_dict()
        else:
            livekit_config = self.livekit_config

        agora_config: dict[str, Any] | None | Unset
        if isinstance(self.agora_config, Unset):
            agora_config = UNSET
        elif isinstance(self.agora_config, AgoraConfigSchema):
            agora_config = self.agora_config.to_dict()
        else:
            agora_config = self.agora_config

        elevenlabs_agent_config: dict[str, Any] | None | Unset
        if isinstance(self.elevenlabs_agent_config, Unset):
            elevenlabs_agent_config = UNSET
        elif isinstance(self.elevenlabs_agent_config, ElevenLabsAgentConfigSchema):
            elevenlabs_agent_config = self.elevenlabs_agent_config.to_dict()
        else:
            elevenlabs_agent_config = self.elevenlabs_agent_config

        openai_realtime_config: dict[str, Any] | None | Unset
        if isinstance(self.openai_realtime_config, Unset):
            openai_realtime_config = UNSET
        elif isinstance(self.openai_realtime_config, OpenAIRealtimeConfigSchema):
            openai_realtime_config = self.openai_realtime_config.to_dict()
        else:
            openai_realtime_config = self.openai_realtime_config

        gemini_realtime_config: dict[str, Any] | None | Unset
        if isinstance(self.gemini_realtime_config, Unset):
            gemini_realtime_config = UNSET
        elif isinstance(self.gemini_realtime_config, GeminiRealtimeConfigSchema):
            gemini_realtime_config = self.gemini_realtime_config.to_dict()
        else:
            gemini_realtime_config = self.gemini_realtime_config

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "avatar_id": avatar_id,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode
        if is_sandbox is not UNSET:
            field_dict["is_sandbox"] = is_sandbox
        if video_settings is not UNSET:
            field_dict["video_settings"] = video_settings
        if max_session_duration is not UNSET:
            field_dict["max_session_duration"] = max_session_duration
        if livekit_config is not UNSET:
            field_dict["livekit_config"] = livekit_config
        if agora_config is not UNSET:
            field_dict["agora_config"] = agora_config
        if elevenlabs_agent_config is not UNSET:
            field_dict["elevenlabs_agent_config"] = elevenlabs_agent_config
        if openai_realtime_config is not UNSET:
            field_dict["openai_realtime_config"] = openai_realtime_config
        if gemini_realtime_config is not UNSET:
            field_dict["gemini_realtime_config"] = gemini_realtime_config

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agora_config_schema import AgoraConfigSchema  # noqa: PLC0415
        from ..models.eleven_labs_agent_config_schema import ElevenLabsAgentConfigSchema  # noqa: PLC0415
        from ..models.gemini_realtime_config_schema import GeminiRealtimeConfigSchema  # noqa: PLC0415
        from ..models.live_kit_config_schema import LiveKitConfigSchema  # noqa: PLC0415
        from ..models.open_ai_realtime_config_schema import OpenAIRealtimeConfigSchema  # noqa: PLC0415
        from ..models.video_settings import VideoSettings  # noqa: PLC0415

        d = dict(src_dict)
        avatar_id = UUID(d.pop("avatar_id"))

        mode = cast(Literal["LITE"] | Unset, d.pop("mode", UNSET))
        if mode != "LITE" and not isinstance(mode, Unset):
            raise ValueError(f"mode must match const 'LITE', got '{mode}'")

        is_sandbox = d.pop("is_sandbox", UNSET)

        def _parse_video_settings(data: object) -> None | Unset | VideoSettings:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                video_settings_type_0 = VideoSettings.from_dict(data)

                return video_settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VideoSettings, data)

        video_settings = _parse_video_settings(d.pop("video_settings", UNSET))

        max_session_duration = d.pop("max_session_duration", UNSET)

        def _parse_livekit_config(data: object) -> LiveKitConfigSchema | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                livekit_config_type_0 = LiveKitConfigSchema.from_dict(data)

                return livekit_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LiveKitConfigSchema | None | Unset, data)

        livekit_config = _parse_livekit_config(d.pop("livekit_config", UNSET))

        def _parse_agora_config(data: object) -> AgoraConfigSchema | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                agora_config_type_0 = AgoraConfigSchema.from_dict(data)

                return agora_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgoraConfigSchema | None | Unset, data)

        agora_config = _parse_agora_config(d.pop("agora_config", UNSET))

        def _parse_elevenlabs_agent_config(
            data: object,
        ) -> ElevenLabsAgentConfigSchema | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                elevenlabs_agent_config_type_0 = ElevenLabsAgentConfigSchema.from_dict(
                    data
                )

                return elevenlabs_agent_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ElevenLabsAgentConfigSchema | None | Unset, data)

        elevenlabs_agent_config = _parse_elevenlabs_agent_config(
            d.pop("elevenlabs_agent_config", UNSET)
        )

        def _parse_openai_realtime_config(
            data: object,
        ) -> None | OpenAIRealtimeConfigSchema | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                openai_realtime_config_type_0 = OpenAIRealtimeConfigSchema.from_dict(
                    data
                )

                return openai_realtime_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpenAIRealtimeConfigSchema | Unset, data)

        openai_realtime_config = _parse_openai_realtime_config(
            d.pop("openai_realtime_config", UNSET)
        )

        def _parse_gemini_realtime_config(
            data: object,
        ) -> GeminiRealtimeConfigSchema | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                gemini_realtime_config_type_0 = GeminiRealtimeConfigSchema.from_dict(
                    data
                )

                return gemini_realtime_config_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GeminiRealtimeConfigSchema | None | Unset, data)

        gemini_realtime_config = _parse_gemini_realtime_config(
            d.pop("gemini_realtime_config", UNSET)
        )

        lite_mode = cls(
            avatar_id=avatar_id,
            mode=mode,
            is_sandbox=is_sandbox,
            video_settings=video_settings,
            max_session_duration=max_session_duration,
            livekit_config=livekit_config,
            agora_config=agora_config,
            elevenlabs_agent_config=elevenlabs_agent_config,
            openai_realtime_config=openai_realtime_config,
            gemini_realtime_config=gemini_realtime_config,
        )

        lite_mode.additional_properties = d
        return lite_mode

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
