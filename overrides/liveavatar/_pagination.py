"""Auto-pagination: pages of `{count, next, previous, results}` lists, walked lazily, sync and async."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Generator, Iterator
from typing import Any, Generic, TypeVar

import httpx
from liveavatar_api.types import Unset

from liveavatar.errors import LiveAvatarError

__all__ = [
    "AsyncPageImpl",
    "AsyncPagerImpl",
    "SyncPageImpl",
    "async_pager",
    "first_page",
    "first_page_number",
]

T = TypeVar("T")


def first_page_number(kwargs: dict[str, Any]) -> int:
    """The page a list call asks for (the spec's default, 1, when not given)."""
    page = kwargs.get("page")
    return page if isinstance(page, int) else 1


class _PageData(Generic[T]):
    """What both page classes read from the paginated `data` model."""

    def __init__(self, data: Any, number: int) -> None:
        self._data = data
        self.number = number
        results = getattr(data, "results", None)
        self.items: list[T] = list(results) if isinstance(results, list) else []
        count = getattr(data, "count", None)
        self.count: int = count if isinstance(count, int) else len(self.items)

    def _next_link(self) -> object:
        # openapi-python-client names the attribute `next_` (it would shadow the builtin).
        return getattr(self._data, "next_", getattr(self._data, "next", None))

    def has_next_page(self) -> bool:
        following = self._next_link()
        return bool(self.items) and isinstance(following, str) and bool(following)

    def _next_number(self) -> int:
        """The `page` of the `next` link when it has one, else the following number."""
        following = self._next_link()
        if not self.has_next_page() or isinstance(following, Unset):
            raise LiveAvatarError("This is the last page: there is no next page.")
        try:
            page = httpx.URL(str(following)).params.get("page")
            return int(page) if page is not None else self.number + 1
        except (ValueError, httpx.InvalidURL):
            return self.number + 1

    # Named for what users import (`liveavatar.SyncPage` / `AsyncPage`), not for this class.
    _public_name = "Page"

    def __repr__(self) -> str:
        return (
            f"<{self._public_name} page={self.number} items={len(self.items)} "
            f"of count={self.count} has_next_page={self.has_next_page()}>"
        )


class SyncPageImpl(_PageData[T]):
    """`liveavatar.SyncPage`: `.items`, `.count`, `.next_page()`, `.iter_pages()`; iterate for items."""

    _public_name = "SyncPage"

    def __init__(self, data: Any, number: int, fetch: Callable[[int], SyncPageImpl[T]]) -> None:
        super().__init__(data, number)
        self._fetch = fetch

    def next_page(self) -> SyncPageImpl[T]:
        return self._fetch(self._next_number())

    def iter_pages(self) -> Iterator[SyncPageImpl[T]]:
        page = self
        yield page
        while page.has_next_page():
            page = page.next_page()
            yield page

    def __iter__(self) -> Iterator[T]:
        for page in self.iter_pages():
            yield from page.items


class AsyncPageImpl(_PageData[T]):
    """`liveavatar.AsyncPage`: the same, with `await page.next_page()` and `async for`."""

    _public_name = "AsyncPage"

    def __init__(
        self, data: Any, number: int, fetch: Callable[[int], Awaitable[AsyncPageImpl[T]]]
    ) -> None:
        super().__init__(data, number)
        self._fetch = fetch

    async def next_page(self) -> AsyncPageImpl[T]:
        return await self._fetch(self._next_number())

    async def iter_pages(self) -> AsyncIterator[AsyncPageImpl[T]]:
        page = self
        yield page
        while page.has_next_page():
            page = await page.next_page()
            yield page

    async def __aiter__(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item


class AsyncPagerImpl(Generic[T]):
    """What an async list returns: `await` it for the first page, or `async for` every item."""

    def __init__(self, fetch: Callable[[int], Awaitable[AsyncPageImpl[T]]], first: int) -> None:
        self._fetch = fetch
        self._first = first

    def __await__(self) -> Generator[Any, None, AsyncPageImpl[T]]:
        return self._fetch(self._first).__await__()

    async def __aiter__(self) -> AsyncIterator[T]:
        page = await self
        async for item in page:
            yield item

    def __repr__(self) -> str:
        return f"<AsyncPager page={self._first} (await it for the page, async for the items)>"


# One list call: `run(operation, args, kwargs, session_token)` returns a page's `data`.
Run = Callable[[Any, tuple[Any, ...], dict[str, Any], str | None], Any]


def first_page(
    run: Run, operation: Any, args: tuple[Any, ...], kwargs: dict[str, Any], token: str | None
) -> SyncPageImpl[Any]:
    """The first page of a sync list call; each page fetches the next through `run`."""

    def fetch(number: int) -> SyncPageImpl[Any]:
        return SyncPageImpl(run(operation, args, {**kwargs, "page": number}, token), number, fetch)

    return fetch(first_page_number(kwargs))


def async_pager(
    run: Run, operation: Any, args: tuple[Any, ...], kwargs: dict[str, Any], token: str | None
) -> AsyncPagerImpl[Any]:
    """`first_page` of the async client: `run` returns an awaitable of the page's `data`."""

    async def fetch(number: int) -> AsyncPageImpl[Any]:
        data = await run(operation, args, {**kwargs, "page": number}, token)
        return AsyncPageImpl(data, number, fetch)

    return AsyncPagerImpl(fetch, first_page_number(kwargs))
