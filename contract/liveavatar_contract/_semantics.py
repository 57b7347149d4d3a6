"""The generic semantic engine: every resource of the model judged the same way.

For each resource of `x-liveavatar-model` (nothing here names one): objects are created with a
non-default value in every field and with references that exist (made first, through their
create operations or, for a resource without one, through the maker a story module registers);
they read back in get and list (newest first when promised); each writable field is updated alone
and read back while every other field stays as it was; an empty update and a create with only
the required fields are answered (and defaults applied); a value the schema forbids is refused
in a body whose every other value is valid; a reference naming nothing is refused; another
space sees nothing; a restricted delete is
refused while referenced; a delete removes. Resources without a create are judged on an object
their list already holds, and left as found.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import Any

from liveavatar_contract._model import Resource, body_schema, property_schema, resources
from liveavatar_contract._probe import OutOfScope, Probe, ScenarioStop, parse_timestamp
from liveavatar_contract._resources import (
    REFERENCE,
    reads_back,
    required_query,
    rich_body,
    rich_value,
)
from liveavatar_contract._spec import resolve

# Makes an object of a resource the spec gives no create for; returns its id.
Maker = Callable[[Probe, "Objects", str], str]
# Checks of the engine, by class, as the verdict reports them.
CLASSES = (
    "read_back",
    "lists_newest_first",
    "update_each_field",
    "update_partial",
    "edge_bodies",
    "invalid_value_refused",
    "reference_validated",
    "space_isolation",
    "delete_restricted",
    "delete_removes",
    "unknown_id_404",
)
NOT_A_MEMBER = "contract-not-a-member"
MAKERS: dict[str, Maker] = {}


def maker(resource: str) -> Callable[[Maker], Maker]:
    """Register how objects of `resource` are made when the spec has no create for it."""

    def register(function: Maker) -> Maker:
        MAKERS[resource] = function
        return function

    return register


class Objects:
    """Creates objects of any resource, each field set to a non-default value, references real."""

    def __init__(self, probe: Probe, spec: dict[str, Any], names: Callable[[str], str]) -> None:
        self.probe, self.spec, self.name = probe, spec, names
        self.by_name = {resource.name: resource for resource in resources(spec)}
        self.created: list[tuple[str, str]] = []  # (key name, item path), deleted at the end
        self._references: dict[tuple[str, str], str] = {}

    def body(self, resource: Resource, as_key: str, *, minimal: bool = False) -> dict[str, Any]:
        schema = body_schema(self.spec, resource.create)
        body = rich_body(self.spec, schema, self.name("rich"))
        if minimal:
            body = {k: v for k, v in body.items() if k in resource.required("create")}
        for field in list(body):
            target = resource.fields.get(field)
            if target is not None and target.reference is not None:
                body[field] = self.reference(target.reference, as_key)
            hidden = resolve(self.spec, schema["properties"][field]).get("writeOnly") or (
                target is not None and target.sealed
            )
            if hidden and isinstance(body[field], str):
                self.probe.secret_values.add(body[field])
        return body

    def reference(self, resource: str, as_key: str, *, fresh: bool = False) -> str:
        """An object of `resource` in the space of `as_key` (one made for the run unless `fresh`)."""
        key = (as_key, resource)
        if fresh or key not in self._references:
            target = self.by_name.get(resource)
            if target is not None and target.create is not None:
                _, data = self.create(target, as_key)
                made = str(data["id"])
            elif resource in MAKERS:
                made = MAKERS[resource](self.probe, self, as_key)
            else:
                raise OutOfScope(f"no operation makes {resource}")
            if fresh:
                return made
            self._references[key] = made
        return self._references[key]

    def create(
        self, resource: Resource, as_key: str = "API_KEY", body: dict[str, Any] | None = None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        assert resource.create is not None
        probe = self.probe
        sent = body if body is not None else self.body(resource, as_key)
        response = probe.call("POST", resource.collection, as_key=as_key, body=sent)
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
            self.created.append((as_key, resource.item_path(data["id"])))
        schema = body_schema(self.spec, resource.create)
        for field, value in sent.items():
            if field in data and not self._sealed(resource, field):
                probe.expect(
                    reads_back(self.spec, schema["properties"].get(field, {}), value, data[field]),
                    "read_back",
                    f"`{field}` must read back as sent ({value!r})",
                    response,
                )
        probe.expect_timestamps(data, response)
        return sent, dict(data)

    def _sealed(self, resource: Resource, field: str) -> bool:
        entry = resource.fields.get(field)
        return entry is not None and entry.sealed

    def cleanup(self) -> None:
        for as_key, path in reversed(self.created):
            try:
                self.probe.call("DELETE", path, as_key=as_key)
            except ScenarioStop:
                continue


def engine_judges(resource: Resource) -> bool:
    """Whether the engine has an object to judge: one it creates, or one it can change (made by
    a registered maker or found in the list). A read-only resource is schemathesis' alone."""
    return resource.create is not None or (
        resource.update is not None and (resource.list is not None or resource.name in MAKERS)
    )


