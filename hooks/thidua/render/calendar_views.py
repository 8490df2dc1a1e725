"""What the propaganda calendar's pages show: the table with computed dates, months, the home page's
"this month" block and its data."""

from __future__ import annotations

from typing import Any

from thidua.derive.occurrence import occurrences
from thidua.records import calendars, urls
from thidua.records.models import Calendar, CalendarEntry
from thidua.records.repository import Repository
from thidua.records.site import Site
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


def _year_calendars(repo: Repository, site: Site) -> dict[int, Calendar]:
    """One calendar per year for the section home: the owner's, else (of other offices') the first by id."""
    chosen: dict[int, Calendar] = {}
    for cal in sorted(repo.calendars.values(), key=lambda c: (not site.owns(c.issuer), c.id)):
        chosen.setdefault(cal.year, cal)
    return chosen


def _home_source(repo: Repository, site: Site) -> Calendar | None:
    """The calendar the home page starts from: the owner's newest, or the newest of any office."""
    own = [c for c in repo.calendars.values() if site.owns(c.issuer)]
    pool = own or list(repo.calendars.values())
    return max(pool, key=lambda c: (c.year, c.id)) if pool else None


def home_calendar(repo: Repository, site: Site) -> dict[str, Any] | None:
    """The newest calendar's whole year, month by month: what the home page shows without JavaScript.

    `behind` says that the calendar is of a year before the day the data last changed: no reader, whatever
    the day they read on, is in a year that has a calendar, and the page says so plainly."""
    cal = _home_source(repo, site)
    if cal is None:
        return None
    months = []
    for month in range(1, 13):
        themes = [
            v.text
            for e in cal.entries
            if month in e.months
            for v in calendars.theme_views(e, cal.year, repo.commemorations)
        ]
        months.append({"month": month, "path": urls.calendar_month(cal.id, month), "themes": themes})
    return {
        "calendar": cal,
        "issuer": repo.bodies[cal.issuer],
        "owner": site.owner,
        "behind": cal.year < site.as_of.year,
        "months": months,
    }


def this_month_data(repo: Repository, site: Site) -> dict[str, Any]:
    """What the home page's script needs to show the reader's current month on the day they read it.

    Commemorations are computed here (lunar dates included) for every year from the first year of the data
    to ten years after the last, so a reader in a year without a calendar still sees that month's dates.
    """
    chosen = _year_calendars(repo, site)
    years = {c.year for c in repo.calendars.values()} | {p.year for p in repo.plans.values()}
    latest = _home_source(repo, site)
    owner = site.owner or (repo.bodies[latest.issuer] if latest else None)
    out: dict[str, Any] = {"owner": owner.name if owner else "", "calendars": {}, "commemorations": {}}
    if latest is not None:
        out["latest"] = {
            "year": latest.year,
            "issuer": repo.bodies[latest.issuer].name,
            "url": urls.page_url(urls.record("calendars", latest.id)),
        }
    if not years:
        return out
    for year, cal in chosen.items():
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
        out["calendars"][str(year)] = {
            "title": cal.title,
            "issuer": repo.bodies[cal.issuer].name,
            "own": site.owns(cal.issuer),
            "url": urls.page_url(urls.record("calendars", cal.id)),
            "months": months,
        }
    for year in range(min(years), max(years) + 11):
        for o in occurrences(
            repo.commemorations,
            tuple(c.id for c in repo.commemorations.values() if owner is None or calendars.relevant(c, owner)),
            year,
        ):
            out["commemorations"].setdefault(f"{year}-{o.date.month:02d}", []).append(
                {
                    "date": o.date.isoformat(),
                    "when": f"{o.weekday}, {o.date_text}",
                    "text": o.marked_wording,
                    "round": o.round,
                }
            )
    return out
