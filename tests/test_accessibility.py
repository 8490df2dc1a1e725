"""Every page type in headless Chromium, at a phone's and a desktop's size: axe-core (WCAG 2.1 A/AA), no sideways
scrolling at 360 px, no third-party request, a visible keyboard focus, zoom allowed, tables with headers.
Screenshots of each page type are saved to tests/artifacts/ to be looked at."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parents[1]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = Path(__file__).parent / "artifacts"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

PAGE_TYPES = {
    "trang-chu": "",
    "ke-hoach": "ke-hoach/",
    "ke-hoach-chi-tiet": "ke-hoach/2023-stp-an-giang-dien-hinh-tien-tien/",
    "ban-in-chinh-thuc": "ke-hoach/2023-ubnd-xa-thuong-thang-phat-dong-thi-dua/ban-in/",
    "lich-tuyen-truyen": "lich-tuyen-truyen/",
    "lich-ca-nam": "lich-tuyen-truyen/so-tu-phap-an-giang-2023/",
    "lich-thang": "lich-tuyen-truyen/so-tu-phap-an-giang-2023/thang-04/",
    "dien-hinh": "dien-hinh/",
    "dien-hinh-ho-so": "dien-hinh/kha-thi-phuong-dung/",
    "dien-hinh-nhom": "dien-hinh/theo-cap/toan-quoc/",
    "tieu-chi": "dien-hinh/tieu-chi/",
    "phong-trao": "phong-trao/",
    "phong-trao-chi-tiet": "phong-trao/van-hoa-cong-so/",
    "ngay-ky-niem": "ngay-ky-niem/",
    "ngay-ky-niem-chi-tiet": "ngay-ky-niem/gio-to-hung-vuong/",
    "van-ban": "van-ban/",
    "van-ban-chi-tiet": "van-ban/chi-thi-34-ct-tw/",
    "co-quan": "co-quan/",
    "co-quan-chi-tiet": "co-quan/so-tu-phap-bac-giang/",
    "gioi-thieu": "gioi-thieu/",
    "tim-kiem": "tim-kiem/",
    "du-lieu-mo": "du-lieu-mo/",
}
SIZES = {"dien-thoai": {"width": 360, "height": 740}, "may-tinh": {"width": 1280, "height": 800}}


@pytest.fixture(scope="module")
def axe_source() -> str:
    assert AXE.is_file(), "axe-core is missing: run `make browser` (npm ci)"
    return AXE.read_text(encoding="utf-8")


@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.parametrize("name", list(PAGE_TYPES))
def test_page_type(browser, served: str, axe_source: str, name: str, size: str) -> None:
    context = browser.new_context(viewport=SIZES[size])
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served + PAGE_TYPES[name])
    page.wait_for_load_state("networkidle")

    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{size}.png"))

    # No third-party requests: everything the page loads comes from the site itself.
    origin = urlsplit(served)
    foreign = [u for u in requests if urlsplit(u).netloc != origin.netloc and not u.startswith("data:")]
    assert foreign == []

    # Zoom is never blocked.
    viewport = page.get_attribute("meta[name=viewport]", "content") or ""
    assert "user-scalable=no" not in viewport and "maximum-scale=1" not in viewport.replace(" ", "")

    # No sideways scrolling on a phone; long tables scroll inside their own box.
    overflow = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
    assert overflow <= 0

    # Every table has header cells.
    assert (
        page.evaluate(
            "[...document.querySelectorAll('article table, main table:not([role=presentation])')]"
            ".filter(t => !t.querySelector('th')).length"
        )
        == 0
    )

    # axe-core finds no WCAG 2.1 A/AA violation (colour contrast included).
    page.add_script_tag(content=axe_source)
    result = page.evaluate("async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    context.close()


@pytest.mark.parametrize("name", ["trang-chu", "ke-hoach-chi-tiet", "dien-hinh", "lich-thang", "ban-in-chinh-thuc"])
def test_keyboard_focus_is_visible(browser, served: str, name: str) -> None:
    """Tab through the first elements: each one that takes focus shows a visible focus indicator."""
    page = browser.new_page(viewport=SIZES["may-tinh"])
    page.goto(served + PAGE_TYPES[name])
    seen = []
    for _ in range(12):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """() => {
                const el = document.activeElement;
                if (!el || el === document.body) return null;
                const style = getComputedStyle(el);
                const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
                const shadow = style.boxShadow && style.boxShadow !== 'none';
                const box = el.getBoundingClientRect();
                return {tag: el.tagName, text: (el.innerText || el.getAttribute('aria-label') || '').slice(0, 40),
                        visible: outline || shadow, size: box.width * box.height};
            }"""
        )
        if state and state["size"] > 0:
            seen.append(state)
    page.close()
    assert len(seen) >= 5
    assert [s for s in seen if not s["visible"]] == []


@pytest.mark.parametrize("name", ["ke-hoach-chi-tiet", "lich-thang", "ban-in-chinh-thuc"])
def test_print_and_download_actions_are_reachable_on_a_phone(browser, served: str, name: str) -> None:
    page = browser.new_page(viewport=SIZES["dien-thoai"])
    page.goto(served + PAGE_TYPES[name])
    actions = page.locator(".tdkt-actions .md-button, .nd30-toolbar button")
    assert actions.count() >= 1
    for i in range(actions.count()):
        box = actions.nth(i).bounding_box()
        assert box is not None and box["height"] >= 44 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    page.close()
