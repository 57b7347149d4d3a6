from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ThirdPartyVoiceBindRequestSchema")


@_attrs_define
class ThirdPartyVoiceBindRequestSchema:
    """Request body for POST /v1/voices/third_party - bind a third-party voice using a secret.

    Attributes:
        provider_voice_id (str): Voice ID from the provider (e.g. ElevenLabs voice ID)
        secret_id (str): ID of the space secret containing the provider API key
        name (str | Unset): Name of the voice
    """

    provider_voice_id: str
    secret_id: str
    name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        provider_voice_id = self.provider_voice_id

        secret_id = self.secret_id

        name = self.name

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "provider_voice_id": provider_voice_id,
                "secret_id": secret_id,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        provider_voice_id = d.pop("provider_voice_id")

        secret_id = d.pop("secret_id")

        name = d.pop("name", UNSET)

        third_party_voice_bind_request_schema = cls(
            provider_voice_id=provider_voice_id,
            secret_id=secret_id,
            name=name,
        )

        third_party_voice_bind_request_schema.additional_properties = d
        return third_party_voice_bind_request_schema

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
