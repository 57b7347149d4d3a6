"""The testing mode as a test suite pays for it: `serve()` start, `LocalServer.reset()`, stop.

Measured in a child Python (the benchmarks reach the server as a process, never by import):
it imports `liveavatar_server.testing` as a user's conftest does, serves once to warm the
process (imports, the migrated template), then times each step over many rounds. Before each
reset a test's worth of state is made (a secret and a configuration over HTTP).
"""

from __future__ import annotations

import json
import subprocess
import sys
from typing import Any

from bench._targets import ROOT

__all__ = ["bench_fixture"]

ROUNDS = 30

_PROGRAM = """
import json, sys, time
import httpx
from liveavatar_server.testing import serve

rounds = int(sys.argv[1])
ms = lambda start: (time.perf_counter() - start) * 1000
with serve():
    pass  # warm: imports, the migrated template, uvicorn's protocol classes
starts, stops, cycles, resets = [], [], [], []
for _ in range(rounds):
    began = time.perf_counter()
    context = serve()
    server = context.__enter__()
    starts.append(ms(began))
    httpx.get(server.url + "/v1/secrets", headers={"X-API-KEY": server.spaces[0].api_key})
    stopping = time.perf_counter()
    context.__exit__(None, None, None)
    stops.append(ms(stopping))
    cycles.append(ms(began))
with serve() as server, httpx.Client(base_url=server.url) as http:
    key = {"X-API-KEY": server.spaces[0].api_key}
    for _ in range(rounds):
        secret = http.post("/v1/secrets", headers=key, json={
            "secret_name": "s", "secret_value": "v", "secret_type": "OPENAI_API_KEY"})
        http.post("/v1/llm-configurations", headers=key, json={
            "display_name": "d", "model_name": "m", "secret_id": secret.json()["data"]["id"]})
        began = time.perf_counter()
        server.reset()
        resets.append(ms(began))
        assert http.get("/v1/secrets", headers=key).json()["data"] == []
print(json.dumps({"start": starts, "reset": resets, "stop": stops, "cycle": cycles}))
"""


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {
        "median_ms": round(ordered[len(ordered) // 2], 2),
        "p90_ms": round(ordered[int(len(ordered) * 0.9)], 2),
        "min_ms": round(ordered[0], 2),
    }


def bench_fixture(_duration_s: int = 0) -> dict[str, Any]:
    """Median, p90 and min of each step over `ROUNDS` rounds."""
    done = subprocess.run(
        [sys.executable, "-c", _PROGRAM, str(ROUNDS)],
        capture_output=True, text=True, cwd=ROOT, timeout=600, check=True,
    )  # fmt: skip
    measured: dict[str, list[float]] = json.loads(done.stdout.strip().splitlines()[-1])
    return {
        "rounds": ROUNDS,
        **{step: _summary(values) for step, values in measured.items()},
    }


if __name__ == "__main__":
    print(json.dumps(bench_fixture(), indent=2))
