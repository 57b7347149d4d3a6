"""Build backend hook (hatchling): the distribution's version and summary from generated/PROVENANCE.json.

`make generate` computes the version by the rule in `tools/release.py` and records it with the
spec's version; the build only reads it, so an sdist (which ships `generated/`) builds the same
wheel. Hatchling calls `get_metadata_hook()` and uses the class it returns; nothing here imports
hatchling, which lives only in the build's own environment.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["ReleaseMetadataHook", "get_metadata_hook"]

PROVENANCE = Path("generated") / "PROVENANCE.json"
SUMMARY = (
    "Spec-first Python toolkit for the LiveAvatar API (spec {spec_version}): client, reference "
    "server and contract suite."
)


class ReleaseMetadataHook:
    """Sets `version` and `description` (the summary, which names the spec's version)."""

    PLUGIN_NAME = "custom"

    def __init__(self, root: str, config: dict[str, Any]) -> None:
        self.root = root
        self.config = config

    def update(self, metadata: dict[str, Any]) -> None:
        provenance = json.loads((Path(self.root) / PROVENANCE).read_text(encoding="utf-8"))
        release = provenance.get("release")
        if not release:
            raise RuntimeError(f"{PROVENANCE} has no release: run `make generate`")
        metadata["version"] = release["version"]
        metadata["description"] = SUMMARY.format(spec_version=release["spec_version"])

    def get_known_classifiers(self) -> list[str]:
        return []


def get_metadata_hook() -> type[ReleaseMetadataHook]:
    return ReleaseMetadataHook
