from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.memory_type_enum import MemoryTypeEnum

T = TypeVar("T", bound="MemoryResponse")


@_attrs_define
class MemoryResponse:
    """
    Attributes:
        id (str):
        memory_type (MemoryTypeEnum):
        memory_content (str):
        created_at (datetime.datetime):
    """

    id: str
    memory_type: MemoryTypeEnum
    memory_content: str
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        memory_type = self.memory_type.value

        memory_content = self.memory_content

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "memory_type": memory_type,
                "memory_content": memory_content,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        memory_type = MemoryTypeEnum(d.pop("memory_type"))

        memory_content = d.pop("memory_content")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        memory_response = cls(
            id=id,
            memory_type=memory_type,
            memory_content=memory_content,
            created_at=created_at,
        )

        memory_response.additional_properties = d
        return memory_response

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
