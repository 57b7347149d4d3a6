"""One `pip install` per role from the built wheel, each in a fresh venv: client, server, contract suite."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import httpx
import pytest

from tests._support.live import LiveServer, Storage

pytestmark = pytest.mark.slow

PACKAGES = ("liveavatar", "liveavatar_api", "liveavatar_models", "liveavatar_server")
EFFECTIVE = "openapi.effective.json"


def _venv(wheel: Path, where: Path, extra: str | None) -> Path:
    """A fresh venv with ``wheel`` (and ``extra``) installed by uv; its bin directory."""
    uv = shutil.which("uv")
    assert uv
    subprocess.run([uv, "venv", "--quiet", str(where)], check=True)
    requirement = f"{wheel}[{extra}]" if extra else str(wheel)
    subprocess.run(
        [uv, "pip", "install", "--quiet", "--python", str(where / "bin" / "python"), requirement],
        check=True,
    )
    return where / "bin"


def _python(bin_dir: Path, code: str) -> str:
    done = subprocess.run(
        [str(bin_dir / "python"), "-c", code], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_wheel_ships_every_package_and_the_spec_the_suite_judges_against(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for package in (*PACKAGES, "liveavatar_contract"):
        assert f"{package}/__init__.py" in names, package
    for package in ("liveavatar", "liveavatar_api", "liveavatar_models"):
        assert f"{package}/py.typed" in names
    assert f"liveavatar_models/{EFFECTIVE}" in names
    assert not [n for n in names if "/.ruff_cache/" in n or "__pycache__" in n]
    assert not [n for n in names if n.startswith(("generated/", "overrides/", "tests/"))]
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    scripts = zipfile.ZipFile(wheel).read(entry_points).decode()
    for script in ("liveavatar", "liveavatar-server", "liveavatar-contract"):
        assert f"{script} =" in scripts


def test_client_role_installs_on_httpx_and_attrs_alone(wheel: Path, tmp_path: Path) -> None:
    bin_dir = _venv(wheel, tmp_path / "venv", None)
    probe = (
        "import importlib.util as u, liveavatar, liveavatar_api;"
        "from liveavatar_api import AuthenticatedClient;"
        "missing = [m for m in ('pydantic', 'fastapi', 'sqlalchemy', 'schemathesis') if u.find_spec(m)];"
        "assert not missing, missing;"
        "print(sorted(m for m in ('httpx', 'attrs') if u.find_spec(m)))"
    )
    assert _python(bin_dir, probe) == "['attrs', 'httpx']"
    done = subprocess.run([str(bin_dir / "liveavatar"), "--help"], capture_output=True, check=False)
    assert done.returncode == 0, done.stderr
    # The other roles' scripts come with every install: they name the extra to add.
    for script, extra in (("liveavatar-server", "server"), ("liveavatar-contract", "contract")):
        for command in ([str(bin_dir / script), "--help"], [str(bin_dir / script)]):
            refused = subprocess.run(command, capture_output=True, text=True, check=False)
            assert refused.returncode == 2, (script, refused.stderr)
            assert f"liveavatar[{extra}]" in refused.stderr, refused.stderr
            assert "Traceback" not in refused.stderr, refused.stderr
            assert len(refused.stderr.splitlines()) == 1, refused.stderr


def test_server_role_serves_from_its_console_script(wheel: Path, tmp_path: Path) -> None:
    bin_dir = _venv(wheel, tmp_path / "venv", "server")
    storage = Storage(tmp_path / "data", server=bin_dir / "liveavatar-server")
    key = storage.provision("wheel")
    with LiveServer(storage) as server:
        spec = httpx.get(f"{server.base_url}/openapi.json", timeout=30)
        assert spec.status_code == 200
        paths = spec.json()["paths"]
        # Any operation of the spec that takes no parameter and no body is authenticated.
        listing = next(
            path
            for path, item in paths.items()
            if "get" in item
            and "{" not in path
            and item["get"].get("security")
            and not any(p.get("required") for p in item["get"].get("parameters", ()))
        )
        assert httpx.get(f"{server.base_url}{listing}", timeout=30).status_code == 401
        answer = httpx.get(f"{server.base_url}{listing}", headers={"X-API-KEY": key}, timeout=30)
        assert answer.status_code in (200, 501), answer.text


def test_contract_role_runs_its_console_script_on_the_packaged_spec(
    wheel: Path, tmp_path: Path
) -> None:
    bin_dir = _venv(wheel, tmp_path / "venv", "contract")
    probe = (
        "import importlib.resources as r, importlib.util as u, json, liveavatar_contract;"
        f"spec = json.loads(r.files('liveavatar_models').joinpath('{EFFECTIVE}').read_text());"
        "missing = [m for m in ('sqlalchemy', 'uvicorn') if u.find_spec(m)];"
        "assert not missing, missing;"
        "print(len(spec['paths']))"
    )
    packaged = json.loads((Path(__file__).parents[2] / "generated" / EFFECTIVE).read_text())
    assert _python(bin_dir, probe) == str(len(packaged["paths"]))
    done = subprocess.run(
        [str(bin_dir / "liveavatar-contract"), "--help"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "--url" in done.stdout
