"""The wheel: installed with no extras it imports the client on httpx + attrs alone."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


def test_wheel_ships_the_packages_and_their_py_typed(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in ("liveavatar", "liveavatar_api", "liveavatar_models"):
        assert f"{package}/__init__.py" in names
        assert f"{package}/py.typed" in names
    assert not [n for n in names if "/.ruff_cache/" in n or "__pycache__" in n]
    assert not [n for n in names if n.startswith(("generated/", "overrides/", "tests/"))]


def test_plain_install_imports_the_client_without_pydantic(wheel: Path, tmp_path: Path) -> None:
    uv = shutil.which("uv")
    assert uv
    venv = tmp_path / "venv"
    subprocess.run([uv, "venv", "--quiet", str(venv)], check=True)
    python = venv / "bin" / "python"
    subprocess.run(
        [uv, "pip", "install", "--quiet", "--python", str(python), str(wheel)], check=True
    )
    probe = (
        "import importlib.util as u, liveavatar, liveavatar_api;"
        "from liveavatar_api import AuthenticatedClient;"
        "missing = [m for m in ('pydantic', 'fastapi', 'sqlalchemy') if u.find_spec(m)];"
        "assert not missing, missing;"
        "print(sorted(m for m in ('httpx', 'attrs') if u.find_spec(m)))"
    )
    result = subprocess.run([str(python), "-c", probe], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['attrs', 'httpx']"
