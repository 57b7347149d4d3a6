"""Paginated lists: bounded parameters (422 like FastAPI), counts, absolute links, stable order."""

from __future__ import annotations

from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from liveavatar_server import Store
from liveavatar_server._pagination import Page
from liveavatar_server._spec import load_spec
from liveavatar_server._store import new_id
from liveavatar_server._tables import objects
from liveavatar_server.resources import engine
from sqlalchemy import insert

from tests.server._catalog_fixtures import ok
from tests.server.conftest import Tenant

# Every list the spec paginates (a GET with page and page_size) that needs no other parameter.
LISTS = [
    path
    for path, item in load_spec()["paths"].items()
    if "get" in item
    and {"page", "page_size"}
    <= {p["name"] for p in item["get"].get("parameters", []) if p.get("in") == "query"}
    and not any(
        p.get("required") and p.get("in") in ("path", "query")
        for p in item["get"].get("parameters", [])
    )
]


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"page": "0"}, "greater_than_equal"),
        ({"page": "-3"}, "greater_than_equal"),
        ({"page_size": "0"}, "greater_than_equal"),
        ({"page_size": "101"}, "less_than_equal"),
        ({"page": "two"}, "int_parsing"),
    ],
)
def test_page_parameters_are_bounded_as_the_spec_says(
    tenant: Tenant, path: str, params: dict[str, str], error: str
) -> None:
    response = tenant.http.get(path, params=params)
    assert response.status_code == 422
    [detail] = response.json()["detail"]
    assert detail["type"] == error
    assert detail["loc"] == ["query", next(iter(params))]


@pytest.mark.parametrize("path", LISTS)
def test_the_largest_page_is_fine(tenant: Tenant, path: str) -> None:
    assert "count" in ok(tenant.http.get(path, params={"page_size": 100}))


def _contexts(tenant: Tenant, count: int) -> list[str]:
    body = {"name": "c", "prompt": "p", "opening_text": "o"}
    return [ok(tenant.http.post("/v1/contexts", json=body))["id"] for _ in range(count)]


def test_pages_count_everything_and_link_absolutely(tenant: Tenant) -> None:
    ids = _contexts(tenant, 5)[::-1]  # newest first
    base = str(tenant.http.base_url).rstrip("/")
    pages = [
        ok(tenant.http.get("/v1/contexts", params={"page": n, "page_size": 2})) for n in (1, 2, 3)
    ]
    assert [p["count"] for p in pages] == [5, 5, 5]
    assert [r["id"] for p in pages for r in p["results"]] == ids
    assert "previous" not in pages[0]
    assert "next" not in pages[2]
    for number, page in enumerate(pages, start=1):
        for name, target in (("next", number + 1), ("previous", number - 1)):
            if name not in page:
                continue
            link = urlsplit(page[name])
            assert page[name].startswith(f"{base}/v1/contexts?")
            assert parse_qs(link.query) == {"page": [str(target)], "page_size": ["2"]}
    # A link is followable as is.
    assert ok(tenant.http.get(pages[0]["next"])) == pages[1]


def test_a_page_past_the_end_is_empty_not_an_error(tenant: Tenant, other_tenant: Tenant) -> None:
    _contexts(tenant, 3)
    beyond = ok(tenant.http.get("/v1/contexts", params={"page": 7, "page_size": 2}))
    assert (beyond["count"], beyond["results"]) == (3, [])
    assert "next" not in beyond
    assert parse_qs(urlsplit(beyond["previous"]).query)["page"] == ["2"]  # the last page
    empty = ok(other_tenant.http.get("/v1/contexts"))
    assert (empty["count"], empty["results"]) == (0, [])
    assert "next" not in empty
    assert "previous" not in empty


def test_ties_on_created_at_break_deterministically(store: Store, tenant: Tenant) -> None:
    stamp = datetime(2026, 3, 1, tzinfo=UTC)
    inserted = [new_id() for _ in range(7)]
    with store.engine.begin() as conn:
        for context_id in inserted:
            conn.execute(
                insert(objects),
                {
                    "id": context_id,
                    "kind": "context",
                    "space_id": tenant.space_id,
                    "doc": '{"name": "tie", "prompt": "p", "opening_text": "o", "links": []}',
                    "created_at": stamp,
                    "updated_at": stamp,
                },
            )
    walked = [
        r["id"]
        for n in (1, 2, 3, 4)
        for r in ok(tenant.http.get("/v1/contexts", params={"page": n, "page_size": 2}))["results"]
    ]
    assert walked == inserted[::-1]  # equal timestamps: the later insert first, every time


def test_a_page_reads_through_the_index_on_sqlite(store: Store) -> None:
    """No table scan and no sort for a page: the newest-first index serves it in order."""
    if store.engine.dialect.name != "sqlite":
        pytest.skip("PostgreSQL's planner picks by table statistics; see bench/results/bench.md")
    statements = engine.list_statements()  # every derived resource's pages and counts
    with store.engine.connect() as conn:
        for statement in statements:
            sql = str(statement.compile(dialect=conn.dialect))
            names = statement.compile(dialect=conn.dialect).params
            plan = " ".join(
                str(row[-1])
                for row in conn.exec_driver_sql(
                    f"EXPLAIN QUERY PLAN {sql}", tuple(names.get(k) or "x" for k in names)
                )
            )
            assert "USING" in plan, plan
            assert "INDEX" in plan, plan
            assert "TEMP B-TREE" not in plan, plan


def test_page_offsets() -> None:
    assert Page("http://h/x?page=3&page_size=10", 3, 10).offset == 20
