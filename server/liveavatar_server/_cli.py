"""`liveavatar-server`: serve the API and mint spaces, API keys and sessions from the shell."""

from __future__ import annotations

import argparse
import copy
import os
import socket
import sys
from decimal import Decimal, InvalidOperation
from typing import Any

from liveavatar_models.release import SPEC_VERSION, VERSION

from liveavatar_server._cli_catalog import add_commands as add_catalog_commands
from liveavatar_server._cli_spaces import add_commands as add_space_commands
from liveavatar_server._cli_spaces import space_id_for
from liveavatar_server._crypto import SecretKeyError
from liveavatar_server._startup import StartupError, open_store
from liveavatar_server._store import Store

DEV_SPACE = "dev"


def _store(args: argparse.Namespace) -> Store:
    return open_store(data_dir=args.data_dir, database_url=args.database_url)


def _log_config() -> dict[str, Any]:
    from uvicorn.config import LOGGING_CONFIG

    config = copy.deepcopy(LOGGING_CONFIG)
    config["formatters"]["json_line"] = {"format": "%(message)s"}
    config["handlers"]["stdout_lines"] = {
        "class": "liveavatar_server._access.BatchedLineHandler",
        "formatter": "json_line",
        "stream": "ext://sys.stdout",
    }
    # The socket's credential travels in its URL: uvicorn's handshake lines must not show it.
    config.setdefault("filters", {})["redact_tokens"] = {
        "()": "liveavatar_server._log_redaction.RedactTokens"
    }
    for handler in ("default", "access"):
        config["handlers"][handler].setdefault("filters", []).append("redact_tokens")
    config["loggers"]["liveavatar_server"] = {
        "handlers": ["stdout_lines"],
        "level": "INFO",
        "propagate": False,
    }
    return config


def _listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound before the banner: `--port 0` names the port it got."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # uvicorn takes an `fd` for a UNIX socket (socket.fromfd(fd, AF_UNIX)), so the event loop
    # never sets TCP_NODELAY on what it accepts; accepted sockets inherit it from the listener.
    # Without it the body, written after the headers, waits for the delayed ACK: 45 ms per
    # request at 1 connection (21 req/s) against 0.1 ms with it.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    store = _store(args)
    try:
        sock = _listen(args.host, args.port)
    except OSError as exc:
        print(f"error: cannot listen on {args.host}:{args.port}: {exc.strerror}", file=sys.stderr)
        return 2
    args.port = sock.getsockname()[1]
    if store.is_empty():
        space_id = store.create_space(DEV_SPACE)
        key = store.create_api_key(space_id)
        base = f"http://{args.host}:{args.port}"
        print(
            "First start on an empty database: created a development space and API key.\n"
            f"  space id: {space_id}\n"
            f"  API key:  {key}\n"
            "Try it:\n"
            f"  curl -s -H 'X-API-KEY: {key}' {base}/v1/secrets\n"
            f"Interactive docs: {base}/docs\n"
            "The key is shown this once; `liveavatar-server create-api-key --space dev` mints another.",
            flush=True,
        )
    # Parsed by tests and tools: keep this line's shape.
    print(f"Serving the LiveAvatar reference API on http://{args.host}:{args.port}", flush=True)
    # Workers build their app from the environment: hand them the resolved settings.
    os.environ["LIVEAVATAR_DATA_DIR"] = str(store.settings.data_dir)
    os.environ["LIVEAVATAR_DATABASE_URL"] = store.settings.database_url
    if args.workers > 1:
        os.environ["LIVEAVATAR_SQLITE_WRITER_LOCK"] = "1"
    store.close()
    uvicorn.run(
        "liveavatar_server._asgi:create_app",
        factory=True,
        fd=sock.fileno(),
        workers=args.workers,
        http="httptools",
        loop="uvloop",
        access_log=False,
        log_config=_log_config(),
        server_header=False,
        # Served directly, not behind a proxy: X-Forwarded-* headers are not trusted.
        proxy_headers=False,
        timeout_graceful_shutdown=5,
    )
    return 0


def create_space(args: argparse.Namespace) -> int:
    print(_store(args).create_space(args.name))
    return 0


def create_api_key(args: argparse.Namespace) -> int:
    try:
        store = _store(args)
        key = store.create_api_key(None if args.no_space else space_id_for(store, args.space))
    except LookupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(key)
    return 0


def create_session(args: argparse.Namespace) -> int:
    try:
        token = _store(args).create_session(args.api_key)
    except LookupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(token)
    return 0


