"""Auto-pagination across pages, sync and async: lazy item iteration, pages, plain lists stay lists."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from liveavatar import AsyncLiveAvatar, LiveAvatar, LiveAvatarError
from liveavatar_api.models import AvatarSchema

from tests._support.examples import example_value
from tests.client.conftest import API_KEY, BASE_URL, envelope
from tests.conftest import ROOT

SPEC: dict[str, Any] = json.loads((ROOT / "generated" / "openapi.effective.json").read_bytes())
AVATAR = example_value(SPEC, {"$ref": "#/components/schemas/AvatarSchema"}, all_fields=True)
PAGES = 3
PER_PAGE = 2


class PagedAPI:
    """`/v1/avatars/public` over PAGES pages of PER_PAGE avatars, `next` linking each page."""

    def __init__(self) -> None:
        self.pages: list[int] = []

    def respond(self, request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        self.pages.append(page)
        following = f"{BASE_URL}{request.url.path}?page={page + 1}" if page < PAGES else None
        results = [{**AVATAR, "id": avatar_id(page, i)} for i in range(PER_PAGE)]
        data = {"count": PAGES * PER_PAGE, "next": following, "previous": None, "results": results}
        return httpx.Response(200, json=envelope(data))


def avatar_id(page: int, index: int) -> str:
    return f"00000000-0000-0000-0000-{page:06d}{index:06d}"


ALL_IDS = [avatar_id(page, i) for page in range(1, PAGES + 1) for i in range(PER_PAGE)]


@pytest.fixture
def paged() -> PagedAPI:
    return PagedAPI()


def test_iterating_a_list_walks_every_page_lazily(paged: PagedAPI) -> None:
    http = httpx.Client(transport=httpx.MockTransport(paged.respond))
    with LiveAvatar(base_url=BASE_URL, http_client=http) as client:
        listed = client.avatars.list_public()
        assert paged.pages == [1]  # one request until the caller walks further
        iterator = iter(listed)
        first = next(iterator)
        assert isinstance(first, AvatarSchema)
        assert paged.pages == [1]
        assert [str(first.id), *(str(avatar.id) for avatar in iterator)] == ALL_IDS
    assert paged.pages == [1, 2, 3]


def test_a_page_has_items_count_and_the_next_page(paged: PagedAPI) -> None:
    http = httpx.Client(transport=httpx.MockTransport(paged.respond))
    with LiveAvatar(base_url=BASE_URL, http_client=http) as client:
        page = client.avatars.list_public(page_size=PER_PAGE)
        assert [str(a.id) for a in page.items] == ALL_IDS[:PER_PAGE]
        assert page.count == PAGES * PER_PAGE
        assert page.has_next_page()
        second = page.next_page()
        assert [str(a.id) for a in second.items] == ALL_IDS[PER_PAGE : 2 * PER_PAGE]
        pages = list(page.iter_pages())
        assert len(pages) == PAGES
        assert not pages[-1].has_next_page()
        with pytest.raises(LiveAvatarError, match="last page"):
            pages[-1].next_page()
        later = client.avatars.list_public(page=2)
        assert [str(a.id) for a in later] == ALL_IDS[PER_PAGE:]
    assert paged.pages == [1, 2, 2, 3, 2, 3]  # iter_pages starts from the page in hand


def test_page_size_travels_with_every_page() -> None:
    seen: list[httpx.QueryParams] = []
    paged = PagedAPI()

    def respond(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.params)
        return paged.respond(request)

    http = httpx.Client(transport=httpx.MockTransport(respond))
    with LiveAvatar(base_url=BASE_URL, http_client=http) as client:
        assert len(list(client.avatars.list_public(page_size=PER_PAGE))) == PAGES * PER_PAGE
    assert [params.get("page_size") for params in seen] == [str(PER_PAGE)] * PAGES


def test_async_for_walks_every_page_and_await_gives_the_first(paged: PagedAPI) -> None:
    async def scenario() -> None:
        http = httpx.AsyncClient(transport=httpx.MockTransport(paged.respond))
        async with AsyncLiveAvatar(base_url=BASE_URL, http_client=http) as client:
            assert [str(a.id) async for a in client.avatars.list_public()] == ALL_IDS
            page = await client.avatars.list_public()
            assert page.count == PAGES * PER_PAGE
            assert [str(a.id) for a in (await page.next_page()).items] == ALL_IDS[2:4]
            assert len([p async for p in page.iter_pages()]) == PAGES
            assert [str(a.id) async for a in page] == ALL_IDS

    asyncio.run(scenario())


def test_plain_array_lists_stay_lists() -> None:
    http = httpx.Client(
        transport=httpx.MockTransport(lambda r: httpx.Response(200, json=envelope([])))
    )
    with LiveAvatar(API_KEY, base_url=BASE_URL, http_client=http) as client:
        assert client.secrets.list() == []
        assert client.languages.get() == []


def test_a_page_prints_as_what_users_import(paged: PagedAPI) -> None:
    http = httpx.Client(transport=httpx.MockTransport(paged.respond))
    with LiveAvatar(base_url=BASE_URL, http_client=http) as client:
        page = client.avatars.list_public()
        last = list(page.iter_pages())[-1]
    assert repr(page) == (
        f"<SyncPage page=1 items={PER_PAGE} of count={PAGES * PER_PAGE} has_next_page=True>"
    )
    assert repr(last).startswith(f"<SyncPage page={PAGES} ")
    assert "has_next_page=False" in repr(last)
    assert "Impl" not in repr(page)
