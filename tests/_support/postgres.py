"""A scratch PostgreSQL database per run on 127.0.0.1:5432, dropped afterwards."""

from __future__ import annotations

import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import psycopg
from psycopg import sql

__all__ = ["ADMIN_URLS", "PostgresUnavailable", "admin_url", "scratch_database"]

# The machine's PostgreSQL trusts loopback; its superuser is `postgres` or `root`.
ADMIN_URLS = (
    "postgresql://postgres@127.0.0.1:5432/test",
    "postgresql://root@127.0.0.1:5432/test",
    "postgresql://postgres@127.0.0.1:5432/postgres",
)


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL answered on 127.0.0.1:5432 with any of the known superusers."""


def admin_url() -> str:
    """The first admin URL that connects (LIVEAVATAR_PG_ADMIN_URL overrides)."""
    candidates = [os.environ.get("LIVEAVATAR_PG_ADMIN_URL", ""), *ADMIN_URLS]
    problems = []
    for url in filter(None, candidates):
        try:
            with psycopg.connect(url, connect_timeout=3):
                return url
        except psycopg.Error as exc:
            problems.append(f"{url}: {exc}".strip())
    raise PostgresUnavailable("; ".join(problems))


@contextmanager
def scratch_database(prefix: str = "liveavatar_test") -> Iterator[str]:
    """Create a uniquely named database, yield its SQLAlchemy URL, drop it afterwards."""
    admin = admin_url()
    name = f"{prefix}_{os.getpid()}_{secrets.token_hex(4)}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    user = psycopg.conninfo.conninfo_to_dict(admin).get("user", "postgres")
    try:
        yield f"postgresql+psycopg://{user}@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
