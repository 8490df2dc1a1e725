"""From the common list of paragraphs to the parts of a plan: header (issuing body, số/ký hiệu, place and
date), document type and subject, preamble, the numbered body tree, closing, Nơi nhận and the signer.

Labels are read as printed ("I.", "1.", "1.1.", "a)", "-", "+"); their depth comes from the kinds of
label already open above them, and from the usual order of Vietnamese administrative documents
(Phần > I. > 1. > 1.1. > 1.1.1. > a) > - > +) for a kind not seen yet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from thidua.editing.importer.blocks import Document, Paragraph, Table
from thidua.editing.importer.errors import ImportProblem

LABEL = re.compile(
    r"^(?P<label>Phần\s+[IVXLC]+\b\.?|[IVXLC]+\.(?=\s)|\d{1,2}(?:\.\d{1,2})*\.(?=\s|[A-ZĐÀ-Ỹ])|[a-zđ]\)"
    r"|Đợt\s+\d+:|[-–•+](?=\s*\S)|\*(?=\s|\*))\s*(?P<rest>.*)$"
)
BULLETS = {"-": "-", "–": "-", "•": "-", "+": "+"}
DOC_TYPES = (
    "KẾ HOẠCH",
    "QUYẾT ĐỊNH",
    "BÁO CÁO",
    "THÔNG BÁO",
    "CÔNG VĂN",
    "TỜ TRÌNH",
    "CHƯƠNG TRÌNH",
    "HƯỚNG DẪN",
    "NGHỊ QUYẾT",
    "CHỈ THỊ",
    "GIẤY MỜI",
    "BIÊN BẢN",
)
NUMBER = re.compile(r"Số\s*:?\s*(\d*)\s*/\s*([A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*)")
PLACE_DATE = re.compile(
    r"^\*?(?P<place>[^,\d]{2,40}),\s*ngày\s*(?P<d>\d{1,2})?\s*tháng\s*(?P<m>\d{1,2})?\s*năm\s*(?P<y>\d{4})"
)
MOTTO = re.compile(
    r"^\**\s*(?:CỘNG H[ÒO]A XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc)\W*$|^[-_=*\s]{3,}$"
)
RECIPIENTS = re.compile(r"^\**\s*Nơi nhận\s*:?\s*\**\s*:?\s*", re.I)
SIGN_PREFIX = re.compile(r"^(KT|TM|TL|TUQ|Q)\.\s*(.*)$")
QUALIFIER = re.compile(r"^(Thời gian|Thời hạn|Hạn chót|Sản phẩm|Kết quả)\b")


@dataclass
class Node:
    label: str | None = None
    title: str | None = None
    text: str | None = None
    children: list[Node] = field(default_factory=list)
    movement: str | None = None
    phase: str | None = None
    unit: str | None = None
    calendar: str | None = None
    table: Table | None = None  # a table standing here, until it is made a calendar or text lines
    guess: str | None = None
    kind: str = ""
    rank: int = 99

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class Parsed:
    doc_type: str = "KẾ HOẠCH"
    header: list[str] = field(default_factory=list)  # issuing body lines as printed (upper case)
    number: str | None = None
    symbol: str | None = None
    place: str | None = None
    date: str | None = None
    subject: str = ""
    preamble: list[str] = field(default_factory=list)
    body: list[Node] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    footnotes: dict[str, str] = field(default_factory=dict)
    recipients: list[dict] = field(default_factory=list)
    signer: dict = field(default_factory=dict)
    attachments: list[dict] = field(default_factory=list)
    leftovers: list[str] = field(default_factory=list)  # lines of the closing block not understood
    guesses: list[tuple[str, str]] = field(default_factory=list)  # (text, why)


def label_of(text: str) -> tuple[str, str, str, int] | None:
    """(label as printed, kind, rest, rank) when the paragraph starts with a label."""
    m = LABEL.match(text)
    if not m:
        return None
    raw, rest = m.group("label").strip(), m.group("rest").strip()
    if not rest:
        return None
    if raw in BULLETS:
        label = BULLETS[raw]
        return label, label, rest, 6 if label == "-" else 7
    if raw == "*":
        return "*", "*", _fix_emphasis(rest), 5
    if raw.startswith("Phần"):
        return re.sub(r"\s+", " ", raw.rstrip(".")), "part", rest, 0
    if raw.endswith(")"):
        return raw, "letter", rest, 5
    if raw.startswith("Đợt"):
        return re.sub(r"\s+", " ", raw), "dot", rest, 5
    if re.match(r"[IVXLC]+\.$", raw):
        return raw, "roman", rest, 1
    depth = raw.count(".")
    return raw, f"num{depth}", rest, 1 + depth


def _fix_emphasis(text: str) -> str:
    """ "* Điển hình ...*" (a converter's space inside the emphasis) → "*Điển hình ...*"."""
    m = re.match(r"^\*\s+(.+?)\*$", text)
    return f"*{m.group(1)}*" if m and "*" not in m.group(1) else text


def _heading_like(rest: str, kind: str) -> bool:
    """Without bold to tell, whether a labelled paragraph is a heading (title) or a paragraph (text)."""
    if kind in ("-", "+"):
        return False
    if kind in ("part", "roman"):
        return True
    if ";" in rest or re.search(r"[.!?…]\s+\S", rest):
        return False
    if rest.endswith(":"):
        return len(rest) <= 80
    if rest.endswith("."):
        return len(rest) <= 160
    return len(rest) <= 200


def _is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def parse(doc: Document) -> Parsed:
    out = Parsed(footnotes=dict(doc.footnotes))
    blocks = doc.blocks
    if not any(isinstance(b, Paragraph) and b.bold for b in blocks):
        for b in blocks:  # a Word file with no bold at all: tell headings as in a text export
            if isinstance(b, Paragraph):
                b.bold = None
    start = _doc_type(blocks, out)
    for block in blocks[:start]:
        if isinstance(block, Paragraph):
            _header_line(block.text, out)
    i = _subject(blocks, start, out)
    end = next(
        (k for k in range(i, len(blocks)) if isinstance(blocks[k], Paragraph) and RECIPIENTS.match(blocks[k].text)),
        len(blocks),
    )
    main = blocks[i:end]
    tail = blocks[end:]
    # a signer block printed before "Nơi nhận" (right column): move it to the closing block
    signer_first = [b for b in main if isinstance(b, Paragraph) and b.column == 1]
    main = [b for b in main if not (isinstance(b, Paragraph) and b.column == 1)]
    _header_from_text(main, out)
    main = _split_closing(main, out)
    _tree(main, out)
    _closing_block(signer_first + tail, out)
    return out


def _doc_type(blocks: list, out: Parsed) -> int:
    for k, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        text = block.text.strip("* ")
        for name in DOC_TYPES:
            if text == name or text.startswith(name + " ") and not text.startswith(name + " số"):
                if name != "KẾ HOẠCH":
                    raise ImportProblem(
                        f"văn bản này là {name}, không phải KẾ HOẠCH; lệnh chỉ nhập kế hoạch. "
                        "Hãy chọn đúng tệp kế hoạch đã ký (tên loại văn bản “KẾ HOẠCH” in ở giữa trang)."
                    )
                out.doc_type = name
                return k
    raise ImportProblem(
        "không tìm thấy tên loại văn bản “KẾ HOẠCH” (in hoa, ở giữa trang, trên trích yếu): tệp này không phải "
        "một kế hoạch, hoặc là bản quét không có chữ. Hãy chọn tệp Word (.docx) hay PDF của kế hoạch đã ký."
    )


def _header_line(text: str, out: Parsed) -> None:
    text = text.strip()
    m = NUMBER.search(text)
    if m and out.symbol is None:
        out.number, out.symbol = m.group(1), m.group(2)
        return
    m = PLACE_DATE.match(text)
    if m and out.date is None:
        out.place = m.group("place").strip(" *")
        d, mo, y = m.group("d"), m.group("m"), m.group("y")
        out.date = y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if mo and d else "")
        return
    if MOTTO.search(text) or not text:
        return
    if _is_upper(text.replace("*", "")):
        out.header.append(text.replace("*", "").strip())


