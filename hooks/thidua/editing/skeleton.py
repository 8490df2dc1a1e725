"""A new data file for an editor to complete (`make new-plan ID=...`): every field of the record type's
schema, explained in Vietnamese comments, with placeholder values that pass `make check`.

Plans, calendars and profiles start as drafts, so an unfinished one is never published. Catalogue
records (bodies, movements, commemorations, legal documents) have no draft flag: every placeholder, in
every type, carries the marker "CẦN ĐIỀN" ("to be filled in"), which the pre-commit hook refuses in the
catalogue folders, so that a placeholder is not published by mistake.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from pathlib import Path

from thidua.check.loader import ID
from thidua.editing.yamltemplate import create_file, render_yaml
from thidua.records.kinds import KINDS

PLACEHOLDER = "CẦN ĐIỀN"  # "to be filled in"
FOLDERS: dict[str, str] = {kind: folder for folder, kind, _, _ in KINDS}
DRAFTS = frozenset({"plan", "calendar", "profile"})  # types with a draft flag: a skeleton starts as a draft
NEEDS_YEAR = frozenset({"plan", "calendar", "profile"})
NEEDS_OFFICE = frozenset({"plan", "calendar"})
PROFILE_KINDS = ("tap-the", "ca-nhan")


class SkeletonError(ValueError):
    """A request the editor has to correct; the message is Vietnamese and says how."""


@dataclass(frozen=True)
class Request:
    kind: str  # a schema name: plan, profile, calendar, movement, commemoration, legal, body
    record_id: str
    year: int | None = None
    office: str | None = None  # issuer of a plan or calendar, an id in data/bodies/
    profile_kind: str = "tap-the"

    @property
    def command(self) -> str:
        """The make command that creates this file, quoted in the file's header."""
        parts = [f"make new-{self.kind} ID={self.record_id}"]
        if self.year is not None:
            parts.append(f"YEAR={self.year}")
        if self.office is not None:
            parts.append(f"OFFICE={self.office}")
        if self.kind == "profile" and self.profile_kind != "tap-the":
            parts.append(f"KIND={self.profile_kind}")
        return " ".join(parts)


def path_for(data_dir: Path, request: Request) -> Path:
    return data_dir / FOLDERS[request.kind] / f"{request.record_id}.yml"


def render_skeleton(request: Request, today: dt.date) -> str:
    """The YAML text of the new file; `today` is only the suggested publication date of a profile."""
    return render_yaml(
        f"new_{request.kind}.yml.j2",
        id=request.record_id,
        year=request.year,
        office=request.office,
        profile_kind=request.profile_kind,
        today=today.isoformat(),
        command=request.command,
        schema=request.kind,
        draft=request.kind in DRAFTS,
    )


def create_skeleton(data_dir: Path, request: Request, today: dt.date) -> Path:
    """Create the file and return its path; `FileExistsError` if a file with that id is already there."""
    _check(data_dir, request)
    path = path_for(data_dir, request)
    other = path.with_suffix(".yaml")
    if other.exists():
        raise FileExistsError(other)
    try:
        create_file(path, render_skeleton(request, today))
    except FileExistsError:
        raise FileExistsError(path) from None
    return path


def _check(data_dir: Path, request: Request) -> None:
    kind = request.kind
    if kind not in FOLDERS:
        raise SkeletonError(f"không có loại '{kind}'; chọn một trong: {', '.join(FOLDERS)}.")
    if not ID.match(request.record_id):
        raise SkeletonError(
            f"mã '{request.record_id}' không hợp lệ: viết thường, không dấu, nối bằng '-', ví dụ: so-tu-phap-an-giang."
        )
    if kind in NEEDS_YEAR and request.year is None:
        raise SkeletonError(f"thiếu năm: make new-{kind} ID={request.record_id} YEAR=<năm>, ví dụ YEAR=2025.")
    if request.year is not None and not 1800 <= request.year <= 2200:
        raise SkeletonError(f"năm {request.year} không hợp lệ (từ 1800 đến 2200).")
    if kind == "profile" and request.profile_kind not in PROFILE_KINDS:
        raise SkeletonError(f"loại điển hình '{request.profile_kind}' không có; chọn KIND=tap-the hoặc KIND=ca-nhan.")
    if kind in NEEDS_OFFICE:
        _check_office(data_dir, request)


def _check_office(data_dir: Path, request: Request) -> None:
    bodies = sorted(p.stem for p in (data_dir / "bodies").glob("*.y*ml"))
    example = f"make new-{request.kind} ID={request.record_id} YEAR={request.year} OFFICE=<mã cơ quan>"
    if request.office is None:
        raise SkeletonError(f"thiếu cơ quan ban hành: {example} (mã là tên tệp trong data/bodies/).")
    if request.office not in bodies:
        guess = difflib.get_close_matches(request.office, bodies, n=1, cutoff=0.6)
        hint = f" Có phải ý bạn là '{guess[0]}'?" if guess else ""
        raise SkeletonError(f"không có cơ quan '{request.office}' trong data/bodies/.{hint}")
