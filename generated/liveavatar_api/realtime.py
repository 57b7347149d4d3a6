"""The LITE-mode socket's frames for the client: attrs classes, no pydantic.

Generated from `overrides/realtime.asyncapi.yaml`; do not edit. Commands are what the caller
sends, events what it receives (`parse_event` turns a decoded frame into one).
"""

from __future__ import annotations

from typing import Any

from attrs import define, field

__all__ = [
    "CLOSE_CODES",
    "COMMAND_TYPES",
    "EVENT_TYPES",
    "LIMITS",
    "SessionStateUpdated",
    "AgentStateUpdated",
    "AgentSpeakStarted",
    "AgentSpeakEnded",
    "AgentSpeakInterrupted",
    "AgentAudioBufferAppended",
    "AgentAudioBufferCommitted",
    "AgentAudioBufferCleared",
    "ErrorEvent",
    "WarningEvent",
    "Event",
    "UnknownEvent",
    "parse_event",
]

# What each close code of the socket means.
CLOSE_CODES: dict[int, str] = {
    1000: "The session ended (stopped, idle timeout, duration limit); `closed` came before.",
    1009: "A frame past the server's hard size limit (16 MiB); up to it, an oversize frame gets an `error` event.",
    1011: "An unexpected server error.",
    1012: "The server is restarting or shutting down.",
    4001: "The URL's credential is missing or invalid.",
    4004: "No such session (or not one of the credential's space).",
    4009: "The session is not running (not started yet, or already ended).",
    4010: "The session is not a LITE session.",
}

# The `type` of every command the socket accepts.
COMMAND_TYPES: frozenset[str] = frozenset(
    {
        "agent.speak",
        "agent.speak_end",
        "agent.interrupt",
        "agent.start_listening",
        "agent.stop_listening",
        "session.keep_alive",
    }
)

# `maxLength` of a command's string field, by command type and field (`agent.speak`'s audio).
LIMITS: dict[str, dict[str, int]] = {
    "agent.interrupt": {
        "event_id": 200,
    },
    "agent.speak": {
        "audio": 1000000,
        "event_id": 200,
    },
    "agent.speak_end": {
        "event_id": 200,
    },
    "agent.start_listening": {
        "event_id": 200,
    },
    "agent.stop_listening": {
        "event_id": 200,
    },
    "session.keep_alive": {
        "event_id": 200,
    },
}


@define(frozen=True, kw_only=True)
class SessionStateUpdated:
    """`session.state_updated`: The session's connection state; wait for `connected`."""

    type: str = field(default="session.state_updated", init=False)
    event_id: str
    state: str
    reason: str | None = None
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionStateUpdated:
        return cls(
            event_id=data["event_id"],
            state=data["state"],
            reason=data.get("reason"),
            raw=data,
        )


@define(frozen=True, kw_only=True)
class AgentStateUpdated:
    """`agent.state_updated`: The avatar's pose changed (idle, listening, talking)."""

    type: str = field(default="agent.state_updated", init=False)
    event_id: str
    previous_state: str
    new_state: str
    source_event_id: str | None = None
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AgentStateUpdated:
        return cls(
            event_id=data["event_id"],
            previous_state=data["previous_state"],
            new_state=data["new_state"],
            source_event_id=data.get("source_event_id"),
            raw=data,
        )


@define(frozen=True, kw_only=True)
class AgentSpeakStarted:
    """`agent.speak_started`: Playback of a turn began."""

    type: str = field(default="agent.speak_started", init=False)
    event_id: str
    task: dict[str, Any]
    source_event_id: str | None = None
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AgentSpeakStarted:
        return cls(
            event_id=data["event_id"],
            task=data["task"],
            source_event_id=data.get("source_event_id"),
            raw=data,
        )


@define(frozen=True, kw_only=True)
class AgentSpeakEnded:
    """`agent.speak_ended`: Playback of a turn ended; always after its `agent.speak_started`."""

    type: str = field(default="agent.speak_ended", init=False)
    event_id: str
    task: dict[str, Any]
    source_event_id: str | None = None
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AgentSpeakEnded:
        return cls(
            event_id=data["event_id"],
            task=data["task"],
            source_event_id=data.get("source_event_id"),
            raw=data,
        )


