"""What the spec cannot tell about the catalog: avatars, voices and session memories.

Public avatars and voices are objects of no space (seeded by migration 0003, moved by 0007),
read and named by every space; a space changes only its own. A deleted avatar stays, hidden
(sessions may have named it). A memory is made from one FULL-mode session of the space, once.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from liveavatar_server._errors import ApiError
from liveavatar_server._references import FindSession, SessionRecord, find_session
from liveavatar_server._store import now
from liveavatar_server.resources.engine import Behaviour, Call

VOICE_NOT_VISIBLE = "default_voice_id is neither a public voice nor a voice of your space"
PREVIEW_CHARS = 200
# The namespace of memory ids: one memory per (space, session), whoever asks first.
_MEMORY_IDS = uuid.UUID("6c1b5f0e-3d4a-4c55-9a57-6d656d6f7279")


def _engine(call: Call) -> Any:
    assert call.engine is not None, "the catalog's behaviours run inside the resource engine"
    return call.engine


class Avatars(Behaviour):
    """Public (seeded) and the space's own (`liveavatar-server create-avatar`); soft delete."""

    public = True
    soft_delete = True

    def stored(
        self, call: Call, doc: dict[str, Any], current: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        voice = doc.get("default_voice_id")
        unchanged = current is not None and voice == current.get("default_voice_id")
        visible = (
            voice is None
            or unchanged
            or _engine(call).find(call.store, "voice", call.space_id, str(voice))
        )
        if not visible:
            raise ApiError(400, VOICE_NOT_VISIBLE)
        return doc

    def present(self, call: Call, data: dict[str, Any]) -> dict[str, Any]:
        shown = {k: v for k, v in data.items() if v is not None}
        shown.setdefault("is_expired", False)
        shown.setdefault("error_message", "")
        voice_id = data.get("default_voice_id")
        if voice_id is not None:
            voice = _engine(call).find(call.store, "voice", call.space_id, str(voice_id))
            if voice is not None:
                shown["default_voice"] = {"id": voice_id, "name": voice["name"]}
        return shown


class Voices(Behaviour):
    """Public (seeded) voices and the space's private ones (bound third-party voices)."""

    public = True

    def listing(self, call: Call, kwargs: Mapping[str, Any]) -> tuple[bool, str | None]:
        kind = kwargs.get("voice_type", "public")
        return str(getattr(kind, "value", kind)) == "public", None


def summarize(session: SessionRecord) -> str:
    """The memory distilled from a session: what each side said, or that nothing was said."""
    if not session.transcript:
        return f"No conversation was recorded in session {session.session_id}."
    return "\n".join(f"{role}: {text}" for role, text in session.transcript)


def _preview(text: str) -> str:
    return text if len(text) <= PREVIEW_CHARS else text[: PREVIEW_CHARS - 1] + "…"


class Memory(Behaviour):
    """Made from one FULL-mode session of the space (once: the id follows from the session);
    its content is what was said; lists filter on the memory's type."""

    def __init__(self, sessions: FindSession = find_session) -> None:
        self._sessions = sessions

    def stored(
        self, call: Call, doc: dict[str, Any], current: Mapping[str, Any] | None
    ) -> dict[str, Any]:
        if current is not None:
            return doc
        session = self._sessions(call.store, call.space_id, str(doc["session_id"]))
        if session is None:
            raise ApiError(400, "session_id does not name a session of your space")
        if session.mode != "FULL":
            raise ApiError(400, "Memory is created from FULL mode sessions only")
        summary = summarize(session)
        episode = {
            "session_id": session.session_id,
            "sequence_num": 1,
            "summary": summary,
            "created_at": now().isoformat(),
        }
        return {
            **doc,
            "memory_type": "session",
            "memory_content": summary,
            "session_episodes": [episode],
        }

    def ident(self, call: Call, doc: Mapping[str, Any]) -> str | None:
        return str(uuid.uuid5(_MEMORY_IDS, f"{call.space_id}/{doc['session_id']}"))

    def part(self, doc: Mapping[str, Any]) -> str:
        return str(doc.get("memory_type") or "")

    def listing(self, call: Call, kwargs: Mapping[str, Any]) -> tuple[bool, str | None]:
        kind = kwargs.get("type")
        return False, None if kind is None else str(getattr(kind, "value", kind))

    def present(self, call: Call, data: dict[str, Any]) -> dict[str, Any]:
        return {**data, "memory_content_preview": _preview(str(data.get("memory_content", "")))}
