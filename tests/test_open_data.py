"""The open-data page lists the owner's files and the newest years of the others', however large the data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

from thidua.records.site import Site
from thidua.render.open_data_views import file_list, newest_years

OWNER = SimpleNamespace(id="so-tu-phap-an-giang", name="Sở Tư pháp tỉnh An Giang")


def _items(per_year: dict[int, int], issuer: str = "khac") -> list[SimpleNamespace]:
    return [
        SimpleNamespace(id=f"{issuer}-{year}-{n}", issuer=issuer, year=year)
        for year in sorted(per_year, reverse=True)
        for n in range(per_year[year])
    ]


def test_newest_years_take_whole_years_within_the_limit() -> None:
    items = _items({2025: 8, 2024: 8, 2023: 8})
    taken, years = newest_years(items, limit=20)
    assert years == [2025, 2024] and len(taken) == 16
    taken, years = newest_years(items, limit=5)  # one year more than the limit: still shown
    assert years == [2025] and len(taken) == 8
    assert newest_years([]) == ([], [])


def test_the_owner_first_then_the_others_newest_years() -> None:
    own = _items({2025: 1, 2016: 1}, OWNER.id)
    others = _items({2025: 33, 2024: 33})
    listed = file_list(own + others, Site(OWNER, dt.date(2026, 12, 2)))
    assert [g.title for g in listed.groups] == ["Của Sở Tư pháp tỉnh An Giang", "Của các cơ quan khác, năm 2025"]
    assert listed.groups[0].own and listed.groups[0].items == own  # all the owner's years
    assert len(listed.groups[1].items) == 33 and listed.left == 33


def test_without_an_owner_every_issuer_is_listed_by_year() -> None:
    items = _items({2024: 2, 2023: 3})
    listed = file_list(items, Site(None, dt.date(2026, 12, 2)))
    assert [g.title for g in listed.groups] == ["Của các cơ quan, các năm 2023–2024"]
    assert not listed.groups[0].own and listed.left == 0


def test_the_page_lists_one_file_per_line(site: Path) -> None:
    """On the real site: each file on its own list item, each group's title outside the lists."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser((site / "du-lieu-mo" / "index.html").read_text(encoding="utf-8"))
    items = [li for li in tree.css("article li") if li.css_first('a[href$=".yml"], a[href$=".ics"]')]
    assert items and all(len(li.css('a[href$=".yml"], a[href$=".ics"]')) == 1 for li in items)
    assert not any("Của " in li.text() for li in items)
    titles = [p.text() for p in tree.css("article p") if p.text().startswith("Của ")]
    assert "Của Sở Tư pháp tỉnh An Giang:" in titles and "Của các cơ quan khác, các năm 2022–2024:" in titles
