"""Checks across records: references that must exist, photos that must be readable images inside the data
folder, calendar themes in the right month."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from PIL import Image

from thidua.derive.occurrence import occurrence
from thidua.records import models
from thidua.records.kinds import LABELS
from thidua.records.repository import Repository
from thidua.source.problems import Problem


def references(repo: Repository) -> list[Problem]:
    problems = []

    def check(folder: str, record: str, path: tuple[Any, ...], target: str, ref: str | None) -> None:
        if ref is None or ref in repo.files[target]:
            return
        source = repo.sources[(folder, record)]
        guess = difflib.get_close_matches(ref, list(repo.table(target)), n=1, cutoff=0.6)
        hint = f" Có phải ý bạn là '{guess[0]}'?" if guess else ""
        problems.append(source.problem(path, f"không có {LABELS[target]} '{ref}' trong data/{target}/.{hint}"))

    for bid, body in repo.bodies.items():
        check("bodies", bid, ("parent",), "bodies", body.parent)
        check("bodies", bid, ("successor",), "bodies", body.successor)
    for pid, profile in repo.profiles.items():
        for key, target in (("movements", "movements"), ("plans", "plans")):
            for i, ref in enumerate(getattr(profile, key)):
                check("profiles", pid, (key, i), target, ref)
    for cid, cal in repo.calendars.items():
        check("calendars", cid, ("issuer",), "bodies", cal.issuer)
        check("calendars", cid, ("plan",), "plans", cal.plan)
        for i, entry in enumerate(cal.entries):
            for j, theme in enumerate(entry.themes):
                problems.extend(_calendar_month(repo, cid, cal, i, j))
                check(
                    "calendars",
                    cid,
                    ("entries", i, "themes", j, "commemoration"),
                    "commemorations",
                    theme.commemoration,
                )
                check("calendars", cid, ("entries", i, "themes", j, "movement"), "movements", theme.movement)
    for pid, plan in repo.plans.items():
        check("plans", pid, ("document", "issuer"), "bodies", plan.issuer)
        for key, target in (
            ("legal_bases", "legal"),
            ("cites", "legal"),
            ("movements", "movements"),
            ("commemorations", "commemorations"),
        ):
            for i, ref in enumerate(getattr(plan, key)):
                check("plans", pid, (key, i), target, ref)
        for i, phase in enumerate(plan.phases):
            for j, ref in enumerate(phase.commemorations):
                check("plans", pid, ("phases", i, "commemorations", j), "commemorations", ref)
        phase_ids = {p.id for p in plan.phases}
        for node in plan.walk():
            check("plans", pid, node.path + ("movement",), "movements", node.movement)
            check("plans", pid, node.path + ("calendar",), "calendars", node.calendar)
            if node.phase is not None and node.phase not in phase_ids:
                source = repo.sources[("plans", pid)]
                problems.append(
                    source.problem(
                        node.path + ("phase",), f"không có đợt '{node.phase}' trong phases của kế hoạch này."
                    )
                )
    return problems


def photos(repo: Repository, data_dir: Path) -> list[Problem]:
    """A photo must be a file inside data/profiles/ (no "..", no link leading elsewhere)."""
    problems = []
    folder = (data_dir / "profiles").resolve()
    for pid, profile in repo.profiles.items():
        source = repo.sources[("profiles", pid)]
        for i, photo in enumerate(profile.photos):
            path = (folder / photo.file).resolve()
            where = ("photos", i, "file")
            if not path.is_relative_to(folder):
                problems.append(
                    source.problem(
                        where,
                        f"ảnh '{photo.file}' nằm ngoài thư mục data/profiles/; hãy chép ảnh vào "
                        "data/profiles/photos/ và ghi file: photos/<tên ảnh>.",
                    )
                )
            elif not path.is_file():
                problems.append(
                    source.problem(
                        where,
                        f"không có tệp ảnh data/profiles/{photo.file}; "
                        "kiểm tra tên tệp (phân biệt chữ hoa, chữ thường).",
                    )
                )
            elif not _is_image(path):
                problems.append(
                    source.problem(
                        where,
                        f"tệp data/profiles/{photo.file} không phải ảnh đọc được (JPEG, PNG hoặc WebP); "
                        "hãy xuất lại ảnh rồi chép vào data/profiles/photos/.",
                    )
                )
    return problems


def _calendar_month(repo: Repository, cid: str, cal: models.Calendar, i: int, j: int) -> list[Problem]:
    """A theme's commemoration must fall in the months of its row in the calendar's year."""
    entry = cal.entries[i]
    ref = entry.themes[j].commemoration
    if entry.year_round or ref is None or ref not in repo.commemorations:
        return []
    when = occurrence(repo.commemorations[ref], cal.year).date
    if when.month in entry.months:
        return []
    months = ", ".join(str(m) for m in entry.months)
    message = (
        f"ngày kỷ niệm '{ref}' năm {cal.year} rơi vào ngày {when.day}/{when.month}/{cal.year}, "
        f"không thuộc tháng {months} của dòng này; hãy chuyển chủ đề sang dòng Tháng {when.month}."
    )
    return [repo.sources[("calendars", cid)].problem(("entries", i, "themes", j, "commemoration"), message)]


def _is_image(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            image.verify()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        return False
    return True
