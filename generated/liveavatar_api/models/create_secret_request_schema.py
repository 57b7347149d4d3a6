from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.secret_type_enum import SecretTypeEnum

T = TypeVar("T", bound="CreateSecretRequestSchema")


@_attrs_define
class CreateSecretRequestSchema:
    """Request schema for creating a new secret

    Attributes:
        secret_name (str): Name of the secret
        secret_value (str): The secret value to encrypt and store
        secret_type (SecretTypeEnum): The type of secret.
    """

    secret_name: str
    secret_value: str
    secret_type: SecretTypeEnum
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        secret_name = self.secret_name

        secret_value = self.secret_value

        secret_type = self.secret_type.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "secret_name": secret_name,
                "secret_value": secret_value,
                "secret_type": secret_type,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        secret_name = d.pop("secret_name")

        secret_value = d.pop("secret_value")

        secret_type = SecretTypeEnum(d.pop("secret_type"))

        create_secret_request_schema = cls(
            secret_name=secret_name,
            secret_value=secret_value,
            secret_type=secret_type,
        )

        create_secret_request_schema.additional_properties = d
        return create_secret_request_schema

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
