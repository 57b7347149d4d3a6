"""The realtime suite: any server's LITE socket judged against the AsyncAPI document.

A hypothesis state machine sends random sequences of commands (speak, speak_end, interrupt,
listening, keep-alive, bad frames) on a fresh sandbox LITE session per example, then stops the
session, and holds the socket to these invariants (each a `Violation` named after it):

- `connected-first`: `session.state_updated` `connected` before any other event;
- `event-schema`: every event is one of the document's `Event` payloads;
- `speak-paired`: every `agent.speak_started` closed by exactly one `agent.speak_ended` or
  `agent.speak_interrupted` with its `event_id`, never before it, and every committed turn
  that was not interrupted spoken to its end;
- `event-id-echoed`: `agent.speak_started` carries the `event_id` of its turn's first
  `agent.speak`;
- `bad-frame-answered`: each bad frame answered by an `error` event, the socket still open;
- `keep-alive-accepted`: `session.keep_alive` answered by no error, the session still running;
- `stop-closes`: `POST /v1/sessions/stop` brings `closing`, `closed` and close code 1000.
"""

from __future__ import annotations

import base64
import contextlib
import json
import time
import uuid
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import httpx
import jsonschema_rs
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    rule,
    run_state_machine_as_test,
)
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

__all__ = ["INVARIANTS", "Document", "Target", "Violation", "judge"]

INVARIANTS = (
    "connected-first",
    "event-schema",
    "speak-paired",
    "event-id-echoed",
    "bad-frame-answered",
    "keep-alive-accepted",
    "stop-closes",
)
SANDBOX_AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"  # the docs' sandbox avatar
BYTES_PER_SECOND = 48_000
ANSWER_TIMEOUT = 3.0


class Violation(AssertionError):
    """A broken invariant of the socket."""

    def __init__(self, invariant: str, detail: str) -> None:
        super().__init__(f"[{invariant}] {detail}")
        self.invariant = invariant
        self.detail = detail


class Document:
    """The AsyncAPI document `liveavatar_models` ships, and validators of its frames."""

    def __init__(self, document: dict[str, Any] | None = None) -> None:
        if document is None:
            text = resources.files("liveavatar_models").joinpath("realtime.asyncapi.json")
            document = json.loads(text.read_text(encoding="utf-8"))
        assert document is not None
        self.document = document
        self.schemas: dict[str, Any] = document["components"]["schemas"]
        self._event = jsonschema_rs.Draft202012Validator(
            {**document, "$ref": "#/components/schemas/Event"}
        )
        self.audio_limit = int(self.schemas["AgentSpeak"]["properties"]["audio"]["maxLength"])
        self.close_codes = {int(code) for code in document["info"].get("x-close-codes", {})}

    def event_errors(self, event: object) -> list[str]:
        return [error.message[:200] for error in self._event.iter_errors(event)]


@dataclass(frozen=True)
class Target:
    """The server to judge: its base URL, an API key of a space, the avatar to start."""

    url: str
    api_key: str
    avatar_id: str = SANDBOX_AVATAR
    # Seconds the server takes at most to play one second of audio (1 for real time).
    playback_factor: float = 1.0


def _bad_frames(limit: int) -> dict[str, str | bytes]:
    """Frames the document refuses, by name."""
    return {
        "not-json": "{not json",
        "not-an-object": "[1, 2, 3]",
        "unknown-type": json.dumps({"type": "agent.moonwalk", "event_id": "bad-unknown"}),
        "audio-not-base64": json.dumps(
            {"type": "agent.speak", "event_id": "bad-b64", "audio": "%%not base64%%"}
        ),
        "audio-odd-bytes": json.dumps(
            {
                "type": "agent.speak",
                "event_id": "bad-odd",
                "audio": base64.b64encode(b"\x00").decode(),
            }
        ),
        "audio-over-limit": json.dumps(
            {"type": "agent.speak", "event_id": "bad-big", "audio": "A" * (limit + 4)}
        ),
        "binary": b"\x00\x01\x02",
    }


@dataclass
class _Turn:
    event_id: str
    audio_bytes: int = 0
    committed: bool = False
    interrupted: bool = False


@dataclass
class Log:
    """What one socket said and what was sent on it."""

    events: list[dict[str, Any]] = field(default_factory=list)
    turns: list[_Turn] = field(default_factory=list)
    bad_frames: list[str] = field(default_factory=list)
    errors_seen: int = 0
    close_code: int | None = None

    def open_turn(self) -> _Turn | None:
        last = self.turns[-1] if self.turns else None
        return last if last is not None and not last.committed and not last.interrupted else None


