"""Ratios on a shared machine: two servers up at once, wrk alternating between them, round by round.

`make bench` runs its targets one after another, so a neighbour's burst lands on one side of a
ratio only. Here both servers run side by side (the idle one costs nothing) and each round
measures A, then B, for a few seconds each; the ratio of each round and their median are
reported. `python -m bench.paired ours-sqlite limit-sqlite --scenario create --rounds 5`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from bench._procs import ForeignCpu
from bench._targets import TARGETS
from bench._wrk import run_wrk
from bench.server import CONNECTIONS, THREADS, WARMUP_S, scenario_script

__all__ = ["main", "paired"]


def paired(first: str, second: str, scenario: str, rounds: int, duration_s: int) -> dict[str, Any]:
    """Per round: each side's req/s and p99, the ratio first / second; then the medians."""
    with tempfile.TemporaryDirectory(prefix="liveavatar-paired-") as tmp, ExitStack() as stack:
        scripts = {}
        for name in (first, second):
            workdir = Path(tmp) / name
            workdir.mkdir()
            endpoint = stack.enter_context(TARGETS[name].start(workdir))
            scripts[name] = scenario_script(endpoint, scenario, workdir)
            run_wrk(*scripts[name], duration_s=WARMUP_S, connections=CONNECTIONS, threads=THREADS)
        measured: list[dict[str, Any]] = []
        for _ in range(rounds):
            row: dict[str, Any] = {}
            for name in (first, second):
                with ForeignCpu() as foreign:
                    wrk = run_wrk(
                        *scripts[name], duration_s=duration_s, connections=CONNECTIONS,
                        threads=THREADS,
                    )  # fmt: skip
                row[name] = {
                    "requests_per_s": round(wrk.requests_per_s),
                    "p99_ms": wrk.p99_ms,
                    "errors": wrk.errors,
                    "foreign_cpu_percent": foreign.percent,
                }
            row["ratio"] = round(
                row[first]["requests_per_s"] / max(1, row[second]["requests_per_s"]), 3
            )
            print(json.dumps(row), flush=True)
            measured.append(row)
    return {
        "first": first,
        "second": second,
        "scenario": scenario,
        "duration_s": duration_s,
        "rounds": measured,
        "median_ratio": statistics.median(r["ratio"] for r in measured),
        "median_p99_ms": {
            name: statistics.median(r[name]["p99_ms"] for r in measured) for name in (first, second)
        },
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("first", choices=TARGETS)
    parser.add_argument("second", choices=TARGETS)
    parser.add_argument("--scenario", default="create")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--duration", type=int, default=5, help="seconds per side per round")
    parser.add_argument("--json", type=Path, help="write the result here")
    args = parser.parse_args(argv)
    result = paired(args.first, args.second, args.scenario, args.rounds, args.duration)
    print(f"median {args.first} / {args.second}: {result['median_ratio']:.3f}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
