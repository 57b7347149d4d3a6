"""The socket hears of a stop or a timeout handled by another server process on one PostgreSQL."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from tests._support.live import LiveServer, Storage
from tests._support.postgres import scratch_database

pytestmark = [pytest.mark.postgres, pytest.mark.slow]
AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
WITHIN = 1.0  # seconds from the other process's answer to `closing` on this socket


@pytest.fixture(scope="module")
def two_servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, str, Path]]:
    """Two processes on one database and data directory: their URLs, a key, the clock file."""
    with scratch_database() as url:
        data_dir = tmp_path_factory.mktemp("realtime") / "data"
        clock = data_dir.parent / "clock-offset"
        clock.write_text("0")
        settings = {
            "LIVEAVATAR_REALTIME_POLL_INTERVAL": "0.2",
            "LIVEAVATAR_CLOCK_OFFSET_FILE": str(clock),
        }
        storage = Storage(data_dir, url, settings)
        with LiveServer(storage) as first, LiveServer(storage, "--workers", "2") as second:
            yield first.base_url, second.base_url, storage.provision(), clock


def _started(base: str, key: str) -> tuple[str, str]:
    body = {"mode": "LITE", "avatar_id": AVATAR, "is_sandbox": False}
    token = httpx.post(f"{base}/v1/sessions/token", headers={"X-API-KEY": key}, json=body)
    assert token.status_code == 200, token.text
    created = token.json()["data"]
    bearer = {"Authorization": f"Bearer {created['session_token']}"}
    started = httpx.post(f"{base}/v1/sessions/start", headers=bearer, json={})
    assert started.status_code == 201, started.text
    return created["session_token"], started.json()["data"]["ws_url"]


def _closing_after(ws_url: str, act: object) -> tuple[float, dict[str, object], int | None]:
    with connect(ws_url, open_timeout=5) as ws:
        assert json.loads(ws.recv(timeout=5))["state"] == "connecting"
        assert json.loads(ws.recv(timeout=5))["state"] == "connected"
        assert callable(act)
        act()
        acted = time.monotonic()
        closing = json.loads(ws.recv(timeout=5))
        took = time.monotonic() - acted
        assert json.loads(ws.recv(timeout=5))["state"] == "closed"
        with pytest.raises(ConnectionClosed) as caught:
            ws.recv(timeout=5)
    code = caught.value.rcvd.code if caught.value.rcvd is not None else None
    return took, closing, code


def test_a_stop_on_another_process_closes_the_socket(
    two_servers: tuple[str, str, str, Path],
) -> None:
    first, second, key, _ = two_servers
    for _ in range(3):
        token, ws_url = _started(first, key)
        assert ws_url.startswith(first.replace("http://", "ws://"))

        def stop(token: str = token) -> None:
            answer = httpx.post(
                f"{second}/v1/sessions/stop",
                headers={"Authorization": f"Bearer {token}"},
                json={"reason": "USER_CLOSED"},
            )
            assert answer.status_code == 200, answer.text

        took, closing, code = _closing_after(ws_url, stop)
        assert closing["state"] == "closing"
        assert closing["reason"] == "USER_CLOSED"
        assert code == 1000
        assert took < WITHIN


def test_an_idle_timeout_reaches_the_socket(two_servers: tuple[str, str, str, Path]) -> None:
    first, _, key, clock = two_servers
    _, ws_url = _started(first, key)

    def expire() -> None:
        clock.write_text(str(float(clock.read_text()) + 3600))

    took, closing, code = _closing_after(ws_url, expire)
    assert closing["reason"] in {"IDLE_TIMEOUT", "MAX_DURATION_REACHED"}
    assert code == 1000
    assert took < WITHIN
