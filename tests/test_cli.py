"""`make check` (python -m thidua check): the same validation as the build, for editors."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import run_cli

ROOT = Path(__file__).parents[1]


def check(data: Path, cwd: Path) -> subprocess.CompletedProcess:
    return run_cli("check", str(data), cwd=cwd)


def test_real_data_passes() -> None:
    result = check(ROOT / "data", ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Dữ liệu hợp lệ: 5 plans, 1 calendars")


def test_injected_error_is_reported_at_its_file_and_line(data_copy: Path) -> None:
    path = data_copy / "plans" / "2022-stp-bac-kan-phat-dong-thi-dua.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("year:"))
    lines[number] = "year: 2022\nyaer: 2022\n"
    path.write_text("".join(lines), encoding="utf-8")
    result = check(data_copy, data_copy.parent)
    assert result.returncode == 1
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"data/plans/2022-stp-bac-kan-phat-dong-thi-dua.yml:{number + 2}:1: error: trường 'yaer'")
    assert "Có phải ý bạn là 'year'?" in first
