"""Load every data file, validate it, and build the records the pages are made from.

All problems in all files are collected before anything is reported, so an editor sees every mistake at
once. Nothing is returned unless the whole data set is valid: the build publishes everything or nothing.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import anniversary, models
from .dates import DateTextError, PartialDate
from .occurrence import occurrence
from .problems import DataError, Problem
from .schema import validate
from .yamlsource import Source, load

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
DATE_KEYS = {"date", "start", "end", "from", "until"}
FOOTNOTE_REF = re.compile(r"\[\^(\w+)\]")

# folder under data/, schema name, builder, human name of one record
KINDS: list[tuple[str, str, Callable[..., Any], str]] = [
    ("bodies", "body", models.body_from, "cơ quan"),
    ("movements", "movement", models.movement_from, "phong trào"),
    ("commemorations", "commemoration", models.commemoration_from, "ngày kỷ niệm"),
    ("legal", "legal", models.legal_from, "văn bản"),
    ("calendars", "calendar", models.calendar_from, "lịch tuyên truyền"),
    ("plans", "plan", models.plan_from, "kế hoạch"),
    ("profiles", "profile", models.profile_from, "điển hình"),
]
WITH_FILE = {"calendars", "plans", "profiles"}


@dataclass
class Repository:
    bodies: dict[str, models.Body] = field(default_factory=dict)
    movements: dict[str, models.Movement] = field(default_factory=dict)
    commemorations: dict[str, models.Commemoration] = field(default_factory=dict)
    legal: dict[str, models.LegalDoc] = field(default_factory=dict)
    calendars: dict[str, models.Calendar] = field(default_factory=dict)
    plans: dict[str, models.Plan] = field(default_factory=dict)
    profiles: dict[str, models.Profile] = field(default_factory=dict)
    sources: dict[tuple[str, str], Source] = field(default_factory=dict)
    # every record id that has a file, valid or not: a reference to an invalid record is not "missing"
    files: dict[str, set[str]] = field(default_factory=dict)

    def table(self, folder: str) -> dict[str, Any]:
        return getattr(self, folder)


def load_repository(data_dir: Path, root: Path | None = None, include_drafts: bool = False) -> Repository:
    """Load `data_dir`; raise `DataError` with every problem if anything is wrong."""
    root = root or data_dir.parent
    repo = Repository()
    problems: list[Problem] = []
    for folder, kind, build, _ in KINDS:
        repo.files[folder] = set()
        for record_id, path in _files(data_dir / folder, root, problems):
            repo.files[folder].add(record_id)
            name = _display(path, root)
            source, found = load(path, name)
            problems.extend(found)
            if source is None or found:
                continue
            data, found = validate(kind, source)
            found = found or _value_problems(source, data)
            problems.extend(found)
            if found:
                continue
            repo.sources[(folder, record_id)] = source
            args = (record_id, name, data) if folder in WITH_FILE else (record_id, data)
            repo.table(folder)[record_id] = build(*args)
    problems.extend(_reference_problems(repo))
    problems.extend(_photo_problems(repo, data_dir))
    problems.extend(_lint_problems(repo))
    if problems:
        raise DataError(problems)
    if not include_drafts:
        repo.plans = {k: v for k, v in repo.plans.items() if not v.draft}
        repo.calendars = {k: v for k, v in repo.calendars.items() if not v.draft}
        repo.profiles = {k: v for k, v in repo.profiles.items() if v.publishable}
    return repo


def _display(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _files(folder: Path, root: Path, problems: list[Problem]) -> Iterator[tuple[str, Path]]:
    if not folder.is_dir():
        return
    seen: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name.lower() == "readme.md" or path.is_dir():
            continue  # folders hold a record type's attachments, e.g. profiles/photos/
        name = _display(path, root)
        if path.suffix not in (".yml", ".yaml"):
            problems.append(
                Problem(name, 1, 1, "chỉ nhận tệp .yml trong thư mục dữ liệu; hãy đổi tên hoặc chuyển tệp này đi.")
            )
            continue
        if not ID.match(path.stem):
            problems.append(
                Problem(
                    name,
                    1,
                    1,
                    f"tên tệp '{path.name}' phải viết thường, không dấu, nối bằng '-', ví dụ: so-tu-phap-an-giang.yml",
                )
            )
            continue
        if path.stem in seen:
            problems.append(
                Problem(
                    name,
                    1,
                    1,
                    f"mã '{path.stem}' trùng với tệp {_display(seen[path.stem], root)}; mỗi mã chỉ dùng một lần.",
                )
            )
            continue
        seen[path.stem] = path
        yield path.stem, path


def _walk(value: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], Any]]:
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, path + (i,))


def _value_problems(source: Source, data: dict) -> list[Problem]:
    """Checks a schema cannot express: real dates, ordered periods, unique ids, footnotes, quoted notes."""
    problems = []
    for path, value in _walk(data):
        if path and path[-1] in DATE_KEYS and isinstance(value, str):
            try:
                PartialDate.parse(value)
            except DateTextError as err:
                problems.append(source.problem(path, str(err)))
    if problems:
        return problems
    for key, start, end in (("phases", "start", "end"),):
        for i, item in enumerate(data.get(key, [])):
            if PartialDate.parse(item[end]) < PartialDate.parse(item[start]):
                problems.append(
                    source.problem((key, i, end), f"ngày kết thúc {item[end]} sớm hơn ngày bắt đầu {item[start]}.")
                )
    if (
        isinstance(data.get("from_year"), int)
        and isinstance(data.get("to_year"), int)
        and data["to_year"] < data["from_year"]
    ):
        problems.append(
            source.problem(("to_year",), f"năm kết thúc {data['to_year']} sớm hơn năm bắt đầu {data['from_year']}.")
        )
    if "from" in data and "until" in data and PartialDate.parse(data["until"]) < PartialDate.parse(data["from"]):
        problems.append(
            source.problem(("until",), f"ngày chấm dứt {data['until']} sớm hơn ngày bắt đầu {data['from']}.")
        )
    if isinstance(data.get("day"), int) and isinstance(data.get("month"), int):
        # Solar dates are checked against a leap year (29/02 exists); lunar months have at most 30 days.
        last = 30 if data.get("lunar") else calendar.monthrange(2024, data["month"])[1]
        if data["day"] > last:
            kind = "âm lịch" if data.get("lunar") else "dương lịch"
            problems.append(
                source.problem(
                    ("day",), f"tháng {data['month']} {kind} không có ngày {data['day']} (nhiều nhất {last} ngày)."
                )
            )
    seen: dict[str, int] = {}
    for i, phase in enumerate(data.get("phases", [])):
        if phase["id"] in seen:
            problems.append(
                source.problem(("phases", i, "id"), f"mã đợt '{phase['id']}' trùng với phases[{seen[phase['id']]}].")
            )
        seen.setdefault(phase["id"], i)
    texts = [
        (p, v) for p, v in _walk(data) if isinstance(v, str) and p and p[0] not in ("footnotes", "editorial_notes")
    ]
    footnotes = data.get("footnotes", {})
    used = set()
    for path, text in texts:
        for ref in FOOTNOTE_REF.findall(text):
            used.add(ref)
            if ref not in footnotes:
                problems.append(
                    source.problem(
                        path,
                        f"chú thích [^{ref}] chưa có nội dung; thêm vào footnotes, "
                        f'ví dụ: footnotes: {{"{ref}": "..."}}',
                    )
                )
    for ref in footnotes:
        if ref not in used:
            problems.append(
                source.problem(
                    ("footnotes", ref), f"chú thích {ref} không được dẫn ở đâu; ghi [^{ref}] vào chỗ cần chú thích."
                )
            )
    all_text = [v for _, v in texts] + list(footnotes.values())
    for i, note in enumerate(data.get("editorial_notes", [])):
        if not any(note["quote"] in text for text in all_text):
            problems.append(
                source.problem(
                    ("editorial_notes", i, "quote"),
                    "không tìm thấy đoạn trích này trong văn bản; hãy chép đúng từng ký tự, kể cả dấu cách.",
                )
            )
    return problems


def _reference_problems(repo: Repository) -> list[Problem]:
    problems = []
    names = {folder: label for folder, _, _, label in KINDS}

    def check(folder: str, record: str, path: tuple[Any, ...], target: str, ref: str | None) -> None:
        if ref is None or ref in repo.files[target]:
            return
        source = repo.sources[(folder, record)]
        import difflib

        guess = difflib.get_close_matches(ref, list(repo.table(target)), n=1, cutoff=0.6)
        hint = f" Có phải ý bạn là '{guess[0]}'?" if guess else ""
        problems.append(source.problem(path, f"không có {names[target]} '{ref}' trong data/{target}/.{hint}"))

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
                problems.extend(_month_problem(repo, cid, cal, i, j))
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


def _photo_problems(repo: Repository, data_dir: Path) -> list[Problem]:
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
    return problems


def _month_problem(repo: Repository, cid: str, cal: models.Calendar, i: int, j: int) -> list[Problem]:
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
        f"ngày kỷ niệm '{ref}' năm {cal.year} rơi vào ngày {when.day:02d}/{when.month:02d}/{cal.year}, "
        f"không thuộc tháng {months} của dòng này; hãy chuyển chủ đề sang dòng Tháng {when.month}."
    )
    return [repo.sources[("calendars", cid)].problem(("entries", i, "themes", j, "commemoration"), message)]


def _lint_problems(repo: Repository) -> list[Problem]:
    """Anniversary findings are errors unless the record carries an editorial note quoting them."""
    problems = []
    for (_folder, _record), source in repo.sources.items():
        notes = [n["quote"] for n in source.data.get("editorial_notes", [])] if isinstance(source.data, dict) else []
        for path, value in _walk(source.data):
            if not isinstance(value, str) or (path and path[0] == "editorial_notes"):
                continue
            for finding in anniversary.lint(value):
                if any(_overlaps(value, quote, finding) for quote in notes):
                    continue
                quote = finding.phrase if len(finding.phrase) <= 80 else finding.phrase[finding.phrase.rfind("(") :]
                example = '[{quote: "' + quote + '", note: "..."}]'
                message = (
                    f"{finding.message} Nếu văn bản đã ký ghi như vậy, giữ nguyên và thêm ghi chú biên tập: "
                    f"editorial_notes: {example}"
                )
                problems.append(source.problem(path, message))
    return problems


def _overlaps(text: str, quote: str, finding: anniversary.Finding) -> bool:
    start = text.find(quote)
    while start != -1:
        if start < finding.end and finding.start < start + len(quote):
            return True
        start = text.find(quote, start + 1)
    return False
