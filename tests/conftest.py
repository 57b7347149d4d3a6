"""Shared fixtures: paths of the repository the suite runs in; the rest come from `tests._support.fixtures`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

pytest_plugins = ["tests._support.fixtures"]

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's wheel, built once per run with the pinned uv (as `make dist` does)."""
    uv = shutil.which("uv")
    assert uv, "uv is not on PATH: run the tests through `make test`"
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [uv, "build", "--wheel", "--quiet", "--out-dir", str(out), str(ROOT)], check=True
    )
    (built,) = out.glob("*.whl")
    return built
