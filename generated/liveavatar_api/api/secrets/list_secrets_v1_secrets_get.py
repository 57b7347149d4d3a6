from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.http_validation_error import HTTPValidationError
from ...models.response_list_secret_list_item_schema import (
    ResponseListSecretListItemSchema,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    la_session: str | Unset = UNSET,
) -> dict[str, Any]:

    cookies = {}
    if la_session is not UNSET:
        cookies["la_session"] = la_session

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/secrets",
        "cookies": cookies,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema | None:
    if response.status_code == 200:
        response_200 = ResponseListSecretListItemSchema.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 422:
        response_422 = HTTPValidationError.from_dict(response.json())

        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema]:
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
    client: AuthenticatedClient,
    la_session: str | Unset = UNSET,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
) -> httpx.Response:
    """Send the request and return the response unparsed (`build_response` parses it).

    `headers` are added to the request's own; `timeout` replaces the client's (None: keep it).
    """

    kwargs = _get_kwargs(
        la_session=la_session,
    )

    return client.get_httpx_client().request(**_send_kwargs(kwargs, headers, timeout))


async def asyncio_send(
    *,
    client: AuthenticatedClient,
    la_session: str | Unset = UNSET,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
) -> httpx.Response:
    """`sync_send` on the async httpx client."""

    kwargs = _get_kwargs(
        la_session=la_session,
    )

    return await client.get_async_httpx_client().request(
        **_send_kwargs(kwargs, headers, timeout)
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    la_session: str | Unset = UNSET,
) -> Response[ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema]:
    """List Secrets

     List all secrets for the authenticated user's space.

    This endpoint:
    - Requires API key authentication
    - Returns metadata only (id, name, type) - never returns decrypted values
    - Results are ordered by creation date (newest first)

    Args:
        service: Injected secrets service

    Returns:
        Response with list of secret metadata

    Raises:
        400 Bad Request: If user doesn't have an associated space

    Args:
        la_session (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema]
    """

    kwargs = _get_kwargs(
        la_session=la_session,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    la_session: str | Unset = UNSET,
) -> ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema | None:
    """List Secrets

     List all secrets for the authenticated user's space.

    This endpoint:
    - Requires API key authentication
    - Returns metadata only (id, name, type) - never returns decrypted values
    - Results are ordered by creation date (newest first)

    Args:
        service: Injected secrets service

    Returns:
        Response with list of secret metadata

    Raises:
        400 Bad Request: If user doesn't have an associated space

    Args:
        la_session (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema
    """

    return sync_detailed(
        client=client,
        la_session=la_session,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    la_session: str | Unset = UNSET,
) -> Response[ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema]:
    """List Secrets

     List all secrets for the authenticated user's space.

    This endpoint:
    - Requires API key authentication
    - Returns metadata only (id, name, type) - never returns decrypted values
    - Results are ordered by creation date (newest first)

    Args:
        service: Injected secrets service

    Returns:
        Response with list of secret metadata

    Raises:
        400 Bad Request: If user doesn't have an associated space

    Args:
        la_session (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema]
    """

    kwargs = _get_kwargs(
        la_session=la_session,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    la_session: str | Unset = UNSET,
) -> ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema | None:
    """List Secrets

     List all secrets for the authenticated user's space.

    This endpoint:
    - Requires API key authentication
    - Returns metadata only (id, name, type) - never returns decrypted values
    - Results are ordered by creation date (newest first)

    Args:
        service: Injected secrets service

    Returns:
        Response with list of secret metadata

    Raises:
        400 Bad Request: If user doesn't have an associated space

    Args:
        la_session (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | HTTPValidationError | ResponseListSecretListItemSchema
    """

    return (
        await asyncio_detailed(
            client=client,
            la_session=la_session,
        )
    ).parsed
