"""Checks of one record that a JSON Schema cannot express: real dates, ordered periods, unique phase ids,
footnotes that are defined and used, editorial notes that quote the text, deadlines after the plan's own date,
no HTML or script links typed into a text, the anniversary lint. A mistake inside a long text is told at
its own line (`Source.problem_in`)."""

from __future__ import annotations

import calendar
import re

from thidua.check.schema import fields
from thidua.derive import anniversary
from thidua.derive.dates import DateTextError, PartialDate, short
from thidua.source.problems import Problem
from thidua.source.yamlsource import Source, walk

DATE_KEYS = {"date", "start", "end", "from", "until", "published"}
FOOTNOTE_REF = re.compile(r"\[\^(\w+)\]")
# Markdown links (inline, reference and automatic) to a script or an embedded document instead of a web page.
UNSAFE_LINK = re.compile(
    r"(?:\]\(\s*<?|^\s*\[[^\]]*\]:\s*<?|<)\s*((?:javascript|vbscript|data|file)\s*:)", re.IGNORECASE | re.MULTILINE
)
# An HTML tag or comment typed into a text. Tags that run code or load something count even unclosed.
HTML_TAG = re.compile(
    r"<!--|<\s*/?\s*([a-z][a-z0-9]*)\b(?:\s[^<>]*)?/?>|<\s*(script|img|iframe|svg|object|embed|style|link|meta)\b",
    re.IGNORECASE,
)
ACTIVE_TAGS = {"script", "iframe", "svg", "object", "embed", "style", "link", "meta", "form", "input", "button"}
EVENT_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


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
    problems.extend(_deadlines(source, data))
    problems.extend(markup_problems(source))
    texts = [(p, v) for p, v in walk(data) if isinstance(v, str) and p and p[0] not in ("footnotes", "editorial_notes")]
    footnotes = data.get("footnotes", {})
    has_footnotes = "footnotes" in fields(kind)
    used = set()
    for path, text in texts:
        for match in FOOTNOTE_REF.finditer(text):
            ref = match.group(1)
            used.add(ref)
            if not has_footnotes:
                problems.append(
                    source.problem_in(
                        path,
                        text,
                        match.start(),
                        f"chú thích [^{ref}] chỉ dùng được trong kế hoạch; tệp {label} không có phần footnotes, "
                        f"hãy bỏ [^{ref}] và ghi nội dung chú thích ngay trong câu.",
                    )
                )
            elif ref not in footnotes:
                problems.append(
                    source.problem_in(
                        path,
                        text,
                        match.start(),
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
                problems.append(source.problem_in(path, value, finding.start, f"{finding.message} Hãy sửa lại số năm."))
                continue
            quote = finding.phrase if len(finding.phrase) <= 80 else finding.phrase[finding.phrase.rfind("(") :]
            example = '[{quote: "' + quote + '", note: "..."}]'
            message = (
                f"{finding.message} Nếu văn bản đã ký ghi như vậy, giữ nguyên và thêm ghi chú biên tập: "
                f"editorial_notes: {example}"
            )
            problems.append(source.problem_in(path, value, finding.start, message))
    return problems


def _deadlines(source: Source, data: dict) -> list[Problem]:
    """A deadline that ends before the plan was issued is a typing mistake (most often the year), unless the
    signed document says so: then `before_plan: true` keeps it."""
    issued = data.get("document", {}).get("date") if isinstance(data.get("document"), dict) else None
    if not isinstance(issued, str):
        return []
    plan_date = PartialDate.parse(issued)
    problems = []
    for i, item in enumerate(data.get("deadlines", [])):
        due = PartialDate.parse(item["date"])
        if due.last_day() >= plan_date.first_day() or item.get("before_plan") is True:
            continue
        problems.append(
            source.problem(
                ("deadlines", i, "date"),
                f"thời hạn {short(due)} sớm hơn ngày ban hành kế hoạch ({short(plan_date)}, document.date); hãy kiểm "
                "tra lại ngày, tháng, năm. Nếu văn bản đã ký ghi đúng như vậy, giữ nguyên và thêm vào mục này dòng "
                "before_plan: true",
            )
        )
    return problems


def markup_problems(source: Source) -> list[Problem]:
    """HTML and links to scripts typed into a text: never published as such (templates escape every value, and
    the sanitiser drops script links), so refused here, with what to write instead."""
    problems = []
    for path, value in walk(source.data):
        if not isinstance(value, str) or ("<" not in value and ":" not in value):
            continue
        for match in list(UNSAFE_LINK.finditer(value))[:1]:  # one message a text: the editor fixes them all
            scheme = match.group(1).replace(" ", "").lower()
            problems.append(
                source.problem_in(
                    path,
                    value,
                    match.start(1),
                    f'liên kết tới "{scheme}" không được phép: trang chỉ nhận liên kết tới địa chỉ bắt đầu bằng '
                    "https://, http:// hoặc mailto:. Hãy ghi địa chỉ trang web, ví dụ [Cổng thông tin Sở](https://"
                    "sotuphap.angiang.gov.vn), hoặc bỏ liên kết và giữ chữ.",
                )
            )
        for match in list(HTML_TAG.finditer(value))[:1]:
            problems.append(source.problem_in(path, value, match.start(), _markup_advice(match)))
    return problems


def _markup_advice(match: re.Match) -> str:
    tag = (match.group(1) or match.group(2) or "").lower()
    shown = f"<{tag}>" if tag else "<!-- -->"
    if tag in ACTIVE_TAGS or EVENT_HANDLER.search(match.group(0)):
        return (
            f"không gõ mã HTML ({shown}) vào nội dung: trang không chạy mã trong dữ liệu, đoạn này sẽ hiện ra thành "
            "chữ. Hãy xóa đoạn mã, chỉ giữ lại chữ cần đăng."
        )
    if tag == "img":
        return (
            "không chèn ảnh bằng thẻ <img>: ảnh của điển hình ghi trong phần photos (file: photos/ten-anh.jpg, alt: "
            "mô tả ảnh), xem data/README.md. Hãy xóa thẻ <img>."
        )
    if not tag:
        return (
            "không gõ chú thích HTML (<!-- -->) vào nội dung; ghi chú cho người biên tập đặt ở dòng riêng bắt đầu "
            "bằng #."
        )
    return (
        f"không dùng thẻ HTML {shown} trong nội dung; hãy viết bằng Markdown: **chữ đậm**, *chữ nghiêng*, liên kết "
        "[chữ](https://...), đoạn mới cách nhau một dòng trống."
    )


def _overlaps(text: str, quote: str, finding: anniversary.Finding) -> bool:
    start = text.find(quote)
    while start != -1:
        if start < finding.end and finding.start < start + len(quote):
            return True
        start = text.find(quote, start + 1)
    return False
