"""Start the reference server (liveavatar_server) live on loopback and mint keys with its CLI."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx


@dataclass(frozen=True, slots=True)
class RunningServer:
    url: str
    first_key: str
    second_key: str


def _server_cli(*args: str, storage: list[str]) -> str:
    completed = subprocess.run(
        [sys.executable, "-m", "liveavatar_server", *args, *storage],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return completed.stdout.strip()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def reference_server(database_url: str, data_dir: Path) -> Iterator[RunningServer]:
    """The reference server on a free port, with one key and one avatar in each of two spaces."""
    storage = ["--data-dir", str(data_dir), "--database-url", database_url]
    _server_cli("migrate", storage=storage)
    keys = []
    for name in ("contract-first", "contract-second"):
        space = _server_cli("create-space", name, storage=storage)
        keys.append(_server_cli("create-api-key", "--space", space, storage=storage))
        # The API lists, updates and deletes a space's avatars but makes none: the operator does.
        _server_cli("create-avatar", "--space", space, "--name", f"{name} avatar", storage=storage)
    port = _free_port()
    log = (data_dir / "server.log").open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "liveavatar_server",
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            *storage,
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{url}/v1/secrets", timeout=2)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(
                        f"the reference server did not start: {(data_dir / 'server.log').read_text()}"
                    ) from None
                time.sleep(0.2)
        yield RunningServer(url, keys[0], keys[1])
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
