"""The propaganda calendar: computed commemorations, month pages, the iCalendar feeds, next year's draft."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest
from icalendar import Calendar as ICalendar

from conftest import run_cli
from thidua.check.loader import load_repository
from thidua.derive.occurrence import occurrence
from thidua.editing.draft import DraftExists, write_draft
from thidua.publish.ical import calendar_feed, deadlines_feed
from thidua.publish.pages import build_pages, process_photos
from thidua.records import urls
from thidua.records.calendars import entries_for_month, month_span
from thidua.source.problems import DataError

ROOT = Path(__file__).parents[1]
GOLDEN = Path(__file__).parent / "golden"
CAL = "so-tu-phap-an-giang-2023"
STAMP = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT / "data")


def test_gio_to_on_its_2023_date(repo) -> None:
    o = occurrence(repo.commemorations["gio-to-hung-vuong"], 2023)
    assert (o.date, o.weekday, o.date_text) == (dt.date(2023, 4, 29), "Thứ Bảy", "10/3 âm lịch, 29/4/2023")
    assert o.count is None and o.wording == "Giỗ Tổ Hùng Vương"


@pytest.mark.parametrize(
    ("commemoration", "year", "wording", "round_"),
    [
        ("thanh-lap-dang", 2023, "93 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2023)", False),
        ("thanh-lap-dang", 2030, "100 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2030)", True),
        ("thuc-hien-di-chuc-bac-ho", 2023, "54 năm Thực hiện Di chúc của Chủ tịch Hồ Chí Minh (1969 - 2023)", False),
        ("ngay-phap-luat", 2023, "Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam lần thứ 11", False),
        ("thanh-lap-tinh-an-giang", 2023, "191 năm Ngày thành lập tỉnh An Giang (22/11/1832 - 22/11/2023)", False),
    ],
)
def test_anniversary_wording(repo, commemoration: str, year: int, wording: str, round_: bool) -> None:
    o = occurrence(repo.commemorations[commemoration], year)
    assert o.wording == wording
    assert o.round is round_


def test_month_entries_include_year_round_ones(repo) -> None:
    cal = repo.calendars[CAL]
    labels = [e.label for e in entries_for_month(cal, 9)]
    assert labels == ["Tháng 8 và Tháng 9"] * 3 + ["Trong năm"] * 6
    assert [e.label for e in entries_for_month(cal, 1)] == ["Trong năm"] * 6


def test_month_page_golden(repo, tmp_path: Path) -> None:
    pages = {p.path: p.content for p in build_pages(repo, process_photos(repo, ROOT / "data", tmp_path))}
    page = pages[urls.calendar_month(CAL, 4)]
    path = GOLDEN / "calendar-2023-thang-04.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(page, encoding="utf-8")
    assert page == path.read_text(encoding="utf-8")
    assert "Thứ Bảy, 10/3 âm lịch, 29/4/2023" in page


def test_theme_in_the_wrong_month_is_reported(data_copy: Path) -> None:
    path = data_copy / "calendars" / f"{CAL}.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("commemoration: gio-to-hung-vuong", "commemoration: quoc-khanh", 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_repository(data_copy, data_copy.parent)
    [problem] = caught.value.problems
    assert problem.message == (
        "ngày kỷ niệm 'quoc-khanh' năm 2023 rơi vào ngày 2/9/2023, không thuộc tháng 4 của dòng này; "
        "hãy chuyển chủ đề sang dòng Tháng 9."
    )


def parse(feed: bytes) -> list:
    return list(ICalendar.from_ical(feed).walk("VEVENT"))


def test_calendar_feed(repo) -> None:
    cal = repo.calendars[CAL]
    feed = calendar_feed(cal, repo.bodies[cal.issuer], repo.commemorations, STAMP, "example.gov.vn")
    events = parse(feed)
    uids = [str(e["uid"]) for e in events]
    assert len(uids) == len(set(uids)) == 12  # every 2023 theme honours a commemoration
    gio_to = next(e for e in events if str(e["uid"]) == f"{CAL}-gio-to-hung-vuong@example.gov.vn")
    assert gio_to.decoded("dtstart") == dt.date(2023, 4, 29)  # a date: an all-day event
    assert gio_to.decoded("dtend") == dt.date(2023, 4, 30)
    assert str(gio_to["summary"]) == "Chào mừng ngày giỗ tổ Hùng Vương (mùng 10 tháng 3 âm lịch)"
    assert "Thứ Bảy, 29/4/2023" in str(gio_to["description"])
    # Re-publishing gives the same bytes: the same UIDs, nothing from the build clock.
    assert feed == calendar_feed(cal, repo.bodies[cal.issuer], repo.commemorations, STAMP, "example.gov.vn")


def test_month_span() -> None:
    assert month_span(2023, (8, 9)) == (dt.date(2023, 8, 1), dt.date(2023, 10, 1))
    assert month_span(2023, (12,)) == (dt.date(2023, 12, 1), dt.date(2024, 1, 1))


def test_deadlines_feed(repo) -> None:
    events = parse(deadlines_feed(repo.plans.values(), repo.bodies, STAMP, "example.gov.vn"))
    by_uid = {str(e["uid"]): e for e in events}
    first = by_uid["2024-stp-bac-giang-phat-dong-thi-dua-han-1@example.gov.vn"]
    assert first.decoded("dtstart") == dt.date(2024, 2, 2)
    assert "Phòng Tư pháp các huyện, thành phố" in str(first["description"])
    in_month = next(e for e in events if str(e["summary"]).startswith("Hạn (trong tháng 6/2023)"))
    assert in_month.decoded("dtstart") == dt.date(2023, 6, 30)
    assert not any(e.decoded("dtstart").year == 2025 and e.decoded("dtstart").month == 12 for e in events)


def test_feeds_are_published(site: Path) -> None:
    assert parse((site / "lich-tuyen-truyen" / f"{CAL}.ics").read_bytes())
    assert parse((site / "ke-hoach" / "thoi-han.ics").read_bytes())


def test_calendar_draft(data_copy: Path) -> None:
    repo = load_repository(data_copy, data_copy.parent)
    path = write_draft(repo, data_copy, 2030, "so-tu-phap-an-giang")
    text = path.read_text(encoding="utf-8")
    assert "# Thứ Sáu, 10/3 âm lịch, 12/4/2030: Giỗ Tổ Hùng Vương" in text
    assert "100 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2030)  ★ NĂM TRÒN (100 năm)" in text
    drafted = load_repository(data_copy, data_copy.parent, include_drafts=True).calendars["so-tu-phap-an-giang-2030"]
    assert drafted.draft and drafted.year == 2030
    assert [e.label for e in drafted.entries][:2] == ["Tháng 1", "Tháng 2"]
    with pytest.raises(DraftExists):
        write_draft(repo, data_copy, 2030, "so-tu-phap-an-giang")
    assert path.read_text(encoding="utf-8") == text


def test_calendar_draft_command_never_overwrites(data_copy: Path) -> None:
    def run() -> subprocess.CompletedProcess:
        return run_cli("calendar-draft", "2027", "--data", str(data_copy), cwd=data_copy.parent)

    first = run()
    assert first.returncode == 0, first.stderr
    assert (
        first.stdout
        == "Đã tạo bản nháp data/calendars/so-tu-phap-an-giang-2027.yml. Hãy bổ sung nội dung rồi chạy make check.\n"
    )
    second = run()
    assert second.returncode == 1
    assert second.stderr.startswith("data/calendars/so-tu-phap-an-giang-2027.yml đã có; không ghi đè.")
