"""The monthly propaganda calendar: which themes and commemorations fall in which month of a year."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from thidua.derive.occurrence import Occurrence, occurrence
from thidua.records.models import Body, Calendar, CalendarEntry, Commemoration, Theme


@dataclass(frozen=True)
class ThemeView:
    """A theme as printed (or computed from its commemoration), with the commemoration's date that year."""

    theme: Theme
    occurrence: Occurrence | None

    @property
    def text(self) -> str:
        if self.theme.text:
            return self.theme.text
        assert self.occurrence is not None  # the schema requires text or commemoration
        return f"Chào mừng {self.occurrence.wording}"

    @property
    def computed(self) -> bool:
        return not self.theme.text


def theme_views(entry: CalendarEntry, year: int, commemorations: dict[str, Commemoration]) -> list[ThemeView]:
    return [
        ThemeView(t, occurrence(commemorations[t.commemoration], year) if t.commemoration else None)
        for t in entry.themes
    ]


def relevant(c: Commemoration, issuer: Body) -> bool:
    """National and sector commemorations, and the local ones of the issuing office's province."""
    return c.scope != "dia-phuong" or (c.province is not None and c.province == issuer.province)


def year_occurrences(commemorations: dict[str, Commemoration], issuer: Body, year: int) -> list[Occurrence]:
    found = [occurrence(c, year) for c in commemorations.values() if relevant(c, issuer)]
    return sorted(found, key=lambda o: (o.date, o.commemoration.name))


def entries_for_month(calendar: Calendar, month: int) -> list[CalendarEntry]:
    """The month's own entries, then the year-round ones (which apply every month)."""
    own = [e for e in calendar.entries if month in e.months]
    return own + [e for e in calendar.entries if e.year_round]


def month_span(year: int, months: tuple[int, ...]) -> tuple[dt.date, dt.date]:
    """First day of the first month, and the day after the last month (an iCalendar all-day DTEND)."""
    first, last = min(months), max(months)
    end = dt.date(year + 1, 1, 1) if last == 12 else dt.date(year, last + 1, 1)
    return dt.date(year, first, 1), end
