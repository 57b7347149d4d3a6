from enum import StrEnum


class AvatarTypeEnum(StrEnum):
    IMAGE = "IMAGE"
    VIDEO = "VIDEO"

    def __str__(self) -> str:
        return str(self.value)