def grant_credits(args: argparse.Namespace) -> int:
    from liveavatar_server._credits import credits_text, grant_to

    try:
        store = _store(args)
        balance = grant_to(store, space_id_for(store, args.space), args.amount)
    except LookupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(credits_text(balance))
    return 0


def reset(args: argparse.Namespace) -> int:
    from liveavatar_server._migrate import reset_database

    store = _store(args)
    reset_database(store.engine)
    store.close()
    print("every table dropped and migrated afresh: the database is empty")
    return 0


def revoke_api_key(args: argparse.Namespace) -> int:
    if not _store(args).revoke_api_key(args.api_key):
        print("error: unknown or already revoked API key", file=sys.stderr)
        return 2
    return 0


def rotate_secrets(args: argparse.Namespace) -> int:
    from liveavatar_server._handlers import implementation
    from liveavatar_server._spec import load_spec
    from liveavatar_server.resources import build_engine

    count = build_engine(load_spec(), implementation()).rotate_sealed(_store(args))
    print(
        f"re-encrypted {count} secret(s) (objects with write-only values) "
        "under the first key of LIVEAVATAR_SECRET_KEY"
    )
    return 0


def migrate(args: argparse.Namespace) -> int:
    _store(args).close()
    return 0


def _amount(text: str) -> Decimal:
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not value.is_finite():
        raise argparse.ArgumentTypeError("the amount must be finite")
    return value


def parser() -> argparse.ArgumentParser:
    storage = argparse.ArgumentParser(add_help=False)
    storage.add_argument(
        "--database-url",
        help="SQLAlchemy URL (default: $LIVEAVATAR_DATABASE_URL, else SQLite in the data dir)",
    )
    storage.add_argument(
        "--data-dir", help="data directory (default: $LIVEAVATAR_DATA_DIR, else ./.data)"
    )
    root = argparse.ArgumentParser(prog="liveavatar-server", description=__doc__)
    root.add_argument(
        "--version", action="version", version=f"%(prog)s {VERSION} (LiveAvatar API {SPEC_VERSION})"
    )
    commands = root.add_subparsers(dest="command", required=True)

    run = commands.add_parser("serve", parents=[storage], help="serve the API over HTTP")
    run.add_argument("--host", default="127.0.0.1")
    run.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    run.add_argument("--workers", type=int, default=1, help="server processes (default 1)")
    run.set_defaults(func=serve)

    space = commands.add_parser("create-space", parents=[storage], help="print a new space id")
    space.add_argument("name")
    space.set_defaults(func=create_space)

    key = commands.add_parser("create-api-key", parents=[storage], help="print a new API key")
    owner = key.add_mutually_exclusive_group(required=True)
    owner.add_argument("--space", help="the space the key acts in (its id, or its name)")
    owner.add_argument("--no-space", action="store_true", help="a key with no space (gets 400s)")
    key.set_defaults(func=create_api_key)

    session = commands.add_parser(
        "create-session", parents=[storage], help="print a new la_session cookie value"
    )
    session.add_argument("--api-key", required=True)
    session.set_defaults(func=create_session)

    revoke = commands.add_parser("revoke-api-key", parents=[storage], help="revoke an API key")
    revoke.add_argument("--api-key", required=True)
    revoke.set_defaults(func=revoke_api_key)

    rotate = commands.add_parser(
        "rotate-secrets", parents=[storage], help="re-encrypt stored secrets under the first key"
    )
    rotate.set_defaults(func=rotate_secrets)

    grant = commands.add_parser(
        "grant-credits", parents=[storage], help="add credits to a space; prints the balance"
    )
    grant.add_argument("--space", required=True, help="the space's id, or its name")
    grant.add_argument("amount", type=_amount, help="credits, e.g. 100 or 2.5 (negative takes)")
    grant.set_defaults(func=grant_credits)

    wipe = commands.add_parser(
        "reset", parents=[storage], help="drop every table and migrate afresh (a clean slate)"
    )
    wipe.set_defaults(func=reset)

    mig = commands.add_parser("migrate", parents=[storage], help="apply database migrations")
    mig.set_defaults(func=migrate)
    add_catalog_commands(commands, storage, _store)
    add_space_commands(commands, storage, _store)
    return root


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        result: int = args.func(args)
    except (SecretKeyError, StartupError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return result


if __name__ == "__main__":
    raise SystemExit(main())
