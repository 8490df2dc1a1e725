"""A strict build of the real data: every link resolves, under any sub-path, with no third-party request."""

from __future__ import annotations

import json
import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from conftest import build_site


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.lang: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        for attr in ("href", "src"):
            if a.get(attr):
                rel = a.get("rel") or ""
                self.links.append((f"{tag}[rel={rel}]" if rel else tag, attr, a[attr]))


def parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def test_expected_pages_exist(site: Path) -> None:
    for path in [
        "index.html",
        "ke-hoach/index.html",
        "phong-trao/index.html",
        "ngay-ky-niem/index.html",
        "van-ban/index.html",
        "co-quan/index.html",
        "gioi-thieu/index.html",
        "ke-hoach/2023-stp-an-giang-dien-hinh-tien-tien/index.html",
        "ke-hoach/2023-stp-an-giang-dien-hinh-tien-tien/ban-in/index.html",
        "co-quan/so-tu-phap-bac-giang/index.html",
        "ngay-ky-niem/gio-to-hung-vuong/index.html",
    ]:
        assert (site / path).is_file(), path
    assert all(p.relative_to(site).as_posix().isascii() for p in site.rglob("*"))


def test_internal_links_resolve_and_are_relative(site: Path) -> None:
    broken = []
    for page in html_pages(site):
        here = page.relative_to(site).as_posix()
        for tag, attr, value in parse(page).links:
            parts = urlsplit(value)
            if parts.scheme or value.startswith(("#", "mailto:", "data:")):
                continue
            assert not value.startswith("/"), f"{here}: {value} would break under a sub-path"
            target = posixpath.normpath(posixpath.join(posixpath.dirname(here), parts.path))
            candidate = site / target
            if candidate.is_dir():
                candidate = candidate / "index.html"
            if not candidate.is_file():
                broken.append(f"{here}: <{tag} {attr}={value}>")
    assert broken == []


def test_no_third_party_requests(site: Path) -> None:
    """Only hyperlinks may point elsewhere; nothing the browser loads by itself may (the site runs on an intranet)."""
    loaded = []
    for page in html_pages(site):
        for tag, attr, value in parse(page).links:
            is_hyperlink = tag == "a" or tag.startswith("link[rel=canonical") or tag.startswith("link[rel=alternate")
            if urlsplit(value).scheme in ("http", "https") and not is_hyperlink:
                loaded.append(f"{page.relative_to(site)}: <{tag} {attr}={value}>")
    assert loaded == []
    for css in site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:|fonts\.googleapis", css.read_text(encoding="utf-8")), css


def test_pages_are_vietnamese(site: Path) -> None:
    for page in html_pages(site):
        assert parse(page).lang == "vi", page


def test_search_index_holds_the_plans(site: Path) -> None:
    manifest = json.loads((site / "search" / "index.json").read_text(encoding="utf-8"))
    pages = (site / "search" / manifest["dir"] / "d").glob("*.json")
    locations = {json.loads(p.read_text(encoding="utf-8"))["u"] for p in pages}
    assert "ke-hoach/2024-stp-bac-giang-phat-dong-thi-dua/" in locations
    assert not any("/ban-in/" in loc for loc in locations), "the print form duplicates the reading page in search"


def test_broken_data_fails_the_build_with_located_errors(data_copy: Path, tmp_path: Path) -> None:
    plan = data_copy / "plans" / "2024-stp-bac-giang-phat-dong-thi-dua.yml"
    plan.write_text(plan.read_text(encoding="utf-8").replace("year: 2024", "year: hai nghìn", 1), encoding="utf-8")
    result = build_site(tmp_path / "out", data_copy)
    assert result.returncode != 0
    assert "data/plans/2024-stp-bac-giang-phat-dong-thi-dua.yml:2:7: error: trường 'year'" in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()


NOTE_MARKS = re.compile(r'<sup class="tdkt-ed"><a href="#ghi-chu-bien-tap-(\d+)"')


def test_editorial_notes_are_numbered_in_reading_order(site: Path) -> None:
    """On every page, the first marks a reader meets read [1], [2], [3], ... and each has its note."""
    pages = 0
    for html_file in site.rglob("index.html"):
        html = html_file.read_text(encoding="utf-8")
        marks = [int(n) for n in NOTE_MARKS.findall(html)]
        if not marks:
            continue
        pages += 1
        first_seen = list(dict.fromkeys(marks))
        assert first_seen == list(range(1, len(first_seen) + 1)), (html_file, first_seen)
        for n in first_seen:
            assert f'id="ghi-chu-bien-tap-{n}"' in html, (html_file, n)
    assert pages >= 5  # plans, their official forms, the calendar, the criteria page
