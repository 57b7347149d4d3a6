"""The next version of the spec regenerates into a temporary tree, type-checks strictly and imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from derive import links
from operations import operations

from tests._support.bodies import example_body, example_parameters
from tests._support.live import LiveServer, Storage
from tests.conftest import ROOT
from tests.generation.next_version import NEW_ENUM_VALUE, NEW_FIELD, RESOURCE, next_version

pytestmark = pytest.mark.slow

GENERATED_PACKAGES = ("liveavatar_api", "liveavatar_models")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tools/generate.py --spec <next version> --out <tmp>: the generated tree of the next spec."""
    tmp = tmp_path_factory.mktemp("next-version")
    spec = tmp / "openapi.json"
    published = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    spec.write_text(json.dumps(next_version(published), indent=2), encoding="utf-8")
    out = tmp / "generated"
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate.py"), "--spec", str(spec), "--out", str(out)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_the_new_resource_gets_its_responses_and_links(tree: Path) -> None:
    effective = json.loads((tree / "openapi.effective.json").read_text(encoding="utf-8"))
    mine = [op for op in operations(effective) if op.resource == RESOURCE]
    assert {op.method for op in mine} == {"get", "post", "patch", "delete"}
    for op in mine:
        assert "401" in op.spec["responses"], op.operation_id
        assert ("404" in op.spec["responses"]) == ("{" in op.path), op.operation_id
    create = next(op for op in mine if op.method == "post")
    linked = links(effective)[create.path, create.method]
    items = {f"{op.resource}.{op.name}" for op in mine if "{" in op.path}
    assert items <= set(linked)
    provenance = json.loads((tree / "PROVENANCE.json").read_text(encoding="utf-8"))
    assert provenance["operation_count"] == len(operations(effective))


def test_the_next_tree_type_checks_strictly(tree: Path, tmp_path: Path) -> None:
    config = tmp_path / "mypy.ini"
    config.write_text("[mypy]\n", encoding="utf-8")  # none of the repository's paths
    done = subprocess.run(
        [
            sys.executable, "-m", "mypy", "--strict", "--config-file", str(config),
            "--cache-dir", str(tmp_path / "mypy-cache"),
            *(arg for package in GENERATED_PACKAGES for arg in ("-p", package)),
        ],
        cwd=tree, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:]


def test_every_module_of_the_next_tree_imports(tree: Path) -> None:
    """Every generated module (templates' output included) imports from the temporary tree."""
    modules = sorted(
        ".".join(path.relative_to(tree).with_suffix("").parts).removesuffix(".__init__")
        for package in GENERATED_PACKAGES
        for path in (tree / package).rglob("*.py")
    )
    probe = (
        "import importlib, sys, enum\n"
        f"sys.path.insert(0, {str(tree)!r})\n"
        "for name in sys.argv[1:]:\n"
        "    module = importlib.import_module(name)\n"
        "    assert module.__file__.startswith(sys.path[0]), module.__file__\n"
        "import liveavatar_models as m\n"
        "values = {v.value for c in vars(m).values()\n"
        "          if isinstance(c, type) and issubclass(c, enum.Enum) for v in c}\n"
        f"assert {NEW_ENUM_VALUE!r} in values\n"
        "fields = {f for c in vars(m).values() if hasattr(c, 'model_fields') for f in c.model_fields}\n"
        f"assert {NEW_FIELD!r} in fields\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *modules],
        cwd=tree.parent, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    assert any(f".api.{RESOURCE}." in name for name in modules)


def test_the_server_routes_the_new_resource_and_answers_501(tree: Path, tmp_path: Path) -> None:
    """The server, on the next tree's models (and the spec they ship), routes what it lacks to 501."""
    spec = json.loads((tree / "openapi.effective.json").read_text(encoding="utf-8"))
    storage = Storage(tmp_path / "data", settings={"PYTHONPATH": str(tree)})
    key = storage.provision("next-version")
    mine = [op for op in operations(spec) if op.resource == RESOURCE]
    with LiveServer(storage) as server:
        served = httpx.get(f"{server.base_url}/openapi.json", timeout=30).json()
        assert {op.path for op in mine} <= set(served["paths"])
        for op in mine:
            values = example_parameters(spec, op.spec)
            answer = httpx.request(
                op.method.upper(),
                server.base_url + op.path.format(**values.get("path", {})),
                json=example_body(spec, op.spec),
                headers={"X-API-KEY": key},
                timeout=30,
            )
            assert answer.status_code == 501, (op.operation_id, answer.text[:300])


def test_the_client_reaches_the_new_resource_by_name(tree: Path, tmp_path: Path) -> None:
    """`client.<resource>.<method>` exists for every new operation and reaches the server (501)."""
    spec = json.loads((tree / "openapi.effective.json").read_text(encoding="utf-8"))
    storage = Storage(tmp_path / "data", settings={"PYTHONPATH": str(tree)})
    key = storage.provision("next-version-client")
    mine = [op for op in operations(spec) if op.resource == RESOURCE]
    calls = []
    for op in mine:
        path = example_parameters(spec, op.spec).get("path", {})
        body = example_body(spec, op.spec) or {}
        calls.append((op.name, {**path, **body}))
    probe = (
        "import json, sys\n"
        f"sys.path.insert(0, {str(tree)!r})\n"
        "import liveavatar_api\n"
        "assert liveavatar_api.__file__.startswith(sys.path[0]), liveavatar_api.__file__\n"
        "from liveavatar import LiveAvatar, APIStatusError\n"
        "url, key, resource, calls = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])\n"
        "with LiveAvatar(key, base_url=url, max_retries=0) as client:\n"
        "    for method, kwargs in calls:\n"
        "        try:\n"
        "            getattr(getattr(client, resource), method)(**kwargs)\n"
        "        except APIStatusError as exc:\n"
        "            assert exc.status_code == 501, (method, exc.status_code)\n"
        "        else:\n"
        "            raise AssertionError(method + ' did not answer 501')\n"
        "print(len(calls))\n"
    )
    with LiveServer(storage) as server:
        done = subprocess.run(
            [sys.executable, "-c", probe, server.base_url, key, RESOURCE, json.dumps(calls)],
            cwd=tree.parent, capture_output=True, text=True, timeout=300, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    assert done.stdout.split() == [str(len(mine))]
