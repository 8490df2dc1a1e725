"""Vietnamese search: diacritic folding, and the changes made to the search index the build writes.

Readers type without diacritics ("dien hinh" for "điển hình", "thi dua" for "thi đua"). Material's search
worker lowercases words but folds nothing, so this module decides what folds to what and writes that
decision into the index config as a table ("fold": character -> folded form). The worker wrapper
(docs/assets/javascripts/workers/tdkt-search.js) applies the table to every indexed word and every query
word, after Material's tokenizer has recorded where each word is: the text shown in results keeps its
diacritics, and the highlight marks the original word. No folded copy of the text is downloaded.

The index itself is Material's (`search/search_index.json`); `transform` only trims it and ranks section
pages first. Plain Python: nothing here imports MkDocs.
"""

from __future__ import annotations

import gzip
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from thidua.records.urls import page_url

# Combining marks that Vietnamese letters decompose into (tones, breve, circumflex, horn) and any other
# mark in the same Unicode block: all are dropped.
_MARKS = re.compile("[\u0300-\u036f]")
# "đ" is a letter of its own, not "d" with a mark: NFD leaves it alone, so it is mapped explicitly.
_LETTERS = str.maketrans({"đ": "d", "Đ": "D"})
# Every vowel with every tone, so that a query folds even when the site has no word with that letter.
_VOWELS = "aăâeêioôơuưy"
_TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
_BASE = (
    {unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in ("", *_TONES)}
    | set("đ")
    | set(_TONES)
    | set("\u0302\u0306\u031b")  # circumflex, breve, horn left over from decomposed input
)
# Runs of white space inside an entry's text, and paragraphs left empty by pictures.
_SPACES = re.compile(r"\s{2,}")
_EMPTY = re.compile(r"<p>\s*</p>\s?")

# A section page reached from the navigation ("Lịch tuyên truyền") ranks above detail pages whose titles
# repeat its words ("Lịch tuyên truyền tháng 1/2023"); lunr multiplies every match in it by this.
NAV_BOOST = 2.0


def fold(text: str) -> str:
    """Text without diacritics: "Điển hình tiên tiến" -> "Dien hinh tien tien" (case is kept)."""
    stripped = _MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", stripped).translate(_LETTERS)


def fold_table(texts: Iterable[str]) -> dict[str, str]:
    """Each character that folds, mapped to its folded form: the Vietnamese alphabet and whatever else
    occurs in `texts` (a name with "é", say). The worker applies it after NFC normalization."""
    chars = set(_BASE) | {c.upper() for c in _BASE}
    for text in texts:
        chars.update(unicodedata.normalize("NFC", text))
    folded = {c: fold(c) for c in chars if len(c) == 1}
    return {c: folded[c] for c in sorted(folded) if folded[c] != c}


@dataclass(frozen=True)
class Size:
    """What a reader downloads for search: the index as written, and as a web server sends it gzipped."""

    raw: int
    gzipped: int


def size(data: bytes) -> Size:
    return Size(len(data), len(gzip.compress(data, compresslevel=6, mtime=0)))


def nav_locations(nav: list[Any]) -> list[str]:
    """The index locations of the pages listed in mkdocs.yml `nav` (nested sections included)."""
    locations: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            locations += nav_locations(value)
        elif isinstance(value, str) and value.endswith(".md"):
            locations.append(page_url(value))
    return locations


def rewrite(data: bytes, nav: Iterable[str] = ()) -> bytes:
    """The index file as Material wrote it -> the file readers download (UTF-8, not \\u escapes)."""
    index = transform(json.loads(data), nav)
    return json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode()


def transform(index: dict[str, Any], nav: Iterable[str] = ()) -> dict[str, Any]:
    """Material's search index, ready for Vietnamese: the fold table in its config, white space trimmed,
    and the pages of the navigation (`nav`: their locations, "" for the home page) boosted."""
    boosted = set(nav)
    docs: list[dict[str, Any]] = []
    for doc in index["docs"]:
        entry = dict(doc)
        entry["text"] = _SPACES.sub(" ", _EMPTY.sub("", entry.get("text", ""))).strip()
        if entry["location"] in boosted and "boost" not in entry:
            entry["boost"] = NAV_BOOST
        docs.append(entry)
    config = dict(index["config"])
    config["fold"] = fold_table(text for doc in docs for text in (doc["title"], doc["text"]))
    return {**index, "config": config, "docs": docs}
