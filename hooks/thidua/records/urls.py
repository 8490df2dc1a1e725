"""Where each generated page lives, as a path relative to the docs folder (ASCII, đ → d)."""

from __future__ import annotations

from functools import lru_cache

from slugify import slugify

HOME = "index.md"
PLANS = "ke-hoach/index.md"
MOVEMENTS = "phong-trao/index.md"
COMMEMORATIONS = "ngay-ky-niem/index.md"
LEGAL = "van-ban/index.md"
BODIES = "co-quan/index.md"
CALENDARS = "lich-tuyen-truyen/index.md"
DEADLINES_FEED = "ke-hoach/thoi-han.ics"
THIS_MONTH = "lich-tuyen-truyen/theo-thang.json"
PROFILES = "dien-hinh/index.md"
PROFILE_CRITERIA = "dien-hinh/tieu-chi.md"
PROFILE_INDEX = "dien-hinh/danh-sach.json"
PROFILE_EXPORT = "dien-hinh/du-lieu.json"
PROFILE_FEED = "dien-hinh/feed.xml"
PLAN_FEED = "ke-hoach/feed.xml"
PHOTOS = "dien-hinh/anh"
OPEN_DATA = "du-lieu-mo.md"

SECTIONS = {
    "profiles": "dien-hinh",
    "calendars": "lich-tuyen-truyen",
    "plans": "ke-hoach",
    "movements": "phong-trao",
    "commemorations": "ngay-ky-niem",
    "legal": "van-ban",
    "bodies": "co-quan",
}


def record(kind: str, record_id: str) -> str:
    return f"{SECTIONS[kind]}/{record_id}.md"


def official(plan_id: str) -> str:
    return f"ke-hoach/{plan_id}/ban-in.md"


def calendar_month(calendar_id: str, month: int) -> str:
    return f"lich-tuyen-truyen/{calendar_id}/thang-{month:02d}.md"


def calendar_feed(calendar_id: str) -> str:
    return f"lich-tuyen-truyen/{calendar_id}.ics"


def data_download(plan_id: str) -> str:
    """The plan's data file, published beside its page for readers who want to reuse it."""
    return f"ke-hoach/{plan_id}.yml"


def relative(here: str, target: str) -> str:
    """A Markdown link from page `here` to page `target`; MkDocs turns it into the right URL under any sub-path."""
    target_path, _, fragment = target.partition("#")
    rel = _relpath(target_path, here.rpartition("/")[0]) if target_path else ""
    return f"{rel}#{fragment}" if fragment else rel


@lru_cache(maxsize=1 << 14)
def slug(text: str) -> str:
    """ASCII slug that keeps "đ" readable as "d": "Điển hình tiên tiến" -> "dien-hinh-tien-tien"."""
    return slugify(text)


@lru_cache(maxsize=1 << 14)
def heading_slug(value: str, separator: str) -> str:
    """Python-Markdown `toc` slugify hook, so heading anchors are ASCII and keep "đ" as "d"."""
    return slugify(value, separator=separator)


def page_url(path: str) -> str:
    """The URL of a page relative to the site root (directory URLs): "ke-hoach/x.md" -> "ke-hoach/x/"."""
    stem = path[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def asset(here: str, target: str) -> str:
    """A link from page `here` to a published file, for raw HTML (which MkDocs does not rewrite): relative
    to the page's own URL, "dien-hinh/x.md" being served as "dien-hinh/x/"."""
    return _relpath(target, page_url(here).rstrip("/"))


@lru_cache(maxsize=1 << 16)
def _relpath(target: str, start: str) -> str:
    """`posixpath.relpath` for the normalised relative paths of the site (no "." or ".." parts, "" for the
    root): a listing page makes thousands of links, and `relpath` resolves both against the working folder."""
    to, origin = target.split("/"), start.split("/") if start else []
    common = 0
    while common < min(len(to), len(origin)) and to[common] == origin[common]:
        common += 1
    return "/".join([".."] * (len(origin) - common) + to[common:]) or "."


def section_of(url: str, sections: dict[str, str]) -> str | None:
    """The listing a detail page belongs to, by its URL's first folder: "ke-hoach/x/" -> the page at
    "ke-hoach/" (the keys of `sections` are section URLs, site-relative). None for a page of no section."""
    first = url.split("/", 1)[0]
    key = f"{first}/" if first else ""
    return sections.get(key) if key and key != url else None
