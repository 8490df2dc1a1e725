"""The work of a build that needs no MkDocs: making the generated pages' Markdown and the generated files
from the data (pages.plan_pages, plan_assets), and, once Markdown has made each page's HTML, the allow-list
(sanitize.clean_html), what search sees of the page (search_text.page_doc) and, once every page is made, the
search index written into the site (search_index).

`HereAndNow` does the work in this process, and keeps what search saw of every page (a dirty rebuild of
`make serve` renders only the pages an edit changed). The build uses `InAnotherProcess`, which runs a
`HereAndNow` in one other process: MkDocs turns Markdown into HTML in pure Python on one core, and this work
(about a quarter of a build at the ministry scale: README, "Hiệu năng") runs on a second core meanwhile.
A one-off build asks that process to read the data as this one does (`load`), then to make every page and
file this one has planned (`make`): their addresses are known here at once, what they hold comes back in
their order while MkDocs renders the first. If it did not read the same bytes (a file saved in between, or a
check switched off in this process only), it declines and this process makes them. The caller keeps each
page's unsanitised HTML until `cleaned()` returns it sanitised, before any page is written; the index is
written into the site by the other process while MkDocs writes the pages.

Plain Python: nothing here imports MkDocs.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import multiprocessing
import os
import queue
import shutil
import signal
import sys
import time
from collections import defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from thidua.check.loader import load_repository
from thidua.records.repository import Repository
from thidua.records.site import Site
from thidua.source.problems import BuildFailure, DataError

from .pages import Photos, plan_assets, plan_pages
from .sanitize import clean_html
from .search_index import SearchDoc, SearchIndex
from .search_text import page_doc

WAIT = 1.0  # seconds between checks that the other process is still alive
STOP = 10.0  # seconds the other process is given to stop


class WorkFailed(Exception):
    """The other process stopped or failed: the build stops before writing any page."""


class MakeFailed(WorkFailed):
    """Making one page or file failed (pages.BuildFailure): `str()` is its report, which names the data file."""


@dataclass(frozen=True)
class Order:
    """What making the pages and files needs besides the data: worked out once, by the build's process."""

    digest: str  # Repository.digest of the data the build read: the other process must have read the same
    photos: Photos
    site: Site
    stamp: dt.datetime
    domain: str
    site_url: str
    cache: Path  # the photo renditions (made by the build's process, before the order)


