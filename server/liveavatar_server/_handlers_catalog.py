"""The catalog's operations the resource engine has no role for: the public avatar list, a
third-party voice import, a voice's preview, and the languages. The roles themselves (list,
get, update, delete of avatars and voices; memory) are the engine's (`resources.catalog`).
"""

from __future__ import annotations

import base64
import io
import math
import struct
import wave
from functools import lru_cache
from typing import Any

import liveavatar_models as models
from liveavatar_models.server_stubs import AvatarsStub, LanguagesStub, VoicesStub

from liveavatar_server import _catalog as catalog
from liveavatar_server._errors import ApiError
from liveavatar_server.resources import Call


def _engine(ctx: Call) -> Any:
    assert ctx.engine is not None, "the catalog's handlers run beside the resource engine"
    return ctx.engine


class Avatars(AvatarsStub[Call]):
    """The public avatars, one page (the space's own list is the engine's list role)."""

    def list_public(
        self, ctx: Call, /, *, page: int = 1, page_size: int = 20
    ) -> models.PaginatedResponseAvatarSchema:
        engine = _engine(ctx)
        avatars = engine.resource("avatars")
        answer = engine.list(avatars, ctx, {"page": page, "page_size": page_size}, public=True)
        return models.PaginatedResponseAvatarSchema.model_validate(answer)


@lru_cache(maxsize=1)
def _preview_audio() -> str:
    """A 0.4 s 440 Hz tone as a 16 kHz mono WAV, base64: a real, playable sample."""
    rate, seconds = 16_000, 0.4
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
        for i in range(int(rate * seconds))
    )
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(frames)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


class Voices(VoicesStub[Call]):
    """A third-party voice bound with a secret of the space; a voice's preview."""

    def bind_third_party(
        self, ctx: Call, /, *, body: models.ThirdPartyVoiceBindRequestSchema
    ) -> models.ThirdPartyVoiceBindResponseSchema:
        engine = _engine(ctx)
        secret = engine.find(ctx.store, "secret", ctx.space_id, body.secret_id)
        if secret is None:
            raise ApiError(400, "secret_id is not a secret of your space")
        provider = catalog.VOICE_PROVIDERS.get(str(secret.get("secret_type")))
        if provider is None:
            fits = " or ".join(sorted(catalog.VOICE_PROVIDERS))
            raise ApiError(
                400,
                f"secret_type {secret.get('secret_type')} cannot bind a voice; "
                f"use a secret of type {fits}",
            )
        voice = engine.insert(
            engine.resource("voices"),
            ctx,
            {
                "name": body.name or f"{provider} voice {body.provider_voice_id}",
                "description": f"Third-party {provider} voice {body.provider_voice_id}",
                "language": "multilingual",
                "gender": "unknown",
                "tags": [provider, "third_party"],
                "provider": provider,
                "provider_voice_id": body.provider_voice_id,
                "secret_id": body.secret_id,
            },
        )
        return models.ThirdPartyVoiceBindResponseSchema(voice_id=voice["id"])

    def get_preview(self, ctx: Call, /, *, voice_id: str) -> models.VoicePreviewResponseSchema:
        engine = _engine(ctx)
        engine.get(engine.resource("voices"), ctx, voice_id)  # 404 unless the space reads it
        return models.VoicePreviewResponseSchema(audio_base64=_preview_audio())


class Languages(LanguagesStub[Call]):
    """The languages sessions can speak (no auth)."""

    def get(self, ctx: Call, /) -> list[models.LanguageSchema]:
        return [models.LanguageSchema(language=name, code=code) for code, name in catalog.LANGUAGES]
