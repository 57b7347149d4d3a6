from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LLMConfigurationResponseSchema")


@_attrs_define
class LLMConfigurationResponseSchema:
    """Response schema for an LLM configuration

    Attributes:
        id (str):
        base_url (str):
        display_name (str):
        model_name (str):
        secret_id (str):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
    """

    id: str
    base_url: str
    display_name: str
    model_name: str
    secret_id: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        base_url = self.base_url

        display_name = self.display_name

        model_name = self.model_name

        secret_id = self.secret_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "base_url": base_url,
                "display_name": display_name,
                "model_name": model_name,
                "secret_id": secret_id,
                "created_at": created_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        base_url = d.pop("base_url")

        display_name = d.pop("display_name")

        model_name = d.pop("model_name")

        secret_id = d.pop("secret_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        llm_configuration_response_schema = cls(
            id=id,
            base_url=base_url,
            display_name=display_name,
            model_name=model_name,
            secret_id=secret_id,
            created_at=created_at,
            updated_at=updated_at,
        )

        llm_configuration_response_schema.additional_properties = d
        return llm_configuration_response_schema

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
