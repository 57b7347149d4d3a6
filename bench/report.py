"""Turn `make bench` results into a markdown table and a PNG chart (matplotlib, Agg)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display here: render straight to PNG
import matplotlib.pyplot as plt

__all__ = ["chart", "markdown"]


def _fmt(value: object, digits: int = 1) -> str:
    return f"{value:,.{digits}f}" if isinstance(value, float | int) else str(value)


def markdown(results: dict[str, Any]) -> str:
    """The results as a markdown document: machine, server table, ratios, client, generation, goals."""
    meta = results["meta"]
    lines = [
        f"# Benchmark results ({meta['suite']})",
        "",
        f"- when: {meta['started_at']} UTC, commit `{meta['commit']}`",
        f"- machine: {meta['cpus']} CPUs; load average at start {meta['loadavg_start']}, "
        f"at end {meta['loadavg_end']} (the benchmark's own load included)",
        f"- {meta['noise']}",
    ]
    server = results.get("server")
    if server:
        settings = server["settings"]
        lines += [
            "",
            "## Server",
            "",
            f"wrk, {settings['threads']} threads, {settings['connections']} connections, "
            f"{settings['duration_s']} s per run after a {settings['warmup_s']} s warm-up; "
            "peak RSS of the server process tree sampled from /proc during the run; "
            "other CPU: share of both CPUs used by processes outside the benchmark meanwhile.",
            "",
            *(f"- `{name}`: {target['description']}" for name, target in server["targets"].items()),
            "",
            "| target | scenario | req/s | p50 ms | p99 ms | errors | peak RSS MiB | other CPU % |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, target in server["targets"].items():
            for scenario, run in target.items():
                if scenario == "description":
                    continue
                lines.append(
                    f"| {name} | {scenario} | {_fmt(run['requests_per_s'], 0)} | "
                    f"{_fmt(run['p50_ms'], 2)} | {_fmt(run['p99_ms'], 2)} | {run['errors']} | "
                    f"{_fmt(run['peak_rss_mib'])} | {_fmt(run['foreign_cpu_percent'], 0)} |"
                )
        for name, error in server["failed"].items():
            lines.append(f"| {name} | failed | {error} | | | | | |")
        lines += ["", "Throughput ratios:", ""]
        for scenario, ratios in server["ratios"].items():
            for pair, ratio in ratios.items():
                lines.append(f"- {scenario}: {pair} = {ratio:.2f}x")
    client = results.get("client")
    if client is not None:
        lines += ["", "## Client overhead", "", "```json", _json(client), "```"]
    flow = results.get("session_flow")
    if flow is not None:
        lines += ["", "## Session flow (SQLite)", ""]
        lines += (
            [f"failed: {flow['failed']}"]
            if "failed" in flow
            else [
                f"{flow['description']}: {_fmt(flow['flows_per_s'], 0)} flows/s "
                f"({_fmt(flow['requests_per_s'], 0)} req/s), p50 {_fmt(flow['p50_ms'], 2)} ms, "
                f"p99 {_fmt(flow['p99_ms'], 2)} ms, {flow['errors']} errors, "
                f"other CPU {_fmt(flow['foreign_cpu_percent'], 0)}%"
            ]
        )
    fixture = results.get("fixture")
    if fixture is not None:
        lines += ["", "## Testing mode (`liveavatar_server.testing`, in process)", ""]
        if "failed" in fixture:
            lines += [f"failed: {fixture['failed']}"]
        else:
            lines += [
                f"{fixture['rounds']} rounds each, after one warm `serve()`; cycle = start + one "
                "GET + stop; each reset follows a secret and a configuration made over HTTP.",
                "",
                "| step | median ms | p90 ms | min ms |",
                "| --- | ---: | ---: | ---: |",
            ]
            for step in ("start", "reset", "stop", "cycle"):
                row = fixture[step]
                lines.append(
                    f"| {step} | {row['median_ms']:.2f} | {row['p90_ms']:.2f} | {row['min_ms']:.2f} |"
                )
    lists = results.get("lists")
    if lists is not None:
        lines += ["", "## Lists as the caller's space grows (SQLite)", ""]
        if "failed" in lists:
            lines.append(f"failed: {lists['failed']}")
        else:
            lines += [
                lists["description"],
                "",
                "| rows | seed s | paginated req/s | paginated p99 ms | plain list |",
                "| ---: | ---: | ---: | ---: | --- |",
            ]
            for rows in ("1000", "1000000"):
                run = lists[rows]
                plain = run["plain"]
                shown = (
                    f"{_fmt(plain['requests_per_s'], 0)} req/s, p99 {_fmt(plain['p99_ms'], 2)} ms"
                    if "p99_ms" in plain
                    else f"{_fmt(plain['max_ms'], 0)} ms per request (slowest of "
                    f"{plain['requests']}), {plain['response_bytes']:,} bytes"
                )
                lines.append(
                    f"| {int(rows):,} | {_fmt(run['seed_s'])} | "
                    f"{_fmt(run['paginated']['requests_per_s'], 0)} | "
                    f"{_fmt(run['paginated']['p99_ms'], 2)} | {shown} |"
                )
    generation = results.get("generation")
    if generation:
        lines += [
            "",
            "## Generation (tools/generate.py into a temp dir)",
            "",
            "| spec | bytes | operations | wall s | ms per operation | Python files | Python lines |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name in ("ours", "large", "huge"):
            if name not in generation:
                continue
            run = generation[name]
            lines.append(
                f"| `{run['spec']}` | {run['spec_bytes']:,} | {run['operations']} | "
                f"{run['wall_s']:.2f} | {_fmt(run.get('ms_per_operation', ''))} | "
                f"{run['python_files']} | {run['python_lines']:,} |"
            )
    lines += ["", "## Goals", "", "| goal | measured | met |", "| --- | --- | --- |"]
    for goal in results["goals"]:
        unjudged = "report" if "(report" in goal["goal"] else "not measured"
        met = {True: "yes", False: "**no**", None: unjudged}[goal["met"]]
        lines.append(f"| {goal['goal']} | {goal['measured']} | {met} |")
    return "\n".join(lines) + "\n"


def _json(value: object) -> str:
    return json.dumps(value, indent=2)


def chart(results: dict[str, Any], out: Path) -> None:
    """Throughput, latency and peak RSS per target and scenario, side by side."""
    server = results.get("server") or {"targets": {}}
    targets = list(server["targets"])
    scenarios = [s for s in ("create", "get") if any(s in server["targets"][t] for t in targets)]
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    width = 0.8 / max(len(scenarios), 1)
    panels = (
        ("requests_per_s", "throughput (req/s, log)", True),
        ("p99_ms", "p99 latency (ms, log)", True),
        ("peak_rss_mib", "peak RSS (MiB)", False),
    )
    for axis, (key, title, log) in zip(axes, panels, strict=True):
        for i, scenario in enumerate(scenarios):
            values = [server["targets"][t].get(scenario, {}).get(key, 0) for t in targets]
            xs = [x + i * width for x in range(len(targets))]
            bars = axis.bar(xs, values, width, label=scenario)
            axis.bar_label(bars, fmt="%.0f" if key != "p99_ms" else "%.1f", fontsize=7)
        axis.set_xticks([x + width * (len(scenarios) - 1) / 2 for x in range(len(targets))])
        axis.set_xticklabels(targets, rotation=15, fontsize=8)
        axis.set_title(title)
        if log:
            axis.set_yscale("log")
        axis.legend(fontsize=8)
    meta = results["meta"]
    fig.suptitle(
        f"liveavatar bench ({meta['suite']}), {meta['started_at']} UTC, "
        f"load avg {meta['loadavg_start'][0]:.2f} at start",
        fontsize=10,
    )
    fig.tight_layout()
    fig.savefig(out, dpi=110)
    plt.close(fig)
