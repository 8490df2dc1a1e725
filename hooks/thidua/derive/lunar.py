"""Vietnamese lunar calendar (âm lịch), computed astronomically for UTC+7.

Why hand-written: the lunar-calendar packages on PyPI (lunardate, LunarCalendar,
lunar_python) implement the Chinese calendar, which is reckoned for UTC+8.  New
moons and solar terms close to midnight then fall on a different day, and the
Chinese calendar disagrees with the Vietnamese one on a month start, a leap month
or a festival about one year in eight.  The one Vietnamese package has a
contradictory licence (an MIT file against a "non-commercial" docstring).  This
module is a clean-room implementation written from the published formulas of
Jean Meeus, "Astronomical Algorithms" (2nd ed.), chapters 25 and 49, and the
usual rules of the calendar:

* a month starts on the (local) day of a new moon;
* month 11 is the month containing the December solstice (sun at 270°);
* a period from one month 11 to the next with 13 months has a leap month, the
  first month after month 11 that contains no major solar term (no multiple of
  30° of solar longitude); it takes the number of the month before it;
* everything is evaluated at UTC+7.

Supported lunar years: 1900-2100.  A handful of new moons fall within a minute or
two of local midnight (e.g. 1944-06-20, 1967-07-07, 2072-12-09, 2077-11-15); there
the day depends on the precision of the lunar theory and on the (extrapolated)
difference TT - UT, and other implementations may start that month a day later.
"""

from __future__ import annotations

import datetime
import math
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

__all__ = ["LunarDate", "LunarDateError", "solar_to_lunar", "lunar_to_solar", "leap_month", "month_length"]

TIME_ZONE = 7.0  # hours east of UTC
MIN_YEAR, MAX_YEAR = 1900, 2100
_JD_ORDINAL = 1721424.5  # JD at 00:00 UT of date.toordinal() == 0
_SYNODIC = 29.530588861  # mean synodic month in days (Meeus 49.1)


@dataclass(frozen=True)
class LunarDate:
    year: int
    month: int
    day: int
    leap: bool = False


class LunarDateError(ValueError):
    """An impossible or unsupported lunar date (message in Vietnamese)."""


# --- astronomy ---------------------------------------------------------------


def _delta_t(year: float) -> float:
    """TT - UT in seconds (Espenak & Meeus polynomials, 1860-2150)."""
    if year < 1900:
        t = year - 1860
        return 7.62 + 0.5737 * t - 0.251754 * t**2 + 0.01680668 * t**3 - 0.0004473624 * t**4 + t**5 / 233174
    if year < 1920:
        t = year - 1900
        return -2.79 + 1.494119 * t - 0.0598939 * t**2 + 0.0061966 * t**3 - 0.000197 * t**4
    if year < 1941:
        t = year - 1920
        return 21.20 + 0.84493 * t - 0.076100 * t**2 + 0.0020936 * t**3
    if year < 1961:
        t = year - 1950
        return 29.07 + 0.407 * t - t**2 / 233 + t**3 / 2547
    if year < 1986:
        t = year - 1975
        return 45.45 + 1.067 * t - t**2 / 260 - t**3 / 718
    if year < 2005:
        t = year - 2000
        return 63.86 + 0.3345 * t - 0.060374 * t**2 + 0.0017275 * t**3 + 0.000651814 * t**4 + 0.00002373599 * t**5
    if year < 2050:
        t = year - 2000
        return 62.92 + 0.32217 * t + 0.005589 * t**2
    return -20 + 32 * ((year - 1820) / 100) ** 2 - 0.5628 * (2150 - year)


