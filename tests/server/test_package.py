"""The package's surface: `__all__` is honest and every handwritten module says what it adds."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from pathlib import Path

import liveavatar_server


def test_all_names_exist_and_nothing_private_is_exported() -> None:
    for name in liveavatar_server.__all__:
        assert hasattr(liveavatar_server, name), name
        assert not name.startswith("_")


def test_every_module_opens_with_a_one_line_docstring() -> None:
    root = Path(liveavatar_server.__file__).parent
    modules = list(root.rglob("*.py"))
    assert len(modules) > 10
    for path in modules:
        docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
        assert docstring, path
        assert docstring.splitlines()[0].strip(), path


def test_every_module_imports() -> None:
    for module in pkgutil.walk_packages(liveavatar_server.__path__, "liveavatar_server."):
        if module.name.startswith("liveavatar_server.migrations") or module.name.endswith(
            "__main__"
        ):
            continue  # alembic loads migrations in its context; __main__ runs the CLI
        importlib.import_module(module.name)
