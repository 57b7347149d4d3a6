from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.create_update_context_link_schema import CreateUpdateContextLinkSchema


T = TypeVar("T", bound="CreateContextSchema")


@_attrs_define
class CreateContextSchema:
    """
    Attributes:
        name (str):
        prompt (str):
        opening_text (str):
        links (list[CreateUpdateContextLinkSchema] | Unset):
    """

    name: str
    prompt: str
    opening_text: str
    links: list[CreateUpdateContextLinkSchema] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        prompt = self.prompt

        opening_text = self.opening_text

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
            }
        )
        if links is not UNSET:
            field_dict["links"] = links

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.create_update_context_link_schema import (
            CreateUpdateContextLinkSchema,  # noqa: PLC0415
        )

        d = dict(src_dict)
        name = d.pop("name")

        prompt = d.pop("prompt")

        opening_text = d.pop("opening_text")

        _links = d.pop("links", UNSET)
        links: list[CreateUpdateContextLinkSchema] | Unset = UNSET
        if _links is not UNSET:
            links = []
            for links_item_data in _links:
                links_item = CreateUpdateContextLinkSchema.from_dict(links_item_data)

                links.append(links_item)

        create_context_schema = cls(
            name=name,
            prompt=prompt,
            opening_text=opening_text,
            links=links,
        )

        create_context_schema.additional_properties = d
        return create_context_schema

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
