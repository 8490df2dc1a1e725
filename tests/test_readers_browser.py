"""What a reader meets on a phone and on paper (issue 13): tables that read top to bottom at 360 px, the site's
own fonts with every Vietnamese letter on screen and in print, a month sheet on one A4 page in large type,
headings that keep with their text, and editorial notes numbered in reading order.

Screenshots and printed pages go to tests/artifacts/ (git-ignored), to be looked at."""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
from pypdf import PdfReader

from test_print import ARTIFACTS, print_pdf, squeeze

pytestmark = pytest.mark.browser

CAL = "lich-tuyen-truyen/so-tu-phap-an-giang-2023"
PLANS = sorted(p.stem for p in (Path(__file__).parents[1] / "data" / "plans").glob("*.yml"))
TABLE_PAGES = {
    "lich-ca-nam": f"{CAL}/",
    "lich-thang-4": f"{CAL}/thang-04/",
    "lich-thang-9": f"{CAL}/thang-09/",
    "ngay-ky-niem": "ngay-ky-niem/",
    "van-ban": "van-ban/",
    "co-quan": "co-quan/",
    "ke-hoach-chi-tiet": "ke-hoach/2023-stp-an-giang-dien-hinh-tien-tien/",
    "dien-hinh-ho-so": "dien-hinh/trung-tam-tro-giup-phap-ly-an-giang/",
}
WIDTHS = (360, 1280)

# Every text run inside a table cell, with the box the browser drew it in (text nodes, not cells: a cell can
# fit while its text is clipped or scrolled away).
CELL_TEXT_BOXES = """() => {
  const out = [];
  for (const cell of document.querySelectorAll('.md-typeset td, .md-typeset th')) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) {
        if (r.width > 0) out.push({text: node.textContent.trim().slice(0, 40), left: r.left, right: r.right});
      }
    }
  }
  return {boxes: out, width: document.documentElement.clientWidth};
}"""


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", list(TABLE_PAGES))
def test_every_table_cell_is_inside_the_screen(browser, served: str, name: str, width: int, javascript: bool) -> None:
    context = browser.new_context(viewport={"width": width, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(served + TABLE_PAGES[name])
    page.evaluate("document.fonts.ready")
    found = page.evaluate(CELL_TEXT_BOXES)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"bang-{name}-{width}-{'js' if javascript else 'nojs'}.png"), full_page=True)
    context.close()
    assert found["boxes"], "the page has tables"
    outside = [b for b in found["boxes"] if b["left"] < -0.5 or b["right"] > found["width"] + 0.5]
    assert not outside, outside[:5]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_calendar_rows_read_top_to_bottom_on_a_phone(browser, served: str, javascript: bool) -> None:
    """At 360 px a month's row shows its time, then "Chủ đề", then "Nội dung", each cell under its label."""
    context = browser.new_context(viewport={"width": 360, "height": 800}, java_script_enabled=javascript)
    page = context.new_page()
    page.goto(f"{served}{CAL}/thang-04/")
    row = page.locator(".tdkt-stack table tbody tr").first
    cells = row.locator("th, td")
    tops = [cells.nth(i).bounding_box()["y"] for i in range(cells.count())]
    labels = [
        page.evaluate("e => getComputedStyle(e, '::before').content", cells.nth(i).element_handle()) for i in (1, 2)
    ]
    text = row.inner_text()
    context.close()
    assert tops == sorted(tops) and len(set(tops)) == 3  # stacked, in reading order
    assert labels == ['"Chủ đề"', '"Nội dung"']
    assert text.index("Tháng 4") < text.index("Chào mừng ngày giỗ tổ") < text.index("Tuyên truyền ý nghĩa")


