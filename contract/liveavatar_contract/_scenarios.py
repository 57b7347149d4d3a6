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
from liveavatar_contract._resources import (
    Resource,
    body_schema,
    reads_back,
    referenced_collection,
    required_query,
    resources,
    rich_body,
    rich_value,
)
from liveavatar_contract._spec import operations, resolve

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


def _item_path(resource: Resource, object_id: str) -> str:
    return re.sub(r"\{[^}/]+\}$", object_id, resource.item)


def _listed(
    probe: Probe, spec: dict[str, Any], resource: Resource, as_key: str = "API_KEY"
) -> tuple[Any, list[Any]]:
    """A list's response and its items (a plain array, or `results` of a paginated page)."""
    assert resource.list is not None
    paged = {"page_size": "100"} if resource.paginated else {}
    query = required_query(spec, resource.list, **paged)
    response = probe.call("GET", resource.collection + query, as_key=as_key)
    probe.expect_status(response, 200, "list_available", f"listing {resource.collection}")
    data = probe.data(response)
    items = data.get("results") if isinstance(data, dict) else data
    probe.expect(isinstance(items, list), "envelope", "a list must hold an array", response)
    assert isinstance(items, list)
    for item in items:
        probe.expect_timestamps(item, response)
    return response, items


class Objects:
    """Creates objects of any resource with a non-default value in every field."""

    def __init__(self, probe: Probe, story: Story) -> None:
        self.probe, self.story = probe, story
        self.by_collection = {resource.collection: resource for resource in resources(story.spec)}
        self._references: dict[tuple[str, str], str] = {}

    def body(self, resource: Resource, as_key: str) -> dict[str, Any]:
        spec = self.story.spec
        schema = body_schema(spec, resource.create)
        body = rich_body(spec, schema, self.story.name("rich"))
        required = set(schema.get("required", ()))
        unsatisfiable = set(self.unsatisfiable(resource))
        for field, prop in schema.get("properties", {}).items():
            target = referenced_collection(spec, field)
            if target is not None and field in body:
                body[field] = self.reference(target, as_key)
            elif field in unsatisfiable and field not in required:
                body.pop(field, None)
            if resolve(spec, prop).get("writeOnly") and isinstance(body.get(field), str):
                self.probe.secret_values.add(body[field])
        return body

    def reference(self, collection: str, as_key: str) -> str:
        key = (as_key, collection)
        if key not in self._references:
            _, data = self.create(self.by_collection[collection], as_key)
            self._references[key] = data["id"]
        return self._references[key]

    def unsatisfiable(self, resource: Resource) -> list[str]:
        """The create body's `<entity>_id` fields that no plain create of the spec can fill.

        (`POST /v1/memory` needs a `session_id`: sessions come from a token and a start, not from a
        create.) An optional one is left out of the body; a required one is sent as a made-up id.
        """
        spec = self.story.spec
        return [
            field
            for field in body_schema(spec, resource.create).get("properties", {})
            if field.endswith("_id") and referenced_collection(spec, field) is None
        ]

    def create(
        self, resource: Resource, as_key: str = "API_KEY", body: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        probe = self.probe
        sent = body if body is not None else self.body(resource, as_key)
        response = probe.call("POST", resource.collection, as_key=as_key, body=sent)
        made_up = [field for field in self.unsatisfiable(resource) if field in sent]
        if made_up and 400 <= response.status_code < 500 and response.status_code != 401:
            # Refusing an id that names nothing is right: this resource cannot be judged here.
            probe.not_judged[resource.collection] = (
                f"its create needs {', '.join(f'`{f}`' for f in made_up)}, which no plain create "
                f"of the spec makes; a made-up id was refused with {response.status_code}"
            )
            raise OutOfScope(f"POST {resource.collection}")
        probe.expect(
            response.status_code in (200, 201),
            "create_accepted",
            f"creating a valid object in {resource.collection}: expected 200",
            response,
        )
        data = probe.data(response)
        probe.expect(
            isinstance(data, dict) and isinstance(data.get("id"), str) and data["id"] != "",
            "read_back",
            "a create must answer with the new object's id",
            response,
        )
        if resource.delete is not None:
            self.story.created.append((as_key, resource.collection, data["id"]))
        hidden = self.write_only(resource)
        declared = body_schema(self.story.spec, resource.create).get("properties", {})
        for field, value in sent.items():
            if field in data and field not in hidden:
                probe.expect(
                    reads_back(self.story.spec, declared.get(field, {}), value, data[field]),
                    "read_back",
                    f"`{field}` must read back as sent ({value!r})",
                    response,
                )
        probe.expect_timestamps(data, response)
        return sent, dict(data)

    def write_only(self, resource: Resource) -> set[str]:
        spec = self.story.spec
        properties = body_schema(spec, resource.create).get("properties", {})
        return {name for name, prop in properties.items() if resolve(spec, prop).get("writeOnly")}


def resource_semantics(probe: Probe, story: Story) -> None:
    """For every collection/item resource of the spec: read back, list, order, update, isolation, delete."""
    objects = Objects(probe, story)
    for resource in objects.by_collection.values():
        if resource.create.operation_id not in probe.scope:
            continue
        try:
            _judge_resource(probe, objects, resource)
        except OutOfScope:
            continue
        except ScenarioStop:
            continue
        except (KeyError, TypeError, AttributeError, ValueError) as error:
            probe.record_unexpected(f"resource_semantics {resource.collection}", error)


def _judge_resource(probe: Probe, objects: Objects, resource: Resource) -> None:
    sent, first = objects.create(resource)
    path = _item_path(resource, first["id"])
    if resource.get is not None:
        fetched = probe.call("GET", path)
        probe.expect_status(fetched, 200, "read_back", "getting an object just created")
        data = probe.data(fetched)
        for field, value in first.items():
            probe.expect(
                data.get(field) == value,
                "read_back",
                f"`{field}` must read back as created",
                fetched,
            )
    if resource.list is not None:
        _judge_list(probe, objects, resource, first)
    current = first
    if resource.update is not None:
        current = _judge_update(probe, objects, resource, first)
    if probe.has_key("API_KEY_2"):
        _judge_isolation(probe, objects, resource, current, sent)
    if resource.delete is not None:
        _judge_delete(probe, objects, resource, current)
    for method in ("GET", "DELETE"):
        operation = resource.get if method == "GET" else resource.delete
        if operation is not None:
            missing = probe.call(method, _item_path(resource, str(uuid.uuid4())))
            probe.expect_status(missing, 404, "unknown_id_404", "an id that never existed")
            probe.expect_error_body(missing, "unknown_id_404")


def _judge_list(probe: Probe, objects: Objects, resource: Resource, first: dict[str, Any]) -> None:
    response, items = _listed(probe, objects.story.spec, resource)
    ids = probe.ids(items)
    probe.expect(first["id"] in ids, "read_back", "a created object must be listed", response)
    entry = next(item for item in items if item.get("id") == first["id"])
    for field, value in entry.items():
        if field in first:
            probe.expect(
                value == first[field],
                "read_back",
                f"listed `{field}` must match the object",
                response,
            )
    if resource.newest_first:
        time.sleep(0.01)
        _, second = objects.create(resource)
        response, items = _listed(probe, objects.story.spec, resource)
        ids = probe.ids(items)
        probe.expect(
            second["id"] in ids and ids.index(second["id"]) < ids.index(first["id"]),
            "lists_newest_first",
            "the list promises newest first: the object created last must come first",
            response,
        )


def _judge_update(
    probe: Probe, objects: Objects, resource: Resource, first: dict[str, Any]
) -> dict[str, Any]:
    assert resource.update is not None
    spec = objects.story.spec
    schema = body_schema(spec, resource.update)
    hidden = objects.write_only(resource)
    candidates = [
        name
        for name, prop in schema.get("properties", {}).items()
        if name in first
        and name not in hidden
        and referenced_collection(spec, name) is None
        and isinstance(first[name], str)
    ]
    if not candidates:
        return first
    field = candidates[0]
    new = rich_value(spec, schema["properties"][field], field, objects.story.name("updated"))
    body = {name: first[name] for name in schema.get("required", []) if name in first}
    body[field] = new
    if "updated_at" in first:
        # Wait so a moved updated_at is observable at the resolution the server reports.
        time.sleep(1.05 if "." not in str(first["updated_at"]) else 0.01)
    patched = probe.call("PATCH", _item_path(resource, first["id"]), body=body)
    probe.expect_status(patched, 200, "update_partial", "a partial update")
    updated = probe.data(patched)
    probe.expect(
        reads_back(spec, schema["properties"][field], new, updated.get(field)),
        "update_partial",
        f"the sent `{field}` must change",
        patched,
    )
    for name, value in first.items():
        if name not in body and name != "updated_at":
            probe.expect(
                updated.get(name) == value,
                "update_partial",
                f"`{name}` was not sent and must not change",
                patched,
            )
    probe.expect_timestamps(updated, patched)
    if "updated_at" in first:
        old, moved = (
            parse_timestamp(first["updated_at"]),
            parse_timestamp(updated.get("updated_at")),
        )
        probe.expect(
            old is not None and moved is not None and moved > old,
            "update_partial",
            "an update must move updated_at forward",
            patched,
        )
    if resource.get is not None:
        again = probe.call("GET", _item_path(resource, first["id"]))
        probe.expect(
            probe.data(again) == updated,
            "read_back",
            "an updated object must read back as the update answered",
            again,
        )
    return dict(updated)


def _judge_isolation(
    probe: Probe,
    objects: Objects,
    resource: Resource,
    mine: dict[str, Any],
    sent: dict[str, Any],
) -> None:
    path = _item_path(resource, mine["id"])
    attempts: list[tuple[str, object]] = []
    if resource.get is not None:
        attempts.append(("GET", None))
    if resource.update is not None:
        schema = body_schema(objects.story.spec, resource.update)
        attempts.append(("PATCH", {n: mine[n] for n in schema.get("properties", {}) if n in mine}))
    if resource.delete is not None:
        attempts.append(("DELETE", None))
    for method, body in attempts:
        response = probe.call(method, path, as_key="API_KEY_2", body=body)
        probe.expect_status(response, 404, "space_isolation", f"{method} of another space's object")
    if resource.list is not None:
        response, items = _listed(probe, objects.story.spec, resource, as_key="API_KEY_2")
        probe.expect(
            mine["id"] not in probe.ids(items),
            "space_isolation",
            "a list must not show another space's objects",
            response,
        )
    if resource.get is not None:
        intact = probe.call("GET", path)
        probe.expect(
            probe.data(intact) == mine,
            "space_isolation",
            "another space's requests must not change the owner's object",
            intact,
        )
    spec = objects.story.spec
    declared = "400" in resource.create.raw.get("responses", {})
    for field in sent:
        target = referenced_collection(spec, field)
        if target is None:
            continue
        foreign = objects.reference(target, "API_KEY_2")
        refused = probe.call(
            "POST", resource.collection, body={**objects.body(resource, "API_KEY"), field: foreign}
        )
        probe.expect(
            refused.status_code == 400 if declared else 400 <= refused.status_code < 500,
            "space_isolation",
            f"`{field}` naming another space's object must be refused"
            + (" with 400" if declared else " with a 4xx"),
            refused,
            documented=declared,
        )


def _judge_delete(
    probe: Probe, objects: Objects, resource: Resource, current: dict[str, Any]
) -> None:
    path = _item_path(resource, current["id"])
    deleted = probe.call("DELETE", path)
    probe.expect(
        deleted.status_code in (200, 204),
        "delete_removes",
        "deleting an object: expected 200",
        deleted,
    )
    if deleted.status_code == 200:
        probe.expect(
            probe.data(deleted) is None, "delete_removes", "a delete answers data: null", deleted
        )
    gone: list[tuple[str, object]] = [("DELETE", None)]
    if resource.get is not None:
        gone.append(("GET", None))
    if resource.update is not None:
        schema = body_schema(objects.story.spec, resource.update)
        gone.append(
            ("PATCH", {n: current[n] for n in schema.get("properties", {}) if n in current})
        )
    for method, body in gone:
        response = probe.call(method, path, body=body)
        probe.expect_status(response, 404, "delete_removes", f"{method} of a deleted object")
        probe.expect_error_body(response, "delete_removes")
    if resource.list is not None:
        response, items = _listed(probe, objects.story.spec, resource)
        probe.expect(
            current["id"] not in probe.ids(items),
            "delete_removes",
            "a deleted object must be gone from its list",
            response,
        )


# The sandbox avatar the docs name ("Developing in Sandbox Mode": Wayne).
SANDBOX_AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"
SESSIONS = "/v1/sessions"
CREDITS = "/v1/users/credits"


def _credits(probe: Probe) -> str | None:
    try:
        response = probe.call("GET", CREDITS)
    except OutOfScope:
        return None
    probe.expect_status(response, 200, "sandbox_free", "reading the credit balance")
    data = probe.data(response)
    return str(data.get("credits_left")) if isinstance(data, dict) else None


def _optional(probe: Probe, method: str, path: str, **kwargs: Any) -> Any:
    """A call the story can do without when its operation was not chosen."""
    try:
        return probe.call(method, path, **kwargs)
    except OutOfScope:
        return None


def _session_list(spec: dict[str, Any]) -> str:
    """The sessions list with every filter the spec requires (the first enum member: `active`)."""
    listing = next(
        (op for op in operations(spec) if (op.method, op.path) == ("GET", SESSIONS)), None
    )
    return SESSIONS + ("" if listing is None else required_query(spec, listing, page_size="100"))


def session_lifecycle(probe: Probe, story: Story) -> None:
    """Token -> start (bearer) -> keep-alive -> stop, as a state machine, in sandbox mode."""
    before = _credits(probe)
    token_body = {"mode": "LITE", "avatar_id": SANDBOX_AVATAR, "is_sandbox": True}
    minted = probe.call("POST", f"{SESSIONS}/token", body=token_body)
    probe.expect_status(minted, 200, "session_token", "creating a sandbox session token")
    token = probe.data(minted)
    session_id, bearer = token["session_id"], token["session_token"]
    start = f"{SESSIONS}/start"
    for label, credential in (("no", None), ("a wrong", f"la-wrong-{secrets.token_hex(12)}")):
        refused = probe.call("POST", start, as_key=None, bearer=credential)
        probe.expect_status(refused, 401, "session_auth", f"starting with {label} bearer token")
        probe.expect_error_body(refused, "session_auth")
    started = probe.call("POST", start, as_key=None, bearer=bearer)
    probe.expect_status(started, 201, "session_start", "starting with the session token")
    probe.expect(
        probe.data(started).get("session_id") == session_id,
        "session_start",
        "start answers the session the token was minted for",
        started,
        documented=False,
    )
    again = probe.call("POST", start, as_key=None, bearer=bearer)
    probe.expect(
        400 <= again.status_code < 500,
        "session_start_once",
        "a token starts one session once: a second start must be refused",
        again,
        documented=False,
    )
    alive = f"{SESSIONS}/keep-alive"
    kept = probe.call("POST", alive, as_key=None, bearer=bearer, body={})
    probe.expect_status(kept, 200, "session_keep_alive", "keep-alive with the session token")
    kept = probe.call("POST", alive, body={"session_id": session_id})
    probe.expect_status(kept, 200, "session_keep_alive", "keep-alive with the API key")
    item = f"{SESSIONS}/{session_id}"
    if probe.has_key("API_KEY_2"):
        foreign = _optional(probe, "GET", item, as_key="API_KEY_2")
        if foreign is not None:
            probe.expect_status(foreign, 404, "space_isolation", "another space's session")
        listed = _optional(probe, "GET", _session_list(story.spec), as_key="API_KEY_2")
        if listed is not None:
            page = probe.data(listed)
            probe.expect(
                session_id not in probe.ids(page.get("results", [])),
                "space_isolation",
                "a list must not show another space's sessions",
                listed,
            )
        stolen = probe.call("POST", alive, as_key="API_KEY_2", body={"session_id": session_id})
        probe.expect(
            stolen.status_code >= 400,
            "space_isolation",
            "another space may not keep the session alive",
            stolen,
        )
    stopped = probe.call(
        "POST", f"{SESSIONS}/stop", body={"session_id": session_id, "reason": "USER_CLOSED"}
    )
    probe.expect_status(stopped, 200, "session_stop", "stopping the session with the API key")
    late = probe.call("POST", alive, as_key=None, bearer=bearer, body={})
    probe.expect(
        400 <= late.status_code < 500,
        "session_after_stop",
        "keep-alive of a stopped session must be refused",
        late,
        documented=False,
    )
    restart = probe.call("POST", start, as_key=None, bearer=bearer)
    probe.expect(
        400 <= restart.status_code < 500,
        "session_after_stop",
        "a stopped session cannot start again",
        restart,
        documented=False,
    )
    read = _optional(probe, "GET", item)
    if read is not None:
        probe.expect_status(read, 200, "session_after_stop", "reading a stopped session")
        entry = probe.data(read)
        probe.expect(
            bool(entry.get("end_at")) or bool(entry.get("end_reason")),
            "session_after_stop",
            "a stopped session reads as ended (end_at or end_reason set)",
            read,
            documented=False,
        )
        probe.expect(
            not entry.get("credits_consumed"),
            "sandbox_free",
            "a sandbox session consumes no credits",
            read,
        )
    after = _credits(probe)
    if before is not None and after is not None:
        probe.expect(
            after == before,
            "sandbox_free",
            f"a sandbox session consumes no credits (balance {before} -> {after})",
            probe.last_response or read,
        )


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
