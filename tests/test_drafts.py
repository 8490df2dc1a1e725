"""`make serve` previews drafts and withheld profiles, clearly marked; a published build never has them."""

from __future__ import annotations

from pathlib import Path

from conftest import build_site


def test_preview_shows_drafts_marked(tmp_path: Path) -> None:
    result = build_site(tmp_path / "preview", drafts=True)
    assert result.returncode == 0, result.stderr
    draft = (tmp_path / "preview" / "dien-hinh" / "phong-tu-phap-huyen-krong-pac" / "index.html").read_text(
        encoding="utf-8"
    )
    assert "BẢN NHÁP – chỉ hiện khi xem trước." in draft and "Hồ sơ đang ghi draft: true." in draft
    withheld = (tmp_path / "preview" / "dien-hinh" / "nong-van-thach-lam" / "index.html").read_text(encoding="utf-8")
    assert "Chưa có sự đồng ý công bố của cá nhân (consent)." in withheld
    published = (tmp_path / "preview" / "dien-hinh" / "kha-thi-phuong-dung" / "index.html").read_text(encoding="utf-8")
    assert "BẢN NHÁP" not in published


def test_published_build_has_no_draft(site: Path) -> None:
    assert not (site / "dien-hinh" / "phong-tu-phap-huyen-krong-pac").exists()
    assert not (site / "dien-hinh" / "nong-van-thach-lam").exists()
    assert not any("BẢN NHÁP – chỉ hiện khi xem trước." in p.read_text(encoding="utf-8") for p in site.rglob("*.html"))
