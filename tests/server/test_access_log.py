"""The access log: lines written whole, flushed in batches, none lost on close; its records."""

from __future__ import annotations

import io
import logging
import threading
import time
from typing import Any

from liveavatar_server import _access
from liveavatar_server._access import BatchedLineHandler, _Records, access_log


class CountingStream(io.StringIO):
    flushes = 0
    writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        return super().write(text)

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(f"test.batched.{id(handler)}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    return logger


def test_many_lines_share_one_write_and_a_lone_line_still_shows() -> None:
    stream = CountingStream()
    handler = BatchedLineHandler(stream, delay=0.2)
    logger = _logger(handler)
    for index in range(500):
        logger.info('{"n": %d}', index)
    assert (stream.writes, stream.flushes) == (0, 0)
    deadline = time.monotonic() + 5
    while stream.flushes == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert (stream.writes, stream.flushes) == (1, 1)
    assert stream.getvalue().splitlines() == [f'{{"n": {index}}}' for index in range(500)]
    logger.info("lone")
    while stream.flushes == 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert (stream.writes, stream.flushes) == (2, 2)
    assert stream.getvalue().endswith('{"n": 499}\nlone\n')
    handler.close()
    logger.removeHandler(handler)


def test_past_the_limit_held_lines_are_written_at_once() -> None:
    stream = CountingStream()
    handler = BatchedLineHandler(stream, delay=60, limit=100)
    logger = _logger(handler)
    for _ in range(10):
        logger.info("x" * 19)  # 20 characters with the newline: the fifth line reaches 100
    assert (stream.writes, stream.flushes) == (2, 2)
    assert stream.getvalue() == ("x" * 19 + "\n") * 10
    handler.close()
    logger.removeHandler(handler)


def test_close_flushes_what_is_pending() -> None:
    stream = CountingStream()
    handler = BatchedLineHandler(stream, delay=60)
    logger = _logger(handler)
    logger.info("last words")
    handler.close()
    logger.removeHandler(handler)
    assert stream.flushes >= 1
    assert stream.getvalue() == "last words\n"


def _plain(line: str) -> logging.LogRecord:
    return logging.LogRecord(access_log.name, logging.INFO, _access.__file__, 0, line, (), None)


def test_access_records_carry_what_logging_itself_would_record() -> None:
    records = _Records()
    made = records.make('{"status": 200}')
    plain = _plain('{"status": 200}')
    timeless = {"created", "msecs", "relativeCreated"}
    assert made.__dict__.keys() == plain.__dict__.keys()
    assert {k: v for k, v in made.__dict__.items() if k not in timeless} == {
        k: v for k, v in plain.__dict__.items() if k not in timeless
    }
    assert abs(made.created - plain.created) < 1
    assert abs(made.relativeCreated - plain.relativeCreated) < 1000
    assert made.getMessage() == '{"status": 200}'

    # Served from another thread, the record names that thread.
    other: list[logging.LogRecord] = []
    worker = threading.Thread(target=lambda: other.append(records.make("x")), name="serving")
    worker.start()
    worker.join()
    assert other[0].threadName == "serving"
    assert other[0].thread == worker.ident


def test_a_custom_record_factory_is_still_called() -> None:
    seen: list[str] = []
    previous = logging.getLogRecordFactory()

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        seen.append(record.getMessage())
        return record

    logging.setLogRecordFactory(factory)
    try:
        _Records().make("through the factory")
    finally:
        logging.setLogRecordFactory(previous)
    assert seen == ["through the factory"]
