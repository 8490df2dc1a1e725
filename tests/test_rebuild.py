"""`make serve` keeps parsed records and made pages between rebuilds: what it shows after an edit must be
exactly what a fresh build of the edited data shows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from thidua.check.loader import load_repository
from thidua.publish.pages import build_assets, build_pages, process_photos
from thidua.serve.memo import Memo
from thidua.serve.record_cache import RecordCache
from thidua.source.problems import DataError

STAMP = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)


def _site(data: Path, cache: Path, records: RecordCache | None, memo: Memo | None) -> dict[str, bytes | str]:
    repo = load_repository(data, data.parent, include_drafts=True, cache=records)
    photos = process_photos(repo, data, cache)
    made: dict[str, bytes | str] = {p.path: p.content for p in build_pages(repo, photos, memo)}
    for asset in build_assets(repo, photos, STAMP, "localhost", "/", cache, memo):
        made[asset.path] = asset.content if asset.content is not None else str(asset.source)
    return made


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_rebuild_after_edits_equals_a_fresh_build(data_copy: Path, tmp_path: Path) -> None:
    cache = tmp_path / "photos"
    records, memo = RecordCache(), Memo()
    first = _site(data_copy, cache, records, memo)
    unchanged = load_repository(data_copy, data_copy.parent, include_drafts=True, cache=records)

    _edit(data_copy / "profiles" / "chau-van-khai-minh.yml", "name: Châu Văn Khải Minh", "name: Châu Văn Khải Minh Sửa")
    _edit(data_copy / "calendars" / "so-tu-phap-an-giang-2023.yml", "title: >-", "title: >-\n  Đã sửa:")
    again = load_repository(data_copy, data_copy.parent, include_drafts=True, cache=records)
    assert again.plans == unchanged.plans and all(
        again.plans[k] is unchanged.plans[k] for k in unchanged.plans
    )  # untouched files: the same records, not parsed again
    assert again.profiles["chau-van-khai-minh"] is not unchanged.profiles["chau-van-khai-minh"]

    rebuilt = _site(data_copy, cache, records, memo)
    fresh = _site(data_copy, cache, None, None)
    assert rebuilt == fresh
    changed = {path for path in fresh if first.get(path) != fresh[path]}
    assert "dien-hinh/chau-van-khai-minh.md" in changed and "lich-tuyen-truyen/so-tu-phap-an-giang-2023.md" in changed
    assert "Châu Văn Khải Minh Sửa" in fresh["dien-hinh/index.md"]


def test_record_cache_reports_a_broken_file_every_time(data_copy: Path) -> None:
    records = RecordCache()
    load_repository(data_copy, data_copy.parent, cache=records)
    _edit(data_copy / "profiles" / "chau-van-khai-minh.yml", "name: Châu Văn Khải Minh", "name: [Châu")
    for _ in range(2):
        with pytest.raises(DataError, match="chau-van-khai-minh.yml"):
            load_repository(data_copy, data_copy.parent, cache=records)
