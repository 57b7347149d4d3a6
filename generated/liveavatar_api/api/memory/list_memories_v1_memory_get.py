from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.http_validation_error import HTTPValidationError
from ...models.memory_type_enum import MemoryTypeEnum
from ...models.response_paginated_response_memory_list_item_response import (
    ResponsePaginatedResponseMemoryListItemResponse,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    type_: MemoryTypeEnum | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_type_: None | str | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, MemoryTypeEnum):
        json_type_ = type_.value
    else:
        json_type_ = type_
    params["type"] = json_type_

    params["page"] = page

    params["page_size"] = page_size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/memory",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseMemoryListItemResponse
    | None
):
    if response.status_code == 200:
        response_200 = ResponsePaginatedResponseMemoryListItemResponse.from_dict(
            response.json()
        )

        return response_200

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
) -> Response[
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseMemoryListItemResponse
]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseMemoryListItemResponse
]:
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
    type_: MemoryTypeEnum | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
) -> httpx.Response:
    """Send the request and return the response unparsed (`build_response` parses it).

    `headers` are added to the request's own; `timeout` replaces the client's (None: keep it).
    """

    kwargs = _get_kwargs(
        type_=type_,
        page=page,
        page_size=page_size,
    )

    return client.get_httpx_client().request(**_send_kwargs(kwargs, headers, timeout))


async def asyncio_send(
    *,
    client: AuthenticatedClient,
    type_: MemoryTypeEnum | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
) -> httpx.Response:
    """`sync_send` on the async httpx client."""

    kwargs = _get_kwargs(
        type_=type_,
        page=page,
        page_size=page_size,
    )

    return await client.get_async_httpx_client().request(
        **_send_kwargs(kwargs, headers, timeout)
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    type_: MemoryTypeEnum | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseMemoryListItemResponse
]:
    """List Memories

    Args:
        type_ (MemoryTypeEnum | None | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | HTTPValidationError | ResponsePaginatedResponseMemoryListItemResponse]
    """

    kwargs = _get_kwargs(
        type_=type_,
        page=page,
        page_size=page_size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    type_: MemoryTypeEnum | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> (
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseMemoryListItemResponse
    | None
):
    """List Memories

    Args:
        type_ (MemoryTypeEnum | None | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | HTTPValidationError | ResponsePaginatedResponseMemoryListItemResponse
    """

    return sync_detailed(
        client=client,
        type_=type_,
        page=page,
        page_size=page_size,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    type_: MemoryTypeEnum | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> Response[
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseMemoryListItemResponse
]:
    """List Memories

    Args:
        type_ (MemoryTypeEnum | None | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | HTTPValidationError | ResponsePaginatedResponseMemoryListItemResponse]
    """

    kwargs = _get_kwargs(
        type_=type_,
        page=page,
        page_size=page_size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    type_: MemoryTypeEnum | None | Unset = UNSET,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
) -> (
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseMemoryListItemResponse
    | None
):
    """List Memories

    Args:
        type_ (MemoryTypeEnum | None | Unset):
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | HTTPValidationError | ResponsePaginatedResponseMemoryListItemResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            type_=type_,
            page=page,
            page_size=page_size,
        )
    ).parsed