class Socket:
    """A connected LITE socket, read into its `Log`."""

    def __init__(self, ws: ClientConnection, log: Log) -> None:
        self.ws = ws
        self.log = log

    def send(self, frame: str | bytes) -> None:
        try:
            self.ws.send(frame)
        except ConnectionClosed as exc:
            self._closed(exc)

    def _closed(self, exc: ConnectionClosed) -> None:
        self.log.close_code = exc.rcvd.code if exc.rcvd is not None else 1006

    def pump(self, seconds: float, until: Any = None) -> bool:
        """Read events for ``seconds`` (or until ``until(log)`` holds); False once closed."""
        deadline = time.monotonic() + seconds
        while self.log.close_code is None:
            if until is not None and until(self.log):
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return until is None
            try:
                frame = self.ws.recv(timeout=left)
            except TimeoutError:
                continue
            except ConnectionClosed as exc:
                self._closed(exc)
                break
            try:
                event = json.loads(frame)
            except (TypeError, ValueError):
                event = {"type": None, "unparsed": str(frame)[:200]}
            self.log.events.append(event)
            if isinstance(event, dict) and event.get("type") == "error":
                self.log.errors_seen += 1
        return until is not None and until(self.log)


def _data(response: httpx.Response) -> Any:
    if not 200 <= response.status_code < 300:
        raise Violation("session", f"{response.request.url.path} answered {response.status_code}")
    return response.json().get("data")


def judge(log: Log, document: Document, *, final: bool) -> None:
    """Raise Violation for the first invariant ``log`` breaks (``final``: after the stop)."""
    events = log.events
    first_other = next(
        (i for i, e in enumerate(events) if e.get("type") != "session.state_updated"), len(events)
    )
    states = [e.get("state") for e in events[:first_other]]
    if first_other < len(events) and "connected" not in states:
        kind = events[first_other].get("type")
        raise Violation("connected-first", f"{kind!r} came before `connected`")
    for event in events:
        errors = document.event_errors(event)
        if errors:
            raise Violation("event-schema", f"{event.get('type')!r}: {errors[0]}")
    first_ids = {turn.event_id for turn in log.turns}
    started: dict[str, int] = {}
    closed: dict[str, int] = {}
    for event in events:
        kind, event_id = event.get("type"), event.get("event_id")
        if kind == "agent.speak_started":
            if event_id not in first_ids:
                raise Violation(
                    "event-id-echoed",
                    f"speak_started {event_id!r} names no turn's first agent.speak",
                )
            if event_id in started:
                raise Violation("speak-paired", f"turn {event_id!r} started twice")
            started[event_id] = 1
        elif kind in ("agent.speak_ended", "agent.speak_interrupted"):
            if event_id not in started:
                raise Violation("speak-paired", f"{kind} {event_id!r} without its speak_started")
            closed[event_id] = closed.get(event_id, 0) + 1
            if closed[event_id] > 1:
                raise Violation("speak-paired", f"turn {event_id!r} ended more than once")
    if len(log.bad_frames) > log.errors_seen:
        missing = log.bad_frames[log.errors_seen]
        raise Violation("bad-frame-answered", f"no error event for the bad frame {missing!r}")
    if not final:
        return
    for turn in log.turns:
        if turn.committed and not turn.interrupted and turn.audio_bytes > 0:
            if turn.event_id not in started:
                raise Violation(
                    "event-id-echoed", f"committed turn {turn.event_id!r} never started"
                )
            if turn.event_id not in closed:
                raise Violation("speak-paired", f"turn {turn.event_id!r} never ended")


