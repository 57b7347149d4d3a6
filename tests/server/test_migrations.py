"""Alembic: migrations build exactly the tables the code declares, and run idempotently."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from liveavatar_server import Store
from liveavatar_server._migrate import alembic_config, current_revision, upgrade
from liveavatar_server._tables import metadata
from sqlalchemy import inspect


def test_the_database_is_at_head(store: Store) -> None:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    assert current_revision(store.engine) == head


def test_migrations_match_the_declared_tables(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": False})
        differences = compare_metadata(context, metadata)
    assert differences == []
    names = set(inspect(store.engine).get_table_names())
    assert {"spaces", "api_keys", "sessions", "objects", "object_refs"} <= names


def test_upgrading_again_is_a_no_op(store: Store) -> None:
    before = current_revision(store.engine)
    upgrade(store.engine)
    upgrade(store.engine)
    assert current_revision(store.engine) == before
