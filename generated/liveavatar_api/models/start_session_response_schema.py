from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StartSessionResponseSchema")


@_attrs_define
class StartSessionResponseSchema:
    """
    Attributes:
        session_id (str):
        livekit_url (str):
        livekit_client_token (str):
        livekit_agent_token (str | Unset):
        max_session_duration (int | Unset):
        ws_url (str | Unset): Websocket URL to send session events to. Custom Mode only.
    """

    session_id: str
    livekit_url: str
    livekit_client_token: str
    livekit_agent_token: str | Unset = UNSET
    max_session_duration: int | Unset = UNSET
    ws_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id

        livekit_url = self.livekit_url

        livekit_client_token = self.livekit_client_token

        livekit_agent_token = self.livekit_agent_token

        max_session_duration = self.max_session_duration

        ws_url = self.ws_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_id": session_id,
                "livekit_url": livekit_url,
                "livekit_client_token": livekit_client_token,
            }
        )
        if livekit_agent_token is not UNSET:
            field_dict["livekit_agent_token"] = livekit_agent_token
        if max_session_duration is not UNSET:
            field_dict["max_session_duration"] = max_session_duration
        if ws_url is not UNSET:
            field_dict["ws_url"] = ws_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        session_id = d.pop("session_id")

        livekit_url = d.pop("livekit_url")

        livekit_client_token = d.pop("livekit_client_token")

        livekit_agent_token = d.pop("livekit_agent_token", UNSET)

        max_session_duration = d.pop("max_session_duration", UNSET)

        ws_url = d.pop("ws_url", UNSET)

        start_session_response_schema = cls(
            session_id=session_id,
            livekit_url=livekit_url,
            livekit_client_token=livekit_client_token,
            livekit_agent_token=livekit_agent_token,
            max_session_duration=max_session_duration,
            ws_url=ws_url,
        )

        start_session_response_schema.additional_properties = d
        return start_session_response_schema

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
