"""What the model-example pages show: cards, profiles, the data behind the listing's filters."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from thidua.derive.collation import sort_key
from thidua.records import awards as awards_
from thidua.records import profiles as profiles_
from thidua.records import urls
from thidua.records.models import Profile
from thidua.records.repository import Repository

if TYPE_CHECKING:  # type only: renditions are made in publish/, after the views are decided
    from thidua.publish.photos import Processed


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
        "recognition": profiles_.recognition(profile),
        "awards": [awards_.card_text(a) for a in awards_.highest_first(profile.awards)],  # the highest first
    }


def profile_context(
    profile: Profile,
    repo: Repository,
    processed: dict[tuple[str, int], Processed],
    here: str,
    related: profiles_.Related,
) -> dict[str, Any]:
    return {
        "p": profile,
        "kind": profiles_.KINDS[profile.kind],
        "level": profiles_.LEVELS[profile.level],
        "recognition": profiles_.recognition(profile),
        "stage": profiles_.STAGES[profile.stage],
        "stages": profiles_.STAGES,
        "photos": photo_views(profile, processed, here),
        "movements": [repo.movements[m] for m in profile.movements],
        "plans": [repo.plans[p] for p in profile.plans if p in repo.plans],
        "awards": sorted(profile.awards, key=lambda a: a.date, reverse=True),
        "related": [card(r, processed, here) for r in related.of(profile)],
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
                "unitKey": urls.slug(profile.unit),
                "kind": profile.kind,
                "level": profile.level,
                "years": list(profile.years),
                "movements": list(profile.movements),
                "url": urls.page_url(c["path"]),
                "when": profile.when,
                "recognition": c["recognition"],
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
        # the filters' options, [value, label] in Vietnamese alphabetical order (decided here, not in the browser)
        "movements": sorted(
            ([m.id, m.name] for m in repo.movements.values() if any(m.id in r["movements"] for r in records)),
            key=lambda option: sort_key(option[1]),
        ),
        "units": sorted(({r["unitKey"]: r["unit"] for r in records}).items(), key=lambda option: sort_key(option[1])),
    }
