"""Word files built by the tests (tests/docx_fixture.py): automatic numbering and typed labels, bold
headings, footnotes, the header and closing tables, a monthly propaganda table and an ordinary table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from docx_fixture import closing, footnote_ref, header, para, run, table, write_docx
from thidua.check.loader import load_repository
from thidua.editing.importer import ImportProblem, import_plan
from thidua.editing.importer.read_docx import read_docx

ROOT = Path(__file__).resolve().parents[1]
AUTO = 1  # the numbering definition of the fixture: levels I. / 1. / 1.1. / a) / - / +


def plan_blocks() -> list[str]:
    return [
        header(["UBND TỈNH AN GIANG", "SỞ TƯ PHÁP"], "Số: 12/KH-STP", "An Giang, ngày 15 tháng 01 năm 2026"),
        para(run("KẾ HOẠCH", bold=True)),
        para(run("Phát động phong trào thi đua", bold=True)),
        para(run("ngành Tư pháp năm 2026", bold=True)),
        para(
            "Căn cứ Kế hoạch số 129/KH-UBND ngày 27/02/2023 của Ủy ban nhân dân tỉnh",
            footnote_ref(1),
            "; Quyết định số 77/QĐ-UBND ngày 05/01/2026 của Ủy ban nhân dân tỉnh về công tác thi đua năm 2026",
            footnote_ref(2),
            ", Sở Tư pháp xây dựng kế hoạch với chủ đề “",
            run("Đoàn kết, sáng tạo, hiệu quả", italic=True),
            "” như sau:",
        ),
        # automatic numbering: a numbered heading style, numbered paragraphs, bullets
        para("MỤC ĐÍCH, YÊU CẦU", style="Heading1"),
        para(run("Mục đích", bold=True), num=(AUTO, 1)),
        para("Phát huy tinh thần đoàn kết, chủ động, sáng tạo của mỗi tập thể, cá nhân.", num=(AUTO, 4)),
        para("Biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu.", num=(AUTO, 5)),
        para("Thông qua phong trào thi đua để rèn luyện đạo đức công vụ."),
        para(run("Yêu cầu", bold=True), num=(AUTO, 1)),
        para(
            run(
                "Phong trào thi đua “Cán bộ Tư pháp tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”",
                bold=True,
            ),
            num=(AUTO, 2),
        ),
        para("Tổ chức học tập chuyên đề hằng năm.", num=(AUTO, 3)),
        para("Đăng ký làm theo gắn với nhiệm vụ được giao.", num=(AUTO, 3)),
        para(
            run("Phong trào thi đua “Ngành Tư pháp An Giang chung sức góp phần xây dựng nông thôn mới”", bold=True),
            num=(AUTO, 2),
        ),
        para("Phối hợp tuyên truyền pháp luật ở nông thôn.", num=(AUTO, 4)),
        para("NỘI DUNG VÀ THỜI GIAN", style="Heading1"),
        # typed labels from here on
        para(run("1. Đợt thi đua thứ nhất", bold=True)),
        para(
            "Thời gian từ đầu năm đến 30/6/2026, lập thành tích chào mừng 96 năm Ngày thành lập Đảng Cộng sản Việt Nam "
            "(03/02/1930 - 03/02/2026) và 78 năm Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2026)."
        ),
        para(run("2. Đợt thi đua thứ hai", bold=True)),
        para(
            "Thời gian từ 01/7/2026 đến 31/12/2026, lập thành tích chào mừng 81 năm Ngày Quốc khánh (02/9/1945 - 02/9/2026)."
        ),
        para(run("3. Tuyên truyền hằng tháng", bold=True)),
        table(
            [
                ["Tháng", "Chủ đề", "Nội dung"],
                [
                    "Tháng 2",
                    "Chào mừng 96 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2026)",
                    [para("- Tuyên truyền lịch sử Đảng."), para("- Nêu gương điển hình tiên tiến.")],
                ],
                [
                    "Tháng 9",
                    "Chào mừng 81 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam (02/9/1945 - 02/9/2026)",
                    "Tuyên truyền thành tựu của đất nước.",
                ],
                [
                    "Trong năm",
                    "Tiếp tục thực hiện phong trào thi đua “Vì người nghèo - Không để ai bị bỏ lại phía sau”",
                    "Giới thiệu cách làm hay.",
                ],
            ]
        ),
        para(run("4. Chỉ tiêu thi đua", bold=True)),
        table([["Chỉ tiêu", "Mức"], ["Hồ sơ đúng hạn", "100%"]]),
        para(run("III. TỔ CHỨC THỰC HIỆN", bold=True)),
        para(run("1. Văn phòng Sở", bold=True)),
        para("a) Tổng hợp đăng ký thi đua, gửi về Ban Thi đua - Khen thưởng tỉnh chậm nhất ngày 10/3/2026."),
        para("b) Theo dõi, đôn đốc các phòng, đơn vị thực hiện Kế hoạch."),
        para(run("2. Kinh phí:", bold=True), " Từ nguồn kinh phí thi đua, khen thưởng của Sở."),
        para(run("Mục tiêu:", bold=True), " Hoàn thành đúng hạn.", num=(AUTO, 3)),
        para("Trên đây là Kế hoạch phát động phong trào thi đua năm 2026 của Sở Tư pháp./."),
        closing(
            ["UBND tỉnh (b/c);", "Lãnh đạo Sở;", "Lưu: VT, VP."], ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Bình"]
        ),
    ]


NOTES = {
    1: "Kế hoạch về tuyên truyền, xây dựng và nhân rộng điển hình tiên tiến năm 2023.",
    2: "Quyết định ban hành quy định về công tác thi đua, khen thưởng.",
}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    for folder in ("bodies", "legal", "movements", "commemorations", "plans", "calendars"):
        shutil.copytree(ROOT / "data" / folder, target / folder)
    return target


def labels(nodes: list[dict], depth: int = 0):
    for n in nodes:
        yield depth, n.get("label"), n.get("title") or n.get("text") or n.get("calendar")
        yield from labels(n.get("children", []), depth + 1)


def test_both_numbering_styles_come_out_as_printed(tmp_path: Path) -> None:
    doc = read_docx(tmp_path, write_docx(tmp_path / "k.docx", plan_blocks(), NOTES).read_bytes())
    auto = [(b.label, b.text) for b in doc.blocks if getattr(b, "label", None)]
    assert [label for label, _ in auto] == ["I.", "1.", "-", "+", "2.", "2.1.", "a)", "b)", "2.2.", "-", "II.", "a)"]
    assert doc.footnotes == {"1": NOTES[1], "2": NOTES[2]}


def test_a_word_plan_becomes_a_draft_that_passes_check(data: Path) -> None:
    source = write_docx(data.parent / "ke-hoach.docx", plan_blocks(), NOTES)
    result = import_plan(source, data)
    assert result.plan_id == "2026-stp-an-giang-phat-dong-thi-dua"
    plan = yaml.safe_load((data / "plans" / f"{result.plan_id}.yml").read_text(encoding="utf-8"))
    assert plan["draft"] is True
    assert plan["document"] == {
        "type": "KẾ HOẠCH",
        "number": "12",
        "symbol": "KH-STP",
        "issuer": "so-tu-phap-an-giang",
        "place": "An Giang",
        "date": "2026-01-15",
        "subject": "Phát động phong trào thi đua ngành Tư pháp năm 2026",
    }
    assert plan["theme"] == "Đoàn kết, sáng tạo, hiệu quả"
    assert plan["preamble"][0].startswith(
        "Căn cứ Kế hoạch số 129/KH-UBND ngày 27/02/2023 của Ủy ban nhân dân tỉnh[^1];"
    )
    assert plan["footnotes"] == {"1": NOTES[1], "2": NOTES[2]}
    assert plan["legal_bases"] == ["ke-hoach-129-kh-ubnd-an-giang", "quyet-dinh-77-qd-ubnd"]
    tree = list(labels(plan["body"]))
    assert tree[:9] == [
        (0, "I.", "MỤC ĐÍCH, YÊU CẦU"),
        (1, "1.", "Mục đích"),
        (2, "-", "Phát huy tinh thần đoàn kết, chủ động, sáng tạo của mỗi tập thể, cá nhân."),
        (3, "+", "Biểu dương, khen thưởng kịp thời các tập thể, cá nhân tiêu biểu."),
        (2, None, "Thông qua phong trào thi đua để rèn luyện đạo đức công vụ."),
        (1, "2.", "Yêu cầu"),
        (
            2,
            "2.1.",
            "Phong trào thi đua “Cán bộ Tư pháp tiếp tục đẩy mạnh việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”",
        ),
        (3, "a)", "Tổ chức học tập chuyên đề hằng năm."),
        (3, "b)", "Đăng ký làm theo gắn với nhiệm vụ được giao."),
    ]
    assert (0, "II.", "NỘI DUNG VÀ THỜI GIAN") in tree and (1, "1.", "Đợt thi đua thứ nhất") in tree
    assert (0, "III.", "TỔ CHỨC THỰC HIỆN") in tree and (
        2,
        "a)",
        plan["body"][2]["children"][0]["children"][0]["text"],
    ) in tree
    assert (1, "2.", "Kinh phí:") in tree and (2, "a)", "Mục tiêu:") in tree  # a bold lead, then the text
    funds = plan["body"][2]["children"][1]
    assert funds["text"] == "Từ nguồn kinh phí thi đua, khen thưởng của Sở."
    assert funds["children"][0]["text"] == "Hoàn thành đúng hạn."
    part_one = plan["body"][0]["children"][1]["children"]
    assert part_one[0]["movement"] == "hoc-tap-lam-theo-bac"
    assert part_one[1]["movement"] == "xay-dung-nong-thon-moi"  # "Ngành Tư pháp An Giang ...": a fuzzy match
    assert [(p["id"], p["start"], p["end"]) for p in plan["phases"]] == [
        ("dot-1", "2026-01-01", "2026-06-30"),
        ("dot-2", "2026-07-01", "2026-12-31"),
    ]
    assert plan["phases"][0]["commemorations"] == ["thanh-lap-dang", "loi-keu-goi-thi-dua-ai-quoc"]
    assert plan["deadlines"] == [
        {
            "date": "2026-03-10",
            "what": "Tổng hợp đăng ký thi đua, gửi về Ban Thi đua - Khen thưởng tỉnh chậm nhất ngày 10/3/2026.",
            "who": "Văn phòng Sở",
        }
    ]
    assert plan["signer"] == {
        "prefix": "KT.",
        "on_behalf_of": "GIÁM ĐỐC",
        "title": "PHÓ GIÁM ĐỐC",
        "name": "Nguyễn Văn Bình",
    }
    assert plan["recipients"] == [{"items": ["UBND tỉnh (b/c);", "Lãnh đạo Sở;", "Lưu: VT, VP."]}]
    assert plan["closing"] == ["Trên đây là Kế hoạch phát động phong trào thi đua năm 2026 của Sở Tư pháp./."]
    # the monthly table is a calendar; the other table stays in the text
    calendar = yaml.safe_load((data / "calendars" / "so-tu-phap-an-giang-2026.yml").read_text(encoding="utf-8"))
    assert calendar["plan"] == result.plan_id and calendar["draft"] is True
    assert [(e["label"], [t.get("commemoration") for t in e["themes"]]) for e in calendar["entries"]] == [
        ("Tháng 2", ["thanh-lap-dang"]),
        ("Tháng 9", ["quoc-khanh"]),
        ("Trong năm", [None]),
    ]
    assert calendar["entries"][0]["contents"] == ["Tuyên truyền lịch sử Đảng.", "Nêu gương điển hình tiên tiến."]
    assert calendar["entries"][2]["themes"][0]["movement"] == "vi-nguoi-ngheo"
    assert (2, None, "so-tu-phap-an-giang-2026") in tree
    assert any("Hồ sơ đúng hạn; 100%" in (text or "") for _, _, text in tree)
    # the new legal document has a drafted record that cannot be committed unreviewed
    drafted = yaml.safe_load((data / "legal" / "quyet-dinh-77-qd-ubnd.yml").read_text(encoding="utf-8"))
    assert drafted["number"] == "77/QĐ-UBND" and drafted["date"] == "2026-01-05" and "CẦN ĐIỀN" in drafted["note"]
    # everything written passes the checks the build runs
    repo = load_repository(data, root=data.parent, include_drafts=True)
    assert repo.plans[result.plan_id].draft
    # the review list names each decision with its YAML line
    text = (data / "plans" / f"{result.plan_id}.yml").read_text(encoding="utf-8").splitlines()
    fuzzy = next(line for line in result.review if "xay-dung-nong-thon-moi" in line)
    line = int(fuzzy.split(":")[1])
    assert "movement: xay-dung-nong-thon-moi" in "\n".join(text[line - 1 : line + 3])
    drafted_line = next(r for r in result.review if "đã soạn legal/quyet-dinh-77-qd-ubnd.yml" in r)
    assert drafted_line.startswith(f"plans/{result.plan_id}.yml:")
    assert text[int(drafted_line.split(":")[1]) - 1] == "  - quyet-dinh-77-qd-ubnd"


def test_nothing_is_overwritten(data: Path) -> None:
    source = write_docx(data.parent / "ke-hoach.docx", plan_blocks(), NOTES)
    first = import_plan(source, data)
    before = {p: p.read_bytes() for p in first.written}
    with pytest.raises(ImportProblem, match="đã có; không ghi đè"):
        import_plan(source, data)
    assert {p: p.read_bytes() for p in first.written} == before
    again = import_plan(source, data, plan_id="2026-stp-an-giang-phat-dong-thi-dua-lan-2")
    assert (data / "calendars" / "so-tu-phap-an-giang-2026-2.yml").exists()  # the first calendar is kept
    assert not any(p.name == "quyet-dinh-77-qd-ubnd.yml" for p in again.written)


def test_an_issuer_missing_from_the_catalogue_gets_a_drafted_record(data: Path) -> None:
    blocks = plan_blocks()
    blocks[0] = header(["UBND TỈNH CAO BẰNG", "SỞ TƯ PHÁP"], "Số: 05/KH-STP", "Cao Bằng, ngày 02 tháng 3 năm 2026")
    result = import_plan(write_docx(data.parent / "cao-bang.docx", blocks, NOTES), data)
    assert result.plan_id == "2026-stp-cao-bang-phat-dong-thi-dua"
    body = yaml.safe_load((data / "bodies" / "so-tu-phap-cao-bang.yml").read_text(encoding="utf-8"))
    assert body["name"] == "Sở Tư pháp tỉnh Cao Bằng" and body["printed_name"] == "SỞ TƯ PHÁP"
    assert body["level"] == "tinh" and body["province"] == "Cao Bằng" and "CẦN ĐIỀN" in body["note"]
    assert any("bodies/so-tu-phap-cao-bang.yml" in line for line in result.review)
    load_repository(data, root=data.parent, include_drafts=True)


def test_a_word_file_without_bold_still_has_headings(tmp_path: Path) -> None:
    blocks = [
        para("KẾ HOẠCH"),
        para("Tuyên truyền pháp luật năm 2026"),
        para("Mục đích chung", num=(AUTO, 0)),
        para("Phát huy tinh thần đoàn kết.", num=(AUTO, 4)),
    ]
    from thidua.editing.importer.structure import parse

    parsed = parse(read_docx(tmp_path, write_docx(tmp_path / "k.docx", blocks).read_bytes()))
    assert (parsed.body[0].label, parsed.body[0].title) == ("I.", "Mục đích chung")
    assert parsed.body[0].children[0].text == "Phát huy tinh thần đoàn kết."
