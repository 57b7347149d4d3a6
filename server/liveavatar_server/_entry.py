"""The `liveavatar-server` console script: says which extra to install when it is missing."""

from __future__ import annotations

import sys

EXTRA_HINT = "pip install 'liveavatar[server]'"


def main(argv: list[str] | None = None) -> int:
    try:
        from liveavatar_server._cli import main as cli
    except ModuleNotFoundError as exc:
        if (exc.name or "").startswith("liveavatar"):
            raise
        print(
            f"error: liveavatar-server needs the server extra ({exc.name} is not installed): "
            f"{EXTRA_HINT}",
            file=sys.stderr,
        )
        return 2
    return cli(argv)
