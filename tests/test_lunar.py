"""Tests for the Vietnamese lunar calendar (hooks/thidua/lunar.py)."""

import datetime as dt

import pytest

from thidua.derive.lunar import LunarDate, LunarDateError, leap_month, lunar_to_solar, month_length, solar_to_lunar

D = dt.date.fromisoformat
YEARS = range(1900, 2101)

TET = {
    2023: "2023-01-22",
    2024: "2024-02-10",
    2025: "2025-01-29",
    2026: "2026-02-17",
    1985: "1985-01-21",  # China: 1985-02-20
    2007: "2007-02-17",  # one day before China
    2030: "2030-02-02",
}  # one day before China
GIO_TO = {2023: "2023-04-29", 2024: "2024-04-18", 2025: "2025-04-07", 2026: "2026-04-26"}
LEAP = {2020: 4, 2023: 2, 2025: 6, 1987: 7, 2033: 11}  # 1987: China has 6


@pytest.mark.parametrize("year,solar", TET.items())
def test_tet(year, solar):
    assert lunar_to_solar(year, 1, 1) == D(solar)
    assert solar_to_lunar(D(solar)) == LunarDate(year, 1, 1)
    assert solar_to_lunar(D(solar) - dt.timedelta(days=1)).year == year - 1


@pytest.mark.parametrize("year,solar", GIO_TO.items())
def test_gio_to_hung_vuong(year, solar):
    assert lunar_to_solar(year, 3, 10) == D(solar)
    assert solar_to_lunar(D(solar)) == LunarDate(year, 3, 10)


@pytest.mark.parametrize("year,month", LEAP.items())
def test_leap_months(year, month):
    assert leap_month(year) == month
    first = lunar_to_solar(year, month, 1, leap=True)
    assert solar_to_lunar(first) == LunarDate(year, month, 1, leap=True)
    # The leap month directly follows the ordinary month of the same number.
    assert first == lunar_to_solar(year, month, 1) + dt.timedelta(days=month_length(year, month))


def test_no_leap_month():
    assert leap_month(2024) is None
    assert leap_month(2026) is None


def test_2006_06_25_vietnam_not_china():
    assert solar_to_lunar(D("2006-06-25")) == LunarDate(2006, 6, 1)  # China: 30/5


def test_round_trip_every_day_1900_2100():
    day, end = D("1900-01-31"), D("2100-12-31")
    previous = None
    while day <= end:
        lunar = solar_to_lunar(day)
        assert lunar_to_solar(lunar.year, lunar.month, lunar.day, lunar.leap) == day, (day, lunar)
        if previous is not None and lunar.day != 1:
            assert lunar == LunarDate(previous.year, previous.month, previous.day + 1, previous.leap), day
        previous = lunar
        day += dt.timedelta(days=1)
    assert solar_to_lunar(D("1900-01-31")) == LunarDate(1900, 1, 1)


def _months(year):
    """All (month, leap) pairs of a lunar year, in order."""
    lm = leap_month(year)
    return [(m, leap) for m in range(1, 13) for leap in (False, True) if not leap or m == lm]


@pytest.mark.parametrize("year", YEARS)
def test_month_lengths_and_year_lengths(year):
    months = _months(year)
    assert len(months) in (12, 13)
    lengths = [month_length(year, m, leap) for m, leap in months]
    assert set(lengths) <= {29, 30}
    # The months tile the year: each starts the day after the previous one ends.
    day = lunar_to_solar(year, 1, 1)
    for (m, leap), length in zip(months, lengths, strict=False):
        assert lunar_to_solar(year, m, 1, leap) == day
        day += dt.timedelta(days=length)
    if year < 2100:
        assert day == lunar_to_solar(year + 1, 1, 1)
    assert sum(lengths) in ((353, 354, 355) if len(months) == 12 else (383, 384, 385))


def test_leap_years_are_7_in_19():
    leap_years = [y for y in YEARS if leap_month(y) is not None]
    assert 73 <= len(leap_years) <= 75  # 201 * 7 / 19 = 74.05
    for a, b in zip(leap_years, leap_years[1:], strict=False):
        assert b - a in (2, 3)


def test_range_edges():
    assert solar_to_lunar(D("2101-01-01")).year == 2100
    with pytest.raises(LunarDateError, match="nằm ngoài phạm vi hỗ trợ"):
        solar_to_lunar(D("1900-01-30"))
    with pytest.raises(LunarDateError, match="nằm ngoài phạm vi hỗ trợ"):
        solar_to_lunar(D("2101-06-01"))


@pytest.mark.parametrize(
    "args,message",
    [
        # In 2023 month 1 and leap month 2 have 29 days; the ordinary month 2 has 30.
        ((2023, 1, 30), "Ngày 30 tháng 1 âm lịch năm 2023 không tồn tại (tháng này chỉ có 29 ngày)."),
        ((2023, 2, 30, True), "Ngày 30 tháng 2 nhuận âm lịch năm 2023 không tồn tại (tháng này chỉ có 29 ngày)."),
        ((2023, 2, 31), "Ngày 31 tháng 2 âm lịch năm 2023 không tồn tại (tháng này chỉ có 30 ngày)."),
        ((2023, 2, 0), "Ngày 0 tháng 2 âm lịch năm 2023 không tồn tại (ngày bắt đầu từ 1)."),
        ((2024, 4, 1, True), "Năm 2024 âm lịch không có tháng 4 nhuận."),
        ((2023, 4, 1, True), "Năm 2023 âm lịch không có tháng 4 nhuận (năm này nhuận tháng 2)."),
        ((2023, 13, 1), "Tháng 13 không hợp lệ: tháng âm lịch phải từ 1 đến 12."),
        ((2023, 0, 1), "Tháng 0 không hợp lệ: tháng âm lịch phải từ 1 đến 12."),
        ((1899, 1, 1), "Năm 1899 âm lịch nằm ngoài phạm vi hỗ trợ (1900–2100)."),
        ((2101, 1, 1), "Năm 2101 âm lịch nằm ngoài phạm vi hỗ trợ (1900–2100)."),
    ],
)
def test_impossible_dates(args, message):
    with pytest.raises(LunarDateError) as info:
        lunar_to_solar(*args)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


def test_2023_month_2_has_30_days():
    assert month_length(2023, 2) == 30 and month_length(2023, 2, leap=True) == 29
    assert lunar_to_solar(2023, 2, 30) == D("2023-03-21")
    assert lunar_to_solar(2023, 2, 1, leap=True) == D("2023-03-22")


def test_impossible_month_length_and_leap_queries():
    with pytest.raises(LunarDateError, match="không có tháng 4 nhuận"):
        month_length(2024, 4, leap=True)
    with pytest.raises(LunarDateError, match="ngoài phạm vi"):
        leap_month(2101)


def test_lunar_date_is_frozen():
    with pytest.raises(AttributeError):
        LunarDate(2025, 1, 1).day = 2  # type: ignore[misc]
