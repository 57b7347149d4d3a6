"""The `liveavatar` console script: every operation from the shell, built at run time from the
generated resources, printing JSON.

`liveavatar <resource> <operation> [PATH ...] [--field value ...]`: one subcommand per
operation of `liveavatar_api.resources.OPERATIONS`, its flags read from the resource method's
signature and types (so from the spec): enums and literals become choices, booleans
`--flag/--no-flag`, numbers are typed, objects take JSON (`--field '{...}'`) or one value per
nested field (`--field.sub value`), `--json BODY` gives the whole body (flags win), paginated
lists take `--all-pages`. Fields the spec marks writeOnly / `format: password` (a secret value)
are read from stdin or an environment variable, so they never need to be in argv.
`liveavatar sessions open ...` keeps a session alive until Ctrl-C or SIGTERM (or `--for`), then
stops it; when the service ends it first, the command exits 3 and names the end reason.

Exit codes: 0 done, 1 the call failed, 2 a bad command line, 3 the open session was ended by
the service, 141 stdout closed early (piped into `head`), quietly.
With `--speak FILE.wav` (LITE) it streams the file on the session's socket and prints the events.
"""

from __future__ import annotations

import argparse
import enum
import functools
import inspect
import json
import os
import signal
import sys
import types
import typing
import uuid
import warnings
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

import httpx
import liveavatar_api.models
from liveavatar_api.resources import OPERATIONS, Operation, Resources

from liveavatar import __version__
from liveavatar._cli_speak import read_wav, speak_file
from liveavatar._client import LiveAvatar
from liveavatar._sessions import KEEP_ALIVE_INTERVAL
from liveavatar._settings import API_KEY_ENV, BASE_URL_ENV, SESSION_ENV, SESSION_TOKEN_ENV
from liveavatar.errors import LiveAvatarError

__all__ = ["main"]

# Parsed flags live under this prefix, apart from the global options (`--base-url` is both a
# global option and a field of LLM configurations).
FIELD = "field:"
_MODELS = vars(liveavatar_api.models)
EXIT_SESSION_ENDED = 3
EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE


@dataclass(frozen=True)
class _Outcome:
    """What a command prints and the exit code it ends with."""

    result: Any
    code: int = 0


class UsageError(LiveAvatarError):
    """A command line that cannot become a call (reported like an API error, exit 1)."""


