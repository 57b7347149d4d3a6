"""A contract finding: which promise broke, how, and the one command that replays it."""

from __future__ import annotations

import contextlib
import json
import shlex
from dataclasses import dataclass

import httpx

API_KEY_HEADER = "X-API-KEY"
# Reproductions name the keys by environment variable so no key is ever printed or written.
KEY_VARIABLES = ("API_KEY", "API_KEY_2")
# Credentials the suite makes up to be refused start with this.
WRONG_PREFIX = "la-wrong-"


@dataclass(frozen=True, slots=True)
class Finding:
    """One broken promise (or, as a warning, one hygiene lapse) found by the scenario phase."""

    check: str
    message: str
    reproduce: str
    # Warnings are hygiene, not contract: printed and counted, failing only with --strict.
    warning: bool = False
    # False when the docs do not state the expectation (the suite's most plausible reading).
    documented: bool = True

    def render(self) -> str:
        kind = "warning: " if self.warning else ""
        note = "" if self.documented else " (an expectation the docs do not state)"
        return f"[{kind}{self.check}] {self.message}{note}\n    Reproduce with: {self.reproduce}"

    def as_json(self) -> dict[str, object]:
        return {
            "check": self.check,
            "message": self.message,
            "reproduce": self.reproduce,
            "warning": self.warning,
            "documented": self.documented,
        }


def curl_line(request: httpx.Request, keys: dict[str, str]) -> str:
    """A curl command replaying `request`, with API keys replaced by `$API_KEY`-style variables."""
    parts = ["curl", "-sS", "-i", "-X", request.method, shlex.quote(str(request.url))]
    sent_key = request.headers.get(API_KEY_HEADER)
    if sent_key is not None:
        variable = next((name for name, value in keys.items() if value == sent_key), None)
        header = (
            f'"{API_KEY_HEADER}: ${variable}"'
            if variable
            else shlex.quote(f"{API_KEY_HEADER}: {sent_key}")
        )
        parts += ["-H", header]
    bearer = request.headers.get("authorization", "")
    if bearer:
        # A session token is a credential too; made-up wrong tokens are shown as sent.
        shown = bearer if bearer.startswith(f"Bearer {WRONG_PREFIX}") else "Bearer $SESSION_TOKEN"
        parts += ["-H", shlex.quote(f"Authorization: {shown}").replace("'", '"')]
    if request.content:
        parts += ["-H", shlex.quote("content-type: application/json")]
        parts += ["--data-raw", shlex.quote(request.content.decode("utf-8"))]
    return " ".join(parts)


def describe(response: httpx.Response) -> str:
    """Status and a bounded excerpt of the body, for failure messages."""
    text = response.text
    with contextlib.suppress(ValueError):
        text = json.dumps(response.json(), ensure_ascii=False)
    if len(text) > 400:
        text = text[:400] + "..."
    return f"{response.status_code} {text}"
