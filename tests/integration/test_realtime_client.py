"""`session.realtime()` against the reference server, on SQLite and on PostgreSQL."""

from __future__ import annotations

import asyncio
import json
import wave
from collections.abc import Iterator
from pathlib import Path

import pytest
from liveavatar import AsyncLiveAvatar, LiveAvatar, LiveAvatarError
from liveavatar._cli import main as cli_main
from liveavatar.realtime import FRAME_BYTES, RealtimeClosed, RealtimeError, connect
from liveavatar_api.realtime import (
    AgentAudioBufferAppended,
    AgentSpeakEnded,
    AgentSpeakInterrupted,
    AgentSpeakStarted,
    ErrorEvent,
    SessionStateUpdated,
)
from liveavatar_server.testing import LocalServer, serve

from tests._support.postgres import scratch_database

AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
SECOND = b"\x00\x01" * 24_000


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def local(request: pytest.FixtureRequest) -> Iterator[LocalServer]:
    if request.param == "sqlite":
        with serve() as server:
            yield server
        return
    with scratch_database() as url, serve(database_url=url) as server:
        yield server


def test_a_round_trip_speak_started_ended_interrupt(local: LocalServer) -> None:
    key = local.spaces[0].api_key
    with (
        LiveAvatar(key, base_url=local.url) as client,
        client.sessions.open(mode="LITE", avatar_id=AVATAR, is_sandbox=True) as session,
        session.realtime(keep_alive_interval=0.2) as avatar,
    ):
        turn = avatar.speak(SECOND * 2 + b"\x00\x00")  # three frames: 1 s, 1 s, one sample
        avatar.speak_end()
        appended, seen = 0, []
        for event in avatar:
            seen.append(event)
            appended += isinstance(event, AgentAudioBufferAppended)
            if isinstance(event, AgentSpeakStarted):
                assert event.event_id == turn
                local.clock.advance(3)  # the playback is over on the server's clock
            if isinstance(event, AgentSpeakEnded):
                assert event.event_id == turn
                break
        assert appended == len(SECOND * 2) // FRAME_BYTES + 1
        second = avatar.speak(SECOND * 5)
        started = next(e for e in avatar if isinstance(e, AgentSpeakStarted))
        assert started.event_id == second
        avatar.interrupt()
        interrupted = next(e for e in avatar if isinstance(e, AgentSpeakInterrupted))
        assert interrupted.event_id == second
        # A bad frame comes back as an error event; the socket goes on.
        avatar._send({"type": "agent.dance"})
        error = next(e for e in avatar if isinstance(e, ErrorEvent))
        assert error.error["type"] == "unknown_command"
        avatar.start_listening()
        moved = next(e for e in avatar if e.type == "agent.state_updated")
        assert moved.raw["new_state"] == "listening"


def test_the_socket_reports_the_end_of_the_session(local: LocalServer) -> None:
    key = local.spaces[0].api_key
    with LiveAvatar(key, base_url=local.url) as client:
        token = client.sessions.create_token(mode="LITE", avatar_id=AVATAR, is_sandbox=True)
        started = client.sessions.start(session_token=token.session_token)
        ws_url = started.ws_url
        assert isinstance(ws_url, str)
        with connect(ws_url, keep_alive_interval=None) as avatar:
            client.sessions.stop(session_token=token.session_token)
            states = [e.raw["state"] for e in avatar if isinstance(e, SessionStateUpdated)]
            assert states == ["closing", "closed"]
            assert avatar.closed is not None
            assert avatar.closed.code == 1000
            with pytest.raises(RealtimeClosed):
                avatar.interrupt()


def test_a_full_session_has_no_socket_and_a_stale_url_is_refused(local: LocalServer) -> None:
    key = local.spaces[0].api_key
    with LiveAvatar(key, base_url=local.url) as client:
        with (
            client.sessions.open(
                mode="FULL", avatar_id=AVATAR, is_sandbox=True, avatar_persona={"language": "en"}
            ) as session,
            pytest.raises(LiveAvatarError, match="LITE"),
        ):
            session.realtime()
        with client.sessions.open(mode="LITE", avatar_id=AVATAR, is_sandbox=True) as session:
            ws_url = session.ws_url
        assert ws_url is not None
        with pytest.raises(RealtimeClosed) as caught, connect(ws_url):
            pass
        assert caught.value.code == 4009
        with pytest.raises(RealtimeError, match="refused"), connect(ws_url.replace("/ws?", "/wx?")):
            pass


def test_the_async_socket(local: LocalServer) -> None:
    key = local.spaces[0].api_key

    async def run() -> list[str]:
        async with (
            AsyncLiveAvatar(key, base_url=local.url) as client,
            client.sessions.open(mode="LITE", avatar_id=AVATAR, is_sandbox=True) as session,
            session.realtime(keep_alive_interval=0.1) as avatar,
        ):
            turn = await avatar.speak(SECOND)
            await avatar.speak_end()
            kinds = []
            async for event in avatar:
                kinds.append(event.type)
                if isinstance(event, AgentSpeakStarted):
                    local.clock.advance(1)
                if isinstance(event, AgentSpeakEnded):
                    assert event.event_id == turn
                    break
            await asyncio.sleep(0.3)  # keep-alives went out in the background, unanswered
            await avatar.start_listening()
            kinds.append((await avatar.receive(timeout=5)).type)
            return kinds

    kinds = asyncio.run(run())
    assert kinds[-1] == "agent.state_updated"
    assert "agent.speak_started" in kinds


def _wav(path: Path, *, rate: int = 24_000, channels: int = 1, seconds: float = 0.5) -> Path:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(b"\x10\x00" * int(rate * seconds) * channels)
    return path


def test_the_cli_streams_a_wav_file_and_prints_the_events(
    local: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--api-key", local.spaces[0].api_key, "--base-url", local.url, "sessions", "open"]
    flags = ["--mode", "LITE", "--avatar-id", AVATAR, "--is-sandbox"]
    code = cli_main([*argv, *flags, "--speak", str(_wav(tmp_path / "hello.wav"))])
    out = capsys.readouterr().out
    assert code == 0, out
    events = [json.loads(line) for line in out.splitlines() if line.startswith('{"type"')]
    kinds = [event["type"] for event in events]
    assert kinds.index("agent.speak_started") < kinds.index("agent.speak_ended")
    result = json.loads(out[out.rindex("\n{") :])
    assert result["stopped"] is True
    assert result["spoken"]["outcome"] == "spoken"
    assert result["spoken"]["seconds"] == 0.5


def test_the_cli_refuses_a_wav_it_cannot_stream_in_one_line(
    local: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--api-key", local.spaces[0].api_key, "--base-url", local.url, "sessions", "open"]
    flags = ["--mode", "LITE", "--avatar-id", AVATAR, "--is-sandbox", "--speak"]
    stereo = _wav(tmp_path / "stereo.wav", rate=44_100, channels=2)
    assert cli_main([*argv, *flags, str(stereo)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert "16-bit, 2 channel(s), 44100 Hz" in err
    (tmp_path / "noise.wav").write_bytes(b"not a wav at all")
    assert cli_main([*argv, *flags, str(tmp_path / "noise.wav")]) == 1
    assert "not a PCM WAV file" in capsys.readouterr().err
