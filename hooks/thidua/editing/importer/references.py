"""What the plan refers to, matched to the catalogue in data/: the issuing body, legal documents (by
number and kind, or by name for laws and resolutions cited without a number), movements (by name,
tolerant of small wording differences), commemorations (by the dates of their anniversary phrases, or by
name). Each match says how sure it is; what has no record is returned as a drafted record."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thidua.editing.importer.matching import norm, similarity, slug

KINDS = (
    "Luật",
    "Nghị quyết",
    "Nghị định",
    "Quyết định",
    "Chỉ thị",
    "Kết luận",
    "Thông tư",
    "Kế hoạch",
    "Hướng dẫn",
    "Công văn",
)
LEGAL = re.compile(
    r"(?P<kind>Nghị quyết|Nghị định|Quyết định|Chỉ thị|Kết luận|Thông tư|Kế hoạch|Hướng dẫn|Công văn)"
    r"\s+(?:số\s*)?(?P<number>\d+(?:/\d{4})?[/-](?:[A-ZĐ][A-Za-zĐđ&]*)(?:[-/][A-ZĐ][A-Za-zĐđ&]*)*)"
    r"(?:\s+(?:ngày|Ngày)\s+(?P<d>\d{1,2})\s*/\s*(?P<m>\d{1,2})\s*/\s*(?P<y>\d{4}))?"
    r"(?:\s+của\s+(?P<issuer>[^,;.()\[]{3,80}?)(?=\s+(?:về|quy định|hướng dẫn|ban hành|phát động)\b|[,;.(\[]|$))?"
    r"(?:\s*(?:\[\^\d+\])?\s*(?P<title>(?:về|quy định|hướng dẫn|ban hành)\s[^;\[]{3,220}?)"
    r"(?=[;\[]|\.\s|\.$|,\s+(?:Luật|Nghị|Quyết|Chỉ|Kết|Thông|Kế)|$))?"
)
RANGE = re.compile(
    r"\(\s*(?:ngày\s*)?(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*[-–—]\s*(?:ngày\s*)?\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*\)"
)
YEARS = re.compile(r"\(\s*(\d{4})\s*[-–—]\s*\d{4}\s*\)")
PHRASE = re.compile(r"(\d+)\s+năm\s+((?:[Nn]gày\s+)?[^()]{3,120}?)\s*(?=\()")
QUOTED_MOVEMENT = re.compile(
    r"[Pp]hong trào(?:\s+thi đua)?(?:\s+đặc biệt)?(?:\s+với chủ đề)?\s*:?\s*[“\"]\**([^”\"]{8,200}?)\**[”\"]"
)
TITLE_MOVEMENT = re.compile(r"^(?:Phong trào|Thực hiện phong trào)(?:\s+thi đua)?\s+(?!“|\")(.{8,200})$")


@dataclass
class Match:
    id: str
    score: float  # 1.0 exact
    how: str  # Vietnamese: how it was matched, for the review list


@dataclass
class LegalRef:
    kind: str
    number: str | None
    date: str | None
    issuer: str | None
    title: str | None
    phrase: str
    match: Match | None = None
    drafted: dict | None = None


@dataclass
class Catalogue:
    """The records of data/ the importer matches against (from the validated repository)."""

    bodies: dict
    legal: dict
    movements: dict
    commemorations: dict
    provinces: list[str] = field(default_factory=list)


def catalogue_from(repo) -> Catalogue:
    provinces = sorted({b.province for b in repo.bodies.values() if b.province}, key=len, reverse=True)
    return Catalogue(repo.bodies, repo.legal, repo.movements, repo.commemorations, provinces)


def _province_in(text: str, provinces: list[str]) -> str | None:
    low = norm(text)
    return next((p for p in provinces if norm(p) in low), None)


# --- issuing body -------------------------------------------------------------------------------------

ISSUING = re.compile(
    r"((?:Ủy ban nhân dân|UBND|Sở Tư pháp|Phòng Tư pháp|Bộ Tư pháp|Sở|Phòng)[^,;.:]{0,60}?)\s+"
    r"(?:xây dựng|ban hành|phát động|triển khai|thực hiện)\s+(?:kế hoạch|Kế hoạch|phong trào)"
)


def _expand(text: str) -> str:
    return re.sub(r"\bUBND\b", "Ủy ban nhân dân", text)


def match_issuer(header: list[str], place: str | None, symbol: str | None, texts: list[str], cat: Catalogue):
    """(body id or None, how, a drafted body record or None)."""
    bodies = cat.bodies
    province = place if place and place in cat.provinces else None
    printed = next((m.group(2).title() for m in (PLACE.search(line) for line in header) if m), None)
    stated = province or _province_in(" ".join(header), cat.provinces) or printed  # the place may be a city
    if stated and stated not in cat.provinces:
        # the document names a province the catalogue does not know: never guess another one from the text
        return None, "chưa có trong danh mục", _drafted_body(header, stated) if header else None
    # 1. the printed header: "UBND TỈNH AN GIANG" over "SỞ TƯ PHÁP"
    if header:
        own = header[-1]
        parent = " ".join(header[:-1])
        province = province or _province_in(" ".join(header), cat.provinces)
        for bid, body in bodies.items():
            parent_name = bodies[body.parent].name if body.parent in bodies else ""
            same_parent = not parent or norm(_expand(parent)) in norm(_expand(parent_name))
            if norm(body.printed_name) == norm(own) and (body.province == province if province else same_parent):
                return bid, f"tên in ở góc trái: {' / '.join(header)}", None
    # 2. the sentence that says who issues the plan: "Sở Tư pháp xây dựng kế hoạch ..."
    joined = " ".join(texts)
    province = province or _province_in(joined[:3000], cat.provinces)
    for m in ISSUING.finditer(joined):
        who = _expand(m.group(1)).strip()
        who_norm = norm(who)
        best = None
        for bid, body in bodies.items():
            name = norm(body.name)
            if name == who_norm or (name.startswith(who_norm) and body.province == province):
                score = 1.0 if name == who_norm else 0.8
                if best is None or score > best[1]:
                    best = (bid, score)
        if best:
            where = f"câu “{m.group(0)}”" + (f", tỉnh {province}" if province else "")
            return best[0], where, None
    # 3. the symbol (KH-STP: Sở Tư pháp) and the province
    if symbol and province:
        part = symbol.split("-")[-1]
        kinds = {"STP": "Sở Tư pháp", "UBND": "Ủy ban nhân dân tỉnh", "TP": "Phòng Tư pháp"}
        wanted = kinds.get(part)
        for bid, body in bodies.items():
            if wanted and norm(body.name).startswith(norm(wanted)) and body.province == province:
                return bid, f"ký hiệu {symbol} và địa danh {place}", None
    if not header:
        return None, "không xác định được", None
    return None, "chưa có trong danh mục", _drafted_body(header, province)


BODY_NAMES = {
    "SỞ TƯ PHÁP": "Sở Tư pháp",
    "PHÒNG TƯ PHÁP": "Phòng Tư pháp",
    "ỦY BAN NHÂN DÂN": "Ủy ban nhân dân",
    "UỶ BAN NHÂN DÂN": "Ủy ban nhân dân",
    "UBND": "Ủy ban nhân dân",
    "BỘ TƯ PHÁP": "Bộ Tư pháp",
}
PLACE = re.compile(r"\b(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN)\s+(.+)$")
LEVELS = {
    "TỈNH": "tinh",
    "THÀNH PHỐ": "tinh",
    "HUYỆN": "huyen",
    "QUẬN": "huyen",
    "THỊ XÃ": "huyen",
    "XÃ": "xa",
    "PHƯỜNG": "xa",
    "THỊ TRẤN": "xa",
}


def _drafted_body(header: list[str], province: str | None) -> dict:
    """A body record from the printed header ("UBND TỈNH CAO BẰNG" over "SỞ TƯ PHÁP"), to be checked by a person."""
    own = re.sub(r"\s+", " ", header[-1]).strip()
    own_place = PLACE.search(own)
    place = own_place or next((m for m in (PLACE.search(line) for line in reversed(header[:-1])) if m), None)
    base = own[: own_place.start()].strip() if own_place else own
    kind = BODY_NAMES.get(base, base[:1] + base[1:].lower())
    name = f"{kind} {place.group(1).lower()} {place.group(2).title()}" if place else kind
    drafted = {"name": name, "printed_name": own, "level": LEVELS[place.group(1)] if place else "tinh"}
    if province or (place and place.group(1) in ("TỈNH", "THÀNH PHỐ")):
        drafted["province"] = province or place.group(2).title()
    return drafted


# --- legal documents ----------------------------------------------------------------------------------


def find_legal(text: str) -> list[LegalRef]:
    """Numbered legal documents in `text`, including one cited inside another's title."""
    refs = []
    for m in LEGAL.finditer(text):
        if m.group("title"):
            refs.extend(find_legal(m.group("title")))
        date = f"{m.group('y')}-{int(m.group('m')):02d}-{int(m.group('d')):02d}" if m.group("y") else None
        title = m.group("title")
        refs.append(
            LegalRef(
                m.group("kind"),
                m.group("number"),
                date,
                (m.group("issuer") or "").strip() or None,
                title.strip(" ,") if title else None,
                m.group(0).strip(),
            )
        )
    return refs


