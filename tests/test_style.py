"""The code stays formatted and lint-clean (ruff, configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def ruff(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *args, "hooks", "tests"], cwd=ROOT, capture_output=True, text=True
    )


def test_lint() -> None:
    result = ruff("check")
    assert result.returncode == 0, result.stdout


def test_format() -> None:
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout
