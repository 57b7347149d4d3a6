from enum import StrEnum


class STTProviderEnum(StrEnum):
    ASSEMBLY_AI = "assembly_ai"
    DEEPGRAM = "deepgram"
    ELEVENLABS = "elevenlabs"
    GLADIA = "gladia"

    def __str__(self) -> str:
        return str(self.value)
