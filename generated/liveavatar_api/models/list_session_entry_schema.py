from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_mode_enum import SessionModeEnum
from ..models.session_source_enum import SessionSourceEnum

T = TypeVar("T", bound="ListSessionEntrySchema")


@_attrs_define
class ListSessionEntrySchema:
    """
    Attributes:
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        duration (int):
        source (SessionSourceEnum):
        mode (SessionModeEnum):
        is_sandbox (bool):
        credits_consumed (float): Total credits consumed by this session
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    duration: int
    source: SessionSourceEnum
    mode: SessionModeEnum
    is_sandbox: bool
    credits_consumed: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        duration = self.duration

        source = self.source.value

        mode = self.mode.value

        is_sandbox = self.is_sandbox

        credits_consumed = self.credits_consumed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "duration": duration,
                "source": source,
                "mode": mode,
                "is_sandbox": is_sandbox,
                "credits_consumed": credits_consumed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        duration = d.pop("duration")

        source = SessionSourceEnum(d.pop("source"))

        mode = SessionModeEnum(d.pop("mode"))

        is_sandbox = d.pop("is_sandbox")

        credits_consumed = d.pop("credits_consumed")

        list_session_entry_schema = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            duration=duration,
            source=source,
            mode=mode,
            is_sandbox=is_sandbox,
            credits_consumed=credits_consumed,
        )

        list_session_entry_schema.additional_properties = d
        return list_session_entry_schema

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
