"""The scenario phase: deterministic multi-step stories for what the docs promise and schemas cannot say."""

from __future__ import annotations

import contextlib
import re
import secrets
import time
import uuid
from collections.abc import Callable
from typing import Any

from liveavatar_contract._probe import OutOfScope, Probe, ScenarioStop, parse_timestamp
from liveavatar_contract._resources import required_query, rich_value
from liveavatar_contract._semantics import Objects, judge_resources
from liveavatar_contract._sessions import session_lifecycle
from liveavatar_contract._spec import operations, resolve
from liveavatar_contract._voices import bound_voice  # noqa: F401 (registers the voices maker)

SECRETS = "/v1/secrets"
CONFIGURATIONS = "/v1/llm-configurations"
SECRET_TYPE = "OPENAI_API_KEY"  # noqa: S105 (an enum member, not a secret)
# Fields a configuration reads back with; timestamps are compared separately.
CONFIGURATION_FIELDS = ("id", "base_url", "display_name", "model_name", "secret_id")
ODD_TEXT = "Schlüssel ✓ 秘密 🔑 \u00e9\u0301 <tag> ' \" \\ %s"

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

    def create_configuration(
        self, probe: Probe, secret_id: str, as_key: str = "API_KEY", **fields: str
    ) -> dict[str, Any]:
        body = {
            "display_name": self.name("config"),
            "model_name": "gpt-4o-mini",
            "secret_id": secret_id,
            **fields,
        }
        response = probe.call("POST", CONFIGURATIONS, as_key=as_key, body=body)
        probe.expect_status(response, 200, "create_accepted", "creating a valid configuration")
        data = probe.data(response)
        probe.expect(
            isinstance(data, dict) and isinstance(data.get("id"), str),
            "read_back",
            "create must answer with the object",
            response,
        )
        for field, sent in body.items():
            probe.expect(
                data.get(field) == sent,
                "read_back",
                f"`{field}` must read back as sent ({sent!r})",
                response,
            )
        probe.expect_timestamps(data, response)
        self.created.append((as_key, CONFIGURATIONS, data["id"]))
        return dict(data)

    def listing(self, probe: Probe, path: str, as_key: str = "API_KEY") -> list[dict[str, Any]]:
        response = probe.call("GET", path, as_key=as_key)
        probe.expect_status(response, 200, "list_available", f"listing {path}")
        items = probe.data(response)
        probe.expect(
            isinstance(items, list), "envelope", "a list's data must be an array", response
        )
        for item in items:
            probe.expect_timestamps(item, response)
        return list(items)


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


def secret_lifecycle(probe: Probe, story: Story) -> None:
    """Secrets read back in lists newest first, without their values, and vanish when deleted."""
    first = story.create_secret(probe)
    time.sleep(0.01)
    second = story.create_secret(probe)
    items = story.listing(probe, SECRETS)
    ids = probe.ids(items)
    response = probe.call("GET", SECRETS)
    for created in (first, second):
        probe.expect(
            created["id"] in ids,
            "read_back",
            f"secret {created['id']} must be listed after create",
            response,
        )
        listed = next(item for item in items if item.get("id") == created["id"])
        for field in ("secret_name", "secret_type"):
            probe.expect(
                listed.get(field) == created[field],
                "read_back",
                f"listed `{field}` must match what was created",
                response,
            )
    probe.expect(
        ids.index(second["id"]) < ids.index(first["id"]),
        "lists_newest_first",
        "the secret created last must be listed before the one created first",
        response,
    )
    deleted = probe.call("DELETE", f"{SECRETS}/{first['id']}")
    probe.expect_status(deleted, 200, "delete_removes", "deleting an existing secret")
    probe.expect(
        probe.data(deleted) is None, "delete_removes", "a delete answers data: null", deleted
    )
    after = probe.call("GET", SECRETS)
    probe.expect(
        first["id"] not in probe.ids(probe.data(after)),
        "delete_removes",
        "a deleted secret must be gone from the list",
        after,
    )
    again = probe.call("DELETE", f"{SECRETS}/{first['id']}")
    probe.expect_status(again, 404, "delete_removes", "deleting a deleted secret")
    probe.expect_error_body(again, "delete_removes")
    refused = probe.call(
        "POST",
        CONFIGURATIONS,
        body={"display_name": story.name("config"), "model_name": "m", "secret_id": first["id"]},
    )
    probe.expect_status(
        refused, 400, "secret_validated", "a configuration may not use a deleted secret"
    )


