"""The draft plan, in the project's plan format: the parsed parts with their references resolved, the
phases and deadlines read from the text, units named in the responsibilities, a monthly propaganda table
made a calendar, and every decision a person should confirm collected for the review list."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thidua.editing.importer import references as refs
from thidua.editing.importer.blocks import Table
from thidua.editing.importer.lint import findings, month_of
from thidua.editing.importer.matching import norm, slug
from thidua.editing.importer.structure import Node, Parsed, label_of

ORDINALS = {"nhất": 1, "một": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6}
PHASE_TITLE = re.compile(r"^(?:\*+)?Đợt\s+(?:thi đua\s+)?(?:thứ\s+(\w+)|(\d+)|([IVX]+))\b", re.I)
DATE = r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
SPAN = re.compile(
    rf"[Tt]ừ\s+(?:ngày\s+|tháng\s+)?(?:(đầu năm)|{DATE})\s*(?:đến|[-–—])\s*(?:ngày\s+)?"
    rf"(?:(kết thúc năm|cuối năm|hết năm)|{DATE})"
)
DEADLINE = re.compile(
    rf"(?:trước|chậm nhất(?:\s+là)?|hạn chót|không quá|hạn cuối)\s*(?:\*+)?\s*(?:ngày|Ngày)?\s*{DATE}"
    rf"(?P<more>(?:\s*\([^)]*\))?(?:\s*(?:và|,)\s*(?:ngày\s*)?\d{{1,2}}\s*/\s*\d{{1,2}}\s*/\s*\d{{4}}(?:\s*\([^)]*\))?)*)"
)
IN_MONTH = re.compile(r"\btrong tháng\s+(\d{1,2})\s*/\s*(\d{4})")
ANY_DATE = re.compile(DATE)
MENTION = re.compile(r"\bđợt\s+(?:thi đua\s+)?(?:thứ\s+(nhất|hai|ba|tư|năm)|(\d))\b", re.I)
ORGANISATION = re.compile(
    r"^(?:Văn phòng|Phòng|Sở|Các|Hội đồng|Trưởng|Thủ trưởng|Công chức|Cán bộ|Ban|Trung tâm|UBND|Ủy ban|Công đoàn"
    r"|Chi bộ|Đảng ủy|Thanh tra|Cục|Chi cục|Lãnh đạo|Giám đốc|Tổ|Đơn vị|Từng|Mỗi)\b"
)
ACTOR = re.compile(
    r"^(.{3,100}?)\s+(?:tiến hành|gửi|thực hiện|tổ chức|xây dựng|báo cáo|đăng ký|chủ động|phối hợp|tham mưu)\b"
)
RESPONSIBLE = re.compile(r"^(.{3,160}?)\s+(?:có trách nhiệm|chịu trách nhiệm)\b")
RESPONSIBILITY_SECTION = re.compile(r"TRÁCH NHIỆM|TỔ CHỨC THỰC HIỆN|PHÂN CÔNG|Trách nhiệm", re.I)
MONTHS = re.compile(r"Tháng\s+(\d{1,2})", re.I)
YEAR_ROUND = re.compile(r"^(Trong năm|Cả năm|Hằng tháng|Hàng tháng|Thường xuyên)", re.I)
ATTACHMENT = re.compile(r"(Mẫu\s+(?:số\s+)?\d+\s*[-–:.]?\s*[^;()]{5,160}?)(?=\s*;|\s*\)|$)")


@dataclass
class Review:
    """One thing a person should confirm: what was decided, and where in the YAML (a path)."""

    path: tuple
    message: str
    node: dict | None = None  # a body node the message is about: its path is found when the YAML is written


@dataclass
class Draft:
    plan: dict
    records: dict[tuple[str, str], dict] = field(default_factory=dict)  # (folder, id) → drafted record
    calendar: tuple[str, dict] | None = None
    review: list[Review] = field(default_factory=list)
    suggested_id: str = ""


def build(parsed: Parsed, cat: refs.Catalogue, source_kind: str) -> Draft:
    draft = Draft(plan={})
    review = draft.review
    texts = [parsed.subject, *parsed.preamble] + [t for n in parsed.body for t in _texts(n)] + parsed.closing
    year = _year(parsed, texts)
    issuer, how, drafted_body = refs.match_issuer(parsed.header, parsed.place, parsed.symbol, texts, cat)
    province = cat.bodies[issuer].province if issuer in cat.bodies else parsed.place
    if issuer is None:
        issuer = (
            slug(drafted_body["name"].replace("Sở Tư pháp tỉnh", "Sở Tư pháp")) if drafted_body else "can-dien-co-quan"
        )
        if drafted_body:
            draft.records[("bodies", issuer)] = drafted_body | {"note": "CẦN ĐIỀN: soát lại cấp, cơ quan chủ quản."}
            review.append(
                Review(("document", "issuer"), f"cơ quan ban hành chưa có trong danh mục: đã soạn bodies/{issuer}.yml")
            )
        else:
            review.append(
                Review(("document", "issuer"), "không xác định được cơ quan ban hành: ghi mã trong data/bodies/")
            )
    elif not parsed.header:
        review.append(Review(("document", "issuer"), f"cơ quan ban hành đoán từ {how}: {cat.bodies[issuer].name}"))
    document = {"type": parsed.doc_type}
    if parsed.symbol is not None:
        document["number"] = parsed.number or ""
        document["symbol"] = parsed.symbol
    document["issuer"] = issuer
    if parsed.place:
        document["place"] = parsed.place
    if parsed.date:
        document["date"] = parsed.date
    document["subject"] = parsed.subject
    plan = draft.plan
    plan["draft"] = True
    plan["year"] = year
    plan["document"] = document
    theme = _theme(parsed)
    if theme:
        plan["theme"] = theme
    body = [_convert(n, ()) for n in parsed.body] or [{"text": "CẦN ĐIỀN"}]
    # legal documents, in order of first mention; those of the preamble (and its footnotes) are the bases
    pre_text = " ".join(parsed.preamble) + " " + " ".join(_footnotes_of(" ".join(parsed.preamble), parsed.footnotes))
    rest_text = _ordered_text(parsed)
    bases = _legal(pre_text, cat, province, draft, "legal_bases")
    cites = [x for x in _legal(rest_text, cat, province, draft, "cites") if x not in bases]
    if bases:
        plan["legal_bases"] = bases
    if cites:
        plan["cites"] = cites
    for item in review:  # ("cites", "<id>") → the line of that id in the list
        if len(item.path) == 2 and item.path[0] in ("legal_bases", "cites") and isinstance(item.path[1], str):
            for key, ids in (("legal_bases", bases), ("cites", cites)):
                if item.path[1] in ids:
                    item.path = (key, ids.index(item.path[1]))
    # movements: on the node that names one, and the plan's list in order of mention
    movements: list[str] = []
    _link_movements(body, parsed.body, cat, province, movements, draft, inherited=False)
    for text in parsed.preamble + parsed.closing:
        for name in refs.movement_names(text):
            hit = _movement(name, text, cat, province, draft)
            if hit and hit.id not in movements:
                movements.append(hit.id)
    if movements:
        plan["movements"] = movements
    # phases, then commemorations outside the phases
    phases = _phases(body, parsed.body, cat, province, year, review)
    outside = " ".join(
        [*parsed.preamble, *parsed.closing]
        + [t for n, d in zip(parsed.body, body, strict=True) for t in _texts_outside_phases(n, d)]
    )
    comms = _commemorations(outside, cat, province, draft, ("commemorations",))
    if comms:
        plan["commemorations"] = comms
    if parsed.preamble:
        plan["preamble"] = parsed.preamble
    plan["body"] = body
    draft.suggested_id = _plan_id(year, issuer, parsed.subject)
    _calendar(plan, parsed, cat, province, year, issuer, draft)
    if parsed.closing:
        plan["closing"] = parsed.closing
    footnotes = _used_footnotes(plan, parsed.footnotes, review)
    if footnotes:
        plan["footnotes"] = footnotes
    if phases:
        plan["phases"] = phases
    deadlines = _deadlines(body, year, review)
    if deadlines:
        plan["deadlines"] = deadlines
    plan["signer"] = _signer(parsed, review)
    plan["recipients"] = parsed.recipients or [{"items": ["CẦN ĐIỀN"]}]
    if not parsed.recipients:
        review.append(Review(("recipients",), "không đọc được phần “Nơi nhận”: hãy chép lại từ văn bản"))
    attachments = _attachments(parsed)
    if attachments:
        plan["attachments"] = attachments
    for line in parsed.leftovers:
        review.append(Review(("recipients",), f"dòng ở phần cuối văn bản chưa xếp được: «{line[:80]}»"))
    notes = _editorial_notes(plan)
    if notes:
        plan["editorial_notes"] = [n for n, _ in notes]
        for i, (_, message) in enumerate(notes):
            review.append(Review(("editorial_notes", i, "note"), message))
    plan["source"] = {
        "docx": "Tệp Word (.docx) của văn bản đã ký, nhập bằng lệnh make import-plan.",
        "pdf": "Tệp PDF của văn bản đã ký (lớp chữ), nhập bằng lệnh make import-plan.",
    }.get(source_kind, "Bản sao điện tử của văn bản (chuyển từ tệp PDF/Word), nhập bằng lệnh make import-plan.")
    for text, why in parsed.guesses:
        path = _path_of_text(plan, text)
        review.append(Review(path, f"ghép hoặc tách dòng theo phỏng đoán ({why})"))
    if draft.calendar:
        calendar = draft.calendar[1]
        cal_notes = _editorial_notes(calendar)
        if cal_notes:
            calendar["editorial_notes"] = [n for n, _ in cal_notes]
            for _, message in cal_notes:
                review.append(Review(("body",), f"lịch tuyên truyền: {message}"))
        for entry in draft.calendar[1]["entries"]:
            for theme in entry["themes"]:
                mentioned = [("commemorations", ref) for ref in theme.pop("_mentions", [])]
                for plural, ref in [*mentioned, ("movements", theme.get("movement"))]:
                    if ref and ref not in plan.get(plural, []):
                        plan.setdefault(plural, []).append(ref)
    return draft


def _texts(node: Node):
    for n in node.walk():
        for t in (n.title, n.text):
            if t:
                yield t
        if n.table:
            for row in n.table.rows:
                for cell in row:
                    yield from cell


def _year(parsed: Parsed, texts: list[str]) -> int:
    if parsed.date:
        return int(parsed.date[:4])
    m = re.search(r"năm\s+(\d{4})", parsed.subject)
    if m:
        return int(m.group(1))
    years = re.findall(r"\b(20\d{2})\b", " ".join(texts[:5]))
    return int(max(set(years), key=years.count)) if years else 2026


def _theme(parsed: Parsed) -> str | None:
    for text in [*parsed.preamble] + [t for n in parsed.body for t in _texts(n)]:
        m = re.search(r"chủ đề\s*:?\s*[“\"]\**([^”\"]+?)\**[”\"]", text)
        if m:
            return m.group(1).strip()
    return None


def _convert(node: Node, path: tuple) -> dict:
    out: dict = {}
    if node.label:
        out["label"] = node.label
    if node.title:
        out["title"] = node.title
    if node.text:
        out["text"] = node.text
    if node.table is not None:
        out["text"] = "\n".join("; ".join(" ".join(c) for c in row if c) for row in node.table.rows)
        out["_table"] = node.table
    if node.children:
        out["children"] = [_convert(c, ()) for c in node.children]
    return out


def _footnotes_of(text: str, footnotes: dict[str, str]) -> list[str]:
    return [footnotes[n] for n in re.findall(r"\[\^(\d+)\]", text) if n in footnotes]


def _ordered_text(parsed: Parsed) -> str:
    """Body and closing text with each footnote placed where it is referenced."""
    parts = []
    for n in parsed.body:
        for t in _texts(n):
            parts.append(t)
            parts.extend(_footnotes_of(t, parsed.footnotes))
    parts += parsed.closing
    return " ".join(parts)


def _legal(text: str, cat, province, draft: Draft, key: str) -> list[str]:
    found: list[tuple[int, str]] = []
    for ref in refs.find_legal(text):
        refs.match_legal(ref, cat, province)
        pos = text.find(ref.phrase)
        found.append((pos, ref.match.id))
        if ref.drafted and ("legal", ref.match.id) not in draft.records:
            draft.records[("legal", ref.match.id)] = ref.drafted
            draft.review.append(
                Review(
                    (key, ref.match.id),
                    f"văn bản “{ref.phrase[:90]}” chưa có trong danh mục: đã soạn legal/{ref.match.id}.yml",
                )
            )
        elif ref.match.score < 1.0 and not ref.drafted:
            draft.review.append(
                Review(
                    (key, ref.match.id), f"“{ref.phrase[:70]}” ghép với legal/{ref.match.id}.yml theo {ref.match.how}"
                )
            )
    for pos, lid, _ in refs.find_named_legal(text, cat, province):
        found.append((pos, lid))
    ids: list[str] = []
    for _, lid in sorted(found, key=lambda f: f[0]):
        if lid not in ids:
            ids.append(lid)
    return ids


def _movement(name: str, text: str, cat, province, draft: Draft) -> refs.Match | None:
    """The catalogue's movement of that name, or a drafted record for a quoted name the catalogue lacks."""
    hit = refs.match_movement(name, cat, province)
    quoted = re.search(rf"(chủ đề\s*:?\s*)?[“\"]\**{re.escape(name)}", text)
    if hit is not None or not quoted or quoted.group(1):
        return hit  # an unquoted title, or the year's theme ("với chủ đề “...”"), is not enough for a record
    mid = slug(name)
    if ("movements", mid) not in draft.records and mid not in cat.movements:
        record: dict = {"name": name}
        period = re.search(rf"{re.escape(name)}\**[”\"]\s*(?:giai đoạn\s*)?\(?(\d{{4}})\s*[-–]\s*(\d{{4}})", text)
        if period:
            record["from_year"], record["to_year"] = int(period.group(1)), int(period.group(2))
        local = province and norm(province) in norm(name)
        record["scope"] = "dia-phuong" if local else "nganh"
        record["description"] = (
            f"CẦN ĐIỀN: soát lại bản ghi do lệnh nhập kế hoạch soạn (phạm vi, cơ quan phát động) từ “{name}”."
        )
        draft.records[("movements", mid)] = record
        draft.review.append(
            Review(("movements",), f"phong trào “{name[:70]}” chưa có trong danh mục: đã soạn movements/{mid}.yml")
        )
    return refs.Match(mid, 1.0, "bản ghi mới")


