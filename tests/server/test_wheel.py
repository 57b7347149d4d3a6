"""The wheel carries the server whole: migrations, docs assets and the spec it routes from."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def unpacked(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("site")
    zipfile.ZipFile(wheel).extractall(target)
    return target


def test_the_wheel_ships_the_server_files(unpacked: Path) -> None:
    for name in (
        "liveavatar_server/py.typed",
        "liveavatar_server/migrations/env.py",
        "liveavatar_server/migrations/versions/0001_initial.py",
        "liveavatar_server/_docs_assets/swagger-ui-bundle.js",
        "liveavatar_server/_docs_assets/VENDOR.json",
        "liveavatar_models/openapi.effective.json",
    ):
        assert (unpacked / name).is_file(), name
    entry_points = next(unpacked.glob("*.dist-info")) / "entry_points.txt"
    assert "liveavatar-server = liveavatar_server._entry:main" in entry_points.read_text()


def test_the_unpacked_wheel_serves_from_its_own_files(unpacked: Path, tmp_path: Path) -> None:
    probe = (
        "import liveavatar_server, liveavatar_models;"
        "from liveavatar_server._docs import docs_routes;"
        "from liveavatar_server._spec import load_spec, operations;"
        "from liveavatar_server._migrate import upgrade;"
        "from liveavatar_server import Settings, Store;"
        "import pathlib, sys;"
        "root = pathlib.Path(sys.argv[1]);"
        "assert pathlib.Path(liveavatar_server.__file__).is_relative_to(root), liveavatar_server.__file__;"
        "assert pathlib.Path(liveavatar_models.__file__).is_relative_to(root);"
        "import json; shipped = json.loads((root / 'liveavatar_models' / 'openapi.effective.json').read_text());"
        "assert len(operations(load_spec())) == len(operations(shipped)) > 0;"
        "assert '/docs' in docs_routes();"
        "d = pathlib.Path(sys.argv[2]);"
        "s = Store(Settings(data_dir=d, database_url=f'sqlite:///{d}/w.db')); upgrade(s.engine);"
        "print(s.create_space('wheel'))"
    )
    env = {**os.environ, "PYTHONPATH": str(unpacked)}
    result = subprocess.run(
        [sys.executable, "-c", probe, str(unpacked), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
