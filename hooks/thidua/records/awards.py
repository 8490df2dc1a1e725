"""Which of a profile's awards rank highest, by the controlled vocabulary of Luật Thi đua, khen thưởng 2022
(Luật 06/2022/QH15) and Nghị định 98/2023/NĐ-CP: what a listing card shows first.

Awards are ranked first by who confers them: the State (Chủ tịch nước: huân chương, huy chương, danh hiệu
vinh dự nhà nước, giải thưởng), then the Government and the national level (Chiến sĩ thi đua toàn quốc, Cờ
thi đua của Chính phủ, Bằng khen của Thủ tướng Chính phủ), then a ministry or province, then the base level
(what a Giám đốc Sở or a Chủ tịch UBND cấp xã may award, art. 80). Within a level, the danh hiệu thi đua in
the order the law lists them, then the hình thức khen thưởng in the order of art. 9. Of two equal awards, the
newer ranks first.
"""

from __future__ import annotations

from collections.abc import Iterable

from thidua.records.models import Award

PRIME_MINISTER = "Bằng khen của Thủ tướng Chính phủ"
ORDER = (
    # the State
    "Huân chương Lao động hạng Nhất",
    "Huân chương Lao động hạng Nhì",
    "Huân chương Lao động hạng Ba",
    "Huy chương",
    "Danh hiệu vinh dự nhà nước",
    "Giải thưởng Hồ Chí Minh",
    "Giải thưởng Nhà nước",
    # the Government, the national level
    "Chiến sĩ thi đua toàn quốc",
    "Cờ thi đua của Chính phủ",
    PRIME_MINISTER,
    # a ministry, sector or province
    "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh",
    "Cờ thi đua của Bộ, ban, ngành, tỉnh",
    "Tập thể lao động xuất sắc",
    "Kỷ niệm chương",
    "Bằng khen",
    # the base level
    "Chiến sĩ thi đua cơ sở",
    "Lao động tiên tiến",
    "Tập thể lao động tiên tiến",
    "Xã, phường, thị trấn tiêu biểu",
    "Giấy khen",
)
_RANK = {name: index for index, name in enumerate(ORDER)}
NAMES_GIVER = ("Bằng khen", "Giấy khen")  # "Bằng khen của Bộ trưởng Bộ Tư pháp": the giver is in the name


def rank(award: Award) -> int:
    """0 for the highest; a title the vocabulary does not know (the schema lets none through) ranks last."""
    if award.title == "Bằng khen" and "Thủ tướng" in award.giver:
        return _RANK[PRIME_MINISTER]
    return _RANK.get(award.title, len(ORDER))


def highest_first(awards: Iterable[Award]) -> list[Award]:
    return sorted(awards, key=lambda a: (rank(a), -a.date.toordinal(), a.decision))


def card_text(award: Award) -> str:
    """What a card prints for one award, giver and year included: two flags "of a ministry or province" from
    different givers must not read the same. "Bằng khen của Bộ trưởng Bộ Tư pháp (2022)", "Cờ thi đua của
    Bộ, ban, ngành, tỉnh (Chủ tịch Ủy ban nhân dân tỉnh Đắk Lắk, 2023)"."""
    if award.title in NAMES_GIVER:
        return f"{award.wording} ({award.date.year})"
    return f"{award.title} ({award.giver}, {award.date.year})"
