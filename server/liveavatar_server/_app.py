"""The ASGI application: the request path as named steps, lifespan.

routing (`_route`) -> body (`_read`) -> security (`Authenticator`) -> rate limit
(`RateLimiter`) -> validation (`_validate`) -> the handler (`_dispatch`) -> the envelope
(`_envelope`); each failure is an exception mapped to its response in one place (`_failure`).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qsl

import pydantic_core
from liveavatar_models.server_stubs import (
    BINDINGS,
    Binding,
    Implementation,
    NotImplementedOperation,
)
from pydantic import TypeAdapter

from liveavatar_server._errors import ApiError, RequestInvalid
from liveavatar_server._handlers import implementation
from liveavatar_server._prepared import RetryAlone
from liveavatar_server._routing import Router
from liveavatar_server._security import Authenticator, cookies
from liveavatar_server._spec import JSONObject, Operation, load_spec, operations
from liveavatar_server._store import Principal, Store
from liveavatar_server._throttle import RateLimiter
from liveavatar_server._validation import (
    ParameterModel,
    alias_paths,
    apply_aliases,
    is_json_media_type,
    nul_characters,
    parse_json,
    validate_body,
)
from liveavatar_server.resources import (
    Call,
    Resource,
    ResourceEngine,
    build_engine,
    implemented,
)

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]
Outcome = tuple[int, bytes, list[tuple[bytes, bytes]]]

_JSON = [(b"content-type", b"application/json")]
log = logging.getLogger("liveavatar_server")


def envelope(status: int, message: str) -> bytes:
    return pydantic_core.to_json({"code": status, "data": None, "message": message})


def _error(exc: ApiError) -> Outcome:
    headers = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in exc.headers.items()]
    return exc.status, envelope(exc.status, exc.message), headers


def _invalid(exc: RequestInvalid) -> Outcome:
    return 422, pydantic_core.to_json({"detail": exc.detail}), []


def request_url(scope: Scope, headers: dict[str, str]) -> str:
    """The absolute URL the client asked for (Host header first, as Starlette does)."""
    host = headers.get("host")
    if not host:
        server = scope.get("server") or ("127.0.0.1", 80)
        host = f"{server[0]}:{server[1]}"
    query = scope.get("query_string", b"").decode("latin-1")
    url = f"{scope.get('scheme', 'http')}://{host}{scope.get('root_path', '')}{scope['path']}"
    return f"{url}?{query}" if query else url


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
    """Serves every operation of the effective spec; behaviour comes from the stub subclasses."""

    def __init__(
        self,
        store: Store,
        *,
        spec: JSONObject | None = None,
        handlers: Implementation[Call] | None = None,
        bindings: dict[str, Binding] | None = None,
        extra_routes: dict[str, ASGIApp] | None = None,
        engine: ResourceEngine | None = None,
    ) -> None:
        self.store = store
        self.spec = spec if spec is not None else load_spec()
        self.operations = operations(self.spec)
        self.router = Router(self.operations)
        self.handlers = implementation() if handlers is None else handlers
        self.bindings = BINDINGS if bindings is None else bindings
        self.engine = (
            build_engine(self.spec, self.handlers, self.bindings) if engine is None else engine
        )
        # Who serves each operation: its handler when one implements it, else the resource
        # engine when the resource model gives it a role, else the stub (501).
        self.served: dict[str, tuple[Resource, str] | None] = {
            operation_id: None
            if implemented(self.handlers, binding)
            else self._engine_role(operation_id)
            for operation_id, binding in self.bindings.items()
        }
        self.extra_routes = extra_routes or {}
        self.max_body = store.settings.max_body_bytes
        self.authenticator = Authenticator(self.spec)
        rate = store.settings.rate_limit
        self.limiter = RateLimiter(rate) if rate else None
        self._parameters = {
            op.operation_id: ParameterModel(op.parameters) for op in self.operations
        }
        # One adapter per body type (a model, or the union a `oneOf` body stands for).
        self._bodies: dict[str, TypeAdapter[Any]] = {
            operation_id: TypeAdapter(binding.body)
            for operation_id, binding in self.bindings.items()
            if binding.body is not None
        }
        # Legacy values a body still accepts (`x-aliases` in the overlay: `mode: CUSTOM`).
        self._aliases = {
            op.operation_id: paths
            for op in self.operations
            if op.body_schema is not None and (paths := alias_paths(self.spec, op.body_schema))
        }

    def _engine_role(self, operation_id: str) -> tuple[Resource, str] | None:
        found = self.engine.model.role_of(operation_id)
        return found if found is not None and self.engine.serves(found[0]) else None

    def implemented(self) -> dict[str, str]:
        """operationId -> who serves it (`handler`, `engine`, or `501`), for completeness checks."""
        return {
            operation_id: "engine"
            if self.served.get(operation_id) is not None
            else "handler"
            if implemented(self.handlers, binding)
            else "501"
            for operation_id, binding in self.bindings.items()
        }

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
        framing = [] if status == 204 else [*_JSON, (b"content-length", str(len(body)).encode())]
        await send(
            {"type": "http.response.start", "status": status, "headers": [*framing, *headers]}
        )
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
        )

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
        try:
            operation, path_params = self._route(scope)
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            body = await self._read(operation, headers, receive)
        except ApiError as exc:
            return _error(exc)
        query = scope.get("query_string", b"")
        url = request_url(scope, headers)

        def work() -> Outcome:
            return self._execute(operation, path_params, headers, query, body, url)

        try:
            outcome = work()
        except RetryAlone:
            # Another process held a lock this turn's group may have kept it from: the group
            # commits now and the request runs again in a transaction of its own.
            self.store.alone()
            try:
                outcome = work()
            finally:
                self.store.grouped()
        committed = self.store.committed()
        if committed is not None:
            try:
                await committed
            except Exception:
                log.exception("commit failed serving %s %s", scope["method"], scope["path"])
                return 500, envelope(500, "Internal Server Error"), []
        return outcome

    # --- the steps, in order ------------------------------------------------------------------

    def _route(self, scope: Scope) -> tuple[Operation, dict[str, str]]:
        """Routing: the operation for the path and method (HEAD as GET), or 404 / 405 (`Allow`)."""
        matched = self.router.match(scope["path"])
        if matched is None:
            raise ApiError(404, "Not Found")
        route, path_params = matched
        method = scope["method"]
        # HEAD is GET without the body (RFC 9110); the body is dropped in `__call__`.
        operation = route.methods.get("GET" if method == "HEAD" else method)
        if operation is None:
            raise ApiError(405, "Method Not Allowed", headers={"Allow": route.allow})
        return operation, path_params

    async def _read(
        self, operation: Operation, headers: dict[str, str], receive: Receive
    ) -> bytes | None:
        """The request body of an operation that declares one (None otherwise); 413 past the limit."""
        if operation.body_schema is None:
            return None
        try:
            declared = int(headers.get("content-length", "0") or 0)
        except ValueError:
            declared = 0
        if declared > self.max_body:
            raise ApiError(413, "Request body exceeds 1 MiB")
        try:
            return await read_body(receive, self.max_body)
        except _BodyTooLarge:
            raise ApiError(413, "Request body exceeds 1 MiB") from None
        except _ClientGone:
            raise ApiError(400, "Client disconnected") from None

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
            principal = self.authenticator.authenticate(self.store, operation, headers)
            if operation.requirements and (principal is None or principal.space_id is None):
                raise ApiError(400, "This API key has no space")
            if self.limiter is not None and principal is not None:
                self.limiter.admit(principal.api_key_id)
            binding = self.bindings.get(operation.operation_id)
            if binding is None:
                raise NotImplementedOperation(operation.operation_id)
            params = self._parameters_of(operation, path_params, headers, query)
            document = self._validate(operation, headers, body)
            data = self._dispatch(binding, principal, params, document, url)
            return self._envelope(operation, binding, data)
        except Exception as exc:
            return self._failure(operation, exc)

    def _parameters_of(
        self,
        operation: Operation,
        path_params: dict[str, str],
        headers: dict[str, str],
        query: bytes,
    ) -> dict[str, Any]:
        """Validation of the declared path, query, header and cookie parameters."""
        raw = {
            "path": path_params,
            "header": headers,
            "cookie": cookies(headers["cookie"]) if "cookie" in headers else {},
            "query": dict(parse_qsl(query.decode("latin-1"), keep_blank_values=True))
            if query
            else {},
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
        return params

    def _validate(self, operation: Operation, headers: dict[str, str], body: bytes | None) -> Any:
        """Validation of the JSON body as the operation's body type; None when there is none."""
        adapter = self._bodies.get(operation.operation_id)
        if operation.body_schema is None or adapter is None:
            return None
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
                    [{"type": "missing", "loc": ["body"], "msg": "Field required", "input": None}]
                )
            return None
        document = parse_json(body)
        aliases = self._aliases.get(operation.operation_id)
        if aliases:
            document = apply_aliases(document, aliases)
        return validate_body(
            self.spec,
            operation.body_schema,
            adapter,
            document,
            allow_nul=self.store.accepts_nul,
        )

    def _dispatch(
        self,
        binding: Binding,
        principal: Principal | None,
        params: dict[str, Any],
        body: Any,
        url: str,
    ) -> Any:
        """The handler (or the engine) of ``binding`` with its parameters by Python name."""
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
            engine=self.engine,
        )
        served = self.served.get(binding.operation_id)
        if served is not None:
            return self.engine.run(served[0], served[1], ctx, kwargs)
        handler = getattr(getattr(self.handlers, binding.resource), binding.method)
        return handler(ctx, **kwargs)

    def _envelope(self, operation: Operation, binding: Binding, data: Any) -> Outcome:
        """The envelope `{code: 100, data, message}` with the operation's success status."""
        if binding.status == 204:
            return 204, b"", []  # No Content: the spec documents no body
        payload = {"code": 100, "data": data, "message": binding.summary}
        if operation.response_model is not None:
            document = operation.response_model.model_validate(payload)
            return binding.status, document.model_dump_json(exclude_unset=True).encode(), []
        return binding.status, pydantic_core.to_json(payload), []

    def _failure(self, operation: Operation, exc: Exception) -> Outcome:
        """Every failure's response: 501, an API error, a 422, or a logged 500."""
        if isinstance(exc, RetryAlone):
            raise exc
        if isinstance(exc, NotImplementedOperation):
            return _error(ApiError(501, str(exc)))
        if isinstance(exc, ApiError):
            return _error(exc)
        if isinstance(exc, RequestInvalid):
            return _invalid(exc)
        log.exception("unhandled error in %s", operation.operation_id, exc_info=exc)
        return 500, envelope(500, "Internal Server Error"), []
