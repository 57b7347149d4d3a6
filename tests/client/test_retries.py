"""The retry policy, rule by rule: what is retried for which method, how long it waits, and that a
POST is never duplicated where the server may have acted."""

from __future__ import annotations

import email.utils
import logging
import time

import httpx
import pytest
from liveavatar import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConflictError,
    InternalServerError,
    LiveAvatar,
    NotFoundError,
    RateLimitError,
    _retry,
)

from tests.client.conftest import API_KEY, BASE_URL, CONFIG, SECRET_VALUE, ScriptedAPI, envelope

OK_CONFIG = httpx.Response(200, json=envelope(CONFIG))
OK_SECRET = httpx.Response(
    200, json=envelope({"id": "sec_1", "secret_name": "openai", "secret_type": "OPENAI_API_KEY"})
)
OK_NONE = httpx.Response(200, json=envelope(None))


def client_for(api: ScriptedAPI, max_retries: int = 2) -> LiveAvatar:
    return LiveAvatar(
        API_KEY,
        base_url=BASE_URL,
        max_retries=max_retries,
        http_client=httpx.Client(transport=api.transport()),
    )


def create_secret(client: LiveAvatar) -> object:
    return client.secrets.create(
        secret_name="openai", secret_value=SECRET_VALUE, secret_type="OPENAI_API_KEY"
    )


# --- idempotent methods: GET, PATCH, DELETE -------------------------------------------------


@pytest.mark.parametrize("status", [408, 429, 500, 502, 503, 504])
def test_get_is_retried_on_transient_statuses(
    api: ScriptedAPI, sleeps: list[float], status: int
) -> None:
    api.script(httpx.Response(status), OK_CONFIG)
    with client_for(api) as client:
        assert client.llm_configurations.get("cfg_1").id == "cfg_1"
    assert len(api.requests) == 2
    assert len(sleeps) == 1


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), httpx.ReadTimeout("slow"), httpx.ReadError("reset")],
    ids=["connect-error", "read-timeout", "read-error"],
)
def test_get_is_retried_on_transport_failures(
    api: ScriptedAPI, sleeps: list[float], failure: Exception
) -> None:
    api.script(failure, OK_CONFIG)
    with client_for(api) as client:
        assert client.llm_configurations.get("cfg_1").id == "cfg_1"
    assert len(api.requests) == 2


def test_patch_and_delete_are_retried_like_get(api: ScriptedAPI, sleeps: list[float]) -> None:
    api.script(httpx.Response(502), httpx.ReadTimeout("slow"), OK_CONFIG)
    with client_for(api) as client:
        client.llm_configurations.update("cfg_1", display_name="Renamed")
    assert [r.method for r in api.requests] == ["PATCH"] * 3
    assert api.bodies == [{"display_name": "Renamed"}] * 3
    api.script(httpx.Response(504), OK_NONE)
    api.requests.clear()
    with client_for(api) as client:
        client.llm_configurations.delete("cfg_1")
    assert [r.method for r in api.requests] == ["DELETE"] * 2


@pytest.mark.parametrize(("status", "exc_type"), [(404, NotFoundError), (409, ConflictError)])
def test_client_errors_are_never_retried(
    api: ScriptedAPI, sleeps: list[float], status: int, exc_type: type[Exception]
) -> None:
    api.script(httpx.Response(status))
    with client_for(api) as client, pytest.raises(exc_type):
        client.llm_configurations.get("cfg_1")
    assert len(api.requests) == 1
    assert sleeps == []


def test_retries_stop_after_max_retries(api: ScriptedAPI, sleeps: list[float]) -> None:
    api.script(httpx.Response(503))
    with client_for(api, max_retries=3) as client, pytest.raises(InternalServerError):
        client.llm_configurations.list()
    assert len(api.requests) == 4
    assert len(sleeps) == 3


# --- POST: only where the server cannot have acted -----------------------------------------


@pytest.mark.parametrize(
    "failure",
    [httpx.ConnectError("refused"), httpx.ConnectTimeout("no route"), httpx.PoolTimeout("busy")],
    ids=["connect-error", "connect-timeout", "pool-timeout"],
)
def test_post_is_retried_when_the_request_was_never_sent(
    api: ScriptedAPI, sleeps: list[float], failure: Exception
) -> None:
    api.script(failure, OK_SECRET)
    with client_for(api) as client:
        assert create_secret(client) is not None
    assert [r.method for r in api.requests] == ["POST", "POST"]


def test_post_is_retried_on_429_which_rejects_before_acting(
    api: ScriptedAPI, sleeps: list[float]
) -> None:
    api.script(httpx.Response(429, headers={"Retry-After": "1"}), OK_SECRET)
    with client_for(api) as client:
        create_secret(client)
    assert len(api.requests) == 2
    assert sleeps == [1.0]