class HereAndNow:
    """The work done in this process; what search saw is kept across builds (`make serve`)."""

    def __init__(self) -> None:
        self._docs: dict[str, SearchDoc] = {}
        self._repo: Repository | DataError | None = None

    def load(self, data_dir: Path, root: Path, drafts: bool) -> None:
        """Read the data, as the build does, for the next `make`."""
        try:
            self._repo = load_repository(data_dir, root=root, include_drafts=drafts)
        except DataError as err:  # the build reads the same data and reports it; this side has nothing to make
            self._repo = err

    def ready(self, order: Order) -> bool:
        """Whether the data read is the data of the order; if not, it is let go."""
        if isinstance(self._repo, Repository) and self._repo.digest == order.digest:
            return True
        self._repo = None
        return False

    def make(self, order: Order) -> Iterator[tuple[str, Any]]:
        """(address, Markdown) of every generated page, then (address, bytes) of every generated file, in the
        order pages.plan_pages and plan_assets give them, once `ready(order)`. The data read is let go."""
        repo, self._repo = self._repo, None
        assert isinstance(repo, Repository) and repo.digest == order.digest, "ready(order) first"
        for page in plan_pages(repo, order.photos, None, order.site):
            yield page.path, page.make()
        assets = plan_assets(
            repo, order.photos, order.stamp, order.domain, order.site_url, order.cache, None, order.site
        )
        for asset in assets:
            if asset.make is not None:
                yield asset.path, asset.make()

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
        self._made: dict[str, Any] = {}  # pages and files made there, not yet taken
        self._early: defaultdict[str, deque] = defaultdict(deque)  # answers that came before the one awaited
        root = str(Path(__file__).resolve().parents[2])  # the folder holding `thidua`, for the new interpreter
        added = root not in sys.path
        if added:
            sys.path.insert(0, root)
        try:
            self._process.start()
        finally:
            if added:
                sys.path.remove(root)

    def load(self, data_dir: Path, root: Path, drafts: bool) -> None:
        """HereAndNow.load there, while this process reads the same data."""
        self._jobs.put(("load", str(data_dir), str(root), drafts))

    def make(self, order: Order) -> bool:
        """HereAndNow.make there; each page or file comes back from `made()`. False if that process did not read
        the data of the order (HereAndNow.ready): then it makes nothing."""
        self._jobs.put(("make", order))
        return self._take("ready")

    def made(self, path: str) -> Any:
        """What the page or file at `path` holds, once the other process has made it. MakeFailed if making it
        (or one before it) failed."""
        while path not in self._made:
            done, content = self._take("made")
            self._made[done] = content
        return self._made.pop(path)

    def add(self, url: str, title: str, keys: str, html: str, searched: bool) -> None:
        """Send a page; its sanitised HTML comes back from `cleaned()`."""
        self._jobs.put(("page", url, title, keys, html, searched))
        self._sent += 1

    def cleaned(self) -> dict[str, str]:
        """Page address -> sanitised HTML, for every page sent since the last call."""
        out: dict[str, str] = {}
        for _ in range(self._sent):
            url, html = self._take("page")
            out[url] = html
        self._sent = 0
        return out

    def start_index(self, pages: set[str], nav: list[str], folder: Path) -> None:
        """HereAndNow.write_index in the other process, in its turn after the pages sent before."""
        self._jobs.put(("index", sorted(pages), nav, str(folder)))
        self._indexes += 1

    def index_written(self) -> tuple[int, int]:
        while self._indexes:
            self._written = self._take("index")
            self._indexes -= 1
        return self._written

    def alive(self) -> bool:
        return self._process.is_alive()

    def close(self) -> None:
        """Stop the other process. What it still sends is read and dropped meanwhile: a process exits only
        once what it sent has been read (a build that failed while pages were being made took few)."""
        if self._process.is_alive():
            self._jobs.put(None)
            deadline = time.monotonic() + STOP
            while self._process.is_alive() and time.monotonic() < deadline:
                with contextlib.suppress(queue.Empty):
                    self._results.get(timeout=0.1)
        if self._process.is_alive():
            self._process.terminate()
        self._jobs.close()
        self._results.close()

    def _take(self, kind: str) -> Any:
        """The next answer of this kind ("ready", "made", "page", "index"); the answers of other kinds that come
        first are kept for their turn (an index request is answered after the pages sent before it)."""
        if self._early[kind]:
            return self._early[kind].popleft()
        while True:
            try:
                got, value = self._results.get(timeout=WAIT)
            except queue.Empty:
                if not self._process.is_alive():
                    raise WorkFailed(f"tiến trình phụ dừng đột ngột (mã thoát {self._process.exitcode})") from None
                continue
            if got == "failed":
                raise MakeFailed(value)
            if got == "error":
                raise WorkFailed(value)
            if got == kind:
                return value
            self._early[got].append(value)


def _work(jobs, results) -> None:
    """The other process: pages and the index request, in the order they were sent."""
    # Ctrl+C in the terminal reaches every process of the group: this one stops when the build closes it
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    here = HereAndNow()
    while (job := jobs.get()) is not None:
        try:
            if job[0] == "page":
                results.put(("page", (job[1], here.add(*job[1:]))))
            elif job[0] == "load":
                here.load(Path(job[1]), Path(job[2]), job[3])
            elif job[0] == "make":
                ready = here.ready(job[1])
                results.put(("ready", ready))
                for made in here.make(job[1]) if ready else ():
                    results.put(("made", made))
            else:
                results.put(("index", here.write_index(set(job[1]), job[2], Path(job[3]))))
        except BuildFailure as err:  # a page or file of one data file: told with that file
            results.put(("failed", err.report()))
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
