"""What the open-data page lists: the files of the owner's plans and calendars, all of them, and those of the
other issuers for the newest years only, so that the page does not grow with the data (at the ministry scale
it listed 680 files in 129 KB). Every plan page links its own YAML file and the calendar listing links every
calendar's .ics file: the page says where the earlier years' files are.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from thidua.records.models import Calendar, Plan
from thidua.records.repository import Repository
from thidua.records.site import Site
from thidua.render import paging

OTHERS = 20  # other issuers' files listed: whole years, newest first, while they stay within this (one at least)

T = TypeVar("T")


@dataclass(frozen=True)
class FileGroup(Generic[T]):
    title: str  # "Của Sở Tư pháp tỉnh An Giang", "Của các cơ quan khác, năm 2025"
    items: list[T]
    own: bool  # the owner's: the lines need not say whose


@dataclass(frozen=True)
class FileList(Generic[T]):
    groups: list[FileGroup[T]]
    left: int  # files of earlier years not listed (found on their own pages)


def newest_years(items: Sequence[T], limit: int = OTHERS) -> tuple[list[T], list[int]]:
    """The items (records with a `year`, newest first) of the newest years, whole years while they stay
    within `limit` (the newest year always), and the years taken, newest first."""
    years: list[int] = []
    taken: list[T] = []
    for value, in_year in paging.by_year(list(items)):
        if years and len(taken) + len(in_year) > limit:
            break
        years.append(value)
        taken += in_year
    return taken, years


def file_list(items: Sequence[T], site: Site) -> FileList[T]:
    """The owner's items (records with an `issuer` and a `year`, newest first), then the newest years of the
    others'."""
    own = [item for item in items if site.owns(item.issuer)]
    others = [item for item in items if not site.owns(item.issuer)]
    listed, years = newest_years(others)
    groups = []
    if own:
        groups.append(FileGroup(f"Của {site.owner.name}", own, own=True))
    if listed:
        whose = "Của các cơ quan khác" if own else "Của các cơ quan"
        span = f"năm {years[0]}" if len(years) == 1 else f"các năm {years[-1]}–{years[0]}"
        groups.append(FileGroup(f"{whose}, {span}", listed, own=False))
    return FileList(groups, len(others) - len(listed))


def open_data_context(plans: list[Plan], repo: Repository, site: Site) -> dict:
    """The open-data page's lists; `plans` come newest first."""
    calendars: list[Calendar] = sorted(repo.calendars.values(), key=lambda c: (-c.year, c.id))
    return {
        "plan_files": file_list(plans, site),
        "calendar_files": file_list(calendars, site),
    }
