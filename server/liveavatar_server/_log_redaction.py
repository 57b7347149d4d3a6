"""A logging filter that hides URL credentials: the socket's `?token=` in uvicorn's lines.

uvicorn logs every WebSocket handshake with its path and query (`"WebSocket /v1/sessions/ID/ws?
token=..." [accepted]`) at INFO; the `ws_url` token opens the session's socket, so it never
reaches a log.
"""

from __future__ import annotations

import logging
import re

__all__ = ["RedactTokens", "redact"]

_TOKEN = re.compile(r"(?i)([?&]token=)[^&\s\"']+")


def redact(text: str) -> str:
    return _TOKEN.sub(r"\1<hidden>", text)


class RedactTokens(logging.Filter):
    """Rewrites the message and string arguments of every record it sees; drops nothing."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True
