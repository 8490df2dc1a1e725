"""Load every data file, validate it, and build the records the pages are made from.

All problems in all files are collected before anything is reported, so an editor sees every mistake at
once. Nothing is returned unless the whole data set is valid: the build publishes everything or nothing.
"""

from __future__ import annotations

import difflib
import hashlib
import os
import re
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import Any

from thidua.check import crosschecks
from thidua.check.record_checks import anniversary_problems, check_record
from thidua.check.schema import validate
from thidua.records.kinds import KINDS, LABELS, WITH_FILE
from thidua.records.repository import Repository
from thidua.serve.record_cache import RecordCache
from thidua.source.problems import DataError, Problem
from thidua.source.yamlsource import Source, parse, size_problem

ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# Folders under data/ that hold no records and are documented as such (data/README.md): the profiles' photos
# and the guide's own images. Everything else under data/ is either read or reported.
ATTACHMENTS = {("profiles", "photos"), ("huong-dan",)}
# Files that operating systems, git and `make synthetic` (its marker) leave in folders: nothing an editor wrote.
SYSTEM_FILES = {".gitkeep", ".gitignore", ".ds_store", "thumbs.db", "desktop.ini", ".thidua-synthetic"}

# a file's parsed source (None if unreadable), its record (None if invalid) and its problems
Loaded = tuple[Source | None, Any, list[Problem]]


def load_repository(
    data_dir: Path, root: Path | None = None, include_drafts: bool = False, cache: RecordCache | None = None
) -> Repository:
    """Load `data_dir`; raise `DataError` with every problem if anything is wrong."""
    root = root or data_dir.parent
    repo = Repository()
    problems: list[Problem] = []
    read = hashlib.blake2b(digest_size=16)
    if not data_dir.is_dir():  # a mistyped DATA= would otherwise publish a site without any record
        message = f"không có thư mục dữ liệu {_display(data_dir, root)}; hãy kiểm tra DATA=<thư mục>."
        raise DataError([Problem(_display(data_dir, root), 1, 1, message)])
    for folder, kind, build, label in KINDS:
        repo.files[folder] = set()
        for record_id, path in _files(data_dir / folder, root, problems):
            repo.files[folder].add(record_id)
            name = _display(path, root)
            raw = _read(path, name, problems)
            if raw is None:
                continue
            read.update(b"%s\0%d\0%s" % (name.encode("utf-8"), len(raw), raw))
            parse = partial(_guarded, _load_record, folder, kind, build, label, record_id, name, raw)
            source, record, found = cache.get(folder, name, raw, parse) if cache else parse()
            problems.extend(found)
            if record is not None:
                repo.sources[(folder, record_id)] = source
                repo.table(folder)[record_id] = record
    problems.extend(_stray_files(data_dir, root))
    for check in (crosschecks.references, crosschecks.duplicates):
        problems.extend(_checked(check, repo))
    problems.extend(_checked(crosschecks.photos, repo, data_dir))
    if problems:
        raise DataError(problems)
    repo.digest = read.hexdigest()
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


UNEXPECTED = (
    "lỗi không lường trước khi kiểm tra ({error}); đây là lỗi của chương trình, không phải của dữ liệu. Hãy báo "
    "cho bộ phận kỹ thuật, gửi kèm tệp này và thông báo này."
)


def _guarded(load: Callable[..., Loaded], *args: Any) -> Loaded:
    """A file's checks, with any error they were not written for told as a problem of that file: an editor
    never sees a traceback, and the other files are still checked."""
    try:
        return load(*args)
    except Exception as err:  # noqa: BLE001 - every failure becomes a located message
        name = args[5]
        return None, None, [Problem(name, 1, 1, UNEXPECTED.format(error=f"{type(err).__name__}: {err}"[:200]))]


def _checked(check: Callable[..., list[Problem]], repo: Repository, *args: Any) -> list[Problem]:
    try:
        return check(repo, *args)
    except Exception as err:  # noqa: BLE001
        where = next(iter(sorted(source.file for source in repo.sources.values())), "data")
        return [Problem(where, 1, 1, UNEXPECTED.format(error=f"{check.__name__}, {type(err).__name__}: {err}"[:200]))]


def _read(path: Path, name: str, problems: list[Problem]) -> bytes | None:
    try:
        too_big = size_problem(path.stat().st_size, name)  # told before reading: the file may not fit in memory
        if too_big:
            problems.append(too_big)
            return None
        return path.read_bytes()
    except OSError as err:
        problems.append(Problem(name, 1, 1, f"không đọc được tệp ({err.strerror or err}); hãy kiểm tra quyền đọc tệp."))
        return None


def _stray_files(data_dir: Path, root: Path) -> list[Problem]:
    """Every file under data/ that no record folder reads (a plan saved in plans/2025/, a file left at the top
    of data/, a folder named "ke-hoach/"), so that nothing an editor saved is skipped without a word."""
    folders = [folder for folder, _, _, _ in KINDS]
    problems = []
    for current, dirs, files in os.walk(data_dir):
        here = Path(current).relative_to(data_dir).parts
        dirs[:] = sorted(d for d in dirs if (*here, d) not in ATTACHMENTS)
        if len(here) == 1 and here[0] in folders:
            continue  # a record folder's own files: read by _files, which reports what it cannot read
        for file in sorted(files):
            if file.lower() in SYSTEM_FILES or (not here and file.lower() == "readme.md"):
                continue
            name = _display(Path(current) / file, root)
            problems.append(Problem(name, 1, 1, _stray_advice(here, folders)))
    return problems


def _stray_advice(here: tuple[str, ...], folders: list[str]) -> str:
    listing = ", ".join(f"{f}/" for f in folders)
    if not here:
        return f"tệp nằm ngay trong data/ nên không được đọc; hãy chuyển tệp vào thư mục của loại bản ghi: {listing}"
    if here[0] in folders:
        sub = "/".join(here[1:])
        return (
            f"tệp nằm trong thư mục con {sub}/ nên không được đọc: mỗi {LABELS[here[0]]} phải nằm ngay trong "
            f"data/{here[0]}/. Hãy chuyển tệp lên data/{here[0]}/ (tên tệp đã phân biệt các bản ghi, ví dụ "
            "2025-stp-an-giang-phat-dong-thi-dua.yml)."
        )
    guess = difflib.get_close_matches(here[0], folders, n=1, cutoff=0.6)
    hint = f" Có phải ý bạn là data/{guess[0]}/?" if guess else ""
    return (
        f"thư mục data/{here[0]}/ không phải thư mục dữ liệu nên tệp này không được đọc.{hint} Các thư mục dữ liệu: "
        f"{listing}"
    )


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
        if path.name.lower() in SYSTEM_FILES or path.name.lower() == "readme.md" or path.is_dir():
            continue  # sub-folders: attachments (profiles/photos/) or told by _stray_files
        name = _display(path, root)
        if path.suffix not in (".yml", ".yaml"):
            problems.append(
                Problem(name, 1, 1, "chỉ nhận tệp .yml trong thư mục dữ liệu; hãy đổi tên hoặc chuyển tệp này đi.")
            )
            continue
        if path.name.startswith("."):
            problems.append(
                Problem(
                    name,
                    1,
                    1,
                    f"tệp ẩn '{path.name}' (tên bắt đầu bằng dấu chấm) không được đọc: nếu đây là một bản ghi, hãy bỏ "
                    "dấu chấm ở đầu tên tệp; nếu là tệp tạm của chương trình soạn thảo, hãy xóa.",
                )
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
