"""`make new-<kind> ID=...` (python -m thidua new): a commented skeleton that passes `make check`, never
written over an existing file."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from thidua.check.loader import load_repository
from thidua.editing.cli import main
from thidua.editing.skeleton import DRAFTS, FOLDERS, PLACEHOLDER

ROOT = Path(__file__).parents[1]

# kind, id, extra arguments
CASES = [
    ("plan", "2030-stp-an-giang-phat-dong-thi-dua", ["--year", "2030", "--office", "so-tu-phap-an-giang"]),
    ("calendar", "so-tu-phap-an-giang-2030", ["--year", "2030", "--office", "so-tu-phap-an-giang"]),
    ("profile", "phong-tu-phap-moi", ["--year", "2025"]),
    ("profile", "nguyen-van-moi", ["--year", "2025", "--profile-kind", "ca-nhan"]),
    ("movement", "phong-trao-moi", ["--year", "2026"]),
    ("commemoration", "ngay-ky-niem-moi", []),
    ("legal", "quyet-dinh-moi", []),
    ("body", "co-quan-moi", []),
]


def run(data: Path, *args: str) -> int:
    return main(["new", *args, "--data", str(data)])


def test_every_kind_is_covered() -> None:
    assert {kind for kind, _, _ in CASES} == set(FOLDERS)


@pytest.mark.parametrize(("kind", "record_id", "extra"), CASES, ids=[c[1] for c in CASES])
def test_skeleton_validates_and_is_never_overwritten(
    kind: str, record_id: str, extra: list[str], data_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.chdir(data_copy.parent)
    name = f"data/{FOLDERS[kind]}/{record_id}.yml"

    assert run(data_copy, kind, record_id, *extra) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"Đã tạo {name}.")
    text = (data_copy.parent / name).read_text(encoding="utf-8")
    assert PLACEHOLDER in text  # what the editor still has to fill in is marked
    assert text.startswith("# ") and "hooks/thidua/check/schemas/" in text  # commented, pointing at the schema

    repo = load_repository(data_copy, data_copy.parent, include_drafts=True)  # what `make check` does
    record = repo.table(FOLDERS[kind])[record_id]
    if kind in DRAFTS:
        assert record.draft, "an unfinished plan, calendar or profile must not be published"
        published = load_repository(data_copy, data_copy.parent)  # what the build publishes
        assert record_id not in published.table(FOLDERS[kind])

    edited = text.replace(PLACEHOLDER, "đã sửa")
    (data_copy.parent / name).write_text(edited, encoding="utf-8")
    assert run(data_copy, kind, record_id, *extra) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{name} đã có; không ghi đè.")
    assert (data_copy.parent / name).read_text(encoding="utf-8") == edited


def test_a_yaml_file_with_the_same_id_is_not_duplicated(data_copy: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(data_copy.parent)
    (data_copy / "bodies" / "co-quan-moi.yaml").write_text("name: x\n", encoding="utf-8")
    assert run(data_copy, "body", "co-quan-moi") == 1
    assert capsys.readouterr().err.startswith("data/bodies/co-quan-moi.yaml đã có; không ghi đè.")
    assert not (data_copy / "bodies" / "co-quan-moi.yml").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["plan"], "Thiếu mã: make new-plan ID=<mã>"),
        (["body", "Co_Quan"], "Không tạo được tệp: mã 'Co_Quan' không hợp lệ"),
        (["plan", "2030-ke-hoach", "--office", "so-tu-phap-an-giang"], "Không tạo được tệp: thiếu năm: make new-plan"),
        (["calendar", "lich-2030", "--year", "2030"], "Không tạo được tệp: thiếu cơ quan ban hành"),
        (
            ["plan", "2030-ke-hoach", "--year", "2030", "--office", "so-tu-phap-an-gian"],
            "Không tạo được tệp: không có cơ quan 'so-tu-phap-an-gian' trong data/bodies/. "
            "Có phải ý bạn là 'so-tu-phap-an-giang'?",
        ),
    ],
)
def test_incomplete_requests_say_what_is_missing(
    args: list[str], message: str, data_copy: Path, monkeypatch, capsys
) -> None:
    monkeypatch.chdir(data_copy.parent)
    before = sorted(p.relative_to(data_copy) for p in data_copy.rglob("*"))
    assert run(data_copy, *args) == 2
    assert capsys.readouterr().err.startswith(message)
    assert sorted(p.relative_to(data_copy) for p in data_copy.rglob("*")) == before


@pytest.mark.parametrize("kind", sorted(FOLDERS))
def test_make_target_passes_the_arguments(kind: str) -> None:
    result = subprocess.run(
        [
            "make",
            "-n",
            "-o",
            ".venv/.installed",
            f"new-{kind}",
            "ID=ma-moi",
            "YEAR=2030",
            "OFFICE=co-quan",
            "KIND=ca-nhan",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    command = " ".join(result.stdout.replace("\\\n", " ").split())
    assert f"-m thidua new {kind} ma-moi --year 2030 --office co-quan --profile-kind ca-nhan --data data" in command
