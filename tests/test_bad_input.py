"""A catalogue of malformed inputs: what an office editor can get wrong, and the one message each must produce.

Each case copies data/, breaks one thing, loads it, and asserts the exact located messages
`path:line:column: error: trường '<field>': <message>` in the order they are reported. A case with no
message is an input that must be accepted; `check` then says what was read. A case with `pages` also builds
the pages from the data (as tests/test_pages.py does) and asserts that the HTML in the text comes out escaped.

Cases with an `xfail` reason are inputs the loader gets wrong today: an unhelpful or misplaced message, a
crash, or a mistake accepted silently. Their `expected` holds the message they should produce, and the reason
says what happens now. The marks are strict: once the loader is fixed, remove the reason.
"""

from __future__ import annotations

import re
import resource
import struct
import subprocess
import sys
import threading
import time
import unicodedata
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from conftest import build_site
from thidua.check.loader import load_repository
from thidua.publish import pages as pages_module
from thidua.publish.pages import build_pages, process_photos
from thidua.records.repository import Repository
from thidua.source.problems import PER_FILE, BuildFailure, DataError
from thidua.source.yamlsource import parse

PLAN = "data/plans/2024-stp-bac-giang-phat-dong-thi-dua.yml"
PLAN23 = "data/plans/2023-ubnd-xa-thuong-thang-phat-dong-thi-dua.yml"
PLAN_BK = "data/plans/2022-stp-bac-kan-phat-dong-thi-dua.yml"
PLAN_AG = "data/plans/2023-stp-an-giang-dien-hinh-tien-tien.yml"
CAL = "data/calendars/so-tu-phap-an-giang-2023.yml"
PERSON = "data/profiles/kha-thi-phuong-dung.yml"
GROUP = "data/profiles/phong-tu-phap-huyen-hiep-hoa.yml"
MOVEMENT = "data/movements/van-hoa-cong-so.yml"
DAY = "data/commemorations/thanh-lap-dang.yml"
LUNAR = "data/commemorations/gio-to-hung-vuong.yml"
LEGAL = "data/legal/chi-thi-34-ct-tw.yml"
BODY = "data/bodies/so-tu-phap-bac-giang.yml"

ROOT_DATA = Path(__file__).resolve().parents[1]  # the project root: the real data/, before any case breaks a copy
SECONDS = 10.0  # CPU seconds a load may take (the real data: about 0.5 s)
HANG = 300.0  # wall-clock seconds after which a load counts as hung
# Raw HTML from the data in a generated page (escaped text such as "&lt;img onerror=…&gt;" is fine).
FORBIDDEN = {
    "a <script> tag": re.compile(r"<script", re.IGNORECASE),
    "a tag with an event handler": re.compile(r"<[a-z][^<>]*\son[a-z]+\s*=", re.IGNORECASE),
}
FRONT_MATTER_XSS = (
    "front matter `title:` is written with yaml_str, which does not escape HTML; Material renders page.title "
    "unescaped in the header (md-header__topic), so the built page runs the script (checked with mkdocs build)"
)


# --- how a case breaks the data ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Edit:
    file: str  # relative to the project root: data/...
    change: Callable[[str], str | bytes]  # the file's text ("" for a new file) -> its new content

    def apply(self, root: Path) -> None:
        path = root / self.file
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        new = self.change(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(new if isinstance(new, bytes) else new.encode("utf-8"))


@dataclass(frozen=True)
class BytesEdit:
    file: str  # relative to the project root
    change: Callable[[bytes], bytes]  # the file's bytes -> its new bytes (a photo, not text)

    def apply(self, root: Path) -> None:
        path = root / self.file
        path.write_bytes(self.change(path.read_bytes()))


def sub(file: str, old: str, new: str) -> Edit:
    """Replace the first `old` in `file` by `new`."""

    def change(text: str) -> str:
        assert old in text, f"{old!r} not in {file}"
        return text.replace(old, new, 1)

    return Edit(file, change)


def put(file: str, content: str | bytes) -> Edit:
    """Write `file` whole (a new file, or one replaced)."""
    return Edit(file, lambda _: content)


def cp1258(text: str) -> bytes:
    """Text as a Windows-1258 editor saves it: letters precomposed where the code page has them, tone marks
    as combining bytes."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out += (base + tones).encode("cp1258")
    return out


def big_plan(text: str, paragraphs: int = 45_000) -> str:
    """A plan whose closing holds `paragraphs` pasted paragraphs: 45 000 make about 5 MB."""
    line = "  - Đoạn {} chào mừng 94 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930-03/02/2024) dán nhầm.\n"
    return text.replace("closing:\n", "closing:\n" + "".join(line.format(i) for i in range(paragraphs)), 1)


def alias_bomb(levels: int = 9, width: int = 10) -> str:
    """A "billion laughs": each level lists the one below `width` times, 10**9 values once expanded."""
    lines = ['lol0: &l0 ["ha ha"]']
    for level in range(1, levels + 1):
        lines.append(f"lol{level}: &l{level} [" + ", ".join([f"*l{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def png_header(width: int, height: int) -> bytes:
    """A PNG that declares `width` x `height` pixels and holds none: what a decoder sees before decoding."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 16))
        + chunk(b"IEND", b"")
    )


def truncated(file: str, keep: float = 0.5) -> BytesEdit:
    """`file` cut to its first half, as an interrupted copy leaves it."""
    return BytesEdit(file, lambda raw: raw[: int(len(raw) * keep)])


def nfc(text: str) -> bool:
    return unicodedata.is_normalized("NFC", text)


# --- the catalogue ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    edits: tuple[Edit | BytesEdit, ...]
    expected: tuple[str, ...] = ()  # exact messages, as reported; () means the input is accepted
    check: Callable[[Repository], Any] | None = None  # for an accepted input: true if it was read right
    pages: str = ""  # build the pages: this escaped text must appear on them, and nothing in FORBIDDEN
    seconds: float = SECONDS  # CPU-time budget of the load
    xfail: str = ""  # what is wrong today; `expected` is then the message it should produce


def case(*edits: Edit | BytesEdit, expect: str | list[str] = (), **options: Any) -> Case:
    expected = (expect,) if isinstance(expect, str) else tuple(expect)
    return Case(edits, expected, **options)


GENERIC_TEXT = (
    "the schema error of a $ref'd text field carries common.schema.json's generic description and example "
    '("Văn bản tiếng Việt có dấu. … [^1].. Ví dụ: … Tiếp tục thực hiện phong trào thi đua.", note the "..") '
    "instead of the field's own description and example"
)
NO_EDITORIAL_NOTES = (
    "the advice is to add editorial_notes, but only plans and calendars have that field: following it gives "
    "\"không có trường 'editorial_notes' ở đây\""
)

