"""Checks of one record that a JSON Schema cannot express: real dates, ordered periods, unique phase ids,
footnotes that are defined and used, editorial notes that quote the text, the anniversary lint."""

from __future__ import annotations

import calendar
import re

from thidua.check.schema import fields
from thidua.derive import anniversary
from thidua.derive.dates import DateTextError, PartialDate
from thidua.source.problems import Problem
from thidua.source.yamlsource import Source, walk

DATE_KEYS = {"date", "start", "end", "from", "until", "published"}
FOOTNOTE_REF = re.compile(r"\[\^(\w+)\]")


def check_record(source: Source, data: dict, kind: str, label: str) -> list[Problem]:
    """Checks a schema cannot express: real dates, ordered periods, unique ids, footnotes, quoted notes."""
    problems = []
    for path, value in walk(data):
        if path and path[-1] in DATE_KEYS and isinstance(value, str):
            try:
                PartialDate.parse(value)
            except DateTextError as err:
                problems.append(source.problem(path, str(err)))
    if problems:
        return problems
    for key, start, end in (("phases", "start", "end"),):
        for i, item in enumerate(data.get(key, [])):
            if PartialDate.parse(item[end]) < PartialDate.parse(item[start]):
                problems.append(
                    source.problem((key, i, end), f"ngày kết thúc {item[end]} sớm hơn ngày bắt đầu {item[start]}.")
                )
    if (
        isinstance(data.get("from_year"), int)
        and isinstance(data.get("to_year"), int)
        and data["to_year"] < data["from_year"]
    ):
        problems.append(
            source.problem(("to_year",), f"năm kết thúc {data['to_year']} sớm hơn năm bắt đầu {data['from_year']}.")
        )
    if "from" in data and "until" in data and PartialDate.parse(data["until"]) < PartialDate.parse(data["from"]):
        problems.append(
            source.problem(("until",), f"ngày chấm dứt {data['until']} sớm hơn ngày bắt đầu {data['from']}.")
        )
    if isinstance(data.get("day"), int) and isinstance(data.get("month"), int):
        # Solar dates are checked against a leap year (29/02 exists); lunar months have at most 30 days.
        last = 30 if data.get("lunar") else calendar.monthrange(2024, data["month"])[1]
        if data["day"] > last:
            reckoning = "âm lịch" if data.get("lunar") else "dương lịch"
            problems.append(
                source.problem(
                    ("day",), f"tháng {data['month']} {reckoning} không có ngày {data['day']} (nhiều nhất {last} ngày)."
                )
            )
    period = data.get("period")
    if isinstance(period, dict) and period["to"] < period["from"]:
        problems.append(
            source.problem(("period", "to"), f"năm kết thúc {period['to']} sớm hơn năm bắt đầu {period['from']}.")
        )
    seen: dict[str, int] = {}
    for i, phase in enumerate(data.get("phases", [])):
        if phase["id"] in seen:
            problems.append(
                source.problem(("phases", i, "id"), f"mã đợt '{phase['id']}' trùng với phases[{seen[phase['id']]}].")
            )
        seen.setdefault(phase["id"], i)
    texts = [(p, v) for p, v in walk(data) if isinstance(v, str) and p and p[0] not in ("footnotes", "editorial_notes")]
    footnotes = data.get("footnotes", {})
    has_footnotes = "footnotes" in fields(kind)
    used = set()
    for path, text in texts:
        for ref in FOOTNOTE_REF.findall(text):
            used.add(ref)
            if not has_footnotes:
                problems.append(
                    source.problem(
                        path,
                        f"chú thích [^{ref}] chỉ dùng được trong kế hoạch; tệp {label} không có phần footnotes, "
                        f"hãy bỏ [^{ref}] và ghi nội dung chú thích ngay trong câu.",
                    )
                )
            elif ref not in footnotes:
                problems.append(
                    source.problem(
                        path,
                        f"chú thích [^{ref}] chưa có nội dung; thêm vào footnotes, "
                        f'ví dụ: footnotes: {{"{ref}": "..."}}',
                    )
                )
    for ref in footnotes:
        if ref not in used:
            problems.append(
                source.problem(
                    ("footnotes", ref), f"chú thích {ref} không được dẫn ở đâu; ghi [^{ref}] vào chỗ cần chú thích."
                )
            )
    all_text = [v for _, v in texts] + list(footnotes.values())
    for i, note in enumerate(data.get("editorial_notes", [])):
        if not any(note["quote"] in text for text in all_text):
            problems.append(
                source.problem(
                    ("editorial_notes", i, "quote"),
                    "không tìm thấy đoạn trích này trong văn bản; hãy chép đúng từng ký tự, kể cả dấu cách.",
                )
            )
    return problems


def anniversary_problems(source: Source, kind: str) -> list[Problem]:
    """The anniversary lint over every text of a record: findings are errors unless the record carries an
    editorial note quoting them."""
    problems = []
    notes = [n["quote"] for n in source.data.get("editorial_notes", [])] if isinstance(source.data, dict) else []
    can_note = "editorial_notes" in fields(kind)
    for path, value in walk(source.data):
        if not isinstance(value, str) or (path and path[0] == "editorial_notes"):
            continue
        for finding in anniversary.lint(value):
            if any(_overlaps(value, quote, finding) for quote in notes):
                continue
            if not can_note:  # the editors' own text, not a signed document: correct it
                problems.append(source.problem(path, f"{finding.message} Hãy sửa lại số năm."))
                continue
            quote = finding.phrase if len(finding.phrase) <= 80 else finding.phrase[finding.phrase.rfind("(") :]
            example = '[{quote: "' + quote + '", note: "..."}]'
            message = (
                f"{finding.message} Nếu văn bản đã ký ghi như vậy, giữ nguyên và thêm ghi chú biên tập: "
                f"editorial_notes: {example}"
            )
            problems.append(source.problem(path, message))
    return problems


def _overlaps(text: str, quote: str, finding: anniversary.Finding) -> bool:
    start = text.find(quote)
    while start != -1:
        if start < finding.end and finding.start < start + len(quote):
            return True
        start = text.find(quote, start + 1)
    return False
