from enum import StrEnum


class FishAudioVoiceSettingsLatencyMode(StrEnum):
    BALANCED = "balanced"
    NORMAL = "normal"

    def __str__(self) -> str:
        return str(self.value)
