"""What a reader meets (issue 13): whose site it is, a home page that is never stale, profiles' wording and
awards, Vietnamese alphabetical order, breadcrumbs, lunar dates in the solar calendar, Vietnamese tooltips."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from thidua.check.loader import load_repository
from thidua.check.settings import site_settings
from thidua.derive import dates
from thidua.derive.collation import sort_key
from thidua.derive.occurrence import occurrence
from thidua.publish.pages import build_pages, process_photos
from thidua.records import urls
from thidua.records.awards import card_text, highest_first
from thidua.records.models import Award
from thidua.records.site import Site
from thidua.render import home_views
from thidua.render.calendar_views import home_calendar, this_month_data
from thidua.render.profile_views import profile_index_data
from thidua.source.problems import DataError

ROOT = Path(__file__).parents[1]
OWNER = "so-tu-phap-an-giang"


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT / "data")


def site_on(repo, day: dt.date) -> Site:
    return Site(repo.bodies[OWNER], day)


# ------------------------------------------------------------------ the owner setting


def config_with(tmp_path: Path, owner_line: str) -> Path:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^    owner: .*$", owner_line, text, flags=re.M)
    path = tmp_path / "mkdocs.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_owner_is_a_body_record(repo) -> None:
    site = site_settings(repo, OWNER, dt.date(2026, 11, 22), ROOT / "mkdocs.yml", ROOT)
    assert site.owner.name == "Sở Tư pháp tỉnh An Giang"
    assert site.name == "Thi đua, khen thưởng - Sở Tư pháp tỉnh An Giang"


def test_an_unknown_owner_is_a_located_vietnamese_error(repo, tmp_path: Path) -> None:
    config = config_with(tmp_path, "    owner: so-tu-phap-ha-tay")
    line = next(i for i, t in enumerate(config.read_text(encoding="utf-8").splitlines(), 1) if "owner:" in t)
    with pytest.raises(DataError) as caught:
        site_settings(repo, "so-tu-phap-ha-tay", dt.date(2026, 1, 1), config, tmp_path)
    message = caught.value.report()
    assert message.startswith(f"mkdocs.yml:{line}:12: error: trường 'extra.thidua.owner': ")
    assert 'không có cơ quan mã "so-tu-phap-ha-tay" trong data/bodies/' in message
    assert "ví dụ: owner: so-tu-phap-an-giang" in message and '"so-tu-phap-dak-lak"' in message


def test_a_missing_owner_says_what_to_write(repo, tmp_path: Path) -> None:
    config = config_with(tmp_path, "")
    with pytest.raises(DataError) as caught:
        site_settings(repo, None, dt.date(2026, 1, 1), config, tmp_path)
    assert "trường 'extra.thidua.owner': chưa ghi cơ quan sở hữu trang" in caught.value.report()


def test_the_built_site_names_its_owner(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "<title>Thi đua, khen thưởng - Sở Tư pháp tỉnh An Giang</title>" in home
    assert '<small class="tdkt-site-owner">Sở Tư pháp tỉnh An Giang</small>' in home  # header
    footer = home[home.index('<footer class="md-footer">') :]
    assert "Chuyên mục Thi đua, khen thưởng · Sở Tư pháp tỉnh An Giang" in footer
    assert 'href="du-lieu-mo/"' in footer
    plan = (site / "ke-hoach" / "2023-stp-an-giang-dien-hinh-tien-tien" / "index.html").read_text(encoding="utf-8")
    assert re.search(
        r"<title>Kế hoạch tuyên truyền[^<]* - Thi đua, khen thưởng - Sở Tư pháp tỉnh An Giang</title>", plan
    )
    for feed in ("ke-hoach/feed.xml", "dien-hinh/feed.xml"):
        text = (site / feed).read_text(encoding="utf-8")
        assert "Sở Tư pháp tỉnh An Giang</title>" in text and "<name>Thi đua, khen thưởng - Sở Tư pháp" in text
    assert "Sở Tư pháp tỉnh An Giang" in (site / "ke-hoach" / "thoi-han.ics").read_text(encoding="utf-8")


# ------------------------------------------------------------------ the home page


def test_deadlines_past_on_the_day_the_data_changed_are_past_for_everyone(repo) -> None:
    day = dt.date(2023, 6, 1)
    lines = home_views.deadline_lines(repo, site_on(repo, day))
    assert lines["ahead"] and lines["past"]
    assert all(x.deadline.date.last_day() >= day and not x.past for x in lines["ahead"])
    assert all(x.deadline.date.last_day() < day and x.past for x in lines["past"])
    ahead = [x.deadline.date.last_day() for x in lines["ahead"]]
    assert ahead == sorted(ahead)  # the soonest first
    later = home_views.deadline_lines(repo, site_on(repo, dt.date(2026, 11, 22)))
    assert later["ahead"] == [] and len(later["past"]) == len(lines["ahead"]) + len(lines["past"])


def test_the_owners_plans_come_first_and_others_say_whose(repo) -> None:
    plans = sorted(repo.plans.values(), key=lambda p: (-p.year, p.id))
    groups = home_views.plan_groups(plans, site_on(repo, dt.date(2026, 1, 1)))
    assert groups[0]["title"] == "Kế hoạch của Sở Tư pháp tỉnh An Giang"
    assert {p.issuer for p in groups[0]["plans"]} == {OWNER}
    assert groups[1]["title"].endswith("của các cơ quan khác")
    assert OWNER not in {p.issuer for p in groups[1]["plans"]}


def test_the_calendar_block_knows_when_no_reader_has_a_calendar_for_the_year(repo) -> None:
    assert home_calendar(repo, site_on(repo, dt.date(2026, 11, 22)))["behind"] is True
    assert home_calendar(repo, site_on(repo, dt.date(2023, 3, 1)))["behind"] is False
    data = this_month_data(repo, site_on(repo, dt.date(2026, 11, 22)))
    assert data["owner"] == "Sở Tư pháp tỉnh An Giang"
    assert data["latest"] == {
        "year": 2023,
        "issuer": "Sở Tư pháp tỉnh An Giang",
        "url": "lich-tuyen-truyen/so-tu-phap-an-giang-2023/",
    }
    assert data["calendars"]["2023"]["own"] is True


def test_home_page_without_javascript(site: Path) -> None:
    home = (site / "index.html").read_text(encoding="utf-8")
    status = re.search(r'data-tdkt-upcoming="data-tdkt-upcoming">(.*?)</p>', home, re.S).group(1)
    assert status.startswith("Không có thời hạn nào sắp tới")
    assert "data-tdkt-ahead" not in home  # every deadline of the seed plans ended before the data last changed
    past = home[home.index("data-tdkt-past") :]
    items = re.findall(r"<li[^>]*data-date-end[^>]*>(.*?)</li>", past, re.S)
    assert len(items) == 14 and all(i.startswith('<span class="tdkt-past-label">Đã qua</span>') for i in items)
    assert (
        'Theo <a href="ke-hoach/2024-stp-bac-giang-phat-dong-thi-dua/#thoi-han">Kế hoạch năm 2024</a> của Sở Tư pháp tỉnh Bắc Giang'
        in home
    )
    assert "Sở Tư pháp tỉnh An Giang chưa có lịch tuyên truyền cho năm nay. Lịch gần nhất:" in home


# ------------------------------------------------------------------ profiles


def award(title: str, giver: str, year: int, kind: str = "danh-hieu") -> Award:
    return Award(kind, title, giver, f"{year}/QĐ-X", dt.date(year, 1, 15))


def test_cards_show_the_highest_awards_first() -> None:
    awards = [
        award("Tập thể lao động tiên tiến", "Giám đốc Sở Tư pháp tỉnh Đắk Lắk", 2021),
        award("Giấy khen", "Giám đốc Sở Tư pháp tỉnh Đắk Lắk", 2021, "khen-thuong"),
        award("Bằng khen", "Bộ trưởng Bộ Tư pháp", 2022, "khen-thuong"),
        award("Huân chương Lao động hạng Ba", "Chủ tịch nước", 2025, "khen-thuong"),
        award("Bằng khen", "Thủ tướng Chính phủ", 2023, "khen-thuong"),
        award("Cờ thi đua của Bộ, ban, ngành, tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", 2024),
    ]
    ranked = [(a.title, a.giver) for a in highest_first(awards)]
    assert ranked == [
        ("Huân chương Lao động hạng Ba", "Chủ tịch nước"),
        ("Bằng khen", "Thủ tướng Chính phủ"),
        ("Cờ thi đua của Bộ, ban, ngành, tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk"),
        ("Bằng khen", "Bộ trưởng Bộ Tư pháp"),
        ("Tập thể lao động tiên tiến", "Giám đốc Sở Tư pháp tỉnh Đắk Lắk"),
        ("Giấy khen", "Giám đốc Sở Tư pháp tỉnh Đắk Lắk"),
    ]


def test_two_flags_from_different_givers_do_not_read_the_same() -> None:
    flags = [
        award("Cờ thi đua của Bộ, ban, ngành, tỉnh", "Bộ trưởng Bộ Tư pháp", 2023),
        award("Cờ thi đua của Bộ, ban, ngành, tỉnh", "Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk", 2023),
    ]
    texts = [card_text(a) for a in flags]
    assert texts[0] != texts[1]
    assert texts[1] == "Cờ thi đua của Bộ, ban, ngành, tỉnh (Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk, 2023)"
    assert card_text(award("Bằng khen", "Bộ trưởng Bộ Tư pháp", 2022)) == "Bằng khen của Bộ trưởng Bộ Tư pháp (2022)"


def test_the_real_card_with_a_labour_order_shows_it(repo, tmp_path: Path) -> None:
    photos = process_photos(repo, ROOT / "data", tmp_path)
    data = profile_index_data(repo, photos)
    with_order = [r for r in data["profiles"] if any("Huân chương" in a for a in r["awards"])]
    assert with_order and all(r["awards"][0].startswith("Huân chương Lao động") for r in with_order)


@pytest.fixture(scope="module")
def pages(repo, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    photos = process_photos(repo, ROOT / "data", tmp_path_factory.mktemp("photos"))
    return {p.path: p.content for p in build_pages(repo, photos, site=site_on(repo, dt.date(2026, 11, 22)))}


def test_a_period_is_named_once(pages: dict[str, str]) -> None:
    assert not [path for path, text in pages.items() if "giai đoạn, giai đoạn" in text or "hằng năm, năm" in text]
    assert "Điển hình tiên tiến ngành Tư pháp giai đoạn 2021–2025" in pages[urls.PROFILES]


# ------------------------------------------------------------------ order, dates, wording


def test_vietnamese_alphabetical_order() -> None:
    names = ["Văn phòng Sở", "Ủy ban nhân dân tỉnh", "Đắk Lắk", "Dak", "Yên Bái", "Âm", "Ăn", "An", "Uy", "Ưu"]
    assert sorted(names, key=sort_key) == [
        "An", "Ăn", "Âm", "Dak", "Đắk Lắk", "Uy", "Ủy ban nhân dân tỉnh", "Ưu", "Văn phòng Sở", "Yên Bái",
    ]  # fmt: skip
    tones = ["bạ", "bá", "bã", "bả", "bà", "ba"]
    assert sorted(tones, key=sort_key) == ["ba", "bà", "bả", "bã", "bá", "bạ"]  # ngang, huyền, hỏi, ngã, sắc, nặng


def test_the_unit_filter_is_in_vietnamese_order(repo, tmp_path: Path) -> None:
    units = [label for _, label in profile_index_data(repo, process_photos(repo, ROOT / "data", tmp_path))["units"]]
    assert units == sorted(units, key=sort_key)
    assert units.index(next(u for u in units if u.startswith("Ủy ban"))) < units.index(
        next(u for u in units if u.startswith("Văn phòng"))
    )


def test_lunar_commemorations_have_their_solar_dates(repo, pages: dict[str, str]) -> None:
    gio_to = repo.commemorations["gio-to-hung-vuong"]
    row = next(line for line in pages[urls.COMMEMORATIONS].splitlines() if "Giỗ Tổ" in line)
    for year in (2026, 2027):
        assert f"năm {year}: {dates.short(occurrence(gio_to, year).date)}" in row


def test_detail_pages_belong_to_their_listing() -> None:
    sections = {u: u for u in ("ke-hoach/", "dien-hinh/", "lich-tuyen-truyen/")}
    assert urls.section_of("ke-hoach/2023-x/", sections) == "ke-hoach/"
    assert urls.section_of("lich-tuyen-truyen/x-2023/thang-04/", sections) == "lich-tuyen-truyen/"
    assert urls.section_of("ke-hoach/", sections) is None  # the listing itself
    assert urls.section_of("", sections) is None and urls.section_of("gioi-thieu/", sections) is None


def test_reader_facing_strings_are_vietnamese(site: Path) -> None:
    plan = (site / "ke-hoach" / "2023-stp-an-giang-dien-hinh-tien-tien" / "index.html").read_text(encoding="utf-8")
    assert '<a class="md-skip" href=' not in plan or "Bỏ qua, đến nội dung chính" in plan
    assert "Bỏ qua, đến nội dung chính" in plan
    everything = "".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
    assert "Jump back" not in everything
    if 'class="footnote-backref"' in everything:
        assert 'title="Quay lại chỗ có chú thích' in everything
    assert "Trang chủ" in plan[plan.index('class="md-path"') :][:600]