def _link_movements(
    dicts: list[dict], nodes: list[Node], cat, province, movements, draft: Draft, inherited: bool
) -> None:
    review = draft.review
    for d, node in zip(dicts, nodes, strict=True):
        names = refs.movement_names(node.title, title=True) if node.title else []
        own = None
        for name in names:
            hit = _movement(name, node.title, cat, province, draft)
            if hit:
                own = own or hit
                if hit.id not in movements:
                    movements.append(hit.id)
        text_hits = []
        for name in refs.movement_names(node.text or ""):
            hit = _movement(name, node.text, cat, province, draft)
            if hit:
                text_hits.append(hit)
                if hit.id not in movements:
                    movements.append(hit.id)
        if own is None and not inherited and len({h.id for h in text_hits}) == 1 and not node.children:
            own = text_hits[0]
        if own is not None:
            d["movement"] = own.id
            if own.score < 0.999:
                review.append(Review(("body",), f"phong trào ghép với movements/{own.id}.yml theo {own.how}", d))
        _link_movements(
            d.get("children", []), node.children, cat, province, movements, draft, inherited or own is not None
        )


def _subtree_text(d: dict) -> str:
    parts = [d.get("title", ""), d.get("text", "")]
    for c in d.get("children", []):
        parts.append(_subtree_text(c))
    return " ".join(p for p in parts if p)


