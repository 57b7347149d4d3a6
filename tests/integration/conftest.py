"""The reference server for the integration tests: started once per module by its CLI (tests/_support)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests._support.live import LiveServer, Storage


@dataclass(frozen=True)
class Server:
    url: str
    api_key: str
    no_space_key: str
    session: str


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    storage = Storage(tmp_path_factory.mktemp("server") / "data")
    api_key = storage.provision("integration")  # also migrates the store
    no_space_key = storage.cli("create-api-key", "--no-space")
    session = storage.cli("create-session", "--api-key", api_key)
    with LiveServer(storage) as live:
        yield Server(live.base_url, api_key, no_space_key, session)
