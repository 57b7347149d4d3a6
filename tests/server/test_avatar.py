"""The avatar's playback buffer and pose, as a pure state machine over clock readings."""

from __future__ import annotations

from typing import Any

from liveavatar_server._avatar import BYTES_PER_SECOND, Avatar


def kinds(events: list[dict[str, Any]]) -> list[str]:
    return [
        e["type"] if e["type"] != "agent.state_updated" else f"->{e['new_state']}" for e in events
    ]


def test_turns_queue_and_play_one_after_another() -> None:
    avatar = Avatar()
    first = avatar.speak("a", 2 * BYTES_PER_SECOND, now=0)
    assert kinds(first) == ["agent.audio_buffer_appended", "->talking", "agent.speak_started"]
    assert kinds(avatar.speak_end("a-end", now=0) or []) == ["agent.audio_buffer_committed"]
    # The second turn is buffered behind the first: it starts when the first has played.
    assert kinds(avatar.speak("b", BYTES_PER_SECOND, now=0.5)) == ["agent.audio_buffer_appended"]
    avatar.speak_end("b-end", now=0.5)
    assert avatar.next_due(0.5) == 1.5
    assert avatar.advance(1.9) == []
    at_two = avatar.advance(2.0)
    assert kinds(at_two) == ["agent.speak_ended", "agent.speak_started"]
    assert [e["event_id"] for e in at_two] == ["a", "b"]
    assert kinds(avatar.advance(3.0)) == ["agent.speak_ended", "->idle"]
    assert avatar.next_due(3.0) is None


def test_an_uncommitted_turn_keeps_talking_through_an_underrun() -> None:
    avatar = Avatar()
    avatar.speak("a", BYTES_PER_SECOND, now=0)
    assert avatar.advance(5) == []  # ran dry, but no speak_end yet
    assert avatar.next_due(5) is None
    avatar.speak("a-more", BYTES_PER_SECOND, now=5)  # plays from now on
    avatar.speak_end("end", now=5)
    assert avatar.advance(5.9) == []
    assert kinds(avatar.advance(6)) == ["agent.speak_ended", "->idle"]


def test_interrupt_ends_started_turns_only_and_returns_to_rest() -> None:
    avatar = Avatar()
    avatar.listen(True, "l")
    avatar.speak("a", BYTES_PER_SECOND, now=0)
    avatar.speak_end("e", now=0)
    avatar.speak("b", BYTES_PER_SECOND, now=0)  # queued, never started
    events = avatar.interrupt("stop", now=0.2)
    assert kinds(events) == ["agent.speak_interrupted", "agent.audio_buffer_cleared", "->listening"]
    assert events[0]["event_id"] == "a"
    assert events[0]["source_event_id"] == "stop"
    assert avatar.advance(10) == []


def test_a_pose_change_while_talking_waits_for_the_end_of_the_talk() -> None:
    avatar = Avatar()
    avatar.speak("a", BYTES_PER_SECOND, now=0)
    avatar.speak_end("e", now=0)
    assert avatar.listen(True, "l") == []
    assert kinds(avatar.advance(1)) == ["agent.speak_ended", "->listening"]
    assert kinds(avatar.listen(False, "i")) == ["->idle"]


def test_speed_divides_the_duration_and_speak_end_without_audio_is_none() -> None:
    avatar = Avatar(speed=4)
    assert avatar.speak_end("nothing", now=0) is None
    avatar.speak("a", 4 * BYTES_PER_SECOND, now=0)
    avatar.speak_end("e", now=0)
    assert avatar.next_due(0) == 1.0
