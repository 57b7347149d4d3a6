"""The avatar of one LITE socket: its playback buffer and pose, on the server's clock.

Pure state: every method takes the clock's reading (seconds) and returns the events it causes,
as dicts ready to send. Audio plays for its duration, bytes / 48,000 s (16-bit samples at
24 kHz) divided by the playback speed. A turn is every `agent.speak` up to `agent.speak_end`:
it starts playing when the turns before it finished (`agent.speak_started`) and ends when its
buffered audio has played and it was committed (`agent.speak_ended`); `agent.interrupt` ends
every turn at once (`agent.speak_interrupted` for those that had started).
"""

from __future__ import annotations

import uuid
from collections import deque
from dataclasses import dataclass
from typing import Any

__all__ = ["BYTES_PER_SECOND", "Avatar"]

BYTES_PER_SECOND = 48_000  # PCM 16-bit mono at 24 kHz
Event = dict[str, Any]


def new_event_id() -> str:
    return str(uuid.uuid4())


def _event(kind: str, source: str | None, **fields: Any) -> Event:
    return {"type": kind, "event_id": new_event_id(), "source_event_id": source, **fields}


@dataclass
class _Turn:
    event_id: str  # the `event_id` of the turn's first `agent.speak`
    task_id: str
    starts_at: float
    ends_at: float  # when the audio buffered so far has played
    committed: bool = False
    started: bool = False


class Avatar:
    """The playback buffer and the pose (idle, listening, talking) of one session's avatar."""

    def __init__(self, speed: float = 1.0) -> None:
        if not speed > 0:
            raise ValueError("playback speed must be positive")
        self.speed = speed
        self.state = "idle"
        # The pose to take when not talking (`agent.start_listening` / `agent.stop_listening`).
        self._rest = "idle"
        self._turns: deque[_Turn] = deque()

    @property
    def open_turn(self) -> _Turn | None:
        """The turn still receiving audio (not committed), if any."""
        last = self._turns[-1] if self._turns else None
        return last if last is not None and not last.committed else None

    def _move(self, state: str, source: str | None) -> list[Event]:
        if state == self.state:
            return []
        previous, self.state = self.state, state
        return [_event("agent.state_updated", source, previous_state=previous, new_state=state)]

    def speak(self, event_id: str, audio_bytes: int, now: float) -> list[Event]:
        """Buffer ``audio_bytes`` of audio; the first `agent.speak` of a turn opens it."""
        seconds = audio_bytes / BYTES_PER_SECOND / self.speed
        turn = self.open_turn
        if turn is None:
            begins = max([now, *(t.ends_at for t in self._turns)])
            turn = _Turn(event_id, new_event_id(), begins, begins)
            self._turns.append(turn)
        # Audio that arrives after the buffer ran dry plays from now on.
        turn.ends_at = max(turn.ends_at, now) + seconds
        appended = _event("agent.audio_buffer_appended", event_id, task={"id": turn.task_id})
        return [appended, *self.advance(now)]

    def speak_end(self, event_id: str, now: float) -> list[Event] | None:
        """Commit the open turn; None when there is none (nothing was spoken since the last)."""
        turn = self.open_turn
        if turn is None:
            return None
        turn.committed = True
        committed = _event("agent.audio_buffer_committed", event_id, task={"id": turn.task_id})
        return [committed, *self.advance(now)]

    def interrupt(self, event_id: str, now: float) -> list[Event]:
        """Clear the buffer: every started turn is interrupted, the rest never plays."""
        events = [
            # The turn's id, as `agent.speak_started` gave it; the source is the interrupt.
            {**self._speak_event("agent.speak_interrupted", turn), "source_event_id": event_id}
            for turn in self._turns
            if turn.started
        ]
        self._turns.clear()
        events.append(_event("agent.audio_buffer_cleared", event_id))
        events.extend(self._move(self._rest, event_id))
        return events

    def listen(self, listening: bool, event_id: str) -> list[Event]:
        """Take the listening (or idle) pose now, or when the current talking ends."""
        self._rest = "listening" if listening else "idle"
        return [] if self.state == "talking" else self._move(self._rest, event_id)

    def advance(self, now: float) -> list[Event]:
        """The events due by ``now``: turns that begin playing, and turns that finished."""
        events: list[Event] = []
        while self._turns:
            turn = self._turns[0]
            if not turn.started:
                if now < turn.starts_at:
                    break
                turn.started = True
                events.extend(self._move("talking", turn.event_id))
                events.append(self._speak_event("agent.speak_started", turn))
            if not turn.committed or now < turn.ends_at:
                break
            self._turns.popleft()
            events.append(self._speak_event("agent.speak_ended", turn))
            if not self._turns or self._turns[0].starts_at > now:
                events.extend(self._move(self._rest, turn.event_id))
        return events

    @staticmethod
    def _speak_event(kind: str, turn: _Turn) -> Event:
        return {
            "type": kind,
            "event_id": turn.event_id,
            "source_event_id": turn.event_id,
            "task": {"id": turn.task_id},
        }

    def next_due(self, now: float) -> float | None:
        """Seconds until `advance` has something to say (None: nothing is scheduled)."""
        if not self._turns:
            return None
        turn = self._turns[0]
        if not turn.started:
            return max(0.0, turn.starts_at - now)
        if turn.committed:
            return max(0.0, turn.ends_at - now)
        return None  # playing, waiting for more audio or its speak_end
