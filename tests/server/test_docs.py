"""/docs: Swagger UI from packaged (vendored) files, rendered by a real headless Chromium."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import httpx
import pytest
from liveavatar_models.spec_walk import HTTP_METHODS
from liveavatar_server import build_app
from liveavatar_server._spec import load_spec
from liveavatar_server.testing import serve_app

from tests.server.conftest import make_store

ASSETS = resources.files("liveavatar_server").joinpath("_docs_assets")


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory, secret_key: str) -> Iterator[str]:
    """The docs do not depend on the database: SQLite only."""
    store = make_store(tmp_path_factory.mktemp("docs"), None, secret_key)
    with serve_app(build_app(store)) as url:
        yield url
    store.close()


def test_vendored_assets_match_their_record() -> None:
    record = json.loads(ASSETS.joinpath("VENDOR.json").read_text(encoding="utf-8"))
    assert record["package"] == "swagger-ui-dist"
    assert record["version"].startswith("5.")  # OpenAPI 3.1 needs Swagger UI 5
    for name, sha in record["files"].items():
        assert hashlib.sha256(ASSETS.joinpath(name).read_bytes()).hexdigest() == sha, name


def test_docs_page_loads_only_local_assets(base_url: str) -> None:
    page = httpx.get(base_url + "/docs", timeout=10)
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    references = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert references
    assert all(ref.startswith("/docs/assets/") for ref in references)
    for ref in references:
        asset = httpx.get(base_url + ref, timeout=10)
        assert asset.status_code == 200, ref
        assert int(asset.headers["content-length"]) > 0
    script = httpx.get(base_url + "/docs/assets/swagger-ui-bundle.js", timeout=10)
    assert script.headers["content-type"].startswith("text/javascript")
    assert httpx.get(base_url + "/docs/assets/nope.js", timeout=10).status_code == 404
    assert httpx.post(base_url + "/docs", timeout=10).status_code == 405


def test_openapi_json_is_the_effective_spec_pointing_here(base_url: str) -> None:
    served = httpx.get(base_url + "/openapi.json", timeout=10).json()
    assert served["servers"] == [{"url": "/"}]
    assert {**served, "servers": None} == {**load_spec(), "servers": None}


@pytest.mark.slow
def test_docs_render_every_operation_in_headless_chromium(
    base_url: str, tmp_path: Path, chromium: str
) -> None:
    result = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--virtual-time-budget=15000",
            "--dump-dom",
            base_url + "/docs",
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    rendered = Counter(re.findall(r'class="opblock-summary-path" data-path="([^"]+)"', dom))
    expected = Counter(
        path
        for path, item in load_spec()["paths"].items()
        for method in item
        if method in HTTP_METHODS
    )
    assert rendered == expected
    methods = Counter(re.findall(r'class="opblock-summary-method">([A-Z]+)<', dom))
    assert methods == Counter(
        method.upper()
        for item in load_spec()["paths"].values()
        for method in item
        if method in HTTP_METHODS
    )


@pytest.mark.parametrize("path", ["/", "/docs/"])
def test_the_root_and_the_slashed_docs_redirect_to_the_docs(base_url: str, path: str) -> None:
    for method in ("GET", "HEAD"):
        response = httpx.request(method, base_url + path, timeout=10)
        assert response.status_code == 307, (method, path)
        assert response.headers["location"] == "/docs"
    landed = httpx.get(base_url + path, timeout=10, follow_redirects=True)
    assert landed.status_code == 200
    assert landed.headers["content-type"].startswith("text/html")


def test_head_of_the_docs_page_has_no_body_and_unknown_docs_paths_stay_404(base_url: str) -> None:
    head = httpx.head(base_url + "/docs", timeout=10)
    assert head.status_code == 200
    assert head.content == b""
    assert int(head.headers["content-length"]) > 0
    assert httpx.get(base_url + "/docs/nope", timeout=10).status_code == 404
