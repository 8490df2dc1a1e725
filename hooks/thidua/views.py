"""What each page shows, decided in Python; the templates in `templates/` only loop and print."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import calendars, dates, urls
from . import profiles as profiles_
from .models import Calendar, EditorialNote, Node, Plan, Profile
from .occurrence import Occurrence, occurrence
from .photos import Processed
from .repository import Repository


@dataclass(frozen=True)
class Segment:
    """A run of text; `note` is the number of the editorial note quoting it, if any."""

    text: str
    note: int | None = None


@dataclass
class Texts:
    """Splits texts around the quotes of editorial notes, so that pages show each note beside its wording."""

    notes: tuple[EditorialNote, ...]
    first: int = 1
    shown: set[int] = field(default_factory=set)

    def segments(self, text: str) -> list[Segment]:
        text = re.sub(r"\s+", " ", text).strip()
        out = [Segment(text)]
        for number, note in enumerate(self.notes, self.first):
            split: list[Segment] = []
            for seg in out:
                if seg.note is not None or note.quote not in seg.text:
                    split.append(seg)
                    continue
                before, _, after = seg.text.partition(note.quote)
                split += [Segment(before), Segment(note.quote, number), Segment(after)]
            out = split
        return [s for s in out if s.text]

    def notes_for(self, text: str) -> list[tuple[int, EditorialNote]]:
        """Notes quoting `text` that have not been shown yet on this page (each is shown once)."""
        found = []
        for number, note in enumerate(self.notes, self.first):
            if number not in self.shown and note.quote in re.sub(r"\s+", " ", text):
                self.shown.add(number)
                found.append((number, note))
        return found


@dataclass(frozen=True)
class Item:
    """One line of a plan's body, flattened: a heading, a paragraph, or an embedded calendar table."""

    node: Node
    depth: int
    level: int  # heading level on the reading page (2 = "I.", 3 = "1.", ...)


def flatten(nodes: list[Node], depth: int = 0) -> list[Item]:
    items = []
    for node in nodes:
        items.append(Item(node, depth, min(depth + 2, 6)))
        items += flatten(node.children, depth + 1)
    return items


def assign_anchors(plan: Plan) -> None:
    """Stable, unique anchors for titled nodes (links from the summary to responsibilities, movements)."""
    used: set[str] = set()
    for node in plan.walk():
        if not node.title:
            continue
        base = urls.slug(f"{node.label or ''} {node.title}")[:60].strip("-") or "muc"
        anchor, n = base, 2
        while anchor in used:
            anchor, n = f"{base}-{n}", n + 1
        used.add(anchor)
        node.anchor = anchor


def heading(plan: Plan) -> str:
    """ "Kế hoạch phát động phong trào thi đua năm 2024" from type and subject."""
    subject = plan.subject
    return f"{plan.doc_type.capitalize()} {subject[:1].lower()}{subject[1:]}"


def occurrences(repo: Repository, ids: tuple[str, ...], year: int) -> list[Occurrence]:
    return sorted((occurrence(repo.commemorations[i], year) for i in ids), key=lambda o: o.date)


def signer_lines(plan: Plan) -> list[str]:
    s = plan.signer
    lines = [f"{s.prefix} {s.on_behalf_of}"] if s.prefix and s.on_behalf_of else []
    return lines + [s.title]


def header(plan: Plan, repo: Repository) -> dict[str, Any]:
    """The two-column header of Nghị định 30/2020. The parent body (cơ quan chủ quản) is printed for a
    specialised agency of the same level (Sở under UBND tỉnh, Phòng under UBND huyện), not for an UBND."""
    body = repo.bodies[plan.issuer]
    parent = repo.bodies.get(body.parent) if body.parent else None
    return {
        "parent": parent.printed_name if parent and parent.level == body.level else None,
        "issuer": body.printed_name,
        "number": plan.number_line,
        "place_date": dates.nd30_place_date(plan.place, plan.date) if (plan.place or plan.date) else None,
    }


def plan_context(plan: Plan, repo: Repository, here: str) -> dict[str, Any]:
    assign_anchors(plan)
    texts = Texts(plan.editorial_notes)
    calendars = {
        n.calendar: calendar_context(repo.calendars[n.calendar], repo, here, len(plan.editorial_notes) + 1)
        for n in plan.walk()
        if n.calendar and n.calendar in repo.calendars
    }
    body = repo.bodies[plan.issuer]
    return {
        "plan": plan,
        "heading": heading(plan),
        "issuer": body,
        "header": header(plan, repo),
        "date": dates.short(plan.date) if plan.date else None,
        "phases": [
            {
                "phase": p,
                "start": dates.short(p.start),
                "end": dates.short(p.end),
                "occurrences": occurrences(repo, p.commemorations, plan.year),
            }
            for p in plan.phases
        ],
        "deadlines": [{"d": d, "date": dates.short(d.date)} for d in sorted(plan.deadlines, key=lambda d: d.date)],
        "units": [n for n in plan.walk() if n.unit and n.title],
        "items": flatten(plan.body),
        "texts": texts,
        "calendars": calendars,
        "signer": signer_lines(plan),
        "movements": [repo.movements[m] for m in plan.movements],
        "movement_names": {k: m.name for k, m in repo.movements.items()},
        "legal_bases": [repo.legal[i] for i in plan.legal_bases],
        "cites": [repo.legal[i] for i in plan.cites],
        "honoured": occurrences(repo, plan.commemorations, plan.year),
    }


