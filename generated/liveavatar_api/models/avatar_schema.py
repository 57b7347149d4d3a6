from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.avatar_status_enum import AvatarStatusEnum
from ..models.avatar_type_enum import AvatarTypeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.default_avatar_voice import DefaultAvatarVoice


T = TypeVar("T", bound="AvatarSchema")


@_attrs_define
class AvatarSchema:
    """
    Attributes:
        id (UUID):
        name (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        error_message (str): Error message if training failed (prefer detailed, fallback to short).
        space_id (str | Unset):
        type_ (AvatarTypeEnum | Unset):
        status (AvatarStatusEnum | Unset):
        preview_url (str | Unset):
        is_expired (bool | Unset):  Default: False.
        default_voice (DefaultAvatarVoice | None | Unset):
        is_1080p (bool | Unset):  Default: False.
    """

    id: UUID
    name: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    error_message: str
    space_id: str | Unset = UNSET
    type_: AvatarTypeEnum | Unset = UNSET
    status: AvatarStatusEnum | Unset = UNSET
    preview_url: str | Unset = UNSET
    is_expired: bool | Unset = False
    default_voice: DefaultAvatarVoice | None | Unset = UNSET
    is_1080p: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.default_avatar_voice import DefaultAvatarVoice  # noqa: PLC0415

        id = str(self.id)

        name = self.name

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        error_message = self.error_message

        space_id = self.space_id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        preview_url = self.preview_url

        is_expired = self.is_expired

        default_voice: dict[str, Any] | None | Unset
        if isinstance(self.default_voice, Unset):
            default_voice = UNSET
        elif isinstance(self.default_voice, DefaultAvatarVoice):
            default_voice = self.default_voice.to_dict()
        else:
            default_voice = self.default_voice

        is_1080p = self.is_1080p

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "created_at": created_at,
                "updated_at": updated_at,
                "error_message": error_message,
            }
        )
        if space_id is not UNSET:
            field_dict["space_id"] = space_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if status is not UNSET:
            field_dict["status"] = status
        if preview_url is not UNSET:
            field_dict["preview_url"] = preview_url
        if is_expired is not UNSET:
            field_dict["is_expired"] = is_expired
        if default_voice is not UNSET:
            field_dict["default_voice"] = default_voice
        if is_1080p is not UNSET:
            field_dict["is_1080p"] = is_1080p

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.default_avatar_voice import DefaultAvatarVoice  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        error_message = d.pop("error_message")

        space_id = d.pop("space_id", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: AvatarTypeEnum | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = AvatarTypeEnum(_type_)

        _status = d.pop("status", UNSET)
        status: AvatarStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = AvatarStatusEnum(_status)

        preview_url = d.pop("preview_url", UNSET)

        is_expired = d.pop("is_expired", UNSET)

        def _parse_default_voice(data: object) -> DefaultAvatarVoice | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                default_voice_type_0 = DefaultAvatarVoice.from_dict(data)

                return default_voice_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DefaultAvatarVoice | None | Unset, data)

        default_voice = _parse_default_voice(d.pop("default_voice", UNSET))

        is_1080p = d.pop("is_1080p", UNSET)

        avatar_schema = cls(
            id=id,
            name=name,
            created_at=created_at,
            updated_at=updated_at,
            error_message=error_message,
            space_id=space_id,
            type_=type_,
            status=status,
            preview_url=preview_url,
            is_expired=is_expired,
            default_voice=default_voice,
            is_1080p=is_1080p,
        )

        avatar_schema.additional_properties = d
        return avatar_schema

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
