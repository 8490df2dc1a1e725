"""The loader and validator: every editor mistake ends in one exact, located Vietnamese message."""

from __future__ import annotations

from pathlib import Path

import pytest

from thidua.check.loader import load_repository
from thidua.source.problems import DataError

PLAN = "data/plans/2024-stp-bac-giang-phat-dong-thi-dua.yml"
CALENDAR = "data/calendars/so-tu-phap-an-giang-2023.yml"


def edit(data: Path, relative: str, old: str, new: str) -> None:
    path = data.parent / relative
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {relative}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def problems(data: Path) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_repository(data, data.parent)
    return [p.format() for p in caught.value.problems]


def test_real_data_is_valid() -> None:
    repo = load_repository(Path(__file__).parents[1] / "data")
    assert len(repo.plans) == 5
    assert len(repo.calendars) == 1


CASES = {
    "unclosed quote": (
        PLAN,
        "subject: Phát động",
        'subject: "Phát động',
        f'{PLAN}:10:12: error: dấu ngoặc kép " mở ở dòng này nhưng chưa đóng; hãy thêm dấu " ở cuối giá trị.',
    ),
    "tab indentation": (
        PLAN,
        "  symbol: KH-STP",
        "\tsymbol: KH-STP",
        f"{PLAN}:6:1: error: ký tự TAB không được dùng để thụt lề trong YAML; hãy thay bằng dấu cách (2 dấu cách mỗi cấp).",
    ),
    "unknown field": (
        PLAN,
        "  place: Bắc Giang",
        "  plase: Bắc Giang",
        f"{PLAN}:8:3: error: trường 'document.plase': không có trường 'plase' ở đây (gõ nhầm tên?). "
        "Có phải ý bạn là 'place'? Các trường hợp lệ: type, number, symbol, issuer, place, date, subject.",
    ),
    "wrong type": (
        PLAN,
        "year: 2024",
        "year: hai nghìn",
        f"{PLAN}:2:7: error: trường 'year': phải là một số nguyên, nhưng giá trị là \"hai nghìn\". "
        "Cần: Năm của kế hoạch. Ví dụ: year: 2023",
    ),
    "missing required field": (
        PLAN,
        "  name: Đỗ Thị Việt Hà\n",
        "",
        f"{PLAN}:386:3: error: trường 'signer.name': thiếu trường bắt buộc 'name' (Họ và tên). Ví dụ: name: Lê Thị Lan",
    ),
    "impossible date": (
        PLAN,
        '    end: "2024-06-30"',
        '    end: "2024-02-30"',
        f"{PLAN}:359:10: error: trường 'phases[0].end': ngày 30/2/2024 không tồn tại (tháng 2 năm 2024 có 29 ngày). "
        'Ngày cuối tháng viết là "2024-02-29".',
    ),
    "end before start": (
        PLAN,
        '    end: "2024-06-30"',
        '    end: "2023-12-31"',
        f"{PLAN}:359:10: error: trường 'phases[0].end': ngày kết thúc 2023-12-31 sớm hơn ngày bắt đầu 2024-01-01.",
    ),
    "duplicate key": (
        PLAN,
        "year: 2024\n",
        "year: 2024\nyear: 2023\n",
        f"{PLAN}:3:1: error: trường 'year': trường bị ghi hai lần (lần đầu ở dòng 2); hãy xóa một lần.",
    ),
    "duplicate phase id": (
        PLAN,
        "  - id: dot-2",
        "  - id: dot-1",
        f"{PLAN}:364:9: error: trường 'phases[1].id': mã đợt 'dot-1' trùng với phases[0].",
    ),
    "dangling reference": (
        PLAN,
        "  - hoc-tap-lam-theo-bac\n",
        "  - hoc-tap-lam-theo-bac-ho\n",
        f"{PLAN}:31:5: error: trường 'movements[1]': không có phong trào 'hoc-tap-lam-theo-bac-ho' trong data/movements/. "
        "Có phải ý bạn là 'hoc-tap-lam-theo-bac'?",
    ),
    "yaml 1.1 boolean": (
        PLAN,
        "draft: false",
        "draft: no",
        f"{PLAN}:1:8: error: trường 'draft': giá trị \"no\" không rõ nghĩa: một số chương trình hiểu 'no' là true/false, "
        "số khác hiểu là chữ. Hãy viết đúng true hoặc false. Ví dụ: draft: false",
    ),
    "date in the Vietnamese order": (
        PLAN,
        '  date: "2024-01"',
        "  date: 15/01/2024",
        f"{PLAN}:9:9: error: trường 'document.date': giá trị \"15/01/2024\" không đúng dạng. Cần: Ngày ban hành; "
        '"2024-01" khi văn bản chỉ ghi tháng; Ngày có thể thiếu: '
        '"2023-04-27" (đủ ngày), "2024-01" (chỉ có tháng), "2023" (chỉ có năm). Ví dụ: date: "2023-04-27"',
    ),
    "value outside a list": (
        PLAN,
        "  title: GIÁM ĐỐC\n",
        "  prefix: KT\n  title: GIÁM ĐỐC\n",
        f"{PLAN}:386:11: error: trường 'signer.prefix': giá trị \"KT\" không hợp lệ; chỉ nhận một trong: "
        '"KT.", "TM.", "Q.", "TL.", "TUQ.". Cần: Quyền hạn ký.',
    ),
    "anniversary count": (
        PLAN,
        "94 năm Ngày thành lập Đảng",
        "95 năm Ngày thành lập Đảng",
        f"{PLAN}:43:67: error: trường 'preamble[0]': kỷ niệm \"95 năm Ngày thành lập Đảng Cộng sản Việt Nam "
        '(03/02/1930-03/02/2024)": 2024 − 1930 = 94 năm, không phải 95 năm. Nếu văn bản đã ký ghi như vậy, giữ nguyên '
        'và thêm ghi chú biên tập: editorial_notes: [{quote: "95 năm Ngày thành lập Đảng Cộng sản Việt Nam '
        '(03/02/1930-03/02/2024)", note: "..."}]',
    ),
    "editorial note quoting nothing": (
        PLAN,
        "  - quote: (03/2/1930-30/2/2024)",
        "  - quote: (03/2/1930 - 30/2/2024)",
        f"{PLAN}:399:12: error: trường 'editorial_notes[0].quote': không tìm thấy đoạn trích này trong văn bản; "
        "hãy chép đúng từng ký tự, kể cả dấu cách.",
    ),
    "undefined footnote": (
        PLAN,
        "trong toàn tỉnh[^1]",
        "trong toàn tỉnh[^9]",
        [
            f"{PLAN}:47:64: error: trường 'preamble[0]': chú thích [^9] chưa có nội dung; thêm vào footnotes, "
            'ví dụ: footnotes: {"9": "..."}',
            f"{PLAN}:342:8: error: trường 'footnotes.1': chú thích 1 không được dẫn ở đâu; ghi [^1] vào chỗ cần chú thích.",
        ],
    ),
    "empty required text": (
        CALENDAR,
        "  - label: Tháng 3\n",
        '  - label: ""\n',
        f"{CALENDAR}:25:12: error: trường 'entries[1].label': không được để trống. Cần: Cột Tháng như in. "
        "Ví dụ: label: Tháng 2",
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_located_message(data_copy: Path, name: str) -> None:
    relative, old, new, expected = CASES[name]
    edit(data_copy, relative, old, new)
    found = problems(data_copy)
    assert found == (expected if isinstance(expected, list) else [expected])


def test_every_problem_in_every_file_at_once(data_copy: Path) -> None:
    edit(data_copy, PLAN, "year: 2024", "year: hai nghìn")
    edit(data_copy, "data/movements/van-hoa-cong-so.yml", "to_year: 2025", "to_year: 2018")
    edit(data_copy, "data/commemorations/thanh-lap-dang.yml", "day: 3", "day: 30")
    found = problems(data_copy)
    assert found == [
        "data/commemorations/thanh-lap-dang.yml:2:6: error: trường 'day': tháng 2 dương lịch không có ngày 30 "
        "(nhiều nhất 29 ngày).",
        "data/movements/van-hoa-cong-so.yml:3:10: error: trường 'to_year': năm kết thúc 2018 sớm hơn năm bắt đầu 2019.",
        f"{PLAN}:2:7: error: trường 'year': phải là một số nguyên, nhưng giá trị là \"hai nghìn\". "
        "Cần: Năm của kế hoạch. Ví dụ: year: 2023",
    ]


def test_report_counts_problems(data_copy: Path) -> None:
    edit(data_copy, PLAN, "year: 2024", "year: hai nghìn")
    with pytest.raises(DataError) as caught:
        load_repository(data_copy, data_copy.parent)
    assert (
        caught.value.report().splitlines()[-1]
        == "1 lỗi trong dữ liệu; chưa xuất bản gì. Sửa các lỗi trên rồi chạy lại."
    )


def test_not_utf8(data_copy: Path) -> None:
    path = data_copy / "movements" / "van-hoa-cong-so.yml"
    path.write_bytes(b"name: C\xe1n b\xf4\n")
    assert problems(data_copy) == [
        "data/movements/van-hoa-cong-so.yml:1:8: error: tệp không phải mã UTF-8 (byte 0xE1 không hợp lệ; có thể "
        "tệp được lưu bằng bảng mã cũ như Windows-1252 hay TCVN3). Hãy lưu lại tệp với bảng mã UTF-8 (trong VS "
        "Code: Save with Encoding → UTF-8) và kiểm tra chữ có dấu."
    ]


def test_byte_order_mark_and_decomposed_text_are_accepted(data_copy: Path) -> None:
    import unicodedata

    path = data_copy / "movements" / "van-hoa-cong-so.yml"
    text = path.read_text(encoding="utf-8")
    path.write_bytes(b"\xef\xbb\xbf" + unicodedata.normalize("NFD", text).encode("utf-8"))
    repo = load_repository(data_copy, data_copy.parent)
    name = repo.movements["van-hoa-cong-so"].name
    assert name == unicodedata.normalize("NFC", name)
    assert name.startswith("Cán bộ, công chức")


def test_file_names(data_copy: Path) -> None:
    (data_copy / "movements" / "Văn hóa.yml").write_text("name: x\n", encoding="utf-8")
    (data_copy / "movements" / "van-hoa-cong-so.yaml").write_text("name: x\n", encoding="utf-8")
    (data_copy / "movements" / "ghi-chu.txt").write_text("x\n", encoding="utf-8")
    assert problems(data_copy) == [
        "data/movements/Văn hóa.yml:1:1: error: tên tệp 'Văn hóa.yml' phải viết thường, không dấu, nối bằng '-', "
        "ví dụ: so-tu-phap-an-giang.yml",
        "data/movements/ghi-chu.txt:1:1: error: chỉ nhận tệp .yml trong thư mục dữ liệu; hãy đổi tên hoặc chuyển tệp này đi.",
        "data/movements/van-hoa-cong-so.yml:1:1: error: mã 'van-hoa-cong-so' trùng với tệp "
        "data/movements/van-hoa-cong-so.yaml; mỗi mã chỉ dùng một lần.",
    ]


def test_empty_file(data_copy: Path) -> None:
    (data_copy / "legal" / "chi-thi-34-ct-tw.yml").write_text("\n", encoding="utf-8")
    assert problems(data_copy)[0] == (
        "data/legal/chi-thi-34-ct-tw.yml:1:1: error: tệp trống; hãy điền dữ liệu theo mẫu trong Hướng dẫn biên tập (data/README.md)."
    )


def test_drafts_are_validated_but_not_published(data_copy: Path) -> None:
    edit(data_copy, PLAN, "draft: false", "draft: true")
    assert "2024-stp-bac-giang-phat-dong-thi-dua" not in load_repository(data_copy, data_copy.parent).plans
    repo = load_repository(data_copy, data_copy.parent, include_drafts=True)
    assert repo.plans["2024-stp-bac-giang-phat-dong-thi-dua"].draft
    edit(data_copy, PLAN, "year: 2024", "year: x")
    assert len(problems(data_copy)) == 1
