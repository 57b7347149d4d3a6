from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    Literal,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.fish_audio_model_enum import FishAudioModelEnum
from ..models.fish_audio_voice_settings_latency_mode import (
    FishAudioVoiceSettingsLatencyMode,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="FishAudioVoiceSettings")


@_attrs_define
class FishAudioVoiceSettings:
    """Fish Audio-specific voice settings for TTS configuration.

    Attributes:
        provider (Literal['fish'] | Unset):  Default: 'fish'.
        speed (float | Unset):  Default: 1.0.
        model (FishAudioModelEnum | Unset):
        latency_mode (FishAudioVoiceSettingsLatencyMode | Unset): Latency mode: 'normal' (~500ms) or 'balanced'
            (~300ms). Default: FishAudioVoiceSettingsLatencyMode.BALANCED.
    """

    provider: Literal["fish"] | Unset = "fish"
    speed: float | Unset = 1.0
    model: FishAudioModelEnum | Unset = UNSET
    latency_mode: FishAudioVoiceSettingsLatencyMode | Unset = (
        FishAudioVoiceSettingsLatencyMode.BALANCED
    )
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider

        speed = self.speed

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        latency_mode: str | Unset = UNSET
        if not isinstance(self.latency_mode, Unset):
            latency_mode = self.latency_mode.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if provider is not UNSET:
            field_dict["provider"] = provider
        if speed is not UNSET:
            field_dict["speed"] = speed
        if model is not UNSET:
            field_dict["model"] = model
        if latency_mode is not UNSET:
            field_dict["latency_mode"] = latency_mode

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider = cast(Literal["fish"] | Unset, d.pop("provider", UNSET))
        if provider != "fish" and not isinstance(provider, Unset):
            raise ValueError(f"provider must match const 'fish', got '{provider}'")

        speed = d.pop("speed", UNSET)

        _model = d.pop("model", UNSET)
        model: FishAudioModelEnum | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = FishAudioModelEnum(_model)

        _latency_mode = d.pop("latency_mode", UNSET)
        latency_mode: FishAudioVoiceSettingsLatencyMode | Unset
        if isinstance(_latency_mode, Unset):
            latency_mode = UNSET
        else:
            latency_mode = FishAudioVoiceSettingsLatencyMode(_latency_mode)

        fish_audio_voice_settings = cls(
            provider=provider,
            speed=speed,
            model=model,
            latency_mode=latency_mode,
        )

        fish_audio_voice_settings.additional_properties = d
        return fish_audio_voice_settings

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