def configuration_lifecycle(probe: Probe, story: Story) -> None:
    """Create, read back, list newest first, partial update, refuse bad secrets, delete."""
    secret = story.create_secret(probe)
    other_secret = story.create_secret(probe)
    first = story.create_configuration(probe, secret["id"])
    created = probe.call("GET", f"{CONFIGURATIONS}/{first['id']}")
    probe.expect(
        bool(first.get("base_url")),
        "read_back",
        "base_url is optional on create and defaults to the OpenAI endpoint",
        created,
    )
    time.sleep(0.01)
    second = story.create_configuration(probe, secret["id"], base_url="https://llm.example.test/v1")

    fetched = probe.call("GET", f"{CONFIGURATIONS}/{first['id']}")
    probe.expect_status(fetched, 200, "read_back", "getting a configuration just created")
    data = probe.data(fetched)
    for field in (*CONFIGURATION_FIELDS, "created_at", "updated_at"):
        probe.expect(
            data.get(field) == first.get(field),
            "read_back",
            f"`{field}` must read back as created",
            fetched,
        )

    listed = probe.call("GET", CONFIGURATIONS)
    items = story.listing(probe, CONFIGURATIONS)
    ids = probe.ids(items)
    probe.expect(
        first["id"] in ids and second["id"] in ids,
        "read_back",
        "created configurations must be listed",
        listed,
    )
    probe.expect(
        ids.index(second["id"]) < ids.index(first["id"]),
        "lists_newest_first",
        "the newest configuration must come first",
        listed,
    )
    entry = next(item for item in items if item.get("id") == first["id"])
    for field in ("display_name", "model_name", "secret_id"):
        probe.expect(
            entry.get(field) == first[field],
            "read_back",
            f"listed `{field}` must match the object",
            listed,
        )

    # Timestamps may have second resolution: wait so a moved updated_at is observable.
    time.sleep(1.05)
    renamed = story.name("renamed")
    patched = probe.call("PATCH", f"{CONFIGURATIONS}/{first['id']}", body={"display_name": renamed})
    probe.expect_status(patched, 200, "update_partial", "a partial update")
    updated = probe.data(patched)
    probe.expect(
        updated.get("display_name") == renamed,
        "update_partial",
        "the sent field must change",
        patched,
    )
    for field in ("id", "base_url", "model_name", "secret_id", "created_at"):
        probe.expect(
            updated.get(field) == first[field],
            "update_partial",
            f"`{field}` was not sent and must not change",
            patched,
        )
    probe.expect_timestamps(updated, patched)
    old, new = parse_timestamp(first["updated_at"]), parse_timestamp(updated.get("updated_at"))
    probe.expect(
        old is not None and new is not None and new > old,
        "update_partial",
        "an update must move updated_at forward",
        patched,
    )
    again = probe.call("GET", f"{CONFIGURATIONS}/{first['id']}")
    probe.expect(
        probe.data(again) == updated,
        "read_back",
        "an updated configuration must read back as the update answered",
        again,
    )

    swapped = probe.call(
        "PATCH", f"{CONFIGURATIONS}/{first['id']}", body={"secret_id": other_secret["id"]}
    )
    probe.expect_status(swapped, 200, "update_partial", "switching to another secret of the space")
    swapped_data = probe.data(swapped)
    probe.expect(
        swapped_data.get("secret_id") == other_secret["id"],
        "update_partial",
        "secret_id must change",
        swapped,
    )
    probe.expect(
        swapped_data.get("display_name") == renamed,
        "update_partial",
        "display_name was not sent and must not change",
        swapped,
    )

    unknown = str(uuid.uuid4())
    bad_create = probe.call(
        "POST",
        CONFIGURATIONS,
        body={"display_name": story.name("config"), "model_name": "m", "secret_id": unknown},
    )
    probe.expect_status(bad_create, 400, "secret_validated", "creating with an unknown secret_id")
    probe.expect_error_body(bad_create, "secret_validated")
    bad_update = probe.call("PATCH", f"{CONFIGURATIONS}/{first['id']}", body={"secret_id": unknown})
    probe.expect_status(bad_update, 400, "secret_validated", "updating to an unknown secret_id")
    unchanged = probe.call("GET", f"{CONFIGURATIONS}/{first['id']}")
    probe.expect(
        probe.data(unchanged).get("secret_id") == other_secret["id"],
        "secret_validated",
        "a refused update must change nothing",
        unchanged,
    )

    deleted = probe.call("DELETE", f"{CONFIGURATIONS}/{first['id']}")
    probe.expect_status(deleted, 200, "delete_removes", "deleting a configuration")
    probe.expect(
        probe.data(deleted) is None, "delete_removes", "a delete answers data: null", deleted
    )
    for method, body in (("GET", None), ("PATCH", {"display_name": "x"}), ("DELETE", None)):
        gone = probe.call(method, f"{CONFIGURATIONS}/{first['id']}", body=body)
        probe.expect_status(gone, 404, "delete_removes", f"{method} of a deleted configuration")
        probe.expect_error_body(gone, "delete_removes")
    after = probe.call("GET", CONFIGURATIONS)
    probe.expect(
        first["id"] not in probe.ids(probe.data(after)),
        "delete_removes",
        "a deleted configuration must be gone from the list",
        after,
    )
    for path in (f"{CONFIGURATIONS}/{uuid.uuid4()}", f"{SECRETS}/{uuid.uuid4()}"):
        missing = probe.call("DELETE", path)
        probe.expect_status(missing, 404, "unknown_id_404", "an id that never existed")
        probe.expect_error_body(missing, "unknown_id_404")


