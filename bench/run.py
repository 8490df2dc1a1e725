"""Build benchmark (`make bench`): our pipeline against "the floor" at province and ministry scale.

For each scale: generate the synthetic data (bench/synthetic.py), build it with our pipeline (`mkdocs build
--strict`, THIDUA_DATA pointing at the data), then build the floor: plain MkDocs + Material, with the same
configuration minus the `hooks:` entry and with Material's own search plugin and header (the search a plain
Material site has, and this site had before its own), on the very pages and files our hook generates, written
out as ready-made Markdown beforehand. Wall seconds and peak memory are measured per build process. Finally, at
province scale, `make serve` is started, one profile's name is edited in the YAML and the page is polled
until it shows the new name. With each pair of builds, the first search after opening a page is measured in
headless Chromium on both sites (bench/first_search.py): bytes downloaded (gzip) and time to first results.

Prints Markdown tables, then as the LAST line one JSON object with `ratio` (our build time / the floor's at
ministry scale), `province_ratio` (the same at province scale), `growth` (our seconds per page at ministry /
at province) and the raw figures.
Progress goes to stderr. Nothing is asserted: speed is reported, never tested.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

from bench import first_search, synthetic
from thidua.check.loader import load_repository
from thidua.publish import search
from thidua.publish.fonts import font_assets
from thidua.publish.pages import build_assets, build_pages, process_photos
from thidua.publish.provenance import last_change

ROOT = Path(__file__).resolve().parents[1]
GNU_TIME = Path("/usr/bin/time")
# Material's search builds its whole index before the first result (over 30 s at the ministry scale): one query
FLOOR_QUERIES = dict(list(first_search.QUERIES.items())[:1])
SERVE_LIMIT = 900.0  # seconds to wait for `mkdocs serve` to come up, and then for the edit to show


def say(message: str) -> None:
    sys.stderr.write(f"[bench] {message}\n")
    sys.stderr.flush()


@dataclass
class Build:
    scale: str
    build: str  # "ours" or "floor"
    pages: int
    seconds: float
    peak_mb: float
    site_mb: float
    largest_kb: float
    largest: str
    search_kb: float
    search_gzip_kb: float  # what a reader downloads from a server that compresses

    @property
    def per_page(self) -> float:
        return self.seconds / self.pages if self.pages else 0.0


# ---------------------------------------------------------------- builds


def run_build(args: list[str], env: dict[str, str], log: Path) -> tuple[float, float]:
    """Run one `mkdocs build`; return (wall seconds, peak resident memory in MB of the build process)."""
    times = log.with_suffix(".time")
    prefix = [str(GNU_TIME), "-f", "%M", "-o", str(times)] if GNU_TIME.exists() else []
    start = time.perf_counter()
    with log.open("w", encoding="utf-8") as out:
        result = subprocess.run(prefix + args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.stderr.write(log.read_text(encoding="utf-8")[-4000:])
        raise SystemExit(f"build failed (exit {result.returncode}); log: {log}")
    if prefix:
        peak_kb = int(times.read_text(encoding="utf-8").split()[-1])
    else:  # the largest child so far: right as long as each build needs more than the one before
        peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, peak_kb / 1024


def measure(site: Path, scale: str, build: str, seconds: float, peak_mb: float) -> Build:
    html = [p for p in site.rglob("*.html") if p.name != "404.html"]
    largest = max(html, key=lambda p: p.stat().st_size)
    index = [p for p in (site / "search").rglob("*") if p.is_file()]  # Material's one file, or our folder
    return Build(
        scale=scale,
        build=build,
        pages=len(html),
        seconds=round(seconds, 2),
        peak_mb=round(peak_mb, 1),
        site_mb=round(sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20, 1),
        largest_kb=round(largest.stat().st_size / 1024, 1),
        largest=largest.relative_to(site).as_posix(),
        search_kb=round(sum(p.stat().st_size for p in index) / 1024, 1),
        search_gzip_kb=round(sum(search.size(p.read_bytes()).gzipped for p in index) / 1024, 1),
    )


def environment(data: Path | None) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("THIDUA_DATA", None)
    if data is not None:
        env["THIDUA_DATA"] = str(data)
    return env


# ---------------------------------------------------------------- the floor


class _Tagged:
    """A `!!python/...` value of mkdocs.yml, kept as written."""

    def __init__(self, tag: str, value: str) -> None:
        self.tag, self.value = tag, value


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: _Tagged(suffix, ""))
_Dumper.add_representer(_Tagged, lambda d, t: d.represent_scalar(f"tag:yaml.org,2002:python/{t.tag}", t.value))


# The floor is plain Material *with its own search*, as a site without our hooks has it (and as this site had
# it before its own search, with these options): our pipeline replaces that search, so it is compared with it.
FLOOR_SEARCH = {"search": {"lang": "en", "pipeline": [], "separator": r'[\s\-,:!=\[\]()"/“”.;?…]+'}}
# Our templates that replace Material's search in the header: the floor keeps Material's header.
OUR_SEARCH_TEMPLATES = ("partials/header.html", "partials/tdkt-search.html")


def floor_config(docs: Path, overrides: Path | None = None) -> dict[str, Any]:
    """mkdocs.yml without `hooks:`, reading `docs`, with Material's search plugin and `overrides` (a copy of
    overrides/ without our search) as the theme's folder; the heading slugs our hook sets are set here."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config.pop("hooks", None)
    config.pop("watch", None)
    config["docs_dir"] = str(docs)
    config["plugins"] = [FLOOR_SEARCH]
    if isinstance(config.get("theme"), dict) and "custom_dir" in config["theme"]:
        config["theme"]["custom_dir"] = str(overrides or ROOT / config["theme"]["custom_dir"])
    extensions = []
    for item in config.get("markdown_extensions", []):
        name, options = next(iter(item.items())) if isinstance(item, dict) else (item, None)
        if name == "toc":
            options = {**(options or {}), "slugify": _Tagged("name:thidua.records.urls.heading_slug", "")}
        extensions.append({name: options} if options is not None else name)
    config["markdown_extensions"] = extensions
    return config