@define(frozen=True, kw_only=True)
class AgentSpeakInterrupted:
    """`agent.speak_interrupted`: A turn was cut short by `agent.interrupt`."""

    type: str = field(default="agent.speak_interrupted", init=False)
    event_id: str
    task: dict[str, Any]
    source_event_id: str | None = None
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AgentSpeakInterrupted:
        return cls(
            event_id=data["event_id"],
            task=data["task"],
            source_event_id=data.get("source_event_id"),
            raw=data,
        )


@define(frozen=True, kw_only=True)
class AgentAudioBufferAppended:
    """`agent.audio_buffer_appended`: An `agent.speak` frame was buffered."""

    type: str = field(default="agent.audio_buffer_appended", init=False)
    event_id: str
    task: dict[str, Any]
    source_event_id: str | None = None
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AgentAudioBufferAppended:
        return cls(
            event_id=data["event_id"],
            task=data["task"],
            source_event_id=data.get("source_event_id"),
            raw=data,
        )


@define(frozen=True, kw_only=True)
class AgentAudioBufferCommitted:
    """`agent.audio_buffer_committed`: An `agent.speak_end` closed the turn's buffer."""

    type: str = field(default="agent.audio_buffer_committed", init=False)
    event_id: str
    task: dict[str, Any]
    source_event_id: str | None = None
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AgentAudioBufferCommitted:
        return cls(
            event_id=data["event_id"],
            task=data["task"],
            source_event_id=data.get("source_event_id"),
            raw=data,
        )


@define(frozen=True, kw_only=True)
class AgentAudioBufferCleared:
    """`agent.audio_buffer_cleared`: An `agent.interrupt` emptied the buffer."""

    type: str = field(default="agent.audio_buffer_cleared", init=False)
    event_id: str
    source_event_id: str | None = None
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> AgentAudioBufferCleared:
        return cls(
            event_id=data["event_id"],
            source_event_id=data.get("source_event_id"),
            raw=data,
        )


@define(frozen=True, kw_only=True)
class ErrorEvent:
    """`error`: A frame could not be served; the socket stays open."""

    type: str = field(default="error", init=False)
    event_id: str
    error: dict[str, Any]
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ErrorEvent:
        return cls(
            event_id=data["event_id"],
            error=data["error"],
            raw=data,
        )


@define(frozen=True, kw_only=True)
class WarningEvent:
    """`warning`: Something non-fatal the caller should know (a command that changed nothing)."""

    type: str = field(default="warning", init=False)
    event_id: str
    warning: dict[str, Any]
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> WarningEvent:
        return cls(
            event_id=data["event_id"],
            warning=data["warning"],
            raw=data,
        )


@define(frozen=True, kw_only=True)
class UnknownEvent:
    """An event whose `type` this document does not name (or whose fields it could not read)."""

    type: str
    raw: dict[str, Any] = field(factory=dict, repr=False, eq=False)


Event = (
    SessionStateUpdated
    | AgentStateUpdated
    | AgentSpeakStarted
    | AgentSpeakEnded
    | AgentSpeakInterrupted
    | AgentAudioBufferAppended
    | AgentAudioBufferCommitted
    | AgentAudioBufferCleared
    | ErrorEvent
    | WarningEvent
    | UnknownEvent
)

_EVENTS: dict[str, Any] = {
    "session.state_updated": SessionStateUpdated,
    "agent.state_updated": AgentStateUpdated,
    "agent.speak_started": AgentSpeakStarted,
    "agent.speak_ended": AgentSpeakEnded,
    "agent.speak_interrupted": AgentSpeakInterrupted,
    "agent.audio_buffer_appended": AgentAudioBufferAppended,
    "agent.audio_buffer_committed": AgentAudioBufferCommitted,
    "agent.audio_buffer_cleared": AgentAudioBufferCleared,
    "error": ErrorEvent,
    "warning": WarningEvent,
}

# The `type` of every event the socket sends.
EVENT_TYPES: frozenset[str] = frozenset(_EVENTS)


def parse_event(data: dict[str, Any]) -> Event:
    """The typed event of a decoded frame; an unknown or malformed one as `UnknownEvent`."""
    kind = data.get("type")
    cls = _EVENTS.get(kind) if isinstance(kind, str) else None
    if cls is None:
        return UnknownEvent(type=str(kind), raw=data)
    try:
        event: Event = cls.from_dict(data)
    except (KeyError, TypeError):
        return UnknownEvent(type=str(kind), raw=data)
    return event
