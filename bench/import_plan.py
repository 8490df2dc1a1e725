"""Import benchmark (`make bench-import`): how long `make import-plan` takes on a 30,000-character plan.

The document: the longest seed (Kế hoạch 79/KH-STP, with its monthly table, 23,000 characters) with the
four numbered parts of seed 001 added as parts IV.–VII., about 38,000 characters in all. It is imported as a
text export, and as a .docx made from the same paragraphs with python-docx, into a scratch copy of data/'s
catalogue: reading, parsing, matching, writing and the final check, the whole command. Each is run three
times and the fastest kept. Prints one JSON line. Nothing is asserted: speed is reported, never tested.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

import docx

from thidua.editing.importer import import_plan

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "seeds"
SHIFT = {"I.": "IV.", "II.": "V.", "III.": "VI.", "IV.": "VII."}


def long_plan() -> str:
    """Seed 004 with seed 001's parts I.-IV. inserted before its closing as parts IV.-VII."""
    base = (SEEDS / "004_bd97d77eda7bb286.txt").read_text(encoding="utf-8")
    extra = (SEEDS / "001_c45a13f7488ef6e1.txt").read_text(encoding="utf-8")
    parts = extra[extra.index("\nI. ") : extra.index("\nPhát huy những thành tích")]
    parts = re.sub(r"^(I|II|III|IV)\. ", lambda m: SHIFT[m.group(0).strip()] + " ", parts, flags=re.M)
    cut = base.index("\nTrên đây là Kế hoạch")
    return base[:cut] + parts + base[cut:]


def as_docx(text: str, path: Path) -> Path:
    document = docx.Document()
    for block in re.split(r"\n\s*\n", text):
        if "\t" in block:
            rows = [line.split("\t") for line in block.splitlines() if line.strip()]
            table = document.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            for i, row in enumerate(rows):
                for j, cell in enumerate(row):
                    table.cell(i, j).text = re.sub(r"<[^>]+>", " ", cell).strip()
        elif block.strip():
            document.add_paragraph(block.strip())
    document.save(path)
    return path


def timed(source: Path, work: Path) -> float:
    best = None
    for attempt in range(3):
        data = work / f"data-{source.suffix[1:]}-{attempt}"
        for folder in ("bodies", "legal", "movements", "commemorations"):
            shutil.copytree(ROOT / "data" / folder, data / folder)
        start = time.perf_counter()
        import_plan(source, data)
        seconds = time.perf_counter() - start
        best = seconds if best is None else min(best, seconds)
    return round(best, 3)


def main() -> int:
    text = long_plan()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plain = work / "ke-hoach.txt"
        plain.write_text(text, encoding="utf-8")
        word = as_docx(text, work / "ke-hoach.docx")
        result = {"characters": len(text), "text_seconds": timed(plain, work), "docx_seconds": timed(word, work)}
    print(json.dumps(result), file=sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
