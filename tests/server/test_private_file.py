"""`read_or_create_private`: the one way the server writes its own secrets (key file, LiveKit secret)."""

from __future__ import annotations

import stat
from pathlib import Path

from liveavatar_server._private_file import read_or_create_private


def test_created_once_with_mode_0600(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "key"
    first = read_or_create_private(path, lambda: "first")
    assert first == "first\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_or_create_private(path, lambda: "second") == first
    assert [p.name for p in path.parent.iterdir()] == ["key"]  # no draft left behind


def test_an_existing_file_wins(tmp_path: Path) -> None:
    path = tmp_path / "key"
    path.write_text("theirs\n")
    assert read_or_create_private(path, lambda: "ours") == "theirs\n"
