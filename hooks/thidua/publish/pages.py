"""Every generated page: its path under docs/ and its Markdown, rendered from `render/templates/`.

Listing pages (home, indexes) go into the navigation; detail pages are reached from listings only, so
that the navigation MkDocs renders into every page stays small however much data there is.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any

from thidua.derive import dates
from thidua.derive.collation import sort_key
from thidua.derive.occurrence import occurrence
from thidua.publish import feeds, ical
from thidua.publish import photos as photos_
from thidua.records import models, urls
from thidua.records import profiles as profiles_
from thidua.records.repository import Repository
from thidua.records.site import UNNAMED, Site
from thidua.render import calendar_views, home_views, open_data_views, paging, plan_views, profile_views
from thidua.render.templating import render, templates_version
from thidua.serve.memo import Memo, reuse
from thidua.source.problems import BuildFailure


@dataclass(frozen=True)
class Page:
    path: str  # relative to docs/, e.g. "ke-hoach/2023-x.md"
    content: str
    source: str | None = None  # the data file it comes from, for the edit link


@dataclass(frozen=True)
class PlannedPage:
    """A page whose address is known and whose Markdown is made when `make()` is called: the build knows
    every address at once, and the Markdown may be made elsewhere (publish/page_work.py)."""

    path: str
    source: str | None
    make: Callable[[], str]

    def made(self) -> Page:
        return Page(self.path, self.make(), self.source)


@dataclass(frozen=True)
class Asset:
    """A file published as it is: generated `content` (or, while planned, the `make` that makes it), or a
    data file (`source`) copied unchanged."""

    path: str
    content: bytes | None = None
    source: str | None = None
    make: Callable[[], bytes] | None = None

    def made(self) -> Asset:
        return self if self.make is None else replace(self, content=self.make(), make=None)


Photos = dict[tuple[str, int], photos_.Processed]


def process_photos(repo: Repository, data_dir: Path, cache: Path) -> Photos:
    """Web renditions of every published profile's photos, keyed by (profile id, photo index)."""
    out = {}
    for p in sorted(repo.profiles.values(), key=lambda p: p.id):
        for i, photo in enumerate(p.photos):
            try:
                out[(p.id, i)] = photos_.process(data_dir / "profiles" / photo.file, cache)
            except Exception as err:  # noqa: BLE001 - told with the file, never as a traceback
                raise BuildFailure(p.file, f"xử lý ảnh data/profiles/{photo.file}", err) from err
    return out


def build_assets(*args: Any, **kwargs: Any) -> list[Asset]:
    """`plan_assets`, every file made."""
    return [asset.made() for asset in plan_assets(*args, **kwargs)]


def plan_assets(
    repo: Repository,
    photos: Photos,
    stamp: dt.datetime,
    domain: str,
    site_url: str,
    cache: Path,
    memo: Memo | None = None,
    site: Site = UNNAMED,
) -> list[Asset]:
    """Plan data files, feeds, the data behind the home page's "this month" block and the profile
    filters, the open-data export, and the photo renditions; the generated ones are made when their
    `make` is called. A `memo` reuses what did not change."""
    assets = [Asset(urls.data_download(p.id), source=p.file) for p in sorted(repo.plans.values(), key=lambda p: p.id)]

    def add(path: str, inputs: tuple, make: Callable[[], bytes], source: str | None = None) -> None:
        made = partial(reuse, memo, path, inputs, make)
        assets.append(Asset(path, make=partial(_told, made, source or f"docs/{path}", f"tạo tệp {path}")))

    registry = repo.commemorations
    for cal in sorted(repo.calendars.values(), key=lambda c: c.id):
        issuer = repo.bodies[cal.issuer]
        add(
            urls.calendar_feed(cal.id),
            (cal, issuer, registry, stamp, domain),
            lambda cal=cal, issuer=issuer: ical.calendar_feed(cal, issuer, registry, stamp, domain),
            cal.file,
        )
    plans = list(repo.plans.values())
    add(
        urls.DEADLINES_FEED,
        (plans, repo.bodies, stamp, domain, site.name),
        lambda: ical.deadlines_feed(plans, repo.bodies, stamp, domain, site.name if site.owner else ""),
    )
    add(urls.THIS_MONTH, (repo, site), lambda: _json(calendar_views.this_month_data(repo, site)))
    published = list(repo.profiles.values())
    add(urls.PROFILE_FEED, (published, site_url, site), lambda: feeds.profiles_feed(published, site_url, site.name))
    add(
        urls.PLAN_FEED,
        (plans, repo.bodies, site_url, site),
        lambda: feeds.plans_feed(plans, repo.bodies, site_url, site.name),
    )
    photo_urls = {key: f"{urls.PHOTOS}/{p.fallback().name}" for key, p in photos.items()}
    add(
        urls.PROFILE_EXPORT,
        (published, photo_urls, site_url, site),
        lambda: _json(
            feeds.profile_export(published, photo_urls, site_url, site.owner.name if site.owner else "Sở Tư pháp")
        ),
    )
    add(urls.PROFILE_INDEX, (repo, photos), lambda: _json(profile_views.profile_index_data(repo, photos)))
    for processed in sorted({p.digest: p for p in photos.values()}.values(), key=lambda p: p.digest):
        for r in processed.renditions:
            assets.append(Asset(f"{urls.PHOTOS}/{r.name}", source=str(cache / r.name)))
    return assets


