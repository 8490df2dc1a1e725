"""Vietnamese search: the folding (thidua.search) and the search index the build writes."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
import yaml

from thidua.publish import search

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


def test_fold_is_idempotent_and_keeps_length() -> None:
    text = "Cán bộ, công chức, viên chức, người lao động ngành Tư pháp thi đua thực hiện văn hóa công sở"
    assert search.fold(search.fold(text)) == search.fold(text)
    assert len(search.fold(text)) == len(text)  # one letter for one letter: positions stay meaningful


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
    # The worker applies the table one character at a time, after NFC: that must equal fold().
    text = "Sở Tư pháp tỉnh Đắk Lắk; Crème brûlée; Nguyễn Thị Ánh; Giỗ Tổ Hùng Vương 10/3"
    table = search.fold_table([text])
    assert "è" in table and "û" in table  # letters outside Vietnamese that occur in the text
    assert "".join(table.get(c, c) for c in unicodedata.normalize("NFC", text)) == search.fold(text)


def _index(*docs: dict) -> dict:
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": [], "fields": {"title": {"boost": 1000.0}}}
    return {"config": config, "docs": list(docs)}


def test_transform_trims_text_and_boosts_navigation_pages() -> None:
    index = _index(
        {"location": "", "title": "Thi đua, khen thưởng", "text": "<p>Chuyên   mục</p>  <p></p> <p> </p>"},
        {"location": "ke-hoach/", "title": "Kế hoạch", "text": ""},
        {"location": "ke-hoach/#nam-2023", "title": "Năm 2023", "text": "<ul> <li>Kế   hoạch</li> </ul>"},
        {"location": "ke-hoach/x/", "title": "Kế hoạch X", "text": "Văn bản", "boost": 5},
    )
    result = search.transform(index, ["", "ke-hoach/", "ke-hoach/x/"])
    docs = result["docs"]
    assert [d["location"] for d in docs] == ["", "ke-hoach/", "ke-hoach/#nam-2023", "ke-hoach/x/"]
    assert docs[0]["text"] == "<p>Chuyên mục</p>"
    assert docs[2]["text"] == "<ul> <li>Kế hoạch</li> </ul>"
    assert [d.get("boost") for d in docs] == [search.NAV_BOOST, search.NAV_BOOST, None, 5]  # sections and
    # a boost set in a page's front matter are left alone
    assert result["config"]["fold"]["đ"] == "d"
    assert result["config"]["pipeline"] == [] and index["config"].get("fold") is None  # input untouched
    assert search.transform(result, ["", "ke-hoach/", "ke-hoach/x/"]) == result


def test_rewrite_writes_utf8() -> None:
    data = json.dumps(_index({"location": "", "title": "Điển hình", "text": "thi đua"})).encode()
    assert b"\\u0111" in data  # Material writes \u escapes
    out = search.rewrite(data)
    assert "Điển hình".encode() in out and b"\\u" not in out
    assert json.loads(out)["docs"][0]["title"] == "Điển hình"


def test_nav_locations_of_mkdocs_yml() -> None:
    nav = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]
    locations = search.nav_locations(nav)
    assert "" in locations and "lich-tuyen-truyen/" in locations and "gioi-thieu/" in locations
    assert search.nav_locations([{"Mục": [{"Trang": "a/index.md"}, "b.md", {"Ngoài": "https://x.vn/"}]}]) == [
        "a/",
        "b/",
    ]


def test_size() -> None:
    size = search.size(b"thi dua " * 1000)
    assert size.raw == 8000 and 0 < size.gzipped < 200


# The index of the real site -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_index(site: Path) -> dict:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))


def test_built_index_keeps_vietnamese_words_whole(built_index: dict) -> None:
    config = built_index["config"]
    assert config["pipeline"] == []  # no English stemmer or stop words: "an ninh", "tây" stay searchable
    words = [w for w in re.split(config["separator"], "“Thi đua, khen thưởng.” (an ninh; tây/…)") if w]
    assert words == ["Thi", "đua", "khen", "thưởng", "an", "ninh", "tây"]  # no punctuation stuck to words


def test_built_index_has_the_fold_table_for_its_text(built_index: dict) -> None:
    table = built_index["config"]["fold"]
    for doc in built_index["docs"]:
        for text in (doc["title"], doc["text"]):
            folded = "".join(table.get(c, c) for c in unicodedata.normalize("NFC", text))
            assert folded == search.fold(text)


def test_built_index_boosts_section_pages(built_index: dict) -> None:
    boosted = {d["location"] for d in built_index["docs"] if d.get("boost") == search.NAV_BOOST}
    assert {"", "ke-hoach/", "lich-tuyen-truyen/", "dien-hinh/", "gioi-thieu/"} <= boosted
    assert not any("#" in location for location in boosted)


def test_built_index_size_stays_reasonable_for_a_phone(site: Path) -> None:
    size = search.size((site / "search" / "search_index.json").read_bytes())
    assert size.raw < 2_000_000 and size.gzipped < 250_000, size


def test_pages_start_the_vietnamese_search_worker(site: Path) -> None:
    html = (site / "dien-hinh" / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html, re.S)[1])
    worker, _, query = config["search"].partition("?material=")
    assert worker == "../assets/javascripts/workers/tdkt-search.js"
    assert (site / "assets" / "javascripts" / "workers" / "tdkt-search.js").is_file()
    assert (site / "assets" / "javascripts" / "workers" / query).is_file()  # Material's own worker