def test_the_desktop_keeps_the_columns(browser, served: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(f"{served}{CAL}/thang-04/")
    cells = page.locator(".tdkt-stack table tbody tr").first.locator("th, td")
    tops = {round(cells.nth(i).bounding_box()["y"]) for i in range(cells.count())}
    context.close()
    assert len(tops) == 1  # one row, three columns side by side


FONT_FAMILIES = """() => {
  const families = new Set();
  for (const e of document.querySelectorAll('body *')) {
    if ([...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) families.add(getComputedStyle(e).fontFamily);
  }
  return [...families];
}"""


@pytest.mark.parametrize(
    ("path", "font"),
    [(f"{CAL}/thang-04/", "Roboto"), ("ke-hoach/2023-stp-an-giang-dien-hinh-tien-tien/ban-in/", "Tinos")],
)
def test_pages_use_the_sites_own_fonts(browser, served: str, path: str, font: str) -> None:
    """The fonts come from the site itself, have every Vietnamese letter, and nothing else is asked for."""
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(served + path)
    page.wait_for_load_state("networkidle")
    covered = page.evaluate("f => document.fonts.check(`16px ${f}`, 'KẾ HOẠCH thưởng Bộ ấ ề ộ Đ ữ ỹ')", font)
    loaded = page.evaluate("() => [...document.fonts].filter(f => f.status === 'loaded').map(f => f.family)")
    families = page.evaluate(FONT_FAMILIES)
    page.close()
    assert covered and font in {f.strip("'\"") for f in loaded}
    assert all(f.split(",")[0].strip().strip("'\"") in {"Roboto", "Tinos"} for f in families), families
    fonts = [u for u in requests if "/assets/fonts/" in u]
    assert fonts and all(u.startswith(served) for u in requests), requests


def font_sizes(reader: PdfReader, index: int) -> collections.Counter:
    """Characters per font size (pt) on a page, from the PDF's text operators: size × text matrix × CTM."""
    sizes: collections.Counter = collections.Counter()

    def visit(text, cm, tm, font, size) -> None:
        if text.strip():
            scale = (tm[2] ** 2 + tm[3] ** 2) ** 0.5 * (cm[2] ** 2 + cm[3] ** 2) ** 0.5
            sizes[round(size * scale, 1)] += len(text.strip())

    reader.pages[index].extract_text(visitor_text=visit)
    return sizes


def pdf_fonts(reader: PdfReader) -> set[str]:
    """The base names of the fonts embedded in a PDF, without the subset prefix ("ABCDEF+")."""
    names = set()
    for page in reader.pages:
        for font in (page.get("/Resources") or {}).get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).lstrip("/").split("+")[-1])
    return names


@pytest.mark.parametrize("month", range(1, 13))
def test_a_month_prints_on_one_sheet_in_large_type(browser, served: str, month: int) -> None:
    """One A4 page for a month; two only when the month's own themes and dates fill the first. Title at least
    16 pt, text at least 12 pt, only the site's sans font; the year-round themes are on the sheet."""
    reader = print_pdf(browser, f"{served}{CAL}/thang-{month:02d}/", f"lich-thang-{month:02d}")
    sizes = collections.Counter()
    for index in range(len(reader.pages)):
        sizes.update(font_sizes(reader, index))
    assert min(sizes) >= 12, sizes
    assert max(sizes) >= 16  # the sheet's title
    assert pdf_fonts(reader) <= {"Roboto-Regular", "Roboto-Bold", "Roboto-Italic", "Roboto-BoldItalic"}
    everything = "".join(squeeze(p.extract_text()) for p in reader.pages)
    assert squeeze("Chủ đề tuyên truyền trong năm") in everything
    assert squeeze("Cán bộ, công chức, viên chức thi đua thực hiện văn hóa công sở") in everything
    assert squeeze("tạo sự chuyển biến mạnh mẽ") not in everything  # year-round contents: on the year page
    if len(reader.pages) > 1:
        # a second page only when the month's own content, before the year-round list, already fills page 1
        first = squeeze(reader.pages[0].extract_text())
        assert squeeze("Chủ đề tuyên truyền trong năm") in first
    assert len(reader.pages) <= 2


def test_april_fits_one_page(browser, served: str) -> None:
    assert len(print_pdf(browser, f"{served}{CAL}/thang-04/", "lich-thang-04-mot-trang").pages) == 1


@pytest.mark.parametrize("plan", PLANS)
def test_official_form_headings_keep_with_their_text(browser, served: str, plan: str) -> None:
    """No heading ends a page with its text on the next, and the form uses Tinos only."""
    url = f"{served}ke-hoach/{plan}/ban-in/"
    page = browser.new_page()
    page.goto(url)
    headings = [squeeze(t) for t in page.locator(".nd30-h").all_inner_texts()]
    page.close()
    reader = print_pdf(browser, url, f"official-{plan}")
    assert pdf_fonts(reader) <= {"Tinos-Regular", "Tinos-Bold", "Tinos-Italic", "Tinos-BoldItalic"}
    assert headings
    for index, pdf_page in enumerate(reader.pages[:-1]):
        lines = [squeeze(line) for line in pdf_page.extract_text().splitlines() if squeeze(line)]
        last = lines[-1]
        stranded = [h for h in headings if len(last) >= 6 and h.endswith(last)]
        assert not stranded, f"page {index + 1} ends with the heading {stranded[0]}"
