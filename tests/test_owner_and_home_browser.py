"""Issue 13 as a reader meets it, in headless Chromium at 360 px and 1280 px, with and without JavaScript: the home
page is never stale, the site names its owner, the profile filters fold on phones and live in the address, no
control is shown that does nothing, nothing scrolls sideways, tap targets, breadcrumbs and the current section.
Screenshots go to tests/artifacts/readers/ to be looked at."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts" / "readers"
WIDTHS = [360, 1280]
SCRIPT = [True, False]
TODAY = dt.datetime(2026, 12, 2, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7)))
PLAN = "ke-hoach/2023-stp-an-giang-dien-hinh-tien-tien/"
PROFILE = "dien-hinh/kha-thi-phuong-dung/"
YEAR = "lich-tuyen-truyen/so-tu-phap-an-giang-2023/"
OFFICIAL = "ke-hoach/2023-ubnd-xa-thuong-thang-phat-dong-thi-dua/ban-in/"


def open_page(browser, url: str, width: int, javascript: bool, when: dt.datetime | None = TODAY):
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    if javascript and when is not None:
        page.clock.set_fixed_time(when)
    page.goto(url)
    return context, page


def shot(page, name: str, width: int, javascript: bool) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=ARTIFACTS / f"{name}-{width}-{'js' if javascript else 'khong-js'}.png", full_page=True)


VISIBLE_DEADLINES = """() => [...document.querySelectorAll('.tdkt-deadlines li')]
    .filter(li => li.checkVisibility()).map(li => ({end: li.dataset.dateEnd, text: li.innerText}))"""


@pytest.mark.parametrize("javascript", SCRIPT)
@pytest.mark.parametrize("width", WIDTHS)
def test_home_never_shows_a_past_deadline_as_current(browser, served: str, width: int, javascript: bool) -> None:
    context, page = open_page(browser, served, width, javascript)
    if javascript:
        page.wait_for_selector(".tdkt-month-now")
    status = page.inner_text("[data-tdkt-upcoming]")
    assert status.startswith("Không có thời hạn nào sắp tới")
    if javascript:
        assert "(tính đến hôm nay, 2/12/2026)" in status
    assert page.evaluate(VISIBLE_DEADLINES) == []  # the past ones are folded away
    summary = page.locator("[data-tdkt-past] summary")
    assert re.fullmatch(r"Các thời hạn đã qua \(\d+\)", summary.inner_text())
    summary.click()
    shown = page.evaluate(VISIBLE_DEADLINES)
    assert shown and all(d["text"].startswith("Đã qua") and d["end"] < "2026-12-02" for d in shown)
    month = page.inner_text(".tdkt-this-month")
    if javascript:
        assert month.startswith("Tháng 12/2026")
        assert (
            "Sở Tư pháp tỉnh An Giang chưa có lịch tuyên truyền năm 2026. Lịch gần nhất: Lịch tuyên truyền năm 2023."
            in month
        )
    else:
        assert month.startswith("Sở Tư pháp tỉnh An Giang chưa có lịch tuyên truyền cho năm nay.")
    href = page.locator(".tdkt-this-month a", has_text="Lịch tuyên truyền năm 2023").get_attribute("href")
    assert href.rstrip("/").endswith("lich-tuyen-truyen/so-tu-phap-an-giang-2023")
    assert page.title() == "Thi đua, khen thưởng - Sở Tư pháp tỉnh An Giang"
    assert "Sở Tư pháp tỉnh An Giang" in page.inner_text(".md-header__title")
    assert "Sở Tư pháp tỉnh An Giang" in page.inner_text(".md-footer")
    shot(page, "trang-chu", width, javascript)
    context.close()


def test_a_deadline_that_passes_after_the_build_moves_into_the_past_ones(browser, served: str) -> None:
    """A build made when a deadline was still ahead, read after it: the script folds and marks it. The page is
    served as such a build would have written it (the latest past deadline back in the list of upcoming ones)."""
    context = browser.new_context(viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.clock.set_fixed_time(TODAY)

    def earlier_build(route) -> None:
        html = route.fetch().text()
        item = re.search(
            r'<li class="tdkt-past" (data-date-end="[^"]+")><span class="tdkt-past-label">Đã qua</span> ', html
        )
        ahead = f'<ul class="tdkt-deadlines" data-tdkt-ahead="data-tdkt-ahead">\n<li {item.group(1)}>'
        end = html.index("</li>", item.end())
        moved = ahead + html[item.end() : end] + "</li>\n</ul>\n"
        html = html[: item.start()] + html[end + len("</li>") :]
        html = html.replace('<details class="tdkt-past-deadlines"', moved + '<details class="tdkt-past-deadlines"', 1)
        route.fulfill(response=route.fetch(), body=html)

    page.route(served, earlier_build)
    page.goto(served)
    page.wait_for_selector(".tdkt-month-now")
    assert page.evaluate(VISIBLE_DEADLINES) == []
    assert page.locator("[data-tdkt-ahead]").is_hidden()
    page.click("[data-tdkt-past] summary")
    first = page.evaluate(VISIBLE_DEADLINES)[0]
    assert first["text"].startswith("Đã qua")
    context.close()


def test_this_month_when_the_year_has_a_calendar(browser, served: str) -> None:
    context, page = open_page(browser, served, 360, True, dt.datetime(2023, 4, 10, 9, 0))
    page.wait_for_selector(".tdkt-month-now")
    month = page.inner_text(".tdkt-this-month")
    assert "Lịch tuyên truyền tháng 4/2023 của Sở Tư pháp tỉnh An Giang (xem cả năm 2023)" in month
    context.close()


def cards(page) -> list[str]:
    return page.locator("ul.tdkt-cards .tdkt-card-title").all_inner_texts()


@pytest.mark.parametrize("width", WIDTHS)
def test_filters_fold_on_phones_and_live_in_the_address(browser, served: str, width: int) -> None:
    context, page = open_page(browser, f"{served}dien-hinh/", width, True)
    page.wait_for_selector("form.tdkt-filters:not([hidden])", state="attached")
    panel = page.locator("[data-tdkt-filter-panel]")
    status = page.locator("[data-tdkt-filter-status]")
    assert panel.evaluate("p => p.open") is (width > 360)  # one folded control on a phone
    box = status.bounding_box()
    assert box["y"] + box["height"] <= 800  # the count is on the first screen
    if width == 360:
        assert page.locator("select[name=loai]").is_hidden()
        page.click("[data-tdkt-filter-panel] summary")
    shot(page, "dien-hinh-bo-loc", width, True)
    page.select_option("select[name=loai]", "tap-the")
    assert page.url.endswith("dien-hinh/?loai=tap-the")
    page.select_option("select[name=nam]", "2024")
    assert page.url.endswith("dien-hinh/?loai=tap-the&nam=2024")
    filtered = cards(page)
    assert 0 < len(filtered) < 16
    box = status.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 800  # still in view with the filters open
    assert page.inner_text("[data-tdkt-filter-label]") == "Bộ lọc (2 đang chọn)"
    page.reload()
    page.wait_for_function("document.querySelector('select[name=nam]').value === '2024'")
    assert cards(page) == filtered and page.input_value("select[name=loai]") == "tap-the"
    page.go_back()
    page.wait_for_function("document.querySelector('select[name=nam]').value === ''")
    assert page.input_value("select[name=loai]") == "tap-the" and len(cards(page)) == 8
    page.go_back()
    page.wait_for_function("document.querySelectorAll('[data-tdkt-cards] .tdkt-card').length === 16")
    context.close()


def test_a_shared_filtered_address_opens_filtered(browser, served: str) -> None:
    context, page = open_page(browser, f"{served}dien-hinh/?cap=toan-quoc&loai=tap-the", 360, True)
    page.wait_for_function("document.querySelectorAll('[data-tdkt-cards] .tdkt-card').length === 1")
    assert cards(page) == ["Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đắk Lắk"]
    context.close()


def test_units_are_offered_in_vietnamese_order(browser, served: str) -> None:
    context, page = open_page(browser, f"{served}dien-hinh/", 1280, True)
    page.wait_for_selector("select[name=don-vi] option:nth-child(3)", state="attached")
    units = page.locator("select[name=don-vi] option").all_inner_texts()[1:]
    first_uy = next(i for i, u in enumerate(units) if u.startswith("Ủy ban"))
    assert first_uy < next(i for i, u in enumerate(units) if u.startswith("Văn phòng"))
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
def test_group_pages_are_at_the_top_without_javascript(browser, served: str, width: int) -> None:
    context, page = open_page(browser, f"{served}dien-hinh/", width, False)
    summary = page.locator("[data-tdkt-filter-panel] summary")
    assert summary.inner_text() == "Xem theo nhóm: loại, cấp, năm, phong trào, đơn vị"
    box = summary.bounding_box()
    assert box["y"] + box["height"] <= 800 and box["height"] >= 44
    assert page.locator("form.tdkt-filters").is_hidden()
    summary.click()
    shot(page, "dien-hinh-nhom", width, False)
    page.get_by_role("link", name="Tập thể", exact=True).click()
    page.wait_for_url("**/theo-loai/tap-the/")
    assert len(cards(page)) == 8
    context.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", [YEAR, f"{YEAR}thang-04/", OFFICIAL, PLAN, "dien-hinh/"])
def test_without_javascript_no_control_does_nothing(browser, served: str, path: str, width: int) -> None:
    context, page = open_page(browser, served + path, width, False)
    shown = page.evaluate(
        """() => [...document.querySelectorAll('button, [role=button], summary')]
            .filter(b => b.checkVisibility({opacityProperty: true, visibilityProperty: true}))
            .filter(b => b.tagName !== 'SUMMARY').map(b => b.outerHTML)"""
    )
    assert shown == []  # print buttons need the script: not shown without it (a <summary> works without it)
    context.close()
    context, page = open_page(browser, served + path, width, True)
    if path in (YEAR, f"{YEAR}thang-04/", OFFICIAL):
        assert page.locator("[data-tdkt-print]").is_visible()
    context.close()


@pytest.mark.parametrize("javascript", SCRIPT)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("path", ["", "ke-hoach/", PLAN, "dien-hinh/", PROFILE, "du-lieu-mo/", YEAR])
def test_nothing_scrolls_sideways(browser, served: str, path: str, width: int, javascript: bool) -> None:
    context, page = open_page(browser, served + path, width, javascript)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()


@pytest.mark.parametrize("javascript", SCRIPT)
def test_month_links_are_big_enough_to_tap(browser, served: str, javascript: bool) -> None:
    context, page = open_page(browser, served + YEAR, 360, javascript)
    links = page.locator(".tdkt-months a")
    assert links.count() == 12
    for i in range(12):
        box = links.nth(i).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44
    context.close()


@pytest.mark.parametrize("javascript", SCRIPT)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(
    ("path", "section"),
    [(PLAN, "Kế hoạch"), (PROFILE, "Điển hình tiên tiến"), (f"{YEAR}thang-04/", "Lịch tuyên truyền")],
)
def test_detail_pages_have_a_breadcrumb_and_mark_their_section(
    browser, served: str, path: str, section: str, width: int, javascript: bool
) -> None:
    context, page = open_page(browser, served + path, width, javascript)
    crumbs = page.locator("nav.md-path .md-path__link").all_inner_texts()
    assert crumbs == ["Trang chủ", section]
    assert page.locator("nav.md-path").is_visible()
    marked = page.locator(".md-nav--primary .md-nav__item--active > a.md-nav__link").all_inner_texts()
    assert [m.strip() for m in marked] == [section]
    if width == 1280:
        assert page.locator(".md-nav--primary .md-nav__item--active > a.md-nav__link").is_visible()
    assert page.locator(".md-skip").inner_text() == "Bỏ qua, đến nội dung chính"
    shot(page, "chi-tiet-" + path.strip("/").replace("/", "-"), width, javascript)
    context.close()
