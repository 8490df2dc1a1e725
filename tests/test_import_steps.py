"""Each step of the importer on its own: text re-joining, Word numbering, labels and depth, name matching,
the YAML writer."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from thidua.check.loader import load_repository
from thidua.editing.importer import import_plan
from thidua.editing.importer.blocks import Document, Paragraph
from thidua.editing.importer.matching import similarity
from thidua.editing.importer.read_docx import Numbering, _format
from thidua.editing.importer.read_text import read_text
from thidua.editing.importer.structure import label_of, parse
from thidua.editing.importer.yamlwriter import dump

ROOT = Path(__file__).resolve().parents[1]

WRAPPED = """KẾ HOẠCH

Phát động phong trào thi đua năm 2026

I. MỤC ĐÍCH, YÊU CẦU

1. Mục đích

Phát huy tinh thần đoàn kết, chủ động, sáng tạo của mỗi tập thể, cá nhân,

tạo khí thế thi đua sôi nổi trong toàn cơ quan¹, phấn đấu hoàn thành xuất sắc

7

các chỉ tiêu năm 2026.

¹ Theo Kế hoạch của Ủy ban nhân dân tỉnh.

Biểu dương kịp thời các cá nhân tiêu biểu.

Nơi nhận:                                                 GIÁM ĐỐC
- Sở Nội vụ;
- Lưu: VT.
                                                          Trần Văn Ba
"""


def test_text_lines_are_joined_into_paragraphs() -> None:
    doc = read_text(WRAPPED)
    texts = [b.text for b in doc.blocks]
    assert (
        "Phát huy tinh thần đoàn kết, chủ động, sáng tạo của mỗi tập thể, cá nhân, tạo khí thế thi đua sôi nổi "
        "trong toàn cơ quan[^1], phấn đấu hoàn thành xuất sắc các chỉ tiêu năm 2026." in texts
    )  # the page number "7" is dropped, the footnote mark kept, the footnote taken out
    assert doc.footnotes == {"1": "Theo Kế hoạch của Ủy ban nhân dân tỉnh."}
    assert "Biểu dương kịp thời các cá nhân tiêu biểu." in texts
    right = [b.text for b in doc.blocks if b.column == 1]
    assert right == ["GIÁM ĐỐC", "Trần Văn Ba"]  # the second column of the closing block


def test_closing_block_in_two_columns() -> None:
    parsed = parse(read_text(WRAPPED))
    assert parsed.recipients == [{"items": ["Sở Nội vụ;", "Lưu: VT."]}]
    assert parsed.signer == {"title": "GIÁM ĐỐC", "name": "Trần Văn Ba"}
    assert [(n.label, n.title) for n in parsed.body] == [("I.", "MỤC ĐÍCH, YÊU CẦU")]
    assert [c.text for c in parsed.body[0].children[0].children][1] == "Biểu dương kịp thời các cá nhân tiêu biểu."


def test_labels_and_their_depth() -> None:
    assert label_of("1.1. Phong trào thi đua")[:2] == ("1.1.", "num2")
    assert label_of("đ) Phong trào")[:2] == ("đ)", "letter")
    assert label_of("- Tuyên truyền")[:2] == ("-", "-")
    assert label_of("2023. Năm") is None and label_of("Phong trào") is None
    blocks = [
        Paragraph(t)
        for t in ("KẾ HOẠCH", "Về việc X", "1. Một", "a) Điểm a", "- Gạch", "+ Cộng", "b) Điểm b", "2. Hai")
    ]
    parsed = parse(Document(blocks))
    one, two = parsed.body
    assert [c.label for c in one.children] == ["a)", "b)"] and two.label == "2."
    assert one.children[0].children[0].children[0].label == "+"


def test_word_numbering_as_printed() -> None:
    numbering = Numbering(None)
    numbering.levels = {
        "0": {
            0: ("upperRoman", "%1.", 1),
            1: ("decimal", "%2.", 1),
            2: ("decimal", "%2.%3.", 1),
            3: ("lowerLetter", "%4)", 1),
        }
    }
    numbering.nums = {"1": ("0", {}), "2": ("0", {1: 5})}
    got = [numbering.label("1", lvl) for lvl in (0, 1, 2, 2, 3, 1, 2, 0, 1)]
    assert got == ["I.", "1.", "1.1.", "1.2.", "a)", "2.", "2.1.", "II.", "1."]
    assert numbering.label("2", 1) == "5."  # a list restarted at 5 (startOverride)
    assert [_format(n, "upperRoman") for n in (4, 9, 14)] == ["IV", "IX", "XIV"]


def test_names_match_tolerantly() -> None:
    catalogue = "Ngành Tư pháp chung sức góp phần xây dựng nông thôn mới"
    assert similarity("“Ngành Tư pháp chung sức góp phần xây dựng nông thôn mới” giai đoạn 2021-2025", catalogue) == 1.0
    assert 0.8 < similarity("Ngành Tư pháp Bắc Giang chung sức góp phần xây dựng nông thôn mới", catalogue) < 1.0
    assert similarity("Doanh nghiệp Việt Nam hội nhập và phát triển", catalogue) < 0.6


def test_yaml_in_the_project_style_reads_back_as_the_data() -> None:
    data = {
        "draft": True,
        "year": 2026,
        "document": {
            "type": "KẾ HOẠCH",
            "number": "",
            "symbol": "KH-STP",
            "date": "2026-01",
            "subject": "Phát động thi đua",
        },
        "body": [{"label": "I.", "title": "MỤC ĐÍCH: YÊU CẦU", "children": [{"text": "Dài " * 60 + "hết."}]}],
        "footnotes": {"1": "Ghi chú # không phải chú thích YAML"},
    }
    text, where = dump(data)
    assert yaml.safe_load(text) == data
    assert '  number: ""' in text and '  date: "2026-01"' in text and '  - label: "I."' in text
    assert "      - text: >-" in text and all(len(line) <= 100 for line in text.splitlines())
    assert text.splitlines()[where[("body", 0, "title")] - 1].startswith("    title:")


SINGLE_SPACED = """UBND TỈNH BẮC KẠN                           CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
   SỞ TƯ PHÁP                                      Độc lập - Tự do - Hạnh phúc
