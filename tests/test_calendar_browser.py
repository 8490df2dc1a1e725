"""The calendar in headless Chromium: a month printed on A4 for the notice board, and the home page's
"this month" block, which follows the reader's date (and shows the whole year without JavaScript)."""

from __future__ import annotations

import datetime as dt

import pytest

from test_print import print_pdf, squeeze, text

pytestmark = pytest.mark.browser
CAL = "lich-tuyen-truyen/so-tu-phap-an-giang-2023"


def test_month_prints_on_a4(browser, served: str) -> None:
    """September's own themes and the year-round list fill two pages (one page: test_readers_browser.py)."""
    reader = print_pdf(browser, f"{served}{CAL}/thang-09/", "calendar-2023-thang-09")
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    count = len(reader.pages)
    first = text(reader, 0).removeprefix(f"1/{count}")  # the page number (a margin box) is extracted first
    assert first.startswith(squeeze("UBND TỈNH AN GIANG SỞ TƯ PHÁP Kế hoạch tuyên truyền tháng 9 năm 2023"))
    for index in range(count):
        assert text(reader, index).startswith(f"{index + 1}/{count}")  # page numbers
    assert squeeze("Thời gian Chủ đề Nội dung") in text(reader, 0)
    everything = "".join(text(reader, i) for i in range(len(reader.pages)))
    for chrome in ("Tìm kiếm", "In lịch", "Thêm vào lịch", "Tháng 10 →", "Mục lục"):
        assert squeeze(chrome) not in everything  # no navigation, search or buttons
    assert "http" not in everything  # no link addresses printed


def test_year_prints_landscape_with_the_header_row_on_every_page(browser, served: str) -> None:
    reader = print_pdf(browser, f"{served}{CAL}/", "calendar-2023")
    table_pages = [
        i for i in range(len(reader.pages)) if squeeze("Tháng 12") not in "".join(text(reader, j) for j in range(i))
    ]  # the pages up to the table's last row
    assert len(table_pages) >= 2
    for index, page in enumerate(reader.pages):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
        if index in table_pages:
            assert squeeze("Tháng Chủ đề Nội dung") in text(reader, index)  # the header row, repeated


def home_at(browser, served: str, when: dt.datetime | None, javascript: bool = True) -> str:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    if when is not None:
        page.clock.set_fixed_time(when)
    page.goto(served)
    if javascript:
        page.wait_for_selector(".tdkt-month-now")
    else:  # the latest year's months are folded: a reader opens them with a tap
        for summary in page.locator(".tdkt-this-month summary").all():
            summary.click()
    content = page.inner_text(".tdkt-this-month")
    context.close()
    return content


def test_this_month_follows_the_readers_date(browser, served: str) -> None:
    april = home_at(browser, served, dt.datetime(2023, 4, 10, 9, 0))
    assert april.startswith("Tháng 4/2023")
    assert "Chào mừng ngày giỗ tổ Hùng Vương (mùng 10 tháng 3 âm lịch)" in april
    assert "Thứ Bảy, 10/3 âm lịch, 29/4/2023: Giỗ Tổ Hùng Vương" in april
    later = home_at(browser, served, dt.datetime(2026, 11, 22, 9, 0))
    assert later.startswith("Tháng 11/2026")
    assert (
        "Sở Tư pháp tỉnh An Giang chưa có lịch tuyên truyền năm 2026. Lịch gần nhất: Lịch tuyên truyền năm 2023."
        in later
    )
    assert "Thứ Hai, 9/11/2026: Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam lần thứ 14" in later


def test_without_javascript_the_latest_year_shows_folded(browser, served: str) -> None:
    """The data last changed in a year after the newest calendar's: no reader has a calendar for their year,
    and the page says so; the latest year's months are one tap away."""
    content = home_at(browser, served, None, javascript=False)
    assert content.startswith("Sở Tư pháp tỉnh An Giang chưa có lịch tuyên truyền cho năm nay.")
    assert "Các tháng của lịch năm 2023" in content
    for month in range(1, 13):
        assert f"Tháng {month}/2023" in content  # in the folded list
