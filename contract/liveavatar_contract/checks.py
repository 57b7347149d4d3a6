"""Schemathesis custom checks and hooks for the LiveAvatar promises a schema cannot state.

Loaded by the suite through ``SCHEMATHESIS_HOOKS=liveavatar_contract.checks``. The secret pool
(ids and values of secrets the suite created up front through the API) arrives in the
``LIVEAVATAR_CONTRACT_POOL`` environment variable as JSON. Hygiene findings that are not contract
breaches are appended as JSON lines to the file ``LIVEAVATAR_CONTRACT_WARNINGS`` names, and the
check passes.
"""

from __future__ import annotations

import json
import os
import re
import zlib
from functools import cache
from typing import Any

import httpx
import schemathesis
import schemathesis.cli
from schemathesis import Case, HookContext, Response
from schemathesis.checks import CheckContext

from liveavatar_contract._findings import API_KEY_HEADER
from liveavatar_contract._probe import parse_timestamp, walk_objects
from liveavatar_contract._resources import reads_back
from liveavatar_contract._spec import resolve

AnyCase = Case[Any]

__all__ = [
    "KEY_VARIABLE",
    "POOL_VARIABLE",
    "TOOL_WARNINGS_VARIABLE",
    "URL_VARIABLE",
    "WARNINGS_VARIABLE",
    "ToolWarnings",
    "secret_reference_judged",
    "secret_value_never_echoed",
    "timestamps_carry_timezone",
    "write_reads_back",
]

POOL_VARIABLE = "LIVEAVATAR_CONTRACT_POOL"
URL_VARIABLE = "LIVEAVATAR_CONTRACT_URL"
KEY_VARIABLE = "LIVEAVATAR_CONTRACT_API_KEY"
WARNINGS_VARIABLE = "LIVEAVATAR_CONTRACT_WARNINGS"
# Where schemathesis' own warnings (missing_auth, missing_test_data, ...) are written at the end.
TOOL_WARNINGS_VARIABLE = "LIVEAVATAR_CONTRACT_TOOL_WARNINGS"
SECRET_REFERENCE = "secret_id"  # noqa: S105 (a field name, not a secret)
SECRET_VALUE = "secret_value"  # noqa: S105 (a field name, not a secret)
# One positive request in this many keeps the secret_id the generator drew, which the server
# must refuse with 400; the others get a secret of the caller's space and must be accepted.
KEEP_DRAWN_SECRET_ONE_IN = 4
# Shorter generated values could occur in a response by coincidence.
MIN_ECHO_LENGTH = 8


@cache
def _pool() -> tuple[tuple[str, ...], tuple[str, ...]]:
    raw = json.loads(os.environ.get(POOL_VARIABLE, "{}"))
    return tuple(raw.get("secret_ids", ())), tuple(raw.get("secret_values", ()))


def _json(response: Response) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        return None


@schemathesis.hook
def before_call(context: HookContext, case: AnyCase, kwargs: dict[str, Any]) -> None:
    """Point most well-formed `secret_id`s at a secret of the caller's space, so creates can succeed."""
    ids, _ = _pool()
    body = case.body
    if not ids or not isinstance(body, dict):
        return
    drawn = body.get(SECRET_REFERENCE)
    if not isinstance(drawn, str) or not 1 <= len(drawn) <= 36 or drawn in ids:
        return
    digest = zlib.crc32(json.dumps(body, sort_keys=True, default=str).encode())
    if digest % KEEP_DRAWN_SECRET_ONE_IN == 0:
        return
    case.body = {**body, SECRET_REFERENCE: ids[digest % len(ids)]}


def _distinctive_sent_value(body: object) -> list[str]:
    """The secret value just sent, when it is long enough and not also sent in another field."""
    if not isinstance(body, dict):
        return []
    sent = body.get(SECRET_VALUE)
    if not isinstance(sent, str) or len(sent) < MIN_ECHO_LENGTH:
        return []
    others = [
        value for name, value in body.items() if name != SECRET_VALUE and isinstance(value, str)
    ]
    # Generated data often repeats one string across fields, and echoing the others is allowed.
    return [] if any(sent in other for other in others) else [sent]


