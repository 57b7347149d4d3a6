from enum import StrEnum


class MemoryTypeEnum(StrEnum):
    SESSION = "session"

    def __str__(self) -> str:
        return str(self.value)
