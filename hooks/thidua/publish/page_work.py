"""What the build does with each page's HTML once Markdown has made it: the allow-list (sanitize.clean_html),
what search sees of the page (search_text.page_doc), and once every page is made, the search index written
into the site (search_index).

`HereAndNow` does the work in this process as each page comes, and keeps what search saw of every page (a
dirty rebuild of `make serve` renders only the pages an edit changed). The build uses `InAnotherProcess`,
which runs a `HereAndNow` in one other process: MkDocs turns Markdown into HTML in pure Python on one core,
and this work (about a sixth of a build at the ministry scale: README, "Hiệu năng") runs on a second core
meanwhile. The caller keeps the page's unsanitised HTML until `cleaned()` returns it sanitised, before any
page is written; the index is written into the site by the other process while MkDocs writes the pages.

Plain Python: nothing here imports MkDocs.
"""

from __future__ import annotations

import multiprocessing
import os
import queue
import shutil
import signal
import sys
from pathlib import Path

from .sanitize import clean_html
from .search_index import SearchDoc, SearchIndex
from .search_text import page_doc

WAIT = 1.0  # seconds between checks that the other process is still alive


class WorkFailed(Exception):
    """The other process stopped or failed: the build stops before writing any page."""


class HereAndNow:
    """The work done in this process, page by page; what search saw is kept across builds (`make serve`)."""

    def __init__(self) -> None:
        self._docs: dict[str, SearchDoc] = {}

    def add(self, url: str, title: str, keys: str, html: str, searched: bool) -> str:
        """The page's HTML sanitised."""
        cleaned = clean_html(html)
        if searched:
            self._docs[url] = page_doc(url, title, cleaned, keys)
        else:
            self._docs.pop(url, None)
        return cleaned

    def write_index(self, pages: set[str], nav: list[str], folder: Path) -> tuple[int, int]:
        """Write the index of these pages (addresses) into `folder` (its old files go); `nav`: the addresses
        in the navigation. Returns how many files and bytes."""
        index = SearchIndex(nav)
        for url in sorted(pages & self._docs.keys()):
            index.add(self._docs[url])
        return write_files(folder, index.files())


class InAnotherProcess:
    """The same work in one other process: pages go there as they come. It lives as long as this object:
    across the rebuilds of `make serve` it keeps what search saw of the pages not rendered again."""

    def __init__(self) -> None:
        context = multiprocessing.get_context("spawn")  # a fresh interpreter: nothing of MkDocs' state
        self._jobs = context.Queue()  # queues, not a pipe: their feeder threads never let both sides block
        self._results = context.Queue()
        self._process = context.Process(target=_work, args=(self._jobs, self._results), daemon=True)
        self._sent = 0  # pages whose sanitised HTML has not come back yet
        self._indexes = 0  # index requests whose answer has not come back yet
        self._written = (0, 0)
        root = str(Path(__file__).resolve().parents[2])  # the folder holding `thidua`, for the new interpreter
        added = root not in sys.path
        if added:
            sys.path.insert(0, root)
        try:
            self._process.start()
        finally:
            if added:
                sys.path.remove(root)

    def add(self, url: str, title: str, keys: str, html: str, searched: bool) -> None:
        """Send a page; its sanitised HTML comes back from `cleaned()`."""
        self._jobs.put(("page", url, title, keys, html, searched))
        self._sent += 1

    def cleaned(self) -> dict[str, str]:
        """Page address -> sanitised HTML, for every page sent since the last call."""
        out: dict[str, str] = {}
        for _ in range(self._sent):
            url, html = self._get("page")
            out[url] = html
        self._sent = 0
        return out

    def start_index(self, pages: set[str], nav: list[str], folder: Path) -> None:
        """HereAndNow.write_index in the other process, in its turn after the pages sent before."""
        self._jobs.put(("index", sorted(pages), nav, str(folder)))
        self._indexes += 1

    def index_written(self) -> tuple[int, int]:
        while self._indexes:
            self._get("index")
        return self._written

    def alive(self) -> bool:
        return self._process.is_alive()

    def close(self) -> None:
        if self._process.is_alive():
            self._jobs.put(None)
            self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.terminate()
        self._jobs.close()
        self._results.close()

    def _get(self, kind: str):
        while True:
            try:
                got, value = self._results.get(timeout=WAIT)
            except queue.Empty:
                if not self._process.is_alive():
                    raise WorkFailed(f"tiến trình phụ dừng đột ngột (mã thoát {self._process.exitcode})") from None
                continue
            if got == "error":
                raise WorkFailed(value)
            if got == "index":  # the answer to an index request comes in its turn, wanted or not
                self._indexes -= 1
                self._written = value
                if kind == "index":
                    return value
                continue
            assert got == kind, (got, kind)
            return value


def _work(jobs, results) -> None:
    """The other process: pages and the index request, in the order they were sent."""
    # Ctrl+C in the terminal reaches every process of the group: this one stops when the build closes it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    here = HereAndNow()
    while (job := jobs.get()) is not None:
        try:
            if job[0] == "page":
                results.put(("page", (job[1], here.add(*job[1:]))))
            else:
                results.put(("index", here.write_index(set(job[1]), job[2], Path(job[3]))))
        except Exception as err:  # noqa: BLE001 - reported to the build, which stops
            results.put(("error", f"{type(err).__name__}: {err}"[:300]))


def write_files(folder: Path, files: list[tuple[str, bytes]]) -> tuple[int, int]:
    """The index's files under `folder`; returns how many files and bytes. `make serve` writes into the
    previous build's site, and a reader may search meanwhile: the new folder (named by its content) is
    written first, then the manifest that names it is replaced in one step, then the old folders go."""
    folder.mkdir(parents=True, exist_ok=True)
    manifest = dict(files)["index.json"]
    for path, data in files:
        if path != "index.json":
            target = folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    staged = folder / "index.json.tmp"
    staged.write_bytes(manifest)
    os.replace(staged, folder / "index.json")
    kept = {path.split("/", 1)[0] for path, _ in files}
    for old in folder.iterdir():
        if old.name not in kept:
            if old.is_dir():
                shutil.rmtree(old)
            else:
                old.unlink()
    return len(files), sum(len(data) for _, data in files)
