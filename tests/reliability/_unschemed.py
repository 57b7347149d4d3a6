"""Requests no schema describes, for one operation: raw HTTP/1.1 bytes, sent on a socket each.

Fuzzing draws bodies and parameters from the schemas, so what no schema generates never
reaches the server that way. Here each operation of the spec gets, on top of its valid
request (path, auth and body from the spec and the space's objects):

- nesting: arrays and objects 10 to 100,000 deep, as the body and inside its first field;
- duplicate keys: every key twice (same value, then a wrong type), one key 1,000 times;
- numbers: integers beyond 64 bits and past Python's 4,300-digit limit, `1e400`, `1e-400`;
- text: lone and reversed surrogates (escaped, and UTF-8-encoded), overlong UTF-8, in each
  body field, in the query, the path and a header;
- size: a 1 MB string in each body field, 10,000 query parameters, 8 KB headers (the key,
  the bearer token, the cookie, an unknown one), a 64 KB URL;
- framing: `Transfer-Encoding` tricks (chunked with Content-Length, doubled, obfuscated,
  gzip, bad and huge chunk sizes, truncated chunks, extensions and trailers, over the body
  limit) and Content-Length lies (two values, negative, longer than the body).

A probe's outcome is the status of the response, or None when the server closed the
connection without one (its right for a request it cannot parse).
"""

from __future__ import annotations

import json
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from tests._support.examples import effective_spec, example_body, example_parameters
from tests.reliability._world import API_KEY_SCHEME, BEARER_SCHEME, Operation, fill_ids

__all__ = ["DEPTHS", "Probe", "Target", "exchange", "probes"]

DEPTHS = (10, 100, 1_000, 10_000, 100_000)
MB_STRING = 1_000_000
MANY_PARAMETERS = 10_000
BIG_HEADER = 8 * 1024
# uvicorn refuses a request line past 64 KiB with its own 400: 64 KB (decimal) reaches the app.
BIG_URL = 64 * 1000
OVER_THE_BODY_LIMIT = 2 * 1024 * 1024
NUMBERS = (
    b"18446744073709551616",  # 2**64
    b"-9223372036854775809",  # one below the smallest 64-bit integer
    b"1" + b"0" * 5_000,  # past Python's default int-from-text limit (4,300 digits)
    b"1e400",
    b"-1e400",
    b"1e-400",
    b"1.0e99999999999999999999",
)
# JSON string tokens whose text is not valid Unicode (escaped) or not valid UTF-8 (raw bytes).
TEXTS = (
    b'"\\ud800"',  # a lone high surrogate
    b'"\\udfff"',  # a lone low surrogate
    b'"\\udc00\\ud800"',  # a pair in the wrong order
    b'"\xed\xa0\x80"',  # a surrogate encoded as UTF-8 (CESU)
    b'"\xc0\xaf"',  # "/" overlong in 2 bytes
    b'"\xe0\x80\xaf"',  # "/" overlong in 3 bytes
    b'"\xf0\x80\x80\xaf"',  # "/" overlong in 4 bytes
    b'"\xc0\x80"',  # NUL overlong (modified UTF-8)
)
# The same, as they reach a URL (percent-encoded) or a header (raw bytes).
URL_TEXTS = ("%ED%A0%80", "%C0%AF", "%E0%80%AF", "%C0%80", "%FF%FE", "%00")
HEADER_TEXTS = (b"\xed\xa0\x80", b"\xc0\xaf", b"\xff\xfe", b"\x80")


