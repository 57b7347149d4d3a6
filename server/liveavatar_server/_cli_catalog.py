"""`liveavatar-server create-avatar`: a space's own avatar (the API lists, updates and deletes them)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from liveavatar_server._errors import ApiError
from liveavatar_server._store import Store

StoreFactory = Callable[[argparse.Namespace], Store]


def create_avatar(store: Store, space_id: str, fields: dict[str, Any]) -> dict[str, Any]:
    """A new avatar of ``space_id`` (the API has no create: this command and the tests make
    them), through the resource engine; ApiError(400) for a voice the space cannot read."""
    from liveavatar_server._handlers import implementation
    from liveavatar_server._spec import load_spec
    from liveavatar_server.resources import Call, build_engine

    engine = build_engine(load_spec(), implementation())
    call = Call(store=store, principal=None, space_id=space_id, url="", engine=engine)
    return engine.insert(engine.resource("avatars"), call, fields)


def add_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    storage: argparse.ArgumentParser,
    store: StoreFactory,
) -> None:
    """Register the catalog's commands; ``store`` opens the migrated store of the arguments."""
    avatar = commands.add_parser(
        "create-avatar", parents=[storage], help="print the id of a new avatar of a space"
    )
    avatar.add_argument("--space", required=True, help="the space that owns the avatar")
    avatar.add_argument("--name", required=True)
    avatar.add_argument("--type", choices=("VIDEO", "IMAGE"), default="VIDEO")
    avatar.add_argument(
        "--status", choices=("ACTIVE", "INIT", "DEPLOYING", "FAILED"), default="ACTIVE"
    )
    avatar.add_argument("--preview-url")
    avatar.add_argument("--default-voice-id", help="a public voice or a voice of the space")
    avatar.add_argument("--1080p", dest="is_1080p", action="store_true")
    avatar.add_argument("--error-message", help="why training failed (with --status FAILED)")

    def create_avatar_command(args: argparse.Namespace) -> int:
        opened = store(args)
        try:
            if not opened.space_exists(args.space):
                print(f"error: no space {args.space!r}", file=sys.stderr)
                return 2
            row = create_avatar(
                opened,
                args.space,
                {
                    "name": args.name,
                    "type": args.type,
                    "status": args.status,
                    "preview_url": args.preview_url,
                    "is_1080p": args.is_1080p,
                    "default_voice_id": args.default_voice_id,
                    "error_message": args.error_message,
                },
            )
        except ApiError:  # the one refusal: a voice the space cannot read
            print(
                "error: --default-voice-id is not a public voice nor one of the space",
                file=sys.stderr,
            )
            return 2
        finally:
            opened.close()
        print(row["id"])
        return 0

    avatar.set_defaults(func=create_avatar_command)
