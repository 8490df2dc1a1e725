"""The package's layers hold: each pipeline stage imports only the stages below it, no module imports MkDocs,
and no import cycle (the contracts are declared in pyproject.toml under [tool.importlinter])."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def test_import_contracts_are_kept() -> None:
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=ROOT, capture_output=True, text=True, env={"PYTHONPATH": "hooks"}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_a_broken_layer_is_reported(tmp_path: Path) -> None:
    """The check can fail: a lower stage that imports a higher one breaks the contract."""
    package = tmp_path / "thidua"
    for stage in ("editing", "publish", "render", "check", "records", "derive", "source", "serve"):
        (package / stage).mkdir(parents=True)
        (package / stage / "__init__.py").write_text("")
    (package / "__init__.py").write_text("")
    (package / "__main__.py").write_text("")
    (package / "derive" / "dates.py").write_text("from thidua.render import views\n")
    (package / "render" / "views.py").write_text("")
    config = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path)},
    )
    assert result.returncode != 0
    assert "thidua.derive is not allowed to import thidua.render" in result.stdout
