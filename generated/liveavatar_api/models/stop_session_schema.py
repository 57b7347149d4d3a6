from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_end_reason_enum import SessionEndReasonEnum
from ..types import UNSET, Unset

T = TypeVar("T", bound="StopSessionSchema")


@_attrs_define
class StopSessionSchema:
    """
    Attributes:
        session_id (UUID | Unset):
        reason (SessionEndReasonEnum | Unset):
    """

    session_id: UUID | Unset = UNSET
    reason: SessionEndReasonEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id: str | Unset = UNSET
        if not isinstance(self.session_id, Unset):
            session_id = str(self.session_id)

        reason: str | Unset = UNSET
        if not isinstance(self.reason, Unset):
            reason = self.reason.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _session_id = d.pop("session_id", UNSET)
        session_id: UUID | Unset
        if isinstance(_session_id, Unset):
            session_id = UNSET
        else:
            session_id = UUID(_session_id)

        _reason = d.pop("reason", UNSET)
        reason: SessionEndReasonEnum | Unset
        if isinstance(_reason, Unset):
            reason = UNSET
        else:
            reason = SessionEndReasonEnum(_reason)

        stop_session_schema = cls(
            session_id=session_id,
            reason=reason,
        )

        stop_session_schema.additional_properties = d
        return stop_session_schema

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
