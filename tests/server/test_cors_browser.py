"""A page on another origin drives a session with `fetch` in headless Chromium (skipped without it).

The page is served from `http://localhost:<port>` (3000 when free), the API by
`liveavatar-server serve` with `LIVEAVATAR_CORS_ORIGINS` naming that origin only: token, start,
keep-alive and stop go through (with preflights, since they send `X-API-KEY`, `Authorization`
and JSON); the same page served from `http://127.0.0.1:<port>` is refused by the browser.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import socket
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests._support.live import LiveServer, Storage

pytestmark = pytest.mark.slow
AVATAR = "dd73ea75-1218-4ef3-92ce-606d5f7fbc0a"

PAGE = """<!doctype html><html><body><pre id="out">running</pre><script>
const api = %(api)s, key = %(key)s, out = [];
async function call(path, headers, body) {
  const answer = await fetch(api + path, {method: "POST", body: JSON.stringify(body),
    headers: {"Content-Type": "application/json", ...headers}});
  out.push(path + " " + answer.status);
  return (await answer.json()).data;
}
(async () => {
  try {
    const token = await call("/v1/sessions/token", {"X-API-KEY": key},
      {mode: "LITE", avatar_id: %(avatar)s, is_sandbox: true});
    const bearer = {"Authorization": "Bearer " + token.session_token};
    const started = await call("/v1/sessions/start", bearer, {});
    out.push("ws_url " + (started.ws_url ? "yes" : "no"));
    await call("/v1/sessions/keep-alive", bearer, {});
    await call("/v1/sessions/stop", bearer, {reason: "USER_CLOSED"});
  } catch (error) {
    out.push("blocked " + error.name);
  }
  document.getElementById("out").textContent = "done\\n" + out.join("\\n");
})();
</script></body></html>
"""


def _port(preferred: int) -> int:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", preferred))
        except OSError:
            sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="module")
def page_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[int, Path]]:
    root = tmp_path_factory.mktemp("page")
    port = _port(3000)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root))
    handler_class: type[http.server.BaseHTTPRequestHandler] = handler  # type: ignore[assignment]
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler_class)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield port, root
    finally:
        httpd.shutdown()
        httpd.server_close()


def _dom(browser: str, url: str, profile: Path) -> str:
    result = subprocess.run(
        [
            browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--no-first-run", f"--user-data-dir={profile}",
            "--virtual-time-budget=15000", "--dump-dom", url,
        ],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    found = re.search(r'<pre id="out">(.*?)</pre>', result.stdout, re.DOTALL)
    assert found, result.stdout[-2000:]
    return found.group(1)


def test_a_page_on_an_allowed_origin_drives_a_session_and_others_are_refused(
    page_server: tuple[int, Path], tmp_path: Path, chromium: str
) -> None:
    port, root = page_server
    origin = f"http://localhost:{port}"
    storage = Storage(tmp_path / "data", settings={"LIVEAVATAR_CORS_ORIGINS": origin})
    key = storage.provision("browser")
    with LiveServer(storage) as live:
        page = PAGE % {
            "api": json.dumps(live.base_url),
            "key": json.dumps(key),
            "avatar": json.dumps(AVATAR),
        }
        (root / "index.html").write_text(page, encoding="utf-8")
        allowed = _dom(chromium, f"{origin}/index.html", tmp_path / "p1")
        refused = _dom(chromium, f"http://127.0.0.1:{port}/index.html", tmp_path / "p2")
    assert allowed.splitlines() == [
        "done",
        "/v1/sessions/token 200",
        "/v1/sessions/start 201",
        "ws_url yes",
        "/v1/sessions/keep-alive 200",
        "/v1/sessions/stop 200",
    ], allowed
    assert refused.splitlines() == ["done", "blocked TypeError"], refused