def _told(make: Callable[[], Any], source: str, what: str) -> Any:
    """`make()`, any error in it told with the data file it comes from, never as a traceback."""
    try:
        return make()
    except Exception as err:  # noqa: BLE001
        raise BuildFailure(source, what, err) from err


def _json(value: object) -> bytes:
    # compact: json's C encoder is not used when indenting, and the files are for scripts, not for reading
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def build_pages(repo: Repository, photos: Photos, memo: Memo | None = None, site: Site = UNNAMED) -> list[Page]:
    """Every page, made; with a `memo` (`make serve`), a page whose template and values did not change is reused."""
    return [page.made() for page in plan_pages(repo, photos, memo, site)]


def plan_pages(repo: Repository, photos: Photos, memo: Memo | None = None, site: Site = UNNAMED) -> list[PlannedPage]:
    """Every page's address and source, in the order of the navigation's sections; what each page shows is
    worked out and rendered only when its `make` is called."""
    # within a year, the owner's plans and calendars first: the site is the owner's, others' are published beside
    plans = sorted(
        repo.plans.values(),
        key=lambda p: (-p.year, not site.owns(p.issuer), p.date or dates.PartialDate(p.year), p.id),
    )
    by_movement: dict[str, list] = defaultdict(list)
    by_commemoration: dict[str, list] = defaultdict(list)
    by_legal: dict[str, list] = defaultdict(list)
    by_body: dict[str, list] = defaultdict(list)
    for plan in plans:
        for m in plan.movements:
            by_movement[m].append(plan)
        honoured = set(plan.commemorations) | {c for p in plan.phases for c in p.commemorations}
        for c in sorted(honoured):
            by_commemoration[c].append((plan, occurrence(repo.commemorations[c], plan.year)))
        for ref in plan.legal_bases:
            by_legal[ref].append((plan, "Căn cứ"))
        for ref in plan.cites:
            if ref not in plan.legal_bases:
                by_legal[ref].append((plan, "Được dẫn"))
        by_body[plan.issuer].append(plan)

    pages: list[PlannedPage] = []
    version = templates_version()

    def add(
        path: str,
        template: str,
        source: str | None = None,
        later: Callable[[], dict[str, Any]] | None = None,
        **context: Any,
    ) -> None:
        """A page of `template` with `context` and what `later()` returns, worked out when the page is made."""

        def make() -> str:
            values = {**context, **(later() if later else {}), "bodies": repo.bodies, "site": site}
            return reuse(memo, path, (version, template, values), lambda: render(template, path, version, **values))

        pages.append(PlannedPage(path, source, partial(_told, make, source or f"docs/{path}", f"dựng trang {path}")))

    def add_paged(
        first: str,
        template: str,
        items: list,
        source: str | None = None,
        size: int = paging.LIST_SIZE,
        shape: Callable[[list, str], dict[str, Any]] = lambda chunk, path: {"items": chunk},
        **context: Any,
    ) -> None:
        """A listing in pages of `size` lines; the template gets `shape(lines, page path)`, `number`,
        `page_count`, `page_label` and `pager`."""
        chunks = paging.pages(first, items, size)
        count = len(chunks)
        for path, chunk, number in chunks:
            pager = paging.pager(first, number, count)
            label = paging.label(number, count)
            add(
                path,
                template,
                source,
                number=number,
                page_count=count,
                pager=pager,
                page_label=label,
                later=partial(shape, chunk, path),
                **context,
            )

    def cards(chunk: list, path: str) -> dict[str, Any]:
        return {"cards": [profile_views.card(p, photos, path) for p in chunk]}

    def home() -> dict[str, Any]:
        return {
            "plan_count": len(plans),
            "this_month": calendar_views.home_calendar(repo, site),
            "newest_profiles": [
                profile_views.card(p, photos, urls.HOME) for p in profiles_.newest_first(repo.profiles.values())[:3]
            ],
            "plan_groups": home_views.plan_groups(plans, site),
            "deadlines": home_views.deadline_lines(repo, site),
            "as_of": home_views.as_of_text(site),
        }

    add(urls.HOME, "home.md.j2", later=home)
    add(urls.OPEN_DATA, "open_data.md.j2", later=partial(open_data_views.open_data_context, plans, repo, site))
    add_paged(urls.PLANS, "plans_index.md.j2", plans, shape=lambda chunk, path: {"years": paging.by_year(chunk)})
    for plan in plans:
        here = urls.record("plans", plan.id)
        add(here, "plan.md.j2", plan.file, partial(plan_views.plan_context, plan, repo, here))
        here = urls.official(plan.id)
        add(here, "official.md.j2", plan.file, partial(plan_views.plan_context, plan, repo, here))

    cals = sorted(repo.calendars.values(), key=lambda c: (-c.year, not site.owns(c.issuer), c.id))
    add_paged(urls.CALENDARS, "calendars_index.md.j2", [(c, repo.bodies[c.issuer]) for c in cals])
    for cal in cals:
        here = urls.record("calendars", cal.id)
        add(here, "calendar.md.j2", cal.file, partial(calendar_views.calendar_page_context, cal, repo, here))
        for month in range(1, 13):
            here = urls.calendar_month(cal.id, month)
            month_context = partial(calendar_views.calendar_month_context, cal, repo, here, month)
            add(here, "calendar_month.md.j2", cal.file, month_context)

    profiles = profiles_.newest_first(repo.profiles.values())
    by_movement_profiles: dict[str, list] = defaultdict(list)
    for profile in profiles:
        for m in profile.movements:
            by_movement_profiles[m].append(profile)
    groups = profiles_.groups(profiles, {m.id: m.name for m in repo.movements.values()})
    axes = profiles_.axes(groups)
    listing = {"groups": groups, "axes": axes}
    for axis in axes:
        if not axis.inline:
            add_paged(axis.path, "profile_axis.md.j2", list(axis.groups), axis=axis)
    add_paged(
        urls.PROFILES,
        "profiles_index.md.j2",
        profiles,
        size=profiles_.PAGE_SIZE,
        shape=cards,
        total=len(profiles),
        **listing,
    )
    for group in groups:
        add_paged(
            group.path,
            "profile_group.md.j2",
            list(group.profiles),
            size=profiles_.PAGE_SIZE,
            shape=cards,
            group=group,
            axis_title=profiles_.AXES[group.axis][0],
        )
    related = profiles_.Related(profiles)
    for profile in profiles:
        here = urls.record("profiles", profile.id)
        add(
            here,
            "profile.md.j2",
            profile.file,
            partial(profile_views.profile_context, profile, repo, photos, here, related),
        )
    add(
        urls.PROFILE_CRITERIA, "criteria.md.j2", later=partial(plan_views.criteria_context, repo, urls.PROFILE_CRITERIA)
    )

    add(
        urls.MOVEMENTS,
        "movements_index.md.j2",
        movements=sorted(repo.movements.values(), key=lambda m: sort_key(m.name)),
        by=by_movement,
    )

    def movement_cards(movement: str, chunk: list, path: str) -> dict[str, Any]:
        shown = by_movement_profiles[movement][: profiles_.MOVEMENT_PAGE_CARDS]
        return {
            "items": chunk,
            "profiles": [profile_views.card(p, photos, urls.record("movements", movement)) for p in shown],
        }

    for m in repo.movements.values():
        add_paged(
            urls.record("movements", m.id),
            "movement.md.j2",
            by_movement[m.id],
            _source(repo, "movements", m.id),
            shape=partial(movement_cards, m.id),
            movement=m,
            profile_count=len(by_movement_profiles[m.id]),
            profile_group=f"dien-hinh/theo-phong-trao/{m.id}.md",
        )

    commemorations = sorted(repo.commemorations.values(), key=lambda c: (c.lunar, c.month, c.day, c.name))
    # a lunar date moves in the solar calendar: the index gives its solar date in the year the data last changed
    # (every reader reads in that year or later) and the next
    first = site.as_of.year if site.as_of.year > 1 else max((p.year for p in plans), default=2000)
    solar = {c.id: [occurrence(c, year).date for year in (first, first + 1)] for c in commemorations if c.lunar}
    add(
        urls.COMMEMORATIONS,
        "commemorations_index.md.j2",
        commemorations=commemorations,
        by=by_commemoration,
        solar=solar,
    )
    for c in commemorations:
        add_paged(
            urls.record("commemorations", c.id),
            "commemoration.md.j2",
            by_commemoration[c.id],
            _source(repo, "commemorations", c.id),
            c=c,
        )

    legal = sorted(repo.legal.values(), key=lambda d: (d.date or dates.PartialDate(1), d.id), reverse=True)
    add_paged(urls.LEGAL, "legal_index.md.j2", legal)
    for d in legal:
        add_paged(urls.record("legal", d.id), "legal.md.j2", by_legal[d.id], _source(repo, "legal", d.id), doc=d)

    bodies = sorted(repo.bodies.values(), key=lambda b: (sort_key(b.province or ""), b.level, sort_key(b.name)))
    add(urls.BODIES, "bodies_index.md.j2", all_bodies=bodies, by=by_body)

    def body(b: models.Body) -> dict[str, Any]:
        return {
            "predecessors": [x for x in bodies if x.successor == b.id],
            "children": [x for x in bodies if x.parent == b.id],
        }

    for b in bodies:
        add(
            urls.record("bodies", b.id),
            "body.md.j2",
            _source(repo, "bodies", b.id),
            partial(body, b),
            body=b,
            plans=by_body[b.id],
            parent=repo.bodies.get(b.parent or ""),
            successor=repo.bodies.get(b.successor or ""),
        )
    return pages


def _source(repo: Repository, folder: str, record_id: str) -> str:
    return repo.sources[(folder, record_id)].file
