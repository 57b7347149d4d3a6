from enum import StrEnum


class SessionModeEnum(StrEnum):
    FULL = "FULL"
    LITE = "LITE"

    def __str__(self) -> str:
        return str(self.value)