class _Machine(RuleBasedStateMachine):
    target: Target
    document: Document
    examples = 0

    def __init__(self) -> None:
        super().__init__()
        type(self).examples += 1
        self.log = Log()
        self.http = httpx.Client(
            base_url=self.target.url, headers={"X-API-KEY": self.target.api_key}, timeout=15
        )
        self.socket: Socket | None = None
        self._stack = contextlib.ExitStack()
        self.bearer: dict[str, str] = {}
        self.session_id = ""
        self.bad = _bad_frames(self.document.audio_limit)

    @initialize()
    def open_socket(self) -> None:
        body = {"mode": "LITE", "avatar_id": self.target.avatar_id, "is_sandbox": True}
        created = _data(self.http.post("/v1/sessions/token", json=body))
        self.session_id = created["session_id"]
        self.bearer = {"Authorization": f"Bearer {created['session_token']}"}
        started = _data(self.http.post("/v1/sessions/start", headers=self.bearer, json={}))
        ws_url = started.get("ws_url")
        if not isinstance(ws_url, str):
            raise Violation("session", "a started LITE session has no ws_url")
        ws = self._stack.enter_context(connect(ws_url, open_timeout=10, max_size=4 * 1024 * 1024))
        self.socket = Socket(ws, self.log)

        def is_connected(log: Log) -> bool:
            return any(e.get("state") == "connected" for e in log.events)

        if not self.socket.pump(ANSWER_TIMEOUT, is_connected):
            raise Violation("connected-first", "no `connected` within the answer timeout")

    @property
    def live(self) -> Socket:
        assert self.socket is not None
        if self.log.close_code is not None:
            raise Violation(
                "bad-frame-answered" if self.log.bad_frames else "stop-closes",
                f"the socket closed ({self.log.close_code}) before the session was stopped",
            )
        return self.socket

    def _stop_body(self) -> dict[str, str]:
        return {"session_id": self.session_id, "reason": "USER_CLOSED"}

    def _command(self, kind: str) -> str:
        event_id = f"{kind}-{uuid.uuid4().hex[:8]}"
        self.live.send(json.dumps({"type": kind, "event_id": event_id}))
        return event_id

    @rule(samples=st.integers(min_value=1, max_value=6_000))
    def speak(self, samples: int) -> None:
        event_id = f"speak-{uuid.uuid4().hex[:8]}"
        audio = b"\x01\x00" * samples
        turn = self.log.open_turn()
        if turn is None:
            turn = _Turn(event_id)
            self.log.turns.append(turn)
        turn.audio_bytes += len(audio)
        frame = {
            "type": "agent.speak",
            "event_id": event_id,
            "audio": base64.b64encode(audio).decode(),
        }
        self.live.send(json.dumps(frame))
        self.live.pump(0.02)

    @rule()
    def speak_end(self) -> None:
        turn = self.log.open_turn()
        if turn is not None:
            turn.committed = True
        self._command("agent.speak_end")
        self.live.pump(0.02)

    @rule()
    def interrupt(self) -> None:
        for turn in self.log.turns:
            turn.interrupted = turn.interrupted or not self._spoken(turn)
        self._command("agent.interrupt")
        self.live.pump(0.05)

    def _spoken(self, turn: _Turn) -> bool:
        return any(
            e.get("type") == "agent.speak_ended" and e.get("event_id") == turn.event_id
            for e in self.log.events
        )

    @rule(listening=st.booleans())
    def listen(self, listening: bool) -> None:
        self._command("agent.start_listening" if listening else "agent.stop_listening")
        self.live.pump(0.02)

    @rule()
    def keep_alive(self) -> None:
        errors = self.log.errors_seen
        self._command("session.keep_alive")
        self.live.pump(0.1)
        if self.log.errors_seen > errors:
            raise Violation("keep-alive-accepted", "session.keep_alive was answered by an error")
        if self.log.close_code is not None:
            raise Violation("keep-alive-accepted", "the socket closed after a keep-alive")

    @rule(name=st.sampled_from(sorted(_bad_frames(1))))
    def bad_frame(self, name: str) -> None:
        self.log.bad_frames.append(name)
        self.live.send(self.bad[name])
        wanted = len(self.log.bad_frames)
        self.live.pump(ANSWER_TIMEOUT, lambda log: log.errors_seen >= wanted)

    @invariant()
    def holds(self) -> None:
        judge(self.log, self.document, final=False)

    def teardown(self) -> None:
        try:
            if self.socket is not None and self.log.close_code is None:
                self._finish()
        finally:
            self._stack.close()
            if self.bearer:
                self.http.post("/v1/sessions/stop", headers=self.bearer, json=self._stop_body())
            self.http.close()

    def _finish(self) -> None:
        # Whatever the sequence drew, every example ends with one of each probe.
        self.keep_alive()
        self.bad_frame("unknown-type")
        socket = self.live
        turn = self.log.open_turn()
        if turn is not None:
            turn.committed = True
            self._command("agent.speak_end")
        pending = sum(t.audio_bytes for t in self.log.turns if not t.interrupted)
        playback = pending / BYTES_PER_SECOND * self.target.playback_factor + ANSWER_TIMEOUT

        def all_over(log: Log) -> bool:
            return all(
                t.interrupted or not t.committed or t.audio_bytes == 0 or self._spoken(t)
                for t in log.turns
            )

        socket.pump(playback, all_over)
        judge(self.log, self.document, final=True)
        _data(self.http.post("/v1/sessions/stop", headers=self.bearer, json=self._stop_body()))
        self.bearer = {}

        def closed(log: Log) -> bool:
            return log.close_code is not None

        socket.pump(ANSWER_TIMEOUT, closed)
        judge(self.log, self.document, final=True)  # what came up to the close, too
        states = [
            e.get("state") for e in self.log.events if e.get("type") == "session.state_updated"
        ]
        if states[-2:] != ["closing", "closed"]:
            raise Violation("stop-closes", f"after the stop the states were {states[-3:]}")
        if self.log.close_code != 1000:
            raise Violation(
                "stop-closes", f"after the stop the close code was {self.log.close_code}"
            )


@dataclass(frozen=True)
class Outcome:
    """The run: how many examples ran, and the violation that stopped it (None: all held)."""

    examples: int
    violation: Violation | None


def run(target: Target, *, max_examples: int = 10, steps: int = 12) -> Outcome:
    """Run the state machine against ``target`` (no shrinking: each example costs a session)."""

    class Machine(_Machine):
        pass

    Machine.target = target
    Machine.document = Document()
    configured = settings(
        max_examples=max_examples,
        stateful_step_count=steps,
        deadline=None,
        derandomize=True,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    try:
        run_state_machine_as_test(Machine, settings=configured)
    except Violation as exc:
        return Outcome(Machine.examples, exc)
    return Outcome(Machine.examples, None)
