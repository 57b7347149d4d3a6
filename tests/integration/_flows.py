"""Which integration test walks a real flow of which resource (`client.<resource>`).

`@flow("contexts")` on a test registers it; `test_resource_flows.py` checks that every
resource of the generated client (from the spec) has one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

__all__ = ["FLOWS", "flow"]

F = TypeVar("F", bound=Callable[..., object])

# resource -> the tests walking one of its flows, as "module::function"
FLOWS: dict[str, list[str]] = {}


def flow(*resources: str) -> Callable[[F], F]:
    def register(test: F) -> F:
        for resource in resources:
            FLOWS.setdefault(resource, []).append(f"{test.__module__}::{test.__name__}")
        return test

    return register