def _phases(dicts, nodes, cat, province, year, review) -> list[dict]:
    phases = []
    for d in _all(dicts):
        head = d.get("title") or ""
        if not head and d.get("label", "").startswith("Đợt"):
            head = d["label"] + " " + (d.get("text") or "")
        m = PHASE_TITLE.match(head) or (
            PHASE_TITLE.match(d.get("label", "") + " ") if d.get("label", "").startswith("Đợt") else None
        )
        if not m:
            continue
        word = (m.group(1) or "").lower()
        n = ORDINALS.get(word) or (int(m.group(2)) if m.group(2) else None) or len(phases) + 1
        text = _subtree_text(d)
        span = SPAN.search(text)
        if not span:
            review.append(Review(("body",), f"“{head[:60]}”: không đọc được thời gian bắt đầu, kết thúc của đợt", d))
            continue
        g = span.groups()
        start = f"{year}-01-01" if g[0] else f"{g[3]}-{int(g[2]):02d}-{int(g[1]):02d}"
        end = f"{year}-12-31" if g[4] else f"{g[7]}-{int(g[6]):02d}-{int(g[5]):02d}"
        phase = {
            "id": f"dot-{n}",
            "name": head.split(":")[0].strip("* ") if ":" in head else head.strip("* "),
            "start": start,
            "end": end,
        }
        comms = []
        for _, hit, _, _ in refs.find_commemorations(text, cat, province):
            if hit and hit.id not in comms:
                comms.append(hit.id)
        if comms:
            phase["commemorations"] = comms
        if start > end or any(p["id"] == phase["id"] for p in phases):
            continue
        d["phase"] = phase["id"]
        phases.append(phase)
    inside_phase = {id(c) for d in _all(dicts) if d.get("phase") for c in _all(d.get("children", []))}
    for d in _all(dicts):  # "Kết thúc đợt thi đua thứ nhất, ...": a paragraph about one phase
        if d.get("phase") or not d.get("text"):
            continue
        if id(d) in inside_phase:
            continue
        m = MENTION.search(d["text"][:60])
        if m:
            n = ORDINALS.get((m.group(1) or "").lower()) or (int(m.group(2)) if m.group(2) else None)
            if n and any(p["id"] == f"dot-{n}" for p in phases):
                d["phase"] = f"dot-{n}"
    return phases


