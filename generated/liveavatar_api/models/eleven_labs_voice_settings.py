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

from ..models.eleven_labs_model_enum import ElevenLabsModelEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="ElevenLabsVoiceSettings")


@_attrs_define
class ElevenLabsVoiceSettings:
    """ElevenLabs-specific voice settings for TTS configuration.

    Attributes:
        provider (Literal['elevenLabs'] | Unset):  Default: 'elevenLabs'.
        speed (float | Unset):  Default: 1.0.
        stability (float | Unset):  Default: 0.75.
        similarity_boost (float | Unset):  Default: 0.75.
        style (float | Unset):  Default: 0.0.
        use_speaker_boost (bool | Unset):  Default: True.
        model (ElevenLabsModelEnum | Unset):
        apply_language_text_normalization (bool | Unset): Apply ElevenLabs language-specific text normalization.
            Improves pronunciation for languages with complex orthography — currently only Japanese ('ja') is supported.
            Enabling this adds latency, so it is opt-in and only valid when the session language is set to 'ja'. Default:
            False.
    """

    provider: Literal["elevenLabs"] | Unset = "elevenLabs"
    speed: float | Unset = 1.0
    stability: float | Unset = 0.75
    similarity_boost: float | Unset = 0.75
    style: float | Unset = 0.0
    use_speaker_boost: bool | Unset = True
    model: ElevenLabsModelEnum | Unset = UNSET
    apply_language_text_normalization: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider = self.provider

        speed = self.speed

        stability = self.stability

        similarity_boost = self.similarity_boost

        style = self.style

        use_speaker_boost = self.use_speaker_boost

        model: str | Unset = UNSET
        if not isinstance(self.model, Unset):
            model = self.model.value

        apply_language_text_normalization = self.apply_language_text_normalization

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if provider is not UNSET:
            field_dict["provider"] = provider
        if speed is not UNSET:
            field_dict["speed"] = speed
        if stability is not UNSET:
            field_dict["stability"] = stability
        if similarity_boost is not UNSET:
            field_dict["similarity_boost"] = similarity_boost
        if style is not UNSET:
            field_dict["style"] = style
        if use_speaker_boost is not UNSET:
            field_dict["use_speaker_boost"] = use_speaker_boost
        if model is not UNSET:
            field_dict["model"] = model
        if apply_language_text_normalization is not UNSET:
            field_dict["apply_language_text_normalization"] = (
                apply_language_text_normalization
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider = cast(Literal["elevenLabs"] | Unset, d.pop("provider", UNSET))
        if provider != "elevenLabs" and not isinstance(provider, Unset):
            raise ValueError(
                f"provider must match const 'elevenLabs', got '{provider}'"
            )

        speed = d.pop("speed", UNSET)

        stability = d.pop("stability", UNSET)

        similarity_boost = d.pop("similarity_boost", UNSET)

        style = d.pop("style", UNSET)

        use_speaker_boost = d.pop("use_speaker_boost", UNSET)

        _model = d.pop("model", UNSET)
        model: ElevenLabsModelEnum | Unset
        if isinstance(_model, Unset):
            model = UNSET
        else:
            model = ElevenLabsModelEnum(_model)

        apply_language_text_normalization = d.pop(
            "apply_language_text_normalization", UNSET
        )

        eleven_labs_voice_settings = cls(
            provider=provider,
            speed=speed,
            stability=stability,
            similarity_boost=similarity_boost,
            style=style,
            use_speaker_boost=use_speaker_boost,
            model=model,
            apply_language_text_normalization=apply_language_text_normalization,
        )

        eleven_labs_voice_settings.additional_properties = d
        return eleven_labs_voice_settings

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
