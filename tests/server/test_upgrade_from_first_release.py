"""A database made by the first release (revision 0001) upgrades to head with its data intact."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.fernet import Fernet
from liveavatar_server import Settings, Store
from liveavatar_server._migrate import current_revision, head_revision, upgrade
from liveavatar_server._store import digest
from sqlalchemy import Engine, create_engine, text

from tests.server._objects import call, resource
from tests.server._objects import engine as engine_of_tests


def _first_release_rows(engine: Engine) -> None:
    """Rows as the first release wrote them, with plain SQL (no code of this release)."""
    now = datetime.now(UTC)
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO spaces (id, name, created_at) VALUES ('s1', 'old', :t)"), {"t": now}
        )
        conn.execute(
            text(
                "INSERT INTO api_keys (id, key_hash, space_id, created_at) "
                "VALUES ('k1', :h, 's1', :t)"
            ),
            {"h": digest("la_old_key"), "t": now},
        )
        conn.execute(
            text(
                "INSERT INTO sessions (id, token_hash, api_key_id, created_at, expires_at) "
                "VALUES ('c1', :h, 'k1', :t, :e)"
            ),
            {"h": digest("las_old_cookie"), "t": now, "e": now + timedelta(days=1)},
        )
        conn.execute(
            text(
                "INSERT INTO secrets (id, space_id, secret_name, secret_type, ciphertext, "
                "created_at) VALUES ('x1', 's1', 'n', 'OPENAI_API_KEY', :c, :t)"
            ),
            {"c": b"opaque", "t": now},
        )
        conn.execute(
            text(
                "INSERT INTO llm_configurations (id, space_id, display_name, model_name, "
                "base_url, secret_id, created_at, updated_at) "
                "VALUES ('l1', 's1', 'd', 'm', 'https://api.openai.com', 'x1', :t, :t)"
            ),
            {"t": now},
        )


def test_an_old_database_upgrades_without_losing_data(
    empty_database_url: str, tmp_path: Path
) -> None:
    engine = create_engine(empty_database_url)
    upgrade(engine, "0001")
    _first_release_rows(engine)
    upgrade(engine)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        for table, count in (
            ("spaces", 1),
            ("api_keys", 1),
            ("sessions", 1),
            ("objects WHERE space_id IS NOT NULL", 2),  # the secret and the configuration
            ("object_refs", 1),
            ("avatar_sessions", 0),
        ):
            counted = conn.execute(text(f"SELECT count(*) FROM {table}"))  # noqa: S608 (our names)
            assert counted.scalar_one() == count
    engine.dispose()
    secret_key = Fernet.generate_key().decode()
    settings = Settings(data_dir=tmp_path, database_url=empty_database_url, secret_key=secret_key)
    store = Store(settings)
    try:
        assert store.principal_for_key("la_old_key") is not None
        assert store.principal_for_session("las_old_cookie") is not None
        listed = engine_of_tests().list(resource("llm_configurations"), call(store, "s1"), {})
        assert [row["id"] for row in listed] == ["l1"]
    finally:
        store.close()