def _all(dicts):
    for d in dicts:
        yield d
        yield from _all(d.get("children", []))


def _texts_outside_phases(node: Node, d: dict):
    if d.get("phase"):
        return
    for t in (node.title, node.text):
        if t:
            yield t
    for cn, cd in zip(node.children, d.get("children", []), strict=True):
        yield from _texts_outside_phases(cn, cd)


def _commemorations(text: str, cat, province, draft: Draft, path) -> list[str]:
    ids = []
    for _, hit, phrase, dmy in refs.find_commemorations(text, cat, province):
        if hit is None:
            if not dmy:
                continue
            d, m, y = dmy
            cid = slug(phrase.removeprefix("ngày ").removeprefix("Ngày "))
            if cid in cat.commemorations or ("commemorations", cid) in draft.records:
                continue
            name = phrase[:1].upper() + phrase[1:]
            draft.records[("commemorations", cid)] = {
                "name": name,
                "day": d,
                "month": m,
                "base_year": y,
                "count": "nam",
                "scope": "dia-phuong" if province and norm(province) in norm(phrase) else "toan-quoc",
                **({"province": province} if province and norm(province) in norm(phrase) else {}),
                "note": f"CẦN ĐIỀN: soát lại bản ghi do lệnh nhập kế hoạch soạn từ “{phrase} ({d}/{m}/{y} …)”.",
            }
            draft.review.append(
                Review(path, f"ngày kỷ niệm “{phrase}” chưa có trong danh mục: đã soạn commemorations/{cid}.yml")
            )
            hit = refs.Match(cid, 0.0, "bản ghi mới")
        elif hit.score < 1.0:
            draft.review.append(Review(path, f"“{phrase[:60]}” ghép với commemorations/{hit.id}.yml theo {hit.how}"))
        if hit.id not in ids:
            ids.append(hit.id)
    return ids


