"""Load every data file, validate it, and build the records the pages are made from.

All problems in all files are collected before anything is reported, so an editor sees every mistake at
once. Nothing is returned unless the whole data set is valid: the build publishes everything or nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from thidua.check import crosschecks
from thidua.check.record_checks import anniversary_problems, check_record
from thidua.check.schema import validate
from thidua.records.kinds import KINDS, WITH_FILE
from thidua.records.repository import Repository
from thidua.serve.record_cache import RecordCache
from thidua.source.problems import DataError, Problem
from thidua.source.yamlsource import Source, parse

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# a file's parsed source (None if unreadable), its record (None if invalid) and its problems
Loaded = tuple[Source | None, Any, list[Problem]]


def load_repository(
    data_dir: Path, root: Path | None = None, include_drafts: bool = False, cache: RecordCache | None = None
) -> Repository:
    """Load `data_dir`; raise `DataError` with every problem if anything is wrong."""
    root = root or data_dir.parent
    repo = Repository()
    problems: list[Problem] = []
    for folder, kind, build, label in KINDS:
        repo.files[folder] = set()
        for record_id, path in _files(data_dir / folder, root, problems):
            repo.files[folder].add(record_id)
            name = _display(path, root)
            raw = path.read_bytes()
            parse = partial(_load_record, folder, kind, build, label, record_id, name, raw)
            source, record, found = cache.get(folder, name, raw, parse) if cache else parse()
            problems.extend(found)
            if record is not None:
                repo.sources[(folder, record_id)] = source
                repo.table(folder)[record_id] = record
    problems.extend(crosschecks.references(repo))
    problems.extend(crosschecks.photos(repo, data_dir))
    if problems:
        raise DataError(problems)
    if not include_drafts:
        repo.plans = {k: v for k, v in repo.plans.items() if not v.draft}
        repo.calendars = {k: v for k, v in repo.calendars.items() if not v.draft}
        repo.profiles = {k: v for k, v in repo.profiles.items() if v.publishable}
    return repo


def _load_record(
    folder: str, kind: str, build: Callable[..., Any], label: str, record_id: str, name: str, raw: bytes
) -> Loaded:
    source, problems = parse(raw, name)
    if source is None or problems:
        return source, None, problems
    data, problems = validate(kind, source)
    problems = problems or check_record(source, data, kind, label)
    if problems:
        return source, None, problems
    args = (record_id, name, data) if folder in WITH_FILE else (record_id, data)
    return source, build(*args), anniversary_problems(source, kind)


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