Số: 15/KH-STP                               Bắc Kạn, ngày 10 tháng 02 năm 2026

KẾ HOẠCH
Tuyên truyền pháp luật về thi đua, khen thưởng năm 2026

Thực hiện Kế hoạch số 17/KH-UBND ngày 13/01/2022 của UBND tỉnh Bắc Kạn, Sở Tư pháp ban hành kế hoạch như sau:

I. TỔ CHỨC THỰC HIỆN
Văn phòng Sở có trách nhiệm theo dõi, đôn đốc thực hiện Kế hoạch này./.
"""


def test_single_spaced_export_with_a_two_column_header() -> None:
    parsed = parse(read_text(SINGLE_SPACED))
    assert parsed.subject == "Tuyên truyền pháp luật về thi đua, khen thưởng năm 2026"  # the blank line ends it
    assert (parsed.number, parsed.symbol, parsed.place, parsed.date) == ("15", "KH-STP", "Bắc Kạn", "2026-02-10")
    assert parsed.header == ["UBND TỈNH BẮC KẠN", "SỞ TƯ PHÁP"]
    assert parsed.preamble[0].startswith("Thực hiện Kế hoạch số 17/KH-UBND")
    assert parsed.closing == []  # the only paragraph of the last heading is its text
    assert parsed.body[0].children[0].text.startswith("Văn phòng Sở có trách nhiệm")


NEW_MOVEMENT = """KẾ HOẠCH
Phát động phong trào thi đua năm 2026

Sở Tư pháp tỉnh An Giang xây dựng kế hoạch như sau:

I. NỘI DUNG
1. Phong trào thi đua “Cán bộ Tư pháp An Giang gần dân, hiểu dân, giúp dân” giai đoạn 2026 - 2030
Các phòng, đơn vị đăng ký thực hiện phong trào.

Nơi nhận:
- Lưu: VT.
GIÁM ĐỐC
Cao Thanh Sơn
"""


def test_a_movement_missing_from_the_catalogue_gets_a_drafted_record(tmp_path: Path) -> None:
    data = tmp_path / "data"
    for folder in ("bodies", "legal", "movements", "commemorations"):
        shutil.copytree(ROOT / "data" / folder, data / folder)
    source = tmp_path / "ke-hoach.txt"
    source.write_text(NEW_MOVEMENT, encoding="utf-8")
    result = import_plan(source, data)
    mid = "can-bo-tu-phap-an-giang-gan-dan-hieu-dan-giup-dan"
    record = yaml.safe_load((data / "movements" / f"{mid}.yml").read_text(encoding="utf-8"))
    assert record["name"] == "Cán bộ Tư pháp An Giang gần dân, hiểu dân, giúp dân"
    assert (record["from_year"], record["to_year"], record["scope"]) == (2026, 2030, "dia-phuong")
    assert "CẦN ĐIỀN" in record["description"]
    plan = yaml.safe_load((data / "plans" / f"{result.plan_id}.yml").read_text(encoding="utf-8"))
    assert plan["movements"] == [mid] and plan["body"][0]["children"][0]["movement"] == mid
    assert any(f"đã soạn movements/{mid}.yml" in line for line in result.review)
    load_repository(data, root=tmp_path, include_drafts=True)


def test_deadlines_say_who_from_the_unit_or_the_sentence(tmp_path: Path) -> None:
    from thidua.check.loader import load_repository as load
    from thidua.editing.importer.assemble import build
    from thidua.editing.importer.references import catalogue_from

    text = (
        "KẾ HOẠCH\nThi đua năm 2026\n\nSở Tư pháp tỉnh An Giang xây dựng kế hoạch như sau:\n\n"
        "I. TỔ CHỨC THỰC HIỆN\n1. Thực hiện báo cáo sơ kết\n"
        "Các đơn vị tiến hành sơ kết và gửi báo cáo chậm nhất ngày 30/6/2026. Tiến hành tổng kết, gửi báo cáo "
        "chậm nhất ngày 10/12/2026.\n2. Văn phòng Sở\n- Tổng hợp hồ sơ khen thưởng.\n"
        "Thời gian thực hiện: xong trước ngày 15/12/2026.\n\nNơi nhận:\n- Lưu: VT.\nGIÁM ĐỐC\nCao Thanh Sơn\n"
    )
    cat = catalogue_from(load(ROOT / "data", root=ROOT, include_drafts=True))
    draft = build(parse(read_text(text)), cat, "text")
    assert [(d["date"], d["who"]) for d in draft.plan["deadlines"]] == [
        ("2026-06-30", "Các đơn vị"),
        ("2026-12-10", "Các đơn vị"),
        ("2026-12-15", "Văn phòng Sở"),
    ]
    assert draft.plan["deadlines"][2]["what"] == "Tổng hợp hồ sơ khen thưởng."  # the task the time line belongs to
    assert "unit" not in draft.plan["body"][0]["children"][0]  # an activity heading is not a unit
