"""Long listings split into pages of a fixed size, with links between them: a listing's pages stay the
same size however much data there is, and so does the cost of building each page."""

from __future__ import annotations

from dataclasses import dataclass


def pages(path: str, items: list, size: int) -> list[tuple[str, list, int]]:
    """Split a listing into pages: "x/index.md" or "x.md" first, then "x/trang-2.md", ... (path, items, number)."""
    chunks = [items[i : i + size] for i in range(0, len(items), size)] or [[]]
    return [(page_path(path, n), chunk, n) for n, chunk in enumerate(chunks, 1)]


def page_path(first: str, number: int) -> str:
    """The path of page `number` of the listing whose first page is `first`."""
    base = first[: -len("/index.md")] if first.endswith("/index.md") else first[: -len(".md")]
    return first if number == 1 else f"{base}/trang-{number}.md"


@dataclass(frozen=True)
class PagerItem:
    number: int | None  # None: pages left out ("…")
    path: str = ""
    current: bool = False


def pager(first: str, number: int, count: int, around: int = 2) -> list[PagerItem]:
    """Links to the other pages of a listing: the first and the last, and `around` either side of the current
    one ("1 … 7 8 9 10 11 … 209"), so a page of a long listing is no longer than one of a short listing."""
    if count <= 1:
        return []
    shown = sorted({1, count, *range(max(1, number - around), min(count, number + around) + 1)})
    items: list[PagerItem] = []
    for previous, n in zip([0, *shown], shown, strict=False):
        if n - previous > 1:
            items.append(PagerItem(None))
        items.append(PagerItem(n, page_path(first, n), n == number))
    return items


LIST_SIZE = 50  # lines per page of a listing of plans, calendars or documents


def label(number: int, count: int) -> str:
    """What follows a paged listing's title after its first page: " (trang 2/7)"."""
    return f" (trang {number}/{count})" if number > 1 else ""


def by_year(items: list) -> list[tuple[int, list]]:
    """Records (newest first) under their year: [(2024, [...]), (2023, [...])]."""
    years: dict[int, list] = {}
    for item in items:
        years.setdefault(item.year, []).append(item)
    return list(years.items())