def _used_footnotes(plan: dict, footnotes: dict[str, str], review) -> dict[str, str]:
    used = []
    for text in _strings(plan):
        for n in re.findall(r"\[\^(\d+)\]", text):
            if n not in used:
                used.append(n)
    out = {}
    for n in used:
        if n in footnotes:
            out[n] = footnotes[n]
    missing = [n for n in used if n not in footnotes]
    if missing:
        _strip_refs(plan, set(missing))
        review.append(
            Review(("footnotes",), f"dấu chú thích {', '.join(missing)} không có nội dung chú thích: đã bỏ dấu")
        )
    for n in footnotes:
        if n not in out:
            review.append(
                Review(("footnotes",), f"chú thích {n} không được dẫn ở đâu, chưa đưa vào: «{footnotes[n][:80]}»")
            )
    return out


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            if not k.startswith("_"):
                yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _strip_refs(value, refs_: set[str]):
    if isinstance(value, dict):
        for k, v in value.items():
            if isinstance(v, str):
                value[k] = re.sub(r"\[\^(\d+)\]", lambda m: "" if m.group(1) in refs_ else m.group(0), v)
            else:
                _strip_refs(v, refs_)
    elif isinstance(value, list):
        for i, v in enumerate(value):
            if isinstance(v, str):
                value[i] = re.sub(r"\[\^(\d+)\]", lambda m: "" if m.group(1) in refs_ else m.group(0), v)
            else:
                _strip_refs(v, refs_)


