"""Files the importer refuses: each gets a clear Vietnamese message, a non-zero exit, and nothing is written."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter

from conftest import ROOT, run_cli
from docx_fixture import para, run, write_docx

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for folder in ("bodies", "legal", "movements", "commemorations", "plans", "calendars"):
        shutil.copytree(ROOT / "data" / folder, tmp_path / "data" / folder)
    return tmp_path


def snapshot(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes() for p in sorted(data.rglob("*")) if p.is_file()}


def scanned_pdf(path: Path) -> Path:
    Image.new("RGB", (620, 877), "white").save(path, "PDF")  # a page that is only a picture
    return path


def encrypted_pdf(path: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.encrypt("mat-khau")
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def damaged_docx(path: Path) -> Path:
    write_docx(path, [para(run("KẾ HOẠCH", bold=True))])
    path.write_bytes(path.read_bytes()[:300])  # cut off, as an interrupted download is
    return path


def spreadsheet(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr("xl/workbook.xml", "<workbook/>")
    path.write_bytes(buffer.getvalue())
    return path


CASES = {
    "cu.doc": (lambda p: p.write_bytes(OLE + b"\x00" * 600) and p, "tệp Word cũ (.doc"),
    "mat-khau.docx": (
        lambda p: p.write_bytes(OLE + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 600) and p,
        "đặt mật khẩu",
    ),
    "hong.docx": (damaged_docx, "bị hỏng"),
    "bang-tinh.docx": (spreadsheet, "không phải văn bản Word"),
    "quyet-dinh.txt": (
        lambda p: p.write_text("QUYẾT ĐỊNH\nVề việc khen thưởng\nĐiều 1. Tặng Giấy khen.\n") and p,
        "là QUYẾT ĐỊNH, không phải KẾ HOẠCH",
    ),
    "thu.txt": (lambda p: p.write_text("Kính gửi anh chị,\nHẹn gặp lại.\n") and p, "không tìm thấy tên loại văn bản"),
    "ban-quet.pdf": (scanned_pdf, "bản quét"),
    "mat-khau.pdf": (encrypted_pdf, "đặt mật khẩu"),
    "anh.png": (lambda p: Image.new("RGB", (8, 8)).save(p) or p, "không phải .docx, .pdf"),
    "khong-co.docx": (lambda p: p, "không có tệp"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_refused_with_a_message_and_nothing_written(project: Path, name: str) -> None:
    make, expected = CASES[name]
    source = make(project / name)
    before = snapshot(project / "data")
    result = run_cli("import-plan", str(source), "--data", "data", cwd=project)
    assert result.returncode == 1
    assert expected in result.stderr and "Chưa ghi tệp nào." in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(project / "data") == before


def test_an_existing_plan_is_never_overwritten(project: Path) -> None:
    seed = ROOT / "tests" / "seeds" / "001_c45a13f7488ef6e1.txt"
    before = snapshot(project / "data")
    result = run_cli("import-plan", str(seed), "--data", "data", cwd=project)  # its plan is already in data/
    assert result.returncode == 1
    assert "data/plans/2024-stp-bac-giang-phat-dong-thi-dua.yml đã có; không ghi đè" in result.stderr
    assert "ID=2024-stp-bac-giang-phat-dong-thi-dua-2" in result.stderr
    assert snapshot(project / "data") == before


def test_the_command_prints_the_review_list(project: Path) -> None:
    seed = ROOT / "tests" / "seeds" / "001_c45a13f7488ef6e1.txt"
    result = run_cli("import-plan", str(seed), "--id", "2024-stp-bac-giang-nhap-thu", "--data", "data", cwd=project)
    assert result.returncode == 0, result.stderr
    assert "data/plans/2024-stp-bac-giang-nhap-thu.yml" in result.stdout
    assert "plans/2024-stp-bac-giang-nhap-thu.yml:" in result.stdout and "ghi chú biên tập" in result.stdout
    check = run_cli("check", "data", cwd=project)
    assert check.returncode == 0, check.stderr
