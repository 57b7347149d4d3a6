"""`make bench` / `make bench-server`: one run, results to bench/results/ (JSON, markdown, PNG)."""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import report
from bench._targets import ROOT, our_server
from bench.fixture import bench_fixture
from bench.flows import bench_list_scaling, bench_session_flow
from bench.generation import bench_generation
from bench.server import DEFAULT_DURATION_S, bench_servers

__all__ = ["SUITES", "goals", "limit_goals", "main", "performance_goals"]

RESULTS = ROOT / "bench" / "results"
CLIENT_SCRIPT = ROOT / "bench" / "client_overhead.py"
# The performance goals' bounds: server vs Prism, server p99, client overhead.
MIN_PRISM_RATIO = 3.0
MAX_P99_MS = 25.0
MAX_CLIENT_OVERHEAD = 1.15
# The performance goals: each a ratio taken in one run (see `goals`).
CEILINGS = ("ceiling", "ceiling-granian")
MIN_CEILING_RATIO = {
    ("ours-sqlite", "create"): 0.40,
    ("ours-sqlite", "get"): 0.60,
    ("ours-postgres", "create"): 0.25,
}
MAX_GOAL_P99_MS = {
    ("ours-sqlite", "create"): 10.0,
    ("ours-sqlite", "get"): 5.0,
    ("ours-postgres", "create"): 25.0,
}
MIN_PEER_RATIO = 3.0
MIN_FLOW_CEILING_RATIO = 0.10
MAX_PAGINATED_GROWTH = 1.5
# Against the limit: ours / the limit app doing the same work, and / the fair peer.
MIN_LIMIT_RATIO = {
    ("ours-sqlite", "limit-sqlite", "create"): 0.75,
    ("ours-sqlite", "limit-sqlite", "get"): 0.75,
    ("ours-postgres", "limit-postgres", "create"): 0.6,
    ("ours-postgres", "ours-sqlite", "create"): 0.5,
}
MAX_LIMIT_P99_FACTOR = 2.0
FAIR_PEERS = ("peer-fastapi-wal", "peer-fastapi-wal-async")
MIN_FAIR_PEER_RATIO = 3.0
MAX_FIXTURE_MS = {"start": 50.0, "reset": 5.0, "stop": 20.0}
_LIMIT_TARGETS = [
    "ours-sqlite",
    "ours-postgres",
    "ours-postgres-2w",
    "limit-sqlite",
    "limit-postgres",
    "peer-fastapi-wal",
    "peer-fastapi-wal-async",
    "ceiling",
]
SUITES: dict[str, dict[str, Any]] = {
    "all": {
        "targets": [
            "ours-sqlite",
            "ours-sqlite-full",
            "ours-postgres",
            "ours-postgres-2w",
            "limit-sqlite",
            "limit-postgres",
            "peer-fastapi",
            "peer-fastapi-wal",
            "peer-fastapi-wal-async",
            "prism",
            "ceiling",
            "ceiling-granian",
        ],
        "scenarios": ("create", "get"),
        "client": True,
        "generation": True,
        "flows": True,
        "fixture": True,
    },
    # Ours against the limit apps and the fair peer, the fixture, the session flow.
    "limits": {
        "targets": _LIMIT_TARGETS,
        "scenarios": ("create", "get"),
        "client": False,
        "generation": False,
        "flows": False,
        "session_flow": True,
        "fixture": True,
    },
    # The server's goal: durable creates on SQLite against Prism, same load generator, same run.
    "server": {
        "targets": ["ours-sqlite", "ours-sqlite-full", "prism"],
        "scenarios": ("create",),
        "client": False,
        "generation": False,
        "flows": False,
    },
}


def _meta(suite: str) -> dict[str, Any]:
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        capture_output=True, text=True, cwd=ROOT, check=False,
    ).stdout.strip()  # fmt: skip
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False)
    return {
        "suite": suite,
        "started_at": time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime()),
        "commit": commit + ("+dirty" if dirty else ""),
        "cpus": os.cpu_count(),
        "python": sys.version.split()[0],
        "wrk": (wrk.stdout or wrk.stderr).splitlines()[0] if (wrk.stdout or wrk.stderr) else "",
        "loadavg_start": [round(x, 2) for x in os.getloadavg()],
    }


