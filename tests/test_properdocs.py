"""`make properdocs-check`: ProperDocs, the maintained fork of MkDocs 1.x, builds this site unchanged (same
mkdocs.yml, hooks, theme and overrides) into the same files as MkDocs, apart from the generator's name."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def contents(site: Path) -> dict[str, bytes]:
    """Every file of a built site, the generator's name blanked out of the pages."""
    return {
        p.relative_to(site).as_posix(): GENERATOR.sub(b"<meta name=generator>", p.read_bytes())
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_properdocs_builds_the_same_site(site: Path, tmp_path: Path) -> None:
    out = tmp_path / "properdocs-site"
    venv = Path(sys.prefix)  # the environment running the tests; `-o` keeps make from reinstalling it
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "THIDUA_DATA")}
    result = subprocess.run(
        ["make", "-o", str(venv / ".installed"), f"VENV={venv}", "properdocs-check", f"PROPERDOCS_SITE={out}"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert b'content="mkdocs-ProperDocs' in (out / "index.html").read_bytes()

    by_mkdocs, by_properdocs = contents(site), contents(out)
    assert sorted(by_properdocs) == sorted(by_mkdocs)
    differing = [name for name in by_mkdocs if by_mkdocs[name] != by_properdocs[name]]
    assert differing == [], f"ProperDocs builds these differently: {differing}"


def test_domain_code_imports_no_site_generator() -> None:
    """Only hooks/mkdocs_hooks.py knows MkDocs: the thidua package must outlive the generator it runs in."""
    for path in sorted((ROOT / "hooks" / "thidua").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module or ""]
            roots = {name.split(".")[0] for name in names}
            assert not roots & {"mkdocs", "material", "properdocs"}, f"{path.name} imports {roots}"
