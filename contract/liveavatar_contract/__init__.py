"""Contract suite: judges any LiveAvatar API implementation over HTTP (schemathesis + scenarios).

`main` loads on first use (PEP 562): the `liveavatar-contract` script imports this package
before it can tell an install without the contract extra which one to add.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from liveavatar_contract._cli import main

__all__ = ["main"]


def __getattr__(name: str) -> Any:
    if name != "main":
        raise AttributeError(f"module 'liveavatar_contract' has no attribute {name!r}")
    from liveavatar_contract._cli import main

    globals()["main"] = main
    return main


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
