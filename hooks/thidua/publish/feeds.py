"""Atom feeds of the newest profiles and plans (feedgen), and the open-data export of published profiles.

Dates come from the data (a profile's `published` date, a plan's document date), never from the build
clock, so that two builds of the same data write the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from feedgen.feed import FeedGenerator

from thidua.publish.sanitize import plain_text
from thidua.records import urls
from thidua.records.models import Body, Plan, Profile
from thidua.records.profiles import KINDS, LEVELS, STAGES, newest_first, recognition
from thidua.records.site import SECTION

FEED_SIZE = 20


def _midnight(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.timezone(dt.timedelta(hours=7)))


def _feed(site_url: str, path: str, title: str, subtitle: str, home: str, publisher: str) -> FeedGenerator:
    """`publisher`: the site's name, which names the office that owns it (site.Site.name)."""
    feed = FeedGenerator()
    feed.id(site_url + urls.page_url(home))
    feed.title(f"{title} - {publisher}")
    feed.author({"name": publisher})
    feed.subtitle(subtitle)
    feed.language("vi")
    feed.link(href=site_url + path, rel="self")
    feed.link(href=site_url + urls.page_url(home), rel="alternate")
    feed.generator("Thi đua, khen thưởng")
    return feed


def profiles_feed(profiles: Iterable[Profile], site_url: str, publisher: str = SECTION) -> bytes:
    newest = newest_first(profiles)[:FEED_SIZE]
    feed = _feed(
        site_url,
        urls.PROFILE_FEED,
        "Điển hình tiên tiến, gương người tốt việc tốt",
        "Các điển hình tiên tiến mới được giới thiệu",
        urls.PROFILES,
        publisher,
    )
    feed.updated(_midnight(newest[0].published) if newest else _midnight(dt.date(2000, 1, 1)))
    for p in reversed(newest):  # feedgen prepends entries
        url = site_url + urls.page_url(urls.record("profiles", p.id))
        entry = feed.add_entry()
        entry.id(url)
        entry.link(href=url)
        entry.title(plain_text(p.name))
        entry.updated(_midnight(p.published))
        entry.published(_midnight(p.published))
        label = " (dữ liệu minh họa)" if p.illustrative else ""
        entry.summary(plain_text(f"{KINDS[p.kind]}, {p.unit}. {recognition(p)}{label}."))
    return feed.atom_str(pretty=True)


def plans_feed(plans: Iterable[Plan], bodies: dict[str, Body], site_url: str, publisher: str = SECTION) -> bytes:
    def day(p: Plan) -> dt.date:
        return p.date.first_day() if p.date else dt.date(p.year, 1, 1)

    newest = sorted(plans, key=lambda p: (day(p), p.id), reverse=True)[:FEED_SIZE]
    feed = _feed(
        site_url,
        urls.PLAN_FEED,
        "Kế hoạch phát động phong trào thi đua",
        "Các kế hoạch thi đua mới được đăng",
        urls.PLANS,
        publisher,
    )
    feed.updated(_midnight(day(newest[0])) if newest else _midnight(dt.date(2000, 1, 1)))
    for p in reversed(newest):
        url = site_url + urls.page_url(urls.record("plans", p.id))
        entry = feed.add_entry()
        entry.id(url)
        entry.link(href=url)
        entry.title(plain_text(f"{p.reference}: {p.subject}"))
        entry.updated(_midnight(day(p)))
        entry.summary(f"{bodies[p.issuer].name}, năm {p.year}.")
    return feed.atom_str(pretty=True)


def _plain(value: Any) -> Any:
    """Every string of an exported record as plain text (see sanitize.plain_text)."""
    if isinstance(value, str):
        return plain_text(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def profile_export(
    profiles: Iterable[Profile], photo_urls: dict[tuple[str, int], str], site_url: str, owner: str = "Sở Tư pháp"
) -> dict[str, Any]:
    """Published profiles for other sites of the Sở to reuse. Withheld records never reach this function."""
    records = []
    for p in newest_first(profiles):
        records.append(
            {
                "id": p.id,
                "url": site_url + urls.page_url(urls.record("profiles", p.id)),
                "illustrative": p.illustrative,
                "kind": p.kind,
                "kind_label": KINDS[p.kind],
                "name": p.name,
                "unit": p.unit,
                "position": p.position,
                "level": p.level,
                "level_label": LEVELS[p.level],
                "year": p.year,
                "period": list(p.period) if p.period else None,
                "stage": p.stage,
                "stage_label": STAGES[p.stage],
                "published": p.published.isoformat(),
                "movements": list(p.movements),
                "plans": list(p.plans),
                "awards": [
                    {
                        "kind": a.kind,
                        "title": a.title,
                        "wording": a.wording,
                        "giver": a.giver,
                        "decision": a.decision,
                        "date": a.date.isoformat(),
                    }
                    for a in p.awards
                ],
                "achievements": list(p.achievements),
                "story": p.story,
                "photos": [
                    {"url": site_url + photo_urls[(p.id, i)], "alt": photo.alt, "caption": photo.caption}
                    for i, photo in enumerate(p.photos)
                ],
                "sources": [
                    {
                        "title": s.title,
                        "url": s.url,
                        "publisher": s.publisher,
                        "date": s.date.isoformat() if s.date else None,
                    }
                    for s in p.sources
                ],
            }
        )
    return {"version": 1, "license": f"Dữ liệu công khai của {owner}", "profiles": _plain(records)}
