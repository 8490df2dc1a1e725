"""What the propaganda calendar's pages show: the table with computed dates, months, the home page's
"this month" block and its data."""

from __future__ import annotations

from typing import Any

from thidua.derive.occurrence import occurrences
from thidua.records import calendars, urls
from thidua.records.models import Calendar, CalendarEntry
from thidua.records.repository import Repository
from thidua.render.texts import NoteNumbers, Texts


def calendar_context(
    cal: Calendar, repo: Repository, here: str, numbering: NoteNumbers | None = None
) -> dict[str, Any]:
    """Rows grouped by their month label (the printed table merges the cells of one label); each theme
    carries the date of the commemoration it honours in the calendar's year. Editorial notes are numbered
    with the page's other texts (`numbering`, a plan's page) or on their own (the calendar's page)."""
    groups: list[dict[str, Any]] = []
    for entry in cal.entries:
        row = {"entry": entry, "themes": calendars.theme_views(entry, cal.year, repo.commemorations)}
        if groups and groups[-1]["label"] == entry.label:
            groups[-1]["rows"].append(row)
        else:
            groups.append({"label": entry.label, "rows": [row]})
    return {"calendar": cal, "groups": groups, "texts": Texts(cal.editorial_notes, numbering or NoteNumbers())}


def calendar_page_context(cal: Calendar, repo: Repository, here: str) -> dict[str, Any]:
    issuer = repo.bodies[cal.issuer]
    parent = repo.bodies.get(issuer.parent) if issuer.parent else None
    return {
        "cal": calendar_context(cal, repo, here),
        "issuer": issuer,
        "parent": parent if parent and parent.level == issuer.level else None,
        "plan": repo.plans.get(cal.plan) if cal.plan else None,
        "months": [(m, urls.calendar_month(cal.id, m)) for m in range(1, 13)],
        "occurrences": calendars.year_occurrences(repo.commemorations, issuer, cal.year),
    }


def calendar_month_context(cal: Calendar, repo: Repository, here: str, month: int) -> dict[str, Any]:
    context = calendar_page_context(cal, repo, here)

    def row(entry: CalendarEntry) -> dict[str, Any]:
        return {"entry": entry, "themes": calendars.theme_views(entry, cal.year, repo.commemorations)}

    entries = calendars.entries_for_month(cal, month)
    context.update(
        month=month,
        rows=[row(e) for e in entries if not e.year_round],  # the month's own themes, in the table
        year_round=[row(e) for e in entries if e.year_round],  # the same every month: listed compactly after
        occurrences=[o for o in context["occurrences"] if o.date.month == month],
        previous=urls.calendar_month(cal.id, month - 1) if month > 1 else None,
        next=urls.calendar_month(cal.id, month + 1) if month < 12 else None,
    )
    return context


def _latest_calendars(repo: Repository) -> dict[int, Calendar]:
    """One calendar per year for the section home: of several offices' calendars, the first by id."""
    latest: dict[int, Calendar] = {}
    for cal in sorted(repo.calendars.values(), key=lambda c: c.id):
        latest.setdefault(cal.year, cal)
    return latest


def home_calendar(repo: Repository) -> dict[str, Any] | None:
    """The newest calendar's whole year, month by month: what the home page shows without JavaScript."""
    latest = _latest_calendars(repo)
    if not latest:
        return None
    cal = latest[max(latest)]
    months = []
    for month in range(1, 13):
        themes = [
            v.text
            for e in cal.entries
            if month in e.months
            for v in calendars.theme_views(e, cal.year, repo.commemorations)
        ]
        months.append({"month": month, "path": urls.calendar_month(cal.id, month), "themes": themes})
    return {"calendar": cal, "issuer": repo.bodies[cal.issuer], "months": months}


def this_month_data(repo: Repository) -> dict[str, Any]:
    """What the home page's script needs to show the reader's current month on the day they read it.

    Commemorations are computed here (lunar dates included) for every year from the first year of the data
    to ten years after the last, so a reader in a year without a calendar still sees that month's dates.
    """
    latest = _latest_calendars(repo)
    years = {c.year for c in repo.calendars.values()} | {p.year for p in repo.plans.values()}
    if not years:
        return {"calendars": {}, "commemorations": {}}
    newest = latest[max(latest)] if latest else None
    issuer = repo.bodies[newest.issuer] if newest else None
    out_calendars = {}
    for year, cal in latest.items():
        months = {}
        for month in range(1, 13):
            rows = [
                {
                    "label": e.label,
                    "themes": [v.text for v in calendars.theme_views(e, year, repo.commemorations)],
                    "contents": list(e.contents),
                }
                for e in cal.entries
                if month in e.months
            ]
            months[str(month)] = {"url": urls.page_url(urls.calendar_month(cal.id, month)), "rows": rows}
        out_calendars[str(year)] = {"title": cal.title, "issuer": repo.bodies[cal.issuer].name, "months": months}
    commemorations: dict[str, list[dict[str, str]]] = {}
    for year in range(min(years), max(years) + 11):
        for o in occurrences(
            repo.commemorations,
            tuple(c.id for c in repo.commemorations.values() if issuer is None or calendars.relevant(c, issuer)),
            year,
        ):
            commemorations.setdefault(f"{year}-{o.date.month:02d}", []).append(
                {"date": o.date.isoformat(), "when": f"{o.weekday}, {o.date_text}", "text": o.marked_wording}
            )
    return {"calendars": out_calendars, "commemorations": commemorations}
