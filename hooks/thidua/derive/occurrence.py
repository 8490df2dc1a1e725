"""A commemoration in a given year: its solar date, weekday, anniversary count and wording."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from thidua.derive import anniversary, lunar
from thidua.derive.dates import day_month, short, weekday

if TYPE_CHECKING:  # type only: the dates are derived from any record with a commemoration's fields
    from thidua.records.models import Commemoration


@dataclass(frozen=True)
class Occurrence:
    commemoration: Commemoration
    year: int
    date: dt.date
    count: int | None

    @property
    def round(self) -> bool:
        return self.count is not None and self.commemoration.count == "nam" and anniversary.is_round(self.count)

    @property
    def weekday(self) -> str:
        return weekday(self.date)

    @property
    def date_text(self) -> str:
        c = self.commemoration
        if c.lunar:
            return f"{day_month(c.day, c.month)} âm lịch, {short(self.date)}"
        return short(self.date)

    @property
    def span(self) -> str:
        """One style for the whole site: "3/2/1930 - 3/2/2023", or "1969 - 2023" for year-only events."""
        c = self.commemoration
        if c.base_year is None or c.count != "nam":
            return ""
        if c.year_only:
            return f"{c.base_year} - {self.year}"
        return f"{day_month(c.day, c.month)}/{c.base_year} - {day_month(c.day, c.month)}/{self.year}"

    @property
    def range_text(self) -> str:
        """The span in brackets: "(3/2/1930 - 3/2/2023)"."""
        return f"({self.span})" if self.span else ""

    @property
    def name(self) -> str:
        """ "93 năm Ngày thành lập Đảng Cộng sản Việt Nam", "Ngày Pháp luật ... lần thứ 14": the wording
        without its span of years."""
        c = self.commemoration
        if self.count is None:
            return c.name
        if c.count == "lan-thu":
            return f"{c.name} lần thứ {self.count}"
        return f"{self.count} năm {c.name}"

    @property
    def wording(self) -> str:
        """ "93 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2023)"."""
        return f"{self.name} {self.range_text}" if self.range_text else self.name

    @property
    def marked_wording(self) -> str:
        """The wording with a round anniversary marked in its one bracket:
        "80 năm Ngày Toàn quốc kháng chiến (19/12/1946 - 19/12/2026, năm tròn)"."""
        if not self.round:
            return self.wording
        return f"{self.name} ({self.span}, năm tròn)" if self.span else f"{self.name} (năm tròn)"


def occurrence(c: Commemoration, year: int) -> Occurrence:
    """Where `c` falls in `year`. Lunar dates are converted with the Vietnamese (UTC+7) calendar; a day 30 in a
    year whose lunar month has 29 days is kept on the month's last day, as the last day of a month is observed."""
    if c.lunar:
        date = lunar.lunar_to_solar(year, c.month, min(c.day, lunar.month_length(year, c.month)))
    else:
        date = dt.date(year, c.month, c.day)
    count = None
    if c.base_year is not None and c.count != "khong":
        count = anniversary.count(c.base_year, year, editions=c.count == "lan-thu")
    return Occurrence(c, year, date, count)


def occurrences(commemorations: dict[str, Commemoration], ids: tuple[str, ...], year: int) -> list[Occurrence]:
    """The occurrences of `ids` in `year`, in date order."""
    return sorted((occurrence(commemorations[i], year) for i in ids), key=lambda o: o.date)
