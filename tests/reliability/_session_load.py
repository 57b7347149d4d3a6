"""Async session load for the crash test: token, start, stop in a loop, every answer kept.

The operations come from the spec's links (`_world`): the token operation, the start its link
names, and the stop the start links to. Sessions are not sandboxed, so each one is charged.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

import httpx

from tests._support.examples import effective_spec, example_body
from tests.reliability._world import Space, fill_ids, linked, token_operations

__all__ = ["SessionLedger", "list_sessions", "run_sessions"]


@dataclass
class SessionLedger:
    """What the session clients saw acknowledged: created, started and stopped session ids."""

    created: set[str] = field(default_factory=set)
    started: set[str] = field(default_factory=set)
    stopped: set[str] = field(default_factory=set)
    statuses: dict[int, int] = field(default_factory=dict)
    transport_errors: int = 0

    def merge(self, other: SessionLedger) -> None:
        self.created |= other.created
        self.started |= other.started
        self.stopped |= other.stopped
        for status, count in other.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + count
        self.transport_errors += other.transport_errors


async def _client(base_url: str, space: Space, count: int, ledger: SessionLedger) -> None:
    token_op, start, token_field = token_operations()
    stop = linked(start, ".stop")
    # Charged sessions: a sandboxed one costs nothing and would prove nothing about credits.
    body = fill_ids(example_body(effective_spec(), token_op.spec), space.ids) | {
        "is_sandbox": False
    }
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
        for _ in range(count):
            try:
                made = await http.post(
                    token_op.path, json=body, headers={"X-API-KEY": space.api_key}
                )
                _count(ledger, made)
                if made.status_code != 200:
                    continue
                data: dict[str, Any] = made.json()["data"]
                session_id, bearer = (
                    data["session_id"],
                    {"Authorization": f"Bearer {data[token_field]}"},
                )
                ledger.created.add(session_id)
                started = await http.post(start.path, headers=bearer)
                _count(ledger, started)
                if started.status_code != 201:
                    continue
                ledger.started.add(session_id)
                stopped = await http.post(stop.path, headers=bearer)
                _count(ledger, stopped)
                if stopped.status_code == 200:
                    ledger.stopped.add(session_id)
            except httpx.TransportError:
                ledger.transport_errors += 1
                return


def _count(ledger: SessionLedger, answer: httpx.Response) -> None:
    ledger.statuses[answer.status_code] = ledger.statuses.get(answer.status_code, 0) + 1


async def run_sessions(
    base_url: str, space: Space, *, clients: int, sessions_per_client: int, ledger: SessionLedger
) -> None:
    await asyncio.gather(
        *(_client(base_url, space, sessions_per_client, ledger) for _ in range(clients))
    )


def list_sessions(base_url: str, space: Space, kind: str) -> dict[str, dict[str, Any]]:
    """Every session of one list kind (`active`, `historic`), all pages, by id."""
    token_op, _, _ = token_operations()
    url: str | None = base_url + token_op.path.rsplit("/", 1)[0]
    params: dict[str, Any] | None = {"type": kind, "page_size": 100}
    found: dict[str, dict[str, Any]] = {}
    with httpx.Client(headers={"X-API-KEY": space.api_key}, timeout=60) as http:
        while url:
            answer = http.get(url, params=params)
            assert answer.status_code == 200, answer.text
            page = answer.json()["data"]
            found |= {item["id"]: item for item in page["results"]}
            url, params = page.get("next"), None
    return found
