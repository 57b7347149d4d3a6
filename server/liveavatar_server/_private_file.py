"""A file written once with mode 0600 and published atomically: the data directory's own secrets."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

__all__ = ["read_or_create_private"]


def read_or_create_private(path: Path, make: Callable[[], str]) -> str:
    """The text of ``path``; created first from ``make()`` with mode 0600 when missing.

    The draft is linked into place (`os.link` fails on an existing name), so two processes
    starting at once agree on one complete file: the loser drops its draft and reads the winner's.
    """
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f".{path.name}.{os.getpid()}")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(make() + "\n")
            os.link(draft, path)
        except FileExistsError:
            pass  # another process published its file first: use that one
        finally:
            draft.unlink(missing_ok=True)
    return path.read_text()
