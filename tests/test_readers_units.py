"""The pieces behind issue 13 on their own: dates the Vietnamese way, a round anniversary in one bracket,
editorial notes numbered in reading order, and the site's fonts taken from their npm packages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thidua.check.loader import load_repository
from thidua.derive import dates
from thidua.derive.occurrence import occurrence
from thidua.publish.fonts import FontsMissing, font_assets
from thidua.records.models import EditorialNote
from thidua.render.texts import NoteNumbers, Texts

ROOT = Path(__file__).parents[1]


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (dt.date(2023, 4, 27), "27/4/2023"),
        (dt.date(2024, 1, 5), "5/1/2024"),
        (dt.date(2023, 12, 31), "31/12/2023"),
        (dates.PartialDate(2024, 1), "tháng 1/2024"),
        (dates.PartialDate(2023, 11), "tháng 11/2023"),
        (dates.PartialDate(2025), "năm 2025"),
        (dates.PartialDate(2023, 6, 9), "9/6/2023"),
    ],
)
def test_short_dates_have_no_leading_zeros(value, text: str) -> None:
    assert dates.short(value) == text


def test_the_nd30_place_and_date_line_keeps_its_zeros() -> None:
    assert dates.nd30_place_date("Bắc Giang", dates.PartialDate(2024, 1, 5)) == "Bắc Giang, ngày 05 tháng 01 năm 2024"
    assert dates.nd30_place_date("An Giang", dates.PartialDate(2023, 4, 27)) == "An Giang, ngày 27 tháng 4 năm 2023"


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT / "data", root=ROOT)


def test_lunar_dates_read_day_and_month_without_zeros(repo) -> None:
    assert occurrence(repo.commemorations["gio-to-hung-vuong"], 2026).date_text == "10/3 âm lịch, 26/4/2026"


@pytest.mark.parametrize(
    ("commemoration", "year", "marked"),
    [
        # a round anniversary: "năm tròn" inside the one bracket of the span
        ("toan-quoc-khang-chien", 2026, "80 năm Ngày Toàn quốc kháng chiến (19/12/1946 - 19/12/2026, năm tròn)"),
        ("thanh-lap-dang", 2023, "93 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2023)"),
        ("thuc-hien-di-chuc-bac-ho", 2019, "50 năm Thực hiện Di chúc của Chủ tịch Hồ Chí Minh (1969 - 2019, năm tròn)"),
    ],
)
def test_a_round_anniversary_is_marked_in_one_bracket(repo, commemoration: str, year: int, marked: str) -> None:
    o = occurrence(repo.commemorations[commemoration], year)
    assert o.marked_wording == marked
    assert ") (" not in o.marked_wording


def test_notes_are_numbered_in_the_order_they_are_met() -> None:
    numbering = NoteNumbers()
    plan = Texts((EditorialNote("alpha", "a"), EditorialNote("beta", "b")), numbering)
    calendar = Texts((EditorialNote("gamma", "c"),), numbering)
    # a plan's second note first, then its calendar's, then the plan's first; two quotes in one text: by position
    assert [s.note for s in plan.segments("x beta y") if s.note] == [1]
    assert [s.note for s in calendar.segments("gamma")] == [2]
    assert [(s.text, s.note) for s in plan.segments("beta then alpha")] == [("beta", 1), (" then ", None), ("alpha", 3)]
    assert [n for n, _ in plan.notes_for("alpha beta")] == [1, 3]
    assert plan.notes_for("alpha beta") == []  # each shown once
    assert [(n, note.quote) for n, note in numbering.listed()] == [(1, "beta"), (2, "gamma"), (3, "alpha")]


def test_a_note_whose_quote_is_not_printed_is_listed_last() -> None:
    numbering = NoteNumbers()
    texts = Texts((EditorialNote("never printed", "a"), EditorialNote("seen", "b")), numbering)
    texts.segments("seen here")
    assert [(n, note.quote) for n, note in numbering.listed()] == [(1, "seen"), (2, "never printed")]


def test_texts_compare_by_their_notes_only() -> None:
    """make serve reuses a page while its values are equal: the state of one rendering does not count."""
    a, b = Texts((EditorialNote("q", "n"),)), Texts((EditorialNote("q", "n"),))
    a.segments("q")
    a.notes_for("q")
    assert a == b


def test_fonts_come_from_the_npm_packages() -> None:
    assets = {a.path: a for a in font_assets(ROOT / "node_modules")}
    for family in ("roboto", "tinos"):
        css = assets[f"assets/fonts/{family}.css"].content.decode("utf-8")
        assert "unicode-range: U+0102-0103" in css  # the Vietnamese subset
        assert f"url({family}/{family}-vietnamese-700-normal.woff2)" in css
        assert "./files/" not in css
        referenced = {line.split("url(")[1].split(")")[0] for line in css.split("src: ")[1:]}
        assert {f"assets/fonts/{r}" for r in referenced} <= set(assets)
        assert f"assets/fonts/{family}/LICENSE.txt" in assets
    sources = [Path(a.source) for a in assets.values() if a.source]
    assert sources and all(p.is_file() for p in sources)


def test_missing_fonts_are_reported_in_vietnamese(tmp_path: Path) -> None:
    with pytest.raises(FontsMissing) as caught:
        font_assets(tmp_path / "node_modules")
    assert "Thiếu tệp phông chữ" in str(caught.value) and "make site" in str(caught.value)
