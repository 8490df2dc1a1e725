"""Which reader a file needs, from its first bytes (not its name): Word 2007+ (.docx, a ZIP package),
PDF, or text. An old binary .doc, an encrypted Word file (both OLE containers), a damaged or unknown
file gets a clear message."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from thidua.editing.importer.blocks import Document
from thidua.editing.importer.errors import ImportProblem
from thidua.editing.importer.read_docx import read_docx
from thidua.editing.importer.read_pdf import read_pdf
from thidua.editing.importer.read_text import read_text

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read(path: Path) -> Document:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ImportProblem(
            f"không có tệp {path}. Kiểm tra đường dẫn, ví dụ: make import-plan FILE=~/Tải về/ke-hoach.docx"
        ) from None
    except OSError as err:
        raise ImportProblem(f"không đọc được tệp {path}: {err.strerror}.") from None
    if not raw.strip():
        raise ImportProblem(f"tệp {path} rỗng.")
    if raw.startswith(OLE):
        if b"E\x00n\x00c\x00r\x00y\x00p\x00t\x00e\x00d\x00P\x00a\x00c\x00k\x00a\x00g\x00e" in raw:
            raise ImportProblem(
                f"tệp {path.name} được đặt mật khẩu: mở bằng Word, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ tài liệu), "
                "lưu lại rồi chạy lại lệnh."
            )
        raise ImportProblem(
            f"tệp {path.name} là tệp Word cũ (.doc, trước 2007), lệnh không đọc được. Mở bằng Word hoặc LibreOffice, "
            "chọn Lưu thành > Word Document (.docx), rồi chạy lại lệnh với tệp .docx."
        )
    if raw.startswith(b"{\\rtf"):
        raise ImportProblem(
            f"tệp {path.name} là tệp RTF; mở bằng Word hoặc LibreOffice, lưu thành Word Document (.docx), "
            "rồi chạy lại lệnh."
        )
    if raw.startswith(b"PK"):
        _check_word_package(path, raw)
        return read_docx(path, raw)
    if raw.startswith(b"%PDF"):
        return read_pdf(path, raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportProblem(
            f"tệp {path.name} không phải .docx, .pdf hay văn bản UTF-8 (có thể bị hỏng, hoặc là định dạng khác). "
            "Hãy lưu kế hoạch thành .docx hoặc PDF rồi chạy lại lệnh."
        ) from None
    if "\x00" in text:
        raise ImportProblem(f"tệp {path.name} không phải văn bản (có ký tự nhị phân); hãy dùng tệp .docx hoặc PDF.")
    return read_text(text)


def _check_word_package(path: Path, raw: bytes) -> None:
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as package:
            names = set(package.namelist())
    except zipfile.BadZipFile:
        raise ImportProblem(
            f"tệp {path.name} bị hỏng hoặc không trọn vẹn (không mở được gói .docx). Mở lại bằng Word, lưu thành "
            "tệp .docx mới (hoặc tải lại tệp), rồi chạy lại lệnh."
        ) from None
    if "word/document.xml" not in names:
        raise ImportProblem(
            f"tệp {path.name} là một gói ZIP nhưng không phải văn bản Word (.docx): có thể là bảng tính, trình chiếu "
            "hay tệp nén. Hãy chọn đúng tệp Word của kế hoạch."
        )
