"""Next year's propaganda calendar, drafted from the registry for the editor to complete."""

from __future__ import annotations

from pathlib import Path

from thidua.editing.yamltemplate import create_file, render_yaml
from thidua.records import calendars
from thidua.records.repository import Repository


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
    return render_yaml("calendar_draft.yml.j2", year=year, issuer=issuer, months=months, movements=movements)


def write_draft(repo: Repository, data_dir: Path, year: int, office: str) -> Path:
    """Write `calendars/<office>-<year>.yml`; never overwrite an existing file."""
    path = data_dir / "calendars" / f"{office}-{year}.yml"
    if path.exists():
        raise DraftExists(path)
    try:
        create_file(path, draft_calendar(repo, year, office))
    except FileExistsError:
        raise DraftExists(path) from None
    return path
