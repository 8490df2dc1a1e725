"""`make serve` stages generated pages on disk so that a dirty rebuild re-renders only the pages that changed."""

from __future__ import annotations

from pathlib import Path

from thidua.serve.staging import Stage


def test_only_changed_pages_are_rewritten_and_stale_ones_removed(tmp_path: Path) -> None:
    (tmp_path / "old.md").write_text("from an earlier session", encoding="utf-8")
    stage = Stage(tmp_path)
    first = stage.update([("a.md", "A"), ("x/b.md", "B")])
    assert not (tmp_path / "old.md").exists()
    stamps = {k: p.stat().st_mtime_ns for k, p in first.items()}
    second = stage.update([("a.md", "A changed"), ("x/b.md", "B")])
    assert second["a.md"].read_text(encoding="utf-8") == "A changed"
    assert second["x/b.md"].stat().st_mtime_ns == stamps["x/b.md"]  # unchanged: not touched
    stage.update([("a.md", "A changed")])
    assert not (tmp_path / "x" / "b.md").exists()
    (tmp_path / "a.md").unlink()  # removed behind its back: written again
    assert stage.update([("a.md", "A changed")])["a.md"].read_text(encoding="utf-8") == "A changed"
    # a new session finds the files on disk and leaves unchanged ones alone
    before = (tmp_path / "a.md").stat().st_mtime_ns
    again = Stage(tmp_path).update([("a.md", "A changed")])
    assert again["a.md"].stat().st_mtime_ns == before
