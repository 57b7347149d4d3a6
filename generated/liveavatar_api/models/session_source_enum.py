from enum import StrEnum


class SessionSourceEnum(StrEnum):
    API = "API"
    APP = "APP"
    DEMO = "DEMO"
    EMBED = "EMBED"

    def __str__(self) -> str:
        return str(self.value)
