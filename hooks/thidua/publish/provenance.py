"""When the data last changed, from git: the only time a reproducible build may print or stamp."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path


def last_change(data_dir: Path, fallback_year: int) -> dt.datetime:
    """The commit time of the last commit touching `data_dir`; 1 January of `fallback_year` outside git."""
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", "."],
            cwd=data_dir,
            capture_output=True,
            text=True,
            check=True,
            timeout=20,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        out = ""
    if out:
        return dt.datetime.fromtimestamp(int(out), tz=dt.UTC)
    return dt.datetime(fallback_year, 1, 1, tzinfo=dt.UTC)
