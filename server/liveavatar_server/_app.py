"""The ASGI application: spec-driven dispatch, auth, validation, envelopes, lifespan."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

import anyio.to_thread
import pydantic_core
from liveavatar_models.server_stubs import (
    BINDINGS,
    Binding,
    Implementation,
    NotImplementedOperation,
)

from liveavatar_server._errors import ApiError, RequestInvalid
from liveavatar_server._handlers import Call, implementation
from liveavatar_server._routing import Router
from liveavatar_server._spec import JSONObject, Operation, load_spec, operations
from liveavatar_server._store import Principal, Store
from liveavatar_server._validation import (
    ParameterModel,
    is_json_media_type,
    nul_characters,
    parse_json,
    validate_body,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Outcome = tuple[int, bytes, list[tuple[bytes, bytes]]]

SESSION_COOKIE = "la_session"
_JSON = [(b"content-type", b"application/json")]
_NO_BODY = frozenset({204})  # RFC 9110: a 204 has no content and no Content-Length
log = logging.getLogger("liveavatar_server")


def envelope(status: int, message: str) -> bytes:
    return pydantic_core.to_json({"code": status, "data": None, "message": message})


def _error(exc: ApiError) -> Outcome:
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in exc.headers.items()]
    return exc.status, envelope(exc.status, exc.message), headers


def _invalid(exc: RequestInvalid) -> Outcome:
    return 422, pydantic_core.to_json({"detail": exc.detail}), []


def _cookies(header: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in header.split(";"):
        name, sep, value = part.strip().partition("=")
        if sep and name not in found:
            found[name] = value.strip().strip('"')
    return found


def request_url(scope: Scope, headers: dict[str, str]) -> str:
    """The absolute URL the client asked for (Host header first, as Starlette does)."""
    host = headers.get("host")
    if not host:
        server = scope.get("server") or ("127.0.0.1", 80)
        host = f"{server[0]}:{server[1]}"
    query = scope.get("query_string", b"").decode("latin-1")
    url = f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}{scope['path']}"
    return f"{url}?{query}" if query else url


def render(binding: Binding, operation: Operation, data: Any) -> Outcome:
    """The envelope step: the operation's success status; 204 has no body, the rest the envelope."""
    if binding.status in _NO_BODY:
        return binding.status, b"", []
    payload = {"code": 100, "data": data, "message": binding.summary}
    if operation.response_model is not None:
        document = operation.response_model.model_validate(payload)
        return binding.status, document.model_dump_json(exclude_unset=True).encode(), []
    return binding.status, pydantic_core.to_json(payload), []


class _BodyTooLarge(Exception):
    pass


class _ClientGone(Exception):
    pass


