"""Lint the import direction between the generated and handwritten packages (see ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# package directory -> top-level modules it must never import
FORBIDDEN: dict[str, frozenset[str]] = {
    # generated code is machine-written and knows nothing of what plugs into it
    "generated/liveavatar_api": frozenset(
        {"liveavatar", "liveavatar_server", "liveavatar_contract", "liveavatar_models"}
    ),
    "generated/liveavatar_models": frozenset(
        {"liveavatar", "liveavatar_server", "liveavatar_contract", "liveavatar_api"}
    ),
    # the client installs with httpx + attrs alone: no pydantic, no server, no web framework
    "overrides/liveavatar": frozenset(
        {"liveavatar_server", "liveavatar_contract", "liveavatar_models", "pydantic", "fastapi",
         "starlette", "sqlalchemy", "schemathesis"}
    ),
    # the server stands on the pydantic models, never on the client
    "server/liveavatar_server": frozenset({"liveavatar", "liveavatar_api", "liveavatar_contract"}),
    # the contract suite judges any server over HTTP, so it imports neither implementation
    "contract/liveavatar_contract": frozenset({"liveavatar", "liveavatar_server"}),
}  # fmt: skip


def imported_modules(source: str) -> Iterator[tuple[int, str]]:
    """(line, top-level module) for every absolute import in ``source``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module.split(".")[0]


def violations(root: Path = ROOT) -> list[str]:
    found = []
    for package, forbidden in FORBIDDEN.items():
        for path in sorted((root / package).rglob("*.py")):
            for line, module in imported_modules(path.read_text(encoding="utf-8")):
                if module in forbidden:
                    found.append(f"{path.relative_to(root)}:{line}: {package} imports {module}")
    return found


def main() -> int:
    found = violations()
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
