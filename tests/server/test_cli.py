"""`liveavatar-server`: each minting command prints its value alone; serve bootstraps a dev key."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests._support.live import LiveServer, Storage
from tests.server._catalog_fixtures import SECRET, ok

pytestmark = pytest.mark.slow


def cli(data_dir: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return Storage(data_dir).run(*args, check=check)


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[LiveServer]:
    """A server on a fresh data directory, stopped after the test."""
    with LiveServer(Storage(tmp_path)) as served:
        yield served


def test_create_space_prints_the_id_alone(tmp_path: Path) -> None:
    out = cli(tmp_path, "create-space", "acme").stdout
    assert out.endswith("\n")
    uuid.UUID(out.strip())
    assert out.strip() == out.rstrip("\n")


def test_keys_and_sessions_print_alone_and_work(serve: LiveServer, tmp_path: Path) -> None:
    space = cli(tmp_path, "create-space", "acme").stdout.strip()
    key = cli(tmp_path, "create-api-key", "--space", space).stdout
    assert re.fullmatch(r"la_[A-Za-z0-9_-]{43}\n", key)
    key = key.strip()
    session = cli(tmp_path, "create-session", "--api-key", key).stdout
    assert re.fullmatch(r"las_[A-Za-z0-9_-]{43}\n", session)
    nospace = cli(tmp_path, "create-api-key", "--no-space").stdout.strip()
    ok(httpx.post(serve.base_url + "/v1/secrets", json=SECRET, headers={"X-API-KEY": key}))
    listed = httpx.get(serve.base_url + "/v1/secrets", cookies={"la_session": session.strip()})
    assert len(ok(listed)) == 1
    assert (
        httpx.get(serve.base_url + "/v1/secrets", headers={"X-API-KEY": nospace}).status_code == 400
    )
    cli(tmp_path, "revoke-api-key", "--api-key", key)
    assert httpx.get(serve.base_url + "/v1/secrets", headers={"X-API-KEY": key}).status_code == 401


def test_bad_arguments_fail_with_a_message_and_no_output(tmp_path: Path) -> None:
    unknown = cli(tmp_path, "create-api-key", "--space", "no-such-space", check=False)
    assert unknown.returncode == 2
    assert unknown.stdout == ""
    assert "no space" in unknown.stderr
    neither = cli(tmp_path, "create-api-key", check=False)
    assert neither.returncode == 2
    bad_key = cli(tmp_path, "create-session", "--api-key", "la_nope", check=False)
    assert bad_key.returncode == 2
    assert bad_key.stdout == ""


def test_first_serve_bootstraps_a_dev_space_and_key_with_a_curl(serve: LiveServer) -> None:
    key = re.search(r"API key:\s+(la_\S+)", serve.output())
    assert key, serve.output()
    curl = re.search(r"curl -s -H 'X-API-KEY: (la_\S+)' (http://\S+)/v1/secrets", serve.output())
    assert curl
    assert curl.group(1) == key.group(1)
    assert curl.group(2) == serve.base_url
    assert ok(httpx.get(serve.base_url + "/v1/secrets", headers={"X-API-KEY": key.group(1)})) == []


def test_an_acknowledged_create_survives_kill_9(serve: LiveServer, tmp_path: Path) -> None:
    key = cli(
        tmp_path, "create-api-key", "--space", cli(tmp_path, "create-space", "d").stdout.strip()
    ).stdout.strip()
    headers = {"X-API-KEY": key}
    secret = ok(httpx.post(serve.base_url + "/v1/secrets", json=SECRET, headers=headers))
    config = ok(
        httpx.post(
            serve.base_url + "/v1/llm-configurations",
            json={"display_name": "d", "model_name": "m", "secret_id": secret["id"]},
            headers=headers,
        )
    )
    serve.kill()
    # Nothing was shut down cleanly; a new server on the same data directory has both rows.
    with LiveServer(Storage(tmp_path)) as restarted:
        url = restarted.base_url
        fetched = httpx.get(url + f"/v1/llm-configurations/{config['id']}", headers=headers)
        assert ok(fetched) == config
        assert [s["id"] for s in ok(httpx.get(url + "/v1/secrets", headers=headers))] == [
            secret["id"]
        ]


def test_a_malformed_secret_key_is_a_clear_error(tmp_path: Path) -> None:
    env = {**os.environ, "LIVEAVATAR_SECRET_KEY": "not-a-fernet-key"}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "liveavatar_server",
            "create-space",
            "x",
            "--data-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=env,
    )
    assert result.returncode == 2
    assert "LIVEAVATAR_SECRET_KEY" in result.stderr
    assert "not-a-fernet-key" not in result.stderr


def test_a_third_party_session_flow_against_serve(serve: LiveServer, tmp_path: Path) -> None:
    """Token with X-API-KEY, start with the bearer token and `{}`, stop: as real clients do."""
    key = re.search(r"API key:\s+(la_\S+)", serve.output())
    assert key, serve.output()
    assert re.fullmatch(r"http://127\.0\.0\.1:[1-9][0-9]*", serve.base_url)
    created = ok(
        httpx.post(
            serve.base_url + "/v1/sessions/token",
            headers={"X-API-KEY": key.group(1)},
            json={
                "mode": "FULL",
                "avatar_id": "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a",
                "avatar_persona": {"language": "en"},
            },
        )
    )
    bearer = {"Authorization": f"Bearer {created['session_token']}"}
    start = httpx.post(serve.base_url + "/v1/sessions/start", headers=bearer, json={})
    assert start.status_code == 201, start.text
    assert start.json()["data"]["livekit_client_token"].count(".") == 2  # a JWT
    assert ok(httpx.post(serve.base_url + "/v1/sessions/stop", headers=bearer, json={})) is None


def test_grant_credits_prints_the_balance(tmp_path: Path) -> None:
    space = cli(tmp_path, "create-space", "acme").stdout.strip()
    assert cli(tmp_path, "grant-credits", "--space", space, "90").stdout == "100\n"
    assert cli(tmp_path, "grant-credits", "--space", space, "-0.5").stdout == "99.5\n"
    unknown = cli(tmp_path, "grant-credits", "--space", "nope", "1", check=False)
    assert unknown.returncode == 2
    assert "no space" in unknown.stderr
    assert cli(tmp_path, "grant-credits", "--space", space, "x", check=False).returncode == 2


def test_reset_leaves_an_empty_migrated_database(tmp_path: Path) -> None:
    space = cli(tmp_path, "create-space", "acme").stdout.strip()
    cli(tmp_path, "create-api-key", "--space", space)
    cli(tmp_path, "reset")
    missing = cli(tmp_path, "grant-credits", "--space", space, "1", check=False)
    assert missing.returncode == 2
    cli(tmp_path, "create-space", "again")
