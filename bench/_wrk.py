"""wrk as a library: Lua request scripts, one fixed-duration run, its report parsed."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

__all__ = ["WrkError", "WrkResult", "lua_script", "parse_report", "run_wrk"]

# wrk prints durations with these units (src/units.c: time units).
_TIME_UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3, "h": 3600e3}
_DURATION = r"([0-9.]+)(us|ms|s|m|h)"


class WrkError(RuntimeError):
    """wrk could not run, or printed a report this parser does not understand."""


@dataclass(frozen=True)
class WrkResult:
    """One wrk run: throughput, latency percentiles (ms) and failure counts."""

    requests: int
    duration_s: float
    requests_per_s: float
    p50_ms: float
    p75_ms: float
    p90_ms: float
    p99_ms: float
    non_2xx_3xx: int
    socket_errors: dict[str, int]

    @property
    def errors(self) -> int:
        return self.non_2xx_3xx + sum(self.socket_errors.values())


def _ms(value: str, unit: str) -> float:
    return float(value) * _TIME_UNITS[unit]


def parse_report(text: str) -> WrkResult:
    """Parse the report of `wrk --latency` (wrk 4.x) into a WrkResult."""
    percentiles: dict[int, float] = {}
    for pct, value, unit in re.findall(r"^\s+(50|75|90|99)%\s+" + _DURATION + r"\s*$", text, re.M):
        percentiles[int(pct)] = _ms(value, unit)
    total = re.search(r"^\s*(\d+) requests in " + _DURATION + r",", text, re.M)
    rate = re.search(r"^Requests/sec:\s+([0-9.]+)", text, re.M)
    if total is None or rate is None or set(percentiles) != {50, 75, 90, 99}:
        raise WrkError(f"not a `wrk --latency` report:\n{text}")
    non_2xx = re.search(r"^\s*Non-2xx or 3xx responses: (\d+)", text, re.M)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text
    )
    socket_errors = dict.fromkeys(("connect", "read", "write", "timeout"), 0)
    if sockets is not None:
        socket_errors = dict(zip(socket_errors, map(int, sockets.groups()), strict=True))
    return WrkResult(
        requests=int(total.group(1)),
        duration_s=_ms(total.group(2), total.group(3)) / 1e3,
        requests_per_s=float(rate.group(1)),
        p50_ms=percentiles[50],
        p75_ms=percentiles[75],
        p90_ms=percentiles[90],
        p99_ms=percentiles[99],
        non_2xx_3xx=int(non_2xx.group(1)) if non_2xx else 0,
        socket_errors=socket_errors,
    )


def _lua_string(value: str) -> str:
    # A JSON string literal is a valid Lua string literal for the ASCII we send.
    return json.dumps(value, ensure_ascii=True)


def lua_script(method: str, headers: dict[str, str], body: str | None = None) -> str:
    """A wrk script sending ``method`` with ``headers`` and a fixed ``body``."""
    lines = [f"wrk.method = {_lua_string(method)}"]
    lines += [f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}" for k, v in headers.items()]
    if body is not None:
        lines.append(f"wrk.body = {_lua_string(body)}")
    return "\n".join(lines) + "\n"


def run_wrk(
    url: str,
    script: Path,
    *,
    duration_s: int,
    connections: int,
    threads: int,
    timeout_s: int = 5,
) -> WrkResult:
    """Run wrk once against ``url`` and return the parsed report."""
    wrk = shutil.which("wrk")
    if wrk is None:
        raise WrkError("wrk is not installed (`make bench` installs it with apt-get)")
    argv = [
        wrk, f"-t{threads}", f"-c{connections}", f"-d{duration_s}s", f"--timeout={timeout_s}s",
        "--latency", "-s", str(script), url,
    ]  # fmt: skip
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=duration_s + 60, check=False
    )
    if done.returncode != 0:
        raise WrkError(f"wrk exited {done.returncode}: {done.stderr or done.stdout}")
    return parse_report(done.stdout)