def _json_value(text: str) -> Any:
    """A flag's JSON value; argparse names the flag in front of the message."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise argparse.ArgumentTypeError(
            f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno}): {text!r}"
        ) from None


def _kebab(name: str) -> str:
    return name.rstrip("_").replace("_", "-")


def _members(hint: Any) -> list[Any]:
    """The members of a union annotation (one member for anything else), None dropped."""
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        return [m for m in typing.get_args(hint) if m is not type(None)]
    return [hint]


def _choices(members: list[Any]) -> list[str] | None:
    values: list[str] = []
    for member in members:
        if typing.get_origin(member) is typing.Literal:
            values += [str(v) for v in typing.get_args(member)]
        elif isinstance(member, type) and issubclass(member, enum.Enum):
            values += [str(m.value) for m in member]
        else:
            return None
    return sorted(set(values), key=values.index)


def _is_object(member: Any) -> bool:
    return hasattr(member, "from_dict") or typing.get_origin(member) is dict or member is dict


def _scalar(members: list[Any]) -> Callable[[str], Any]:
    for kind in (int, float):
        if kind in members:
            return kind
    if any(_is_object(m) or typing.get_origin(m) is list for m in members):
        return _json_value
    return str


class _Field:
    """One keyword argument of a resource method, as a flag."""

    def __init__(self, name: str, hint: Any, required: bool, sensitive: bool) -> None:
        self.name = name
        self.flag = "--" + _kebab(name)
        self.dest = FIELD + name
        self.members = _members(hint)
        self.required = required
        self.sensitive = sensitive
        self.model = next((m for m in self.members if hasattr(m, "from_dict")), None)

    @property
    def is_object(self) -> bool:
        return any(_is_object(m) for m in self.members)

    @property
    def metavar(self) -> str:
        if self.is_object:
            return "JSON"
        choices = _choices(self.members)
        if choices is not None and bool not in self.members:
            return "{" + ",".join(choices) + "}"
        return self.name.rstrip("_").upper()

    def check(self, value: Any) -> None:
        """A value of a UUID field that is no UUID, named by its flag (from a flag or --json)."""
        if uuid.UUID in self.members and isinstance(value, str):
            try:
                uuid.UUID(value)
            except ValueError:
                raise UsageError(f"{self.flag}: not a UUID: {value!r}") from None

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        choices = _choices(self.members)
        suffix = " (required)" if self.required else ""
        if bool in self.members:
            parser.add_argument(
                self.flag, dest=self.dest, action=argparse.BooleanOptionalAction, help=suffix
            )
        elif choices is not None:
            parser.add_argument(self.flag, dest=self.dest, choices=choices, help=suffix)
        elif self.is_object:
            parser.add_argument(
                self.flag,
                dest=self.dest,
                type=_json_value,
                metavar="JSON",
                help=f"a JSON object, or one {self.flag}.FIELD VALUE per field{suffix}",
            )
        else:
            parser.add_argument(
                self.flag,
                dest=self.dest,
                type=_scalar(self.members),
                metavar=self.metavar,
                help=suffix,
            )
        if self.sensitive:
            env = "LIVEAVATAR_" + self.name.upper()
            parser.add_argument(
                self.flag + "-stdin", dest=self.dest + ":stdin", action="store_true",
                help="read the value from stdin (the value never needs to be in argv)",
            )  # fmt: skip
            parser.add_argument(
                self.flag + "-env", dest=self.dest + ":env", default=env, metavar="VAR",
                help=f"environment variable holding the value (default: {env}); {self.flag} "
                "puts it in argv, where other users can read it with `ps`",
            )  # fmt: skip


def _signatures(method: Callable[..., Any]) -> list[Callable[..., Any]]:
    return list(typing.get_overloads(method)) or [method]


class _Command:
    """One operation as a subcommand: its positional path parameters and its flags."""

    def __init__(self, operation: Operation) -> None:
        self.operation = operation
        method = getattr(_resource_classes()[operation.resource], operation.name)
        self.doc = inspect.getdoc(method) or operation.operation_id
        self.path: list[str] = []
        self.fields: dict[str, _Field] = {}
        signatures = _signatures(method)
        for signature in signatures:
            hints = typing.get_type_hints(signature)
            for name, param in inspect.signature(signature).parameters.items():
                if name in ("self", "session_token") or param.kind is param.VAR_KEYWORD:
                    continue
                if param.kind is param.POSITIONAL_OR_KEYWORD:
                    if name not in self.path:
                        self.path.append(name)
                    continue
                # Of a oneOf body, a field is required when every variant requires it.
                everywhere = all(
                    name in inspect.signature(other).parameters
                    and inspect.signature(other).parameters[name].default is param.empty
                    for other in signatures
                )
                if name not in self.fields:
                    sensitive = name in operation.sensitive
                    self.fields[name] = _Field(name, hints[name], everywhere, sensitive)
                else:  # a field of several variants (the discriminator): the union of its types
                    known = self.fields[name]
                    known.members += [m for m in _members(hints[name]) if m not in known.members]

    def usage(self, prog: str) -> str:
        """The usage line: required flags outside the brackets, as they are required."""
        paths = "".join(f" {name.upper()}" for name in self.path)
        required = "".join(
            f" {f.flag} {f.metavar}" if bool not in f.members else f" {f.flag}"
            for f in self.fields.values()
            if f.required and not f.sensitive
        )
        line = f"{prog}{paths}{required} [options]"
        if self.operation.method in ("POST", "PUT", "PATCH") and self.fields:
            line += f"\n       {prog}{paths} --json BODY [options]"
        return line

    def add_to(self, parser: argparse.ArgumentParser) -> None:
        for name in self.path:
            parser.add_argument(name, metavar=name.upper())
        for found in self.fields.values():
            found.add_to(parser)
        if self.operation.method in ("POST", "PUT", "PATCH") and self.fields:
            parser.add_argument(
                "--json", dest=FIELD + ":json", type=_json_value, metavar="BODY",
                help="the whole body as a JSON object (flags win over its fields)",
            )  # fmt: skip
        if self.operation.paginated:
            parser.add_argument(
                "--all-pages", action="store_true", help="walk every page, print every item"
            )

    def keywords(self, args: argparse.Namespace, extra: list[str]) -> dict[str, Any]:
        """The resource method's keyword arguments from the parsed flags."""
        values = vars(args)
        keywords: dict[str, Any] = dict(values.get(FIELD + ":json") or {})
        for name, found in self.fields.items():
            value = values.get(found.dest)
            if found.sensitive and value is None:
                value = _secret(found, values)
            if value is not None:
                keywords[name] = value
        _nested(self, keywords, extra)
        for name, value in keywords.items():
            if name in self.fields:
                self.fields[name].check(value)
        missing = [f.flag for f in self.fields.values() if f.required and f.name not in keywords]
        if missing:
            raise UsageError(f"missing {', '.join(missing)} (or give them in --json)")
        return keywords


@functools.cache
def _resource_classes() -> dict[str, type[Any]]:
    """The generated resource class of each `client.<resource>` attribute."""
    return typing.get_type_hints(Resources)


