"""docs/server.md's curl tour runs as written against a live server: every answer is a success
but the one 409 it announces."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests._support.live import LiveServer, Storage

pytestmark = pytest.mark.slow

DOC = Path(__file__).resolve().parents[2] / "docs" / "server.md"
_TOUR = re.compile(r"## A tour with curl.*?```sh\n(.*?)```", re.S)


def _answers(output: str) -> list[object]:
    """Every JSON document curl printed (they follow one another without separators)."""
    decoder, found, index = json.JSONDecoder(), [], 0
    while index < len(output):
        if output[index].isspace():
            index += 1
            continue
        value, index = decoder.raw_decode(output, index)
        found.append(value)
    return found


def test_the_curl_tour_of_the_server_docs_runs(tmp_path: Path) -> None:
    if not (shutil.which("curl") and shutil.which("jq")):
        pytest.skip("the tour needs curl and jq")
    found = _TOUR.search(DOC.read_text(encoding="utf-8"))
    assert found, "docs/server.md has no curl tour"
    script = found.group(1)
    storage = Storage(tmp_path / "data")
    key = storage.provision("tour")
    with LiveServer(storage) as server:
        script = script.replace("export URL=http://127.0.0.1:8000 KEY=la_...", "")
        done = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={"PATH": "/usr/bin:/bin", "URL": server.base_url, "KEY": key},
        )
    assert done.returncode == 0, done.stderr
    codes = [a["code"] for a in _answers(done.stdout) if isinstance(a, dict) and "code" in a]
    assert codes.count(409) == 1, codes
    assert set(codes) == {100, 409}, codes
    assert '"audio_base64"' in done.stdout
    assert "detail" not in done.stdout  # no 422
