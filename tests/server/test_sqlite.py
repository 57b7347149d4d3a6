"""SQLite specifics: WAL, chosen pragmas, checkpoints off the request path."""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from liveavatar_server._store import Checkpointer

from tests.server.conftest import make_store


def test_pragmas_are_the_documented_ones(tmp_path: Path) -> None:
    store = make_store(tmp_path, None, None)
    with store.engine.connect() as conn:
        values = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "foreign_keys", "busy_timeout")
        }
    assert values == {
        "journal_mode": "wal",
        "synchronous": 1,
        "foreign_keys": 1,
        "busy_timeout": 10000,
    }
    store.close()


def test_the_checkpointer_moves_committed_rows_into_the_database_file(tmp_path: Path) -> None:
    store = make_store(tmp_path, None, None)
    space = store.create_space("wal")
    for index in range(20):
        store.create_secret(space, f"s{index}", "OPENAI_API_KEY", "v")
    checkpointer = Checkpointer(store.engine, interval=0.05)
    checkpointer.start()
    try:
        copied = tmp_path / "copy.sqlite3"
        deadline = time.monotonic() + 10
        while True:
            # The database file alone (no -wal beside it) must hold every committed row.
            shutil.copyfile(tmp_path / "test.sqlite3", copied)
            conn = sqlite3.connect(copied)
            try:
                count = conn.execute("SELECT count(*) FROM secrets").fetchone()[0]
            except sqlite3.OperationalError:
                count = 0  # not even the schema has been checkpointed yet
            finally:
                conn.close()
            copied.unlink()
            if count == 20 or time.monotonic() > deadline:
                break
            time.sleep(0.05)
        assert count == 20
    finally:
        checkpointer.stop()
        store.close()


def test_writer_locks_on_one_file_exclude_each_other(tmp_path: Path) -> None:
    """Two locks stand for two processes: the second writer waits until the first is done."""
    import threading

    from liveavatar_server._prepared import WriterLock

    first, second = WriterLock(tmp_path / "db-writer.lock"), WriterLock(tmp_path / "db-writer.lock")
    order: list[str] = []
    entered = threading.Event()

    def other_writer() -> None:
        with second.held():
            order.append("second")

    with first.held():
        thread = threading.Thread(target=other_writer)
        thread.start()
        entered.wait(0.2)  # give the other writer every chance to (wrongly) get in
        order.append("first")
    thread.join(timeout=10)
    assert order == ["first", "second"]
    first.close()
    second.close()
