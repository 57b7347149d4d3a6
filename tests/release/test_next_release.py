"""A packager's round on a clean copy of the checkout: new spec, `make generate`, `make check-compat`, `make dist`, `pip install -U`.

The make targets run as the Makefile has them, on this checkout's .venv (`-o install` skips the
sync a fresh copy would do: the dependencies are the same lock's).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tests.generation.next_version import NEW_ENUM_VALUE, NEW_FIELD, RESOURCE, next_version

pytestmark = pytest.mark.slow


def clean_clone(where: Path) -> Path:
    """What a clone of this checkout holds (tracked and new files, not what git ignores)."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")  # fmt: skip
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file():
            (where / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, where / name)
    return where


def make(tree: Path, *targets: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    uv = shutil.which("uv")
    assert uv
    done = subprocess.run(
        ["make", "-o", "install", *targets, f"VENV={ROOT / '.venv'}", f"UV={uv}"],
        cwd=tree, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    if check:
        assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-4000:]
    return done


def write_spec(tree: Path, spec: dict[str, Any]) -> None:
    (tree / "openapi.json").write_text(json.dumps(spec, indent=2) + "\n", encoding="utf-8")


def metadata(wheel: Path) -> dict[str, str]:
    with zipfile.ZipFile(wheel) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        text = archive.read(name).decode()
    head = text.split("\n\n", 1)[0]
    return dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)


def test_the_next_spec_is_additive_gets_a_new_version_and_upgrades_the_old_wheel(
    wheel: Path, tmp_path: Path
) -> None:
    tree = clean_clone(tmp_path / "clone")
    published = json.loads((tree / "openapi.json").read_text(encoding="utf-8"))
    new_spec = next_version(published)
    write_spec(tree, new_spec)

    generated = make(tree, "generate").stdout
    additive = [line for line in generated.splitlines() if line.startswith("  additive: ")]
    assert any(f"resource-added {RESOURCE}" in line for line in additive), generated
    assert any("request-field-added" in line and NEW_FIELD in line for line in additive)
    assert any("enum-value-added" in line and NEW_ENUM_VALUE in line for line in additive)
    assert "BREAKING" not in generated
    assert ", 0 breaking" in generated
    changes = json.loads((tree / "generated" / "CHANGES.json").read_text(encoding="utf-8"))
    assert changes["to"]["spec_version"] == new_spec["info"]["version"]
    assert changes["from"]["version"] == metadata(wheel)["Version"]
    make(tree, "check-compat", "check-generated")

    make(tree, "dist")
    (new_wheel,) = (tree / "dist").glob("*.whl")
    old, new = metadata(wheel), metadata(new_wheel)
    assert new["Version"] != old["Version"]
    assert new["Version"].startswith(new_spec["info"]["version"] + ".")
    assert f"spec {new_spec['info']['version']}" in new["Summary"]

    subprocess.run([sys.executable, "-m", "venv", str(tmp_path / "venv")], check=True)
    pip = [str(tmp_path / "venv" / "bin" / "python"), "-m", "pip", "--quiet"]
    subprocess.run([*pip, "install", str(wheel)], check=True, timeout=600)
    subprocess.run([*pip, "install", "-U", str(new_wheel)], check=True, timeout=600)
    probe = (
        "import importlib.metadata as m, liveavatar;"
        "print(m.version('liveavatar'), liveavatar.__version__, liveavatar.__spec_version__)"
    )
    done = subprocess.run(
        [str(tmp_path / "venv" / "bin" / "python"), "-c", probe],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert done.stdout.split() == [new["Version"], new["Version"], new_spec["info"]["version"]]


def _breaking(spec: dict[str, Any], overlay: str) -> tuple[dict[str, Any], str, str]:
    """``spec`` at the next minor (a major step at 0.x) without one operation and with one
    optional request field required; the change ids the report must give for them. Both are
    chosen where the overlay does not reach, so the overlay still applies."""
    new = json.loads(json.dumps(spec))
    major, minor, *_ = (int(part) for part in new["info"]["version"].split("."))
    new["info"]["version"] = f"{major + 1}.0.0" if major else f"0.{minor + 1}.0"
    schemas = new["components"]["schemas"]
    candidates = [
        (path, method, op)
        for path, item in new["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and path not in overlay
    ]
    path, method, _ = candidates[-1]
    del new["paths"][path][method]
    removed = f"operation-removed {method.upper()} {path}"
    for body_path, body_method, op in candidates[:-1]:
        ref = (op.get("requestBody") or {}).get("content", {}).get("application/json", {})
        name = ref.get("schema", {}).get("$ref", "").rsplit("/", 1)[-1]
        schema = schemas.get(name, {})
        optional = [
            p
            for p in schema.get("properties", {})
            if p not in schema.get("required", []) and f"{name}.properties.{p}" not in overlay
        ]
        if optional and f"{name}." not in overlay.replace(f"{name}.properties.", ""):
            schema.setdefault("required", []).append(optional[0])
            required = (
                f"request-field-now-required {body_method.upper()} {body_path} body.{optional[0]}"
            )
            return new, removed, required
    raise AssertionError("no operation with an optional body field the overlay leaves alone")


def test_a_removed_operation_and_a_newly_required_field_fail_the_gate_until_acknowledged(
    tmp_path: Path,
) -> None:
    tree = clean_clone(tmp_path / "clone")
    published = json.loads((tree / "openapi.json").read_text(encoding="utf-8"))
    overlay = (tree / "overrides" / "openapi.overlay.yaml").read_text(encoding="utf-8")
    new_spec, removed, required = _breaking(published, overlay)
    write_spec(tree, new_spec)

    generated = make(tree, "generate").stdout
    assert f"  BREAKING: {removed} " in generated, generated
    assert f"  BREAKING: {required} " in generated
    failed = make(tree, "check-compat", check=False)
    assert failed.returncode != 0
    assert f"breaking, not acknowledged: {removed}" in failed.stderr
    assert f"breaking, not acknowledged: {required}" in failed.stderr

    changes = json.loads((tree / "generated" / "CHANGES.json").read_text(encoding="utf-8"))
    version = changes["to"]["version"]
    settings = tree / "overrides" / "release.toml"
    entries = "".join(
        f'\n[[acknowledged]]\nchange = "{c["id"]}"\nversion = "{version}"\nreason = "test"\n'
        for c in changes["changes"]
        if c["breaking"]
    )
    settings.write_text(settings.read_text(encoding="utf-8") + entries, encoding="utf-8")
    passed = make(tree, "check-compat")
    assert f"{version} passes" in passed.stdout
