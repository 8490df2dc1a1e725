"""Vietnamese search in headless Chromium: queries typed into the site's search box, with and without
diacritics, at a phone's and a desktop's size, on the site served under its sub-path. Screenshots of the
results are saved to tests/artifacts/ to be looked at."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from thidua.publish import search

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
SIZES = {"dien-thoai": {"width": 360, "height": 740}, "may-tinh": {"width": 1280, "height": 800}}
RESULT = ".md-search-result__item"

# query -> (a page expected among the first results, words that must be shown highlighted)
QUERIES = {
    "dien hinh tien tien": ("dien-hinh/", {"điển", "hình", "tiên", "tiến"}),
    "điển hình tiên tiến": ("dien-hinh/", {"điển", "hình", "tiên", "tiến"}),
    "thi dua": ("phong-trao/", {"thi", "đua"}),
    "an ninh": ("phong-trao/phat-trien-kt-xh-qp-an-dak-lak/", {"an", "ninh"}),
    "tây": ("dien-hinh/trung-tam-tro-giup-phap-ly-dak-lak/", {"tây"}),
    "Buon Ma Thuot": ("ngay-ky-niem/giai-phong-buon-ma-thuot/", {"buôn", "ma", "thuột"}),
    "Lich tuyen truyen": ("lich-tuyen-truyen/", {"lịch", "tuyên", "truyền"}),
}
# A query that is a section's title (the navigation's name for it) finds that section first.
TITLES = {"Lich tuyen truyen": "lich-tuyen-truyen/", "Dien hinh tien tien": "dien-hinh/"}


def _slug(query: str) -> str:
    """An ASCII file name for a query: "tây" -> "tay-co-dau"."""
    plain = search.fold(query)
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-") + ("-co-dau" if plain != query else "")


def _open_search(page, base: str) -> None:
    page.goto(base)
    magnifier = page.locator("label.md-header__button[for=__search]")
    if magnifier.is_visible():  # on a phone the box opens from the magnifier in the header, which focuses it
        magnifier.click()
        page.wait_for_function("document.activeElement?.dataset.mdComponent === 'search-query'")
    else:
        page.locator("input[data-md-component=search-query]").click()


def _search(page, query: str) -> list[dict]:
    box = page.locator("input[data-md-component=search-query]")
    box.fill("")
    box.press("Backspace")  # Material searches on keyup: an empty query clears the results
    page.wait_for_selector(RESULT, state="detached")
    box.press_sequentially(query, delay=20)  # key by key, as a reader types
    page.wait_for_selector(RESULT)
    shown, previous = None, ""
    while shown != previous:  # each keystroke re-renders the list: wait until the last one has
        page.wait_for_timeout(250)
        previous, shown = shown, page.inner_html(".md-search-result__list")
    return page.eval_on_selector_all(
        RESULT,
        """items => items.map(item => ({
            href: item.querySelector('a').getAttribute('href'),
            title: item.querySelector('h1').textContent,
            marks: [...item.querySelectorAll('mark')].map(m => m.textContent),
        }))""",
    )


def _page(href: str, base: str) -> str:
    return urlsplit(href).path.removeprefix(urlsplit(base).path)


@pytest.fixture(params=list(SIZES))
def search_page(request, browser, served: str):
    context = browser.new_context(viewport=SIZES[request.param])
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    _open_search(page, served)
    yield page, request.param
    assert errors == []
    context.close()


def test_queries_with_and_without_diacritics(search_page, served: str) -> None:
    page, size = search_page
    ARTIFACTS.mkdir(exist_ok=True)
    for query, (expected, highlighted) in QUERIES.items():
        results = _search(page, query)
        pages = [_page(r["href"], served) for r in results]
        assert expected in pages[:5], (query, pages[:10])
        marks = {m.lower() for r in results for m in r["marks"]}
        assert highlighted <= marks, (query, marks)  # the words as written on the site, with diacritics
        assert all(re.fullmatch(r"\w+", m) for m in marks), marks  # no punctuation inside a highlight
        page.screenshot(path=str(ARTIFACTS / f"tim-kiem-{_slug(query)}-{size}.png"))


def test_same_results_with_or_without_diacritics(search_page, served: str) -> None:
    page, _ = search_page
    for accented, plain in [("điển hình tiên tiến", "dien hinh tien tien"), ("thi đua", "thi dua")]:
        first = _page(_search(page, accented)[0]["href"], served)
        count = page.inner_text(".md-search-result__meta")  # "118 tài liệu liên quan"
        assert _page(_search(page, plain)[0]["href"], served) == first, plain
        assert page.inner_text(".md-search-result__meta") == count, plain


def test_a_section_title_ranks_first(search_page, served: str) -> None:
    page, _ = search_page
    for query, expected in TITLES.items():
        results = _search(page, query)
        assert _page(results[0]["href"], served) == expected, (query, [r["title"] for r in results[:5]])


def test_diacritics_typed_are_meant(search_page, served: str) -> None:
    page, _ = search_page
    tay_nguyen, chung_tay = "dien-hinh/trung-tam-tro-giup-phap-ly-dak-lak/", "phong-trao/vi-nguoi-ngheo/"
    exact = [_page(r["href"], served) for r in _search(page, "tây")]
    assert exact[0] == tay_nguyen, exact  # "Tây Nguyên" before "chung tay"
    assert chung_tay in exact  # still found
    plain = [_page(r["href"], served) for r in _search(page, "tay")]
    assert plain[0] == chung_tay and tay_nguyen in plain, plain  # without diacritics, the title match first


def test_missing_words_are_shown_as_typed(search_page) -> None:
    page, _ = search_page
    _search(page, "Buôn Ma Thuột")
    missing = page.locator(".md-search-result__terms del").all_text_contents()
    assert missing and set(missing) <= {"buôn", "ma", "thuột"}, missing


def test_the_page_opened_highlights_the_original_words(search_page, served: str) -> None:
    page, size = search_page
    _search(page, "dien hinh tien tien")
    page.locator(f"{RESULT} a").first.click()
    page.wait_for_url(f"{served}dien-hinh/?h=*")
    page.wait_for_selector("article mark[data-md-highlight]")
    marks = " ".join(page.locator("article mark[data-md-highlight]").all_inner_texts()).lower()
    assert "điển" in marks and "tiến" in marks, marks
    page.screenshot(path=str(ARTIFACTS / f"tim-kiem-trang-mo-{size}.png"))
