"""`make site` replaces site/ only when the whole build succeeds: a broken data file leaves the site that
is being served byte for byte as it was, and says where the error is."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
PLAN = "data/plans/2022-stp-bac-kan-phat-dong-thi-dua.yml"


def project_copy(target: Path) -> Path:
    """The files `make site` reads, outside git and outside the real site/."""
    ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
    for folder in ("data", "docs", "hooks", "overrides"):
        shutil.copytree(ROOT / folder, target / folder, ignore=ignore)
    for name in ("Makefile", "mkdocs.yml", "package.json", "package-lock.json"):
        shutil.copy2(ROOT / name, target / name)
    # the fonts the build publishes, as `npm ci` installed them for the tests (make -o: not installed again)
    (target / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return target


def make_site(project: Path) -> subprocess.CompletedProcess:
    # The virtual environment running the tests; `-o` keeps make from reinstalling it.
    venv = Path(sys.prefix)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "THIDUA_DATA")}
    return subprocess.run(
        [
            "make",
            "-C",
            str(project),
            "-o",
            str(venv / ".installed"),
            "-o",
            "node_modules/.installed",
            f"VENV={venv}",
            "site",
        ],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def digests(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_failed_build_keeps_the_published_site(tmp_path: Path) -> None:
    project = project_copy(tmp_path / "project")
    published = project / "site"
    (published / "ke-hoach").mkdir(parents=True)
    (published / "index.html").write_text("<p>Bản đang đăng</p>\n", encoding="utf-8")
    (published / "ke-hoach" / "index.html").write_text("<p>Kế hoạch đang đăng</p>\n", encoding="utf-8")
    (published / "sitemap.xml.gz").write_bytes(bytes(range(256)))
    before = digests(published)

    plan = project / PLAN
    original = plan.read_text(encoding="utf-8")
    lines = original.splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines) if line.startswith("year:"))
    lines[number] += "yaer: 2022\n"
    plan.write_text("".join(lines), encoding="utf-8")

    failed = make_site(project)
    assert failed.returncode != 0
    assert f"{PLAN}:{number + 2}:1: error: trường 'yaer'" in failed.stderr
    assert "Đã dựng trang" not in failed.stdout
    assert digests(published) == before
    assert not (project / "site.old").exists()

    plan.write_text(original, encoding="utf-8")
    fixed = make_site(project)
    assert fixed.returncode == 0, fixed.stderr
    assert "Đã dựng trang vào site/." in fixed.stdout
    after = digests(published)
    assert "ke-hoach/2022-stp-bac-kan-phat-dong-thi-dua/index.html" in after
    assert after["index.html"] != before["index.html"]
    assert not (project / ".site.tmp").exists() and not (project / "site.old").exists()