async def read_body(receive: Receive, limit: int) -> bytes:
    """The request body, enforcing ``limit`` while it streams in (Content-Length may lie)."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            raise _ClientGone
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _BodyTooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


class ReferenceServer:
    """Serves every operation of the effective spec; behaviour comes from handlers by operationId."""

    def __init__(
        self,
        store: Store,
        *,
        spec: JSONObject | None = None,
        handlers: Implementation[Call] | None = None,
        bindings: dict[str, Binding] | None = None,
        extra_routes: dict[str, ASGIApp] | None = None,
    ) -> None:
        self.store = store
        self.spec = spec if spec is not None else load_spec()
        self.operations = operations(self.spec)
        self.router = Router(self.operations)
        self.handlers = implementation() if handlers is None else handlers
        self.bindings = BINDINGS if bindings is None else bindings
        self.extra_routes = extra_routes or {}
        self.max_body = store.settings.max_body_bytes
        self._parameters = {
            op.operation_id: ParameterModel(op.parameters) for op in self.operations
        }
        self._api_key_headers = self._key_headers()

    def _key_headers(self) -> tuple[str, ...]:
        """Header names of the spec's apiKey security schemes (X-API-KEY here)."""
        schemes = self.spec.get("components", {}).get("securitySchemes", {})
        return tuple(
            scheme["name"].lower()
            for scheme in schemes.values()
            if scheme.get("type") == "apiKey" and scheme.get("in") == "header"
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        path: str = scope["path"]
        extra = self.extra_routes.get(path)
        if extra is None and path.startswith("/docs/"):
            extra = self.extra_routes.get("/docs/")
        if extra is not None:
            await extra(scope, receive, send)
            return
        try:
            status, body, headers = await self._serve(scope, receive)
        except Exception:
            log.exception("unhandled error serving %s %s", scope["method"], scope["path"])
            status, body, headers = 500, envelope(500, "Internal Server Error"), []
        if status not in _NO_BODY:
            headers = [*_JSON, (b"content-length", str(len(body)).encode()), *headers]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                self.store.close()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _serve(self, scope: Scope, receive: Receive) -> Outcome:
        matched = self.router.match(scope["path"])
        if matched is None:
            return 404, envelope(404, "Not Found"), []
        route, path_params = matched
        operation = route.methods.get(scope["method"])
        if operation is None:
            return 405, envelope(405, "Method Not Allowed"), [(b"allow", route.allow.encode())]
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        body: bytes | None = None
        if operation.body_schema is not None:
            try:
                declared = int(headers.get("content-length", "0") or 0)
            except ValueError:
                declared = 0
            if declared > self.max_body:
                return 413, envelope(413, "Request body exceeds 1 MiB"), []
            try:
                body = await read_body(receive, self.max_body)
            except _BodyTooLarge:
                return 413, envelope(413, "Request body exceeds 1 MiB"), []
            except _ClientGone:
                return 400, envelope(400, "Client disconnected"), []

        query = scope.get("query_string", b"")
        url = request_url(scope, headers)

        def work() -> Outcome:
            return self._execute(operation, path_params, headers, query, body, url)

        if self.store.inline:
            return work()
        return await anyio.to_thread.run_sync(work)

    def _authenticate(self, headers: dict[str, str]) -> Principal:
        for name in self._api_key_headers:
            key = headers.get(name)
            if key is not None:
                principal = self.store.principal_for_key(key) if key else None
                if principal is None:
                    raise ApiError(401, "Invalid API key")
                return principal
        token = _cookies(headers.get("cookie", "")).get(SESSION_COOKIE)
        if token:
            principal = self.store.principal_for_session(token)
            if principal is None:
                raise ApiError(401, "Invalid or expired session")
            return principal
        raise ApiError(401, "Missing credentials: send X-API-KEY or the la_session cookie")

    def _dispatch(
        self,
        binding: Binding,
        principal: Principal | None,
        params: dict[str, Any],
        body: Any,
        url: str,
    ) -> Any:
        """Call the stub method of ``binding`` with its parameters by Python name."""
        handler = getattr(getattr(self.handlers, binding.resource), binding.method)
        # Absent optional parameters keep the stub's default.
        kwargs = {
            python: params[wire]
            for wire, python in binding.parameters
            if params.get(wire) is not None
        }
        if binding.body is not None:
            kwargs["body"] = body
        ctx = Call(
            store=self.store,
            principal=principal,
            space_id=principal.space_id if principal and principal.space_id else "",
            url=url,
        )
        return handler(ctx, **kwargs)

    def _execute(
        self,
        operation: Operation,
        path_params: dict[str, str],
        headers: dict[str, str],
        query: bytes,
        body: bytes | None,
        url: str,
    ) -> Outcome:
        try:
            principal = self._authenticate(headers) if operation.security else None
            binding = self.bindings.get(operation.operation_id)
            if binding is None:
                raise NotImplementedOperation(operation.operation_id)
            raw = {
                "path": path_params,
                "header": headers,
                "cookie": _cookies(headers.get("cookie", "")) if "cookie" in headers else {},
                "query": dict(parse_qsl(query.decode("latin-1"))) if query else {},
            }
            params = self._parameters[operation.operation_id].validate(raw)
            if not self.store.accepts_nul:
                errors = [
                    error
                    for location in ("path", "query")
                    for name, value in raw[location].items()
                    for error in nul_characters(value, [location, name])
                ]
                if errors:
                    raise RequestInvalid(errors)
            model = None
            if operation.body_schema is not None and operation.body_model is not None:
                content_type = headers.get("content-type")
                if content_type is not None and not is_json_media_type(content_type):
                    raise RequestInvalid(
                        [
                            {
                                "type": "content_type",
                                "loc": ["header", "content-type"],
                                "msg": "Content-Type must be application/json",
                                "input": content_type[:200],
                            }
                        ]
                    )
                if not body:
                    if operation.body_required:
                        raise RequestInvalid(
                            [
                                {
                                    "type": "missing",
                                    "loc": ["body"],
                                    "msg": "Field required",
                                    "input": None,
                                }
                            ]
                        )
                else:
                    model = validate_body(
                        self.spec, operation, parse_json(body), allow_nul=self.store.accepts_nul
                    )
            if operation.security and (principal is None or principal.space_id is None):
                raise ApiError(400, "This API key has no space")
            data = self._dispatch(binding, principal, params, model, url)
            return render(binding, operation, data)
        except NotImplementedOperation as exc:
            return _error(ApiError(501, str(exc)))
        except ApiError as exc:
            return _error(exc)
        except RequestInvalid as exc:
            return _invalid(exc)
        except Exception:
            log.exception("unhandled error in %s", operation.operation_id)
            return 500, envelope(500, "Internal Server Error"), []
