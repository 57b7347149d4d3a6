"""The parse step of a call: an httpx response becomes the envelope's `data`, an `APIResponse`, or the exception its status names.

Parsing runs apart from sending, so its failures are told apart by where they happen, not by
their type: what the generated parser raises on a body that breaks the spec becomes an
`APIError`, while a `TypeError` from the caller's own transport or event hook (raised while
sending) reaches the caller unchanged.
"""

from __future__ import annotations

import json
from collections.abc import MutableMapping
from typing import Any, Generic, Protocol, TypeVar, cast

import httpx
from liveavatar_api.types import Response, Unset

from liveavatar.errors import APIError, _make_status_error

__all__ = ["APIResponse", "Parser", "parse", "unwrap"]

T = TypeVar("T")

# What the generated `from_dict` parsers raise on a body of the wrong shape.
_PARSE_FAILURES = (KeyError, TypeError, ValueError, AttributeError)


class Parser(Protocol):
    """A generated operation module's `build_response`."""

    def __call__(self, *, client: Any, response: httpx.Response) -> Response[Any]: ...


def unwrap(parsed: object, data_required: bool = False) -> Any:
    """The envelope's `data` (None when absent, unless the operation promises one)."""
    data = getattr(parsed, "data", None)
    if type(data) is dict:
        # The generated parser of an `anyOf: [$ref, null]` falls back to the raw dict when the
        # model does not parse: the body broke the spec, so the caller must not get a dict.
        raise APIError("The response does not match the spec (data is not a valid object).")
    if data is None or isinstance(data, Unset):
        if data_required:
            raise APIError("The response does not match the spec (a success without data).")
        return None
    return data


class APIResponse(Generic[T]):
    """One successful call as received: status, headers, raw bytes and the parsed envelope.

    `parse()` returns what the plain call would have returned (the envelope's `data`).
    """

    __slots__ = ("_data_required", "content", "envelope", "headers", "status_code")

    def __init__(self, response: Response[Any], data_required: bool = False) -> None:
        self._data_required = data_required
        self.status_code: int = int(response.status_code)
        self.headers: MutableMapping[str, str] = response.headers
        self.content: bytes = response.content
        # The generated envelope model ({code, data, message}) or None for an undocumented status.
        self.envelope: Any = response.parsed

    def parse(self) -> T:
        return cast(T, unwrap(self.envelope, self._data_required))

    def json(self) -> Any:
        return json.loads(self.content)

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}]>"


def parse(build: Parser, api: Any, response: httpx.Response, data_required: bool, raw: bool) -> Any:
    """The result of one call from its response; raises the status error of a status >= 400.

    Errors are raised before the generated parser runs, which cannot read every error body
    (HTML, empty, FastAPI's `{detail}` where an envelope is documented).
    """
    if response.status_code >= 400:
        raise _make_status_error(response)
    try:
        parsed = build(client=api, response=response)
    except _PARSE_FAILURES as exc:
        raise APIError(f"The response does not match the spec ({type(exc).__name__}).") from exc
    if raw:
        return APIResponse[Any](parsed, data_required)
    return unwrap(parsed.parsed, data_required)
