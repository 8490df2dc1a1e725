"""Shared fixtures: the real data, a scratch copy of it to break, and one strict build of the site."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

DATA = ROOT / "data"
CHROMIUM = os.environ.get("THIDUA_CHROMIUM", "/usr/bin/chromium")
SUBPATH = "thi-dua-khen-thuong"


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`python -m thidua ARGS` as an editor runs it (through make), from `cwd`."""
    return subprocess.run(
        [sys.executable, "-m", "thidua", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT / "hooks")},
        check=False,
    )


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ inside a scratch project root, so that messages name `data/...` paths."""
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def build_site(site_dir: Path, data_dir: Path | None = None, drafts: bool = False) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "THIDUA_DRAFTS": "1" if drafts else ""}
    if data_dir is not None:
        env["THIDUA_DATA"] = str(data_dir)
    else:
        env.pop("THIDUA_DATA", None)
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real data built once, strictly (any warning fails the build)."""
    site_dir = tmp_path_factory.mktemp("site") / "site"
    result = build_site(site_dir)
    assert result.returncode == 0, result.stderr
    return site_dir


@pytest.fixture(scope="session")
def served(site: Path, tmp_path_factory: pytest.TempPathFactory):
    """The built site served on localhost under a sub-path, as it is deployed on the Sở website."""
    root = tmp_path_factory.mktemp("www")
    (root / SUBPATH).symlink_to(site, target_is_directory=True)
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright (the browser Playwright would download is not used)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make browser` (Debian's chromium package)"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
            ],
        )
        yield browser
        browser.close()
