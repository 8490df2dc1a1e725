"""What the section home shows: the owner's plans first, then other issuers' (each saying whose), and the
deadlines split into those that may still be ahead and those already past for every reader.

The build knows that every reader reads on or after `site.as_of` (the day the data last changed), so a
deadline that ended before that day is past for everyone: it is folded away and marked "đã qua" in the HTML
itself, with or without JavaScript. The browser moves the rest as the reader's day passes them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from thidua.derive import dates
from thidua.records.models import Deadline, Plan
from thidua.records.repository import Repository
from thidua.records.site import Site

HOME_PLANS = 10  # each list of plans on the home page shows this many, and links to all
HOME_DEADLINES = 20  # the latest deadlines by date: all that may be ahead are among them


@dataclass(frozen=True)
class DeadlineLine:
    deadline: Deadline
    plan: Plan
    issuer: str  # the issuing body's name: every line says whose plan it comes from
    past: bool  # ended before the day the data last changed: past for every reader

    @property
    def end(self) -> str:
        return self.deadline.date.last_day().isoformat()


def plan_groups(plans: list[Plan], site: Site) -> list[dict[str, Any]]:
    """The owner's newest plans, then the newest year of everyone else's. `plans` come newest first."""
    own = [p for p in plans if site.owns(p.issuer)]
    others = [p for p in plans if not site.owns(p.issuer)]
    groups = []
    if own:
        groups.append({"title": f"Kế hoạch của {site.owner.name}", "plans": own[:HOME_PLANS], "count": len(own)})
    if others:
        year = others[0].year
        newest = [p for p in others if p.year == year]
        title = f"Kế hoạch năm {year} của các cơ quan khác" if site.owner else f"Kế hoạch năm {year}"
        groups.append({"title": title, "plans": newest[:HOME_PLANS], "count": len(newest)})
    return groups


def deadline_lines(repo: Repository, site: Site) -> dict[str, list[DeadlineLine]]:
    """The latest deadlines: `ahead` (soonest first) may still be ahead for a reader; `past` (latest first)
    are past for every reader."""
    latest = sorted(
        ((d, p) for p in repo.plans.values() for d in p.deadlines),
        key=lambda x: (x[0].date.last_day(), x[1].id),
        reverse=True,
    )[:HOME_DEADLINES]
    lines = [DeadlineLine(d, p, repo.bodies[p.issuer].name, d.date.last_day() < site.as_of) for d, p in latest]
    ahead = sorted((x for x in lines if not x.past), key=lambda x: (x.deadline.date.last_day(), x.plan.id))
    return {"ahead": ahead, "past": [x for x in lines if x.past]}


def as_of_text(site: Site) -> str:
    return dates.short(site.as_of) if site.as_of.year > 1 else ""
