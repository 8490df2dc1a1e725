"""Model examples (điển hình tiên tiến): labels, groups for the listings, pagination, related profiles."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from thidua.derive.collation import sort_key
from thidua.records import urls
from thidua.records.models import Profile

PAGE_SIZE = 24

KINDS = {"tap-the": "Tập thể", "ca-nhan": "Cá nhân"}
LEVELS = {
    "co-so-hang-nam": "Điển hình tiên tiến cấp cơ sở hằng năm",
    "nganh-hang-nam": "Điển hình tiên tiến ngành Tư pháp hằng năm",
    "co-so-giai-doan": "Điển hình tiên tiến cấp cơ sở giai đoạn",
    "nganh-giai-doan": "Điển hình tiên tiến ngành Tư pháp giai đoạn",
    "cap-tinh": "Điển hình tiên tiến cấp tỉnh",
    "toan-quoc": "Điển hình tiên tiến toàn quốc",
}
# A level with its time: "Điển hình tiên tiến cấp cơ sở năm 2023", "... giai đoạn 2021–2025" (the level's
# label above says "hằng năm" or "giai đoạn" already; said twice it read "giai đoạn, giai đoạn 2021–2025").
LEVEL_NAMES = {
    "co-so-hang-nam": "Điển hình tiên tiến cấp cơ sở",
    "nganh-hang-nam": "Điển hình tiên tiến ngành Tư pháp",
    "co-so-giai-doan": "Điển hình tiên tiến cấp cơ sở",
    "nganh-giai-doan": "Điển hình tiên tiến ngành Tư pháp",
    "cap-tinh": "Điển hình tiên tiến cấp tỉnh",
    "toan-quoc": "Điển hình tiên tiến toàn quốc",
}
STAGES = {
    "phat-hien": "Phát hiện",
    "boi-duong": "Bồi dưỡng",
    "tong-ket": "Tổng kết",
    "nhan-rong": "Nhân rộng",
}
# Profile ids that would clash with the listing pages under dien-hinh/.
RESERVED = {"trang", "tieu-chi", "theo-loai", "theo-cap", "theo-nam", "theo-don-vi", "anh", "index"}


@dataclass(frozen=True)
class Group:
    """A listing of profiles that works without JavaScript: by kind, level, year or unit."""

    axis: str  # "theo-loai", "theo-cap", "theo-nam", "theo-don-vi"
    key: str  # ASCII slug used in the URL
    title: str
    profiles: tuple[Profile, ...]

    @property
    def path(self) -> str:
        return f"dien-hinh/{self.axis}/{self.key}.md"


AXES: dict[str, tuple[str, Callable[[Profile], Iterable[tuple[str, str]]]]] = {
    "theo-loai": ("Loại", lambda p: [(p.kind, KINDS[p.kind])]),
    "theo-cap": ("Cấp công nhận", lambda p: [(p.level, LEVELS[p.level])]),
    "theo-nam": ("Năm", lambda p: [(str(y), f"Năm {y}") for y in p.years]),
    "theo-don-vi": ("Đơn vị", lambda p: [(urls.slug(p.unit), p.unit)]),
    "theo-phong-trao": ("Phong trào", lambda p: [(m, m) for m in p.movements]),
}
MOVEMENT_PAGE_CARDS = 12  # a movement's page shows its newest profiles and links to the full listing
AXIS_INLINE = 20  # an axis with more groups than this (units, at scale) gets a listing page of its groups


@dataclass(frozen=True)
class Axis:
    """One way of grouping profiles, with its groups."""

    key: str  # "theo-don-vi", ...
    title: str
    groups: tuple[Group, ...]

    @property
    def path(self) -> str:
        return f"dien-hinh/{self.key}/index.md"

    @property
    def inline(self) -> bool:
        """Whether the profiles listing links each group itself rather than this axis's own page."""
        return len(self.groups) <= AXIS_INLINE


def axes(groups: Iterable[Group]) -> list[Axis]:
    found = list(groups)
    return [Axis(key, title, tuple(g for g in found if g.axis == key)) for key, (title, _) in AXES.items()]


def recognition(profile: Profile) -> str:
    """How a profile was recognised, in one phrase: "Điển hình tiên tiến cấp cơ sở giai đoạn 2021–2025"."""
    return f"{LEVEL_NAMES[profile.level]} {profile.when}"


def newest_first(profiles: Iterable[Profile]) -> list[Profile]:
    return sorted(profiles, key=lambda p: (p.published, p.id), reverse=True)


def groups(profiles: Iterable[Profile], movement_names: dict[str, str]) -> list[Group]:
    ordered = newest_first(profiles)
    found: list[Group] = []
    for axis, (_, keys) in AXES.items():
        members: dict[tuple[str, str], list[Profile]] = defaultdict(list)
        for p in ordered:
            for key in keys(p):
                members[key].append(p)
        for (key, title), items in sorted(members.items(), key=lambda kv: _order(axis, kv[0], movement_names)):
            title = movement_names.get(key, key) if axis == "theo-phong-trao" else title
            found.append(Group(axis, key, title, tuple(items)))
    return found


def _order(axis: str, key: tuple[str, str], movement_names: dict[str, str]) -> tuple:
    if axis == "theo-phong-trao":
        return (sort_key(movement_names.get(key[0], key[0])),)
    if axis == "theo-nam":
        return (-int(key[0]),)
    if axis == "theo-cap":
        return (list(LEVELS).index(key[0]),)
    return (sort_key(key[1]),)


class Related:
    """Profiles sharing a movement or a unit, the closest first. Candidates are the newest few of each of the
    profile's unit and movements, so the work per profile stays small however many profiles share a movement."""

    def __init__(self, profiles: Iterable[Profile], pool: int = 16):
        self.pool = pool
        self.by_unit: dict[str, list[Profile]] = defaultdict(list)
        self.by_movement: dict[str, list[Profile]] = defaultdict(list)
        for p in newest_first(profiles):
            self.by_unit[p.unit].append(p)
            for m in p.movements:
                self.by_movement[m].append(p)

    def of(self, profile: Profile, limit: int = 4) -> list[Profile]:
        candidates = {p.id: p for p in self.by_unit[profile.unit][: self.pool]}
        for m in profile.movements:
            candidates.update((p.id, p) for p in self.by_movement[m][: self.pool])
        candidates.pop(profile.id, None)
        movements = set(profile.movements)

        def score(other: Profile) -> tuple:
            shared = len(movements & set(other.movements))
            return (-(shared + 2 * (other.unit == profile.unit)), -other.published.toordinal(), other.id)

        return sorted(candidates.values(), key=score)[:limit]
