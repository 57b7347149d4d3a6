"""`make bench` reads the client benchmark's output and judges each goal from the figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.run import goals, parse_client_overhead

SAMPLES = Path(__file__).parent


def test_reads_the_client_benchmark_output() -> None:
    result = parse_client_overhead((SAMPLES / "client_overhead_output.txt").read_text())
    assert result["calls_per_side"] == 400
    assert result["client_median_us"] == pytest.approx(826.6)
    assert result["httpx_median_us"] == pytest.approx(788.3)
    assert result["overhead_ratio"] == pytest.approx(1.049)


def test_unexpected_client_output_is_a_failure_not_a_figure() -> None:
    assert "failed" in parse_client_overhead("Traceback (most recent call last):\n")


def _run(rps: float, p99: float, errors: int = 0) -> dict[str, Any]:
    return {"requests_per_s": rps, "p99_ms": p99, "errors": errors, "requests": int(rps * 10)}


@pytest.mark.parametrize(
    ("ours_rps", "p99", "errors", "expected"),
    [
        (3000.0, 20.0, 0, [True, True, True]),
        (2999.0, 20.0, 0, [False, True, True]),
        (3000.0, 25.1, 0, [True, False, True]),
        (3000.0, 20.0, 1, [True, True, False]),
    ],
)
def test_goals_follow_the_figures(
    ours_rps: float, p99: float, errors: int, expected: list[bool]
) -> None:
    results = {
        "server": {
            "targets": {
                "ours-sqlite": {"description": "", "create": _run(ours_rps, p99, errors)},
                "prism": {"description": "", "create": _run(1000.0, 100.0)},
            },
            "failed": {},
        },
        "client": {"overhead_ratio": 1.2},
    }
    judged = goals(results)
    assert [goal["met"] for goal in judged] == [*expected, False]
