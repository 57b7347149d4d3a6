"""The LITE socket at `ws_url`: admission, the state machine on the store's clock, bad frames, end."""

from __future__ import annotations

import base64
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from liveavatar_server import Store
from liveavatar_server._clock import MovableClock
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import ClientConnection, connect

from tests.server.conftest import Tenant

AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
LITE = {"mode": "LITE", "avatar_id": AVATAR, "is_sandbox": True}
ONE_SECOND = b"\x01\x00" * 24_000  # 16-bit mono 24 kHz


def _data(response: httpx.Response, status: int = 200) -> Any:
    assert response.status_code == status, response.text
    return response.json()["data"]


def start_lite(
    tenant: Tenant, body: dict[str, Any] | None = None
) -> tuple[str, str, dict[str, str]]:
    """A started LITE session: its id, its `ws_url` and the bearer header."""
    created = _data(tenant.http.post("/v1/sessions/token", json=body or LITE))
    bearer = {"Authorization": f"Bearer {created['session_token']}"}
    started = _data(
        httpx.post(f"{tenant.http.base_url}/v1/sessions/start", headers=bearer, json={}), 201
    )
    return created["session_id"], started["ws_url"], bearer


def receive(ws: ClientConnection, timeout: float = 5) -> dict[str, Any]:
    frame = ws.recv(timeout=timeout)
    assert isinstance(frame, str)
    event: dict[str, Any] = json.loads(frame)
    return event


def until(ws: ClientConnection, kind: str, timeout: float = 5) -> list[dict[str, Any]]:
    """Every event up to and including the first of ``kind``."""
    seen = []
    deadline = time.monotonic() + timeout
    while True:
        event = receive(ws, max(0.01, deadline - time.monotonic()))
        seen.append(event)
        if event["type"] == kind:
            return seen


@contextmanager
def connected(ws_url: str) -> Iterator[ClientConnection]:
    with connect(ws_url, open_timeout=5) as ws:
        states = [receive(ws)["state"], receive(ws)["state"]]
        assert states == ["connecting", "connected"]
        yield ws


def barrier(ws: ClientConnection, turn: int) -> None:
    """Wait until the socket served what was sent before (a pose change answers at once)."""
    ws.send(
        json.dumps({"type": "agent.start_listening" if turn % 2 == 0 else "agent.stop_listening"})
    )
    until(ws, "agent.state_updated")


def speak(audio: bytes, event_id: str | None = None) -> str:
    frame: dict[str, Any] = {"type": "agent.speak", "audio": base64.b64encode(audio).decode()}
    if event_id is not None:
        frame["event_id"] = event_id
    return json.dumps(frame)


def test_ws_url_is_a_socket_on_this_server(tenant: Tenant) -> None:
    session_id, ws_url, _ = start_lite(tenant)
    scheme, netloc, path, query, _ = urlsplit(ws_url)
    assert scheme == "ws"
    assert netloc == urlsplit(str(tenant.http.base_url)).netloc
    assert path == f"/v1/sessions/{session_id}/ws"
    assert query.startswith("token=")


def test_a_turn_plays_for_its_duration_on_the_store_clock(
    tenant: Tenant, clock: MovableClock
) -> None:
    _, ws_url, _ = start_lite(tenant)
    with connected(ws_url) as ws:
        ws.send(speak(ONE_SECOND * 3, "turn-1"))
        ws.send(json.dumps({"type": "agent.speak_end", "event_id": "end-1"}))
        before = until(ws, "agent.audio_buffer_committed")
        started = next(e for e in before if e["type"] == "agent.speak_started")
        assert started["event_id"] == "turn-1"
        assert started["task"]["id"]
        # Three seconds of audio: not over after a moment ...
        with pytest.raises(TimeoutError):
            receive(ws, timeout=0.3)
        # ... over once the clock says three seconds went by.
        clock.advance(3)
        ended = until(ws, "agent.speak_ended", timeout=3)[-1]
        assert ended["event_id"] == "turn-1"
        assert ended["task"] == started["task"]