def space_isolation(probe: Probe, story: Story) -> None:
    """Another space's objects behave as unknown ids, its secrets are refused, and lists keep to their space."""
    if not probe.has_key("API_KEY_2"):
        return
    theirs_secret = story.create_secret(probe, as_key="API_KEY_2")
    theirs = story.create_configuration(probe, theirs_secret["id"], as_key="API_KEY_2")
    mine_secret = story.create_secret(probe)
    mine = story.create_configuration(probe, mine_secret["id"])
    target = f"{CONFIGURATIONS}/{theirs['id']}"
    for method, body in (("GET", None), ("PATCH", {"display_name": "stolen"}), ("DELETE", None)):
        response = probe.call(method, target, body=body)
        probe.expect_status(
            response, 404, "space_isolation", f"{method} of another space's configuration"
        )
    response = probe.call("DELETE", f"{SECRETS}/{theirs_secret['id']}")
    probe.expect_status(response, 404, "space_isolation", "deleting another space's secret")
    intact = probe.call("GET", target, as_key="API_KEY_2")
    probe.expect_status(intact, 200, "space_isolation", "the owner still reads its configuration")
    probe.expect(
        probe.data(intact) == theirs,
        "space_isolation",
        "another space's requests must not change the owner's object",
        intact,
    )
    still = story.listing(probe, SECRETS, as_key="API_KEY_2")
    probe.expect(
        theirs_secret["id"] in probe.ids(still),
        "space_isolation",
        "another space must not delete the owner's secret",
        intact,
    )

    create = probe.call(
        "POST",
        CONFIGURATIONS,
        body={
            "display_name": story.name("config"),
            "model_name": "m",
            "secret_id": theirs_secret["id"],
        },
    )
    probe.expect_status(create, 400, "space_isolation", "creating with another space's secret")
    update = probe.call(
        "PATCH", f"{CONFIGURATIONS}/{mine['id']}", body={"secret_id": theirs_secret["id"]}
    )
    probe.expect_status(update, 400, "space_isolation", "updating to another space's secret")

    for path, foreign, own in (
        (CONFIGURATIONS, theirs["id"], mine["id"]),
        (SECRETS, theirs_secret["id"], mine_secret["id"]),
    ):
        listed = probe.call("GET", path)
        ids = probe.ids(probe.data(listed))
        probe.expect(
            foreign not in ids,
            "space_isolation",
            "a list must not show another space's objects",
            listed,
        )
        probe.expect(own in ids, "read_back", "a list must show the caller's objects", listed)
        other = probe.call("GET", path, as_key="API_KEY_2")
        probe.expect(
            own not in probe.ids(probe.data(other)),
            "space_isolation",
            "a list must not show another space's objects",
            other,
        )


