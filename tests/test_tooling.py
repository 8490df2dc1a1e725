"""The editors' and publishers' tooling stays wired to the data: VS Code's schema mapping, the pre-commit
hooks, and the example CI workflows."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import yaml

from thidua.editing.skeleton import DRAFTS, FOLDERS, PLACEHOLDER, Request, path_for, render_skeleton
from thidua.records.kinds import KINDS

ROOT = Path(__file__).parents[1]
SCHEMAS = ROOT / "hooks" / "thidua" / "check" / "schemas"


def test_every_schema_is_mapped_for_vscode() -> None:
    mapping = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    expected = {
        f"hooks/thidua/check/schemas/{kind}.schema.json": [f"data/{folder}/*.yml", f"data/{folder}/*.yaml"]
        for folder, kind, _, _ in KINDS
    }
    assert mapping == expected
    # every schema file is either mapped to a data folder or only referenced by the others
    assert {p.name for p in SCHEMAS.glob("*.schema.json")} == {Path(k).name for k in mapping} | {"common.schema.json"}


def _hooks() -> dict[str, dict]:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (repo,) = config["repos"]
    assert repo["repo"] == "local"
    return {hook["id"]: hook for hook in repo["hooks"]}


def test_pre_commit_runs_make_check_on_data_changes() -> None:
    hook = _hooks()["thidua-check"]
    assert hook["entry"] == "make check"
    assert hook["language"] == "system" and hook["pass_filenames"] is False
    files = re.compile(hook["files"])
    assert files.search("data/plans/2023-stp-an-giang-dien-hinh-tien-tien.yml")
    assert files.search("data/profiles/photos/anh.jpg")
    assert not files.search("docs/gioi-thieu.md") and not files.search("hooks/thidua/cli.py")


def test_pre_commit_refuses_placeholders_only_where_there_is_no_draft_flag() -> None:
    hook = _hooks()["thidua-placeholder"]
    assert hook["language"] == "pygrep" and hook["entry"] == PLACEHOLDER
    files = re.compile(hook["files"])
    for kind, folder in FOLDERS.items():
        request = Request(kind, "ma-moi", 2030, "so-tu-phap-an-giang")
        text = render_skeleton(request, dt.date(2030, 1, 1))
        path = path_for(Path("data"), request).as_posix()
        assert re.search(hook["entry"], text), f"{kind}: a skeleton marks what is left to fill in"
        # drafts may be committed unfinished; catalogue records are published as soon as they are committed
        assert bool(files.search(path)) == (kind not in DRAFTS), folder


def test_ci_examples_check_build_and_publish() -> None:
    github = yaml.safe_load((ROOT / ".github" / "workflows" / "publish.yml").read_text(encoding="utf-8"))
    steps = github["jobs"]["build"]["steps"]
    runs = [s.get("run", "").split("#")[0].strip() for s in steps]
    assert runs.index("make check") < runs.index("make site")
    assert any(s.get("with", {}).get("python-version") == "3.11" for s in steps)
    assert any(s.get("with", {}).get("fetch-depth") == 0 for s in steps), "dates come from the git history"
    upload = next(s for s in steps if "upload-pages-artifact" in s.get("uses", ""))
    assert upload["with"]["path"] == "site/"
    assert "deploy-pages" in github["jobs"]["deploy"]["steps"][0]["uses"]

    gitlab = yaml.safe_load((ROOT / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert gitlab["variables"]["GIT_DEPTH"] == 0
    pages = gitlab["pages"]
    script = [line.split("#")[0].strip() for line in pages["script"]]
    assert script[:2] == ["make check", "make site"]
    assert "cp -a site public" in script[2]
    assert pages["artifacts"]["paths"] == ["public"]
