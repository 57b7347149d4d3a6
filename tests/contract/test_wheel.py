"""The contract suite runs from the built wheel, in an empty directory, on its packaged spec."""

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.contract._proxy import serve_asgi
from tests.contract._stock_fastapi import build_app

pytestmark = pytest.mark.slow
KEY = "wheel-key"


def test_the_unpacked_wheel_judges_a_server_from_an_empty_directory(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    entry_points = next(site.glob("*.dist-info")) / "entry_points.txt"
    assert "liveavatar-contract = liveavatar_contract._entry:main" in entry_points.read_text()
    assert (site / "liveavatar_models" / "openapi.effective.json").is_file()
    empty = tmp_path / "empty"
    empty.mkdir()
    # The unpacked wheel comes first on the path, ahead of the editable checkout.
    env = {**os.environ, "PYTHONPATH": str(site), "API_KEY": KEY}
    with serve_asgi(build_app({KEY: "only"})) as url:
        completed = subprocess.run(
            [
                *(sys.executable, "-m", "liveavatar_contract", "--url", url, "--tag", "Secrets"),
                *("--max-time", "8", "--seed", "7", "--report-dir", "reports"),
            ],
            cwd=empty,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-2000:]
    assert "liveavatar_models/openapi.effective.json" in completed.stdout
    summary = json.loads((empty / "reports" / "contract-summary.json").read_text())
    assert summary["resource_classes"]["secrets"]["read_back"] == "reached", summary
    assert not list((empty / "reports").glob("*.har"))
    assert (
        str(site)
        in subprocess.run(
            [
                sys.executable,
                "-c",
                "import liveavatar_contract; print(liveavatar_contract.__file__)",
            ],
            env=env,
            cwd=empty,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert KEY not in completed.stdout


def test_upstream_runs_from_the_wheel_on_its_packaged_published_spec(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    assert (site / "liveavatar_models" / "openapi.published.json").is_file()
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site), "LIVEAVATAR_CONTRACT_API_KEY": KEY}
    with serve_asgi(build_app({KEY: "only"})) as url:
        completed = subprocess.run(
            [
                *(sys.executable, "-m", "liveavatar_contract", "--upstream", "--url", url),
                *("--tag", "secrets", "--max-time", "5", "--seed", "7"),
            ],
            cwd=empty,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
    assert completed.returncode == 0, completed.stdout[-4000:] + completed.stderr[-2000:]
    assert "liveavatar_models/openapi.published.json" in completed.stdout
