"""Lint the import direction between the generated and handwritten packages (see ARCHITECTURE.md)."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PRODUCTS = frozenset({"liveavatar", "liveavatar_server", "liveavatar_contract"})
GENERATED = frozenset({"liveavatar_api", "liveavatar_models"})
WEB = frozenset({"fastapi", "starlette", "sqlalchemy", "schemathesis"})

# The one declaration of the import rules (ARCHITECTURE.md draws it): folder -> top-level
# modules no file under it may import. A folder listed inside another one follows both rules.
FORBIDDEN: dict[str, frozenset[str]] = {
    # generated code is machine-written and knows nothing of what plugs into it
    "generated/liveavatar_api": PRODUCTS | {"liveavatar_models"},
    "generated/liveavatar_models": PRODUCTS | {"liveavatar_api"},
    # the client installs with httpx + attrs alone: no pydantic, no server, no web framework
    "overrides/liveavatar": (PRODUCTS - {"liveavatar"}) | {"liveavatar_models", "pydantic"} | WEB,
    # the server stands on the pydantic models, never on the client
    "server/liveavatar_server": (PRODUCTS - {"liveavatar_server"}) | {"liveavatar_api"},
    # the contract suite judges any server over HTTP, so it imports neither implementation
    # (liveavatar_models is allowed: it ships the effective spec the suite judges against)
    "contract/liveavatar_contract": (PRODUCTS - {"liveavatar_contract"}) | {"liveavatar_api"},
    # the pipeline writes generated/ and so cannot stand on it, nor on what is built on it
    "tools": PRODUCTS | GENERATED,
    # benchmarks drive the client and reach the server only as a process started by its CLI;
    # of the tests they use only the shared support (live servers, scratch databases)
    "bench": frozenset({"liveavatar_server", "liveavatar_contract", "liveavatar_models", "tests"}),
    # test support starts products by their CLI and knows none of their internals
    "tests/_support": PRODUCTS | GENERATED | {"bench"},
}
# Modules a folder may import although FORBIDDEN names their parent.
ALLOWED: dict[str, frozenset[str]] = {"bench": frozenset({"tests._support"})}
# tests/ (outside tests/bench, which tests the benchmark scripts) never import bench/.
TESTS_NOT_BENCH = ("tests", "tests/bench")


def imported_modules(source: str) -> Iterator[tuple[int, str]]:
    """(line, dotted module) for every absolute import in ``source``."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.lineno, node.module


def _within(module: str, names: frozenset[str]) -> str | None:
    """The name of ``names`` that ``module`` is or lies inside, if any."""
    return next((n for n in names if module == n or module.startswith(n + ".")), None)


def _rules() -> Iterator[tuple[str, frozenset[str], str | None]]:
    """(folder, forbidden modules, a subfolder the rule skips) for every rule."""
    for package, forbidden in FORBIDDEN.items():
        yield package, forbidden, None
    tests, bench_tests = TESTS_NOT_BENCH
    yield tests, frozenset({"bench"}), bench_tests


def violations(root: Path = ROOT) -> list[str]:
    found = []
    for package, forbidden, skipped in _rules():
        for path in sorted((root / package).rglob("*.py")):
            if skipped and path.is_relative_to(root / skipped):
                continue
            for line, module in imported_modules(path.read_text(encoding="utf-8")):
                name = _within(module, forbidden)
                if name and not _within(module, ALLOWED.get(package, frozenset())):
                    found.append(f"{path.relative_to(root)}:{line}: {package} imports {name}")
    return found


def main() -> int:
    found = violations()
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
