"""Contract suite: judges any LiveAvatar API implementation over HTTP (schemathesis + scenarios)."""

from liveavatar_contract._cli import main

__all__ = ["main"]
