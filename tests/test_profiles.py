"""Model examples: validation, photos without metadata, golden page, feeds and exports, withheld records."""

from __future__ import annotations

import json
import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

from thidua.check.loader import load_repository
from thidua.publish.pages import build_pages, process_photos
from thidua.publish.photos import process
from thidua.records import urls
from thidua.source.problems import DataError

ROOT = Path(__file__).parents[1]
GOLDEN = Path(__file__).parent / "golden"
WITHHELD = {  # id: why it must appear nowhere
    "nong-van-thach-lam": "a person who did not consent",
    "phong-tu-phap-huyen-krong-pac": "a draft",
}
WITHHELD_NAMES = ["Nông Văn Thạch Lâm", "Phòng Tư pháp huyện Krông Pắc"]
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture(scope="module")
def repo():
    return load_repository(ROOT / "data")


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_repository(data, data.parent)
    return [p.format() for p in caught.value.problems]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_sample_data_covers_the_schema(repo) -> None:
    everything = load_repository(ROOT / "data", include_drafts=True).profiles
    assert len(everything) >= 15
    assert {p.kind for p in everything.values()} == {"tap-the", "ca-nhan"}
    assert len({p.level for p in everything.values()}) == 6
    assert len({p.stage for p in everything.values()}) == 4
    assert all(p.illustrative for p in everything.values())
    assert set(WITHHELD) <= set(everything) and not set(WITHHELD) & set(repo.profiles)


def test_photo_errors(data_copy: Path) -> None:
    profile = data_copy / "profiles" / "kha-thi-phuong-dung.yml"
    edit(profile, "  - file: photos/kha-thi-phuong-dung.jpg", "  - file: ../../etc/passwd.jpg")
    other = data_copy / "profiles" / "lu-thi-thanh-truc.yml"
    text = other.read_text(encoding="utf-8")
    start = text.index("  - file: ")
    line = text[:start].count("\n") + 1
    photo = text[start:].split("\n")[0].split("file: ")[1]
    other.write_text(text.replace(f"file: {photo}", "file: photos/khong-co.jpg", 1), encoding="utf-8")
    found = problems(data_copy)
    assert found == [
        "data/profiles/kha-thi-phuong-dung.yml:48:11: error: trường 'photos[0].file': ảnh '../../etc/passwd.jpg' nằm ngoài "
        "thư mục data/profiles/; hãy chép ảnh vào data/profiles/photos/ và ghi file: photos/<tên ảnh>.",
        f"data/profiles/lu-thi-thanh-truc.yml:{line}:11: error: trường 'photos[0].file': không có tệp ảnh "
        "data/profiles/photos/khong-co.jpg; kiểm tra tên tệp (phân biệt chữ hoa, chữ thường).",
    ]


def test_photo_without_alt_text(data_copy: Path) -> None:
    profile = data_copy / "profiles" / "kha-thi-phuong-dung.yml"
    edit(
        profile,
        "    alt: Chân dung trợ giúp viên pháp lý Kha Thị Phương Dung tại buổi tôn vinh Gương sáng pháp luật\n",
        "",
    )
    assert problems(data_copy) == [
        "data/profiles/kha-thi-phuong-dung.yml:48:5: error: trường 'photos[0].alt': thiếu trường bắt buộc 'alt' "
        "(Mô tả ảnh cho người không xem được ảnh (bắt buộc)). Ví dụ: alt: Cán bộ Phòng Hành chính tư pháp hướng dẫn "
        "người dân làm thủ tục"
    ]


def test_person_needs_consent_and_controlled_award_titles(data_copy: Path) -> None:
    profile = data_copy / "profiles" / "kha-thi-phuong-dung.yml"
    text = profile.read_text(encoding="utf-8")
    assert text.rstrip().endswith('date: "2024-12-18"')  # the consent block closes the file
    profile.write_text(text[: text.index("consent:")], encoding="utf-8")
    award = data_copy / "profiles" / "lu-thi-thanh-truc.yml"
    text = award.read_text(encoding="utf-8")
    title = text[text.index("title: ", text.index("awards:")) :].split("\n")[0]
    line = text[: text.index(title)].count("\n") + 1
    award.write_text(text.replace(title, "title: Bằng khen danh dự", 1), encoding="utf-8")
    found = problems(data_copy)
    assert found[0] == (
        "data/profiles/kha-thi-phuong-dung.yml:1:1: error: trường 'consent': thiếu trường bắt buộc 'consent' "
        "(Sự đồng ý công bố của cá nhân (bắt buộc với cá nhân; không có thì không đăng))."
    )
    assert found[1].startswith(f"data/profiles/lu-thi-thanh-truc.yml:{line}:")
    assert 'giá trị "Bằng khen danh dự" không hợp lệ; chỉ nhận một trong:' in found[1]
    assert len(found) == 2


