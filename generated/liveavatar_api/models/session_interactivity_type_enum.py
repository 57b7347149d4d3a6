from enum import StrEnum


class SessionInteractivityTypeEnum(StrEnum):
    CONVERSATIONAL = "CONVERSATIONAL"
    PUSH_TO_TALK = "PUSH_TO_TALK"

    def __str__(self) -> str:
        return str(self.value)
