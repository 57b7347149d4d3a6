from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.embed_orientation import EmbedOrientation
from ..types import UNSET, Unset

T = TypeVar("T", bound="CreateEmbedV2ResponseSchema")


@_attrs_define
class CreateEmbedV2ResponseSchema:
    """
    Attributes:
        embed_id (UUID):
        url (str):
        script (str | Unset):
        orientation (EmbedOrientation | Unset):
    """

    embed_id: UUID
    url: str
    script: str | Unset = UNSET
    orientation: EmbedOrientation | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        embed_id = str(self.embed_id)

        url = self.url

        script = self.script

        orientation: str | Unset = UNSET
        if not isinstance(self.orientation, Unset):
            orientation = self.orientation.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "embed_id": embed_id,
                "url": url,
            }
        )
        if script is not UNSET:
            field_dict["script"] = script
        if orientation is not UNSET:
            field_dict["orientation"] = orientation

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        embed_id = UUID(d.pop("embed_id"))

        url = d.pop("url")

        script = d.pop("script", UNSET)

        _orientation = d.pop("orientation", UNSET)
        orientation: EmbedOrientation | Unset
        if isinstance(_orientation, Unset):
            orientation = UNSET
        else:
            orientation = EmbedOrientation(_orientation)

        create_embed_v2_response_schema = cls(
            embed_id=embed_id,
            url=url,
            script=script,
            orientation=orientation,
        )

        create_embed_v2_response_schema.additional_properties = d
        return create_embed_v2_response_schema

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
