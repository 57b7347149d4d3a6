"""The reference server live on loopback with a key in each of two spaces (by its CLI: `tests._support.live`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests._support.live import LiveServer, Storage


@dataclass(frozen=True, slots=True)
class RunningServer:
    url: str
    first_key: str
    second_key: str


@contextmanager
def reference_server(data_dir: Path, database_url: str | None = None) -> Iterator[RunningServer]:
    """`liveavatar-server serve --port 0` on ``data_dir`` (SQLite unless ``database_url``), with
    one key and one avatar in each of two spaces."""
    storage = Storage(data_dir, database_url)
    storage.cli("migrate")
    keys = []
    for name in ("contract-first", "contract-second"):
        space = storage.cli("create-space", name)
        keys.append(storage.cli("create-api-key", "--space", space))
        # The API lists, updates and deletes a space's avatars but makes none: the operator does.
        storage.cli("create-avatar", "--space", space, "--name", f"{name} avatar")
    with LiveServer(storage) as server:
        yield RunningServer(server.base_url, keys[0], keys[1])