def _header_from_text(main: list, out: Parsed) -> None:
    """Số and date lines printed below the title (some exports put them there)."""
    for block in main[:6]:
        if isinstance(block, Paragraph) and (NUMBER.match(block.text) or PLACE_DATE.match(block.text)):
            _header_line(block.text, out)
            block.text = ""


def _subject(blocks: list, start: int, out: Parsed) -> int:
    first = blocks[start]
    rest = re.sub(rf"^\**\s*{out.doc_type}\s*\**", "", first.text).strip(" *")
    parts = [rest] if rest else []
    i = start + 1
    while i < len(blocks):
        block = blocks[i]
        if not isinstance(block, Paragraph) or label_of(block.text):
            break
        text = block.text.strip()
        if MOTTO.search(text) or not text:
            i += 1
            continue
        capitals = first.bold is None and parts and _is_upper(parts[-1]) and _is_upper(text)
        if parts and not (first.bold and block.bold and len(text) < 200) and not capitals:
            break
        parts.append(text.strip("* "))
        i += 1
        if not first.bold and not _is_upper(text):
            break
    out.subject = " ".join(parts)
    if not out.subject:
        raise ImportProblem("không tìm thấy trích yếu (dòng nội dung ngay dưới chữ “KẾ HOẠCH”).")
    return i


