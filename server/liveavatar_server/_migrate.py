"""Bring a database to the newest Alembic revision; safe when several processes start at once."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path
from types import ModuleType

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, text

# Any constant works: it only has to be the same for every server process on one database.
_PG_LOCK = 0x11A7A7A5


def alembic_config() -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("liveavatar_server").joinpath("migrations"))
    )
    return config


def revision_module(filename: str) -> ModuleType:
    """A migration file as a module (its names start with digits: `import` cannot reach them)."""
    path = Path(str(resources.files("liveavatar_server").joinpath("migrations", "versions")))
    spec = importlib.util.spec_from_file_location(
        f"revision_{Path(filename).stem}", path / filename
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Run every pending migration inside one transaction holding a database-wide lock."""
    config = alembic_config()
    with engine.connect().execution_options(write=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
        config.attributes["connection"] = conn
        command.upgrade(config, revision)


def head_revision() -> str | None:
    """The newest revision the migrations define."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def reset_database(engine: Engine) -> None:
    """Drop every table (whatever revision made it) and migrate afresh: seeds come back."""
    from sqlalchemy import MetaData

    with engine.connect().execution_options(write=True) as conn, conn.begin():
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
        found = MetaData()
        found.reflect(conn)
        found.drop_all(conn)
    upgrade(engine)