def write_floor(data: Path, floor: Path) -> Path:
    """Every page and file our hook generates for `data`, as plain files next to a copy of docs/."""
    docs = floor / "docs"
    shutil.copytree(ROOT / "docs", docs)
    repo = load_repository(data, root=ROOT)
    cache = ROOT / ".cache" / "photos"  # the cache the hook uses: warmed here, so both builds find it warm
    photos = process_photos(repo, data, cache)
    for page in build_pages(repo, photos):
        target = docs / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.content, encoding="utf-8")
    overrides = floor / "overrides"
    shutil.copytree(ROOT / "overrides", overrides)
    for name in OUR_SEARCH_TEMPLATES:
        (overrides / name).unlink()
    config = floor_config(docs, overrides)
    stamp = last_change(data, max((p.year for p in repo.plans.values()), default=2000))
    domain = urlsplit(config.get("site_url") or "").hostname or "localhost"
    assets = build_assets(repo, photos, stamp, domain, config.get("site_url") or "/", cache)
    for asset in [*assets, *font_assets(ROOT / "node_modules")]:
        target = docs / asset.path
        target.parent.mkdir(parents=True, exist_ok=True)
        if asset.source is not None:
            shutil.copyfile(ROOT / asset.source, target)
        else:
            target.write_bytes(asset.content or b"")
    path = floor / "mkdocs.yml"
    path.write_text(yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


# ---------------------------------------------------------------- mkdocs serve after one edit


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str, timeout: float) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError):
        return None


