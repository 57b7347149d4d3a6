"""Credentials per operation from the spec's `security`, and retries from its `x-idempotent` mark."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from liveavatar import APITimeoutError, InternalServerError, LiveAvatar, LiveAvatarError
from liveavatar_api.resources import OPERATIONS

from tests._support.examples import UUID
from tests.client.conftest import API_KEY, BASE_URL, ScriptedAPI, envelope
from tests.conftest import ROOT

SPEC: dict[str, Any] = json.loads((ROOT / "generated" / "openapi.effective.json").read_bytes())
TOKEN = "bearer-session-token"
STARTED = {"session_id": UUID, "livekit_url": "wss://lk.test", "livekit_client_token": "c"}


def client(api: ScriptedAPI, **options: Any) -> LiveAvatar:
    http = httpx.Client(transport=api.transport())
    return LiveAvatar(base_url=BASE_URL, http_client=http, **options)


def test_a_client_made_with_a_session_token_sends_it_as_bearer(api: ScriptedAPI) -> None:
    api.script(httpx.Response(201, json=envelope(STARTED)))
    with client(api, session_token=TOKEN) as la:
        assert la.sessions.start().livekit_url == "wss://lk.test"
        la.sessions.keep_alive(session_id=UUID)  # either scheme: the token is what it has
        with pytest.raises(LiveAvatarError, match="API key"):
            la.secrets.list()  # the token is not an API key
    assert [r.headers["authorization"] for r in api.requests] == [f"Bearer {TOKEN}"] * 2
    assert all("x-api-key" not in r.headers for r in api.requests)


def test_a_token_on_the_call_wins_over_the_api_key_where_both_are_accepted(
    api: ScriptedAPI,
) -> None:
    with client(api, api_key=API_KEY) as la:
        la.sessions.stop(session_id=UUID)
        la.sessions.stop(session_id=UUID, session_token=TOKEN)
    first, second = api.requests
    assert first.headers["x-api-key"] == API_KEY
    assert "authorization" not in first.headers
    assert second.headers["authorization"] == f"Bearer {TOKEN}"
    assert "x-api-key" not in second.headers


def test_a_bearer_only_operation_names_the_missing_token(api: ScriptedAPI) -> None:
    with client(api, api_key=API_KEY) as la, pytest.raises(LiveAvatarError) as caught:
        la.sessions.start()
    assert "client.sessions.start needs a session token" in str(caught.value)
    assert api.requests == []


def test_no_credential_messages_never_point_back_at_the_call(api: ScriptedAPI) -> None:
    with client(api) as la:
        with pytest.raises(LiveAvatarError) as minting:
            la.sessions.create_token(mode="LITE", avatar_id=UUID)  # takes a key or a token
        with pytest.raises(LiveAvatarError) as starting:
            la.sessions.start()  # takes a token only
    needs = str(minting.value).split(" needs ", 1)[1]
    assert "create_token" not in needs
    assert "an API key" in needs
    assert "client.sessions.create_token returns one" in str(starting.value)
    assert api.requests == []


def test_the_session_cookie_goes_only_where_the_spec_reads_it(api: ScriptedAPI) -> None:
    with client(api, session="cookie-value") as la:
        la.secrets.list()  # reads la_session: the cookie stands in for the key
        la.languages.get()  # no security, no cookie parameter
    with_cookie, public = api.requests
    assert with_cookie.headers["cookie"] == "la_session=cookie-value"
    assert "x-api-key" not in with_cookie.headers
    assert "cookie" not in public.headers


def test_idempotent_operations_are_exactly_the_ones_the_spec_marks() -> None:
    marked = {
        (method.upper(), path)
        for path, item in SPEC["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and op.get("x-idempotent") is True
    }
    assert marked  # keep-alive and stop, per the overlay
    assert {(op.method, op.path) for op in OPERATIONS if op.idempotent} == marked


@pytest.mark.parametrize("failure", [httpx.Response(503), httpx.ReadTimeout("slow")])
def test_a_post_marked_idempotent_is_retried_and_another_post_is_not(
    api: ScriptedAPI, sleeps: list[float], failure: httpx.Response | Exception
) -> None:
    api.script(failure, httpx.Response(200, json=envelope(None)))
    with client(api, api_key=API_KEY) as la:
        la.sessions.keep_alive(session_id=UUID)
        assert len(api.requests) == 2
        api.script(failure, httpx.Response(200, json=envelope(None)))
        api.requests.clear()
        with pytest.raises((InternalServerError, APITimeoutError)):
            la.sessions.create_token(mode="LITE", avatar_id=UUID)
        assert len(api.requests) == 1
