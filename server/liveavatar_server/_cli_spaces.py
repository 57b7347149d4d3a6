"""`liveavatar-server spaces`: every space and its API keys (ids and dates; keys are stored hashed).

A key is shown once, when it is minted; a lost one is replaced with
`liveavatar-server create-api-key --space dev` (`--space` takes a space's id or its name).
`read_spaces` is the one place this module reads the database.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import datetime

from sqlalchemy import select

from liveavatar_server import _tables as t
from liveavatar_server._store import Store

StoreFactory = Callable[[argparse.Namespace], Store]
LOST_KEY_HINT = (
    "API keys are stored hashed and cannot be shown again; mint another with "
    "`liveavatar-server create-api-key --space ID_OR_NAME` (the first start's space is 'dev')"
)


@dataclass(frozen=True)
class KeyListing:
    """An API key as the database knows it: never the key itself."""

    id: str
    created_at: str
    revoked_at: str | None


@dataclass(frozen=True)
class SpaceListing:
    """A space and its keys; `id` None gathers the keys that have no space."""

    id: str | None
    name: str
    created_at: str | None
    keys: list[KeyListing] = field(default_factory=list)


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def read_spaces(store: Store) -> list[SpaceListing]:
    """Every space (oldest first) with its keys, then the keys with no space."""
    keys: dict[str | None, list[KeyListing]] = {}
    with store.engine.connect() as conn:
        spaces = conn.execute(
            select(t.spaces.c.id, t.spaces.c.name, t.spaces.c.created_at).order_by(
                t.spaces.c.created_at, t.spaces.c.id
            )
        ).all()
        for row in conn.execute(
            select(
                t.api_keys.c.id,
                t.api_keys.c.space_id,
                t.api_keys.c.created_at,
                t.api_keys.c.revoked_at,
            ).order_by(t.api_keys.c.created_at, t.api_keys.c.id)
        ):
            keys.setdefault(row.space_id, []).append(
                KeyListing(row.id, _iso(row.created_at) or "", _iso(row.revoked_at))
            )
    listed = [
        SpaceListing(row.id, row.name, _iso(row.created_at), keys.get(row.id, [])) for row in spaces
    ]
    if None in keys:
        listed.append(SpaceListing(None, "(no space)", None, keys[None]))
    return listed


def space_id_for(store: Store, id_or_name: str) -> str:
    """The id of the space ``id_or_name`` names (its id, or the name of exactly one space)."""
    spaces = [space for space in read_spaces(store) if space.id is not None]
    if any(space.id == id_or_name for space in spaces):
        return id_or_name
    named = [space.id for space in spaces if space.name == id_or_name and space.id]
    if len(named) > 1:
        raise LookupError(
            f"{len(named)} spaces are named {id_or_name!r}: give the id "
            "(`liveavatar-server spaces` lists them)"
        )
    return named[0] if named else id_or_name


def render(spaces: list[SpaceListing]) -> str:
    """The listing for a person: a line per space, an indented line per key."""
    lines = []
    for space in spaces:
        active = sum(key.revoked_at is None for key in space.keys)
        head = f"{space.id}  {space.name}" if space.id else space.name
        when = f"  created {space.created_at}" if space.created_at else ""
        lines.append(f"{head}{when}  ({active} active key{'' if active == 1 else 's'})")
        for key in space.keys:
            state = f"revoked {key.revoked_at}" if key.revoked_at else "active"
            lines.append(f"  key {key.id}  created {key.created_at}  {state}")
    return "\n".join(lines) if lines else "no spaces yet: `liveavatar-server serve` creates 'dev'"


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    storage: argparse.ArgumentParser,
    store: StoreFactory,
) -> None:
    """Register `spaces`; ``store`` opens the migrated store of the arguments."""
    listing = commands.add_parser(
        "spaces", parents=[storage], help="list spaces and their API keys (ids, never the keys)"
    )
    listing.add_argument("--json", action="store_true", help="one JSON document on stdout")

    def spaces(args: argparse.Namespace) -> int:
        opened = store(args)
        try:
            found = read_spaces(opened)
        finally:
            opened.close()
        if args.json:
            print(json.dumps([asdict(space) for space in found], indent=2))
        else:
            print(render(found))
            if found:
                print(LOST_KEY_HINT, file=sys.stderr)
        return 0

    listing.set_defaults(func=spaces)
