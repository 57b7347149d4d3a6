"""The scenario phase: deterministic multi-step stories for what the docs promise and schemas cannot say."""

from __future__ import annotations

import contextlib
import re
import secrets
import uuid
from collections.abc import Callable
from typing import Any

from liveavatar_contract._probe import OutOfScope, Probe, ScenarioStop
from liveavatar_contract._resources import required_query, rich_value
from liveavatar_contract._semantics import Objects, judge_resources
from liveavatar_contract._sessions import session_lifecycle
from liveavatar_contract._spec import operations, resolve
from liveavatar_contract._voices import bound_voice  # noqa: F401 (registers the voices maker)

SECRETS = "/v1/secrets"
SECRET_TYPE = "OPENAI_API_KEY"  # noqa: S105 (an enum member, not a secret)

Scenario = Callable[[Probe, "Story"], None]


class Story:
    """Objects created by the scenarios (deleted at the end) and unique names for this run."""

    def __init__(self, spec: dict[str, Any]) -> None:
        self.spec = spec
        self.run = secrets.token_hex(4)
        self._counter = 0
        self.created: list[tuple[str, str, str]] = []  # (key name, collection path, id)

    def name(self, kind: str) -> str:
        self._counter += 1
        return f"contract-{self.run}-{kind}-{self._counter}"

    def create_secret(
        self, probe: Probe, as_key: str = "API_KEY", name: str | None = None
    ) -> dict[str, Any]:
        value = f"la-contract-secret-{secrets.token_hex(16)}"
        probe.secret_values.add(value)
        body = {
            "secret_name": name or self.name("secret"),
            "secret_value": value,
            "secret_type": SECRET_TYPE,
        }
        response = probe.call("POST", SECRETS, as_key=as_key, body=body)
        probe.expect_status(response, 200, "create_accepted", "creating a valid secret")
        data = probe.data(response)
        probe.expect(
            isinstance(data, dict) and isinstance(data.get("id"), str) and data["id"] != "",
            "read_back",
            "create-secret must answer with the new id",
            response,
        )
        probe.expect(
            data.get("secret_name") == body["secret_name"],
            "read_back",
            "secret_name must echo what was sent",
            response,
        )
        self.created.append((as_key, SECRETS, data["id"]))
        return {**data, "secret_type": SECRET_TYPE}


def _minimal_body(spec: dict[str, Any], operation: dict[str, Any]) -> dict[str, Any] | None:
    """A schema-valid body with only what is required, so a server that validates before it
    checks the key (Prism does) still has to answer the auth question, not a 422."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if content is None:
        return None
    body = _minimal_value(spec, content.get("schema", {}), "body", 0)
    return body if isinstance(body, dict) else {}


def _minimal_value(spec: dict[str, Any], node: Any, name: str, depth: int) -> Any:
    """The smallest valid value of a schema: a union's first non-null option, every required
    property and every `const` one (it tells `oneOf` options apart), formats respected."""
    schema = resolve(spec, node)
    if not isinstance(schema, dict):
        schema = {}
    for key in ("oneOf", "anyOf"):
        options = [resolve(spec, o) for o in schema.get(key, ())]
        options = [o for o in options if isinstance(o, dict) and o.get("type") != "null"]
        if options:
            return _minimal_value(spec, options[0], name, depth)
    if "const" in schema:
        return schema["const"]
    if schema.get("enum"):
        return schema["default"] if schema.get("default") in schema["enum"] else schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        if depth > 4:
            return {}
        properties = schema.get("properties", {})
        wanted = [
            field
            for field, prop in properties.items()
            if field in schema.get("required", ()) or "const" in resolve(spec, prop)
        ]
        return {
            field: _minimal_value(spec, properties[field], field, depth + 1) for field in wanted
        }
    if kind == "array":
        item = _minimal_value(spec, schema.get("items", {}), name, depth + 1)
        return [item] * int(schema.get("minItems", 0))
    if kind == "boolean":
        return bool(schema.get("default", False))
    if kind in {"integer", "number"}:
        return schema.get("default", schema.get("minimum", 1))
    formatted = schema.get("format") in {"uuid", "uri", "date-time"}
    return rich_value(spec, schema, name, "probe") if formatted else "contract-probe"


def auth_required(probe: Probe, story: Story) -> None:
    """Every chosen secured operation answers 401 (with a JSON body) to a missing or wrong key."""
    for operation in operations(story.spec):
        if not operation.secured or operation.operation_id not in probe.scope:
            continue
        concrete = re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), operation.path)
        concrete += required_query(story.spec, operation)
        body = _minimal_body(story.spec, operation.raw)
        for label, raw in (("missing", None), ("wrong", f"la-wrong-{secrets.token_hex(12)}")):
            try:
                response = probe.call(
                    operation.method, concrete, as_key=None, raw_key=raw, body=body
                )
            except OutOfScope:
                break
            probe.expect_status(response, 401, "auth_required", f"{label} X-API-KEY")
            probe.expect_error_body(response, "auth_required")


def run_scenarios(probe: Probe, spec: dict[str, Any]) -> None:
    """Run every scenario; each stops at its first finding, the others still run."""
    story = Story(spec)
    for scenario in SCENARIOS:
        probe.scenario = scenario.__name__
        try:
            scenario(probe, story)
        except ScenarioStop:
            pass
        except (KeyError, TypeError, AttributeError, ValueError) as error:
            # A response of an unexpected shape that no explicit expectation named.
            probe.record_unexpected(scenario.__name__, error)
    probe.scenario = "cleanup"
    for as_key, path, object_id in reversed(story.created):
        with contextlib.suppress(ScenarioStop):
            probe.call("DELETE", f"{path}/{object_id}", as_key=as_key)


def resource_semantics(probe: Probe, story: Story) -> None:
    """Every resource of the model judged by the generic engine (`_semantics.py`)."""
    objects = Objects(probe, story.spec, story.name)
    try:
        judge_resources(probe, objects)
    finally:
        scenario, probe.scenario = probe.scenario, "cleanup"
        objects.cleanup()
        probe.scenario = scenario


SCENARIOS: tuple[Scenario, ...] = (auth_required, resource_semantics, session_lifecycle)
