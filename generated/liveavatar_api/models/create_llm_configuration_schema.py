from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateLLMConfigurationSchema")


@_attrs_define
class CreateLLMConfigurationSchema:
    """Request schema for creating a new LLM configuration

    Attributes:
        display_name (str): Display name for the configuration
        model_name (str): The model name to use
        secret_id (str): ID of the secret containing the API key
        base_url (str | Unset): The LLM API endpoint URL
    """

    display_name: str
    model_name: str
    secret_id: str
    base_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        model_name = self.model_name

        secret_id = self.secret_id

        base_url = self.base_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "display_name": display_name,
                "model_name": model_name,
                "secret_id": secret_id,
            }
        )
        if base_url is not UNSET:
            field_dict["base_url"] = base_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name")

        model_name = d.pop("model_name")

        secret_id = d.pop("secret_id")

        base_url = d.pop("base_url", UNSET)

        create_llm_configuration_schema = cls(
            display_name=display_name,
            model_name=model_name,
            secret_id=secret_id,
            base_url=base_url,
        )

        create_llm_configuration_schema.additional_properties = d
        return create_llm_configuration_schema

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
