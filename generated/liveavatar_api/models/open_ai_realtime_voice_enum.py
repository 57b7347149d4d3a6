from enum import StrEnum


class OpenAIRealtimeVoiceEnum(StrEnum):
    ALLOY = "alloy"
    ASH = "ash"
    BALLAD = "ballad"
    CEDAR = "cedar"
    CORAL = "coral"
    ECHO = "echo"
    FABLE = "fable"
    MARIN = "marin"
    NOVA = "nova"
    ONYX = "onyx"
    SAGE = "sage"
    SHIMMER = "shimmer"
    VERSE = "verse"

    def __str__(self) -> str:
        return str(self.value)
