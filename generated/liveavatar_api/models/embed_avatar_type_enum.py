from enum import StrEnum


class EmbedAvatarTypeEnum(StrEnum):
    DEFAULT = "DEFAULT"
    WIDGET = "WIDGET"

    def __str__(self) -> str:
        return str(self.value)
