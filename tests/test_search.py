"""Vietnamese search: the folding and words (thidua.publish.search), the split index (search_index), what of
a page is searched (search_text), and the index the build writes for the real site."""

from __future__ import annotations

import gzip
import json
import unicodedata
from pathlib import Path

import pytest
import yaml

from thidua.publish import search
from thidua.publish.search_index import SearchDoc, SearchIndex, bucket, gaps
from thidua.publish.search_text import page_doc

ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Điển hình tiên tiến", "Dien hinh tien tien"),
        ("thi đua", "thi dua"),
        ("Buôn Ma Thuột", "Buon Ma Thuot"),
        ("Đắk Lắk", "Dak Lak"),
        ("Tây Nguyên", "Tay Nguyen"),
        ("an ninh", "an ninh"),
        ("Ủy ban nhân dân", "Uy ban nhan dan"),
        ("ƯỚC MƠ, ươm mầm", "UOC MO, uom mam"),
        ("Kế hoạch 79/KH-STP (22/11/2023).", "Ke hoach 79/KH-STP (22/11/2023)."),
        ("Hồ Chí Minh", "Ho Chi Minh"),
        ("Café", "Cafe"),
        ("", ""),
    ],
)
def test_fold(text: str, folded: str) -> None:
    assert search.fold(text) == folded


def test_fold_decomposed_input() -> None:
    # Text pasted from some editors, or typed on some keyboards, arrives decomposed (NFD).
    decomposed = unicodedata.normalize("NFD", "Điển hình tiên tiến, thi đua")
    assert decomposed != "Điển hình tiên tiến, thi đua"
    assert search.fold(decomposed) == "Dien hinh tien tien, thi dua"


def test_fold_table_covers_the_vietnamese_alphabet() -> None:
    table = search.fold_table([])
    assert table["đ"] == "d" and table["Đ"] == "D"
    assert table["ệ"] == "e" and table["Ự"] == "U" and table["ỹ"] == "y"
    vowels = [unicodedata.normalize("NFC", v + t) for v in "aăâeêioôơuưy" for t in "\u0300\u0301\u0303\u0309\u0323"]
    for letter in vowels + [v.upper() for v in vowels]:
        assert table[letter].isascii(), letter
    assert all(len(key) == 1 for key in table)
    assert "a" not in table and "," not in table  # only what changes


def test_fold_table_applied_letter_by_letter_is_fold() -> None:
    # The browser applies the table one character at a time, after NFC: that must equal fold().
    text = "Sở Tư pháp tỉnh Đắk Lắk; Crème brûlée; Nguyễn Thị Ánh; Giỗ Tổ Hùng Vương 10/3"
    table = search.fold_table([text])
    assert "è" in table and "û" in table  # letters outside Vietnamese that occur in the text
    assert "".join(table.get(c, c) for c in unicodedata.normalize("NFC", text)) == search.fold(text)


@pytest.mark.parametrize(
    ("text", "words", "terms"),
    [
        ("“Thi đua, khen thưởng.” (an ninh; tây/…)", ["thi", "đua", "khen", "thưởng", "an", "ninh", "tây"], None),
        ("Kế hoạch 79/KH-STP", ["kế", "hoạch", "79", "kh", "stp"], ["ke", "hoach", "79", "kh", "stp"]),
        ("30/04/1975", ["30", "04", "1975"], ["30", "4", "1975"]),
        ("30-4", ["30", "4"], ["30", "4"]),
        ("ngày 02/9, năm 2000, số 007", None, ["ngay", "2", "9", "nam", "2000", "so", "7"]),
        ("Đắk Lắk_2023", ["đắk", "lắk", "2023"], ["dak", "lak", "2023"]),  # "_" separates words too
        (unicodedata.normalize("NFD", "Điển hình"), ["điển", "hình"], ["dien", "hinh"]),
    ],
)
def test_words_and_terms(text: str, words: list[str] | None, terms: list[str] | None) -> None:
    found = search.words(text)
    if words is not None:
        assert found == words
    if terms is not None:
        assert [search.term(w) for w in found] == terms


def test_bucket_is_fnv1a() -> None:
    assert bucket("") == 0x811C9DC5
    assert bucket("a") == 0xE40C292C  # the published FNV-1a test vector
    assert bucket("thi dua") != bucket("dua thi")


def test_gaps() -> None:
    assert gaps([3, 4, 9]) == [4, 1, 5] and gaps([]) == [] and gaps([0]) == [1]


# The index, read back as the browser reads it --------------------------------------------------------------


def _pages(listed: list[int], step: int = 1) -> dict[int, int]:
    out, page = {}, -1
    for i in range(0, len(listed), step):
        page += listed[i]
        out[page] = listed[i + 1] if step == 2 else 0
    return out


