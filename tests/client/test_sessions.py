"""`client.sessions.open(...)` ends the session on normal exit, on an exception and on Ctrl-C."""

from __future__ import annotations

import asyncio
import json
import logging
import time
from typing import Any

import httpx
import pytest
from liveavatar import AsyncLiveAvatar, InternalServerError, LiveAvatar, LiveSession

from tests._support.examples import UUID
from tests.client.conftest import API_KEY, BASE_URL, envelope

TOKEN = "session-token-xyz"
STARTED = {
    "session_id": UUID,
    "livekit_url": "wss://livekit.example.test",
    "livekit_client_token": "client-token",
    "livekit_agent_token": "agent-token",
    "ws_url": "wss://ws.example.test",
    "max_session_duration": 600,
}


class SessionAPI:
    """Token, start, keep-alive and stop; `stop_status` scripts a failing stop."""

    def __init__(
        self,
        stop_status: int = 200,
        start_status: int = 201,
        keep_alive_status: int = 200,
        started: dict[str, Any] = STARTED,
    ) -> None:
        self.stop_status = stop_status
        self.start_status = start_status
        self.keep_alive_status = keep_alive_status
        self.started = started
        self.requests: list[httpx.Request] = []

    def respond(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        path = request.url.path
        if path.endswith("/token"):
            return httpx.Response(200, json=envelope({"session_id": UUID, "session_token": TOKEN}))
        if path.endswith("/start"):
            return httpx.Response(self.start_status, json=envelope(self.started))
        if path.endswith("/stop"):
            return httpx.Response(self.stop_status, json=envelope(None))
        if path.endswith("/keep-alive") and self.keep_alive_status == 409:
            return httpx.Response(409, json={"code": 409, "data": None, "message": "Session ended"})
        return httpx.Response(200, json=envelope(None))

    async def respond_async(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        return self.respond(request)

    def paths(self) -> list[str]:
        return [r.url.path.rsplit("/", 1)[-1] for r in self.requests]

    def stops(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.path.endswith("/stop")]


def client_for(api: SessionAPI) -> LiveAvatar:
    http = httpx.Client(transport=httpx.MockTransport(api.respond))
    return LiveAvatar(API_KEY, base_url=BASE_URL, max_retries=0, http_client=http)


def open_session(client: LiveAvatar, interval: float = 60.0) -> LiveSession:
    return client.sessions.open(
        mode="LITE", avatar_id=UUID, is_sandbox=True, keep_alive_interval=interval
    )


def check_stopped(api: SessionAPI) -> None:
    (stop,) = api.stops()
    assert stop.headers["authorization"] == f"Bearer {TOKEN}"
    assert json.loads(stop.content) == {"session_id": UUID, "reason": "USER_CLOSED"}


def test_normal_exit_stops_the_session_and_exposes_the_start_response() -> None:
    api = SessionAPI()
    with client_for(api) as client, open_session(client) as session:
        assert session.session_id == UUID
        assert session.session_token == TOKEN
        assert session.livekit_url == STARTED["livekit_url"]
        assert session.livekit_client_token == "client-token"
        assert session.livekit_agent_token == "agent-token"
        assert session.ws_url == STARTED["ws_url"]
        assert session.max_session_duration == 600
        assert api.paths() == ["token", "start"]
    assert api.paths() == ["token", "start", "stop"]
    token, start, _ = api.requests
    assert token.headers["x-api-key"] == API_KEY
    assert json.loads(token.content) == {"mode": "LITE", "avatar_id": UUID, "is_sandbox": True}
    assert start.headers["authorization"] == f"Bearer {TOKEN}"
    assert "x-api-key" not in start.headers
    check_stopped(api)


@pytest.mark.parametrize("error", [ValueError("boom"), KeyboardInterrupt()])
def test_an_exception_or_ctrl_c_stops_the_session_and_propagates(error: BaseException) -> None:
    api = SessionAPI()
    with client_for(api) as client, pytest.raises(type(error)), open_session(client):
        raise error
    check_stopped(api)


def test_keep_alive_beats_in_the_background_with_the_session_token() -> None:
    api = SessionAPI()
    with client_for(api) as client, open_session(client, interval=0.01):
        deadline = time.monotonic() + 5
        while "keep-alive" not in api.paths() and time.monotonic() < deadline:
            time.sleep(0.01)
    beats = [r for r in api.requests if r.url.path.endswith("/keep-alive")]
    assert beats
    assert all(r.headers["authorization"] == f"Bearer {TOKEN}" for r in beats)
    assert json.loads(beats[0].content) == {"session_id": UUID}
    assert api.paths()[-1] == "stop"  # nothing beats after the stop
    check_stopped_count = len(api.stops())
    assert check_stopped_count == 1


def test_a_failing_stop_is_retried_logged_and_never_masks_the_users_error(
    sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    api = SessionAPI(stop_status=500)
    with (
        caplog.at_level(logging.ERROR, logger="liveavatar"),
        client_for(api) as client,
        pytest.raises(ValueError, match="mine"),
        open_session(client),
    ):
        raise ValueError("mine")
    assert len(api.stops()) == 3
    assert len(sleeps) == 2
    assert UUID in caplog.text
    assert TOKEN not in caplog.text


def test_a_failing_stop_after_a_clean_block_raises(sleeps: list[float]) -> None:
    api = SessionAPI(stop_status=500)
    with client_for(api) as client, pytest.raises(InternalServerError), open_session(client):
        pass
    assert len(api.stops()) == 3


def test_a_failed_start_is_still_stopped() -> None:
    api = SessionAPI(start_status=500)
    with client_for(api) as client, pytest.raises(InternalServerError), open_session(client):
        pytest.fail("the block must not run")
    assert api.paths() == ["token", "start", "stop"]


def run_async(api: SessionAPI, body: Any, interval: float = 60.0) -> None:
    async def scenario() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(api.respond_async))
        async with (
            AsyncLiveAvatar(API_KEY, base_url=BASE_URL, max_retries=0, http_client=http) as client,
            client.sessions.open(
                mode="LITE", avatar_id=UUID, keep_alive_interval=interval
            ) as session,
        ):
            await body(session)

    asyncio.run(scenario())


def test_async_with_stops_on_exit_and_on_an_exception() -> None:
    api = SessionAPI()

    async def use(session: Any) -> None:
        assert session.livekit_url == STARTED["livekit_url"]
        await asyncio.sleep(0.05)

    run_async(api, use, interval=0.01)
    assert "keep-alive" in api.paths()
    assert api.paths()[-1] == "stop"
    check_stopped(api)

    api = SessionAPI()

    async def fail(session: Any) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_async(api, fail)
    check_stopped(api)


def test_a_stop_answered_409_counts_as_stopped(
    sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    api = SessionAPI(stop_status=409)
    with (
        caplog.at_level(logging.WARNING, logger="liveavatar"),
        client_for(api) as client,
        open_session(client) as session,
    ):
        pass
    assert len(api.stops()) == 1
    assert sleeps == []
    assert session.ended
    assert caplog.records == []


def test_the_session_is_looked_at_just_after_its_duration_limit() -> None:
    # A beat far longer than the session may last: the limit, not the beat, wakes the loop.
    api = SessionAPI(keep_alive_status=409, started={**STARTED, "max_session_duration": 0})
    with client_for(api) as client, open_session(client, interval=600) as session:
        started = time.monotonic()
        assert session.wait(10) is True
        assert time.monotonic() - started < 5
        assert session.end_reason is None  # 409 seen; the scripted API tells no reason
    assert api.stops() == []
    assert api.paths().count("keep-alive") == 1
