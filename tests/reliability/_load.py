"""Async create load over httpx for the reliability tests: unique names, every answer kept."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

import httpx

from tests._support.examples import effective_spec, example_body

__all__ = [
    "CONFIGS",
    "SECRETS",
    "Ledger",
    "create_body",
    "create_secret",
    "list_configurations",
    "run_creators",
]

# The durable create under test and the secret it references; their bodies come from the spec.
CONFIGS = "/v1/llm-configurations"
SECRETS = "/v1/secrets"
# A server that died mid-request shows up as one of these on the client side.
TRANSPORT_ERRORS = (httpx.TransportError,)


@dataclass
class Ledger:
    """What the clients saw: acknowledged creates (name -> id), statuses, lost connections."""

    acknowledged: dict[str, str] = field(default_factory=dict)
    statuses: dict[int, int] = field(default_factory=dict)
    attempted: set[str] = field(default_factory=set)
    transport_errors: int = 0

    def server_errors(self) -> int:
        return sum(count for status, count in self.statuses.items() if status >= 500)


def create_body(path: str, **overrides: str) -> dict[str, object]:
    """A valid create body for ``path`` from the effective spec, with ``overrides``."""
    spec = effective_spec()
    body: dict[str, object] = example_body(spec, spec["paths"][path]["post"], overrides)
    return body


def create_secret(base_url: str, api_key: str, value: str = "sk-reliability") -> str:
    """A secret in the key's space; configurations need one."""
    with httpx.Client(base_url=base_url, headers={"X-API-KEY": api_key}, timeout=30) as http:
        answer = http.post(SECRETS, json=create_body(SECRETS, secret_value=value))
        answer.raise_for_status()
        secret_id: str = answer.json()["data"]["id"]
        return secret_id


def list_configurations(base_url: str, api_key: str) -> list[dict[str, str]]:
    with httpx.Client(base_url=base_url, headers={"X-API-KEY": api_key}, timeout=60) as http:
        answer = http.get(CONFIGS)
        answer.raise_for_status()
        items: list[dict[str, str]] = answer.json()["data"]
        return items


async def _creator(
    base_url: str,
    api_key: str,
    secret_id: str,
    name_prefix: str,
    count: int,
    ledger: Ledger,
    stop_on_transport_error: bool,
) -> None:
    """One client: ``count`` sequential creates on its own connection."""
    async with httpx.AsyncClient(
        base_url=base_url, headers={"X-API-KEY": api_key}, timeout=30
    ) as http:
        for index in range(count):
            name = f"{name_prefix}-{index}"
            ledger.attempted.add(name)
            body = create_body(CONFIGS, display_name=name, secret_id=secret_id)
            try:
                answer = await http.post(CONFIGS, json=body)
            except TRANSPORT_ERRORS:
                ledger.transport_errors += 1
                if stop_on_transport_error:
                    return
                continue
            ledger.statuses[answer.status_code] = ledger.statuses.get(answer.status_code, 0) + 1
            if answer.status_code == 200:
                ledger.acknowledged[name] = answer.json()["data"]["id"]


async def run_creators(
    base_url: str,
    api_key: str,
    secret_id: str,
    *,
    clients: int,
    creates_per_client: int,
    name_prefix: str,
    ledger: Ledger,
    stop_on_transport_error: bool = False,
) -> None:
    """``clients`` concurrent clients, each creating ``creates_per_client`` configurations."""
    await asyncio.gather(
        *(
            _creator(
                base_url,
                api_key,
                secret_id,
                f"{name_prefix}-c{client}",
                creates_per_client,
                ledger,
                stop_on_transport_error,
            )
            for client in range(clients)
        )
    )
