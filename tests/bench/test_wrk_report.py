"""The bench harness reads wrk reports and process trees correctly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench._procs import process_tree, tree_rss_bytes
from bench._wrk import WrkError, lua_script, parse_report

SAMPLES = Path(__file__).parent


def test_parses_a_captured_report_with_non_2xx() -> None:
    result = parse_report((SAMPLES / "wrk_report_http_server.txt").read_text())
    assert result.requests == 5203
    assert result.duration_s == pytest.approx(2.10)
    assert result.requests_per_s == pytest.approx(2477.66)
    assert (result.p50_ms, result.p75_ms, result.p90_ms, result.p99_ms) == pytest.approx(
        (2.28, 2.63, 3.03, 4.07)
    )
    assert result.non_2xx_3xx == 5203
    assert result.errors == 5203


def test_parses_units_and_socket_errors() -> None:
    result = parse_report((SAMPLES / "wrk_report_timeouts.txt").read_text())
    assert result.p50_ms == pytest.approx(850.0)  # "850.00ms"
    assert result.p90_ms == pytest.approx(1_450.0)  # "1.45s"
    assert result.p99_ms == pytest.approx(1_990.0)  # "1.99s"
    assert result.socket_errors == {"connect": 0, "read": 3, "write": 0, "timeout": 17}
    assert result.non_2xx_3xx == 0
    assert result.errors == 20


def test_rejects_what_is_not_a_latency_report() -> None:
    with pytest.raises(WrkError, match="not a `wrk --latency` report"):
        parse_report("unable to connect to 127.0.0.1:9 Connection refused\n")


def test_lua_script_quotes_headers_and_body() -> None:
    script = lua_script("POST", {"X-API-KEY": 'k"ey'}, '{"a": "b"}')
    assert script.splitlines() == [
        'wrk.method = "POST"',
        'wrk.headers["X-API-KEY"] = "k\\"ey"',
        'wrk.body = "{\\"a\\": \\"b\\"}"',
    ]


def test_rss_covers_the_children_of_a_process() -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        assert child.pid in process_tree(os.getpid())
        assert tree_rss_bytes(os.getpid()) > tree_rss_bytes(child.pid) > 0
    finally:
        child.kill()
        child.wait()
