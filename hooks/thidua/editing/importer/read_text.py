"""Plain-text exports (and the text layer of PDFs): lines re-joined into paragraphs.

Exports from Word or PDF break sentences at the end of each printed line, put blank lines between
lines, leave page numbers alone on a line, print footnotes where the page ended (a superscript number
first) and keep two-column blocks (Nơi nhận | signer) side by side with runs of spaces. Tables exported
by converters come as tab-separated cells, sometimes with HTML fragments. This module undoes that and
returns the common list of paragraphs and tables.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from thidua.editing.importer.blocks import Document, Paragraph, Table

SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_DIGIT = {ord(c): str(i) for i, c in enumerate(SUPERSCRIPT)}
FOOTNOTE_LINE = re.compile(rf"^([{SUPERSCRIPT}]+)\s*(.*)$")
FOOTNOTE_MARK = re.compile(rf"(?<=\S)([{SUPERSCRIPT}]+)")
PAGE_NUMBER = re.compile(r"^(?:-\s*)?\d{1,3}(?:\s*-)?$|^Trang \d+(?:/\d+)?$")
HTML_TAG = re.compile(r"</?(?:ul|ol|li|p|br|span|div|strong|em|b|i)\b[^>]*>", re.I)
# a label or bullet at the start of a line always starts a new paragraph
STARTS_ITEM = re.compile(
    r"^(?:Phần\s+[IVXLC]+\b|[IVXLC]+\.\s|\d{1,2}(?:\.\d{1,2})*\.\s|[a-zđ]\)\s|[-–+•*]\s?\S|Đợt\s+\d+:)"
)
COLUMN_GAP = re.compile(r"\S( {8,}|\t+ *)(?=\S)")
RIGHT_COLUMN_INDENT = 20
BREAK = -1  # the column of a blank line that ends a paragraph
TERMINAL = ".:!?…"
SIGN_PREFIX = re.compile(r"^(?:KT|TM|TL|TUQ|Q)\.\s")
CLOSERS = "”\"'’)»*]"


@dataclass
class _Line:
    text: str
    column: int = 0


def read_text(raw: str, kind: str = "text") -> Document:
    """The paragraphs and tables of a text export."""
    text = unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    text = text.replace("\u00a0", " ").replace("\ufeff", "")
    doc = Document(kind=kind)
    lines = text.split("\n")
    blank_breaks = _blank_lines_separate_paragraphs(lines)
    i = 0
    pending: list[_Line] = []
    while i < len(lines):
        line = HTML_TAG.sub(" ", lines[i])
        if "\t" in line and line.strip():
            doc.blocks.extend(_paragraphs(pending, doc))
            pending = []
            rows, i = _table(lines, i)
            doc.blocks.append(Table(rows))
            continue
        i += 1
        stripped = line.strip()
        if not stripped:
            if blank_breaks:
                pending.append(_Line("", BREAK))
            continue
        if PAGE_NUMBER.match(stripped):
            continue
        note = FOOTNOTE_LINE.match(stripped)
        if note and note.group(2):
            doc.footnotes[note.group(1).translate(_SUP_DIGIT)] = _clean(note.group(2))
            continue
        pending.extend(_columns(line))
    doc.blocks.extend(_paragraphs(pending, doc))
    return doc


def _blank_lines_separate_paragraphs(lines: list[str]) -> bool:
    """Exports that put a blank line after every printed line (most do) say nothing with a blank line;
    in a single-spaced export a blank line ends a paragraph."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    if len(filled) < 2:
        return False
    followed = sum(1 for i in filled if i + 1 < len(lines) and not lines[i + 1].strip())
    return followed / len(filled) < 0.5


def _columns(line: str) -> list[_Line]:
    """A line of a two-column block gives its left part, then its right part (column 1)."""
    indent = len(line) - len(line.lstrip(" "))
    body = line.rstrip()
    if indent >= RIGHT_COLUMN_INDENT:
        return [_Line(body.strip(), 1)]
    gap = COLUMN_GAP.search(body)
    if gap is None:
        return [_Line(body.strip())]
    return [_Line(body[: gap.start() + 1].strip()), _Line(body[gap.end() :].strip(), 1)]