CASES: dict[str, Case] = {
    # --- YAML syntax -----------------------------------------------------------------------------------------
    "syntax: unclosed double quote (movement)": case(
        sub(MOVEMENT, "name: Cán bộ", 'name: "Cán bộ'),
        expect=f'{MOVEMENT}:1:7: error: dấu ngoặc kép " mở ở dòng này nhưng chưa đóng; hãy thêm dấu " ở cuối giá trị.',
    ),
    "syntax: unclosed single quote (plan recipients)": case(
        sub(PLAN, "      - 'Lưu: VT, VP.'", "      - 'Lưu: VT, VP."),
        expect=f"{PLAN}:397:9: error: dấu nháy đơn ' mở ở dòng này nhưng chưa đóng; hãy thêm dấu ' ở cuối giá trị.",
    ),
    "syntax: a field indented one space too far (body)": case(
        sub(BODY, "\nlevel: tinh", "\n level: tinh"),
        expect=f"{BODY}:3:2: error: lỗi cú pháp YAML: dòng này thụt lề sâu hơn trường ở dòng trên nên bị đọc thành "
        "phần tiếp theo của giá trị đó; hãy xóa dấu cách thừa ở đầu dòng.",
    ),
    "syntax: a nested field indented one space too little (plan)": case(
        sub(PLAN, "  symbol: KH-STP", " symbol: KH-STP"),
        expect=f"{PLAN}:6:2: error: lỗi cú pháp YAML: trường 'symbol' thụt lề ít hơn trường ở dòng 5 (cột 3) nhưng không thẳng cột với trường nào ở ngoài. Nếu 'symbol' thuộc cùng mục với dòng 5, hãy thụt lề dòng này vào cột 3.",
    ),
    "syntax: a list item indented less than its siblings (profile)": case(
        sub(PERSON, "  - toan-nganh-tu-phap-doan-ket", "- toan-nganh-tu-phap-doan-ket"),
        expect=f"{PERSON}:11:1: error: lỗi cú pháp YAML: mục danh sách này thụt lề ít hơn mục ở dòng 10 (cột 3); hãy thụt lề cho thẳng cột với các mục khác của danh sách.",
    ),
    "syntax: the whole file is a list instead of fields (legal)": case(
        put(LEGAL, "- kind: Chỉ thị\n- number: 34-CT/TW\n- issuer: Bộ Chính trị\n- title: về thi đua\n"),
        expect=f"{LEGAL}:1:1: error: tệp phải là một bảng các trường dạng 'tên: giá trị'.",
    ),
    "syntax: a list where a mapping is expected (plan signer)": case(
        sub(PLAN, "signer:\n  title: GIÁM ĐỐC\n  name:", "signer:\n  - title: GIÁM ĐỐC\n  - name:"),
        expect=f"{PLAN}:386:3: error: trường 'signer': phải là một bảng các trường dạng 'tên: giá trị'. Cần: Người ký. Ví dụ: signer: {{title: PHÓ CHỦ TỊCH, name: Lê Thị Lan}}",
    ),
    "syntax: stray colon inside a value (commemoration)": case(
        sub(DAY, "name: Ngày thành lập Đảng", "name: Ngày thành lập Đảng: Đảng"),
        expect=f"{DAY}:1:26: error: lỗi cú pháp YAML: có dấu ': ' trong một giá trị chưa đặt trong ngoặc kép. Hãy "
        'viết giá trị trong ngoặc kép, ví dụ: title: "Nội dung: chi tiết", hoặc dùng khối >-.',
    ),
    "syntax: no space after the colon (body)": case(
        sub(BODY, "level: tinh", "level:tinh"),
        expect=f'{BODY}:3:1: error: lỗi cú pháp YAML: thiếu dấu cách sau dấu hai chấm trong "level:tinh"; hãy viết '
        "level: tinh",
    ),
    "syntax: a line of text without a field name (body)": case(
        sub(BODY, "province: Bắc Giang\n", "province: Bắc Giang\nGhi chú: sáp nhập\nsáp nhập năm 2025\n"),
        expect=f"{BODY}:7:1: error: lỗi cú pháp YAML: dòng này không có dạng 'tên: giá trị'. Nếu đây là phần tiếp "
        "theo của giá trị ở dòng trên, hãy thụt lề dòng này vào 2 dấu cách.",
    ),
    "syntax: tab used for indentation (calendar)": case(
        sub(CAL, "    months: [3]", "\tmonths: [3]"),
        expect=f"{CAL}:26:1: error: ký tự TAB không được dùng để thụt lề trong YAML; hãy thay bằng dấu cách (2 dấu "
        "cách mỗi cấp).",
    ),
    "syntax: tab before a list item (profile)": case(
        sub(PERSON, "  - toan-nganh-tu-phap-doan-ket", "\t- toan-nganh-tu-phap-doan-ket"),
        expect=f"{PERSON}:11:1: error: ký tự TAB không được dùng để thụt lề trong YAML; hãy thay bằng dấu cách (2 "
        "dấu cách mỗi cấp).",
    ),
    "syntax: two documents in one file (legal)": case(
        sub(LEGAL, "kind: Chỉ thị", "kind: Chỉ thị\n---\nkind: Luật"),
        expect=f"{LEGAL}:2:1: error: tệp chứa nhiều hơn một tài liệu YAML (dòng ---); mỗi tệp chỉ ghi một bản ghi.",
    ),
    "syntax: unclosed bracket of a list (calendar)": case(
        sub(CAL, "months: [2]", "months: [2"),
        expect=f"{CAL}:9:13: error: lỗi cú pháp YAML: dấu ngoặc vuông [ mở ở dòng này nhưng chưa đóng; hãy thêm dấu ] "
        "ở cuối danh sách, ví dụ: months: [2]",
    ),
    "syntax: a value starting with *italic* (movement)": case(
        sub(MOVEMENT, "launched_by: Bộ Tư pháp", "launched_by: *Bộ Tư pháp* phát động"),
        expect=f"{MOVEMENT}:4:14: error: lỗi cú pháp YAML: giá trị bắt đầu bằng dấu * (YAML hiểu là tham chiếu); hãy "
        'đặt cả giá trị trong ngoặc kép, ví dụ: launched_by: "*Bộ Tư pháp* phát động"',
    ),
    "syntax: a value starting with [brackets] (legal)": case(
        sub(LEGAL, "title: về", "title: [Dự thảo] về"),
        expect=f"{LEGAL}:5:8: error: lỗi cú pháp YAML: giá trị bắt đầu bằng dấu [ nên bị đọc là một danh sách; hãy "
        'đặt cả giá trị trong ngoặc kép, ví dụ: title: "[Dự thảo] về ..."',
    ),
    "syntax: a list used as a field name (body)": case(
        sub(BODY, "level: tinh", "[level]: tinh"),
        expect=f"{BODY}:3:1: error: tên trường phải là một chữ, ví dụ: title:",
    ),
    "syntax: a vertical-tab control character pasted from Word (legal)": case(
        sub(LEGAL, "title: về tiếp tục", "title: về tiếp\x0btục"),
        expect=f"{LEGAL}:5:15: error: ký tự điều khiển U+000B (thường có khi dán từ Word) không được dùng trong tệp "
        "dữ liệu; hãy xóa ký tự này hoặc thay bằng dấu cách.",
    ),
    "syntax: brackets nested 5000 deep (legal)": case(
        sub(LEGAL, "title: về", "note: " + "[" * 5000 + "]" * 5000 + "\ntitle: về"),
        expect=f"{LEGAL}:5:7: error: lỗi cú pháp YAML: các dấu ngoặc [ ] lồng nhau quá sâu; hãy kiểm tra lại giá trị "
        "này.",
    ),
    # --- encodings ---------------------------------------------------------------------------------------------
    "encoding: a byte-order mark is accepted (legal)": case(
        Edit(LEGAL, lambda text: b"\xef\xbb\xbf" + text.encode("utf-8")),
        check=lambda repo: repo.legal["chi-thi-34-ct-tw"].kind == "Chỉ thị",
    ),
    "encoding: decomposed (NFD) text is accepted and normalised to NFC (profile)": case(
        Edit(PERSON, lambda text: unicodedata.normalize("NFD", text)),
        check=lambda repo: (
            repo.profiles["kha-thi-phuong-dung"].name == "Kha Thị Phương Dung"
            and nfc(repo.profiles["kha-thi-phuong-dung"].story)
        ),
    ),
    "encoding: Windows-1258 (movement)": case(
        Edit(MOVEMENT, cp1258),
        expect=f'{MOVEMENT}:1:8: error: tệp được lưu bằng bảng mã Windows-1258 (Windows gọi là "ANSI"), không phải UTF-8 nên không đọc được. Trong VS Code: bấm vào tên bảng mã ở thanh dưới cùng → Reopen with Encoding → Vietnamese (Windows 1258), xem chữ có dấu đã hiện đúng, rồi bấm lại → Save with Encoding → UTF-8 (Notepad: File → Save As, mục Encoding chọn UTF-8).',
    ),
    "encoding: latin-1 (legal)": case(
        Edit(LEGAL, lambda text: text.encode("latin-1", errors="replace")),
        expect=f"{LEGAL}:4:14: error: tệp không phải mã UTF-8 (byte 0xED không hợp lệ; có thể tệp được lưu bằng bảng mã cũ như Windows-1252 hay TCVN3). Hãy lưu lại tệp với bảng mã UTF-8 (trong VS Code: Save with Encoding → UTF-8) và kiểm tra chữ có dấu.",
    ),
    "encoding: UTF-16 from Notepad (body)": case(
        Edit(BODY, lambda text: text.encode("utf-16")),
        expect=f'{BODY}:1:1: error: tệp được lưu bằng bảng mã UTF-16 (Windows gọi là "Unicode"), không phải UTF-8 nên không đọc được. Trong VS Code: bấm vào tên bảng mã ở thanh dưới cùng → Reopen with Encoding → UTF-16 LE, xem chữ có dấu đã hiện đúng, rồi bấm lại → Save with Encoding → UTF-8 (Notepad: File → Save As, mục Encoding chọn UTF-8).',
    ),
    # --- wrong types and values ---------------------------------------------------------------------------------
    "type: text for a year (calendar)": case(
        sub(CAL, "year: 2023", "year: năm 2023"),
        expect=f"{CAL}:4:7: error: trường 'year': phải là một số nguyên, nhưng giá trị là \"năm 2023\". Cần: Năm, ví "
        "dụ 2023. Ví dụ: year: 2023",
    ),
    "type: a list for a string (movement)": case(
        sub(MOVEMENT, "launched_by: Bộ Tư pháp", "launched_by:\n  - Bộ Tư pháp\n  - Công đoàn ngành Tư pháp"),
        expect=f"{MOVEMENT}:5:3: error: trường 'launched_by': phải là một chuỗi chữ. Cần: Cơ quan phát động. Ví dụ: launched_by: Bộ Tư pháp",
    ),
    "type: a number where a list is (plan legal_bases)": case(
        sub(PLAN23, "legal_bases:\n  - ke-hoach-03-kh-tp-hiep-hoa", "legal_bases: 3"),
        expect=f"{PLAN23}:10:14: error: trường 'legal_bases': phải là một danh sách (mỗi phần tử một dòng bắt đầu bằng '- '), nhưng giá trị là \"3\". Cần: Văn bản làm căn cứ (mã trong data/legal/).",
    ),
    "type: one id where a list is (profile plans)": case(
        sub(PERSON, "plans:\n  - 2024-stp", "plans: 2024-stp"),
        expect=f"{PERSON}:12:8: error: trường 'plans': phải là một danh sách (mỗi phần tử một dòng bắt đầu bằng '- '), nhưng giá trị là \"2024-stp-bac-giang-phat-dong-thi-dua\". Cần: Kế hoạch liên quan (mã trong data/plans/).",
    ),
    "type: fields where a text is (legal title)": case(
        sub(LEGAL, "title: về", "title:\n  vi: về"),
        expect=f"{LEGAL}:6:3: error: trường 'title': phải là một chuỗi chữ. Cần: Trích yếu. Ví dụ: title: về tiếp tục đổi mới công tác thi đua, khen thưởng",
    ),
    "type: an empty value (body name)": case(
        sub(BODY, "name: Sở Tư pháp tỉnh Bắc Giang", "name:"),
        expect=f"{BODY}:1:6: error: trường 'name': không được để trống. Cần: Tên đầy đủ. Ví dụ: name: Sở Tư pháp tỉnh An Giang",
    ),
    "type: text for a day (commemoration)": case(
        sub(DAY, "day: 3", "day: mùng 3"),
        expect=f"{DAY}:2:6: error: trường 'day': phải là một số nguyên, nhưng giá trị là \"mùng 3\".",
    ),
    "type: a number for a boolean (commemoration)": case(
        sub(LUNAR, "lunar: true", "lunar: 1"),
        expect=f"{LUNAR}:2:8: error: trường 'lunar': phải là true hoặc false, nhưng giá trị là \"1\". Cần: true nếu "
        "ngày, tháng tính theo âm lịch (ví dụ Giỗ Tổ Hùng Vương 10/3 âm lịch).",
    ),
    "range: month 13 (commemoration)": case(
        sub(DAY, "month: 2", "month: 13"),
        expect=f"{DAY}:3:8: error: trường 'month': giá trị 13 nằm ngoài khoảng cho phép (1–12).",
    ),
    "range: a five-digit year (movement)": case(
        sub(MOVEMENT, "to_year: 2025", "to_year: 20255"),
        expect=f"{MOVEMENT}:3:10: error: trường 'to_year': giá trị 20255 nằm ngoài khoảng cho phép (1800–2200). Cần: Năm kết thúc giai đoạn.",
    ),
    "range: month 0 in a calendar row": case(
        sub(CAL, "months: [3]", "months: [0]"),
        expect=f"{CAL}:26:14: error: trường 'entries[1].months[0]': giá trị 0 nằm ngoài khoảng cho phép (1–12).",
    ),
    "enum: a level written with diacritics (body)": case(
        sub(BODY, "level: tinh", "level: tỉnh"),
        expect=f"{BODY}:3:8: error: trường 'level': giá trị \"tỉnh\" không hợp lệ; chỉ nhận một trong: "
        '"trung-uong", "tinh", "huyen", "xa". Cần: Cấp: trung-uong, tinh, huyen hoặc xa.',
    ),
    "enum: a document kind in lower case (legal)": case(
        sub(LEGAL, "kind: Chỉ thị", "kind: chỉ thị"),
        expect=f'{LEGAL}:1:7: error: trường \'kind\': giá trị "chỉ thị" không hợp lệ; chỉ nhận một trong: "Luật", '
        '"Nghị quyết", "Nghị định", "Quyết định", "Chỉ thị", "Kết luận", "Thông tư", "Kế hoạch", "Hướng dẫn", '
        '"Công văn". Cần: Loại văn bản.',
    ),
    "pattern: a name where an id is expected (plan issuer)": case(
        sub(PLAN, "issuer: so-tu-phap-bac-giang", "issuer: Sở Tư pháp Bắc Giang"),
        expect=f"{PLAN}:7:11: error: trường 'document.issuer': giá trị \"Sở Tư pháp Bắc Giang\" không đúng dạng. Cần: Mã cơ quan ban hành trong data/bodies/; Mã định danh: chữ thường không dấu, số và dấu gạch ngang, ví dụ: so-tu-phap-an-giang. Ví dụ: issuer: so-tu-phap-an-giang",
    ),
    "pattern: a web address without https:// (profile source)": case(
        sub(PERSON, "url: https://www.example.gov.vn", "url: www.example.gov.vn"),
        expect=f"{PERSON}:52:10: error: trường 'sources[0].url': giá trị "
        '"www.example.gov.vn/guong-sang-phap-luat/2024/kha-thi-phuong-dung" không đúng dạng. Ví dụ: url: '
        "https://baoangiang.com.vn/...",
    ),
    "pattern: a heading number written 1) (plan)": case(
        sub(PLAN, 'label: "1."', 'label: "1)"'),
        expect=f"{PLAN}:55:16: error: trường 'body[0].children[0].label': giá trị \"1)\" không đúng dạng. Cần: Số hiệu "
        'như in: I., 1., 1.1., a), đ), -, +. Ví dụ: label: "1.1."',
    ),
    # --- unknown fields -----------------------------------------------------------------------------------------
    "unknown field: typo from_yaer (movement)": case(
        sub(MOVEMENT, "from_year: 2019", "from_yaer: 2019"),
        expect=f"{MOVEMENT}:2:1: error: trường 'from_yaer': không có trường 'from_yaer' ở đây (gõ nhầm tên?). Có phải "
        "ý bạn là 'from_year'? Các trường hợp lệ: name, from_year, to_year, launched_by, scope, description.",
    ),
    "unknown field: photo instead of photos (profile)": case(
        sub(PERSON, "\nphotos:", "\nphoto:"),
        expect=f"{PERSON}:47:1: error: trường 'photo': không có trường 'photo' ở đây (gõ nhầm tên?). Có phải ý bạn là "
        "'photos'? Các trường hợp lệ: draft, illustrative, kind, name, unit, position, level, year, period, "
        "published, movements, plans, stage, awards, achievements, story, photos, sources, consent.",
    ),
    "unknown field: theme instead of themes (calendar)": case(
        sub(CAL, "    months: [3]\n    themes:", "    months: [3]\n    theme:"),
        expect=[
            f"{CAL}:25:5: error: trường 'entries[1].themes': thiếu trường bắt buộc 'themes'.",
            f"{CAL}:27:5: error: trường 'entries[1].theme': không có trường 'theme' ở đây (gõ nhầm tên?). Có phải ý "
            "bạn là 'themes'? Các trường hợp lệ: label, months, year_round, themes, contents.",
        ],
    ),
    "unknown field: succesor (body)": case(
        sub(BODY, "successor:", "succesor:"),
        expect=f"{BODY}:7:1: error: trường 'succesor': không có trường 'succesor' ở đây (gõ nhầm tên?). Có phải ý bạn "
        "là 'successor'? Các trường hợp lệ: name, printed_name, level, parent, province, from, until, successor, note.",
    ),
    "unknown field: lunnar (commemoration)": case(
        sub(LUNAR, "lunar: true", "lunnar: true"),
        expect=f"{LUNAR}:2:1: error: trường 'lunnar': không có trường 'lunnar' ở đây (gõ nhầm tên?). Có phải ý bạn là "
        "'lunar'? Các trường hợp lệ: name, lunar, day, month, base_year, count, year_only, scope, province, note.",
    ),
    "unknown field: a Vietnamese field name (legal)": case(
        sub(LEGAL, "title: về", "tên: Chỉ thị 34\ntitle: về"),
        expect=f"{LEGAL}:5:1: error: trường 'tên': không có trường 'tên' ở đây (gõ nhầm tên?). Các trường hợp lệ: "
        "kind, number, date, issuer, title, note.",
    ),
    "unknown field: Year with a capital letter (plan)": case(
        sub(PLAN, "\nyear: 2024", "\nYear: 2024"),
        expect=[
            f"{PLAN}:1:1: error: trường 'year': thiếu trường bắt buộc 'year' (Năm của kế hoạch). Ví dụ: year: 2023",
            f"{PLAN}:2:1: error: trường 'Year': không có trường 'Year' ở đây (gõ nhầm tên?). Có phải ý bạn là 'year'? "
            "Các trường hợp lệ: draft, year, document, theme, legal_bases, cites, movements, commemorations, "
            "preamble, body, closing, footnotes, phases, deadlines, signer, recipients, attachments, editorial_notes, "
            "source.",
        ],
    ),
    # --- missing fields ------------------------------------------------------------------------------------------
    "missing: level (body)": case(
        sub(BODY, "level: tinh\n", ""),
        expect=f"{BODY}:1:1: error: trường 'level': thiếu trường bắt buộc 'level' (Cấp: trung-uong, tinh, huyen hoặc xa). Ví dụ: level: trung-uong",
    ),
    "missing: scope (commemoration)": case(
        sub(DAY, "scope: toan-quoc\n", ""),
        expect=f"{DAY}:1:1: error: trường 'scope': thiếu trường bắt buộc 'scope' (Phạm vi: toan-quoc, nganh hoặc dia-phuong). Ví dụ: scope: toan-quoc",
    ),
    "missing: title (legal)": case(
        sub(LEGAL, "title: về tiếp tục đổi mới công tác thi đua, khen thưởng\n", ""),
        expect=f"{LEGAL}:1:1: error: trường 'title': thiếu trường bắt buộc 'title' (Trích yếu). Ví dụ: title: về tiếp "
        "tục đổi mới công tác thi đua, khen thưởng",
    ),
    "missing: story (profile)": case(
        Edit(PERSON, lambda t: t[: t.index("story: |-")] + t[t.index("photos:") :]),
        expect=f"{PERSON}:1:1: error: trường 'story': thiếu trường bắt buộc 'story' (Câu chuyện (Markdown: đoạn văn "
        "cách nhau một dòng trống)). Ví dụ: story: Tiếp tục thực hiện phong trào thi đua.",
    ),
    "missing: both months and year_round (calendar row)": case(
        sub(CAL, "    months: [3]\n", ""),
        expect=f"{CAL}:25:5: error: trường 'entries[1]': cần đúng một trong hai trường: months hoặc year_round (không "
        "ghi cả hai).",
    ),
    "missing: months and year_round both given (calendar row)": case(
        sub(CAL, "    months: [3]\n", "    months: [3]\n    year_round: true\n"),
        expect=f"{CAL}:25:5: error: trường 'entries[1]': cần đúng một trong hai trường: months hoặc year_round (không "
        "ghi cả hai).",
    ),
    "missing: a theme with neither text nor commemoration (calendar)": case(
        sub(
            CAL,
            "      - text: >-\n          Chào mừng kỷ niệm 92 năm ngày thành lập Đoàn Thanh niên Cộng sản Hồ Chí Minh "
            "(26/3/1931-26/3/2023)\n        commemoration: thanh-lap-doan\n",
            "      - movement: van-hoa-cong-so\n",
        ),
        expect=f"{CAL}:28:9: error: trường 'entries[1].themes[0]': mục này trống: cần có text hoặc commemoration.",
    ),
    "missing: a plan item with only a label (plan)": case(
        sub(PLAN, '  - label: "I."\n    title: MỤC ĐÍCH, YÊU CẦU\n', '  - label: "I."\n'),
        expect=f"{PLAN}:52:5: error: trường 'body[0]': mục này trống: cần có title hoặc text hoặc calendar.",
    ),
    "missing: period for a period-level profile": case(
        sub(GROUP, "period:\n  from: 2021\n  to: 2025\n", ""),
        expect=f"{GROUP}:1:1: error: trường 'period': thiếu trường bắt buộc 'period' (Giai đoạn (với cấp giai đoạn), "
        "ví dụ from: 2021, to: 2025).",
    ),
    "missing: the issuer of the document (plan)": case(
        sub(PLAN, "  issuer: so-tu-phap-bac-giang\n", ""),
        expect=f"{PLAN}:4:3: error: trường 'document.issuer': thiếu trường bắt buộc 'issuer' (Mã cơ quan ban hành "
        "trong data/bodies/). Ví dụ: issuer: so-tu-phap-an-giang",
    ),
    # --- duplicates ------------------------------------------------------------------------------------------------
    "duplicate: a field written twice (body)": case(
        sub(BODY, "level: tinh\n", "level: tinh\nprovince: Bắc Ninh\n"),
        expect=f"{BODY}:6:1: error: trường 'province': trường bị ghi hai lần (lần đầu ở dòng 4); hãy xóa một lần.",
    ),
    "duplicate: a field written twice inside a list item (profile award)": case(
        sub(PERSON, "    title: Bằng khen\n", "    title: Bằng khen\n    title: Giấy khen\n"),
        expect=f"{PERSON}:23:5: error: trường 'awards[1].title': trường bị ghi hai lần (lần đầu ở dòng 22); hãy xóa "
        "một lần.",
    ),
    "duplicate: two phases with the same id (plan)": case(
        sub(PLAN23, "  - id: dot-2", "  - id: dot-1"),
        expect=f"{PLAN23}:324:9: error: trường 'phases[1].id': mã đợt 'dot-1' trùng với phases[0].",
    ),
    "duplicate: the same id as .yml and .yaml (legal)": case(
        put("data/legal/chi-thi-34-ct-tw.yaml", "kind: Chỉ thị\nissuer: Bộ Chính trị\ntitle: về thi đua\n"),
        expect=f"{LEGAL}:1:1: error: mã 'chi-thi-34-ct-tw' trùng với tệp data/legal/chi-thi-34-ct-tw.yaml; mỗi mã chỉ "
        "dùng một lần.",
    ),
    "duplicate: an id twice in a list (plan legal_bases)": case(
        sub(
            PLAN,
            "  - ke-hoach-24-kh-stp-bac-giang\n",
            "  - ke-hoach-24-kh-stp-bac-giang\n  - ke-hoach-15-kh-ubnd-bac-giang\n",
        ),
        expect=f"{PLAN}:15:5: error: trường 'legal_bases[2]': mục 'ke-hoach-15-kh-ubnd-bac-giang' trùng với legal_bases[0]; hãy xóa mục trùng.",
    ),
    "duplicate: a commemoration twice in a phase (plan)": case(
        sub(PLAN, "      - sinh-nhat-bac-ho\n", "      - sinh-nhat-bac-ho\n      - thanh-lap-dang\n"),
        expect=f"{PLAN}:363:9: error: trường 'phases[0].commemorations[2]': mục 'thanh-lap-dang' trùng với phases[0].commemorations[0]; hãy xóa mục trùng.",
    ),
    "duplicate: a month twice in a calendar row": case(
        sub(CAL, "months: [8, 9]", "months: [8, 8]"),
        expect=f"{CAL}:77:17: error: trường 'entries[5].months[1]': mục '8' trùng với entries[5].months[0]; hãy xóa mục trùng.",
    ),
    "duplicate: a footnote number twice (plan)": case(
        sub(PLAN, '  "2": >-', '  "1": >-'),
        expect=f"{PLAN}:346:3: error: trường 'footnotes.1': trường bị ghi hai lần (lần đầu ở dòng 342); hãy xóa một "
        "lần.",
    ),
    # --- dangling references ----------------------------------------------------------------------------------------
    "reference: an unknown issuer (plan)": case(
        sub(PLAN, "issuer: so-tu-phap-bac-giang", "issuer: so-tu-phap-bac-giag"),
        expect=f"{PLAN}:7:11: error: trường 'document.issuer': không có cơ quan 'so-tu-phap-bac-giag' trong "
        "data/bodies/. Có phải ý bạn là 'so-tu-phap-bac-giang'?",
    ),
    "reference: an unknown movement (profile)": case(
        sub(PERSON, "  - toan-nganh-tu-phap-doan-ket", "  - toan-nganh-tu-phap-doan-ket-2024"),
        expect=f"{PERSON}:11:5: error: trường 'movements[1]': không có phong trào 'toan-nganh-tu-phap-doan-ket-2024' "
        "trong data/movements/. Có phải ý bạn là 'toan-nganh-tu-phap-doan-ket'?",
    ),
    "reference: an unknown plan (profile)": case(
        sub(PERSON, "  - 2024-stp-bac-giang-phat-dong-thi-dua", "  - 2025-stp-bac-giang-phat-dong-thi-dua"),
        expect=f"{PERSON}:13:5: error: trường 'plans[0]': không có kế hoạch '2025-stp-bac-giang-phat-dong-thi-dua' "
        "trong data/plans/. Có phải ý bạn là '2024-stp-bac-giang-phat-dong-thi-dua'?",
    ),
    "reference: an unknown legal document (plan legal_bases)": case(
        sub(PLAN, "  - ke-hoach-24-kh-stp-bac-giang", "  - ke-hoach-25-kh-stp-bac-giang"),
        expect=f"{PLAN}:14:5: error: trường 'legal_bases[1]': không có văn bản 'ke-hoach-25-kh-stp-bac-giang' trong "
        "data/legal/. Có phải ý bạn là 'ke-hoach-24-kh-stp-bac-giang'?",
    ),
    "reference: an unknown legal document (plan cites)": case(
        sub(PLAN, "  - ket-luan-80-kl-tw", "  - nghi-quyet-01-nq-cp"),
        expect=f"{PLAN}:18:5: error: trường 'cites[2]': không có văn bản 'nghi-quyet-01-nq-cp' trong data/legal/.",
    ),
    "reference: an unknown commemoration (plan phase)": case(
        sub(PLAN, "      - loi-keu-goi-thi-dua-ai-quoc", "      - loi-keu-goi-thi-dua"),
        expect=f"{PLAN}:363:9: error: trường 'phases[0].commemorations[2]': không có ngày kỷ niệm 'loi-keu-goi-thi-dua' "
        "trong data/commemorations/. Có phải ý bạn là 'loi-keu-goi-thi-dua-ai-quoc'?",
    ),
    "reference: an unknown commemoration (calendar theme)": case(
        sub(CAL, "commemoration: thanh-lap-doan", "commemoration: thanh-lap-doan-thanh-nien"),
        expect=f"{CAL}:30:24: error: trường 'entries[1].themes[0].commemoration': không có ngày kỷ niệm "
        "'thanh-lap-doan-thanh-nien' trong data/commemorations/. Có phải ý bạn là 'thanh-lap-doan'?",
    ),
    "reference: an unknown movement (calendar theme)": case(
        sub(CAL, "movement: vi-nguoi-ngheo", "movement: vi-nguoi-ngheo-2021"),
        expect=f"{CAL}:137:19: error: trường 'entries[10].themes[0].movement': không có phong trào "
        "'vi-nguoi-ngheo-2021' trong data/movements/. Có phải ý bạn là 'vi-nguoi-ngheo'?",
    ),
    "reference: an unknown issuer (calendar)": case(
        sub(CAL, "issuer: so-tu-phap-an-giang", "issuer: so-tu-phap-angiang"),
        expect=f"{CAL}:5:9: error: trường 'issuer': không có cơ quan 'so-tu-phap-angiang' trong data/bodies/. Có phải "
        "ý bạn là 'so-tu-phap-an-giang'?",
    ),
    "reference: an unknown plan (calendar)": case(
        sub(CAL, "plan: 2023-stp-an-giang-dien-hinh-tien-tien", "plan: 2023-stp-an-giang"),
        expect=f"{CAL}:6:7: error: trường 'plan': không có kế hoạch '2023-stp-an-giang' trong data/plans/. Có phải ý "
        "bạn là '2023-stp-an-giang-dien-hinh-tien-tien'?",
    ),
    "reference: an unknown calendar (plan item)": case(
        sub(PLAN_AG, "calendar: so-tu-phap-an-giang-2023", "calendar: so-tu-phap-an-giang-2024"),
        expect=f"{PLAN_AG}:210:23: error: trường 'body[1].children[2].children[0].calendar': không có lịch tuyên truyền "
        "'so-tu-phap-an-giang-2024' trong data/calendars/. Có phải ý bạn là 'so-tu-phap-an-giang-2023'?",
    ),
    "reference: an unknown phase (plan item)": case(
        sub(PLAN_BK, "phase: dot-2", "phase: dot-3"),
        expect=f"{PLAN_BK}:194:16: error: trường 'body[2].children[2].phase': không có đợt 'dot-3' trong phases của kế "
        "hoạch này.",
    ),
    "reference: an unknown successor (body)": case(
        sub(BODY, "successor: so-tu-phap-bac-ninh", "successor: so-tu-phap-bac-ninh-moi"),
        expect=f"{BODY}:7:12: error: trường 'successor': không có cơ quan 'so-tu-phap-bac-ninh-moi' trong data/bodies/. "
        "Có phải ý bạn là 'so-tu-phap-bac-ninh'?",
    ),
    "reference: an unknown parent (body)": case(
        sub(BODY, "parent: ubnd-tinh-bac-giang", "parent: ubnd-bac-giang"),
        expect=f"{BODY}:4:9: error: trường 'parent': không có cơ quan 'ubnd-bac-giang' trong data/bodies/. Có phải ý "
        "bạn là 'ubnd-tinh-bac-giang'?",
    ),
    "reference: a record that is itself invalid is not reported as missing": case(
        sub(MOVEMENT, "scope: nganh", "scope: ngành"),
        expect=f"{MOVEMENT}:5:8: error: trường 'scope': giá trị \"ngành\" không hợp lệ; chỉ nhận một trong: "
        '"toan-quoc", "nganh", "dia-phuong". Cần: Phạm vi: toan-quoc, nganh (ngành Tư pháp) hoặc dia-phuong.',
    ),
    # --- dates -----------------------------------------------------------------------------------------------------
    "date: 30/02 (legal)": case(
        sub(LEGAL, 'date: "2014-04-07"', 'date: "2014-02-30"'),
        expect=f"{LEGAL}:3:7: error: trường 'date': ngày 30/2/2014 không tồn tại (tháng 2 năm 2014 có 28 ngày). Ngày "
        'cuối tháng viết là "2014-02-28".',
    ),
    "date: 31/04 (body)": case(
        sub(BODY, 'until: "2025-06-30"', 'until: "2025-04-31"'),
        expect=f"{BODY}:6:8: error: trường 'until': ngày 31/4/2025 không tồn tại (tháng 4 năm 2025 có 30 ngày). Ngày "
        'cuối tháng viết là "2025-04-30".',
    ),
    "date: month 13 (profile published)": case(
        sub(PERSON, 'published: "2025-01-06"', 'published: "2025-13-06"'),
        expect=f"{PERSON}:8:12: error: trường 'published': tháng 13 không tồn tại (tháng từ 1 đến 12).",
    ),
    "date: 29/02 in a common year (profile award)": case(
        sub(PERSON, 'date: "2023-12-15"', 'date: "2023-02-29"'),
        expect=f"{PERSON}:25:11: error: trường 'awards[1].date': ngày 29/2/2023 không tồn tại (tháng 2 năm 2023 có 28 "
        'ngày). Ngày cuối tháng viết là "2023-02-28".',
    ),
    "date: 31/06 (plan deadline)": case(
        sub(PLAN, 'date: "2024-06-05"', 'date: "2024-06-31"'),
        expect=f"{PLAN}:375:11: error: trường 'deadlines[1].date': ngày 31/6/2024 không tồn tại (tháng 6 năm 2024 có "
        '30 ngày). Ngày cuối tháng viết là "2024-06-30".',
    ),
    "date: 31 April (solar commemoration)": case(
        sub(DAY, "day: 3\nmonth: 2", "day: 31\nmonth: 4"),
        expect=f"{DAY}:2:6: error: trường 'day': tháng 4 dương lịch không có ngày 31 (nhiều nhất 30 ngày).",
    ),
    "date: written day/month/year (legal)": case(
        sub(LEGAL, 'date: "2014-04-07"', "date: 07/04/2014"),
        expect=f'{LEGAL}:3:7: error: trường \'date\': giá trị "07/04/2014" không đúng dạng. Cần: Ngày ban hành; Ngày có thể thiếu: "2023-04-27" (đủ ngày), "2024-01" (chỉ có tháng), "2023" (chỉ có năm). Ví dụ: date: "2023-04-27"',
    ),
    "date: without leading zeros (legal)": case(
        sub(LEGAL, 'date: "2014-04-07"', 'date: "2014-4-7"'),
        expect=f'{LEGAL}:3:7: error: trường \'date\': giá trị "2014-4-7" không đúng dạng. Cần: Ngày ban hành; Ngày có thể thiếu: "2023-04-27" (đủ ngày), "2024-01" (chỉ có tháng), "2023" (chỉ có năm). Ví dụ: date: "2023-04-27"',
    ),
    "date: only a month where a full date is required (plan phase)": case(
        sub(PLAN, 'start: "2024-07-01"', 'start: "2024-07"'),
        expect=f"{PLAN}:366:12: error: trường 'phases[1].start': giá trị \"2024-07\" không đúng dạng. Cần: Ngày đầy đủ, "
        'dạng NĂM-THÁNG-NGÀY, ví dụ "2023-04-27" cho ngày 27/4/2023. Ví dụ: start: "2023-04-27"',
    ),
    "date: end before start (plan phase)": case(
        sub(PLAN23, 'end: "2023-12-31"', 'end: "2023-06-30"'),
        expect=f"{PLAN23}:327:10: error: trường 'phases[1].end': ngày kết thúc 2023-06-30 sớm hơn ngày bắt đầu "
        "2023-07-01.",
    ),
    "date: until before from (body)": case(
        sub(BODY, 'until: "2025-06-30"', 'from: "2026-01-01"\nuntil: "2025-06-30"'),
        expect=f"{BODY}:7:8: error: trường 'until': ngày chấm dứt 2025-06-30 sớm hơn ngày bắt đầu 2026-01-01.",
    ),
    "date: to_year before from_year (movement)": case(
        sub(MOVEMENT, "to_year: 2025", "to_year: 2015"),
        expect=f"{MOVEMENT}:3:10: error: trường 'to_year': năm kết thúc 2015 sớm hơn năm bắt đầu 2019.",
    ),
    "date: a period that ends before it starts (profile)": case(
        sub(GROUP, "  from: 2021\n  to: 2025", "  from: 2025\n  to: 2021"),
        expect=f"{GROUP}:8:7: error: trường 'period.to': năm kết thúc 2021 sớm hơn năm bắt đầu 2025.",
    ),
    # --- lunar dates -------------------------------------------------------------------------------------------------
    "lunar: day 31 (commemoration)": case(
        sub(LUNAR, "day: 10", "day: 31"),
        expect=f"{LUNAR}:3:6: error: trường 'day': tháng 3 âm lịch không có ngày 31 (nhiều nhất 30 ngày).",
    ),
    "lunar: day 30 of a month that has 29 days in a calendar's year (commemoration)": case(
        sub(LUNAR, "day: 10", "day: 30"),
        expect=f"{CAL}:39:24: error: trường 'entries[2].themes[0].commemoration': ngày kỷ niệm 'gio-to-hung-vuong' năm 2023 rơi vào ngày 18/5/2023, không thuộc tháng 4 của dòng này; hãy chuyển chủ đề sang dòng Tháng 5.",
    ),
    "lunar: a Vietnamese word for true (commemoration)": case(
        sub(LUNAR, "lunar: true", "lunar: có"),
        expect=f"{LUNAR}:2:8: error: trường 'lunar': phải là true hoặc false, nhưng giá trị là \"có\". Cần: true nếu "
        "ngày, tháng tính theo âm lịch (ví dụ Giỗ Tổ Hùng Vương 10/3 âm lịch).",
    ),
    # --- calendars ---------------------------------------------------------------------------------------------------
    "calendar: a theme in the wrong month": case(
        sub(CAL, "commemoration: thanh-lap-doan", "commemoration: thanh-lap-dang"),
        expect=f"{CAL}:30:24: error: trường 'entries[1].themes[0].commemoration': ngày kỷ niệm 'thanh-lap-dang' năm 2023 "
        "rơi vào ngày 3/2/2023, không thuộc tháng 3 của dòng này; hãy chuyển chủ đề sang dòng Tháng 2.",
    ),
    "calendar: a lunar commemoration in the wrong month": case(
        sub(CAL, "commemoration: thanh-lap-doan", "commemoration: gio-to-hung-vuong"),
        expect=f"{CAL}:30:24: error: trường 'entries[1].themes[0].commemoration': ngày kỷ niệm 'gio-to-hung-vuong' năm "
        "2023 rơi vào ngày 29/4/2023, không thuộc tháng 3 của dòng này; hãy chuyển chủ đề sang dòng Tháng 4.",
    ),
    # --- anniversary lint ---------------------------------------------------------------------------------------------
    "anniversary: a wrong count (calendar)": case(
        sub(CAL, "Chào mừng 133 năm ngày sinh", "Chào mừng 134 năm ngày sinh"),
        expect=f'{CAL}:54:21: error: trường \'entries[3].themes[0].text\': kỷ niệm "134 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 -19/5/2023)": 2023 − 1890 = 133 năm, không phải 134 năm. Nếu văn bản đã ký ghi như vậy, giữ nguyên và thêm ghi chú biên tập: editorial_notes: [{{quote: "134 năm ngày sinh Chủ tịch Hồ Chí Minh (19/5/1890 -19/5/2023)", note: "..."}}]',
    ),
    "anniversary: a day that does not exist in the range (calendar)": case(
        sub(CAL, "(30/4/1975 - 30/4/2023)", "(31/4/1975 - 31/4/2023)"),
        expect=f'{CAL}:41:29: error: trường \'entries[2].themes[1].text\': kỷ niệm "48 năm ngày Miền Nam hoàn toàn giải phóng, thống nhất đất nước (31/4/1975 - 31/4/2023)": ngày 31/4/1975 không tồn tại (tháng 4 năm 1975 có 30 ngày); ngày 31/4/2023 không tồn tại (tháng 4 năm 2023 có 30 ngày). Nếu văn bản đã ký ghi như vậy, giữ nguyên và thêm ghi chú biên tập: editorial_notes: [{{quote: "(31/4/1975 - 31/4/2023)", note: "..."}}]',
    ),
    "anniversary: the editorial note that excused it is removed (calendar)": case(
        sub(
            CAL,
            '  - quote: "33 năm Ngày Hội quốc phòng toàn dân (22/12/1989 - 22/12/2023)"\n    note: >-\n'
            "      Từ 22/12/1989 đến 22/12/2023 là 34 năm (2023 − 1989 = 34), không phải 33 năm như văn bản ghi.\n",
            "",
        ),
        expect=f'{CAL}:125:19: error: trường \'entries[9].themes[1].text\': kỷ niệm "33 năm Ngày Hội quốc phòng toàn dân (22/12/1989 - 22/12/2023)": 2023 − 1989 = 34 năm, không phải 33 năm. Nếu văn bản đã ký ghi như vậy, giữ nguyên và thêm ghi chú biên tập: editorial_notes: [{{quote: "33 năm Ngày Hội quốc phòng toàn dân (22/12/1989 - 22/12/2023)", note: "..."}}]',
    ),
    "anniversary: a wrong count of a year range (movement)": case(
        sub(
            MOVEMENT,
            "scope: nganh",
            "scope: nganh\ndescription: Chào mừng 55 năm thực hiện Di chúc của Bác (1969 - 2023).",
        ),
        expect=f"{MOVEMENT}:6:24: error: trường 'description': kỷ niệm \"55 năm thực hiện Di chúc của Bác (1969 - 2023)\": 2023 − 1969 = 54 năm, không phải 55 năm. Hãy sửa lại số năm.",
    ),
    "anniversary: a wrong count in a profile story": case(
        sub(PERSON, "Năm 2024, chị là", "Dịp 95 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2024), chị là"),
        expect=f"{PERSON}:44:7: error: trường 'story': kỷ niệm \"95 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2024)\": 2024 − 1930 = 94 năm, không phải 95 năm. Hãy sửa lại số năm.",
    ),
    "editorial note: quoting text that is not there (calendar)": case(
        sub(CAL, '"191 năm thành lập tỉnh An Giang', '"191 năm Ngày thành lập tỉnh An Giang'),
        expect=f"{CAL}:187:12: error: trường 'editorial_notes[0].quote': không tìm thấy đoạn trích này trong văn bản; "
        "hãy chép đúng từng ký tự, kể cả dấu cách.",
    ),
    # --- footnotes -------------------------------------------------------------------------------------------------
    "footnote: a reference without a definition (plan)": case(
        sub(PLAN, "năm 2024[^2]", "năm 2024[^5]"),
        expect=[
            f'{PLAN}:48:39: error: trường \'preamble[0]\': chú thích [^5] chưa có nội dung; thêm vào footnotes, ví dụ: footnotes: {{"5": "..."}}',
            f"{PLAN}:346:8: error: trường 'footnotes.2': chú thích 2 không được dẫn ở đâu; ghi [^2] vào chỗ cần chú thích.",
        ],
    ),
    "footnote: a definition never referenced (plan)": case(
        sub(PLAN, "\nphases:", '\n  "5": Chú thích thừa.\nphases:'),
        expect=f"{PLAN}:355:8: error: trường 'footnotes.5': chú thích 5 không được dẫn ở đâu; ghi [^5] vào chỗ cần chú "
        "thích.",
    ),
    "footnote: a footnote named with a letter (plan)": case(
        sub(PLAN, "[^4]", "[^a]"),
        sub(PLAN, '  "4": >-', '  "a": >-'),
        expect=f'{PLAN}:352:3: error: trường \'footnotes.a\': tên "a" không hợp lệ ở đây; chú thích được đánh số: "1", "2", ...',
    ),
    "footnote: a reference in a record type that has no footnotes (movement)": case(
        sub(MOVEMENT, "scope: nganh", "scope: nganh\ndescription: Phát động theo Kế hoạch của Bộ[^1]."),
        expect=f"{MOVEMENT}:6:44: error: trường 'description': chú thích [^1] chỉ dùng được trong kế hoạch; tệp phong trào không có phần footnotes, hãy bỏ [^1] và ghi nội dung chú thích ngay trong câu.",
    ),
    # --- huge files ------------------------------------------------------------------------------------------------
    "huge: a 5 MB plan is refused before it is parsed": case(
        Edit(PLAN, big_plan),
        expect=f"{PLAN}:1:1: error: tệp quá lớn (5,7 MB; mỗi tệp dữ liệu tối đa 1 MB, kế hoạch dài nhất chỉ khoảng 30 KB). Có lẽ đã dán nhầm nội dung; hãy kiểm tra lại tệp, hoặc tách thành nhiều bản ghi.",
    ),
    "huge: a 5 MB note in one value is refused (legal)": case(
        Edit(LEGAL, lambda text: text + "note: " + "Nội dung dán nhầm. " * 250_000 + "\n"),
        expect=f"{LEGAL}:1:1: error: tệp quá lớn (6,0 MB; mỗi tệp dữ liệu tối đa 1 MB, kế hoạch dài nhất chỉ khoảng 30 KB). Có lẽ đã dán nhầm nội dung; hãy kiểm tra lại tệp, hoặc tách thành nhiều bản ghi.",
    ),
    "huge: a 900 KB file with a syntax error on its last line is explained in time (legal)": case(
        Edit(LEGAL, lambda text: text + "note: >-\n" + "  Dòng dán nhầm.\n" * 45_000 + 'source: "không đóng\n'),
        expect=f'{LEGAL}:45007:9: error: dấu ngoặc kép " mở ở dòng này nhưng chưa đóng; hãy thêm dấu " ở cuối giá trị.',
    ),
    "huge: a 900 KB plan under the limits loads (plan)": case(
        Edit(PLAN, lambda text: big_plan(text, 7_500)),
        check=lambda repo: len(repo.plans["2024-stp-bac-giang-phat-dong-thi-dua"].closing) > 7_500,
        seconds=30,  # about 2 s of CPU
    ),
    # --- profiles and photos ---------------------------------------------------------------------------------------
    "photo: a path leaving the data folder": case(
        sub(PERSON, "file: photos/kha-thi-phuong-dung.jpg", "file: ../../../etc/anh.jpg"),
        expect=f"{PERSON}:48:11: error: trường 'photos[0].file': ảnh '../../../etc/anh.jpg' nằm ngoài thư mục "
        "data/profiles/; hãy chép ảnh vào data/profiles/photos/ và ghi file: photos/<tên ảnh>.",
    ),
    "photo: an absolute path": case(
        sub(PERSON, "file: photos/kha-thi-phuong-dung.jpg", "file: /home/vanthu/anh.jpg"),
        expect=f"{PERSON}:48:11: error: trường 'photos[0].file': ảnh '/home/vanthu/anh.jpg' nằm ngoài thư mục "
        "data/profiles/; hãy chép ảnh vào data/profiles/photos/ và ghi file: photos/<tên ảnh>.",
    ),
    "photo: a file that does not exist": case(
        sub(PERSON, "file: photos/kha-thi-phuong-dung.jpg", "file: photos/kha-thi-phuong-dung.jpeg"),
        expect=f"{PERSON}:48:11: error: trường 'photos[0].file': không có tệp ảnh "
        "data/profiles/photos/kha-thi-phuong-dung.jpeg; kiểm tra tên tệp (phân biệt chữ hoa, chữ thường).",
    ),
    "photo: a Windows path with backslashes": case(
        sub(PERSON, "file: photos/kha-thi-phuong-dung.jpg", "file: photos\\kha-thi-phuong-dung.jpg"),
        expect=f"{PERSON}:48:11: error: trường 'photos[0].file': giá trị \"photos\\\\kha-thi-phuong-dung.jpg\" không "
        "đúng dạng. Cần: Tệp ảnh trong data/profiles/photos/, ví dụ photos/ten-anh.jpg. Ví dụ: file: "
        "photos/phong-hanh-chinh-tu-phap.jpg",
    ),
    "photo: an iPhone .heic file": case(
        sub(PERSON, "file: photos/kha-thi-phuong-dung.jpg", "file: photos/kha-thi-phuong-dung.heic"),
        expect=f"{PERSON}:48:11: error: trường 'photos[0].file': giá trị \"photos/kha-thi-phuong-dung.heic\" không đúng "
        "dạng. Cần: Tệp ảnh trong data/profiles/photos/, ví dụ photos/ten-anh.jpg. Ví dụ: file: "
        "photos/phong-hanh-chinh-tu-phap.jpg",
    ),
    "photo: without alt text": case(
        sub(
            PERSON,
            "    alt: Chân dung trợ giúp viên pháp lý Kha Thị Phương Dung tại buổi tôn vinh Gương sáng pháp luật\n",
            "",
        ),
        expect=f"{PERSON}:48:5: error: trường 'photos[0].alt': thiếu trường bắt buộc 'alt' (Mô tả ảnh cho người không "
        "xem được ảnh (bắt buộc)). Ví dụ: alt: Cán bộ Phòng Hành chính tư pháp hướng dẫn người dân làm thủ tục",
    ),
    "photo: alt text too short": case(
        sub(
            PERSON,
            "alt: Chân dung trợ giúp viên pháp lý Kha Thị Phương Dung tại buổi tôn vinh Gương sáng pháp luật",
            "alt: ảnh",
        ),
        expect=f"{PERSON}:49:10: error: trường 'photos[0].alt': giá trị quá ngắn (ít nhất 5 ký tự). Cần: Mô tả ảnh cho "
        "người không xem được ảnh (bắt buộc). Ví dụ: alt: Cán bộ Phòng Hành chính tư pháp hướng dẫn người dân làm "
        "thủ tục",
    ),
    "photo: a file that is not an image": case(
        put("data/profiles/photos/hong.jpg", "đây không phải ảnh\n"),
        sub(PERSON, "file: photos/kha-thi-phuong-dung.jpg", "file: photos/hong.jpg"),
        expect=f"{PERSON}:48:11: error: trường 'photos[0].file': tệp data/profiles/photos/hong.jpg không phải ảnh đọc "
        "được (JPEG, PNG hoặc WebP); hãy xuất lại ảnh rồi chép vào data/profiles/photos/.",
    ),
    "consent: a person without consent": case(
        Edit(PERSON, lambda text: text[: text.index("consent:")]),
        expect=f"{PERSON}:1:1: error: trường 'consent': thiếu trường bắt buộc 'consent' (Sự đồng ý công bố của cá nhân "
        "(bắt buộc với cá nhân; không có thì không đăng)).",
    ),
    "consent: given written as no": case(
        sub(PERSON, "  given: true", "  given: no"),
        expect=f"{PERSON}:56:10: error: trường 'consent.given': giá trị \"no\" không rõ nghĩa: một số chương trình hiểu "
        "'no' là true/false, số khác hiểu là chữ. Hãy viết đúng true hoặc false.",
    ),
    "consent: refused is accepted and the person is not published": case(
        sub(PERSON, "  given: true", "  given: false"),
        check=lambda repo: "kha-thi-phuong-dung" not in repo.profiles,
    ),
    "award: a title outside the controlled list": case(
        sub(PERSON, "title: Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", "title: Chiến sĩ thi đua cấp Bộ"),
        expect=f'{PERSON}:17:12: error: trường \'awards[0].title\': giá trị "Chiến sĩ thi đua cấp Bộ" không hợp lệ; chỉ nhận một trong: "Chiến sĩ thi đua toàn quốc", "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh", "Chiến sĩ thi đua cơ sở", "Lao động tiên tiến", "Cờ thi đua của Chính phủ", "Cờ thi đua của Bộ, ban, ngành, tỉnh", "Tập thể lao động xuất sắc", "Tập thể lao động tiên tiến", "Xã, phường, thị trấn tiêu biểu". Cần: Tên danh hiệu hoặc hình thức khen thưởng theo Luật Thi đua, khen thưởng.',
    ),
    "award: an unknown kind": case(
        sub(PERSON, "  - kind: danh-hieu", "  - kind: danh hiệu"),
        expect=f"{PERSON}:16:11: error: trường 'awards[0].kind': giá trị \"danh hiệu\" không hợp lệ; chỉ nhận một "
        'trong: "danh-hieu", "khen-thuong". Cần: danh-hieu (danh hiệu thi đua) hoặc khen-thuong (hình thức khen '
        "thưởng).",
    ),
    # --- script payloads: refused by the check (the sanitiser stays as the last line) ------------------------------
    "payload: <script> in a plan paragraph": case(
        sub(PLAN, "Phát huy tinh thần đoàn kết,", "<script>alert(1)</script> Phát huy tinh thần đoàn kết,"),
        expect=f"{PLAN}:60:15: error: trường 'body[0].children[0].children[0].text': không gõ mã HTML (<script>) vào nội dung: trang không chạy mã trong dữ liệu, đoạn này sẽ hiện ra thành chữ. Hãy xóa đoạn mã, chỉ giữ lại chữ cần đăng.",
    ),
    "payload: <img onerror> in a profile story": case(
        sub(PERSON, "Chị Kha Thị Phương Dung thường", "<img src=x onerror=alert(1)> Chị Kha Thị Phương Dung thường"),
        expect=f"{PERSON}:37:3: error: trường 'story': không gõ mã HTML (<img>) vào nội dung: trang không chạy mã trong dữ liệu, đoạn này sẽ hiện ra thành chữ. Hãy xóa đoạn mã, chỉ giữ lại chữ cần đăng.",
    ),
    "payload: <img onerror> in a calendar row": case(
        sub(CAL, "Tuyên truyền ý nghĩa ngày Giỗ tổ", "<img src=x onerror=alert(1)> Tuyên truyền ý nghĩa ngày Giỗ tổ"),
        expect=f"{CAL}:45:9: error: trường 'entries[2].contents[0]': không gõ mã HTML (<img>) vào nội dung: trang không chạy mã trong dữ liệu, đoạn này sẽ hiện ra thành chữ. Hãy xóa đoạn mã, chỉ giữ lại chữ cần đăng.",
    ),
    "payload: <script> in a commemoration note": case(
        sub(LUNAR, "note: Mùng 10", "note: <script>alert(1)</script> Mùng 10"),
        expect=f"{LUNAR}:7:7: error: trường 'note': không gõ mã HTML (<script>) vào nội dung: trang không chạy mã trong dữ liệu, đoạn này sẽ hiện ra thành chữ. Hãy xóa đoạn mã, chỉ giữ lại chữ cần đăng.",
    ),
    "payload: <script> in a body note": case(
        sub(BODY, "province: Bắc Giang", "province: Bắc Giang\nnote: <script>alert(1)</script> Sáp nhập."),
        expect=f"{BODY}:6:7: error: trường 'note': không gõ mã HTML (<script>) vào nội dung: trang không chạy mã trong dữ liệu, đoạn này sẽ hiện ra thành chữ. Hãy xóa đoạn mã, chỉ giữ lại chữ cần đăng.",
    ),
    "payload: <script> in a movement name": case(
        sub(MOVEMENT, "name: Cán bộ", "name: <script>alert(1)</script> Cán bộ"),
        expect=f"{MOVEMENT}:1:7: error: trường 'name': không gõ mã HTML (<script>) vào nội dung: trang không chạy mã trong dữ liệu, đoạn này sẽ hiện ra thành chữ. Hãy xóa đoạn mã, chỉ giữ lại chữ cần đăng.",
    ),
    "payload: <img onerror> in a legal document title": case(
        sub(LEGAL, "title: về", "title: <img src=x onerror=alert(1)> về"),
        expect=f"{LEGAL}:5:8: error: trường 'title': không gõ mã HTML (<img>) vào nội dung: trang không chạy mã trong dữ liệu, đoạn này sẽ hiện ra thành chữ. Hãy xóa đoạn mã, chỉ giữ lại chữ cần đăng.",
    ),
    # --- YAML 1.1 surprises ------------------------------------------------------------------------------------------
    "yaml: draft: no (calendar)": case(
        sub(CAL, "draft: false", "draft: no"),
        expect=f"{CAL}:1:8: error: trường 'draft': giá trị \"no\" không rõ nghĩa: một số chương trình hiểu 'no' là "
        "true/false, số khác hiểu là chữ. Hãy viết đúng true hoặc false. Ví dụ: draft: false",
    ),
    "yaml: lunar: yes (commemoration)": case(
        sub(LUNAR, "lunar: true", "lunar: yes"),
        expect=f"{LUNAR}:2:8: error: trường 'lunar': giá trị \"yes\" không rõ nghĩa: một số chương trình hiểu 'yes' là "
        "true/false, số khác hiểu là chữ. Hãy viết đúng true hoặc false.",
    ),
    "yaml: illustrative: on (profile)": case(
        sub(PERSON, "illustrative: true", "illustrative: on"),
        expect=f"{PERSON}:1:15: error: trường 'illustrative': giá trị \"on\" không rõ nghĩa: một số chương trình hiểu "
        "'on' là true/false, số khác hiểu là chữ. Hãy viết đúng true hoặc false.",
    ),
    "yaml: an unquoted date is accepted (legal)": case(
        sub(LEGAL, 'date: "2014-04-07"', "date: 2014-04-07"),
        check=lambda repo: repo.legal["chi-thi-34-ct-tw"].date.iso() == "2014-04-07",
    ),
    "yaml: an unquoted date is accepted (profile published)": case(
        sub(PERSON, 'published: "2025-01-06"', "published: 2025-01-06"),
        check=lambda repo: repo.profiles["kha-thi-phuong-dung"].published.isoformat() == "2025-01-06",
    ),
    "yaml: 079 stays the text 079 (plan number)": case(
        sub(PLAN, 'number: ""', "number: 079"),
        check=lambda repo: repo.plans["2024-stp-bac-giang-phat-dong-thi-dua"].number == "079",
    ),
    "yaml: ~ for an empty value (body)": case(
        sub(BODY, "province: Bắc Giang", "province: ~"),
        expect=f"{BODY}:5:11: error: trường 'province': giá trị \"~\" trong YAML nghĩa là để trống; nếu không có giá trị, hãy xóa cả dòng.",
    ),
    # --- resources: nothing may exhaust memory or time ------------------------------------------------------------
    "resource: an alias bomb, nine levels of ten aliases (legal)": case(
        put(LEGAL, alias_bomb()),
        expect=[
            f'{LEGAL}:1:7: error: tệp dữ liệu không dùng neo và tham chiếu của YAML (&l0); hãy chép lại đầy đủ nội dung cần lặp lại. Nếu dấu & là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép, ví dụ: lol0: "&l0 [\\"ha ha\\"]"',
            f'{LEGAL}:2:7: error: tệp dữ liệu không dùng neo và tham chiếu của YAML (&l1); hãy chép lại đầy đủ nội dung cần lặp lại. Nếu dấu & là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép, ví dụ: lol1: "&l1 [*l0, *l0, ..."',
            f"{LEGAL}:2:12: error: tệp dữ liệu không dùng neo và tham chiếu của YAML (*l0); hãy chép lại đầy đủ nội dung cần lặp lại. Nếu dấu * là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép. Tệp còn 97 chỗ khác dùng &, * hoặc !; hãy bỏ hết.",
        ],
    ),
    "resource: an alias bomb with a syntax error after it (legal)": case(
        put(LEGAL, alias_bomb() + 'note: "không đóng\n'),
        expect=f'{LEGAL}:11:7: error: dấu ngoặc kép " mở ở dòng này nhưng chưa đóng; hãy thêm dấu " ở cuối giá trị.',
    ),
    "resource: a signer copied with an anchor and an alias (plan)": case(
        sub(PLAN, "signer:\n", "signer: &ky\n"),
        sub(PLAN, "recipients:\n", "copy: *ky\nrecipients:\n"),
        expect=[
            f"{PLAN}:385:9: error: tệp dữ liệu không dùng neo và tham chiếu của YAML (&ky); hãy chép lại đầy đủ nội dung cần lặp lại.",
            f'{PLAN}:388:7: error: tệp dữ liệu không dùng neo và tham chiếu của YAML (*ky); hãy chép lại đầy đủ nội dung cần lặp lại. Nếu dấu * là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép, ví dụ: copy: "*ky"',
        ],
    ),
    "resource: a value that starts with & (movement)": case(
        sub(MOVEMENT, "launched_by: Bộ Tư pháp", "launched_by: &Bộ Tư pháp"),
        expect=f'{MOVEMENT}:4:14: error: lỗi cú pháp YAML: giá trị bắt đầu bằng dấu & (YAML hiểu là neo); hãy đặt cả giá trị trong ngoặc kép, ví dụ: launched_by: "&Bộ Tư pháp"',
    ),
    "resource: a value that starts with ! (legal note)": case(
        sub(LEGAL, "title: về", "note: !quan trọng, đọc kỹ\ntitle: về"),
        expect=f'{LEGAL}:5:7: error: giá trị bắt đầu bằng dấu ! (YAML hiểu là thẻ kiểu, và bỏ phần đó khỏi giá trị); hãy đặt cả giá trị trong ngoặc kép, ví dụ: note: "!quan trọng, đọc kỹ"',
    ),
    "resource: a 1.5 MB file (plan)": case(
        Edit(PLAN, lambda text: text + "# " + "x" * 1_500_000 + "\n"),
        expect=f"{PLAN}:1:1: error: tệp quá lớn (1,5 MB; mỗi tệp dữ liệu tối đa 1 MB, kế hoạch dài nhất chỉ khoảng 30 KB). Có lẽ đã dán nhầm nội dung; hãy kiểm tra lại tệp, hoặc tách thành nhiều bản ghi.",
    ),
    "resource: a 200 000-character value in a small file (legal)": case(
        Edit(LEGAL, lambda text: text + "note: " + "Dán nhầm. " * 20_000 + "\n"),
        expect=f"{LEGAL}:6:7: error: trường 'note': giá trị dài 199.999 ký tự, vượt giới hạn 100.000 ký tự của một giá trị (cả kế hoạch dài nhất chỉ khoảng 17.000 ký tự). Có lẽ đã dán nhầm; hãy kiểm tra lại.",
    ),
    "resource: fields nested 3000 levels deep (legal)": case(
        Edit(LEGAL, lambda text: text + "note:\n" + "".join(" " * (i + 1) + f"m{i}:\n" for i in range(1300))),
        expect=f"{LEGAL}:206:1: error: lỗi cú pháp YAML: thụt lề quá nhiều cấp (các trường lồng nhau quá sâu); hãy kiểm tra lại thụt lề.",
    ),
    # --- photos: decoded whole before the build -------------------------------------------------------------------
    "photo: a file cut short by an interrupted copy": case(
        truncated("data/profiles/photos/kha-thi-phuong-dung.jpg"),
        expect=f"{PERSON}:48:11: error: trường 'photos[0].file': tệp ảnh data/profiles/photos/kha-thi-phuong-dung.jpg bị cắt cụt (chép chưa hết hoặc tải về dở dang) nên không giải mã được hết; hãy xuất lại ảnh rồi chép vào data/profiles/photos/.",
    ),
    "photo: a 400-megapixel PNG (decompression bomb)": case(
        put("data/profiles/photos/khong-lo.png", png_header(20_000, 20_000)),
        sub(PERSON, "file: photos/kha-thi-phuong-dung.jpg", "file: photos/khong-lo.png"),
        expect=f"{PERSON}:48:11: error: trường 'photos[0].file': ảnh data/profiles/photos/khong-lo.png quá lớn (400 triệu điểm ảnh); giới hạn là 50 triệu điểm ảnh. Hãy thu nhỏ ảnh (ví dụ cạnh dài 4000 điểm ảnh, trong Paint: Resize) rồi chép lại; trang web chỉ dùng ảnh rộng tối đa 1600 điểm ảnh.",
    ),
    "photo: a 60-megapixel PNG, under Pillow's own limit": case(
        put("data/profiles/photos/lon.png", png_header(10_000, 6_000)),
        sub(PERSON, "file: photos/kha-thi-phuong-dung.jpg", "file: photos/lon.png"),
        expect=f"{PERSON}:48:11: error: trường 'photos[0].file': ảnh data/profiles/photos/lon.png quá lớn (10000 × 6000 điểm ảnh, 60 triệu điểm ảnh); giới hạn là 50 triệu điểm ảnh. Hãy thu nhỏ ảnh (ví dụ cạnh dài 4000 điểm ảnh, trong Paint: Resize) rồi chép lại; trang web chỉ dùng ảnh rộng tối đa 1600 điểm ảnh.",
    ),
    "photo: a GIF saved with a .jpg name": case(
        put("data/profiles/photos/dong.jpg", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        sub(PERSON, "file: photos/kha-thi-phuong-dung.jpg", "file: photos/dong.jpg"),
        expect=f"{PERSON}:48:11: error: trường 'photos[0].file': tệp data/profiles/photos/dong.jpg không phải ảnh đọc được (JPEG, PNG hoặc WebP); hãy xuất lại ảnh rồi chép vào data/profiles/photos/.",
    ),
    # --- comments that eat text -----------------------------------------------------------------------------------
    "comment: ' #' inside an unquoted deadline (plan)": case(
        sub(PLAN, "what: Xây dựng kế hoạch, tổ chức", "what: Xây dựng kế hoạch #2, tổ chức"),
        expect=f'{PLAN}:373:29: error: trường \'deadlines[0].what\': dấu # sau dấu cách bắt đầu một chú thích của YAML, nên phần "#2, tổ chức phát động phong trào thi đua tại địa phương" bị bỏ khỏi giá trị. Nếu đó là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép: what: "Xây dựng kế hoạch #2, tổ chức phát động phong trào thi đua tại địa phương"',
    ),
    "comment: ' #' in a body's province": case(
        sub(BODY, "province: Bắc Giang", "province: Bắc Giang # tỉnh Hà Bắc cũ"),
        expect=f'{BODY}:5:21: error: trường \'province\': dấu # sau dấu cách bắt đầu một chú thích của YAML, nên phần "# tỉnh Hà Bắc cũ" bị bỏ khỏi giá trị. Nếu đó là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép: province: "Bắc Giang # tỉnh Hà Bắc cũ"',
    ),
    "comment: ' #' in a recipient, a list item (plan)": case(
        sub(PLAN, "      - Sở Nội vụ;", "      - Sở Nội vụ #1;"),
        expect=f'{PLAN}:393:19: error: trường \'recipients[0].items[3]\': dấu # sau dấu cách bắt đầu một chú thích của YAML, nên phần "#1;" bị bỏ khỏi giá trị. Nếu đó là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép: - "Sở Nội vụ #1;"',
    ),
    "comment: the whole value after the colon is a comment (movement)": case(
        sub(MOVEMENT, "launched_by: Bộ Tư pháp", "launched_by: #Bộ Tư pháp"),
        expect=[
            f"{MOVEMENT}:4:13: error: trường 'launched_by': không được để trống. Cần: Cơ quan phát động. Ví dụ: launched_by: Bộ Tư pháp",
            f'{MOVEMENT}:4:14: error: trường \'launched_by\': dấu # sau dấu cách bắt đầu một chú thích của YAML, nên phần "#Bộ Tư pháp" bị bỏ khỏi giá trị. Nếu đó là chữ của giá trị, hãy đặt cả giá trị trong ngoặc kép: launched_by: "#Bộ Tư pháp"',
        ],
    ),
    "comment: after an id, a number or a choice, as in the skeletons, is a comment (body)": case(
        sub(BODY, "level: tinh", "level: tinh  # CẦN ĐIỀN: chọn cấp"),
        sub(BODY, "parent: ubnd-tinh-bac-giang", "parent: ubnd-tinh-bac-giang # cơ quan chủ quản"),
        check=lambda repo: repo.bodies["so-tu-phap-bac-giang"].parent == "ubnd-tinh-bac-giang",
    ),
    "comment: '#' without a space before it stays in the text (plan)": case(
        sub(PLAN, "what: Xây dựng kế hoạch, tổ chức", "what: Xây dựng kế hoạch#2, tổ chức"),
        check=lambda repo: (
            repo.plans["2024-stp-bac-giang-phat-dong-thi-dua"]
            .deadlines[0]
            .what.startswith("Xây dựng kế hoạch#2, tổ chức")
        ),
    ),
    "comment: ' #' inside quotes stays in the text (body)": case(
        sub(BODY, "province: Bắc Giang", 'province: "Bắc Giang #1"  # ghi chú'),
        check=lambda repo: repo.bodies["so-tu-phap-bac-giang"].province == "Bắc Giang #1",
    ),
    # --- files no folder reads ------------------------------------------------------------------------------------
    "stray: a plan saved in a year sub-folder": case(
        put("data/plans/2025/2025-stp-bac-giang-phat-dong-thi-dua.yml", "draft: true\nyear: 2025\n"),
        expect="data/plans/2025/2025-stp-bac-giang-phat-dong-thi-dua.yml:1:1: error: tệp nằm trong thư mục con 2025/ nên không được đọc: mỗi kế hoạch phải nằm ngay trong data/plans/. Hãy chuyển tệp lên data/plans/ (tên tệp đã phân biệt các bản ghi, ví dụ 2025-stp-an-giang-phat-dong-thi-dua.yml).",
    ),
    "stray: a folder named like a data folder, in the singular": case(
        put("data/plan/2025-stp-bac-giang.yml", "year: 2025\n"),
        expect="data/plan/2025-stp-bac-giang.yml:1:1: error: thư mục data/plan/ không phải thư mục dữ liệu nên tệp này không được đọc. Có phải ý bạn là data/plans/? Các thư mục dữ liệu: bodies/, movements/, commemorations/, legal/, calendars/, plans/, profiles/",
    ),
    "stray: a file left at the top of data/": case(
        put("data/ke-hoach-moi.yml", "year: 2025\n"),
        expect="data/ke-hoach-moi.yml:1:1: error: tệp nằm ngay trong data/ nên không được đọc; hãy chuyển tệp vào thư mục của loại bản ghi: bodies/, movements/, commemorations/, legal/, calendars/, plans/, profiles/",
    ),
    "stray: a hidden copy of a record (movement)": case(
        put("data/movements/.van-hoa-cong-so.yml", "name: Cán bộ\n"),
        expect="data/movements/.van-hoa-cong-so.yml:1:1: error: tệp ẩn '.van-hoa-cong-so.yml' (tên bắt đầu bằng dấu chấm) không được đọc: nếu đây là một bản ghi, hãy bỏ dấu chấm ở đầu tên tệp; nếu là tệp tạm của chương trình soạn thảo, hãy xóa.",
    ),
    "stray: photos in a sub-folder of profiles/photos and the guide's images are not records": case(
        put("data/profiles/photos/goc/anh-goc.txt", "ảnh gốc\n"),
        put("data/huong-dan/ghi-chu.txt", "ghi chú\n"),
        put("data/movements/.gitkeep", ""),
        check=lambda repo: "van-hoa-cong-so" in repo.movements,
    ),
    # --- markup typed into a text ---------------------------------------------------------------------------------
    "markup: <script> in a plan paragraph, on the paragraph's fourth line": case(
        sub(PLAN, "(02/9/1945-02/9/2024), 79 năm", "(02/9/1945-02/9/2024), <script>alert(1)</script> 79 năm"),
        expect=f"{PLAN}:45:28: error: trường 'preamble[0]': không gõ mã HTML (<script>) vào nội dung: trang không chạy mã trong dữ liệu, đoạn này sẽ hiện ra thành chữ. Hãy xóa đoạn mã, chỉ giữ lại chữ cần đăng.",
    ),
    "markup: <img onerror> in a profile story": case(
        sub(PERSON, "Chị Kha Thị Phương Dung thường", "<img src=x onerror=alert(1)> Chị Kha Thị Phương Dung thường"),
        expect=f"{PERSON}:37:3: error: trường 'story': không gõ mã HTML (<img>) vào nội dung: trang không chạy mã trong dữ liệu, đoạn này sẽ hiện ra thành chữ. Hãy xóa đoạn mã, chỉ giữ lại chữ cần đăng.",
    ),
    "markup: <b> in a calendar row": case(
        sub(CAL, "Tuyên truyền ý nghĩa ngày Giỗ tổ", "<b>Tuyên truyền</b> ý nghĩa ngày Giỗ tổ"),
        expect=f"{CAL}:45:9: error: trường 'entries[2].contents[0]': không dùng thẻ HTML <b> trong nội dung; hãy viết bằng Markdown: **chữ đậm**, *chữ nghiêng*, liên kết [chữ](https://...), đoạn mới cách nhau một dòng trống.",
    ),
    "markup: a javascript: link in a plan paragraph": case(
        sub(PLAN, "(02/9/1945-02/9/2024), 79 năm", "(02/9/1945-02/9/2024), [xem](javascript:alert(1)) 79 năm"),
        expect=f"{PLAN}:45:34: error: trường 'preamble[0]': liên kết tới \"javascript:\" không được phép: trang chỉ nhận liên kết tới địa chỉ bắt đầu bằng https://, http:// hoặc mailto:. Hãy ghi địa chỉ trang web, ví dụ [Cổng thông tin Sở](https://sotuphap.angiang.gov.vn), hoặc bỏ liên kết và giữ chữ.",
    ),
    "markup: a data: link in a movement description": case(
        sub(MOVEMENT, "scope: nganh", "scope: nganh\ndescription: Xem [văn bản](data:text/html,abc)."),
        expect=f"{MOVEMENT}:6:28: error: trường 'description': liên kết tới \"data:\" không được phép: trang chỉ nhận liên kết tới địa chỉ bắt đầu bằng https://, http:// hoặc mailto:. Hãy ghi địa chỉ trang web, ví dụ [Cổng thông tin Sở](https://sotuphap.angiang.gov.vn), hoặc bỏ liên kết và giữ chữ.",
    ),
    "markup: an HTML comment in a legal title": case(
        sub(LEGAL, "title: về", "title: <!-- nháp --> về"),
        expect=f"{LEGAL}:5:8: error: trường 'title': không gõ chú thích HTML (<!-- -->) vào nội dung; ghi chú cho người biên tập đặt ở dòng riêng bắt đầu bằng #.",
    ),
    "markup: a web link, an automatic link and a less-than sign are text (movement)": case(
        sub(
            MOVEMENT,
            "scope: nganh",
            "scope: nganh\ndescription: Tỷ lệ <5% và a < b; xem [Cổng](https://moj.gov.vn) hoặc <https://moj.gov.vn>.",
        ),
        check=lambda repo: "<https://moj.gov.vn>" in repo.movements["van-hoa-cong-so"].description,
        pages="Tỷ lệ &lt;5% và a &lt; b",
    ),
    # --- records published twice, contradictions ------------------------------------------------------------------
    "twice: a second calendar of the same office and year": case(
        Edit("data/calendars/so-tu-phap-an-giang-2023-ban-sua.yml", lambda _: (ROOT_DATA / CAL).read_text("utf-8")),
        expect="data/calendars/so-tu-phap-an-giang-2023-ban-sua.yml:4:7: error: trường 'year': cơ quan 'so-tu-phap-an-giang' đã có lịch tuyên truyền năm 2023 ở tệp data/calendars/so-tu-phap-an-giang-2023.yml; mỗi cơ quan một năm chỉ có một lịch. Hãy sửa ngay tệp đó thay vì tạo tệp mới, hoặc đặt draft: true cho tệp đang soạn.",
    ),
    "twice: a draft calendar beside the published one is accepted": case(
        Edit(
            "data/calendars/so-tu-phap-an-giang-2023-ban-sua.yml",
            lambda _: (ROOT_DATA / CAL).read_text("utf-8").replace("draft: false", "draft: true"),
        ),
        check=lambda repo: "so-tu-phap-an-giang-2023-ban-sua" in repo.files["calendars"],
    ),
    "twice: a profile copied to a new file name": case(
        Edit("data/profiles/kha-thi-phuong-dung-2024.yml", lambda _: (ROOT_DATA / PERSON).read_text("utf-8")),
        expect="data/profiles/kha-thi-phuong-dung-2024.yml:3:7: error: trường 'name': hồ sơ này trùng với tệp data/profiles/kha-thi-phuong-dung.yml (cùng tên, đơn vị và câu chuyện), nên sẽ được đăng hai lần. Hãy xóa một trong hai tệp; nếu là một lần khen thưởng khác, hãy viết câu chuyện của lần đó.",
    ),
    "twice: a deadline dated before the plan": case(
        sub(PLAN, 'date: "2024-02-02"', 'date: "2023-02-02"'),
        expect=f"{PLAN}:372:11: error: trường 'deadlines[0].date': thời hạn 2/2/2023 sớm hơn ngày ban hành kế hoạch (tháng 1/2024, document.date); hãy kiểm tra lại ngày, tháng, năm. Nếu văn bản đã ký ghi đúng như vậy, giữ nguyên và thêm vào mục này dòng before_plan: true",
    ),
    "twice: a deadline before the plan, as signed, with before_plan: true": case(
        sub(PLAN, '  - date: "2024-02-02"\n', '  - date: "2023-12-20"\n    before_plan: true\n'),
        check=lambda repo: repo.plans["2024-stp-bac-giang-phat-dong-thi-dua"].deadlines[0].date.year == 2023,
    ),
    # --- the right advice -----------------------------------------------------------------------------------------
    "advice: a list item without a space after the dash (plan recipients)": case(
        sub(PLAN, "      - Sở Nội vụ;", "      -Sở Nội vụ;"),
        expect=f'{PLAN}:393:7: error: thiếu dấu cách sau dấu gạch đầu dòng trong "-Sở Nội vụ;"; mỗi mục của danh sách viết "- " rồi đến nội dung: - Sở Nội vụ;',
    ),
    "advice: every item of a list without a space after the dash (profile movements)": case(
        sub(
            PERSON,
            "  - thuc-hien-thang-loi-nhiem-vu-chinh-tri-bac-giang\n  - toan",
            "  -thuc-hien-thang-loi-nhiem-vu-chinh-tri-bac-giang\n  -toan",
        ),
        expect=f"{PERSON}:10:3: error: trường 'movements': phải là một danh sách (mỗi phần tử một dòng bắt đầu bằng '- '), nhưng giá trị là \"-thuc-hien-thang-loi-nhiem-vu-chinh-tri-bac-giang -toan-nganh-tu-phap-doan-ket\". Cần: Phong trào thi đua (mã trong data/movements/). Mỗi mục của danh sách viết \"- \" (dấu gạch và một dấu cách) rồi đến nội dung, ví dụ: - Nội dung.",
    ),
    "advice: indentation with no-break spaces pasted from Word (plan)": case(
        sub(PLAN, "  symbol: KH-STP", "\u00a0\u00a0symbol: KH-STP"),
        expect=f"{PLAN}:6:1: error: dòng này thụt lề bằng dấu cách không ngắt (U+00A0, thường có khi dán từ Word hoặc trang web), YAML không coi đó là thụt lề. Hãy xóa các dấu cách ở đầu dòng rồi gõ lại bằng phím cách (2 dấu cách mỗi cấp).",
    ),
    "advice: a field dedented out of its parent (plan document.subject)": case(
        sub(PLAN, "  subject: Phát động", "subject: Phát động"),
        expect=f"{PLAN}:10:1: error: trường 'subject': trường 'subject' thuộc phần 'document' (dòng 3) nhưng thụt lề ít hơn các trường của 'document', nên bị đọc là nằm ngoài. Hãy thụt lề dòng này vào thẳng cột với các trường khác của 'document' (cột 3).",
    ),
    "advice: a field dedented out of a list item (profile award)": case(
        sub(PERSON, "    title: Bằng khen\n", "  title: Bằng khen\n"),
        expect=f"{PERSON}:22:3: error: lỗi cú pháp YAML: trường 'title' thụt lề ít hơn trường ở dòng 21 (cột 5) nhưng không thẳng cột với trường nào ở ngoài. Nếu 'title' thuộc cùng mục với dòng 21, hãy thụt lề dòng này vào cột 5.",
    ),
    "advice: true where consent's fields are expected (profile)": case(
        sub(PERSON, 'consent:\n  given: true\n  date: "2024-12-18"', "consent: true"),
        expect=f"{PERSON}:55:10: error: trường 'consent': phải là một bảng các trường dạng 'tên: giá trị', nhưng giá trị là \"true\". Cần: Sự đồng ý công bố của cá nhân (bắt buộc với cá nhân; không có thì không đăng). Ví dụ: consent: {{given: true, date: \"2023-04-27\"}}",
    ),
    "advice: plain recipients where groups are expected (plan)": case(
        sub(
            PLAN, "recipients:\n  - items:\n      - Bộ Tư pháp (b/c);", "recipients:\n  - Bộ Tư pháp (b/c);\n  - items:"
        ),
        expect=f'{PLAN}:389:5: error: trường \'recipients[0]\': phải là một bảng các trường dạng \'tên: giá trị\', nhưng giá trị là "Bộ Tư pháp (b/c);". Ví dụ: - {{group: "Gửi bản điện tử:", items: ["UBND tỉnh (b/c);", "Lưu: VT, VP."]}}',
    ),
    "advice: a list item under a field that already has a value (signer)": case(
        sub(PLAN, "  title: GIÁM ĐỐC\n", "  title: GIÁM ĐỐC\n  - Phó Giám đốc\n"),
        expect=f"{PLAN}:387:3: error: lỗi cú pháp YAML: có một mục danh sách ('- ') xen giữa các trường 'tên: giá trị' (khối bắt đầu ở dòng 386). Nếu đây là danh sách của trường ở dòng trên, hãy để trống sau dấu hai chấm của trường đó và viết mỗi mục một dòng, thụt lề vào 2 dấu cách, bắt đầu bằng '- '; nếu không, hãy xóa dấu '- ' hoặc sửa thụt lề cho thẳng các trường.",
    ),
    "advice: an undefined footnote on the third line of a paragraph (plan)": case(
        sub(PLAN, "(28/8/1945-28/8/2024), góp phần", "(28/8/1945-28/8/2024)[^9], góp phần"),
        expect=f'{PLAN}:45:88: error: trường \'preamble[0]\': chú thích [^9] chưa có nội dung; thêm vào footnotes, ví dụ: footnotes: {{"9": "..."}}',
    ),
    "advice: a wrong anniversary on the third line of a paragraph (plan)": case(
        sub(PLAN, "79 năm ngày truyền thống ngành Tư pháp", "80 năm ngày truyền thống ngành Tư pháp"),
        expect=f'{PLAN}:45:28: error: trường \'preamble[0]\': kỷ niệm "80 năm ngày truyền thống ngành Tư pháp (28/8/1945-28/8/2024)": 2024 − 1945 = 79 năm, không phải 80 năm. Nếu văn bản đã ký ghi như vậy, giữ nguyên và thêm ghi chú biên tập: editorial_notes: [{{quote: "80 năm ngày truyền thống ngành Tư pháp (28/8/1945-28/8/2024)", note: "..."}}]',
    ),
    "advice: no province swapped for another in a suggestion (so-tu-phap-bac-lieu)": case(
        sub(PLAN, "issuer: so-tu-phap-bac-giang", "issuer: so-tu-phap-bac-lieu"),
        expect=f"{PLAN}:7:11: error: trường 'document.issuer': không có cơ quan 'so-tu-phap-bac-lieu' trong data/bodies/.",
    ),
    "advice: no office swapped for another in a suggestion (ubnd-tinh-hiep-hoa)": case(
        sub(BODY, "parent: ubnd-tinh-bac-giang", "parent: ubnd-tinh-hiep-hoa"),
        expect=f"{BODY}:4:9: error: trường 'parent': không có cơ quan 'ubnd-tinh-hiep-hoa' trong data/bodies/.",
    ),
    "advice: a slip in the place is still suggested (so-tu-phap-bac-gaing)": case(
        sub(PLAN, "issuer: so-tu-phap-bac-giang", "issuer: so-tu-phap-bac-gaing"),
        expect=f"{PLAN}:7:11: error: trường 'document.issuer': không có cơ quan 'so-tu-phap-bac-gaing' trong data/bodies/. Có phải ý bạn là 'so-tu-phap-bac-giang'?",
    ),
    "advice: a missing hyphen is still suggested (so-tu-phap-bacgiang)": case(
        sub(PLAN, "issuer: so-tu-phap-bac-giang", "issuer: so-tu-phap-bacgiang"),
        expect=f"{PLAN}:7:11: error: trường 'document.issuer': không có cơ quan 'so-tu-phap-bacgiang' trong data/bodies/. Có phải ý bạn là 'so-tu-phap-bac-giang'?",
    ),
    "encoding: UTF-16 big-endian (legal)": case(
        Edit(LEGAL, lambda text: text.encode("utf-16-be")),
        expect=f'{LEGAL}:1:1: error: tệp được lưu bằng bảng mã UTF-16 (Windows gọi là "Unicode"), không phải UTF-8 nên không đọc được. Trong VS Code: bấm vào tên bảng mã ở thanh dưới cùng → Reopen with Encoding → UTF-16 BE, xem chữ có dấu đã hiện đúng, rồi bấm lại → Save with Encoding → UTF-8 (Notepad: File → Save As, mục Encoding chọn UTF-8).',
    ),
    "encoding: UTF-16 without a byte-order mark (legal)": case(
        Edit(LEGAL, lambda text: text.encode("utf-16-le")),
        expect=f'{LEGAL}:1:1: error: tệp được lưu bằng bảng mã UTF-16 (Windows gọi là "Unicode"), không phải UTF-8 nên không đọc được. Trong VS Code: bấm vào tên bảng mã ở thanh dưới cùng → Reopen with Encoding → UTF-16 LE, xem chữ có dấu đã hiện đúng, rồi bấm lại → Save with Encoding → UTF-8 (Notepad: File → Save As, mục Encoding chọn UTF-8).',
    ),
    # --- files -------------------------------------------------------------------------------------------------------
    "file: a name with capitals and diacritics (movement)": case(
        put("data/movements/Văn hóa công sở.yml", "name: Văn hóa công sở\n"),
        expect="data/movements/Văn hóa công sở.yml:1:1: error: tên tệp 'Văn hóa công sở.yml' phải viết thường, không "
        "dấu, nối bằng '-', ví dụ: so-tu-phap-an-giang.yml",
    ),
    "file: a .txt file in a data folder (legal)": case(
        put("data/legal/ghi-chu.txt", "ghi chú\n"),
        expect="data/legal/ghi-chu.txt:1:1: error: chỉ nhận tệp .yml trong thư mục dữ liệu; hãy đổi tên hoặc chuyển "
        "tệp này đi.",
    ),
    "file: an upper-case .YML extension (body)": case(
        put("data/bodies/so-tu-phap-ha-noi.YML", "name: Sở Tư pháp thành phố Hà Nội\n"),
        expect="data/bodies/so-tu-phap-ha-noi.YML:1:1: error: chỉ nhận tệp .yml trong thư mục dữ liệu; hãy đổi tên "
        "hoặc chuyển tệp này đi.",
    ),
    "file: an empty file (commemoration)": case(
        put(DAY, ""),
        expect=f"{DAY}:1:1: error: tệp trống; hãy điền dữ liệu theo mẫu trong Hướng dẫn biên tập (data/README.md).",
    ),
    "file: only comments (commemoration)": case(
        put(DAY, "# Ngày thành lập Đảng, điền sau\n"),
        expect=f"{DAY}:1:1: error: tệp trống; hãy điền dữ liệu theo mẫu trong Hướng dẫn biên tập (data/README.md).",
    ),
    "file: one line of text instead of fields (legal)": case(
        put(LEGAL, "Chỉ thị 34-CT/TW về tiếp tục đổi mới công tác thi đua, khen thưởng\n"),
        expect=f"{LEGAL}:1:1: error: tệp phải là một bảng các trường dạng 'tên: giá trị'.",
    ),
}


# --- running a case ---------------------------------------------------------------------------------------------


def load_within(data: Path, seconds: float) -> Repository | DataError:
    """Load `data`, asserting that it takes less than `seconds` of CPU time (CPU, not wall-clock time, so that a
    busy machine does not fail the test). The loader runs in a daemon thread, so that a hang fails the test
    after a long wall-clock wait instead of blocking the run. An exception other than DataError is re-raised:
    it is a crash."""
    outcome: list[Any] = []
    cpu: list[float] = []

    def work() -> None:
        start = time.thread_time()
        try:
            outcome.append(load_repository(data, data.parent))
        except BaseException as err:  # handed over to the test
            outcome.append(err)
        cpu.append(time.thread_time() - start)

    thread = threading.Thread(target=work, daemon=True)
    thread.start()
    thread.join(HANG)
    assert outcome, f"loading did not finish within {HANG:.0f} s: a hang"
    assert cpu[0] < seconds, f"loading took {cpu[0]:.1f} s of CPU time"
    if isinstance(outcome[0], DataError):
        return outcome[0]
    if isinstance(outcome[0], BaseException):
        raise outcome[0]
    return outcome[0]


def load_case(data: Path, c: Case) -> tuple[Repository | None, list[str]]:
    """Break `data` as `c` says and load it: the repository if accepted, else the messages."""
    for edit in c.edits:
        edit.apply(data.parent)
    result = load_within(data, c.seconds)
    if isinstance(result, DataError):
        return None, [p.format() for p in result.problems]
    return result, []


@pytest.fixture(scope="module")
def photo_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("photos")


def _param(name: str, reason: str = "") -> Any:
    reason = reason or CASES[name].xfail
    marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
    return pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", [_param(name) for name in CASES])
def test_bad_input(data_copy: Path, photo_cache: Path, name: str) -> None:
    c = CASES[name]
    repo, found = load_case(data_copy, c)
    assert found == list(c.expected)
    if c.expected:
        return
    assert repo is not None
    if c.check is not None:
        assert c.check(repo)
    if c.pages:
        pages = build_pages(repo, process_photos(repo, data_copy, photo_cache))
        assert any(c.pages in page.content for page in pages), "the text with the payload is on no page"
        leaks = [
            f"{page.path}: {what}: {match.group(0)}"
            for page in pages
            for what, pattern in FORBIDDEN.items()
            for match in pattern.finditer(page.content)
        ]
        assert leaks == []


def test_the_catalogue_covers_every_data_type() -> None:
    assert len(CASES) >= 60
    touched = {edit.file.split("/")[1] for c in CASES.values() for edit in c.edits}
    assert touched >= {"plans", "calendars", "profiles", "movements", "commemorations", "legal", "bodies"}


# --- the same mistakes through the real build ----------------------------------------------------------------------

END_TO_END = [
    _param("syntax: unclosed double quote (movement)"),
    _param("encoding: Windows-1258 (movement)"),
    _param("reference: an unknown successor (body)"),
    _param("calendar: a theme in the wrong month"),
    _param("photo: a file that is not an image"),
    _param("photo: a file cut short by an interrupted copy"),
    _param("resource: an alias bomb, nine levels of ten aliases (legal)"),
    _param("stray: a plan saved in a year sub-folder"),
]


@pytest.mark.parametrize("name", END_TO_END)
def test_bad_input_fails_the_build(data_copy: Path, tmp_path: Path, name: str) -> None:
    """`mkdocs build` exits non-zero with the located message and writes no site (messages name the files by
    absolute path here, because the data copy lies outside the project)."""
    c = CASES[name]
    for edit in c.edits:
        edit.apply(data_copy.parent)
    out = tmp_path / "site"
    result = build_site(out, data_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for message in c.expected:
        assert f"{data_copy.parent}/{message}" in result.stderr
    assert f"{len(c.expected)} lỗi trong dữ liệu; chưa xuất bản gì." in result.stderr
    assert not out.exists()


# --- no input exhausts memory: the same cases under a memory cap ---------------------------------------------------

MEMORY_CAP = 1 << 30  # 1 GiB of address space: the real data's check needs about a third of it
UNDER_A_CAP = [
    _param("resource: an alias bomb, nine levels of ten aliases (legal)"),
    _param("resource: an alias bomb with a syntax error after it (legal)"),
    _param("huge: a 5 MB plan is refused before it is parsed"),
    _param("huge: a 900 KB file with a syntax error on its last line is explained in time (legal)"),
    _param("photo: a 400-megapixel PNG (decompression bomb)"),
]


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


@pytest.mark.parametrize("name", UNDER_A_CAP)
def test_bad_input_under_a_memory_cap(data_copy: Path, name: str) -> None:
    """`make check` under a 1 GiB cap (resource.setrlimit in the child): a message, never a MemoryError.
    Both parsers are exercised: libyaml, and the pure-Python one that explains syntax errors."""
    c = CASES[name]
    for edit in c.edits:
        edit.apply(data_copy.parent)
    result = subprocess.run(
        [sys.executable, "-m", "thidua", "check", "data"],
        cwd=data_copy.parent,
        env={"PYTHONPATH": str(ROOT_DATA / "hooks")},
        capture_output=True,
        text=True,
        timeout=HANG,
        preexec_fn=_capped,  # noqa: PLW1509 - the child is single-threaded until exec
        check=False,
    )
    assert result.returncode == 1, result.stderr[-2000:]
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr
    assert result.stderr.splitlines()[: len(c.expected)] == list(c.expected)


def test_a_file_with_thousands_of_mistakes_is_told_in_thirty_lines(data_copy: Path) -> None:
    """60 000 recipients written as plain lines (under 1 MB): the first 30 told, then one line for the rest,
    found without explaining every one (which took 40 s)."""
    path = data_copy.parent / PLAN
    text = path.read_text(encoding="utf-8")
    start = text.index("recipients:")
    path.write_text(text[:start] + "recipients:\n" + "  - Nơi nhận\n" * 60_000, encoding="utf-8")
    result = load_within(data_copy, SECONDS)
    assert isinstance(result, DataError)
    found = [p.format() for p in result.problems]
    assert len(found) == PER_FILE + 1
    assert found[0] == (
        f"{PLAN}:389:5: error: trường 'recipients[0]': phải là một bảng các trường dạng 'tên: giá trị', nhưng giá "
        'trị là "Nơi nhận". Ví dụ: - {group: "Gửi bản điện tử:", items: ["UBND tỉnh (b/c);", "Lưu: VT, VP."]}'
    )
    assert found[-1] == (
        f"{PLAN}:418:5: error: tệp này còn lỗi khác (chỉ báo 30 lỗi đầu); sửa các lỗi trên rồi chạy lại để xem tiếp."
    )


# --- no English from the parsers -----------------------------------------------------------------------------------

# Words of PyYAML's and libyaml's problems ("sequence entries are not allowed here", "found character '@' that
# cannot start any token", ...): none may reach an editor.
ENGLISH = re.compile(
    r"\b(expected|found|allowed|while|scanning|parsing|could not|mapping|sequence|character|block|stream|token"
    r"|alias|anchor|indentation|directive|escape|document separator)\b",
    re.IGNORECASE,
)
BROKEN_YAML = {
    "text after a closing quote": "kind: Chỉ thị\ntitle: 'về thi đua' - năm 2024\n",
    "a value starting with @": "kind: @Chỉ thị\n",
    "a value starting with a backquote": "kind: `Chỉ thị`\n",
    "an unknown escape in double quotes": 'title: "C:\\qua\\thi-dua"\n',
    "a short \\x escape": 'title: "\\x4"\n',
    "a %YAML directive": "%YAML 2.0\n---\nkind: Chỉ thị\n",
    "a %TAG directive without a prefix": "%TAG !\n---\nkind: Chỉ thị\n",
    "a tag left open": "kind: !<Chỉ thị\n",
    "an undefined tag handle": "kind: !x!y Chỉ thị\n",
    "a block indicator with indentation 0": "title: >0\n  về thi đua\n",
    "text after a block indicator": "title: >về thi đua\n",
    "a list left open": "cites: [a, b\nkind: Chỉ thị\n",
    "a mapping left open": "signer: {title: GIÁM ĐỐC\nkind: Chỉ thị\n",
    "text after the end of the document": "kind: Chỉ thị\n...\ntitle: về thi đua\n",
    "a list item among fields": "signer:\n  title: GIÁM ĐỐC\n  - Phó Giám đốc\n",
    "a field deeper than the value above": "kind: Chỉ thị\n  title: về thi đua\n",
    "a list after a quoted value": 'kind: "Chỉ thị"\n  - về thi đua\n',
    "a document separator inside quotes": 'title: "về\n---\nthi đua"\n',
    "an alias without a name": "kind: *\n",
    "an anchor defined twice": "kind: &a Chỉ thị\ntitle: &a về\n",
    "an undefined alias": "kind: *chi-thi\n",
    "a tab before a field": "signer:\n\ttitle: GIÁM ĐỐC\n",
    "a line of text between fields": "kind: Chỉ thị\nvề thi đua\ntitle: x\n",
    "a question mark key": "? kind\n: Chỉ thị\n? [a]\n",
    "a key and a value on a list line": "- kind: Chỉ thị\nkind: Luật\n",
    "a stray closing bracket": "kind: Chỉ thị]\ntitle: [a]]\n",
    "a colon inside a value": "title: về: thi đua\n",
    "an unclosed double quote": 'title: "về thi đua\n',
    "a control character": "title: về\x07thi đua\n",
    "an explicit type tag": "kind: !!str Chỉ thị\n",
}


@pytest.mark.parametrize("name", list(BROKEN_YAML))
def test_no_parser_english_reaches_an_editor(name: str) -> None:
    source, problems = parse(BROKEN_YAML[name].encode("utf-8"), LEGAL)
    assert problems, "the broken file was accepted"
    for problem in problems:
        assert problem.file == LEGAL and problem.line >= 1 and problem.column >= 1
        assert not ENGLISH.search(problem.message), problem.format()


# --- an unforeseen error in the build names the data file, never a traceback -----------------------------------


def test_a_failing_page_names_its_data_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    repo = load_repository(ROOT_DATA / "data", ROOT_DATA)
    original = pages_module.render

    def broken(template: str, *args: Any, **kwargs: Any) -> str:
        if template == "plan.md.j2":
            raise KeyError("signer")
        return original(template, *args, **kwargs)

    monkeypatch.setattr(pages_module, "render", broken)
    with pytest.raises(BuildFailure) as failure:
        build_pages(repo, process_photos(repo, ROOT_DATA / "data", tmp_path))
    report = failure.value.report()
    assert re.match(r"data/plans/[a-z0-9-]+\.yml:1:1: error: lỗi không lường trước khi dựng trang ke-hoach/", report)
    assert "KeyError: 'signer'" in report and "Chưa xuất bản gì." in report


def test_a_failing_photo_names_its_profile(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    repo = load_repository(ROOT_DATA / "data", ROOT_DATA)

    def broken(source: Path, cache: Path) -> None:
        raise OSError("broken data stream when reading image file")

    monkeypatch.setattr(pages_module.photos_, "process", broken)
    with pytest.raises(BuildFailure) as failure:
        process_photos(repo, ROOT_DATA / "data", tmp_path)
    assert re.match(
        r"data/profiles/[a-z0-9-]+\.yml:1:1: error: lỗi không lường trước khi xử lý ảnh data/profiles/photos/",
        failure.value.report(),
    )


def test_the_hooks_turn_any_error_into_a_vietnamese_message(monkeypatch: pytest.MonkeyPatch) -> None:
    from mkdocs.exceptions import PluginError

    import mkdocs_hooks

    def broken(files: Any, config: Any) -> Any:
        raise RuntimeError("hỏng")

    monkeypatch.setattr(mkdocs_hooks, "_files", broken)
    with pytest.raises(PluginError) as failure:
        mkdocs_hooks.on_files(None, None)
    assert str(failure.value).startswith(
        "Không dựng được trang: lỗi không lường trước khi đọc dữ liệu và tạo các trang"
    )
    assert "RuntimeError: hỏng" in str(failure.value)


def test_a_page_failing_in_the_other_process_stops_the_build_with_its_report(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A one-off build has its pages made by another process (publish/page_work.py) while MkDocs renders:
    a page failing there stops the build before anything is written, with the located report alone (not
    MkDocs's English "Error reading page" for each page after it, not a traceback). MkDocs in this process,
    the photos left out of what the other process is told, so that the first page showing one fails."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    monkeypatch.setenv("THIDUA_DATA", str(ROOT_DATA / "data"))
    monkeypatch.setenv("THIDUA_DRAFTS", "")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT_DATA / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True)
    (hooks,) = config.hooks.values()  # the module MkDocs loaded for this config
    told = hooks.Order
    monkeypatch.setattr(hooks, "Order", lambda digest, photos, *rest: told(digest, {}, *rest))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with pytest.raises(Abort):
            build(config)
    finally:
        config.plugins.on_shutdown()
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1, errors
    assert re.match(
        r"Không dựng được trang:\n\S+:1:1: error: lỗi không lường trước khi dựng trang \S+ \(KeyError", errors[0]
    )
    assert not list((tmp_path / "site").rglob("*.html"))


def test_a_failed_make_site_ends_with_a_vietnamese_summary(data_copy: Path) -> None:
    """`make site` on bad data: the located message, MkDocs's own last line, then ours; site/ untouched."""
    for edit in CASES["photo: a file cut short by an interrupted copy"].edits:
        edit.apply(data_copy.parent)
    site = ROOT_DATA / "site"
    before = sorted(site.rglob("*")) if site.exists() else None
    result = subprocess.run(
        ["make", "--no-print-directory", "site", f"DATA={data_copy}"],
        cwd=ROOT_DATA,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # as an editor's terminal shows them, in order
        text=True,
        timeout=HANG,
        check=False,
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stdout
    assert "bị cắt cụt" in result.stdout
    # make's own "make: *** [site] Error 1" follows; the build's last word is ours, after MkDocs's
    lines = [line for line in result.stdout.strip().splitlines() if not line.startswith("make")]
    assert lines[-2] == "Aborted with a BuildError!"
    assert lines[-1].startswith("Không dựng được trang: sửa các lỗi ở trên (tệp:dòng:cột) rồi chạy lại make site.")
    assert (sorted(site.rglob("*")) if site.exists() else None) == before
    assert not (ROOT_DATA / ".site.tmp").exists()
