"""The version rule: the distribution's version from the spec's `info.version` and the toolkit's revision.

    version = <info.version>.post<toolkit revision>       e.g. spec 0.2.0, revision 3 -> 0.2.0.post3

The spec's version leads, so a new spec always sorts above every build of the previous one and a
dependent's `liveavatar>=0.2,<0.3` pins an API version; the `.postN` says "the same API, N-th
build of the toolkit around it" (the way a distribution's package revision follows upstream's
version). `toolkit_revision` in `overrides/release.toml` is the one number a maintainer raises, for
a release that changes the toolkit and not the spec; it never goes down. `make generate` computes
the version into `generated/PROVENANCE.json`, where the build backend reads it
(`tools/hatch_release.py`); nobody types the version itself.

A change that breaks callers or implementations needs a major step of the spec's version (semver:
the first number, or the second while the first is 0): `breaking_step` says whether two versions
make one. Stdlib only (and `packaging`, which the build backend ships): the build backend loads it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from packaging.version import InvalidVersion, Version

__all__ = [
    "SETTINGS",
    "Acknowledgement",
    "ReleaseError",
    "ReleaseSettings",
    "breaking_step",
    "compat_key",
    "dist_version",
    "load_settings",
    "release_facts",
    "spec_version",
]

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "overrides" / "release.toml"


class ReleaseError(Exception):
    """The spec's version or the release settings cannot make a distribution version."""


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """A breaking change the maintainer accepts, and the release that ships it."""

    change: str  # the change's id in generated/CHANGES.json ("operation-removed GET /v1/x")
    version: str  # the distribution version that ships it (the rule's, for the new spec)
    reason: str


@dataclass(frozen=True, slots=True)
class ReleaseSettings:
    toolkit_revision: int
    acknowledged: tuple[Acknowledgement, ...] = field(default=())


def spec_version(spec: dict[str, Any]) -> Version:
    """The spec's `info.version` as a release version (semver `1.2.0-rc.1` reads as `1.2.0rc1`)."""
    text = str((spec.get("info") or {}).get("version", ""))
    try:
        version = Version(text)
    except InvalidVersion:
        raise ReleaseError(
            f"info.version {text!r} is not a version (expected semver such as 0.2.0)"
        ) from None
    if version.epoch or version.post is not None or version.dev is not None or version.local:
        raise ReleaseError(
            f"info.version {text!r}: only a release number and a pre-release can carry the "
            "toolkit revision (no epoch, .post, .dev or +local)"
        )
    return version


def dist_version(spec: Version, toolkit_revision: int) -> str:
    """The rule: `<spec version>.post<toolkit revision>`."""
    if toolkit_revision < 0:
        raise ReleaseError(f"toolkit_revision must be 0 or more, not {toolkit_revision}")
    return str(Version(f"{spec}.post{toolkit_revision}"))


def compat_key(version: Version) -> tuple[int, ...]:
    """What must grow for a breaking change: the major, or `0.minor` while the major is 0."""
    major, minor = (*version.release, 0)[:2]
    return (major,) if major else (0, minor)


def breaking_step(old: Version, new: Version) -> bool:
    """Whether going from spec `old` to spec `new` is a major step (semver), which a break needs."""
    return compat_key(new) > compat_key(old)


def load_settings(path: Path = SETTINGS) -> ReleaseSettings:
    """`overrides/release.toml`: the toolkit revision and the acknowledged breaking changes."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ReleaseError(f"{path.name}: {exc}") from exc
    revision = data.get("toolkit_revision")
    if not isinstance(revision, int) or isinstance(revision, bool):
        raise ReleaseError(f"{path.name}: toolkit_revision must be an integer")
    acknowledged = []
    for number, entry in enumerate(data.get("acknowledged", []), 1):
        missing = [key for key in ("change", "version", "reason") if not entry.get(key)]
        if missing:
            raise ReleaseError(
                f"{path.name}: acknowledged entry {number} lacks {', '.join(missing)}"
            )
        acknowledged.append(
            Acknowledgement(str(entry["change"]), str(entry["version"]), str(entry["reason"]))
        )
    return ReleaseSettings(revision, tuple(acknowledged))


def release_facts(spec: dict[str, Any], settings: ReleaseSettings) -> dict[str, Any]:
    """What PROVENANCE.json records as `release` (and the generated `release` modules carry)."""
    version = spec_version(spec)
    return {
        "spec_version": str(spec["info"]["version"]),
        "toolkit_revision": settings.toolkit_revision,
        "version": dist_version(version, settings.toolkit_revision),
    }
