"""Alembic environment: runs on the connection `liveavatar_server._migrate` hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from liveavatar_server._tables import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError(
        "run migrations through `liveavatar-server migrate` (liveavatar_server._migrate)"
    )
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
context.run_migrations()
