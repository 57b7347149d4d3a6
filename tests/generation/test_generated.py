"""The generated tree: one operation per (method, path), honest provenance, a valid effective spec."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest
from generate import TOOLS, operations, sha256
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

from tests.conftest import ROOT

GENERATED = ROOT / "generated"
API = GENERATED / "liveavatar_api" / "api"
_METHOD = re.compile(r'"method": "(\w+)"')
_URL = re.compile(r'"url": "([^"]+)"')


def _generated_operations() -> dict[str, list[str]]:
    """(METHOD /path) -> generated modules that send it, read from each module's _get_kwargs."""
    found: dict[str, list[str]] = {}
    for module in sorted(API.rglob("*.py")):
        if module.name == "__init__.py":
            continue
        source = module.read_text(encoding="utf-8")
        method, url = _METHOD.search(source), _URL.search(source)
        assert method, f"{module} has no method in _get_kwargs"
        assert url, f"{module} has no url in _get_kwargs"
        key = f"{method.group(1).upper()} {url.group(1)}"
        found.setdefault(key, []).append(str(module.relative_to(API)))
    return found


def _spec() -> dict[str, object]:
    spec: dict[str, object] = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    return spec


def test_every_operation_maps_to_exactly_one_generated_module() -> None:
    spec_ops = operations(_spec())
    generated = _generated_operations()
    assert len(spec_ops) == 8
    assert sorted(generated) == sorted(spec_ops)
    duplicated = {op: mods for op, mods in generated.items() if len(mods) != 1}
    assert not duplicated


def test_provenance_matches_the_spec_and_the_tools() -> None:
    provenance = json.loads((GENERATED / "PROVENANCE.json").read_text(encoding="utf-8"))
    assert provenance["spec"]["sha256"] == sha256((ROOT / "openapi.json").read_bytes())
    overlay = ROOT / "overrides" / "openapi.overlay.yaml"
    assert provenance["overlay"]["sha256"] == sha256(overlay.read_bytes())
    effective = GENERATED / "openapi.effective.json"
    assert provenance["effective_spec"]["sha256"] == sha256(effective.read_bytes())
    assert provenance["operation_count"] == len(operations(_spec())) == 8
    assert provenance["operations"] == operations(_spec())
    assert provenance["tools"] == {tool: version(tool) for tool in TOOLS}


def test_root_spec_is_the_published_reference_byte_for_byte() -> None:
    published = ROOT.parent / "shared" / "spec" / "openapi.json"
    if not published.exists():
        pytest.skip(f"no published spec beside this checkout ({published})")
    assert (ROOT / "openapi.json").read_bytes() == published.read_bytes()


def test_effective_spec_is_valid_openapi_3_1() -> None:
    effective = json.loads((GENERATED / "openapi.effective.json").read_text(encoding="utf-8"))
    assert effective["openapi"].startswith("3.1")
    validate(effective)  # raises on any schema violation


def test_validator_rejects_a_broken_spec() -> None:
    """The validity check above can fail: a response without a description is invalid."""
    effective = json.loads((GENERATED / "openapi.effective.json").read_text(encoding="utf-8"))
    del effective["paths"]["/v1/secrets"]["get"]["responses"]["200"]["description"]
    with pytest.raises(OpenAPIValidationError):
        validate(effective)


def test_effective_spec_documents_what_the_descriptions_promise() -> None:
    effective = json.loads((GENERATED / "openapi.effective.json").read_text(encoding="utf-8"))
    for path, item in effective["paths"].items():
        for method, op in item.items():
            responses = op["responses"]
            assert "401" in responses, (method, path)
            assert ("400" in responses) == ("400" in op["description"]), (method, path)
            assert ("404" in responses) == ("404" in op["description"]), (method, path)
            for status in ("400", "401", "404"):
                if status in responses:
                    schema = responses[status]["content"]["application/json"]["schema"]
                    assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}
    links = effective["paths"]["/v1/llm-configurations"]["post"]["responses"]["200"]["links"]
    assert {link["operationId"].split("_")[0] for link in links.values()} == {
        "get",
        "update",
        "delete",
    }
    secret_links = effective["paths"]["/v1/secrets"]["post"]["responses"]["200"]["links"]
    assert [link["operationId"] for link in secret_links.values()] == [
        "delete_secret_v1_secrets__secret_id__delete"
    ]


def test_generated_packages_ship_py_typed() -> None:
    for package in ("liveavatar_api", "liveavatar_models"):
        assert (GENERATED / package / "py.typed").exists()


def test_regeneration_is_byte_identical(tmp_path: Path) -> None:
    """What `make check-generated` does: a fresh run equals the committed tree, file by file."""
    from generate import generate

    fresh = tmp_path / "generated"
    generate(fresh)
    committed = {
        p.relative_to(GENERATED): p.read_bytes()
        for p in GENERATED.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    regenerated = {p.relative_to(fresh): p.read_bytes() for p in fresh.rglob("*") if p.is_file()}
    assert sorted(regenerated) == sorted(committed)
    changed = [str(path) for path, data in regenerated.items() if committed[path] != data]
    assert not changed
