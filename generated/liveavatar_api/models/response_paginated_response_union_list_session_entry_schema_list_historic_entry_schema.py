from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.paginated_response_union_list_session_entry_schema_list_historic_entry_schema import (
        PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema,
    )


T = TypeVar(
    "T",
    bound="ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema",
)


@_attrs_define
class ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema:
    """
    Attributes:
        code (int):  Default: 100.
        data (None | PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema):
        message (str):
    """

    data: None | PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
    message: str
    code: int = 100
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.paginated_response_union_list_session_entry_schema_list_historic_entry_schema import (
            PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema,  # noqa: PLC0415
        )

        code = self.code

        data: dict[str, Any] | None
        if isinstance(
            self.data,
            PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema,
        ):
            data = self.data.to_dict()
        else:
            data = self.data

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
        from ..models.paginated_response_union_list_session_entry_schema_list_historic_entry_schema import (
            PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema,  # noqa: PLC0415
        )

        d = dict(src_dict)
        code = d.pop("code")

        def _parse_data(
            data: object,
        ) -> None | PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                data_type_0 = PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema.from_dict(
                    data
                )

                return data_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                None
                | PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema,
                data,
            )

        data = _parse_data(d.pop("data"))

        message = d.pop("message")

        response_paginated_response_union_list_session_entry_schema_list_historic_entry_schema = cls(
            code=code,
            data=data,
            message=message,
        )

        response_paginated_response_union_list_session_entry_schema_list_historic_entry_schema.additional_properties = d
        return response_paginated_response_union_list_session_entry_schema_list_historic_entry_schema

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
