"""Interactive API docs at /docs and the effective spec at /openapi.json, from packaged files.

Swagger UI is vendored into `_docs_assets/` by `make vendor-docs` (see VENDOR.json): the page
works offline and a strict Content-Security-Policy keeps it to this origin.
"""

from __future__ import annotations

import functools
import json
from importlib import resources

from liveavatar_server._app import ASGIApp, Receive, Scope, Send, envelope
from liveavatar_server._spec import load_spec

ASSET_PREFIX = "/docs/assets/"
_TYPES = {
    ".js": b"text/javascript; charset=utf-8",
    ".css": b"text/css; charset=utf-8",
    ".png": b"image/png",
    ".txt": b"text/plain; charset=utf-8",
    ".json": b"application/json",
    "": b"text/plain; charset=utf-8",
}
_CSP = (
    b"default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    b"script-src 'self'; connect-src 'self'; frame-ancestors 'none'"
)
PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} - API docs</title>
<link rel="icon" type="image/png" href="/docs/assets/favicon-32x32.png">
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="swagger-ui"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/init.js"></script>
</body>
</html>
"""
INIT = """window.ui = SwaggerUIBundle({
  url: "/openapi.json",
  dom_id: "#swagger-ui",
  deepLinking: true,
  layout: "BaseLayout"
});
"""


def _respond(status: int, body: bytes, content_type: bytes, *extra: tuple[bytes, bytes]) -> ASGIApp:
    async def serve(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["method"] not in ("GET", "HEAD"):
            payload = envelope(405, "Method Not Allowed")
            await send(
                {
                    "type": "http.response.start",
                    "status": 405,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(payload)).encode()),
                        (b"allow", b"GET, HEAD"),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": payload})
            return
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [
                    (b"content-type", content_type),
                    (b"content-length", str(len(body)).encode()),
                    (b"x-content-type-options", b"nosniff"),
                    *extra,
                ],
            }
        )
        await send(
            {"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body}
        )

    return serve


def _assets() -> dict[str, ASGIApp]:
    folder = resources.files("liveavatar_server").joinpath("_docs_assets")
    vendored = json.loads(folder.joinpath("VENDOR.json").read_text(encoding="utf-8"))
    cache = (b"cache-control", b"public, max-age=86400")
    routes = {
        ASSET_PREFIX + name: _respond(
            200,
            folder.joinpath(name).read_bytes(),
            _TYPES.get("." + name.rsplit(".", 1)[-1] if "." in name else "", _TYPES[""]),
            cache,
        )
        for name in vendored["files"]
    }
    routes[ASSET_PREFIX + "init.js"] = _respond(200, INIT.encode(), _TYPES[".js"], cache)
    return routes


def docs_routes() -> dict[str, ASGIApp]:
    """Exact paths -> ASGI apps, plus "/docs/" for anything else under /docs (a 404).

    `/` and `/docs/` redirect (307) to `/docs`.
    """
    return dict(_docs_routes())


@functools.cache
def _docs_routes() -> dict[str, ASGIApp]:
    # Built once per process: the routes answer constants (the testing mode builds an app
    # per `serve()`; encoding the spec costs ~10 ms).
    spec = load_spec()
    # "Try it out" should call this server, not the production host the spec names.
    served = {**spec, "servers": [{"url": "/"}]}
    title = str(spec.get("info", {}).get("title", "API"))
    routes = _assets()
    routes["/openapi.json"] = _respond(200, json.dumps(served).encode(), b"application/json")
    routes["/docs"] = _respond(
        200,
        PAGE.format(title=title.replace("<", "&lt;")).encode(),
        b"text/html; charset=utf-8",
        (b"content-security-policy", _CSP),
    )
    # The root and the slashed form are where a newcomer's browser lands first.
    to_docs = _respond(307, b"", b"text/plain; charset=utf-8", (b"location", b"/docs"))
    routes["/"] = to_docs
    routes["/docs/"] = _under_docs(
        to_docs, _respond(404, envelope(404, "Not Found"), b"application/json")
    )
    return routes


def _under_docs(slashed: ASGIApp, unknown: ASGIApp) -> ASGIApp:
    """`/docs/` itself redirects; any other path under it that no asset holds is a 404."""

    async def serve(scope: Scope, receive: Receive, send: Send) -> None:
        await (slashed if scope["path"] == "/docs/" else unknown)(scope, receive, send)

    return serve
