"""What a plan's pages show (reading page, official form, criteria quotes), decided in Python; the templates
only loop and print."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thidua.derive import dates
from thidua.derive.occurrence import occurrences
from thidua.records import profiles as profiles_
from thidua.records import urls
from thidua.records.models import Node, Plan
from thidua.records.repository import Repository
from thidua.render.calendar_views import calendar_context
from thidua.render.texts import NoteNumbers, Texts


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
    texts = Texts(plan.editorial_notes)  # the plan's calendars share its note numbers: one count down the page
    calendars = {
        n.calendar: calendar_context(repo.calendars[n.calendar], repo, here, texts.numbering)
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
                "occurrences": occurrences(repo.commemorations, p.commemorations, plan.year),
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
        "honoured": occurrences(repo.commemorations, plan.commemorations, plan.year),
    }


CRITERIA_QUOTED = 3  # the newest plans' criteria are quoted in full; older ones are linked


def criteria_context(repo: Repository, here: str) -> dict[str, Any]:
    """The criteria page quotes the plan sections tagged `topic: tieu-chi-dien-hinh`, from that one source."""
    sections = []
    numbering = NoteNumbers()  # one count of editorial notes down the page, across the quoted plans
    for plan in sorted(repo.plans.values(), key=lambda p: (-p.year, p.id)):
        assign_anchors(plan)
        for node in plan.walk():
            if node.topic == "tieu-chi-dien-hinh":
                sections.append(
                    {
                        "plan": plan,
                        "items": flatten([node]),
                        "texts": Texts(plan.editorial_notes, numbering),
                        "calendars": {},
                        "movement_names": {},
                    }
                )
    others = list({s["plan"].id: s["plan"] for s in sections[CRITERIA_QUOTED:]}.values())
    return {
        "sections": sections[:CRITERIA_QUOTED],
        "others": others,
        "stages": profiles_.STAGES,
        "levels": profiles_.LEVELS,
    }
