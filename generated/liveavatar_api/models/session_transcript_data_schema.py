from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_transcript_data_schema_role import SessionTranscriptDataSchemaRole

T = TypeVar("T", bound="SessionTranscriptDataSchema")


@_attrs_define
class SessionTranscriptDataSchema:
    """
    Attributes:
        role (SessionTranscriptDataSchemaRole):
        transcript (str):
        absolute_timestamp (int):
        relative_timestamp (int):
    """

    role: SessionTranscriptDataSchemaRole
    transcript: str
    absolute_timestamp: int
    relative_timestamp: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        transcript = self.transcript

        absolute_timestamp = self.absolute_timestamp

        relative_timestamp = self.relative_timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "role": role,
                "transcript": transcript,
                "absolute_timestamp": absolute_timestamp,
                "relative_timestamp": relative_timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = SessionTranscriptDataSchemaRole(d.pop("role"))

        transcript = d.pop("transcript")

        absolute_timestamp = d.pop("absolute_timestamp")

        relative_timestamp = d.pop("relative_timestamp")

        session_transcript_data_schema = cls(
            role=role,
            transcript=transcript,
            absolute_timestamp=absolute_timestamp,
            relative_timestamp=relative_timestamp,
        )

        session_transcript_data_schema.additional_properties = d
        return session_transcript_data_schema

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