def _units(dicts: list[dict], inside: bool) -> None:
    for d in dicts:
        title = d.get("title") or ""
        here = inside or bool(RESPONSIBILITY_SECTION.search(title))
        m = RESPONSIBLE.match(d.get("text") or "")
        if m and len(m.group(1)) <= 160 and not label_of(m.group(1)):
            d["unit"] = m.group(1).strip()
        elif (
            inside
            and ORGANISATION.match(title)
            and not d.get("phase")
            and d.get("label")
            and not RESPONSIBILITY_SECTION.search(title)
        ):
            d["unit"] = re.sub(r"^Trách nhiệm của\s+", "", title).rstrip(":").strip()
        _units(d.get("children", []), here)


def _deadlines(body: list[dict], year: int, review) -> list[dict]:
    _units(body, False)
    out = []

    def visit(nodes, unit, parent_text):
        for d in nodes:
            unit_here = d.get("unit", unit)
            for key in ("title", "text"):
                text = d.get(key)
                if not text:
                    continue
                for m in DEADLINE.finditer(text):
                    dates = [m.groups()[:3]] + ANY_DATE.findall(m.group("more") or "")
                    sentence = _sentence(text, m.start())
                    what = sentence
                    if re.match(r"^\**\s*(Thời gian|Thời hạn)[^:]{0,20}:", sentence) and parent_text:
                        what = _sentence(parent_text, 0)
                    for dd, mm, yy in dates:
                        out.append(
                            {
                                "date": f"{yy}-{int(mm):02d}-{int(dd):02d}",
                                "what": _short(what),
                                "who": unit_here or _who(what) or _who(text) or "CẦN ĐIỀN",
                            }
                        )
                for m in IN_MONTH.finditer(text):
                    if re.search(r"gửi|báo cáo|nộp|đăng ký", text, re.I):
                        out.append(
                            {
                                "date": f"{m.group(2)}-{int(m.group(1)):02d}",
                                "what": _short(_sentence(text, m.start())),
                                "who": unit_here or _who(_sentence(text, m.start())) or _who(text) or "CẦN ĐIỀN",
                            }
                        )
            visit(d.get("children", []), unit_here, d.get("text") or d.get("title"))

    visit(body, None, None)
    for i, item in enumerate(out):
        review.append(Review(("deadlines", i, "what"), f"thời hạn {item['date']}: soát lại việc gì, ai thực hiện"))
    return out


def _who(sentence: str) -> str | None:
    """ "Các đơn vị tiến hành sơ kết ...": the organisation a sentence starts with, before its verb."""
    m = ACTOR.match(sentence.replace("**", ""))
    return m.group(1).strip(" ,") if m and ORGANISATION.match(m.group(1)) else None


