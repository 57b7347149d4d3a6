"""Sessions: the state machine the spec cannot tell (token -> start -> keep-alive -> stop),
sandbox credits, and how the generic engine gets a session to refer to (a FULL one: memory is
made from FULL-mode sessions only)."""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from liveavatar_contract._probe import OutOfScope, Probe
from liveavatar_contract._resources import required_query
from liveavatar_contract._semantics import Objects, maker
from liveavatar_contract._spec import operations

if TYPE_CHECKING:
    from liveavatar_contract._scenarios import Story

# The sandbox avatar the docs name ("Developing in Sandbox Mode": Wayne).
SANDBOX_AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
SESSIONS = "/v1/sessions"
CREDITS = "/v1/users/credits"


def _credits(probe: Probe) -> str | None:
    try:
        response = probe.call("GET", CREDITS)
    except OutOfScope:
        return None
    probe.expect_status(response, 200, "sandbox_free", "reading the credit balance")
    data = probe.data(response)
    return str(data.get("credits_left")) if isinstance(data, dict) else None


def _optional(probe: Probe, method: str, path: str, **kwargs: Any) -> Any:
    """A call the story can do without when its operation was not chosen."""
    try:
        return probe.call(method, path, **kwargs)
    except OutOfScope:
        return None


def _session_list(spec: dict[str, Any]) -> str:
    """The sessions list with every filter the spec requires (the first enum member: `active`)."""
    listing = next(
        (op for op in operations(spec) if (op.method, op.path) == ("GET", SESSIONS)), None
    )
    return SESSIONS + ("" if listing is None else required_query(spec, listing, page_size="100"))


def session_lifecycle(probe: Probe, story: Story) -> None:
    """Token -> start (bearer) -> keep-alive -> stop, as a state machine, in sandbox mode."""
    before = _credits(probe)
    token_body = {"mode": "LITE", "avatar_id": SANDBOX_AVATAR, "is_sandbox": True}
    minted = probe.call("POST", f"{SESSIONS}/token", body=token_body)
    probe.expect_status(minted, 200, "session_token", "creating a sandbox session token")
    token = probe.data(minted)
    session_id, bearer = token["session_id"], token["session_token"]
    start = f"{SESSIONS}/start"
    for label, credential in (("no", None), ("a wrong", f"la-wrong-{secrets.token_hex(12)}")):
        refused = probe.call("POST", start, as_key=None, bearer=credential)
        probe.expect_status(refused, 401, "session_auth", f"starting with {label} bearer token")
        probe.expect_error_body(refused, "session_auth")
    started = probe.call("POST", start, as_key=None, bearer=bearer)
    probe.expect_status(started, 201, "session_start", "starting with the session token")
    probe.expect(
        probe.data(started).get("session_id") == session_id,
        "session_start",
        "start answers the session the token was minted for",
        started,
        documented=False,
    )
    again = probe.call("POST", start, as_key=None, bearer=bearer)
    probe.expect(
        400 <= again.status_code < 500,
        "session_start_once",
        "a token starts one session once: a second start must be refused",
        again,
        documented=False,
    )
    alive = f"{SESSIONS}/keep-alive"
    kept = probe.call("POST", alive, as_key=None, bearer=bearer, body={})
    probe.expect_status(kept, 200, "session_keep_alive", "keep-alive with the session token")
    kept = probe.call("POST", alive, body={"session_id": session_id})
    probe.expect_status(kept, 200, "session_keep_alive", "keep-alive with the API key")
    item = f"{SESSIONS}/{session_id}"
    if probe.has_key("API_KEY_2"):
        foreign = _optional(probe, "GET", item, as_key="API_KEY_2")
        if foreign is not None:
            probe.expect_status(foreign, 404, "space_isolation", "another space's session")
        listed = _optional(probe, "GET", _session_list(story.spec), as_key="API_KEY_2")
        if listed is not None:
            page = probe.data(listed)
            probe.expect(
                session_id not in probe.ids(page.get("results", [])),
                "space_isolation",
                "a list must not show another space's sessions",
                listed,
            )
        stolen = probe.call("POST", alive, as_key="API_KEY_2", body={"session_id": session_id})
        probe.expect(
            stolen.status_code >= 400,
            "space_isolation",
            "another space may not keep the session alive",
            stolen,
        )
    stopped = probe.call(
        "POST", f"{SESSIONS}/stop", body={"session_id": session_id, "reason": "USER_CLOSED"}
    )
    probe.expect_status(stopped, 200, "session_stop", "stopping the session with the API key")
    late = probe.call("POST", alive, as_key=None, bearer=bearer, body={})
    probe.expect(
        400 <= late.status_code < 500,
        "session_after_stop",
        "keep-alive of a stopped session must be refused",
        late,
        documented=False,
    )
    restart = probe.call("POST", start, as_key=None, bearer=bearer)
    probe.expect(
        400 <= restart.status_code < 500,
        "session_after_stop",
        "a stopped session cannot start again",
        restart,
        documented=False,
    )
    read = _optional(probe, "GET", item)
    if read is not None:
        probe.expect_status(read, 200, "session_after_stop", "reading a stopped session")
        entry = probe.data(read)
        probe.expect(
            bool(entry.get("end_at")) or bool(entry.get("end_reason")),
            "session_after_stop",
            "a stopped session reads as ended (end_at or end_reason set)",
            read,
            documented=False,
        )
        probe.expect(
            not entry.get("credits_consumed"),
            "sandbox_free",
            "a sandbox session consumes no credits",
            read,
        )
    after = _credits(probe)
    if before is not None and after is not None:
        probe.expect(
            after == before,
            "sandbox_free",
            f"a sandbox session consumes no credits (balance {before} -> {after})",
            probe.last_response or read,
        )


@maker("sessions")
def running_session(probe: Probe, objects: Objects, as_key: str) -> str:
    """A started FULL-mode sandbox session of the space of `as_key` (token, then start)."""
    body = {"mode": "FULL", "avatar_id": SANDBOX_AVATAR, "is_sandbox": True, "avatar_persona": {}}
    minted = probe.call("POST", f"{SESSIONS}/token", as_key=as_key, body=body)
    probe.expect_status(minted, 200, "session_token", "creating a FULL sandbox session token")
    token = probe.data(minted)
    started = probe.call("POST", f"{SESSIONS}/start", as_key=None, bearer=token["session_token"])
    probe.expect_status(started, 201, "session_start", "starting with the session token")
    return str(token["session_id"])
