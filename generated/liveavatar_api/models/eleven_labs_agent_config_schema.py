from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.eleven_labs_agent_config_schema_dynamic_variables import (
        ElevenLabsAgentConfigSchemaDynamicVariables,
    )


T = TypeVar("T", bound="ElevenLabsAgentConfigSchema")


@_attrs_define
class ElevenLabsAgentConfigSchema:
    """Config for ElevenLabs Agent mode in LITE sessions. All fields required when present.

    Attributes:
        secret_id (UUID): Secret ID for ELEVENLABS_API_KEY
        agent_id (str): ElevenLabs Agent ID
        voice_id (str | Unset): Optional ElevenLabs voice ID override. When set, sent to the ElevenLabs Agent WebSocket
            as `conversation_config_override.tts.voice_id`, overriding the agent's default voice for this session. When
            omitted, the agent's configured default voice is used. See https://elevenlabs.io/docs/eleven-agents/api-
            reference/eleven-agents/websocket
        dynamic_variables (ElevenLabsAgentConfigSchemaDynamicVariables | Unset): ElevenLabs Agent dynamic variables
            injected into prompts and tools. See https://elevenlabs.io/docs/eleven-
            agents/customization/personalization/dynamic-variables
    """

    secret_id: UUID
    agent_id: str
    voice_id: str | Unset = UNSET
    dynamic_variables: ElevenLabsAgentConfigSchemaDynamicVariables | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        secret_id = str(self.secret_id)

        agent_id = self.agent_id

        voice_id = self.voice_id

        dynamic_variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dynamic_variables, Unset):
            dynamic_variables = self.dynamic_variables.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "secret_id": secret_id,
                "agent_id": agent_id,
            }
        )
        if voice_id is not UNSET:
            field_dict["voice_id"] = voice_id
        if dynamic_variables is not UNSET:
            field_dict["dynamic_variables"] = dynamic_variables

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.eleven_labs_agent_config_schema_dynamic_variables import (
            ElevenLabsAgentConfigSchemaDynamicVariables,  # noqa: PLC0415
        )

        d = dict(src_dict)
        secret_id = UUID(d.pop("secret_id"))

        agent_id = d.pop("agent_id")

        voice_id = d.pop("voice_id", UNSET)

        _dynamic_variables = d.pop("dynamic_variables", UNSET)
        dynamic_variables: ElevenLabsAgentConfigSchemaDynamicVariables | Unset
        if isinstance(_dynamic_variables, Unset):
            dynamic_variables = UNSET
        else:
            dynamic_variables = ElevenLabsAgentConfigSchemaDynamicVariables.from_dict(
                _dynamic_variables
            )

        eleven_labs_agent_config_schema = cls(
            secret_id=secret_id,
            agent_id=agent_id,
            voice_id=voice_id,
            dynamic_variables=dynamic_variables,
        )

        eleven_labs_agent_config_schema.additional_properties = d
        return eleven_labs_agent_config_schema

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
