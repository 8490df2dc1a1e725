"""Page content generated from the data: golden output for a plan, and the derived facts it shows."""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

import pytest
import yaml

from thidua.check.loader import load_repository
from thidua.publish.pages import build_pages, process_photos
from thidua.records import urls
from thidua.records.models import LegalDoc
from thidua.render import paging

ROOT = Path(__file__).parents[1]
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    repo = load_repository(ROOT / "data")
    photos = process_photos(repo, ROOT / "data", tmp_path_factory.mktemp("photos"))
    return {p.path: p.content for p in build_pages(repo, photos)}


@pytest.mark.parametrize(
    ("page", "golden"),
    [
        (urls.record("plans", "2023-stp-an-giang-dien-hinh-tien-tien"), "plan-2023-stp-an-giang.md"),
        (urls.official("2023-ubnd-xa-thuong-thang-phat-dong-thi-dua"), "official-2023-ubnd-xa-thuong-thang.md"),
    ],
)
def test_golden(pages: dict[str, str], page: str, golden: str) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review the diff."""
    path = GOLDEN / golden
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(pages[page], encoding="utf-8")
    assert pages[page] == path.read_text(encoding="utf-8")


def test_every_record_has_a_page(pages: dict[str, str]) -> None:
    repo = load_repository(ROOT / "data")
    for kind in ("plans", "movements", "commemorations", "legal", "bodies"):
        for record_id in repo.table(kind):
            assert urls.record(kind, record_id) in pages
    for plan_id in repo.plans:
        assert urls.official(plan_id) in pages
    assert all(path.isascii() for path in pages)


def test_phases_show_computed_anniversaries(pages: dict[str, str]) -> None:
    page = pages[urls.record("plans", "2023-ubnd-xa-thuong-thang-phat-dong-thi-dua")]
    assert "93 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2023)" in page
    assert "133 năm Ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 - 19/5/2023)" in page


def test_editorial_note_beside_the_signed_wording(pages: dict[str, str]) -> None:
    page = pages[urls.record("plans", "2023-ubnd-xa-thuong-thang-phat-dong-thi-dua")]
    quote = '<mark class="tdkt-quote">(03/2/1930-30/2/2023)</mark><sup class="tdkt-ed">'
    assert quote in page
    note = page.index('id="ghi-chu-bien-tap-1"')
    assert 0 < note - page.index(quote) < 1500
    assert "Ngày 30/2 không tồn tại" in page[note:]


def test_calendar_table_comes_from_the_calendar_file(pages: dict[str, str]) -> None:
    # The official form prints the table as signed; the reading page lists the themes month by month and
    # links to the calendar's own page, keeping a long plan light on a phone.
    official = pages[urls.official("2023-stp-an-giang-dien-hinh-tien-tien")]
    assert official.count('<table class="nd30-table">') == 1
    assert '<td rowspan="3">Tháng 8 và Tháng 9</td>' in official
    assert '<td rowspan="6">Trong năm</td>' in official
    reading = pages[urls.record("plans", "2023-stp-an-giang-dien-hinh-tien-tien")]
    assert '<table class="tdkt-calendar">' not in reading
    assert "](../lich-tuyen-truyen/so-tu-phap-an-giang-2023.md)" in reading
    assert "- **Tháng 8 và Tháng 9:** " in reading
    assert 'id="ghi-chu-bien-tap-' in reading.split("tdkt-calendar-summary")[1]  # notes stay beside the themes


@pytest.mark.parametrize(
    ("target", "here"),
    [
        ("dien-hinh/x.md", "dien-hinh/nhom/nam-2024.md"),
        ("dien-hinh/nhom/nam-2024.md", "dien-hinh/nhom/nam-2023.md"),
        ("index.md", "ke-hoach/a/b.md"),
        ("ke-hoach/a.md", "index.md"),
        ("ke-hoach/a.md", "ke-hoach/a.md"),
        ("a/b/c/d.md", "a/b/e/f/g.md"),
    ],
)
def test_relative_links_match_posixpath(target: str, here: str) -> None:
    # urls.relative avoids posixpath.relpath for speed; it must give the same link.
    expected = posixpath.relpath(target, posixpath.dirname(here) or ".")
    assert urls.relative(here, target) == expected
    assert urls.relative(here, target + "#muc") == expected + "#muc"


def test_pager_shows_a_window_of_pages() -> None:
    # A long listing links to its first and last page and two either side: its pages do not grow with the data.
    items = paging.pager("dien-hinh/index.md", 9, 209)
    shown = [(i.number, i.path, i.current) for i in items]
    assert shown == [
        (1, "dien-hinh/index.md", False),
        (None, "", False),
        *[(n, f"dien-hinh/trang-{n}.md", n == 9) for n in range(7, 12)],
        (None, "", False),
        (209, "dien-hinh/trang-209.md", False),
    ]
    assert [i.number for i in paging.pager("dien-hinh/nam/2024.md", 1, 3)] == [1, 2, 3]
    assert paging.pager("dien-hinh/nam/2024.md", 1, 1) == []
    assert paging.pager("dien-hinh/nam/2024.md", 3, 3)[1].path == "dien-hinh/nam/2024/trang-2.md"


def test_a_document_named_by_its_title_says_its_kind_once(pages: dict[str, str]) -> None:
    # A law's title is its name ("Luật Thi đua, Khen thưởng năm 2003"): not "Luật Luật ...", nor a bare "Luật".
    law = pages[urls.record("legal", "luat-thi-dua-khen-thuong-2003")]
    assert 'title: "Luật Thi đua, Khen thưởng năm 2003"' in law
    assert "\n# Luật Thi đua, Khen thưởng năm 2003\n" in law
    numbered = pages[urls.record("legal", "luat-thi-dua-khen-thuong-2022")]
    assert "\n# Luật số 06/2022/QH15\n" in numbered and "Luật Luật" not in numbered
    directive = pages[urls.record("legal", "chi-thi-34-ct-tw")]
    assert 'title: "Chỉ thị 34-CT/TW về tiếp tục đổi mới công tác thi đua, khen thưởng"' in directive
    plan = pages[urls.record("plans", "2022-stp-bac-kan-phat-dong-thi-dua")]
    assert "[Kế hoạch số 17/KH-UBND](" in plan  # a plan's legal bases, cited by number
    # how a plan cites a law without a number: by its name
    unnumbered = LegalDoc("x", "Luật", "Quốc hội", "Luật Hòa giải ở cơ sở")
    assert unnumbered.label == unnumbered.full_title == "Luật Hòa giải ở cơ sở"
    resolution = LegalDoc("y", "Nghị quyết", "Quốc hội", "về một việc")  # neither name nor number
    assert resolution.label == "Nghị quyết" and resolution.full_title == "Nghị quyết về một việc"
    assert all("Luật Luật" not in content for content in pages.values())


def test_every_front_matter_is_yaml_with_a_title(pages: dict[str, str]) -> None:
    # A broken front matter is not an error for MkDocs: the page silently takes its file name as its title.
    for path, content in pages.items():
        assert content.startswith("---\n"), path
        meta = yaml.safe_load(content.split("---\n", 2)[1])
        assert isinstance(meta, dict) and (meta.get("title") or "\n# " in content), path
        assert set(meta) <= {"title", "description", "search", "hide", "template"}, (path, set(meta))
