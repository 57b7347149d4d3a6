"""Benchmark: per-call time of `client.llm_configurations.get(id)` vs raw httpx.get + json.loads.

Both sides hit the same server on loopback, interleaved in short alternating batches so drift
(CPU frequency, other processes) hits both alike. Reports medians and their ratio; the goal is
a ratio <= 1.15. Not a test: nothing asserts on time.

    python -m bench.client_overhead                      # starts a minimal local server
    python -m bench.client_overhead --url http://127.0.0.1:8000 --api-key KEY
                                                         # any server, e.g. the reference one
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from liveavatar import LiveAvatar

from bench._procs import free_port, running

ROOT = Path(__file__).resolve().parent.parent
CONFIG_ID = "cfg_bench"
BODY = json.dumps(
    {
        "code": 100,
        "message": "success",
        "data": {
            "id": CONFIG_ID,
            "display_name": "Benchmark assistant",
            "model_name": "gpt-4o",
            "secret_id": "sec_bench",
            "base_url": "https://api.openai.com/v1",
            "created_at": "2026-01-01T00:00:00Z",
            "updated_at": "2026-01-01T00:00:00Z",
        },
    }
).encode()


async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    """Minimal ASGI app: the spec's envelope for GET /v1/llm-configurations/{id}."""
    if scope["type"] != "http":
        return
    ok = scope["method"] == "GET" and scope["path"].startswith("/v1/llm-configurations/")
    body = BODY if ok else b'{"code": 404, "data": null, "message": "Not found"}'
    await send(
        {
            "type": "http.response.start",
            "status": 200 if ok else 404,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _serve(port: int) -> None:
    import uvicorn

    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)


def _measure(url: str, api_key: str, config_id: str, iterations: int, batch: int) -> None:
    client = LiveAvatar(api_key, base_url=url, max_retries=0)
    raw = httpx.Client(base_url=url, headers={"X-API-KEY": api_key}, timeout=30.0)
    path = f"/v1/llm-configurations/{config_id}"

    def via_client() -> None:
        client.llm_configurations.get(config_id)

    def via_httpx() -> None:
        response = raw.get(path)
        response.raise_for_status()
        json.loads(response.content)

    for call in (via_client, via_httpx):  # warm up pools, caches and code paths
        for _ in range(min(200, iterations)):
            call()

    samples: dict[str, list[int]] = {"client": [], "httpx": []}
    clock = time.perf_counter_ns
    rounds = max(1, iterations // batch)
    for index in range(rounds):
        # Alternate which side goes first so neither always follows the other.
        order = [("client", via_client), ("httpx", via_httpx)]
        if index % 2:
            order.reverse()
        for name, call in order:
            record = samples[name]
            for _ in range(batch):
                start = clock()
                call()
                record.append(clock() - start)
    client.close()
    raw.close()

    client_median = statistics.median(samples["client"]) / 1000
    httpx_median = statistics.median(samples["httpx"]) / 1000
    print(f"calls per side:                 {len(samples['client'])}")
    print(f"client.llm_configurations.get:  median {client_median:8.1f} us")
    print(f"httpx.Client.get + json.loads:  median {httpx_median:8.1f} us")
    print(f"ratio (goal <= 1.15):           {client_median / httpx_median:.3f}x")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="server to measure against (default: start a local one)")
    parser.add_argument("--api-key", default="bench-key", help="X-API-KEY for --url")
    parser.add_argument("--config-id", default=CONFIG_ID, help="an existing configuration id")
    parser.add_argument("--iterations", type=int, default=3000, help="calls per side")
    parser.add_argument("--batch", type=int, default=50, help="calls per side per round")
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve:
        _serve(args.serve)
        return 0
    if args.url is not None:
        print(f"server: {args.url}")
        _measure(args.url, args.api_key, args.config_id, args.iterations, args.batch)
        return 0
    port = free_port()
    argv = [sys.executable, "-m", "bench.client_overhead", "--serve", str(port)]
    with (
        tempfile.TemporaryDirectory(prefix="liveavatar-bench-client-") as tmp,
        running(argv, port=port, log=Path(tmp) / "server.log", cwd=ROOT),
    ):
        url = f"http://127.0.0.1:{port}"
        print(f"server: {url}")
        _measure(url, args.api_key, args.config_id, args.iterations, args.batch)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