@dataclass(frozen=True)
class Target:
    """One operation's valid request: method, path, query, credentials and body."""

    op: Operation
    path: str
    query: list[tuple[str, str]]
    auth: list[tuple[bytes, bytes]]
    body: dict[str, Any] | None

    @classmethod
    def of(cls, op: Operation, ids: dict[str, str], api_key: str, bearer: str | None) -> Target:
        spec = effective_spec()
        values = example_parameters(spec, op.spec)
        path_values = {
            **{k: str(v) for k, v in values.get("path", {}).items()},
            **{k: ids[k] for k in op.path_parameters if k in ids},
        }
        path = op.path.format(**{k: quote(v, safe="") for k, v in path_values.items()})
        query = [(k, str(v)) for k, v in values.get("query", {}).items()]
        auth: list[tuple[bytes, bytes]] = []
        if API_KEY_SCHEME in op.schemes:
            auth.append((b"X-API-KEY", api_key.encode()))
        elif BEARER_SCHEME in op.schemes and bearer:
            auth.append((b"Authorization", f"Bearer {bearer}".encode()))
        body = fill_ids(example_body(spec, op.spec), ids)
        return cls(op, path, query, auth, body if isinstance(body, dict) else None)

    @property
    def declares_body(self) -> bool:
        return bool(self.op.spec.get("requestBody"))

    def url(self, extra: str = "") -> bytes:
        query = "&".join(f"{quote(k)}={quote(v)}" for k, v in self.query)
        joined = "&".join(part for part in (query, extra) if part)
        return (self.path + (f"?{joined}" if joined else "")).encode()

    def body_bytes(self) -> bytes:
        return json.dumps(self.body if self.body is not None else {}).encode()


@dataclass(frozen=True)
class Probe:
    """One request no schema describes: its family, its name and its bytes."""

    family: str
    name: str
    request: bytes
    # The request promises bytes it never sends: the client half-closes after it, as one
    # that gives up would (the server must not wait for the rest forever, nor fail).
    truncated: bool = False


def request(
    target: Target,
    *,
    url: bytes | None = None,
    headers: list[tuple[bytes, bytes]] | None = None,
    body: bytes | None = None,
    framing: list[tuple[bytes, bytes]] | None = None,
    auth: bool = True,
) -> bytes:
    """The raw request: request line, Host, credentials, ``headers``, framing, then ``body``.

    Without ``body``, an operation that declares one gets its valid body: each probe changes
    one thing of a request that would otherwise succeed.
    """
    if body is None and target.declares_body:
        body = target.body_bytes()
    lines = [
        target.op.method.upper().encode() + b" " + (url or target.url()) + b" HTTP/1.1",
        b"Host: 127.0.0.1",
        b"Connection: close",
        *(name + b": " + value for name, value in (target.auth if auth else [])),
        *(name + b": " + value for name, value in headers or ()),
    ]
    payload = body if body is not None else b""
    if framing is None:
        framing = [(b"Content-Length", str(len(payload)).encode())] if body is not None else []
    if body is not None and not any(name.lower() == b"content-type" for name, _ in headers or ()):
        lines.append(b"Content-Type: application/json")
    lines.extend(name + b": " + value for name, value in framing)
    return b"\r\n".join(lines) + b"\r\n\r\n" + payload


def _fields(target: Target) -> list[str]:
    return list(target.body or {})


def _with_field(target: Target, name: str, token: bytes) -> bytes:
    """The valid body with field ``name``'s value replaced by the raw JSON ``token``."""
    parts = [
        json.dumps(key).encode() + b": " + (token if key == name else json.dumps(value).encode())
        for key, value in (target.body or {}).items()
    ]
    return b"{" + b", ".join(parts) + b"}"


def _nested(depth: int, kind: str) -> bytes:
    opening, closing = (b"[", b"]") if kind == "arrays" else (b'{"a": ', b"}")
    return opening * depth + b"1" + closing * depth


def _nesting(target: Target) -> Iterator[Probe]:
    for depth in DEPTHS:
        for kind in ("arrays", "objects"):
            deep = _nested(depth, kind)
            yield Probe("nesting", f"{kind} {depth} deep as the body", request(target, body=deep))
            for name in _fields(target)[:1]:
                yield Probe(
                    "nesting",
                    f"{kind} {depth} deep in {name}",
                    request(target, body=_with_field(target, name, deep)),
                )


