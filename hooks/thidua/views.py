"""What each page shows, decided in Python; the templates in `templates/` only loop and print."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from . import dates, urls
from .models import Calendar, EditorialNote, Node, Plan
from .occurrence import Occurrence, occurrence
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
    """Rows grouped by their month label (the printed table merges the cells of one label)."""
    groups: list[dict[str, Any]] = []
    for entry in cal.entries:
        if groups and groups[-1]["label"] == entry.label:
            groups[-1]["entries"].append(entry)
        else:
            groups.append({"label": entry.label, "entries": [entry]})
    return {"calendar": cal, "groups": groups, "texts": Texts(cal.editorial_notes, first_note)}


def link(here: str):
    """Template helper: `link('phong-trao/x.md')` -> a relative Markdown link target from `here`."""
    return lambda target: urls.relative(here, target)


LEVELS = {"trung-uong": "Trung ương", "tinh": "Cấp tỉnh", "huyen": "Cấp huyện", "xa": "Cấp xã"}
SCOPES = {"toan-quoc": "Toàn quốc", "nganh": "Ngành Tư pháp", "dia-phuong": "Địa phương"}
