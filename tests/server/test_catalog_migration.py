"""0003_catalog upgrades a database of the previous release in place and keeps its data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from liveavatar_server import Settings, Store
from liveavatar_server._migrate import alembic_config, current_revision, upgrade
from liveavatar_server._store import new_id
from sqlalchemy import inspect, text

from tests.server._objects import reveal_secret


def _previous_release() -> str:
    """The revision 0003_catalog upgrades from, as the migrations chain it (not a fixed name)."""
    down = ScriptDirectory.from_config(alembic_config()).get_revision("0003_catalog").down_revision
    assert isinstance(down, str)
    return down


@pytest.fixture
def fresh_store(empty_database_url: str, tmp_path: Path) -> Iterator[Store]:
    """An empty database (SQLite, then a scratch PostgreSQL one), not migrated."""
    store = Store(Settings(data_dir=tmp_path, database_url=empty_database_url, secret_key=None))
    yield store
    store.close()


def test_upgrading_the_previous_release_keeps_its_data_and_seeds_the_catalog(
    fresh_store: Store,
) -> None:
    upgrade(fresh_store.engine, _previous_release())
    space_id = fresh_store.create_space("before")
    key = fresh_store.create_api_key(space_id)
    secret = {"id": new_id()}
    with fresh_store.engine.begin() as conn:  # the secrets table of that release
        conn.execute(
            text(
                "INSERT INTO secrets (id, space_id, secret_name, secret_type, ciphertext,"
                " created_at) VALUES (:id, :space, 'openai', 'OPENAI_API_KEY', :cipher, :at)"
            ),
            {
                "id": secret["id"],
                "space": space_id,
                "cipher": fresh_store.box.encrypt("sk-kept"),
                "at": datetime.now(UTC).replace(tzinfo=None),
            },
        )
    upgrade(fresh_store.engine)
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert current_revision(fresh_store.engine) == head
    principal = fresh_store.principal_for_key(key)
    assert principal is not None
    assert principal.space_id == space_id
    assert reveal_secret(fresh_store, space_id, str(secret["id"])) == "sk-kept"
    with fresh_store.engine.connect() as conn:
        public_avatars = conn.execute(
            text("SELECT count(*) FROM objects WHERE kind = 'avatar' AND space_id IS NULL")
        ).scalar_one()
        public_voices = conn.execute(
            text("SELECT count(*) FROM objects WHERE kind = 'voice' AND space_id IS NULL")
        ).scalar_one()
    assert (public_avatars, public_voices) == (6, 6)
    names = set(inspect(fresh_store.engine).get_table_names())
    assert {"objects", "object_refs"} <= names