def _duplicates(target: Target) -> Iterator[Probe]:
    items = list((target.body or {"a": 1}).items())
    twice = [(k, json.dumps(v).encode()) for k, v in items for _ in range(2)]
    wrong = [(k, token) for k, v in items for token in (json.dumps(v).encode(), b"{}")]
    first, value = items[0]
    many = [(first, json.dumps(value).encode())] * 1_000
    for name, pairs in (
        ("every key twice", twice),
        ("every key twice, then of a wrong type", wrong),
        (f"{first} 1,000 times", many),
    ):
        body = b"{" + b", ".join(json.dumps(k).encode() + b": " + v for k, v in pairs) + b"}"
        yield Probe("duplicate keys", name, request(target, body=body))


def _numbers(target: Target) -> Iterator[Probe]:
    for token in NUMBERS:
        label = token.decode()[:24]
        yield Probe("numbers", f"{label} as the body", request(target, body=token))
        for name in _fields(target):
            yield Probe(
                "numbers",
                f"{label} in {name}",
                request(target, body=_with_field(target, name, token)),
            )


def _texts(target: Target) -> Iterator[Probe]:
    for token in TEXTS:
        label = repr(token)
        yield Probe("text", f"{label} as the body", request(target, body=token))
        for name in _fields(target):
            yield Probe(
                "text", f"{label} in {name}", request(target, body=_with_field(target, name, token))
            )
    names = [k for k, _ in target.query] or ["unknown"]
    for text in URL_TEXTS:
        query = "&".join(f"{quote(k)}={text}" for k in names)
        url = target.path.encode() + b"?" + query.encode()
        yield Probe("text", f"{text} in the query", request(target, url=url))
        if target.op.path_parameters:
            bad = re.sub(r"[^/]+$", text, target.path) if target.path.count("/") > 1 else None
            if bad:
                yield Probe("text", f"{text} in the path", request(target, url=bad.encode()))
    for raw in HEADER_TEXTS:
        for header in (b"X-Request-Id", b"X-Anything"):
            yield Probe(
                "text",
                f"{raw!r} in {header.decode()}",
                request(target, headers=[(header, b"a" + raw + b"z")]),
            )


def _sizes(target: Target) -> Iterator[Probe]:
    big = json.dumps("x" * MB_STRING).encode()
    for name in _fields(target):
        yield Probe(
            "size", f"1 MB string in {name}", request(target, body=_with_field(target, name, big))
        )
    # Short names without values, so 10,000 of them fit the request line.
    many = "&".join(f"{index:x}" for index in range(MANY_PARAMETERS))
    yield Probe("size", "10,000 unknown query parameters", request(target, url=target.url(many)))
    for name, value in target.query[:1]:
        pair = f"{quote(name)}={quote(value)}"
        times = min(MANY_PARAMETERS, BIG_URL // (len(pair) + 1))
        repeated = "&".join([pair] * times)
        yield Probe(
            "size",
            f"{name} {times:,} times",
            request(target, url=target.path.encode() + b"?" + repeated.encode()),
        )
    filler = b"a" * BIG_HEADER
    # An 8 KB credential replaces the valid one; the other headers come beside it.
    for header, content, keeps_auth in (
        (b"X-Filler", filler, True),
        (b"X-Request-Id", filler, True),
        (b"X-API-KEY", b"la_" + filler, False),
        (b"Authorization", b"Bearer " + filler, False),
        (b"Cookie", b"la_session=" + filler, False),
    ):
        yield Probe(
            "size",
            f"8 KB {header.decode()} header",
            request(target, headers=[(header, content)], auth=keeps_auth),
        )
    padding = BIG_URL - len(target.url())
    yield Probe(
        "size", "64 KB query string", request(target, url=target.url("pad=" + "a" * padding))
    )
    long_path = (target.path.rstrip("/") + "/" + "a" * padding).encode()
    yield Probe("size", "64 KB path", request(target, url=long_path))
    if target.op.path_parameters:
        replaced = re.sub(r"[^/]+$", "a" * padding, target.path)
        yield Probe("size", "64 KB path parameter", request(target, url=replaced.encode()))


def _chunked(*chunks: bytes, trailer: bytes = b"") -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks) + b"0\r\n" + trailer + b"\r\n"


