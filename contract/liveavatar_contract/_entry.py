"""The `liveavatar-contract` console script: says which extra to install when it is missing."""

from __future__ import annotations

import sys
from collections.abc import Sequence

EXTRA_HINT = "pip install 'liveavatar[contract]'"


def main(argv: Sequence[str] | None = None) -> int:
    try:
        from liveavatar_contract._cli import main as cli
    except ModuleNotFoundError as exc:
        if (exc.name or "").startswith("liveavatar"):
            raise
        print(
            f"error: liveavatar-contract needs the contract extra ({exc.name} is not installed): "
            f"{EXTRA_HINT}",
            file=sys.stderr,
        )
        return 2
    return cli(argv)
