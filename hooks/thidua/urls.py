"""Where each generated page lives, as a path relative to the docs folder (ASCII, đ → d)."""

from __future__ import annotations

import posixpath

from slugify import slugify

HOME = "index.md"
PLANS = "ke-hoach/index.md"
MOVEMENTS = "phong-trao/index.md"
COMMEMORATIONS = "ngay-ky-niem/index.md"
LEGAL = "van-ban/index.md"
BODIES = "co-quan/index.md"

SECTIONS = {
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


def data_download(plan_id: str) -> str:
    """The plan's data file, published beside its page for readers who want to reuse it."""
    return f"ke-hoach/{plan_id}.yml"


def relative(here: str, target: str) -> str:
    """A Markdown link from page `here` to page `target`; MkDocs turns it into the right URL under any sub-path."""
    target_path, _, fragment = target.partition("#")
    rel = posixpath.relpath(target_path, posixpath.dirname(here) or ".") if target_path else ""
    return f"{rel}#{fragment}" if fragment else rel


def slug(text: str) -> str:
    """ASCII slug that keeps "đ" readable as "d": "Điển hình tiên tiến" -> "dien-hinh-tien-tien"."""
    return slugify(text)


def heading_slug(value: str, separator: str) -> str:
    """Python-Markdown `toc` slugify hook, so heading anchors are ASCII and keep "đ" as "d"."""
    return slugify(value, separator=separator)
