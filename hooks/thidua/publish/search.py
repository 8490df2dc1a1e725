"""Vietnamese search: what a word is and what it folds to, for the index the build writes and for the
reader's query alike.

Readers type without diacritics ("dien hinh" for "điển hình", "thi dua" for "thi đua", "Dak Lak" for
"Đắk Lắk"). This module decides that: `words` cuts a text into words, `term` gives the form the index
holds (folded, lowercase, numbers without leading zeros so that "30/04" and "30/4" are the same date), and
`fold_table` writes the same folding as a character table into the index manifest, which the browser applies
to the query (docs/assets/javascripts/tdkt-search.js knows no Vietnamese). tests/test_search_browser.py
checks that the browser's words and terms are the ones computed here. The index itself: search_index.py.
Plain Python: nothing here imports MkDocs.
"""

from __future__ import annotations

import gzip
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
# A word: a run of letters and digits. The browser's pattern is /[\p{L}\p{N}]+/u: the same classes.
_WORD = re.compile(r"[^\W_]+")
_terms: dict[str, str] = {}  # word -> term: a site has far fewer distinct words than words


def fold(text: str) -> str:
    """Text without diacritics: "Điển hình tiên tiến" -> "Dien hinh tien tien" (case is kept)."""
    stripped = _MARKS.sub("", unicodedata.normalize("NFD", text))
    return unicodedata.normalize("NFC", stripped).translate(_LETTERS)


def words(text: str) -> list[str]:
    """The words of a text, lowercase NFC: "Kế hoạch 79/KH-STP" -> ["kế", "hoạch", "79", "kh", "stp"]."""
    return _WORD.findall(unicodedata.normalize("NFC", text).lower())


def term(word: str) -> str:
    """A word (lowercase, from `words`) as the index holds it: folded, and a number without its leading
    zeros, so that a date matches however it is written ("30/04", "30/4", "30-4": the words 30 and 4)."""
    found = _terms.get(word)
    if found is None:
        found = fold(word)
        if found.isascii() and found.isdigit():
            found = str(int(found))
        _terms[word] = found
    return found


def fold_table(texts: Iterable[str]) -> dict[str, str]:
    """Each character that folds, mapped to its folded form: the Vietnamese alphabet and whatever else
    occurs in `texts` (a name with "é", say). The browser applies it to a query's words after NFC."""
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
    """The addresses of the pages listed in mkdocs.yml `nav` (nested sections included), "" for the home page."""
    locations: list[str] = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            locations += nav_locations(value)
        elif isinstance(value, str) and value.endswith(".md"):
            locations.append(page_url(value))
    return locations
