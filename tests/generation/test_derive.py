"""Derivation on a spec of its own: responses and links come from paths and schemas, not names."""

from __future__ import annotations

from typing import Any

import pytest
from derive import DeriveError, client_class_overrides, derive

ENVELOPE = {"$ref": "#/components/schemas/ErrorEnvelope"}


def _envelope(title: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "title": title,
        "type": "object",
        "properties": {"code": {"type": "integer"}, "data": data, "message": {"type": "string"}},
    }


def _op(op_id: str, status: str = "200", schema: str = "Plain", **extra: Any) -> dict[str, Any]:
    content = {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}
    return {
        "operationId": op_id,
        "description": extra.pop("description", ""),
        "security": extra.pop("security", [{"Key": []}]),
        "responses": {status: {"description": "ok", "content": content}},
        **extra,
    }


def _body(*fields: str) -> dict[str, Any]:
    properties = {name: {"type": "string"} for name in fields}
    return {
        "content": {"application/json": {"schema": {"type": "object", "properties": properties}}}
    }


def _param(name: str) -> list[dict[str, Any]]:
    return [{"name": name, "in": "path", "required": True, "schema": {"type": "string"}}]


def _spec() -> dict[str, Any]:
    """A widget collection and a ticket flow (token -> start -> ping/stop), nothing like ours."""
    item = _param("widget_id")
    return {
        "openapi": "3.1.0",
        "components": {
            "securitySchemes": {
                "Key": {"type": "apiKey", "in": "header", "name": "X-KEY"},
                "Bearer": {"type": "http", "scheme": "bearer"},
            },
            "schemas": {
                "ErrorEnvelope": {"type": "object"},
                "Plain": _envelope("Response", {}),
                "Widget": _envelope("Response[Widget]", {"$ref": "#/components/schemas/W"}),
                "W": {"type": "object", "properties": {"id": {"type": "string"}}},
                "Widgets": _envelope("Response[list[W]]", {"type": "array"}),
                "Ticket": _envelope(
                    "Response[Ticket]",
                    {
                        "anyOf": [
                            {
                                "type": "object",
                                "properties": {
                                    "ticket_id": {"type": "string"},
                                    "ticket_token": {"type": "string"},
                                },
                            },
                            {"type": "null"},
                        ]
                    },
                ),
            },
        },
        "paths": {
            "/v1/widgets": {
                "get": _op("list_widgets", schema="Widgets"),
                "post": _op("create_widget", schema="Widget", requestBody=_body("name")),
            },
            "/v1/widgets/{widget_id}": {
                "get": _op("get_widget", parameters=item, description="Raises 404"),
                "patch": _op("update_widget", parameters=item, requestBody=_body("name")),
                "delete": _op("delete_widget", status="204", parameters=item),
            },
            "/v1/tickets/token": {"post": _op("create_ticket_token", schema="Ticket")},
            "/v1/tickets/start": {
                "post": _op("start_ticket", status="201", security=[{"Bearer": []}])
            },
            "/v1/tickets/ping": {"post": _op("ping_ticket", requestBody=_body("ticket_id"))},
            "/v1/tickets/stop": {"post": _op("stop_ticket", requestBody=_body("ticket_id"))},
            "/v1/open": {"get": _op("get_open", security=[])},
        },
    }


def _links(spec: dict[str, Any], path: str, status: str = "200") -> dict[str, Any]:
    links: dict[str, Any] = spec["paths"][path]["post"]["responses"][status].get("links", {})
    return links


def test_a_create_links_to_its_item_operations() -> None:
    links = _links(derive(_spec()), "/v1/widgets")
    assert sorted(links) == ["widgets.delete", "widgets.get", "widgets.update"]
    assert {link["parameters"]["widget_id"] for link in links.values()} == {
        "$response.body#/data/id"
    }


def test_a_token_flow_links_token_start_and_the_calls_taking_its_id() -> None:
    spec = derive(_spec())
    token = _links(spec, "/v1/tickets/token")
    assert token["tickets.start"]["parameters"] == {
        "header.Authorization": "Bearer {$response.body#/data/ticket_token}"
    }
    assert token["tickets.ping"]["requestBody"] == {"ticket_id": "$response.body#/data/ticket_id"}
    # ping -> stop carries the id it was sent on to the other operations of its resource.
    assert _links(spec, "/v1/tickets/ping")["tickets.stop"]["requestBody"] == {
        "ticket_id": "$request.body#/ticket_id"
    }


