"""`sessions.open` against the reference server when the service ends the session first.

The server runs in process (`liveavatar_server.testing.serve`) so its clock can be moved: a
sandbox session ends after the sandbox limit the server's settings give, as the real service's
does after a minute. What is checked is what a user sees: the keep-alive loop ends, the session
counts as stopped (no stop sent against its 409, no ERROR, no exception), the CLI exits 3 with
the end reason, and SIGTERM stops an open session as Ctrl-C does.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
from liveavatar import AsyncLiveAvatar, LiveAvatar
from liveavatar_server.testing import LocalServer, serve

# A public avatar of the server's seeded catalog.
AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
SANDBOX = {"mode": "LITE", "avatar_id": AVATAR, "is_sandbox": True}
BEAT = 0.05  # keep-alive interval: the end is noticed within a beat


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve() as served:
        yield served


def _past_the_sandbox_limit(server: LocalServer) -> None:
    server.clock.advance(server.store.settings.sessions.sandbox_duration + 1)


class Recorder:
    """The paths of every request a client sends (through an httpx event hook of the caller's)."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def __call__(self, request: httpx.Request) -> None:
        self.paths.append(request.url.path)

    async def hook(self, request: httpx.Request) -> None:
        self(request)


@contextmanager
def _recorded_client(server: LocalServer, recorder: Recorder) -> Iterator[LiveAvatar]:
    with (
        httpx.Client(event_hooks={"request": [recorder]}) as http,
        LiveAvatar(server.spaces[0].api_key, base_url=server.url, http_client=http) as client,
    ):
        yield client


def _end_reason(server: LocalServer, session_id: str) -> Any:
    with LiveAvatar(server.spaces[0].api_key, base_url=server.url) as client:
        return getattr(client.sessions.get(session_id), "end_reason", None)


def test_a_session_the_service_ends_stops_keep_alive_and_counts_as_stopped(
    server: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = Recorder()
    with (
        caplog.at_level(logging.INFO, logger="liveavatar"),
        _recorded_client(server, recorder) as client,
        client.sessions.open(**SANDBOX, keep_alive_interval=BEAT) as session,
    ):
        assert not session.ended
        assert session.wait(0.3) is False  # kept alive while the sandbox minute runs
        _past_the_sandbox_limit(server)
        assert session.wait(10) is True
        assert session.end_reason == "MAX_DURATION_REACHED"
        beats = recorder.paths.count("/v1/sessions/keep-alive")
    assert recorder.paths.count("/v1/sessions/keep-alive") == beats  # the loop has ended
    assert "/v1/sessions/stop" not in recorder.paths
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert _end_reason(server, session.session_id).value == "MAX_DURATION_REACHED"


def test_a_session_stopped_elsewhere_is_stopped_once_without_an_error(
    server: LocalServer, caplog: pytest.LogCaptureFixture
) -> None:
    recorder = Recorder()
    with (
        caplog.at_level(logging.INFO, logger="liveavatar"),
        _recorded_client(server, recorder) as client,
        # A beat longer than the block: only the stop on leaving can notice the end.
        client.sessions.open(**SANDBOX, keep_alive_interval=600) as session,
        LiveAvatar(server.spaces[0].api_key, base_url=server.url) as elsewhere,
    ):
        elsewhere.sessions.stop(session_id=session.session_id, reason="USER_CLOSED")
    assert recorder.paths.count("/v1/sessions/stop") == 1  # answered 409: not retried
    assert session.ended
    assert session.end_reason == "USER_CLOSED"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_the_async_session_notices_its_end(server: LocalServer) -> None:
    recorder = Recorder()

    async def scenario() -> None:
        http = httpx.AsyncClient(event_hooks={"request": [recorder.hook]})
        key = server.spaces[0].api_key
        async with (
            AsyncLiveAvatar(key, base_url=server.url, http_client=http) as client,
            client.sessions.open(**SANDBOX, keep_alive_interval=BEAT) as session,
        ):
            assert await session.wait(0.2) is False
            _past_the_sandbox_limit(server)
            assert await session.wait(10) is True
        assert session.end_reason == "MAX_DURATION_REACHED"
        await http.aclose()

    asyncio.run(scenario())
    assert "/v1/sessions/stop" not in recorder.paths


def _open_session_cli(server: LocalServer) -> subprocess.Popen[str]:
    script = shutil.which("liveavatar", path=str(Path(sys.executable).parent))
    assert script is not None
    env = {**os.environ, "LIVEAVATAR_API_KEY": server.spaces[0].api_key}
    return subprocess.Popen(
        [
            script, "--base-url", server.url, "sessions", "open", "--mode", "LITE",
            "--avatar-id", AVATAR, "--is-sandbox", "--keep-alive-interval", str(BEAT),
        ],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip


def _wait_until_open(process: subprocess.Popen[str]) -> None:
    assert process.stderr is not None
    line = process.stderr.readline()
    assert line.startswith("Session open"), line


def test_the_cli_exits_3_with_the_end_reason(server: LocalServer) -> None:
    process = _open_session_cli(server)
    _wait_until_open(process)
    _past_the_sandbox_limit(server)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 3, err
    assert "ended: MAX_DURATION_REACHED" in err
    assert "Keep-alive" not in err
    assert '"end_reason": "MAX_DURATION_REACHED"' in out


def test_sigterm_stops_the_open_session(server: LocalServer) -> None:
    process = _open_session_cli(server)
    _wait_until_open(process)
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert '"stopped": true' in out
    session_id = out.split('"session_id": "', 1)[1].split('"', 1)[0]
    assert _end_reason(server, session_id).value == "USER_CLOSED"
