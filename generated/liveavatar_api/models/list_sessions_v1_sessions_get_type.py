from enum import StrEnum


class ListSessionsV1SessionsGetType(StrEnum):
    ACTIVE = "active"
    HISTORIC = "historic"

    def __str__(self) -> str:
        return str(self.value)
