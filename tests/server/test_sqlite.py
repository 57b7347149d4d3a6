"""SQLite specifics: WAL and the chosen pragmas, the cross-process writer lock."""

from __future__ import annotations

from pathlib import Path

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
