"""Handlers of the catalog resources: avatars, voices, contexts, memory and languages.

Public avatars and voices are readable by every space; a space changes only its own. Ids of
another space answer exactly like unknown ones (404).
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
from liveavatar_models.server_stubs import (
    AvatarsStub,
    LanguagesStub,
    MemoryStub,
    VoicesStub,
)

from liveavatar_server import _catalog as catalog
from liveavatar_server._errors import ApiError
from liveavatar_server._pagination import Page
from liveavatar_server._references import FindSession, find_session
from liveavatar_server._store import Row
from liveavatar_server.resources import Call

_PREVIEW_CHARS = 200


def _not_found(kind: str) -> ApiError:
    return ApiError(404, f"{kind} not found")


def _links(ctx: Call, page: Page, count: int) -> dict[str, str]:
    """`next`/`previous` when they exist; the spec types them as strings, so never null."""
    following, preceding = page.links(count)
    found = {}
    if following is not None:
        found["next"] = following
    if preceding is not None:
        found["previous"] = preceding
    return found


# --- avatars ----------------------------------------------------------------------------------


def _avatar(row: Row) -> models.AvatarSchema:
    fields: dict[str, Any] = {
        "id": row["id"],
        "type": row["type"],
        "status": row["status"],
        "name": row["name"],
        "is_expired": False,
        "is_1080p": bool(row["is_1080p"]),
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "error_message": row["error_message"] or "",
    }
    if row["space_id"] is not None:
        fields["space_id"] = row["space_id"]
    if row["preview_url"] is not None:
        fields["preview_url"] = row["preview_url"]
    if row["default_voice_name"] is not None:
        fields["default_voice"] = models.DefaultAvatarVoice(
            id=row["default_voice_id"], name=row["default_voice_name"]
        )
    return models.AvatarSchema(**fields)


def _avatar_page(
    ctx: Call, listing: catalog.Listing, page: int, page_size: int
) -> models.PaginatedResponseAvatarSchema:
    where = Page(ctx.url, page, page_size)
    count, rows = listing.read(ctx.store, {"space_id": ctx.space_id}, where)
    return models.PaginatedResponseAvatarSchema(
        count=count, results=[_avatar(row) for row in rows], **_links(ctx, where, count)
    )


VOICE_NOT_VISIBLE = "default_voice_id is neither a public voice nor a voice of your space"


class Avatars(AvatarsStub[Call]):
    """Public avatars (seeded) and the space's own (made by `liveavatar-server create-avatar`)."""

    def list(
        self, ctx: Call, /, *, page: int = 1, page_size: int = 20
    ) -> models.PaginatedResponseAvatarSchema:
        return _avatar_page(ctx, catalog.SPACE_AVATARS, page, page_size)

    def list_public(
        self, ctx: Call, /, *, page: int = 1, page_size: int = 20
    ) -> models.PaginatedResponseAvatarSchema:
        return _avatar_page(ctx, catalog.PUBLIC_AVATARS, page, page_size)

    def get(self, ctx: Call, /, *, avatar_id: str) -> models.AvatarSchema:
        row = catalog.get_avatar(ctx.store, ctx.space_id, avatar_id)
        if row is None:
            raise _not_found("Avatar")
        return _avatar(row)

    def update(
        self, ctx: Call, /, *, body: models.UpdateAvatarSchema, avatar_id: str
    ) -> models.AvatarSchema:
        try:
            row = catalog.update_avatar(
                ctx.store, ctx.space_id, avatar_id, body.model_dump(exclude_unset=True)
            )
        except catalog.UnknownVoice:
            raise ApiError(400, VOICE_NOT_VISIBLE) from None
        if row is None:
            raise _not_found("Avatar")
        return _avatar(row)

    def delete(self, ctx: Call, /, *, avatar_id: str) -> Any:
        if not catalog.delete_avatar(ctx.store, ctx.space_id, avatar_id):
            raise _not_found("Avatar")
        return None


# --- voices -----------------------------------------------------------------------------------