def _client_overhead() -> dict[str, Any]:
    """Run the client helper's bench/client_overhead.py against our server on SQLite."""
    if not CLIENT_SCRIPT.exists():
        return {"skipped": f"{CLIENT_SCRIPT.relative_to(ROOT)} is not in this tree yet"}
    with (
        tempfile.TemporaryDirectory(prefix="liveavatar-bench-client-") as tmp,
        our_server(Path(tmp)) as (endpoint, _),
    ):
        config_id = endpoint.get_path.rsplit("/", 1)[1]
        done = subprocess.run(
            [sys.executable, "-m", "bench.client_overhead", "--url", endpoint.base_url,
             "--api-key", endpoint.api_key, "--config-id", config_id],
            capture_output=True, text=True, cwd=ROOT, timeout=900, check=False,
        )  # fmt: skip
    if done.returncode != 0:
        return {"failed": f"exit {done.returncode}: {done.stderr[-2000:]}"}
    return parse_client_overhead(done.stdout)


def parse_client_overhead(text: str) -> dict[str, Any]:
    """The medians and ratio that bench/client_overhead.py prints."""
    calls = re.search(r"^calls per side:\s+(\d+)", text, re.M)
    client = re.search(r"^client\.\S+:\s+median\s+([0-9.]+) us", text, re.M)
    raw = re.search(r"^httpx\.\S+ \+ json\.loads:\s+median\s+([0-9.]+) us", text, re.M)
    ratio = re.search(r"^ratio \(goal <= [0-9.]+\):\s+([0-9.]+)x", text, re.M)
    if not (calls and client and raw and ratio):
        return {"failed": f"unexpected output of {CLIENT_SCRIPT.name}:\n{text[-2000:]}"}
    return {
        "operation": "client.llm_configurations.get(id) vs httpx.Client.get + json.loads",
        "server": "ours-sqlite",
        "calls_per_side": int(calls.group(1)),
        "client_median_us": float(client.group(1)),
        "httpx_median_us": float(raw.group(1)),
        "overhead_ratio": float(ratio.group(1)),
    }


def goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """Each performance goal with the measured figure and whether it is met."""
    out: list[dict[str, Any]] = []
    server = results.get("server")
    if server:
        targets = server["targets"]
        prism = targets.get("prism", {}).get("create")
        for ours in [name for name in [*targets, *server["failed"]] if name.startswith("ours")]:
            create = targets.get(ours, {}).get("create")
            ratio = create["requests_per_s"] / prism["requests_per_s"] if create and prism else None
            if "prism" in targets or "prism" in server["failed"]:  # (suites without Prism: no row)
                out.append({
                    "goal": f"{ours} create throughput >= {MIN_PRISM_RATIO:g}x Prism",
                    "measured": f"{ratio:.2f}x" if ratio is not None else "n/a",
                    "met": None if ratio is None else ratio >= MIN_PRISM_RATIO,
                })  # fmt: skip
            out.append({
                "goal": f"{ours} create p99 <= {MAX_P99_MS:g} ms at 32 connections",
                "measured": f"{create['p99_ms']:.2f} ms" if create else "n/a",
                "met": None if create is None else create["p99_ms"] <= MAX_P99_MS,
            })  # fmt: skip
        ours_runs = [
            run
            for name, target in targets.items()
            if name.startswith("ours")
            for key, run in target.items()
            if key != "description"
        ]
        errors = sum(run["errors"] for run in ours_runs)
        out.append({
            "goal": "our server: zero non-2xx responses and socket errors under load",
            "measured": f"{errors} errors in {sum(r['requests'] for r in ours_runs):,} requests",
            "met": None if not ours_runs else errors == 0,
        })  # fmt: skip
    client = results.get("client")
    if client is not None:
        ratio = client.get("overhead_ratio")
        out.append({
            "goal": f"client per-call time <= {MAX_CLIENT_OVERHEAD:g}x raw httpx",
            "measured": f"{ratio:.3f}x" if ratio is not None else "n/a",
            "met": None if ratio is None else ratio <= MAX_CLIENT_OVERHEAD,
        })  # fmt: skip
    return out