def _sentence(text: str, pos: int) -> str:
    start = max(text.rfind(". ", 0, pos), text.rfind("; ", 0, pos))
    end_candidates = [i for i in (text.find(". ", pos), text.find("; ", pos)) if i >= 0]
    end = min(end_candidates) + 1 if end_candidates else len(text)
    return text[start + 1 if start >= 0 else 0 : end].strip(" *;").strip()


def _short(text: str) -> str:
    text = text.replace("**", "").strip()
    return text[:1].upper() + text[1:] if text else "CẦN ĐIỀN"


def _signer(parsed: Parsed, review) -> dict:
    s = parsed.signer
    out = {}
    for key in ("prefix", "on_behalf_of"):
        if s.get(key):
            out[key] = s[key]
    if out.get("prefix") not in (None, "KT.", "TM.", "Q.", "TL.", "TUQ."):
        out.pop("prefix")
    out["title"] = s.get("title") or "CẦN ĐIỀN"
    out["name"] = s.get("name") or "CẦN ĐIỀN"
    if "CẦN ĐIỀN" in (out["title"], out["name"]):
        review.append(Review(("signer",), "không đọc được người ký (chức vụ, họ tên): hãy chép lại từ văn bản"))
    return out


def _attachments(parsed: Parsed) -> list[dict]:
    out = []
    for text in [t for n in parsed.body for t in _texts(n)] + parsed.closing:
        if "kèm theo" not in text:
            continue
        for m in ATTACHMENT.finditer(text):
            title = m.group(1).strip()
            if title not in [a["title"] for a in out]:
                out.append({"title": title})
    return out


def _editorial_notes(plan: dict) -> list[tuple[dict, str]]:
    out = []
    seen = set()
    for text in _strings({k: v for k, v in plan.items() if k != "editorial_notes"}):
        for phrase, message in findings(text):
            if phrase in seen:
                continue
            seen.add(phrase)
            note = {"quote": phrase, "note": f"Văn bản đã ký ghi như vậy; {message}"}
            out.append(
                (
                    note,
                    f"số năm hoặc ngày kỷ niệm không khớp ({message}); "
                    "đã thêm ghi chú biên tập, hãy soát lại lời ghi chú",
                )
            )
    return out


def _path_of_text(plan: dict, text: str) -> tuple:
    for i, p in enumerate(plan.get("preamble", [])):
        if p == text:
            return ("preamble", i)

    def visit(nodes, path):
        for i, d in enumerate(nodes):
            here = path + (i,)
            for key in ("text", "title"):
                if d.get(key) and (d[key] in text or text.endswith(d[key])):
                    return here + (key,)
            found = visit(d.get("children", []), here + ("children",))
            if found:
                return found
        return None

    return visit(plan.get("body", []), ("body",)) or ("body",)


def _plan_id(year: int, issuer: str, subject: str) -> str:
    office = issuer.replace("so-tu-phap-", "stp-").replace("uy-ban-nhan-dan-", "ubnd-")
    low = norm(subject)
    topics = [
        ("điển hình tiên tiến", "dien-hinh-tien-tien"),
        ("phát động phong trào thi đua", "phat-dong-thi-dua"),
        ("phát động thi đua", "phat-dong-thi-dua"),
        ("khen thưởng", "khen-thuong"),
        ("tuyên truyền", "tuyen-truyen"),
    ]
    topic = next((t for phrase, t in topics if phrase in low), None)
    if topic is None:
        stop = {
            "ke",
            "hoach",
            "ve",
            "va",
            "cua",
            "nam",
            "tren",
            "dia",
            "ban",
            "nganh",
            "tu",
            "phap",
            "trong",
            "phong",
            "trao",
        }
        words = [w for w in slug(subject, 200).split("-") if w not in stop and not w.isdigit()]
        topic = "-".join(words[:4]) or "ke-hoach"
    return f"{year}-{office}-{topic}"


