from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.http_validation_error import HTTPValidationError
from ...models.list_sessions_v1_sessions_get_type import ListSessionsV1SessionsGetType
from ...models.response_paginated_response_union_list_session_entry_schema_list_historic_entry_schema import (
    ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    type_: ListSessionsV1SessionsGetType,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
    la_session: str | Unset = UNSET,
) -> dict[str, Any]:

    cookies = {}
    if la_session is not UNSET:
        cookies["la_session"] = la_session

    params: dict[str, Any] = {}

    params["page"] = page

    params["page_size"] = page_size

    json_type_ = type_.value
    params["type"] = json_type_

    params["avatar_id"] = avatar_id

    params["embed_id"] = embed_id

    params["context_id"] = context_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sessions",
        "params": params,
        "cookies": cookies,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> (
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
    | None
):
    if response.status_code == 200:
        response_200 = ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema.from_dict(
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
    | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
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
    | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
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
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    type_: ListSessionsV1SessionsGetType,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
    la_session: str | Unset = UNSET,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
) -> httpx.Response:
    """Send the request and return the response unparsed (`build_response` parses it).

    `headers` are added to the request's own; `timeout` replaces the client's (None: keep it).
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        type_=type_,
        avatar_id=avatar_id,
        embed_id=embed_id,
        context_id=context_id,
        la_session=la_session,
    )

    return client.get_httpx_client().request(**_send_kwargs(kwargs, headers, timeout))


async def asyncio_send(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    type_: ListSessionsV1SessionsGetType,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
    la_session: str | Unset = UNSET,
    headers: Mapping[str, str] | None = None,
    timeout: httpx.Timeout | None = None,
) -> httpx.Response:
    """`sync_send` on the async httpx client."""

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        type_=type_,
        avatar_id=avatar_id,
        embed_id=embed_id,
        context_id=context_id,
        la_session=la_session,
    )

    return await client.get_async_httpx_client().request(
        **_send_kwargs(kwargs, headers, timeout)
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    type_: ListSessionsV1SessionsGetType,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
    la_session: str | Unset = UNSET,
) -> Response[
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
]:
    """List Sessions

     List active sessions for the authenticated user

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        type_ (ListSessionsV1SessionsGetType):
        avatar_id (str | Unset):
        embed_id (str | Unset):
        context_id (str | Unset):
        la_session (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | HTTPValidationError | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        type_=type_,
        avatar_id=avatar_id,
        embed_id=embed_id,
        context_id=context_id,
        la_session=la_session,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    type_: ListSessionsV1SessionsGetType,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
    la_session: str | Unset = UNSET,
) -> (
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
    | None
):
    """List Sessions

     List active sessions for the authenticated user

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        type_ (ListSessionsV1SessionsGetType):
        avatar_id (str | Unset):
        embed_id (str | Unset):
        context_id (str | Unset):
        la_session (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | HTTPValidationError | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
    """

    return sync_detailed(
        client=client,
        page=page,
        page_size=page_size,
        type_=type_,
        avatar_id=avatar_id,
        embed_id=embed_id,
        context_id=context_id,
        la_session=la_session,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    type_: ListSessionsV1SessionsGetType,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
    la_session: str | Unset = UNSET,
) -> Response[
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
]:
    """List Sessions

     List active sessions for the authenticated user

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        type_ (ListSessionsV1SessionsGetType):
        avatar_id (str | Unset):
        embed_id (str | Unset):
        context_id (str | Unset):
        la_session (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | HTTPValidationError | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema]
    """

    kwargs = _get_kwargs(
        page=page,
        page_size=page_size,
        type_=type_,
        avatar_id=avatar_id,
        embed_id=embed_id,
        context_id=context_id,
        la_session=la_session,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    page: int | Unset = 1,
    page_size: int | Unset = 20,
    type_: ListSessionsV1SessionsGetType,
    avatar_id: str | Unset = UNSET,
    embed_id: str | Unset = UNSET,
    context_id: str | Unset = UNSET,
    la_session: str | Unset = UNSET,
) -> (
    ErrorEnvelope
    | HTTPValidationError
    | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
    | None
):
    """List Sessions

     List active sessions for the authenticated user

    Args:
        page (int | Unset):  Default: 1.
        page_size (int | Unset):  Default: 20.
        type_ (ListSessionsV1SessionsGetType):
        avatar_id (str | Unset):
        embed_id (str | Unset):
        context_id (str | Unset):
        la_session (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | HTTPValidationError | ResponsePaginatedResponseUnionListSessionEntrySchemaListHistoricEntrySchema
    """

    return (
        await asyncio_detailed(
            client=client,
            page=page,
            page_size=page_size,
            type_=type_,
            avatar_id=avatar_id,
            embed_id=embed_id,
            context_id=context_id,
            la_session=la_session,
        )
    ).parsed
