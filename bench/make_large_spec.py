"""Write bench/openapi.large.json: openapi.json plus renamed copies of every path and schema (10x).

Deterministic: the same openapi.json always gives the same bytes, and
tests/bench/test_large_spec.py holds the committed file to that.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
from pathlib import Path
from typing import Any

__all__ = ["COPIES", "large_spec", "main", "render"]

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "openapi.json"
TARGET = ROOT / "bench" / "openapi.large.json"
# The original plus 9 copies: 10x the operations and schemas of the published spec.
COPIES = 9
_VERSION_PREFIX = re.compile(r"^/(v\d+)/")
# Envelopes of no particular resource and FastAPI's validation error stay shared.
SHARED_SCHEMAS = frozenset(
    {"Response", "Response_NoneType_", "HTTPValidationError", "ValidationError"}
)


def _renamer(names: list[str], suffix: str) -> re.Pattern[str]:
    # Longest first, and never inside a longer identifier (`_` and `[` are fine neighbours).
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(rf"(?<![A-Za-z0-9])({alternatives})(?![A-Za-z0-9])")


def _copy(spec: dict[str, Any], index: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """(paths, schemas) of copy ``index``: new prefix, tags, operation ids and schema names."""
    suffix = f"Copy{index:02d}"
    schemas = spec["components"]["schemas"]
    # Envelope names are built from the others (`Response_X_`), so renaming X renames them too.
    own = [
        name for name in schemas if name not in SHARED_SCHEMAS and not name.startswith("Response_")
    ]
    pattern = _renamer(own, suffix)
    mine = {name: body for name, body in schemas.items() if name not in SHARED_SCHEMAS}
    text = json.dumps({"paths": spec["paths"], "schemas": mine})
    text = pattern.sub(lambda m: m.group(1) + suffix, text)
    part = json.loads(text)
    paths: dict[str, Any] = {}
    for path, item in part["paths"].items():
        new_item = copy.deepcopy(item)
        for operation in new_item.values():
            if isinstance(operation, dict) and "operationId" in operation:
                operation["operationId"] += f"_copy{index:02d}"
                operation["tags"] = [f"{tag} {suffix}" for tag in operation.get("tags", [])]
        paths[_VERSION_PREFIX.sub(rf"/\1/copy{index:02d}/", path, count=1)] = new_item
    _repair_mappings(part["schemas"])
    for schema in part["schemas"].values():
        # openapi-python-client names classes by title: a title like `Full Mode` needs its own.
        if isinstance(schema.get("title"), str) and suffix not in schema["title"]:
            schema["title"] += f" {suffix}"
    return paths, part["schemas"]


def _repair_mappings(node: Any) -> None:
    """The published defect, repaired in the copies the overlay does not reach: a discriminator
    mapping holds `$ref` objects where OpenAPI wants plain reference strings."""
    if isinstance(node, dict):
        mapping = node.get("discriminator", {}).get("mapping")
        if isinstance(mapping, dict):
            for key, value in mapping.items():
                if isinstance(value, dict) and "$ref" in value:
                    mapping[key] = value["$ref"]
        for value in node.values():
            _repair_mappings(value)
    elif isinstance(node, list):
        for value in node:
            _repair_mappings(value)


def large_spec(spec: dict[str, Any], copies: int = COPIES) -> dict[str, Any]:
    """The published spec followed by ``copies`` renamed copies of every path and schema."""
    large = copy.deepcopy(spec)
    large["info"]["title"] += f" (benchmark: original + {copies} copies)"
    for index in range(1, copies + 1):
        paths, schemas = _copy(spec, index)
        large["paths"].update(paths)
        large["components"]["schemas"].update(schemas)
    return large


def render(source: Path = SOURCE) -> str:
    return json.dumps(large_spec(json.loads(source.read_text("utf-8"))), indent=2) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=TARGET)
    args = parser.parse_args(argv)
    args.out.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
