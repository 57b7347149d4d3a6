"""The servers `make bench` compares, each started fresh and torn down after its runs."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from bench._procs import free_port, running
from tests._support.live import LiveServer, Storage
from tests._support.postgres import scratch_database

__all__ = ["ROOT", "TARGETS", "Endpoint", "Target", "our_server", "prism_bin"]

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SPEC = ROOT / "generated" / "openapi.effective.json"
PRISM_DIR = ROOT / ".tools" / "prism"
# Any string passes the peers: they check only that the header is present.
PEER_API_KEY = "bench-peer-key"
CREATE_PATH = "/v1/llm-configurations"


@dataclass(frozen=True)
class Endpoint:
    """A running server: where it listens, its pid, a key, and what to request."""

    base_url: str
    pid: int
    api_key: str
    create_body: dict[str, str]
    get_path: str
    log: Path


@dataclass(frozen=True)
class Target:
    """A named server kind and how to start it in a scratch directory."""

    name: str
    description: str
    start: Callable[[Path], AbstractContextManager[Endpoint]]


def _create_body(secret_id: str) -> dict[str, str]:
    return {"display_name": "bench", "model_name": "gpt-4o-mini", "secret_id": secret_id}


@contextmanager
def our_server(
    workdir: Path,
    database_url: str | None = None,
    settings: dict[str, str] | None = None,
    serve_args: tuple[str, ...] = (),
) -> Iterator[tuple[Endpoint, LiveServer]]:
    """Our server on a fresh space and key (SQLite in ``workdir`` unless a URL is given)."""
    storage = Storage(workdir / "data", database_url, settings or {})
    key = storage.provision()
    with (
        LiveServer(storage, *serve_args) as server,
        httpx.Client(base_url=server.base_url, headers={"X-API-KEY": key}, timeout=30) as http,
    ):
        secret = http.post(
            "/v1/secrets",
            json={"secret_name": "bench", "secret_value": "sk-bench", "secret_type": "OPENAI_API_KEY"},
        )  # fmt: skip
        secret.raise_for_status()
        body = _create_body(secret.json()["data"]["id"])
        config = http.post(CREATE_PATH, json=body)
        config.raise_for_status()
        get_path = f"{CREATE_PATH}/{config.json()['data']['id']}"
        assert server.proc is not None
        yield Endpoint(server.base_url, server.proc.pid, key, body, get_path, storage.log), server


@contextmanager
def _ours_sqlite(workdir: Path) -> Iterator[Endpoint]:
    with our_server(workdir) as (endpoint, _):
        yield endpoint


@contextmanager
def _ours_sqlite_full(workdir: Path) -> Iterator[Endpoint]:
    with our_server(workdir, settings={"LIVEAVATAR_SQLITE_SYNCHRONOUS": "FULL"}) as (endpoint, _):
        yield endpoint


@contextmanager
def _ours_postgres(workdir: Path) -> Iterator[Endpoint]:
    with scratch_database() as url, our_server(workdir, url) as (endpoint, _):
        yield endpoint


@contextmanager
def _ours_postgres_2w(workdir: Path) -> Iterator[Endpoint]:
    with (
        scratch_database() as url,
        our_server(workdir, url, serve_args=("--workers", "2")) as (endpoint, _),
    ):
        yield endpoint


def prism_bin() -> Path:
    return PRISM_DIR / "node_modules" / ".bin" / "prism"


@contextmanager
def _prism(workdir: Path) -> Iterator[Endpoint]:
    port = free_port()
    argv = [str(prism_bin()), "mock", str(SPEC), "-h", "127.0.0.1", "-p", str(port)]
    log = workdir / "prism.log"
    with running(argv, port=port, log=log, ready_timeout_s=120) as proc:
        yield _peer_endpoint(port, proc.pid, log)


@contextmanager
def _ceiling(workdir: Path) -> Iterator[Endpoint]:
    port = free_port()
    # The uvicorn settings of `liveavatar-server serve`: one process, uvloop, httptools, no
    # uvicorn access log, no Server header.
    argv = [
        str(BIN / "python"), "-m", "uvicorn", "bench.ceiling:app",
        "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
        "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--no-server-header",
        "--log-level", "warning",
    ]  # fmt: skip
    log = workdir / "ceiling.log"
    with running(argv, port=port, log=log, cwd=ROOT) as proc:
        yield _peer_endpoint(port, proc.pid, log)


@contextmanager
def _ceiling_granian(workdir: Path) -> Iterator[Endpoint]:
    port = free_port()
    # granian's Rust HTTP stack, one worker, the same constant app.
    argv = [
        str(BIN / "granian"), "--interface", "asgi", "--host", "127.0.0.1",
        "--port", str(port), "--workers", "1", "--loop", "uvloop", "--no-ws",
        "--log-level", "warning", "bench.ceiling:app",
    ]  # fmt: skip
    log = workdir / "ceiling-granian.log"
    with running(argv, port=port, log=log, cwd=ROOT) as proc:
        yield _peer_endpoint(port, proc.pid, log)


def _uvicorn_app(
    name: str, app: str, env: dict[str, str], *, created: bool = True
) -> Callable[[Path], AbstractContextManager[Endpoint]]:
    """A peer or limit app under uvicorn with the settings of `liveavatar-server serve`.

    ``created``: make one configuration first, so the get scenario reads a row that exists.
    """

    @contextmanager
    def start(workdir: Path) -> Iterator[Endpoint]:
        port = free_port()
        argv = [
            str(BIN / "python"), "-m", "uvicorn", app,
            "--host", "127.0.0.1", "--port", str(port), "--workers", "1",
            "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--no-server-header",
            "--log-level", "warning",
        ]  # fmt: skip
        values = {key: value.format(workdir=workdir) for key, value in env.items()}
        log = workdir / f"{name}.log"
        with running(argv, port=port, log=log, env={**os.environ, **values}, cwd=ROOT) as proc:
            endpoint = _peer_endpoint(port, proc.pid, log)
            if not created:
                yield endpoint
                return
            made = httpx.post(
                endpoint.base_url + CREATE_PATH,
                json=endpoint.create_body,
                headers={"X-API-KEY": PEER_API_KEY},
                timeout=30,
            )
            made.raise_for_status()
            get_path = f"{CREATE_PATH}/{made.json()['data']['id']}"
            yield Endpoint(
                endpoint.base_url, proc.pid, PEER_API_KEY, endpoint.create_body, get_path, log
            )

    return start


_PEER_APP = "bench.peers.fastapi_sqlalchemy:app"
_PEER_DB = {"LIVEAVATAR_PEER_DB": "{workdir}/peer.db"}
_peer_fastapi = _uvicorn_app("peer-fastapi", _PEER_APP, _PEER_DB)
_peer_fastapi_wal = _uvicorn_app(
    "peer-fastapi-wal", _PEER_APP, {**_PEER_DB, "LIVEAVATAR_PEER_JOURNAL": "wal"}
)
_peer_fastapi_wal_async = _uvicorn_app(
    "peer-fastapi-wal-async", "bench.peers.fastapi_sqlalchemy_async:app", _PEER_DB
)
_limit_sqlite = _uvicorn_app(
    "limit-sqlite", "bench.limits.sqlite:app", {"LIVEAVATAR_LIMIT_DB": "{workdir}/limit.db"}
)


@contextmanager
def _limit_postgres(workdir: Path) -> Iterator[Endpoint]:
    with scratch_database() as url:
        start = _uvicorn_app(
            "limit-postgres",
            "bench.limits.postgres:app",
            {
                "LIVEAVATAR_LIMIT_DATABASE_URL": url.replace(
                    "postgresql+psycopg://", "postgresql://"
                )
            },
        )
        with start(workdir) as endpoint:
            yield endpoint


def _peer_endpoint(port: int, pid: int, log: Path) -> Endpoint:
    get_path = f"{CREATE_PATH}/00000000-0000-0000-0000-000000000000"
    body = _create_body("00000000-0000-0000-0000-000000000000")
    return Endpoint(f"http://127.0.0.1:{port}", pid, PEER_API_KEY, body, get_path, log)


TARGETS: dict[str, Target] = {
    target.name: target
    for target in (
        Target(
            "ours-sqlite",
            "liveavatar-server as `make serve` runs it: SQLite WAL, synchronous=NORMAL "
            "(a 200 survives kill -9 of the server)",
            _ours_sqlite,
        ),
        Target(
            "ours-sqlite-full",
            "liveavatar-server, SQLite WAL, LIVEAVATAR_SQLITE_SYNCHRONOUS=FULL "
            "(fsync per commit: a 200 survives power loss)",
            _ours_sqlite_full,
        ),
        Target("ours-postgres", "liveavatar-server, PostgreSQL (scratch database)", _ours_postgres),
        Target(
            "ours-postgres-2w",
            "liveavatar-server --workers 2, PostgreSQL (scratch database)",
            _ours_postgres_2w,
        ),
        Target(
            "prism", "Prism 5.16.0 mock server on the same effective spec, default options", _prism
        ),
        Target("ceiling", "bare ASGI app, constant JSON, same uvicorn settings", _ceiling),
        Target(
            "ceiling-granian",
            "the same bare ASGI app on granian (Rust HTTP server), one worker",
            _ceiling_granian,
        ),
        Target(
            "peer-fastapi",
            "stock FastAPI + SQLAlchemy ORM as the FastAPI docs teach (bench/peers/), SQLite",
            _peer_fastapi,
        ),
        Target(
            "peer-fastapi-wal",
            "the fair peer: the same FastAPI + SQLAlchemy ORM (sync engine, thread pool) with "
            "SQLite WAL, synchronous=NORMAL",
            _peer_fastapi_wal,
        ),
        Target(
            "peer-fastapi-wal-async",
            "the fair peer on SQLAlchemy's async engine (aiosqlite, async def), WAL, NORMAL",
            _peer_fastapi_wal_async,
        ),
        Target(
            "limit-sqlite",
            "the limit: bare ASGI app, same uvicorn settings, key in a dict, JSON parse, "
            "SQLite WAL NORMAL insert committed per loop turn before the answer (bench/limits/)",
            _limit_sqlite,
        ),
        Target(
            "limit-postgres",
            "the limit on PostgreSQL: the same work, psycopg async, pipelined group commit",
            _limit_postgres,
        ),
    )
}
