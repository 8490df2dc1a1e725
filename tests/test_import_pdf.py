"""A born-digital PDF (printed by Chromium from a seed's text, fonts embedded) is read through its text layer
and gives the same plan as the text export."""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CHROMIUM, ROOT
from test_import_seeds import figures

SEED = "003_eb08d44a0701bb5e.txt"


def print_to_pdf(text: str, folder: Path) -> Path:
    lines = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    page = folder / "ke-hoach.html"
    page.write_text(
        '<!doctype html><meta charset="utf-8"><style>@page{size:A4;margin:20mm 15mm 20mm 30mm}'
        'p{margin:0 0 3pt;font:13pt "DejaVu Serif"}</style>' + lines,
        encoding="utf-8",
    )
    pdf = folder / "ke-hoach.pdf"
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return pdf


@pytest.mark.browser
def test_a_born_digital_pdf_is_imported_through_its_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for folder in ("bodies", "legal", "movements", "commemorations"):
        shutil.copytree(ROOT / "data" / folder, data / folder)
    pdf = print_to_pdf((ROOT / "tests" / "seeds" / SEED).read_text(encoding="utf-8"), tmp_path)
    result = figures(SEED, data, source=pdf)
    print(f"\nPDF của {SEED}: câu {result['sentences']:.1%}, mục {result['nodes']:.1%}")
    assert result["plan"]["source"].startswith("Tệp PDF")
    assert result["sentences"] >= 0.95 and result["nodes"] >= 0.9
    assert result["plan"]["signer"] == {"title": "GIÁM ĐỐC", "name": "Hà Thị Đào"}
    assert [g.get("group") for g in result["plan"]["recipients"]] == ["Gửi bản điện tử:", "Gửi bản giấy:"]
