"""The `ws_url` of a LITE session: the socket's address with its own credential in the query.

The credential is a token signed like the LiveKit join tokens (`_livekit.AccessTokens`, the
data directory's secret, shared by every worker), naming the space and the session; it is
checked again on every connection, and the session must still be running.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode, urlsplit

import jwt

from liveavatar_server._livekit import AccessTokens

__all__ = ["SOCKET_PATH", "socket_session", "socket_url"]

SOCKET_PATH = "/v1/sessions/{session_id}/ws"
_IDENTITY = "realtime"


def socket_url(request_url: str, row: Mapping[str, Any], tokens: AccessTokens) -> str:
    """The `ws_url` `POST /v1/sessions/start` answers for the started ``row``."""
    scheme, netloc, *_ = urlsplit(request_url)
    token = tokens.join(
        row["room"],
        f"{_IDENTITY}:{row['space_id']}:{row['id']}",
        now=row["started_at"],
        valid_until=row["ends_by"] + timedelta(minutes=5),
    )
    path = SOCKET_PATH.format(session_id=row["id"])
    return f"{'wss' if scheme == 'https' else 'ws'}://{netloc}{path}?{urlencode({'token': token})}"


def socket_session(tokens: AccessTokens, token: str, session_id: str) -> str | None:
    """The space of ``session_id`` when ``token`` is its socket credential; None otherwise."""
    try:
        claims = tokens.verify(token)
    except jwt.InvalidTokenError:
        return None
    kind, _, rest = str(claims.get("sub", "")).partition(":")
    space_id, _, named = rest.partition(":")
    if kind != _IDENTITY or named != session_id or not space_id:
        return None
    return space_id
