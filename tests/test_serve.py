"""`make serve` as an editor uses it: after an edit, the page shows the change and search finds it, while the
pages the rebuild did not render again stay in the search index."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from conftest import ROOT, SUBPATH

PROFILE = "chau-van-khai-minh"
LIMIT = 240.0  # seconds for the first build, then for the rebuild and its index


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read()
    except (urllib.error.URLError, OSError):
        return None


def _wait(check, what: str, server: subprocess.Popen, log: Path):
    start = time.monotonic()
    while time.monotonic() - start < LIMIT:
        found = check()
        if found:
            return found
        assert server.poll() is None, f"mkdocs serve stopped:\n{log.read_text(encoding='utf-8')[-3000:]}"
        time.sleep(0.5)
    raise AssertionError(f"{what} after {LIMIT} s:\n{log.read_text(encoding='utf-8')[-3000:]}")


def _searched(base: str) -> dict[str, str] | None:
    """Page address -> title, as the search index of the site being served has them."""
    manifest = _get(f"{base}search/index.json")
    if manifest is None:
        return None
    index = json.loads(manifest)
    titles = {}
    for number in range(index["docs"]):
        doc = _get(f"{base}search/{index['dir']}/d/{number}.json")
        if doc is None:
            return None  # a build replaced the index meanwhile
        found = json.loads(doc)
        titles[found["u"]] = found["t"]
    return titles


def test_an_edit_shows_on_the_page_and_in_search(data_copy: Path, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}/{SUBPATH}/"
    page = f"{base}dien-hinh/{PROFILE}/"
    env = {**os.environ, "THIDUA_DATA": str(data_copy), "THIDUA_DRAFTS": "1", "NO_MKDOCS_2_WARNING": "1"}
    env["TMPDIR"] = str(tmp_path)
    args = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict", "-a", f"127.0.0.1:{port}"]
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen(
            [*args, "-w", str(data_copy)],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        before = _wait(lambda: _searched(base), "no search index", server, log)
        assert before[f"dien-hinh/{PROFILE}/"] == "Châu Văn Khải Minh"
        time.sleep(1.0)  # the file watcher takes its first look
        source = data_copy / "profiles" / f"{PROFILE}.yml"
        text = source.read_text(encoding="utf-8")
        source.write_text(text.replace("name: Châu Văn Khải Minh", "name: Châu Văn Khải Minh Sửa", 1), encoding="utf-8")
        _wait(lambda: "Châu Văn Khải Minh Sửa" in (_get(page) or b"").decode(), "the page is not rebuilt", server, log)
        after = _wait(
            lambda: (found := _searched(base)) and found.get(f"dien-hinh/{PROFILE}/") != "Châu Văn Khải Minh" and found,
            "search does not see the edit",
            server,
            log,
        )
        assert after[f"dien-hinh/{PROFILE}/"] == "Châu Văn Khải Minh Sửa"
        assert after.keys() == before.keys()  # the pages not rendered again are still searched
    finally:
        os.killpg(server.pid, signal.SIGINT)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    assert "Traceback" not in log.read_text(encoding="utf-8")
