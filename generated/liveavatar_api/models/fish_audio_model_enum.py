from enum import StrEnum


class FishAudioModelEnum(StrEnum):
    S1 = "s1"
    S2 = "s2"

    def __str__(self) -> str:
        return str(self.value)
