from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.list_historic_entry_schema import ListHistoricEntrySchema
    from ..models.list_session_entry_schema import ListSessionEntrySchema


T = TypeVar(
    "T", bound="PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema"
)


@_attrs_define
class PaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema:
    """
    Attributes:
        count (int):
        results (list[ListHistoricEntrySchema | ListSessionEntrySchema]):
        next_ (str | Unset):
        previous (str | Unset):
    """

    count: int
    results: list[ListHistoricEntrySchema | ListSessionEntrySchema]
    next_: str | Unset = UNSET
    previous: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.list_historic_entry_schema import ListHistoricEntrySchema  # noqa: PLC0415

        count = self.count

        results = []
        for results_item_data in self.results:
            results_item: dict[str, Any]
            if isinstance(results_item_data, ListHistoricEntrySchema):
                results_item = results_item_data.to_dict()
            else:
                results_item = results_item_data.to_dict()

            results.append(results_item)

        next_ = self.next_

        previous = self.previous

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "count": count,
                "results": results,
            }
        )
        if next_ is not UNSET:
            field_dict["next"] = next_
        if previous is not UNSET:
            field_dict["previous"] = previous

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.list_historic_entry_schema import ListHistoricEntrySchema  # noqa: PLC0415
        from ..models.list_session_entry_schema import ListSessionEntrySchema  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:

            def _parse_results_item(
                data: object,
            ) -> ListHistoricEntrySchema | ListSessionEntrySchema:
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    results_item_type_0 = ListHistoricEntrySchema.from_dict(data)

                    return results_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                results_item_type_1 = ListSessionEntrySchema.from_dict(data)

                return results_item_type_1

            results_item = _parse_results_item(results_item_data)

            results.append(results_item)

        next_ = d.pop("next", UNSET)

        previous = d.pop("previous", UNSET)

        paginated_response_union_list_session_entry_schema_list_historic_entry_schema = cls(
            count=count,
            results=results,
            next_=next_,
            previous=previous,
        )

        paginated_response_union_list_session_entry_schema_list_historic_entry_schema.additional_properties = d
        return paginated_response_union_list_session_entry_schema_list_historic_entry_schema

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
