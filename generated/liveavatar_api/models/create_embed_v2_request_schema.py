from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.embed_avatar_type_enum import EmbedAvatarTypeEnum
from ..models.embed_orientation import EmbedOrientation
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateEmbedV2RequestSchema")


@_attrs_define
class CreateEmbedV2RequestSchema:
    """
    Attributes:
        avatar_id (UUID):
        context_id (UUID):
        voice_id (UUID | Unset):
        type_ (EmbedAvatarTypeEnum | Unset):
        max_session_duration (int | Unset): Max session duration in seconds
        default_language (str | Unset): Default language code (e.g. 'en', 'es', 'multi')
        is_sandbox (bool | Unset): Whether to enable sandbox mode for sessions Default: False.
        orientation (EmbedOrientation | Unset):
    """

    avatar_id: UUID
    context_id: UUID
    voice_id: UUID | Unset = UNSET
    type_: EmbedAvatarTypeEnum | Unset = UNSET
    max_session_duration: int | Unset = UNSET
    default_language: str | Unset = UNSET
    is_sandbox: bool | Unset = False
    orientation: EmbedOrientation | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        avatar_id = str(self.avatar_id)

        context_id = str(self.context_id)

        voice_id: str | Unset = UNSET
        if not isinstance(self.voice_id, Unset):
            voice_id = str(self.voice_id)

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        max_session_duration = self.max_session_duration

        default_language = self.default_language

        is_sandbox = self.is_sandbox

        orientation: str | Unset = UNSET
        if not isinstance(self.orientation, Unset):
            orientation = self.orientation.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "avatar_id": avatar_id,
                "context_id": context_id,
            }
        )
        if voice_id is not UNSET:
            field_dict["voice_id"] = voice_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if max_session_duration is not UNSET:
            field_dict["max_session_duration"] = max_session_duration
        if default_language is not UNSET:
            field_dict["default_language"] = default_language
        if is_sandbox is not UNSET:
            field_dict["is_sandbox"] = is_sandbox
        if orientation is not UNSET:
            field_dict["orientation"] = orientation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        avatar_id = UUID(d.pop("avatar_id"))

        context_id = UUID(d.pop("context_id"))

        _voice_id = d.pop("voice_id", UNSET)
        voice_id: UUID | Unset
        if isinstance(_voice_id, Unset):
            voice_id = UNSET
        else:
            voice_id = UUID(_voice_id)

        _type_ = d.pop("type", UNSET)
        type_: EmbedAvatarTypeEnum | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = EmbedAvatarTypeEnum(_type_)

        max_session_duration = d.pop("max_session_duration", UNSET)

        default_language = d.pop("default_language", UNSET)

        is_sandbox = d.pop("is_sandbox", UNSET)

        _orientation = d.pop("orientation", UNSET)
        orientation: EmbedOrientation | Unset
        if isinstance(_orientation, Unset):
            orientation = UNSET
        else:
            orientation = EmbedOrientation(_orientation)

        create_embed_v2_request_schema = cls(
            avatar_id=avatar_id,
            context_id=context_id,
            voice_id=voice_id,
            type_=type_,
            max_session_duration=max_session_duration,
            default_language=default_language,
            is_sandbox=is_sandbox,
            orientation=orientation,
        )

        create_embed_v2_request_schema.additional_properties = d
        return create_embed_v2_request_schema

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
