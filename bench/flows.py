"""Benchmarks beyond one request: the session flow, and lists as the caller's space grows."""

from __future__ import annotations

import json
import sqlite3
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

import httpx

from bench._procs import ForeignCpu, PeakRss
from bench._targets import our_server
from bench._wrk import WrkResult, lua_script, run_wrk

__all__ = ["bench_list_scaling", "bench_session_flow", "session_flow_script"]

CONNECTIONS = 32
WARMUP_S = 2
AVATAR_ID = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"  # a public avatar of the built-in catalog
TOKEN_BODY = {"mode": "LITE", "avatar_id": AVATAR_ID, "is_sandbox": True}
# Sessions cost credits when they stop; the bench space must never run out.
FLOW_SETTINGS = {"LIVEAVATAR_INITIAL_CREDITS": "1000000000"}
SMALL_SPACE = 1_000
LARGE_SPACE = 1_000_000
CONTEXT_BODY = {"name": "bench", "prompt": "You are a benchmark.", "opening_text": "Hello"}


def session_flow_script(api_key: str) -> str:
    """A wrk script cycling token -> start -> stop on each connection.

    wrk keeps one Lua state per thread: run it with as many threads as connections, so the
    state machine below belongs to exactly one connection.
    """

    def lua(value: str) -> str:
        return json.dumps(value, ensure_ascii=True)

    return "\n".join([
        f"local key = {lua(api_key)}",
        f"local token_body = {lua(json.dumps(TOKEN_BODY))}",
        "local step, token, session = 0, nil, nil",
        "request = function()",
        "  if step == 1 then",
        '    return wrk.format("POST", "/v1/sessions/start", {["Authorization"] = "Bearer " .. token,'
        ' ["Content-Type"] = "application/json"}, "{}")',
        "  elseif step == 2 then",
        '    return wrk.format("POST", "/v1/sessions/stop", {["X-API-KEY"] = key,'
        ' ["Content-Type"] = "application/json"}, \'{"session_id": "\' .. session .. \'"}\')',
        "  end",
        '  return wrk.format("POST", "/v1/sessions/token", {["X-API-KEY"] = key,'
        ' ["Content-Type"] = "application/json"}, token_body)',
        "end",
        "response = function(status, headers, body)",
        "  if status >= 300 then step = 0 return end",
        "  if step == 0 then",
        '    token = body:match(\'"session_token"%s*:%s*"([^"]+)"\')',
        '    session = body:match(\'"session_id"%s*:%s*"([^"]+)"\')',
        "    step = (token and session) and 1 or 0",
        "  else",
        "    step = (step + 1) % 3",
        "  end",
        "end",
    ]) + "\n"  # fmt: skip


def _measured(url: str, script: Path, pid: int, duration_s: int, threads: int) -> dict[str, Any]:
    run_wrk(url, script, duration_s=WARMUP_S, connections=CONNECTIONS, threads=threads)
    with PeakRss(pid) as rss, ForeignCpu() as foreign:
        wrk = run_wrk(url, script, duration_s=duration_s, connections=CONNECTIONS, threads=threads)
    return _run(wrk, rss.peak_bytes, foreign.percent)


def _run(wrk: WrkResult, peak_bytes: int, foreign_percent: float) -> dict[str, Any]:
    return {
        **asdict(wrk),
        "errors": wrk.errors,
        "peak_rss_mib": round(peak_bytes / 2**20, 1),
        "foreign_cpu_percent": foreign_percent,
    }


def bench_session_flow(duration_s: int) -> dict[str, Any]:
    """Token, start and stop in a loop on each of 32 connections, on SQLite."""
    with (
        tempfile.TemporaryDirectory(prefix="liveavatar-bench-flow-") as tmp,
        our_server(Path(tmp), settings=FLOW_SETTINGS) as (endpoint, _),
    ):
        script = Path(tmp) / "flow.lua"
        script.write_text(session_flow_script(endpoint.api_key), encoding="utf-8")
        script.chmod(0o600)  # it holds an API key
        run = _measured(endpoint.base_url, script, endpoint.pid, duration_s, CONNECTIONS)
    run["flows_per_s"] = round(run["requests_per_s"] / 3, 1)
    print(
        f"  session flow   {run['flows_per_s']:9.0f} flows/s ({run['requests_per_s']:.0f} req/s)  "
        f"p99 {run['p99_ms']:7.2f} ms  errors {run['errors']}  "
        f"other CPU {run['foreign_cpu_percent']:.0f}%",
        flush=True,
    )
    return {"description": "token + start + stop per connection, LITE sandbox, SQLite", **run}


