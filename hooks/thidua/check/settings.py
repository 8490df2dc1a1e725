"""The site's settings (mkdocs.yml, `extra.thidua`), checked against the data before anything is built."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from thidua.records.repository import Repository
from thidua.records.site import Site
from thidua.source.problems import DataError, Problem
from thidua.source.yamlsource import parse

OWNER_SETTING = ("extra", "thidua", "owner")
OWNER_FIELD = ".".join(OWNER_SETTING)


def site_settings(repo: Repository, owner: str | None, as_of: dt.date, config_file: Path, root: Path) -> Site:
    """The site of `owner` (a body id in data/bodies/); a located Vietnamese error if there is no such body."""
    if owner and owner in repo.bodies:
        return Site(repo.bodies[owner], as_of)
    raise DataError([_owner_problem(repo, owner, config_file, root)])


def _owner_problem(repo: Repository, owner: str | None, config_file: Path, root: Path) -> Problem:
    try:
        shown = str(config_file.resolve().relative_to(root.resolve()))
    except ValueError:
        shown = str(config_file)
    line, column = 1, 1
    try:
        source, _ = parse(config_file.read_bytes(), shown)
    except OSError:
        source = None
    if source is not None:  # the setting's own line, or the nearest written parent (extra:, thidua:)
        line, column = source.where(OWNER_SETTING)
    offices = sorted(b for b in repo.bodies if b.startswith("so-"))
    example = offices[0] if offices else next(iter(sorted(repo.bodies)), "so-tu-phap-an-giang")
    if not owner:
        what = "chưa ghi cơ quan sở hữu trang (mã một tệp trong data/bodies/)"
    else:
        what = f'không có cơ quan mã "{owner}" trong data/bodies/'
    choices = ", ".join(f'"{b}"' for b in offices[:8]) or "(chưa có tệp nào)"
    return Problem(
        shown,
        line,
        column,
        f"{what}. Cần: mã (tên tệp, bỏ .yml) của cơ quan sở hữu trang, ví dụ: owner: {example}. "
        f"Các Sở đang có: {choices}.",
        OWNER_FIELD,
    )
