"""The LITE socket's wire: frames in (parsed and checked as the AsyncAPI document's models),
events and close codes out.

A frame that cannot be served becomes an `error` event (`ProtocolError`) and the socket goes
on; only the close codes of the document's `x-close-codes` ever end it.
"""

from __future__ import annotations

import binascii
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pydantic_core
from liveavatar_models.realtime import AgentSpeak, Command
from pydantic import TypeAdapter, ValidationError

from liveavatar_server._avatar import Event, new_event_id

__all__ = [
    "CLOSE_ENDED",
    "CLOSE_NOT_FOUND",
    "CLOSE_NOT_LITE",
    "CLOSE_NOT_RUNNING",
    "CLOSE_SERVER_ERROR",
    "CLOSE_UNAUTHORIZED",
    "MAX_FRAME_BYTES",
    "Frame",
    "ProtocolError",
    "error_event",
    "parse_frame",
    "state_event",
    "warning_event",
]

# The document's close codes (`info.x-close-codes`).
CLOSE_ENDED = 1000
CLOSE_SERVER_ERROR = 1011
CLOSE_UNAUTHORIZED = 4001
CLOSE_NOT_FOUND = 4004
CLOSE_NOT_RUNNING = 4009
CLOSE_NOT_LITE = 4010

MAX_FRAME_BYTES = 1_000_000  # "Max 1MB per packet"
_COMMAND: TypeAdapter[Command] = TypeAdapter(Command)


class ProtocolError(Exception):
    """A frame that cannot be served: answered with an `error` event of ``kind``."""

    def __init__(self, kind: str, message: str, event_id: str | None = None) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.event_id = event_id


@dataclass(frozen=True)
class Frame:
    """One command: its type, its event id (the caller's, or one made up) and its audio."""

    type: str
    event_id: str
    audio: bytes = b""


def _event_id_of(document: object) -> str | None:
    if isinstance(document, dict):
        given = document.get("event_id")
        if isinstance(given, str) and 0 < len(given) <= 200:
            return given
    return None


def _describe(exc: ValidationError) -> str:
    """The first validation error as `field: message`, never echoing the input (audio)."""
    first = exc.errors(include_input=False, include_url=False)[0]
    where = ".".join(str(part) for part in first["loc"][1:]) or "frame"
    return f"{where}: {first['msg']}"


def parse_frame(message: Mapping[str, Any]) -> Frame:
    """The command of one ASGI `websocket.receive` message, or ProtocolError."""
    text = message.get("text")
    if text is None:
        raise ProtocolError(
            "invalid_request_error", "binary frames are not accepted: send JSON text"
        )
    if len(text) > MAX_FRAME_BYTES:
        raise ProtocolError(
            "invalid_request_error", f"frame exceeds {MAX_FRAME_BYTES} bytes (1 MB)"
        )
    try:
        document = pydantic_core.from_json(text)
    except ValueError:
        raise ProtocolError("invalid_request_error", "frame is not JSON") from None
    event_id = _event_id_of(document)
    if not isinstance(document, dict):
        raise ProtocolError("invalid_request_error", "frame is not a JSON object")
    kind = document.get("type")
    if not isinstance(kind, str):
        raise ProtocolError("invalid_request_error", "frame has no string `type`", event_id)
    try:
        command = _COMMAND.validate_python(document).root
    except ValidationError as exc:
        if any(error["type"] == "union_tag_invalid" for error in exc.errors()):
            raise ProtocolError(
                "unknown_command", f"unknown command type {kind[:100]!r}", event_id
            ) from None
        raise ProtocolError("invalid_request_error", _describe(exc), event_id) from None
    event_id = command.event_id
    if not isinstance(command, AgentSpeak):
        return Frame(command.type, event_id or new_event_id())
    try:
        audio = binascii.a2b_base64(command.audio, strict_mode=True)
    except binascii.Error:
        raise ProtocolError("invalid_request_error", "audio is not base64", event_id) from None
    if len(audio) % 2:
        raise ProtocolError(
            "invalid_request_error",
            "audio is not a whole number of 16-bit samples (odd byte count)",
            event_id,
        )
    return Frame(command.type, event_id or new_event_id(), audio)


def error_event(exc: ProtocolError) -> Event:
    return {
        "type": "error",
        "event_id": new_event_id(),
        "error": {"type": exc.kind, "message": exc.message, "event_id": exc.event_id},
    }


def warning_event(kind: str, message: str, event_id: str | None) -> Event:
    return {
        "type": "warning",
        "event_id": new_event_id(),
        "warning": {"type": kind, "message": message, "event_id": event_id},
    }


def state_event(state: str, reason: str | None = None) -> Event:
    event: Event = {"type": "session.state_updated", "event_id": new_event_id(), "state": state}
    if reason is not None:
        event["reason"] = reason
    return event
