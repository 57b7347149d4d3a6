"""The suite's plugin (`tests._support.fixtures`): each starter serves, each scratch database is empty."""

from __future__ import annotations

import httpx
import psycopg
import pytest
from liveavatar_server.testing import LocalServer
from sqlalchemy import create_engine, inspect
from sqlalchemy.engine import make_url

from tests._support import fixtures
from tests._support.live import LiveServer
from tests._support.postgres import PostgresUnavailable, admin_url, scratch_database

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    "live_server", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)], indirect=True
)
def test_live_server_is_the_cli_on_a_backend_of_choice(live_server: LiveServer) -> None:
    key = live_server.storage.provision()
    assert "Serving the LiveAvatar reference API on" in live_server.output()
    listed = httpx.get(live_server.base_url + "/v1/secrets", headers={"X-API-KEY": key})
    assert listed.status_code == 200, listed.text
    assert listed.json()["data"] == []
    assert live_server.storage.backend in ("sqlite", "postgresql")


def test_inproc_server_is_the_public_testing_mode(inproc_server: LocalServer) -> None:
    mine, theirs = inproc_server.spaces
    made = httpx.post(
        inproc_server.url + "/v1/secrets",
        headers={"X-API-KEY": mine.api_key},
        json={"secret_name": "s", "secret_value": "v", "secret_type": "OPENAI_API_KEY"},
    )
    assert made.status_code == 200, made.text
    other = httpx.get(inproc_server.url + "/v1/secrets", headers={"X-API-KEY": theirs.api_key})
    assert other.json()["data"] == []


def _databases() -> set[str]:
    with psycopg.connect(admin_url()) as conn:
        return {row[0] for row in conn.execute("SELECT datname FROM pg_database")}


@pytest.mark.postgres
def test_postgres_url_is_a_scratch_database_of_its_own(postgres_url: str) -> None:
    name = make_url(postgres_url).database
    assert name is not None
    assert name in _databases()
    with scratch_database() as other:
        made = make_url(other).database
        assert made not in (None, name)
        assert made in _databases()
    assert made not in _databases()  # dropped on exit


def test_no_postgresql_skips_with_the_reason_wherever_it_was_asked_for() -> None:
    hook = fixtures._skipped_without_postgres()
    next(hook)
    with pytest.raises(pytest.skip.Exception, match="unreachable: nobody answered"):
        hook.throw(PostgresUnavailable("nobody answered"))
    other = fixtures._skipped_without_postgres()
    next(other)
    with pytest.raises(ZeroDivisionError):  # any other failure stays a failure
        other.throw(ZeroDivisionError())


def test_empty_database_url_has_no_tables_on_either_backend(empty_database_url: str) -> None:
    engine = create_engine(empty_database_url)
    try:
        assert inspect(engine).get_table_names() == []
    finally:
        engine.dispose()
