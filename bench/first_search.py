"""The first search after opening a page, measured in headless Chromium (`make bench`).

For each query, a fresh browser (empty cache) opens a page of the built site, served on localhost under
its sub-path; the search is opened with "/" and the query typed key by key. Reported: what search made the
browser download (every file it requested after the page had loaded, plus the search script itself), in
bytes as a web server sends them gzipped, and the milliseconds from the last keystroke to the first results
on screen. Works for our search (tdkt-search.js) and for Material's (the floor), so that today's figures
stand next to the new ones. Nothing is asserted.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import statistics
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = "/usr/bin/chromium"
SUBPATH = "thi-dua-khen-thuong"
TIMEOUT_MS = 180_000  # Material's worker needs tens of seconds at the ministry scale
# query -> page opened first: a query with and without diacritics, from different pages
QUERIES = {
    "luat thi dua khen thuong": "",
    "chiến sĩ thi đua": "ke-hoach/",
    "bang khen": "dien-hinh/",
    "30/4": "ngay-ky-niem/",
}

# Records when the results list last changed after the last keystroke, whichever search made it.
_WATCH = """() => {
  window.__lastKey = 0; window.__shown = 0;
  document.addEventListener('keyup', () => { window.__lastKey = performance.now(); window.__shown = 0; }, true);
  const done = () => %s;
  const seen = () => { if (!window.__shown && window.__lastKey && done()) window.__shown = performance.now(); };
  new MutationObserver(seen).observe(document.body, {childList: true, subtree: true, attributes: true});
}"""

OURS = {
    "open": "dialog.tdkt-search[open]",
    "box": "dialog.tdkt-search input[type=search]",
    "result": ".tdkt-search__results li",
    "script": "assets/javascripts/tdkt-search.js",
    # the list shows the results of what is in the box (not of a query typed before the last key)
    "done": "document.querySelector('.tdkt-search__results li') && "
    "document.querySelector('.tdkt-search__results').dataset.query === document.querySelector('dialog input').value",
}
MATERIAL = {
    "open": "input[data-md-component=search-query]:focus",
    "box": "input[data-md-component=search-query]",
    "result": ".md-search-result__item",
    "done": "document.querySelector('.md-search-result__item')",
    "script": None,  # Material's worker is requested when the page loads: counted with the search files
}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@contextmanager
def served(site: Path) -> Iterator[str]:
    with tempfile.TemporaryDirectory(prefix="thidua-www-") as root:
        (Path(root) / SUBPATH).symlink_to(site, target_is_directory=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=root))
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/"
        finally:
            server.shutdown()
            server.server_close()


def _gzipped(site: Path, base: str, urls: list[str]) -> int:
    total = 0
    prefix = urlsplit(base).path
    for url in dict.fromkeys(urls):
        path = site / unquote(urlsplit(url).path).removeprefix(prefix)
        if path.is_dir():
            path = path / "index.html"
        if path.is_file():
            total += len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))
    return total


def measure(site: Path, material: bool = False, queries: dict[str, str] | None = None, browser=None) -> dict:
    """{"queries": {query: {"kb", "ms", "first"}}, "kb_max", "ms_max", "ms_median"} for the site in `site`, in
    `browser` (a Playwright browser) or in a Chromium started for it."""
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            launched = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            try:
                return measure(site, material, queries, launched)
            finally:
                launched.close()
    ui = MATERIAL if material else OURS
    queries = queries or QUERIES
    found: dict[str, dict] = {}
    with served(site) as base:
        for query, start in queries.items():
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            page.goto(base + start)
            page.wait_for_load_state("networkidle")
            requested: list[str] = []
            if material:  # the worker and the index start loading with the page: count them all
                requested += [
                    r["name"]
                    for r in page.evaluate("performance.getEntriesByType('resource').map(e => ({name: e.name}))")
                    if "/search/" in r["name"] or "/workers/" in r["name"]
                ]
            elif ui["script"]:
                requested.append(base + ui["script"])
            page.on("request", lambda request, into=requested: into.append(request.url))
            page.evaluate(_WATCH % ui["done"])
            page.locator("body").press("/")
            page.wait_for_selector(ui["open"])
            page.keyboard.type(query, delay=60)
            page.wait_for_function("() => window.__shown > 0", timeout=TIMEOUT_MS)
            ms = page.evaluate("window.__shown - window.__lastKey")
            first = page.locator(ui["result"]).first.inner_text().split("\n")[0]
            found[query] = {"kb": round(_gzipped(site, base, requested) / 1024, 1), "ms": round(ms), "first": first}
            context.close()
    times = [r["ms"] for r in found.values()]
    return {
        "queries": found,
        "kb_max": max(r["kb"] for r in found.values()),
        "ms_max": max(times),
        "ms_median": round(statistics.median(times)),
    }
