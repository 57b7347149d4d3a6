"""`spec_walk`: the one `$ref` resolver and operation walk, and its copy shipped in the models."""

from __future__ import annotations

from typing import Any

import liveavatar_models.spec_walk as shipped
import pytest
import spec_walk
from spec_walk import RefCycleError, RefError, operations, pointer, resolve, resolve_nullable

from tests.conftest import ROOT

SPEC: dict[str, Any] = {
    "paths": {
        "/a/{id}": {
            "parameters": [{"name": "id", "in": "path"}],
            "get": {"operationId": "get_a"},
            "delete": {"operationId": "delete_a"},
        },
        "/b": {"post": {"operationId": "post_b"}, "summary": "not an operation"},
    },
    "components": {
        "schemas": {
            "Thing": {"type": "object", "properties": {"n": {"type": "integer"}}},
            "Alias": {"$ref": "#/components/schemas/Thing"},
            "Maybe": {"anyOf": [{"$ref": "#/components/schemas/Alias"}, {"type": "null"}]},
            "Loop": {"$ref": "#/components/schemas/Pool"},
            "Pool": {"$ref": "#/components/schemas/Loop"},
            "Self": {"$ref": "#/components/schemas/Self"},
            "a/b~c": {"type": "string"},
        }
    },
}
THING = SPEC["components"]["schemas"]["Thing"]


def test_a_chain_of_refs_resolves_to_the_schema() -> None:
    assert resolve(SPEC, {"$ref": "#/components/schemas/Alias"}) is THING
    assert resolve(SPEC, THING) is THING
    assert resolve(SPEC, "not a schema") == "not a schema"


@pytest.mark.parametrize("name", ["Loop", "Self"])
def test_a_cycle_raises(name: str) -> None:
    with pytest.raises(RefCycleError, match="cycle"):
        resolve(SPEC, {"$ref": f"#/components/schemas/{name}"})


def test_a_ref_naming_nothing_raises_and_a_foreign_one_is_left_alone() -> None:
    with pytest.raises(RefError, match="names nothing"):
        resolve(SPEC, {"$ref": "#/components/schemas/Missing"})
    foreign = {"$ref": "other.json#/X"}
    assert resolve(SPEC, foreign) is foreign


def test_pointer_unescapes_and_indexes() -> None:
    assert pointer(SPEC, "#/components/schemas/a~1b~0c") == {"type": "string"}
    assert pointer(SPEC, "#/paths/~1a~1{id}/parameters/0/name") == "id"


def test_nullable_unwraps_an_optional_only_when_asked() -> None:
    maybe = {"$ref": "#/components/schemas/Maybe"}
    assert resolve_nullable(SPEC, maybe) is THING
    assert "anyOf" in resolve(SPEC, maybe)


def test_operations_walks_every_method_in_document_order() -> None:
    assert [(m, p, o["operationId"]) for m, p, o in operations(SPEC)] == [
        ("get", "/a/{id}", "get_a"),
        ("delete", "/a/{id}", "delete_a"),
        ("post", "/b", "post_b"),
    ]


def test_the_models_ship_this_very_file() -> None:
    source = (ROOT / "tools" / "spec_walk.py").read_text(encoding="utf-8")
    copy = (ROOT / "generated" / "liveavatar_models" / "spec_walk.py").read_text(encoding="utf-8")
    assert copy.endswith(source)
    assert shipped.__all__ == spec_walk.__all__
