"""Generated pages written to a folder, each only when its content changed, for `make serve`'s fast rebuilds.

MkDocs' dirty rebuild (`serve --dirty`) re-renders a page only when its source file is newer than its output;
a page generated in memory always counts as changed. Writing the generated Markdown to files that keep their
modification time while their content stays the same lets one YAML edit re-render only the pages it changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def stage(pages: Iterable[tuple[str, str]], folder: Path) -> dict[str, Path]:
    """Write (path, content) pairs under `folder` where they differ; remove files no page produces any more."""
    written: dict[str, Path] = {}
    for relative, content in pages:
        target = folder / relative
        data = content.encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        written[relative] = target
    keep = set(written.values())
    if folder.is_dir():
        for stale in folder.rglob("*.md"):
            if stale not in keep:
                stale.unlink()
    return written
