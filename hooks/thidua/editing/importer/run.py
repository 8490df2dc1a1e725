"""`make import-plan FILE=...`: read a signed plan, write it as a draft plan (and the catalogue records
and calendar it needs), never over an existing file, and say what a person should confirm."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from thidua.check.loader import ID, load_repository
from thidua.editing.importer import assemble, readers, references, review, structure, yamlwriter
from thidua.editing.importer.errors import ImportProblem
from thidua.editing.yamltemplate import create_file
from thidua.source.problems import DataError


@dataclass
class Result:
    plan_id: str
    written: list[Path] = field(default_factory=list)
    review: list[str] = field(default_factory=list)  # "plans/x.yml:12: ..." lines, Vietnamese


def draft_plan(path: Path, data_dir: Path):
    """The parsed document and the draft (nothing written): for the command, the tests and the benchmark."""
    document = readers.read(path)
    parsed = structure.parse(document)
    try:
        repo = load_repository(data_dir, root=data_dir.parent, include_drafts=True)
    except DataError as err:
        raise ImportProblem(
            f"dữ liệu trong {data_dir} đang có lỗi, chưa nhập được (lệnh cần danh mục đúng để đối chiếu). "
            f"Chạy make check và sửa trước:\n{err.report()}"
        ) from None
    cat = references.catalogue_from(repo)
    return document, parsed, assemble.build(parsed, cat, document.kind)


def import_plan(path: Path, data_dir: Path, plan_id: str | None = None) -> Result:
    _, _, draft = draft_plan(path, data_dir)
    plan_id = plan_id or draft.suggested_id
    if not ID.match(plan_id):
        raise ImportProblem(
            f"mã '{plan_id}' không hợp lệ: viết thường, không dấu, nối bằng '-', "
            "ví dụ ID=2026-stp-an-giang-phat-dong-thi-dua."
        )
    plans = data_dir / "plans"
    for suffix in (".yml", ".yaml"):
        if (plans / f"{plan_id}{suffix}").exists():
            raise ImportProblem(
                f"data/plans/{plan_id}{suffix} đã có; không ghi đè. Nếu đây là văn bản khác, chọn mã khác: "
                f"make import-plan FILE={path} ID={plan_id}-2"
            )
    files: list[tuple[Path, str, dict[tuple, int], str]] = []
    notes: list[str] = []
    for (folder, rid), record in draft.records.items():
        target = data_dir / folder / f"{rid}.yml"
        if target.exists():
            notes.append(f"{folder}/{rid}.yml đã có: giữ nguyên tệp đó, kế hoạch dẫn đến nó")
            continue
        text, where = yamlwriter.dump(clean(record))
        files.append((target, text, where, f"{folder}/{rid}.yml"))
    if draft.calendar:
        cal_id, calendar = draft.calendar
        base, n = cal_id, 2
        while (data_dir / "calendars" / f"{cal_id}.yml").exists():
            cal_id, n = f"{base}-{n}", n + 1
        calendar["plan"] = plan_id
        _retarget_calendar(draft.plan["body"], base, cal_id)
        text, where = yamlwriter.dump(clean(calendar))
        files.append((data_dir / "calendars" / f"{cal_id}.yml", text, where, f"calendars/{cal_id}.yml"))
    text, where = yamlwriter.dump(clean(draft.plan))
    plan_name = f"plans/{plan_id}.yml"
    files.append((plans / f"{plan_id}.yml", text, where, plan_name))
    written: list[Path] = []
    try:
        for target, content, _, _ in files:
            create_file(target, content)
            written.append(target)
        load_repository(data_dir, root=data_dir.parent, include_drafts=True)
    except FileExistsError as err:
        _remove(written)
        raise ImportProblem(f"{err.args[0]} vừa được tạo bởi việc khác; không ghi đè. Chạy lại lệnh.") from None
    except DataError as err:
        _remove(written)
        raise ImportProblem(
            "bản nháp chưa qua được kiểm tra nên chưa ghi tệp nào (lỗi của lệnh nhập, xin báo lại kèm tệp):\n"
            + err.report()
        ) from None
    result = Result(plan_id, written)
    result.review = review.lines(draft.review, draft.plan, where, plan_name) + [f"{plan_name}:1: {n}" for n in notes]
    for _, _, _, name in files[:-1]:
        result.review.append(f"{name}:1: tệp mới do lệnh soạn: soát lại rồi bỏ chữ “CẦN ĐIỀN” (nếu có)")
    return result


def _retarget_calendar(nodes: list[dict], old: str, new: str) -> None:
    for d in nodes:
        if d.get("calendar") == old:
            d["calendar"] = new
        _retarget_calendar(d.get("children", []), old, new)


def clean(value):
    """Every text in NFC with single spaces; private keys (a leading "_") dropped."""
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items() if not str(k).startswith("_")}
    if isinstance(value, list):
        return [clean(v) for v in value]
    if isinstance(value, str):
        return re.sub(r"\s+", " ", unicodedata.normalize("NFC", value)).strip()
    return value


def _remove(paths: list[Path]) -> None:
    for p in paths:
        p.unlink(missing_ok=True)