def serve_edit(data: Path, work: Path) -> dict[str, float | str | None]:
    """Seconds from saving one profile's new name to `mkdocs serve` showing it (None if it never did)."""
    profile = next(
        p
        for p in sorted((data / "profiles").glob("*.yml"))
        if "kind: tap-the" in (text := p.read_text(encoding="utf-8")) and re.search(r"^name: [^'\">|].*$", text, re.M)
    )
    text = profile.read_text(encoding="utf-8")
    old = re.search(r"^name: (.*)$", text, re.M).group(1)  # type: ignore[union-attr]
    new = f"{old} Đã Sửa Thử"
    port = free_port()
    site_url = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader).get("site_url")
    base = f"http://127.0.0.1:{port}{urlsplit(site_url or '/').path}"  # mkdocs serve mounts the site there
    page = f"{base}dien-hinh/{profile.stem}/"
    log = work / "serve.log"
    # exactly what an editor runs: `make serve` (drafts shown, dirty rebuilds, the data folder watched)
    args = ["make", "--no-print-directory", "serve", f"DATA={data}", f"ADDR=127.0.0.1:{port}"]
    result: dict[str, float | str | None] = {"profile": profile.stem, "startup_seconds": None, "edit_seconds": None}
    with log.open("w", encoding="utf-8") as out:
        env = {**environment(data), "TMPDIR": str(work)}  # TMPDIR: serve's temporary site stays inside `work`
        server = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            start = time.perf_counter()
            while (html := fetch(page, 5)) is None and time.perf_counter() - start < SERVE_LIMIT:
                if server.poll() is not None:
                    raise SystemExit(f"mkdocs serve stopped; log: {log}")
                time.sleep(0.5)
            if html is None or old not in html:
                raise SystemExit(f"mkdocs serve did not show {page}; log: {log}")
            result["startup_seconds"] = round(time.perf_counter() - start, 2)
            time.sleep(1.0)  # let the file watcher take its first snapshot
            edited = time.perf_counter()
            profile.write_text(text.replace(f"name: {old}\n", f"name: {new}\n", 1), encoding="utf-8")
            while time.perf_counter() - edited < SERVE_LIMIT:
                if new in (fetch(page, SERVE_LIMIT) or ""):
                    result["edit_seconds"] = round(time.perf_counter() - edited, 2)
                    break
                time.sleep(0.1)
        finally:
            os.killpg(server.pid, signal.SIGINT)  # Ctrl+C: mkdocs serve removes its temporary site
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
                server.wait()
            profile.write_text(text, encoding="utf-8")
    builds = [float(s) for s in re.findall(r"Documentation built in ([\d.]+) seconds", log.read_text(encoding="utf-8"))]
    result["rebuild_seconds"] = builds[-1] if len(builds) > 1 else None  # as MkDocs logged it
    return result


# ---------------------------------------------------------------- report


def table(builds: list[Build]) -> str:
    head = (
        "| Quy mô | Bản dựng | Số trang | Thời gian dựng (s) | Giây/trang | Bộ nhớ đỉnh (MB) | Dung lượng site (MB) "
        "| Trang HTML lớn nhất (KB) | Chỉ mục tìm kiếm (KB; gzip) |"
    )
    lines = [head, "| --- | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |"]
    names = {"ours": "quy trình của dự án", "floor": "MkDocs + Material thuần (sàn)"}
    for b in builds:
        lines.append(
            f"| {b.scale} | {names[b.build]} | {b.pages} | {b.seconds:.1f} | {b.per_page:.4f} | {b.peak_mb:.0f} "
            f"| {b.site_mb:.1f} | {b.largest_kb:.0f} (`{b.largest}`) | {b.search_kb:.0f}; {b.search_gzip_kb:.0f} |"
        )
    return "\n".join(lines)


