"""The official print form, printed by headless Chromium: A4 pages, the header, signature and "Nơi nhận"."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).parent / "artifacts"
A4 = (595.0, 842.0)  # points


def print_pdf(browser, url: str, name: str) -> PdfReader:
    page = browser.new_page()
    page.goto(url)
    page.emulate_media(media="print")
    data = page.pdf(prefer_css_page_size=True)
    page.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"{name}.pdf").write_bytes(data)
    if shutil.which("pdftoppm"):  # pictures of the pages, to look at
        subprocess.run(
            ["pdftoppm", "-r", "60", "-png", str(ARTIFACTS / f"{name}.pdf"), str(ARTIFACTS / name)], check=True
        )
    return PdfReader(io.BytesIO(data))


def text(reader: PdfReader, index: int) -> str:
    """A page's text without white space: PDF text extraction splits Vietnamese letters with stray spaces."""
    return squeeze(reader.pages[index].extract_text())


def squeeze(value: str) -> str:
    return "".join(value.split())


@pytest.mark.parametrize(
    ("plan", "header", "signer"),
    [
        (
            "2023-stp-an-giang-dien-hinh-tien-tien",
            [
                "UBND TỈNH AN GIANG",
                "SỞ TƯ PHÁP",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Số: 79/KH-STP",
                "An Giang, ngày 27 tháng 4 năm 2023",
                "KẾ HOẠCH",
            ],
            ["GIÁM ĐỐC", "Cao Thanh Sơn"],
        ),
        (
            "2023-ubnd-xa-thuong-thang-phat-dong-thi-dua",
            ["ỦY BAN NHÂN DÂN XÃ THƯỜNG THẮNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "KẾ HOẠCH"],
            ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Thị Lan"],
        ),
    ],
)
def test_official_form_prints_on_a4(browser, served: str, plan: str, header: list[str], signer: list[str]) -> None:
    reader = print_pdf(browser, f"{served}ke-hoach/{plan}/ban-in/", f"official-{plan}")
    assert len(reader.pages) >= 3
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2
    first = text(reader, 0)
    for line in header:
        assert squeeze(line) in first
    assert (
        squeeze("Bản đọc trên web") not in first and squeeze("In văn bản") not in first
    )  # the screen toolbar is not printed
    assert first.startswith(squeeze(header[0]))  # no page number on page 1
    assert text(reader, 1).startswith("2")  # page numbers from page 2, at the top
    assert text(reader, 2).startswith("3")
    everything = "".join(text(reader, i) for i in range(len(reader.pages)))
    assert squeeze("Nơi nhận:") in everything
    for line in signer:
        assert squeeze(line) in everything
    assert everything.index(squeeze("Nơi nhận:")) > everything.index(squeeze(header[-1]))
