"""The reference server for the integration tests: started once per run by its CLI (tests/_support).

One server for every module of tests/integration: each CLI call costs about two seconds, so the
modules share it (each works on its own objects). It starts on an empty store, where it makes
and prints a development space and key: that is the space the tests act in. The other CLI
calls then run side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import pytest

from tests._support.live import LiveServer, Storage

# What `serve` prints on its first start on an empty database.
DEV_SPACE = re.compile(r"^\s*space id:\s*(\S+)$", re.MULTILINE)
DEV_KEY = re.compile(r"^\s*API key:\s*(\S+)$", re.MULTILINE)


@dataclass(frozen=True)
class Server:
    url: str
    api_key: str
    no_space_key: str
    session: str
    # The space `api_key` acts in, and the storage its CLI commands (create-avatar,
    # grant-credits, ...) run against while the server serves it.
    space_id: str
    storage: Storage
    # A second space and its key, to check what one space cannot see of another.
    other_space_id: str
    other_api_key: str


def _space_and_key(storage: Storage, name: str) -> tuple[str, str]:
    space_id = storage.cli("create-space", name)
    return space_id, storage.cli("create-api-key", "--space", space_id)


def _printed(pattern: re.Pattern[str], output: str) -> str:
    found = pattern.search(output)
    assert found, f"no {pattern.pattern!r} in the first start's output:\n{output[-2000:]}"
    return found.group(1)


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    storage = Storage(tmp_path_factory.mktemp("server") / "data")
    with LiveServer(storage) as live:  # migrates the empty store, then makes the dev space
        output = storage.log.read_text(encoding="utf-8", errors="replace")
        space_id, api_key = _printed(DEV_SPACE, output), _printed(DEV_KEY, output)
        with ThreadPoolExecutor(max_workers=3) as pool:
            session = pool.submit(storage.cli, "create-session", "--api-key", api_key)
            no_space = pool.submit(storage.cli, "create-api-key", "--no-space")
            other = pool.submit(_space_and_key, storage, "integration-other")
            other_space_id, other_api_key = other.result()
            ready = Server(
                live.base_url, api_key, no_space.result(), session.result(), space_id, storage,
                other_space_id, other_api_key,
            )  # fmt: skip
        yield ready