def test_interrupt_clears_the_buffer_and_says_so(tenant: Tenant) -> None:
    _, ws_url, _ = start_lite(tenant)
    with connected(ws_url) as ws:
        ws.send(speak(ONE_SECOND * 10, "long"))
        until(ws, "agent.speak_started")
        ws.send(json.dumps({"type": "agent.interrupt", "event_id": "stop-it"}))
        events = until(ws, "agent.audio_buffer_cleared")
        interrupted = [e for e in events if e["type"] == "agent.speak_interrupted"]
        assert [e["event_id"] for e in interrupted] == ["long"]
        assert interrupted[0]["source_event_id"] == "stop-it"
        assert receive(ws)["new_state"] == "idle"  # no longer talking
        # The interrupted turn never ends a second time.
        ws.send(json.dumps({"type": "agent.start_listening", "event_id": "l"}))
        assert receive(ws)["new_state"] == "listening"


def test_listening_commands_move_the_pose(tenant: Tenant) -> None:
    _, ws_url, _ = start_lite(tenant)
    with connected(ws_url) as ws:
        ws.send(json.dumps({"type": "agent.start_listening", "event_id": "a"}))
        moved = receive(ws)
        assert (moved["type"], moved["previous_state"], moved["new_state"]) == (
            "agent.state_updated",
            "idle",
            "listening",
        )
        ws.send(json.dumps({"type": "agent.stop_listening"}))
        assert receive(ws)["new_state"] == "idle"


@pytest.mark.parametrize(
    ("frame", "kind"),
    [
        ("not json", "invalid_request_error"),
        ("[1, 2]", "invalid_request_error"),
        ('{"type": "agent.dance", "event_id": "d"}', "unknown_command"),
        ('{"type": "agent.speak", "audio": "%%%"}', "invalid_request_error"),
        ('{"type": "agent.speak", "audio": "AAA="}', "invalid_request_error"),  # 2 bytes? no: 2
        ('{"type": "agent.speak", "audio": "AA=="}', "invalid_request_error"),  # one byte
        (json.dumps({"type": "agent.speak", "audio": "A" * 1_000_004}), "invalid_request_error"),
        (b"\x00\x01", "invalid_request_error"),
    ],
)
def test_a_bad_frame_gets_an_error_event_and_the_socket_goes_on(
    tenant: Tenant, frame: str | bytes, kind: str
) -> None:
    _, ws_url, _ = start_lite(tenant)
    with connected(ws_url) as ws:
        ws.send(frame)
        event = receive(ws)
        if frame == '{"type": "agent.speak", "audio": "AAA="}':
            # Two bytes: one whole sample, a valid frame.
            assert event["type"] == "agent.audio_buffer_appended"
            return
        assert event["type"] == "error", event
        assert event["error"]["type"] == kind
        ws.send(json.dumps({"type": "agent.start_listening", "event_id": "after"}))
        assert receive(ws)["type"] == "agent.state_updated"


