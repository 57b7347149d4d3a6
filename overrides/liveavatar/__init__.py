"""liveavatar: the handwritten client layer over the generated liveavatar_api package."""

from liveavatar_api.resources import AsyncPage, AsyncPager, RawResponse, SyncPage

from liveavatar._client import (
    AsyncLiveAvatar,
    AsyncLiveAvatarWithRawResponse,
    AsyncOperation,
    LiveAvatar,
    LiveAvatarWithRawResponse,
    SyncOperation,
)
from liveavatar._sessions import AsyncLiveSession, LiveSession
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
from liveavatar.realtime import AsyncRealtime, Realtime, RealtimeClosed, RealtimeError

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIStatusError",
    "APITimeoutError",
    "AsyncLiveAvatar",
    "AsyncLiveAvatarWithRawResponse",
    "AsyncLiveSession",
    "AsyncOperation",
    "AsyncPage",
    "AsyncPager",
    "AsyncRealtime",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "LiveAvatar",
    "LiveAvatarError",
    "LiveAvatarWithRawResponse",
    "LiveSession",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "Realtime",
    "RealtimeClosed",
    "RealtimeError",
    "SyncOperation",
    "SyncPage",
    "UnprocessableEntityError",
]
