"""Word files (.docx): paragraphs in reading order with their printed labels, bold, footnotes and tables.

python-docx reads the package, the body order, tables (merged cells once), styles and the numbering part.
It does not compute the labels Word prints for automatic numbering, so `Numbering` does, as Word does:
one counter per list level, deeper levels restarting, "%1.%2." templates filled with each level's format.
Why not pandoc (pypandoc-binary), which keeps "I.", "1.", "a)": tried on a plan whose "1.1." items follow
a paragraph, pandoc nests them as a new "1." list and gives every bullet the same mark, so "1.1." and the
"-"/"+" of Vietnamese plans would not come out as printed; python-docx gives the numbering definitions
themselves, and it is a small pure-Python package (lxml only) with no binary to ship.
"""

from __future__ import annotations

import io
import re
import zipfile

from thidua.editing.importer.blocks import Document, Paragraph, Table
from thidua.editing.importer.errors import ImportProblem

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
LAYOUT = re.compile(r"Số\s*:|CỘNG H[OÒ]A|Độc lập|Nơi nhận", re.I)
ROMAN = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
]


def read_docx(path, raw: bytes) -> Document:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, OSError):
        raise ImportProblem(
            f"tệp {path.name} bị hỏng hoặc không trọn vẹn (không mở được gói .docx). Mở lại bằng Word, lưu thành "
            "tệp .docx mới, rồi chạy lại lệnh."
        ) from None
    except ValueError:
        raise ImportProblem(
            f"tệp {path.name} là một gói ZIP nhưng không phải văn bản Word (.docx): có thể là bảng tính hay tệp nén. "
            "Hãy chọn đúng tệp Word của kế hoạch."
        ) from None
    reader = _Reader(document)
    out = Document(kind="docx")
    for item in document.iter_inner_content():
        if hasattr(item, "rows"):
            out.blocks.extend(reader.table(item))
        else:
            para = reader.paragraph(item)
            if para is not None:
                out.blocks.append(para)
    out.footnotes = reader.footnotes_used()
    return out