def _table(lines: list[str], i: int) -> tuple[list[list[list[str]]], int]:
    """Tab-separated rows from line `i`; an empty first cell continues the row above."""
    rows: list[list[list[str]]] = []
    while i < len(lines):
        line = HTML_TAG.sub(" ", lines[i])
        if not line.strip():
            i += 1
            continue
        if "\t" not in line:
            break
        cells = [_clean(c) for c in line.split("\t")]
        if rows and not cells[0] and len(cells) > 1:
            rows.append([[c] if c else [] for c in cells])  # a continuation row: kept, merged by the caller
        else:
            rows.append([[c] if c else [] for c in cells])
        i += 1
    return rows, i


def _clean(text: str) -> str:
    text = FOOTNOTE_MARK.sub(lambda m: "".join(f"[^{d}]" for d in [m.group(1).translate(_SUP_DIGIT)]), text)
    return re.sub(r"\s+", " ", text).strip()


def _width(lines: list[_Line]) -> int:
    lengths = sorted(len(x.text) for x in lines if x.column == 0 and x.text)
    if not lengths:
        return 80
    return max(40, lengths[int(len(lengths) * 0.9)])


def _paragraphs(lines: list[_Line], doc: Document) -> list[Paragraph]:
    width = _width(lines)
    out: list[Paragraph] = []  # both columns, in the order their first lines appear
    last: dict[int, tuple[Paragraph, str]] = {}  # per column: the open paragraph and its last line
    for line in lines:
        if line.column == BREAK:
            last.clear()
            continue
        text = _clean(line.text)
        if not text:
            continue
        open_ = last.get(line.column)
        if open_ is not None:
            joined, guess = _joins(open_[1], text, width, open_[0].text)
            if joined:
                para = open_[0]
                para.text = _join(para.text, text)
                para.guess = para.guess or guess
                last[line.column] = (para, text)
                continue
        para = Paragraph(text, column=line.column)
        if open_ is not None and guess:
            para.guess = guess
        out.append(para)
        last[line.column] = (para, text)
    return out


def _join(left: str, right: str) -> str:
    if left.endswith("-") and not left.endswith(" -") and right[:1].islower():
        return left + right  # a word hyphenated at the line end is rare in Vietnamese: keep the hyphen
    return f"{left} {right}"


def _starts_upper(text: str) -> bool:
    for ch in text:
        if ch.isalpha():
            return ch.isupper()
        if ch.isdigit():
            return False
    return False


def _is_upper_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


HEADING_START = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*\.|[a-zđ]\))\s")


def _open_heading(text: str) -> bool:
    """A numbered paragraph that still reads as a heading: short, no sentence ended inside."""
    return bool(HEADING_START.match(text)) and len(text) <= 200 and not re.search(r"[.;!?…]\s", text)


def _joins(prev: str, nxt: str, width: int, para_text: str = "") -> tuple[bool, str | None]:
    """Whether line `nxt` continues the paragraph whose last line is `prev`, and the doubt, if any."""
    if STARTS_ITEM.match(nxt) or FOOTNOTE_LINE.match(nxt):
        return False, None
    end = prev.rstrip(CLOSERS + " ")
    last = end[-1:] if end else ""
    short = len(prev) < 0.75 * width
    upper = _starts_upper(nxt)
    if _is_upper_heading(prev) and _is_upper_heading(nxt) and not SIGN_PREFIX.match(prev):
        # a numbered heading in capitals runs on; the header's lines (UBND TỈNH ... / SỞ TƯ PHÁP) do not
        heading = bool(STARTS_ITEM.match(para_text)) or len(prev) >= 0.5 * width
        return (heading and last not in TERMINAL), None
    if not upper:
        return True, None
    if last in TERMINAL or prev.endswith("./."):
        if not short and last == "." and not prev.endswith("./."):
            return False, f"dòng trước kết thúc bằng dấu chấm ở cuối dòng: «…{prev[-30:]}» | «{nxt[:30]}…»"
        return False, None
    if last not in TERMINAL and last not in ";," and len(prev) < 0.9 * width and _open_heading(para_text):
        return False, f"tách tiêu đề khỏi đoạn sau: «…{prev[-30:]}» | «{nxt[:30]}…»"
    if last in ";,":
        if short:
            return False, None
        return True, (f"nối dòng sau dấu «;»: «…{prev[-30:]}» + «{nxt[:30]}…»" if last == ";" else None)
    if short:
        return False, None
    return True, None