def match_legal(ref: LegalRef, cat: Catalogue, province: str | None) -> None:
    candidates = []
    for lid, doc in cat.legal.items():
        if doc.kind != ref.kind or not doc.number:
            continue
        if doc.number.replace(" ", "").upper() != ref.number.upper():
            continue
        known = _iso(doc.date)
        same_date = known is not None and ref.date is not None and known == ref.date
        other_date = known is not None and ref.date is not None and len(known) == 10 and known != ref.date
        if other_date:
            continue
        local = province is not None and province in (doc.issuer + " " + lid.replace("-", " "))
        candidates.append((same_date, local, lid))
    if candidates:
        candidates.sort(reverse=True)
        same_date, _, lid = candidates[0]
        how = "số, loại và ngày" if same_date else "số và loại (không có ngày để so)"
        ref.match = Match(lid, 1.0 if same_date else 0.9, how)
        return
    issuer = ref.issuer or "CẦN ĐIỀN: cơ quan ban hành"
    drafted = {"kind": ref.kind, "number": ref.number}
    if ref.date:
        drafted["date"] = ref.date
    drafted["issuer"] = issuer
    drafted["title"] = ref.title or "CẦN ĐIỀN: trích yếu"
    drafted["note"] = f"CẦN ĐIỀN: soát lại bản ghi do lệnh nhập kế hoạch soạn từ câu dẫn “{ref.phrase}”."
    ref.drafted = drafted
    base = slug(f"{ref.kind} {ref.number}")
    if base in cat.legal:  # the same number from another issuer or date: keep both apart
        base = (
            f"{base}-{slug(province)}"
            if province and f"{base}-{slug(province)}" not in cat.legal
            else f"{base}-{ref.date or 'moi'}"
        )
    ref.match = Match(base, 0.0, "bản ghi mới")


