"""LiveKit-format access tokens (HS256 JWTs naming the room and the identity).

Signed with a per-server secret kept in the data directory (`livekit.secret`, mode 0600),
or `LIVEAVATAR_LIVEKIT_API_KEY` / `LIVEAVATAR_LIVEKIT_API_SECRET` to mint tokens a local
`livekit-server --dev` accepts (`devkey` / `secret`).
"""

from __future__ import annotations

import os
import secrets as _random
from datetime import datetime, timedelta
from pathlib import Path

import jwt

from liveavatar_server._private_file import read_or_create_private

__all__ = ["AccessTokens"]

SECRET_FILE = "livekit.secret"  # noqa: S105 (a file name)
DEFAULT_API_KEY = "liveavatar-local"


def _secret_in(data_dir: Path) -> str:
    return read_or_create_private(data_dir / SECRET_FILE, lambda: _random.token_urlsafe(48)).strip()


class AccessTokens:
    """Mints join tokens for one server: `iss` is the API key, signed with its secret."""

    def __init__(self, data_dir: Path) -> None:
        self.api_key = os.environ.get("LIVEAVATAR_LIVEKIT_API_KEY") or DEFAULT_API_KEY
        self._secret = os.environ.get("LIVEAVATAR_LIVEKIT_API_SECRET") or _secret_in(data_dir)

    def __repr__(self) -> str:
        return f"AccessTokens(api_key={self.api_key!r}, secret=<hidden>)"

    def join(self, room: str, identity: str, *, now: datetime, valid_until: datetime) -> str:
        claims = {
            "iss": self.api_key,
            "sub": identity,
            "name": identity,
            "nbf": int(now.timestamp()),
            "exp": int(max(valid_until, now + timedelta(minutes=10)).timestamp()),
            "video": {
                "room": room,
                "roomJoin": True,
                "canPublish": True,
                "canSubscribe": True,
                "canPublishData": True,
            },
            "metadata": "",
        }
        return jwt.encode(claims, self._secret, algorithm="HS256")

    def verify(self, token: str) -> dict[str, object]:
        """The claims of a token this server minted (for tests and local tooling)."""
        claims: dict[str, object] = jwt.decode(
            token, self._secret, algorithms=["HS256"], options={"verify_nbf": False}
        )
        return claims