def _voice(row: Row) -> models.VoiceSchema:
    fields: dict[str, Any] = {
        "id": row["id"],
        "name": row["name"],
        "language": row["language"],
        "gender": row["gender"],
        "created_at": row["created_at"],
        "updated_at": row["updated_at"],
        "tags": catalog.voice_tags(row),
    }
    if row["description"] is not None:
        fields["description"] = row["description"]
    return models.VoiceSchema(**fields)


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
    """Public voices (seeded) and the space's private ones (bound third-party voices)."""

    def list(
        self,
        ctx: Call,
        /,
        *,
        page: int = 1,
        page_size: int = 20,
        voice_type: models.VoiceListTypeEnum = models.VoiceListTypeEnum.public,
    ) -> models.PaginatedResponseVoiceSchema:
        kind = models.VoiceListTypeEnum(voice_type)
        listing = (
            catalog.PUBLIC_VOICES
            if kind is models.VoiceListTypeEnum.public
            else catalog.SPACE_VOICES
        )
        where = Page(ctx.url, page, page_size)
        count, rows = listing.read(ctx.store, {"space_id": ctx.space_id}, where)
        return models.PaginatedResponseVoiceSchema(
            count=count, results=[_voice(row) for row in rows], **_links(ctx, where, count)
        )

    def bind_third_party(
        self, ctx: Call, /, *, body: models.ThirdPartyVoiceBindRequestSchema
    ) -> models.ThirdPartyVoiceBindResponseSchema:
        try:
            voice_id = catalog.bind_voice(
                ctx.store, ctx.space_id, body.provider_voice_id, body.secret_id, body.name
            )
        except catalog.SecretUnfit as exc:
            raise ApiError(400, str(exc)) from None
        return models.ThirdPartyVoiceBindResponseSchema(voice_id=voice_id)

    def get(self, ctx: Call, /, *, voice_id: str) -> models.VoiceSchema:
        row = catalog.get_voice(ctx.store, ctx.space_id, voice_id)
        if row is None:
            raise _not_found("Voice")
        return _voice(row)

    def update(
        self, ctx: Call, /, *, body: models.UpdateVoiceSchema, voice_id: str
    ) -> models.VoiceSchema:
        row = catalog.rename_voice(ctx.store, ctx.space_id, voice_id, body.name)
        if row is None:
            raise _not_found("Voice")
        return _voice(row)

    def delete(self, ctx: Call, /, *, voice_id: str) -> None:
        if not catalog.delete_voice(ctx.store, ctx.space_id, voice_id):
            raise _not_found("Voice")

    def get_preview(self, ctx: Call, /, *, voice_id: str) -> models.VoicePreviewResponseSchema:
        if not catalog.voice_exists(ctx.store, ctx.space_id, voice_id):
            raise _not_found("Voice")
        return models.VoicePreviewResponseSchema(audio_base64=_preview_audio())


# --- memory -----------------------------------------------------------------------------------


def _preview(text: str) -> str:
    return text if len(text) <= _PREVIEW_CHARS else text[: _PREVIEW_CHARS - 1] + "…"


class Memory(MemoryStub[Call]):
    """Session memories of the caller's space, created from one of its FULL-mode sessions."""

    def __init__(self, sessions: FindSession = find_session) -> None:
        self._sessions = sessions

    def list(
        self,
        ctx: Call,
        /,
        *,
        type: models.MemoryTypeEnum | None = None,
        page: int = 1,
        page_size: int = 20,
    ) -> models.PaginatedResponseMemoryListItemResponse:
        where = Page(ctx.url, page, page_size)
        values: dict[str, Any] = {"space_id": ctx.space_id}
        listing = catalog.SPACE_MEMORIES
        if type is not None:
            listing = catalog.SPACE_MEMORIES_OF_TYPE
            values["memory_type"] = models.MemoryTypeEnum(type).value
        count, rows = listing.read(ctx.store, values, where)
        return models.PaginatedResponseMemoryListItemResponse(
            count=count,
            results=[
                models.MemoryListItemResponse(
                    id=row["id"],
                    memory_type=row["memory_type"],
                    memory_content_preview=_preview(row["content"]),
                    created_at=row["created_at"],
                    updated_at=row["updated_at"],
                )
                for row in rows
            ],
            **_links(ctx, where, count),
        )

    def create(self, ctx: Call, /, *, body: models.CreateSessionMemory) -> models.MemoryResponse:
        session = self._sessions(ctx.store, ctx.space_id, str(body.session_id))
        if session is None:
            raise ApiError(400, "session_id does not name a session of your space")
        if session.mode != "FULL":
            raise ApiError(400, "Memory is created from FULL mode sessions only")
        row = catalog.memory_from_session(ctx.store, ctx.space_id, session)

        return models.MemoryResponse(
            id=row["id"],
            memory_type=row["memory_type"],
            memory_content=row["content"],
            created_at=row["created_at"],
        )

    def get(self, ctx: Call, /, *, memory_id: str) -> models.MemoryWithEpisodesResponse:
        found = catalog.get_memory(ctx.store, ctx.space_id, memory_id)
        if found is None:
            raise _not_found("Memory")
        row, episodes = found
        return models.MemoryWithEpisodesResponse(
            id=row["id"],
            memory_type=row["memory_type"],
            memory_content=row["content"],
            session_episodes=[models.MemoryEpisodeSchema(**episode) for episode in episodes],
            created_at=row["created_at"],
            updated_at=row["updated_at"],
        )

    def delete(self, ctx: Call, /, *, memory_id: str) -> None:
        if not catalog.delete_memory(ctx.store, ctx.space_id, memory_id):
            raise _not_found("Memory")


# --- languages --------------------------------------------------------------------------------


class Languages(LanguagesStub[Call]):
    """The languages sessions can speak (no auth)."""

    def get(self, ctx: Call, /) -> list[models.LanguageSchema]:
        return [models.LanguageSchema(language=name, code=code) for code, name in catalog.LANGUAGES]
