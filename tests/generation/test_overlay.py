"""The overlay applier: Overlay 1.0 merge semantics and loud failure on vanished targets."""

from __future__ import annotations

import copy
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonpath_rfc9535 as jsonpath
import pytest
import yaml
from overlay import OverlayError, apply_overlay

from tests.conftest import ROOT

OVERLAY_PATH = ROOT / "overrides" / "openapi.overlay.yaml"


def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads((ROOT / "openapi.json").read_text(encoding="utf-8"))
    return spec


def _overlay() -> dict[str, Any]:
    overlay: dict[str, Any] = yaml.safe_load(OVERLAY_PATH.read_text(encoding="utf-8"))
    return overlay


def test_every_action_says_why_it_exists() -> None:
    for action in _overlay()["actions"]:
        assert action["description"].strip()
        assert "\n" not in action["description"].strip()


def test_overlay_applies_to_the_published_spec_without_touching_the_input() -> None:
    spec = _spec()
    pristine = copy.deepcopy(spec)
    effective = apply_overlay(copy.deepcopy(spec), _overlay())
    assert spec == pristine
    assert "ErrorEnvelope" in effective["components"]["schemas"]


def _without_target(spec: dict[str, Any], target: str) -> dict[str, Any]:
    """``spec`` with every node ``target`` matches removed (an upstream change that drops it)."""
    for node in jsonpath.find(target, spec):
        parent = node.parent.value if node.parent is not None else None
        if isinstance(parent, dict):
            del parent[node.location[-1]]
    return spec


@pytest.mark.parametrize("index", range(len(_overlay()["actions"])))
def test_an_action_whose_target_vanished_fails_naming_it(index: int) -> None:
    """Whatever the action, removing what it targets fails on it (or on an earlier one it held)."""
    action = _overlay()["actions"][index]
    spec = _without_target(_spec(), action["target"])
    with pytest.raises(OverlayError, match="matches nothing") as failure:
        apply_overlay(spec, _overlay())
    named = re.search(r"action #(\d+)", str(failure.value))
    assert named is not None
    assert int(named.group(1)) <= index + 1


def test_an_empty_spec_fails_on_the_first_action_that_needs_it() -> None:
    with pytest.raises(OverlayError, match=r"action #1 .*matches nothing"):
        apply_overlay({"openapi": "3.1.0", "paths": {}}, _overlay())


def test_merge_semantics_follow_overlay_1_0() -> None:
    spec = {"a": {"keep": 1, "list": [1], "replace": "old"}}
    overlay = {
        "overlay": "1.0.0",
        "actions": [
            {
                "target": "$.a",
                "description": "merge",
                "update": {"list": [2], "replace": "new", "added": {"x": 1}},
            },
            {"target": "$.a.keep", "description": "drop", "remove": True},
        ],
    }
    assert apply_overlay(spec, overlay) == {
        "a": {"list": [1, 2], "replace": "new", "added": {"x": 1}}
    }


@pytest.mark.parametrize(
    ("action", "message"),
    [
        ({"target": "$.a", "update": {}}, "must say why"),
        ({"target": "$.a", "description": "d"}, "exactly one of"),
        ({"description": "d", "update": {}}, "needs a 'target'"),
        ({"target": "$[", "description": "d", "update": {}}, "invalid target"),
    ],
)
def test_malformed_actions_are_refused(action: dict[str, Any], message: str) -> None:
    with pytest.raises(OverlayError, match=message):
        apply_overlay({"a": {}}, {"overlay": "1.0.0", "actions": [action]})


def test_generate_fails_and_names_the_action_leaving_the_tree_alone(tmp_path: Path) -> None:
    """End to end: a spec whose targets are gone makes tools/generate.py exit non-zero."""
    actions = _overlay()["actions"]
    spec = _without_target(_spec(), actions[-1]["target"])
    repo = tmp_path / "repo"
    (repo / "overrides").mkdir(parents=True)
    (repo / "tools").mkdir()
    (repo / "openapi.json").write_text(json.dumps(spec), encoding="utf-8")
    for name in ("openapi.overlay.yaml", "openapi-python-client.yaml"):
        (repo / "overrides" / name).write_bytes((ROOT / "overrides" / name).read_bytes())
    for source in (ROOT / "tools").glob("*.py"):  # generate.py and the modules it imports
        (repo / "tools" / source.name).write_bytes(source.read_bytes())
    out = repo / "generated"
    out.mkdir()
    (out / "marker").write_text("untouched", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(repo / "tools" / "generate.py")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert f"action #{len(actions)}" in result.stderr
    assert "matches nothing" in result.stderr
    assert (out / "marker").read_text(encoding="utf-8") == "untouched"
