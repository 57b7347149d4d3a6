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
from liveavatar._response import APIResponse
from liveavatar._sessions import AsyncLiveSession, LiveSession
from liveavatar._version import SPEC_VERSION as __spec_version__
from liveavatar._version import VERSION as __version__
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
    LocalKeyWarning,
    NotFoundError,
    PaymentRequiredError,
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
    "LocalKeyWarning",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "RawResponse",
    "Realtime",
    "RealtimeClosed",
    "RealtimeError",
    "SyncOperation",
    "SyncPage",
    "UnprocessableEntityError",
    "__spec_version__",
    "__version__",
]
