"""The catalog's fixed facts: the languages sessions speak, the voice providers a secret binds.

Avatars, voices and memories are objects of the resource engine (`resources.catalog` holds
their behaviour).
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["LANGUAGES", "VOICE_PROVIDERS"]

# What GET /v1/languages answers: (ISO 639-1 code, display name).
LANGUAGES: tuple[tuple[str, str], ...] = (
    ("ar", "Arabic"),
    ("bg", "Bulgarian"),
    ("cs", "Czech"),
    ("da", "Danish"),
    ("de", "German"),
    ("el", "Greek"),
    ("en", "English"),
    ("es", "Spanish"),
    ("fi", "Finnish"),
    ("fil", "Filipino"),
    ("fr", "French"),
    ("he", "Hebrew"),
    ("hi", "Hindi"),
    ("hr", "Croatian"),
    ("hu", "Hungarian"),
    ("id", "Indonesian"),
    ("it", "Italian"),
    ("ja", "Japanese"),
    ("ko", "Korean"),
    ("ms", "Malay"),
    ("nl", "Dutch"),
    ("no", "Norwegian"),
    ("pl", "Polish"),
    ("pt", "Portuguese"),
    ("ro", "Romanian"),
    ("ru", "Russian"),
    ("sk", "Slovak"),
    ("sv", "Swedish"),
    ("ta", "Tamil"),
    ("th", "Thai"),
    ("tr", "Turkish"),
    ("uk", "Ukrainian"),
    ("vi", "Vietnamese"),
    ("zh", "Chinese"),
)
_LANGUAGE_CODES = frozenset(code for code, _ in LANGUAGES)

# Which secret type can bind a voice of which provider (the guides name ElevenLabs only).
VOICE_PROVIDERS: Mapping[str, str] = {"ELEVENLABS_API_KEY": "elevenLabs"}
