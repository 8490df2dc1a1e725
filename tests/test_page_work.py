"""Making the pages, sanitising and the search index, in this process (`make serve`) or in another (a one-off
build): the same result either way, and a failure of the other process stops the build with a message, never a
half site."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from conftest import DATA, ROOT
from thidua.check.loader import load_repository
from thidua.publish.page_work import HereAndNow, InAnotherProcess, MakeFailed, Order, WorkFailed
from thidua.publish.pages import build_assets, build_pages, plan_pages, process_photos
from thidua.records.site import Site

STAMP = dt.datetime(2026, 12, 2, 8, 0, tzinfo=dt.UTC)

PAGES = [
    ("ke-hoach/a/", "Kế hoạch A", "Kế hoạch số 79/KH-STP", '<h1 id="a">Thi đua</h1><p onclick="x()">Khen thưởng</p>'),
    ("ke-hoach/b/", "Kế hoạch B", "", '<p><a href="javascript:alert(1)">Đợt</a> thi đua <script>x()</script></p>'),
    ("dien-hinh/c/", "Điển hình C", "", '<div class="tdkt-summary">Chiến sĩ thi đua</div><p>Bằng khen</p>'),
    ("tim-kiem/", "Tìm kiếm", "", "<p>không tìm</p>"),  # excluded from search, still sanitised
]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _run(work, folder: Path) -> tuple[dict[str, str], dict[str, bytes]]:
    cleaned = {}
    for url, title, keys, html in PAGES:
        got = work.add(url, title, keys, html, url != "tim-kiem/")
        if got is not None:  # HereAndNow: at once; InAnotherProcess: from cleaned()
            cleaned[url] = got
    pages, nav = {url for url, *_ in PAGES}, ["ke-hoach/a/"]
    if isinstance(work, InAnotherProcess):
        cleaned.update(work.cleaned())
        work.start_index(pages, nav, folder)
        count, size = work.index_written()
    else:
        count, size = work.write_index(pages, nav, folder)
    files = _files(folder)
    assert (count, size) == (len(files), sum(map(len, files.values())))
    return cleaned, files


def test_both_ways_give_the_same_pages_and_index(tmp_path: Path) -> None:
    here = _run(HereAndNow(), tmp_path / "here")
    other = InAnotherProcess()
    try:
        there = _run(other, tmp_path / "there")
    finally:
        other.close()
    assert there == here
    cleaned, files = here
    assert set(cleaned) == {url for url, *_ in PAGES}
    assert "onclick" not in cleaned["ke-hoach/a/"] and 'id="a"' in cleaned["ke-hoach/a/"]
    assert "javascript:" not in cleaned["ke-hoach/b/"] and "<script" not in cleaned["ke-hoach/b/"]
    docs = [path for path in files if "/d/" in path]
    assert len(docs) == 3  # the search page is not searched
    assert not any(b"x()" in data for data in files.values())  # the script's text never reached the index


def test_a_failure_in_the_other_process_is_reported() -> None:
    other = InAnotherProcess()
    try:
        other.add("a/", "A", "", None, True)  # nh3 refuses a page that is not text
        with pytest.raises(WorkFailed, match="TypeError"):
            other.cleaned()
    finally:
        other.close()


def test_the_other_process_stopping_is_reported(tmp_path: Path) -> None:
    other = InAnotherProcess()
    try:
        other.add("a/", "A", "", "<p>a</p>", True)
        assert other.cleaned() == {"a/": "<p>a</p>"}
        other._process.kill()  # as if the machine ran out of memory
        other._process.join()
        other.start_index({"a/"}, [], tmp_path)
        with pytest.raises(WorkFailed, match="dừng đột ngột"):
            other.index_written()
    finally:
        other.close()
    assert not other._process.is_alive()


def test_serve_keeps_what_search_saw_of_pages_not_rendered_again(tmp_path: Path) -> None:
    """`make serve --dirty` renders only the pages an edit changed: the others keep their place in the index,
    and the index of the build before goes (its folder is named by its content)."""
    here = HereAndNow()
    before = _run(here, tmp_path)[1]
    here.add("ke-hoach/a/", "Kế hoạch A mới", "", "<p>Đổi</p>", True)
    here.write_index({url for url, *_ in PAGES}, [], tmp_path)
    after = _files(tmp_path)
    assert not {p for p in before if p != "index.json"} & after.keys()
    texts = b" ".join(data for path, data in after.items() if "/d/" in path).decode()
    assert "Kế hoạch A mới" in texts and "Điển hình C" in texts


# --- a one-off build: the other process makes the pages and files this one planned -------------------------


def _order(repo, photos, cache: Path) -> Order:
    owner = repo.bodies["so-tu-phap-an-giang"]
    return Order(repo.digest, photos, Site(owner, dt.date(2026, 12, 2)), STAMP, "localhost", "/", cache)


def test_the_other_process_makes_what_this_one_planned(tmp_path: Path) -> None:
    """The same Markdown and files as made here, asked for in any order (MkDocs reads pages in its own)."""
    repo = load_repository(DATA, ROOT)
    photos = process_photos(repo, DATA, tmp_path)
    order = _order(repo, photos, tmp_path)
    pages = {p.path: p.content for p in build_pages(repo, photos, None, order.site)}
    files = {a.path: a.content for a in build_assets(repo, photos, STAMP, "localhost", "/", tmp_path, None, order.site)}
    files = {path: content for path, content in files.items() if content is not None}  # the rest are copied
    other = InAnotherProcess()
    try:
        other.load(DATA, ROOT, False)
        assert other.make(order)
        wanted = sorted(pages, reverse=True) + sorted(files)
        made = {path: other.made(path) for path in wanted}
    finally:
        other.close()
    assert {path: made[path] for path in pages} == pages
    assert {path: made[path] for path in files} == files
    assert len(pages) > 100 and any(path.endswith(".ics") for path in files)


def test_data_saved_between_the_two_reads_is_made_here(data_copy: Path, tmp_path: Path) -> None:
    """An editor saves a file after this process read the data and before the other did: the other process
    declines (it would make pages of other data than the ones planned here) and makes nothing."""
    repo = load_repository(data_copy, data_copy.parent)
    plan = next((data_copy / "plans").glob("*.yml"))
    plan.write_text(plan.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    other = InAnotherProcess()
    try:
        other.load(data_copy, data_copy.parent, False)
        assert not other.make(_order(repo, {}, tmp_path))
        other.add("a/", "A", "", "<p>a</p>", True)  # and goes on with the rest of its work
        assert other.cleaned() == {"a/": "<p>a</p>"}
    finally:
        other.close()


def test_a_page_that_cannot_be_made_there_is_told_with_its_file(tmp_path: Path) -> None:
    """An error nobody foresaw while making a page in the other process: the build gets the same located
    report as when the page is made here (pages.BuildFailure), not a traceback."""
    repo = load_repository(DATA, ROOT)
    photos = process_photos(repo, DATA, tmp_path)
    assert photos, "the sample data has photos"
    other = InAnotherProcess()
    try:
        other.load(DATA, ROOT, False)
        assert other.make(_order(repo, {}, tmp_path))  # no photos: the first page that shows one fails
        first = plan_pages(repo, photos, None, _order(repo, photos, tmp_path).site)[0].path
        with pytest.raises(MakeFailed) as failure:
            other.made(first)
    finally:
        other.close()
    assert re.match(r"\S+:1:1: error: lỗi không lường trước khi dựng trang \S+ \(KeyError: ", str(failure.value))
    assert str(failure.value).endswith("Chưa xuất bản gì.")
