"""The generated tree: one operation per (method, path), honest provenance, a valid effective spec."""

from __future__ import annotations

import json
import re
from importlib.metadata import version
from pathlib import Path

import pytest
from derive import error_responses
from generate import TOOLS, operations, sha256
from openapi_spec_validator import validate
from openapi_spec_validator.validation.exceptions import OpenAPIValidationError
from spec_walk import HTTP_METHODS

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
    assert spec_ops
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
    assert provenance["operation_count"] == len(operations(_spec()))
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
    first_path = next(iter(effective["paths"].values()))
    first_op = next(op for method, op in first_path.items() if method in HTTP_METHODS)
    del next(iter(first_op["responses"].values()))["description"]
    with pytest.raises(OpenAPIValidationError):
        validate(effective)


def test_effective_spec_documents_what_derivation_promises() -> None:
    """Every derived error is there with the envelope; the published statuses all stay."""
    published = _spec()
    effective = json.loads((GENERATED / "openapi.effective.json").read_text(encoding="utf-8"))
    for path, item in effective["paths"].items():
        for method, op in item.items():
            responses = op["responses"]
            upstream = published["paths"][path][method]  # type: ignore[index]
            assert set(upstream["responses"]) <= set(responses), (method, path)
            assert [s for s in responses if s.startswith("2")] == [
                s for s in upstream["responses"] if s.startswith("2")
            ], (method, path)
            for status, _ in error_responses(effective, upstream):
                schema = responses[status]["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/ErrorEnvelope"}, (status, path)


def test_every_link_reaches_a_real_operation_and_parameter() -> None:
    effective = json.loads((GENERATED / "openapi.effective.json").read_text(encoding="utf-8"))
    by_id = {
        op["operationId"]: op
        for item in effective["paths"].values()
        for method, op in item.items()
        if method in HTTP_METHODS
    }
    count = 0
    for item in effective["paths"].values():
        for op in item.values():
            for response in op["responses"].values():
                for link in response.get("links", {}).values():
                    target = by_id[link["operationId"]]
                    names = {p["name"] for p in target.get("parameters", ())}
                    for name in link.get("parameters", {}):
                        assert name.startswith("header.") or name in names, link
                    count += 1
    assert count, "no links: the stateful phase would not run"


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


def test_idempotent_marks_sit_on_operations_the_client_can_read() -> None:
    """`x-idempotent: true` (from the overlay) is an operation-level boolean in the effective spec."""
    effective = json.loads((GENERATED / "openapi.effective.json").read_text(encoding="utf-8"))
    marked = [
        (method, path)
        for path, item in effective["paths"].items()
        for method, op in item.items()
        if method in HTTP_METHODS and "x-idempotent" in op
    ]
    assert marked
    for method, path in marked:
        assert effective["paths"][path][method]["x-idempotent"] is True


def test_a_spec_the_client_generator_refuses_fails_with_its_words(tmp_path: Path) -> None:
    # The templates are rendered while the generators run; when both fail on the same defect,
    # the generator's message is the one reported, and the target tree is left untouched.
    from generate import SPEC, main

    spec = json.loads(SPEC.read_text(encoding="utf-8"))
    path, item = next((p, i) for p, i in spec["paths"].items() if "{" in p)
    for op in item.values():
        for parameter in op.get("parameters", []):
            if parameter["in"] == "path":
                parameter["name"] += "_untemplated"
    broken = tmp_path / "openapi.json"
    broken.write_text(json.dumps(spec), encoding="utf-8")
    target = tmp_path / "generated"
    target.mkdir()
    (target / "kept.txt").write_text("before", encoding="utf-8")
    with pytest.raises(SystemExit) as failed:
        main(["--spec", str(broken), "--out", str(target)])
    message = str(failed.value)
    assert "openapi-python-client" in message
    assert f"Incorrect path templating for {path}" in message
    assert [p.name for p in target.iterdir()] == ["kept.txt"]
