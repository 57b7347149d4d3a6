"""Status -> exception table, through httpx.MockTransport, for every kind of error body."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import liveavatar
import pytest
from liveavatar import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AsyncLiveAvatar,
    LiveAvatar,
    LiveAvatarError,
    UnprocessableEntityError,
)
from liveavatar import errors as errors_module

from tests.client.conftest import (
    API_KEY,
    BASE_URL,
    CONFIG,
    SECRET_VALUE,
    TABLE,
    ScriptedAPI,
    envelope,
)

BODIES: dict[str, dict[str, Any]] = {
    "envelope": {"json": {"code": 40001, "data": None, "message": "Secret is invalid"}},
    "fastapi-detail": {"json": {"detail": "Secret is invalid"}},
    "html": {"text": "<html><body><h1>Bad gateway</h1></body></html>"},
    "empty": {"content": b""},
    "invalid-json": {"content": b'{"code": 4', "headers": {"content-type": "application/json"}},
    "json-array": {"json": [1, 2, 3]},
}


def client_for(api: ScriptedAPI) -> LiveAvatar:
    return LiveAvatar(
        API_KEY,
        base_url=BASE_URL,
        max_retries=0,
        http_client=httpx.Client(transport=api.transport()),
    )


@pytest.mark.parametrize(("status", "exc_type"), TABLE)
@pytest.mark.parametrize("body", sorted(BODIES))
def test_status_maps_to_its_exception_whatever_the_body(
    api: ScriptedAPI, status: int, exc_type: type[APIStatusError], body: str
) -> None:
    api.script(httpx.Response(status, **BODIES[body]))
    with client_for(api) as client, pytest.raises(APIStatusError) as caught:
        client.llm_configurations.get("cfg_1")
    exc = caught.value
    assert type(exc) is exc_type
    assert exc.status_code == status
    assert exc.response.status_code == status
    assert str(exc).startswith(f"Error code: {status} - ")
    assert "\n" not in str(exc)
    if body == "envelope":
        assert exc.code == 40001
        assert exc.message.endswith("Secret is invalid")
        assert exc.body == BODIES[body]["json"]
    elif body == "fastapi-detail":
        assert exc.code is None
        assert exc.message.endswith("Secret is invalid")
    elif body == "html":
        assert exc.body == BODIES[body]["text"]
        assert "<html>" not in exc.message  # an error page never becomes the message
    elif body == "empty":
        assert exc.body is None
    elif body == "invalid-json":
        assert exc.body == '{"code": 4'
        assert exc.code is None


def test_every_status_error_is_an_api_error_and_a_liveavatar_error() -> None:
    for _, exc_type in TABLE:
        assert issubclass(exc_type, APIStatusError)
        assert issubclass(exc_type, APIError)
        assert issubclass(exc_type, LiveAvatarError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIConnectionError, APIError)
    assert not issubclass(APIConnectionError, APIStatusError)


def test_422_carries_the_parsed_validation_details_without_the_input(api: ScriptedAPI) -> None:
    # FastAPI echoes the whole offending body as `input`: here it holds the secret value.
    detail = [
        {
            "type": "missing",
            "loc": ["body", "secret_type"],
            "msg": "Field required",
            "input": {"secret_name": "openai", "secret_value": SECRET_VALUE},
        },
        {"type": "string_too_short", "loc": ["body", "secret_name"], "msg": "Too short"},
    ]
    api.script(httpx.Response(422, json={"detail": detail}))
    with client_for(api) as client, pytest.raises(UnprocessableEntityError) as caught:
        client.secrets.create(
            secret_name="openai", secret_value=SECRET_VALUE, secret_type="OPENAI_API_KEY"
        )
    exc = caught.value
    assert [e.loc for e in exc.errors] == [["body", "secret_type"], ["body", "secret_name"]]
    assert [e.msg for e in exc.errors] == ["Field required", "Too short"]
    assert exc.message == (
        "Error code: 422 - body.secret_type: Field required; body.secret_name: Too short"
    )
    for text in (str(exc), repr(exc), exc.message):
        assert SECRET_VALUE not in text
        assert API_KEY not in text


def test_422_with_an_unexpected_detail_shape_still_maps(api: ScriptedAPI) -> None:
    api.script(httpx.Response(422, json={"detail": [{"weird": True}, "text"]}))
    with client_for(api) as client, pytest.raises(UnprocessableEntityError) as caught:
        client.llm_configurations.get("cfg_1")
    assert caught.value.errors == []
    assert caught.value.message == "Error code: 422 - Unprocessable Entity"


def test_no_error_message_carries_the_request_body_or_the_key(api: ScriptedAPI) -> None:
    for status in (400, 401, 404, 500):
        api.script(httpx.Response(status, json={"detail": "nope"}))
        with client_for(api) as client, pytest.raises(APIStatusError) as caught:
            client.secrets.create(
                secret_name="openai", secret_value=SECRET_VALUE, secret_type="OPENAI_API_KEY"
            )
        assert SECRET_VALUE in caught.value.response.request.content.decode()  # it was sent
        for text in (str(caught.value), repr(caught.value)):
            assert SECRET_VALUE not in text
            assert API_KEY not in text


def test_transport_failures_map_to_connection_errors(api: ScriptedAPI) -> None:
    api.script(httpx.ConnectError("[Errno 111] Connection refused"))
    with client_for(api) as client, pytest.raises(APIConnectionError) as refused:
        client.llm_configurations.list()
    assert type(refused.value) is APIConnectionError
    assert isinstance(refused.value.__cause__, httpx.ConnectError)
    api.script(httpx.ReadTimeout("timed out"))
    with client_for(api) as client, pytest.raises(APITimeoutError):
        client.llm_configurations.list()


def test_a_success_body_that_breaks_the_spec_is_an_api_error(api: ScriptedAPI) -> None:
    api.script(httpx.Response(200, json=envelope({"id": "cfg_1"})))  # required fields missing
    with client_for(api) as client, pytest.raises(APIError, match="does not match the spec"):
        client.llm_configurations.get("cfg_1")
    api.script(httpx.Response(200, text="not json"))
    with client_for(api) as client, pytest.raises(APIError, match="does not match the spec"):
        client.llm_configurations.get("cfg_1")


def test_a_wrong_call_is_not_disguised_as_an_api_error(api: ScriptedAPI) -> None:
    from liveavatar_api.api.secrets import list_secrets_v1_secrets_get as list_secrets

    with client_for(api) as client, pytest.raises(TypeError, match="unexpected keyword"):
        client.call(list_secrets, no_such_argument=1)
    assert api.requests == []


class _HookFailure(TypeError):
    """What a caller's own event hook raises: a TypeError of theirs, not a bad response."""


