"""Command line: `python -m thidua check [DATA_DIR]` validates the data as the build does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .draft import DraftExists, write_draft
from .problems import DataError
from .repository import load_repository


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="thidua", description="Công cụ dữ liệu Thi đua, khen thưởng")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="kiểm tra toàn bộ dữ liệu (như khi xây dựng trang)")
    check.add_argument("data", nargs="?", default="data", type=Path)
    draft = sub.add_parser("calendar-draft", help="tạo bản nháp lịch tuyên truyền năm sau từ danh mục ngày kỷ niệm")
    draft.add_argument("year", type=int)
    draft.add_argument("--office", help="mã cơ quan (data/bodies/); mặc định: cơ quan của lịch mới nhất")
    draft.add_argument("--data", default="data", type=Path)
    args = parser.parse_args(argv)
    if args.command == "calendar-draft":
        return _calendar_draft(args.data.resolve(), args.year, args.office)
    data = args.data.resolve()
    try:
        repo = load_repository(data, root=Path.cwd(), include_drafts=True)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{len(repo.table(k))} {k}"
        for k in ("plans", "calendars", "profiles", "movements", "commemorations", "legal", "bodies")
    )
    print(f"Dữ liệu hợp lệ: {counts}.")
    return 0


def _calendar_draft(data: Path, year: int, office: str | None) -> int:
    try:
        repo = load_repository(data, root=Path.cwd(), include_drafts=True)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    if office is None:
        newest = max(repo.calendars.values(), key=lambda c: (c.year, c.id), default=None)
        if newest is None:
            print("Chưa có lịch nào để biết cơ quan; hãy ghi OFFICE=<mã cơ quan>.", file=sys.stderr)
            return 2
        office = newest.issuer
    if office not in repo.bodies:
        print(f"Không có cơ quan '{office}' trong data/bodies/.", file=sys.stderr)
        return 2
    try:
        path = write_draft(repo, data, year, office)
    except DraftExists as err:
        print(
            f"{_relative(err.args[0])} đã có; không ghi đè. Xóa hoặc đổi tên tệp đó nếu muốn tạo lại.", file=sys.stderr
        )
        return 1
    print(f"Đã tạo bản nháp {_relative(path)}. Hãy bổ sung nội dung rồi chạy make check.")
    return 0


def _relative(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()
