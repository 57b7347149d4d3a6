"""`make bench` reads the client benchmark's output and judges each goal from the figures."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bench.run import goals, limit_goals, parse_client_overhead, performance_goals

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


def test_performance_goals_are_ratios_to_the_faster_ceiling() -> None:
    targets = {
        "ceiling": {"create": _run(10_000.0, 5.0), "get": _run(10_000.0, 5.0)},
        "ceiling-granian": {"create": _run(12_000.0, 5.0), "get": _run(8_000.0, 5.0)},
        "ours-sqlite": {"create": _run(4_800.0, 9.0), "get": _run(5_900.0, 6.0)},
        "ours-postgres": {"create": _run(2_000.0, 20.0)},
        "ours-postgres-2w": {"create": _run(3_000.0, 20.0)},
        "peer-fastapi": {"create": _run(1_000.0, 90.0)},
    }
    results = {
        "server": {"targets": targets, "failed": {}},
        "session_flow": {"flows_per_s": 1_300.0},
        "lists": {"paginated_p99_large_over_small": 1.6},
    }
    judged = {goal["goal"]: goal["met"] for goal in performance_goals(results)}
    assert judged == {
        "ours-sqlite creates / ceiling >= 0.40": True,  # 4,800 / 12,000 (granian's)
        "ours-sqlite create p99 <= 10 ms": True,
        "ours-sqlite gets / ceiling >= 0.60": False,  # 5,900 / 10,000 (uvicorn's)
        "ours-sqlite get p99 <= 5 ms": False,
        "ours-postgres creates / ceiling >= 0.25": False,
        "ours-postgres create p99 <= 25 ms": True,
        "ours-sqlite creates / FastAPI + SQLAlchemy peer >= 3x": True,
        "session flows (token+start+stop) per s, SQLite / ceiling >= 0.10": True,
        "paginated list p99, 1,000,000 / 1,000 rows in the space <= 1.5x": False,
        "PostgreSQL creates, --workers 2 / --workers 1 (report)": None,
    }


def test_limit_goals_take_one_runs_ratios_and_the_faster_fair_peer() -> None:
    targets = {
        "ours-sqlite": {"create": _run(6_000.0, 20.0), "get": _run(6_000.0, 6.0)},
        "limit-sqlite": {"create": _run(9_000.0, 12.0), "get": _run(7_000.0, 5.0)},
        "ours-postgres": {"create": _run(1_500.0, 20.0)},
        "limit-postgres": {"create": _run(2_000.0, 20.0)},
        "peer-fastapi-wal": {"create": _run(1_000.0, 90.0), "get": _run(1_000.0, 50.0)},
        "peer-fastapi-wal-async": {"create": _run(2_500.0, 90.0), "get": _run(900.0, 50.0)},
    }
    step = {"median_ms": 3.0, "p90_ms": 4.0, "min_ms": 1.0}
    results = {
        "server": {"targets": targets, "failed": {}},
        "fixture": {"start": step, "reset": step, "stop": {**step, "median_ms": 25.0}},
    }
    judged = {goal["goal"]: goal["met"] for goal in limit_goals(results)}
    assert judged["ours-sqlite creates / limit-sqlite >= 0.75"] is False  # 0.67
    assert judged["ours-sqlite gets / limit-sqlite >= 0.75"] is True  # 0.86
    assert judged["ours-postgres creates / limit-postgres >= 0.6"] is True  # 0.75
    assert judged["ours-postgres creates / ours-sqlite >= 0.5"] is False  # 0.25
    assert judged["ours-sqlite create p99 <= 2x limit-sqlite's"] is True  # 20 <= 24
    # The faster peer of each scenario: async for creates (2.4x), sync for gets (6x).
    assert (
        judged["ours-sqlite creates / fair FastAPI peer (best of WAL sync, async) >= 3x"] is False
    )
    assert judged["ours-sqlite gets / fair FastAPI peer (best of WAL sync, async) >= 3x"] is True
    assert judged["testing mode: reset (median) <= 5 ms"] is True
    assert judged["testing mode: stop (median) <= 20 ms"] is False
    assert judged["session flows (token+start+stop) / limit-sqlite creates (report)"] is None
