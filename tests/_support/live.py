"""Live `liveavatar-server` processes started by their CLI on `--port 0`: provision, serve, kill -9."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from tests._support.processes import kill_group, stop_group, wait_for_port

__all__ = ["SERVER", "LiveServer", "Storage"]

SERVER = Path(sys.executable).parent / "liveavatar-server"
# The line `serve` prints once it knows its port (`--port 0` picks a free one).
BANNER = re.compile(r"Serving the LiveAvatar reference API on (http://\S+)")


@dataclass(frozen=True)
class Storage:
    """Where a server keeps its data: a data directory, plus PostgreSQL when a URL is set."""

    data_dir: Path
    database_url: str | None = None
    # Extra environment, e.g. {"LIVEAVATAR_SQLITE_SYNCHRONOUS": "FULL"} or a PYTHONPATH.
    settings: dict[str, str] = field(default_factory=dict)
    # The console script to run: this environment's, or one installed elsewhere from the wheel.
    server: Path = SERVER
    # Every server's output, appended across restarts, for the secret-hygiene scan.
    log: Path = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "log", self.data_dir.parent / f"{self.data_dir.name}.log")

    @property
    def backend(self) -> str:
        return "postgresql" if self.database_url else "sqlite"

    def args(self) -> list[str]:
        args = ["--data-dir", str(self.data_dir)]
        return [*args, "--database-url", self.database_url] if self.database_url else args

    def env(self) -> dict[str, str]:
        # Only our settings: no LIVEAVATAR_* from the calling shell (the secret key comes from
        # the data dir, the database from the arguments).
        inherited = {k: v for k, v in os.environ.items() if not k.startswith("LIVEAVATAR_")}
        return {**inherited, **self.settings}

    def run(self, *args: str, check: bool = False) -> subprocess.CompletedProcess[str]:
        """`liveavatar-server ARGS --data-dir ...` as it is: exit status, stdout, stderr."""
        return subprocess.run(
            [str(self.server), *args, *self.args()],
            capture_output=True, text=True, env=self.env(), timeout=120, check=check,
        )  # fmt: skip

    def cli(self, *args: str) -> str:
        """Run `liveavatar-server ARGS --data-dir ...`; its last stdout line (an id, a key or "")."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        done = self.run(*args)
        with self.log.open("a", encoding="utf-8") as log:
            log.write(done.stderr)  # stdout is the credential itself, printed by design
        if done.returncode != 0:
            raise RuntimeError(
                f"liveavatar-server {args[0]} exited {done.returncode}: {done.stderr}"
            )
        lines = done.stdout.strip().splitlines()
        return lines[-1] if lines else ""

    def provision(self, name: str = "test") -> str:
        """A new space and an API key acting in it; returns the key."""
        space = self.cli("create-space", name)
        return self.cli("create-api-key", "--space", space)


class LiveServer:
    """One `liveavatar-server serve --port 0` on loopback, in its own process group."""

    def __init__(self, storage: Storage, *extra_args: str) -> None:
        self.storage = storage
        self.extra_args = extra_args
        self.base_url = ""
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None
        self._offset = 0  # where this run's output starts in the storage's log

    def start(self, timeout_s: float = 60.0) -> LiveServer:
        argv = [
            str(self.storage.server),
            "serve",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            *self.extra_args,
        ]
        self.storage.data_dir.mkdir(parents=True, exist_ok=True)
        with self.storage.log.open("ab") as log:
            offset = self._offset = log.tell()
            self.proc = proc = subprocess.Popen(
                [*argv, *self.storage.args()],
                stdout=log, stderr=subprocess.STDOUT, env=self.storage.env(),
                start_new_session=True,
            )  # fmt: skip
        deadline = time.monotonic() + timeout_s
        self.base_url = self._banner_url(offset, deadline)
        port = urlsplit(self.base_url).port
        assert port is not None, self.base_url
        self.port = port
        # The banner comes before uvicorn binds: wait until the port accepts.
        wait_for_port(self.port, proc, self.storage.log, deadline - time.monotonic())
        return self

    def output(self) -> str:
        """What this run has printed so far (the banner, the log lines)."""
        return self._output(self._offset)

    def _output(self, offset: int) -> str:
        with self.storage.log.open("rb") as log:
            log.seek(offset)
            return log.read().decode(errors="replace")

    def _alive(self, offset: int) -> None:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise RuntimeError(
                f"liveavatar-server exited {self.proc.returncode}:\n{self._output(offset)[-3000:]}"
            )

    def _banner_url(self, offset: int, deadline: float) -> str:
        while time.monotonic() < deadline:
            found = BANNER.search(self._output(offset))
            if found:
                return found.group(1)
            self._alive(offset)
            time.sleep(0.05)
        raise RuntimeError(f"no banner from liveavatar-server:\n{self._output(offset)[-3000:]}")

    def kill(self) -> None:
        """SIGKILL the whole process group: no shutdown handler, no flush, no goodbye."""
        assert self.proc is not None
        kill_group(self.proc)

    def stop(self, grace_s: float = 10.0) -> None:
        """SIGTERM the process group, SIGKILL it after ``grace_s``."""
        if self.proc is not None:
            stop_group(self.proc, grace_s)

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
