"""Generated pages written to a folder, each only when its content changed, for `make serve`'s fast rebuilds.

MkDocs' dirty rebuild (`serve --dirty`) re-renders a page only when its source file is newer than its output;
a page generated in memory always counts as changed. Writing the generated Markdown to files that keep their
modification time while their content stays the same lets one YAML edit re-render only the pages it changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


class Stage:
    """The staging folder, remembering what it last wrote there so that unchanged pages are not read back."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._written: dict[str, str] = {}
        self._swept = False  # files left from an earlier session are removed on the first update

    def update(self, pages: Iterable[tuple[str, str]]) -> dict[str, Path]:
        """Write (path, content) pairs where they differ; remove files no page produces any more."""
        staged: dict[str, Path] = {}
        for relative, content in pages:
            target = self.folder / relative
            if self._written.get(relative) != content or not target.is_file():
                data = content.encode("utf-8")
                if not target.is_file() or target.read_bytes() != data:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                self._written[relative] = content
            staged[relative] = target
        gone = self._written.keys() - staged.keys()
        if gone or not self._swept:
            self._remove_stale(set(staged.values()))
            self._swept = True
            for relative in gone:
                del self._written[relative]
        return staged

    def _remove_stale(self, keep: set[Path]) -> None:
        if self.folder.is_dir():
            for stale in self.folder.rglob("*.md"):
                if stale not in keep:
                    stale.unlink()
