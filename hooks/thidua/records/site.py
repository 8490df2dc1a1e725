"""Whose site this is: the office that owns it (a body record) and the day the data last changed.

A static site is built on one day and read on later days. The build cannot know the reader's day, but it
knows a lower bound: every reader reads on or after the day the data last changed (`as_of`). What is past
on that day is past for every reader; what is later is settled by the reader's browser.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from thidua.records.models import Body

SECTION = "Thi đua, khen thưởng"
VIETNAM = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class Site:
    owner: Body | None  # None: pages made without naming an owner (unit tests of page content)
    as_of: dt.date  # the day (in Vietnam) the data last changed; date.min when unknown

    @property
    def name(self) -> str:
        """ "Thi đua, khen thưởng - Sở Tư pháp tỉnh An Giang": the header, every page title and the feeds."""
        return f"{SECTION} - {self.owner.name}" if self.owner else SECTION

    def owns(self, issuer: str) -> bool:
        return self.owner is not None and issuer == self.owner.id


UNNAMED = Site(None, dt.date.min)


def vietnam_day(moment: dt.datetime) -> dt.date:
    """The calendar day in Vietnam (UTC+7) of a moment, as readers there count days."""
    return moment.astimezone(VIETNAM).date()
