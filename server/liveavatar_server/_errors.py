"""The two ways a request fails on purpose: an enveloped API error and a 422 validation error."""

from __future__ import annotations

from typing import Any


class ApiError(Exception):
    """An error answered as `{code: status, data: null, message}` with that HTTP status."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


class RequestInvalid(Exception):
    """A request that fails validation: answered 422 with FastAPI's `{detail: [...]}` shape."""

    def __init__(self, detail: list[dict[str, Any]]) -> None:
        super().__init__(f"{len(detail)} validation error(s)")
        self.detail = detail
