"""The next version of the spec regenerates into a temporary tree, type-checks strictly and imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from derive import links
from operations import operations

from tests._support.examples import example_body
from tests._support.live import LiveServer, Storage
from tests.conftest import ROOT
from tests.generation.next_version import (
    NEW_ENUM_VALUE,
    NEW_FIELD,
    RESOURCE,
    catalog_resource,
    field_resource,
    next_version,
)

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


# Runs a program of client calls against a server: each step is [key index, resource, method,
# kwargs]; a kwarg "$N.field" is that field of step N's answer. Prints each step's outcome.
_PROBE = """
import json, sys
sys.path.insert(0, sys.argv[1])
import liveavatar_api
assert liveavatar_api.__file__.startswith(sys.path[0]), liveavatar_api.__file__
from liveavatar import LiveAvatar, APIStatusError
url, keys, steps = sys.argv[2], json.loads(sys.argv[3]), json.loads(sys.argv[4])

def plain(value):
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if value is None or isinstance(value, (str, int, float, bool, dict)):
        return value
    return [plain(v) for v in value]

clients = [LiveAvatar(key, base_url=url, max_retries=0) for key in keys]
done = []
for who, resource, method, kwargs in steps:
    kwargs = {
        k: done[int(v[1:].split(".")[0])]["ok"][v.split(".", 1)[1]]
        if isinstance(v, str) and v.startswith("$") else v
        for k, v in kwargs.items()
    }
    try:
        answer = getattr(getattr(clients[who], resource), method)(**kwargs)
        done.append({"ok": plain(answer)})
    except APIStatusError as exc:
        done.append({"status": exc.status_code})
print(json.dumps(done))
"""


def _run(tree: Path, url: str, keys: list[str], steps: list[Any]) -> list[dict[str, Any]]:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tree), url, json.dumps(keys), json.dumps(steps)],
        cwd=tree.parent, capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-4000:]
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def _methods(spec: dict[str, Any], resource: dict[str, Any]) -> dict[str, str]:
    """role -> the client method name of the resource's operation in that role."""
    by_id = {op.operation_id: op.name for op in operations(spec)}
    return {role: by_id[op_id] for role, op_id in resource["operations"].items()}


def test_the_next_version_is_served_end_to_end_through_the_client(
    tree: Path, tmp_path: Path
) -> None:
    """The new resource: create, list, get, partial update, references, isolation, delete; the
    new field of an existing resource: read back on create, get, list and update."""
    spec = json.loads((tree / "openapi.effective.json").read_text(encoding="utf-8"))
    model = spec["x-liveavatar-model"]["resources"]
    new = model[RESOURCE]
    assert set(new["operations"]) == {"create", "list", "get", "update", "delete"}
    assert new["fields"]["secret_id"]["reference"] == "secrets"
    m = _methods(spec, new)
    ident = new["id_parameter"]
    published = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    old = model[field_resource(published)["name"]]
    assert NEW_FIELD in old["fields"]
    o = _methods(spec, old)
    by_id = {op.operation_id: op for op in operations(spec)}
    create_body = {**example_body(spec, by_id[old["operations"]["create"]].spec), NEW_FIELD: "kept"}
    update_body = {
        **example_body(spec, by_id[old["operations"]["update"]].spec),
        NEW_FIELD: "changed",
    }
    r, oid = RESOURCE, old["id_parameter"]
    steps: list[Any] = [
        [0, r, m["create"], {"name": "first", "size": 1}],  # 0
        [0, r, m["create"], {"name": "second"}],  # 1
        [0, r, m["list"], {}],  # 2
        [0, r, m["get"], {ident: "$0.id"}],  # 3
        [0, r, m["update"], {ident: "$0.id", "size": 5}],  # 4: name unsent, kept
        [0, r, m["create"], {"name": "bad", "secret_id": "00000000-0000-4000-8000-000000000000"}],
        [1, r, m["get"], {ident: "$0.id"}],  # 6: another space's id
        [1, r, m["list"], {}],  # 7
        [0, r, m["delete"], {ident: "$1.id"}],  # 8
        [0, r, m["get"], {ident: "$1.id"}],  # 9
        [0, old["name"], o["create"], create_body],  # 10
        [0, old["name"], o["get"], {oid: "$10.id"}],  # 11
        [0, old["name"], o["list"], {}],  # 12
        [0, old["name"], o["update"], {oid: "$10.id", **update_body}],  # 13
    ]
    storage = Storage(tmp_path / "data", settings={"PYTHONPATH": str(tree)})
    space = storage.cli("create-space", "next-version")
    keys = [storage.cli("create-api-key", "--space", space), storage.provision("another-space")]
    # An object the API cannot create (the catalog's): made by the CLI, the field set by update.
    made_elsewhere = model[catalog_resource(published)["name"]]
    c, cid = _methods(spec, made_elsewhere), made_elsewhere["id_parameter"]
    avatar = storage.cli("create-avatar", "--space", space, "--name", "kept")
    steps += [
        [0, made_elsewhere["name"], c["update"], {cid: avatar, NEW_FIELD: "on the catalog"}],
        [0, made_elsewhere["name"], c["get"], {cid: avatar}],  # 15
    ]
    with LiveServer(storage) as server:
        done = _run(tree, server.base_url, keys, steps)

    first, second = done[0]["ok"], done[1]["ok"]
    assert (first["name"], first["size"]) == ("first", 1)
    assert [g["id"] for g in done[2]["ok"]] == [second["id"], first["id"]]  # newest first
    assert done[3]["ok"] == first
    assert (done[4]["ok"]["name"], done[4]["ok"]["size"]) == ("first", 5)
    assert done[5] == {"status": 400}  # the secret it names is not the space's
    assert done[6] == {"status": 404}
    assert done[7]["ok"] == []
    assert "ok" in done[8]
    assert done[9] == {"status": 404}

    made = done[10]["ok"]
    assert made[NEW_FIELD] == "kept"
    assert done[11]["ok"][NEW_FIELD] == "kept"
    listed = done[12]["ok"]
    items = listed if isinstance(listed, list) else listed.get(old["list"].get("items") or "")
    assert [i[NEW_FIELD] for i in items or [] if i["id"] == made["id"]] == ["kept"]
    assert done[13]["ok"][NEW_FIELD] == "changed"
    assert done[14]["ok"][NEW_FIELD] == "on the catalog"
    assert (done[15]["ok"][NEW_FIELD], done[15]["ok"]["name"]) == ("on the catalog", "kept")
