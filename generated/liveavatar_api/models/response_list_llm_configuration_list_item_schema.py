from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.llm_configuration_list_item_schema import (
        LLMConfigurationListItemSchema,
    )


T = TypeVar("T", bound="ResponseListLLMConfigurationListItemSchema")


@_attrs_define
class ResponseListLLMConfigurationListItemSchema:
    """
    Attributes:
        code (int):  Default: 100.
        data (list[LLMConfigurationListItemSchema]):
        message (str):
    """

    data: list[LLMConfigurationListItemSchema]
    message: str
    code: int = 100
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "data": data,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.llm_configuration_list_item_schema import (
            LLMConfigurationListItemSchema,  # noqa: PLC0415
        )

        d = dict(src_dict)
        code = d.pop("code")

        data = []
        _data = d.pop("data")
        for data_item_data in _data:
            data_item = LLMConfigurationListItemSchema.from_dict(data_item_data)

            data.append(data_item)

        message = d.pop("message")

        response_list_llm_configuration_list_item_schema = cls(
            code=code,
            data=data,
            message=message,
        )

        response_list_llm_configuration_list_item_schema.additional_properties = d
        return response_list_llm_configuration_list_item_schema

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