def test_photos_are_stripped_resized_and_cached(tmp_path: Path) -> None:
    source = ROOT / "data" / "profiles" / "photos" / "kha-thi-phuong-dung.jpg"
    with Image.open(source) as original:
        assert original.getexif()  # the sample carries EXIF: camera, serial number, GPS, orientation 6
        assert original.size == (1600, 1200)
    result = process(source, tmp_path)
    assert (result.width, result.height) == (1200, 1600)  # orientation applied to the pixels
    assert sorted({r.width for r in result.renditions}) == [480, 960, 1200]
    assert {r.format for r in result.renditions} == {"webp", "jpg"}
    for r in result.renditions:
        data = (tmp_path / r.name).read_bytes()
        for marker in (b"Exif", b"GPS", b"XMP", b"ICC_PROFILE", b"http://ns.adobe.com"):
            assert marker not in data, (r.name, marker)
        with Image.open(tmp_path / r.name) as image:
            assert not image.getexif()
            assert image.size == (r.width, r.height)
    stamps = {r.name: (tmp_path / r.name).stat().st_mtime_ns for r in result.renditions}
    assert process(source, tmp_path) == result  # cached by content hash: nothing re-encoded
    assert stamps == {r.name: (tmp_path / r.name).stat().st_mtime_ns for r in result.renditions}


def test_profile_page_golden(repo, tmp_path: Path) -> None:
    photos = process_photos(repo, ROOT / "data", tmp_path)
    pages = {p.path: p.content for p in build_pages(repo, photos)}
    page = pages[urls.record("profiles", "trung-tam-tro-giup-phap-ly-an-giang")]
    path = GOLDEN / "profile-trung-tam-tro-giup-phap-ly-an-giang.md"
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(page, encoding="utf-8")
    assert page == path.read_text(encoding="utf-8")
    assert "Dữ liệu minh họa." in page
    assert urls.record("profiles", "nong-van-thach-lam") not in pages


def test_grouped_listings_without_javascript(site: Path) -> None:
    for group in ("theo-loai/tap-the", "theo-loai/ca-nhan", "theo-cap/toan-quoc", "theo-nam/2023"):
        assert (site / "dien-hinh" / group / "index.html").is_file(), group
    page = (site / "dien-hinh" / "theo-loai" / "tap-the" / "index.html").read_text(encoding="utf-8")
    assert page.count('class="tdkt-card"') == 8  # 9 collectives, one of them a draft
    assert (site / "dien-hinh" / "tieu-chi" / "index.html").is_file()
    criteria = (site / "dien-hinh" / "tieu-chi" / "index.html").read_text(encoding="utf-8")
    assert "Điều kiện, tiêu chuẩn đối với điển hình tiên tiến cấp cơ sở hằng năm" in criteria


def test_atom_feed(site: Path) -> None:
    feed = ET.parse(site / "dien-hinh" / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 16
    for entry in entries:
        for required in ("id", "title", "updated", "link", "summary"):
            assert entry.find(f"{ATOM}{required}") is not None
    updated = [e.find(f"{ATOM}updated").text for e in entries]
    assert updated == sorted(updated, reverse=True)
    assert feed.find(f"{ATOM}updated").text == updated[0]
    plans = ET.parse(site / "ke-hoach" / "feed.xml").getroot()
    assert len(plans.findall(f"{ATOM}entry")) == 5


def test_open_data_export(site: Path) -> None:
    data = json.loads((site / "dien-hinh" / "du-lieu.json").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert len(data["profiles"]) == 16
    first = data["profiles"][0]
    assert first["url"].startswith("https://") and first["illustrative"] is True
    assert {"name", "unit", "level", "awards", "story", "photos", "sources"} <= set(first)


def test_withheld_profiles_appear_nowhere(site: Path, repo, tmp_path: Path) -> None:
    everything = load_repository(ROOT / "data", include_drafts=True)
    withheld_photos = {
        process(ROOT / "data" / "profiles" / photo.file, tmp_path).digest
        for pid in WITHHELD
        for photo in everything.profiles[pid].photos
    }
    published_photos = {
        process(ROOT / "data" / "profiles" / photo.file, tmp_path).digest
        for p in repo.profiles.values()
        for photo in p.photos
    }
    withheld_photos -= published_photos
    leaks = []
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        if any(digest in path.name for digest in withheld_photos):
            leaks.append(str(path))
        if path.suffix in (".html", ".json", ".xml", ".ics", ".txt", ".yml"):
            text = path.read_text(encoding="utf-8")
            leaks += [f"{path}: {needle}" for needle in [*WITHHELD, *WITHHELD_NAMES] if needle in text]
        if path.suffix == ".gz":
            import gzip

            text = gzip.decompress(path.read_bytes()).decode("utf-8")
            leaks += [f"{path}: {needle}" for needle in WITHHELD if needle in text]
    assert leaks == []


def test_no_published_image_carries_metadata(site: Path) -> None:
    images = [p for p in (site / "dien-hinh" / "anh").iterdir()]
    assert len(images) >= 30
    for path in images:
        data = path.read_bytes()
        assert b"Exif" not in data and b"GPS" not in data, path
        with Image.open(path) as image:
            assert not image.getexif(), path


def test_stale_cache_is_rebuilt(tmp_path: Path) -> None:
    source = ROOT / "data" / "profiles" / "photos" / "kha-thi-phuong-dung.jpg"
    result = process(source, tmp_path)
    (tmp_path / result.renditions[0].name).unlink()
    assert process(source, tmp_path) == result
    assert (tmp_path / result.renditions[0].name).is_file()
    shutil.rmtree(tmp_path)
