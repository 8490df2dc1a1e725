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

Postings are lists of page numbers as gaps ([4, 1, 5] = pages 3, 4, 9), and in the text field each page
with its BM25 term-frequency weight quantised to 1..15. A term in more than half of the pages is stored
as the pages that lack it. What folds to what, and what a word is, is decided by thidua.search alone; the
browser (docs/assets/javascripts/tdkt-search.js) reads the same table from the manifest.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections import Counter, defaultdict, deque
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from itertools import chain, repeat
from operator import add, and_, mul, rshift, sub

from . import search

K1, B = 1.2, 0.75  # BM25's usual constants
LEVELS = 15  # text weights are quantised to 1..LEVELS
TITLE, LEAD = 2, 1  # field codes of a term's place on a page: the title, the key facts
SHARD_BYTES = 4_000  # aimed size of a shard file before gzip (a frequent term makes its own larger): a query
# reads one shard per word and per pair of words, so small shards cost little that is not needed


@dataclass(frozen=True)
class SearchDoc:
    """One searchable page: its address from the site root ("ke-hoach/x/"), its title, the text of its key
    facts (the summary block), its whole text, and the names it is known by besides its title (a plan's
    "Kế hoạch số 79/KH-STP"), found as if in the title but not shown."""

    url: str
    title: str
    lead: str
    text: str
    keys: str = ""


def bucket(value: str) -> int:
    """32-bit FNV-1a of the UTF-8 bytes: which shard holds a term (the browser computes the same)."""
    h = 0x811C9DC5
    for byte in value.encode():
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h


def gaps(pages: list[int]) -> list[int]:
    """Ascending page numbers as gaps: [3, 4, 9] -> [4, 1, 5] (each minus the one before, the first minus -1)."""
    return list(map(sub, pages, chain((-1,), pages[:-1])))


class SearchIndex:
    """Collects the pages, then `files()` gives every file of the index as (path under search/, bytes)."""

    def __init__(self, nav: Iterable[str] = ()) -> None:
        self._docs: list[SearchDoc] = []
        self._nav = list(nav)

    def add(self, doc: SearchDoc) -> None:
        self._docs.append(doc)

    def files(self) -> list[tuple[str, bytes]]:
        # Millions of (page, term) pairs at the ministry scale: the loops over them stay in C (Counter, map,
        # array), and a posting is one integer, page * 16 + term frequency (at most 15), until it is written.
        docs = sorted(self._docs, key=lambda d: d.url)  # page numbers do not depend on the build order
        n = len(docs)
        body: defaultdict[Hashable, array] = defaultdict(lambda: array("I"))
        fields: defaultdict[Hashable, list[int]] = defaultdict(list)
        spellings: defaultdict[str, list[int]] = defaultdict(list)  # words with diacritics -> pages
        terms_of: dict[str, str] = {}
        lengths = array("I")
        plain: set[str] = set()  # words without diacritics (their own term)
        for page, doc in enumerate(docs):
            words = search.words(doc.text)
            heading = search.words(f"{doc.title} {doc.keys}")
            lead = search.words(doc.lead)
            distinct = {*words, *heading, *lead}
            for word in distinct - terms_of.keys():
                terms_of[word] = found = search.term(word)
                if found == word:
                    plain.add(word)
            _append(spellings, list.append, distinct - plain, repeat(page))
            terms = list(map(terms_of.__getitem__, words))
            lengths.append(len(terms))
            counts = Counter(terms)
            counts.update(zip(terms, terms[1:], strict=False))
            _append(
                body, array.append, counts.keys(), map(add, repeat(page * 16), map(min, counts.values(), repeat(15)))
            )
            placed: dict[Hashable, int] = {}
            for listed, code in ((lead, LEAD), (heading, TITLE + min(len(heading), 99))):
                keys = list(map(terms_of.__getitem__, listed))
                placed.update(dict.fromkeys(keys, code))
                placed.update(dict.fromkeys(zip(keys, keys[1:], strict=False), code))
            for key, code in placed.items():
                fields[key].append(page * 128 + code)
        average = (sum(lengths) / n if n else 0.0) or 1.0
        # weight[tf + 16 * length class]: BM25's term-frequency part, quantised, for 64 classes of text length
        classes = [min(63, round(length / average * 16)) for length in lengths]
        weights = [
            max(1, round(tf * (K1 + 1) / (tf + K1 * (1 - B + B * cls / 16)) / (K1 + 1) * LEVELS)) if tf else 0
            for cls in range(64)
            for tf in range(16)
        ]
        entries = {}
        for key in sorted(body.keys() | fields.keys(), key=_name):
            entries[_name(key)] = _entry(body.get(key), fields.get(key), classes, weights, n)
        forms: dict[str, dict[str, list[int]]] = {}
        for word, pages in spellings.items():
            forms.setdefault(terms_of[word], {})[word] = pages
        for name, entry in entries.items():
            if " " not in name:
                _spell(entry, name, forms.get(name, {}))
            del entry["_pages"]
        return self._write(docs, entries, {*terms_of.values()}, {*terms_of})

    def _write(self, docs, entries, vocabulary: set[str], spelled: set[str]) -> list[tuple[str, bytes]]:
        encoded = {key: _json(value) for key, value in entries.items()}
        shards = max(1, round(sum(len(k) + len(v) for k, v in encoded.items()) / SHARD_BYTES))
        grouped: dict[int, list[str]] = {}
        for key, value in encoded.items():
            grouped.setdefault(bucket(key) % shards, []).append(f"{_json(key)}:{value}")
        words = sorted((k for k in vocabulary if k in entries), key=lambda k: (-entries[k]["d"], k))
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
            "fold": search.fold_table(spelled),
        }
        return [("index.json", _json(manifest).encode())] + [(f"{folder}/{path}", data) for path, data in out]


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _append(lists: defaultdict, append, keys: Iterable, values: Iterable[int]) -> None:
    """append(lists[key], value) for each pair, looped in C (a map of unbound methods, drained by a deque)."""
    deque(map(append, map(lists.__getitem__, keys), values), maxlen=0)