@pytest.mark.parametrize("how", ["stop", "idle", "duration", "sandbox"])
def test_the_end_of_the_session_closes_the_socket(
    tenant: Tenant, clock: MovableClock, store: Store, how: str
) -> None:
    session_id, ws_url, bearer = start_lite(tenant, {**LITE, "is_sandbox": how == "sandbox"})
    with connected(ws_url) as ws:
        if how == "stop":
            stop = {"reason": "USER_CLOSED"}
            _data(httpx.post(f"{tenant.http.base_url}/v1/sessions/stop", headers=bearer, json=stop))
        elif how == "sandbox":
            clock.advance(store.settings.sessions.sandbox_duration + 1)
        elif how == "idle":
            clock.advance(store.settings.sessions.idle_timeout + 1)
        else:
            # Keep-alives on the socket hold the idle timeout off; the duration limit still ends it.
            for turn in range(store.settings.sessions.max_duration // 60 - 1):
                clock.advance(60)
                ws.send(json.dumps({"type": "session.keep_alive"}))
                barrier(ws, turn)
            clock.advance(61)
        closing = until(ws, "session.state_updated", timeout=3)[-1]
        assert closing["state"] == "closing"
        closed = receive(ws)
        assert closed["state"] == "closed"
        with pytest.raises(ConnectionClosed) as caught:
            ws.recv(timeout=3)
        assert caught.value.rcvd is not None
        assert caught.value.rcvd.code == 1000
    reason = {
        "stop": "USER_CLOSED",
        "idle": "IDLE_TIMEOUT",
        "duration": "MAX_DURATION_REACHED",
        "sandbox": "MAX_DURATION_REACHED",
    }
    assert closing["reason"] == reason[how]
    # The REST session reflects it: historic, with the same end reason.
    session = _data(tenant.http.get(f"/v1/sessions/{session_id}"))
    assert session["end_reason"] == reason[how]


def test_keep_alive_on_the_socket_extends_the_idle_timeout(
    tenant: Tenant, clock: MovableClock, store: Store
) -> None:
    _, ws_url, _ = start_lite(tenant, {**LITE, "is_sandbox": False})
    idle = store.settings.sessions.idle_timeout
    with connected(ws_url) as ws:
        for turn in range(3):
            clock.advance(idle * 0.6)
            ws.send(json.dumps({"type": "session.keep_alive", "event_id": "k"}))
            barrier(ws, turn)
            with pytest.raises(TimeoutError):
                receive(ws, timeout=0.7)  # past one poll: still open
        clock.advance(idle + 1)
        assert until(ws, "session.state_updated", timeout=3)[-1]["state"] == "closing"


def _with_token(ws_url: str, token: str | None) -> str:
    scheme, netloc, path, _, _ = urlsplit(ws_url)
    return urlunsplit((scheme, netloc, path, f"token={token}" if token else "", ""))


def _close_code(url: str) -> int:
    with connect(url, open_timeout=5) as ws, pytest.raises(ConnectionClosed) as caught:
        ws.recv(timeout=5)
    assert caught.value.rcvd is not None
    return caught.value.rcvd.code


def test_refusals_are_close_codes(tenant: Tenant, other_tenant: Tenant) -> None:
    session_id, ws_url, bearer = start_lite(tenant)
    other_id, other_url, _ = start_lite(other_tenant)
    token = urlsplit(ws_url).query.removeprefix("token=")
    assert _close_code(_with_token(ws_url, None)) == 4001
    assert _close_code(_with_token(ws_url, "forged")) == 4001
    # Another session's (and another space's) credential does not open this one.
    assert _close_code(other_url.replace(other_id, session_id)) == 4001
    assert _close_code(ws_url.replace(session_id, other_id)) == 4001
    _data(httpx.post(f"{tenant.http.base_url}/v1/sessions/stop", headers=bearer, json={}))
    assert _close_code(_with_token(ws_url, token)) == 4009


def test_a_full_session_has_no_socket(tenant: Tenant) -> None:
    body = {"mode": "FULL", "avatar_id": AVATAR, "avatar_persona": {"language": "en"}}
    created = _data(tenant.http.post("/v1/sessions/token", json={**body, "is_sandbox": True}))
    bearer = {"Authorization": f"Bearer {created['session_token']}"}
    started = _data(
        httpx.post(f"{tenant.http.base_url}/v1/sessions/start", headers=bearer, json={}), 201
    )
    assert "ws_url" not in started


def test_an_unknown_socket_path_is_refused_not_a_500(tenant: Tenant) -> None:
    base = str(tenant.http.base_url).replace("http://", "ws://")
    with pytest.raises(InvalidStatus, match="403"), connect(base + "/v1/x", open_timeout=5):
        pass


def test_every_close_code_the_server_sends_is_in_the_document() -> None:
    from liveavatar_api.realtime import CLOSE_CODES
    from liveavatar_server import _realtime_protocol as protocol

    sent = {value for name, value in vars(protocol).items() if name.startswith("CLOSE_")}
    assert sent
    assert sent <= set(CLOSE_CODES)


def test_a_stop_served_by_this_process_closes_at_once_not_at_the_next_poll() -> None:
    from liveavatar_server.testing import serve

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LIVEAVATAR_REALTIME_POLL_INTERVAL", "60")
        with serve() as server, httpx.Client(base_url=server.url, timeout=10) as http:
            tenant = Tenant(server.spaces[0].space_id, server.spaces[0].api_key, http)
            http.headers["X-API-KEY"] = tenant.key
            _, ws_url, bearer = start_lite(tenant)
            with connected(ws_url) as ws:
                stop = {"reason": "USER_CLOSED"}
                _data(httpx.post(f"{server.url}/v1/sessions/stop", headers=bearer, json=stop))
                # A minute-long poll: only the wake-up of this process's sockets is this quick.
                assert until(ws, "session.state_updated", timeout=5)[-1]["state"] == "closing"
