from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.context_link_schema import ContextLinkSchema


T = TypeVar("T", bound="ContextDetailSchema")


@_attrs_define
class ContextDetailSchema:
    """
    Attributes:
        name (str):
        prompt (str):
        opening_text (str):
        id (UUID):
        created_at (datetime.datetime):
        updated_at (datetime.datetime):
        required_dynamic_variables (list[str]):
        links (list[ContextLinkSchema] | Unset):
    """

    name: str
    prompt: str
    opening_text: str
    id: UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    required_dynamic_variables: list[str]
    links: list[ContextLinkSchema] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        prompt = self.prompt

        opening_text = self.opening_text

        id = str(self.id)

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        required_dynamic_variables = self.required_dynamic_variables

        links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.links, Unset):
            links = []
            for links_item_data in self.links:
                links_item = links_item_data.to_dict()
                links.append(links_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "prompt": prompt,
                "opening_text": opening_text,
                "id": id,
                "created_at": created_at,
                "updated_at": updated_at,
                "required_dynamic_variables": required_dynamic_variables,
            }
        )
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.context_link_schema import ContextLinkSchema  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        prompt = d.pop("prompt")

        opening_text = d.pop("opening_text")

        id = UUID(d.pop("id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        required_dynamic_variables = cast(
            list[str], d.pop("required_dynamic_variables")
        )

        _links = d.pop("links", UNSET)
        links: list[ContextLinkSchema] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = ContextLinkSchema.from_dict(links_item_data)

                links.append(links_item)

        context_detail_schema = cls(
            name=name,
            prompt=prompt,
            opening_text=opening_text,
            id=id,
            created_at=created_at,
            updated_at=updated_at,
            required_dynamic_variables=required_dynamic_variables,
            links=links,
        )

        context_detail_schema.additional_properties = d
        return context_detail_schema

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
