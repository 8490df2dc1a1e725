"""Synthetic data for the benchmark (thidua.synthetic): valid, deterministic, buildable, and kept off data/."""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

import pytest
from bench import synthetic

from conftest import DATA, ROOT, build_site, run_cli
from thidua.check.loader import load_repository

TINY = synthetic.SCALES["tiny"]


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic") / "data"
    synthetic.generate(TINY, out)
    return out


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_tiny_data_is_valid(tiny: Path) -> None:
    result = run_cli("check", str(tiny), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Dữ liệu hợp lệ: 2 plans, 2 calendars, 20 profiles")
    assert "69 bodies" in result.stdout  # Bộ Tư pháp, and a Sở Tư pháp and an UBND for each of 34 provinces
    photos = list((tiny / "profiles" / "photos").glob("*.jpg"))
    assert len(photos) == TINY.photos


def test_same_bytes_every_run(tiny: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    synthetic.generate(TINY, again)
    assert files(again) == files(tiny)
    synthetic.generate(TINY, again)  # a folder it generated before is regenerated in place
    assert files(again) == files(tiny)


def test_plans_read_like_the_real_ones(tiny: Path) -> None:
    def paragraphs(folder: Path) -> list[int]:
        repo = load_repository(folder, include_drafts=True)
        return [len(n.text) for p in repo.plans.values() for n in p.walk() if n.text]

    real, made = paragraphs(DATA), paragraphs(tiny)
    assert 0.7 < statistics.median(made) / statistics.median(real) < 1.4
    assert 0.7 < statistics.mean(made) / statistics.mean(real) < 1.4


def test_refuses_folders_it_did_not_make(tmp_path: Path) -> None:
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("not ours", encoding="utf-8")
    before = files(DATA)
    for target in (foreign, DATA, DATA / "synthetic", ROOT):
        with pytest.raises(synthetic.Refused):
            synthetic.generate(TINY, target)
    assert files(DATA) == before
    assert files(foreign) == {"notes.txt": b"not ours"}


def test_command_line_refuses_with_a_message(tmp_path: Path) -> None:
    (tmp_path / "x.yml").write_text("a: 1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "bench.synthetic", "--scale", "tiny", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": f"{ROOT / 'hooks'}:{ROOT}"},
        check=False,
    )
    assert result.returncode == 2
    assert "không ghi vào đó" in result.stderr


def test_tiny_data_builds_strictly(tiny: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = build_site(site, tiny)
    assert result.returncode == 0, result.stderr
    assert (site / "ke-hoach" / "2025-stp-an-giang-phat-dong-thi-dua" / "ban-in" / "index.html").is_file()
    assert (site / "lich-tuyen-truyen" / "so-tu-phap-an-giang-2024" / "thang-04" / "index.html").is_file()
    assert (site / "co-quan" / "so-tu-phap-ha-noi" / "index.html").is_file()
    profile = sorted((tiny / "profiles").glob("*.yml"))[0].stem
    assert (site / "dien-hinh" / profile / "index.html").is_file() or "given: false" in (
        tiny / "profiles" / f"{profile}.yml"
    ).read_text(encoding="utf-8")
