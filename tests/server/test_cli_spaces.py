"""`liveavatar-server spaces` lists spaces and key ids (never keys); a lost key is replaced by name."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests._support.live import LiveServer, Storage
from tests._support.postgres import scratch_database

pytestmark = pytest.mark.slow


def _run(storage: Storage, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(storage.server), *args, *storage.args()],
        capture_output=True, text=True, env=storage.env(), timeout=120, check=False,
    )  # fmt: skip


@pytest.fixture(params=["sqlite", "postgresql"])
def storage(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Storage]:
    if request.param == "sqlite":
        yield Storage(tmp_path / "data")
        return
    with scratch_database() as url:
        yield Storage(tmp_path / "data", database_url=url)


def test_spaces_lists_every_space_and_key_id_but_never_a_key(storage: Storage) -> None:
    assert "no spaces yet" in _run(storage, "spaces").stdout
    acme = storage.cli("create-space", "acme")
    key = storage.cli("create-api-key", "--space", acme)
    revoked = storage.cli("create-api-key", "--space", acme)
    assert _run(storage, "revoke-api-key", "--api-key", revoked).returncode == 0
    storage.cli("create-api-key", "--no-space")
    listed = json.loads(_run(storage, "spaces", "--json").stdout)
    assert [space["id"] for space in listed] == [acme, None]
    assert listed[0]["name"] == "acme"
    states = [key["revoked_at"] is None for key in listed[0]["keys"]]
    assert states == [True, False]
    assert len(listed[1]["keys"]) == 1
    human = _run(storage, "spaces")
    assert human.returncode == 0
    assert acme in human.stdout
    assert "1 active key" in human.stdout
    assert "revoked" in human.stdout
    assert "create-api-key --space" in human.stderr
    for output in (human.stdout, human.stderr, json.dumps(listed)):
        assert key not in output
        assert revoked not in output
        assert "la_" not in output


def test_a_lost_dev_key_is_replaced_by_naming_the_space(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "data")
    with LiveServer(storage) as server:
        banner = storage.log.read_text(encoding="utf-8")
        assert "create-api-key --space dev" in banner
        fresh = storage.cli("create-api-key", "--space", "dev")
        answer = httpx.get(f"{server.base_url}/v1/secrets", headers={"X-API-KEY": fresh})
        assert answer.status_code == 200, answer.text
    (dev,) = [s for s in json.loads(_run(storage, "spaces", "--json").stdout) if s["name"] == "dev"]
    assert len(dev["keys"]) == 2


def test_a_name_two_spaces_share_asks_for_the_id(tmp_path: Path) -> None:
    storage = Storage(tmp_path / "data")
    storage.cli("create-space", "twin")
    storage.cli("create-space", "twin")
    refused = _run(storage, "create-api-key", "--space", "twin")
    assert refused.returncode == 2
    assert "give the id" in refused.stderr
    assert refused.stdout == ""
