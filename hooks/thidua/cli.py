"""Command line: `python -m thidua check [DATA_DIR]` validates the data as the build does."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .problems import DataError
from .repository import load_repository


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="thidua", description="Công cụ dữ liệu Thi đua, khen thưởng")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="kiểm tra toàn bộ dữ liệu (như khi xây dựng trang)")
    check.add_argument("data", nargs="?", default="data", type=Path)
    args = parser.parse_args(argv)
    data = args.data.resolve()
    try:
        repo = load_repository(data, root=Path.cwd(), include_drafts=True)
    except DataError as err:
        print(err.report(), file=sys.stderr)
        return 1
    counts = ", ".join(
        f"{len(repo.table(k))} {k}" for k in ("plans", "calendars", "movements", "commemorations", "legal", "bodies")
    )
    print(f"Dữ liệu hợp lệ: {counts}.")
    return 0
