"""`make serve` stages generated pages on disk so that a dirty rebuild re-renders only the pages that changed."""

from __future__ import annotations

from pathlib import Path

from thidua.staging import stage


def test_only_changed_pages_are_rewritten_and_stale_ones_removed(tmp_path: Path) -> None:
    first = stage([("a.md", "A"), ("x/b.md", "B")], tmp_path)
    stamps = {k: p.stat().st_mtime_ns for k, p in first.items()}
    second = stage([("a.md", "A changed"), ("x/b.md", "B")], tmp_path)
    assert second["a.md"].read_text(encoding="utf-8") == "A changed"
    assert second["x/b.md"].stat().st_mtime_ns == stamps["x/b.md"]  # unchanged: not touched
    stage([("a.md", "A changed")], tmp_path)
    assert not (tmp_path / "x" / "b.md").exists()
