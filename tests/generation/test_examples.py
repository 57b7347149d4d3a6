"""tests/_support's examples: valid for every operation of the effective spec, minimal and full."""

from __future__ import annotations

from typing import Any

import jsonschema_rs
import pytest

from tests._support.examples import (
    effective_spec,
    example_body,
    example_parameters,
    example_value,
    spec_operations,
)


def _operations() -> list[tuple[str, dict[str, Any]]]:
    return [(f"{method.upper()} {path}", op) for method, path, op in spec_operations()]


def _validator(schema: Any) -> jsonschema_rs.Draft202012Validator:
    return jsonschema_rs.Draft202012Validator(
        {**schema, "components": effective_spec()["components"]}, validate_formats=True
    )


@pytest.mark.parametrize(("label", "op"), _operations(), ids=[label for label, _ in _operations()])
@pytest.mark.parametrize("all_fields", [False, True], ids=["required", "all"])
def test_example_bodies_and_parameters_are_valid(
    label: str, op: dict[str, Any], all_fields: bool
) -> None:
    spec = effective_spec()
    body = example_body(spec, op, all_fields=all_fields)
    if body is not None:
        schema = op["requestBody"]["content"]["application/json"]["schema"]
        errors = [e.message for e in _validator(schema).iter_errors(body)]
        assert not errors, (label, errors[:3])
    for values in example_parameters(spec, op).values():
        for name, value in values.items():
            schema = next(p["schema"] for p in op["parameters"] if p["name"] == name)
            assert not list(_validator(schema).iter_errors(value)), (label, name, value)


def test_enums_take_a_value_other_than_the_default() -> None:
    schema = {"type": "string", "enum": ["a", "b", "c"], "default": "c"}
    assert example_value({}, schema) != "c"
    assert example_value({}, {"type": "boolean", "default": True}) is False