def _name(key: Hashable) -> str:
    """A term's name in the index: a word, or two words with a space between."""
    return key if isinstance(key, str) else f"{key[0]} {key[1]}"


def _interleave(first: Iterable[int], second: Iterable[int], size: int) -> list[int]:
    out = [0] * (2 * size)
    out[0::2] = first
    out[1::2] = second
    return out


def _entry(body: array | None, fields: list[int] | None, classes: list[int], weights: list[int], n: int) -> dict:
    codes = body or ()
    pages = list(map(rshift, codes, repeat(4)))
    placed = list(map(rshift, fields, repeat(7))) if fields else []
    entry: dict = {"d": len(set(pages).union(placed)) if placed else len(pages)}
    if len(pages) > n / 2:  # most pages have it: list those that do not, without weights
        entry["c"] = gaps(sorted(set(range(n)).difference(pages)))
    elif pages:
        tfs = map(and_, codes, repeat(15))
        levels = map(weights.__getitem__, map(add, tfs, map(mul, map(classes.__getitem__, pages), repeat(16))))
        entry["p"] = _interleave(gaps(pages), levels, len(pages))
    if fields:
        entry["t"] = _interleave(gaps(placed), map(and_, fields, repeat(127)), len(placed))
    entry["_pages"] = pages, placed
    return entry


def _spell(entry: dict, name: str, forms: dict[str, list[int]]) -> None:
    """How a word is written on the pages that have it: "f", its commonest form; "n", the pages without that
    form; "v", the other forms with their pages. A form without diacritics has no list of its own: it is
    on the pages that have the word minus those where only forms with diacritics are."""
    pages, placed = entry["_pages"]
    having = set(pages).union(placed)
    plain = having.difference(*forms.values()) if forms else having
    spelled = dict(forms)
    if plain:
        spelled[name] = sorted(plain)  # at least on these pages (it may be on others too: not needed)
    ordered = sorted(spelled.items(), key=lambda item: (-len(item[1]), item[0]))
    entry["f"] = ordered[0][0]
    lacking = sorted(having.difference(ordered[0][1]))
    if lacking and ordered[0][0] != name:
        entry["n"] = gaps(lacking)
    if len(ordered) > 1:
        entry["v"] = {form: gaps(listed) for form, listed in ordered[1:]}