def _split_closing(main: list, out: Parsed) -> list:
    paras = [k for k, b in enumerate(main) if isinstance(b, Paragraph) and b.text]
    if not paras:
        return main
    last = paras[-1]
    text = main[last].text
    if label_of(text) or not (text.rstrip("* ").endswith("./.") or text.startswith("Trên đây")):
        return main
    before = [b for b in main[:last] if isinstance(b, Paragraph) and b.text]
    if (
        before
        and label_of(before[-1].text)
        and not before[-1].text.startswith(("-", "+"))
        and not text.startswith("Trên đây")
    ):
        return main  # the only paragraph of the last heading: its text, not the closing
    first = last
    while first - 1 >= 0 and isinstance(main[first - 1], Paragraph) and main[first - 1].text.startswith("Trên đây"):
        first -= 1
    out.closing = [b.text for b in main[first : last + 1]]
    return main[:first] + main[last + 1 :]


def _tree(main: list, out: Parsed) -> None:
    stack: list[Node] = []
    root = Node(rank=-1)
    for block in main:
        if isinstance(block, Table):
            while stack and stack[-1].title is None:
                stack.pop()  # a table belongs to the heading above it, not to a bullet
            (stack[-1] if stack else root).children.append(Node(table=block))
            continue
        text = block.text.strip()
        if not text:
            continue
        if block.guess:
            out.guesses.append((text, block.guess))
        found = (block.label, _auto_kind(block.label), text, _auto_rank(block.label)) if block.label else label_of(text)
        if found is None:
            if not root.children and not stack:
                out.preamble.append(text)
                continue
            node = _paragraph_node(block, text)
            while stack and stack[-1].rank >= 6 and not QUALIFIER.match(text):
                stack.pop()
            (stack[-1] if stack else root).children.append(node)
            continue
        label, kind, rest, rank = found
        node = Node(label=label, kind=kind, rank=rank, guess=block.guess)
        if block.lead:
            title = block.lead.strip()
            title = title[len(label) :].strip() if title.startswith(label) else title
            node.title, node.text = title, rest[len(title) :].strip() if rest.startswith(title) else rest
            node.text = node.text or None
        elif block.bold is True or (block.bold is None and _heading_like(rest, kind)):
            node.title = rest.strip("* ") if block.bold else rest
        else:
            node.text = rest
        same = next((k for k in range(len(stack) - 1, -1, -1) if stack[k].kind == kind), None)
        if same is not None:
            del stack[same:]
        else:
            while stack and stack[-1].rank >= rank:
                stack.pop()
        (stack[-1] if stack else root).children.append(node)
        stack.append(node)
    out.body = root.children
    out.preamble = [p for p in out.preamble if p]


def _paragraph_node(block: Paragraph, text: str) -> Node:
    if block.lead:
        return Node(title=block.lead.strip(), text=text[len(block.lead) :].strip() or None)
    return Node(text=text)


_AUTO = {"I.": ("roman", 1)}


def _auto_kind(label: str) -> str:
    return label_of(label + " x")[1] if label_of(label + " x") else label


def _auto_rank(label: str) -> int:
    found = label_of(label + " x")
    return found[3] if found else 6


def _is_name(text: str) -> bool:
    words = text.strip("* ").split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() and w.isalpha() for w in words) and not _is_upper(text)


def _closing_block(blocks: list, out: Parsed) -> None:
    group: dict | None = None
    signer_lines: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            for row in block.rows:
                for cell in row:
                    out.leftovers.extend(cell)
            continue
        text = block.text.strip()
        m = RECIPIENTS.match(text)
        if m:
            text = text[m.end() :].strip()
            if not text:
                continue
        plain = text.strip("* ")
        if not plain or re.match(r"^\(.*\)$", plain):
            continue  # "(Đã ký)", "(ký, ghi rõ họ tên)"
        bullet = re.match(r"^[-–•+]\s*", text)
        if bullet and block.column == 0:
            if group is None:
                group = {"items": []}
                out.recipients.append(group)
            group["items"].append(text[bullet.end() :].strip())
        elif SIGN_PREFIX.match(plain) or _is_upper(plain):
            signer_lines.append(plain)
        elif (signer_lines or block.column == 1) and _is_name(plain):
            out.signer["name"] = plain
        elif plain.endswith(":") and len(plain) <= 40 and block.column == 0:
            group = {"group": plain, "items": []}
            out.recipients.append(group)
        elif group and group["items"] and block.column == 0:
            group["items"][-1] = f"{group['items'][-1]} {plain}"
        elif _is_name(plain) and not out.signer.get("name"):
            out.signer["name"] = plain
        else:
            out.leftovers.append(plain)
    out.recipients = [g for g in out.recipients if g["items"]]
    if signer_lines:
        first = SIGN_PREFIX.match(signer_lines[0])
        if first:
            out.signer["prefix"] = first.group(1) + "."
            out.signer["on_behalf_of"] = first.group(2).strip()
            out.signer["title"] = signer_lines[1] if len(signer_lines) > 1 else first.group(2).strip()
        else:
            out.signer["title"] = signer_lines[-1] if len(signer_lines) == 1 else signer_lines[0]
