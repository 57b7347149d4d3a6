"""The wire traffic of a published LITE integration, replayed against `liveavatar-server serve`.

What is replayed is what the LiveKit Agents plugin for LiveAvatar (livekit-plugins-liveavatar)
sends and reads, as its public source shows: token with the caller's own LiveKit room
(`livekit_config`), start with `{"session_id"}` in the body, then on `ws_url`: `agent.speak`
frames of 20 ms each with a fresh `event_id`, `agent.speak_end` followed by
`agent.start_listening` when an utterance ends, `session.keep_alive` on a timer, `agent.interrupt`
when its buffer is cleared mid-speech, `agent.stop_listening` when the agent goes idle; it
reads `type` of every frame and acts on `agent.speak_started`, `agent.speak_ended` and
`agent.speak_interrupted`; it stops with `USER_DISCONNECTED` and expects `code <= 200`.
Nothing may be logged as an error on either side.
"""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from websockets.asyncio.client import connect

from tests._support.live import LiveServer, Storage

AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
FRAME = b"\x00\x08" * 480  # 20 ms at 24 kHz, 16-bit mono


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str, Path]]:
    storage = Storage(tmp_path_factory.mktemp("replay") / "data")
    key = storage.provision("replay")
    with LiveServer(storage) as live:
        yield live.base_url, key, storage.log


def _speak(frames: int) -> list[dict[str, Any]]:
    audio = base64.b64encode(FRAME).decode()
    return [
        {"type": "agent.speak", "event_id": str(uuid.uuid4()), "audio": audio}
        for _ in range(frames)
    ]


def _command(kind: str) -> dict[str, Any]:
    return {"type": kind, "event_id": str(uuid.uuid4())}


async def _replay(base: str, key: str) -> tuple[list[dict[str, Any]], dict[str, Any], str, str]:
    async with httpx.AsyncClient(base_url=base, timeout=10) as http:
        token = await http.post(
            "/v1/sessions/token",
            headers={"X-API-KEY": key, "accept": "application/json"},
            json={
                "mode": "LITE",
                "avatar_id": AVATAR,
                "is_sandbox": True,
                "livekit_config": {
                    "livekit_room": "agent-room",
                    "livekit_url": "wss://livekit.example.test",
                    "livekit_client_token": "lk-agent-token",
                },
            },
        )
        assert token.status_code == 200, token.text
        session_id = token.json()["data"]["session_id"]
        bearer = {"Authorization": f"Bearer {token.json()['data']['session_token']}"}
        start = await http.post(
            "/v1/sessions/start", headers=bearer, json={"session_id": session_id}
        )
        assert start.status_code == 201, start.text
        ws_url = start.json()["data"]["ws_url"]
        received: list[dict[str, Any]] = []
        async with connect(ws_url) as ws:

            async def read_until(kind: str) -> None:
                while True:
                    event = json.loads(await asyncio.wait_for(ws.recv(), 10))
                    assert "type" in event  # the plugin reads event["type"] of every frame
                    received.append(event)
                    if event["type"] == kind:
                        return

            # The plugin sends as soon as the socket is open; it never waits for `connected`.
            first = _speak(25)  # half a second of speech
            for frame in first:
                await ws.send(json.dumps(frame))
            await ws.send(json.dumps(_command("agent.speak_end")))
            await ws.send(json.dumps(_command("agent.start_listening")))
            await ws.send(json.dumps(_command("session.keep_alive")))
            await read_until("agent.speak_ended")
            second = _speak(100)  # two seconds, cut short
            for frame in second:
                await ws.send(json.dumps(frame))
            await read_until("agent.speak_started")
            await ws.send(json.dumps(_command("agent.interrupt")))
            await read_until("agent.speak_interrupted")
            await ws.send(json.dumps(_command("agent.stop_listening")))
            await ws.send(json.dumps(_command("session.keep_alive")))
            await asyncio.sleep(0.2)
        stop = await http.post(
            "/v1/sessions/stop",
            headers=bearer,
            json={"session_id": session_id, "reason": "USER_DISCONNECTED"},
        )
        assert stop.status_code == 200, stop.text
        ids = first[0]["event_id"] + " " + second[0]["event_id"]
        return received, stop.json(), ids, parse_qs(urlsplit(ws_url).query)["token"][0]


def test_the_livekit_plugin_traffic_runs_clean(served: tuple[str, str, Path]) -> None:
    base, key, log = served
    before = log.read_text(encoding="utf-8", errors="replace")
    received, stopped, ids, credential = asyncio.run(_replay(base, key))
    first, second = ids.split()
    assert stopped["code"] <= 200
    kinds = [event["type"] for event in received]
    assert kinds[:2] == ["session.state_updated", "session.state_updated"]
    assert "error" not in kinds
    assert "warning" not in kinds
    by_kind = {(e["type"], e.get("event_id")) for e in received}
    assert ("agent.speak_started", first) in by_kind
    assert ("agent.speak_ended", first) in by_kind
    assert ("agent.speak_started", second) in by_kind
    assert ("agent.speak_interrupted", second) in by_kind
    assert ("agent.speak_ended", second) not in by_kind
    logged = log.read_text(encoding="utf-8", errors="replace")[len(before) :]
    assert "WebSocket /v1/sessions/" in logged  # the handshake is logged ...
    assert "token=<hidden>" in logged  # ... without the credential of its URL
    assert credential not in logged
    assert "ERROR" not in logged
    assert "Traceback" not in logged