def _failing_hook(request: httpx.Request) -> None:
    raise _HookFailure("the caller's hook is broken")


async def _failing_hook_async(request: httpx.Request) -> None:
    raise _HookFailure("the caller's hook is broken")


def test_a_typeerror_from_a_callers_hook_surfaces_as_that_typeerror(api: ScriptedAPI) -> None:
    api.script(httpx.Response(200, json=envelope(CONFIG)))
    http = httpx.Client(transport=api.transport(), event_hooks={"request": [_failing_hook]})
    with (
        LiveAvatar(API_KEY, base_url=BASE_URL, http_client=http) as client,
        pytest.raises(_HookFailure, match="hook is broken"),
    ):
        client.llm_configurations.get("cfg_1")


def test_a_typeerror_from_a_callers_async_hook_surfaces_as_that_typeerror(
    api: ScriptedAPI,
) -> None:
    api.script(httpx.Response(200, json=envelope(CONFIG)))

    async def main() -> None:
        http = httpx.AsyncClient(
            transport=api.async_transport(), event_hooks={"request": [_failing_hook_async]}
        )
        async with AsyncLiveAvatar(API_KEY, base_url=BASE_URL, http_client=http) as client:
            with pytest.raises(_HookFailure, match="hook is broken"):
                await client.llm_configurations.get("cfg_1")
        await http.aclose()

    asyncio.run(main())


def test_a_402_is_a_payment_required_error(api: ScriptedAPI) -> None:
    api.script(httpx.Response(402, json={"code": 402, "data": None, "message": "No credits"}))
    with client_for(api) as client, pytest.raises(liveavatar.PaymentRequiredError) as raised:
        client.users.get_credits()
    assert raised.value.status_code == 402
    assert "No credits" in str(raised.value)


def test_public_names_are_exported_and_all_is_honest() -> None:
    for name in liveavatar.__all__:
        assert hasattr(liveavatar, name), name
    for name in errors_module.__all__:
        assert getattr(liveavatar, name) is getattr(errors_module, name)
    exported = {
        name
        for name, value in vars(liveavatar).items()
        if isinstance(value, type) and not name.startswith("_")
    }
    assert exported <= set(liveavatar.__all__)


def test_the_error_tree_is_drawn_in_the_errors_docstring() -> None:
    doc = errors_module.__doc__ or ""
    for name in errors_module.__all__:
        assert name in doc, name
    assert json.dumps(doc)  # plain text
