from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.memory_type_enum import MemoryTypeEnum

T = TypeVar("T", bound="CreateSessionMemory")


@_attrs_define
class CreateSessionMemory:
    """
    Attributes:
        memory_type (MemoryTypeEnum):
        session_id (UUID):
    """

    memory_type: MemoryTypeEnum
    session_id: UUID
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        memory_type = self.memory_type.value

        session_id = str(self.session_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "memory_type": memory_type,
                "session_id": session_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        memory_type = MemoryTypeEnum(d.pop("memory_type"))

        session_id = UUID(d.pop("session_id"))

        create_session_memory = cls(
            memory_type=memory_type,
            session_id=session_id,
        )

        create_session_memory.additional_properties = d
        return create_session_memory

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
