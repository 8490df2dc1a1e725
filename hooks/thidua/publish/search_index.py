"""The site's search index, split in small files so that a search downloads only what it needs.

The build gives every searchable page (`SearchDoc`: its address, title, key facts and text) to `SearchIndex`,
which writes under `search/`:

- `index.json`, the manifest: how many pages, how many shard files, the folding table (search.fold_table),
  the pages of the navigation, and the folder holding the rest (named by a hash of its content, so that a
  browser never mixes files of two builds);
- `<hash>/t/<n>.json`: the shards. Each term (a folded word, or two folded words that follow each other) is
  in shard `bucket(term) % shards`, with the pages that hold it, in which field and how much;
- `<hash>/w/<n>.json`: the words of the site by their first two letters, most frequent first, so that the
  last word of a query can match as a prefix while it is being typed;
- `<hash>/d/<page>.json`: one page's address, title and text, fetched for the results shown (excerpt and
  highlight in the page's own letters).

Postings are lists of page numbers as gaps ([3, 0, 4] = pages 3, 4, 9), and in the text field each page
with its BM25 term-frequency weight quantised to 1..15. A term in more than half of the pages is stored
as the pages that lack it. What folds to what, and what a word is, is decided by thidua.search alone; the
browser (docs/assets/javascripts/tdkt-search.js) reads the same table from the manifest.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from . import search

K1, B = 1.2, 0.75  # BM25's usual constants
LEVELS = 15  # text weights are quantised to 1..LEVELS
TITLE, LEAD = 2, 1  # field codes of a term's place on a page: the title, the key facts
SHARD_BYTES = 12_000  # aimed size of a shard file before gzip; a frequent term makes its shard larger


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page: its address from the site root ("ke-hoach/x/"), its title, the text of its key
    facts (the summary block), and its whole text."""

    url: str
    title: str
    lead: str
    text: str