# Periodic terms for the new moon (Meeus table 49.A): coefficient, power of E,
# and multipliers of (M, M', F, Omega).
_NEW_MOON_TERMS = (
    (-0.40720, 0, 0, 1, 0, 0),
    (0.17241, 1, 1, 0, 0, 0),
    (0.01608, 0, 0, 2, 0, 0),
    (0.01039, 0, 0, 0, 2, 0),
    (0.00739, 1, -1, 1, 0, 0),
    (-0.00514, 1, 1, 1, 0, 0),
    (0.00208, 2, 2, 0, 0, 0),
    (-0.00111, 0, 0, 1, -2, 0),
    (-0.00057, 0, 0, 1, 2, 0),
    (0.00056, 1, 1, 2, 0, 0),
    (-0.00042, 0, 0, 3, 0, 0),
    (0.00042, 1, 1, 0, 2, 0),
    (0.00038, 1, 1, 0, -2, 0),
    (-0.00024, 1, -1, 2, 0, 0),
    (-0.00017, 0, 0, 0, 0, 1),
    (-0.00007, 0, 2, 1, 0, 0),
    (0.00004, 0, 0, 2, -2, 0),
    (0.00004, 0, 3, 0, 0, 0),
    (0.00003, 0, 1, 1, -2, 0),
    (0.00003, 0, 0, 2, 2, 0),
    (-0.00003, 0, 1, 1, 2, 0),
    (0.00003, 0, -1, 1, 2, 0),
    (-0.00002, 0, -1, 1, -2, 0),
    (-0.00002, 0, 1, 3, 0, 0),
    (0.00002, 0, 0, 4, 0, 0),
)
# Additional planetary corrections (Meeus 49): (coefficient, A0, A1 per k).
_PLANETARY_TERMS = (
    (0.000325, 299.77, 0.107408),
    (0.000165, 251.88, 0.016321),
    (0.000164, 251.83, 26.651886),
    (0.000126, 349.42, 36.412478),
    (0.000110, 84.66, 18.206239),
    (0.000062, 141.74, 53.303771),
    (0.000060, 207.14, 2.453732),
    (0.000056, 154.84, 7.306860),
    (0.000047, 34.52, 27.261239),
    (0.000042, 207.19, 0.121824),
    (0.000040, 291.34, 1.844379),
    (0.000037, 161.72, 24.198154),
    (0.000035, 239.56, 25.513099),
    (0.000023, 331.55, 3.592518),
)


def _new_moon_jd(k: int) -> float:
    """Julian Day (UT) of new moon number k (k = 0 near 2000-01-06)."""
    t = k / 1236.85
    jde = 2451550.09766 + _SYNODIC * k + 0.00015437 * t**2 - 0.000000150 * t**3 + 0.00000000073 * t**4
    e = 1 - 0.002516 * t - 0.0000074 * t**2
    args = (
        2.5534 + 29.10535670 * k - 0.0000014 * t**2 - 0.00000011 * t**3,  # M
        201.5643 + 385.81693528 * k + 0.0107582 * t**2 + 0.00001238 * t**3 - 0.000000058 * t**4,  # M'
        160.7108 + 390.67050284 * k - 0.0016118 * t**2 - 0.00000227 * t**3 + 0.000000011 * t**4,  # F
        124.7746 - 1.56375588 * k + 0.0020672 * t**2 + 0.00000215 * t**3,  # Omega
    )
    rad = [math.radians(a) for a in args]
    for coef, e_pow, *mult in _NEW_MOON_TERMS:
        jde += coef * e**e_pow * math.sin(sum(m * a for m, a in zip(mult, rad, strict=False)))
    for coef, a0, a1 in _PLANETARY_TERMS:
        angle = a0 + a1 * k - (0.009173 * t**2 if a0 == 299.77 else 0.0)
        jde += coef * math.sin(math.radians(angle))
    return jde - _delta_t(2000 + k / 12.3685) / 86400


def _sun_longitude(jd: float) -> float:
    """Apparent ecliptic longitude of the sun in degrees (Meeus 25, ~0.01°)."""
    t = (jd - 2451545.0) / 36525
    l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t**2
    m = math.radians(357.52911 + 35999.05029 * t - 0.0001537 * t**2)
    c = (
        (1.914602 - 0.004817 * t - 0.000014 * t**2) * math.sin(m)
        + (0.019993 - 0.000101 * t) * math.sin(2 * m)
        + 0.000289 * math.sin(3 * m)
    )
    omega = math.radians(125.04 - 1934.136 * t)
    return (l0 + c - 0.00569 - 0.00478 * math.sin(omega)) % 360


def _new_moon_day(k: int) -> int:
    """Proleptic ordinal (date.toordinal) of the local day of new moon k."""
    return math.floor(_new_moon_jd(k) + TIME_ZONE / 24 - _JD_ORDINAL)