def odd_input(probe: Probe, story: Story) -> None:
    """Non-ASCII and markup-like text is stored and read back verbatim."""
    secret = story.create_secret(probe, name=f"{ODD_TEXT} {story.run}")
    listed = story.listing(probe, SECRETS)
    response = probe.call("GET", SECRETS)
    entry = next((item for item in listed if item.get("id") == secret["id"]), None)
    probe.expect(
        entry is not None and entry.get("secret_name") == secret["secret_name"],
        "read_back",
        "a non-ASCII secret_name must read back verbatim",
        response,
    )
    config = story.create_configuration(
        probe, secret["id"], display_name=f"{ODD_TEXT} {story.run}", model_name="модель-ü"
    )
    fetched = probe.call("GET", f"{CONFIGURATIONS}/{config['id']}")
    data = probe.data(fetched)
    probe.expect(
        data.get("display_name") == config["display_name"],
        "read_back",
        "a non-ASCII display_name must read back verbatim",
        fetched,
    )


def validation_errors(probe: Probe, story: Story) -> None:
    """Malformed bodies are rejected with 422, never accepted or answered 500."""
    leaked = f"la-contract-secret-{secrets.token_hex(16)}"
    probe.secret_values.add(leaked)
    cases: list[tuple[str, str, object]] = [
        ("POST", CONFIGURATIONS, {}),
        ("POST", CONFIGURATIONS, {"display_name": "", "model_name": "m", "secret_id": "x"}),
        ("POST", SECRETS, {"secret_name": "n", "secret_value": "v", "secret_type": "NOT_A_TYPE"}),
        ("POST", SECRETS, {"secret_name": "n", "secret_type": SECRET_TYPE}),
        # FastAPI's 422 echoes the `input` it rejected: a warning (hygiene), not a failure.
        ("POST", SECRETS, {"secret_value": leaked, "secret_type": SECRET_TYPE}),
        ("PATCH", f"{CONFIGURATIONS}/{uuid.uuid4()}", {"display_name": ""}),
    ]
    for method, path, body in cases:
        try:
            response = probe.call(method, path, body=body)
        except OutOfScope:
            continue
        probe.expect_status(response, 422, "validation_422", "a body that breaks the schema")
        try:
            parsed = response.json()
        except ValueError:
            parsed = None
        probe.expect(
            isinstance(parsed, dict), "validation_422", "a 422 must carry a JSON body", response
        )


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


SCENARIOS: tuple[Scenario, ...] = (
    auth_required,
    secret_lifecycle,
    configuration_lifecycle,
    space_isolation,
    odd_input,
    validation_errors,
    resource_semantics,
    session_lifecycle,
)