class _Index:
    """The files of a SearchIndex, looked up like tdkt-search.js does."""

    def __init__(self, files: list[tuple[str, bytes]]) -> None:
        self.files = dict(files)
        self.manifest = json.loads(self.files["index.json"])

    def file(self, path: str) -> dict:
        return json.loads(self.files[f"{self.manifest['dir']}/{path}"])

    def entry(self, key: str) -> dict | None:
        return self.file(f"t/{bucket(key) % self.manifest['shards']}.json").get(key)

    def text_pages(self, key: str) -> set[int]:
        entry = self.entry(key) or {}
        if "c" in entry:
            return set(range(self.manifest["docs"])) - set(_pages(entry["c"]))
        return set(_pages(entry.get("p", []), 2))

    def places(self, key: str) -> dict[int, int]:
        return _pages((self.entry(key) or {}).get("t", []), 2)

    def url(self, page: int) -> str:
        return self.file(f"d/{page}.json")["u"]


DOCS = [
    SearchDoc("", "Thi đua, khen thưởng", "", "Chuyên mục thi đua, khen thưởng của Sở Tư pháp."),
    SearchDoc("van-ban/luat/", "Luật Thi đua, khen thưởng", "Luật số 06/2022/QH15", "Luật Thi đua, khen thưởng."),
    SearchDoc("ngay-ky-niem/30-4/", "Ngày giải phóng miền Nam", "Ngày 30/04", "Ngày 30/04/1975: thi đua."),
    SearchDoc("dien-hinh/a/", "Nguyễn Văn A", "Chiến sĩ thi đua cơ sở", "Vùng Tây Nguyên, thi đua."),
    SearchDoc("phong-trao/b/", "Chung tay vì người nghèo", "", "Cả nước chung tay vì người nghèo."),
]


def _files(docs, nav=()) -> list[tuple[str, bytes]]:
    index = SearchIndex(nav)
    for doc in docs:
        index.add(doc)
    return index.files()


@pytest.fixture(scope="module")
def index() -> _Index:
    return _Index(_files(reversed(DOCS), nav=["", "dien-hinh/"]))


def test_every_term_is_found_on_the_pages_that_have_it(index: _Index) -> None:
    urls = [index.url(page) for page in range(index.manifest["docs"])]
    assert urls == sorted(d.url for d in DOCS)  # numbered by address, whatever the order of adding
    for doc in DOCS:
        page = urls.index(doc.url)
        terms = [search.term(w) for w in search.words(doc.text)]
        for key in (*terms, *(f"{a} {b}" for a, b in zip(terms, terms[1:], strict=False))):
            assert page in index.text_pages(key), (key, doc.url)
    assert index.text_pages("30 4") == {urls.index("ngay-ky-niem/30-4/")}  # "30/04" is the pair 30 4
    assert index.text_pages("thi") == {0, 1, 2, 3, 4} - {urls.index("phong-trao/b/")}
    assert "c" in index.entry("thi")  # in most pages: stored as the pages that lack it
    assert "p" in index.entry("nguoi ngheo") and index.entry("khong co") is None


def test_title_and_key_facts_are_placed(index: _Index) -> None:
    urls = [index.url(page) for page in range(index.manifest["docs"])]
    law, profile = urls.index("van-ban/luat/"), urls.index("dien-hinh/a/")
    assert index.places("luat")[law] == 2 + 5  # in a title of five words
    assert index.places("thuong")[law] == 2 + 5 and index.places("dua khen")[law] == 2 + 5
    assert index.places("chien si")[profile] == 1  # in the key facts
    assert profile not in index.places("tay")  # in the text only


def test_keys_are_placed_as_the_title_but_not_shown() -> None:
    plan = SearchDoc(
        "ke-hoach/x/",
        "Kế hoạch thi đua năm 2023",
        "Số, ký hiệu 79/KH-STP",
        "Kế hoạch số 79/KH-STP.",
        keys="Kế hoạch số 79/KH-STP",
    )
    citing = SearchDoc("dien-hinh/y/", "Nguyễn Văn B", "Kế hoạch số 79/KH-STP", "Kế hoạch số 79/KH-STP.")
    built = _Index(_files([plan, citing]))
    urls = [built.url(page) for page in range(built.manifest["docs"])]
    places = built.places("79 kh")
    assert places[urls.index("ke-hoach/x/")] >= 2 and places[urls.index("dien-hinh/y/")] == 1
    assert built.file(f"d/{urls.index('ke-hoach/x/')}.json")["t"] == "Kế hoạch thi đua năm 2023"