def bucket(value: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes: which shard holds a term (the browser computes the same)."""
    h = 0x811C9DC5
    for byte in value.encode():
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def gaps(pages: Iterable[int]) -> list[int]:
    """Ascending page numbers as gaps: [3, 4, 9] -> [3, 0, 4]."""
    out: list[int] = []
    previous = -1
    for page in pages:
        out.append(page - previous - 1)
        previous = page
    return out


def _pairs(terms: list[str]) -> Iterator[str]:
    return (f"{a} {b}" for a, b in zip(terms, terms[1:], strict=False))


class SearchIndex:
    """Collects the pages, then `files()` gives every file of the index as (path under search/, bytes)."""

    def __init__(self, nav: Iterable[str] = ()) -> None:
        self._docs: list[SearchDoc] = []
        self._nav = list(nav)

    def add(self, doc: SearchDoc) -> None:
        self._docs.append(doc)

    def files(self) -> list[tuple[str, bytes]]:
        docs = sorted(self._docs, key=lambda d: d.url)  # page numbers do not depend on the build order
        n = len(docs)
        body: dict[str, list[tuple[int, int]]] = {}
        fields: dict[str, list[tuple[int, int]]] = {}
        forms: dict[str, dict[str, list[int]]] = {}
        tokenised = []
        total = 0
        for doc in docs:
            words = search.words(doc.text)
            total += len(words)
            tokenised.append((search.words(doc.title), search.words(doc.lead), words))
        average = total / n if n else 1.0
        term = search.term
        for page, (title_words, lead_words, text_words) in enumerate(tokenised):
            terms = [term(w) for w in text_words]
            norm = K1 * (1 - B + B * len(terms) / (average or 1.0))
            counts = Counter(terms)
            counts.update(_pairs(terms))
            for key, tf in counts.items():
                weight = tf * (K1 + 1) / (tf + norm) / (K1 + 1) * LEVELS
                body.setdefault(key, []).append((page, max(1, round(weight))))
            title_terms = [term(w) for w in title_words]
            lead_terms = [term(w) for w in lead_words]
            length = min(len(title_terms), 99)
            placed = {key: LEAD for key in (*lead_terms, *_pairs(lead_terms))}
            placed.update({key: TITLE + length for key in (*title_terms, *_pairs(title_terms))})
            for key, code in placed.items():
                fields.setdefault(key, []).append((page, code))
            for word in {*title_words, *lead_words, *text_words}:
                forms.setdefault(term(word), {}).setdefault(word, []).append(page)
        entries = {
            key: _entry(body.get(key, ()), fields.get(key, ()), forms.get(key), n) for key in sorted({*body, *fields})
        }
        return self._write(docs, entries, forms)

    def _write(self, docs, entries, forms) -> list[tuple[str, bytes]]:
        encoded = {key: _json(value) for key, value in entries.items()}
        shards = max(1, round(sum(len(k) + len(v) for k, v in encoded.items()) / SHARD_BYTES))
        grouped: dict[int, list[str]] = {}
        for key, value in encoded.items():
            grouped.setdefault(bucket(key) % shards, []).append(f"{_json(key)}:{value}")
        words = sorted((k for k in forms if " " not in k), key=lambda k: (-entries[k]["d"], k))
        starts: dict[str, list[str]] = {}
        for word in words:
            if len(word) >= 2:
                starts.setdefault(word[:2], []).append(word)
        prefixes = max(1, round(sum(len(w) + 3 for w in words) / SHARD_BYTES))
        by_prefix: dict[int, dict[str, list[str]]] = {}
        for start, listed in sorted(starts.items()):
            by_prefix.setdefault(bucket(start) % prefixes, {})[start] = listed
        out: list[tuple[str, bytes]] = []
        for number in range(shards):
            out.append((f"t/{number}.json", ("{" + ",".join(grouped.get(number, [])) + "}").encode()))
        for number in range(prefixes):
            out.append((f"w/{number}.json", _json(by_prefix.get(number, {})).encode()))
        for page, doc in enumerate(docs):
            out.append((f"d/{page}.json", _json({"u": doc.url, "t": doc.title, "x": doc.text}).encode()))
        digest = hashlib.sha256()
        for path, data in out:
            digest.update(path.encode() + b"\0" + data + b"\0")
        folder = digest.hexdigest()[:12]
        nav = set(self._nav)
        manifest = {
            "docs": len(docs),
            "shards": shards,
            "prefixes": prefixes,
            "dir": folder,
            "nav": [page for page, doc in enumerate(docs) if doc.url in nav],
            "fold": search.fold_table(word for spelled in forms.values() for word in spelled),
        }
        return [("index.json", _json(manifest).encode())] + [(f"{folder}/{path}", data) for path, data in out]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _flat(postings: Iterable[tuple[int, int]]) -> list[int]:
    out: list[int] = []
    previous = -1
    for page, value in postings:
        out += (page - previous - 1, value)
        previous = page
    return out


def _entry(body, fields, forms: dict[str, list[int]] | None, n: int) -> dict:
    pages = {page for page, _ in body} | {page for page, _ in fields}
    entry: dict = {"d": len(pages)}
    if len(body) > n / 2:  # most pages have it: list those that do not, without weights
        have = {page for page, _ in body}
        entry["c"] = gaps(page for page in range(n) if page not in have)
    elif body:
        entry["p"] = _flat(body)
    if fields:
        entry["t"] = _flat(fields)
    if forms:  # a single word: how it is written ("f", the commonest form; "v", the others, with their pages)
        ordered = sorted(forms.items(), key=lambda item: (-len(item[1]), item[0]))
        entry["f"] = ordered[0][0]
        common = set(ordered[0][1])
        lacking = sorted(pages - common)
        if lacking:
            entry["n"] = gaps(lacking)
        if len(ordered) > 1:
            entry["v"] = {form: gaps(listed) for form, listed in ordered[1:]}
    return entry
