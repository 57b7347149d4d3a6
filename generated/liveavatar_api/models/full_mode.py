from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    Literal,
    TypeVar,
    cast,
)
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_interactivity_type_enum import SessionInteractivityTypeEnum
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.avatar_persona_schema import AvatarPersonaSchema
    from ..models.full_mode_dynamic_variables import FullModeDynamicVariables
    from ..models.memory_ref import MemoryRef
    from ..models.video_settings import VideoSettings


T = TypeVar("T", bound="FullMode")


@_attrs_define
class FullMode:
    """
    Attributes:
        avatar_id (UUID):
        avatar_persona (AvatarPersonaSchema):
        mode (Literal['FULL'] | Unset):  Default: 'FULL'.
        is_sandbox (bool | Unset):  Default: False.
        video_settings (None | Unset | VideoSettings): Video encoding settings
        max_session_duration (int | Unset): Maximum session duration in seconds. Must be <= the configured limit for
            your subscription tier.
        interactivity_type (SessionInteractivityTypeEnum | Unset):
        llm_configuration_id (UUID | Unset): Optional custom LLM configuration ID
        dynamic_variables (FullModeDynamicVariables | Unset): Values for ${var} placeholders in the context's
            opening_text and prompt. Required keys are derived from the context; extra keys are ignored. At most 50 entries;
            keys <= 64 chars; values <= 1000 chars.
        memory (MemoryRef | None | Unset): Attach session memory. Provide `prev_session_id` to seed/reuse from a prior
            session, `session_memory_id` to attach an existing memory, or both (must resolve to the same memory_id).
    """

    avatar_id: UUID
    avatar_persona: AvatarPersonaSchema
    mode: Literal["FULL"] | Unset = "FULL"
    is_sandbox: bool | Unset = False
    video_settings: None | Unset | VideoSettings = UNSET
    max_session_duration: int | Unset = UNSET
    interactivity_type: SessionInteractivityTypeEnum | Unset = UNSET
    llm_configuration_id: UUID | Unset = UNSET
    dynamic_variables: FullModeDynamicVariables | Unset = UNSET
    memory: MemoryRef | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.memory_ref import MemoryRef  # noqa: PLC0415
        from ..models.video_settings import VideoSettings  # noqa: PLC0415

        avatar_id = str(self.avatar_id)

        avatar_persona = self.avatar_persona.to_dict()

        mode = self.mode

        is_sandbox = self.is_sandbox

        video_settings: dict[str, Any] | None | Unset
        if isinstance(self.video_settings, Unset):
            video_settings = UNSET
        elif isinstance(self.video_settings, VideoSettings):
            video_settings = self.video_settings.to_dict()
        else:
            video_settings = self.video_settings

        max_session_duration = self.max_session_duration

        interactivity_type: str | Unset = UNSET
        if not isinstance(self.interactivity_type, Unset):
            interactivity_type = self.interactivity_type.value

        llm_configuration_id: str | Unset = UNSET
        if not isinstance(self.llm_configuration_id, Unset):
            llm_configuration_id = str(self.llm_configuration_id)

        dynamic_variables: dict[str, Any] | Unset = UNSET
        if not isinstance(self.dynamic_variables, Unset):
            dynamic_variables = self.dynamic_variables.to_dict()

        memory: dict[str, Any] | None | Unset
        if isinstance(self.memory, Unset):
            memory = UNSET
        elif isinstance(self.memory, MemoryRef):
            memory = self.memory.to_dict()
        else:
            memory = self.memory

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "avatar_id": avatar_id,
                "avatar_persona": avatar_persona,
            }
        )
        if mode is not UNSET:
            field_dict["mode"] = mode
        if is_sandbox is not UNSET:
            field_dict["is_sandbox"] = is_sandbox
        if video_settings is not UNSET:
            field_dict["video_settings"] = video_settings
        if max_session_duration is not UNSET:
            field_dict["max_session_duration"] = max_session_duration
        if interactivity_type is not UNSET:
            field_dict["interactivity_type"] = interactivity_type
        if llm_configuration_id is not UNSET:
            field_dict["llm_configuration_id"] = llm_configuration_id
        if dynamic_variables is not UNSET:
            field_dict["dynamic_variables"] = dynamic_variables
        if memory is not UNSET:
            field_dict["memory"] = memory

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.avatar_persona_schema import AvatarPersonaSchema  # noqa: PLC0415
        from ..models.full_mode_dynamic_variables import FullModeDynamicVariables  # noqa: PLC0415
        from ..models.memory_ref import MemoryRef  # noqa: PLC0415
        from ..models.video_settings import VideoSettings  # noqa: PLC0415

        d = dict(src_dict)
        avatar_id = UUID(d.pop("avatar_id"))

        avatar_persona = AvatarPersonaSchema.from_dict(d.pop("avatar_persona"))

        mode = cast(Literal["FULL"] | Unset, d.pop("mode", UNSET))
        if mode != "FULL" and not isinstance(mode, Unset):
            raise ValueError(f"mode must match const 'FULL', got '{mode}'")

        is_sandbox = d.pop("is_sandbox", UNSET)

        def _parse_video_settings(data: object) -> None | Unset | VideoSettings:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                video_settings_type_0 = VideoSettings.from_dict(data)

                return video_settings_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VideoSettings, data)

        video_settings = _parse_video_settings(d.pop("video_settings", UNSET))

        max_session_duration = d.pop("max_session_duration", UNSET)

        _interactivity_type = d.pop("interactivity_type", UNSET)
        interactivity_type: SessionInteractivityTypeEnum | Unset
        if isinstance(_interactivity_type, Unset):
            interactivity_type = UNSET
        else:
            interactivity_type = SessionInteractivityTypeEnum(_interactivity_type)

        _llm_configuration_id = d.pop("llm_configuration_id", UNSET)
        llm_configuration_id: UUID | Unset
        if isinstance(_llm_configuration_id, Unset):
            llm_configuration_id = UNSET
        else:
            llm_configuration_id = UUID(_llm_configuration_id)

        _dynamic_variables = d.pop("dynamic_variables", UNSET)
        dynamic_variables: FullModeDynamicVariables | Unset
        if isinstance(_dynamic_variables, Unset):
            dynamic_variables = UNSET
        else:
            dynamic_variables = FullModeDynamicVariables.from_dict(_dynamic_variables)

        def _parse_memory(data: object) -> MemoryRef | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                memory_type_0 = MemoryRef.from_dict(data)

                return memory_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MemoryRef | None | Unset, data)

        memory = _parse_memory(d.pop("memory", UNSET))

        full_mode = cls(
            avatar_id=avatar_id,
            avatar_persona=avatar_persona,
            mode=mode,
            is_sandbox=is_sandbox,
            video_settings=video_settings,
            max_session_duration=max_session_duration,
            interactivity_type=interactivity_type,
            llm_configuration_id=llm_configuration_id,
            dynamic_variables=dynamic_variables,
            memory=memory,
        )

        full_mode.additional_properties = d
        return full_mode

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
