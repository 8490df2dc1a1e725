"""Checks across records: references that must exist, photos that must be whole, readable images of a sane
size inside the data folder, calendar themes in the right month, no record published twice (two calendars of
one office for one year, a profile copied to a new file name)."""

from __future__ import annotations

import hashlib
import re
import warnings
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from thidua.check.suggest import closest_id
from thidua.derive.occurrence import occurrence
from thidua.records import models
from thidua.records.kinds import LABELS
from thidua.records.repository import Repository
from thidua.source.problems import PER_FILE, Problem


def references(repo: Repository) -> list[Problem]:
    problems = []

    told: dict[tuple[str, str], int] = {}

    def check(folder: str, record: str, path: tuple[Any, ...], target: str, ref: str | None) -> None:
        if ref is None or ref in repo.files[target]:
            return
        source = repo.sources[(folder, record)]
        told[(folder, record)] = told.get((folder, record), 0) + 1
        # past PER_FILE a record's problems are only counted (problems.capped): no suggestion to look for
        guess = closest_id(ref, repo.table(target)) if told[(folder, record)] <= PER_FILE else None
        hint = f" Có phải ý bạn là '{guess}'?" if guess else ""
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
            else:
                trouble = image_problem(path, f"data/profiles/{photo.file}")
                if trouble:
                    problems.append(source.problem(where, trouble))
    return problems


def duplicates(repo: Repository) -> list[Problem]:
    """Records that would be published twice: two calendars of one office for one year, and a profile whose
    person or unit and story are those of another file (a copy saved under a new name). Drafts are not
    published, so a draft may stand beside the record it will replace."""
    calendars = {cid: (c.issuer, c.year) for cid, c in repo.calendars.items() if not c.draft}
    profiles = {
        pid: (p.kind, _plain(p.name), _plain(p.unit), _plain(p.story))
        for pid, p in repo.profiles.items()
        if not p.draft
    }
    return _repeats(
        repo,
        "calendars",
        calendars,
        "year",
        lambda key, first: (
            f"cơ quan '{key[0]}' đã có lịch tuyên truyền năm {key[1]} ở tệp {first}; mỗi cơ quan một năm chỉ có một "
            "lịch. Hãy sửa ngay tệp đó thay vì tạo tệp mới, hoặc đặt draft: true cho tệp đang soạn."
        ),
    ) + _repeats(
        repo,
        "profiles",
        profiles,
        "name",
        lambda key, first: (
            f"hồ sơ này trùng với tệp {first} (cùng tên, đơn vị và câu chuyện), nên sẽ được đăng hai lần. Hãy xóa "
            "một trong hai tệp; nếu là một lần khen thưởng khác, hãy viết câu chuyện của lần đó."
        ),
    )


def _repeats(
    repo: Repository, folder: str, keys: dict[str, tuple], field: str, message: Callable[[tuple, str], str]
) -> list[Problem]:
    """Each record whose key another record (the first by id) already has, told at its `field`."""
    groups: dict[tuple, list[str]] = defaultdict(list)
    for record_id in sorted(keys):
        groups[keys[record_id]].append(record_id)
    problems = []
    for key, ids in groups.items():
        first = repo.sources[(folder, ids[0])].file
        problems.extend(repo.sources[(folder, rid)].problem((field,), message(key, first)) for rid in ids[1:])
    return problems


def _plain(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


# Phone cameras take 12 to 50 megapixels (a few offer 200 in a special mode); decoding 50 megapixels takes
# about 200 MB. Larger images are refused before they are decoded, with their size: "not readable" would not
# tell the editor what to do.
MAX_PIXELS = 50_000_000
FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
_decoded: dict[bytes, str | None] = {}  # by content: a photo is decoded once, however many copies of it
_NAME = "\x00"  # stands for the photo's name in a cached message


def image_problem(path: Path, shown: str) -> str | None:
    """What is wrong with the image file at `path` (named `shown` in the message), or None. The image is
    decoded whole, so that a file cut short (a copy that did not finish) is found here and not in the build."""
    digest = hashlib.blake2b(path.read_bytes(), digest_size=16).digest()
    if digest not in _decoded:
        _decoded[digest] = _decode(path, _NAME)
    found = _decoded[digest]
    return found.replace(_NAME, shown) if found else None


def _decode(path: Path, shown: str) -> str | None:
    redo = "hãy xuất lại ảnh rồi chép vào data/profiles/photos/."
    try:
        with warnings.catch_warnings():
            # Pillow warns above its own limit and refuses at twice it (a "decompression bomb"); ours is lower
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    return _too_large(shown, f"{width} × {height} điểm ảnh, {_megapixels(width * height)}")
                if image.format not in FORMATS:
                    return f"tệp {shown} là ảnh dạng {image.format}, trang chỉ nhận JPEG, PNG hoặc WebP; {redo}"
                image.load()  # every pixel: a truncated or damaged file fails here
    except Image.DecompressionBombError as err:
        pixels = re.search(r"\((\d+) pixels\)", str(err))
        return _too_large(shown, _megapixels(int(pixels.group(1))) if pixels else "quá nhiều điểm ảnh")
    except (OSError, SyntaxError, ValueError, EOFError) as err:
        if isinstance(err, OSError) and "truncated" in str(err):
            return f"tệp ảnh {shown} bị cắt cụt (chép chưa hết hoặc tải về dở dang) nên không giải mã được hết; {redo}"
        if isinstance(err, OSError) and not isinstance(err, Image.UnidentifiedImageError) and "image" not in str(err):
            return f"tệp ảnh {shown} bị hỏng, không giải mã được ({err}); {redo}"
        return f"tệp {shown} không phải ảnh đọc được (JPEG, PNG hoặc WebP); {redo}"
    return None


def _too_large(shown: str, size: str) -> str:
    return (
        f"ảnh {shown} quá lớn ({size}); giới hạn là {_megapixels(MAX_PIXELS)}. Hãy thu nhỏ ảnh (ví dụ cạnh dài "
        "4000 điểm ảnh, trong Paint: Resize) rồi chép lại; trang web chỉ dùng ảnh rộng tối đa 1600 điểm ảnh."
    )


def _megapixels(pixels: int) -> str:
    return f"{round(pixels / 1e6):,} triệu điểm ảnh".replace(",", ".")


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
