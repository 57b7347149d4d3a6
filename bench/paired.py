"""Ratios on a shared machine: two servers up at once, wrk alternating between them, round by round.

`make bench` runs its targets one after another, so a neighbour's burst lands on one side of a
ratio only. Here both servers run side by side (the idle one costs nothing) and each round
measures A, then B, for a few seconds each; the ratio of each round and their median are
reported, with each server's own CPU time per request (its process tree's utime + stime over
the requests served), which a neighbour's load disturbs far less than a rate.
`python -m bench.paired ours-sqlite limit-sqlite --scenario create --rounds 5`.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from bench._procs import ForeignCpu, process_tree
from bench._targets import TARGETS
from bench._wrk import run_wrk
from bench.server import CONNECTIONS, THREADS, WARMUP_S, scenario_script

__all__ = ["main", "paired", "server_cpu_s"]

_CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def server_cpu_s(root: int) -> float:
    """CPU seconds (user + system) of a server process and its live descendants so far."""
    ticks = 0
    for pid in process_tree(root):
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(stat[11]) + int(stat[12])  # utime, stime
    return ticks / _CLOCK_TICKS


def paired(first: str, second: str, scenario: str, rounds: int, duration_s: int) -> dict[str, Any]:
    """Per round: each side's req/s and p99, the ratio first / second; then the medians."""
    with tempfile.TemporaryDirectory(prefix="liveavatar-paired-") as tmp, ExitStack() as stack:
        scripts, pids = {}, {}
        for name in (first, second):
            workdir = Path(tmp) / name
            workdir.mkdir()
            endpoint = stack.enter_context(TARGETS[name].start(workdir))
            scripts[name], pids[name] = scenario_script(endpoint, scenario, workdir), endpoint.pid
            run_wrk(*scripts[name], duration_s=WARMUP_S, connections=CONNECTIONS, threads=THREADS)
        measured: list[dict[str, Any]] = []
        for _ in range(rounds):
            row: dict[str, Any] = {}
            for name in (first, second):
                cpu = server_cpu_s(pids[name])
                with ForeignCpu() as foreign:
                    wrk = run_wrk(
                        *scripts[name], duration_s=duration_s, connections=CONNECTIONS,
                        threads=THREADS,
                    )  # fmt: skip
                cpu = server_cpu_s(pids[name]) - cpu
                row[name] = {
                    "requests_per_s": round(wrk.requests_per_s),
                    "cpu_us_per_request": round(1e6 * cpu / max(1, wrk.requests), 1),
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
        "median_cpu_us_per_request": {
            name: statistics.median(r[name]["cpu_us_per_request"] for r in measured)
            for name in (first, second)
        },
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
