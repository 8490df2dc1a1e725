"""The five seed texts imported as a new editor would, compared with the plans typed by hand in data/plans/.

Two figures per seed, printed (run with -s to see them; the README quotes them):
- sentences: the share of the seed's sentences whose words stand, in order and contiguous, in the draft
  read in document order (header, subject, preamble, body with labels, the calendar, closing, Nơi nhận,
  signer; footnotes each on their own). Numbers compare by value ("01" = "1").
- nodes: the share of the hand-made body nodes found in the draft in the same order (longest common
  subsequence) with the same depth, label, title (or, for a paragraph, its first eight words) and the same
  references (movement, phase, calendar).
The seeds are read exactly as stored: no artefact is removed before importing or comparing.
"""

from __future__ import annotations

import re
import shutil
import unicodedata
from pathlib import Path

import pytest
import yaml

from test_fidelity import PLANS  # seed file → the id of the plan typed by hand
from thidua.check.loader import load_repository
from thidua.editing.importer import draft_plan, import_plan
from thidua.editing.importer.run import clean

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "tests" / "seeds"
CATALOGUE = ("bodies", "legal", "movements", "commemorations")
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalogue without any plan or calendar: the seeds are new documents to it."""
    data = tmp_path_factory.mktemp("import") / "data"
    for folder in CATALOGUE:
        shutil.copytree(ROOT / "data" / folder, data / folder)
    return data


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text).translate({ord(c): " " for c in SUPERSCRIPTS})
    text = re.sub(r"\[\^\d+\]", " ", text)
    return [str(int(w)) if w.isdigit() else w.lower() for w in re.findall(r"[^\W_]+", text)]


def seed_sentences(text: str) -> list[list[str]]:
    text = re.sub(r"<[^>]+>", " ", text)
    notes = re.findall(rf"^[{SUPERSCRIPTS}].*$", text, flags=re.M)
    text = re.sub(rf"^[{SUPERSCRIPTS}].*$\n?", "", text, flags=re.M)
    text = re.sub(r"\n\s*\n", "\n", text)
    chunks = re.split(r"(?<=[.;:!?…])\s+|\t", text) + notes
    return [w for w in (words(c) for c in chunks) if len(w) >= 2]


def reading_order(plan: dict, calendar: dict | None) -> list[str]:
    """The draft as a reader meets it, as word streams: the document, then each footnote."""
    out: list[str] = []
    doc = plan["document"]
    if "symbol" in doc:
        out.append(f"Số: {doc['number']}/{doc['symbol']}")
    if doc.get("date"):
        y, m, d = (doc["date"].split("-") + ["", ""])[:3]
        out.append(f"{doc.get('place', '')}, ngày {d} tháng {m} năm {y}")
    out += [doc["type"], doc["subject"], *plan.get("preamble", [])]

    def visit(node: dict) -> None:
        out.extend(node[k] for k in ("label", "title", "text") if node.get(k))
        if node.get("calendar") and calendar:
            for entry in calendar["entries"]:
                out.append(entry["label"])
                out.extend(t.get("text", "") for t in entry["themes"])
                out.extend(entry.get("contents", []))
        for child in node.get("children", []):
            visit(child)

    for node in plan["body"]:
        visit(node)
    out += plan.get("closing", []) + ["Nơi nhận:"]
    for group in plan["recipients"]:
        out += ([group["group"]] if group.get("group") else []) + group["items"]
    signer = plan["signer"]
    out += [signer.get("prefix", ""), signer.get("on_behalf_of", ""), signer["title"], signer["name"]]
    streams = [" ".join(words(" ".join(out)))] + [" ".join(words(v)) for v in plan.get("footnotes", {}).values()]
    return [f" {s} " for s in streams]


def node_keys(nodes: list[dict], depth: int = 0):
    for n in nodes:
        title = n.get("title") or " ".join(words(n.get("text", ""))[:8])
        yield (
            depth,
            n.get("label"),
            " ".join(words(title)),
            n.get("movement"),
            n.get("phase"),
            bool(n.get("calendar")),
        )
        yield from node_keys(n.get("children", []), depth + 1)


def common_in_order(a: list, b: list) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def figures(seed: str, data: Path, source: Path | None = None) -> dict:
    """The figures of `seed` imported from `source` (default: the seed's text itself)."""
    _, _, draft = draft_plan(source or SEEDS / seed, data)
    plan = clean(draft.plan)
    calendar = clean(draft.calendar[1]) if draft.calendar else None
    streams = reading_order(plan, calendar)
    sentences = seed_sentences((SEEDS / seed).read_text(encoding="utf-8"))
    missing = [" ".join(s) for s in sentences if not any(f" {' '.join(s)} " in st for st in streams)]
    hand = yaml.safe_load((ROOT / "data" / "plans" / f"{PLANS[seed]}.yml").read_text(encoding="utf-8"))
    expected, got = list(node_keys(hand["body"])), list(node_keys(plan["body"]))
    return {
        "sentences": 1 - len(missing) / len(sentences),
        "nodes": common_in_order(expected, got) / len(expected),
        "count": len(expected),
        "missing": missing,
        "plan": plan,
        "hand": hand,
        "id": draft.suggested_id,
    }


@pytest.mark.parametrize("seed", sorted(PLANS))
def test_seed_round_trips(catalogue: Path, seed: str) -> None:
    result = figures(seed, catalogue)
    refs = {
        key: (
            len(set(result["hand"].get(key, [])) & set(result["plan"].get(key, []))),
            len(result["hand"].get(key, [])),
        )
        for key in ("legal_bases", "cites", "movements", "commemorations")
    }
    print(
        f"\n{seed}: câu {result['sentences']:.1%}, mục {result['nodes']:.1%} (của {result['count']}); "
        + ", ".join(f"{k} {a}/{b}" for k, (a, b) in refs.items())
    )
    assert result["sentences"] >= 0.98, result["missing"]
    assert result["nodes"] >= 0.95
    assert result["id"] == PLANS[seed]  # the id the project would have given it
    assert result["plan"]["draft"] is True


def test_seed_import_writes_a_draft_that_passes_check(catalogue: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(catalogue, data)
    result = import_plan(SEEDS / "004_bd97d77eda7bb286.txt", data)
    assert result.plan_id == "2023-stp-an-giang-dien-hinh-tien-tien"
    repo = load_repository(data, root=tmp_path, include_drafts=True)
    plan = repo.plans[result.plan_id]
    assert plan.draft
    calendar = repo.calendars["so-tu-phap-an-giang-2023"]
    assert calendar.plan == result.plan_id and len(calendar.entries) == 14
    assert [e.label for e in calendar.entries[:6]] == [
        "Tháng 2",
        "Tháng 3",
        "Tháng 4",
        "Tháng 5",
        "Tháng 6",
        "Tháng 8 và Tháng 9",
    ]
    assert len(calendar.entries[5].themes) == 3
    assert all(re.match(r"^plans/[a-z0-9-]+\.yml:\d+: |^calendars/", line) for line in result.review)
