"""The access-log handler: every line written whole, flushed in batches, none lost on close."""

from __future__ import annotations

import io
import logging
import time

from liveavatar_server._access import BatchedLineHandler


class CountingStream(io.StringIO):
    flushes = 0

    def flush(self) -> None:
        self.flushes += 1
        super().flush()


def _logger(handler: logging.Handler) -> logging.Logger:
    logger = logging.getLogger(f"test.batched.{id(handler)}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    logger.addHandler(handler)
    return logger


def test_many_lines_share_one_flush_and_a_lone_line_still_shows() -> None:
    stream = CountingStream()
    handler = BatchedLineHandler(stream, delay=0.2)
    logger = _logger(handler)
    for index in range(500):
        logger.info('{"n": %d}', index)
    assert stream.getvalue().count("\n") == 500
    assert stream.flushes == 0
    deadline = time.monotonic() + 5
    while stream.flushes == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert stream.flushes == 1
    logger.info("lone")
    while stream.flushes == 1 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert stream.flushes == 2
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
