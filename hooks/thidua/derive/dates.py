"""Dates as Vietnamese documents write them, including the incomplete dates of unsigned copies."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

WEEKDAYS = ["Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật"]


class DateTextError(ValueError):
    """A date string that has the right shape but names a day that does not exist."""


@dataclass(frozen=True)
class PartialDate:
    """A date of which the month and day may be unknown ("ngày   tháng 01 năm 2024")."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        parts = [int(p) for p in text.split("-")]
        year, month, day = (parts + [None, None])[:3]
        if month is not None and not 1 <= month <= 12:
            raise DateTextError(f"tháng {month} không tồn tại (tháng từ 1 đến 12).")
        if day is not None:
            assert month is not None
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateTextError(
                    f"ngày {day}/{month}/{year} không tồn tại (tháng {month} năm {year} có {last} ngày). "
                    f'Ngày cuối tháng viết là "{year}-{month:02d}-{last:02d}".'
                )
        return cls(year, month, day)

    def __lt__(self, other: PartialDate) -> bool:
        """Unknown parts sort first: "2024" < "2024-01" < "2024-01-05"."""
        return (self.year, self.month or 0, self.day or 0) < (other.year, other.month or 0, other.day or 0)

    @property
    def complete(self) -> bool:
        return self.day is not None

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def iso(self) -> str:
        return "-".join(f"{v:02d}" if i else str(v) for i, v in enumerate((self.year, self.month, self.day)) if v)


def parse_date(text: str) -> dt.date:
    """A complete ISO date, with the Vietnamese message of `PartialDate.parse` when the day does not exist."""
    return PartialDate.parse(text).first_day()


def day_month(day: int, month: int) -> str:
    """ "10/3", without leading zeros, as Vietnamese documents write a date in running text."""
    return f"{day}/{month}"


def short(d: dt.date | PartialDate) -> str:
    """ "27/4/2023"; a month-only date: "tháng 6/2023"; a year: "năm 2023". No leading zeros, as Vietnamese
    documents write dates in running text (only the ND30 place-and-date line pads: `nd30_place_date`)."""
    if isinstance(d, dt.date):
        return f"{day_month(d.day, d.month)}/{d.year}"
    if d.day is not None:
        return short(d.first_day())
    if d.month is not None:
        return f"tháng {d.month}/{d.year}"
    return f"năm {d.year}"


def long(d: dt.date) -> str:
    """The body-text form: "ngày 27 tháng 4 năm 2023"."""
    return f"ngày {d.day} tháng {d.month} năm {d.year}"


def weekday(d: dt.date) -> str:
    return WEEKDAYS[d.weekday()]


def nd30_place_date(place: str | None, d: PartialDate | None) -> str:
    """The place-and-date line of Nghị định 30/2020: day below 10 and months 1-2 get a leading zero.

    Unknown parts stay blank, as on an unsigned copy: "Bắc Giang, ngày      tháng 01 năm 2024".
    """
    blank = "\u2002" * 4
    if d is None:
        return f"{place}, ngày{blank}tháng{blank}năm{blank}" if place else ""
    day = f"{d.day:02d}" if d.day is not None else blank
    month = (f"{d.month:02d}" if d.month <= 2 else str(d.month)) if d.month is not None else blank
    text = f"ngày {day} tháng {month} năm {d.year}"
    return f"{place}, {text}" if place else text