def _iso(date) -> str | None:
    if date is None:
        return None
    parts = [f"{date.year:04d}"] + [f"{v:02d}" for v in (date.month, date.day) if v is not None]
    return "-".join(parts)


def find_named_legal(text: str, cat: Catalogue, province: str | None) -> list[tuple[int, str, str]]:
    """Laws and resolutions the catalogue knows that are cited by name, without a number."""
    low = norm(text)
    found = []
    for lid, doc in cat.legal.items():
        phrases = []
        title = re.sub(r"\s*\(.*?\)\s*", " ", doc.title).strip()
        if norm(title).startswith(norm(doc.kind)):
            phrases.append(title)
        if doc.kind == "Nghị quyết" and doc.issuer.startswith("Đại hội"):
            phrases.append(f"Nghị quyết {doc.issuer}")
        phrases += re.findall(r"[“\"]([^”\"]+)[”\"]", doc.note or "")
        other = _province_in(doc.issuer, cat.provinces)
        if other and province and other != province:
            continue
        for phrase in phrases:
            p = norm(phrase)
            pos = low.find(p)
            if len(p) >= 12 and pos >= 0:
                after = low[pos + len(p) : pos + len(p) + 9]
                if doc.kind == "Luật" and re.match(r"\s*(năm \d{4}|sửa đổi)", after) and not re.search(r"\d{4}", p):
                    continue  # "Luật Thi đua, khen thưởng năm 2022": another record, with the year
                found.append((pos, lid, phrase))
                break
    return sorted(found)


# --- movements ----------------------------------------------------------------------------------------


