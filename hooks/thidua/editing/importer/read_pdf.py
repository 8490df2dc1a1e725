"""Born-digital PDFs through their text layer (pypdf), then read as a text export.

pypdf is pure Python (BSD) and returns Vietnamese text exactly on PDFs with embedded Unicode fonts, as
pdfplumber and pymupdf do (pymupdf is AGPL). A scanned PDF has no text layer: that is said, and nothing
is guessed (no OCR)."""

from __future__ import annotations

import io
import logging

from thidua.editing.importer.blocks import Document
from thidua.editing.importer.errors import ImportProblem
from thidua.editing.importer.read_text import read_text

MIN_CHARS_PER_PAGE = 40


def read_pdf(path, raw: bytes) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # damaged cross-reference tables are repaired quietly
    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ImportProblem(
                f"tệp {path.name} được đặt mật khẩu; hãy mở bằng trình đọc PDF, in hoặc lưu lại thành PDF không mật "
                "khẩu (hoặc dùng tệp Word gốc), rồi chạy lại lệnh."
            )
        pages = [page.extract_text() or "" for page in reader.pages]
    except ImportProblem:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError):
        raise ImportProblem(
            f"tệp {path.name} bị hỏng, không đọc được nội dung PDF. Hãy xuất lại PDF từ tệp Word (hoặc dùng tệp .docx)."
        ) from None
    text = "\n".join(pages)
    if len(text.strip()) < MIN_CHARS_PER_PAGE * max(1, len(pages)) / 2:
        raise ImportProblem(
            f"tệp {path.name} là bản quét (ảnh chụp trang), không có lớp chữ để đọc. Hãy dùng tệp Word (.docx) hoặc "
            "PDF xuất trực tiếp từ Word; lệnh không nhận dạng chữ trên ảnh."
        )
    return read_text(text, kind="pdf")
