"""The `liveavatar` console script: each resource call from the shell, printing JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

import httpx
from liveavatar_api.models import SecretTypeEnum

from liveavatar._client import LiveAvatar
from liveavatar._transport import API_KEY_ENV, BASE_URL_ENV, SESSION_ENV
from liveavatar.errors import LiveAvatarError

__all__ = ["main"]

SECRET_VALUE_ENV = "LIVEAVATAR_SECRET_VALUE"  # noqa: S105 - a variable name, not a secret

Command = Callable[[LiveAvatar, argparse.Namespace], Any]


def _to_json(value: Any) -> Any:
    if isinstance(value, list):
        return [_to_json(item) for item in value]
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def _secret_value(args: argparse.Namespace) -> str:
    """From stdin or an environment variable (argv is visible to every user in `ps`)."""
    if args.secret_value_stdin:
        value = sys.stdin.read().rstrip("\r\n")
    elif args.secret_value is not None:
        value = args.secret_value
    else:
        value = os.environ.get(args.secret_value_env, "")
    if not value:
        raise LiveAvatarError(
            "No secret value: pipe it with --secret-value-stdin or set "
            f"{args.secret_value_env} (see --secret-value-env)."
        )
    return value


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liveavatar", description="Call the LiveAvatar API and print the result as JSON."
    )
    parser.add_argument("--api-key", help=f"API key (default: ${API_KEY_ENV})")
    parser.add_argument(
        "--base-url", help=f"API base URL (default: ${BASE_URL_ENV} or the public API)"
    )
    parser.add_argument("--session", help=f"la_session cookie (default: ${SESSION_ENV})")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--max-retries", type=int, default=2, help="retries of a failed call")
    resources = parser.add_subparsers(dest="resource", required=True, metavar="RESOURCE")

    llm = resources.add_parser("llm-configurations", help="LLM configurations")
    llm_ops = llm.add_subparsers(dest="operation", required=True, metavar="OPERATION")
    create = llm_ops.add_parser("create", help="create a configuration")
    create.add_argument("--display-name", required=True)
    create.add_argument("--model-name", required=True)
    create.add_argument("--secret-id", required=True)
    create.add_argument("--base-url", dest="llm_base_url", help="LLM endpoint (default: OpenAI)")
    create.set_defaults(run=_llm_create)
    llm_ops.add_parser("list", help="list configurations, newest first").set_defaults(
        run=lambda client, args: client.llm_configurations.list()
    )
    get = llm_ops.add_parser("get", help="show one configuration")
    get.add_argument("config_id")
    get.set_defaults(run=lambda client, args: client.llm_configurations.get(args.config_id))
    update = llm_ops.add_parser("update", help="change only the fields given")
    update.add_argument("config_id")
    update.add_argument("--display-name")
    update.add_argument("--model-name")
    update.add_argument("--secret-id")
    update.add_argument("--base-url", dest="llm_base_url")
    update.set_defaults(run=_llm_update)
    delete = llm_ops.add_parser("delete", help="delete one configuration")
    delete.add_argument("config_id")
    delete.set_defaults(run=lambda client, args: client.llm_configurations.delete(args.config_id))

    secrets = resources.add_parser("secrets", help="encrypted secrets")
    secret_ops = secrets.add_subparsers(dest="operation", required=True, metavar="OPERATION")
    screate = secret_ops.add_parser(
        "create",
        help="store a secret",
        description=(
            "The value is read from stdin (--secret-value-stdin) or from an environment "
            f"variable (default {SECRET_VALUE_ENV}). --secret-value puts it in argv, where "
            "other users can read it with `ps`: avoid it outside throwaway use."
        ),
    )
    screate.add_argument("--secret-name", required=True)
    screate.add_argument(
        "--secret-type", required=True, choices=[member.value for member in SecretTypeEnum]
    )
    source = screate.add_mutually_exclusive_group()
    source.add_argument(
        "--secret-value-stdin", action="store_true", help="read the value from stdin"
    )
    source.add_argument("--secret-value", help="the value itself (visible in `ps`)")
    screate.add_argument(
        "--secret-value-env",
        default=SECRET_VALUE_ENV,
        metavar="VAR",
        help=f"environment variable holding the value (default: {SECRET_VALUE_ENV})",
    )
    screate.set_defaults(run=_secret_create)
    secret_ops.add_parser("list", help="list secrets (never their values)").set_defaults(
        run=lambda client, args: client.secrets.list()
    )
    sdelete = secret_ops.add_parser("delete", help="delete one secret")
    sdelete.add_argument("secret_id")
    sdelete.set_defaults(run=lambda client, args: client.secrets.delete(args.secret_id))
    return parser


def _llm_create(client: LiveAvatar, args: argparse.Namespace) -> Any:
    return client.llm_configurations.create(
        display_name=args.display_name,
        model_name=args.model_name,
        secret_id=args.secret_id,
        base_url=args.llm_base_url,
    )


def _llm_update(client: LiveAvatar, args: argparse.Namespace) -> Any:
    return client.llm_configurations.update(
        args.config_id,
        display_name=args.display_name,
        model_name=args.model_name,
        secret_id=args.secret_id,
        base_url=args.llm_base_url,
    )


def _secret_create(client: LiveAvatar, args: argparse.Namespace) -> Any:
    return client.secrets.create(
        secret_name=args.secret_name,
        secret_value=_secret_value(args),
        secret_type=args.secret_type,
    )


def main(argv: Sequence[str] | None = None, *, http_client: httpx.Client | None = None) -> int:
    """Run one command; `http_client` lets a caller (or a test) supply the transport."""
    args = _parser().parse_args(argv)
    run: Command = args.run
    try:
        with LiveAvatar(
            args.api_key,
            base_url=args.base_url,
            session=args.session,
            timeout=args.timeout,
            max_retries=args.max_retries,
            http_client=http_client,
        ) as client:
            result = run(client, args)
    except LiveAvatarError as exc:
        message = " ".join(str(exc).split())
        print(f"liveavatar: error: {type(exc).__name__}: {message}", file=sys.stderr)
        return 1
    print(json.dumps(_to_json(result), indent=2, default=str))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
