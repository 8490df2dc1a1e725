"""The model-example listing filters in headless Chromium, with no server behind the static files."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def cards(page) -> list[str]:
    return page.locator("ul.tdkt-cards .tdkt-card-title").all_inner_texts()


def test_filters_work_in_the_browser(browser, served: str) -> None:
    page = browser.new_page()
    page.goto(f"{served}dien-hinh/")
    page.wait_for_selector("form.tdkt-filters:not([hidden])")  # open: the default page is wider than a phone
    assert len(cards(page)) == 16
    page.select_option("select[name=loai]", "tap-the")
    assert len(cards(page)) == 8
    assert page.inner_text("[data-tdkt-filter-status]") == "8 điển hình phù hợp."
    page.select_option("select[name=cap]", "toan-quoc")
    assert cards(page) == ["Trung tâm Trợ giúp pháp lý nhà nước tỉnh Đắk Lắk"]
    page.select_option("select[name=loai]", "ca-nhan")
    assert cards(page) == ["Kha Thị Phương Dung"]
    page.click("form.tdkt-filters button[type=reset]")
    page.wait_for_function("document.querySelectorAll('[data-tdkt-cards] .tdkt-card').length === 16")
    page.select_option("select[name=nam]", "2025")
    in_2025 = cards(page)
    assert 0 < len(in_2025) < 16
    page.select_option("select[name=nam]", "")
    page.select_option("select[name=phong-trao]", "hoc-tap-lam-theo-bac")
    assert 0 < len(cards(page)) < 16
    page.click(f"text={cards(page)[0]}")
    page.wait_for_url("**/dien-hinh/**/")
    assert page.locator("h1").inner_text()
    page.close()


def test_listing_without_javascript(browser, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{served}dien-hinh/")
    assert not page.locator("form.tdkt-filters").is_visible()  # the form needs the script
    assert len(cards(page)) == 16
    page.click("[data-tdkt-filter-panel] summary")  # the group pages, folded at the top
    page.get_by_role("link", name="Tập thể", exact=True).click()
    page.wait_for_url("**/theo-loai/tap-the/")
    assert len(cards(page)) == 8
    context.close()