def _ceiling(targets: dict[str, Any], scenario: str) -> tuple[str, float] | None:
    """The faster bare ASGI app of this run for ``scenario``: (target name, req/s)."""
    measured = [
        (name, targets[name][scenario]["requests_per_s"])
        for name in CEILINGS
        if scenario in targets.get(name, {})
    ]
    return max(measured, key=lambda item: item[1]) if measured else None


def _goal(goal: str, measured: str, met: bool | None) -> dict[str, Any]:
    return {"goal": goal, "measured": measured, "met": met}


def performance_goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The figures against the ceiling, the FastAPI peer, the flow, lists, workers, generation."""
    out: list[dict[str, Any]] = []
    targets = (results.get("server") or {}).get("targets", {})
    for (name, scenario), minimum in MIN_CEILING_RATIO.items():
        run, ceiling = targets.get(name, {}).get(scenario), _ceiling(targets, scenario)
        ratio = run["requests_per_s"] / ceiling[1] if run and ceiling else None
        out.append(_goal(
            f"{name} {scenario}s / ceiling >= {minimum:.2f}",
            f"{ratio:.3f} ({run['requests_per_s']:,.0f} / {ceiling[1]:,.0f} req/s, {ceiling[0]})"
            if ratio is not None and run and ceiling else "n/a",
            None if ratio is None else ratio >= minimum,
        ))  # fmt: skip
        limit = MAX_GOAL_P99_MS[(name, scenario)]
        out.append(_goal(
            f"{name} {scenario} p99 <= {limit:g} ms",
            f"{run['p99_ms']:.2f} ms" if run else "n/a",
            None if run is None else run["p99_ms"] <= limit,
        ))  # fmt: skip
    ours, peer = (targets.get(n, {}).get("create") for n in ("ours-sqlite", "peer-fastapi"))
    ratio = ours["requests_per_s"] / peer["requests_per_s"] if ours and peer else None
    out.append(_goal(
        f"ours-sqlite creates / FastAPI + SQLAlchemy peer >= {MIN_PEER_RATIO:g}x",
        f"{ratio:.1f}x" if ratio is not None else "n/a",
        None if ratio is None else ratio >= MIN_PEER_RATIO,
    ))  # fmt: skip
    flow, ceiling = results.get("session_flow"), _ceiling(targets, "create")
    ratio = flow["flows_per_s"] / ceiling[1] if flow and "flows_per_s" in flow and ceiling else None
    out.append(_goal(
        f"session flows (token+start+stop) per s, SQLite / ceiling >= {MIN_FLOW_CEILING_RATIO:.2f}",
        f"{flow['flows_per_s']:,.0f} flows/s = {ratio:.3f}" if flow and ratio is not None else "n/a",
        None if ratio is None else ratio >= MIN_FLOW_CEILING_RATIO,
    ))  # fmt: skip
    lists = results.get("lists")
    growth = lists.get("paginated_p99_large_over_small") if lists else None
    out.append(_goal(
        f"paginated list p99, 1,000,000 / 1,000 rows in the space <= {MAX_PAGINATED_GROWTH:g}x",
        f"{growth:.2f}x" if growth is not None else "n/a",
        None if growth is None else growth <= MAX_PAGINATED_GROWTH,
    ))  # fmt: skip
    if lists and "1000000" in lists:
        small, large = lists["1000"]["plain"], lists["1000000"]["plain"]
        out.append(_goal(
            "plain list (every row) at 1,000 vs 1,000,000 rows (report)",
            f"p99 {small['p99_ms']:.1f} ms vs {large['max_ms']:,.0f} ms per request "
            f"({large['response_bytes'] / 2**20:,.0f} MiB)",
            None,
        ))  # fmt: skip
    one, two = (targets.get(n, {}).get("create") for n in ("ours-postgres", "ours-postgres-2w"))
    out.append(_goal(
        "PostgreSQL creates, --workers 2 / --workers 1 (report)",
        f"{two['requests_per_s'] / one['requests_per_s']:.2f}x" if one and two else "n/a",
        None,
    ))  # fmt: skip
    generation = results.get("generation")
    if generation and "huge" in generation:
        out.append(_goal(
            "make generate: 39 / 390 / 3,900 operations (report; cost per operation flat)",
            ", ".join(
                f"{generation[n]['wall_s']:.1f} s ({generation[n]['ms_per_operation']:.0f} ms/op)"
                for n in ("ours", "large", "huge")
            ),
            None,
        ))  # fmt: skip
    return out


def _rate(targets: dict[str, Any], name: str, scenario: str) -> dict[str, Any] | None:
    found: dict[str, Any] | None = targets.get(name, {}).get(scenario)
    return found


def limit_goals(results: dict[str, Any]) -> list[dict[str, Any]]:
    """The figures against the limit apps, the fair peer and the fixture (one run's ratios)."""
    out: list[dict[str, Any]] = []
    targets = (results.get("server") or {}).get("targets", {})
    for (ours, theirs, scenario), minimum in MIN_LIMIT_RATIO.items():
        mine, limit = _rate(targets, ours, scenario), _rate(targets, theirs, scenario)
        ratio = mine["requests_per_s"] / limit["requests_per_s"] if mine and limit else None
        out.append(_goal(
            f"{ours} {scenario}s / {theirs} >= {minimum:g}",
            f"{ratio:.2f} ({mine['requests_per_s']:,.0f} / {limit['requests_per_s']:,.0f} req/s)"
            if ratio is not None and mine and limit else "n/a",
            None if ratio is None else ratio >= minimum,
        ))  # fmt: skip
    mine, limit = _rate(targets, "ours-sqlite", "create"), _rate(targets, "limit-sqlite", "create")
    out.append(_goal(
        f"ours-sqlite create p99 <= {MAX_LIMIT_P99_FACTOR:g}x limit-sqlite's",
        f"{mine['p99_ms']:.1f} ms vs {limit['p99_ms']:.1f} ms" if mine and limit else "n/a",
        None if not (mine and limit) else mine["p99_ms"] <= MAX_LIMIT_P99_FACTOR * limit["p99_ms"],
    ))  # fmt: skip
    for scenario in ("create", "get"):
        mine = _rate(targets, "ours-sqlite", scenario)
        peers = [(n, r) for n in FAIR_PEERS if (r := _rate(targets, n, scenario))]
        best = max(peers, key=lambda p: p[1]["requests_per_s"]) if peers else None
        ratio = mine["requests_per_s"] / best[1]["requests_per_s"] if mine and best else None
        out.append(_goal(
            f"ours-sqlite {scenario}s / fair FastAPI peer (best of WAL sync, async) "
            f">= {MIN_FAIR_PEER_RATIO:g}x",
            f"{ratio:.1f}x (vs {best[0]}, {best[1]['requests_per_s']:,.0f} req/s)"
            if ratio is not None and best else "n/a",
            None if ratio is None else ratio >= MIN_FAIR_PEER_RATIO,
        ))  # fmt: skip
    fixture = results.get("fixture")
    for step, limit_ms in MAX_FIXTURE_MS.items():
        figure = fixture.get(step) if fixture else None
        out.append(_goal(
            f"testing mode: {step} (median) <= {limit_ms:g} ms",
            f"{figure['median_ms']:.1f} ms (p90 {figure['p90_ms']:.1f}, min {figure['min_ms']:.1f})"
            if figure else "n/a",
            None if figure is None else figure["median_ms"] <= limit_ms,
        ))  # fmt: skip
    flow, limit = results.get("session_flow"), _rate(targets, "limit-sqlite", "create")
    out.append(_goal(
        "session flows (token+start+stop) / limit-sqlite creates (report)",
        f"{flow['flows_per_s']:,.0f} / {limit['requests_per_s']:,.0f} = "
        f"{flow['flows_per_s'] / limit['requests_per_s']:.3f}"
        if flow and "flows_per_s" in flow and limit else "n/a",
        None,
    ))  # fmt: skip
    one, two = (_rate(targets, n, "create") for n in ("ours-postgres", "ours-postgres-2w"))
    out.append(_goal(
        "PostgreSQL creates, --workers 2 / --workers 1 (report)",
        f"{two['requests_per_s']:,.0f} / {one['requests_per_s']:,.0f} = "
        f"{two['requests_per_s'] / one['requests_per_s']:.2f}x" if one and two else "n/a",
        None,
    ))  # fmt: skip
    return out


# Above this share of the machine taken by other processes during a wrk run, say it is noisy.
BUSY_FOREIGN_CPU_PERCENT = 10.0


def _noise(results: dict[str, Any]) -> str:
    """How much other processes disturbed the server runs (the load average counts our own)."""
    shares = [
        run["foreign_cpu_percent"]
        for target in results["server"]["targets"].values()
        for key, run in target.items()
        if key != "description"
    ]
    if not shares:
        return "no server runs"
    worst = max(shares)
    verdict = (
        "machine busy: numbers are noisy" if worst > BUSY_FOREIGN_CPU_PERCENT else "machine quiet"
    )
    return (
        f"{verdict} (other processes took up to {worst:.0f}% of the CPUs during a run, "
        f"median {sorted(shares)[len(shares) // 2]:.0f}%)"
    )


def _guarded(bench: Any, duration_s: int) -> dict[str, Any]:
    """One benchmark's results, or why it failed (the rest of the run goes on)."""
    try:
        result: dict[str, Any] = bench(duration_s)
    except Exception as exc:
        print(f"  failed: {type(exc).__name__}: {exc}", flush=True)
        return {"failed": f"{type(exc).__name__}: {exc}"}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--suite", choices=SUITES, default="all")
    parser.add_argument(
        "--duration", type=int, default=DEFAULT_DURATION_S, help="seconds per wrk run"
    )
    parser.add_argument("--out", type=Path, default=RESULTS, help="results directory")
    args = parser.parse_args(argv)
    suite = SUITES[args.suite]
    results: dict[str, Any] = {"meta": _meta(args.suite)}
    results["server"] = bench_servers(suite["targets"], suite["scenarios"], args.duration)
    if suite["client"]:
        print("client overhead", flush=True)
        results["client"] = _client_overhead()
    if suite["flows"] or suite.get("session_flow"):
        print("session flow", flush=True)
        results["session_flow"] = _guarded(bench_session_flow, args.duration)
    if suite["flows"]:
        print("lists as the space grows", flush=True)
        results["lists"] = _guarded(bench_list_scaling, args.duration)
    if suite.get("fixture"):
        print("testing mode (serve, reset, stop)", flush=True)
        results["fixture"] = _guarded(bench_fixture, args.duration)
    if suite["generation"]:
        print("generation", flush=True)
        results["generation"] = bench_generation()
    meta = results["meta"]
    meta["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
    meta["noise"] = _noise(results)
    results["goals"] = goals(results)
    if suite["flows"]:
        results["goals"] += performance_goals(results)
    if "limit-sqlite" in suite["targets"]:
        results["goals"] += limit_goals(results)

    stem = "bench" if args.suite == "all" else f"bench-{args.suite}"
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / f"{stem}.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (args.out / f"{stem}.md").write_text(report.markdown(results), encoding="utf-8")
    report.chart(results, args.out / f"{stem}.png")
    print(report.markdown(results))
    print(
        f"results: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}/{stem}.{{json,md,png}}"
    )
    return 1 if results["server"]["failed"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