def _grow(database: Path, kind: str, rows: int, offset: int = 0) -> None:
    """Copy the first object of ``kind`` until the caller's space holds ``rows`` of them."""
    with sqlite3.connect(database, timeout=60) as conn:
        (have,) = conn.execute("SELECT count(*) FROM objects WHERE kind = ?", (kind,)).fetchone()
        columns = [
            r[1] for r in conn.execute("PRAGMA table_info(objects)") if r[1] not in ("seq", "id")
        ]
        listed = ", ".join(columns)
        # UUID-shaped ids from the row number: unique, and valid where the schema says uuid.
        conn.execute(
            f"INSERT INTO objects (id, {listed}) "  # noqa: S608 (names from PRAGMA, not input)
            "WITH RECURSIVE n(i) AS (SELECT ? UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            f"SELECT printf('%08x-%04x-7000-8000-%012x', i / 65536, ?, i), {listed} "
            f"FROM n, (SELECT {listed} FROM objects WHERE kind = ? LIMIT 1)",
            (have + 1, rows, offset, kind),
        )
    with sqlite3.connect(database, timeout=60) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _configuration(base_url: str, api_key: str) -> None:
    """One LLM configuration (and its secret): the row the plain list's growth copies."""
    with httpx.Client(base_url=base_url, headers={"X-API-KEY": api_key}, timeout=30) as http:
        secret = http.post(
            "/v1/secrets",
            json={"secret_name": "bench", "secret_type": "OPENAI_API_KEY", "secret_value": "sk-b"},
        )
        secret.raise_for_status()
        http.post(
            "/v1/llm-configurations",
            json={
                "display_name": "bench",
                "model_name": "gpt-4o-mini",
                "secret_id": secret.json()["data"]["id"],
            },
        ).raise_for_status()


def _single(url: str, api_key: str, times: int = 2) -> dict[str, Any]:
    """A list too large for wrk: ``times`` requests one after another, each timed."""
    seconds, size = [], 0
    with httpx.Client(headers={"X-API-KEY": api_key}, timeout=900) as http:
        for _ in range(times):
            start = time.perf_counter()
            response = http.get(url)
            seconds.append(time.perf_counter() - start)
            response.raise_for_status()
            size = len(response.content)
    return {"requests": times, "max_ms": round(max(seconds) * 1e3, 1),
            "min_ms": round(min(seconds) * 1e3, 1), "response_bytes": size}  # fmt: skip


def bench_list_scaling(duration_s: int) -> dict[str, Any]:
    """p99 of a paginated list (contexts, page 1) and a plain list (LLM configurations)
    with 1,000 and with 1,000,000 rows in the caller's space, on SQLite."""
    out: dict[str, Any] = {
        "description": "GET /v1/contexts (paginated, page 1 of 20) and GET /v1/llm-configurations "
        "(plain: every row) as the caller's space grows; rows copied in with SQL",
    }
    with (
        tempfile.TemporaryDirectory(prefix="liveavatar-bench-lists-") as tmp,
        our_server(Path(tmp)) as (endpoint, server),
    ):
        database = server.storage.data_dir / "liveavatar.sqlite3"
        httpx.post(
            endpoint.base_url + "/v1/contexts", json=CONTEXT_BODY,
            headers={"X-API-KEY": endpoint.api_key}, timeout=30,
        ).raise_for_status()  # fmt: skip
        _configuration(endpoint.base_url, endpoint.api_key)
        headers = {"X-API-KEY": endpoint.api_key, "Accept": "application/json"}
        script = Path(tmp) / "get.lua"
        script.write_text(lua_script("GET", headers), encoding="utf-8")
        script.chmod(0o600)
        for rows in (SMALL_SPACE, LARGE_SPACE):
            started = time.perf_counter()
            _grow(database, "context", rows)
            _grow(database, "llm_configuration", rows, offset=1)
            grown = round(time.perf_counter() - started, 1)
            paginated = _measured(endpoint.base_url + "/v1/contexts", script, endpoint.pid,
                                  duration_s, 2)  # fmt: skip
            plain_url = endpoint.base_url + "/v1/llm-configurations"
            plain: dict[str, Any] = (
                _measured(plain_url, script, endpoint.pid, duration_s, 2)
                if rows <= SMALL_SPACE
                else _single(plain_url, endpoint.api_key)
            )
            out[str(rows)] = {"seed_s": grown, "paginated": paginated, "plain": plain}
            print(
                f"  lists {rows:>9,} rows: paginated p99 {paginated['p99_ms']:.2f} ms "
                f"({paginated['requests_per_s']:.0f} req/s); plain "
                + (f"p99 {plain['p99_ms']:.2f} ms" if "p99_ms" in plain
                   else f"{plain['max_ms']:.0f} ms per request, {plain['response_bytes']:,} bytes"),
                flush=True,
            )  # fmt: skip
    small, large = out[str(SMALL_SPACE)]["paginated"], out[str(LARGE_SPACE)]["paginated"]
    out["paginated_p99_large_over_small"] = round(large["p99_ms"] / small["p99_ms"], 2)
    return out
