from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.response_list_language_schema import ResponseListLanguageSchema
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/languages",
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ResponseListLanguageSchema | None:
    if response.status_code == 200:
        response_200 = ResponseListLanguageSchema.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ResponseListLanguageSchema]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ResponseListLanguageSchema]:
    """The response of `sync_send` / `asyncio_send` parsed as the spec documents it."""
    return _build_response(client=client, response=response)


def _send_kwargs(
    kwargs: dict[str, Any],
    headers: Mapping[str, str] | None,
    timeout: httpx.Timeout | None,
) -> dict[str, Any]:
    if headers:
        kwargs["headers"] = {**kwargs.get("headers", {}), **headers}
    if not kwargs.get("cookies"):
        # An empty per-request cookies dict is deprecated by httpx: send none at all.
        kwargs.pop("cookies", None)
    if timeout is not None:
        kwargs["timeout"] = timeout
    return kwargs


def sync_send(
    *,
    client: AuthenticatedClient | Client,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
) -> httpx.Response:
    """Send the request and return the response unparsed (`build_response` parses it).

    `headers` are added to the request's own; `timeout` replaces the client's (None: keep it).
    """

    kwargs = _get_kwargs()

    return client.get_httpx_client().request(**_send_kwargs(kwargs, headers, timeout))


async def asyncio_send(
    *,
    client: AuthenticatedClient | Client,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
) -> httpx.Response:
    """`sync_send` on the async httpx client."""

    kwargs = _get_kwargs()

    return await client.get_async_httpx_client().request(
        **_send_kwargs(kwargs, headers, timeout)
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ResponseListLanguageSchema]:
    """Get Languages

     Return the list of supported languages with code and display name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ResponseListLanguageSchema]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
) -> ResponseListLanguageSchema | None:
    """Get Languages

     Return the list of supported languages with code and display name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ResponseListLanguageSchema
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
) -> Response[ResponseListLanguageSchema]:
    """Get Languages

     Return the list of supported languages with code and display name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ResponseListLanguageSchema]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
) -> ResponseListLanguageSchema | None:
    """Get Languages

     Return the list of supported languages with code and display name.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ResponseListLanguageSchema
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
