"""`liveavatar sessions open --mode LITE ... --speak FILE.wav`: stream a WAV file, print events.

The file must be what the socket takes, 16-bit mono PCM at 24 kHz; anything else is refused in
one line naming what the file holds (resample with e.g. `sox in.wav -r 24000 -c 1 -b 16 out.wav`).
Each event is printed as one JSON line, until the turn's `agent.speak_ended` (or interruption,
or the end of the session).
"""

from __future__ import annotations

import json
import wave
from pathlib import Path
from typing import Any, TextIO

from liveavatar_api.realtime import AgentSpeakEnded, AgentSpeakInterrupted

from liveavatar.realtime import Realtime

__all__ = ["WavFormatError", "read_wav", "speak_file"]

SAMPLE_RATE = 24_000


class WavFormatError(ValueError):
    """The file is not 16-bit mono PCM WAV at 24 kHz."""


def read_wav(path: Path) -> bytes:
    """The PCM frames of ``path``, or WavFormatError saying what it found instead."""
    try:
        with wave.open(str(path), "rb") as wav:
            found = (wav.getsampwidth() * 8, wav.getnchannels(), wav.getframerate())
            if found != (16, 1, SAMPLE_RATE):
                bits, channels, rate = found
                raise WavFormatError(
                    f"{path.name}: {bits}-bit, {channels} channel(s), {rate} Hz; the realtime "
                    f"socket takes 16-bit mono {SAMPLE_RATE} Hz PCM"
                )
            return wav.readframes(wav.getnframes())
    except (wave.Error, EOFError) as exc:
        raise WavFormatError(f"{path.name}: not a PCM WAV file ({exc})") from None
    except OSError as exc:
        raise WavFormatError(f"{path.name}: {exc.strerror or exc}") from None


def speak_file(avatar: Realtime, pcm: bytes, out: TextIO) -> dict[str, Any]:
    """Speak ``pcm`` as one turn; print every event until the turn is over."""
    turn = avatar.speak(pcm)
    avatar.speak_end()
    outcome = "closed"
    for event in avatar:
        print(json.dumps(event.raw), file=out, flush=True)
        if isinstance(event, AgentSpeakEnded | AgentSpeakInterrupted) and event.event_id == turn:
            outcome = "spoken" if isinstance(event, AgentSpeakEnded) else "interrupted"
            break
    return {"event_id": turn, "seconds": len(pcm) / (2 * SAMPLE_RATE), "outcome": outcome}
