"""Page arithmetic for the paginated lists: offsets and the absolute `next`/`previous` URLs."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

__all__ = ["Page"]


@dataclass(frozen=True)
class Page:
    """One requested page: `page` counts from 1; the spec bounds `page_size`."""

    url: str  # the absolute request URL, query included
    number: int
    size: int

    @property
    def offset(self) -> int:
        # Capped so a huge `page` reads past the end (an empty page) instead of overflowing
        # the database's 64-bit OFFSET.
        return min((self.number - 1) * self.size, 2**62)

    def _link(self, number: int) -> str:
        scheme, netloc, path, query, _ = urlsplit(self.url)
        params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=True) if k != "page"]
        params.append(("page", str(number)))
        return urlunsplit((scheme, netloc, path, urlencode(params), ""))

    def links(self, count: int) -> tuple[str | None, str | None]:
        """(next, previous) for a list of ``count`` items in all; None past either end."""
        last = max(1, -(-count // self.size))
        following = self._link(self.number + 1) if self.number < last else None
        preceding = self._link(min(self.number - 1, last)) if self.number > 1 else None
        return following, preceding
