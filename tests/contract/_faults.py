"""Realistic server defects, each injected by the proxy, with the checks expected to catch it."""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tests.contract._proxy import Exchange, Fault, Forward, Reply

BY_ID = re.compile(r"^/v1/[a-z-]+/[^/?]+")
CONFIGURATIONS = "/v1/llm-configurations"
SECRETS = "/v1/secrets"


@dataclass(frozen=True, slots=True)
class Keys:
    first: str
    second: str


@dataclass(frozen=True, slots=True)
class Defect:
    """A broken variant: how to break the server and which checks must notice."""

    name: str
    build: Callable[[Keys], Fault]
    caught_by: frozenset[str]


def _json(body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        return None


def _reply(status: int, document: Any) -> Reply:
    return Reply(status, json.dumps(document).encode())


def _rewrite_data(reply: Reply, change: Callable[[Any], Any]) -> Reply:
    """Apply `change` to the `data` of a 2xx envelope."""
    document = _json(reply.body)
    if not 200 <= reply.status < 300 or not isinstance(document, dict) or "data" not in document:
        return reply
    return replace_body(reply, {**document, "data": change(document["data"])})


def replace_body(reply: Reply, document: Any) -> Reply:
    return Reply(reply.status, json.dumps(document).encode(), {"content-type": "application/json"})


def _each_item(change: Callable[[dict[str, Any]], dict[str, Any]]) -> Callable[[Any], Any]:
    def apply(data: Any) -> Any:
        if isinstance(data, dict):
            return change(data)
        if isinstance(data, list):
            return [change(item) if isinstance(item, dict) else item for item in data]
        return data

    return apply


def auth_ignored(keys: Keys) -> Fault:
    """The server lets a missing or unknown key act as the first space."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        if exchange.headers.get("x-api-key") not in {keys.first, keys.second}:
            exchange = exchange.with_key(keys.first)
        return await forward(exchange)

    return fault


def tenant_leak(keys: Keys) -> Fault:
    """Get, update and delete by id forget the space filter: another space's object is found."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        reply = await forward(exchange)
        if reply.status == 404 and BY_ID.match(exchange.path):
            other = keys.second if exchange.headers.get("x-api-key") == keys.first else keys.first
            retried = await forward(exchange.with_key(other))
            if retried.status < 300:
                return retried
        return reply

    return fault


def secret_echoed(keys: Keys) -> Fault:
    """Create-secret answers with the plaintext value it was sent."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        reply = await forward(exchange)
        sent = _json(exchange.body)
        if exchange.method == "POST" and exchange.path == SECRETS and isinstance(sent, dict):
            return _rewrite_data(
                reply, lambda data: {**data, "secret_value": sent.get("secret_value")}
            )
        return reply

    return fault


def delete_not_persisted(keys: Keys) -> Fault:
    """Delete answers success but the row stays."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        if exchange.method == "DELETE" and BY_ID.match(exchange.path):
            probe = await forward(replace_method(exchange, "GET"))
            if probe.status != 405 and probe.status >= 400:
                return await forward(exchange)
            return _reply(200, {"code": 100, "data": None, "message": "deleted"})
        return await forward(exchange)

    return fault


def replace_method(exchange: Exchange, method: str) -> Exchange:
    return Exchange(method, exchange.path, exchange.headers, b"")


def create_not_persisted(keys: Keys) -> Fault:
    """Create-configuration answers a plausible object that was never stored."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        sent = _json(exchange.body)
        if (
            exchange.method != "POST"
            or exchange.path != CONFIGURATIONS
            or not isinstance(sent, dict)
        ):
            return await forward(exchange)
        reply = await forward(exchange)
        document = _json(reply.body)
        if (
            reply.status != 200
            or not isinstance(document, dict)
            or not isinstance(document.get("data"), dict)
        ):
            return reply
        created = document["data"]
        await forward(
            Exchange("DELETE", f"{CONFIGURATIONS}/{created['id']}", exchange.headers, b"")
        )
        return reply

    return fault


def not_found_as_200(keys: Keys) -> Fault:
    """Unknown ids answer 200 with data: null instead of 404."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        reply = await forward(exchange)
        if reply.status == 404:
            return _reply(200, {"code": 100, "data": None, "message": "ok"})
        return reply

    return fault


def created_as_201(keys: Keys) -> Fault:
    """Creates answer 201, which the spec does not declare."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        reply = await forward(exchange)
        if exchange.method == "POST" and reply.status == 200:
            return Reply(201, reply.body, reply.headers)
        return reply

    return fault


def field_renamed(keys: Keys) -> Fault:
    """Schema drift: `display_name` comes back as `name`."""

    def rename(item: dict[str, Any]) -> dict[str, Any]:
        if "display_name" not in item:
            return item
        renamed = {k: v for k, v in item.items() if k != "display_name"}
        renamed["name"] = item["display_name"]
        return renamed

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        return _rewrite_data(await forward(exchange), _each_item(rename))

    return fault


def timestamps_as_epoch(keys: Keys) -> Fault:
    """Schema drift: `created_at` becomes integer epoch seconds."""

    def epoch(item: dict[str, Any]) -> dict[str, Any]:
        value = item.get("created_at")
        if not isinstance(value, str):
            return item
        return {**item, "created_at": int(datetime.fromisoformat(value).timestamp())}

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        return _rewrite_data(await forward(exchange), _each_item(epoch))

    return fault


def naive_timestamps(keys: Keys) -> Fault:
    """Timestamps lose their timezone (a naive datetime column)."""

    def naive(item: dict[str, Any]) -> dict[str, Any]:
        out = dict(item)
        for name, value in item.items():
            if name.endswith("_at") and isinstance(value, str):
                out[name] = datetime.fromisoformat(value).replace(tzinfo=None).isoformat()
        return out

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        return _rewrite_data(await forward(exchange), _each_item(naive))

    return fault


def non_ascii_crashes(keys: Keys) -> Fault:
    """Any non-ASCII text in a body makes the server answer 500 (a latin-1 / ascii encode somewhere)."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        document = _json(exchange.body)
        text = json.dumps(document, ensure_ascii=False) if document is not None else ""
        if any(ord(char) > 127 for char in text):
            return Reply(500, b"Internal Server Error", {"content-type": "text/plain"})
        return await forward(exchange)

    return fault


def list_oldest_first(keys: Keys) -> Fault:
    """Lists come oldest first (ORDER BY created_at ASC)."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        reply = await forward(exchange)
        if exchange.method == "GET" and not BY_ID.match(exchange.path):
            return _rewrite_data(
                reply, lambda data: list(reversed(data)) if isinstance(data, list) else data
            )
        return reply

    return fault


def update_clobbers(keys: Keys) -> Fault:
    """A partial update resets `model_name` when it was not sent (a full-replace bug)."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        sent = _json(exchange.body)
        if exchange.method == "PATCH" and isinstance(sent, dict) and "model_name" not in sent:
            body = json.dumps({**sent, "model_name": "gpt-3.5-turbo"}).encode()
            exchange = Exchange(exchange.method, exchange.path, exchange.headers, body)
        return await forward(exchange)

    return fault


def updated_at_frozen(keys: Keys) -> Fault:
    """An update does not move `updated_at`: it keeps reporting `created_at`."""

    def freeze(item: dict[str, Any]) -> dict[str, Any]:
        if "updated_at" in item and "created_at" in item:
            return {**item, "updated_at": item["created_at"]}
        return item

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        return _rewrite_data(await forward(exchange), _each_item(freeze))

    return fault


def validation_as_500(keys: Keys) -> Fault:
    """Malformed input crashes instead of getting 422."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        reply = await forward(exchange)
        if reply.status == 422:
            return Reply(
                500, b'{"detail": "Internal Server Error"}', {"content-type": "application/json"}
            )
        return reply

    return fault


def envelope_missing(keys: Keys) -> Fault:
    """Single objects come back bare, without the {code, data, message} envelope."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        reply = await forward(exchange)
        document = _json(reply.body)
        if (
            reply.status == 200
            and isinstance(document, dict)
            and isinstance(document.get("data"), dict)
        ):
            return replace_body(reply, document["data"])
        return reply

    return fault


def unknown_secret_accepted(keys: Keys) -> Fault:
    """A configuration naming a secret that is not the caller's is stored anyway (no validation)."""

    async def fault(exchange: Exchange, forward: Forward) -> Reply:
        reply = await forward(exchange)
        sent = _json(exchange.body)
        if reply.status != 400 or not isinstance(sent, dict) or "secret_id" not in sent:
            return reply
        now = datetime.now(UTC).isoformat()
        data = {
            "id": str(uuid.uuid4()),
            "base_url": sent.get("base_url", "https://api.openai.com/v1"),
            "display_name": sent.get("display_name", "x"),
            "model_name": sent.get("model_name", "x"),
            "secret_id": sent["secret_id"],
            "created_at": now,
            "updated_at": now,
        }
        return _reply(200, {"code": 100, "data": data, "message": "ok"})

    return fault


DEFECTS: tuple[Defect, ...] = (
    Defect("auth_ignored", auth_ignored, frozenset({"auth_required", "ignored_auth"})),
    Defect(
        "tenant_leak", tenant_leak, frozenset({"space_isolation", "object_level_authorization"})
    ),
    Defect(
        "secret_echoed",
        secret_echoed,
        frozenset({"secret_never_echoed", "secret_value_never_echoed"}),
    ),
    Defect(
        "delete_not_persisted",
        delete_not_persisted,
        frozenset({"delete_removes", "use_after_free"}),
    ),
    Defect(
        "create_not_persisted",
        create_not_persisted,
        frozenset({"read_back", "ensure_resource_availability"}),
    ),
    Defect(
        "not_found_as_200",
        not_found_as_200,
        frozenset({"delete_removes", "unknown_id_404", "space_isolation", "use_after_free"}),
    ),
    Defect(
        "created_as_201", created_as_201, frozenset({"create_accepted", "status_code_conformance"})
    ),
    Defect("field_renamed", field_renamed, frozenset({"read_back", "response_schema_conformance"})),
    Defect(
        "timestamps_as_epoch",
        timestamps_as_epoch,
        frozenset({"timestamps_carry_timezone", "read_back", "response_schema_conformance"}),
    ),
    Defect("naive_timestamps", naive_timestamps, frozenset({"timestamps_carry_timezone"})),
    Defect(
        "non_ascii_crashes", non_ascii_crashes, frozenset({"create_accepted", "not_a_server_error"})
    ),
    Defect("list_oldest_first", list_oldest_first, frozenset({"lists_newest_first"})),
    Defect("update_clobbers", update_clobbers, frozenset({"update_partial", "write_reads_back"})),
    Defect("updated_at_frozen", updated_at_frozen, frozenset({"update_partial"})),
    Defect(
        "validation_as_500",
        validation_as_500,
        frozenset({"invalid_value_refused", "edge_bodies", "not_a_server_error"}),
    ),
    Defect(
        "envelope_missing",
        envelope_missing,
        frozenset({"envelope", "create_accepted", "read_back", "response_schema_conformance"}),
    ),
    Defect(
        "unknown_secret_accepted",
        unknown_secret_accepted,
        frozenset({"reference_validated", "secret_reference_judged"}),
    ),
)