QUOTE = re.compile(r"[“\"]\**([^”\"]{8,200}?)\**[”\"]")
LIST_GAP = re.compile(r"^\s*(?:,|;|và|hoặc)?\s*(?:các\s+)?(?:phong trào(?:\s+thi đua)?)?\s*:?\s*$")


def movement_names(text: str, title: bool = False) -> list[str]:
    """Quoted names after "phong trào (thi đua)", including the rest of a list: “A”, “B” và “C”."""
    names = []
    for m in QUOTED_MOVEMENT.finditer(text):
        names.append(m.group(1).strip(" ."))
        pos = m.end()
        while True:
            nxt = QUOTE.search(text, pos)
            if not nxt or not LIST_GAP.match(text[pos : nxt.start()]) and not _period_gap(text[pos : nxt.start()]):
                break
            names.append(nxt.group(1).strip(" ."))
            pos = nxt.end()
    if title and not names:
        m = TITLE_MOVEMENT.match(text.strip())
        if m:
            names.append(re.sub(r"^với chủ đề\s*", "", m.group(1)).strip(" .:"))
    return names


def match_movement(name: str, cat: Catalogue, province: str | None) -> Match | None:
    best = None
    for mid, mov in cat.movements.items():
        score = similarity(name, mov.name)
        other = _province_in(mov.name + " " + (mov.description or "") + " " + (mov.launched_by or ""), cat.provinces)
        if other and province and other != province:
            score -= 0.15
        if best is None or score > best.score:
            best = Match(mid, score, "")
    if best is None or best.score < 0.72:
        return None
    best.how = "trùng tên" if best.score >= 0.999 else f"tên gần giống ({round(best.score * 100)} %)"
    return best


def _period_gap(gap: str) -> bool:
    """giai đoạn 2019 - 2025,"""
    return bool(
        re.match(
            r"^\s*(?:giai đoạn\s+\d{4}\s*[-–]\s*\d{4}|\(\d{4}\s*[-–]\s*\d{4}\))?\s*[,;]?\s*(?:và\s+)?"
            r"(?:phong trào(?:\s+thi đua)?)?\s*$",
            gap,
        )
    )


# --- commemorations -----------------------------------------------------------------------------------


def find_commemorations(text: str, cat: Catalogue, province: str | None) -> list[tuple[int, Match | None, str, tuple]]:
    """(position, match or None, phrase, (day, month, year) or ()) for each anniversary phrase and name."""
    found = []
    for m in RANGE.finditer(text):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        before = text[max(0, m.start() - 140) : m.start()]
        phrase_m = list(PHRASE.finditer(before + "("))
        phrase = phrase_m[-1].group(2).strip() if phrase_m else before[-60:].strip()
        hit = None
        for cid, c in cat.commemorations.items():
            if c.lunar or (c.day, c.month) != (d, mo):
                continue
            if c.base_year == y:
                hit = Match(cid, 1.0, f"ngày {d}/{mo}/{y}")
                break
            if c.base_year is None and similarity(phrase, c.name) > 0.6:
                hit = Match(cid, 0.8, f"ngày {d}/{mo} và tên")
        if hit is None:
            hit = _by_name(phrase, cat, province)
        found.append((m.start(), hit, phrase, (d, mo, y)))
    for m in YEARS.finditer(text):
        y = int(m.group(1))
        before = text[max(0, m.start() - 140) : m.start()]
        for cid, c in cat.commemorations.items():
            if c.year_only and c.base_year == y:
                found.append((m.start(), Match(cid, 1.0, f"năm {y}"), before[-60:].strip(), ()))
    low = norm(text)
    for cid, c in cat.commemorations.items():
        name = norm(c.name)
        pos = low.find(name)
        if len(name) >= 10 and pos >= 0 and not (c.province and province and c.province != province):
            found.append((pos, Match(cid, 1.0, "tên ngày kỷ niệm"), c.name, ()))
    return sorted(found, key=lambda f: f[0])


def _by_name(phrase: str, cat: Catalogue, province: str | None) -> Match | None:
    best = None
    for cid, c in cat.commemorations.items():
        if c.province and province and c.province != province:
            continue
        score = similarity(re.sub(r"^(kỷ niệm|chào mừng)\s+", "", norm(phrase)), c.name)
        if best is None or score > best.score:
            best = Match(cid, score, f"tên gần giống ({round(score * 100)} %)")
    return best if best and best.score >= 0.8 else None
