"""Nothing typed into a data field can inject script into a page, a feed or an export."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from conftest import ROOT, build_site
from thidua.check import record_checks
from thidua.publish.sanitize import clean_html, plain_text

PLAN = "data/plans/2024-stp-bac-giang-phat-dong-thi-dua.yml"
PROFILE = "data/profiles/kha-thi-phuong-dung.yml"
SCRIPT = "<script>alert(1)</script><img src=x onerror=alert(2)> [bấm](javascript:alert(3)) "
FRAME = (
    "<iframe src=https://evil.example></iframe>[xem](javascript:alert(4)) "
    "![ảnh](data:image/svg+xml;base64,PHN2Zz4=) <a href='javascript:alert(5)'>x</a> "
)


def replace_field(path: Path, key: str, prefix: str) -> None:
    """Prefix a top-level text field (plain or block scalar) with `prefix`, written as a JSON string (valid YAML)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = start + 1
    while end < len(lines) and (lines[end].startswith(" ") or not lines[end].strip()):
        end += 1
    data = yaml.safe_load("\n".join(lines[start:end]))
    lines[start:end] = [f"{key}: {json.dumps(prefix + data[key], ensure_ascii=False)}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []
        self.in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("iframe", "object", "embed"):
            self.bad.append(tag)
        self.in_script = tag == "script"
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{tag}[{name}]")
            if (
                name in ("href", "src", "srcset")
                and value
                and value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
            ):
                self.bad.append(f"{tag}[{name}={value}]")

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.bad.append("script")

    def handle_endtag(self, tag: str) -> None:
        self.in_script = False


def test_clean_html_keeps_the_sites_markup() -> None:
    html = '<p class="tdkt-p" data-x="1" aria-label="y"><a href="../x/" download="">ok</a><img src="a.jpg" srcset="a.jpg 480w" alt="ảnh" loading="lazy"></p>'
    assert clean_html(html) == html
    assert clean_html('<a href="javascript:alert(1)" onclick="x()">x</a><script>alert(1)</script>') == "<a>x</a>"


def test_plain_text() -> None:
    assert (
        plain_text("A <b>đậm</b> & <script>alert(1)</script>[x](javascript:alert(1)) 5 < 6") == "A đậm & [x](#) 5 < 6"
    )


def test_injected_script_is_refused_before_the_build(data_copy: Path, tmp_path: Path) -> None:
    """`make check` (and so the build) refuses markup and script links with a located message."""
    replace_field(data_copy.parent / PLAN, "theme", SCRIPT)
    replace_field(data_copy.parent / PROFILE, "story", FRAME)
    result = build_site(tmp_path / "site", data_copy)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    for file, field in ((PLAN, "theme"), (PROFILE, "story")):
        assert re.search(rf"{re.escape(file)}:\d+:\d+: error: trường '{field}': liên kết tới", result.stderr)
        assert re.search(rf"{re.escape(file)}:\d+:\d+: error: trường '{field}': không gõ mã HTML", result.stderr)
    assert not (tmp_path / "site").exists()


def test_injected_script_reaches_no_output(data_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sanitiser stays the last line: with the check's markup rule switched off, as if it had missed
    something, the built site (MkDocs in this process, so that the switch applies) still carries no script."""
    replace_field(data_copy.parent / PLAN, "theme", SCRIPT)
    replace_field(data_copy.parent / PROFILE, "story", FRAME)
    monkeypatch.setattr(record_checks, "markup_problems", lambda source: [])
    monkeypatch.setenv("THIDUA_DATA", str(data_copy))
    monkeypatch.setenv("THIDUA_DRAFTS", "")
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(tmp_path / "site"), strict=True))
    bad = []
    for path in (tmp_path / "site").rglob("*"):
        if path.suffix == ".html":
            scan = _Scan()
            scan.feed(path.read_text(encoding="utf-8"))
            bad += [f"{path.name}: {b}" for b in scan.bad]
        elif path.suffix in (".json", ".xml", ".ics", ".yml"):
            text = path.read_text(encoding="utf-8")
            if path.suffix == ".yml":
                continue  # the plan's own data file, published as data (text/yaml), never as a page
            for needle in ("<script", "javascript:", "onerror=", "<iframe"):
                # the search index holds the pages' text as text: tdkt-search.js shows it with textContent
                if needle in text and "search" not in path.relative_to(tmp_path / "site").parts[:1]:
                    bad.append(f"{path.relative_to(tmp_path)}: {needle}")
    assert bad == []
    page = (tmp_path / "site" / "ke-hoach" / "2024-stp-bac-giang-phat-dong-thi-dua" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page  # shown as the text it is, not run
