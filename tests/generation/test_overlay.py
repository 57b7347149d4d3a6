"""The overlay applier: Overlay 1.0 merge semantics and loud failure on vanished targets."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

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


def test_a_spec_without_the_link_target_fails_naming_the_action() -> None:
    spec = _spec()
    del spec["paths"]["/v1/secrets"]["post"]
    with pytest.raises(
        OverlayError, match=r"action #5 .*stateful phase for secrets.*matches nothing"
    ):
        apply_overlay(spec, _overlay())


def test_a_spec_whose_descriptions_no_longer_name_404_fails() -> None:
    spec = _spec()
    for item in spec["paths"].values():
        for op in item.values():
            op["description"] = op["description"].replace("404", "a missing id")
    with pytest.raises(OverlayError, match=r"action #4 .*404.*matches nothing"):
        apply_overlay(spec, _overlay())


def test_an_empty_spec_fails_on_the_first_action_that_needs_it() -> None:
    with pytest.raises(OverlayError, match=r"action #1 .*envelope"):
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
    spec = _spec()
    del spec["paths"]["/v1/llm-configurations"]["post"]
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
    assert "action #6" in result.stderr
    assert "matches nothing" in result.stderr
    assert (out / "marker").read_text(encoding="utf-8") == "untouched"