class Numbering:
    """The label Word prints before a numbered paragraph."""

    def __init__(self, part) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}
        self.nums: dict[str, tuple[str, dict[int, int]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        if part is None:
            return
        root = part.element
        for absnum in root.iter(f"{W}abstractNum"):
            levels = {}
            for lvl in absnum.iter(f"{W}lvl"):
                fmt = _val(lvl.find(f"{W}numFmt")) or "decimal"
                text = _val(lvl.find(f"{W}lvlText")) or ""
                start = int(_val(lvl.find(f"{W}start")) or 1)
                levels[int(lvl.get(f"{W}ilvl"))] = (fmt, text, start)
            self.levels[absnum.get(f"{W}abstractNumId")] = levels
        for num in root.iter(f"{W}num"):
            overrides = {}
            for o in num.iter(f"{W}lvlOverride"):
                start = o.find(f"{W}startOverride")
                if start is not None:
                    overrides[int(o.get(f"{W}ilvl"))] = int(_val(start))
            self.nums[num.get(f"{W}numId")] = (_val(num.find(f"{W}abstractNumId")), overrides)

    def label(self, num_id: str, ilvl: int) -> str | None:
        if num_id not in self.nums:
            return None
        abs_id, overrides = self.nums[num_id]
        levels = self.levels.get(abs_id, {})
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(abs_id, {})
        if num_id not in self.started:  # a list restarted by its own w:num (startOverride)
            self.started.add(num_id)
            for lvl, start in overrides.items():
                counters[lvl] = start - 1
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return "+" if text.strip() == "+" else "-"
        if fmt == "none":
            return None

        def fill(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            f, _, s = levels.get(k, ("decimal", "", 1))
            return _format(counters.get(k, s), f)

        return re.sub(r"%(\d)", fill, text).strip() or None


def _format(n: int, fmt: str) -> str:
    if fmt in ("upperRoman", "lowerRoman"):
        out = ""
        for value, letters in ROMAN:
            while n >= value:
                out, n = out + letters, n - value
        return out if fmt == "upperRoman" else out.lower()
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)
        return letter if fmt == "lowerLetter" else letter.upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    return str(n)


def _val(el) -> str | None:
    return None if el is None else el.get(f"{W}val")


def _on(el) -> bool | None:
    if el is None:
        return None
    return el.get(f"{W}val") not in ("0", "false", "off")


class _Reader:
    def __init__(self, document) -> None:
        part = document.part
        try:
            numbering = part.numbering_part
        except (KeyError, NotImplementedError):
            numbering = None
        self.numbering = Numbering(numbering)
        self.styles = {s.style_id: s for s in document.styles if s.style_id}
        self.notes_xml = {}
        for rel in part.rels.values():
            if rel.reltype.endswith("/footnotes") and not rel.is_external:
                from lxml import etree

                root = etree.fromstring(rel.target_part.blob)
                for note in root.iter(f"{W}footnote"):
                    if note.get(f"{W}type") in (None, "normal"):
                        self.notes_xml[note.get(f"{W}id")] = note
        self.note_numbers: dict[str, str] = {}

    # -- styles -----------------------------------------------------------------------------------
    def _style_chain(self, style_id):
        seen = 0
        style = self.styles.get(style_id)
        while style is not None and seen < 20:
            yield style
            style, seen = style.base_style, seen + 1

    def _style_bold(self, style_id) -> bool:
        for style in self._style_chain(style_id):
            rpr = style.element.rPr
            if rpr is not None and rpr.find(f"{W}b") is not None:
                return bool(_on(rpr.find(f"{W}b")))
        return False

    def _style_numpr(self, style_id):
        for style in self._style_chain(style_id):
            ppr = style.element.pPr
            if ppr is not None and ppr.find(f"{W}numPr") is not None:
                return ppr.find(f"{W}numPr")
        return None

    # -- paragraphs -------------------------------------------------------------------------------
    def paragraph(self, para, column: int = 0) -> Paragraph | None:
        p = para._p
        ppr = p.find(f"{W}pPr")
        style_id = _val(ppr.find(f"{W}pStyle")) if ppr is not None else None
        style_bold = self._style_bold(style_id) if style_id else self._style_bold("Normal")
        runs = self._runs(p, style_bold)
        text = _markup(runs)
        if not text.strip():
            return None
        numpr = ppr.find(f"{W}numPr") if ppr is not None else None
        if numpr is None and style_id:
            numpr = self._style_numpr(style_id)
        label = None
        if numpr is not None:
            num_id = _val(numpr.find(f"{W}numId"))
            ilvl = int(_val(numpr.find(f"{W}ilvl")) or 0)
            if num_id and num_id != "0":
                label = self.numbering.label(num_id, ilvl)
        visible = [(t, b) for t, b, _ in runs if t.strip()]
        bold = bool(visible) and all(b for _, b in visible)
        lead = None
        if visible and visible[0][1] and not bold:
            count = next(k for k, (t, b, _) in enumerate(runs) if not b and t.strip())
            lead = re.sub(r"\s+", " ", "".join(t for t, _, _ in runs[:count])).strip()
            if len(lead) >= 3:  # "Mục đích:" in bold, then the paragraph: the lead is kept apart, unmarked
                text = f"{lead} {_markup(runs[count:])}"
            else:
                lead = None
        if label is not None and not _printable_label(label):
            text, label = f"{label} {text}", None
        if bold:
            text = _markup([(t, False, i) for t, _, i in runs])
        return Paragraph(text=text, bold=bold, label=label, lead=lead, column=column)

    def _runs(self, p, style_bold: bool) -> list[tuple[str, bool, bool]]:
        out = []
        for r in p.iter(f"{W}r"):
            rpr = r.find(f"{W}rPr")
            bold = style_bold
            italic = False
            if rpr is not None:
                rstyle = _val(rpr.find(f"{W}rStyle"))
                if rstyle and self._style_bold(rstyle):
                    bold = True
                b = _on(rpr.find(f"{W}b"))
                bold = bold if b is None else b
                italic = bool(_on(rpr.find(f"{W}i")))
            parts = []
            for child in r:
                tag = child.tag
                if tag == f"{W}t":
                    parts.append(child.text or "")
                elif tag in (f"{W}tab", f"{W}br", f"{W}cr"):
                    parts.append(" ")
                elif tag == f"{W}footnoteReference":
                    note_id = child.get(f"{W}id")
                    if note_id in self.notes_xml:
                        number = self.note_numbers.setdefault(note_id, str(len(self.note_numbers) + 1))
                        out.append((f"[^{number}]", False, False))
            text = "".join(parts)
            if text:
                out.append((text, bold, italic))
        return out

    def footnotes_used(self) -> dict[str, str]:
        out = {}
        for note_id, number in self.note_numbers.items():
            note = self.notes_xml[note_id]
            texts = []
            for p in note.iter(f"{W}p"):
                texts.append(_markup(self._runs(p, False)))
            out[number] = re.sub(r"\s+", " ", " ".join(texts)).strip()
        return out

    # -- tables ------------------------------------------------------------------------------------
    def table(self, table) -> list:
        rows = []
        for row in table.rows:
            cells, seen = [], set()
            for cell in row.cells:
                if id(cell._tc) in seen:
                    continue
                seen.add(id(cell._tc))
                cells.append(cell)
            rows.append(cells)
        text = " ".join(c.text for r in rows for c in r)
        width = max((len(r) for r in rows), default=0)
        if width <= 2 and LAYOUT.search(text):
            out = []  # the header or closing block: left column, then right column
            for col in range(width):
                for r in rows:
                    if col < len(r):
                        for para in r[col].paragraphs:
                            block = self.paragraph(para, column=col)
                            if block is not None:
                                out.append(block)
            return out
        data = []
        for r in rows:
            data.append([[p.text for p in (self.paragraph(x) for x in c.paragraphs) if p is not None] for c in r])
        return [Table(data)]


def _printable_label(label: str) -> bool:
    return bool(re.fullmatch(r"Phần [IVXLC]+|[IVXLC]+\.|[0-9]+(\.[0-9]+)*\.|[a-zđ]\)|-|\+|\*", label))


def _markup(runs: list[tuple[str, bool, bool]]) -> str:
    """Run texts with *italic* and **bold** marks (a mark never wraps spaces)."""
    out = []
    for text, bold, italic in runs:
        if text.startswith("[^"):
            out.append(text)
            continue
        mark = ("**" if bold else "") + ("*" if italic else "")
        core = text.strip()
        if mark and core:
            lead = text[: len(text) - len(text.lstrip())]
            tail = text[len(text.rstrip()) :]
            out.append(f"{lead}{mark}{core}{mark[::-1]}{tail}")
        else:
            out.append(text)
    joined = "".join(out)
    joined = re.sub(r"\*\*\*\*|(?<!\*)\*\*(?=\s*$)", "", joined)
    return re.sub(r"\s+", " ", joined).strip()
