from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.open_ai_realtime_voice_enum import OpenAIRealtimeVoiceEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="OpenAIRealtimeConfigSchema")


@_attrs_define
class OpenAIRealtimeConfigSchema:
    """Config for OpenAI Realtime Agent mode in LITE sessions.

    Attributes:
        secret_id (UUID): Secret ID referencing OPENAI_API_KEY secret
        context_id (UUID | Unset): Context ID.
        voice (OpenAIRealtimeVoiceEnum | Unset):
        temperature (float | Unset): Sampling temperature Default: 0.8.
        model (str | Unset): OpenAI Realtime model Default: 'gpt-realtime'.
    """

    secret_id: UUID
    context_id: UUID | Unset = UNSET
    voice: OpenAIRealtimeVoiceEnum | Unset = UNSET
    temperature: float | Unset = 0.8
    model: str | Unset = "gpt-realtime"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        secret_id = str(self.secret_id)

        context_id: str | Unset = UNSET
        if not isinstance(self.context_id, Unset):
            context_id = str(self.context_id)

        voice: str | Unset = UNSET
        if not isinstance(self.voice, Unset):
            voice = self.voice.value

        temperature = self.temperature

        model = self.model

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "secret_id": secret_id,
            }
        )
        if context_id is not UNSET:
            field_dict["context_id"] = context_id
        if voice is not UNSET:
            field_dict["voice"] = voice
        if temperature is not UNSET:
            field_dict["temperature"] = temperature
        if model is not UNSET:
            field_dict["model"] = model

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        secret_id = UUID(d.pop("secret_id"))

        _context_id = d.pop("context_id", UNSET)
        context_id: UUID | Unset
        if isinstance(_context_id, Unset):
            context_id = UNSET
        else:
            context_id = UUID(_context_id)

        _voice = d.pop("voice", UNSET)
        voice: OpenAIRealtimeVoiceEnum | Unset
        if isinstance(_voice, Unset):
            voice = UNSET
        else:
            voice = OpenAIRealtimeVoiceEnum(_voice)

        temperature = d.pop("temperature", UNSET)

        model = d.pop("model", UNSET)

        open_ai_realtime_config_schema = cls(
            secret_id=secret_id,
            context_id=context_id,
            voice=voice,
            temperature=temperature,
            model=model,
        )

        open_ai_realtime_config_schema.additional_properties = d
        return open_ai_realtime_config_schema

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
