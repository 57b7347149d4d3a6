"""The client's exception tree, and the one function that builds a status error from a response.

```
LiveAvatarError                  anything this package raises on purpose
 ├── APIError                    the call failed (also raised as such for a success body
 │    │                          that does not match the spec)
 │    ├── APIConnectionError     no usable HTTP response: DNS, refused, reset, TLS, ...
 │    │    └── APITimeoutError   connect, read, write or pool timeout
 │    └── APIStatusError         any status >= 400 (status_code, code, message, body, response)
 │         ├── BadRequestError            400
 │         ├── AuthenticationError        401
 │         ├── PaymentRequiredError       402 (out of credits)
 │         ├── PermissionDeniedError      403
 │         ├── NotFoundError              404
 │         ├── ConflictError              409
 │         ├── UnprocessableEntityError   422 (errors: the parsed validation details)
 │         ├── RateLimitError             429
 │         └── InternalServerError        >= 500
 ├── RealtimeError               the LITE socket could not be opened or used (liveavatar.realtime)
 │    └── RealtimeClosed         the server closed it (code, reason)
 └── (LiveAvatarError itself)    bad configuration, e.g. neither an API key nor a session

LocalKeyWarning (a UserWarning)  a key minted by the reference server sent to another host
```

Messages are built from the status, the server's `message`/`detail` and validation
locations only: never from the request (whose body may hold a secret value) nor from
headers (which hold the API key).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
from liveavatar_api.models.validation_error import ValidationError

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "LiveAvatarError",
    "LocalKeyWarning",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
]

# An error page may be long; a message stays one short line.
_MAX_MESSAGE = 300


class LiveAvatarError(Exception):
    """Base of every exception this package raises on purpose."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class APIError(LiveAvatarError):
    """The API, or the network on the way to it, did not complete the call."""


class APIConnectionError(APIError):
    """No usable HTTP response arrived (connection refused or reset, DNS, TLS, protocol)."""

    def __init__(self, message: str = "Connection error.", *, request: httpx.Request | None = None):
        super().__init__(message)
        self.request = request


class APITimeoutError(APIConnectionError):
    """The request timed out (connect, read, write or waiting for a pooled connection)."""

    def __init__(
        self, message: str = "Request timed out.", *, request: httpx.Request | None = None
    ):
        super().__init__(message, request=request)


class APIStatusError(APIError):
    """The API answered with a status >= 400.

    `code` and `message` come from the error envelope `{code, data, message}` when the body is
    one, from FastAPI's `{detail}` otherwise, else from the HTTP reason phrase. `body` is the
    decoded JSON body, the text of a non-JSON body, or None for an empty one.
    """

    def __init__(self, message: str, *, response: httpx.Response, code: int | None, body: object):
        super().__init__(message)
        self.response = response
        self.status_code = response.status_code
        self.code = code
        self.body = body


class BadRequestError(APIStatusError):
    """400: the request is well formed but refused (no space, invalid secret, ...)."""


class AuthenticationError(APIStatusError):
    """401: missing or wrong API key or session."""


class PaymentRequiredError(APIStatusError):
    """402: the account has no credits left for this call."""


class PermissionDeniedError(APIStatusError):
    """403: authenticated but not allowed."""


class NotFoundError(APIStatusError):
    """404: unknown id or path."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state."""


class UnprocessableEntityError(APIStatusError):
    """422: the body failed validation; `errors` holds the parsed details."""

    def __init__(
        self,
        message: str,
        *,
        response: httpx.Response,
        code: int | None,
        body: object,
        errors: list[ValidationError],
    ) -> None:
        super().__init__(message, response=response, code=code, body=body)
        self.errors = errors


class RateLimitError(APIStatusError):
    """429: too many requests; retried by default, honouring Retry-After."""


class InternalServerError(APIStatusError):
    """>= 500: the server failed."""


class LocalKeyWarning(UserWarning):
    """A key minted by the reference server (`liveavatar-server`) is about to go to a host that
    is not local: most likely the client is not pointed at the local server (`base_url`)."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def _decode_body(response: httpx.Response) -> object:
    """JSON if the body is JSON, else its text, else None; never raises."""
    content = response.content
    if not content.strip():
        return None
    try:
        return json.loads(content)
    except ValueError:  # invalid JSON or undecodable bytes
        return response.text


def _validation_details(detail: object) -> list[ValidationError]:
    """FastAPI's `detail` list as generated models; items of another shape are skipped."""
    if not isinstance(detail, list):
        return []
    parsed = []
    for item in detail:
        try:
            parsed.append(ValidationError.from_dict(item))
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return parsed


def _describe(errors: list[ValidationError]) -> str:
    """`loc: msg` pairs. The offending `input` is left out: it may be a secret value."""
    return "; ".join(
        f"{'.'.join(str(part) for part in error.loc)}: {error.msg}" for error in errors
    )


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= _MAX_MESSAGE else line[: _MAX_MESSAGE - 3] + "..."


def _make_status_error(response: httpx.Response) -> APIStatusError:
    """The exception for a response with status >= 400, whatever its body looks like."""
    status = response.status_code
    body = _decode_body(response)
    code: int | None = None
    detail: Any = None
    errors: list[ValidationError] = []
    if isinstance(body, dict):
        raw_code = body.get("code")
        code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else None
        detail = body.get("message")
        if not isinstance(detail, str) or not detail:
            detail = body.get("detail")
        errors = _validation_details(body.get("detail"))
        if not errors:
            errors = _validation_details(body.get("data"))
    if errors:
        text = _describe(errors)
    elif isinstance(detail, str) and detail:
        text = detail
    else:
        text = response.reason_phrase or "HTTP error"
    message = f"Error code: {status} - {_one_line(text)}"

    if status == 422:
        return UnprocessableEntityError(
            message, response=response, code=code, body=body, errors=errors
        )
    cls = _BY_STATUS.get(status)
    if cls is None:
        cls = InternalServerError if status >= 500 else APIStatusError
    return cls(message, response=response, code=code, body=body)
