from enum import StrEnum


class SessionTranscriptDataSchemaRole(StrEnum):
    AVATAR = "avatar"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
