"""The client's version, the spec version it speaks, and the User-Agent that names both."""

from __future__ import annotations

import httpx
from liveavatar_api.release import SPEC_VERSION, VERSION

__all__ = ["HTTPX_USER_AGENT", "SPEC_VERSION", "USER_AGENT", "VERSION"]

USER_AGENT = f"liveavatar-python/{VERSION} (LiveAvatar API {SPEC_VERSION})"
# What an httpx client sends when its owner set no User-Agent: the one a caller's client may lose.
HTTPX_USER_AGENT = f"python-httpx/{httpx.__version__}"
