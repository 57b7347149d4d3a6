from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="LLMConfigurationListItemSchema")


@_attrs_define
class LLMConfigurationListItemSchema:
    """Schema for an LLM configuration item in list response

    Attributes:
        id (str):
        display_name (str):
        model_name (str):
        secret_id (str):
    """

    id: str
    display_name: str
    model_name: str
    secret_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        display_name = self.display_name

        model_name = self.model_name

        secret_id = self.secret_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "display_name": display_name,
                "model_name": model_name,
                "secret_id": secret_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        display_name = d.pop("display_name")

        model_name = d.pop("model_name")

        secret_id = d.pop("secret_id")

        llm_configuration_list_item_schema = cls(
            id=id,
            display_name=display_name,
            model_name=model_name,
            secret_id=secret_id,
        )

        llm_configuration_list_item_schema.additional_properties = d
        return llm_configuration_list_item_schema

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
