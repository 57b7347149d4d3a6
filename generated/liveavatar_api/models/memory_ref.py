from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MemoryRef")


@_attrs_define
class MemoryRef:
    """Session-memory attach request.

    Either field may be set. If both are set, they must resolve to the same
    memory_id; mismatch -> 400.

        Attributes:
            prev_session_id (UUID | Unset): Seed memory from a prior FULL-mode session. Reused if a session-memory already
                exists for that session; otherwise sync-bootstrapped.
            session_memory_id (UUID | Unset): Attach an existing session-typed memory by id (must belong to caller's space).
    """

    prev_session_id: UUID | Unset = UNSET
    session_memory_id: UUID | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        prev_session_id: str | Unset = UNSET
        if not isinstance(self.prev_session_id, Unset):
            prev_session_id = str(self.prev_session_id)

        session_memory_id: str | Unset = UNSET
        if not isinstance(self.session_memory_id, Unset):
            session_memory_id = str(self.session_memory_id)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if prev_session_id is not UNSET:
            field_dict["prev_session_id"] = prev_session_id
        if session_memory_id is not UNSET:
            field_dict["session_memory_id"] = session_memory_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _prev_session_id = d.pop("prev_session_id", UNSET)
        prev_session_id: UUID | Unset
        if isinstance(_prev_session_id, Unset):
            prev_session_id = UNSET
        else:
            prev_session_id = UUID(_prev_session_id)

        _session_memory_id = d.pop("session_memory_id", UNSET)
        session_memory_id: UUID | Unset
        if isinstance(_session_memory_id, Unset):
            session_memory_id = UNSET
        else:
            session_memory_id = UUID(_session_memory_id)

        memory_ref = cls(
            prev_session_id=prev_session_id,
            session_memory_id=session_memory_id,
        )

        memory_ref.additional_properties = d
        return memory_ref

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