def applies(resource: Resource) -> dict[str, bool]:
    """Which classes of `CLASSES` the model says apply to `resource`."""
    made = resource.create is not None or resource.name in MAKERS
    engine = engine_judges(resource)
    changes = resource.update is not None and bool(resource.writable("update"))
    return {
        "read_back": engine,
        "lists_newest_first": resource.newest_first and resource.create is not None,
        "update_each_field": engine and changes,
        "update_partial": engine and changes,
        "edge_bodies": engine,
        "invalid_value_refused": engine,
        "reference_validated": engine
        and any(f.reference for f in resource.fields.values() if f.writable),
        "space_isolation": engine,
        "delete_restricted": resource.restrict_delete and resource.create is not None,
        "delete_removes": resource.delete is not None and made,
        "unknown_id_404": engine and (resource.get or resource.delete) is not None,
    }


def coverage(
    spec: dict[str, Any], reached: dict[str, set[str]], chosen: set[str]
) -> dict[str, dict[str, str]]:
    """resource -> {class: "reached" | "not reached" | "n/a"} for the classes of `CLASSES`,
    for each resource with an operation in `chosen` (operationIds)."""
    table = {}
    for resource in resources(spec):
        ids = {
            op.operation_id
            for op in (
                resource.create,
                resource.list,
                resource.get,
                resource.update,
                resource.delete,
            )
            if op is not None
        }
        if not ids & chosen:
            continue
        table[resource.name] = {
            name: ("reached" if reached.get(name, set()) & ids else "not reached")
            if applicable
            else "n/a"
            for name, applicable in applies(resource).items()
        }
    return table


def judge_resources(probe: Probe, objects: Objects) -> None:
    """Judge every resource of the model whose operations were chosen."""
    for resource in objects.by_name.values():
        chosen = [
            op
            for op in (resource.create, resource.list, resource.get, resource.update)
            if op is not None and op.operation_id in probe.scope
        ]
        if not chosen:
            continue
        if not engine_judges(resource):
            continue
        try:
            Judgement(probe, objects, resource).run()
        except ScenarioStop:
            continue
        except (KeyError, TypeError, AttributeError, ValueError) as error:
            probe.record_unexpected(f"resource_semantics {resource.collection}", error)


