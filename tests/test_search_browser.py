"""Vietnamese search in headless Chromium: queries typed key by key (`keyboard.type`) into the search dialog
of the header, with and without diacritics, at a phone's and a desktop's size, on the site served under its
sub-path. Screenshots of the results are saved to tests/artifacts/ to be looked at."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from thidua.publish import search
from thidua.publish.search_index import bucket

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).parent / "artifacts"
SIZES = {"dien-thoai": {"width": 360, "height": 740}, "may-tinh": {"width": 1280, "height": 800}}
RESULT = ".tdkt-search__results a"

LAW = r"van-ban/luat-(sua-doi-)?thi-dua-khen-thuong-\d{4}/"
PROFILE = r"dien-hinh/(?!tieu-chi/|theo-)[a-z0-9-]+/"  # one collective's or person's profile
VICTORY = "ngay-ky-niem/giai-phong-mien-nam/"  # 30/4/1975
# query -> (the page a reader wants among the first three, as a pattern of its address; words that must be
# shown highlighted in the results, as the site writes them)
QUERIES = {
    "luat thi dua khen thuong": (LAW, {"luật", "thi", "đua", "khen", "thưởng"}),
    "Luật Thi đua, khen thưởng": (LAW, {"luật", "thi", "đua", "khen", "thưởng"}),
    "chien si thi dua": (PROFILE, {"chiến", "sĩ", "thi", "đua"}),
    "chiến sĩ thi đua": (PROFILE, {"chiến", "sĩ", "thi", "đua"}),
    "bang khen": (PROFILE, {"bằng", "khen"}),
    "bằng khen": (PROFILE, {"bằng", "khen"}),
    "30/4": (VICTORY, {"30", "4"}),
    "30/04": (VICTORY, {"30", "4"}),
    "30-4": (VICTORY, {"30", "4"}),
    "dien hinh tien tien": ("dien-hinh/", {"điển", "hình", "tiên", "tiến"}),
    "điển hình tiên tiến": ("dien-hinh/", {"điển", "hình", "tiên", "tiến"}),
    "thi dua": ("phong-trao/", {"thi", "đua"}),
    "an ninh": ("phong-trao/phat-trien-kt-xh-qp-an-dak-lak/", {"an", "ninh"}),
    "tây": ("dien-hinh/trung-tam-tro-giup-phap-ly-dak-lak/", {"tây"}),
    "Buon Ma Thuot": ("ngay-ky-niem/giai-phong-buon-ma-thuot/", {"buôn", "ma", "thuột"}),
    "Lich tuyen truyen": ("lich-tuyen-truyen/", {"lịch", "tuyên", "truyền"}),
    "dak lak": ("co-quan/so-tu-phap-dak-lak/", {"đắk", "lắk"}),
    "gio to hung vuong": ("ngay-ky-niem/gio-to-hung-vuong/", {"giỗ", "tổ", "hùng", "vương"}),
    "ngày pháp luật": ("ngay-ky-niem/ngay-phap-luat/", {"ngày", "pháp", "luật"}),
    "hoa giai o co so": ("van-ban/luat-hoa-giai-o-co-so/", {"hòa", "giải", "ở", "cơ", "sở"}),
    "van hoa cong so": ("phong-trao/van-hoa-cong-so(-dak-lak)?/", {"văn", "hóa", "công", "sở"}),
    "khen thuo": (LAW, {"khen", "thưởng"}),  # the last word still being typed
    # a document's number finds the document before the pages that cite it
    "79/KH-STP": ("ke-hoach/2023-stp-an-giang-dien-hinh-tien-tien/", {"79", "kh", "stp"}),
    "ke hoach 79": ("ke-hoach/2023-stp-an-giang-dien-hinh-tien-tien/", {"kế", "hoạch", "79"}),
    "34-CT/TW": ("van-ban/chi-thi-34-ct-tw/", {"34", "ct", "tw"}),
    "chi thi 05": ("van-ban/chi-thi-05-ct-tw/", {"chỉ", "thị", "05"}),
}
# A query that is a section's title (the navigation's name for it) finds that section first.
TITLES = {"Lich tuyen truyen": "lich-tuyen-truyen/", "Dien hinh tien tien": "dien-hinh/"}


def _slug(query: str) -> str:
    """An ASCII file name for a query: "tây" -> "tay-co-dau"."""
    plain = search.fold(query)
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") + ("-co-dau" if plain != query else "")


def _page(href: str, base: str) -> str:
    return urlsplit(href).path.removeprefix(urlsplit(base).path)


def _open(page) -> None:
    """Open the search dialog with the "/" key, as a reader does."""
    page.locator("body").press("/")
    page.wait_for_selector("dialog.tdkt-search[open]")
    assert page.evaluate("document.activeElement.matches('dialog input[type=search]')")


def _search(page, query: str) -> list[dict]:
    box = page.locator("dialog input[type=search]")
    box.press("Control+a")
    box.press("Backspace")
    page.keyboard.type(query, delay=40)  # key by key, as a reader types
    page.wait_for_function("q => document.querySelector('.tdkt-search__results').dataset.query === q", arg=query)
    return page.eval_on_selector_all(
        RESULT,
        """items => items.map(a => ({
            href: a.href,
            title: a.querySelector('.tdkt-search__title').textContent,
            marks: [...a.querySelectorAll('mark')].map(m => m.textContent),
            missing: [...a.querySelectorAll('.tdkt-search__missing del')].map(m => m.textContent),
        }))""",
    )


@pytest.fixture(params=list(SIZES))
def search_page(request, browser, served: str):
    context = browser.new_context(viewport=SIZES[request.param])
    page = context.new_page()
    errors: list[str] = []
    requests: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("request", lambda r: requests.append(r.url))
    page.goto(served + "ke-hoach/")
    _open(page)
    yield page, request.param
    assert errors == []
    assert [u for u in requests if urlsplit(u).netloc != urlsplit(served).netloc] == []  # no third party
    context.close()


def test_queries_with_and_without_diacritics(search_page, served: str) -> None:
    page, size = search_page
    ARTIFACTS.mkdir(exist_ok=True)
    for query, (expected, highlighted) in QUERIES.items():
        results = _search(page, query)
        pages = [_page(r["href"], served) for r in results]
        assert any(re.fullmatch(expected, p) for p in pages[:3]), (query, pages[:5])
        marks = {m.lower() for r in results[:3] for m in r["marks"]}
        assert highlighted <= marks, (query, marks)  # the words as written on the site, with diacritics
        assert all(re.fullmatch(r"\w+", m) for m in marks), marks  # no punctuation inside a highlight
        page.screenshot(path=str(ARTIFACTS / f"tim-kiem-{_slug(query)}-{size}.png"))


def test_pages_with_every_word_come_first(search_page, served: str) -> None:
    page, _ = search_page
    for query in ("luat thi dua khen thuong", "bang khen", "chiến sĩ thi đua"):
        results = _search(page, query)
        missing = [bool(r["missing"]) for r in results]
        assert missing == sorted(missing), query  # no page lacking a word above one that has them all
        assert not any(missing[:3]), query


def test_same_results_with_or_without_diacritics(search_page, served: str) -> None:
    page, _ = search_page
    for accented, plain in [("điển hình tiên tiến", "dien hinh tien tien"), ("thi đua", "thi dua")]:
        first = _page(_search(page, accented)[0]["href"], served)
        count = page.inner_text(".tdkt-search__status")  # "93 kết quả"
        assert _page(_search(page, plain)[0]["href"], served) == first, plain
        assert page.inner_text(".tdkt-search__status") == count, plain


def test_a_section_title_ranks_first(search_page, served: str) -> None:
    page, _ = search_page
    for query, expected in TITLES.items():
        results = _search(page, query)
        assert _page(results[0]["href"], served) == expected, (query, [r["title"] for r in results[:5]])


def test_diacritics_typed_are_meant(search_page, served: str) -> None:
    page, _ = search_page
    tay_nguyen, chung_tay = "dien-hinh/trung-tam-tro-giup-phap-ly-dak-lak/", "phong-trao/vi-nguoi-ngheo/"
    exact = _search(page, "tây")
    assert _page(exact[0]["href"], served) == tay_nguyen and "Tây" in exact[0]["marks"], exact[0]
    assert chung_tay in [_page(r["href"], served) for r in exact]  # still found
    plain = [_page(r["href"], served) for r in _search(page, "tay")]
    assert plain[0] == chung_tay and tay_nguyen in plain, plain  # without diacritics, the title match first


def test_missing_words_are_shown_as_typed(search_page) -> None:
    page, _ = search_page
    results = _search(page, "Buôn Ma Thuột khen")
    missing = {word for r in results for word in r["missing"]}
    assert missing and missing <= {"buôn", "ma", "thuột", "khen"}, missing


def test_highlights_keep_to_the_spellings_meant(search_page) -> None:
    # Typed with diacritics: only those letters ("đua", not "đưa"). Without: the spellings that stand in
    # the query's phrase ("thi" of "thi đua", not the "Thị" of a woman's name on the same profile).
    page, _ = search_page
    for query in ("Thi đua", "chien si thi dua", "chiến sĩ thi đua"):
        marks = {m.lower() for r in _search(page, query) for m in r["marks"]}
        assert {"thi", "đua"} <= marks and not marks & {"thị", "đưa", "thì"}, (query, marks)


def test_keyboard_arrows_and_enter(search_page, served: str) -> None:
    page, _ = search_page
    results = _search(page, "gio to hung vuong")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.href")
    assert focused == results[1]["href"]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.href") == results[0]["href"]
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.matches('dialog input')")
    page.keyboard.press("Enter")  # from the box: the first result
    page.wait_for_url(re.compile(re.escape(served + "ngay-ky-niem/gio-to-hung-vuong/") + r"\?h="))
    _open(page)
    _search(page, "30/4")
    page.keyboard.press("Escape")
    assert page.locator("dialog.tdkt-search[open]").count() == 0


def test_the_page_opened_highlights_the_original_words(search_page, served: str) -> None:
    page, size = search_page
    _search(page, "dien hinh tien tien")
    page.locator(RESULT).first.click()
    page.wait_for_url(f"{served}dien-hinh/?h=*")
    page.wait_for_selector("article mark[data-tdkt-highlight]")
    marks = " ".join(page.locator("article mark[data-tdkt-highlight]").all_inner_texts()).lower()
    assert "điển" in marks and "tiến" in marks, marks
    page.screenshot(path=str(ARTIFACTS / f"tim-kiem-trang-mo-{size}.png"))


def test_dialog_is_accessible(search_page) -> None:
    page, size = search_page
    _search(page, "thi đua")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", tags)
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []
    overflow = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
    assert overflow <= 0
    box = page.locator("dialog.tdkt-search").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= SIZES[size]["width"]


def test_browser_words_and_shards_are_pythons(search_page, site: Path) -> None:
    """The browser cuts and folds words, and finds shards, as thidua.publish.search does for the index."""
    page, _ = search_page
    text = (
        "Luật Thi đua, Khen thưởng 06/2022/QH15; Giỗ Tổ Hùng Vương 10/3 âm lịch — ĐẮK LẮK, Buôn Ma Thuột; "
        "ƯU TIÊN ƯỚC MƠ; số 007; Nguyễn Thị Ánh_Tuyết; Crème"
    )
    decomposed = unicodedata.normalize("NFD", "Điển hình đua")  # as some keyboards send it
    for sample in (text, decomposed):
        assert page.evaluate("t => window.tdktSearch.terms(t)", sample) == [
            search.term(w) for w in search.words(sample)
        ]
    for key in ("thi dua", "luat", "30 4", "đắk", ""):
        assert page.evaluate("k => window.tdktSearch.bucket(k, 2 ** 32)", key) == bucket(key)
    manifest = json.loads((site / "search" / "index.json").read_text(encoding="utf-8"))
    assert page.evaluate("() => window.tdktSearch.table()") == manifest["fold"]  # the table written by Python


def test_without_javascript_the_button_leads_to_the_sections(browser, served: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport=SIZES["dien-thoai"])
    page = context.new_page()
    page.goto(served + "ke-hoach/")
    button = page.locator("a[data-tdkt-search-open]")
    assert button.is_visible()
    button.click()
    page.wait_for_url(f"{served}tim-kiem/")
    sections = page.locator("article [data-tdkt-search-page] ul a")
    assert sections.count() >= 8 and sections.filter(has_text="Điển hình tiên tiến").is_visible()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "tim-kiem-khong-javascript-dien-thoai.png"), full_page=True)
    sections.filter(has_text="Kế hoạch").first.click()
    page.wait_for_url(f"{served}ke-hoach/")
    context.close()


def test_bench_measures_a_first_search(site: Path, browser) -> None:
    # `make bench` runs this measurement at both scales; here on the real site, so that it cannot rot unseen.
    from bench import first_search

    found = first_search.measure(site, queries={"30/4": "ngay-ky-niem/", "bang khen": ""}, browser=browser)
    assert set(found["queries"]) == {"30/4", "bang khen"}
    assert found["queries"]["30/4"]["first"] == "Ngày giải phóng miền Nam, thống nhất đất nước"
    assert 0 < found["kb_max"] < 300 and found["ms_max"] > 0  # the manifest, two shards, six fragments at least
