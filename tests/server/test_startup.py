"""Start-up mistakes are one line on stderr (what was wrong, what to do) and exit 2; `postgres://` works."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from liveavatar_server._settings import Settings, with_postgres_driver

from tests._support.live import Storage
from tests._support.postgres import scratch_database

pytestmark = pytest.mark.slow


def _server(data_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return Storage(data_dir, settings=env).run(*args)


def _refused(done: subprocess.CompletedProcess[str], *words: str) -> str:
    assert done.returncode == 2, done.stderr
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("error: ")
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


def _unwritable(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o555)
        return locked / "data"
    return Path("/sys/liveavatar-unwritable")  # root writes anywhere but sysfs


@pytest.mark.parametrize("command", ["migrate", "serve"])
def test_a_corrupt_sqlite_file_is_one_line(tmp_path: Path, command: str) -> None:
    (tmp_path / "liveavatar.sqlite3").write_bytes(b"not a database at all\n" * 500)
    _refused(
        _server(tmp_path, command, *(["--port", "0"] if command == "serve" else [])),
        "not a SQLite database",
        "move it aside",
    )


def test_a_data_dir_naming_a_file_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    _refused(_server(tmp_path / "file", "migrate"), "is a file", "--data-dir")
    _refused(_server(tmp_path / "file" / "below", "migrate"), "cannot write", "--data-dir")


def test_an_unwritable_data_dir_is_one_line(tmp_path: Path) -> None:
    _refused(_server(_unwritable(tmp_path), "create-space", "x"), "cannot write", "--data-dir")


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://user:hunter2@127.0.0.1/db", ("mysql databases are not supported", "sqlite:///")),
        ("not a url hunter2", ("not a URL", "postgresql://")),
        ("sqlite:////nonexistent-dir/x.sqlite3", ("cannot open the SQLite database",)),
        ("postgresql://postgres:hunter2@127.0.0.1:1/test", ("cannot use the PostgreSQL database",)),
    ],
    ids=["mysql", "garbage", "sqlite-missing-dir", "postgres-nobody-listening"],
)
def test_a_database_url_the_server_cannot_use_is_one_line(
    tmp_path: Path, url: str, words: tuple[str, ...]
) -> None:
    for done in (
        _server(tmp_path, "migrate", "--database-url", url),
        _server(tmp_path, "migrate", LIVEAVATAR_DATABASE_URL=url),
    ):
        line = _refused(done, *words)
        assert "hunter2" not in line


def test_a_missing_postgresql_database_names_it_and_says_createdb(tmp_path: Path) -> None:
    with scratch_database() as url:
        missing = url.rsplit("/", 1)[0] + "/liveavatar_no_such_database"
    _refused(
        _server(tmp_path, "migrate", "--database-url", missing),
        "liveavatar_no_such_database",
        "does not exist",
        "createdb liveavatar_no_such_database",
    )


def test_a_bad_setting_in_the_environment_is_one_line(tmp_path: Path) -> None:
    done = _server(tmp_path, "migrate", LIVEAVATAR_SESSION_IDLE_TIMEOUT="soon")
    _refused(done, "LIVEAVATAR_SESSION_IDLE_TIMEOUT")


@pytest.mark.parametrize("scheme", ["postgres", "postgresql", "postgresql+psycopg"])
def test_every_common_postgresql_scheme_just_works(tmp_path: Path, scheme: str) -> None:
    with scratch_database() as url:
        written = f"{scheme}://{url.split('://', 1)[1]}"
        made = _server(tmp_path, "create-space", "pg", "--database-url", written)
        assert made.returncode == 0, made.stderr
        assert made.stdout.strip()
        listed = _server(tmp_path, "migrate", LIVEAVATAR_DATABASE_URL=written)
        assert listed.returncode == 0, listed.stderr


def test_settings_read_postgres_urls_with_the_shipped_driver(tmp_path: Path) -> None:
    assert with_postgres_driver("postgres://u@h/d") == "postgresql+psycopg://u@h/d"
    assert with_postgres_driver("POSTGRESQL://u@h/d") == "postgresql+psycopg://u@h/d"
    assert with_postgres_driver("sqlite:///x") == "sqlite:///x"
    settings = Settings.from_environment(data_dir=str(tmp_path), database_url="postgres://u@h/d")
    assert settings.database_url == "postgresql+psycopg://u@h/d"