def test_errors_follow_security_descriptions_and_path_parameters() -> None:
    spec = derive(_spec())
    paths = spec["paths"]
    assert set(paths["/v1/widgets"]["get"]["responses"]) == {"200", "401"}
    assert set(paths["/v1/widgets/{widget_id}"]["delete"]["responses"]) == {"204", "401", "404"}
    assert set(paths["/v1/tickets/start"]["post"]["responses"]) == {"201", "401"}
    assert set(paths["/v1/open"]["get"]["responses"]) == {"200"}
    assert paths["/v1/widgets"]["get"]["responses"]["401"]["content"]["application/json"] == {
        "schema": ENVELOPE
    }


def test_a_documented_status_is_kept_as_published() -> None:
    spec = _spec()
    mine = {"description": "upstream's own 404"}
    spec["paths"]["/v1/widgets/{widget_id}"]["get"]["responses"]["404"] = mine
    assert derive(spec)["paths"]["/v1/widgets/{widget_id}"]["get"]["responses"]["404"] == mine


def test_derivation_needs_the_error_envelope() -> None:
    spec = _spec()
    del spec["components"]["schemas"]["ErrorEnvelope"]
    with pytest.raises(DeriveError, match="ErrorEnvelope"):
        derive(spec)


def test_envelope_titles_get_readable_class_names() -> None:
    assert client_class_overrides(_spec()) == {
        # the generator's own `types.Response` would be shadowed by a model named Response
        "Response": {"class_name": "ResponseSchema", "module_name": "response_schema"},
        "ResponselistW": {"class_name": "ResponseListW", "module_name": "response_list_w"},
    }


def test_a_body_naming_another_object_may_be_refused_with_400() -> None:
    paths = derive(_spec())["paths"]
    assert "400" in paths["/v1/tickets/ping"]["post"]["responses"]  # ticket_id in its body
    assert "400" not in paths["/v1/widgets"]["post"]["responses"]  # a name only
    nested = _spec()
    nested["paths"]["/v1/widgets"]["post"]["requestBody"] = {
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        {"type": "object", "properties": {"name": {"type": "string"}}},
                        {
                            "type": "object",
                            "properties": {
                                "parts": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "properties": {"gear_id": {"type": "string"}},
                                    },
                                }
                            },
                        },
                    ]
                }
            }
        }
    }
    assert "400" in derive(nested)["paths"]["/v1/widgets"]["post"]["responses"]


def _entry(*required: str, extra: tuple[str, ...] = ()) -> dict[str, Any]:
    names = ("id", *required, *extra)
    return {
        "type": "object",
        "properties": {name: {"type": "string"} for name in names},
        "required": ["id", *required],
    }


def test_a_union_tries_the_narrowest_object_schema_first() -> None:
    spec = _spec()
    schemas = spec["components"]["schemas"]
    schemas["Open"] = _entry(extra=("closed_at",))
    schemas["Closed"] = _entry("closed_at")
    schemas["Other"] = _entry("colour")
    refs = [{"$ref": f"#/components/schemas/{name}"} for name in ("Open", "Other", "Closed")]
    schemas["Entry"] = {"anyOf": [*refs, {"type": "null"}]}
    ordered = derive(spec)["components"]["schemas"]["Entry"]["anyOf"]
    # Closed requires all Open does and more: it moves before Open; Other is no kin of either.
    assert ordered == [refs[2], refs[0], refs[1], {"type": "null"}]


@pytest.mark.parametrize("spec_file", ["openapi.json", "bench/openapi.large.json"])
def test_indexed_links_are_those_of_weighing_every_pair(spec_file: str) -> None:
    # `links` weighs each POST only against the operations its indexes name; weighing every
    # pair must find nothing more (on the published spec and on the 10x one).
    from derive import _facts, _link_to, links
    from generate import OVERLAY, ROOT, effective
    from operations import operations

    spec = effective((ROOT / spec_file).read_bytes(), OVERLAY.read_bytes())
    facts = [_facts(spec, op) for op in operations(spec)]
    every_pair: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}
    for source in facts:
        if source.operation.method != "post":
            continue
        for target in facts:
            link = None if target is source else _link_to(source, target)
            if link is not None:
                key = (source.operation.path, source.operation.method)
                name = f"{target.operation.resource}.{target.operation.name}"
                every_pair.setdefault(key, {})[name] = link
    found = links(spec)
    assert found == every_pair
    assert [list(links_) for links_ in found.values()] == [list(v) for v in every_pair.values()]
    assert sum(map(len, found.values())) > 0
