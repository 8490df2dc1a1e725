"""The "Có phải ý bạn là ...?" of an unknown id: typing slips are suggested, another place or office never."""

from __future__ import annotations

import pytest

from thidua.check.suggest import closest_id

# Provinces before and after the 2025 merger: many differ by one word ("bac-giang", "an-giang") or one letter
# of a short word ("ninh-thuan", "binh-thuan").
PLACES = [
    "an-giang", "bac-giang", "bac-kan", "bac-lieu", "bac-ninh", "ben-tre", "binh-dinh", "binh-duong",
    "binh-phuoc", "binh-thuan", "ca-mau", "can-tho", "cao-bang", "da-nang", "dak-lak", "dak-nong", "dien-bien",
    "dong-nai", "dong-thap", "gia-lai", "ha-giang", "ha-nam", "ha-noi", "ha-tinh", "hai-duong", "hai-phong",
    "hau-giang", "hoa-binh", "hue", "hung-yen", "khanh-hoa", "kien-giang", "kon-tum", "lai-chau", "lam-dong",
    "lang-son", "lao-cai", "long-an", "nam-dinh", "nghe-an", "ninh-binh", "ninh-thuan", "phu-tho", "phu-yen",
    "quang-binh", "quang-nam", "quang-ngai", "quang-ninh", "quang-tri", "soc-trang", "son-la", "tay-ninh",
    "thai-binh", "thai-nguyen", "thanh-hoa", "tien-giang", "tra-vinh", "tuyen-quang", "vinh-long", "vinh-phuc",
    "yen-bai",
]  # fmt: skip
OFFICES = ["so-tu-phap", "ubnd-tinh", "so-noi-vu", "cong-an-tinh"]
BODIES = [f"{office}-{place}" for office in OFFICES for place in PLACES]


@pytest.mark.parametrize("missing", BODIES)
def test_an_id_that_is_not_there_never_gets_another_place_or_office(missing: str) -> None:
    """Every other body differs from a missing one by its place or its office: none may be suggested."""
    assert closest_id(missing, [b for b in BODIES if b != missing]) is None


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("so-tu-phap-bac-giag", "so-tu-phap-bac-giang"),  # a letter dropped
        ("so-tu-phap-bac-giangg", "so-tu-phap-bac-giang"),  # a letter doubled
        ("so-tu-phap-bac-gaing", "so-tu-phap-bac-giang"),  # two letters swapped
        ("so-tu-phap-bacgiang", "so-tu-phap-bac-giang"),  # a hyphen missing
        ("so-tu-phap-an-gian-g", "so-tu-phap-an-giang"),  # a hyphen misplaced
        ("ubnd-bac-giang", "ubnd-tinh-bac-giang"),  # a word left out
        ("so-tu-phap-bac-giang-moi", "so-tu-phap-bac-giang"),  # a word added
        ("2025-stp-bac-giang-phat-dong-thi-dua", "2024-stp-bac-giang-phat-dong-thi-dua"),  # another year
    ],
)
def test_a_slip_is_suggested(typed: str, meant: str) -> None:
    plans = ["2024-stp-bac-giang-phat-dong-thi-dua", "2023-stp-an-giang-dien-hinh-tien-tien"]
    assert closest_id(typed, BODIES + plans) == meant


@pytest.mark.parametrize(
    ("typed", "candidates"),
    [
        ("so-tu-phap-binh-thuan", ["so-tu-phap-ninh-thuan"]),  # one letter, but another province
        ("so-tu-phap-ha-nam", ["so-tu-phap-ha-noi"]),
        ("so-tu-phap-bac-giang", ["ubnd-tinh-bac-giang"]),  # another office of the same province
        ("so-tu-phap-giang", ["so-tu-phap-an-giang", "so-tu-phap-bac-giang"]),  # two equally close: none
        ("nghi-quyet-01-nq-cp", ["nghi-quyet-48-nq-dgs-bac-giang"]),  # another issuer
        ("stp", ["so-tu-phap-an-giang"]),
    ],
)
def test_no_guess_rather_than_a_wrong_one(typed: str, candidates: list[str]) -> None:
    assert closest_id(typed, candidates) is None
