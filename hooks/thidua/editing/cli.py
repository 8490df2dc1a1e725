"""Command line: `python -m thidua check [DATA_DIR]` validates the data as the build does; `calendar-draft`
and `new` write files for editors to complete, `import-plan` drafts a plan from its signed Word, PDF or text
file (never over an existing file)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from thidua.check.loader import load_repository
from thidua.editing.draft import DraftExists, write_draft
from thidua.editing.importer import ImportProblem, import_plan
from thidua.editing.importer.review import report
from thidua.editing.skeleton import DRAFTS, FOLDERS, PROFILE_KINDS, Request, SkeletonError, create_skeleton
from thidua.source.problems import DataError


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="thidua", description="Công cụ dữ liệu Thi đua, khen thưởng")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="kiểm tra toàn bộ dữ liệu (như khi xây dựng trang)")
    check.add_argument("data", nargs="?", default="data", type=Path)
    draft = sub.add_parser("calendar-draft", help="tạo bản nháp lịch tuyên truyền năm sau từ danh mục ngày kỷ niệm")
    draft.add_argument("year", type=int)
    draft.add_argument("--office", help="mã cơ quan (data/bodies/); mặc định: cơ quan của lịch mới nhất")
    draft.add_argument("--data", default="data", type=Path)
    new = sub.add_parser("new", help="tạo tệp mẫu có chú thích cho một bản ghi mới; không ghi đè tệp đã có")
    new.add_argument("kind", choices=list(FOLDERS))
    new.add_argument("id", nargs="?", help="mã bản ghi, cũng là tên tệp")
    new.add_argument("--year", type=int)
    new.add_argument("--office", help="mã cơ quan ban hành (data/bodies/), với kế hoạch và lịch")
    new.add_argument("--profile-kind", choices=PROFILE_KINDS, default="tap-the")
    new.add_argument("--data", default="data", type=Path)
    imp = sub.add_parser("import-plan", help="nhập kế hoạch đã ký (.docx, .pdf có chữ, văn bản) thành bản nháp")
    imp.add_argument("file", type=Path)
    imp.add_argument("--id", help="mã kế hoạch (tên tệp); mặc định: mã đề xuất theo năm, cơ quan, nội dung")
    imp.add_argument("--data", default="data", type=Path)
    args = parser.parse_args(argv)
    if args.command == "import-plan":
        return _import_plan(args.file.expanduser(), args.data.resolve(), args.id)
    if args.command == "calendar-draft":
        return _calendar_draft(args.data.resolve(), args.year, args.office)
    if args.command == "new":
        return _new(args.data.resolve(), Request(args.kind, args.id or "", args.year, args.office, args.profile_kind))
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


def _new(data: Path, request: Request) -> int:
    if not request.record_id:
        print(f"Thiếu mã: make new-{request.kind} ID=<mã>, ví dụ ID=so-tu-phap-an-giang.", file=sys.stderr)
        return 2
    try:
        path = create_skeleton(data, request, dt.date.today())  # the suggested publication date of a profile
    except SkeletonError as err:
        print(f"Không tạo được tệp: {err}", file=sys.stderr)
        return 2
    except FileExistsError as err:
        print(
            f"{_relative(Path(err.args[0]))} đã có; không ghi đè. Chọn mã khác, hoặc xóa hay đổi tên tệp đó.",
            file=sys.stderr,
        )
        return 1
    if request.kind in DRAFTS:
        hint = "Tệp là bản nháp (draft: true); điền xong thì đổi thành false để đăng."
    else:
        hint = "Loại tệp này không có bản nháp: điền xong rồi mới lưu vào git."
    print(f'Đã tạo {_relative(path)}. Thay các chỗ "CẦN ĐIỀN" bằng nội dung thật rồi chạy make check. {hint}')
    return 0


def _import_plan(source: Path, data: Path, plan_id: str | None) -> int:
    try:
        result = import_plan(source, data, plan_id)
    except ImportProblem as err:
        print(f"{source}: lỗi: {err}", file=sys.stderr)
        print("Chưa ghi tệp nào.", file=sys.stderr)
        return 1
    print(report(result.review, [_relative(p) for p in result.written]))
    return 0