def _framing(target: Target) -> Iterator[Probe]:
    body = target.body_bytes()
    half = len(body) // 2
    chunked = _chunked(body[:half], body[half:])
    te = b"Transfer-Encoding"
    cl = b"Content-Length"
    truncated = {"a chunk longer than its data", "no final chunk", "a huge chunk size",
                 "a Content-Length longer than the body"}  # fmt: skip
    cases: list[tuple[str, list[tuple[bytes, bytes]], bytes]] = [
        ("chunked (well-formed)", [(te, b"chunked")], chunked),
        ("chunked with a conflicting Content-Length", [(te, b"chunked"), (cl, b"3")], chunked),
        ("Content-Length before chunked", [(cl, b"3"), (te, b"chunked")], chunked),
        ("chunked twice", [(te, b"chunked"), (te, b"chunked")], chunked),
        ("chunked, chunked in one header", [(te, b"chunked, chunked")], chunked),
        ("gzip, chunked", [(te, b"gzip, chunked")], chunked),
        ("chunked, identity", [(te, b"chunked, identity")], chunked),
        ("identity with Content-Length", [(te, b"identity"), (cl, b"%d" % len(body))], body),
        ("xchunked", [(te, b"xchunked")], chunked),
        ("chunked with a space before the colon", [(b"Transfer-Encoding ", b"chunked")], chunked),
        ("CHUNKED in capitals", [(te, b"CHUNKED")], chunked),
        ("chunked with a tab", [(te, b"\tchunked")], chunked),
        ("a bad chunk size", [(te, b"chunked")], b"zz\r\n" + body + b"\r\n0\r\n\r\n"),
        ("a huge chunk size", [(te, b"chunked")], b"ffffffffffffffffffff\r\n" + body),
        ("a negative chunk size", [(te, b"chunked")], b"-5\r\n" + body + b"\r\n0\r\n\r\n"),
        ("a chunk longer than its data", [(te, b"chunked")], b"ffff\r\n" + body),
        ("no final chunk", [(te, b"chunked")], b"%x\r\n%s\r\n" % (len(body), body)),
        (
            "chunk extensions and trailers",
            [(te, b"chunked")],
            b"%x;name=value;x\r\n%s\r\n0\r\nX-Trailer: 1\r\n\r\n" % (len(body), body),
        ),
        (
            "chunks past the body limit",
            [(te, b"chunked")],
            _chunked(*[b" " * 65536] * (OVER_THE_BODY_LIMIT // 65536), body),
        ),
        ("two Content-Length values", [(cl, b"%d" % len(body)), (cl, b"1")], body),
        ("Content-Length: a, b", [(cl, b"%d, 1" % len(body))], body),
        ("a negative Content-Length", [(cl, b"-1")], body),
        ("a Content-Length past 64 bits", [(cl, b"99999999999999999999999")], body),
        ("a Content-Length longer than the body", [(cl, b"%d" % (len(body) + 100))], body),
    ]
    for name, framing, payload in cases:
        yield Probe(
            "framing",
            name,
            request(target, body=payload, framing=framing),
            truncated=name in truncated,
        )


FAMILIES = (_nesting, _duplicates, _numbers, _texts, _sizes, _framing)


def probes(target: Target) -> Iterator[Probe]:
    """Every probe for ``target``'s operation (body families whether it declares a body or not)."""
    for family in FAMILIES:
        yield from family(target)


def exchange(port: int, probe: Probe, timeout_s: float = 30.0) -> int | None:
    """Send the probe on a new connection; the response's status, or None if none came back.

    The server may answer (413, 400) and close before the whole request is sent: a reset
    while sending still reads whatever response arrived.
    """
    with socket.create_connection(("127.0.0.1", port), timeout=timeout_s) as sock:
        try:
            sock.sendall(probe.request)
            if probe.truncated:
                sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass
        received: list[bytes] = []
        try:
            while chunk := sock.recv(65536):
                received.append(chunk)
                if b"\r\n" in received[0]:
                    break
        except OSError:
            pass
    found = re.match(rb"HTTP/1\.[01] (\d{3})", b"".join(received))
    return int(found.group(1)) if found else None
