"""Next year's propaganda calendar, drafted from the registry for the editor to complete."""

from __future__ import annotations

from pathlib import Path

import jinja2

from . import calendars
from .pages import TEMPLATES, yaml_str
from .repository import Repository


class DraftExists(FileExistsError):
    pass


def draft_calendar(repo: Repository, year: int, office: str) -> str:
    """YAML text of a draft calendar: one entry per month that has commemorations, plus the movements
    that still run in `year`; lunar dates resolved and round anniversaries flagged in comments."""
    issuer = repo.bodies[office]
    found = calendars.year_occurrences(repo.commemorations, issuer, year)
    months = [
        {"month": m, "occurrences": [o for o in found if o.date.month == m]}
        for m in range(1, 13)
        if any(o.date.month == m for o in found)
    ]
    movements = sorted(
        (
            m
            for m in repo.movements.values()
            if m.scope != "dia-phuong" and (m.to_year or year) >= year and (m.from_year or year) <= year
        ),
        key=lambda m: m.name,
    )
    # YAML, not HTML: no HTML escaping; values that need quoting go through `yaml_str`.
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["yaml_str"] = yaml_str
    template = env.get_template("calendar_draft.yml.j2")
    return template.render(year=year, issuer=issuer, months=months, movements=movements)


def write_draft(repo: Repository, data_dir: Path, year: int, office: str) -> Path:
    """Write `calendars/<office>-<year>.yml`; never overwrite an existing file."""
    path = data_dir / "calendars" / f"{office}-{year}.yml"
    if path.exists():
        raise DraftExists(path)
    text = draft_calendar(repo, year, office)
    with path.open("x", encoding="utf-8") as handle:  # "x": fails rather than overwrite, even in a race
        handle.write(text)
    return path
