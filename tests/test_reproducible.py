"""Two builds of the same commit produce the same files, byte for byte: the output depends on the commit
(data, code, git dates), never on the build clock, time zone, hash seed or output folder."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
from pathlib import Path

import pytest

from conftest import build_site
from thidua.publish.reproducible import gzip_bytes


def digests(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_two_builds_of_the_same_commit_are_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = tmp_path / "first" / "site"
    result = build_site(first)
    assert result.returncode == 0, result.stderr
    # The second build runs as if on another day (MkDocs reads its build date from SOURCE_DATE_EPOCH), in
    # another time zone, with another hash seed (set and dict order), into another folder.
    another_day = dt.datetime(2031, 3, 4, 23, 30, tzinfo=dt.UTC)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(another_day.timestamp())))
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    monkeypatch.setenv("PYTHONHASHSEED", "20310304")
    second = tmp_path / "second" / "site"
    result = build_site(second)
    assert result.returncode == 0, result.stderr

    first_files, second_files = digests(first), digests(second)
    assert sorted(first_files) == sorted(second_files)
    differing = [name for name in first_files if first_files[name] != second_files[name]]
    assert differing == [], f"differ between two builds of the same commit: {differing}"


def test_sitemap_has_no_build_date(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_bytes()
    assert sitemap.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<urlset')
    assert b"<loc>https://sotuphap.example.gov.vn/thi-dua-khen-thuong/</loc>" in sitemap
    assert b"lastmod" not in sitemap
    packed = (site / "sitemap.xml.gz").read_bytes()
    assert gzip.decompress(packed) == sitemap
    assert packed[4:8] == b"\0\0\0\0", "gzip header carries a timestamp"


def test_gzip_bytes_carry_neither_time_nor_name() -> None:
    data = "Thi đua, khen thưởng\n".encode() * 100
    packed = gzip_bytes(data)
    assert packed == gzip_bytes(data)
    assert gzip.decompress(packed) == data
    assert packed[3] & 0x08 == 0, "FNAME flag set"
    assert packed[4:8] == b"\0\0\0\0"
