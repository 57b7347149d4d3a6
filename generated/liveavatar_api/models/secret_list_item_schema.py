from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.secret_type_enum import SecretTypeEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="SecretListItemSchema")


@_attrs_define
class SecretListItemSchema:
    """Schema for a secret item in list response (no decrypted value)

    Attributes:
        id (str):
        secret_name (str):
        secret_type (SecretTypeEnum): The type of secret.
        created_at (datetime.datetime | Unset):
    """

    id: str
    secret_name: str
    secret_type: SecretTypeEnum
    created_at: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        secret_name = self.secret_name

        secret_type = self.secret_type.value

        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "secret_name": secret_name,
                "secret_type": secret_type,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        secret_name = d.pop("secret_name")

        secret_type = SecretTypeEnum(d.pop("secret_type"))

        _created_at = d.pop("created_at", UNSET)
        created_at: datetime.datetime | Unset
        if isinstance(_created_at, Unset):
            created_at = UNSET
        else:
            created_at = datetime.datetime.fromisoformat(_created_at)

        secret_list_item_schema = cls(
            id=id,
            secret_name=secret_name,
            secret_type=secret_type,
            created_at=created_at,
        )

        secret_list_item_schema.additional_properties = d
        return secret_list_item_schema

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
