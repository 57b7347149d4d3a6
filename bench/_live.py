"""Live `liveavatar-server` processes for benchmarks and reliability tests: provision, serve, kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType

from bench._procs import free_port, stop, wait_for_port

__all__ = ["LiveServer", "Storage"]

SERVER = Path(sys.executable).parent / "liveavatar-server"


@dataclass(frozen=True)
class Storage:
    """Where a server keeps its data: a data directory, plus PostgreSQL when a URL is set."""

    data_dir: Path
    database_url: str | None = None
    # Extra LIVEAVATAR_* settings, e.g. {"LIVEAVATAR_SQLITE_SYNCHRONOUS": "FULL"}.
    settings: dict[str, str] = field(default_factory=dict)
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

    def cli(self, *args: str) -> str:
        """Run `liveavatar-server ARGS --data-dir ...`; its stdout (an id or a key)."""
        done = subprocess.run(
            [str(SERVER), *args, *self.args()],
            capture_output=True, text=True, env=self.env(), timeout=120, check=False,
        )  # fmt: skip
        with self.log.open("a", encoding="utf-8") as log:
            log.write(done.stderr)  # stdout is the credential itself, printed by design
        if done.returncode != 0:
            raise RuntimeError(
                f"liveavatar-server {args[0]} exited {done.returncode}: {done.stderr}"
            )
        return done.stdout.strip().splitlines()[-1]

    def provision(self) -> str:
        """A new space and an API key acting in it; returns the key."""
        space = self.cli("create-space", "reliability")
        return self.cli("create-api-key", "--space", space)


class LiveServer:
    """One `liveavatar-server serve` on a free loopback port, in its own process group."""

    def __init__(self, storage: Storage) -> None:
        self.storage = storage
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> LiveServer:
        argv = [str(SERVER), "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        self.storage.data_dir.mkdir(parents=True, exist_ok=True)
        with self.storage.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [*argv, *self.storage.args()],
                stdout=log, stderr=subprocess.STDOUT, env=self.storage.env(),
                start_new_session=True,
            )  # fmt: skip
        wait_for_port(self.port, self.proc, self.storage.log, timeout_s=60)
        return self

    def kill(self) -> None:
        """SIGKILL the whole process group: no shutdown handler, no flush, no goodbye."""
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None:
            stop(self.proc)

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