def _term_sector(day: int) -> int:
    """Which 30° sector of longitude the sun is in at local midnight starting `day`."""
    return int(_sun_longitude(day + _JD_ORDINAL - TIME_ZONE / 24) // 30)


# --- calendar ----------------------------------------------------------------


@cache
def _month11_k(year: int) -> int:
    """Index k of the new moon starting month 11 (the one holding the December solstice)."""
    dec31 = datetime.date(year, 12, 31).toordinal()
    k = math.floor((dec31 + _JD_ORDINAL - 2451550.09766) / _SYNODIC) + 1
    while _new_moon_day(k) > dec31:
        k -= 1
    while _term_sector(_new_moon_day(k)) >= 9:  # solstice already passed: go back
        k -= 1
    return k


class _Month(NamedTuple):
    start: int  # first day, as date.toordinal()
    year: int  # lunar year the month belongs to
    number: int  # 1..12
    leap: bool


@cache
def _solstice_year(year: int) -> tuple[_Month, ...]:
    """Months from month 11 of lunar year `year` up to (excluding) the next month 11."""
    k0, k1 = _month11_k(year), _month11_k(year + 1)
    starts = [_new_moon_day(k) for k in range(k0, k1 + 1)]
    leap_at = None
    if k1 - k0 == 13:
        leap_at = next(i for i in range(1, 13) if _term_sector(starts[i]) == _term_sector(starts[i + 1]))
    months = []
    for i in range(k1 - k0):
        j = i - 1 if leap_at is not None and i >= leap_at else i
        number = (j + 10) % 12 + 1
        months.append(_Month(starts[i], year if j < 2 else year + 1, number, i == leap_at))
    return tuple(months)


@cache
def _lunar_year(year: int) -> tuple[tuple[int, ...], tuple[_Month, ...]]:
    """Months of lunar year `year` and their start days, plus the next Tết as last start."""
    months = tuple(m for y in (year - 1, year) for m in _solstice_year(y) if m.year == year)
    end = next(m.start for m in _solstice_year(year) if m.year == year + 1)
    return tuple(m.start for m in months) + (end,), months


def _check_year(year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise LunarDateError(f"Năm {year} âm lịch nằm ngoài phạm vi hỗ trợ ({MIN_YEAR}–{MAX_YEAR}).")


def leap_month(year: int) -> int | None:
    """Number of the leap month of lunar year `year`, or None."""
    _check_year(year)
    return next((m.number for m in _lunar_year(year)[1] if m.leap), None)


def _find_month(year: int, month: int, leap: bool) -> int:
    _check_year(year)
    if not 1 <= month <= 12:
        raise LunarDateError(f"Tháng {month} không hợp lệ: tháng âm lịch phải từ 1 đến 12.")
    for i, m in enumerate(_lunar_year(year)[1]):
        if m.number == month and m.leap == leap:
            return i
    actual = leap_month(year)
    hint = f" (năm này nhuận tháng {actual})" if actual else ""
    raise LunarDateError(f"Năm {year} âm lịch không có tháng {month} nhuận{hint}.")


def month_length(year: int, month: int, leap: bool = False) -> int:
    """Number of days (29 or 30) of the given lunar month."""
    i = _find_month(year, month, leap)
    starts = _lunar_year(year)[0]
    return starts[i + 1] - starts[i]


def lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> datetime.date:
    """Solar (Gregorian) date of a Vietnamese lunar date."""
    i = _find_month(year, month, leap)
    starts = _lunar_year(year)[0]
    length = starts[i + 1] - starts[i]
    if not 1 <= day <= length:
        name = f"Ngày {day} tháng {month}{' nhuận' if leap else ''} âm lịch năm {year}"
        reason = f"tháng này chỉ có {length} ngày" if day > 0 else "ngày bắt đầu từ 1"
        raise LunarDateError(f"{name} không tồn tại ({reason}).")
    return datetime.date.fromordinal(starts[i] + day - 1)


def solar_to_lunar(d: datetime.date) -> LunarDate:
    """Vietnamese lunar date of a solar (Gregorian) date."""
    ordinal = d.toordinal()
    year = min(d.year, MAX_YEAR)
    if year >= MIN_YEAR and ordinal < _lunar_year(year)[0][0]:
        year -= 1  # before Tết: still the previous lunar year
    if year < MIN_YEAR or ordinal >= _lunar_year(year)[0][-1]:
        raise LunarDateError(
            f"Ngày {d:%d/%m/%Y} dương lịch nằm ngoài phạm vi hỗ trợ (năm âm lịch {MIN_YEAR}–{MAX_YEAR})."
        )
    starts, months = _lunar_year(year)
    i = bisect_right(starts, ordinal) - 1
    return LunarDate(year, months[i].number, ordinal - starts[i] + 1, months[i].leap)
