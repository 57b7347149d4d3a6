"""liveavatar: the handwritten client layer over the generated liveavatar_api package."""

from liveavatar._client import (
    AsyncLiveAvatar,
    AsyncLiveAvatarWithRawResponse,
    AsyncOperation,
    LiveAvatar,
    LiveAvatarWithRawResponse,
    SyncOperation,
)
from liveavatar._transport import APIResponse
from liveavatar.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    LiveAvatarError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "AsyncLiveAvatar",
    "AsyncLiveAvatarWithRawResponse",
    "AsyncOperation",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "LiveAvatar",
    "LiveAvatarError",
    "LiveAvatarWithRawResponse",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "SyncOperation",
    "UnprocessableEntityError",
]
