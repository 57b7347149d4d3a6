from enum import StrEnum


class AvatarStatusEnum(StrEnum):
    ACTIVE = "ACTIVE"
    DEPLOYING = "DEPLOYING"
    FAILED = "FAILED"
    INIT = "INIT"

    def __str__(self) -> str:
        return str(self.value)