def _secret(found: _Field, values: dict[str, Any]) -> str | None:
    """A sensitive field's value from stdin or its environment variable (argv is visible to all)."""
    if values.get(found.dest + ":stdin"):
        value = sys.stdin.read().rstrip("\r\n")
    else:
        value = os.environ.get(values.get(found.dest + ":env") or "", "")
    if not value and found.required:
        raise UsageError(
            f"No value for {found.flag}: pipe it with {found.flag}-stdin or set "
            f"{values.get(found.dest + ':env')} (see {found.flag}-env)."
        )
    return value or None


def _leaf(model: Any, path: list[str], raw: str) -> Any:
    """`--field.sub.leaf VALUE`: typed from the generated model when it names the field."""
    for part in path:
        hints = typing.get_type_hints(model, localns=_MODELS) if model is not None else {}
        members = _members(hints.get(part, str))
        model = next((m for m in members if hasattr(m, "from_dict")), None)
    if model is not None:
        return json.loads(raw)
    return _scalar(members)(raw)


def _nested(command: _Command, keywords: dict[str, Any], extra: list[str]) -> None:
    """Fold `--field.sub value` (or `--field.sub=value`) pairs into object fields."""
    by_flag = {f.flag: f for f in command.fields.values() if f.is_object}
    items = list(extra)
    while items:
        token = items.pop(0)
        flag, _, inline = token.partition("=")
        head, _, rest = flag.partition(".")
        found = by_flag.get(head)
        if found is None or not rest or not (inline or items):
            raise UsageError(f"unrecognized argument: {token}")
        raw = inline or items.pop(0)
        path = [part.replace("-", "_") for part in rest.split(".")]
        target = keywords.setdefault(found.name, {})
        if not isinstance(target, dict):
            raise UsageError(f"{head} is given as JSON and per field: choose one")
        for part in path[:-1]:
            target = target.setdefault(part, {})
        try:
            target[path[-1]] = _leaf(found.model, path, raw)
        except (argparse.ArgumentTypeError, ValueError) as exc:
            raise UsageError(f"{flag}: {exc}") from None


def _to_json(value: Any) -> Any:
    if isinstance(value, list):
        return [_to_json(item) for item in value]
    if hasattr(value, "iter_pages") and hasattr(value, "items"):
        return {
            "count": value.count,
            "has_next_page": value.has_next_page(),
            "items": _to_json(value.items),
        }
    to_dict = getattr(value, "to_dict", None)
    return to_dict() if callable(to_dict) else value


def _run_operation(
    client: LiveAvatar, command: _Command, args: argparse.Namespace, extra: list[str]
) -> Any:
    operation = command.operation
    method = getattr(getattr(client, operation.resource), operation.name)
    keywords = command.keywords(args, extra)
    try:
        result = method(*(getattr(args, name) for name in command.path), **keywords)
    except TypeError as exc:  # a --json field the operation does not have
        raise UsageError(str(exc).replace(f"{type(method.__self__).__name__}.", "")) from exc
    if operation.paginated and args.all_pages:
        return list(result)
    return result


def _run_open(
    client: LiveAvatar, command: _Command, args: argparse.Namespace, extra: list[str]
) -> _Outcome:
    """`sessions open`: start, print the session, keep it alive until Ctrl-C, SIGTERM or --for
    (or, with --speak, until the file is spoken), stop. A session the service ends first exits
    EXIT_SESSION_ENDED with its end reason."""
    keywords = command.keywords(args, extra)
    pcm = read_wav(args.speak) if args.speak is not None else None  # refused before any call
    spoken: dict[str, Any] = {}
    session = client.sessions.open(keep_alive_interval=args.keep_alive_interval, **keywords)
    try:
        with _sigterm_interrupts(), session:
            started = session.started
            print(
                json.dumps({"session_id": session.session_id, **_to_json(started)}, indent=2),
                flush=True,
            )
            if pcm is not None:
                with session.realtime() as avatar:
                    spoken = {"spoken": speak_file(avatar, pcm, sys.stdout)}
            else:
                if args.seconds is None:
                    note = "Session open: Ctrl-C stops it."
                else:
                    note = f"Session open: it stops after {args.seconds:g} s."
                print(note, file=sys.stderr, flush=True)
                session.wait(args.seconds)
    except KeyboardInterrupt:  # the block has stopped the session on its way out
        print("Session stopped.", file=sys.stderr, flush=True)
    if session.ended and session.end_reason != "USER_CLOSED":
        reason = session.end_reason or "ended by the service"
        print(
            f"liveavatar: session {session.session_id} ended: {reason}",
            file=sys.stderr,
            flush=True,
        )
        result = {"session_id": session.session_id, "stopped": False, "end_reason": reason}
        return _Outcome(result, EXIT_SESSION_ENDED)
    return _Outcome({"session_id": session.session_id, "stopped": True, **spoken})


def _interrupt(signum: int, frame: object) -> NoReturn:
    raise KeyboardInterrupt


@contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """SIGTERM (`kill`, a service manager) stops the session as Ctrl-C does."""
    try:
        previous = signal.signal(signal.SIGTERM, _interrupt)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _operation_parser(
    operations: argparse._SubParsersAction[argparse.ArgumentParser],
    command: _Command,
    name: str,
    description: str | None = None,
) -> argparse.ArgumentParser:
    text = description or command.doc
    prog = f"liveavatar {_kebab(command.operation.resource)} {name}"
    parser = operations.add_parser(
        name, help=text.splitlines()[0], description=text, usage=command.usage(prog)
    )
    command.add_to(parser)
    return parser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="liveavatar",
        description="Call any LiveAvatar API operation and print the result as JSON.",
    )
    parser.add_argument("--version", action="version", version=f"liveavatar {__version__}")
    parser.add_argument("--api-key", help=f"API key (default: ${API_KEY_ENV})")
    parser.add_argument(
        "--base-url", help=f"API base URL (default: ${BASE_URL_ENV} or the public API)"
    )
    parser.add_argument(
        "--session-token", help=f"bearer session token (default: ${SESSION_TOKEN_ENV})"
    )
    parser.add_argument("--session", help=f"la_session cookie (default: ${SESSION_ENV})")
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds per request")
    parser.add_argument("--max-retries", type=int, default=2, help="retries of a failed call")
    resources = parser.add_subparsers(dest="resource", required=True, metavar="RESOURCE")
    groups: dict[str, argparse._SubParsersAction[argparse.ArgumentParser]] = {}
    for operation in OPERATIONS:
        if operation.resource not in groups:
            group = resources.add_parser(
                _kebab(operation.resource), help=f"client.{operation.resource}"
            )
            groups[operation.resource] = group.add_subparsers(
                dest="operation", required=True, metavar="OPERATION"
            )
        command = _Command(operation)
        sub = _operation_parser(groups[operation.resource], command, _kebab(operation.name))
        sub.set_defaults(command=command, run=_run_operation)
        if operation.resource == "sessions" and operation.name == "create_token":
            opened = _operation_parser(
                groups["sessions"],
                command,
                "open",
                "Open a session: create its token, start it, keep it alive until Ctrl-C "
                "(or --for SECONDS), then stop it. Takes create-token's flags.",
            )
            opened.add_argument(
                "--keep-alive-interval", type=float, default=KEEP_ALIVE_INTERVAL, metavar="SECONDS"
            )
            opened.add_argument(
                "--for", dest="seconds", type=float, metavar="SECONDS",
                help="stop after this long instead of waiting for Ctrl-C",
            )  # fmt: skip
            opened.add_argument(
                "--speak", type=Path, metavar="FILE.wav",
                help="LITE: stream this WAV (16-bit mono 24 kHz) on the socket, print its events, stop",
            )  # fmt: skip
            opened.set_defaults(command=command, run=_run_open)
    return parser


def main(argv: Sequence[str] | None = None, *, http_client: httpx.Client | None = None) -> int:
    """Run one command; `http_client` lets a caller (or a test) supply the transport."""
    try:
        return _main(argv, http_client)
    except BrokenPipeError:
        # The reader went away (`liveavatar ... | head`): nothing left to say, and no traceback.
        _silence_stdout()
        return EXIT_BROKEN_PIPE


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's last flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file behind sys.stdout
        pass


def _one_line_warning(
    message: Warning | str,
    category: type[Warning],
    filename: str,
    lineno: int,
    file: typing.TextIO | None = None,
    line: str | None = None,
) -> None:
    """A warning as one line of the CLI's own, not as a source location (`LocalKeyWarning`)."""
    print(f"liveavatar: warning: {message}", file=sys.stderr, flush=True)


def _main(argv: Sequence[str] | None, http_client: httpx.Client | None) -> int:
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    with warnings.catch_warnings():
        warnings.showwarning = _one_line_warning
        return _call(args, extra, http_client)


def _call(args: argparse.Namespace, extra: list[str], http_client: httpx.Client | None) -> int:
    try:
        with LiveAvatar(
            args.api_key,
            base_url=args.base_url,
            session_token=args.session_token,
            session=args.session,
            timeout=args.timeout,
            max_retries=args.max_retries,
            http_client=http_client,
        ) as client:
            result = args.run(client, args.command, args, extra)
    except (LiveAvatarError, ValueError) as exc:
        message = " ".join(str(exc).split())
        print(f"liveavatar: error: {type(exc).__name__}: {message}", file=sys.stderr)
        return 1
    outcome = result if isinstance(result, _Outcome) else _Outcome(result)
    print(json.dumps(_to_json(outcome.result), indent=2, default=str))
    return outcome.code


if __name__ == "__main__":
    raise SystemExit(main())