def calendar_context(cal: Calendar, repo: Repository, here: str, first_note: int = 1) -> dict[str, Any]:
    """Rows grouped by their month label (the printed table merges the cells of one label); each theme
    carries the date of the commemoration it honours in the calendar's year."""
    groups: list[dict[str, Any]] = []
    for entry in cal.entries:
        row = {"entry": entry, "themes": calendars.theme_views(entry, cal.year, repo.commemorations)}
        if groups and groups[-1]["label"] == entry.label:
            groups[-1]["rows"].append(row)
        else:
            groups.append({"label": entry.label, "rows": [row]})
    return {"calendar": cal, "groups": groups, "texts": Texts(cal.editorial_notes, first_note)}


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
    rows = [
        {"entry": e, "themes": calendars.theme_views(e, cal.year, repo.commemorations)}
        for e in calendars.entries_for_month(cal, month)
    ]
    context.update(
        month=month,
        rows=rows,
        occurrences=[o for o in context["occurrences"] if o.date.month == month],
        previous=urls.calendar_month(cal.id, month - 1) if month > 1 else None,
        next=urls.calendar_month(cal.id, month + 1) if month < 12 else None,
    )
    return context


def link(here: str):
    """Template helper: `link('phong-trao/x.md')` -> a relative Markdown link target from `here`."""
    return lambda target: urls.relative(here, target)


LEVELS = {"trung-uong": "Trung ương", "tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã"}
SCOPES = {"toan-quoc": "Toàn quốc", "nganh": "Ngành Tư pháp", "dia-phuong": "Địa phương"}


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
            repo,
            tuple(c.id for c in repo.commemorations.values() if issuer is None or calendars.relevant(c, issuer)),
            year,
        ):
            commemorations.setdefault(f"{year}-{o.date.month:02d}", []).append(
                {"date": o.date.isoformat(), "when": f"{o.weekday}, {o.date_text}", "text": o.wording, "round": o.round}
            )
    return {"calendars": out_calendars, "commemorations": commemorations}


def photo_views(profile: Profile, processed: dict[tuple[str, int], Processed], here: str) -> list[dict[str, Any]]:
    """What the templates need to print a responsive <picture>: srcsets relative to the page."""
    base = urls.asset(here, urls.PHOTOS) + "/"
    out = []
    for index, photo in enumerate(profile.photos):
        p = processed[(profile.id, index)]
        fallback = p.fallback()
        out.append(
            {
                "photo": photo,
                "webp": p.srcset("webp", base),
                "jpg": p.srcset("jpg", base),
                "src": base + fallback.name,
                "width": fallback.width,
                "height": fallback.height,
            }
        )
    return out


def card(profile: Profile, processed: dict[tuple[str, int], Processed], here: str) -> dict[str, Any]:
    photos = photo_views(profile, processed, here)
    return {
        "profile": profile,
        "path": urls.record("profiles", profile.id),
        "photo": photos[0] if photos else None,
        "kind": profiles_.KINDS[profile.kind],
        "level": profiles_.LEVELS[profile.level],
        "awards": [a.wording for a in profile.awards],
    }


def profile_context(
    profile: Profile, repo: Repository, processed: dict[tuple[str, int], Processed], here: str
) -> dict[str, Any]:
    return {
        "p": profile,
        "kind": profiles_.KINDS[profile.kind],
        "level": profiles_.LEVELS[profile.level],
        "stage": profiles_.STAGES[profile.stage],
        "stages": profiles_.STAGES,
        "photos": photo_views(profile, processed, here),
        "movements": [repo.movements[m] for m in profile.movements],
        "plans": [repo.plans[p] for p in profile.plans if p in repo.plans],
        "awards": sorted(profile.awards, key=lambda a: a.date, reverse=True),
        "related": [card(r, processed, here) for r in profiles_.related(profile, repo.profiles.values())],
    }


def profile_index_data(repo: Repository, processed: dict[tuple[str, int], Processed]) -> dict[str, Any]:
    """The data the listing's filters work on in the browser: one compact record per published profile."""
    records = []
    for profile in profiles_.newest_first(repo.profiles.values()):
        c = card(profile, processed, urls.PROFILES)
        records.append(
            {
                "id": profile.id,
                "name": profile.name,
                "unit": profile.unit,
                "kind": profile.kind,
                "level": profile.level,
                "years": list(profile.years),
                "movements": list(profile.movements),
                "url": urls.page_url(c["path"]),
                "when": profile.when,
                "position": profile.position,
                "photo": {
                    "src": urls.PHOTOS + "/" + processed[(profile.id, 0)].of("jpg")[0].name,
                    "alt": profile.photos[0].alt,
                }
                if profile.photos
                else None,
                "awards": c["awards"],
            }
        )
    return {
        "profiles": records,
        "kinds": profiles_.KINDS,
        "levels": profiles_.LEVELS,
        "movements": {m.id: m.name for m in repo.movements.values()},
    }


def criteria_context(repo: Repository, here: str) -> dict[str, Any]:
    """The criteria page quotes the plan sections tagged `topic: tieu-chi-dien-hinh`, from that one source."""
    sections = []
    for plan in sorted(repo.plans.values(), key=lambda p: (-p.year, p.id)):
        assign_anchors(plan)
        for node in plan.walk():
            if node.topic == "tieu-chi-dien-hinh":
                sections.append(
                    {
                        "plan": plan,
                        "items": flatten([node]),
                        "texts": Texts(plan.editorial_notes),
                        "calendars": {},
                        "movement_names": {},
                    }
                )
    return {"sections": sections, "stages": profiles_.STAGES, "levels": profiles_.LEVELS}
