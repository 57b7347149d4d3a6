from enum import StrEnum


class GeminiRealtimeModelEnum(StrEnum):
    GEMINI_2_5_FLASH_NATIVE_AUDIO_PREVIEW_12_2025 = (
        "gemini-2.5-flash-native-audio-preview-12-2025"
    )
    GEMINI_3_1_FLASH_LIVE_PREVIEW = "gemini-3.1-flash-live-preview"

    def __str__(self) -> str:
        return str(self.value)
