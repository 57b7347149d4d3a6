from enum import StrEnum


class SecretTypeEnum(StrEnum):
    ELEVENLABS_API_KEY = "ELEVENLABS_API_KEY"
    GEMINI_API_KEY = "GEMINI_API_KEY"
    OPENAI_API_KEY = "OPENAI_API_KEY"

    def __str__(self) -> str:
        return str(self.value)