class Judgement:
    """One resource judged: each step a method, each a class of `CLASSES`."""

    def __init__(self, probe: Probe, objects: Objects, resource: Resource) -> None:
        self.probe, self.objects, self.resource = probe, objects, resource
        self.spec = objects.spec
        # Query filters under which the list holds the suite's objects (`voice_type=private`).
        self.filters: dict[str, str] = {}

    def run(self) -> None:
        resource, probe = self.resource, self.probe
        owned = resource.create is not None or resource.name in MAKERS
        if resource.create is not None:
            sent, current = self.objects.create(resource)
        elif resource.name in MAKERS:
            sent, current = {}, self._made()
        else:
            sent, current = {}, self._existing()
        original = dict(current)
        self.read_back(current)
        if resource.list is not None:
            self.listed(current)
        if resource.update is not None:
            current = self.update_each_field(current)
            current = self.empty_update(current)
        if resource.create is not None:
            self.minimal_create()
            self.invalid_create()
        if resource.update is not None:
            self.invalid_update(current)
        self.references_validated(current, owned=owned)
        if probe.has_key("API_KEY_2"):
            self.isolation(current, sent, owned=owned)
        if not owned:
            self.restore(original)
        elif resource.restrict_delete and not self.restricted_delete(current):
            owned = False  # the server deleted it while referenced (warned): nothing to delete
        if owned and resource.delete is not None:
            self.delete(current)
        for method, operation in (("GET", resource.get), ("DELETE", resource.delete)):
            if operation is not None:
                missing = probe.call(method, resource.item_path(str(uuid.uuid4())))
                probe.expect_status(missing, 404, "unknown_id_404", "an id that never existed")
                probe.expect_error_body(missing, "unknown_id_404")

    # --- reading ------------------------------------------------------------------------------

    def _made(self) -> dict[str, Any]:
        """An object made by the maker a story registered (no create in the spec)."""
        made = self.objects.reference(self.resource.name, "API_KEY", fresh=True)
        if self.resource.delete is not None:
            self.objects.created.append(("API_KEY", self.resource.item_path(made)))
        if self.resource.get is None:
            return {"id": made}
        fetched = self.probe.call("GET", self.resource.item_path(made))
        self.probe.expect_status(fetched, 200, "read_back", "getting an object just made")
        return dict(self.probe.data(fetched))

    def _existing(self) -> dict[str, Any]:
        """An object the list already holds (a resource without a create)."""
        _, items = self._list()
        if not items:
            self.probe.not_judged[self.resource.collection] = (
                "its list is empty and no create makes one"
            )
            raise OutOfScope(self.resource.collection)
        first = items[0]
        if self.resource.get is None:
            return dict(first)
        fetched = self.probe.call("GET", self.resource.item_path(first["id"]))
        self.probe.expect_status(fetched, 200, "read_back", "getting a listed object")
        return dict(self.probe.data(fetched))

    def read_back(self, current: dict[str, Any]) -> None:
        if self.resource.get is None:
            return
        fetched = self.probe.call("GET", self.resource.item_path(current["id"]))
        self.probe.expect_status(fetched, 200, "read_back", "getting an object just created")
        data = self.probe.data(fetched)
        for field, value in current.items():
            self.probe.expect(
                data.get(field) == value,
                "read_back",
                f"`{field}` must read back as created",
                fetched,
            )

    def _list(self, as_key: str = "API_KEY") -> tuple[Any, list[Any]]:
        resource, probe = self.resource, self.probe
        assert resource.list is not None
        paged = (
            {str(resource.list_shape.get("page_size", "page_size")): "100"}
            if resource.paginated
            else {}
        )
        query = required_query(self.spec, resource.list, **paged, **self.filters)
        response = probe.call("GET", resource.collection + query, as_key=as_key)
        probe.expect_status(response, 200, "list_available", f"listing {resource.collection}")
        data = probe.data(response)
        items = data.get(resource.items_key or "results") if isinstance(data, dict) else data
        probe.expect(isinstance(items, list), "envelope", "a list must hold an array", response)
        assert isinstance(items, list)
        for item in items:
            probe.expect_timestamps(item, response)
        return response, items

    def _filters(self) -> list[dict[str, str]]:
        """Each other member of each optional enum filter of the list (its default aside)."""
        assert self.resource.list is not None
        found = []
        for parameter in self.resource.list.raw.get("parameters", []):
            schema = resolve(self.spec, parameter.get("schema", {}))
            if parameter.get("in") != "query" or not isinstance(schema, dict):
                continue
            for member in schema.get("enum", ()):
                if member != schema.get("default"):
                    found.append({str(parameter["name"]): str(member)})
        return found

    def listed(self, first: dict[str, Any]) -> None:
        probe = self.probe
        response, items = self._list()
        ids = probe.ids(items)
        for filters in self._filters() if first["id"] not in ids else []:
            # The default listing may filter it out (public voices); another filter holds it.
            self.filters = filters
            response, items = self._list()
            ids = probe.ids(items)
            if first["id"] in ids:
                break
        else:
            self.filters = {} if first["id"] not in ids else self.filters
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
        if self.resource.newest_first and self.resource.create is not None:
            time.sleep(0.01)
            _, second = self.objects.create(self.resource)
            response, items = self._list()
            ids = probe.ids(items)
            probe.expect(
                second["id"] in ids and ids.index(second["id"]) < ids.index(first["id"]),
                "lists_newest_first",
                "the list promises newest first: the object created last must come first",
                response,
            )

    # --- updating -----------------------------------------------------------------------------

    def _other_value(self, field: str, current: Any) -> Any:
        """A valid value of `field` that differs from `current` (a fresh object for a reference)."""
        entry = self.resource.fields[field]
        if entry.reference is not None:
            return self.objects.reference(entry.reference, "API_KEY", fresh=True)
        schema = property_schema(self.spec, body_schema(self.spec, self.resource.update), field)
        if schema.get("enum"):
            others = [member for member in schema["enum"] if member != current]
            return others[-1] if others else current
        if schema.get("type") == "boolean":
            return not current
        if schema.get("type") in {"integer", "number"}:
            low, high = schema.get("minimum", 0), schema.get("maximum", 10**6)
            return low if current != low else min(high, low + 1)
        return rich_value(self.spec, schema, field, self.objects.name("updated"))

    def _patch(self, current: dict[str, Any], changes: dict[str, Any]) -> Any:
        resource = self.resource
        body = {name: current[name] for name in resource.required("update") if name in current}
        body.update(changes)
        return self.probe.call("PATCH", resource.item_path(current["id"]), body=body), body

    def update_each_field(self, first: dict[str, Any]) -> dict[str, Any]:
        """Each writable field of the update alone; every other field must stay as it was."""
        probe, resource = self.probe, self.resource
        owned = resource.create is not None or resource.name in MAKERS
        schema = body_schema(self.spec, resource.update)
        current = first
        moved = updated_once = False
        for field in resource.writable("update"):
            entry = resource.fields[field]
            if entry.sealed:
                continue
            if entry.reference is None and REFERENCE.match(field):
                # It names an object, but of no resource the model knows: no valid other value.
                probe.not_judged[f"{resource.collection} `{field}`"] = (
                    "names an object of no resource of the model; not updated alone"
                )
                continue
            new = self._other_value(field, current.get(field))
            if not moved and "updated_at" in current:
                # Wait so a moved updated_at is observable at the resolution the server reports.
                time.sleep(1.05 if "." not in str(current["updated_at"]) else 0.01)
            patched, body = self._patch(current, {field: new})
            if not owned and patched.status_code == 404 and not updated_once:
                # A listed object the caller may read but not change (a public catalog entry).
                probe.not_judged[resource.collection] = (
                    "its list holds no object of the caller's to change, and no create makes one"
                )
                raise OutOfScope(resource.collection)
            updated_once = True
            probe.expect_status(patched, 200, "update_each_field", f"updating `{field}` alone")
            updated = probe.data(patched)
            if field in updated or field in current:
                probe.expect(
                    reads_back(self.spec, schema["properties"][field], new, updated.get(field)),
                    "update_each_field",
                    f"the sent `{field}` must change to {new!r}",
                    patched,
                )
            for name, value in current.items():
                if name not in body and name != "updated_at" and name in updated:
                    probe.expect(
                        updated.get(name) == value,
                        "update_partial",
                        f"`{name}` was not sent (only `{field}`) and must not change",
                        patched,
                    )
            probe.expect_timestamps(updated, patched)
            if not moved and "updated_at" in current:
                old = parse_timestamp(current["updated_at"])
                later = parse_timestamp(updated.get("updated_at"))
                probe.expect(
                    old is not None and later is not None and later > old,
                    "update_partial",
                    "an update must move updated_at forward",
                    patched,
                )
                moved = True
            if resource.get is not None:
                again = probe.call("GET", resource.item_path(current["id"]))
                probe.expect(
                    probe.data(again) == updated,
                    "update_each_field",
                    f"after updating `{field}` the object must read back as the update answered",
                    again,
                )
            current = dict(updated)
        return current

    def empty_update(self, current: dict[str, Any]) -> dict[str, Any]:
        """`{}` is a valid partial update when nothing is required, and changes nothing."""
        probe, resource = self.probe, self.resource
        response = probe.call("PATCH", resource.item_path(current["id"]), body={})
        if resource.required("update"):
            probe.expect(
                400 <= response.status_code < 500,
                "edge_bodies",
                f"an empty update lacks {resource.required('update')}: expected 422",
                response,
            )
            return current
        probe.expect_status(response, 200, "edge_bodies", "an empty partial update")
        updated = probe.data(response)
        for name, value in current.items():
            if name != "updated_at":
                probe.expect(
                    updated.get(name) == value,
                    "edge_bodies",
                    f"an empty update must leave `{name}` as it was",
                    response,
                )
        return dict(updated)

    def restore(self, original: dict[str, Any]) -> None:
        """Put back an object the suite did not create (a resource without a create)."""
        fields = {n: original[n] for n in self.resource.writable("update") if n in original}
        if fields and self.resource.update is not None:
            self._patch(original, fields)

    # --- edge and refused bodies --------------------------------------------------------------

    def minimal_create(self) -> None:
        """Only the required fields: accepted, and each default the model gives applied."""
        probe, resource = self.probe, self.resource
        body = self.objects.body(resource, "API_KEY", minimal=True)
        response = probe.call("POST", resource.collection, body=body)
        probe.expect(
            response.status_code in (200, 201),
            "edge_bodies",
            "a create with only the required fields: expected 200",
            response,
        )
        data = probe.data(response)
        if resource.delete is not None and isinstance(data, dict) and "id" in data:
            self.objects.created.append(("API_KEY", resource.item_path(data["id"])))
        schema = body_schema(self.spec, resource.create)
        for name in resource.writable("create"):
            if name in body or name not in data:
                continue
            declared = property_schema(self.spec, schema, name).get("default")
            if declared is not None:
                probe.expect(
                    data.get(name) == declared,
                    "edge_bodies",
                    f"`{name}` was not sent and must take its default {declared!r}",
                    response,
                )
            elif resource.fields[name].default is not None:
                # A default only the prose gives (the overlay's `x-default`: "defaults to
                # OpenAI"): some value must be applied; its exact spelling is the server's.
                probe.expect(
                    data.get(name) not in (None, ""),
                    "edge_bodies",
                    f"`{name}` was not sent and must take a default (the docs give one)",
                    response,
                )
        if resource.required("create"):
            empty = probe.call("POST", resource.collection, body={})
            probe.expect(
                400 <= empty.status_code < 500,
                "edge_bodies",
                f"an empty create lacks {resource.required('create')}: expected 422",
                empty,
            )

    def _invalid_values(self, schema: dict[str, Any], field: str) -> list[Any]:
        """Values the schema of `field` forbids: too long, too short, not a member, wrong type."""
        prop = property_schema(self.spec, schema, field)
        kind = prop.get("type")
        found: list[Any] = []
        if "maxLength" in prop:
            found.append("x" * (int(prop["maxLength"]) + 1))
        if int(prop.get("minLength", 0)) > 0:
            found.append("")
        if prop.get("enum"):
            found.append(NOT_A_MEMBER)
        if "maximum" in prop:
            found.append(prop["maximum"] + 1)
        if kind == "string":
            found.append(12345)
        elif kind in {"integer", "number"}:
            found.append("not-a-number")
        elif kind == "boolean":
            found.append("not-a-boolean")
        elif kind == "array":
            found.append("not-an-array")
        return found

    def _refused(self, response: Any, operation_responses: dict[str, Any], why: str) -> None:
        self.probe.expect(
            response.status_code == 422
            if "422" in operation_responses
            else 400 <= response.status_code < 500,
            "invalid_value_refused",
            why + (": expected 422" if "422" in operation_responses else ": expected a 4xx"),
            response,
        )

    def invalid_create(self) -> None:
        """A forbidden value in a create whose every other value (references too) is valid."""
        probe, resource = self.probe, self.resource
        assert resource.create is not None
        schema = body_schema(self.spec, resource.create)
        for field in resource.writable("create"):
            if resource.fields[field].reference is not None:
                continue
            for bad in self._invalid_values(schema, field):
                body = {**self.objects.body(resource, "API_KEY"), field: bad}
                response = probe.call("POST", resource.collection, body=body)
                if response.is_success and resource.delete is not None:
                    data = response.json().get("data") or {}
                    if isinstance(data, dict) and "id" in data:
                        self.objects.created.append(("API_KEY", resource.item_path(data["id"])))
                self._refused(
                    response,
                    resource.create.raw.get("responses", {}),
                    f"`{field}` = {_short(bad)} breaks its schema, every other value is valid",
                )

    def invalid_update(self, current: dict[str, Any]) -> None:
        """A forbidden value in an update is refused and changes nothing."""
        probe, resource = self.probe, self.resource
        assert resource.update is not None
        schema = body_schema(self.spec, resource.update)
        for field in resource.writable("update"):
            if resource.fields[field].reference is not None:
                continue
            for bad in self._invalid_values(schema, field)[:2]:
                response, _ = self._patch(current, {field: bad})
                self._refused(
                    response,
                    resource.update.raw.get("responses", {}),
                    f"updating `{field}` to {_short(bad)} breaks its schema",
                )
        if resource.get is not None:
            after = probe.call("GET", resource.item_path(current["id"]))
            data = probe.data(after)
            for name, value in current.items():
                probe.expect(
                    data.get(name) == value,
                    "invalid_value_refused",
                    f"a refused update must change nothing (`{name}`)",
                    after,
                )

    def _references(self, role: str) -> list[str]:
        return [
            name for name in self.resource.writable(role) if self.resource.fields[name].reference
        ]

    def references_validated(self, current: dict[str, Any], *, owned: bool) -> None:
        """A reference naming nothing (never made, or deleted) is refused; a refused update
        changes nothing."""
        probe, resource = self.probe, self.resource
        if resource.create is not None:
            declared = "400" in resource.create.raw.get("responses", {})
            for field in self._references("create"):
                for label, unknown in self._dangling(field):
                    body = {**self.objects.body(resource, "API_KEY"), field: unknown}
                    refused = probe.call("POST", resource.collection, body=body)
                    self._refused_reference(refused, declared, f"creating with {label} `{field}`")
        if resource.update is None or not owned:
            return
        declared = "400" in resource.update.raw.get("responses", {})
        fields = self._references("update")
        for field in fields:
            refused, _ = self._patch(current, {field: str(uuid.uuid4())})
            self._refused_reference(refused, declared, f"updating to an unknown `{field}`")
        if fields and resource.get is not None:
            after = probe.call("GET", resource.item_path(current["id"]))
            data = probe.data(after)
            probe.expect(
                all(data.get(name) == value for name, value in current.items()),
                "reference_validated",
                "a refused update must change nothing",
                after,
            )

    def _dangling(self, field: str) -> list[tuple[str, str]]:
        """Ids naming nothing: a made-up one, and one of an object made and deleted."""
        found = [("an unknown", str(uuid.uuid4()))]
        target = self.objects.by_name.get(self.resource.fields[field].reference or "")
        if target is not None and target.create is not None and target.delete is not None:
            _, made = self.objects.create(target)
            gone = self.probe.call("DELETE", target.item_path(made["id"]))
            if gone.is_success:
                found.append(("a deleted", str(made["id"])))
        return found

    def _refused_reference(self, response: Any, declared: bool, why: str) -> None:
        self.probe.expect(
            response.status_code == 400 if declared else 400 <= response.status_code < 500,
            "reference_validated",
            f"{why} must be refused" + (" with 400" if declared else " with a 4xx"),
            response,
            documented=declared,
        )

    # --- spaces and deletes -------------------------------------------------------------------

    def isolation(self, mine: dict[str, Any], sent: dict[str, Any], *, owned: bool) -> None:
        probe, resource = self.probe, self.resource
        path = resource.item_path(mine["id"])
        attempts: list[tuple[str, object]] = []
        if resource.get is not None:
            attempts.append(("GET", None))
        if resource.update is not None:
            writable = resource.writable("update")
            attempts.append(("PATCH", {n: mine[n] for n in writable if n in mine}))
        if resource.delete is not None and owned:
            attempts.append(("DELETE", None))
        for method, body in attempts:
            response = probe.call(method, path, as_key="API_KEY_2", body=body)
            probe.expect_status(
                response, 404, "space_isolation", f"{method} of another space's object"
            )
        if resource.list is not None and owned:
            response, items = self._list(as_key="API_KEY_2")
            probe.expect(
                mine["id"] not in probe.ids(items),
                "space_isolation",
                "a list must not show another space's objects",
                response,
            )
        if resource.get is not None:
            intact = probe.call("GET", path)
            data = probe.data(intact)
            probe.expect(
                all(data.get(name) == value for name, value in mine.items()),
                "space_isolation",
                "another space's requests must not change the owner's object",
                intact,
            )
        if resource.create is None:
            return
        declared = "400" in resource.create.raw.get("responses", {})
        for field in sent:
            entry = resource.fields.get(field)
            if entry is None or entry.reference is None:
                continue
            foreign = self.objects.reference(entry.reference, "API_KEY_2")
            refused = probe.call(
                "POST",
                resource.collection,
                body={**self.objects.body(resource, "API_KEY"), field: foreign},
            )
            probe.expect(
                refused.status_code == 400 if declared else 400 <= refused.status_code < 500,
                "space_isolation",
                f"`{field}` naming another space's object must be refused"
                + (" with 400" if declared else " with a 4xx"),
                refused,
                documented=declared,
            )

    def restricted_delete(self, current: dict[str, Any]) -> bool:
        """The delete documents 409: refused while an object of a referrer names this one.
        Whether the object is still there."""
        probe, resource = self.probe, self.resource
        for referrer_name in resource.referenced_by:
            referrer = self.objects.by_name.get(referrer_name)
            if referrer is None or referrer.create is None:
                continue
            fields = [
                name
                for name, entry in referrer.fields.items()
                if entry.reference == resource.name and name in referrer.writable("create")
            ]
            if not fields:
                continue
            body = {**self.objects.body(referrer, "API_KEY"), fields[0]: current["id"]}
            _, made = self.objects.create(referrer, body=body)
            refused = probe.call("DELETE", resource.item_path(current["id"]))
            if refused.is_success:
                # The effective spec's 409 is the reference server's choice (the overlay's); the
                # published docs do not state it, so a server that deletes is warned, not failed.
                probe.warn(
                    "delete_restricted",
                    f"deleting an object a {referrer_name} names succeeded; the effective spec "
                    "documents 409",
                    refused,
                    once_for=resource.name,
                )
                return False
            probe.expect_status(
                refused, 409, "delete_restricted", f"deleting an object a {referrer_name} names"
            )
            if resource.list is not None:
                response, items = self._list()
                probe.expect(
                    current["id"] in probe.ids(items),
                    "delete_restricted",
                    "a refused delete must leave the object",
                    response,
                )
            if referrer.delete is not None:
                gone = probe.call("DELETE", referrer.item_path(made["id"]))
                probe.expect(gone.is_success, "delete_removes", "deleting the referrer", gone)
            return True
        return True

    def delete(self, current: dict[str, Any]) -> None:
        probe, resource = self.probe, self.resource
        path = resource.item_path(current["id"])
        deleted = probe.call("DELETE", path)
        probe.expect(
            deleted.status_code in (200, 204),
            "delete_removes",
            "deleting an object: expected 200",
            deleted,
        )
        if deleted.status_code == 200:
            probe.expect(
                probe.data(deleted) is None,
                "delete_removes",
                "a delete answers data: null",
                deleted,
            )
        gone: list[tuple[str, object]] = [("DELETE", None)]
        if resource.get is not None:
            gone.append(("GET", None))
        if resource.update is not None:
            writable = resource.writable("update")
            gone.append(("PATCH", {n: current[n] for n in writable if n in current}))
        for method, body in gone:
            response = probe.call(method, path, body=body)
            probe.expect_status(response, 404, "delete_removes", f"{method} of a deleted object")
            probe.expect_error_body(response, "delete_removes")
        if resource.list is not None:
            response, items = self._list()
            probe.expect(
                current["id"] not in probe.ids(items),
                "delete_removes",
                "a deleted object must be gone from its list",
                response,
            )


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:20]}... ({len(value)} characters)"