def _calendar(plan: dict, parsed: Parsed, cat, province, year: int, issuer: str, draft: Draft) -> None:
    """A monthly propaganda table (Tháng · Chủ đề · Nội dung) becomes a calendar; other tables stay as text."""
    for path, d in _with_tables(plan["body"], ("body",)):
        table: Table = d.pop("_table")
        rows = table.rows
        header = [" ".join(c).lower() for c in rows[0]] if rows else []
        if header and "tháng" in header[0] and len(header) >= 2:
            entries = _entries(rows[1:], cat, province, year, draft)
            if entries:
                cal_id = f"{issuer}-{year}"
                title = _heading_above(plan["body"], path) or f"Lịch tuyên truyền năm {year}"
                d.clear()
                d["calendar"] = cal_id
                draft.calendar = (
                    cal_id,
                    {"draft": True, "title": title, "year": year, "issuer": issuer, "plan": "", "entries": entries},
                )
                draft.review.append(
                    Review(
                        path + ("calendar",),
                        f"bảng tuyên truyền hằng tháng đã thành lịch calendars/{cal_id}.yml ({len(entries)} dòng): "
                        "soát lại chủ đề, ngày kỷ niệm",
                    )
                )
                continue
        draft.review.append(
            Review(
                path + ("text",),
                "một bảng được chép thành các dòng chữ (mỗi hàng một dòng, các ô cách nhau bằng “;”): soát lại",
            )
        )
        d["text"] = re.sub(r"\n", " / ", d["text"])


def _with_tables(nodes: list[dict], path: tuple):
    for i, d in enumerate(nodes):
        if "_table" in d:
            yield path + (i,), d
        yield from _with_tables(d.get("children", []), path + (i, "children"))


def _heading_above(body: list[dict], path: tuple) -> str | None:
    node, title = {"children": body}, None
    for step in path[1:]:
        if step == "children":
            continue
        node = node["children"][step]
        if node.get("title"):
            title = node["title"]
    return title


def _split_items(text: str) -> list[str]:
    """A cell's bullets: a cell that starts with "-" is cut at each " - " before a capital letter, outside
    quotes (not at the dash of "kinh tế - xã hội", a date range or a quoted name)."""
    text = text.strip()
    if not text:
        return []
    if text[0] not in "-–•":
        return [text]
    cuts, depth = [], 0
    for i, ch in enumerate(text):
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch in "-–•" and depth == 0 and (i == 0 or text[i - 1] == " "):
            rest = text[i + 1 :].lstrip()
            if rest[:1].isupper() or rest[:1] in '“"(':
                cuts.append(i)
    parts = [text[a + 1 : b].strip() for a, b in zip(cuts, cuts[1:] + [len(text)], strict=True)]
    return [p for p in parts if p]


def _entries(rows, cat, province, year, draft) -> list[dict]:
    entries: list[dict] = []
    for row in rows:
        cells = [" ".join(c).strip() for c in row] + ["", "", ""]
        label, themes, contents = cells[0], cells[1], cells[2]
        if label:
            entry: dict = {"label": label}
            months = [int(x) for x in MONTHS.findall(label) if 1 <= int(x) <= 12]
            if months:
                entry["months"] = months
            elif YEAR_ROUND.match(label):
                entry["year_round"] = True
            else:
                continue
            entry["themes"], entry["contents"] = [], []
            entries.append(entry)
        elif not entries:
            continue
        entry = entries[-1]
        for text in _split_items(themes):
            theme = {"text": text}
            hits = [h for _, h, _, dmy in refs.find_commemorations(text, cat, province) if h and h.score >= 0.8]
            hits.sort(key=lambda h: not h.how.startswith("ngày"))  # a date in brackets names it best
            for hit in hits:
                month = month_of(cat.commemorations[hit.id], year)
                if entry.get("year_round") or month in entry.get("months", []):
                    theme["commemoration"] = hit.id
                    break
            theme["_mentions"] = [h.id for h in hits]
            for name in refs.movement_names(text):
                hit = _movement(name, text, cat, province, draft)
                if hit:
                    theme["movement"] = hit.id
                    break
            entry["themes"].append(theme)
        items = _split_items(contents)
        if items and contents.strip()[:1] not in "-–•" and entry["contents"] and items[0][:1].islower():
            entry["contents"][-1] = f"{entry['contents'][-1]} {items.pop(0)}"
        entry["contents"].extend(items)
    out = []
    for e in entries:
        if not e["themes"]:
            continue
        if not e["contents"]:
            del e["contents"]
        out.append(e)
    return out