def test_spellings_of_a_word_are_kept(index: _Index) -> None:
    urls = [index.url(page) for page in range(index.manifest["docs"])]
    entry = index.entry("tay")
    assert entry["f"] == "tay" and _pages(entry["v"]["tây"]) == {urls.index("dien-hinh/a/"): 0}
    assert "n" not in entry  # the commonest form has no diacritics: a query typed with them never asks for it
    assert index.entry("dua")["f"] == "đua" and "v" not in index.entry("dua")


def test_prefixes_list_words_by_frequency(index: _Index) -> None:
    listed = {}
    for number in range(index.manifest["prefixes"]):
        listed.update(index.file(f"w/{number}.json"))
    assert listed["th"][:1] == ["thi"] and "thuong" in listed["th"]
    assert all(len(start) == 2 for start in listed)
    words = [w for ws in listed.values() for w in ws]
    assert len(words) == len(set(words)) and all(" " not in w for w in words)


def test_manifest(index: _Index) -> None:
    manifest = index.manifest
    assert manifest["docs"] == len(DOCS) and manifest["shards"] >= 1
    assert [index.url(p) for p in manifest["nav"]] == [""]  # nav pages that are in the index
    assert manifest["fold"]["đ"] == "d" and manifest["fold"]["ủ"] == "u"
    assert all(path == "index.json" or path.startswith(manifest["dir"] + "/") for path in index.files)


def test_same_pages_same_files() -> None:
    first = _files(DOCS)
    assert _files(reversed(DOCS)) == first
    changed = _files([*DOCS[:-1], SearchDoc("phong-trao/b/", "Chung tay", "", "Đã sửa.")])
    assert json.loads(dict(changed)["index.json"])["dir"] != json.loads(dict(first)["index.json"])["dir"]


# What of a page is searched -------------------------------------------------------------------------------


def test_page_doc_leaves_out_cards_and_permalinks() -> None:
    html = (
        '<h1 id="x">Phong trào <em>thi đua</em><a class="headerlink" href="#x">¶</a></h1>\n'
        '<div class="tdkt-summary"><dl>\n<dt>Ngày</dt>\n<dd>30/04</dd>\n</dl></div>\n'
        "<p>Đoạn &amp; văn\nbản.</p>\n"
        '<ul><li class="tdkt-card" data-search-exclude><p>Thẻ hồ sơ</p></li>\n<li>Mục</li></ul>'
    )
    doc = page_doc("phong-trao/x/", "Phong trào", html)
    assert doc.keys == "" and page_doc("", "", "", keys="Chi\u0309 thi\u0323 34").keys == "Chỉ thị 34"
    assert doc.url == "phong-trao/x/" and doc.title == "Phong trào"
    assert doc.lead == "Ngày 30/04"
    assert doc.text == "Phong trào thi đua Ngày 30/04 Đoạn & văn bản. Mục"
    assert unicodedata.is_normalized("NFC", page_doc("", "", unicodedata.normalize("NFD", "<p>Điển</p>")).text)


# The index of the real site -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built(site: Path) -> _Index:
    folder = site / "search"
    return _Index([(p.relative_to(folder).as_posix(), p.read_bytes()) for p in folder.rglob("*.json")])


def test_built_index_holds_the_pages_once(built: _Index) -> None:
    urls = [built.url(page) for page in range(built.manifest["docs"])]
    assert len(urls) == len(set(urls))
    assert {"", "ke-hoach/", "ke-hoach/2024-stp-bac-giang-phat-dong-thi-dua/", "gioi-thieu/"} <= set(urls)
    assert not any("/ban-in/" in url for url in urls)  # the print form would duplicate the reading page
    assert not any("/trang-" in url for url in urls)  # later pages of a listing: search finds the records
    assert "tim-kiem/" not in urls


def test_built_index_has_the_fold_table_for_its_words(built: _Index) -> None:
    table = built.manifest["fold"]
    for page in range(built.manifest["docs"]):
        fragment = built.file(f"d/{page}.json")
        for word in search.words(fragment["t"] + " " + fragment["x"]):
            folded = "".join(table.get(c, c) for c in word)
            assert search.term(folded) == search.term(word), word


def test_built_index_nav_pages(built: _Index) -> None:
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    assert {built.url(p) for p in built.manifest["nav"]} == set(search.nav_locations(nav))


def test_built_index_shards_stay_small(site: Path, built: _Index) -> None:
    shards = [p for p in (site / "search" / built.manifest["dir"] / "t").glob("*.json")]
    assert len(shards) == built.manifest["shards"]
    sizes = sorted(len(gzip.compress(p.read_bytes())) for p in shards)
    assert sizes[len(sizes) // 2] < 8_000, sizes[-5:]  # a query reads a few of these (sizes: make bench)