@schemathesis.check
def secret_value_never_echoed(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """No 2xx body carries a `secret_value` field; no response at all carries a known secret value."""
    text = response.content.decode("utf-8", errors="replace")
    success = 200 <= response.status_code < 300
    # Error bodies may name the field (masked); a success body never carries it.
    if success and any(SECRET_VALUE in item for item in walk_objects(_json(response))):
        raise AssertionError(f"The response carries a `{SECRET_VALUE}` field")
    _, values = _pool()
    if any(value in text for value in values):
        raise AssertionError("A stored secret value appears in the response")
    if any(value in text for value in _distinctive_sent_value(case.body)):
        if 400 <= response.status_code < 500:
            # FastAPI's 422 echoes the rejected `input` to the client that sent it: hygiene.
            _warn(
                "secret_echoed_to_sender",
                case,
                "an error response echoes the secret value its own request carried",
            )
            return None
        raise AssertionError("The secret value just sent appears in the response")
    return None


def _warn(check: str, case: AnyCase, message: str) -> None:
    path = os.environ.get(WARNINGS_VARIABLE)
    if not path:
        return
    entry = {
        "check": check,
        "operation": f"{case.method} {case.path}",
        "message": message,
        "reproduce": case.as_curl_command(headers={API_KEY_HEADER: "$API_KEY"}),
    }
    with open(path, "a", encoding="utf-8") as sink:
        sink.write(json.dumps(entry, ensure_ascii=False) + "\n")


@schemathesis.check
def timestamps_carry_timezone(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """Every `*_at` string of a 2xx body is ISO 8601 with a timezone, and updated_at >= created_at."""
    if not 200 <= response.status_code < 300:
        return None
    for item in walk_objects(_json(response)):
        stamps = {}
        for name, value in item.items():
            if name.endswith("_at") and isinstance(value, str):
                parsed = parse_timestamp(value)
                if parsed is None or parsed.tzinfo is None:
                    raise AssertionError(
                        f"`{name}` = {value!r} is not an ISO 8601 timestamp with a timezone"
                    )
                stamps[name] = parsed
        if (
            "created_at" in stamps
            and "updated_at" in stamps
            and stamps["updated_at"] < stamps["created_at"]
        ):
            raise AssertionError("updated_at is earlier than created_at")
    return None


def _listed_in_space(case: AnyCase, secret_id: str) -> bool:
    """Whether the caller's own secret list names `secret_id` (generated requests may reuse listed ids)."""
    url, key = os.environ.get(URL_VARIABLE), os.environ.get(KEY_VARIABLE)
    if not url or not key:
        return False
    raw = case.operation.schema.raw_schema
    # The collection whose create body carries `secret_value`, found in the spec.
    for path, item in raw.get("paths", {}).items():
        body = (
            item.get("post", {})
            .get("requestBody", {})
            .get("content", {})
            .get("application/json", {})
        )
        schema = body.get("schema", {})
        reference = schema.get("$ref", "")
        if reference:
            schema = raw["components"]["schemas"][reference.rsplit("/", 1)[-1]]
        if SECRET_VALUE in schema.get("properties", {}) and "get" in item:
            listed = httpx.get(
                f"{url.rstrip('/')}{path}", headers={API_KEY_HEADER: key}, timeout=15
            )
            document = listed.json() if listed.is_success else {}
            data = document.get("data") if isinstance(document, dict) else None
            return isinstance(data, list) and any(
                isinstance(entry, dict) and entry.get("id") == secret_id for entry in data
            )
    return False


# The descriptions that make a secret's ownership the whole test of a `secret_id` (LLM
# configurations: "Validates that the secret_id belongs to the user's space"). Elsewhere the secret
# must also suit the operation (a voice binding: "Validates the secret can be used ..."), so a
# 400 to a secret of the space may be right there.
OWNERSHIP_ONLY = re.compile(r"secret_id[^.\n]*\bbelongs to\b", re.IGNORECASE)


def _ownership_only(case: AnyCase) -> bool:
    raw = case.operation.schema.raw_schema
    operation = raw.get("paths", {}).get(case.operation.path, {}).get(case.method.lower(), {})
    return bool(OWNERSHIP_ONLY.search(str(operation.get("description", ""))))


@schemathesis.check
def secret_reference_judged(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """An unknown `secret_id` is never accepted; where the description makes ownership the only
    test, a `secret_id` of the caller's space is never refused with 400."""
    ids, _ = _pool()
    body = case.body
    secret_id = body.get(SECRET_REFERENCE) if isinstance(body, dict) else None
    if not ids or not isinstance(secret_id, str):
        return None
    negative = case.meta is not None and case.meta.generation.mode.is_negative
    # The run may itself delete a pool secret (schemathesis reuses listed ids), so a verdict
    # against the server is confirmed with the caller's current secret list.
    if (
        secret_id in ids
        and response.status_code == 400
        and not negative
        and _ownership_only(case)
        and _listed_in_space(case, secret_id)
    ):
        raise AssertionError(
            f"A valid request naming a secret of the caller's space ({secret_id}) was refused with 400"
        )
    if (
        200 <= response.status_code < 300
        and secret_id not in ids
        and not _listed_in_space(case, secret_id)
    ):
        raise AssertionError(
            f"`{SECRET_REFERENCE}` {secret_id!r} is no secret of the caller's space, yet the request was accepted"
        )
    return None


def _declared_properties(case: AnyCase) -> dict[str, Any]:
    """The properties the operation's JSON request body schema declares (name -> schema)."""
    raw = case.operation.schema.raw_schema
    operation = raw.get("paths", {}).get(case.operation.path, {}).get(case.method.lower(), {})
    content = operation.get("requestBody", {}).get("content", {}).get("application/json", {})
    schema = resolve(raw, content.get("schema", {}))
    return dict(schema.get("properties", {})) if isinstance(schema, dict) else {}


@schemathesis.check
def write_reads_back(ctx: CheckContext, response: Response, case: AnyCase) -> bool | None:
    """A 2xx create or update answers with every field it was sent (and only those changed are sent)."""
    body = case.body
    if (
        case.method not in {"POST", "PATCH", "PUT"}
        or not isinstance(body, dict)
        or not 200 <= response.status_code < 300
    ):
        return None
    document = _json(response)
    data = document.get("data") if isinstance(document, dict) else None
    if not isinstance(data, dict):
        return None
    raw = case.operation.schema.raw_schema
    declared = _declared_properties(case)
    for name, sent in body.items():
        # Undeclared properties may be ignored (the schemas allow additional properties), at any
        # depth; a nested object's `id` is the server's to assign.
        if (
            name in declared
            and name in data
            and not reads_back(raw, declared[name], sent, data[name], top=False)
        ):
            raise AssertionError(
                f"`{name}` was sent as {sent!r} but the response says {data[name]!r}"
            )
    return None


@schemathesis.cli.handler()
class ToolWarnings(schemathesis.cli.EventHandler):  # type: ignore[type-arg]
    """Writes schemathesis' own warnings (kind -> operations) as JSON when the run shuts down, so
    the verdict shows and counts them instead of leaving them in schemathesis' console output."""

    def handle_event(self, ctx: Any, event: Any) -> None:
        return None

    def shutdown(self, ctx: Any) -> None:
        target = os.environ.get(TOOL_WARNINGS_VARIABLE)
        warnings = getattr(ctx, "warnings", None)
        if not target or warnings is None:
            return
        found = {kind: labels for kind, labels in warnings.as_labels().items() if labels}
        with open(target, "w", encoding="utf-8") as out:
            json.dump(found, out)
