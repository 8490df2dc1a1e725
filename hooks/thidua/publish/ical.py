"""iCalendar feeds (RFC 5545, written with the `icalendar` library): a propaganda calendar, plan deadlines.

Every event is all-day and has a UID built from record ids, so that a re-published feed updates the events
already imported into a reader's calendar instead of adding copies. Nothing depends on the build clock:
DTSTAMP is the time the data last changed (from git), passed in by the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from icalendar import Calendar as ICalendar
from icalendar import Event

from thidua.derive import dates
from thidua.records.calendars import month_span, theme_views
from thidua.records.models import Body, Calendar, Commemoration, Plan

PRODID = "-//So Tu phap//Thi dua khen thuong//VI"


def _feed(name: str, description: str, events: Iterable[Event]) -> bytes:
    feed = ICalendar()
    feed.add("prodid", PRODID)
    feed.add("version", "2.0")
    feed.add("calscale", "GREGORIAN")
    feed.add("method", "PUBLISH")
    feed.add("x-wr-calname", name)
    feed.add("x-wr-caldesc", description)
    feed.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    for event in sorted(events, key=lambda e: (e.decoded("dtstart"), str(e["uid"]))):
        feed.add_component(event)
    return feed.to_ical()


def _event(uid: str, start: dt.date, end: dt.date, summary: str, description: str, stamp: dt.datetime) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)  # a date, not a date-time: an all-day event
    event.add("dtend", end)
    event.add("summary", summary)
    event.add("description", description)
    event.add("transp", "TRANSPARENT")
    return event


def calendar_feed(
    calendar: Calendar, issuer: Body, commemorations: dict[str, Commemoration], stamp: dt.datetime, domain: str
) -> bytes:
    """Themes of each month (month-long events) and the commemorations they honour (one-day events).

    Year-round entries ("Trong năm") are left out: a year-long event would cover every day of a reader's calendar.
    """
    events = []
    for entry in calendar.entries:
        if entry.year_round:
            continue
        start, end = month_span(calendar.year, entry.months)
        contents = "\n".join(f"- {c}" for c in entry.contents)
        for index, view in enumerate(theme_views(entry, calendar.year, commemorations), 1):
            if view.occurrence is not None:
                o = view.occurrence
                uid = f"{calendar.id}-{o.commemoration.id}@{domain}"
                day = o.date
                details = f"{o.wording}. {o.weekday}, {dates.short(day)}."
                events.append(_event(uid, day, day + dt.timedelta(days=1), view.text, f"{details}\n{contents}", stamp))
            else:
                uid = f"{calendar.id}-thang-{'-'.join(map(str, entry.months))}-{index}@{domain}"
                summary = f"{entry.label}: {view.text}"
                events.append(_event(uid, start, end, summary, contents, stamp))
    return _feed(f"{calendar.title} ({issuer.name})", f"Lịch tuyên truyền năm {calendar.year}", events)


def deadlines_feed(
    plans: Iterable[Plan], bodies: dict[str, Body], stamp: dt.datetime, domain: str, publisher: str = ""
) -> bytes:
    """Every dated deadline of every plan; a month-only one ("trong tháng 6/2023") falls on the last day."""
    events = []
    for plan in plans:
        for index, deadline in enumerate(plan.deadlines, 1):
            if deadline.date.month is None:
                continue  # a year-only deadline is not a day anyone can put in a calendar
            day = deadline.date.last_day()
            when = "" if deadline.date.complete else f" (trong {dates.short(deadline.date)})"
            summary = f"Hạn{when}: {deadline.what}"
            description = f"Thực hiện: {deadline.who}\nTheo {plan.reference} của {bodies[plan.issuer].name}."
            uid = f"{plan.id}-han-{index}@{domain}"
            events.append(_event(uid, day, day + dt.timedelta(days=1), summary, description, stamp))
    return _feed(
        "Thời hạn trong các kế hoạch thi đua" + (f" - {publisher}" if publisher else ""),
        "Các thời hạn trong kế hoạch phát động phong trào thi đua",
        events,
    )