@pytest.mark.parametrize(
    "failure",
    [
        httpx.Response(500),
        httpx.Response(502),
        httpx.Response(503, headers={"Retry-After": "1"}),
        httpx.Response(504),
        httpx.Response(408),
        httpx.ReadTimeout("slow"),
        httpx.WriteTimeout("slow"),
        httpx.ReadError("reset"),
        httpx.RemoteProtocolError("server disconnected"),
    ],
    ids=["500", "502", "503-retry-after", "504", "408", "read-timeout", "write-timeout",
         "read-error", "disconnected"],
)  # fmt: skip
def test_post_is_never_retried_where_the_server_may_have_acted(
    api: ScriptedAPI, sleeps: list[float], failure: httpx.Response | Exception
) -> None:
    api.script(failure, OK_SECRET)
    with client_for(api) as client, pytest.raises((APIStatusError, APIConnectionError)):
        create_secret(client)
    assert len(api.requests) == 1  # the create was sent once: no duplicate
    assert sleeps == []


def test_post_read_timeout_is_an_api_timeout_error(api: ScriptedAPI, sleeps: list[float]) -> None:
    api.script(httpx.ReadTimeout("slow"))
    with client_for(api) as client, pytest.raises(APITimeoutError):
        client.llm_configurations.create(display_name="A", model_name="m", secret_id="sec_1")
    assert len(api.requests) == 1


# --- max_retries per client and per call ----------------------------------------------------


def test_max_retries_zero_on_the_client(api: ScriptedAPI, sleeps: list[float]) -> None:
    api.script(httpx.Response(503), OK_CONFIG)
    with client_for(api, max_retries=0) as client, pytest.raises(InternalServerError):
        client.llm_configurations.get("cfg_1")
    assert len(api.requests) == 1


def test_max_retries_per_call_with_options(api: ScriptedAPI, sleeps: list[float]) -> None:
    with client_for(api, max_retries=2) as client:
        api.script(httpx.Response(429))
        with pytest.raises(RateLimitError):
            client.with_options(max_retries=0).llm_configurations.get("cfg_1")
        assert len(api.requests) == 1
        api.script(*[httpx.Response(503)] * 5, OK_CONFIG)
        api.requests.clear()
        assert client.with_options(max_retries=5).llm_configurations.get("cfg_1").id == "cfg_1"
        assert len(api.requests) == 6
        assert client.max_retries == 2  # the original is unchanged


# --- how long it waits ----------------------------------------------------------------------


def test_retry_after_seconds_is_honoured(api: ScriptedAPI, sleeps: list[float]) -> None:
    api.script(httpx.Response(503, headers={"Retry-After": "2.5"}), OK_CONFIG)
    with client_for(api) as client:
        client.llm_configurations.get("cfg_1")
    assert sleeps == [2.5]


def test_retry_after_http_date_is_honoured(api: ScriptedAPI, sleeps: list[float]) -> None:
    when = email.utils.formatdate(time.time() + 10, usegmt=True)
    api.script(httpx.Response(429, headers={"Retry-After": when}), OK_CONFIG)
    with client_for(api) as client:
        client.llm_configurations.get("cfg_1")
    assert len(sleeps) == 1
    assert 8.0 <= sleeps[0] <= 10.0


@pytest.mark.parametrize("value", ["3600", "not-a-date", "-5"])
def test_unusable_retry_after_falls_back_to_capped_backoff(
    api: ScriptedAPI, sleeps: list[float], value: str
) -> None:
    api.script(httpx.Response(503, headers={"Retry-After": value}), OK_CONFIG)
    with client_for(api) as client:
        client.llm_configurations.get("cfg_1")
    expected_max = 0.0 if value == "-5" else _retry.INITIAL_DELAY
    assert 0.0 <= sleeps[0] <= expected_max


def test_backoff_is_exponential_with_jitter_and_capped() -> None:
    failure = httpx.ConnectError("refused")
    for attempt in range(8):
        full = min(_retry.INITIAL_DELAY * 2**attempt, _retry.MAX_DELAY)
        delays = {_retry.retry_delay(attempt, failure) for _ in range(20)}
        assert all(0.75 * full <= d <= full for d in delays)
        assert len(delays) > 1  # jittered
    assert _retry.retry_delay(30, failure) <= _retry.MAX_DELAY


def test_retries_are_logged_without_secrets(
    api: ScriptedAPI, sleeps: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    api.script(httpx.ConnectError("refused"), httpx.Response(429), OK_SECRET)
    with caplog.at_level(logging.INFO, logger="liveavatar"), client_for(api) as client:
        create_secret(client)
    messages = [r.getMessage() for r in caplog.records]
    assert len(messages) == 2
    assert "POST /v1/secrets" in messages[0]
    assert "429" in messages[1]
    assert all(SECRET_VALUE not in m and API_KEY not in m for m in messages)
