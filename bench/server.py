"""Server benchmark: wrk creates and gets against our server, Prism and the Python ceiling."""

from __future__ import annotations

import argparse
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bench._procs import ForeignCpu, PeakRss
from bench._targets import CREATE_PATH, TARGETS, Endpoint
from bench._wrk import lua_script, run_wrk

__all__ = ["SCENARIOS", "bench_servers", "main", "ratios", "scenario_script"]

SCENARIOS = ("create", "get")
DEFAULT_DURATION_S = int(os.environ.get("BENCH_DURATION", "10"))
CONNECTIONS = 32
THREADS = 2
WARMUP_S = 2


def scenario_script(endpoint: Endpoint, scenario: str, workdir: Path) -> tuple[str, Path]:
    """(url, wrk Lua script) for one scenario against one endpoint."""
    headers = {"X-API-KEY": endpoint.api_key, "Accept": "application/json"}
    if scenario == "create":
        headers["Content-Type"] = "application/json"
        text = lua_script("POST", headers, json.dumps(endpoint.create_body))
        url = endpoint.base_url + CREATE_PATH
    else:
        text = lua_script("GET", headers)
        url = endpoint.base_url + endpoint.get_path
    script = workdir / f"{scenario}.lua"
    script.write_text(text, encoding="utf-8")
    script.chmod(0o600)  # it holds an API key
    return url, script


def bench_target(name: str, scenarios: tuple[str, ...], duration_s: int) -> dict[str, Any]:
    """Start one target, warm it up, run each scenario with wrk while sampling RSS."""
    target = TARGETS[name]
    results: dict[str, Any] = {"description": target.description}
    with tempfile.TemporaryDirectory(prefix=f"liveavatar-bench-{name}-") as tmp:
        workdir = Path(tmp)
        with target.start(workdir) as endpoint:
            for scenario in scenarios:
                url, script = scenario_script(endpoint, scenario, workdir)
                run_wrk(url, script, duration_s=WARMUP_S, connections=CONNECTIONS, threads=THREADS)
                with PeakRss(endpoint.pid) as rss, ForeignCpu() as foreign:
                    wrk = run_wrk(
                        url, script, duration_s=duration_s, connections=CONNECTIONS, threads=THREADS
                    )
                results[scenario] = {
                    **asdict(wrk),
                    "errors": wrk.errors,
                    "peak_rss_mib": round(rss.peak_bytes / 2**20, 1),
                    "foreign_cpu_percent": foreign.percent,
                }
                print(
                    f"  {name:14} {scenario:6} {wrk.requests_per_s:9.0f} req/s  "
                    f"p50 {wrk.p50_ms:6.2f} ms  p99 {wrk.p99_ms:7.2f} ms  "
                    f"errors {wrk.errors}  peak RSS {rss.peak_bytes / 2**20:.0f} MiB  "
                    f"other CPU {foreign.percent:.0f}%",
                    flush=True,
                )
    return results


def ratios(server: dict[str, dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Throughput of each of our targets over Prism and over the ceiling, per scenario."""
    out: dict[str, dict[str, float]] = {}
    ours_targets = [name for name in server if name.startswith("ours")]
    for scenario in SCENARIOS:
        for ours in ours_targets:
            for peer in ("prism", "ceiling"):
                mine = server.get(ours, {}).get(scenario)
                theirs = server.get(peer, {}).get(scenario)
                if mine and theirs and theirs["requests_per_s"]:
                    ratio = mine["requests_per_s"] / theirs["requests_per_s"]
                    out.setdefault(scenario, {})[f"{ours}/{peer}"] = round(ratio, 2)
    return out


def bench_servers(
    targets: list[str], scenarios: tuple[str, ...], duration_s: int
) -> dict[str, Any]:
    """Every target in turn (one at a time: they share the machine with the load generator)."""
    server: dict[str, Any] = {}
    errors: dict[str, str] = {}
    for name in targets:
        print(f"server bench: {name}", flush=True)
        try:
            server[name] = bench_target(name, scenarios, duration_s)
        except Exception as exc:
            errors[name] = f"{type(exc).__name__}: {exc}"
            print(f"  {name} failed: {errors[name]}", flush=True)
    return {
        "settings": {
            "duration_s": duration_s,
            "warmup_s": WARMUP_S,
            "connections": CONNECTIONS,
            "threads": THREADS,
            "load_generator": "wrk",
        },
        "targets": server,
        "failed": errors,
        "ratios": ratios(server),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--targets", default=",".join(TARGETS), help="comma-separated")
    parser.add_argument("--scenarios", default=",".join(SCENARIOS), help="comma-separated")
    parser.add_argument("--duration", type=int, default=DEFAULT_DURATION_S, help="seconds per run")
    parser.add_argument("--json", type=Path, help="write the results here")
    args = parser.parse_args(argv)
    result = bench_servers(args.targets.split(","), tuple(args.scenarios.split(",")), args.duration)
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 1 if result["failed"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