def search_table(report: dict[str, Any]) -> str:
    lines = [
        "| Quy mô | Tìm kiếm | Tải về lần tìm đầu (KB gzip, lớn nhất) "
        "| Đến kết quả đầu (ms sau phím cuối; trung vị; lớn nhất) |",
        "| --- | --- | ---: | ---: |",
    ]
    names = {"ours": "của dự án (chỉ mục chia nhỏ)", "floor": "Material (lunr, một tệp chỉ mục)"}
    for scale, figures in report["scales"].items():
        for name, found in figures.get("first_search", {}).items():
            lines.append(
                f"| {scale} | {names[name]} | {found['kb_max']:.0f} | {found['ms_median']}; {found['ms_max']} |"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Đo thời gian dựng trang ở quy mô tỉnh và quy mô Bộ")
    parser.add_argument("--scales", nargs="+", default=["province", "ministry"], choices=list(synthetic.SCALES))
    parser.add_argument("--keep", action="store_true", help="giữ thư mục tạm (dữ liệu, trang đã dựng, nhật ký)")
    parser.add_argument("--no-serve", action="store_true", help="bỏ qua phép đo mkdocs serve sau một lần sửa")
    parser.add_argument("--no-browser", action="store_true", help="bỏ qua phép đo lần tìm kiếm đầu tiên trên Chromium")
    parser.add_argument(
        "--repeat", type=int, default=2, help="số lần dựng mỗi bản, xen kẽ dự án và sàn; lấy lần nhanh nhất"
    )
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="thidua-bench-"))
    say(f"working in {work}")
    builds: list[Build] = []
    report: dict[str, Any] = {"scales": {}, "load_before": os.getloadavg()[0]}  # other work skews the figures
    try:
        for scale in args.scales:
            folder = work / scale
            data = folder / "data"
            start = time.perf_counter()
            synthetic.generate(synthetic.SCALES[scale], data)
            generated = round(time.perf_counter() - start, 2)
            say(f"{scale}: data generated in {generated} s; writing the floor's pages")
            start = time.perf_counter()
            config = write_floor(data, folder / "floor")
            exported = round(time.perf_counter() - start, 2)
            mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir"]
            say(f"{scale}: floor pages written in {exported} s; building with our pipeline")
            # Interleaved, and the fastest of each kept: other work on the machine slows single runs by
            # 20 % or more, and it hits neighbouring runs alike.
            runs: dict[str, list[tuple[float, float]]] = {"ours": [], "floor": []}
            floor_args = [*mkdocs, str(folder / "floor-site"), "-f", str(config)]
            for attempt in range(1, args.repeat + 1):
                for site in (folder / "ours", folder / "floor-site"):  # each build writes to an empty folder
                    shutil.rmtree(site, ignore_errors=True)
                ours_args = [*mkdocs, str(folder / "ours")]
                runs["ours"].append(run_build(ours_args, environment(data), folder / "ours.log"))
                runs["floor"].append(run_build(floor_args, environment(None), folder / "floor.log"))
                say(f"{scale}, run {attempt}: ours {runs['ours'][-1][0]:.1f} s, floor {runs['floor'][-1][0]:.1f} s")
            ours, floor = (
                measure(folder / site, scale, name, min(t for t, _ in runs[name]), max(p for _, p in runs[name]))
                for name, site in (("ours", "ours"), ("floor", "floor-site"))
            )
            say(f"{scale}: ours {ours.seconds} s, floor {floor.seconds} s, {ours.pages} pages")
            builds += [ours, floor]
            report["scales"][scale] = {
                "generate_seconds": generated,
                "floor_pages_seconds": exported,
                "runs": {name: [round(t, 2) for t, _ in times] for name, times in runs.items()},
                "ours": {**asdict(ours), "per_page": round(ours.per_page, 5)},
                "floor": {**asdict(floor), "per_page": round(floor.per_page, 5)},
            }
            if not args.no_browser:
                say(f"{scale}: first searches in Chromium (ours, then Material's on the floor)")
                report["scales"][scale]["first_search"] = {
                    "ours": first_search.measure(folder / "ours"),
                    "floor": first_search.measure(folder / "floor-site", material=True, queries=FLOOR_QUERIES),
                }
                say(f"{scale}: first search {report['scales'][scale]['first_search']}")
            shutil.rmtree(folder / "ours")
            shutil.rmtree(folder / "floor-site")
        if "province" in args.scales and not args.no_serve:
            say("province: mkdocs serve, then one YAML edit")
            report["serve"] = serve_edit(work / "province" / "data", work)
            say(f"serve: {report['serve']}")
    finally:
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    scales = report["scales"]
    for figures in scales.values():  # our build time / the floor's, at each scale
        figures["ratio"] = round(figures["ours"]["seconds"] / figures["floor"]["seconds"], 3)
    if "ministry" in scales:
        report["ratio"] = scales["ministry"]["ratio"]
    if "province" in scales:
        report["province_ratio"] = scales["province"]["ratio"]
    if {"ministry", "province"} <= set(scales):
        for key, name in (("growth", "ours"), ("floor_growth", "floor")):
            report[key] = round(scales["ministry"][name]["per_page"] / scales["province"][name]["per_page"], 3)
    report["load_after"] = os.getloadavg()[0]
    report["python"] = sys.version.split()[0]
    report["cpus"] = os.cpu_count()
    sys.stdout.write(table(builds) + "\n\n")
    if any("first_search" in figures for figures in scales.values()):
        sys.stdout.write(search_table(report) + "\n\n")
    summary = {k: report.get(k) for k in ("ratio", "province_ratio", "growth", "floor_growth")}
    sys.stdout.write(json.dumps({**summary, **report}, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
