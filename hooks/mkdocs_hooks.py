"""MkDocs adapter: the only module that knows MkDocs. Each handler delegates to the `thidua` package.

Registered in mkdocs.yml under `hooks:`. MkDocs puts this folder on sys.path only while it loads the
hook, so the package is imported here at the top. `mkdocs serve` keeps this module loaded across rebuilds:
what is kept between them (records, pages, feeds: each checked against its inputs) is created afresh in
`on_startup`, once per command.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from thidua.check.loader import load_repository
from thidua.check.settings import OWNER_SETTING, site_settings
from thidua.publish.fonts import FontsMissing, font_assets
from thidua.publish.page_work import InAnotherProcess, MakeFailed, Order, WorkFailed
from thidua.publish.pages import PlannedPage, build_assets, build_pages, plan_assets, plan_pages, process_photos
from thidua.publish.provenance import last_change
from thidua.publish.reproducible import gzip_bytes
from thidua.publish.search import nav_locations
from thidua.records.repository import Repository
from thidua.records.site import Site, vietnam_day
from thidua.records.urls import heading_slug, section_of
from thidua.serve.memo import Memo
from thidua.serve.record_cache import RecordCache
from thidua.serve.staging import Stage
from thidua.source.problems import BuildFailure, DataError

log = logging.getLogger("mkdocs.hooks.thidua")


def _cache_dir(config: MkDocsConfig, name: str) -> Path:
    folder = Path(config.config_file_path).parent / ".cache" / name
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _settings(config: MkDocsConfig) -> tuple[Path, Path, bool]:
    root = Path(config.config_file_path).parent
    extra = config.extra.get("thidua", {})
    data = Path(os.environ.get("THIDUA_DATA") or extra.get("data_dir", "data"))
    drafts = os.environ.get("THIDUA_DRAFTS", "") == "1"
    return root, (root / data).resolve(), drafts


_serving = False  # set at start-up, not import: `make serve` stages generated pages on disk (thidua/serve/staging.py)
_records = RecordCache()  # `make serve`: files an edit did not touch are not parsed and checked again
_memo = Memo()  # `make serve`: pages and feeds whose values did not change are not made again
_stage: Stage | None = None
_work: InAnotherProcess | None = None  # sanitising, search: in another process (`make serve` keeps it)
_waiting: dict[str, Page] = {}  # pages whose sanitised HTML comes from the other process
_due: dict[str, File] = {}  # a one-off build: generated pages and files whose content the other process makes
_failed: str | None = None  # why making them failed, told in on_env (MkDocs renders the pages in between)
_pages: set[str] = set()  # addresses of this build's pages (`serve --dirty` renders only some of them)
_marked: list[Page] = []  # the section page marked active while one detail page is rendered
_loaded: tuple[Repository, Site, dt.datetime] | None = None  # read in on_config (the site's name comes from the data)


def on_startup(command: str, dirty: bool) -> None:
    global _serving, _records, _memo, _stage, _work
    _serving = command == "serve"
    _records, _memo, _stage = RecordCache(), Memo(), None
    _stop_work()


def _start_work() -> InAnotherProcess:
    global _work
    if _work is None:  # the other process starts before the data is read
        if _serving and _pages:
            log.warning("thidua: tiến trình phụ khởi động lại; chỉ mục tìm kiếm chỉ có các trang dựng lại lần này")
        _work = InAnotherProcess()
    return _work


def on_build_error(error: Exception) -> None:
    global _failed
    # `make serve` goes on after a failed rebuild: the pages sent in this one are taken back and forgotten,
    # and the other process keeps what search saw of the others.
    _waiting.clear()
    _due.clear()
    _failed = None
    if _serving and _work is not None and _work.alive():
        try:
            _work.cleaned()
            return
        except WorkFailed:
            pass
    _stop_work()


def on_shutdown() -> None:
    _stop_work()


def _stop_work() -> None:
    global _work
    if _work is not None:
        _work.close()
        _work = None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _loaded
    # Heading anchors keep "đ" readable as "d" ("Điển hình" -> #dien-hinh), unlike the default slugify.
    config.mdx_configs.setdefault("toc", {})["slugify"] = heading_slug
    # The data is read here, not in on_files: the owner's name (a body record) goes into the site's name,
    # which the theme prints in the header, the footer and every page title.
    root, data_dir, drafts = _settings(config)
    work = _start_work()
    if not _serving:  # the other process reads the data meanwhile: it makes the pages (see _files)
        work.load(data_dir, root, drafts)
    records = _records if _serving else None
    owner = config.extra.get("thidua", {}).get(OWNER_SETTING[-1])
    try:
        repo = load_repository(data_dir, root=root, include_drafts=drafts, cache=records)
        stamp = last_change(data_dir, max((p.year for p in repo.plans.values()), default=2000))
        site = site_settings(repo, owner, vietnam_day(stamp), Path(config.config_file_path), root)
    except DataError as err:
        raise PluginError("Dữ liệu có lỗi, không xây dựng trang:\n" + err.report()) from None
    except Exception as err:  # noqa: BLE001 - an editor never sees a traceback
        raise PluginError(_unexpected("đọc dữ liệu", err)) from None
    config.site_name = site.name
    config.copyright = site.owner.name if site.owner else config.copyright
    config.extra["tdkt_owner"] = site.owner.name if site.owner else ""  # overrides/partials: header, footer
    _loaded = (repo, site, stamp)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    try:
        return _files(files, config)
    except PluginError:
        raise
    except BuildFailure as err:
        raise PluginError("Không dựng được trang:\n" + err.report()) from None
    except Exception as err:  # noqa: BLE001 - an editor never sees a traceback
        raise PluginError(_unexpected("đọc dữ liệu và tạo các trang", err)) from None


def _unexpected(what: str, err: BaseException) -> str:
    detail = f"{type(err).__name__}: {err}"[:300]
    return (
        f"Không dựng được trang: lỗi không lường trước khi {what} ({detail}). Đây là lỗi của chương trình, không "
        "phải của dữ liệu; hãy báo cho bộ phận kỹ thuật kèm thông báo này. Chưa xuất bản gì."
    )


def _files(files: Files, config: MkDocsConfig) -> Files:
    global _loaded
    root, data_dir, _ = _settings(config)
    assert _loaded is not None, "on_config reads the data first"
    repo, site, stamp = _loaded
    # Only `make serve` keeps records and pages between builds; a one-off build lets them go once the pages
    # are made, so that they do not weigh on memory (and on the garbage collector) while MkDocs renders.
    _loaded = None
    cache = root / ".cache" / "photos"  # renditions by content hash, reused across builds
    photos = process_photos(repo, data_dir, cache)
    domain = urlsplit(config.site_url or "").hostname or "localhost"
    site_url = config.site_url or "/"
    if _serving:  # made here: `make serve` reuses what an edit did not change
        pages = build_pages(repo, photos, _memo, site)
        assets = build_assets(repo, photos, stamp, domain, site_url, cache, _memo, site)
    else:  # planned here, made by the other process while MkDocs renders (on_pre_page, on_env)
        pages = plan_pages(repo, photos, None, site)
        assets = plan_assets(repo, photos, stamp, domain, site_url, cache, None, site)
        assert _work is not None, "on_config starts the work"
        if not _work.make(Order(repo.digest, photos, site, stamp, domain, site_url, cache)):
            log.info("thidua: tiến trình phụ đọc được dữ liệu khác (có tệp vừa được lưu?): các trang được tạo tại đây")
            pages, assets = [p.made() for p in pages], [a.made() for a in assets]
    staged = _staged(pages, root) if _serving else {}
    for page in pages:
        if files.get_file_from_path(page.path) is not None:
            raise PluginError(f"docs/{page.path} trùng với một trang được tạo từ dữ liệu; hãy đổi tên tệp trong docs/.")
        if page.path in staged:  # make serve: unchanged pages are not re-rendered (serve --dirty)
            generated = File.generated(config, page.path, abs_src_path=str(staged[page.path]))
        elif isinstance(page, PlannedPage):
            generated = _due[page.path] = File.generated(config, page.path, content="")
        else:
            generated = File.generated(config, page.path, content=page.content)
        if page.source and config.repo_url:
            generated.edit_uri = "../" + page.source  # edit_uri points at docs/; the source is in data/
        files.append(generated)
    try:  # the site's own fonts, installed by `npm ci` (make site, make serve)
        fonts = font_assets(root / "node_modules")
    except FontsMissing as err:
        raise PluginError(str(err)) from None
    for asset in [*assets, *fonts]:
        if asset.source is not None:
            files.append(File.generated(config, asset.path, abs_src_path=str(root / asset.source)))
        elif asset.make is not None:
            generated = _due[asset.path] = File.generated(config, asset.path, content=b"")
            files.append(generated)
        else:
            files.append(File.generated(config, asset.path, content=asset.content))
    log.info("thidua: %d trang được tạo từ %s", len(pages), data_dir)
    return files


def on_pre_page(page: Page, config: MkDocsConfig, files: Files) -> Page:
    # a generated page of a one-off build: its Markdown, made by the other process, before MkDocs reads it
    file = _due.pop(page.file.src_uri, None)
    if file is not None:
        _take_made(file)
    return page


def _take_made(file: File) -> None:
    """The content the other process made for `file`; after a failure, none (on_env tells the failure)."""
    global _failed
    if _failed is not None:
        return
    assert _work is not None, "on_config starts the work"
    try:
        content = _work.made(file.src_uri)
    except MakeFailed as err:
        _failed = "Không dựng được trang:\n" + str(err)
        return
    except WorkFailed as err:
        _failed = _unexpected("dựng các trang từ dữ liệu", err)
        return
    if isinstance(content, str):
        file.content_string = content
    else:
        file.content_bytes = content


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    # MkDocs makes a new theme environment for every build: without a bytecode cache, `make serve` compiles
    # Material's templates again after each edit. The cache is checked against each template's source.
    env.bytecode_cache = jinja2.FileSystemBytecodeCache(_cache_dir(config, "jinja"))
    # the generated files (feeds, calendars, data) a one-off build had made by the other process
    while _due:
        _take_made(_due.pop(next(iter(_due))))
    if _failed is not None:
        raise PluginError(_failed)
    # Every page has been made (MkDocs renders Markdown for all pages, then this, then writes them): the
    # pages take their sanitised HTML before any is written, and the search index is written meanwhile
    # (thidua/publish/search_index.py, read by tdkt-search.js).
    assert _work is not None, "on_config starts the work"
    try:
        for url, html in _work.cleaned().items():
            _waiting.pop(url).content = html
        _work.start_index(_pages, nav_locations(config.nav or []), Path(config.site_dir) / "search")
    except Exception as err:  # noqa: BLE001 - an editor never sees a traceback
        raise PluginError(_unexpected("làm sạch HTML các trang và lập chỉ mục tìm kiếm", err)) from None
    assert not _waiting, "every page sent comes back"
    return env


def _staged(pages: list, root: Path) -> dict[str, Path]:
    global _stage
    if _stage is None:
        _stage = Stage(root / ".cache" / "pages")
    return _stage.update((p.path, p.content) for p in pages)


def on_nav(nav, config: MkDocsConfig, files: Files):
    global _pages
    _pages = {"" if file.url == "./" else file.url for file in files.documentation_pages()}  # as page.url has it
    return nav


def on_post_build(config: MkDocsConfig) -> None:
    try:
        _post_build(config)
    except Exception as err:  # noqa: BLE001
        raise PluginError(_unexpected("hoàn thiện sơ đồ trang và chỉ mục tìm kiếm", err)) from None


def _post_build(config: MkDocsConfig) -> None:
    _reproducible_sitemap(config)
    assert _work is not None, "on_config starts the work"
    if _serving:  # the preview shows the page at once; its search finds the new text a moment later
        return
    count, size = _work.index_written()  # started in on_env
    _stop_work()
    log.info("thidua: chỉ mục tìm kiếm %d tệp, %d byte", count, size)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # A detail page (not in the navigation) belongs to the listing of its first folder: the breadcrumb
    # (overrides/partials/path.html) names it, and the menu marks that listing as the current section.
    if page in nav.pages:
        return context
    sections = {p.url: p for p in nav.pages if p.url}
    key = section_of(page.url, {url: url for url in sections})
    if key is not None:
        section = sections[key]
        section.active = True  # undone in on_post_page, once this page is rendered
        _marked.append(section)
        context["tdkt_section"] = section
    return context


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    while _marked:
        _marked.pop().active = False
    return output


def on_page_content(html: str, page, config: MkDocsConfig, files: Files) -> str:
    # Everything a page shows passes an allow-list: no script, event handler, iframe or javascript: link.
    # That is done in another process (thidua/publish/page_work.py): the page takes its sanitised HTML in
    # on_env, before any page is written.
    assert _work is not None, "on_config starts the work"
    meta = page.meta.get("search") or {}
    _work.add(page.url, page.title or "", str(meta.get("keys") or ""), html, not meta.get("exclude"))
    _waiting[page.url] = page
    return html


def _reproducible_sitemap(config: MkDocsConfig) -> None:
    # MkDocs stamps sitemap.xml.gz with the build date (gzip header): rewrite it from sitemap.xml, undated.
    sitemap = Path(config.site_dir) / "sitemap.xml"
    if sitemap.is_file():
        sitemap.with_name("sitemap.xml.gz").write_bytes(gzip_bytes(sitemap.read_bytes()))
