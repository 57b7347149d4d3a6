from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_end_reason_enum import SessionEndReasonEnum
from ..models.session_mode_enum import SessionModeEnum
from ..models.session_source_enum import SessionSourceEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="ListHistoricEntrySchema")


@_attrs_define
class ListHistoricEntrySchema:
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
        end_at (datetime.datetime):
        end_reason (None | SessionEndReasonEnum | Unset):
    """

    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    duration: int
    source: SessionSourceEnum
    mode: SessionModeEnum
    is_sandbox: bool
    credits_consumed: float
    end_at: datetime.datetime
    end_reason: None | SessionEndReasonEnum | Unset = UNSET
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

        end_at = self.end_at.isoformat()

        end_reason: None | str | Unset
        if isinstance(self.end_reason, Unset):
            end_reason = UNSET
        elif isinstance(self.end_reason, SessionEndReasonEnum):
            end_reason = self.end_reason.value
        else:
            end_reason = self.end_reason

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
                "end_at": end_at,
            }
        )
        if end_reason is not UNSET:
            field_dict["end_reason"] = end_reason

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

        end_at = datetime.datetime.fromisoformat(d.pop("end_at"))

        def _parse_end_reason(data: object) -> None | SessionEndReasonEnum | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_reason_type_0 = SessionEndReasonEnum(data)

                return end_reason_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SessionEndReasonEnum | Unset, data)

        end_reason = _parse_end_reason(d.pop("end_reason", UNSET))

        list_historic_entry_schema = cls(
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            duration=duration,
            source=source,
            mode=mode,
            is_sandbox=is_sandbox,
            credits_consumed=credits_consumed,
            end_at=end_at,
            end_reason=end_reason,
        )

        list_historic_entry_schema.additional_properties = d
        return list_historic_entry_schema

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
