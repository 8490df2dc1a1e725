"""Synthetic data at scale, for measuring the build: `python -m bench.synthetic --scale province --out DIR`.

A complete, valid data folder (every registry folder included) for one province over ten years, or for the
34 provincial Sở Tư pháp over ten years. Text is not lorem ipsum: paragraphs are assembled from sentences of
the real plans in data/plans/ with the same length distribution, profiles are the real profiles retold with
other names, places and years, and anniversary phrases are computed from the commemorations registry, so
the anniversary lint passes. The output is deterministic: the same scale gives the same bytes every run.

The generator only reads data/; it writes into an empty folder, or into a folder it generated before
(recognised by its marker file), and never into or around data/ itself.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import re
import shutil
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from PIL import Image, ImageDraw, ImageOps

from thidua.check.loader import load_repository
from thidua.derive import anniversary
from thidua.derive.occurrence import occurrence
from thidua.records import models
from thidua.records.kinds import KINDS
from thidua.records.repository import Repository
from thidua.records.urls import slug
from thidua.source.yamlsource import walk

SEED = "thidua-synthetic-1"
MARKER = ".thidua-synthetic"
ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
COPIED = ("movements", "commemorations", "legal")  # registries copied unchanged from data/


@dataclass(frozen=True)
class Scale:
    name: str
    provinces: int
    years: tuple[int, ...]
    profiles: int
    photos: int


SCALES = {
    "tiny": Scale("tiny", 1, (2024, 2025), 20, 4),  # for the test suite
    "province": Scale("province", 1, tuple(range(2016, 2026)), 500, 20),
    "ministry": Scale("ministry", 34, tuple(range(2016, 2026)), 5000, 20),
}

# The 34 provincial units from 1 July 2025; An Giang first: the smaller scales use it.
PROVINCES = [
    ("An Giang", "tỉnh"), ("Hà Nội", "thành phố"), ("Huế", "thành phố"), ("Hải Phòng", "thành phố"),
    ("Đà Nẵng", "thành phố"), ("Hồ Chí Minh", "Thành phố"), ("Cần Thơ", "thành phố"), ("Lai Châu", "tỉnh"),
    ("Điện Biên", "tỉnh"), ("Sơn La", "tỉnh"), ("Lạng Sơn", "tỉnh"), ("Quảng Ninh", "tỉnh"),
    ("Thanh Hóa", "tỉnh"), ("Nghệ An", "tỉnh"), ("Hà Tĩnh", "tỉnh"), ("Cao Bằng", "tỉnh"),
    ("Tuyên Quang", "tỉnh"), ("Lào Cai", "tỉnh"), ("Thái Nguyên", "tỉnh"), ("Phú Thọ", "tỉnh"),
    ("Bắc Ninh", "tỉnh"), ("Hưng Yên", "tỉnh"), ("Ninh Bình", "tỉnh"), ("Quảng Trị", "tỉnh"),
    ("Quảng Ngãi", "tỉnh"), ("Gia Lai", "tỉnh"), ("Khánh Hòa", "tỉnh"), ("Lâm Đồng", "tỉnh"),
    ("Đắk Lắk", "tỉnh"), ("Đồng Nai", "tỉnh"), ("Tây Ninh", "tỉnh"), ("Vĩnh Long", "tỉnh"),
    ("Đồng Tháp", "tỉnh"), ("Cà Mau", "tỉnh"),
]  # fmt: skip
# Place names of the real data, replaced when a real text is reused elsewhere.
REAL_PROVINCES = ("An Giang", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Đắk Lắk", "Thái Nguyên")
REAL_DISTRICTS = ("Tri Tôn", "Chợ Mới", "Ba Bể", "Hiệp Hòa", "Krông Pắc")
DISTRICTS = [
    "Tân Châu", "Phú Tân", "Châu Thành", "Thoại Sơn", "Yên Thế", "Lục Nam", "Sơn Động", "Na Rì",
    "Ngân Sơn", "Ea Kar", "Cư Kuin", "Lạng Giang", "Tân Yên", "Hòa Thành", "Gò Dầu", "Tam Nông",
    "Cái Nước", "Đầm Dơi", "Mường Tè", "Tủa Chùa", "Mộc Châu", "Bảo Lâm", "Hải Hà", "Kỳ Anh",
]  # fmt: skip
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
            "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lâm", "Mai", "Tô", "Hà", "Cao", "La"]  # fmt: skip
MIDDLE = {"m": ["Văn", "Đức", "Minh", "Quốc", "Hữu", "Công", "Thanh", "Xuân"],
          "f": ["Thị", "Ngọc", "Thu", "Thanh", "Kim", "Thị Kim", "Thị Thu", "Hồng"]}  # fmt: skip
GIVEN = {"m": ["Hùng", "Dũng", "Tuấn", "Nam", "Long", "Phúc", "Khoa", "Lộc", "Sơn", "Hải", "Quang", "Thắng",
               "Trung", "Hiếu", "Bình", "Cường", "Tài", "Đạt", "Khánh", "Vinh"],
         "f": ["Lan", "Hương", "Mai", "Hà", "Trang", "Linh", "Dung", "Nhung", "Hiền", "Trúc", "Liên", "Thảo",
               "Yến", "Oanh", "Ngân", "Phương", "Hạnh", "Loan", "Vân", "Xuân"]}  # fmt: skip
LEVELS = ["co-so-hang-nam"] * 8 + ["nganh-hang-nam"] * 4 + ["co-so-giai-doan"] * 2 + ["nganh-giai-doan"] * 2
LEVELS += ["cap-tinh"] * 3 + ["toan-quoc"]
PERIODS = ((2016, 2020), (2021, 2025))
STAGES = ["phat-hien", "boi-duong", "tong-ket", "nhan-rong"]
UNITS = [
    "Văn phòng Sở",
    "Các phòng, đơn vị thuộc Sở",
    "Hội đồng Thi đua - Khen thưởng ngành Tư pháp",
    "Phòng Tư pháp các huyện, thị xã, thành phố",
    "Công chức, viên chức, người lao động ngành Tư pháp",
]
DEADLINES = [
    ("02-05", "Xây dựng kế hoạch, tổ chức phát động phong trào thi đua tại cơ quan, đơn vị"),
    ("03-15", "Gửi bản đăng ký thi đua của tập thể, cá nhân về Văn phòng Sở"),
    ("06-05", "Gửi báo cáo sơ kết công tác thi đua, khen thưởng 6 tháng đầu năm {y} về Văn phòng Sở"),
    ("11-05", "Gửi báo cáo tổng kết công tác thi đua, khen thưởng năm {y} và hồ sơ đề nghị khen thưởng"),
    ("12", "Tổ chức bình xét, đề nghị khen thưởng tổng kết phong trào thi đua năm {y}"),
]
THEMES = [
    "Đoàn kết, kỷ cương, sáng tạo, hiệu quả, hoàn thành xuất sắc nhiệm vụ",
    "Kỷ cương, trách nhiệm, đoàn kết, sáng tạo, nỗ lực phấn đấu thi đua hoàn thành xuất sắc nhiệm vụ chính trị "
    "được giao",
    "Ngành Tư pháp đoàn kết, sáng tạo, thi đua xây dựng {tinh} phát triển nhanh, bền vững",
    "Đoàn kết, trách nhiệm, chủ động, sáng tạo, vượt khó, thi đua thực hiện thắng lợi nhiệm vụ chính trị được giao",
]
MONTH_TEXTS = [
    "Tuyên truyền, phổ biến các luật, pháp lệnh mới được ban hành",
    "Tuyên truyền gương điển hình tiên tiến, người tốt, việc tốt trong ngành Tư pháp",
    "Tuyên truyền kết quả thực hiện các phong trào thi đua yêu nước",
]
NATIONAL_LEGAL = {  # legal id: (first year, last year) it applies to
    "chi-thi-34-ct-tw": (2014, 2100),
    "luat-thi-dua-khen-thuong-2003": (2003, 2023),
    "luat-thi-dua-khen-thuong-2022": (2024, 2100),
    "nghi-dinh-91-2017-nd-cp": (2017, 2023),
    "nghi-dinh-98-2023-nd-cp": (2024, 2100),
    "thong-tu-05-2018-tt-btp": (2018, 2100),
    "chi-thi-05-ct-tw": (2016, 2100),
    "ket-luan-80-kl-tw": (2020, 2100),
    "nghi-quyet-dai-hoi-xiii-dang": (2021, 2100),
    "quyet-dinh-40-qd-btp": (2023, 2100),
}
# Years of the text move with the plan: "năm 2023" (and the year before or after it), a date "30/6/2024"
# of the plan's own year; ranges ("2021 - 2025") and document numbers ("37/2018/QĐ-UBND") stay as they are.
YEAR = re.compile(r"\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b|\d+/(?:19|20)\d\d/|([Nn]ăm )?\b((?:19|20)\d\d)\b")
FOOTNOTE = re.compile(r"\[\^\w+\]")


@dataclass(frozen=True)
class Province:
    name: str
    kind: str  # "tỉnh", "thành phố" or "Thành phố"

    @property
    def full(self) -> str:
        return f"{self.kind} {self.name}"

    @property
    def key(self) -> str:
        return slug(self.name)

    @property
    def office(self) -> str:
        return f"so-tu-phap-{self.key}"

    @property
    def ubnd(self) -> str:
        return f"ubnd-{slug(self.kind)}-{self.key}"


class Refused(Exception):
    """The output folder may not be written (not empty and not generated before, or touching data/)."""


# ---------------------------------------------------------------- text from the real data


@dataclass
class Corpus:
    """Sentences and records of the real data, and the means to retell them for another place and year."""

    repo: Repository
    sentences: list[tuple[str, int]]  # (sentence, year of its plan)
    intros: list[tuple[str, int]]  # paragraphs that end with ":" and introduce a list
    lengths: list[int]  # lengths of the real plans' paragraphs
    plan_sizes: list[int]  # characters of text in each real plan's body
    closings: list[tuple[str, int]]
    contents: dict[str, list[tuple[str, int]]]  # calendar contents by the commemoration they go with
    all_contents: list[tuple[str, int]]

    @classmethod
    def read(cls, data: Path) -> Corpus:
        repo = load_repository(data, include_drafts=True)
        sentences: list[tuple[str, int]] = []
        intros: list[tuple[str, int]] = []
        lengths: list[int] = []
        plan_sizes: list[int] = []
        closings: list[tuple[str, int]] = []
        for plan in sorted(repo.plans.values(), key=lambda p: p.id):
            if repo.bodies[plan.issuer].level != "tinh":
                continue  # a commune's plan speaks of "UBND xã", not of a Sở
            plan_sizes.append(_body_size([n.text or "" for n in plan.walk()]))
            for node in plan.walk():
                if not node.text:
                    continue
                text = _normal(node.text)
                lengths.append(len(text))
                if not text.endswith(":"):
                    sentences += [(s, plan.year) for s in _sentences(text)]
                elif not _ranges(text):
                    intros.append((text, plan.year))
            closings += [(_normal(c), plan.year) for c in plan.closing if not _ranges(c)]
        contents: dict[str, list[tuple[str, int]]] = {}
        all_contents: list[tuple[str, int]] = []
        for cal in sorted(repo.calendars.values(), key=lambda c: c.id):
            for entry in cal.entries:
                refs = [t.commemoration for t in entry.themes if t.commemoration]
                for text in entry.contents:
                    item = (_normal(text), cal.year)
                    all_contents.append(item)
                    for ref in refs:
                        contents.setdefault(ref, []).append(item)
        return cls(repo, sentences, intros, sorted(lengths), sorted(plan_sizes), closings, contents, all_contents)


def _body_size(texts: Iterable[str]) -> int:
    return sum(len(t) for t in texts)


def _trim(body: list[dict[str, Any]], size: int, rng: random.Random) -> None:
    """Drop bullet points ("-", "+"), never the last of a list, until the body is no longer than `size`
    characters: plans as long as the real ones, not as long as the sum of every optional part."""
    while _body_size(value for path, value in walk(body) if path[-1:] == ("text",)) > size:
        lists = []
        stack = list(body)
        while stack:
            node = stack.pop()
            children = node.get("children", [])
            if sum(c.get("label") in ("-", "+") for c in children) > 1:
                lists.append(children)
            stack += children
        if not lists:
            return
        children = rng.choice(lists)
        bullets = [i for i, c in enumerate(children) if c.get("label") in ("-", "+")]
        del children[rng.choice(bullets)]


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", FOOTNOTE.sub("", text)).strip()


def _ranges(text: str) -> bool:
    """Whether a text holds an anniversary phrase (dates of one particular year): never reused."""
    return bool(anniversary.FULL_RANGE.search(text) or anniversary.YEAR_RANGE.search(text))


def _sentences(text: str) -> list[str]:
    """Split at ". " or "; " before a capital; short pieces stay with the next one."""
    pieces = re.split(r"(?<=[.;])\s+(?=[A-ZÀ-ỸĐ“\"])", text)
    out: list[str] = []
    carry = ""
    for piece in pieces:
        piece = f"{carry} {piece}".strip()
        if len(piece) < 40:
            carry = piece
            continue
        carry = ""
        if not _ranges(piece) and piece.count("*") % 2 == 0 and piece.count("“") == piece.count("”"):
            out.append(piece[:-1] + "." if piece.endswith(";") else piece)
    return out


def retell(text: str, source_year: int, year: int, province: Province, extra: Iterable[tuple[str, str]] = ()) -> str:
    """A real text moved to `province` and `year`: names replaced, years near the source year shifted."""
    for old, new in extra:
        text = text.replace(old, new)
    for real in REAL_PROVINCES:
        text = text.replace(f"tỉnh {real}", province.full).replace(real, province.name)
    shift = year - source_year

    def move(m: re.Match[str]) -> str:
        prefix, found = m.group(1) or "", m.group(2)
        if found and abs(int(found) - source_year) <= (1 if prefix else 0):
            return f"{prefix}{int(found) + shift}"
        return m.group()

    return YEAR.sub(move, text)


# ---------------------------------------------------------------- the generator


@dataclass
class Generator:
    scale: Scale
    corpus: Corpus
    provinces: list[Province]

    def rng(self, *key: object) -> random.Random:
        """One random stream per record, so that records do not depend on the order they are made in."""
        return random.Random(":".join([SEED, self.scale.name, *map(str, key)]))

    def commemorations(self, province: Province) -> list[models.Commemoration]:
        return [
            c
            for c in sorted(self.corpus.repo.commemorations.values(), key=lambda c: c.id)
            if c.scope != "dia-phuong" or c.province == province.name
        ]

    def movements(self, province: Province, year: int | None = None) -> list[models.Movement]:
        def fits(m: models.Movement) -> bool:
            local = m.scope != "dia-phuong" or province.name in f"{m.name} {m.description or ''}"
            return local and (year is None or (m.from_year or year) <= year <= (m.to_year or year))

        return [m for m in sorted(self.corpus.repo.movements.values(), key=lambda m: m.id) if fits(m)]

    def paragraph(self, rng: random.Random, year: int, province: Province) -> str:
        """Real sentences joined up to a length drawn from the real paragraphs' lengths."""
        target = rng.choice(self.corpus.lengths)
        parts: list[str] = []
        total = 0
        while not parts or total < target:
            sentence, source_year = rng.choice(self.corpus.sentences)
            if parts and target - total < len(sentence) / 2:
                break
            parts.append(retell(sentence, source_year, year, province))
            total += len(sentence) + 1
        text = " ".join(parts)
        return text[:-1] + "." if text[-1] in ";,:" else text

    def person(self, rng: random.Random, gender: str | None = None) -> tuple[str, str]:
        gender = gender or rng.choice("mf")
        return f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE[gender])} {rng.choice(GIVEN[gender])}", gender

    # ------------------------------------------------------------ registries

    def bodies(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {
            "bo-tu-phap": {"name": "Bộ Tư pháp", "printed_name": "BỘ TƯ PHÁP", "level": "trung-uong"}
        }
        for p in (Province(*x) for x in PROVINCES):
            ubnd = {"name": f"Ủy ban nhân dân {p.full}", "printed_name": f"UBND {p.full.upper()}", "level": "tinh"}
            out[p.ubnd] = {**ubnd, "province": p.name}
            out[p.office] = {
                "name": f"Sở Tư pháp {p.full}",
                "printed_name": "SỞ TƯ PHÁP",
                "level": "tinh",
                "parent": p.ubnd,
                "province": p.name,
            }
        return out

    def legal(self, province: Province, year: int) -> tuple[str, dict[str, Any]]:
        rng = self.rng("legal", province.key, year)
        number = rng.randint(5, 180)
        doc = {
            "kind": "Kế hoạch",
            "number": f"{number}/KH-UBND",
            "date": f"{year}-01-{rng.randint(5, 25):02d}",
            "issuer": f"Ủy ban nhân dân {province.full}",
            "title": f"về việc phát động các phong trào thi đua năm {year} trên địa bàn {province.full}",
        }
        return f"ke-hoach-{number}-kh-ubnd-{province.key}-{year}", doc

    # ------------------------------------------------------------ plans

    def plan(self, province: Province, year: int, calendar_id: str) -> dict[str, Any]:
        rng = self.rng("plan", province.key, year)

        def para() -> str:
            return self.paragraph(rng, year, province)

        def bullets(n: int) -> list[dict[str, Any]]:
            return [{"label": "-", "text": para()} for _ in range(n)]

        found = [occurrence(c, year) for c in self.commemorations(province)]
        first = sorted(rng.sample([o for o in found if o.date.month <= 6], 3), key=lambda o: o.date)
        second = sorted(rng.sample([o for o in found if o.date.month > 6], 3), key=lambda o: o.date)
        honoured = sorted(rng.sample(first + second, 3), key=lambda o: o.date)
        movements = self.movements(province, year)
        movements = rng.sample(movements, min(len(movements), rng.randint(3, 4)))
        legal_id, legal = self.legal(province, year)
        bases = [legal_id] + [k for k, (a, b) in NATIONAL_LEGAL.items() if a <= year <= b][:3]
        cites = [k for k, (a, b) in NATIONAL_LEGAL.items() if a <= year <= b and k not in bases]
        body: list[dict[str, Any]] = [
            {
                "label": "I.",
                "title": "MỤC ĐÍCH, YÊU CẦU",
                "children": [
                    {"label": "1.", "title": "Mục đích", "children": bullets(rng.randint(2, 3))},
                    {"label": "2.", "title": "Yêu cầu", "children": bullets(rng.randint(2, 4))},
                ],
            },
            {
                "label": "II.",
                "title": "NỘI DUNG, NHIỆM VỤ VÀ GIẢI PHÁP TỔ CHỨC PHONG TRÀO THI ĐUA",
                "children": [
                    {"text": para()},
                    {
                        "label": "1.",
                        "title": "Nội dung phong trào thi đua",
                        "children": [self._movement(rng, i, m, year, province) for i, m in enumerate(movements, 1)],
                    },
                    {
                        "label": "2.",
                        "title": "Nhiệm vụ, giải pháp chủ yếu",
                        "children": [{"label": f"2.{i}.", "text": para()} for i in range(1, rng.randint(4, 6))],
                    },
                ],
            },
        ]
        if rng.random() < 0.5:
            body.append(self._rewards(rng, year, province))
        phases = [("dot-1", "Đợt thi đua thứ nhất", first), ("dot-2", "Đợt thi đua thứ hai", second)]
        body.append(self._phases(rng, year, province, phases))
        body.append(self._responsibilities(rng, year, province, calendar_id))
        _trim(body, rng.choice(self.corpus.plan_sizes), rng)
        romans = ("I.", "II.", "III.", "IV.", "V.")  # the sections are numbered once they are all there
        body = [
            {"label": r, **{k: v for k, v in s.items() if k != "label"}} for r, s in zip(romans, body, strict=False)
        ]
        wording = ", ".join(o.wording for o in honoured)
        preamble = [
            f"Nhằm tạo khí thế thi đua sôi nổi, phát huy tinh thần chủ động, sáng tạo của mỗi tập thể, cá nhân trong "
            f"toàn ngành, thiết thực lập thành tích chào mừng kỷ niệm {wording}, góp phần thực hiện thắng lợi kế hoạch "
            f"phát triển kinh tế - xã hội năm {year} của cả nước và của {province.full}; trên cơ sở Kế hoạch phát động "
            f"phong trào thi đua yêu nước năm {year} của UBND {province.kind}[^1], Sở Tư pháp xây dựng kế hoạch phát "
            f"động phong trào thi đua ngành Tư pháp {province.name} năm {year} gồm những nội dung sau:"
        ]
        if rng.random() < 0.4:
            preamble.insert(0, para())
        closing, closing_year = rng.choice(self.corpus.closings)
        signer_name, _ = self.person(rng)
        signer = {"title": "GIÁM ĐỐC", "name": signer_name}
        if rng.random() < 0.3:
            signer = {"prefix": "KT.", "on_behalf_of": "GIÁM ĐỐC", "title": "PHÓ GIÁM ĐỐC", "name": signer_name}
        issued = f"{year}-{rng.randint(1, 3):02d}-{rng.randint(2, 28):02d}"
        # a plan sets no deadline before its own date (make check refuses one, unless marked before_plan)
        later = [d for d in DEADLINES if f"{year}-{d[0]}" >= issued[: len(f"{year}-{d[0]}")]]
        plan: dict[str, Any] = {
            "draft": False,
            "year": year,
            "document": {
                "type": "KẾ HOẠCH",
                "number": str(rng.randint(3, 250)),
                "symbol": "KH-STP",
                "issuer": province.office,
                "place": province.name if province.kind != "Thành phố" else province.full,
                "date": issued,
                "subject": f"Phát động phong trào thi đua năm {year}",
            },
            "theme": rng.choice(THEMES).format(tinh=province.full),
            "legal_bases": bases,
            "cites": cites,
            "movements": [m.id for m in movements],
            "commemorations": [o.commemoration.id for o in honoured],
            "preamble": preamble,
            "body": body,
            "closing": [retell(closing, closing_year, year, province)],
            "footnotes": {"1": f"Kế hoạch số {legal['number']} ngày {_dmy(legal['date'])} {legal['title']}."},
            "phases": [
                {
                    "id": pid,
                    "name": name,
                    "start": f"{year}-01-01" if pid == "dot-1" else f"{year}-07-01",
                    "end": f"{year}-06-30" if pid == "dot-1" else f"{year}-12-31",
                    "commemorations": [o.commemoration.id for o in occ],
                }
                for pid, name, occ in phases
            ],
            "deadlines": [
                {"date": f"{year}-{when}", "what": what.format(y=year), "who": rng.choice(UNITS[:2] + UNITS[3:4])}
                for when, what in sorted(rng.sample(later, min(len(later), rng.randint(3, 5))))
            ],
            "signer": signer,
            "recipients": self._recipients(rng, province),
            "source": "Dữ liệu tổng hợp để đo hiệu năng, ghép từ câu chữ của các kế hoạch thật; không phải văn bản "
            "đã ký.",
        }
        if rng.random() < 0.5:
            plan["attachments"] = [
                {"title": "Mẫu 1 - Bản đăng ký thi đua đối với tập thể"},
                {"title": "Mẫu 2 - Bản đăng ký thi đua đối với cá nhân"},
            ]
        return plan

    def _movement(
        self, rng: random.Random, i: int, m: models.Movement, year: int, province: Province
    ) -> dict[str, Any]:
        children: list[dict[str, Any]] = [{"text": self.paragraph(rng, year, province)}]
        for _ in range(rng.randint(1, 3)):
            item: dict[str, Any] = {"label": "-", "text": self.paragraph(rng, year, province)}
            if rng.random() < 0.3:
                item["children"] = [{"label": "+", "text": self.paragraph(rng, year, province)} for _ in range(2)]
            children.append(item)
        return {"label": f"1.{i}.", "title": f"Phong trào thi đua “{m.name}”", "movement": m.id, "children": children}

    def _rewards(self, rng: random.Random, year: int, province: Province) -> dict[str, Any]:
        titles = ["Danh hiệu “Lao động tiên tiến”", "Danh hiệu “Chiến sĩ thi đua cơ sở”", "Giấy khen của Giám đốc Sở"]
        return {
            "title": "TIÊU CHUẨN, HÌNH THỨC KHEN THƯỞNG",
            **({"topic": "tieu-chi-dien-hinh"} if rng.random() < 0.1 else {}),
            "children": [
                {"text": self.paragraph(rng, year, province)},
                *(
                    {"label": f"{'abc'[i]})", "title": t, "children": [{"text": self.paragraph(rng, year, province)}]}
                    for i, t in enumerate(titles)
                ),
            ],
        }

    def _phases(
        self, rng: random.Random, year: int, province: Province, phases: list[tuple[str, str, list]]
    ) -> dict[str, Any]:
        children: list[dict[str, Any]] = [
            {"text": f"Phong trào thi đua năm {year} được tổ chức thường xuyên ngay từ đầu năm, cao điểm là hai đợt:"}
        ]
        for n, (pid, name, occ) in enumerate(phases, 1):
            span = f"từ đầu năm đến 30/6/{year}" if n == 1 else f"từ 01/7/{year} đến hết năm {year}"
            review = "sơ kết cùng với sơ kết công tác tư pháp 06 tháng đầu năm" if n == 1 else "tổng kết cùng với"
            review += f" tổng kết công tác tư pháp năm {year}" if n == 2 else f" {year}"
            text = (
                f"Thời gian {span}, lập thành tích chào mừng kỷ niệm {', '.join(o.wording for o in occ)}. "
                f"Tổ chức {review}."
            )
            children.append({"label": f"{n}.", "title": name, "phase": pid, "children": [{"text": text}]})
        children.append({"text": self.paragraph(rng, year, province)})
        return {"title": "THỜI GIAN TỔ CHỨC CÁC PHONG TRÀO THI ĐUA", "children": children}

    def _responsibilities(self, rng: random.Random, year: int, province: Province, calendar_id: str) -> dict[str, Any]:
        children: list[dict[str, Any]] = []
        for n, unit in enumerate(rng.sample(UNITS, 3), 1):
            items: list[dict[str, Any]] = [
                {"label": "-", "text": self.paragraph(rng, year, province)} for _ in range(rng.randint(1, 3))
            ]
            if rng.random() < 0.4:
                items.append({"text": f"Thời gian thực hiện: xong trước ngày {rng.randint(2, 28):02d}/02/{year}."})
            children.append({"label": f"{n}.", "title": unit, "unit": unit, "children": items})
        if rng.random() < 0.3:
            intro, intro_year = rng.choice(self.corpus.intros)
            children.append(
                {
                    "label": f"{len(children) + 1}.",
                    "title": "Kế hoạch tuyên truyền hằng tháng",
                    "children": [{"text": retell(intro, intro_year, year, province)}, {"calendar": calendar_id}],
                }
            )
        return {"title": "TỔ CHỨC THỰC HIỆN", "children": children}

    def _recipients(self, rng: random.Random, province: Province) -> list[dict[str, Any]]:
        items = [
            "Bộ Tư pháp (Vụ TĐKT);",
            f"UBND {province.kind} (b/c);",
            "Ban Thi đua - Khen thưởng (Sở Nội vụ);",
            "Lãnh đạo Sở;",
            "Các phòng, đơn vị thuộc Sở;",
            "Các tổ chức bổ trợ tư pháp;",
            "Lưu: VT, VP.",
        ]
        if rng.random() < 0.5:
            return [{"items": items}]
        return [{"group": "Gửi bản điện tử:", "items": items[1:]}, {"group": "Gửi bản giấy:", "items": items[:1]}]

    # ------------------------------------------------------------ calendars

    def calendar(self, province: Province, year: int, plan_id: str) -> dict[str, Any]:
        rng = self.rng("calendar", province.key, year)
        found = [occurrence(c, year) for c in self.commemorations(province)]
        entries: list[dict[str, Any]] = []
        for month in range(1, 13):
            here = sorted((o for o in found if o.date.month == month), key=lambda o: (o.date, o.commemoration.id))
            themes: list[dict[str, Any]] = []
            contents: list[str] = []
            for o in rng.sample(here, min(len(here), rng.randint(1, 2))):
                theme: dict[str, Any] = {"commemoration": o.commemoration.id}
                if rng.random() < 0.5:
                    theme = {"text": f"Chào mừng kỷ niệm {o.wording}", **theme}
                themes.append(theme)
                contents += self._contents(rng, o.commemoration, year, province)
            if not themes:
                themes = [{"text": rng.choice(MONTH_TEXTS)}]
                contents = self._contents(rng, None, year, province)
            entries.append({"label": f"Tháng {month}", "months": [month], "themes": themes, "contents": contents})
        for m in rng.sample(self.movements(province, year), rng.randint(0, 3)):
            text = f"Tiếp tục thực hiện phong trào thi đua “{m.name}”"
            contents = self._contents(rng, None, year, province)
            themes = [{"text": text, "movement": m.id}]
            entries.append({"label": "Trong năm", "year_round": True, "themes": themes, "contents": contents})
        return {
            "draft": False,
            "title": f"Tuyên truyền, xây dựng và nhân rộng điển hình tiên tiến về phong trào thi đua yêu nước trên "
            f"địa bàn {province.full} năm {year}",
            "year": year,
            "issuer": province.office,
            "plan": plan_id,
            "entries": entries,
        }

    def _contents(self, rng: random.Random, c: models.Commemoration | None, year: int, province: Province) -> list[str]:
        pool = self.corpus.contents.get(c.id, []) if c else []
        pool = pool or self.corpus.all_contents
        out = []
        for text, source_year in rng.sample(pool, min(len(pool), rng.randint(1, 3))):
            if c is not None and c.base_year is not None:  # "92 năm thành lập Đoàn" -> the count of `year`
                old, new = anniversary.count(c.base_year, source_year), anniversary.count(c.base_year, year)
                text = re.sub(rf"\b{old} năm\b", f"{new} năm", text)
            text = retell(text, source_year, year, province)
            if not anniversary.lint(text):
                out.append(text)
        return out or [self.paragraph(rng, year, province)]

    # ------------------------------------------------------------ profiles

    def profile(self, n: int, plans: dict[tuple[str, int], str], attempt: int = 0) -> tuple[str, dict[str, Any]]:
        """Profile `n`; another draw for each `attempt` (when the first repeats a profile already made)."""
        rng = self.rng("profile", n, *([attempt] if attempt else []))
        province = self.provinces[n % len(self.provinces)]
        templates = sorted(self.corpus.repo.profiles.values(), key=lambda p: p.id)
        t = rng.choice(templates)
        level = rng.choice(LEVELS)
        periodic = level.endswith("giai-doan")
        periods = [p for p in PERIODS if p[0] <= max(self.scale.years) and p[1] >= min(self.scale.years)]
        period = rng.choice(periods) if periodic else None
        year = period[0] if period else rng.choice(self.scale.years)
        source_year = t.period[0] if t.period else (t.year or year)
        district = rng.choice(DISTRICTS)
        swaps = [(d, district) for d in REAL_DISTRICTS]
        if t.kind == "ca-nhan":  # a person of the same gender as the template: the story's pronouns still fit
            person, _ = self.person(rng, "f" if " Thị " in t.name else "m")
            old, new = t.name.split()[-1], person.split()[-1]
            swaps = [(t.name, person)] + [(f"{w} {old}", f"{w} {new}") for w in ("anh", "Anh", "chị", "Chị")] + swaps

        def tell(text: str) -> str:
            return retell(text, source_year, year, province, swaps)

        name = tell(t.name)
        published = dt.date((period[1] if period else year) + 1, rng.randint(1, 6), rng.randint(1, 28))
        pid = slug(f"{name} {province.name if province.name not in name else ''} {year}")
        record: dict[str, Any] = {"illustrative": True, "kind": t.kind, "name": name, "unit": tell(t.unit)}
        if t.position:
            record["position"] = tell(t.position)
        record["level"] = level
        record.update({"period": {"from": period[0], "to": period[1]}} if period else {"year": year})
        record["published"] = published.isoformat()
        movements = self.movements(province, year) or self.movements(province)
        record["movements"] = [m.id for m in rng.sample(movements, min(len(movements), rng.randint(1, 3)))]
        years = range(period[0], period[1] + 1) if period else [year]
        linked = [plans[(province.key, y)] for y in years if (province.key, y) in plans][:2]
        if linked:
            record["plans"] = linked
        record["stage"] = rng.choice(STAGES)
        record["awards"] = [
            {
                "kind": a.kind,
                "title": a.title,
                "giver": tell(a.giver),
                "decision": f"{rng.randint(5, 1500)}/{a.decision.split('/', 1)[1]}",
                "date": _shift(a.date, year - source_year).isoformat(),
            }
            for a in t.awards
        ]
        record["achievements"] = [tell(a) for a in t.achievements]
        record["story"] = tell(t.story)
        if rng.random() < 0.5:
            count = 2 if rng.random() < 0.2 else 1
            alts = [tell(p.alt) for p in t.photos] or [f"{name} tại nơi làm việc", f"Tập thể {name} trong một buổi họp"]
            record["photos"] = [
                {"file": f"photos/{_photo_name(rng.randrange(self.scale.photos))}", "alt": alts[i % len(alts)]}
                for i in range(count)
            ]
        record["sources"] = [
            {
                "title": tell(s.title),
                "url": f"https://stp.{province.key.replace('-', '')}.example.gov.vn/guong-dien-hinh/{pid}",
                **({"publisher": tell(s.publisher)} if s.publisher else {}),
                "date": (published - dt.timedelta(days=rng.randint(3, 40))).isoformat(),
            }
            for s in t.sources
        ]
        if t.kind == "ca-nhan":
            consent = {"given": rng.random() < 0.95, "date": (published - dt.timedelta(days=10)).isoformat()}
            record["consent"] = consent
        return pid, {k: v for k, v in record.items() if v != []}


def _dmy(date: str) -> str:
    y, m, d = date.split("-")
    return f"{d}/{m}/{y}"


def _shift(date: dt.date, years: int) -> dt.date:
    return date.replace(year=date.year + years, day=min(date.day, 28))


def _photo_name(i: int) -> str:
    return f"anh-minh-hoa-{i + 1:02d}.jpg"


def photo(i: int) -> Image.Image:
    """An abstract 800x600 picture: a two-colour gradient and a few shapes (the same pixels every run)."""
    rng = random.Random(f"{SEED}:photo:{i}")
    colours = [tuple(rng.randrange(40, 220) for _ in range(3)) for _ in range(2)]
    image = ImageOps.colorize(Image.linear_gradient("L").resize((800, 600)), *colours).convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(40):
        x, y, w, h = rng.randrange(800), rng.randrange(600), rng.randrange(10, 160), rng.randrange(10, 160)
        fill = tuple(rng.randrange(256) for _ in range(3))
        (draw.ellipse if rng.random() < 0.5 else draw.rectangle)((x, y, x + w, y + h), fill=fill)
    return image


# ---------------------------------------------------------------- writing


class _Dumper(yaml.SafeDumper):
    """YAML as the editors write it: lists indented under their key, long texts as folded blocks."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else (">" if len(value) > 90 else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def _identity(record: dict[str, Any]) -> tuple[str, ...]:
    return tuple(" ".join(str(record.get(k, "")).split()).casefold() for k in ("kind", "name", "unit", "story"))


def _write(path: Path, record: dict[str, Any]) -> None:
    text = yaml.dump(record, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110)
    path.write_text(text, encoding="utf-8", newline="\n")


def prepare(out: Path, source: Path = DATA) -> None:
    """Make `out` ready: refuse data/ and any folder with content that this generator did not write."""
    out, source = out.resolve(), source.resolve()
    if out == source or out.is_relative_to(source) or source.is_relative_to(out):
        raise Refused(f"{out} trùng hoặc chứa thư mục dữ liệu thật {source}; hãy chọn thư mục khác.")
    if out.exists() and not out.is_dir():
        raise Refused(f"{out} là một tệp, không phải thư mục.")
    if out.is_dir() and any(out.iterdir()):
        if not (out / MARKER).is_file():
            raise Refused(f"{out} đã có nội dung và không phải thư mục dữ liệu tổng hợp; không ghi vào đó.")
        for folder, *_ in KINDS:
            shutil.rmtree(out / folder, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)


def generate(scale: Scale, out: Path, source: Path = DATA) -> dict[str, int]:
    """Write the data folder for `scale` into `out`; return how many records of each kind were written."""
    prepare(out, source)
    corpus = Corpus.read(source)
    provinces = [Province(*p) for p in PROVINCES[: scale.provinces]]
    gen = Generator(scale, corpus, provinces)
    for folder, *_ in KINDS:
        (out / folder).mkdir()
    for folder in COPIED:
        for path in sorted((source / folder).glob("*.yml")):
            shutil.copyfile(path, out / folder / path.name)
    for body_id, body in gen.bodies().items():
        _write(out / "bodies" / f"{body_id}.yml", body)
    plans: dict[tuple[str, int], str] = {}
    for province in provinces:
        for year in scale.years:
            plan_id, calendar_id = f"{year}-stp-{province.key}-phat-dong-thi-dua", f"{province.office}-{year}"
            legal_id, legal = gen.legal(province, year)
            _write(out / "legal" / f"{legal_id}.yml", legal)
            _write(out / "plans" / f"{plan_id}.yml", gen.plan(province, year, calendar_id))
            _write(out / "calendars" / f"{calendar_id}.yml", gen.calendar(province, year, plan_id))
            plans[(province.key, year)] = plan_id
    photos = out / "profiles" / "photos"
    photos.mkdir()
    for i in range(scale.photos):
        photo(i).save(photos / _photo_name(i), "JPEG", quality=85)
    seen: set[str] = set()
    told: set[tuple[str, ...]] = set()  # the same person or unit with the same story: make check refuses a copy
    for n in range(scale.profiles):
        attempt = 0
        pid, record = gen.profile(n, plans)
        while pid in seen or _identity(record) in told:
            attempt += 1
            pid, record = gen.profile(n, plans, attempt)
        seen.add(pid)
        told.add(_identity(record))
        _write(out / "profiles" / f"{pid}.yml", record)
    (out / MARKER).write_text(
        f"Thư mục dữ liệu tổng hợp (quy mô {scale.name}) do python -m bench.synthetic tạo; "
        "chạy lại lệnh sẽ xóa và tạo lại các thư mục dữ liệu ở đây.\n",
        encoding="utf-8",
    )
    return {"plans": len(plans), "calendars": len(plans), "profiles": scale.profiles, "photos": scale.photos}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.synthetic", description="Tạo dữ liệu tổng hợp để đo hiệu năng"
    )
    parser.add_argument("--scale", choices=list(SCALES), default="province")
    parser.add_argument("--out", type=Path, required=True, help="thư mục ra (trống, hoặc đã tạo bằng lệnh này)")
    args = parser.parse_args(argv)
    try:
        counts = generate(SCALES[args.scale], args.out)
    except Refused as err:
        sys.stderr.write(f"Không tạo dữ liệu: {err}\n")
        return 2
    sys.stdout.write(
        f"Đã tạo dữ liệu tổng hợp quy mô {args.scale} vào {args.out}: {counts['plans']} kế hoạch, "
        f"{counts['calendars']} lịch, {counts['profiles']} điển hình, {counts['photos']} ảnh.\n"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
