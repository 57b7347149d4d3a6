"""Configuration: environment variables, credentials, timeouts, the caller's http_client, pools, reprs."""

from __future__ import annotations

import warnings

import httpx
import liveavatar
import pytest
from liveavatar import APITimeoutError, LiveAvatar, LiveAvatarError

from tests.client.conftest import API_KEY, BASE_URL, CONFIG, ScriptedAPI, envelope

SESSION = "session-cookie-value-42"


def mock_client(api: ScriptedAPI) -> httpx.Client:
    return httpx.Client(transport=api.transport())


def test_api_key_and_base_url_come_from_the_environment(
    api: ScriptedAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVEAVATAR_API_KEY", API_KEY)
    monkeypatch.setenv("LIVEAVATAR_BASE_URL", "http://from-env.test/")
    with LiveAvatar(http_client=mock_client(api)) as client:
        assert client.base_url == "http://from-env.test"
        client.secrets.list()
    request = api.requests[0]
    assert request.url == "http://from-env.test/v1/secrets"
    assert request.headers["X-API-KEY"] == API_KEY
    assert "cookie" not in request.headers


def test_arguments_win_over_the_environment(
    api: ScriptedAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIVEAVATAR_API_KEY", "env-key")
    monkeypatch.setenv("LIVEAVATAR_BASE_URL", "http://from-env.test")
    with LiveAvatar("arg-key", base_url=BASE_URL, http_client=mock_client(api)) as client:
        client.secrets.list()
    assert api.requests[0].headers["X-API-KEY"] == "arg-key"
    assert api.requests[0].url.host == "api.test"


def test_default_base_url_is_the_public_api(monkeypatch: pytest.MonkeyPatch) -> None:
    with LiveAvatar(API_KEY) as client:
        assert client.base_url == "https://api.liveavatar.com"


def test_session_cookie_from_argument_or_environment(
    api: ScriptedAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    with LiveAvatar(session=SESSION, base_url=BASE_URL, http_client=mock_client(api)) as client:
        client.secrets.list()
    monkeypatch.setenv("LIVEAVATAR_SESSION", SESSION)
    with LiveAvatar(base_url=BASE_URL, http_client=mock_client(api)) as client:
        client.secrets.list()
    for request in api.requests:
        assert request.headers["cookie"] == f"la_session={SESSION}"
        assert "x-api-key" not in request.headers  # session only: no empty key header


def test_own_pool_carries_no_credential(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without http_client the generated client builds the pool; credentials go per call."""
    client = LiveAvatar(API_KEY, session=SESSION, base_url=BASE_URL)
    http = client._api.get_httpx_client()
    assert "X-API-KEY" not in http.headers
    assert not http.cookies
    assert http.timeout == httpx.Timeout(30.0)
    client.close()
    assert http.is_closed


def test_missing_credentials_name_the_environment_variable(api: ScriptedAPI) -> None:
    """Checked per call, before any request: operations without security need no key."""
    with LiveAvatar(http_client=mock_client(api)) as client:
        with pytest.raises(LiveAvatarError, match="LIVEAVATAR_API_KEY"):
            client.secrets.list()
        with pytest.raises(LiveAvatarError, match="session token"):
            client.sessions.start()
    assert api.requests == []


def test_negative_max_retries_is_refused() -> None:
    with pytest.raises(LiveAvatarError, match="max_retries"):
        LiveAvatar(API_KEY, max_retries=-1)
    with pytest.raises(ValueError, match="max_retries"):
        LiveAvatar(API_KEY).with_options(max_retries=-1)


def test_repr_hides_the_key_and_the_session() -> None:
    client = LiveAvatar(API_KEY, session=SESSION, base_url=BASE_URL)
    text = repr(client)
    assert API_KEY not in text
    assert SESSION not in text
    assert text == (
        "LiveAvatar(base_url='http://api.test', api_key=<set>, session=<set>, "
        "session_token=None, timeout=30.0, max_retries=2)"
    )
    assert API_KEY not in repr(client.with_options(max_retries=0))
    assert "timeout=5.0" in repr(client.with_options(timeout=5.0))
    client.close()


def test_default_timeout_is_30_seconds_and_configurable(api: ScriptedAPI) -> None:
    http = mock_client(api)
    with LiveAvatar(API_KEY, base_url=BASE_URL, http_client=http) as client:
        client.secrets.list()
        client.with_options(timeout=2.0).secrets.list()
        client.with_options(timeout=None).secrets.list()
        client.secrets.list()  # the override does not leak into later calls
    timeouts = [r.extensions["timeout"]["read"] for r in api.requests]
    assert timeouts == [30.0, 2.0, None, 30.0]
    with LiveAvatar(API_KEY, base_url=BASE_URL, timeout=7.0, http_client=http) as client:
        client.secrets.list()
    assert api.requests[-1].extensions["timeout"]["read"] == 7.0


def test_a_real_timeout_raises_api_timeout_error() -> None:
    """Against a loopback socket that accepts and never answers."""
    import socket

    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen()
        port = server.getsockname()[1]
        client = LiveAvatar(API_KEY, base_url=f"http://127.0.0.1:{port}", max_retries=0)
        with client, pytest.raises(APITimeoutError):
            client.with_options(timeout=0.2).llm_configurations.get("cfg_1")


def test_callers_http_client_keeps_its_transport_and_stays_open(api: ScriptedAPI) -> None:
    seen: list[str] = []

    def log_request(request: httpx.Request) -> None:
        seen.append(request.url.path)

    http = httpx.Client(
        transport=api.transport(), headers={"X-Trace": "t1"}, event_hooks={"request": [log_request]}
    )
    api.script(httpx.Response(200, json=envelope(CONFIG)))
    with LiveAvatar(API_KEY, base_url=BASE_URL, http_client=http) as client:
        assert client.llm_configurations.get("cfg_1").display_name == "Assistant"
    assert api.requests[0].headers["X-Trace"] == "t1"
    assert seen == ["/v1/llm-configurations/cfg_1"]  # the caller's own hook still runs
    assert not http.is_closed  # the caller owns it
    http.close()


def test_wrong_kind_of_http_client_is_refused() -> None:
    with pytest.raises(TypeError, match=r"httpx\.Client"):
        LiveAvatar(API_KEY, http_client=httpx.AsyncClient())  # type: ignore[arg-type]


def test_with_options_shares_the_pool(api: ScriptedAPI) -> None:
    client = LiveAvatar(API_KEY, base_url=BASE_URL)
    derived = client.with_options(max_retries=0)
    assert derived._api is client._api
    client.close()


LOCAL_KEY = "la_" + "A" * 43  # the shape of a key the reference server mints


def test_a_local_key_sent_to_another_host_warns() -> None:
    with pytest.warns(liveavatar.LocalKeyWarning, match="api.liveavatar.com") as caught:
        LiveAvatar(LOCAL_KEY).close()
    assert caught[0].filename == __file__  # points at the line that made the client
    with pytest.warns(liveavatar.LocalKeyWarning, match="192.0.2.7"):
        LiveAvatar(LOCAL_KEY, base_url="http://192.0.2.7:8000").close()


@pytest.mark.parametrize(
    "base_url", ["http://127.0.0.1:8000", "http://localhost:8000", "http://[::1]:8000"]
)
def test_a_local_key_sent_to_a_local_server_does_not_warn(base_url: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        LiveAvatar(LOCAL_KEY, base_url=base_url).close()
        LiveAvatar("sk-some-other-key", base_url="https://api.liveavatar.com").close()


def test_a_connection_error_names_the_host() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused", request=request)

    def time_out(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("timed out")  # a transport that attaches no request

    for handler, expected in [(refuse, "Connection error"), (time_out, "Request timed out")]:
        http = httpx.Client(transport=httpx.MockTransport(handler))
        with (
            LiveAvatar("k", base_url="http://server.example:8000", http_client=http) as client,
            pytest.raises(liveavatar.APIConnectionError, match=rf"{expected} \(server.example\)"),
        ):
            client.with_options(max_retries=0).secrets.list()
